//! Sales forecasting: least-squares trend y = ax + b, correlation coefficient,
//! multiplicative seasonal coefficients (ratio to trend or to centred moving averages).
//!
//! Exact decimals; the exercise decides what is rounded (and the expression-language
//! formulas follow the same order of operations).

use rust_decimal::{Decimal, MathematicalOps};

/// Least-squares fit of `ys` on `xs`, with the sums a student writes in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    pub n: usize,
    pub mean_x: Decimal,
    pub mean_y: Decimal,
    /// Σ(x − x̄)(y − ȳ)
    pub sxy: Decimal,
    /// Σ(x − x̄)²
    pub sxx: Decimal,
    /// Σ(y − ȳ)²
    pub syy: Decimal,
}

impl Fit {
    /// DROITEREG's slope.
    pub fn slope(&self) -> Option<Decimal> {
        self.sxy.checked_div(self.sxx)
    }

    /// DROITEREG's intercept, for a given (possibly rounded) slope: ȳ − a·x̄.
    pub fn intercept_with(&self, a: Decimal) -> Option<Decimal> {
        self.mean_y.checked_sub(a.checked_mul(self.mean_x)?)
    }

    /// COEFFICIENT.CORRELATION: Σ(x − x̄)(y − ȳ) ÷ √(Σ(x − x̄)² × Σ(y − ȳ)²).
    pub fn correlation(&self) -> Option<Decimal> {
        let d = self.sxx.checked_mul(self.syy)?.sqrt()?;
        self.sxy.checked_div(d)
    }

    /// The slope of x on y (x and y swapped): a known mistake.
    pub fn swapped_slope(&self) -> Option<Decimal> {
        self.sxy.checked_div(self.syy)
    }
}

/// The fit of `ys` on `xs`; `None` if fewer than two points, lengths differ, all x are
/// equal or a sum overflows.
pub fn fit(xs: &[Decimal], ys: &[Decimal]) -> Option<Fit> {
    let n = xs.len();
    if n < 2 || ys.len() != n {
        return None;
    }
    let nd = Decimal::from(n);
    let sum = |v: &[Decimal]| v.iter().try_fold(Decimal::ZERO, |s, x| s.checked_add(*x));
    let mean_x = sum(xs)?.checked_div(nd)?;
    let mean_y = sum(ys)?.checked_div(nd)?;
    let (mut sxy, mut sxx, mut syy) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (x, y) in xs.iter().zip(ys) {
        let dx = x.checked_sub(mean_x)?;
        let dy = y.checked_sub(mean_y)?;
        sxy = sxy.checked_add(dx.checked_mul(dy)?)?;
        sxx = sxx.checked_add(dx.checked_mul(dx)?)?;
        syy = syy.checked_add(dy.checked_mul(dy)?)?;
    }
    if sxx.is_zero() {
        return None;
    }
    Some(Fit {
        n,
        mean_x,
        mean_y,
        sxy,
        sxx,
        syy,
    })
}

/// Centred moving average of order `p` (even: 4 quarters) at 0-based position `t`:
/// (½·y[t−p/2] + y[t−p/2+1] + … + y[t+p/2−1] + ½·y[t+p/2]) ÷ p. `None` near the ends.
pub fn centred_moving_average(ys: &[Decimal], p: usize, t: usize) -> Option<Decimal> {
    let h = p / 2;
    if p == 0 || p % 2 == 1 || t < h || t + h >= ys.len() {
        return None;
    }
    let mut s = (ys[t - h] + ys[t + h]) / Decimal::TWO;
    for y in &ys[t - h + 1..t + h] {
        s = s.checked_add(*y)?;
    }
    s.checked_div(Decimal::from(p))
}

/// Seasonal coefficient of each season `k` (0-based, period `p`): the mean of the ratios
/// y ÷ reference over the positions of that season where a reference exists.
pub fn seasonal_coefficients(
    ys: &[Decimal],
    reference: &[Option<Decimal>],
    p: usize,
) -> Option<Vec<Decimal>> {
    let mut out = Vec::with_capacity(p);
    for k in 0..p {
        let ratios: Vec<Decimal> = (k..ys.len())
            .step_by(p)
            .filter_map(|i| reference.get(i).copied().flatten().map(|r| (i, r)))
            .map(|(i, r)| ys[i].checked_div(r))
            .collect::<Option<Vec<_>>>()?;
        if ratios.is_empty() {
            return None;
        }
        let s = ratios
            .iter()
            .try_fold(Decimal::ZERO, |s, x| s.checked_add(*x))?;
        out.push(s.checked_div(Decimal::from(ratios.len()))?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::round::round_half_away;
    use rust_decimal_macros::dec;

    fn ds(v: &[i64]) -> Vec<Decimal> {
        v.iter().map(|&x| Decimal::from(x)).collect()
    }

    fn ranks(n: i64) -> Vec<Decimal> {
        (1..=n).map(Decimal::from).collect()
    }

    /// Menuiseries Castel (S522 chapter): Σ(x − x̄)(y − ȳ) = 385, Σ(x − x̄)² = 17,5,
    /// Σ(y − ȳ)² = 8 504; a = 22, b = 465 − 22 × 3,5 = 388; r = 385 / √148 820 = 0,998.
    /// Same as DROITEREG(B1:B6; A1:A6) = {22 ; 388} and COEFFICIENT.CORRELATION =
    /// 0,99800…
    #[test]
    fn textbook_trend() {
        let f = fit(&ranks(6), &ds(&[408, 436, 451, 478, 497, 520])).unwrap();
        assert_eq!((f.sxy, f.sxx, f.syy), (dec!(385), dec!(17.5), dec!(8504)));
        assert_eq!(f.slope(), Some(dec!(22)));
        assert_eq!(f.intercept_with(dec!(22)), Some(dec!(388)));
        assert_eq!(round_half_away(f.correlation().unwrap(), 3), dec!(0.998));
    }

    /// Exercise 3 of the chapter: 120, 131, 139, 152, 158 → a = 9,7, b = 110,9,
    /// r = 97 / √9 500 = 0,9952.
    #[test]
    fn textbook_five_years() {
        let f = fit(&ranks(5), &ds(&[120, 131, 139, 152, 158])).unwrap();
        assert_eq!(f.slope(), Some(dec!(9.7)));
        assert_eq!(f.intercept_with(dec!(9.7)), Some(dec!(110.9)));
        assert_eq!(round_half_away(f.correlation().unwrap(), 4), dec!(0.9952));
        // x and y swapped: 97 / 950.
        assert_eq!(round_half_away(f.swapped_slope().unwrap(), 4), dec!(0.1021));
    }

    /// Boissons Fraîches du Rhône (chapter): t = 4x + 176, r = 0,38 on raw data; the
    /// coefficients by ratio to trend 0,849 / 1,075 / 1,230 / 0,845 (to 0,001); the
    /// moving average at T3 N−2 = 753,5 / 4 = 188,375.
    #[test]
    fn textbook_seasonal() {
        let ys = ds(&[155, 198, 231, 164, 166, 215, 252, 176, 178, 232, 270, 187]);
        let f = fit(&ranks(12), &ys).unwrap();
        assert_eq!((f.sxy, f.sxx, f.syy), (dec!(572), dec!(143), dec!(15476)));
        assert_eq!(f.slope(), Some(dec!(4)));
        assert_eq!(f.intercept_with(dec!(4)), Some(dec!(176)));
        assert_eq!(round_half_away(f.correlation().unwrap(), 2), dec!(0.38));
        let trend: Vec<Option<Decimal>> = (1..=12)
            .map(|x| Some(dec!(4) * Decimal::from(x) + dec!(176)))
            .collect();
        let c = seasonal_coefficients(&ys, &trend, 4).unwrap();
        let c: Vec<Decimal> = c.into_iter().map(|x| round_half_away(x, 3)).collect();
        assert_eq!(c, [dec!(0.849), dec!(1.075), dec!(1.230), dec!(0.845)]);
        assert_eq!(centred_moving_average(&ys, 4, 2), Some(dec!(188.375)));
        assert_eq!(centred_moving_average(&ys, 4, 1), None);
        assert_eq!(centred_moving_average(&ys, 4, 10), None);
        assert!(centred_moving_average(&ys, 4, 9).is_some());
    }

    #[test]
    fn degenerate_fits() {
        assert!(fit(&ranks(1), &ds(&[3])).is_none());
        assert!(fit(&ds(&[2, 2]), &ds(&[3, 4])).is_none());
        assert!(fit(&ranks(3), &ds(&[3, 4])).is_none());
        // A flat series: r undefined (0 / 0 → None), slope 0.
        let f = fit(&ranks(3), &ds(&[5, 5, 5])).unwrap();
        assert_eq!(f.slope(), Some(Decimal::ZERO));
        assert_eq!(f.correlation(), None);
    }
}

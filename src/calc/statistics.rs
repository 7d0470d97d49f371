//! Descriptive statistics of a sales series, raw or grouped in classes.
//!
//! All in exact decimals; square roots through `rust_decimal`'s `maths` feature. Nothing
//! is rounded here: the exercise rounds what it displays and says so.

use rust_decimal::{Decimal, MathematicalOps};

/// How quartiles of a raw series are found (the textbooks disagree).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuartileMethod {
    /// French textbook method: Q1 is the value of rank ⌈n/4⌉ of the sorted series, Q3
    /// the value of rank ⌈3n/4⌉ (the smallest value with at least 25 % / 75 % of the
    /// values below or equal).
    Rank,
    /// Spreadsheet QUARTILE (QUARTILE.INCLURE): position 1 + (n − 1) × p, linear
    /// interpolation between the two surrounding values.
    Interpolation,
}

pub fn sum(xs: &[Decimal]) -> Option<Decimal> {
    xs.iter().try_fold(Decimal::ZERO, |s, x| s.checked_add(*x))
}

/// MOYENNE.
pub fn mean(xs: &[Decimal]) -> Option<Decimal> {
    if xs.is_empty() {
        return None;
    }
    sum(xs)?.checked_div(Decimal::from(xs.len()))
}

pub fn sorted(xs: &[Decimal]) -> Vec<Decimal> {
    let mut v = xs.to_vec();
    v.sort();
    v
}

/// MEDIANE: the central value of the sorted series, or the mean of the two central
/// values when n is even.
pub fn median(xs: &[Decimal]) -> Option<Decimal> {
    let s = sorted(xs);
    let n = s.len();
    if n == 0 {
        return None;
    }
    Some(if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / Decimal::TWO
    })
}

/// Quartile `k` (1 or 3) by `method`.
pub fn quartile(xs: &[Decimal], k: u32, method: QuartileMethod) -> Option<Decimal> {
    let s = sorted(xs);
    let n = s.len();
    if n == 0 || !(1..=3).contains(&k) {
        return None;
    }
    match method {
        QuartileMethod::Rank => {
            // ⌈k·n/4⌉, 1-based.
            let rank = (k as usize * n).div_ceil(4).max(1);
            Some(s[rank - 1])
        }
        QuartileMethod::Interpolation => {
            // Position (n − 1)·k/4, 0-based: integer part and fraction.
            let num = (n - 1) * k as usize;
            let i = num / 4;
            let frac = Decimal::from(num % 4) / Decimal::from(4);
            let lo = s[i];
            let hi = if i + 1 < n { s[i + 1] } else { s[i] };
            Some(lo + (hi - lo) * frac)
        }
    }
}

/// Population variance Σ(x − x̄)² / n.
pub fn variance(xs: &[Decimal]) -> Option<Decimal> {
    let m = mean(xs)?;
    let ss = xs.iter().try_fold(Decimal::ZERO, |s, x| {
        let d = x.checked_sub(m)?;
        s.checked_add(d.checked_mul(d)?)
    })?;
    ss.checked_div(Decimal::from(xs.len()))
}

/// Sample variance Σ(x − x̄)² / (n − 1): what ECARTYPE (not ECARTYPEP) squares; a
/// known mistake when the series is a whole population.
pub fn sample_variance(xs: &[Decimal]) -> Option<Decimal> {
    if xs.len() < 2 {
        return None;
    }
    let n = Decimal::from(xs.len());
    variance(xs)?.checked_mul(n)?.checked_div(n - Decimal::ONE)
}

/// ECARTYPEP: population standard deviation.
pub fn std_dev(xs: &[Decimal]) -> Option<Decimal> {
    variance(xs)?.sqrt()
}

/// The round number nearest `x` by ratio among `mantissas` × a power of ten (`mantissas`
/// from 1 included to 10 excluded, increasing): the class width or bracket a teacher
/// chooses (« de 5 000 € à moins de 10 000 € »), never 4 732 €. `None` if `x` ≤ 0.
pub fn nearest_round(x: Decimal, mantissas: &[Decimal]) -> Option<Decimal> {
    if x <= Decimal::ZERO || mantissas.is_empty() {
        return None;
    }
    let ten = Decimal::TEN;
    let mut power = Decimal::ONE;
    while x >= power * ten {
        power *= ten;
    }
    while x < power {
        power /= ten;
    }
    // The candidates around x: this decade's mantissas and the next decade's first.
    let candidates = mantissas
        .iter()
        .map(|m| *m * power)
        .chain(std::iter::once(mantissas[0] * power * ten));
    // By ratio: 3 600 is nearer 5 000 (× 1,39) than 2 500 (× 1,44).
    candidates.min_by_key(|c| if *c >= x { *c / x } else { x / *c })
}

/// One class of a grouped series: `[lower, upper[` and its count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bin {
    pub lower: Decimal,
    pub upper: Decimal,
    pub count: u32,
}

impl Bin {
    pub fn centre(&self) -> Decimal {
        (self.lower + self.upper) / Decimal::TWO
    }
}

fn total_count(bins: &[Bin]) -> u32 {
    bins.iter().map(|b| b.count).sum()
}

/// Mean of a grouped series: Σ nᵢcᵢ / Σ nᵢ with the class centres cᵢ.
pub fn grouped_mean(bins: &[Bin]) -> Option<Decimal> {
    weighted_mean(bins, |b| b.centre())
}

/// Σ nᵢ·f(classᵢ) / Σ nᵢ (a wrong `f` gives the « wrong midpoint » mistakes).
pub fn weighted_mean(bins: &[Bin], f: impl Fn(&Bin) -> Decimal) -> Option<Decimal> {
    let n = total_count(bins);
    if n == 0 {
        return None;
    }
    let s = bins.iter().try_fold(Decimal::ZERO, |s, b| {
        s.checked_add(f(b).checked_mul(Decimal::from(b.count))?)
    })?;
    s.checked_div(Decimal::from(n))
}

/// Population variance of a grouped series, on the class centres.
pub fn grouped_variance(bins: &[Bin]) -> Option<Decimal> {
    let m = grouped_mean(bins)?;
    let n = total_count(bins);
    let ss = bins.iter().try_fold(Decimal::ZERO, |s, b| {
        let d = b.centre().checked_sub(m)?;
        s.checked_add(d.checked_mul(d)?.checked_mul(Decimal::from(b.count))?)
    })?;
    ss.checked_div(Decimal::from(n))
}

/// Index of the modal class (largest count; classes of equal width). `None` when two
/// classes share the largest count.
pub fn modal_class(bins: &[Bin]) -> Option<usize> {
    let max = bins.iter().map(|b| b.count).max()?;
    let mut at = bins.iter().enumerate().filter(|(_, b)| b.count == max);
    let (i, _) = at.next()?;
    if at.next().is_some() {
        None
    } else {
        Some(i)
    }
}

/// The value below which a fraction `p` (0,25, 0,5, 0,75) of the customers lie, by
/// linear interpolation inside the class where the cumulative count reaches p·N:
/// L + amplitude × (p·N − cumulative count before) ÷ count of the class.
pub fn grouped_quantile(bins: &[Bin], p: Decimal) -> Option<(usize, Decimal)> {
    let n = Decimal::from(total_count(bins));
    let target = n * p;
    let mut before = Decimal::ZERO;
    for (i, b) in bins.iter().enumerate() {
        let count = Decimal::from(b.count);
        if b.count > 0 && before + count >= target {
            let v = b.lower + (b.upper - b.lower) * (target - before) / count;
            return Some((i, v));
        }
        before += count;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn ds(v: &[i64]) -> Vec<Decimal> {
        v.iter().map(|&x| Decimal::from(x)).collect()
    }

    /// Karim Benali's monthly CA of the S522 chapter, by hand: Σ = 780, x̄ = 65;
    /// sorted 40 52 58 61 64 66 70 71 72 74 75 77 → Me = (66 + 70) / 2 = 68;
    /// Q1 = 3rd value = 58, Q3 = 9th value = 72 (rank method); Σ(x − x̄)² = 1 296,
    /// V = 108, σ = √108 = 10,392…
    #[test]
    fn textbook_monthly_series() {
        let xs = ds(&[58, 61, 64, 70, 72, 75, 52, 40, 66, 71, 74, 77]);
        assert_eq!(mean(&xs), Some(dec!(65)));
        assert_eq!(median(&xs), Some(dec!(68)));
        assert_eq!(quartile(&xs, 1, QuartileMethod::Rank), Some(dec!(58)));
        assert_eq!(quartile(&xs, 3, QuartileMethod::Rank), Some(dec!(72)));
        assert_eq!(variance(&xs), Some(dec!(108)));
        let s = std_dev(&xs).unwrap();
        assert_eq!(crate::num::round::round_half_away(s, 2), dec!(10.39));
    }

    /// Spreadsheet values (LibreOffice Calc / Excel) for the same series:
    /// QUARTILE(A1:A12; 1) = 60,25 (position 1 + 11 × 0,25 = 3,75: 58 + 0,75 × 3);
    /// QUARTILE(A1:A12; 3) = 72,5 (position 9,25: 72 + 0,25 × 2);
    /// ECARTYPEP = 10,3923048…, ECARTYPE = 10,8543…  (√(1 296 / 11) = √117,818…).
    #[test]
    fn spreadsheet_functions() {
        let xs = ds(&[58, 61, 64, 70, 72, 75, 52, 40, 66, 71, 74, 77]);
        assert_eq!(
            quartile(&xs, 1, QuartileMethod::Interpolation),
            Some(dec!(60.25))
        );
        assert_eq!(
            quartile(&xs, 3, QuartileMethod::Interpolation),
            Some(dec!(72.5))
        );
        let r = |x: Decimal| crate::num::round::round_half_away(x, 4);
        assert_eq!(r(std_dev(&xs).unwrap()), dec!(10.3923));
        assert_eq!(
            r(sample_variance(&xs).unwrap().sqrt().unwrap()),
            dec!(10.8544)
        );
    }

    #[test]
    fn round_numbers_a_teacher_would_choose() {
        let steps = [dec!(1), dec!(2), dec!(2.5), dec!(5)];
        assert_eq!(nearest_round(dec!(3600), &steps), Some(dec!(5000)));
        assert_eq!(nearest_round(dec!(3400), &steps), Some(dec!(2500)));
        assert_eq!(nearest_round(dec!(8000), &steps), Some(dec!(10000)));
        assert_eq!(nearest_round(dec!(1.3), &steps), Some(dec!(1)));
        assert_eq!(nearest_round(dec!(0.3), &steps), Some(dec!(0.25)));
        assert_eq!(nearest_round(dec!(45), &steps), Some(dec!(50)));
        assert_eq!(nearest_round(Decimal::ZERO, &steps), None);
    }

    /// Hôtel de la Gare, exercise 1 of the chapter: 8 orders; x̄ = 450; Me = 430;
    /// Q1 = 2nd = 390, Q3 = 6th = 460; V = 38 200 / 8 = 4 775; σ = 69,10.
    #[test]
    fn textbook_orders() {
        let xs = ds(&[420, 380, 510, 460, 390, 600, 440, 400]);
        assert_eq!(mean(&xs), Some(dec!(450)));
        assert_eq!(median(&xs), Some(dec!(430)));
        assert_eq!(quartile(&xs, 1, QuartileMethod::Rank), Some(dec!(390)));
        assert_eq!(quartile(&xs, 3, QuartileMethod::Rank), Some(dec!(460)));
        assert_eq!(variance(&xs), Some(dec!(4775)));
        let s = crate::num::round::round_half_away(std_dev(&xs).unwrap(), 2);
        assert_eq!(s, dec!(69.10));
    }

    #[test]
    fn odd_count_and_small_series() {
        let xs = ds(&[5, 1, 3]);
        assert_eq!(median(&xs), Some(dec!(3)));
        // ⌈3/4⌉ = 1, ⌈9/4⌉ = 3.
        assert_eq!(quartile(&xs, 1, QuartileMethod::Rank), Some(dec!(1)));
        assert_eq!(quartile(&xs, 3, QuartileMethod::Rank), Some(dec!(5)));
        assert_eq!(
            quartile(&xs, 1, QuartileMethod::Interpolation),
            Some(dec!(2))
        );
        assert_eq!(mean(&[]), None);
        assert_eq!(sample_variance(&ds(&[4])), None);
        assert_eq!(std_dev(&ds(&[7, 7, 7])), Some(Decimal::ZERO));
    }

    /// The Papeterie Dauphiné Pro's 200 customers of the chapter: x̄ = 2 000 000 / 200
    /// = 10 000; modal class [5 000 ; 10 000[; Me = 5 000 + 5 000 × 62 / 72 = 9 305,56.
    #[test]
    fn textbook_grouped_series() {
        let b = |lo: i64, hi: i64, n: u32| Bin {
            lower: Decimal::from(lo),
            upper: Decimal::from(hi),
            count: n,
        };
        let bins = [
            b(0, 5000, 38),
            b(5000, 10000, 72),
            b(10000, 15000, 54),
            b(15000, 20000, 24),
            b(20000, 25000, 12),
        ];
        assert_eq!(grouped_mean(&bins), Some(dec!(10000)));
        assert_eq!(modal_class(&bins), Some(1));
        let (i, me) = grouped_quantile(&bins, dec!(0.5)).unwrap();
        assert_eq!(i, 1);
        assert_eq!(crate::num::round::round_half_away(me, 2), dec!(9305.56));
        // Σ nᵢ(cᵢ − 10 000)² = 38·7 500² + 72·2 500² + 54·2 500² + 24·7 500² + 12·12 500²
        // = 2 137 500 000 + 450 000 000 + 337 500 000 + 1 350 000 000 + 1 875 000 000
        // = 6 150 000 000; V = 30 750 000.
        assert_eq!(grouped_variance(&bins), Some(dec!(30750000)));
    }
}

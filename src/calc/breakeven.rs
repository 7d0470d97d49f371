//! Break-even analysis of a commercial activity (S531): marge sur coût variable,
//! seuil de rentabilité, point mort, sécurité and operating leverage.
//!
//! The threshold is computed with the **exact** MCV rate (fixed costs × CA / MCV): a
//! rate rounded to 0,01 % would move it by several euros.

use rust_decimal::Decimal;

/// Fixed costs × CA / MCV, or `None` without a positive margin.
pub fn threshold_value(fixed: Decimal, sales: Decimal, margin: Decimal) -> Option<Decimal> {
    if margin <= Decimal::ZERO {
        return None;
    }
    fixed.checked_mul(sales)?.checked_div(margin)
}

/// Units to sell, rounded up: the last unit short of the threshold still loses money.
pub fn threshold_units(fixed: Decimal, unit_margin: Decimal) -> Option<Decimal> {
    if unit_margin <= Decimal::ZERO {
        return None;
    }
    Some(fixed.checked_div(unit_margin)?.ceil())
}

/// Day of the year (1-based, `year_days` in the year) on which a regular activity
/// reaches the threshold: the threshold is crossed during that day, so it is rounded up.
pub fn dead_point_day_linear(
    threshold: Decimal,
    sales: Decimal,
    year_days: u32,
) -> Option<Decimal> {
    if sales <= Decimal::ZERO {
        return None;
    }
    Some(
        threshold
            .checked_mul(Decimal::from(year_days))?
            .checked_div(sales)?
            .ceil(),
    )
}

/// For a seasonal activity: the month (1-based) in which the cumulated CA reaches the
/// threshold, the cumulated CA before it, and the day of the year on which it is reached
/// (linear inside the month, rounded up). `month_days` gives the length of each month
/// (30 on a commercial year). `None` if the year never reaches the threshold.
pub fn dead_point_seasonal(
    threshold: Decimal,
    monthly: &[Decimal],
    month_days: &[u32],
) -> Option<(usize, Decimal, Decimal)> {
    let mut before = Decimal::ZERO;
    let mut days_before = 0i64;
    for (i, m) in monthly.iter().enumerate() {
        let len = i64::from(*month_days.get(i)?);
        if *m > Decimal::ZERO && before + *m >= threshold {
            let inside = (threshold - before)
                .checked_mul(Decimal::from(len))?
                .checked_div(*m)?
                .ceil();
            let day = Decimal::from(days_before) + inside.max(Decimal::ONE);
            return Some((i + 1, before, day));
        }
        before += *m;
        days_before += len;
    }
    None
}

/// Lengths of the months of a commercial year (30 days each) or of a common year.
pub fn month_lengths(year_days: u32) -> [u32; 12] {
    if year_days == 360 {
        [30; 12]
    } else {
        [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    }
}

/// Month (1–12) and day of the month of day `n` of a 360-day commercial year.
pub fn commercial_date(n: i64) -> (u32, u32) {
    let n = n.clamp(1, 360) - 1;
    ((n / 30 + 1) as u32, (n % 30 + 1) as u32)
}

/// MCV / result, or `None` when the result is zero.
pub fn operating_leverage(margin: Decimal, result: Decimal) -> Option<Decimal> {
    if result.is_zero() {
        return None;
    }
    margin.checked_div(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    /// Exercise 2 of the S531 chapter: kit at 50 € HT, variable cost 30 €, fixed costs
    /// 120 000 €, 9 000 kits: CA 450 000 €, MCV 180 000 €, SR 300 000 € = 6 000 kits,
    /// point mort 300 000 / 450 000 × 360 = 240 days (end of August), leverage 3.
    #[test]
    fn chapter_kit() {
        assert_eq!(
            threshold_value(dec!(120000), dec!(450000), dec!(180000)),
            Some(dec!(300000))
        );
        assert_eq!(threshold_units(dec!(120000), dec!(20)), Some(dec!(6000)));
        assert_eq!(threshold_units(dec!(120000), dec!(19)), Some(dec!(6316)));
        assert_eq!(
            dead_point_day_linear(dec!(300000), dec!(450000), 360),
            Some(dec!(240))
        );
        assert_eq!(commercial_date(240), (8, 30));
        assert_eq!(commercial_date(306), (11, 6));
        assert_eq!(commercial_date(1), (1, 1));
        assert_eq!(operating_leverage(dec!(180000), dec!(60000)), Some(dec!(3)));
        assert_eq!(threshold_value(dec!(1), dec!(1), dec!(0)), None);
    }

    /// Hygiapro: SR 2 040 000 € for 2 400 000 € → 306th day = 6 November.
    #[test]
    fn chapter_hygiapro() {
        assert_eq!(
            dead_point_day_linear(dec!(2040000), dec!(2400000), 360),
            Some(dec!(306))
        );
    }

    #[test]
    fn seasonal() {
        // 100 a month for 6 months then 300: threshold 900 is reached in month 8
        // (cumul 600 + 300 ≥ 900... month 7 ends at 900): month 7, day 180 + 30 = 210.
        let m: Vec<Decimal> = (0..12)
            .map(|i| if i < 6 { dec!(100) } else { dec!(300) })
            .collect();
        assert_eq!(
            dead_point_seasonal(dec!(900), &m, &month_lengths(360)),
            Some((7, dec!(600), dec!(210)))
        );
        // 650: month 7, (650 − 600) × 30 / 300 = 5 → day 185.
        assert_eq!(
            dead_point_seasonal(dec!(650), &m, &month_lengths(360)),
            Some((7, dec!(600), dec!(185)))
        );
        assert_eq!(
            dead_point_seasonal(dec!(99999), &m, &month_lengths(360)),
            None
        );
        // Calendar months: 650 in July (31 days): (50 × 31 / 300).ceil() = 6 → 181 + 6 = 187.
        assert_eq!(
            dead_point_seasonal(dec!(650), &m, &month_lengths(365)),
            Some((7, dec!(600), dec!(187)))
        );
    }
}

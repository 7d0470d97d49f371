//! Depreciation plans of a commercial investment (S531 point 5): linear with prorata
//! temporis in days (360-day year, from the date of mise en service) and declining
//! balance (dégressif, prorata in months from the first day of the acquisition month,
//! switch to linear once the linear rate on the remaining years is higher).
//!
//! Every annuity is rounded to the cent, half away from zero; the **last annuity is the
//! remaining net book value**, so the table always ends at a VNC of 0,00 € and the
//! annuities add up to the base exactly.

use crate::num::round::{round_cents, round_half_away};
use rust_decimal::Decimal;

/// One line of a depreciation table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub year: u32,
    /// Net book value at the start of the year (the base of a declining annuity).
    pub start: Decimal,
    pub annuity: Decimal,
    pub cumulated: Decimal,
    /// Net book value (valeur nette comptable) at the end of the year.
    pub end: Decimal,
    /// Whether this year's annuity is linear on the remaining years (declining plan).
    pub linear: bool,
}

/// Days of the first year counted on a 360-day year (months of 30 days), from the day of
/// mise en service included to 31 December.
pub fn prorata_days(month: u32, day: u32) -> i64 {
    let d = i64::from(day.clamp(1, 30));
    let m = i64::from(month.clamp(1, 12));
    (30 - d + 1) + 30 * (12 - m)
}

/// Months of the first year of a declining plan: from the first day of the acquisition
/// month to 31 December.
pub fn prorata_months(month: u32) -> i64 {
    13 - i64::from(month.clamp(1, 12))
}

/// Fiscal coefficient of the declining-balance method by useful life.
pub fn declining_coefficient(life: u32) -> Decimal {
    match life {
        0..=4 => Decimal::new(125, 2),
        5 | 6 => Decimal::new(175, 2),
        _ => Decimal::new(225, 2),
    }
}

/// Declining rate in percent, rounded to 0,001 % (28,125 % for 8 years stays exact).
pub fn declining_rate(life: u32) -> Decimal {
    round_half_away(
        Decimal::ONE_HUNDRED * declining_coefficient(life) / Decimal::from(life.max(1)),
        3,
    )
}

fn push(rows: &mut Vec<Row>, start: Decimal, annuity: Decimal, linear: bool) {
    let cumulated = rows.last().map_or(Decimal::ZERO, |r| r.cumulated) + annuity;
    rows.push(Row {
        year: rows.len() as u32 + 1,
        start,
        annuity,
        cumulated,
        end: start - annuity,
        linear,
    });
}

/// Linear plan of `base` over `life` years, the first year counting `days` of 360.
/// With a full first year the plan has `life` rows; otherwise one more, the complement.
pub fn linear_table(base: Decimal, life: u32, days: i64) -> Vec<Row> {
    let life = life.max(1);
    let days = days.clamp(1, 360);
    let full = round_cents(base / Decimal::from(life));
    let first = round_cents(base / Decimal::from(life) * Decimal::from(days) / Decimal::from(360));
    let rows_count = if days == 360 { life } else { life + 1 };
    let mut rows = Vec::with_capacity(rows_count as usize);
    let mut vnc = base;
    for year in 1..=rows_count {
        let annuity = if year == rows_count {
            vnc
        } else if year == 1 {
            first
        } else {
            full
        };
        push(&mut rows, vnc, annuity, true);
        vnc -= annuity;
    }
    rows
}

/// Declining plan of `base` over `life` years, the first year counting `months` of 12.
pub fn declining_table(base: Decimal, life: u32, months: i64) -> Vec<Row> {
    let life = life.max(1);
    let rate = declining_rate(life);
    let mut rows = Vec::with_capacity(life as usize);
    let mut vnc = base;
    let mut linear_annuity: Option<Decimal> = None;
    for year in 1..=life {
        let remaining = Decimal::from(life - year + 1);
        if linear_annuity.is_none() && Decimal::ONE_HUNDRED / remaining > rate {
            linear_annuity = Some(round_cents(vnc / remaining));
        }
        let annuity = if year == life {
            vnc
        } else if let Some(a) = linear_annuity {
            a
        } else {
            let mut a = vnc * rate / Decimal::ONE_HUNDRED;
            if year == 1 {
                a = a * Decimal::from(months.clamp(1, 12)) / Decimal::from(12);
            }
            round_cents(a)
        };
        push(&mut rows, vnc, annuity, linear_annuity.is_some());
        vnc -= annuity;
    }
    rows
}

/// The year in which a declining plan switches to linear.
pub fn switch_year(rows: &[Row]) -> Option<u32> {
    rows.iter().find(|r| r.linear).map(|r| r.year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn prorata() {
        // Mise en service le 15 avril: 16 days of April + 8 months × 30 = 256 days.
        assert_eq!(prorata_days(4, 15), 256);
        assert_eq!(prorata_days(1, 1), 360);
        assert_eq!(prorata_days(12, 30), 1);
        assert_eq!(prorata_months(4), 9);
        assert_eq!(prorata_months(1), 12);
    }

    #[test]
    fn coefficients_and_rates() {
        assert_eq!(declining_coefficient(3), dec!(1.25));
        assert_eq!(declining_coefficient(4), dec!(1.25));
        assert_eq!(declining_coefficient(5), dec!(1.75));
        assert_eq!(declining_coefficient(6), dec!(1.75));
        assert_eq!(declining_coefficient(7), dec!(2.25));
        assert_eq!(declining_rate(5), dec!(35));
        assert_eq!(declining_rate(8), dec!(28.125));
        assert_eq!(declining_rate(6), dec!(29.167));
    }

    /// Vehicle of 24 000 € over 5 years, in service on 15 April: first annuity
    /// 24 000 / 5 × 256 / 360 = 3 413,33 €; then 4 800 € × 4; complement
    /// 24 000 − 3 413,33 − 19 200 = 1 386,67 € in year 6.
    #[test]
    fn linear_case() {
        let t = linear_table(dec!(24000), 5, 256);
        assert_eq!(t.len(), 6);
        assert_eq!(t[0].annuity, dec!(3413.33));
        assert_eq!(t[1].annuity, dec!(4800));
        assert_eq!(t[1].end, dec!(15786.67));
        assert_eq!(t[5].annuity, dec!(1386.67));
        assert_eq!(t[5].end, dec!(0));
        assert_eq!(linear_table(dec!(1000), 3, 360).len(), 3);
    }

    /// Machine of 20 000 € over 5 years (35 %), bought in April (9 months):
    /// year 1: 20 000 × 35 % × 9/12 = 5 250 → VNC 14 750; year 2: 5 162,50 → 9 587,50;
    /// year 3: 35 % vs 1/3 = 33,33 %: still declining, 3 355,63 → 6 231,87;
    /// year 4: 1/2 = 50 % > 35 %: linear 6 231,87 / 2 = 3 115,94 (rounded), year 5 the
    /// rest 3 115,93.
    #[test]
    fn declining_case() {
        let t = declining_table(dec!(20000), 5, 9);
        assert_eq!(t.len(), 5);
        assert_eq!(t[0].annuity, dec!(5250));
        assert_eq!(t[1].annuity, dec!(5162.50));
        assert_eq!(t[2].annuity, dec!(3355.63));
        assert_eq!(t[2].end, dec!(6231.87));
        assert_eq!(switch_year(&t), Some(4));
        assert_eq!(t[3].annuity, dec!(3115.94));
        assert_eq!(t[4].annuity, dec!(3115.93));
        assert_eq!(t[4].end, dec!(0));
        assert_eq!(t[4].cumulated, dec!(20000));
    }
}

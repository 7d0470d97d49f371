//! Loans repaid by constant payments (annuités / mensualités constantes) or by constant
//! amortisation, and their amortisation table (tableau d'amortissement) (S512).
//!
//! Rates are per period, in percent. Every line of a table is rounded to the cent (half
//! away from zero): interest = capital at the start × rate, rounded; amortisation =
//! payment − interest. The last line is adjusted so that the amortisations add up to the
//! capital exactly and the capital remaining ends at 0,00 €.

use crate::num::round::{round_cents, round_half_away};
use rust_decimal::Decimal;

/// How the last line of a constant-payment table absorbs the rounding drift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastLine {
    /// Amortisation = capital remaining, interest computed as usual, payment = their sum
    /// (so the last payment differs from the others by a few cents).
    AdjustPayment,
    /// Payment kept constant, amortisation = capital remaining, interest = payment −
    /// amortisation.
    AdjustInterest,
}

/// One line of an amortisation table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub period: u32,
    /// Capital remaining at the start of the period.
    pub start: Decimal,
    pub interest: Decimal,
    pub amortisation: Decimal,
    pub payment: Decimal,
    /// Capital remaining at the end of the period.
    pub end: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Row>,
    pub total_interest: Decimal,
    pub total_amortisation: Decimal,
    pub total_payments: Decimal,
}

impl Table {
    fn from_rows(rows: Vec<Row>) -> Table {
        let total_interest = rows.iter().map(|r| r.interest).sum();
        let total_amortisation = rows.iter().map(|r| r.amortisation).sum();
        let total_payments = rows.iter().map(|r| r.payment).sum();
        Table {
            rows,
            total_interest,
            total_amortisation,
            total_payments,
        }
    }

    /// Capital remaining after period `k` (the capital itself for `k = 0`).
    pub fn remaining_after(&self, k: usize) -> Decimal {
        match k {
            0 => self.rows.first().map_or(Decimal::ZERO, |r| r.start),
            _ => self.rows[k - 1].end,
        }
    }

    /// Whether every line makes sense: no negative interest, amortisation or capital.
    pub fn is_sound(&self) -> bool {
        self.rows.iter().all(|r| {
            r.interest >= Decimal::ZERO && r.amortisation > Decimal::ZERO && r.end >= Decimal::ZERO
        })
    }
}

/// `base^n` by repeated checked multiplication (`None` on overflow).
pub fn pow(base: Decimal, n: u32) -> Option<Decimal> {
    let mut acc = Decimal::ONE;
    for _ in 0..n {
        acc = acc.checked_mul(base)?;
    }
    Some(acc)
}

/// Monthly rate proportional to an annual rate: annual ÷ 12, in percent, not rounded.
pub fn proportional_monthly_rate(annual: Decimal) -> Decimal {
    annual / Decimal::from(12)
}

/// Monthly rate equivalent to an annual rate, `(1 + t)^(1/12) − 1`, in percent, rounded
/// half away from zero to `dp` decimals (of the percentage). The 12th root is found by
/// Newton's method on exact decimals.
pub fn equivalent_monthly_rate(annual: Decimal, dp: u32) -> Decimal {
    let target = Decimal::ONE + annual / Decimal::ONE_HUNDRED;
    let twelve = Decimal::from(12);
    // Start just above the root (x^12 is convex), so the iteration decreases to it.
    let mut x = Decimal::ONE + annual / Decimal::ONE_HUNDRED / twelve;
    for _ in 0..60 {
        let x11 = pow(x, 11).expect("bounded rate");
        let next = x - (x11 * x - target) / (twelve * x11);
        if (next - x).abs() < Decimal::new(1, 24) {
            x = next;
            break;
        }
        x = next;
    }
    round_half_away((x - Decimal::ONE) * Decimal::ONE_HUNDRED, dp)
}

/// The constant payment `C × i / (1 − (1 + i)^−n)` rounded to the cent, `rate` per
/// period in percent (`C / n` for a zero rate). `None` on overflow or `n = 0`.
pub fn constant_payment(capital: Decimal, rate: Decimal, n: u32) -> Option<Decimal> {
    if n == 0 {
        return None;
    }
    if rate.is_zero() {
        return Some(round_cents(capital / Decimal::from(n)));
    }
    let i = rate / Decimal::ONE_HUNDRED;
    let p = pow(Decimal::ONE + i, n)?;
    // C × i / (1 − p⁻¹) = C × i × p / (p − 1): one division instead of two.
    let exact = capital
        .checked_mul(i)?
        .checked_mul(p)?
        .checked_div(p - Decimal::ONE)?;
    Some(round_cents(exact))
}

/// Capital remaining after a payment by the closed formula a × (1 − (1 + i)^−m) / i,
/// `m` payments still due, rounded to the cent (it differs by a few cents from the table,
/// whose lines are each rounded).
pub fn remaining_by_formula(payment: Decimal, rate: Decimal, m: u32) -> Option<Decimal> {
    if rate.is_zero() {
        return Some(payment * Decimal::from(m));
    }
    let i = rate / Decimal::ONE_HUNDRED;
    let p = pow(Decimal::ONE + i, m)?;
    let exact = payment
        .checked_mul(p - Decimal::ONE)?
        .checked_div(i.checked_mul(p)?)?;
    Some(round_cents(exact))
}

/// A rate per period given as a percentage divided by a whole number of periods (3,85 %
/// a year ÷ 12 for a proportional monthly rate): each line's interest is computed as
/// `capital × percentage ÷ periods ÷ 100`, division last, so that a line falling on a
/// half cent (297 000 × 3,85 ÷ 1 200 = 952,875) rounds as the unrounded rate says, not as
/// the rate's 28 decimals would make it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodRate {
    pub percent: Decimal,
    pub periods: u32,
}

impl PeriodRate {
    /// The rate per period in percent (rounded past 28 decimals).
    pub fn per_period(self) -> Decimal {
        self.percent / Decimal::from(self.periods)
    }

    /// One period's interest on `start`, rounded to the cent.
    pub fn interest(self, start: Decimal) -> Option<Decimal> {
        let x = start.checked_mul(self.percent)? / Decimal::from(self.periods);
        Some(round_cents(x / Decimal::ONE_HUNDRED))
    }
}

/// The table of a loan repaid by `n` constant payments at `rate` percent per period.
pub fn annuity_table(capital: Decimal, rate: Decimal, n: u32, last: LastLine) -> Option<Table> {
    let i = rate / Decimal::ONE_HUNDRED;
    annuity_table_with(capital, rate, n, last, |start| {
        Some(round_cents(start.checked_mul(i)?))
    })
}

/// [`annuity_table`] with each line's interest computed from the [`PeriodRate`].
pub fn annuity_table_exact(
    capital: Decimal,
    rate: PeriodRate,
    n: u32,
    last: LastLine,
) -> Option<Table> {
    annuity_table_with(capital, rate.per_period(), n, last, |start| {
        rate.interest(start)
    })
}

fn annuity_table_with(
    capital: Decimal,
    rate: Decimal,
    n: u32,
    last: LastLine,
    interest_on: impl Fn(Decimal) -> Option<Decimal>,
) -> Option<Table> {
    let payment = constant_payment(capital, rate, n)?;
    let mut rows = Vec::with_capacity(n as usize);
    let mut start = capital;
    for period in 1..=n {
        let row = if period < n {
            let interest = interest_on(start)?;
            let amortisation = payment - interest;
            Row {
                period,
                start,
                interest,
                amortisation,
                payment,
                end: start - amortisation,
            }
        } else {
            let (interest, payment) = match last {
                LastLine::AdjustPayment => {
                    let interest = interest_on(start)?;
                    (interest, start + interest)
                }
                LastLine::AdjustInterest => (payment - start, payment),
            };
            Row {
                period,
                start,
                interest,
                amortisation: start,
                payment,
                end: Decimal::ZERO,
            }
        };
        start = row.end;
        rows.push(row);
    }
    Some(Table::from_rows(rows))
}

/// The table of a loan repaid by constant amortisation: C ÷ n rounded to the cent on
/// each line, the last amortisation being the capital remaining.
pub fn constant_amortisation_table(capital: Decimal, rate: Decimal, n: u32) -> Option<Table> {
    let i = rate / Decimal::ONE_HUNDRED;
    constant_amortisation_table_with(capital, n, |start| Some(round_cents(start.checked_mul(i)?)))
}

/// [`constant_amortisation_table`] with each line's interest computed from the
/// [`PeriodRate`].
pub fn constant_amortisation_table_exact(
    capital: Decimal,
    rate: PeriodRate,
    n: u32,
) -> Option<Table> {
    constant_amortisation_table_with(capital, n, |start| rate.interest(start))
}

fn constant_amortisation_table_with(
    capital: Decimal,
    n: u32,
    interest_on: impl Fn(Decimal) -> Option<Decimal>,
) -> Option<Table> {
    if n == 0 {
        return None;
    }
    let amortisation = round_cents(capital / Decimal::from(n));
    let mut rows = Vec::with_capacity(n as usize);
    let mut start = capital;
    for period in 1..=n {
        let amort = if period < n { amortisation } else { start };
        let interest = interest_on(start)?;
        let row = Row {
            period,
            start,
            interest,
            amortisation: amort,
            payment: amort + interest,
            end: start - amort,
        };
        start = row.end;
        rows.push(row);
    }
    Some(Table::from_rows(rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    /// EMP2 at 3,85 % a year, monthly proportional, 405 000 € over 120 months: line 33
    /// starts at 297 000 €, whose interest is 297 000 × 3,85 ÷ 1 200 = 952,875 € exactly,
    /// hence 952,88 € (worked by hand); the rate's 28 decimals (0,3208333…3 %) gave 952,87 €.
    #[test]
    fn a_half_cent_line_rounds_up_with_the_unrounded_rate() {
        let rate = PeriodRate {
            percent: dec!(3.85),
            periods: 12,
        };
        let t = constant_amortisation_table_exact(dec!(405000), rate, 120).unwrap();
        assert_eq!(t.rows[32].start, dec!(297000));
        assert_eq!(t.rows[32].interest, dec!(952.88));
        let old = constant_amortisation_table(dec!(405000), rate.per_period(), 120).unwrap();
        assert_eq!(old.rows[32].interest, dec!(952.87));
    }

    #[test]
    fn textbook_monthly_payment() {
        // Spreadsheet function VPM/PMT: VPM(1 %; 12; −10 000) = 888,49.
        // By hand: 1,01^12 = 1,126825030…; 10 000 × 0,01 × 1,126825 / 0,126825 = 888,4879 → 888,49.
        assert_eq!(
            constant_payment(dec!(10000), dec!(1), 12),
            Some(dec!(888.49))
        );
        let t = annuity_table(dec!(10000), dec!(1), 12, LastLine::AdjustPayment).unwrap();
        let first = t.rows[0];
        // Line 1: interest 10 000 × 1 % = 100,00; amortisation 888,49 − 100 = 788,49;
        // remaining 10 000 − 788,49 = 9 211,51.
        assert_eq!(first.interest, dec!(100.00));
        assert_eq!(first.amortisation, dec!(788.49));
        assert_eq!(first.end, dec!(9211.51));
        // Line 2: 9 211,51 × 1 % = 92,1151 → 92,12; amortisation 796,37; remaining 8 415,14.
        assert_eq!(t.rows[1].interest, dec!(92.12));
        assert_eq!(t.rows[1].amortisation, dec!(796.37));
        assert_eq!(t.rows[1].end, dec!(8415.14));
        assert_eq!(t.total_amortisation, dec!(10000));
        assert_eq!(t.rows[11].end, dec!(0));
        // Cost of the credit: 12 × 888,49 = 10 661,88 → 661,88, give or take the last
        // line's adjustment (see below).
        assert_eq!(t.total_interest, t.total_payments - dec!(10000));
    }

    #[test]
    fn last_line_adjustment_hand_checked() {
        // 1 000 € over 3 years at 10 %: a = 1 000 × 0,1 × 1,331 / 0,331 = 402,1148 → 402,11.
        // Line 1: 100,00 interest, 302,11 amortised, 697,89 left.
        // Line 2: 69,789 → 69,79 interest, 332,32 amortised, 365,57 left.
        // Line 3 (payment adjusted): 36,557 → 36,56 interest, 365,57 amortised, payment 402,13.
        let t = annuity_table(dec!(1000), dec!(10), 3, LastLine::AdjustPayment).unwrap();
        assert_eq!(t.rows[0].payment, dec!(402.11));
        assert_eq!(t.rows[1].interest, dec!(69.79));
        assert_eq!(t.rows[1].end, dec!(365.57));
        assert_eq!(t.rows[2].interest, dec!(36.56));
        assert_eq!(t.rows[2].payment, dec!(402.13));
        // Total interest 100 + 69,79 + 36,56 = 206,35.
        assert_eq!(t.total_interest, dec!(206.35));
        // Interest adjusted instead: payment 402,11, interest 402,11 − 365,57 = 36,54;
        // total interest 206,33 = 3 × 402,11 − 1 000.
        let u = annuity_table(dec!(1000), dec!(10), 3, LastLine::AdjustInterest).unwrap();
        assert_eq!(u.rows[2].interest, dec!(36.54));
        assert_eq!(u.rows[2].payment, dec!(402.11));
        assert_eq!(u.total_interest, dec!(206.33));
    }

    #[test]
    fn remaining_capital_formula() {
        // After 1 payment of the 1 000 € loan: 402,11 × (1 − 1,1^−2) / 0,1
        // = 402,11 × 1,7355372 = 697,8835 → 697,88 (table: 697,89, one cent of rounding).
        assert_eq!(
            remaining_by_formula(dec!(402.11), dec!(10), 2),
            Some(dec!(697.88))
        );
    }

    #[test]
    fn monthly_rates() {
        // 6 % ÷ 12 = 0,5 %; (1,06)^(1/12) − 1 = 0,004867551 → 0,4868 % (spreadsheet:
        // (1,06)^(1/12) − 1 = 0,00486755).
        assert_eq!(proportional_monthly_rate(dec!(6)), dec!(0.5));
        assert_eq!(equivalent_monthly_rate(dec!(6), 4), dec!(0.4868));
        // 12 %: 1,12^(1/12) − 1 = 0,00948879 → 0,9489 %.
        assert_eq!(equivalent_monthly_rate(dec!(12), 4), dec!(0.9489));
        assert_eq!(equivalent_monthly_rate(dec!(0), 4), dec!(0));
    }

    #[test]
    fn constant_amortisation_hand_checked() {
        // 12 000 € over 4 years at 5 %: amortisation 3 000.
        // Interests: 600; 450; 300; 150 → payments 3 600; 3 450; 3 300; 3 150; total 1 500.
        let t = constant_amortisation_table(dec!(12000), dec!(5), 4).unwrap();
        let pays: Vec<Decimal> = t.rows.iter().map(|r| r.payment).collect();
        assert_eq!(pays, vec![dec!(3600), dec!(3450), dec!(3300), dec!(3150)]);
        assert_eq!(t.total_interest, dec!(1500));
        // 10 000 € over 3 periods at 1 %: 3 333,33 twice, then 3 333,34 (adjusted);
        // interests 100,00; 66,67 (66,6667); 33,33 (33,3334).
        let u = constant_amortisation_table(dec!(10000), dec!(1), 3).unwrap();
        assert_eq!(u.rows[2].amortisation, dec!(3333.34));
        assert_eq!(u.rows[1].interest, dec!(66.67));
        assert_eq!(u.rows[2].interest, dec!(33.33));
    }

    #[test]
    fn long_mortgage_is_sound() {
        // 200 000 € over 360 months at 0,3 % a month (3,6 % a year ÷ 12):
        // 1,003^360 = 2,93992…; a = 200 000 × 0,003 × 2,93992 / 1,93992 = 909,2907 → 909,29.
        let a = constant_payment(dec!(200000), dec!(0.3), 360).unwrap();
        assert!((a - dec!(909.29)).abs() <= dec!(0.01), "{a}");
        let t = annuity_table(dec!(200000), dec!(0.3), 360, LastLine::AdjustPayment).unwrap();
        assert!(t.is_sound());
        assert_eq!(t.total_amortisation, dec!(200000));
    }

    fn loan_strategy() -> impl Strategy<Value = (Decimal, Decimal, u32, bool)> {
        (
            100_000i64..100_000_000, // 1 000,00 € to 1 000 000,00 €
            1i64..2_000,             // 0,01 % to 19,99 % per period…
            1u32..=360,
            any::<bool>(),
        )
            .prop_map(|(c, r, n, adj)| {
                // …but at most 2 % per period beyond 30 periods (monthly loans: 24 % a
                // year), as 1,2^360 would not fit in a decimal.
                let r = if n > 30 { r % 200 + 1 } else { r };
                (Decimal::new(c, 2), Decimal::new(r, 2), n, adj)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]
        #[test]
        fn amortisations_add_up_exactly((capital, rate, n, adj) in loan_strategy()) {
            let last = if adj { LastLine::AdjustPayment } else { LastLine::AdjustInterest };
            let t = annuity_table(capital, rate, n, last).unwrap();
            prop_assert_eq!(t.rows.len(), n as usize);
            prop_assert_eq!(t.total_amortisation, capital);
            prop_assert_eq!(t.rows.last().unwrap().end, Decimal::ZERO);
            prop_assert_eq!(t.total_payments, capital + t.total_interest);
            for w in t.rows.windows(2) {
                prop_assert_eq!(w[0].end, w[1].start);
            }
            for r in &t.rows {
                prop_assert_eq!(r.payment, r.interest + r.amortisation);
                prop_assert_eq!(r.end, r.start - r.amortisation);
            }
            let u = constant_amortisation_table(capital, rate, n).unwrap();
            prop_assert_eq!(u.total_amortisation, capital);
            prop_assert_eq!(u.rows.last().unwrap().end, Decimal::ZERO);
            prop_assert!(u.is_sound() || capital < Decimal::from(n));
        }
    }
}

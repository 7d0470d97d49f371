//! Interest and settlement calculations (S512 « Les règlements et le financement »):
//! simple and compound interest, proportional and equivalent rates, the annual cost of
//! an escompte de règlement, late-payment penalties and the equivalence of bills.
//!
//! Rates are in percent (6 means 6 %), durations in days, months or whole periods.
//! Every function returns the exact value; the exercise rounds where the method does.

use rust_decimal::{Decimal, MathematicalOps};
use rust_decimal_macros::dec;

/// The fixed indemnity for recovery costs owed by a late professional debtor
/// (indemnité forfaitaire pour frais de recouvrement, Code de commerce art. D441-5).
pub const RECOVERY_INDEMNITY: Decimal = dec!(40);

/// Simple interest `C × t × n / (100 × year)` for `days` days on a `year`-day year
/// (360: année commerciale; 365: année civile).
pub fn simple_interest(capital: Decimal, rate: Decimal, days: i64, year: i64) -> Decimal {
    capital * rate * Decimal::from(days) / (Decimal::ONE_HUNDRED * Decimal::from(year))
}

/// Simple interest for a whole number of months: `C × t × m / 1200`.
pub fn simple_interest_months(capital: Decimal, rate: Decimal, months: i64) -> Decimal {
    capital * rate * Decimal::from(months) / dec!(1200)
}

/// The annual rate (in %) that yields `interest` on `capital` over `days` days.
pub fn rate_from_interest(capital: Decimal, interest: Decimal, days: i64, year: i64) -> Decimal {
    interest * Decimal::ONE_HUNDRED * Decimal::from(year) / (capital * Decimal::from(days))
}

/// The duration in days (not rounded) that yields `interest` on `capital` at `rate`.
pub fn days_from_interest(
    capital: Decimal,
    rate: Decimal,
    interest: Decimal,
    year: i64,
) -> Decimal {
    interest * Decimal::ONE_HUNDRED * Decimal::from(year) / (capital * rate)
}

/// The capital that yields `interest` at `rate` over `days` days.
pub fn capital_from_interest(interest: Decimal, rate: Decimal, days: i64, year: i64) -> Decimal {
    interest * Decimal::ONE_HUNDRED * Decimal::from(year) / (rate * Decimal::from(days))
}

/// How the annual cost of an escompte de règlement is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscountCost {
    /// The escompte is related to the sum actually paid early: e / (1 − e) × 360 / j.
    OnNetPaid,
    /// The escompte rate alone is annualised: e × 360 / j.
    Simple,
}

/// Annual rate (in %) of an escompte of `discount` % for paying `days` days early, on a
/// `year`-day year.
pub fn discount_cost_rate(discount: Decimal, days: i64, year: i64, basis: DiscountCost) -> Decimal {
    let annualise = Decimal::from(year) / Decimal::from(days);
    match basis {
        DiscountCost::OnNetPaid => {
            discount / (Decimal::ONE_HUNDRED - discount) * annualise * Decimal::ONE_HUNDRED
        }
        DiscountCost::Simple => discount * annualise,
    }
}

/// The escompte rate (in %) whose annual cost over `days` days (360-day year) equals
/// `annual_rate`: the inverse of [`discount_cost_rate`].
pub fn discount_rate_for_cost(annual_rate: Decimal, days: i64, basis: DiscountCost) -> Decimal {
    let x = annual_rate * Decimal::from(days) / dec!(360);
    match basis {
        DiscountCost::OnNetPaid => x / (Decimal::ONE + x / Decimal::ONE_HUNDRED),
        DiscountCost::Simple => x,
    }
}

/// The legal floor of a contractual late-payment rate: three times the legal rate.
pub fn minimum_penalty_rate(legal_rate: Decimal) -> Decimal {
    dec!(3) * legal_rate
}

/// `(1 + rate)^n` by repeated checked multiplication; `None` on overflow.
pub fn compound_factor(rate: Decimal, n: u32) -> Option<Decimal> {
    let base = Decimal::ONE + rate / Decimal::ONE_HUNDRED;
    (0..n).try_fold(Decimal::ONE, |acc, _| acc.checked_mul(base))
}

/// Valeur acquise `C × (1 + i)^n`.
pub fn future_value(capital: Decimal, rate: Decimal, n: u32) -> Option<Decimal> {
    capital.checked_mul(compound_factor(rate, n)?)
}

/// Valeur actuelle `V × (1 + i)^−n`.
pub fn present_value(value: Decimal, rate: Decimal, n: u32) -> Option<Decimal> {
    value.checked_div(compound_factor(rate, n)?)
}

/// Monthly rate proportional to an annual rate: annual ÷ 12.
pub fn proportional_monthly(annual: Decimal) -> Decimal {
    annual / dec!(12)
}

/// Monthly rate equivalent to an annual rate: (1 + a)^(1/12) − 1, in % (not rounded;
/// accurate to far more than the 4 decimals an exercise keeps).
pub fn equivalent_monthly(annual: Decimal) -> Decimal {
    let base = Decimal::ONE + annual / Decimal::ONE_HUNDRED;
    (base.powd(Decimal::ONE / dec!(12)) - Decimal::ONE) * Decimal::ONE_HUNDRED
}

/// Annual rate proportional to a monthly rate: 12 × monthly.
pub fn proportional_annual(monthly: Decimal) -> Decimal {
    monthly * dec!(12)
}

/// Annual rate equivalent to a monthly rate: (1 + m)^12 − 1, in % (exact).
pub fn equivalent_annual(monthly: Decimal) -> Decimal {
    let f = compound_factor(monthly, 12).expect("(1 + m)^12 tient dans un Decimal");
    (f - Decimal::ONE) * Decimal::ONE_HUNDRED
}

/// The smallest whole number of periods after which `capital` invested at `rate` per
/// period reaches at least `target` (searched up to 1 000 periods).
pub fn periods_to_reach(capital: Decimal, target: Decimal, rate: Decimal) -> Option<u32> {
    if capital <= Decimal::ZERO || rate <= Decimal::ZERO {
        return None;
    }
    let base = Decimal::ONE + rate / Decimal::ONE_HUNDRED;
    // Same sequence of products as `compound_factor`, so that the valeur acquise after
    // n periods compares exactly with `future_value(capital, rate, n)`.
    let mut factor = Decimal::ONE;
    for n in 0..=1000u32 {
        if capital.checked_mul(factor)? >= target {
            return Some(n);
        }
        factor = factor.checked_mul(base)?;
    }
    None
}

/// The same duration as a real number: ln(target / C) ÷ ln(1 + i).
pub fn log_periods(capital: Decimal, target: Decimal, rate: Decimal) -> Decimal {
    (target / capital).ln() / (Decimal::ONE + rate / Decimal::ONE_HUNDRED).ln()
}

/// The `n`-th root of `x > 0` by Newton's method on exact decimals (`None` if `x ≤ 0`,
/// `n = 0` or a power overflows). Starting above the root (xⁿ is convex for x > 0),
/// the iterates decrease to it; accurate to about 10⁻²⁴, far beyond the 4 decimals of
/// a rate in percent.
pub fn nth_root(x: Decimal, n: u32) -> Option<Decimal> {
    if x <= Decimal::ZERO || n == 0 {
        return None;
    }
    if n == 1 {
        return Some(x);
    }
    let nd = Decimal::from(n);
    // 1 + (x − 1) / n ≥ x^(1/n) by Bernoulli's inequality when x ≥ 1; below 1, 1 is above.
    let mut r = if x >= Decimal::ONE {
        Decimal::ONE + (x - Decimal::ONE) / nd
    } else {
        Decimal::ONE
    };
    for _ in 0..200 {
        let p = (0..n - 1).try_fold(Decimal::ONE, |acc, _| acc.checked_mul(r))?;
        let next = r - (p.checked_mul(r)? - x).checked_div(nd.checked_mul(p)?)?;
        if (next - r).abs() < Decimal::new(1, 24) {
            return Some(next);
        }
        r = next;
    }
    Some(r)
}

/// The rate per period (in %, not rounded) at which `capital` grows to `value` in `n`
/// periods with compound interest: (Cn / C0)^(1/n) − 1 (the spreadsheet's TAUX/RATE
/// with no payments).
pub fn rate_from_values(capital: Decimal, value: Decimal, n: u32) -> Option<Decimal> {
    let ratio = value.checked_div(capital)?;
    Some((nth_root(ratio, n)? - Decimal::ONE) * Decimal::ONE_HUNDRED)
}

/// Escompte commercial of a bill of nominal `value` due in `days` days at `rate` on a
/// `year`-day year, rounded to the cent as a bank's slip does: V × t × n / year.
pub fn commercial_discount(value: Decimal, rate: Decimal, days: i64, year: i64) -> Decimal {
    crate::num::round::round_cents(simple_interest(value, rate, days, year))
}

/// Valeur actuelle commerciale of a bill: V − escompte, the escompte rounded to the
/// cent.
pub fn commercial_present_value(value: Decimal, rate: Decimal, days: i64, year: i64) -> Decimal {
    value - commercial_discount(value, rate, days, year)
}

/// Valeur actuelle rationnelle (escompte rationnel): V ÷ (1 + t × n / year), not rounded.
pub fn rational_present_value(value: Decimal, rate: Decimal, days: i64, year: i64) -> Decimal {
    value / (Decimal::ONE + rate * Decimal::from(days) / (Decimal::from(year) * dec!(100)))
}

/// The nominal of a bill due in `days` days whose commercial present value is
/// `present_value`: VA ÷ (1 − t × n / year), not rounded. `None` if the discount would
/// swallow the whole nominal (t × n ≥ 100 × year).
pub fn nominal_for_present_value(
    present_value: Decimal,
    rate: Decimal,
    days: i64,
    year: i64,
) -> Option<Decimal> {
    let f = Decimal::ONE - rate * Decimal::from(days) / (Decimal::from(year) * dec!(100));
    (f > Decimal::ZERO).then(|| present_value / f)
}

/// Days until the échéance commune: the bill of nominal `nominal` whose commercial
/// present value equals `present_value` is due in (V − VA) × 100 × year ÷ (V × t) days
/// (not rounded). `None` for a zero nominal or rate.
pub fn common_due_days(
    present_value: Decimal,
    nominal: Decimal,
    rate: Decimal,
    year: i64,
) -> Option<Decimal> {
    ((nominal - present_value) * Decimal::from(year) * dec!(100))
        .checked_div(nominal.checked_mul(rate)?)
}

/// Échéance moyenne: Σ Vₖ × nₖ ÷ Σ Vₖ (in days, not rounded): the échéance commune when
/// the new nominal is the sum of the nominals, whatever the rate. `None` if Σ Vₖ = 0.
pub fn average_due_days(bills: &[(Decimal, i64)]) -> Option<Decimal> {
    let total: Decimal = bills.iter().map(|(v, _)| *v).sum();
    let weighted: Decimal = bills.iter().map(|(v, n)| *v * Decimal::from(*n)).sum();
    weighted.checked_div(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::round::{round_cents, round_half_away};
    use proptest::prelude::*;

    #[test]
    fn simple_interest_textbook_cases() {
        // Textbook convention (année commerciale): 10 000 € at 6 % for 90 days:
        // I = 10 000 × 0,06 × 90 / 360 = 150 €.
        assert_eq!(simple_interest(dec!(10000), dec!(6), 90, 360), dec!(150));
        // Same on a 365-day year: 10 000 × 6 × 90 / 36 500 = 5 400 000 / 36 500 = 147,945… → 147,95.
        assert_eq!(
            round_cents(simple_interest(dec!(10000), dec!(6), 90, 365)),
            dec!(147.95)
        );
        // 8 000 € at 4,5 % for 7 months: 8 000 × 4,5 × 7 / 1 200 = 252 000 / 1 200 = 210 €.
        assert_eq!(simple_interest_months(dec!(8000), dec!(4.5), 7), dec!(210));
        // Inverse problems of the 150 € case.
        assert_eq!(rate_from_interest(dec!(10000), dec!(150), 90, 360), dec!(6));
        assert_eq!(
            days_from_interest(dec!(10000), dec!(6), dec!(150), 360),
            dec!(90)
        );
        assert_eq!(
            capital_from_interest(dec!(150), dec!(6), 90, 360),
            dec!(10000)
        );
    }

    #[test]
    fn discount_cost_hand_checked() {
        // 1,5 % escompte for paying 60 days early:
        // 0,015 / 0,985 × 360 / 60 = 0,015228… × 6 = 0,091370… → 9,14 %.
        let r = discount_cost_rate(dec!(1.5), 60, 360, DiscountCost::OnNetPaid);
        assert_eq!(round_half_away(r, 4), dec!(9.1371));
        // e × 360 / j = 1,5 × 6 = 9 %.
        assert_eq!(
            discount_cost_rate(dec!(1.5), 60, 360, DiscountCost::Simple),
            dec!(9)
        );
        // 2 % for 30 days on 365 days: 2 × 365 / 30 = 24,333… %.
        assert_eq!(
            round_half_away(
                discount_cost_rate(dec!(2), 30, 365, DiscountCost::Simple),
                2
            ),
            dec!(24.33)
        );
        // Inverse: bank rate 9 % over 60 days: x = 9 × 60 / 360 = 1,5; e = 1,5 / 1,015
        // = 1,477832… %; the simple reading gives 1,5 %.
        assert_eq!(
            round_half_away(
                discount_rate_for_cost(dec!(9), 60, DiscountCost::OnNetPaid),
                4
            ),
            dec!(1.4778)
        );
        assert_eq!(
            discount_rate_for_cost(dec!(9), 60, DiscountCost::Simple),
            dec!(1.5)
        );
    }

    #[test]
    fn late_penalties_hand_checked() {
        // Legal rate 4,92 % → floor 3 × 4,92 = 14,76 %.
        assert_eq!(minimum_penalty_rate(dec!(4.92)), dec!(14.76));
        // 5 000 € at 14,76 % for 31 days on 365 days (Code de commerce, year of 365 days):
        // 5 000 × 14,76 × 31 / 36 500 = 2 287 800 / 36 500 = 62,679… → 62,68 €.
        assert_eq!(
            round_cents(simple_interest(dec!(5000), dec!(14.76), 31, 365)),
            dec!(62.68)
        );
        assert_eq!(RECOVERY_INDEMNITY, dec!(40));
    }

    #[test]
    fn compound_hand_checked() {
        // 10 000 € at 5 % for 3 years: 1,05³ = 1,157625 → 11 576,25 € (spreadsheet
        // VC(5 %; 3; 0; −10 000) = 11 576,25).
        assert_eq!(compound_factor(dec!(5), 3), Some(dec!(1.157625)));
        assert_eq!(future_value(dec!(10000), dec!(5), 3), Some(dec!(11576.25)));
        // 20 000 € in 4 years at 3 %: 1,03⁴ = 1,12550881; 20 000 / 1,12550881 = 17 769,7409…
        // (VA(3 %; 4; 0; −20 000) = 17 769,74).
        assert_eq!(
            present_value(dec!(20000), dec!(3), 4).map(round_cents),
            Some(dec!(17769.74))
        );
        // Spreadsheet check (=(1,06)^(1/12)-1): 0,004867551 → 0,4868 %.
        assert_eq!(
            round_half_away(equivalent_monthly(dec!(6)), 4),
            dec!(0.4868)
        );
        assert_eq!(proportional_monthly(dec!(6)), dec!(0.5));
        // 1,005^12 = 1,0616778118… → 6,17 % (=(1,005)^12-1 in a spreadsheet).
        assert_eq!(round_half_away(equivalent_annual(dec!(0.5)), 2), dec!(6.17));
        assert_eq!(proportional_annual(dec!(0.5)), dec!(6));
        // Doubling at 5 %: ln 2 / ln 1,05 = 0,693147 / 0,048790 = 14,2067 (NPM(5 %; 0; −1 000;
        // 2 000) = 14,2067) → 15 whole years
        // (1,05^14 = 1,9799 < 2 ≤ 1,05^15 = 2,0789).
        assert_eq!(periods_to_reach(dec!(1000), dec!(2000), dec!(5)), Some(15));
        assert_eq!(
            round_half_away(log_periods(dec!(1000), dec!(2000), dec!(5)), 4),
            dec!(14.2067)
        );
        // Reached exactly: 1 000 × 1,05² = 1 102,50 → 2 periods.
        assert_eq!(periods_to_reach(dec!(1000), dec!(1102.5), dec!(5)), Some(2));
        // Roots by Newton: 1,06^(1/12) = 1,0048675505653… (spreadsheet =1,06^(1/12)),
        // the same value as `equivalent_monthly` gives through `powd`.
        let r = nth_root(dec!(1.06), 12).unwrap();
        assert_eq!(round_half_away(r, 10), dec!(1.0048675506));
        assert!((r - Decimal::ONE - equivalent_monthly(dec!(6)) / dec!(100)).abs() < dec!(1e-12));
        assert_eq!(
            nth_root(dec!(0.81), 2).map(|x| round_half_away(x, 20)),
            Some(dec!(0.9))
        );
        assert_eq!(nth_root(dec!(-1), 3), None);
        // Rate from two values, TAUX(5; 0; -10 000; 12 762,815625) = 5 %
        // (1,05^5 = 1,2762815625).
        let t = rate_from_values(dec!(10000), dec!(12762.815625), 5).unwrap();
        assert_eq!(round_half_away(t, 10), dec!(5));
        // Doubling in 10 years: 2^(1/10) − 1 = 0,0717734625… → 7,1773 %
        // (TAUX(10; 0; -1 000; 2 000) = 7,18 %).
        let t = rate_from_values(dec!(1000), dec!(2000), 10).unwrap();
        assert_eq!(round_half_away(t, 4), dec!(7.1773));
    }

    #[test]
    fn bills_hand_checked() {
        // Bill of 6 000 € due in 45 days, rate 8 %: escompte 6 000 × 8 × 45 / 36 000 = 60;
        // valeur actuelle 5 940 €.
        assert_eq!(
            commercial_present_value(dec!(6000), dec!(8), 45, 360),
            dec!(5940)
        );
        // 365-day year: 6 000 × 8 × 45 / 36 500 = 59,178… → 59,18; VA = 5 940,82 €.
        assert_eq!(
            commercial_present_value(dec!(6000), dec!(8), 45, 365),
            dec!(5940.82)
        );
        // Escompte rationnel: 6 000 / (1 + 8 × 45 / 36 000) = 6 000 / 1,01 = 5 940,59…
        assert_eq!(
            round_cents(rational_present_value(dec!(6000), dec!(8), 45, 360)),
            dec!(5940.59)
        );
        // Replaced by a bill due in 75 days: 5 940 / (1 − 8 × 75 / 36 000) = 5 940 / 0,983333…
        // = 6 040,677… → 6 040,68 €.
        assert_eq!(
            nominal_for_present_value(dec!(5940), dec!(8), 75, 360).map(round_cents),
            Some(dec!(6040.68))
        );
        // Échéance commune: present values 5 940 + 2 970 = 8 910; one bill of 9 000 €:
        // (9 000 − 8 910) × 36 000 / (9 000 × 8) = 3 240 000 / 72 000 = 45 days.
        assert_eq!(
            common_due_days(dec!(8910), dec!(9000), dec!(8), 360),
            Some(dec!(45))
        );
        // Échéance moyenne: (3 000 × 30 + 5 000 × 60 + 2 000 × 90) / 10 000
        // = (90 000 + 300 000 + 180 000) / 10 000 = 57 days.
        assert_eq!(
            average_due_days(&[(dec!(3000), 30), (dec!(5000), 60), (dec!(2000), 90)]),
            Some(dec!(57))
        );
    }

    proptest! {
        #[test]
        fn simple_interest_inverses(c in 100i64..1_000_000, t in 1i64..2000, n in 1i64..1000,
                                    civil in any::<bool>()) {
            let year = if civil { 365 } else { 360 };
            let capital = Decimal::from(c);
            let rate = Decimal::new(t, 2);
            let i = simple_interest(capital, rate, n, year);
            // Valeur acquise = C + I, and the inverse problems give back the parameter.
            prop_assert!(capital + i > capital);
            let eps = dec!(0.000000001);
            prop_assert!((rate_from_interest(capital, i, n, year) - rate).abs() < eps);
            prop_assert!((days_from_interest(capital, rate, i, year) - Decimal::from(n)).abs() < eps);
            prop_assert!((capital_from_interest(i, rate, n, year) - capital).abs() < eps);
        }

        #[test]
        fn discount_cost_inverse(e in 10i64..1000, j in 10i64..120, simple in any::<bool>()) {
            let basis = if simple { DiscountCost::Simple } else { DiscountCost::OnNetPaid };
            let e = Decimal::new(e, 2);
            let cost = discount_cost_rate(e, j, 360, basis);
            prop_assert!((discount_rate_for_cost(cost, j, basis) - e).abs() < dec!(0.000000001));
            // Relating the escompte to the net paid always costs more than the simple reading.
            prop_assert!(discount_cost_rate(e, j, 360, DiscountCost::OnNetPaid)
                > discount_cost_rate(e, j, 360, DiscountCost::Simple));
        }

        #[test]
        fn equivalent_monthly_compounds_back(a in 10i64..3000) {
            let annual = Decimal::new(a, 2);
            let m = equivalent_monthly(annual);
            prop_assert!((equivalent_annual(m) - annual).abs() < dec!(0.0000001));
            // The equivalent monthly rate is below the proportional one.
            prop_assert!(m < proportional_monthly(annual));
        }

        #[test]
        fn future_and_present_values_invert(c in 100i64..1_000_000, t in 1i64..1500, n in 0u32..40) {
            let capital = Decimal::from(c);
            let rate = Decimal::new(t, 2);
            let v = future_value(capital, rate, n).unwrap();
            prop_assert!((present_value(v, rate, n).unwrap() - capital).abs() < dec!(0.0000001));
            // Compound beats simple interest from two periods on.
            if n >= 2 {
                prop_assert!(v > capital * (Decimal::ONE + rate * Decimal::from(n) / dec!(100)));
            }
            let k = periods_to_reach(capital, v, rate).unwrap();
            // The values grow strictly, so the target C(1 + i)^n is first reached at n.
            prop_assert_eq!(k, n);
        }

        #[test]
        fn average_due_date_between_extremes(
            bills in proptest::collection::vec((1i64..100_000, 1i64..365), 1..6)
        ) {
            let bills: Vec<(Decimal, i64)> =
                bills.into_iter().map(|(v, n)| (Decimal::from(v), n)).collect();
            let avg = average_due_days(&bills).unwrap();
            let lo = bills.iter().map(|b| b.1).min().unwrap();
            let hi = bills.iter().map(|b| b.1).max().unwrap();
            prop_assert!(avg >= Decimal::from(lo) && avg <= Decimal::from(hi));
        }

        #[test]
        fn replacement_keeps_present_value(v in 100i64..100_000, t in 100i64..1500,
                                           n1 in 1i64..200, extra in 1i64..150) {
            let value = Decimal::from(v);
            let rate = Decimal::new(t, 2);
            let pv = commercial_present_value(value, rate, n1, 360);
            let v2 = nominal_for_present_value(pv, rate, n1 + extra, 360).unwrap();
            prop_assert!(v2 > value);
            // Unrounded: V2 − V2 × t × n2 / 360 gives back the present value.
            let back = v2 - simple_interest(v2, rate, n1 + extra, 360);
            prop_assert!((back - pv).abs() < dec!(0.0000001));
            // The échéance commune of a bill of nominal V2 is n1 + extra.
            let n = common_due_days(pv, v2, rate, 360).unwrap();
            prop_assert!((n - Decimal::from(n1 + extra)).abs() < dec!(0.000001));
        }
    }
}

//! Bank discounting of bills of exchange (escompte commercial d'effets) and present
//! values of monthly payment streams (actualisation), for comparing financing offers
//! (S512).
//!
//! Rates are in percent. Amounts are rounded to the cent half away from zero where the
//! method rounds: each bill's escompte, the TVA, each present value.

use crate::calc::loan::pow;
use crate::calc::pct;
use crate::num::round::round_cents;
use rust_decimal::Decimal;

/// The bank's conditions for a bordereau d'escompte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terms {
    /// Annual discount rate, in percent.
    pub rate: Decimal,
    /// Days of the year: 360 (commercial) or 365.
    pub year: i64,
    /// Jours de banque added to each bill's real days (0 if none).
    pub bank_days: i64,
    /// Minimum number of days charged per bill (0 if none).
    pub min_days: i64,
    /// Minimum escompte charged per bill (0 if none).
    pub min_discount: Decimal,
    /// Fixed commission per bill, HT.
    pub commission: Decimal,
    /// TVA rate on the commissions, in percent (none on the escompte itself).
    pub vat_rate: Decimal,
}

/// One line of the bordereau.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub nominal: Decimal,
    /// Days from the remittance to the due date (first day excluded, last included).
    pub real_days: i64,
    /// Days charged: real days + jours de banque, at least the minimum.
    pub days: i64,
    /// V × t × n / year rounded to the cent, before the minimum.
    pub raw_discount: Decimal,
    /// The escompte charged: `raw_discount`, at least the minimum.
    pub discount: Decimal,
    pub commission: Decimal,
}

/// A computed bordereau d'escompte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub lines: Vec<Line>,
    pub total_nominal: Decimal,
    pub total_discount: Decimal,
    pub total_commissions: Decimal,
    /// Escompte + commissions.
    pub agios_ht: Decimal,
    /// TVA on the commissions only, rounded to the cent.
    pub vat: Decimal,
    pub agios_ttc: Decimal,
    /// Σ nominals − agios TTC: what the bank credits.
    pub net_value: Decimal,
}

/// Days charged for a bill: real days plus jours de banque, with a minimum.
pub fn charged_days(real_days: i64, bank_days: i64, min_days: i64) -> i64 {
    (real_days + bank_days).max(min_days)
}

/// Escompte commercial V × t × n / year, rounded to the cent (half away from zero).
pub fn discount(nominal: Decimal, rate: Decimal, days: i64, year: i64) -> Decimal {
    round_cents(nominal * rate * Decimal::from(days) / (Decimal::from(year) * Decimal::ONE_HUNDRED))
}

/// The bordereau of bills `(nominal, real days)` discounted on the bank's `terms`.
pub fn slip(bills: &[(Decimal, i64)], terms: &Terms) -> Slip {
    let lines: Vec<Line> = bills
        .iter()
        .map(|&(nominal, real_days)| {
            let days = charged_days(real_days, terms.bank_days, terms.min_days);
            let raw_discount = discount(nominal, terms.rate, days, terms.year);
            Line {
                nominal,
                real_days,
                days,
                raw_discount,
                discount: raw_discount.max(terms.min_discount),
                commission: terms.commission,
            }
        })
        .collect();
    let total_nominal: Decimal = lines.iter().map(|l| l.nominal).sum();
    let total_discount: Decimal = lines.iter().map(|l| l.discount).sum();
    let total_commissions: Decimal = lines.iter().map(|l| l.commission).sum();
    let agios_ht = total_discount + total_commissions;
    let vat = round_cents(pct(total_commissions, terms.vat_rate));
    let agios_ttc = agios_ht + vat;
    Slip {
        lines,
        total_nominal,
        total_discount,
        total_commissions,
        agios_ht,
        vat,
        agios_ttc,
        net_value: total_nominal - agios_ttc,
    }
}

/// Taux réel d'escompte, in percent (not rounded): the rate that, applied to the
/// nominals over their real days, gives the agios HT: agios HT × year × 100 ÷ Σ(V × n).
/// `None` if Σ(V × n) is zero.
pub fn real_rate(agios_ht: Decimal, bills: &[(Decimal, i64)], year: i64) -> Option<Decimal> {
    let weighted: Decimal = bills.iter().map(|&(v, n)| v * Decimal::from(n)).sum();
    if weighted.is_zero() {
        return None;
    }
    Some(agios_ht * Decimal::from(year) * Decimal::ONE_HUNDRED / weighted)
}

/// `(1 + i)^−n` for a rate `i` per period as a fraction (not in percent), computed as
/// the expression language does: `n` multiplications, then one division.
pub fn discount_factor(i: Decimal, n: u32) -> Option<Decimal> {
    Decimal::ONE.checked_div(pow(Decimal::ONE + i, n)?)
}

/// Present value of `n` equal payments at the end of each period (terme échu):
/// `a × (1 − (1 + i)^−n) ÷ i`, not rounded; `a × n` for a zero rate.
pub fn pv_arrears(payment: Decimal, i: Decimal, n: u32) -> Option<Decimal> {
    if i.is_zero() {
        return Some(payment * Decimal::from(n));
    }
    payment
        .checked_mul(Decimal::ONE - discount_factor(i, n)?)?
        .checked_div(i)
}

/// Present value of `n` equal payments at the beginning of each period (terme à
/// échoir): the first is paid at once, the other `n − 1` at the end of periods
/// 1 … n − 1. Not rounded.
pub fn pv_advance(payment: Decimal, i: Decimal, n: u32) -> Option<Decimal> {
    if n == 0 {
        return Some(Decimal::ZERO);
    }
    Some(payment + pv_arrears(payment, i, n - 1)?)
}

/// A lease with purchase option (LOA) over `n` months, rents in advance: a first larger
/// rent at once, `n − 1` monthly rents at the start of months 2 … n, the purchase option
/// paid at the end of month n.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lease {
    pub first_rent: Decimal,
    pub rent: Decimal,
    pub option: Decimal,
    pub months: u32,
}

impl Lease {
    /// Total outlay, not discounted.
    pub fn outlay(&self) -> Decimal {
        self.first_rent + self.rent * Decimal::from(self.months.saturating_sub(1)) + self.option
    }

    /// Present value at the monthly rate `i` (a fraction), rounded to the cent:
    /// L₀ + L × (1 − (1 + i)^−(n−1)) ÷ i + O × (1 + i)^−n.
    pub fn present_value(&self, i: Decimal) -> Option<Decimal> {
        let rents = pv_arrears(self.rent, i, self.months.saturating_sub(1))?;
        let option = self.option.checked_mul(discount_factor(i, self.months)?)?;
        Some(round_cents(self.first_rent + rents + option))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn terms() -> Terms {
        Terms {
            rate: dec!(9),
            year: 360,
            bank_days: 1,
            min_days: 10,
            min_discount: dec!(8),
            commission: dec!(2.5),
            vat_rate: dec!(20),
        }
    }

    #[test]
    fn days_hand_checked() {
        // 45 real days + 1 jour de banque = 46 (above the 10-day minimum).
        assert_eq!(charged_days(45, 1, 10), 46);
        // 6 real days + 1 = 7 < 10: the minimum of 10 days applies.
        assert_eq!(charged_days(6, 1, 10), 10);
        assert_eq!(charged_days(30, 0, 0), 30);
    }

    #[test]
    fn slip_hand_checked() {
        // Bill 1: 4 500 € over 45 + 1 = 46 days at 9 %: 4 500 × 9 × 46 / 36 000 = 51,75 €.
        // Bill 2: 1 200 € over 6 + 1 = 7 → 10 days (minimum): 1 200 × 9 × 10 / 36 000
        //         = 3,00 € < 8 € minimum → 8,00 €.
        // Bill 3: 2 750 € over 62 + 1 = 63 days: 2 750 × 9 × 63 / 36 000 = 43,3125
        //         → 43,31 €.
        // Σ escompte = 51,75 + 8 + 43,31 = 103,06 €; commissions 3 × 2,50 = 7,50 €;
        // agios HT = 110,56 €; TVA = 20 % × 7,50 = 1,50 €; agios TTC = 112,06 €;
        // Σ nominals = 8 450 €; valeur nette = 8 450 − 112,06 = 8 337,94 €.
        let bills = [(dec!(4500), 45), (dec!(1200), 6), (dec!(2750), 62)];
        let s = slip(&bills, &terms());
        assert_eq!(s.lines[0].days, 46);
        assert_eq!(s.lines[0].discount, dec!(51.75));
        assert_eq!(s.lines[1].days, 10);
        assert_eq!(s.lines[1].raw_discount, dec!(3.00));
        assert_eq!(s.lines[1].discount, dec!(8));
        assert_eq!(s.lines[2].discount, dec!(43.31));
        assert_eq!(s.total_discount, dec!(103.06));
        assert_eq!(s.total_commissions, dec!(7.5));
        assert_eq!(s.agios_ht, dec!(110.56));
        assert_eq!(s.vat, dec!(1.50));
        assert_eq!(s.agios_ttc, dec!(112.06));
        assert_eq!(s.net_value, dec!(8337.94));
        // Taux réel = 110,56 × 360 × 100 / (4 500 × 45 + 1 200 × 6 + 2 750 × 62)
        //           = 3 980 160 / (202 500 + 7 200 + 170 500 = 380 200) = 10,4686… %.
        let t = real_rate(s.agios_ht, &bills, 360).unwrap();
        assert_eq!(crate::num::round::round_half_away(t, 2), dec!(10.47));
    }

    #[test]
    fn discount_rounds_half_away() {
        // 1 000 × 9 × 1 / 36 000 = 0,25 exactly; 1 500 × 5,4 × 1 / 36 000 = 0,225 → 0,23.
        assert_eq!(discount(dec!(1000), dec!(9), 1, 360), dec!(0.25));
        assert_eq!(discount(dec!(1500), dec!(5.4), 1, 360), dec!(0.23));
        // Year of 365 days: 7 300 × 10 × 73 / 36 500 = 146,00 €.
        assert_eq!(discount(dec!(7300), dec!(10), 73, 365), dec!(146));
    }

    #[test]
    fn present_values_hand_checked() {
        // 1 % a month, 3 payments of 100 € in arrears:
        // 100/1,01 + 100/1,01² + 100/1,01³ = 99,0099 + 98,0296 + 97,0590 = 294,0985 €
        // (VA(1 %; 3; −100) = 294,10).
        let pv = pv_arrears(dec!(100), dec!(0.01), 3).unwrap();
        assert_eq!(round_cents(pv), dec!(294.10));
        // In advance: 100 + 100/1,01 + 100/1,01² = 100 + 99,0099 + 98,0296 = 297,0395 €.
        let pv = pv_advance(dec!(100), dec!(0.01), 3).unwrap();
        assert_eq!(round_cents(pv), dec!(297.04));
        assert_eq!(pv_arrears(dec!(100), Decimal::ZERO, 3), Some(dec!(300)));
        // LOA over 3 months: 500 € at once, 2 rents of 100 € (end of months 1 and 2),
        // option of 1 000 € at the end of month 3, at 1 % a month:
        // 500 + 100/1,01 + 100/1,01² + 1 000/1,01³ = 500 + 99,0099 + 98,0296 + 970,5901
        // = 1 667,6296 → 1 667,63 €; outlay 500 + 2 × 100 + 1 000 = 1 700 €.
        let lease = Lease {
            first_rent: dec!(500),
            rent: dec!(100),
            option: dec!(1000),
            months: 3,
        };
        assert_eq!(lease.outlay(), dec!(1700));
        assert_eq!(lease.present_value(dec!(0.01)), Some(dec!(1667.63)));
    }

    proptest! {
        #[test]
        fn slip_totals_add_up(
            nominals in proptest::collection::vec(100i64..20_000, 2..=5),
            days in proptest::collection::vec(1i64..120, 5),
            rate_tenths in 10i64..150,
            bank_days in 0i64..3,
            min_days in 0i64..20,
            min_discount in 0i64..20,
            commission_cents in 0i64..800,
        ) {
            let bills: Vec<(Decimal, i64)> = nominals
                .iter()
                .zip(&days)
                .map(|(&v, &n)| (Decimal::from(v), n))
                .collect();
            let t = Terms {
                rate: Decimal::new(rate_tenths, 1),
                year: 360,
                bank_days,
                min_days,
                min_discount: Decimal::from(min_discount),
                commission: Decimal::new(commission_cents, 2),
                vat_rate: dec!(20),
            };
            let s = slip(&bills, &t);
            let total: Decimal = bills.iter().map(|b| b.0).sum();
            prop_assert_eq!(s.net_value, total - s.agios_ttc);
            prop_assert_eq!(s.agios_ttc, s.agios_ht + s.vat);
            prop_assert_eq!(s.agios_ht, s.total_discount + s.total_commissions);
            for l in &s.lines {
                prop_assert!(l.discount >= t.min_discount && l.discount >= l.raw_discount);
                prop_assert!(l.days >= l.real_days + bank_days && l.days >= min_days);
            }
            // TVA only on the commissions: never more than the rate times the commissions
            // plus half a cent.
            prop_assert!(s.vat <= s.total_commissions * dec!(0.2) + dec!(0.005));
        }

        #[test]
        fn present_value_below_outlay(
            rent in 1i64..5_000,
            months in 1u32..90,
            rate_bp in 1i64..200,
        ) {
            let i = Decimal::new(rate_bp, 4);
            let rent = Decimal::from(rent);
            let arrears = pv_arrears(rent, i, months).unwrap();
            let advance = pv_advance(rent, i, months).unwrap();
            let outlay = rent * Decimal::from(months);
            // Discounting lowers the value; paying in advance is worth more than in arrears.
            prop_assert!(arrears < outlay);
            prop_assert!(advance <= outlay && advance > arrears);
            // In advance = in arrears × (1 + i).
            prop_assert!((advance - arrears * (Decimal::ONE + i)).abs() < dec!(0.000001));
        }
    }
}

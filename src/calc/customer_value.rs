//! Value of one customer (S521): the customer's yearly account, its lifetime value and
//! its potential.
//!
//! Amounts are HT unless a name says otherwise; rates are in percent.

use crate::calc::pct;
use crate::num::round::round_cents;
use rust_decimal::{Decimal, MathematicalOps};

/// The direct commercial costs of one customer over a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DirectCosts {
    pub visits: i64,
    pub cost_per_visit: Decimal,
    pub samples: Decimal,
    /// Year-end rebate (ristourne) granted, in percent of the CA HT.
    pub rebate_rate: Decimal,
    pub deliveries: i64,
    pub cost_per_delivery: Decimal,
    pub after_sales: Decimal,
}

impl DirectCosts {
    /// The rebate to the cent: it is a line of its own in the account.
    pub fn rebate(&self, sales_ht: Decimal) -> Decimal {
        round_cents(pct(sales_ht, self.rebate_rate))
    }

    /// Visits + samples + rebate + deliveries + after-sales, `None` on overflow.
    pub fn total(&self, sales_ht: Decimal) -> Option<Decimal> {
        let visits = Decimal::from(self.visits).checked_mul(self.cost_per_visit)?;
        let deliveries = Decimal::from(self.deliveries).checked_mul(self.cost_per_delivery)?;
        visits
            .checked_add(self.samples)?
            .checked_add(self.rebate(sales_ht))?
            .checked_add(deliveries)?
            .checked_add(self.after_sales)
    }
}

/// The HT amount of a TTC amount, to the cent.
pub fn ht_of_ttc(ttc: Decimal, vat_rate: Decimal) -> Decimal {
    round_cents(ttc * Decimal::ONE_HUNDRED / (Decimal::ONE_HUNDRED + vat_rate))
}

/// Years needed for the yearly contribution to pay back the acquisition cost, to 0,01
/// year; `None` when the customer contributes nothing.
pub fn payback_years(acquisition: Decimal, contribution: Decimal) -> Option<Decimal> {
    (contribution > Decimal::ZERO)
        .then(|| crate::num::round::round_half_away(acquisition / contribution, 2))
}

/// When the first yearly margin is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstYear {
    /// Margins at the end of years 1..n: `Σ M r^(t−1) / (1+d)^t`, t = 1..n.
    EndOfYear,
    /// Margins at the start of years (t = 0..n−1): `Σ M r^t / (1+d)^t`.
    Now,
}

impl FirstYear {
    /// The discounting exponent of year `k` (1-based).
    pub fn exponent(self, k: u32) -> u32 {
        match self {
            FirstYear::EndOfYear => k,
            FirstYear::Now => k - 1,
        }
    }
}

/// The discounted expected margin of year `k` (1-based): the customer is still there
/// with probability `r^(k−1)`. The expected margin is rounded to the cent, then
/// discounted and rounded again, as the worked table shows both.
pub fn discounted_margin(
    margin: Decimal,
    retention: Decimal,
    discount: Decimal,
    k: u32,
    first: FirstYear,
) -> Option<Decimal> {
    let q = Decimal::ONE + discount / Decimal::ONE_HUNDRED;
    let expected = expected_margin(margin, retention, k)?;
    let factor = q.checked_powu(u64::from(first.exponent(k)))?;
    Some(round_cents(expected.checked_div(factor)?))
}

/// The expected margin of year `k`, not discounted, to the cent.
pub fn expected_margin(margin: Decimal, retention: Decimal, k: u32) -> Option<Decimal> {
    let r = retention / Decimal::ONE_HUNDRED;
    Some(round_cents(
        margin.checked_mul(r.checked_powu(u64::from(k - 1))?)?,
    ))
}

/// Customer lifetime value over `years`: the sum of the rounded discounted margins.
pub fn lifetime_value(
    margin: Decimal,
    retention: Decimal,
    discount: Decimal,
    years: u32,
    first: FirstYear,
) -> Option<Decimal> {
    (1..=years).try_fold(Decimal::ZERO, |acc, k| {
        acc.checked_add(discounted_margin(margin, retention, discount, k, first)?)
    })
}

/// The share of the customer's need we already cover, in percent to 0,01.
pub fn penetration_rate(our_sales: Decimal, total_need: Decimal) -> Option<Decimal> {
    (total_need > Decimal::ZERO).then(|| {
        crate::num::round::round_half_away(our_sales * Decimal::ONE_HUNDRED / total_need, 2)
    })
}

/// How a customer is qualified from its penetration rate and what is left to win.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualification {
    /// Much left to win: invest commercial effort.
    Develop = 1,
    /// Already well covered: keep and retain.
    Maintain = 2,
    /// Little to win and poorly covered: limited effort.
    Secondary = 3,
}

/// The qualification rule stated in the exercise: penetration at or above `high` →
/// maintain; otherwise an accessible extra CA at or above `threshold` → develop;
/// otherwise secondary.
pub fn qualify(
    penetration: Decimal,
    extra_accessible: Decimal,
    high: Decimal,
    threshold: Decimal,
) -> Qualification {
    if penetration >= high {
        Qualification::Maintain
    } else if extra_accessible >= threshold {
        Qualification::Develop
    } else {
        Qualification::Secondary
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn textbook_customer_account() {
        // 12 visits × 85 = 1 020 ; samples 350 ; rebate 2 % × 48 000 = 960 ;
        // 24 deliveries × 35 = 840 ; after-sales 430 → 3 600.
        let c = DirectCosts {
            visits: 12,
            cost_per_visit: dec!(85),
            samples: dec!(350),
            rebate_rate: dec!(2),
            deliveries: 24,
            cost_per_delivery: dec!(35),
            after_sales: dec!(430),
        };
        assert_eq!(c.total(dec!(48000)), Some(dec!(3600)));
        // 57 600 TTC at 20 % → 48 000 HT.
        assert_eq!(ht_of_ttc(dec!(57600), dec!(20)), dec!(48000));
        // 6 000 / 4 800 = 1,25 year.
        assert_eq!(payback_years(dec!(6000), dec!(4800)), Some(dec!(1.25)));
        assert_eq!(payback_years(dec!(6000), dec!(0)), None);
    }

    #[test]
    fn textbook_lifetime_value() {
        // M = 1 000, r = 80 %, d = 10 %, 3 years, end of year:
        // 1000/1,1 = 909,09 ; 800/1,21 = 661,16 ; 640/1,331 = 480,84 → 2 051,09.
        let clv = lifetime_value(dec!(1000), dec!(80), dec!(10), 3, FirstYear::EndOfYear);
        assert_eq!(clv, Some(dec!(2051.09)));
        // Starting now: 1000 + 800/1,1 = 727,27 + 640/1,21 = 528,93 → 2 256,20.
        let now = lifetime_value(dec!(1000), dec!(80), dec!(10), 3, FirstYear::Now);
        assert_eq!(now, Some(dec!(2256.20)));
        assert_eq!(expected_margin(dec!(1000), dec!(80), 3), Some(dec!(640)));
    }

    #[test]
    fn penetration_and_qualification() {
        // 18 000 / 60 000 = 30 %.
        assert_eq!(penetration_rate(dec!(18000), dec!(60000)), Some(dec!(30)));
        assert_eq!(penetration_rate(dec!(1), dec!(0)), None);
        assert_eq!(
            qualify(dec!(30), dec!(18000), dec!(50), dec!(10000)),
            Qualification::Develop
        );
        assert_eq!(
            qualify(dec!(55), dec!(18000), dec!(50), dec!(10000)),
            Qualification::Maintain
        );
        assert_eq!(
            qualify(dec!(30), dec!(5000), dec!(50), dec!(10000)),
            Qualification::Secondary
        );
    }
}

//! Factoring versus keeping the customer risk (S521).
//!
//! The factor charges a commission d'affacturage (a service, subject to TVA) on the TTC
//! receivables it buys, keeps a retenue de garantie (refunded later, not a cost) and
//! charges a commission de financement (interest, no TVA) on what it advances, from the
//! purchase to the average due date, on a 360-day year.

use crate::calc::pct;
use crate::num::round::round_cents;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Factoring {
    pub receivables_ttc: Decimal,
    pub commission_rate: Decimal,
    pub guarantee_rate: Decimal,
    pub financing_rate: Decimal,
    pub days: i64,
    pub vat_rate: Decimal,
}

/// The factor's statement, every line to the cent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactoringStatement {
    pub commission: Decimal,
    pub vat: Decimal,
    pub guarantee: Decimal,
    pub financing: Decimal,
    /// Commission HT + financing: TVA is deductible and the guarantee comes back.
    pub cost: Decimal,
}

impl Factoring {
    pub fn statement(&self) -> FactoringStatement {
        let commission = round_cents(pct(self.receivables_ttc, self.commission_rate));
        let vat = round_cents(pct(commission, self.vat_rate));
        let guarantee = round_cents(pct(self.receivables_ttc, self.guarantee_rate));
        let financing = round_cents(
            (self.receivables_ttc - guarantee) * self.financing_rate * Decimal::from(self.days)
                / Decimal::from(36_000),
        );
        FactoringStatement {
            commission,
            vat,
            guarantee,
            financing,
            cost: commission + financing,
        }
    }
}

/// The cost of keeping the risk: HT losses on bad debts (the TVA of an unrecoverable
/// receivable is recovered), recovery costs, and the overdraft that finances the TTC
/// receivables over the average credit time (360-day year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeepRisk {
    pub receivables_ttc: Decimal,
    pub bad_debt_rate: Decimal,
    pub vat_rate: Decimal,
    pub recovery_costs: Decimal,
    pub overdraft_rate: Decimal,
    pub days: i64,
}

impl KeepRisk {
    pub fn bad_debt_loss(&self) -> Decimal {
        round_cents(
            pct(self.receivables_ttc, self.bad_debt_rate) * Decimal::ONE_HUNDRED
                / (Decimal::ONE_HUNDRED + self.vat_rate),
        )
    }

    pub fn overdraft_cost(&self) -> Decimal {
        round_cents(
            self.receivables_ttc * self.overdraft_rate * Decimal::from(self.days)
                / Decimal::from(36_000),
        )
    }

    pub fn cost(&self) -> Decimal {
        self.bad_debt_loss() + self.overdraft_cost() + self.recovery_costs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn textbook_factoring() {
        // 600 000 TTC: commission 1,2 % = 7 200, TVA 20 % = 1 440, retenue 10 % =
        // 60 000, financing (600 000 − 60 000) × 5 % × 60 / 360 = 4 500 → cost 11 700.
        let f = Factoring {
            receivables_ttc: dec!(600000),
            commission_rate: dec!(1.2),
            guarantee_rate: dec!(10),
            financing_rate: dec!(5),
            days: 60,
            vat_rate: dec!(20),
        }
        .statement();
        assert_eq!(f.commission, dec!(7200));
        assert_eq!(f.vat, dec!(1440));
        assert_eq!(f.guarantee, dec!(60000));
        assert_eq!(f.financing, dec!(4500));
        assert_eq!(f.cost, dec!(11700));
    }

    #[test]
    fn textbook_keep_risk() {
        // Losses 1,5 % × 600 000 = 9 000 TTC → 7 500 HT ; overdraft 600 000 × 6 % × 60 /
        // 360 = 6 000 ; recovery 2 500 → 16 000.
        let k = KeepRisk {
            receivables_ttc: dec!(600000),
            bad_debt_rate: dec!(1.5),
            vat_rate: dec!(20),
            recovery_costs: dec!(2500),
            overdraft_rate: dec!(6),
            days: 60,
        };
        assert_eq!(k.bad_debt_loss(), dec!(7500));
        assert_eq!(k.overdraft_cost(), dec!(6000));
        assert_eq!(k.cost(), dec!(16000));
    }
}

//! Sales budget follow-up (S534): écarts between actual and budgeted sales, and their
//! split into a quantity (volume) effect and a price effect.
//!
//! Convention: écart = réel − budget (positive = favourable for sales); écart sur
//! quantité = (Qr − Qb) × Pb, at budget price; écart sur prix = (Pr − Pb) × Qr, at actual
//! quantity. The two add up to the total écart exactly.

use crate::num::round::{round_cents, round_half_away};
use rust_decimal::Decimal;

/// One line of the budget: quantities and unit prices, budgeted and actual.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub qty_budget: Decimal,
    pub price_budget: Decimal,
    pub qty_actual: Decimal,
    pub price_actual: Decimal,
}

impl Line {
    pub fn budget(&self) -> Decimal {
        round_cents(self.qty_budget * self.price_budget)
    }
    pub fn actual(&self) -> Decimal {
        round_cents(self.qty_actual * self.price_actual)
    }
    /// Réel − budget.
    pub fn variance(&self) -> Decimal {
        self.actual() - self.budget()
    }
    /// (Qr − Qb) × Pb.
    pub fn quantity_effect(&self) -> Decimal {
        round_cents((self.qty_actual - self.qty_budget) * self.price_budget)
    }
    /// (Pr − Pb) × Qr.
    pub fn price_effect(&self) -> Decimal {
        round_cents((self.price_actual - self.price_budget) * self.qty_actual)
    }
}

/// Écart in percent of the budget, to 2 decimals.
pub fn variance_pct(variance: Decimal, budget: Decimal) -> Option<Decimal> {
    Some(round_half_away(
        variance
            .checked_div(budget)?
            .checked_mul(Decimal::ONE_HUNDRED)?,
        2,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn hand_checked() {
        // Budget 1 200 u × 45 € = 54 000 €; actual 1 100 u × 46,50 € = 51 150 €.
        // Écart −2 850 € (défavorable), −5,28 % of the budget.
        // Quantity: −100 × 45 = −4 500 €; price: +1,50 × 1 100 = +1 650 €; sum −2 850 €.
        let l = Line {
            qty_budget: dec!(1200),
            price_budget: dec!(45),
            qty_actual: dec!(1100),
            price_actual: dec!(46.50),
        };
        assert_eq!(l.variance(), dec!(-2850));
        assert_eq!(variance_pct(l.variance(), l.budget()), Some(dec!(-5.28)));
        assert_eq!(l.quantity_effect(), dec!(-4500));
        assert_eq!(l.price_effect(), dec!(1650));
        assert_eq!(l.quantity_effect() + l.price_effect(), l.variance());
    }
}

//! The magnitudes every exercise type derives its figures from, so that two statements
//! about one company never contradict each other: the turnover of a portfolio, of a
//! salesperson, of a customer, the volume of a product in a month, the value of an order.
//!
//! Each is computed from the company's declared figures (`ca_annuel`, `clients`,
//! `commerciaux`, a product's `part_ca` and `saisonnalite`): a type draws *around* them
//! (a salesperson's portfolio is not exactly the average one) within the tolerances the
//! coherence test checks, and never invents a scale of its own.

use super::{Business, Product};
use rust_decimal::Decimal;

/// How far a type may draw a magnitude from the company's figure, either way, in
/// percent: an annual volume shown in one type and the sum of the monthly volumes shown
/// in another then agree within twice this, the ± 15 % the coherence test allows.
pub const SPREAD_PERCENT: i64 = 7;

impl Business {
    /// The customers one salesperson follows: the portfolio shared evenly.
    pub fn customers_per_salesperson(&self) -> u32 {
        (self.clients / self.commerciaux.max(1)).max(1)
    }

    /// The annual turnover of one salesperson's portfolio, HT.
    pub fn turnover_per_salesperson(&self) -> Decimal {
        Decimal::from(self.ca_annuel) / Decimal::from(self.commerciaux.max(1))
    }

    /// The average annual turnover of one customer, HT.
    pub fn turnover_per_customer(&self) -> Decimal {
        Decimal::from(self.ca_annuel) / Decimal::from(self.clients.max(1))
    }

    /// The turnover of one month, HT, by the seasonality of the whole range (each
    /// product weighted by its share of turnover).
    pub fn month_turnover(&self, month: u32) -> Decimal {
        self.produit
            .iter()
            .map(|p| self.product_turnover(p) * p.month_share(month))
            .sum()
    }

    /// The company's usual taux de marque, mid-range, in percent.
    pub fn mid_taux_marque(&self) -> Decimal {
        (self.taux_marque[0] + self.taux_marque[1]) / Decimal::TWO
    }
}

impl Product {
    /// The share of the year's sales made in `month` (1 to 12).
    pub fn month_share(&self, month: u32) -> Decimal {
        let total: u32 = self.saisonnalite.iter().sum();
        Decimal::from(self.saisonnalite[(month as usize - 1) % 12]) / Decimal::from(total.max(1))
    }

    /// The value HT of one order of a buyer of `kind`: `(smallest quantity × lowest
    /// price, largest quantity × highest price)`.
    pub fn order_value_range(&self, kind: &str) -> Option<(Decimal, Decimal)> {
        self.order_range(kind).map(|(lo, hi)| {
            (
                Decimal::from(lo) * self.prix_ht_min,
                Decimal::from(hi) * self.prix_ht_max,
            )
        })
    }

    /// The months with sales above the average month: the season of a seasonal product,
    /// the whole year of a regular one.
    pub fn season(&self) -> Vec<u32> {
        let total: u32 = self.saisonnalite.iter().sum();
        (1..=12)
            .filter(|&m| self.saisonnalite[m as usize - 1] * 12 >= total)
            .collect()
    }
}

impl Business {
    /// The volume of `p` sold in `month`, in whole units (rounded down).
    pub fn month_volume(&self, p: &Product, month: u32) -> Decimal {
        (self.annual_volume(p) * p.month_share(month)).floor()
    }
}

/// `value` moved by at most [`SPREAD_PERCENT`] either way, as `draw` picks the percentage
/// (`draw(lo, hi)` returns an integer of `lo..=hi`).
pub fn spread(value: Decimal, draw: impl FnOnce(i64, i64) -> i64) -> Decimal {
    let pct = draw(-SPREAD_PERCENT, SPREAD_PERCENT);
    value * Decimal::from(100 + pct) / Decimal::ONE_HUNDRED
}

/// Whether `shown` agrees with `expected` within `percent` either way.
pub fn agrees(shown: Decimal, expected: Decimal, percent: i64) -> bool {
    let gap = (shown - expected).abs();
    gap * Decimal::ONE_HUNDRED <= expected.abs() * Decimal::from(percent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::world;

    #[test]
    fn months_share_the_whole_year() {
        for b in &world().entreprise {
            for p in &b.produit {
                let total: Decimal = (1..=12).map(|m| p.month_share(m)).sum();
                assert!(
                    (total - Decimal::ONE).abs() < Decimal::new(1, 20),
                    "{}",
                    p.nom
                );
                assert!(!p.season().is_empty(), "{}", p.nom);
            }
            let year: Decimal = (1..=12).map(|m| b.month_turnover(m)).sum();
            let declared: Decimal = b.produit.iter().map(|p| b.product_turnover(p)).sum();
            assert!((year - declared).abs() < Decimal::ONE, "{}", b.nom);
        }
    }

    #[test]
    fn a_salesperson_holds_a_share_of_the_company() {
        for b in &world().entreprise {
            assert!(b.customers_per_salesperson() <= b.clients, "{}", b.nom);
            assert!(
                b.turnover_per_salesperson() <= Decimal::from(b.ca_annuel),
                "{}",
                b.nom
            );
        }
    }

    #[test]
    fn agreement_is_two_sided() {
        let d = |n: i64| Decimal::from(n);
        assert!(agrees(d(115), d(100), 15));
        assert!(agrees(d(85), d(100), 15));
        assert!(!agrees(d(116), d(100), 15));
        assert!(!agrees(d(84), d(100), 15));
        assert_eq!(spread(d(200), |lo, _| lo), d(186));
        assert_eq!(spread(d(200), |_, hi| hi), d(214));
    }
}

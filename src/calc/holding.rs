//! Product holding indicators of a customer base (S522): holding rate per product,
//! average number of products, multi-equipment, and the cross-selling target.
//!
//! Every rate is read against the WHOLE base, including the customers who hold none of
//! the products listed (a frequent mistake is to divide by the holders only). Rates are
//! in percent rounded to 2 decimals, averages rounded to 2 decimals, half away from zero.

use crate::num::round::round_half_away;
use rust_decimal::Decimal;

/// What the indicators need, whether read from a customers × products table or given
/// as counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holdings {
    /// Customers in the base.
    pub base: i64,
    /// Holders of each product.
    pub holders: Vec<i64>,
    /// Customers holding none of the products.
    pub none: i64,
    /// Customers holding exactly one product.
    pub single: i64,
}

impl Holdings {
    /// Counts from a table: `rows[c][p]` says whether customer `c` holds product `p`.
    pub fn from_rows(rows: &[Vec<bool>]) -> Holdings {
        let products = rows.first().map_or(0, Vec::len);
        let holders = (0..products)
            .map(|p| rows.iter().filter(|r| r[p]).count() as i64)
            .collect();
        let count = |n: usize| rows.iter().filter(|r| held(r) == n).count() as i64;
        Holdings {
            base: rows.len() as i64,
            holders,
            none: count(0),
            single: count(1),
        }
    }

    /// Σ holders: the number of (customer, product) pairs.
    pub fn total_held(&self) -> i64 {
        self.holders.iter().sum()
    }

    /// Customers holding at least two products.
    pub fn multi(&self) -> i64 {
        self.base - self.none - self.single
    }

    /// Whether such counts can come from a real base: every count within the base, and
    /// the total of holdings between what the single and multi-equipped customers can
    /// hold.
    pub fn is_feasible(&self) -> bool {
        let k = self.holders.len() as i64;
        let holding = self.base - self.none;
        self.base > 0
            && self.none >= 0
            && self.single >= 0
            && self.multi() >= 0
            && self.holders.iter().all(|h| (0..=holding).contains(h))
            && self.total_held() >= self.single + 2 * self.multi()
            && self.total_held() <= self.single + k * self.multi()
    }
}

fn held(row: &[bool]) -> usize {
    row.iter().filter(|x| **x).count()
}

/// `part / whole × 100` rounded to 2 decimals; `None` for an empty whole.
pub fn rate(part: i64, whole: i64) -> Option<Decimal> {
    ratio(part.checked_mul(100)?, whole)
}

/// `part / whole` rounded to 2 decimals; `None` for an empty whole.
pub fn ratio(part: i64, whole: i64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    Some(round_half_away(
        Decimal::from(part).checked_div(Decimal::from(whole))?,
        2,
    ))
}

/// An amount divided by a count, rounded to the cent.
pub fn average_amount(amount: Decimal, count: i64) -> Option<Decimal> {
    if count == 0 {
        return None;
    }
    Some(round_half_away(
        amount.checked_div(Decimal::from(count))?,
        2,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn papeterie_dauphine() {
        // Exemple du chapitre S522 : 200 clients, détentions 200, 152, 88, 34, 16
        // (total 490), 44 clients mono-équipés, aucun sans produit.
        // Indice d'équipement 490 / 200 = 2,45 ; multi-équipement (200 − 44) / 200 = 78 %.
        let h = Holdings {
            base: 200,
            holders: vec![200, 152, 88, 34, 16],
            none: 0,
            single: 44,
        };
        assert!(h.is_feasible());
        assert_eq!(h.total_held(), 490);
        assert_eq!(ratio(h.total_held(), h.base), Some(dec!(2.45)));
        assert_eq!(rate(h.multi(), h.base), Some(dec!(78)));
        assert_eq!(rate(88, 200), Some(dec!(44)));
    }

    #[test]
    fn from_a_table() {
        let rows = vec![
            vec![true, true, false],
            vec![false, false, false],
            vec![true, false, false],
            vec![true, true, true],
        ];
        let h = Holdings::from_rows(&rows);
        assert_eq!(h.holders, vec![3, 2, 1]);
        assert_eq!((h.base, h.none, h.single, h.multi()), (4, 1, 1, 2));
        assert!(h.is_feasible());
    }
}

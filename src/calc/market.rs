//! Potential clientele and the company's position on its market (S431, S423).
//!
//! Population totale = non-consommateurs absolus (NCA) + non-consommateurs relatifs
//! (NCR) + consommateurs actuels; the potential clientele leaves out only the NCA. Market
//! shares are read against the actual demand (the current consumers) or against the
//! potential demand; a penetration rate is read against the whole population. Counts are
//! integers; every rate is in percent, rounded to 2 decimals (half away from zero).

use crate::num::round::round_half_away;
use rust_decimal::Decimal;

/// The counts that describe a market, all in the same unit (people, households,
/// establishments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Market {
    pub population: i64,
    pub absolute_non_consumers: i64,
    pub company_customers: i64,
    pub competitor_customers: i64,
}

impl Market {
    pub fn current_consumers(&self) -> i64 {
        self.company_customers + self.competitor_customers
    }

    /// NCR = population − NCA − consommateurs actuels.
    pub fn relative_non_consumers(&self) -> i64 {
        self.population - self.absolute_non_consumers - self.current_consumers()
    }

    /// Consommateurs actuels + NCR (= population − NCA).
    pub fn potential(&self) -> i64 {
        self.current_consumers() + self.relative_non_consumers()
    }

    /// Whether every group is a positive count and the company has competitors.
    pub fn is_consistent(&self) -> bool {
        self.population > 0
            && self.absolute_non_consumers > 0
            && self.company_customers > 0
            && self.competitor_customers > 0
            && self.relative_non_consumers() > 0
    }
}

/// `part / whole × 100`, rounded to 2 decimals; `None` for an empty whole.
pub fn rate(part: i64, whole: i64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let r = Decimal::from(part)
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(Decimal::from(whole))?;
    Some(round_half_away(r, 2))
}

/// Customers won by converting `percent` % of the relative non-consumers, rounded to
/// the unit (half away from zero).
pub fn converted(ncr: i64, percent: Decimal) -> Option<i64> {
    let won = Decimal::from(ncr).checked_mul(percent)? / Decimal::ONE_HUNDRED;
    i64::try_from(round_half_away(won, 0)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn fourneaux_d_armor() {
        // Exemple du chapitre S431 : 62 000 foyers, 21 700 NCA, 6 200 équipés dont 930
        // clients. NCR = 62 000 − 21 700 − 6 200 = 34 100 ; potentiel = 40 300 ;
        // PDM effective = 930 / 6 200 = 15 % ; PDM potentielle = 930 / 40 300 = 2,31 % ;
        // pénétration du produit = 6 200 / 62 000 = 10 %, de l'entreprise 1,5 %.
        let m = Market {
            population: 62_000,
            absolute_non_consumers: 21_700,
            company_customers: 930,
            competitor_customers: 5_270,
        };
        assert_eq!(m.relative_non_consumers(), 34_100);
        assert_eq!(m.potential(), 40_300);
        assert_eq!(rate(930, m.current_consumers()), Some(dec!(15)));
        assert_eq!(rate(930, m.potential()), Some(dec!(2.31)));
        assert_eq!(rate(m.current_consumers(), 62_000), Some(dec!(10)));
        assert_eq!(rate(930, 62_000), Some(dec!(1.5)));
        assert_eq!(converted(34_100, dec!(2)), Some(682));
        assert_eq!(rate(1, 0), None);
    }
}

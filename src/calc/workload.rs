//! The workload method (méthode de la charge de travail, S531): from the visits the
//! customers need to the number of salespeople.

use rust_decimal::Decimal;

/// One class of customers and how it is visited.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Class {
    pub customers: i64,
    /// Visits per customer and per year.
    pub visits_per_year: Decimal,
    /// Time with the customer, in minutes.
    pub visit_minutes: i64,
    /// Travel time per visit, in minutes.
    pub travel_minutes: i64,
}

impl Class {
    pub fn visits(&self) -> Decimal {
        self.visits_per_year * Decimal::from(self.customers)
    }

    /// Hours of work this class needs in a year, travel included.
    pub fn hours(&self) -> Decimal {
        self.visits() * Decimal::from(self.visit_minutes + self.travel_minutes) / Decimal::from(60)
    }
}

pub fn total_visits(classes: &[Class]) -> Decimal {
    classes.iter().map(Class::visits).sum()
}

pub fn total_hours(classes: &[Class]) -> Decimal {
    classes.iter().map(Class::hours).sum()
}

/// Field hours one salesperson has in a year.
pub fn available_hours(days: Decimal, hours_per_day: Decimal, field_share: Decimal) -> Decimal {
    days * hours_per_day * field_share / Decimal::ONE_HUNDRED
}

/// Whole salespeople needed: always rounded **up**, since a fraction of the workload
/// left uncovered is customers left unvisited.
pub fn salespeople(workload_hours: Decimal, available: Decimal) -> Option<Decimal> {
    if available <= Decimal::ZERO {
        return None;
    }
    Some(workload_hours.checked_div(available)?.ceil())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    /// The Hygiapro case of the S531 chapter: 60 A × 12, 180 B × 6, 360 C × 2, 300
    /// prospects × 1; visits of 90, 60, 45, 60 min plus 45 min of travel.
    #[test]
    fn chapter_case() {
        let c = |n, f, v| Class {
            customers: n,
            visits_per_year: f,
            visit_minutes: v,
            travel_minutes: 45,
        };
        let classes = [
            c(60, dec!(12), 90),
            c(180, dec!(6), 60),
            c(360, dec!(2), 45),
            c(300, dec!(1), 60),
        ];
        assert_eq!(total_visits(&classes), dec!(2820));
        // 720 × 2,25 + 1 080 × 1,75 + 720 × 1,5 + 300 × 1,75 = 5 115 h.
        assert_eq!(total_hours(&classes), dec!(5115));
        // 220 × 7 × 70 % = 1 078 h; 5 115 / 1 078 ≈ 4,74 → 5.
        let a = available_hours(dec!(220), dec!(7), dec!(70));
        assert_eq!(a, dec!(1078));
        assert_eq!(salespeople(dec!(5115), a), Some(dec!(5)));
        assert_eq!(salespeople(dec!(2156), a), Some(dec!(2)));
        assert_eq!(salespeople(dec!(1), dec!(0)), None);
    }
}

//! Calendar arithmetic for interest, discounting and payment terms.
//!
//! Day counts follow the French commercial convention: between two dates, the first day
//! is excluded and the last included (so `days_between(1er mars, 31 mars) = 30`).

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

impl Date {
    /// `None` for an impossible date (31 avril, 29 février 2025…).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    pub fn end_of_month(self) -> Date {
        Date {
            day: days_in_month(self.year, self.month),
            ..self
        }
    }

    /// Same day `n` months later, clamped to the month's last day (31 janvier + 1 mois =
    /// 28 ou 29 février).
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + self.month as i32 - 1 + n;
        let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }
}

/// Days from `from` to `to`, first day excluded, last included (negative if `to` is before).
pub fn days_between(from: Date, to: Date) -> i64 {
    to.to_days() - from.to_days()
}

/// The same count if both end days are wrongly counted (a classic mistake).
pub fn days_both_ends(from: Date, to: Date) -> i64 {
    days_between(from, to) + 1
}

/// How "n jours fin de mois" is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndOfMonthRule {
    /// End of the invoice's month, then + n days (the usual reading).
    EndThenDays,
    /// + n days, then end of that month.
    DaysThenEnd,
}

/// Due date of an invoice payable at "n jours fin de mois".
pub fn due_end_of_month(invoice: Date, days: i64, rule: EndOfMonthRule) -> Date {
    match rule {
        EndOfMonthRule::EndThenDays => invoice.end_of_month().add_days(days),
        EndOfMonthRule::DaysThenEnd => invoice.add_days(days).end_of_month(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn hand_checked_counts() {
        assert_eq!(d(1970, 1, 1).to_days(), 0);
        // 1er mars → 31 mars: 30 days (first excluded, last included).
        assert_eq!(days_between(d(2026, 3, 1), d(2026, 3, 31)), 30);
        // 15 mars → 30 juin 2026: 16 (mars) + 30 + 31 + 30 = 107.
        assert_eq!(days_between(d(2026, 3, 15), d(2026, 6, 30)), 107);
        // Across a leap February: 28 févr. 2024 → 1er mars 2024 = 2 days.
        assert_eq!(days_between(d(2024, 2, 28), d(2024, 3, 1)), 2);
        assert_eq!(days_both_ends(d(2026, 3, 1), d(2026, 3, 31)), 31);
    }

    #[test]
    fn months_and_terms() {
        assert_eq!(d(2026, 1, 31).add_months(1), d(2026, 2, 28));
        assert_eq!(d(2024, 1, 31).add_months(1), d(2024, 2, 29));
        assert_eq!(d(2026, 11, 15).add_months(3), d(2027, 2, 15));
        // Invoice of 10 mars, 45 jours fin de mois: 31 mars + 45 = 15 mai;
        // read the other way: 10 mars + 45 = 24 avril → 30 avril.
        assert_eq!(
            due_end_of_month(d(2026, 3, 10), 45, EndOfMonthRule::EndThenDays),
            d(2026, 5, 15)
        );
        assert_eq!(
            due_end_of_month(d(2026, 3, 10), 45, EndOfMonthRule::DaysThenEnd),
            d(2026, 4, 30)
        );
        assert!(Date::new(2025, 2, 29).is_none());
        assert!(Date::new(2026, 4, 31).is_none());
    }

    proptest! {
        #[test]
        fn days_roundtrip(z in -1_000_000i64..1_000_000) {
            let date = Date::from_days(z);
            prop_assert!(Date::new(date.year, date.month, date.day).is_some());
            prop_assert_eq!(date.to_days(), z);
            prop_assert_eq!(date.add_days(1).to_days(), z + 1);
        }
    }
}

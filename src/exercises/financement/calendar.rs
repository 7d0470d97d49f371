//! Dates as parameters of the financing exercises, and the worked count of days.
//!
//! A date is three integer parameters (day, month, year) so that a teacher can fix a
//! textbook case with `--set`; the count of days is detailed month by month, first day
//! excluded and last day included.

use crate::calc::dates::{days_between, days_in_month, Date};
use crate::generate::{Degenerate, Draw, ParamSpec};

/// The three integer parameters of a date.
pub fn date_specs(
    day: &'static str,
    month: &'static str,
    year: &'static str,
    what: [&'static str; 3],
) -> [ParamSpec; 3] {
    [
        ParamSpec::integer(day, what[0], 1, 31),
        ParamSpec::integer(month, what[1], 1, 12),
        ParamSpec::integer(year, what[2], 2000, 2100),
    ]
}

/// Draws (or reads) a date; `default` is what is used when nothing is fixed.
pub fn draw_date(
    d: &mut Draw,
    names: [&'static str; 3],
    default: Date,
) -> Result<Date, Degenerate> {
    let day = d.number(names[0], |_| default.day.into());
    let month = d.number(names[1], |_| default.month.into());
    let year = d.number(names[2], |_| default.year.into());
    let as_int = |x: rust_decimal::Decimal| i64::try_from(x).unwrap_or(0);
    Date::new(
        as_int(year) as i32,
        as_int(month) as u32,
        as_int(day) as u32,
    )
    .ok_or_else(|| Degenerate("date impossible".into()))
}

/// "mars" for a date in March.
pub fn month_name(date: Date) -> String {
    let first = Date { day: 2, ..date }.french();
    first
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

/// The count of days from `from` to `to` (first excluded, last included), month by
/// month, without its total: "16 (mars : 31 − 15) + 30 (avril) + 31 (mai) + 30 (juin)".
pub fn day_count_detail(from: Date, to: Date) -> String {
    if (from.year, from.month) == (to.year, to.month) {
        return format!("{} − {}", to.day, from.day);
    }
    // From the last day of a month, nothing is left of that month.
    let mut parts = Vec::new();
    if from.day < days_in_month(from.year, from.month) {
        parts.push(format!(
            "{} ({} : {} − {})",
            days_in_month(from.year, from.month) - from.day,
            month_name(from),
            days_in_month(from.year, from.month),
            from.day
        ));
    }
    let mut cursor = Date { day: 1, ..from }.add_months(1);
    while (cursor.year, cursor.month) != (to.year, to.month) {
        let name = if cursor.month == 1 {
            format!("{} {}", month_name(cursor), cursor.year)
        } else {
            month_name(cursor)
        };
        parts.push(format!(
            "{} ({name})",
            days_in_month(cursor.year, cursor.month)
        ));
        cursor = cursor.add_months(1);
    }
    let last = if to.month == 1 {
        format!("{} {}", month_name(to), to.year)
    } else {
        month_name(to)
    };
    parts.push(format!("{} ({last})", to.day));
    parts.join(" + ")
}

/// The sentence of a worked step that counts the days, ending with the bold total.
pub fn day_count_step(from: Date, to: Date) -> String {
    format!(
        "On compte les jours du {} au {}, premier jour exclu et dernier jour inclus : {} = **{} jours**.",
        from.french(),
        to.french(),
        day_count_detail(from, to),
        days_between(from, to)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn detail_hand_checked() {
        // 15 mars → 30 juin 2026: 16 + 30 + 31 + 30 = 107.
        assert_eq!(
            day_count_detail(d(2026, 3, 15), d(2026, 6, 30)),
            "16 (mars : 31 − 15) + 30 (avril) + 31 (mai) + 30 (juin)"
        );
        assert_eq!(day_count_detail(d(2026, 3, 1), d(2026, 3, 31)), "31 − 1");
        // 20 déc. 2025 → 10 févr. 2026: 11 + 31 + 10 = 52.
        assert_eq!(
            day_count_detail(d(2025, 12, 20), d(2026, 2, 10)),
            "11 (décembre : 31 − 20) + 31 (janvier 2026) + 10 (février)"
        );
        assert_eq!(month_name(d(2026, 8, 1)), "août");
        // From the last day of June: 31 + 31 + 30 + 11 = 103.
        assert_eq!(
            day_count_detail(d(2026, 6, 30), d(2026, 10, 11)),
            "31 (juillet) + 31 (août) + 30 (septembre) + 11 (octobre)"
        );
        assert_eq!(
            day_count_step(d(2026, 3, 1), d(2026, 3, 31)),
            "On compte les jours du 1er mars 2026 au 31 mars 2026, premier jour exclu et dernier jour inclus : 31 − 1 = **30 jours**."
        );
    }
}

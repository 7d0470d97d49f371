//! Dates as parameters of the financing exercises, and the worked count of days.
//!
//! A date is three integer parameters (day, month, year) so that a teacher can fix a
//! textbook case with `--set`; the count of days is detailed month by month, first day
//! excluded and last day included.

use crate::calc::dates::{days_between, days_in_month, Date};
use crate::generate::{Degenerate, Draw, ParamSpec};
use crate::v1::context::DateV1;

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
    let first = Date { day: 2, ..date }.french_v1();
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
        from.french_v1(),
        to.french_v1(),
        day_count_detail(from, to),
        days_between(from, to)
    )
}

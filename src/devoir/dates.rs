//! The date of a homework sheet and the dates its statements are set at: a copy handed
//! out on 15 March 2025 cannot ask about an invoice of June 2025, so an exercise whose
//! statement is dated later than its sheet is redrawn (see [`super::sheet`]).

use crate::calc::dates::{days_in_month, Date};
use crate::exercises::context::MONTHS;

/// The month (1 to 12) of a French month name, with or without its accents.
fn month_number(name: &str) -> Option<u32> {
    let plain = |s: &str| s.to_lowercase().replace(['é', 'è'], "e").replace('û', "u");
    let wanted = plain(name);
    MONTHS
        .iter()
        .position(|m| plain(m) == wanted)
        .map(|i| i as u32 + 1)
}

/// A plausible calendar year, written with four digits: not a price nor a quantity.
fn year(text: &str) -> Option<i32> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<i32>()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
}

/// A day of the month as written before its month: « 8 », « 08 », « 1er ».
fn day(text: &str) -> Option<u32> {
    let digits = text.strip_suffix("er").unwrap_or(text);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// « 08/12/2026 » or « 2026-12-08 ».
fn numeric(token: &str) -> Option<Date> {
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let parts: Vec<&str> = token.split('/').collect();
    if let [d, m, y] = parts[..] {
        return Date::new(year(y)?, num(m)?, num(d)?);
    }
    let parts: Vec<&str> = token.split('-').collect();
    if let [y, m, d] = parts[..] {
        return Date::new(year(y)?, num(m)?, num(d)?);
    }
    None
}

/// The words of `text` (letters, digits, « / » and « - »), each with whether only
/// white space separates it from the next one.
fn words(text: &str) -> Vec<(&str, bool)> {
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = None;
    let mut blank_since_last = true;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = i < text.len() && (c.is_alphanumeric() || c == '/' || c == '-');
        match (in_word, start) {
            (true, None) => {
                if let Some(last) = out.last_mut() {
                    last.1 = blank_since_last;
                }
                start = Some(i);
            }
            (false, Some(s)) => {
                out.push((&text[s..i], false));
                start = None;
                blank_since_last = c.is_whitespace();
            }
            (false, None) => blank_since_last &= c.is_whitespace(),
            (true, Some(_)) => {}
        }
    }
    out
}

/// Reads a sheet's free-text date: « mardi 8 décembre 2026 », « 1er décembre 2026 »,
/// « 08/12/2026 » or « 2026-12-08 ». `None` if it is none of these (« semaine 50 »).
pub fn parse_sheet_date(text: &str) -> Option<Date> {
    let w: Vec<&str> = words(text).into_iter().map(|(w, _)| w).collect();
    match w[..] {
        [one] => numeric(one),
        [d, m, y] => Date::new(year(y)?, month_number(m)?, day(d)?),
        [weekday, d, m, y] if weekday.chars().all(char::is_alphabetic) => {
            Date::new(year(y)?, month_number(m)?, day(d)?)
        }
        _ => None,
    }
}

/// The latest date written in `text`: « 14 mars 2026 », « 1er mars 2026 »,
/// « 14/03/2026 », « 2026-03-14 », and a month alone (« la TVA de juin 2025 ») as its
/// last day, since a month's figures are only known once it is over. Bare years are
/// left out: « le plan d'amortissement jusqu'en 2030 » looks ahead on purpose.
pub fn latest_date(text: &str) -> Option<Date> {
    let w = words(text);
    let mut latest: Option<Date> = None;
    for (i, &(word, joined)) in w.iter().enumerate() {
        let date = if let Some(d) = numeric(word) {
            Some(d)
        } else if let (Some(month), true) = (month_number(word), joined) {
            let Some(y) = w.get(i + 1).and_then(|(y, _)| year(y)) else {
                continue;
            };
            let before = i.checked_sub(1).map(|j| w[j]).filter(|(_, j)| *j);
            match before.and_then(|(d, _)| day(d)) {
                Some(d) => Date::new(y, month, d),
                None => Date::new(y, month, days_in_month(y, month)),
            }
        } else {
            None
        };
        if let Some(d) = date {
            latest = Some(latest.map_or(d, |l| l.max(d)));
        }
    }
    latest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date::new(year, month, day).unwrap()
    }

    #[test]
    fn sheet_dates_in_every_usual_form() {
        let d = Some(date(2026, 12, 8));
        assert_eq!(parse_sheet_date("mardi 8 décembre 2026"), d);
        assert_eq!(parse_sheet_date("8 décembre 2026"), d);
        assert_eq!(parse_sheet_date("  Mardi 8 Decembre 2026 "), d);
        assert_eq!(parse_sheet_date("08/12/2026"), d);
        assert_eq!(parse_sheet_date("2026-12-08"), d);
        assert_eq!(parse_sheet_date("1er mars 2025"), Some(date(2025, 3, 1)));
        assert_eq!(
            parse_sheet_date("jeudi 14 janvier 2027"),
            Some(date(2027, 1, 14))
        );
        assert_eq!(parse_sheet_date("semaine 50"), None);
        assert_eq!(parse_sheet_date("31 février 2026"), None);
        assert_eq!(parse_sheet_date("8 brumaire 2026"), None);
        assert_eq!(parse_sheet_date("12/08"), None);
    }

    #[test]
    fn the_latest_date_of_a_statement() {
        let text = "Facture du 1er mars 2025, échéance le 14\u{a0}avril 2025 ; \
                    relevé du 02/05/2025 | commande 2025-01-31 ; plan jusqu'en 2030.";
        assert_eq!(latest_date(text), Some(date(2025, 5, 2)));
        // A month alone counts as its last day.
        assert_eq!(
            latest_date("la déclaration de TVA de juin 2025"),
            Some(date(2025, 6, 30))
        );
        assert_eq!(latest_date("au 31 décembre 2024"), Some(date(2024, 12, 31)));
        // Amounts, bare years and words before a year are not dates.
        assert_eq!(
            latest_date("1 234 unités en 2026, soit 2026 € pour 12 mois"),
            None
        );
    }
}

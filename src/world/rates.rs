//! Dated official and market rates (`exercises/taux.toml`), each with its period and
//! source: a statement dated in a period uses that period's figures.

use crate::calc::dates::Date;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::sync::LazyLock;

/// A `"2026-01-01"` date of the rates file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub Date);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let s = String::deserialize(d)?;
        parse_day(&s).map(Day).ok_or_else(|| {
            serde::de::Error::custom(format!("date « {s} » invalide (attendu AAAA-MM-JJ)"))
        })
    }
}

fn parse_day(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    Date::new(year, month, day)
}

fn key(d: &Date) -> (i32, u32, u32) {
    (d.year, d.month, d.day)
}

/// Whose late payment the taux de l'intérêt légal applies to (Code monétaire et financier,
/// art. L313-2): a creditor who is a private individual, or every other case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Creditor {
    /// « Créances des personnes physiques n'agissant pas pour des besoins professionnels ».
    Individual,
    /// « Tous les autres cas », among them every debt between professionals.
    Other,
}

impl Creditor {
    /// How a statement names the category.
    pub fn french(self) -> &'static str {
        match self {
            Creditor::Individual => {
                "créanciers personnes physiques n'agissant pas pour des besoins professionnels"
            }
            Creditor::Other => "tous les autres cas (créanciers professionnels)",
        }
    }
}

/// The taux de l'intérêt légal of one half-year.
#[derive(Debug, Clone, Deserialize)]
pub struct LegalRate {
    pub debut: Day,
    pub fin: Day,
    #[serde(with = "rust_decimal::serde::str")]
    pub particuliers: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub autres_cas: Decimal,
    pub source: String,
}

impl LegalRate {
    pub fn rate(&self, creditor: Creditor) -> Decimal {
        match creditor {
            Creditor::Individual => self.particuliers,
            Creditor::Other => self.autres_cas,
        }
    }

    /// "premier semestre 2026".
    pub fn half_year(&self) -> String {
        let first = if self.debut.0.month <= 6 {
            "premier"
        } else {
            "second"
        };
        format!("{first} semestre {}", self.debut.0.year)
    }
}

/// A rate in force from `debut` to `fin`.
#[derive(Debug, Clone, Deserialize)]
pub struct PeriodRate {
    pub debut: Day,
    pub fin: Day,
    #[serde(with = "rust_decimal::serde::str")]
    pub taux: Decimal,
    pub source: String,
}

/// A market range of a year: business loans by purpose, company deposits.
#[derive(Debug, Clone, Deserialize)]
pub struct MarketRange {
    pub annee: i32,
    /// The purpose of a loan (`equipement`, `tresorerie`, `immobilier`) or the kind of
    /// deposit (`depot-a-terme`…).
    #[serde(alias = "produit")]
    pub objet: String,
    /// Longest duration a bank lends for this purpose (loans only).
    #[serde(default)]
    pub duree_max_mois: Option<u32>,
    #[serde(with = "rust_decimal::serde::str")]
    pub taux_min: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub taux_max: Decimal,
    pub source: String,
}

#[derive(Debug, Deserialize)]
pub struct Rates {
    pub taux_legal: Vec<LegalRate>,
    pub taux_bce_semestre: Vec<PeriodRate>,
    pub credit_professionnel: Vec<MarketRange>,
    pub placement: Vec<MarketRange>,
    pub livret_a: Vec<PeriodRate>,
}

pub const RATES_FILE: &str = "exercises/taux.toml";
const RATES_TOML: &str = include_str!("../../exercises/taux.toml");

static PARSED: LazyLock<Result<Rates, String>> = LazyLock::new(|| {
    toml::from_str(RATES_TOML)
        .map_err(|e| super::validate::toml_message(RATES_FILE, RATES_TOML, &e))
});

/// The rates (checked with the world by [`super::check`]).
pub fn rates() -> &'static Rates {
    match &*PARSED {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    }
}

pub(super) fn parsed() -> Result<&'static Rates, &'static String> {
    PARSED.as_ref()
}

fn covering<'a, T>(
    rows: &'a [T],
    date: &Date,
    period: impl Fn(&T) -> (&Day, &Day),
) -> Option<&'a T> {
    rows.iter().find(|r| {
        let (a, b) = period(r);
        key(&a.0) <= key(date) && key(date) <= key(&b.0)
    })
}

fn latest<'a>(rows: &'a [MarketRange], year: i32, what: &str) -> Option<&'a MarketRange> {
    rows.iter()
        .filter(|r| r.annee <= year && r.objet == what)
        .max_by_key(|r| r.annee)
}

impl Rates {
    /// The taux de l'intérêt légal in force on `date`.
    pub fn legal(&self, date: &Date) -> Option<&LegalRate> {
        covering(&self.taux_legal, date, |r| (&r.debut, &r.fin))
    }

    /// The ECB main refinancing rate that applies to late payments of `date`'s half-year
    /// (the rate in force on 1 January or 1 July, Code de commerce art. L441-10).
    pub fn ecb_for_half_year(&self, date: &Date) -> Option<&PeriodRate> {
        covering(&self.taux_bce_semestre, date, |r| (&r.debut, &r.fin))
    }

    /// The Livret A rate in force on `date`.
    pub fn livret_a(&self, date: &Date) -> Option<&PeriodRate> {
        covering(&self.livret_a, date, |r| (&r.debut, &r.fin))
    }

    /// The market range of business loans for `purpose` known in `year`: that year's, or
    /// the latest published before it.
    pub fn loan(&self, year: i32, purpose: &str) -> Option<&MarketRange> {
        latest(&self.credit_professionnel, year, purpose)
    }

    /// The market range of company deposits of kind `kind` known in `year`.
    pub fn deposit(&self, year: i32, kind: &str) -> Option<&MarketRange> {
        latest(&self.placement, year, kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse_strictly() {
        assert_eq!(
            parse_day("2026-02-28"),
            Some(Date {
                year: 2026,
                month: 2,
                day: 28
            })
        );
        assert_eq!(parse_day("2026-02-29"), None);
        assert_eq!(parse_day("2026-13-01"), None);
        assert_eq!(parse_day("2026-1-1-1"), None);
        assert_eq!(parse_day("1er janvier"), None);
    }
}

//! Pure calculations by topic: numbers in, numbers out, no text.
//!
//! Rates are given in percent (12.5 means 12,5 %), as the statements print them.

pub mod abc;
pub mod acceptability;
pub mod action;
pub mod breakeven;
pub mod budget;
pub mod customer_value;
pub mod dates;
pub mod decision;
pub mod depreciation;
pub mod discounting;
pub mod elasticity;
pub mod factoring;
pub mod forecast;
pub mod holding;
pub mod interest;
pub mod investment;
pub mod invoice;
pub mod loan;
pub mod margins;
pub mod market;
pub mod normal;
pub mod receivables;
pub mod scoring;
pub mod solvency;
pub mod statistics;
pub mod vat;
pub mod working_capital;
pub mod workload;

use crate::num::round;
use rust_decimal::Decimal;

/// How amounts are rounded at each displayed step. French textbooks round half away
/// from zero to the cent; some exercises truncate instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    HalfAwayFromZero,
    Truncate,
}

impl Rounding {
    pub fn cents(self, x: Decimal) -> Decimal {
        match self {
            Rounding::HalfAwayFromZero => round::round_cents(x),
            Rounding::Truncate => round::truncate(x, 2),
        }
    }

    /// The matching function of the expression language.
    pub fn expr_fn(self) -> &'static str {
        match self {
            Rounding::HalfAwayFromZero => "arrondi2",
            Rounding::Truncate => "tronque2",
        }
    }

    /// How the worked solution states the rule: "chaque montant affiché " followed by
    /// [`Rounding::rule`].
    pub fn describe(self) -> &'static str {
        match self {
            Rounding::HalfAwayFromZero => {
                "chaque montant affiché est arrondi au centime le plus proche (0,005\u{a0}€ et plus arrondi au centime supérieur)"
            }
            Rounding::Truncate => "chaque montant affiché est tronqué au centime (les décimales suivantes sont abandonnées)",
        }
    }

    /// The rule for whatever the sentence names ("chaque montant de TVA …").
    pub fn rule(self) -> &'static str {
        self.describe()
            .strip_prefix("chaque montant affiché ")
            .expect("describe() commence par « chaque montant affiché »")
    }
}

/// `rate` percent of `x`.
pub fn pct(x: Decimal, rate: Decimal) -> Decimal {
    x * rate / Decimal::ONE_HUNDRED
}

//! What an exercise is: its parameters, its questions, their known mistakes.
//!
//! Everything here is plain data (serialisable) so that the same instance can be printed,
//! corrected by the CLI, exported to JSON and later checked in the browser.

use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// The unit in which an answer is expected. Rates are always expected in percent
/// (12,5 means 12,5 %), which is how French textbooks ask for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unit {
    #[serde(rename = "euros")]
    Euros,
    #[serde(rename = "%")]
    Percent,
    #[serde(rename = "jours")]
    Days,
    #[serde(rename = "coefficient")]
    Coefficient,
    #[serde(rename = "nombre")]
    Number,
}

impl Unit {
    /// Default tolerance: one cent for money, one hundredth of a point for rates.
    pub fn default_tolerance(self) -> Decimal {
        match self {
            Unit::Euros | Unit::Percent | Unit::Coefficient => Decimal::new(1, 2),
            Unit::Days | Unit::Number => Decimal::ZERO,
        }
    }

    /// How the unit is named to a student ("en euros", "en %").
    pub fn label(self) -> &'static str {
        match self {
            Unit::Euros => "en euros",
            Unit::Percent => "en\u{a0}%",
            Unit::Days => "en jours",
            Unit::Coefficient => "coefficient",
            Unit::Number => "nombre",
        }
    }
}

/// A wrong value that a classic wrong method yields for these parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mistake {
    #[serde(with = "rust_decimal::serde::str")]
    pub answer: Decimal,
    /// Stable short id that a teacher's statistics can count.
    pub note: &'static str,
    /// Names the error and the right method, in French.
    pub message: String,
}

/// One question of an instance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    pub key: &'static str,
    /// Short French name of the quantity ("net commercial"), used in feedback.
    pub label: &'static str,
    pub prompt: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub answer: Decimal,
    pub unit: Unit,
    #[serde(with = "rust_decimal::serde::str")]
    pub tolerance: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub points: Decimal,
    /// How this step's value follows from parameters and earlier answers, in the
    /// [`crate::expr`] language; lets a right computation from a wrong earlier
    /// answer earn its points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
    pub mistakes: Vec<Mistake>,
    /// The worked-solution step of this question, in Markdown.
    pub step: String,
}

/// A parameter value as drawn or fixed by a teacher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ParamValue {
    Number(#[serde(with = "rust_decimal::serde::str")] Decimal),
    Choice(String),
}

impl ParamValue {
    pub fn as_number(&self) -> Option<Decimal> {
        match self {
            ParamValue::Number(d) => Some(*d),
            ParamValue::Choice(_) => None,
        }
    }
}

impl std::fmt::Display for ParamValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParamValue::Number(d) => write!(f, "{d}"),
            ParamValue::Choice(s) => f.write_str(s),
        }
    }
}

/// The drawn parameters of an instance, in a stable order.
pub type Params = BTreeMap<String, ParamValue>;

/// What an exercise module produces from drawn parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    /// The statement in French Markdown (context, data, conventions).
    pub statement: String,
    pub questions: Vec<Question>,
    /// Markdown placed before the steps (conventions and rounding rule).
    pub solution_intro: String,
    /// Markdown placed after the steps (conclusion, commercial reading).
    pub solution_outro: String,
}

/// One generated exercise: `f(type, seed, fixed parameters)`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Instance {
    pub id: String,
    pub title: String,
    pub seed: u64,
    pub code: String,
    pub savoirs: Vec<String>,
    pub params: Params,
    pub statement: String,
    pub questions: Vec<Question>,
    pub solution: String,
}

impl Instance {
    pub fn question(&self, key: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.key == key)
    }

    pub fn total_points(&self) -> Decimal {
        self.questions.iter().map(|q| q.points).sum()
    }
}

impl Question {
    /// A question worth one point with the unit's default tolerance.
    pub fn new(
        key: &'static str,
        label: &'static str,
        prompt: impl Into<String>,
        answer: Decimal,
        unit: Unit,
    ) -> Self {
        Question {
            key,
            label,
            prompt: prompt.into(),
            answer,
            unit,
            tolerance: unit.default_tolerance(),
            points: Decimal::ONE,
            formula: None,
            mistakes: Vec::new(),
            step: String::new(),
        }
    }

    pub fn formula(mut self, expr: impl Into<String>) -> Self {
        self.formula = Some(expr.into());
        self
    }

    pub fn mistake(
        mut self,
        answer: Decimal,
        note: &'static str,
        message: impl Into<String>,
    ) -> Self {
        self.mistakes.push(Mistake {
            answer,
            note,
            message: message.into(),
        });
        self
    }

    pub fn step(mut self, markdown: impl Into<String>) -> Self {
        self.step = markdown.into();
        self
    }

    pub fn tolerance(mut self, tolerance: Decimal) -> Self {
        self.tolerance = tolerance;
        self
    }

    pub fn points(mut self, points: Decimal) -> Self {
        self.points = points;
        self
    }
}

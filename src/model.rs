//! What an exercise is: its parameters, its questions, their known mistakes.
//!
//! Everything here is plain data (serialisable) so that the same instance can be printed,
//! corrected by the CLI, exported to JSON and later checked in the browser.

use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;
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

/// Note of an answer computed with an intermediate rounded as the statement displays it
/// (or, where the statement rounds it, left exact): accepted, see [`Question::accept`].
pub const INTERMEDIATE_ROUNDING: &str = "arrondi-intermediaire";

/// A wrong value that a classic wrong method yields for these parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mistake {
    #[serde(with = "rust_decimal::serde::str")]
    pub answer: Decimal,
    /// Stable short id that a teacher's statistics can count.
    pub note: &'static str,
    /// Names the error and the right method, in French. Most messages are fixed text:
    /// borrowed, they cost no allocation per instance.
    pub message: Cow<'static, str>,
}

/// One question of an instance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    pub key: &'static str,
    /// Short French name of the quantity ("net commercial"), used in feedback.
    pub label: &'static str,
    pub prompt: Cow<'static, str>,
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
    pub formula: Option<Cow<'static, str>>,
    pub mistakes: Vec<Mistake>,
    /// Other values that earn full marks, each with why (the exact value where the
    /// statement rounds an intermediate, or the reverse): the note is shown with the
    /// verdict. Empty for most questions, and then not serialised.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<Mistake>,
    /// The worked-solution step of this question, in Markdown.
    pub step: String,
    /// For a question whose answer is not a number (an SQL query, a relational
    /// schema): how it is checked. Absent, hence not serialised, for numeric questions.
    /// Boxed: only SQL questions have one, and every other question would carry its
    /// size (moved at each step of the builder below).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<Box<Check>>,
}

/// How a non-numeric answer is checked. The numeric `answer` of such a question is a
/// summary (rows of the expected result, tables of the schema), never what is typed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Check {
    /// The answer is an SQL query, run on the instance's database and compared with the
    /// result of the reference query.
    Sql(SqlCheck),
    /// The answer is a relational schema in the notation of [`crate::sql::design`].
    Schema(SchemaCheck),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SqlCheck {
    pub reference: String,
    /// Result columns (0-based) whose sequence the question orders by; empty when no
    /// order is asked. Only these are checked for order, so ties may come in any order.
    pub order_by: Vec<usize>,
    /// The result of the reference query (the book shows it after an attempt).
    pub expected: ResultTable,
    /// Classic wrong queries: a student result equal to theirs is diagnosed.
    pub variants: Vec<QueryVariant>,
}

/// A query result as text cells (numbers written as SQLite gives them, `NULL` absent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResultTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Option<String>>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryVariant {
    pub query: String,
    pub note: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SchemaCheck {
    /// The expected schema, written in the answer notation.
    pub reference: String,
}

/// A parameter value as drawn or fixed by a teacher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ParamValue {
    Number(#[serde(with = "rust_decimal::serde::str")] Decimal),
    Choice(Cow<'static, str>),
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

/// The drawn parameters of an instance, in a stable order. Names (and drawn choices) are
/// the modules' own `&'static str`, borrowed rather than copied for every instance; a
/// teacher's `--set` values are owned.
pub type Params = BTreeMap<Cow<'static, str>, ParamValue>;

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
    /// Id, title and savoirs are the catalog's, which lives as long as the program.
    pub id: &'static str,
    pub title: &'static str,
    pub seed: u64,
    pub code: String,
    pub savoirs: &'static [String],
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
        prompt: impl Into<Cow<'static, str>>,
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
            // Most questions list two to four known mistakes.
            mistakes: Vec::with_capacity(4),
            accepted: Vec::new(),
            step: String::new(),
            check: None,
        }
    }

    /// A question answered by something other than a number (see [`Check`]).
    pub fn checked_by(mut self, check: Check) -> Self {
        self.check = Some(Box::new(check));
        self
    }

    /// The right answer as a student would type it: the reference query or schema for a
    /// checked question, `None` for a numeric one.
    pub fn reference_text(&self) -> Option<&str> {
        match self.check.as_deref()? {
            Check::Sql(s) => Some(&s.reference),
            Check::Schema(s) => Some(&s.reference),
        }
    }

    pub fn formula(mut self, expr: impl Into<Cow<'static, str>>) -> Self {
        self.formula = Some(expr.into());
        self
    }

    pub fn mistake(
        mut self,
        answer: Decimal,
        note: &'static str,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.mistakes.push(Mistake {
            answer,
            note,
            message: message.into(),
        });
        self
    }

    /// Another value that earns full marks, with the reason shown to the student (see
    /// [`Question::accepted`]).
    pub fn accept(
        mut self,
        answer: Decimal,
        note: &'static str,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.accepted.push(Mistake {
            answer,
            note,
            message: message.into(),
        });
        self
    }

    /// The tolerance the marker applies: the declared one, tightened to half a unit of
    /// the precision the prompt asks for when it states one (see
    /// [`crate::num::precision`]).
    pub fn grading_tolerance(&self) -> Decimal {
        match crate::num::precision::stated(&self.prompt) {
            Some(place) => self.tolerance.min(place / Decimal::TWO),
            None => self.tolerance,
        }
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

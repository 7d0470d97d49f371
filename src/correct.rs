//! Marking a student's answers against an instance.
//!
//! For each question, in order: read the typed answer; compare it with the expected
//! value within tolerance; if it is wrong but equals this step recomputed from the
//! student's own earlier answers (the question's formula), award the points (error
//! carried forward); otherwise look for a known mistake to explain it.

use crate::expr::Expr;
use crate::model::{Instance, Question, Unit};
use crate::num::parse::{parse_answer, TypedUnit};
use crate::num::tolerance::within;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Correct,
    /// Right computation from the student's own wrong earlier answer.
    CarriedForward,
    Wrong,
    Unreadable,
    Unanswered,
}

/// A known mistake recognised in an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    pub note: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionResult {
    pub key: String,
    pub verdict: Verdict,
    pub typed: Option<String>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub value: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str")]
    pub points: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub max_points: Decimal,
    /// Reading problem or carried-forward explanation.
    pub message: Option<String>,
    pub diagnosis: Option<Diagnosis>,
}

impl QuestionResult {
    /// The result before any marking: no points yet, as for an empty answer.
    pub fn unanswered(q: &Question, typed: Option<String>) -> QuestionResult {
        QuestionResult {
            key: q.key.to_string(),
            verdict: Verdict::Unanswered,
            typed,
            value: None,
            points: Decimal::ZERO,
            max_points: q.points,
            message: None,
            diagnosis: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub code: String,
    pub results: Vec<QuestionResult>,
    #[serde(with = "rust_decimal::serde::str")]
    pub score: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
}

/// Note id given when a rate is typed as a fraction (0,125 for 12,5 %).
pub const RATE_AS_FRACTION: &str = "taux-non-exprime-en-pourcent";

/// Whether `a` is within `tol` of `b`. Checked: a student may type a value near the
/// limits of `Decimal`, and the difference must not overflow.
fn unit_conflict(expected: Unit, typed: Option<TypedUnit>) -> Option<String> {
    let typed = typed?;
    let ok = matches!(
        (expected, typed),
        (Unit::Euros, TypedUnit::Euros)
            | (Unit::Percent, TypedUnit::Percent)
            | (Unit::Days, TypedUnit::Days)
    );
    if ok {
        return None;
    }
    let name = match typed {
        TypedUnit::Euros => "des euros",
        TypedUnit::Percent => "un pourcentage",
        TypedUnit::Days => "des jours",
    };
    Some(format!(
        "Vous avez saisi {name}, mais la réponse attendue est {}. Vérifiez la grandeur demandée.",
        match expected {
            Unit::Euros => "un montant en euros",
            Unit::Percent => "un taux en %",
            Unit::Days => "un nombre de jours",
            Unit::Coefficient => "un coefficient (sans unité)",
            Unit::Number => "un nombre (sans unité)",
        }
    ))
}

/// Marks `answers` (question key → text as typed) against `instance`.
pub fn correct(instance: &Instance, answers: &BTreeMap<String, String>) -> Report {
    // Values used to recompute later steps: the student's readable answers, else the
    // expected ones (an unanswered step does not block credit on the next).
    let mut env: BTreeMap<&str, Decimal> = instance
        .params
        .iter()
        .filter_map(|(k, v)| v.as_number().map(|d| (k.as_ref(), d)))
        .collect();
    // Earlier answers whose value differs from the expected one, with their labels.
    let mut wrong: BTreeMap<&str, &str> = BTreeMap::new();
    let mut results = Vec::with_capacity(instance.questions.len());
    // SQL queries and schemas are marked apart (crate::sql::mark).
    let mut checked = crate::sql::mark::Session::new(instance);
    for q in &instance.questions {
        let typed = answers
            .get(q.key)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        let r = match q.check.as_deref() {
            Some(_) => checked.mark(q, typed),
            None => mark(q, typed, &env, &wrong),
        };
        if let (Some(v), Verdict::Wrong | Verdict::CarriedForward) = (r.value, r.verdict) {
            env.insert(q.key, v);
            wrong.insert(q.key, q.label);
        } else {
            env.insert(q.key, q.answer);
        }
        results.push(r);
    }
    let score = results.iter().map(|r| r.points).sum();
    Report {
        code: instance.code.clone(),
        results,
        score,
        total: instance.total_points(),
    }
}

fn mark(
    q: &Question,
    typed: Option<String>,
    env: &BTreeMap<&str, Decimal>,
    wrong: &BTreeMap<&str, &str>,
) -> QuestionResult {
    let mut r = QuestionResult::unanswered(q, typed.clone());
    let Some(text) = typed else { return r };
    let parsed = match parse_answer(&text) {
        Ok(p) => p,
        Err(e) => {
            r.verdict = Verdict::Unreadable;
            r.message = Some(e.to_string());
            return r;
        }
    };
    r.value = Some(parsed.value);
    if let Some(msg) = unit_conflict(q.unit, parsed.unit) {
        r.verdict = Verdict::Unreadable;
        r.message = Some(msg);
        return r;
    }
    let v = parsed.value;
    if within(v, q.answer, q.tolerance) {
        r.verdict = Verdict::Correct;
        r.points = q.points;
        return r;
    }
    if let Some(labels) = carried_forward(q, v, env, wrong) {
        r.verdict = Verdict::CarriedForward;
        r.points = q.points;
        r.message = Some(format!(
            "Calcul juste à partir de votre réponse erronée ({labels}) : \
             les points de cette étape sont accordés (erreur reportée)."
        ));
        return r;
    }
    r.verdict = Verdict::Wrong;
    if q.unit == Unit::Percent
        && parsed.unit.is_none()
        && v.checked_mul(Decimal::ONE_HUNDRED)
            .is_some_and(|v100| within(v100, q.answer, q.tolerance))
    {
        r.diagnosis = Some(Diagnosis {
            note: RATE_AS_FRACTION.to_string(),
            message: format!(
                "Un taux est attendu en % : vous avez écrit {text}, ce qui correspond à {} %. \
                 Multipliez par 100 et ajoutez « % ».",
                crate::num::format::number(v * Decimal::ONE_HUNDRED, 4)
            ),
        });
        return r;
    }
    if let Some(m) = q.mistakes.iter().find(|m| within(v, m.answer, q.tolerance)) {
        r.diagnosis = Some(Diagnosis {
            note: m.note.to_string(),
            message: m.message.to_string(),
        });
    }
    r
}

/// If `v` is this step recomputed from earlier answers that differ from the expected
/// ones, returns the labels of those earlier answers (for the message).
fn carried_forward(
    q: &Question,
    v: Decimal,
    env: &BTreeMap<&str, Decimal>,
    wrong: &BTreeMap<&str, &str>,
) -> Option<String> {
    if wrong.is_empty() {
        return None;
    }
    let expr = Expr::parse(q.formula.as_deref()?).ok()?;
    let labels: Vec<String> = expr
        .variables()
        .iter()
        .filter_map(|name| wrong.get(name.as_str()).map(|l| format!("« {l} »")))
        .collect();
    if labels.is_empty() {
        return None;
    }
    let recomputed = expr.eval(&|name| env.get(name).copied()).ok()?;
    if !within(v, recomputed, q.tolerance) || within(recomputed, q.answer, q.tolerance) {
        return None;
    }
    Some(labels.join(", "))
}

/// The TOML parser's message, said in French for the cases a student meets (the parser
/// only speaks English); anything else is quoted after a French summary.
fn toml_problem(message: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        (
            "invalid basic string",
            "guillemets non fermés ou caractère interdit dans une réponse",
        ),
        (
            "invalid multiline basic string",
            "triples guillemets \"\"\" non fermés",
        ),
        ("duplicate key", "la même question apparaît deux fois"),
        (
            "expected `.`, `=`",
            "il manque le signe « = » entre la question et sa réponse",
        ),
        (
            "invalid key",
            "nom de question manquant ou invalide avant « = »",
        ),
        (
            "expected newline",
            "une seule réponse par ligne, entre guillemets (« 1234,56 » s'écrit \"1234,56\")",
        ),
        ("invalid array", "crochet « [ » non fermé"),
    ];
    KNOWN
        .iter()
        .find(|(en, _)| message.starts_with(en))
        .map(|(_, fr)| (*fr).to_string())
        .unwrap_or_else(|| format!("syntaxe invalide ({})", message.trim()))
}

/// Reads an answers file: TOML lines `key = "answer as typed"` (numbers are accepted
/// too). Returns a French message naming the line on any problem.
pub fn answers_from_toml(
    text: &str,
    instance: &Instance,
) -> Result<BTreeMap<String, String>, String> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
            .map(|l| format!(" (ligne {l})"))
            .unwrap_or_default();
        format!(
            "Fichier de réponses illisible{line} : {}. Format attendu, une ligne par question : cle = \"réponse\".",
            toml_problem(e.message())
        )
    })?;
    let mut out = BTreeMap::new();
    for (key, value) in table {
        if instance.question(&key).is_none() {
            let keys: Vec<&str> = instance.questions.iter().map(|q| q.key).collect();
            return Err(format!(
                "Question inconnue « {key} » dans le fichier de réponses. Questions de cet exercice : {}.",
                keys.join(", ")
            ));
        }
        let typed = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Float(f) => f.to_string(),
            other => {
                return Err(format!(
                    "Réponse à « {key} » : un texte entre guillemets est attendu, pas {}.",
                    other.type_str()
                ))
            }
        };
        out.insert(key, typed);
    }
    Ok(out)
}

//! Marking a student's answers against an instance.
//!
//! For each question, in order: read the typed answer; compare it, within the tolerance
//! of the precision asked, with the expected value and the values the type also accepts;
//! else with the step recomputed from the student's own earlier answers (the question's
//! formula), which earns the points (error carried forward, or an intermediate rounded
//! differently); otherwise look for a known mistake to explain it. The browser runs the
//! same rule (`book/assets/clientele.js`, `correct`), checked against this one.

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

fn unit_conflict(expected: Unit, typed: Option<TypedUnit>) -> Option<String> {
    let typed = typed?;
    let ok = matches!(
        (expected, typed),
        (Unit::Euros, TypedUnit::Euros)
            | (Unit::Percent, TypedUnit::Percent)
            | (Unit::Days, TypedUnit::Days)
            | (
                Unit::Number | Unit::Coefficient,
                TypedUnit::Years | TypedUnit::Months
            )
    );
    if ok {
        return None;
    }
    let name = match typed {
        TypedUnit::Euros => "des euros",
        TypedUnit::Percent => "un pourcentage",
        TypedUnit::Days => "des jours",
        TypedUnit::Years => "des années",
        TypedUnit::Months => "des mois",
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
///
/// One rule for every question of every type: a step is right when it matches, within
/// its tolerance, the expected value, a value the type also accepts, or the step
/// recomputed from the student's own earlier answers — each input of the step's formula
/// taken either as expected or as the student wrote it, whatever its verdict (all 2^k
/// combinations, k ≤ [`MAX_OWN_INPUTS`]). Built on right answers only, it is right
/// ("arrondi intermédiaire" when the student's values were rounded differently); built on
/// at least one wrong answer, it is "juste par report".
pub fn correct(instance: &Instance, answers: &BTreeMap<String, String>) -> Report {
    let expected: BTreeMap<&str, Decimal> = instance
        .params
        .iter()
        .filter_map(|(k, v)| v.as_number().map(|d| (k.as_ref(), d)))
        .chain(instance.questions.iter().map(|q| (q.key, q.answer)))
        .collect();
    // The student's earlier answers, as read, with their verdicts and labels.
    let mut own: BTreeMap<&str, Own> = BTreeMap::new();
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
            None => mark(q, typed, &expected, &own),
        };
        if let (Some(v), Verdict::Correct | Verdict::Wrong | Verdict::CarriedForward) =
            (r.value, r.verdict)
        {
            own.insert(
                q.key,
                Own {
                    value: v,
                    right: r.verdict == Verdict::Correct,
                    label: q.label,
                },
            );
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

/// An earlier answer as the student wrote it.
#[derive(Debug, Clone, Copy)]
struct Own {
    value: Decimal,
    /// Marked right (within tolerance, or recomputed from right answers).
    right: bool,
    label: &'static str,
}

/// At most this many earlier answers are swapped one by one between their expected
/// value and the student's (2^6 = 64 evaluations); past it, the others are taken as
/// the student wrote them.
pub const MAX_OWN_INPUTS: usize = 6;

pub use crate::model::INTERMEDIATE_ROUNDING;

/// Notes under which version 1 listed a rounded intermediate among the mistakes.
const ROUNDED_INTERMEDIATE_NOTES: [&str; 1] = ["taux-arrondi-utilise"];

fn mark(
    q: &Question,
    typed: Option<String>,
    expected: &BTreeMap<&str, Decimal>,
    own: &BTreeMap<&str, Own>,
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
    let tolerance = q.grading_tolerance();
    if within(v, q.answer, tolerance) {
        r.verdict = Verdict::Correct;
        r.points = q.points;
        return r;
    }
    if let Some(a) = q.accepted.iter().find(|a| within(v, a.answer, tolerance)) {
        r.verdict = Verdict::Correct;
        r.points = q.points;
        r.message = Some(a.message.to_string());
        r.diagnosis = Some(Diagnosis {
            note: a.note.to_string(),
            message: a.message.to_string(),
        });
        return r;
    }
    // Version 1 listed a textbook's rounded intermediate as a mistake; it earns the
    // points (version 2 declares it as accepted).
    if let Some(m) = q
        .mistakes
        .iter()
        .find(|m| ROUNDED_INTERMEDIATE_NOTES.contains(&m.note) && within(v, m.answer, tolerance))
    {
        r.verdict = Verdict::Correct;
        r.points = q.points;
        let message = format!(
            "Juste (arrondi intermédiaire) : vous avez calculé avec une valeur intermédiaire \
             arrondie. {}",
            m.message
        );
        r.message = Some(message.clone());
        r.diagnosis = Some(Diagnosis {
            note: INTERMEDIATE_ROUNDING.to_string(),
            message,
        });
        return r;
    }
    if let Some(from) = recomputed(q, v, tolerance, expected, own) {
        r.points = q.points;
        if from.iter().all(|o| o.right) {
            r.verdict = Verdict::Correct;
            r.message = Some(format!(
                "Juste : calcul exact à partir de vos valeurs arrondies ({}).",
                labels(&from)
            ));
        } else {
            r.verdict = Verdict::CarriedForward;
            let wrong: Vec<Own> = from.into_iter().filter(|o| !o.right).collect();
            r.message = Some(format!(
                "Calcul juste à partir de votre réponse erronée ({}) : \
                 les points de cette étape sont accordés (erreur reportée).",
                labels(&wrong)
            ));
        }
        return r;
    }
    r.verdict = Verdict::Wrong;
    if q.unit == Unit::Percent
        && parsed.unit.is_none()
        && v.checked_mul(Decimal::ONE_HUNDRED)
            .is_some_and(|v100| within(v100, q.answer, tolerance))
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
    if let Some(m) = q.mistakes.iter().find(|m| within(v, m.answer, tolerance)) {
        r.diagnosis = Some(Diagnosis {
            note: m.note.to_string(),
            message: m.message.to_string(),
        });
    }
    r
}

fn labels(from: &[Own]) -> String {
    from.iter()
        .map(|o| format!("« {} »", o.label))
        .collect::<Vec<_>>()
        .join(", ")
}

/// If `v` is this step recomputed with some of the student's own earlier answers in
/// place of the expected ones, returns those answers (fewest first: the combinations
/// are tried by the number of swapped inputs, then in the formula's variable order).
fn recomputed(
    q: &Question,
    v: Decimal,
    tolerance: Decimal,
    expected: &BTreeMap<&str, Decimal>,
    own: &BTreeMap<&str, Own>,
) -> Option<Vec<Own>> {
    let expr = Expr::parse(q.formula.as_deref()?).ok()?;
    // The inputs the student wrote differently from the expected value.
    let swappable: Vec<(String, Own)> = expr
        .variables()
        .into_iter()
        .filter_map(|name| {
            let o = *own.get(name.as_str())?;
            (expected.get(name.as_str()) != Some(&o.value)).then_some((name, o))
        })
        .collect();
    if swappable.is_empty() {
        return None;
    }
    let (free, fixed) = swappable.split_at(swappable.len().min(MAX_OWN_INPUTS));
    let mut masks: Vec<u32> = (1..1u32 << free.len()).collect();
    masks.sort_by_key(|m| (m.count_ones(), *m));
    if !fixed.is_empty() {
        // Past the limit, the extra inputs are always the student's.
        masks.insert(0, 0);
    }
    for mask in masks {
        let chosen = |name: &str| {
            if let Some(k) = free.iter().position(|(n, _)| n == name) {
                if mask & (1 << k) != 0 {
                    return Some(free[k].1.value);
                }
                return expected.get(name).copied();
            }
            if let Some((_, o)) = fixed.iter().find(|(n, _)| n == name) {
                return Some(o.value);
            }
            expected.get(name).copied()
        };
        let Ok(value) = expr.eval(&chosen) else {
            continue;
        };
        if within(v, value, tolerance) {
            let from = free
                .iter()
                .enumerate()
                .filter(|(k, _)| mask & (1 << k) != 0)
                .map(|(_, (_, o))| *o)
                .chain(fixed.iter().map(|(_, o)| *o))
                .collect();
            return Some(from);
        }
    }
    None
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

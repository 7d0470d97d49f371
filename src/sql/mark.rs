//! Marking answers that are SQL queries or relational schemas.
//!
//! A query is run in the [`Sandbox`] and its result compared with the reference
//! query's result on the same database; a wrong result equal to one of the question's
//! classic wrong queries (a date bound off by one, a count over a join that multiplies
//! rows…) is named. A schema is checked table by table, one share of the points a
//! table.

use super::compare::{compare, Outcome};
use super::design;
use super::run::Sandbox;
use crate::correct::{Diagnosis, QuestionResult, Verdict};
use crate::model::{Check, Instance, Question, SchemaCheck, SqlCheck};
use rust_decimal::Decimal;

/// Note given to a query whose rows are those expected, some of them repeated.
pub const DUPLICATED_ROWS: &str = "jointure-multiplie-lignes";
/// Note given to an aggregate condition written in WHERE.
pub const WHERE_ON_AGGREGATE: &str = "where-sur-agregat";

/// The state of one correction: the sandbox is built once, on first use.
pub struct Session<'a> {
    instance: &'a Instance,
    sandbox: Option<Result<Sandbox, String>>,
}

impl<'a> Session<'a> {
    pub fn new(instance: &'a Instance) -> Self {
        Session {
            instance,
            sandbox: None,
        }
    }

    fn sandbox(&mut self) -> Result<&Sandbox, String> {
        if self.sandbox.is_none() {
            let built = match super::database_of(self.instance) {
                Some(db) => Sandbox::new(&db).map_err(|e| e.message),
                None => Err("cet exercice n'a pas de base de données.".to_string()),
            };
            self.sandbox = Some(built);
        }
        match self.sandbox.as_ref().expect("built above") {
            Ok(s) => Ok(s),
            Err(e) => Err(e.clone()),
        }
    }

    /// Marks a question that has a [`Check`].
    pub fn mark(&mut self, q: &Question, typed: Option<String>) -> QuestionResult {
        let mut r = QuestionResult::unanswered(q, typed.clone());
        let Some(text) = typed else { return r };
        match q.check.as_deref() {
            Some(Check::Sql(c)) => self.mark_sql(c, &text, &mut r),
            Some(Check::Schema(c)) => mark_schema(q, c, &text, &mut r),
            None => {}
        }
        r
    }

    fn mark_sql(&mut self, c: &SqlCheck, text: &str, r: &mut QuestionResult) {
        let sandbox = match self.sandbox() {
            Ok(s) => s,
            Err(e) => {
                r.verdict = Verdict::Unreadable;
                r.message = Some(e);
                return;
            }
        };
        let expected = match sandbox.query(&c.reference) {
            Ok(rows) => rows,
            Err(e) => {
                r.verdict = Verdict::Unreadable;
                r.message = Some(format!("requête de référence impossible : {}", e.message));
                return;
            }
        };
        let got = match sandbox.query(text) {
            Ok(rows) => rows,
            Err(e) => {
                if e.kind == WHERE_ON_AGGREGATE {
                    r.verdict = Verdict::Wrong;
                    r.diagnosis = Some(Diagnosis {
                        note: WHERE_ON_AGGREGATE.to_string(),
                        message: e.message,
                    });
                } else {
                    r.verdict = Verdict::Unreadable;
                    r.message = Some(e.message);
                }
                return;
            }
        };
        let outcome = compare(&expected, &got, !c.order_by.is_empty());
        let outcome = match (&outcome, c.order_by.is_empty()) {
            // Ties may come in any order: only the sequence of the sort columns counts.
            (Outcome::WrongOrder, false) if same_sort_keys(&expected, &got, &c.order_by) => {
                Outcome::Same
            }
            _ => outcome,
        };
        if outcome == Outcome::Same {
            r.verdict = Verdict::Correct;
            r.points = r.max_points;
            return;
        }
        r.verdict = Verdict::Wrong;
        let mut message = outcome
            .message(expected.rows.len(), got.rows.len())
            .unwrap_or_default();
        if text.to_ascii_lowercase().contains("'now'") {
            message.push_str(
                " Attention : 'now' donne la date de votre ordinateur, pas celle de l'énoncé ; \
                 écrivez la date de l'énoncé ('AAAA-MM-JJ').",
            );
        }
        r.message = Some(message);
        for v in &c.variants {
            let Ok(rows) = sandbox.query(&v.query) else {
                continue;
            };
            if compare(&rows, &got, false) == Outcome::Same {
                r.diagnosis = Some(Diagnosis {
                    note: v.note.to_string(),
                    message: v.message.clone(),
                });
                return;
            }
        }
        if let Outcome::Duplicated { .. } = outcome {
            r.diagnosis = Some(Diagnosis {
                note: DUPLICATED_ROWS.to_string(),
                message: "Une jointure multiplie les lignes : chaque ligne attendue apparaît \
                          plusieurs fois. Vérifiez les conditions de jointure (ON), ne joignez \
                          que les tables utiles, ou utilisez DISTINCT / GROUP BY."
                    .to_string(),
            });
        }
    }
}

/// Whether the student's rows follow the reference's sequence on the sort columns
/// (columns matched by position: the order check comes after an equal-content check).
fn same_sort_keys(exp: &super::run::Rows, got: &super::run::Rows, order_by: &[usize]) -> bool {
    // Columns may be permuted: try each student column for each sort column.
    let seq = |rows: &super::run::Rows, j: usize| -> Vec<String> {
        rows.rows.iter().map(|r| r[j].shown()).collect()
    };
    order_by.iter().all(|&j| {
        if j >= exp.columns.len() {
            return false;
        }
        let want = seq(exp, j);
        (0..got.columns.len()).any(|k| {
            let have = seq(got, k);
            have.len() == want.len()
                && have.iter().zip(&want).all(|(a, b)| {
                    a == b
                        || matches!(
                            (a.parse::<Decimal>(), b.parse::<Decimal>()),
                            (Ok(x), Ok(y)) if (x - y).abs() <= super::compare::TOLERANCE
                        )
                })
        })
    })
}

fn mark_schema(q: &Question, c: &SchemaCheck, text: &str, r: &mut QuestionResult) {
    let expected = design::parse(&c.reference).expect("schéma de référence valide");
    let got = match design::parse(text) {
        Ok(s) => s,
        Err(e) => {
            r.verdict = Verdict::Unreadable;
            r.message = Some(e);
            return;
        }
    };
    let checks = design::check(&expected, &got);
    let right = checks.iter().filter(|t| t.problems.is_empty()).count();
    let total = checks.len().max(1);
    r.points = q.points * Decimal::from(right) / Decimal::from(total);
    if right == total {
        let extra = got.tables.len().saturating_sub(expected.tables.len());
        if extra == 0 {
            r.verdict = Verdict::Correct;
            r.points = q.points;
            return;
        }
        r.points = q.points * Decimal::from(total - 1) / Decimal::from(total);
        r.verdict = Verdict::Wrong;
        r.message = Some(format!(
            "Les tables attendues sont justes, mais votre schéma a {extra} {} de trop.",
            crate::text::by_count(extra.into(), "table", "tables")
        ));
        return;
    }
    r.verdict = Verdict::Wrong;
    let lines: Vec<String> = checks
        .iter()
        .filter(|t| !t.problems.is_empty())
        .map(|t| format!("table {} : {}", t.table, t.problems.join(" ; ")))
        .collect();
    r.message = Some(format!(
        "{right} {} sur {total}. {}.",
        crate::text::by_count(right.into(), "table juste", "tables justes"),
        crate::text::capitalise(&lines.join(". "))
    ));
    if checks
        .iter()
        .flat_map(|t| &t.problems)
        .any(|p| p.contains("0 initial"))
    {
        r.diagnosis = Some(Diagnosis {
            note: "code-postal-numerique".to_string(),
            message: "Un code postal ou un numéro de téléphone est un texte : stocké comme un \
                      nombre, il perd son 0 initial et n'a aucun sens dans un calcul."
                .to_string(),
        });
    }
}

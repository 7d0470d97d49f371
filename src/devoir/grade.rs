//! Marking a class with `crate::correct` (same reading, tolerance, known mistakes and
//! error carried forward as `clientele correct`) and the class statistics.

use super::answers::ClassAnswers;
use super::sheet::{question_columns, Copy, Sheet};
use crate::correct::{correct, Report, Verdict};
use crate::num::round::round_half_away;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// One student's result.
#[derive(Debug, Clone)]
pub struct Graded<'a> {
    pub copy: &'a Copy,
    /// `None`: no row in the answers file (absent).
    pub reports: Option<Vec<Report>>,
}

impl Graded<'_> {
    pub fn score(&self) -> Option<Decimal> {
        self.reports
            .as_ref()
            .map(|r| r.iter().map(|r| r.score).sum())
    }

    pub fn total(&self) -> Decimal {
        self.copy.total_points()
    }

    /// The mark out of 20: score × 20 ÷ total, rounded half away from zero to 0,01.
    pub fn mark(&self) -> Option<Decimal> {
        let total = self.total();
        let score = self.score()?;
        if total.is_zero() {
            return Some(Decimal::ZERO);
        }
        Some(round_half_away(score * Decimal::from(20) / total, 2))
    }
}

pub fn grade<'a>(copies: &'a [Copy], answers: &ClassAnswers) -> Vec<Graded<'a>> {
    copies
        .iter()
        .map(|copy| Graded {
            copy,
            reports: answers.by_student.get(&copy.student.id).map(|a| {
                copy.instances
                    .iter()
                    .zip(a)
                    .map(|(inst, ans)| correct(inst, ans))
                    .collect()
            }),
        })
        .collect()
}

/// Success on one question over the students who were asked it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionStat {
    pub exercise: usize,
    pub key: &'static str,
    pub label: &'static str,
    /// Present students whose copy asks this question.
    pub asked: usize,
    /// Right, or right by error carried forward.
    pub succeeded: usize,
    pub unanswered: usize,
}

/// A known mistake and how often the class made it.
#[derive(Debug, Clone, PartialEq)]
pub struct MistakeStat {
    pub note: String,
    /// Distinct students who made it at least once.
    pub students: usize,
    pub occurrences: usize,
    /// Where it was made: `ex1.tva`…
    pub questions: BTreeSet<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassStats {
    pub present: usize,
    pub absent: usize,
    /// Mean mark /20, rounded half away from zero to 0,01.
    pub mean: Option<Decimal>,
    pub median: Option<Decimal>,
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
    /// Students per band of marks: [0 ; 5[, [5 ; 8[, [8 ; 10[, [10 ; 12[, [12 ; 15[, [15 ; 20].
    pub bands: Vec<(&'static str, usize)>,
    pub questions: Vec<QuestionStat>,
    /// Most frequent first (students, then occurrences, then note id).
    pub mistakes: Vec<MistakeStat>,
}

const BANDS: [(&str, i64); 6] = [
    ("0 à moins de 5", 5),
    ("5 à moins de 8", 8),
    ("8 à moins de 10", 10),
    ("10 à moins de 12", 12),
    ("12 à moins de 15", 15),
    ("15 à 20", 21),
];

pub fn stats(sheet: &Sheet, graded: &[Graded]) -> ClassStats {
    let marks: Vec<Decimal> = graded.iter().filter_map(Graded::mark).collect();
    let present = marks.len();
    let mean = (present > 0)
        .then(|| round_half_away(marks.iter().sum::<Decimal>() / Decimal::from(present), 2));
    let mut sorted = marks.clone();
    sorted.sort();
    let median = (present > 0).then(|| {
        if present % 2 == 1 {
            sorted[present / 2]
        } else {
            round_half_away(
                (sorted[present / 2 - 1] + sorted[present / 2]) / Decimal::TWO,
                2,
            )
        }
    });
    let bands = BANDS
        .iter()
        .enumerate()
        .map(|(i, (label, hi))| {
            let lo = if i == 0 {
                Decimal::MIN
            } else {
                Decimal::from(BANDS[i - 1].1)
            };
            let hi = Decimal::from(*hi);
            (
                *label,
                marks.iter().filter(|m| **m >= lo && **m < hi).count(),
            )
        })
        .collect();
    let copies: Vec<&Copy> = graded.iter().map(|g| g.copy).collect();
    let mut questions = Vec::new();
    for k in 0..sheet.exercises.len() {
        for (key, label) in question_columns(copies.iter().map(|c| &c.instances), k) {
            let mut st = QuestionStat {
                exercise: k,
                key,
                label,
                asked: 0,
                succeeded: 0,
                unanswered: 0,
            };
            for g in graded {
                let Some(reports) = &g.reports else { continue };
                let Some(r) = reports[k].results.iter().find(|r| r.key == key) else {
                    continue;
                };
                st.asked += 1;
                match r.verdict {
                    Verdict::Correct | Verdict::CarriedForward => st.succeeded += 1,
                    Verdict::Unanswered => st.unanswered += 1,
                    Verdict::Wrong | Verdict::Unreadable => {}
                }
            }
            questions.push(st);
        }
    }
    let mut by_note: BTreeMap<String, (BTreeSet<&str>, MistakeStat)> = BTreeMap::new();
    for g in graded {
        let Some(reports) = &g.reports else { continue };
        for (k, rep) in reports.iter().enumerate() {
            for r in &rep.results {
                let Some(d) = &r.diagnosis else { continue };
                let e = by_note.entry(d.note.clone()).or_insert_with(|| {
                    (
                        BTreeSet::new(),
                        MistakeStat {
                            note: d.note.clone(),
                            students: 0,
                            occurrences: 0,
                            questions: BTreeSet::new(),
                            message: d.message.clone(),
                        },
                    )
                });
                e.0.insert(g.copy.student.id.as_str());
                e.1.occurrences += 1;
                e.1.questions.insert(super::sheet::column_name(k, &r.key));
            }
        }
    }
    let mut mistakes: Vec<MistakeStat> = by_note
        .into_values()
        .map(|(who, mut m)| {
            m.students = who.len();
            m
        })
        .collect();
    mistakes.sort_by(|a, b| {
        b.students
            .cmp(&a.students)
            .then(b.occurrences.cmp(&a.occurrences))
            .then(a.note.cmp(&b.note))
    });
    ClassStats {
        present,
        absent: graded.len() - present,
        mean,
        median,
        min: sorted.first().copied(),
        max: sorted.last().copied(),
        bands,
        questions,
        mistakes,
    }
}

//! A homework sheet (« feuille de devoir »): its TOML definition and each student's copy.
//!
//! Everything goes through the generic engine (`generate_with`, `Instance`,
//! `correct`), so a sheet can list any exercise type, including future ones.

use super::dates::{latest_date, parse_sheet_date};
use super::roster::Student;
use super::seed::{student_seed, SEED_SPACE};
use crate::calc::dates::Date;
use crate::catalog::{self, TypeEntry};
use crate::exercises;
use crate::generate::{generate_with, validate_overrides, Exercise};
use crate::model::{Instance, Params};
use crate::num::round::round_half_away;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SheetFile {
    titre: String,
    date: Option<String>,
    classe: Option<String>,
    consignes: Option<String>,
    graine: u64,
    #[serde(default)]
    exercice: Vec<ExerciseFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExerciseFile {
    id: String,
    points: Option<toml::Value>,
    bareme: Option<BTreeMap<String, toml::Value>>,
    set: Option<BTreeMap<String, toml::Value>>,
    graine: Option<u64>,
}

/// How an exercise's points are set on the sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Scoring {
    /// The type's own points (one per question).
    Default,
    /// The exercise is worth this total, shared in proportion to the questions' own points.
    Total(Decimal),
    /// Points of the listed questions; the others keep their own points.
    PerQuestion(BTreeMap<String, Decimal>),
}

#[derive(Clone)]
pub struct SheetExercise {
    pub entry: &'static TypeEntry,
    pub exercise: &'static dyn Exercise,
    /// Fixed parameters, validated.
    pub fixed: Params,
    pub scoring: Scoring,
    /// A seed fixed for the whole class (the E5 mock exam: everyone works on the same
    /// case); without it, each student's seed derives from their identifier.
    pub seed: Option<u64>,
}

impl std::fmt::Debug for SheetExercise {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SheetExercise")
            .field("id", &self.entry.id)
            .field("fixed", &self.fixed)
            .field("scoring", &self.scoring)
            .field("seed", &self.seed)
            .finish()
    }
}

#[derive(Debug, Clone)]
pub struct Sheet {
    pub titre: String,
    pub date: Option<String>,
    pub classe: Option<String>,
    pub consignes: Option<String>,
    pub graine: u64,
    pub exercises: Vec<SheetExercise>,
    /// The sheet's date when it reads as one: no statement of the sheet is dated later.
    pub deadline: Option<Date>,
    /// Why the sheet's date is not used, in French, when it cannot be read.
    pub date_warning: Option<String>,
}

/// How many seeds after a student's own are tried for a statement dated on or before
/// the sheet's date. Statements are dated from January 2025 on: a sheet dated in 2026
/// finds one within a few tries, one dated in March 2025 may need hundreds (about one
/// statement of account in a hundred is over by then), and some never fit, which
/// [`Sheet::late_statements`] reports.
pub const MAX_REDRAWS: u64 = 2000;

/// One student's copy: their instances, in the sheet's order, with the sheet's points.
#[derive(Debug, Clone)]
pub struct Copy {
    pub student: Student,
    pub instances: Vec<Instance>,
}

impl Copy {
    pub fn total_points(&self) -> Decimal {
        self.instances.iter().map(Instance::total_points).sum()
    }
}

/// A decimal written in TOML as an integer, a float literal or a French string.
fn decimal(v: &toml::Value) -> Option<Decimal> {
    match v {
        toml::Value::Integer(i) => Some(Decimal::from(*i)),
        // The float's shortest representation is the literal the teacher wrote (1.5).
        toml::Value::Float(f) => Decimal::from_str(&f.to_string()).ok(),
        toml::Value::String(s) => crate::num::parse::parse_answer(s).ok().map(|p| p.value),
        _ => None,
    }
}

fn value_text(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Integer(i) => Some(i.to_string()),
        toml::Value::Float(f) => Some(f.to_string()),
        _ => None,
    }
}

fn positive(v: &toml::Value, name: &str, what: &str) -> Result<Decimal, String> {
    match decimal(v) {
        Some(d) if d > Decimal::ZERO && d <= Decimal::from(1000) => Ok(d),
        _ => Err(format!(
            "« {name} » : {what} doit être un nombre de points strictement positif (par exemple 2 ou 1.5)."
        )),
    }
}

impl Sheet {
    /// Reads a sheet definition; every message is French and names the file.
    pub fn parse(name: &str, text: &str) -> Result<Sheet, String> {
        let text = text.trim_start_matches('\u{feff}');
        let file: SheetFile = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
                .map(|l| format!(", ligne {l}"))
                .unwrap_or_default();
            format!(
                "« {name} »{line} : feuille illisible : {}",
                e.message().trim()
            )
        })?;
        if file.titre.trim().is_empty() {
            return Err(format!("« {name} » : le titre de la feuille est vide."));
        }
        if file.exercice.is_empty() {
            return Err(format!(
                "« {name} » : aucun exercice. Ajoutez au moins un bloc [[exercice]] avec id = \"prix/net-a-payer\" par exemple."
            ));
        }
        let mut exercises_out = Vec::new();
        for (i, ex) in file.exercice.iter().enumerate() {
            let n = i + 1;
            let entry = catalog::catalog().find(&ex.id);
            let exercise = exercises::find(&ex.id);
            let (Some(entry), Some(exercise)) = (entry, exercise) else {
                return Err(format!(
                    "« {name} », exercice {n} : {}",
                    crate::generate::GenError::UnknownType(ex.id.clone())
                ));
            };
            let mut raw = BTreeMap::new();
            for (k, v) in ex.set.iter().flatten() {
                let t = value_text(v).ok_or_else(|| {
                    format!("« {name} », exercice {n} : la valeur de « {k} » doit être un nombre ou un texte.")
                })?;
                raw.insert(k.clone(), t);
            }
            let fixed = validate_overrides(exercise, &raw)
                .map_err(|e| format!("« {name} », exercice {n} ({}) : {e}", ex.id))?;
            let scoring = match (&ex.points, &ex.bareme) {
                (Some(_), Some(_)) => {
                    return Err(format!(
                        "« {name} », exercice {n} : donnez soit points (total de l'exercice), soit [exercice.bareme] (points par question), pas les deux."
                    ))
                }
                (Some(p), None) => {
                    Scoring::Total(positive(p, name, &format!("exercice {n}, points"))?)
                }
                (None, Some(b)) => {
                    let mut m = BTreeMap::new();
                    for (k, v) in b {
                        m.insert(
                            k.clone(),
                            positive(v, name, &format!("exercice {n}, barème de « {k} »"))?,
                        );
                    }
                    Scoring::PerQuestion(m)
                }
                (None, None) => Scoring::Default,
            };
            exercises_out.push(SheetExercise {
                entry,
                exercise,
                fixed,
                scoring,
                seed: ex.graine,
            });
        }
        let date = file.date.filter(|d| !d.trim().is_empty());
        let deadline = date.as_deref().and_then(parse_sheet_date);
        let date_warning = match (&date, deadline) {
            (Some(d), None) => Some(format!(
                "« {name} » : la date de la feuille « {d} » ne se lit pas comme une date \
                 (par exemple « mardi 8 décembre 2026 », « 08/12/2026 » ou « 2026-12-08 ») ; \
                 elle est imprimée telle quelle, mais les énoncés ne sont pas comparés à cette date."
            )),
            _ => None,
        };
        Ok(Sheet {
            titre: file.titre.trim().to_string(),
            date,
            deadline,
            date_warning,
            classe: file.classe.filter(|d| !d.trim().is_empty()),
            consignes: file.consignes.filter(|d| !d.trim().is_empty()),
            graine: file.graine,
            exercises: exercises_out,
        })
    }

    /// Exercise `index` of the sheet for `seed`, with the sheet's points.
    pub fn instance(&self, index: usize, seed: u64) -> Result<Instance, String> {
        let ex = &self.exercises[index];
        let mut inst = generate_with(ex.entry, ex.exercise, seed, &ex.fixed)
            .map_err(|e| format!("exercice {} ({}) : {e}", index + 1, ex.entry.id))?;
        apply_scoring(&mut inst, &ex.scoring);
        Ok(inst)
    }

    /// Every student's copy. Seeds come from the base seed and the identifier; should
    /// two students of the class draw the same seed for an exercise (about one chance
    /// in a million for 35 students), the one whose identifier sorts later is given the
    /// next salt, so that the copies of a class always differ. On a dated sheet, a seed
    /// whose statement is dated after the sheet gives way to the next seed (see
    /// [`Sheet::dated_instance`]): creating and grading the sheet derive the same seeds.
    pub fn copies(&self, students: &[Student]) -> Result<Vec<Copy>, String> {
        let mut order: Vec<usize> = (0..students.len()).collect();
        order.sort_by(|&a, &b| students[a].id.cmp(&students[b].id));
        // drawn[k][s]: exercise k of student s.
        let mut drawn: Vec<Vec<Option<Instance>>> = Vec::with_capacity(self.exercises.len());
        for k in 0..self.exercises.len() {
            let mut of_exercise: Vec<Option<Instance>> = vec![None; students.len()];
            if let Some(seed) = self.exercises[k].seed {
                // A seed the teacher fixed for the whole class is kept as written.
                let inst = self.instance(k, seed)?;
                of_exercise.iter_mut().for_each(|i| *i = Some(inst.clone()));
                drawn.push(of_exercise);
                continue;
            }
            let mut used = BTreeSet::new();
            for &s in &order {
                let mut salt = 0;
                let inst = loop {
                    let seed = student_seed(self.graine, &students[s].id, k, salt);
                    let inst = self.dated_instance(k, seed)?;
                    if used.insert(inst.seed) {
                        break inst;
                    }
                    salt += 1;
                };
                of_exercise[s] = Some(inst);
            }
            drawn.push(of_exercise);
        }
        let mut copies = Vec::with_capacity(students.len());
        for (s, student) in students.iter().enumerate() {
            let instances = drawn
                .iter_mut()
                .map(|of_exercise| of_exercise[s].take().expect("every student drawn"))
                .collect();
            copies.push(Copy {
                student: student.clone(),
                instances,
            });
        }
        self.check_bareme(copies.iter().map(|c| &c.instances))?;
        Ok(copies)
    }

    /// Exercise `index` from `seed` or, when its statement is dated after the sheet, from
    /// the first of the next seeds (`seed + 1`, `seed + 2`…, at most [`MAX_REDRAWS`])
    /// whose statement is not. Should none be, the first draw is kept, and
    /// [`Sheet::late_statements`] tells the teacher.
    pub fn dated_instance(&self, index: usize, seed: u64) -> Result<Instance, String> {
        let first = self.instance(index, seed)?;
        let Some(deadline) = self.deadline else {
            return Ok(first);
        };
        // Copies of an older version (pinned by the codes of the answers file) were
        // printed before statements were held to the sheet's date: they are re-derived
        // as printed.
        let ex = &self.exercises[index];
        let current = exercises::find(&ex.entry.id).map(|e| e.version());
        if current != Some(ex.exercise.version()) || !self.is_late(&first, deadline) {
            return Ok(first);
        }
        for step in 1..=MAX_REDRAWS {
            let inst = self.instance(index, (seed + step) % SEED_SPACE)?;
            if !self.is_late(&inst, deadline) {
                return Ok(inst);
            }
        }
        Ok(first)
    }

    fn is_late(&self, inst: &Instance, deadline: Date) -> bool {
        latest_date(&inst.statement).is_some_and(|d| d > deadline)
    }

    /// For the teacher, in French: the exercises of `copies` whose statement is still
    /// dated after the sheet (a seed fixed for the class, or no seed nearby that fits).
    pub fn late_statements(&self, copies: &[Copy]) -> Vec<String> {
        let Some(deadline) = self.deadline else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (k, ex) in self.exercises.iter().enumerate() {
            let late: Vec<(&Copy, Date)> = copies
                .iter()
                .filter_map(|c| {
                    latest_date(&c.instances[k].statement)
                        .filter(|d| *d > deadline)
                        .map(|d| (c, d))
                })
                .collect();
            let Some((first, when)) = late.first() else {
                continue;
            };
            out.push(format!(
                "exercice {} ({}) : {} porte{} une date postérieure à celle de la feuille ({}), \
                 par exemple le {} sur la copie de {} ; {}",
                k + 1,
                ex.entry.id,
                if late.len() == 1 {
                    "1 copie".to_string()
                } else {
                    format!("{} copies", late.len())
                },
                if late.len() == 1 { "" } else { "nt" },
                deadline.french(),
                when.french(),
                first.student.display_name(),
                if ex.seed.is_some() {
                    "la graine de l'exercice est fixée par la feuille : changez-la ou retirez-la."
                } else {
                    "aucun tirage voisin ne convient : vérifiez la date de la feuille."
                }
            ));
        }
        out
    }

    /// Moodle variants: `count` instances of each exercise, from seeds derived like a
    /// student's (identifiers « variante 1 », « variante 2 »…).
    pub fn variants(&self, count: usize) -> Result<Vec<Vec<Instance>>, String> {
        let students: Vec<Student> = (1..=count)
            .map(|v| Student {
                id: format!("variante {v}"),
                nom: format!("Variante {v}"),
                prenom: String::new(),
                line: 0,
            })
            .collect();
        Ok(self
            .copies(&students)?
            .into_iter()
            .map(|c| c.instances)
            .collect())
    }

    /// A barème key must name a question that at least one copy asks.
    fn check_bareme<'a>(
        &self,
        copies: impl Iterator<Item = &'a Vec<Instance>> + Clone,
    ) -> Result<(), String> {
        for (k, ex) in self.exercises.iter().enumerate() {
            let Scoring::PerQuestion(b) = &ex.scoring else {
                continue;
            };
            let keys: BTreeSet<&str> = copies
                .clone()
                .flat_map(|c| c[k].questions.iter().map(|q| q.key))
                .collect();
            if let Some(bad) = b.keys().find(|key| !keys.contains(key.as_str())) {
                return Err(format!(
                    "exercice {} ({}) : le barème cite « {bad} », qui n'est pas une question de cet exercice. Questions : {}.",
                    k + 1,
                    ex.entry.id,
                    keys.into_iter().collect::<Vec<_>>().join(", ")
                ));
            }
        }
        Ok(())
    }
}

/// Sets the sheet's points on an instance. A total is shared in proportion to the
/// questions' own points, each share rounded half away from zero to the quarter point
/// (as French barèmes are written) and the last question taking the remainder, so that
/// the exercise total is exact; should that leave the last question nothing, shares
/// are rounded to 0,01 point instead.
pub fn apply_scoring(inst: &mut Instance, scoring: &Scoring) {
    match scoring {
        Scoring::Default => {}
        Scoring::PerQuestion(b) => {
            for q in &mut inst.questions {
                if let Some(p) = b.get(q.key) {
                    q.points = *p;
                }
            }
        }
        Scoring::Total(total) => {
            let weights: Decimal = inst.questions.iter().map(|q| q.points).sum();
            if weights.is_zero() {
                return;
            }
            let n = inst.questions.len();
            let own: Vec<Decimal> = inst.questions.iter().map(|q| q.points).collect();
            let share = |quantum: Decimal| -> Vec<Decimal> {
                let mut given = Decimal::ZERO;
                let mut out = Vec::with_capacity(n);
                for (i, w) in own.iter().enumerate() {
                    let p = if i + 1 == n {
                        *total - given
                    } else {
                        round_half_away(*total * w / weights / quantum, 0) * quantum
                    };
                    given += p;
                    out.push(p);
                }
                out
            };
            let mut shares = share(Decimal::new(25, 2));
            if shares.iter().any(|p| *p <= Decimal::ZERO) {
                shares = share(Decimal::new(1, 2));
            }
            for (q, p) in inst.questions.iter_mut().zip(shares) {
                q.points = p.normalize();
            }
        }
    }
}

/// The question keys of exercise `index` over a class, in a stable order: each key
/// after the keys that precede it in the copies where it appears (variants may ask
/// different questions).
pub fn question_columns<'a>(
    copies: impl Iterator<Item = &'a Vec<Instance>>,
    index: usize,
) -> Vec<(&'static str, &'static str)> {
    let mut cols: Vec<(&'static str, &'static str)> = Vec::new();
    for c in copies {
        let mut after: Option<usize> = None;
        for q in &c[index].questions {
            match cols.iter().position(|(k, _)| *k == q.key) {
                Some(p) => after = Some(p),
                None => {
                    let at = after.map_or(0, |p| p + 1);
                    cols.insert(at, (q.key, q.label));
                    after = Some(at);
                }
            }
        }
    }
    cols
}

/// The header of an answer column: exercise number and question key (`ex1.tva`).
pub fn column_name(index: usize, key: &str) -> String {
    format!("ex{}.{key}", index + 1)
}

/// The header of a code column (`code ex1`).
pub fn code_column(index: usize) -> String {
    format!("code ex{}", index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::generate;
    use rust_decimal_macros::dec;

    fn inst_with(points: &[Decimal]) -> Instance {
        let mut inst = generate("prix/net-a-payer", 1, &BTreeMap::new()).unwrap();
        inst.questions.truncate(points.len());
        assert_eq!(
            inst.questions.len(),
            points.len(),
            "seed 1 has enough questions"
        );
        for (q, p) in inst.questions.iter_mut().zip(points) {
            q.points = *p;
        }
        inst
    }

    fn points(inst: &Instance) -> Vec<Decimal> {
        inst.questions.iter().map(|q| q.points).collect()
    }

    #[test]
    fn a_total_is_shared_to_the_quarter_point() {
        // 8 over 3 equal questions: 8 ÷ 3 = 2,666… → 2,75 ; 2,75 ; 8 − 5,5 = 2,5.
        let mut i = inst_with(&[dec!(1), dec!(1), dec!(1)]);
        apply_scoring(&mut i, &Scoring::Total(dec!(8)));
        assert_eq!(points(&i), vec![dec!(2.75), dec!(2.75), dec!(2.5)]);
        // 5 over weights 1 and 3: 5 × 1/4 = 1,25 ; 5 − 1,25 = 3,75.
        let mut i = inst_with(&[dec!(1), dec!(3)]);
        apply_scoring(&mut i, &Scoring::Total(dec!(5)));
        assert_eq!(points(&i), vec![dec!(1.25), dec!(3.75)]);
        // 0,5 over 3: quarters would give 0,25 + 0,25 + 0 → hundredths instead:
        // 0,17 ; 0,17 ; 0,16.
        let mut i = inst_with(&[dec!(1), dec!(1), dec!(1)]);
        apply_scoring(&mut i, &Scoring::Total(dec!(0.5)));
        assert_eq!(points(&i), vec![dec!(0.17), dec!(0.17), dec!(0.16)]);
        assert_eq!(i.total_points(), dec!(0.5));
    }

    #[test]
    fn a_bareme_sets_the_listed_questions_only() {
        let mut i = inst_with(&[dec!(1), dec!(1)]);
        let key = i.questions[1].key.to_string();
        apply_scoring(
            &mut i,
            &Scoring::PerQuestion(BTreeMap::from([(key, dec!(2.5))])),
        );
        assert_eq!(points(&i), vec![dec!(1), dec!(2.5)]);
    }

    #[test]
    fn a_fixed_seed_is_the_same_for_every_student() {
        let sheet = Sheet::parse(
            "e5.toml",
            "titre = \"E5\"\ngraine = 1\n[[exercice]]\nid = \"prix/tva\"\ngraine = 4242\n[[exercice]]\nid = \"prix/tva\"\n",
        )
        .unwrap();
        let students: Vec<Student> = ["A1", "B2"]
            .iter()
            .map(|id| Student {
                id: id.to_string(),
                nom: id.to_string(),
                prenom: String::new(),
                line: 0,
            })
            .collect();
        let copies = sheet.copies(&students).unwrap();
        assert_eq!(copies[0].instances[0].seed, 4242);
        assert_eq!(copies[1].instances[0].seed, 4242);
        assert_eq!(copies[0].instances[0].code, copies[1].instances[0].code);
        // The exercise without a fixed seed still differs from one student to the next.
        assert_ne!(copies[0].instances[1].seed, copies[1].instances[1].seed);
    }

    #[test]
    fn columns_merge_the_variants_in_order() {
        let mk = |keys: &[&'static str]| {
            let mut inst = generate("prix/tva", 1, &BTreeMap::new()).unwrap();
            let proto = inst.questions[0].clone();
            inst.questions = keys
                .iter()
                .map(|k| {
                    let mut q = proto.clone();
                    q.key = k;
                    q
                })
                .collect();
            vec![inst]
        };
        let copies = [mk(&["a", "b", "d"]), mk(&["a", "c", "d"]), mk(&["z", "a"])];
        let cols: Vec<&str> = question_columns(copies.iter(), 0)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(cols, vec!["z", "a", "c", "b", "d"]);
    }
}

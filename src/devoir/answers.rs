//! Reading the filled answer-entry CSV: one row per student, one column per question.

use super::roster::{Roster, ID_HEADERS, NOM_HEADERS, PRENOM_HEADERS};
use super::sheet::{code_column, column_name, question_columns, Copy, Sheet};
use super::table::{self, normalise};
use crate::code;
use std::collections::BTreeMap;

/// What a cell holds when its question is not part of the student's variant (the
/// answer-entry CSV writes it; it reads back as « no answer »).
pub const NOT_ASKED: &str = "—";

/// The answers of one student, per exercise: question key → text as typed.
pub type StudentAnswers = Vec<BTreeMap<String, String>>;

#[derive(Debug, Clone)]
pub struct ClassAnswers {
    /// Student id → answers; students of the roster without a row, or whose row has no
    /// answer at all, are absent.
    pub by_student: BTreeMap<String, StudentAnswers>,
    /// Non-blocking remarks for the teacher (ignored columns, Windows-1252 reading).
    pub warnings: Vec<String>,
}

enum Column {
    Id,
    Ignored,
    Code(usize),
    Answer(usize, &'static str),
}

/// Sets each exercise of `sheet` to the version its copies were printed with, read from
/// the codes of the answers file: copies made before a type moved to a new version are
/// regenerated as they were printed (and graded with today's rules). Returns a remark
/// for the teacher for each exercise so pinned.
pub fn pin_versions(name: &str, bytes: &[u8], sheet: &mut Sheet) -> Result<Vec<String>, String> {
    let t = table::read(name, bytes)?;
    let mut remarks = Vec::new();
    for (k, ex) in sheet.exercises.iter_mut().enumerate() {
        let header = code_column(k).to_lowercase();
        let Some(col) = t
            .headers
            .iter()
            .position(|h| h.trim().to_lowercase() == header)
        else {
            continue;
        };
        let printed = t
            .rows
            .iter()
            .filter_map(|r| r.cells.get(col))
            .find_map(|cell| code::decode(cell.trim()).ok());
        let Some(printed) = printed else { continue };
        if printed.version == ex.exercise.version() {
            continue;
        }
        ex.exercise = crate::exercises::find_version(&ex.entry.id, printed.version).ok_or_else(|| {
            format!(
                "« {name} », colonne « {} » : les codes désignent la version {} de {}, que cette version de clientele ne sait pas produire.",
                code_column(k),
                printed.version,
                ex.entry.id
            )
        })?;
        remarks.push(format!(
            "exercice {} ({}) : les copies portent des codes de la version {} ; elles sont régénérées dans cette version et corrigées avec les règles actuelles.",
            k + 1,
            ex.entry.id,
            printed.version
        ));
    }
    Ok(remarks)
}

/// Reads the answers file against the roster and the students' copies.
pub fn read(
    name: &str,
    bytes: &[u8],
    sheet: &Sheet,
    roster: &Roster,
    copies: &[Copy],
) -> Result<ClassAnswers, String> {
    let t = table::read(name, bytes)?;
    let mut warnings = Vec::new();
    if t.windows_1252 {
        warnings.push(format!(
            "« {name} » n'est pas en UTF-8 : il a été lu en Windows-1252."
        ));
    }
    // Expected headers of answer and code columns.
    let mut expected: BTreeMap<String, Column> = BTreeMap::new();
    for k in 0..sheet.exercises.len() {
        for (key, _) in question_columns(copies.iter().map(|c| &c.instances), k) {
            expected.insert(column_name(k, key).to_lowercase(), Column::Answer(k, key));
        }
        expected.insert(code_column(k).to_lowercase(), Column::Code(k));
    }
    let mut columns = Vec::with_capacity(t.headers.len());
    let mut id_col = None;
    let mut seen_headers: BTreeMap<String, usize> = BTreeMap::new();
    for (i, h) in t.headers.iter().enumerate() {
        let lower = h.trim().to_lowercase();
        if let Some(prev) = seen_headers.insert(lower.clone(), i) {
            return Err(format!(
                "« {name} », ligne 1 : la colonne « {h} » apparaît deux fois (colonnes {} et {}).",
                prev + 1,
                i + 1
            ));
        }
        let norm = normalise(h);
        let col = if let Some(c) = expected.remove(&lower) {
            c
        } else if id_col.is_none() && ID_HEADERS.contains(&norm.as_str()) {
            id_col = Some(i);
            Column::Id
        } else {
            if !NOM_HEADERS.contains(&norm.as_str()) && !PRENOM_HEADERS.contains(&norm.as_str()) {
                warnings.push(format!(
                    "« {name} » : colonne « {h} » ignorée (ni identifiant, ni code, ni question de la feuille)."
                ));
            }
            Column::Ignored
        };
        columns.push(col);
    }
    let Some(id_col) = id_col else {
        return Err(format!(
            "« {name} », ligne 1 : colonne « identifiant » introuvable ; elle relie chaque ligne à un élève de la liste de classe."
        ));
    };
    let mut missing: Vec<(usize, String)> = expected
        .values()
        .filter_map(|c| match c {
            Column::Answer(k, key) => Some((*k, column_name(*k, key))),
            _ => None,
        })
        .collect();
    missing.sort();
    let missing: Vec<String> = missing.into_iter().map(|(_, m)| m).collect();
    if !missing.is_empty() {
        return Err(format!(
            "« {name} », ligne 1 : colonne{} manquante{} : {}. Repartez du fichier saisie.csv produit par « clientele devoir creer ».",
            if missing.len() > 1 { "s" } else { "" },
            if missing.len() > 1 { "s" } else { "" },
            missing.iter().map(|m| format!("« {m} »")).collect::<Vec<_>>().join(", ")
        ));
    }
    let mut by_student: BTreeMap<String, StudentAnswers> = BTreeMap::new();
    let mut lines: BTreeMap<String, usize> = BTreeMap::new();
    for row in &t.rows {
        let id = row.cells[id_col].trim();
        if id.is_empty() {
            return Err(format!(
                "« {name} », ligne {} : identifiant vide.",
                row.line
            ));
        }
        let Some(student) = roster.find(id).or_else(|| {
            // A spreadsheet turns « 007 » into « 7 »: accept it when only one numeric
            // identifier of the roster matches.
            let student = without_leading_zeros(roster, id)?;
            warnings.push(format!(
                "« {name} », ligne {} : identifiant « {id} » lu comme « {} » (zéros de tête retirés par le tableur).",
                row.line, student.id
            ));
            Some(student)
        }) else {
            return Err(format!(
                "« {name} », ligne {} : l'élève « {id} » n'est pas dans la liste de classe.",
                row.line
            ));
        };
        let id = student.id.as_str();
        if let Some(first) = lines.insert(id.to_string(), row.line) {
            return Err(format!(
                "« {name} », ligne {} : l'élève « {id} » a déjà une ligne (ligne {first}) ; supprimez le doublon.",
                row.line
            ));
        }
        let copy = copies
            .iter()
            .find(|c| c.student.id == id)
            .expect("one copy per student of the roster");
        let mut answers: StudentAnswers = vec![BTreeMap::new(); sheet.exercises.len()];
        for (i, col) in columns.iter().enumerate() {
            let cell = row.cells[i].trim();
            match col {
                Column::Id | Column::Ignored => {}
                Column::Code(k) => {
                    if cell.is_empty() {
                        continue;
                    }
                    let expected = &copy.instances[*k].code;
                    let same = match (code::decode(cell), code::decode(expected)) {
                        (Ok(a), Ok(b)) => a == b,
                        (Err(e), _) => {
                            return Err(format!(
                                "« {name} », ligne {}, colonne « {} » : {e}",
                                row.line, t.headers[i]
                            ))
                        }
                        _ => false,
                    };
                    if !same {
                        return Err(format!(
                            "« {name} », ligne {}, colonne « {} » : le code « {cell} » n'est pas celui de la copie de {} ({expected}). Les lignes ont-elles été mélangées ?",
                            row.line,
                            t.headers[i],
                            student.display_name()
                        ));
                    }
                }
                Column::Answer(k, key) => {
                    let asked = copy.instances[*k].question(key).is_some();
                    if !asked {
                        if !cell.is_empty() && cell != NOT_ASKED {
                            return Err(format!(
                                "« {name} », ligne {}, colonne « {} » : cette question ne fait pas partie de la copie de {} ; laissez la cellule vide.",
                                row.line,
                                t.headers[i],
                                student.display_name()
                            ));
                        }
                        continue;
                    }
                    if !cell.is_empty() {
                        answers[*k].insert(key.to_string(), cell.to_string());
                    }
                }
            }
        }
        // A row without a single answer is a copy that was not handed in: absent, not 0.
        if answers.iter().all(BTreeMap::is_empty) {
            continue;
        }
        by_student.insert(id.to_string(), answers);
    }
    Ok(ClassAnswers {
        by_student,
        warnings,
    })
}

/// The only student whose all-digit identifier equals `id` once leading zeros are
/// ignored.
fn without_leading_zeros<'a>(roster: &'a Roster, id: &str) -> Option<&'a super::roster::Student> {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(id) {
        return None;
    }
    let key = id.trim_start_matches('0');
    let mut found = roster
        .students
        .iter()
        .filter(|s| digits(&s.id) && s.id.trim_start_matches('0') == key);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

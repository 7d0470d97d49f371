//! The spreadsheets of the teacher's workflow: the answer-entry sheet and the gradebook.
//!
//! Semicolon-separated, UTF-8 with a byte-order mark and decimal commas: what a French
//! spreadsheet (Excel, LibreOffice) opens directly with accents intact.

use crate::devoir::answers::NOT_ASKED;
use crate::devoir::grade::Graded;
use crate::devoir::sheet::{code_column, column_name, question_columns, Copy, Sheet};
use crate::escape::csv_text;
use crate::num::format;

const BOM: &str = "\u{feff}";

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>) -> String {
    let bytes = w.into_inner().expect("writing to memory cannot fail");
    let mut s = String::from(BOM);
    s.push_str(std::str::from_utf8(&bytes).expect("CSV of UTF-8 strings"));
    s
}

/// One row per student, the codes, then one empty column per question (`ex1.tva`);
/// a question the student's variant does not ask holds « — ».
pub fn answer_entry(sheet: &Sheet, copies: &[Copy]) -> String {
    let cols: Vec<Vec<(&str, &str)>> = (0..sheet.exercises.len())
        .map(|k| question_columns(copies.iter().map(|c| &c.instances), k))
        .collect();
    let mut w = writer();
    let mut head = vec!["identifiant".to_string(), "nom".into(), "prénom".into()];
    for k in 0..sheet.exercises.len() {
        head.push(code_column(k));
    }
    for (k, c) in cols.iter().enumerate() {
        head.extend(c.iter().map(|(key, _)| column_name(k, key)));
    }
    w.write_record(&head).expect("memory");
    for copy in copies {
        let mut row = vec![
            csv_text(&copy.student.id).into_owned(),
            csv_text(&copy.student.nom).into_owned(),
            csv_text(&copy.student.prenom).into_owned(),
        ];
        row.extend(copy.instances.iter().map(|i| i.code.clone()));
        for (k, c) in cols.iter().enumerate() {
            for (key, _) in c {
                let asked = copy.instances[k].question(key).is_some();
                row.push(if asked {
                    String::new()
                } else {
                    NOT_ASKED.into()
                });
            }
        }
        w.write_record(&row).expect("memory");
    }
    finish(w)
}

/// The gradebook: points per question, total, maximum and mark /20 (rounded half away
/// from zero to 0,01). Absent students get « ABS ».
pub fn gradebook(sheet: &Sheet, graded: &[Graded]) -> String {
    let copies: Vec<&Copy> = graded.iter().map(|g| g.copy).collect();
    let cols: Vec<Vec<(&str, &str)>> = (0..sheet.exercises.len())
        .map(|k| question_columns(copies.iter().map(|c| &c.instances), k))
        .collect();
    let mut w = writer();
    let mut head = vec!["identifiant".to_string(), "nom".into(), "prénom".into()];
    for (k, c) in cols.iter().enumerate() {
        head.extend(c.iter().map(|(key, _)| column_name(k, key)));
    }
    head.extend(["total".into(), "sur".into(), "note_sur_20".into()]);
    w.write_record(&head).expect("memory");
    for g in graded {
        let copy = g.copy;
        let mut row = vec![
            csv_text(&copy.student.id).into_owned(),
            csv_text(&copy.student.nom).into_owned(),
            csv_text(&copy.student.prenom).into_owned(),
        ];
        for (k, c) in cols.iter().enumerate() {
            for (key, _) in c {
                let cell = match &g.reports {
                    None => "ABS".to_string(),
                    Some(reports) => match reports[k].results.iter().find(|r| r.key == *key) {
                        Some(r) => format::number(r.points, 2),
                        None => String::new(),
                    },
                };
                row.push(cell);
            }
        }
        row.push(
            g.score()
                .map(|s| format::number(s, 2))
                .unwrap_or_else(|| "ABS".into()),
        );
        row.push(format::number(g.total(), 2));
        row.push(
            g.mark()
                .map(|m| format::fixed(m, 2))
                .unwrap_or_else(|| "ABS".into()),
        );
        w.write_record(&row).expect("memory");
    }
    finish(w)
}

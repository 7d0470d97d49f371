//! `clientele devoir creer | corriger | moodle`.
//!
//! Every output path is checked before anything is written, so that a refusal (an
//! existing file without --force) leaves the folder as it was.

use super::args::{CorrigerArgs, CreerArgs, DevoirArgs, DevoirCommand, DevoirMoodleArgs};
use clientele::devoir::roster::Roster;
use clientele::devoir::sheet::{Copy, Sheet};
use clientele::devoir::{answers, grade};
use clientele::render::{class_report, html, moodle, sheet_csv};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub fn run(a: DevoirArgs) -> Result<(), String> {
    match a.command {
        DevoirCommand::Creer(a) => creer(a),
        DevoirCommand::Corriger(a) => corriger(a),
        DevoirCommand::Moodle(a) => moodle_export(a),
    }
}

fn load_sheet(path: &Path) -> Result<Sheet, String> {
    let bytes = super::output::read(path)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "« {} » n'est pas un fichier texte UTF-8 : enregistrez la feuille en UTF-8.",
            path.display()
        )
    })?;
    let sheet = Sheet::parse(&path.display().to_string(), &text)?;
    if let Some(w) = &sheet.date_warning {
        eprintln!("Attention : {w}");
    }
    Ok(sheet)
}

/// Tells the teacher of statements still dated after the sheet (not an error: the
/// copies are usable, the teacher decides).
fn warn_late(sheet: &Sheet, copies: &[Copy]) {
    for w in sheet.late_statements(copies) {
        eprintln!("Attention : {w}");
    }
}

fn load_roster(path: &Path) -> Result<Roster, String> {
    let roster = Roster::parse(&path.display().to_string(), &super::output::read(path)?)?;
    if roster.windows_1252 {
        eprintln!(
            "Remarque : « {} » n'est pas en UTF-8 ; il a été lu en Windows-1252 (export Excel « CSV point-virgule »).",
            path.display()
        );
    }
    Ok(roster)
}

/// A file name from an identifier: ASCII letters, digits and dashes.
pub fn slug(s: &str) -> String {
    let norm: String = s
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'Î' | 'Ï' => 'i',
            'ô' | 'ö' | 'Ô' | 'Ö' => 'o',
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    let parts: Vec<&str> = norm.split('-').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        "eleve".into()
    } else {
        parts.join("-")
    }
}

/// One file name per student, from the identifier; refused if two collide.
fn student_files(copies: &[Copy]) -> Result<Vec<String>, String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(copies.len());
    for c in copies {
        let name = format!("{}.html", slug(&c.student.id));
        if !seen.insert(name.clone()) {
            return Err(format!(
                "deux identifiants donnent le même nom de fichier « {name} » (dont « {} », ligne {} de la liste) : rendez-les distincts.",
                c.student.id, c.student.line
            ));
        }
        out.push(name);
    }
    Ok(out)
}

fn default_dir(prefix: &str, sheet: &Path) -> PathBuf {
    let stem = sheet
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "feuille".into());
    PathBuf::from(format!("{prefix}-{}", slug(&stem)))
}

/// Writes every file, after checking that none exists (unless `force`).
pub(super) fn write_all(files: &[(PathBuf, String)], force: bool) -> Result<(), String> {
    if !force {
        let existing: Vec<&PathBuf> = files
            .iter()
            .map(|(p, _)| p)
            .filter(|p| p.exists())
            .collect();
        if let Some(first) = existing.first() {
            return Err(format!(
                "« {} » existe déjà{} ; rien n'a été écrit. Ajoutez --force pour remplacer ces fichiers.",
                first.display(),
                if existing.len() > 1 {
                    format!(" (ainsi que {} autre(s) fichier(s))", existing.len() - 1)
                } else {
                    String::new()
                }
            ));
        }
    }
    for (p, _) in files {
        if p.is_dir() {
            return Err(format!(
                "« {} » est un dossier ; rien n'a été écrit.",
                p.display()
            ));
        }
    }
    for (p, text) in files {
        if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                format!("impossible de créer le dossier « {} » : {e}", dir.display())
            })?;
        }
        std::fs::write(p, text)
            .map_err(|e| format!("impossible d'écrire « {} » : {e}", p.display()))?;
    }
    Ok(())
}

fn creer(a: CreerArgs) -> Result<(), String> {
    let sheet = load_sheet(&a.feuille)?;
    let roster = load_roster(&a.classe)?;
    let copies = sheet.copies(&roster.students)?;
    warn_late(&sheet, &copies);
    let names = student_files(&copies)?;
    let dir = a
        .output
        .unwrap_or_else(|| default_dir("devoir", &a.feuille));
    let mut files = Vec::new();
    for (c, name) in copies.iter().zip(&names) {
        files.push((
            dir.join("eleves").join(name),
            html::document(
                &format!("{} — {}", sheet.titre, c.student.display_name()),
                &html::student_page(&sheet, c),
            ),
        ));
    }
    files.push((dir.join("classe.html"), html::sheets(&sheet, &copies)));
    files.push((dir.join("corrige.html"), html::answer_key(&sheet, &copies)));
    files.push((
        dir.join("saisie.csv"),
        sheet_csv::answer_entry(&sheet, &copies),
    ));
    write_all(&files, a.force)?;
    eprintln!(
        "{} copies créées dans « {} » : eleves/*.html (une par élève), classe.html (toute la classe, une copie par page), corrige.html, saisie.csv (à remplir puis « clientele devoir corriger »).",
        copies.len(),
        dir.display()
    );
    Ok(())
}

fn corriger(a: CorrigerArgs) -> Result<(), String> {
    let mut sheet = load_sheet(&a.feuille)?;
    let roster = load_roster(&a.classe)?;
    let entry_name = a.reponses.display().to_string();
    let entry_bytes = super::output::read(&a.reponses)?;
    let pinned = answers::pin_versions(&entry_name, &entry_bytes, &mut sheet)?;
    let copies = sheet.copies(&roster.students)?;
    let names = student_files(&copies)?;
    let answers = answers::read(&entry_name, &entry_bytes, &sheet, &roster, &copies)?;
    for w in pinned.iter().chain(&answers.warnings) {
        eprintln!("Remarque : {w}");
    }
    let graded = grade::grade(&copies, &answers);
    let stats = grade::stats(&sheet, &graded);
    let dir = a
        .output
        .unwrap_or_else(|| default_dir("correction", &a.feuille));
    let report_md = class_report::markdown(&sheet, &stats, &graded);
    let mut files = vec![
        (dir.join("notes.csv"), sheet_csv::gradebook(&sheet, &graded)),
        (dir.join("bilan.md"), report_md.clone()),
        (
            dir.join("bilan.html"),
            html::document(
                &format!("Bilan — {}", sheet.titre),
                &format!("<section>\n{}</section>\n", html::markdown(&report_md)),
            ),
        ),
        (
            dir.join("retours.html"),
            html::feedback_document(&sheet, &graded, false),
        ),
    ];
    for (g, name) in graded.iter().zip(&names) {
        files.push((
            dir.join("retours").join(name),
            html::feedback_document(&sheet, std::slice::from_ref(g), true),
        ));
    }
    write_all(&files, a.force)?;
    let absent: Vec<String> = graded
        .iter()
        .filter(|g| g.reports.is_none())
        .map(|g| g.copy.student.display_name())
        .collect();
    if !absent.is_empty() {
        eprintln!(
            "Remarque : aucune réponse saisie pour {} élève(s), notés ABS : {}.",
            absent.len(),
            absent.join(", ")
        );
    }
    eprintln!(
        "{} copies corrigées dans « {} » : notes.csv, bilan.html, bilan.md, retours.html, retours/*.html. Moyenne : {} / 20.",
        stats.present,
        dir.display(),
        stats
            .mean
            .map(|m| clientele::num::format::fixed(m, 2))
            .unwrap_or_else(|| "—".into())
    );
    Ok(())
}

fn moodle_export(a: DevoirMoodleArgs) -> Result<(), String> {
    let sheet = load_sheet(&a.feuille)?;
    let variants = sheet.variants(a.variantes as usize)?;
    for inst in variants.iter().flatten() {
        moodle::check_exportable(inst)?;
    }
    let per_exercise: Vec<Vec<clientele::model::Instance>> = (0..sheet.exercises.len())
        .map(|k| variants.iter().map(|v| v[k].clone()).collect())
        .collect();
    let categories: Vec<moodle::Category> = per_exercise
        .iter()
        .enumerate()
        .map(|(k, list)| moodle::Category {
            path: format!(
                "{}/Exercice {} — {}",
                moodle::category_segment(&sheet.titre),
                k + 1,
                moodle::category_segment(&sheet.exercises[k].entry.titre)
            ),
            instances: list,
        })
        .collect();
    let xml = moodle::quiz(&categories);
    super::output::write(a.output.as_deref(), &xml, a.force)
}

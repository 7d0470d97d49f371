//! The teacher's workflow end to end: sheets for a class, marking, class report, Moodle.
//!
//! Fixtures in tests/data/devoir/: `feuille.toml` (3 exercises: net à payer on 8 points,
//! TVA with a per-question barème, penalties on 6 points with fixed parameters),
//! `classe-35.csv` (35 students with accented names, semicolons, BOM, CRLF) and
//! `reponses.csv` (the answer-entry file of `devoir creer`, filled in for four students;
//! E034 and E035 have no row).

use clientele::devoir::answers;
use clientele::devoir::grade::{grade, stats};
use clientele::devoir::roster::Roster;
use clientele::devoir::sheet::{Copy, Sheet};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/devoir");

fn data(name: &str) -> PathBuf {
    Path::new(DATA).join(name)
}

fn clientele(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clientele"))
        .args(args)
        .output()
        .expect("run clientele")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The sheet of the fixtures, at the version its answers were entered with: the class
/// of `reponses.csv` was given version-1 copies, which keep being graded as printed.
fn sheet() -> Sheet {
    let text = std::fs::read_to_string(data("feuille.toml")).unwrap();
    let mut sheet = Sheet::parse("feuille.toml", &text).unwrap();
    let answers = std::fs::read(data("reponses.csv")).unwrap();
    let pinned = answers::pin_versions("reponses.csv", &answers, &mut sheet).unwrap();
    assert_eq!(pinned.len(), 3, "the fixture's codes are version 1");
    sheet
}

fn roster() -> Roster {
    Roster::parse(
        "classe-35.csv",
        &std::fs::read(data("classe-35.csv")).unwrap(),
    )
    .unwrap()
}

fn copies() -> Vec<Copy> {
    sheet().copies(&roster().students).unwrap()
}

fn files_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn creer(out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "devoir",
        "creer",
        p(&data("feuille.toml")).to_owned().leak(),
        "--classe",
        p(&data("classe-35.csv")).to_owned().leak(),
        "-o",
        p(out).to_owned().leak(),
    ];
    args.extend_from_slice(extra);
    clientele(&args)
}

#[test]
fn roster_with_bom_semicolons_and_accents_is_read() {
    let r = roster();
    assert_eq!(r.students.len(), 35);
    assert!(!r.windows_1252);
    let first = &r.students[0];
    assert_eq!(
        (first.nom.as_str(), first.prenom.as_str(), first.id.as_str()),
        ("DUPRÉ", "Élodie", "E001")
    );
    assert_eq!(first.line, 2);
    assert_eq!(r.students[34].display_name(), "Zélie ÉTIENNE");
}

#[test]
fn thirty_five_students_get_thirty_five_distinct_sheets() {
    let copies = copies();
    assert_eq!(copies.len(), 35);
    for k in 0..3 {
        let codes: BTreeSet<&str> = copies
            .iter()
            .map(|c| c.instances[k].code.as_str())
            .collect();
        let statements: BTreeSet<&str> = copies
            .iter()
            .map(|c| c.instances[k].statement.as_str())
            .collect();
        assert_eq!(codes.len(), 35, "exercise {k}: codes");
        assert_eq!(statements.len(), 35, "exercise {k}: statements");
    }
    // The sheet's points: 8 + 3,5 (1,5 + 1 + 1) + 6 for every student.
    for c in &copies {
        assert_eq!(
            c.total_points(),
            rust_decimal_macros::dec!(17.5),
            "{}",
            c.student.id
        );
    }
}

#[test]
fn creer_writes_every_file_and_twice_gives_identical_files() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    let o = creer(&a, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = creer(&b, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let fa = files_under(&a);
    let fb = files_under(&b);
    assert_eq!(fa.len(), 35 + 3);
    assert_eq!(fa, fb, "regenerating must give byte-identical files");
    let page = String::from_utf8(std::fs::read(a.join("eleves/e001.html")).unwrap()).unwrap();
    assert!(page.contains("Élodie DUPRÉ"));
    assert!(page.contains("NAP2-"));
    assert!(page.contains("@page { size: A4"));
    assert!(page.contains("<table>"), "Markdown tables are rendered");
    let class = String::from_utf8(std::fs::read(a.join("classe.html")).unwrap()).unwrap();
    assert_eq!(class.matches("<section class=\"page\">").count(), 35);
    // « D'ALMEIDA » is escaped in HTML.
    assert!(class.contains("D&#39;ALMEIDA"));
    let key = String::from_utf8(std::fs::read(a.join("corrige.html")).unwrap()).unwrap();
    assert!(key.contains("Corrigé détaillé"));
    assert!(
        key.contains("737,10\u{a0}€"),
        "E001's expected gross amount (hand-checked: 39 cartons of beer at 18,90 € HT → \
         brut 737,10 €; an invoice is now for goods only, no longer for a caterer's guests)"
    );
    // The answer-entry sheet: BOM, semicolons, one row per student, codes.
    let csv = String::from_utf8(std::fs::read(a.join("saisie.csv")).unwrap()).unwrap();
    assert!(csv.starts_with("\u{feff}identifiant;nom;prénom;code ex1;code ex2;code ex3;ex1."));
    assert_eq!(csv.lines().count(), 36);
    assert!(csv.contains("ex2.tva_collectee"));
}

#[test]
fn nothing_is_overwritten_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("d");
    assert!(creer(&out, &[]).status.success());
    // A teacher's edit must survive a refused second run.
    std::fs::write(out.join("saisie.csv"), "mes notes").unwrap();
    std::fs::remove_file(out.join("eleves/e002.html")).unwrap();
    let o = creer(&out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("existe déjà"), "{}", stderr(&o));
    assert!(stderr(&o).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(out.join("saisie.csv")).unwrap(),
        "mes notes"
    );
    assert!(
        !out.join("eleves/e002.html").exists(),
        "nothing written at all"
    );
    let o = creer(&out, &["--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_ne!(
        std::fs::read_to_string(out.join("saisie.csv")).unwrap(),
        "mes notes"
    );
}

fn corriger(answers: &Path, out: &Path) -> Output {
    clientele(&[
        "devoir",
        "corriger",
        p(&data("feuille.toml")),
        "--classe",
        p(&data("classe-35.csv")),
        "--reponses",
        p(answers),
        "-o",
        p(out),
    ])
}

fn row<'a>(csv: &'a str, id: &str) -> Vec<&'a str> {
    csv.lines()
        .find(|l| l.starts_with(&format!("{id};")))
        .unwrap_or_else(|| panic!("no row {id}"))
        .split(';')
        .collect()
}

#[test]
fn gradebook_checked_by_hand_on_three_students() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("c");
    let o = corriger(&data("reponses.csv"), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = std::fs::read_to_string(out.join("notes.csv")).unwrap();
    let head: Vec<&str> = csv
        .lines()
        .next()
        .unwrap()
        .trim_start_matches('\u{feff}')
        .split(';')
        .collect();
    let col = |name: &str| head.iter().position(|h| *h == name).unwrap();
    let cell = |id: &str, name: &str| row(&csv, id)[col(name)].to_string();

    // Points: exercise 1 is worth 8 points shared over its questions to the quarter
    // point (3 questions: 2,75 + 2,75 + 2,5; 4 questions: 2 each); exercise 2 has
    // tva_collectee on 1,5 and the others on 1; exercise 3 is worth 6 points over 4
    // questions (1,5 each). Total 17,5 for everyone.
    //
    // E001 (Élodie DUPRÉ), variant « taux unique » of ex. 1:
    //   montant_brut « 1 984,50 € » = 63 × 31,50 → right, 2,75
    //   taux_unique « 85 % » = the product of the coefficients (0,85), not 1 − 0,85 → 0
    //   net_commercial « 297,68 » = 1 984,50 × (1 − 85 %) = 297,675 → 297,68: right
    //     from her own wrong rate → error carried forward, 2,5
    //   tva_collectee « 1930,41 » and tva_deductible « 372,90 » swapped → 0 + 0
    //   credit_tva « -1557,51 » = 372,90 − 1 930,41 from her own answers → carried, 1
    //   penalties: 70 days, 19,95 %, 68,96 €, 1 911,40 € all right → 4 × 1,5 = 6
    //   total 2,75 + 2,5 + 1 + 6 = 12,25 / 17,5 → 12,25 × 20 ÷ 17,5 = 14,00
    assert_eq!(cell("E001", "ex1.montant_brut"), "2,75");
    assert_eq!(cell("E001", "ex1.taux_unique"), "0");
    assert_eq!(cell("E001", "ex1.net_commercial"), "2,5");
    assert_eq!(cell("E001", "ex2.credit_tva"), "1");
    assert_eq!(cell("E001", "total"), "12,25");
    assert_eq!(cell("E001", "note_sur_20"), "14,00");
    // E002 (Noé LEFÈVRE), variant « from the amount paid back to the unit price »:
    //   base_ht « 18820,33 » (5,5 % taken off the TTC) → 0; net_commercial blank → 0;
    //   montant_brut « 23 687,09 » (rates added) → 0; prix_unitaire « 11 701,10 » → 2
    //   tva_collectee « 11390 » → 1,5; tva_deductible → 1; credit « 12540,37 » (the
    //   previous credit forgotten) → 0
    //   jours_retard « 130 » (counted from the invoice date) → 0; taux « 6,65 % » (the
    //   legal rate alone) → 0; penalites « 185,81 » = 7 845,24 × 6,65 % × 130 ÷ 365
    //   = 185,814 → 185,81 from his own answers → carried, 1,5; total_du blank → 0
    //   total 2 + 2,5 + 1,5 = 6 / 17,5 → 6 × 20 ÷ 17,5 = 6,857… → 6,86
    assert_eq!(cell("E002", "ex1.prix_unitaire_retrouve"), "2");
    assert_eq!(cell("E002", "ex3.penalites"), "1,5");
    assert_eq!(cell("E002", "total"), "6");
    assert_eq!(cell("E002", "note_sur_20"), "6,86");
    // E003 (Chloé MARTIN): ex. 1 all right (« 1079.22 » with a point is read too) → 8;
    //   tva_collectee « 2 175 € » → 1,5, tva_deductible « abc » unreadable → 0,
    //   credit « 2716 » → 1; ex. 3 blank → 0. 10,5 / 17,5 → 12,00
    assert_eq!(cell("E003", "ex2.tva_deductible"), "0");
    assert_eq!(cell("E003", "total"), "10,5");
    assert_eq!(cell("E003", "note_sur_20"), "12,00");
    // A question the variant does not ask stays empty; an absent student is ABS (E034
    // has no row, E005 a row without any answer).
    assert_eq!(cell("E001", "ex1.base_ht"), "");
    assert_eq!(cell("E034", "note_sur_20"), "ABS");
    assert_eq!(cell("E005", "note_sur_20"), "ABS");
    assert_eq!(csv.lines().count(), 36);
    for f in [
        "bilan.md",
        "bilan.html",
        "retours.html",
        "retours/e001.html",
    ] {
        assert!(out.join(f).exists(), "{f}");
    }
    let fb = std::fs::read_to_string(out.join("retours/e001.html")).unwrap();
    assert!(fb.contains("coefficient-au-lieu-du-taux"));
    assert!(fb.contains("erreur reportée"));
    assert!(fb.contains("14,00"));
}

#[test]
fn class_report_counts_match_the_answers() {
    let sheet = sheet();
    let roster = roster();
    let copies = sheet.copies(&roster.students).unwrap();
    let ans = answers::read(
        "reponses.csv",
        &std::fs::read(data("reponses.csv")).unwrap(),
        &sheet,
        &roster,
        &copies,
    )
    .unwrap();
    let graded = grade(&copies, &ans);
    let st = stats(&sheet, &graded);
    // E001–E004 answered something; the 31 others are absent.
    assert_eq!((st.present, st.absent), (4, 31));
    // Marks 14, 6,86, 12 and 0 (E004: two known mistakes only): mean 32,86 ÷ 4 = 8,215 → 8,22.
    assert_eq!(st.mean, Some(rust_decimal_macros::dec!(8.22)));
    let count = |note: &str| {
        st.mistakes
            .iter()
            .find(|m| m.note == note)
            .map(|m| (m.students, m.occurrences))
    };
    // From the answers (see gradebook_checked_by_hand_on_three_students): E002 and E004
    // counted the days from the invoice date and took the legal rate alone.
    assert_eq!(count("retard-depuis-date-facture"), Some((2, 2)));
    assert_eq!(count("taux-legal-seul"), Some((2, 2)));
    // E001 swapped collected and deductible VAT: one student, two answers.
    assert_eq!(count("collectee-deductible-inversees"), Some((1, 2)));
    assert_eq!(count("coefficient-au-lieu-du-taux"), Some((1, 1)));
    assert_eq!(count("remises-additionnees"), Some((1, 1)));
    assert_eq!(count("tva-retranchee-en-taux"), Some((1, 1)));
    assert_eq!(count("credit-anterieur-oublie"), Some((1, 1)));
    assert_eq!(st.mistakes.len(), 7);
    assert_eq!(st.mistakes[0].students, 2, "most frequent first");
    // Success on tva_collectee: E002 and E003 out of the 4 present.
    let q = st
        .questions
        .iter()
        .find(|q| q.exercise == 1 && q.key == "tva_collectee")
        .unwrap();
    assert_eq!((q.succeeded, q.asked), (2, 4));
    let md = clientele::render::class_report::markdown(&sheet, &st, &graded);
    assert!(
        md.contains("| `retard-depuis-date-facture` | 2 | 2 |"),
        "{md}"
    );
}

/// Writes `text` as a file of the temp dir and returns its path.
fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn answers_text() -> String {
    std::fs::read_to_string(data("reponses.csv")).unwrap()
}

fn corriger_err(answers: &str) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let path = file(tmp.path(), "rep.csv", answers.as_bytes());
    let o = corriger(&path, &tmp.path().join("out"));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!tmp.path().join("out").exists(), "nothing written on error");
    stderr(&o)
}

#[test]
fn answers_with_a_missing_question_column() {
    let text = answers_text().replacen(";ex2.tva_deductible", ";autre", 1);
    let e = corriger_err(&text);
    assert!(e.contains("ligne 1"), "{e}");
    assert!(e.contains("« ex2.tva_deductible »"), "{e}");
    let text = answers_text().replacen("identifiant;", "eleve;", 1);
    let e = corriger_err(&text);
    assert!(e.contains("colonne « identifiant » introuvable"), "{e}");
}

#[test]
fn answers_with_an_unknown_student() {
    let text = answers_text().replacen("E003;", "E999;", 1);
    let e = corriger_err(&text);
    assert!(e.contains("ligne 4"), "{e}");
    assert!(
        e.contains("« E999 » n'est pas dans la liste de classe"),
        "{e}"
    );
}

#[test]
fn answers_with_a_duplicated_row() {
    let text = answers_text();
    let second = text.lines().nth(2).unwrap();
    let text = format!("{text}{second}\r\n");
    let e = corriger_err(&text);
    assert!(e.contains("ligne 35"), "{e}");
    assert!(e.contains("déjà une ligne (ligne 3)"), "{e}");
}

#[test]
fn answers_with_a_code_of_another_student() {
    let c = copies();
    let (mine, other) = (&c[0].instances[0].code, &c[1].instances[0].code);
    let text = answers_text().replacen(
        &format!("E001;DUPRÉ;Élodie;{mine}"),
        &format!("E001;DUPRÉ;Élodie;{other}"),
        1,
    );
    let e = corriger_err(&text);
    assert!(e.contains("ligne 2, colonne « code ex1 »"), "{e}");
    assert!(
        e.contains("n'est pas celui de la copie de Élodie DUPRÉ"),
        "{e}"
    );
}

#[test]
fn answers_to_a_question_the_variant_does_not_ask() {
    // E001's variant of exercise 1 has no « base HT » question.
    let text = answers_text().replacen(
        "E001;DUPRÉ;Élodie;NAP-4SEAVBH;TVA-B31WWGG;PEN-YSE12XP-S5QF;—",
        "E001;DUPRÉ;Élodie;NAP-4SEAVBH;TVA-B31WWGG;PEN-YSE12XP-S5QF;12",
        1,
    );
    assert_ne!(text, answers_text(), "fixture changed: update this test");
    let e = corriger_err(&text);
    assert!(e.contains("ligne 2, colonne « ex1.base_ht »"), "{e}");
}

#[test]
fn empty_answers_are_unanswered_not_errors() {
    let sheet = sheet();
    let roster = roster();
    let copies = sheet.copies(&roster.students).unwrap();
    let ans = answers::read("r.csv", answers_text().as_bytes(), &sheet, &roster, &copies).unwrap();
    let graded = grade(&copies, &ans);
    let e003 = graded.iter().find(|g| g.copy.student.id == "E003").unwrap();
    let ex3 = &e003.reports.as_ref().unwrap()[2];
    assert!(ex3
        .results
        .iter()
        .all(|r| r.verdict == clientele::correct::Verdict::Unanswered));
}

#[test]
fn wrong_encodings() {
    let tmp = tempfile::tempdir().unwrap();
    // UTF-16: refused, with the line.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "nom;prénom;identifiant\r\nA;B;1\r\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let e = Roster::parse("liste.csv", &utf16).unwrap_err();
    assert!(e.contains("UTF-16 (ligne 1)"), "{e}");
    // Binary garbage: refused with the line of the first control character.
    let e = Roster::parse("liste.csv", b"nom;prenom;id\nA;B;1\nC;\x00D;2\n").unwrap_err();
    assert!(e.contains("ligne 3"), "{e}");
    // Windows-1252 (Excel « CSV point-virgule »): accepted, accents decoded.
    let latin: Vec<u8> = b"NOM;PR\xc9NOM;N\xb0\r\nC\xd4T\xc9;H\xe9l\xe8ne;42\r\n".to_vec();
    let r = Roster::parse("liste.csv", &latin).unwrap();
    assert!(r.windows_1252);
    assert_eq!(r.students[0].display_name(), "Hélène CÔTÉ");
    assert_eq!(r.students[0].id, "42");
    // Through the CLI, the remark is printed and the sheets are made.
    let path = file(tmp.path(), "latin.csv", &latin);
    let o = clientele(&[
        "devoir",
        "creer",
        p(&data("feuille.toml")),
        "--classe",
        p(&path),
        "-o",
        p(&tmp.path().join("o")),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("Windows-1252"));
}

#[test]
fn malformed_rosters() {
    let e = Roster::parse("l.csv", "nom,identifiant\nDUPONT,1\n".as_bytes()).unwrap_err();
    assert!(
        e.contains("ligne 1 : colonne « prénom » introuvable"),
        "{e}"
    );
    let e =
        Roster::parse("l.csv", "nom,prénom,identifiant\nA,B,1\nC,D,1\n".as_bytes()).unwrap_err();
    assert!(e.contains("ligne 3"), "{e}");
    assert!(e.contains("déjà ligne 2"), "{e}");
    let e = Roster::parse("l.csv", "nom,prénom,identifiant\nA,B,\n".as_bytes()).unwrap_err();
    assert!(e.contains("ligne 2 : identifiant vide"), "{e}");
    let e = Roster::parse("l.csv", "nom;prénom;identifiant\nA;B;1;x;y\n".as_bytes()).unwrap_err();
    assert!(e.contains("ligne 2"), "{e}");
    // Comma-separated, other header spellings, no identifier column: « NOM Prénom ».
    let r = Roster::parse("l.csv", "Nom de famille,PRENOM\nBRUN,Aimé\n".as_bytes()).unwrap();
    assert_eq!(r.students[0].id, "BRUN Aimé");
}

#[test]
fn malformed_sheets() {
    let err = |t: &str| Sheet::parse("f.toml", t).unwrap_err();
    let e = err("titre = \"T\"\ngraine = 1\n[[exercice]]\nid = \"prix/inconnu\"\n");
    assert!(e.contains("exercice 1") && e.contains("inconnu"), "{e}");
    let e = err("titre = \"T\"\ngraine = 1\n[[exercice]]\nid = \"prix/tva\"\n[exercice.set]\ncouleur = \"bleu\"\n");
    assert!(e.contains("Paramètre inconnu « couleur »"), "{e}");
    let e = err("titre = \"T\"\ngraine = \"x\"\n");
    assert!(e.contains("ligne 2"), "{e}");
    let e = err("titre = \"T\"\ngraine = 1\n[[exercice]]\nid = \"prix/tva\"\npoints = 2\n[exercice.bareme]\ntva_collectee = 1\n");
    assert!(e.contains("pas les deux"), "{e}");
    let e = err("titre = \"T\"\ngraine = 1\n[[exercice]]\nid = \"prix/tva\"\npoints = -2\n");
    assert!(e.contains("strictement positif"), "{e}");
    let s = Sheet::parse("f.toml", "titre = \"T\"\ngraine = 1\n[[exercice]]\nid = \"prix/tva\"\n[exercice.bareme]\nnimporte = 1\n").unwrap();
    let e = s.copies(&roster().students).unwrap_err();
    assert!(
        e.contains("« nimporte »") && e.contains("tva_collectee"),
        "{e}"
    );
}

#[test]
fn every_exercise_type_works_on_a_sheet() {
    // Generic engine only: a sheet listing every registered type, today's and future ones.
    let mut toml = String::from("titre = \"Tout\"\ngraine = 7\n");
    for ex in clientele::exercises::ALL {
        toml.push_str(&format!("[[exercice]]\nid = \"{}\"\npoints = 3\n", ex.id()));
    }
    let s = Sheet::parse("tout.toml", &toml).unwrap();
    let students = roster().students[..3].to_vec();
    let copies = s.copies(&students).unwrap();
    for c in &copies {
        for inst in &c.instances {
            assert_eq!(
                inst.total_points(),
                rust_decimal_macros::dec!(3),
                "{}",
                inst.id
            );
        }
    }
    let html = clientele::render::html::sheets(&s, &copies);
    assert_eq!(html.matches("<section class=\"page\">").count(), 3);
    let key = clientele::render::html::answer_key(&s, &copies);
    assert!(
        key.contains("<svg"),
        "inline SVG charts are kept in the answer key"
    );
}

#[test]
fn identifiers_stripped_of_leading_zeros_by_a_spreadsheet_are_matched() {
    let tmp = tempfile::tempdir().unwrap();
    let roster = file(
        tmp.path(),
        "l.csv",
        "nom;prénom;identifiant\nA;B;007\nC;D;070\n".as_bytes(),
    );
    let sheet = file(
        tmp.path(),
        "f.toml",
        b"titre = \"T\"\ngraine = 3\n[[exercice]]\nid = \"prix/tva\"\n",
    );
    let out = tmp.path().join("d");
    let o = clientele(&[
        "devoir",
        "creer",
        p(&sheet),
        "--classe",
        p(&roster),
        "-o",
        p(&out),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let saisie = std::fs::read_to_string(out.join("saisie.csv")).unwrap();
    // Fill one answer for 007 and save it as a spreadsheet would: « 7 », no BOM.
    let filled: String = saisie
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| {
            if let Some(rest) = l.strip_prefix("007;") {
                let mut cells: Vec<&str> = format!("7;{rest}").leak().split(';').collect();
                let n = cells.len();
                cells[n - 3] = "12";
                cells.join(";")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let answers = file(tmp.path(), "r.csv", filled.as_bytes());
    let corr = tmp.path().join("c");
    let args = [
        "devoir",
        "corriger",
        p(&sheet),
        "--classe",
        p(&roster),
        "--reponses",
        p(&answers),
        "-o",
        p(&corr),
    ];
    let o = clientele(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("identifiant « 7 » lu comme « 007 »"),
        "{}",
        stderr(&o)
    );
    let notes = std::fs::read_to_string(corr.join("notes.csv")).unwrap();
    assert!(row(&notes, "007").last().unwrap() != &"ABS");
    assert_eq!(row(&notes, "070").last().unwrap(), &"ABS");
    // A second correction into the same folder is refused without --force.
    let o = clientele(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("existe déjà"));
    let mut forced = args.to_vec();
    forced.push("--force");
    assert!(clientele(&forced).status.success());
}

/// A sheet of the dated types (invoices, due dates, statements of account, VAT months).
fn dated_sheet(date_line: &str) -> String {
    format!(
        "titre = \"Devoir daté\"\n{date_line}graine = 77\n\
         [[exercice]]\nid = \"financement/penalites\"\n\
         [[exercice]]\nid = \"risque/encours\"\n\
         [[exercice]]\nid = \"financement/escompte-effets\"\n\
         [[exercice]]\nid = \"prix/tva\"\n"
    )
}

#[test]
fn no_statement_is_dated_after_its_sheet() {
    use clientele::devoir::dates::latest_date;
    use clientele::devoir::seed::student_seed;
    // Statements start in January 2025: by mid-March, one bill of exchange in a hundred
    // is due, and one VAT return in six is filed.
    let sheet = Sheet::parse(
        "date.toml",
        "titre = \"Devoir daté\"\ndate = \"samedi 15 mars 2025\"\ngraine = 77\n\
         [[exercice]]\nid = \"financement/escompte-effets\"\n\
         [[exercice]]\nid = \"prix/tva\"\n\
         [[exercice]]\nid = \"prix/net-a-payer\"\n",
    )
    .unwrap();
    assert!(sheet.date_warning.is_none());
    let students = roster().students[..8].to_vec();
    let copies = sheet.copies(&students).unwrap();
    let deadline = clientele::calc::dates::Date::new(2025, 3, 15).unwrap();
    let mut redrawn = 0;
    for c in &copies {
        for (k, inst) in c.instances.iter().enumerate() {
            let latest = latest_date(&inst.statement);
            assert!(
                latest.is_none_or(|d| d <= deadline),
                "{} exercice {} : {latest:?}",
                c.student.id,
                k + 1
            );
            if inst.seed != student_seed(77, &c.student.id, k, 0) {
                redrawn += 1;
            }
        }
    }
    // Statements run from January 2025 to June 2026: most are redrawn.
    assert!(redrawn > 8, "{redrawn} exercices retirés");
    assert!(sheet.late_statements(&copies).is_empty());
    // The same derivation every time (re-created or graded).
    let again = sheet.copies(&students).unwrap();
    for (a, b) in copies.iter().zip(&again) {
        for (x, y) in a.instances.iter().zip(&b.instances) {
            assert_eq!(x.code, y.code);
        }
    }
}

#[test]
fn a_sheet_without_date_keeps_the_students_seeds() {
    use clientele::devoir::seed::student_seed;
    for date_line in ["", "date = \"semaine 50\"\n"] {
        let sheet = Sheet::parse("sans-date.toml", &dated_sheet(date_line)).unwrap();
        assert!(sheet.deadline.is_none());
        assert_eq!(sheet.date_warning.is_some(), !date_line.is_empty());
        for c in sheet.copies(&roster().students).unwrap() {
            for (k, inst) in c.instances.iter().enumerate() {
                assert_eq!(inst.seed, student_seed(77, &c.student.id, k, 0));
            }
        }
    }
}

#[test]
fn a_dated_sheet_is_graded_with_the_seeds_it_was_printed_with() {
    let dir = tempfile::tempdir().unwrap();
    let feuille = dir.path().join("date.toml");
    std::fs::write(&feuille, dated_sheet("date = \"15/03/2026\"\n")).unwrap();
    let out = dir.path().join("devoir");
    let made = clientele(&[
        "devoir",
        "creer",
        p(&feuille),
        "--classe",
        p(&data("classe-35.csv")),
        "-o",
        p(&out),
    ]);
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(!stderr(&made).contains("Attention"), "{}", stderr(&made));
    // The entry file as printed, codes included, one answer typed for the first student.
    let saisie = std::fs::read_to_string(out.join("saisie.csv")).unwrap();
    let mut lines: Vec<String> = saisie.lines().map(str::to_owned).collect();
    let cells: Vec<&str> = lines[1].split(';').collect();
    let first_answer = lines[0]
        .split(';')
        .position(|h| h.starts_with("ex1."))
        .unwrap();
    let mut filled: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
    filled[first_answer] = "12".into();
    lines[1] = filled.join(";");
    let answers = dir.path().join("reponses.csv");
    std::fs::write(&answers, lines.join("\n")).unwrap();
    let graded = clientele(&[
        "devoir",
        "corriger",
        p(&feuille),
        "--classe",
        p(&data("classe-35.csv")),
        "--reponses",
        p(&answers),
        "-o",
        p(&dir.path().join("correction")),
    ]);
    assert!(graded.status.success(), "{}", stderr(&graded));
}

#[test]
fn an_unreadable_sheet_date_is_a_warning_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let feuille = dir.path().join("semaine.toml");
    std::fs::write(&feuille, dated_sheet("date = \"semaine 50\"\n")).unwrap();
    let made = clientele(&[
        "devoir",
        "creer",
        p(&feuille),
        "--classe",
        p(&data("classe-35.csv")),
        "-o",
        p(&dir.path().join("devoir")),
    ]);
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(
        stderr(&made).contains("« semaine 50 » ne se lit pas comme une date"),
        "{}",
        stderr(&made)
    );
}

/// Issue #18 (2, 3): a hand-edited roster whose names are markup or spreadsheet formulas
/// stays text: escaped in every HTML file and in the class report, prefixed with `'` in
/// the spreadsheets, and the entry sheet read back grades the same students.
#[test]
fn hostile_names_stay_text_in_every_file() {
    let dir = tempfile::tempdir().unwrap();
    // As a spreadsheet saves it: a cell with quotes is quoted, its quotes doubled.
    let roster = file(
        dir.path(),
        "classe.csv",
        "Nom;Prénom;Identifiant\n<script>alert(1)</script>;Ana;E1\n\"\"\"><img src=x onerror=alert(1)>\";Bo;E2\n\"=HYPERLINK(\"\"http://x\"\")\";Cy;=E3\n+33;@Di;-E4\n"
            .as_bytes(),
    );
    let copies = dir.path().join("copies");
    let o = clientele(&[
        "devoir",
        "creer",
        p(&data("feuille.toml")),
        "--classe",
        p(&roster),
        "-o",
        p(&copies),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let entry = std::fs::read_to_string(copies.join("saisie.csv")).unwrap();
    for cell in ["'=HYPERLINK", "'=E3", "'+33", "'@Di", "'-E4"] {
        assert!(entry.contains(cell), "{cell} not prefixed in saisie.csv");
    }
    let out = dir.path().join("correction");
    let o = clientele(&[
        "devoir",
        "corriger",
        p(&data("feuille.toml")),
        "--classe",
        p(&roster),
        "--reponses",
        p(&copies.join("saisie.csv")),
        "-o",
        p(&out),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (name, bytes) in files_under(&out).iter().chain(&files_under(&copies)) {
        let text = String::from_utf8_lossy(bytes);
        let ext = name.extension().and_then(|e| e.to_str()).unwrap_or("");
        if matches!(ext, "html" | "md") {
            assert!(!text.contains("<script>alert"), "{name:?}");
            assert!(!text.contains("<img src=x"), "{name:?}");
        }
        if ext == "csv" {
            for line in text.lines() {
                for cell in line.trim_start_matches('\u{feff}').split(';') {
                    let cell = cell.trim_matches('"');
                    let number = cell.replace(',', ".").parse::<f64>().is_ok();
                    assert!(
                        number || !cell.starts_with(['=', '+', '-', '@']),
                        "{name:?}: {cell}"
                    );
                }
            }
        }
    }
    let notes = std::fs::read_to_string(out.join("notes.csv")).unwrap();
    assert!(notes.contains("'=E3") && notes.contains("'-E4"), "{notes}");
}

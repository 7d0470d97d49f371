//! The E5 mock exam: one company everywhere, correctable codes, barème on 60 points in
//! five hours, reproducible files and no silent overwrite.

mod common;

use clientele::catalog;
use clientele::code;
use clientele::correct::correct;
use clientele::devoir::roster::Student;
use clientele::devoir::sheet::Sheet;
use clientele::e5::{self, Subject};
use clientele::generate::generate;
use clientele::render::e5_html;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::process::{Command, Output};

fn clientele(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clientele"))
        .args(args)
        .output()
        .expect("run clientele")
}

fn files(s: &Subject) -> Vec<String> {
    vec![
        e5_html::subject(s),
        e5_html::answer_key(s),
        e5::sheet_toml(s),
        e5::codes_text(s),
    ]
}

/// Every property of one subject that does not depend on the seed.
fn check(s: &Subject) {
    let seed = s.seed;
    assert!((3..=4).contains(&s.dossiers.len()), "graine {seed}");
    assert_eq!(s.total_points(), Decimal::from(60), "graine {seed}");
    assert_eq!(s.total_minutes(), 300, "graine {seed}");
    for d in &s.dossiers {
        let open: Decimal = d.open.iter().map(|o| o.points).sum();
        let numeric: Decimal = d.exercises.iter().map(|i| i.total_points()).sum();
        assert_eq!(
            open + numeric,
            d.points,
            "graine {seed}, dossier {}",
            d.number
        );
        assert!(d.exercises.len() >= 2 && (1..=2).contains(&d.open.len()));
    }
    for (d, k, inst) in s.exercises() {
        let what = format!("graine {seed}, dossier {}, {}", d.number, inst.id);
        assert!(inst.statement.contains(&s.business.nom), "{what}");
        assert!(e5::fits(inst, s.business, s.product), "{what}");
        for q in &inst.questions {
            assert_eq!(
                (q.points * Decimal::from(4)).fract(),
                Decimal::ZERO,
                "{what}"
            );
        }
        // One product, hence one TVA rate, throughout (the bank's commissions on a
        // discount slip bear 20 % whatever is sold).
        let product_rate = ["taux_tva", "tva"]
            .iter()
            .find_map(|k| inst.params.get(*k))
            .filter(|_| inst.id != "financement/escompte-effets");
        if let Some(v) = product_rate {
            assert_eq!(v.as_number(), Some(s.product.tva.normalize()), "{what}");
        }
        // The selling price stays within the price range the cover page announces.
        if let Some(q) = inst.question("prix_vente_ht") {
            let (lo, hi) = (s.product.prix_ht_min, s.product.prix_ht_max);
            assert!(lo <= q.answer && q.answer <= hi, "{what}: {}", q.answer);
        }
        // The printed code regenerates the instance, with the printed --set if any.
        let c = code::decode(&inst.code).unwrap();
        let set = &d.sets[k];
        assert_eq!(c.params_hash.is_some(), !set.is_empty(), "{what}");
        let id = &catalog::catalog().find_by_prefix(&c.prefix).unwrap().id;
        let again = generate(id, c.seed, set).unwrap();
        assert_eq!(again.statement, inst.statement, "{what}");
        assert_eq!(again.code, inst.code, "{what}");
        let answers = common::right_answers(&again);
        let rep = correct(&again, &answers);
        assert_eq!(rep.score, rep.total, "{what}");
        // The same answers earn every point of the subject's barème too.
        let rep = correct(inst, &answers);
        assert_eq!(rep.score, inst.total_points(), "{what}");
        // The invoice is at the price the margin exercise found.
        if let Some(price) = set.get("prix_unitaire") {
            let marges = d.exercises.iter().find(|i| i.id == "prix/marges").unwrap();
            let pv = marges.question("prix_vente_ht").unwrap().answer;
            assert_eq!(
                price.replace(',', "."),
                pv.normalize().to_string(),
                "{what}"
            );
            assert_eq!(
                inst.params["prix_unitaire"].as_number(),
                Some(pv.normalize()),
                "{what}"
            );
        }
    }
}

/// Subjects the world checks run on: `cargo test` takes 20, `.ci/run` 200 in a release
/// build (`CLIENTELE_E5_SEEDS=200 cargo test --release --test e5`).
fn world_seeds() -> u64 {
    std::env::var("CLIENTELE_E5_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20)
}

/// The figures one case shares across its dossiers, checked on one subject: every
/// document suits the company, shows its taux de marque when it shows one, and keeps
/// to its scale.
fn check_world(s: &Subject) -> Vec<String> {
    let mut faults = Vec::new();
    let b = s.business;
    let (lo, hi) = (b.taux_marque[0], b.taux_marque[1]);
    if !(lo <= s.taux_marque && s.taux_marque <= hi) {
        faults.push(format!(
            "taux de marque {} hors de [{lo}, {hi}]",
            s.taux_marque
        ));
    }
    for (d, _, inst) in s.exercises() {
        let at = format!("graine {}, dossier {}, {}", s.seed, d.number, inst.id);
        let entry = catalog::catalog().find(inst.id).unwrap();
        if !entry.suits(b, s.product) {
            faults.push(format!("{at} : type qui ne convient pas à {}", b.nom));
        }
        // A service is neither shipped, stocked nor bought from a supplier.
        let goods_only = [
            "prix/net-a-payer",
            "bfr/rotations",
            "decision/loi-normale",
            "prix/marges",
        ];
        if s.product.prestation && goods_only.contains(&inst.id) {
            faults.push(format!("{at} : type de marchandises pour une prestation"));
        }
        // The company's scale, as every type keeps it (tests/magnitudes.rs).
        let param = |k: &str| inst.params.get(k).and_then(|v| v.as_number());
        match inst.id {
            "segmentation/abc" => {
                let shown: Decimal = inst
                    .params
                    .iter()
                    .filter(|(k, _)| k.starts_with("ca_"))
                    .filter_map(|(_, v)| v.as_number())
                    .sum();
                if shown > b.turnover_per_salesperson() * Decimal::new(107, 2) {
                    faults.push(format!(
                        "{at} : portefeuille de {shown} € au-delà de la part d'un commercial"
                    ));
                }
                if let Some(q) = inst.question("panier_moyen_a") {
                    let floor = b.produit.iter().map(|p| p.prix_ht_min).min().unwrap();
                    if q.answer < floor {
                        faults.push(format!("{at} : panier moyen A {} < {floor}", q.answer));
                    }
                }
            }
            "effort/charge-de-travail" => {
                let counted: Decimal = ["nb_a", "nb_b", "nb_c"]
                    .iter()
                    .filter_map(|k| param(k))
                    .sum();
                if counted != Decimal::from(b.clients) {
                    faults.push(format!(
                        "{at} : {counted} clients comptés pour {}",
                        b.clients
                    ));
                }
            }
            _ => {}
        }
        for key in ["taux_marque", "taux_marge"] {
            let shown = (inst.id == "prix/marges" && key == "taux_marque")
                || (inst.id == "action/cout-roi" && key == "taux_marge");
            if shown {
                let v = inst.params.get(key).and_then(|v| v.as_number());
                if v != Some(s.taux_marque) {
                    faults.push(format!("{at} : taux de marque {v:?} ≠ {}", s.taux_marque));
                }
            }
        }
    }
    faults
}

#[test]
fn subjects_keep_one_world() {
    let mut faults = Vec::new();
    // How many of the first 20 subjects hold each type.
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut services = 0;
    for seed in 1..=world_seeds().max(20) {
        let s = e5::compose(seed).unwrap_or_else(|e| panic!("graine {seed} : {e}"));
        faults.extend(check_world(&s));
        services += usize::from(s.product.prestation);
        if seed <= 20 {
            let ids: std::collections::BTreeSet<&str> =
                s.exercises().map(|(_, _, i)| i.id).collect();
            for id in ids {
                *seen.entry(id).or_default() += 1;
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
    assert!(seen.len() >= 20, "{} types : {seen:?}", seen.len());
    let always: Vec<_> = seen.iter().filter(|(_, n)| **n == 20).collect();
    assert!(always.is_empty(), "dans tous les sujets : {always:?}");
    assert!(services > 0, "aucun sujet sur une prestation de service");
}

#[test]
fn a_subject_is_reproducible_byte_for_byte() {
    let a = e5::compose(7).unwrap();
    let b = e5::compose(7).unwrap();
    assert_eq!(files(&a), files(&b));
    let c = e5::compose(8).unwrap();
    assert_ne!(files(&a)[0], files(&c)[0]);
}

#[test]
fn twelve_subjects_hold_together() {
    let mut four = 0;
    let mut companies = std::collections::BTreeSet::new();
    // Twelve in a debug build: the world test draws more (200 in `.ci/run`).
    for seed in 0..12 {
        let s = e5::compose(seed).unwrap_or_else(|e| panic!("graine {seed} : {e}"));
        check(&s);
        four += usize::from(s.dossiers.len() == 4);
        companies.insert(s.business.nom.clone());
        let html = e5_html::subject(&s);
        assert!(
            html.contains("Dossier 1 — question")
                || html.contains("<span class=\"num\">1.1</span>")
        );
    }
    assert!(
        (2..=10).contains(&four),
        "{four} sujets à quatre dossiers sur 12"
    );
    assert!(companies.len() >= 6, "{} entreprises", companies.len());
}

#[test]
fn the_sheet_marks_the_same_exercises_with_the_same_points() {
    let s = e5::compose(11).unwrap();
    let sheet = Sheet::parse("e5.toml", &e5::sheet_toml(&s)).unwrap();
    let students: Vec<Student> = ["E01", "E02"]
        .iter()
        .map(|id| Student {
            id: id.to_string(),
            nom: id.to_string(),
            prenom: String::new(),
            line: 0,
        })
        .collect();
    let copies = sheet.copies(&students).unwrap();
    let expected: Vec<_> = s.exercises().map(|(_, _, i)| i.clone()).collect();
    for c in &copies {
        assert_eq!(c.instances, expected);
    }
    let numeric: Decimal = expected.iter().map(|i| i.total_points()).sum();
    assert_eq!(copies[0].total_points(), numeric);
}

#[test]
fn the_subject_reads_like_a_case() {
    let s = e5::compose(3).unwrap();
    let html = e5_html::subject(&s);
    let key = e5_html::answer_key(&s);
    assert!(html.contains(&s.business.nom) && html.contains(&s.product.nom));
    assert!(html.contains("Annexe 1"));
    assert!(html.contains("5\u{a0}h") && html.contains("60\u{a0}pts"));
    assert!(key.contains("Idées attendues") && key.contains("Question 1.1 — "));
    for (d, k, inst) in s.exercises() {
        assert!(html.contains(&inst.code) && key.contains(&inst.code));
        let first = d.first_question(k);
        assert!(html.contains(&format!("<span class=\"num\">{}.{first}</span>", d.number)));
    }
    // A number is followed by a no-break space before its unit, never an ordinary one.
    for text in [&html, &key] {
        let chars: Vec<char> = text.chars().collect();
        for w in chars.windows(3) {
            assert!(
                !(w[0].is_ascii_digit() && w[1] == ' ' && (w[2] == '€' || w[2] == '%')),
                "{}{}{}",
                w[0],
                w[1],
                w[2]
            );
        }
    }
}

#[test]
fn cli_writes_the_four_files_and_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sujet");
    let d = dir.to_str().unwrap();
    let o = clientele(&["e5", "--seed", "42", "-o", d]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let names = ["sujet.html", "corrige.html", "e5.toml", "codes.txt"];
    let first: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(dir.join(n)).unwrap())
        .collect();
    // Same seed elsewhere: byte-identical files.
    let other = tmp.path().join("bis");
    let o = clientele(&["e5", "--seed", "42", "-o", other.to_str().unwrap()]);
    assert!(o.status.success());
    for (n, bytes) in names.iter().zip(&first) {
        assert_eq!(&std::fs::read(other.join(n)).unwrap(), bytes, "{n}");
    }
    // A second run refuses, in French, and leaves the files alone.
    std::fs::write(dir.join("codes.txt"), "mes notes").unwrap();
    let o = clientele(&["e5", "--seed", "43", "-o", d]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("existe déjà") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read(dir.join("sujet.html")).unwrap(), first[0]);
    assert_eq!(
        std::fs::read_to_string(dir.join("codes.txt")).unwrap(),
        "mes notes"
    );
    let o = clientele(&["e5", "--seed", "42", "-o", d, "--force"]);
    assert!(o.status.success());
    assert_eq!(std::fs::read(dir.join("codes.txt")).unwrap(), first[3]);
    // Each printed code is corrected by `clientele correct` with full marks.
    let codes = String::from_utf8(first[3].clone()).unwrap();
    let code = codes
        .lines()
        .find_map(|l| {
            l.strip_prefix("Dossier 1 — ")
                .and_then(|l| l.rsplit(" : ").next())
        })
        .unwrap()
        .to_string();
    let c = code::decode(&code).unwrap();
    let id = &catalog::catalog().find_by_prefix(&c.prefix).unwrap().id;
    let inst = generate(id, c.seed, &BTreeMap::new()).unwrap();
    let answers: String = common::right_answers(&inst)
        .iter()
        .map(|(k, v)| format!("{k} = \"{v}\"\n"))
        .collect();
    let path = tmp.path().join("reponses.toml");
    std::fs::write(&path, answers).unwrap();
    let o = clientele(&["correct", &code, "--answers", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    let n = clientele::num::format::number(inst.total_points(), 2);
    assert!(out.contains(&format!("Score : {n} / {n}")), "{out}");
    // A code with a fixed parameter is corrected with the printed --set.
    let line = codes
        .lines()
        .find(|l| l.contains("à corriger avec"))
        .unwrap();
    let args: Vec<&str> = line
        .split(": clientele ")
        .nth(1)
        .unwrap()
        .split(' ')
        .collect();
    let c = code::decode(args[1]).unwrap();
    let id = &catalog::catalog().find_by_prefix(&c.prefix).unwrap().id;
    let set: BTreeMap<String, String> = args[3]
        .split_once('=')
        .map(|(k, v)| BTreeMap::from([(k.to_string(), v.to_string())]))
        .unwrap();
    let inst = generate(id, c.seed, &set).unwrap();
    let answers: String = common::right_answers(&inst)
        .iter()
        .map(|(k, v)| format!("{k} = \"{v}\"\n"))
        .collect();
    std::fs::write(&path, answers).unwrap();
    let mut full = args.clone();
    full.extend(["--answers", path.to_str().unwrap()]);
    let o = clientele(&full);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let n = clientele::num::format::number(inst.total_points(), 2);
    assert!(String::from_utf8_lossy(&o.stdout).contains(&format!("Score : {n} / {n}")));
}

#[test]
fn without_a_seed_one_is_drawn_and_printed() {
    let tmp = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_clientele"))
        .arg("e5")
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    let seed: String = err
        .split("--seed ")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    assert!(
        tmp.path()
            .join(format!("e5-{seed}"))
            .join("sujet.html")
            .exists(),
        "{err}"
    );
}

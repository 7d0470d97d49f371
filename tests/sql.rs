//! The S822 types: the sandbox against hostile queries, the comparison of results, the
//! classic mistakes, the schema notation and the database file.

mod common;

use clientele::correct::{correct, Verdict};
use clientele::generate::generate;
use clientele::model::{Check, Instance};
use clientele::sql::db::Database;
use clientele::sql::run::Sandbox;
use std::collections::BTreeMap;

fn instance(id: &str, seed: u64, sets: &[(&str, &str)]) -> Instance {
    let raw: BTreeMap<String, String> = sets
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    generate(id, seed, &raw).unwrap()
}

fn sandbox() -> (Database, Sandbox, Vec<u8>) {
    let db = Database::generate(42);
    let bytes = db.file_bytes().unwrap();
    let sb = Sandbox::from_bytes(&bytes).unwrap();
    (db, sb, bytes)
}

/// Runs `sql` and returns the error kind and message (the query must be refused).
fn refused(sb: &Sandbox, sql: &str) -> (String, String) {
    let e = sb.query(sql).expect_err(sql);
    (e.kind.to_string(), e.message)
}

#[test]
fn an_endless_recursive_query_is_stopped() {
    let (_, sb, _) = sandbox();
    let start = std::time::Instant::now();
    // Without a stop condition and aggregated, it returns no row until it ends: only
    // the progress handler stops it.
    let (kind, msg) = refused(
        &sb,
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT max(x) FROM n",
    );
    assert_eq!(kind, "temps-depasse", "{msg}");
    assert!(msg.contains("WITH RECURSIVE"), "{msg}");
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
    // The sandbox still works afterwards.
    assert_eq!(
        sb.query("SELECT count(*) FROM produits")
            .unwrap()
            .rows
            .len(),
        1
    );
}

#[test]
fn a_cartesian_product_is_stopped() {
    let (_, sb, _) = sandbox();
    let (kind, _) = refused(
        &sb,
        "SELECT count(*) FROM lignes_commande a, lignes_commande b, lignes_commande c",
    );
    assert_eq!(kind, "temps-depasse");
}

#[test]
fn a_million_rows_are_cut_off() {
    let (_, sb, _) = sandbox();
    let (kind, msg) = refused(
        &sb,
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000000) SELECT x FROM n",
    );
    assert_eq!(kind, "trop-de-lignes", "{msg}");
    assert!(msg.contains("5\u{202f}000"), "{msg}");
}

#[test]
fn writes_are_refused_and_the_database_is_unchanged() {
    let (db, sb, before) = sandbox();
    for sql in [
        "DELETE FROM clients",
        "UPDATE produits SET prix_ht = 0",
        "INSERT INTO commerciaux VALUES (9, 'X', 'Y', 'Z', '2026-01-01')",
        "DROP TABLE clients",
        "CREATE TABLE t (x)",
        "  -- commentaire\n  delete from clients",
        "SELECT 1; DELETE FROM clients",
        "WITH x AS (SELECT 1) DELETE FROM clients",
        "REPLACE INTO produits (id_produit) VALUES (1)",
        "VACUUM",
        "BEGIN",
    ] {
        let (kind, msg) = refused(&sb, sql);
        assert!(
            [
                "ecriture-interdite",
                "interdit",
                "plusieurs-requetes",
                "syntaxe"
            ]
            .contains(&kind.as_str()),
            "{sql}: {kind} {msg}"
        );
    }
    let n = sb.query("SELECT count(*) FROM clients").unwrap();
    assert_eq!(
        n.rows[0][0].shown(),
        db.table("clients").rows.len().to_string()
    );
    assert_eq!(before, db.file_bytes().unwrap());
}

#[test]
fn attach_pragma_and_extensions_are_refused() {
    let (_, sb, _) = sandbox();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("vol.sqlite");
    let (kind, msg) = refused(&sb, &format!("ATTACH DATABASE '{}' AS x", target.display()));
    assert_eq!(kind, "attach-interdit", "{msg}");
    assert!(!target.exists(), "ATTACH a créé un fichier");
    for sql in [
        "PRAGMA table_info(clients)",
        "SELECT * FROM pragma_table_info('clients')",
        "SELECT load_extension('/tmp/x.so')",
        "SELECT * FROM clients WHERE id_client = (SELECT load_extension('x'))",
    ] {
        let (kind, msg) = refused(&sb, sql);
        assert!(
            ["pragma-interdit", "interdit", "fonction-inconnue"].contains(&kind.as_str()),
            "{sql}: {kind} {msg}"
        );
    }
    // Reading the schema through sqlite_master stays possible, and harmless.
    assert!(sb.query("SELECT name FROM sqlite_master").is_ok());
}

#[test]
fn syntax_errors_are_french_with_a_position() {
    let (_, sb, _) = sandbox();
    let (kind, msg) = refused(&sb, "SELECT nom\nFROM clients\nWHER ville = 'Rennes'");
    assert_eq!(kind, "syntaxe");
    assert!(
        msg.contains("près de « ville »") && msg.contains("ligne 3"),
        "{msg}"
    );
    let (kind, msg) = refused(&sb, "SELECT nom FROM client");
    assert_eq!(kind, "table-inconnue", "{msg}");
    let (kind, msg) = refused(&sb, "SELECT nom FROM clients WHERE ville = \"Rennes\"");
    assert_eq!(kind, "colonne-inconnue", "{msg}");
    let (kind, msg) = refused(
        &sb,
        "SELECT nom FROM clients JOIN commandes ON commandes.id_client = clients.id_client WHERE id_client = 1",
    );
    assert_eq!(kind, "colonne-ambigue", "{msg}");
    let (kind, msg) = refused(
        &sb,
        "SELECT id_client FROM commandes WHERE count(*) > 2 GROUP BY id_client",
    );
    assert_eq!(kind, "where-sur-agregat", "{msg}");
    assert!(msg.contains("HAVING"), "{msg}");
    for garbage in [
        "",
        "   ",
        "abc",
        "'",
        "SELECT",
        ";;;",
        "\u{0}",
        "SELECT (((((",
        "/* */",
    ] {
        assert!(sb.query(garbage).is_err(), "{garbage:?}");
    }
}

#[test]
fn right_queries_in_other_words_get_the_points() {
    let inst = instance(
        "sql/requete",
        1,
        &[
            ("base", "1234"),
            ("requete_1", "clients-departement"),
            ("requete_2", "clients-par-commercial"),
            ("requete_3", "gros-clients"),
            ("requete_4", "clients-inactifs"),
        ],
    );
    let mut answers = common::right_answers(&inst);
    // Columns renamed and swapped, lower case, a final semicolon, a comment.
    let q2 = answers["requete_2"].clone();
    answers.insert(
        "requete_2".into(),
        format!(
            "-- par commercial\n{};",
            q2.replace("co.nom, co.prenom", "co.prenom AS p, co.nom AS n")
                .to_lowercase()
        ),
    );
    let rep = correct(&inst, &answers);
    for r in &rep.results {
        assert_eq!(r.verdict, Verdict::Correct, "{r:?}");
    }
    // The same CA rounded to the cent by the student is still right.
    let q3 = answers["requete_3"].replace(
        "SUM(l.quantite * l.prix_unitaire_ht) AS ca_ht",
        "ROUND(SUM(l.quantite * l.prix_unitaire_ht), 2) AS ca",
    );
    answers.insert(
        "requete_3".into(),
        q3.replace("ORDER BY ca_ht", "ORDER BY ca"),
    );
    let rep = correct(&inst, &answers);
    assert_eq!(
        rep.results[2].verdict,
        Verdict::Correct,
        "{:?}",
        rep.results[2]
    );
}

#[test]
fn differences_are_explained() {
    let inst = instance(
        "sql/requete",
        3,
        &[("base", "77"), ("requete_1", "clients-departement")],
    );
    let Some(Check::Sql(c)) = inst.questions[0].check.as_deref() else {
        panic!()
    };
    let mut answers = BTreeMap::new();
    // No ORDER BY although one is asked.
    let unordered = c.reference.replace("\nORDER BY nom", "\nORDER BY nom DESC");
    answers.insert("requete_1".into(), unordered);
    let r = &correct(&inst, &answers).results[0];
    if c.expected.rows.len() > 1 {
        assert_eq!(r.verdict, Verdict::Wrong);
        assert!(r.message.as_deref().unwrap().contains("ordre"), "{r:?}");
    }
    // Wrong columns.
    answers.insert("requete_1".into(), c.reference.replace("nom, ville", "nom"));
    let r = &correct(&inst, &answers).results[0];
    assert!(r.message.as_deref().unwrap().contains("colonne"), "{r:?}");
    // Missing rows: a condition too many.
    answers.insert(
        "requete_1".into(),
        c.reference.replace("WHERE", "WHERE segment = 'A' AND"),
    );
    let r = &correct(&inst, &answers).results[0];
    assert_eq!(r.verdict, Verdict::Wrong);
    // Duplicated rows: a join that multiplies.
    answers.insert(
        "requete_1".into(),
        c.reference
            .replace("SELECT nom, ville\nFROM clients", "SELECT clients.nom, clients.ville\nFROM clients JOIN contacts ON contacts.id_client = clients.id_client")
            .replace("type =", "clients.type =")
            .replace("ORDER BY nom", "ORDER BY clients.nom"),
    );
    let r = &correct(&inst, &answers).results[0];
    if r.verdict == Verdict::Wrong {
        assert!(r.message.is_some());
    }
}

#[test]
fn classic_wrong_queries_are_named() {
    let mut seen = std::collections::BTreeSet::new();
    for seed in 0..40 {
        for id in ["sql/requete", "sql/fiabilisation"] {
            let inst = generate(id, seed, &BTreeMap::new()).unwrap();
            for q in &inst.questions {
                let Some(Check::Sql(c)) = q.check.as_deref() else {
                    continue;
                };
                for v in &c.variants {
                    let mut answers = common::right_answers(&inst);
                    answers.insert(q.key.to_string(), v.query.clone());
                    let rep = correct(&inst, &answers);
                    let r = rep.results.iter().find(|r| r.key == q.key).unwrap();
                    assert_eq!(r.verdict, Verdict::Wrong, "{id} {seed} {}", v.query);
                    let note = r.diagnosis.as_ref().map(|d| d.note.as_str());
                    // Two variants may give the same rows: the first listed is named.
                    assert!(note.is_some(), "{id} {seed} {} : {r:?}", v.note);
                    seen.insert(v.note);
                }
            }
        }
    }
    for note in [
        "borne-de-date-exclue",
        "jointure-multiplie-lignes",
        "borne-exclue",
        "espaces-oublies",
    ] {
        assert!(seen.contains(note), "{note} jamais rencontré : {seen:?}");
    }
}

#[test]
fn database_file_is_deterministic() {
    let a = instance("sql/requete", 5, &[]);
    let b = instance("sql/requete", 5, &[]);
    let da = clientele::sql::database_of(&a)
        .unwrap()
        .file_bytes()
        .unwrap();
    let db = clientele::sql::database_of(&b)
        .unwrap()
        .file_bytes()
        .unwrap();
    assert_eq!(da, db);
    // The file opens as an ordinary SQLite database.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("base.sqlite");
    std::fs::write(&path, &da).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let n: i64 = conn
        .query_row(
            "SELECT count(*) FROM clients WHERE type IN ('B2B', 'B2C')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(n >= 70);
}

#[test]
fn fiabilisation_counts_match_the_file() {
    for seed in 0..30 {
        let inst = generate("sql/fiabilisation", seed, &BTreeMap::new()).unwrap();
        let db = clientele::sql::database_of(&inst).unwrap();
        let conn = db.connection().unwrap();
        let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        // The SQL given in the worked solution recomputes each count.
        let dup = count("SELECT COUNT(*) - COUNT(DISTINCT LOWER(TRIM(email))) FROM prospects");
        let phones = count("SELECT COUNT(*) FROM prospects WHERE telephone NOT GLOB '0[1-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'");
        let cps = count("SELECT COUNT(*) FROM prospects WHERE LENGTH(code_postal) <> 5 OR INSTR(code_postal, ' ') > 0");
        let answer = |k: &str| inst.question(k).unwrap().answer;
        assert_eq!(answer("doublons"), dup.into(), "graine {seed}");
        assert_eq!(answer("telephones"), phones.into(), "graine {seed}");
        assert_eq!(answer("codes_postaux"), cps.into(), "graine {seed}");
    }
}

#[test]
fn schemas_are_checked_table_by_table() {
    let inst = instance("sql/conception", 1, &[("besoin", "commandes")]);
    let q = &inst.questions[0];
    let reference = q.reference_text().unwrap().to_string();
    let mark = |text: &str| {
        let answers = BTreeMap::from([("schema".to_string(), text.to_string())]);
        correct(&inst, &answers).results.remove(0)
    };
    let r = mark(&reference);
    assert_eq!(r.verdict, Verdict::Correct, "{r:?}");
    // Upper case, singular table names, types in English: still right.
    let loose = reference
        .to_uppercase()
        .replace("CLIENTS (", "Client (")
        .replace(": TEXTE", ": varchar(5)")
        .replace(": DECIMAL", ": real");
    assert_eq!(mark(&loose).verdict, Verdict::Correct, "{:?}", mark(&loose));
    // A postcode as a number: one table wrong, the mistake named.
    let r = mark(&reference.replace("code_postal : texte", "code_postal : entier"));
    assert_eq!(r.verdict, Verdict::Wrong);
    assert_eq!(r.diagnosis.as_ref().unwrap().note, "code-postal-numerique");
    assert_eq!(r.points, q.points - rust_decimal::Decimal::ONE);
    // The composite key of the lines forgotten.
    let r = mark(&reference.replace("*#id_produit", "#id_produit"));
    assert_eq!(r.verdict, Verdict::Wrong);
    assert!(r.message.unwrap().contains("clé primaire"));
    // A foreign key not marked.
    let r = mark(&reference.replace("#id_client)", "id_client)"));
    assert!(r.message.unwrap().contains("clé étrangère"));
    // Unreadable.
    let r = mark("clients : id, nom");
    assert_eq!(r.verdict, Verdict::Unreadable);
    assert!(r.message.unwrap().contains("ligne 1"));
}

#[test]
fn garbage_never_panics_in_sql_answers() {
    let inst = generate("sql/requete", 9, &BTreeMap::new()).unwrap();
    let long = format!("SELECT '{}'", "x".repeat(100_000));
    let deep = format!("SELECT {}1{}", "(".repeat(5000), ")".repeat(5000));
    for g in [
        "SELECT * FROM clients",
        "SELECT randomblob(100000000)",
        "SELECT zeroblob(2000000000)",
        "SELECT printf('%.*c', 100000000, 'x')",
        "WITH RECURSIVE r(x) AS (SELECT 1 UNION SELECT x FROM r) SELECT * FROM r",
        "SELECT * FROM clients, commandes",
        long.as_str(),
        deep.as_str(),
        "\u{feff}SELECT 1",
        "SELECT 'é' || char(0) || 'x'",
    ] {
        let answers = inst
            .questions
            .iter()
            .map(|q| (q.key.to_string(), g.to_string()))
            .collect();
        let rep = correct(&inst, &answers);
        assert!(rep.score <= rep.total);
    }
}

mod properties {
    use clientele::sql::compare::{compare, Outcome};
    use clientele::sql::db::Database;
    use clientele::sql::run::{Cell, Rows, Sandbox};
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static BYTES: LazyLock<Vec<u8>> = LazyLock::new(|| Database::generate(3).file_bytes().unwrap());

    fn rows(cells: Vec<(i64, String)>) -> Rows {
        Rows {
            columns: vec!["a".into(), "b".into()],
            rows: cells
                .into_iter()
                .map(|(i, s)| vec![Cell::Int(i), Cell::Text(s)])
                .collect(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any text, SQL-looking or not, gives a result or a French message, never a
        /// panic, and leaves the database as it was.
        #[test]
        fn any_text_is_answered_safely(
            prefix in prop::sample::select(vec!["SELECT ", "WITH ", "DELETE ", "", "ATTACH ", "PRAGMA "]),
            body in "[ -~éà;'\"()*,]{0,60}",
        ) {
            let sb = Sandbox::from_bytes(&BYTES).unwrap();
            match sb.query(&format!("{prefix}{body}")) {
                Ok(r) => prop_assert!(r.rows.len() <= clientele::sql::run::MAX_ROWS),
                Err(e) => prop_assert!(!e.message.is_empty()),
            }
            prop_assert_eq!(&Database::generate(3).file_bytes().unwrap(), &*BYTES);
        }

        /// Rows in another order are the same result when no order is asked, and a
        /// wrong order when one is; swapped columns are the same result.
        #[test]
        fn order_and_columns(cells in prop::collection::vec((0i64..5, "[a-c]{1,2}"), 1..12), k in 0usize..12) {
            let exp = rows(cells.clone());
            let mut shuffled = cells.clone();
            shuffled.rotate_left(k % cells.len());
            let got = rows(shuffled);
            prop_assert_eq!(compare(&exp, &got, false), Outcome::Same);
            let swapped = Rows {
                columns: vec!["b".into(), "a".into()],
                rows: exp.rows.iter().map(|r| vec![r[1].clone(), r[0].clone()]).collect(),
            };
            prop_assert_eq!(compare(&exp, &swapped, true), Outcome::Same);
            let mut doubled = exp.clone();
            doubled.rows.push(exp.rows[0].clone());
            let dup = matches!(compare(&exp, &doubled, false), Outcome::Duplicated { extra: 1 });
            prop_assert!(dup);
        }
    }
}

/// Hand-written results: the feedback names what differs, with example rows, and
/// amounts within half a cent are equal (39392.439999999995 from SQLite's binary sum
/// is 39 392,44 €).
#[test]
fn feedback_on_hand_written_results() {
    use clientele::sql::compare::{compare, Outcome};
    use clientele::sql::run::{Cell, Rows};
    let t = |s: &str| Cell::Text(s.to_string());
    let r = |s: &str| Cell::Real(s.to_string());
    let exp = Rows {
        columns: vec!["nom".into(), "ca".into()],
        rows: vec![
            vec![t("Hôtel Le Gall"), r("39392.439999999995")],
            vec![t("Crêperie Henry"), r("29120.26")],
            vec![t("Golf de Niort"), Cell::Int(29000)],
        ],
    };
    let got = Rows {
        columns: vec!["client".into(), "total".into()],
        rows: vec![
            vec![t("Hôtel Le Gall"), r("39392.44")],
            vec![t("Crêperie Henry"), r("29120.26")],
            vec![t("Garage Riou"), r("12.5")],
        ],
    };
    let o = compare(&exp, &got, false);
    assert_eq!(
        o.message(3, 3).unwrap(),
        "Votre résultat a 3 lignes ; le résultat attendu en a 3. Il manque 1 ligne, par exemple \
         (Golf de Niort | 29000). 1 ligne en trop, par exemple (Garage Riou | 12.5)."
    );
    let mut swapped = exp.clone();
    swapped.rows.swap(0, 2);
    assert_eq!(compare(&exp, &swapped, false), Outcome::Same);
    assert_eq!(compare(&exp, &swapped, true), Outcome::WrongOrder);
    let mut one_col = exp.clone();
    one_col.columns.pop();
    for row in &mut one_col.rows {
        row.pop();
    }
    assert_eq!(
        compare(&exp, &one_col, false).message(3, 3).unwrap(),
        "Colonnes : votre résultat a 1 colonne, la question en demande 2 : il en manque."
    );
}

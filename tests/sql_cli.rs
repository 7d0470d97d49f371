//! The S822 types end to end: `generate --db`, `correct` with SQL answers in a TOML
//! file and on standard input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn clientele(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clientele"))
        .args(args)
        .output()
        .expect("run clientele")
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

fn json(id: &str, seed: &str) -> serde_json::Value {
    let o = clientele(&["generate", id, "--seed", seed, "--format", "json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn the_database_file_is_written_once_and_identical() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.sqlite");
    let b = dir.path().join("b.sqlite");
    for path in [&a, &b] {
        let o = clientele(&[
            "generate",
            "sql/requete",
            "--seed",
            "3",
            "--db",
            path.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        assert!(text(&o.stdout).contains("### La base"));
    }
    let bytes = std::fs::read(&a).unwrap();
    assert!(bytes.starts_with(b"SQLite format 3\0"));
    assert_eq!(
        bytes,
        std::fs::read(&b).unwrap(),
        "même graine, même fichier"
    );

    // Never replaced without --force, and nothing is printed then.
    std::fs::write(&b, "mes notes").unwrap();
    let o = clientele(&[
        "generate",
        "sql/requete",
        "--seed",
        "4",
        "--db",
        b.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("existe déjà"),
        "{}",
        text(&o.stderr)
    );
    assert!(o.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&b).unwrap(), "mes notes");
    let o = clientele(&[
        "generate",
        "sql/requete",
        "--seed",
        "4",
        "--db",
        b.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success());
    assert_ne!(std::fs::read(&b).unwrap(), bytes);

    // Types without a database, and several instances, are refused clearly.
    let c = dir.path().join("c.sqlite");
    for args in [
        vec![
            "generate",
            "prix/net-a-payer",
            "--seed",
            "1",
            "--db",
            c.to_str().unwrap(),
        ],
        vec![
            "generate",
            "sql/requete",
            "--count",
            "2",
            "--db",
            c.to_str().unwrap(),
        ],
    ] {
        let o = clientele(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(text(&o.stderr).contains("--db"), "{}", text(&o.stderr));
        assert!(!c.exists());
    }
}

#[test]
fn sql_answers_from_a_toml_file() {
    let v = json("sql/requete", "5");
    let code = v["code"].as_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reponses.toml");
    let mut toml = String::new();
    for q in v["questions"].as_array().unwrap() {
        let reference = q["check"]["reference"].as_str().unwrap();
        toml.push_str(&format!(
            "{} = \"\"\"\n{reference}\n\"\"\"\n",
            q["key"].as_str().unwrap()
        ));
    }
    std::fs::write(&path, &toml).unwrap();
    let o = clientele(&["correct", code, "--answers", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("Score : 6 / 6"), "{out}");

    // A write attempt and an endless query: refused, marked, the run goes on.
    let first = v["questions"][0]["key"].as_str().unwrap();
    let second = v["questions"][1]["key"].as_str().unwrap();
    let hostile = format!(
        "{first} = \"DELETE FROM clients\"\n{second} = \"\"\"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n\"\"\"\n"
    );
    std::fs::write(&path, hostile).unwrap();
    let o = clientele(&[
        "correct",
        code,
        "--answers",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let rep: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rep["results"][0]["verdict"], "unreadable");
    assert!(rep["results"][0]["message"]
        .as_str()
        .unwrap()
        .contains("DELETE est refusé"));
    assert!(rep["results"][1]["message"]
        .as_str()
        .unwrap()
        .contains("limite de calcul"));
}

#[test]
fn a_schema_typed_on_standard_input() {
    let v = json("sql/conception", "2");
    let code = v["code"].as_str().unwrap();
    let reference = v["questions"][0]["check"]["reference"].as_str().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_clientele"))
        .args(["correct", code])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{reference}\n\n").as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let n = reference.lines().count();
    assert!(out.contains(&format!("Score : {n} / {n}")), "{out}");
}

#[test]
fn the_student_sheet_hides_the_reference_queries() {
    let o = clientele(&[
        "generate",
        "sql/requete",
        "--seed",
        "2",
        "--format",
        "json",
        "--sans-corrige",
    ]);
    assert!(o.status.success());
    let out = text(&o.stdout);
    assert!(
        !out.contains("\"check\"") && !out.contains("GROUP BY"),
        "{out}"
    );
    let o = clientele(&["generate", "sql/requete", "--seed", "2", "--sans-corrige"]);
    assert!(!text(&o.stdout).contains("GROUP BY cl."));
}

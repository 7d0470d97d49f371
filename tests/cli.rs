//! End to end, as a user runs the binary: generate → correct.

use std::path::Path;
use std::process::{Command, Output};

fn clientele(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clientele"))
        .args(args)
        .output()
        .expect("run clientele")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json_of(seed: &str) -> serde_json::Value {
    let o = clientele(&[
        "generate",
        "prix/net-a-payer",
        "--seed",
        seed,
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn answers_file(
    dir: &Path,
    v: &serde_json::Value,
    replace: Option<(&str, &str)>,
) -> std::path::PathBuf {
    let mut text = String::new();
    for q in v["questions"].as_array().unwrap() {
        let key = q["key"].as_str().unwrap();
        let answer = match replace {
            Some((k, typed)) if k == key => typed.to_string(),
            // The JSON answer "1234.56" typed the French way: "1 234,56 €", "12,5 %".
            _ => {
                let unit = match q["unit"].as_str().unwrap() {
                    "euros" => " €",
                    "%" => " %",
                    _ => "",
                };
                format!("{}{unit}", q["answer"].as_str().unwrap().replace('.', ","))
            }
        };
        text.push_str(&format!("{key} = \"{answer}\"\n"));
    }
    let path = dir.join(format!("reponses-{}.toml", text.len()));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn generate_is_byte_identical() {
    let a = clientele(&[
        "generate",
        "prix/net-a-payer",
        "--seed",
        "7",
        "--format",
        "json",
    ]);
    let b = clientele(&[
        "generate",
        "prix/net-a-payer",
        "--seed",
        "7",
        "--format",
        "json",
    ]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let v: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    for key in [
        "id",
        "seed",
        "code",
        "savoirs",
        "params",
        "statement",
        "questions",
        "solution",
    ] {
        assert!(v.get(key).is_some(), "clé JSON {key} absente");
    }
    let q = &v["questions"][0];
    for key in [
        "key",
        "prompt",
        "answer",
        "unit",
        "tolerance",
        "points",
        "mistakes",
    ] {
        assert!(q.get(key).is_some(), "clé de question {key} absente");
    }
    assert!(q["answer"].is_string(), "décimaux en chaînes");
}

#[test]
fn right_answers_score_full_marks_and_mistake_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let v = json_of("7");
    let code = v["code"].as_str().unwrap();
    let n = v["questions"].as_array().unwrap().len();
    let right = answers_file(dir.path(), &v, None);
    let o = clientele(&["correct", code, "--answers", right.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(&format!("Score : {n} / {n}")),
        "{}",
        stdout(&o)
    );

    // Pick the first question that has a known mistake and type that value.
    let (key, mistake) = v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|q| {
            q["mistakes"]
                .as_array()
                .unwrap()
                .first()
                .map(|m| (q["key"].as_str().unwrap(), m.clone()))
        })
        .expect("au moins une erreur connue");
    let typed = mistake["answer"].as_str().unwrap().replace('.', ",");
    let wrong = answers_file(dir.path(), &v, Some((key, &typed)));
    let o = clientele(&["correct", code, "--answers", wrong.to_str().unwrap()]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains(mistake["message"].as_str().unwrap()), "{out}");
    assert!(out.contains(mistake["note"].as_str().unwrap()));
    assert!(!out.contains(&format!("Score : {n} / {n}")));
}

#[test]
fn answers_on_standard_input() {
    use std::io::Write;
    let v = json_of("3");
    let mut child = Command::new(env!("CARGO_BIN_EXE_clientele"))
        .args(["correct", v["code"].as_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let first = v["questions"][0]["answer"].as_str().unwrap().to_string();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{first}\n\nabc\n").as_bytes())
        .unwrap();
    let out = String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap();
    assert!(out.contains("→ juste"), "{out}");
    assert!(out.contains("sans réponse"));
    assert!(out.contains("illisible"));
}

#[test]
fn malformed_answer_files_get_french_messages() {
    let dir = tempfile::tempdir().unwrap();
    let v = json_of("7");
    let code = v["code"].as_str().unwrap();
    let cases: [(&str, &[u8], &str); 7] = [
        (
            "syntaxe.toml",
            b"montant_brut = \"12\nnet",
            "(ligne 1) : guillemets non fermés",
        ),
        (
            "double.toml",
            b"tva = \"1\"\ntva = \"2\"\n",
            "(ligne 2) : la même question apparaît deux fois",
        ),
        ("sans-egal.toml", b"tva \"1\"\n", "il manque le signe « = »"),
        ("inconnue.toml", b"remise = \"12\"\n", "Question inconnue"),
        (
            "tableau.toml",
            b"montant_brut = [1, 2]\n",
            "texte entre guillemets",
        ),
        ("latin1.toml", b"montant_brut = \"12 \xe9\"\n", "UTF-8"),
        ("vide.toml", b"", "Score : 0 /"),
    ];
    for (name, bytes, expected) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let o = clientele(&["correct", code, "--answers", p.to_str().unwrap()]);
        let all = stdout(&o) + &stderr(&o);
        assert!(all.contains(expected), "{name}: {all}");
        assert!(!all.contains("panicked"), "{name}");
        if name != "vide.toml" {
            assert_eq!(o.status.code(), Some(1), "{name}");
        }
    }
    let o = clientele(&["correct", code, "--answers", "/pas/de/fichier.toml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("impossible de lire"));
    assert!(
        stderr(&o).contains("ce fichier n'existe pas"),
        "{}",
        stderr(&o)
    );
    let o = clientele(&["correct", code, "--answers", "/tmp"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("c'est un dossier"), "{}", stderr(&o));
}

#[test]
fn bad_codes_and_options_are_usage_errors() {
    for (args, expected) in [
        (vec!["correct", "XYZ-77"], "aucun type"),
        (vec!["correct", "NAP-78"], "clé de contrôle"),
        (vec!["correct", "n'importe quoi"], "illisible"),
        (vec!["generate", "prix/inconnu"], "Type d'exercice inconnu"),
        (
            vec!["generate", "prix/net-a-payer", "--set", "remise=3"],
            "reduction_1",
        ),
        (
            vec!["generate", "prix/net-a-payer", "--set", "quantite"],
            "NOM=VALEUR",
        ),
        (
            vec!["generate", "prix/net-a-payer", "--seed", "-1"],
            "Erreur",
        ),
        (vec!["frobnicate"], "commande inconnue"),
    ] {
        let o = clientele(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(expected), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn fixed_parameters_travel_with_the_code() {
    let o = clientele(&[
        "generate",
        "prix/net-a-payer",
        "--seed",
        "4",
        "--set",
        "quantite=40",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let code = v["code"].as_str().unwrap();
    assert_eq!(code.matches('-').count(), 2, "{code}");
    let without = clientele(&["correct", code, "--format", "json"]);
    assert_eq!(without.status.code(), Some(2));
    assert!(stderr(&without).contains("--set"));
    let other = clientele(&["correct", code, "--set", "quantite=41"]);
    assert_eq!(other.status.code(), Some(2));
    let same = Command::new(env!("CARGO_BIN_EXE_clientele"))
        .args(["correct", code, "--set", "quantite=40"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(same.status.success(), "{}", stderr(&same));
}

#[test]
fn output_file_is_never_overwritten_silently() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("exo.md");
    std::fs::write(&p, "le travail du professeur").unwrap();
    let o = clientele(&[
        "generate",
        "prix/net-a-payer",
        "--seed",
        "1",
        "-o",
        p.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        "le travail du professeur"
    );
    let o = clientele(&[
        "generate",
        "prix/net-a-payer",
        "--seed",
        "1",
        "-o",
        p.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success());
    assert!(std::fs::read_to_string(&p).unwrap().contains("NAP2-1"));
}

#[test]
fn count_gives_consecutive_seeds_and_a_json_array() {
    let o = clientele(&[
        "generate",
        "prix/net-a-payer",
        "--seed",
        "10",
        "--count",
        "3",
        "--format",
        "json",
        "--sans-corrige",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let seeds: Vec<u64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["seed"].as_u64().unwrap())
        .collect();
    assert_eq!(seeds, vec![10, 11, 12]);
    assert!(v[0].get("solution").is_none());
    assert!(v[0]["questions"][0].get("answer").is_none());
}

#[test]
fn list_shows_parameters() {
    let o = clientele(&["list"]);
    let out = stdout(&o);
    assert!(
        out.contains("prix/net-a-payer") && out.contains("escompte_sur") && out.contains("S511"),
        "{out}"
    );
    let o = clientele(&["list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["id"] == "prix/net-a-payer"));
}

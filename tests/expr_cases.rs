//! Runs the shared cases of `tests/data/expr_cases.toml`.

use std::collections::BTreeMap;
use std::str::FromStr;

use clientele::expr::{eval_str, Expr};
use rust_decimal::Decimal;
use serde::Deserialize;

const KNOWN_CODES: [&str; 7] = [
    "syntaxe",
    "variable-inconnue",
    "fonction-inconnue",
    "arite",
    "division-par-zero",
    "depassement",
    "argument",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    expr: String,
    #[serde(default)]
    vars: BTreeMap<String, String>,
    value: Option<String>,
    error: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

fn load() -> Vec<Case> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/expr_cases.toml");
    let text = std::fs::read_to_string(path).expect("lecture des cas partagés");
    let file: CaseFile = toml::from_str(&text).expect("cas partagés mal formés");
    file.case
}

#[test]
fn shared_cases() {
    let cases = load();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let vars: BTreeMap<String, Decimal> = case
            .vars
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    Decimal::from_str_exact(v).expect("variable décimale"),
                )
            })
            .collect();
        let lookup = |name: &str| vars.get(name).copied();
        let got = eval_str(&case.expr, &lookup);
        let ok = match (&case.value, &case.error, &got) {
            (Some(v), None, Ok(d)) => Decimal::from_str(v).expect("valeur décimale") == *d,
            (None, Some(code), Err(e)) => {
                assert!(KNOWN_CODES.contains(&code.as_str()), "code inconnu {code}");
                e.code() == code
            }
            (Some(_), Some(_), _) | (None, None, _) => {
                panic!("case #{i} `{}`: exactly one of value/error", case.expr)
            }
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "case #{i} `{}`: expected {:?}/{:?}, got {:?}",
                case.expr, case.value, case.error, got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_error_code_is_covered() {
    let cases = load();
    for code in KNOWN_CODES {
        assert!(
            cases.iter().any(|c| c.error.as_deref() == Some(code)),
            "no case for {code}"
        );
    }
}

#[test]
fn successful_cases_reparse_identically() {
    for case in load().iter().filter(|c| c.value.is_some()) {
        let e = Expr::parse(&case.expr).unwrap();
        assert_eq!(e.source(), case.expr);
        for name in e.variables() {
            assert!(case.vars.contains_key(&name), "{name} in `{}`", case.expr);
        }
    }
}

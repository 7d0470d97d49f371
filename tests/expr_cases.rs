//! Runs the shared expression cases (`tests/data/expr_cases.toml`), which the book's
//! JavaScript evaluator runs too.

use clientele::expr::eval_str;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    expr: String,
    #[serde(default)]
    vars: BTreeMap<String, String>,
    value: Option<String>,
    error: Option<String>,
}

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[test]
fn shared_cases() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/expr_cases.toml"
    ))
    .unwrap();
    let table: Table = toml::from_str(&text).unwrap();
    assert!(table.case.len() >= 40);
    for c in &table.case {
        let vars: BTreeMap<&str, Decimal> = c
            .vars
            .iter()
            .map(|(k, v)| (k.as_str(), v.parse::<Decimal>().unwrap()))
            .collect();
        let got = eval_str(&c.expr, &|n| vars.get(n).copied());
        match (&c.value, &c.error) {
            (Some(v), None) => assert_eq!(got, Ok(v.parse::<Decimal>().unwrap()), "{}", c.expr),
            (None, Some(code)) => {
                assert_eq!(got.map_err(|e| e.code()), Err(code.as_str()), "{}", c.expr)
            }
            _ => panic!("cas mal formé : {}", c.expr),
        }
    }
}

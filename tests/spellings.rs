//! Checks every case of the shared table `tests/data/answer_spellings.toml`
//! (also read by the JavaScript tests) against `parse_answer`.

use clientele::num::parse::{parse_answer, TypedUnit};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::str::FromStr;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    input: String,
    value: Option<String>,
    unit: Option<String>,
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    case: Vec<Case>,
}

fn load() -> Table {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/answer_spellings.toml"
    );
    let text = std::fs::read_to_string(path).expect("read answer_spellings.toml");
    toml::from_str(&text).expect("parse answer_spellings.toml")
}

fn unit_name(unit: Option<TypedUnit>) -> Option<&'static str> {
    unit.map(|u| match u {
        TypedUnit::Euros => "euros",
        TypedUnit::Percent => "percent",
        TypedUnit::Days => "days",
        TypedUnit::Years => "years",
        TypedUnit::Months => "months",
    })
}

#[test]
fn table_is_big_enough() {
    let table = load();
    let valid = table.case.iter().filter(|c| c.value.is_some()).count();
    let errors = table.case.iter().filter(|c| c.error.is_some()).count();
    assert!(table.case.len() >= 45, "{} cases", table.case.len());
    assert!(valid >= 30, "{valid} valid cases");
    assert!(errors >= 15, "{errors} error cases");
}

#[test]
fn every_spelling_parses_as_expected() {
    let mut failures = Vec::new();
    for case in load().case {
        let got = parse_answer(&case.input);
        match (&case.value, &case.error) {
            (Some(value), None) => {
                let want = Decimal::from_str(value).expect("value in table");
                match got {
                    Ok(p) if p.value == want && unit_name(p.unit) == case.unit.as_deref() => {}
                    other => failures.push(format!(
                        "{:?}: want {value} {:?}, got {other:?}",
                        case.input, case.unit
                    )),
                }
            }
            (None, Some(code)) => {
                assert!(
                    case.unit.is_none(),
                    "{:?}: unit on an error case",
                    case.input
                );
                match got {
                    Err(e) if e.code() == code => {
                        // Every message must be non-empty French text.
                        assert!(!e.to_string().is_empty());
                    }
                    other => failures.push(format!(
                        "{:?}: want error {code}, got {other:?}",
                        case.input
                    )),
                }
            }
            _ => panic!("{:?}: needs exactly one of value / error", case.input),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

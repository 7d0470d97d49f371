//! `clientele lot` (hidden): evaluates expressions and marks answers in bulk, one JSON
//! line in, one JSON line out, so that the browser's tests compare their verdicts with
//! Rust's over thousands of cases without starting a process for each.
//!
//! Input lines are either `{"expr": "…", "vars": {"name": "1.5"}}`, answered by
//! `{"value": "…"}` or `{"error": "code"}`, or `{"code": "NAP2-11", "answers": {"key":
//! "typed"}}`, answered by the report of `clientele correct --format json` on one line.
//! A line that cannot be read is answered by `{"invalid": "why"}`: the run goes on.

use clientele::correct::correct;
use clientele::expr::Expr;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(untagged)]
enum Request {
    Expr {
        expr: String,
        #[serde(default)]
        vars: BTreeMap<String, String>,
    },
    Correct {
        code: String,
        answers: BTreeMap<String, String>,
        #[serde(default)]
        set: Vec<String>,
    },
}

pub fn run() -> Result<(), String> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| format!("lecture de l'entrée impossible : {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let answer = match serde_json::from_str::<Request>(&line) {
            Ok(request) => answer(request),
            Err(e) => json!({ "invalid": e.to_string() }),
        };
        writeln!(out, "{answer}").map_err(|e| format!("écriture impossible : {e}"))?;
    }
    out.flush()
        .map_err(|e| format!("écriture impossible : {e}"))
}

fn answer(request: Request) -> Value {
    match request {
        Request::Expr { expr, vars } => {
            let vars: BTreeMap<String, Option<Decimal>> = vars
                .into_iter()
                .map(|(k, v)| (k, Decimal::from_str(&v).ok()))
                .collect();
            let result =
                Expr::parse(&expr).and_then(|e| e.eval(&|n| vars.get(n).copied().flatten()));
            match result {
                Ok(v) => json!({ "value": v.to_string() }),
                Err(e) => json!({ "error": e.code() }),
            }
        }
        Request::Correct { code, answers, set } => match super::correct::regenerate(&code, &set) {
            Ok(instance) => serde_json::to_value(correct(&instance, &answers))
                .unwrap_or_else(|e| json!({ "invalid": e.to_string() })),
            Err(msg) => json!({ "invalid": msg }),
        },
    }
}

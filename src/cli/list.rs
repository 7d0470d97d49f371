//! `clientele list`.

use super::args::{ListArgs, ListFormat};
use clientele::catalog::catalog;
use clientele::exercises;
use clientele::generate::{ParamKind, ParamSpec};
use serde_json::json;

pub fn run(a: ListArgs) -> Result<(), String> {
    let text = match a.format {
        ListFormat::Text => text(),
        ListFormat::Json => {
            let mut s = serde_json::to_string_pretty(&json_value()).expect("JSON");
            s.push('\n');
            s
        }
    };
    super::output::write(None, &text, false)
}

fn text() -> String {
    let mut out = String::new();
    for t in &catalog().types {
        let Some(ex) = exercises::find(&t.id) else {
            continue;
        };
        out.push_str(&format!(
            "{}  [{}]  {} — savoirs {} — difficulté {}/3\n    {}\n    Paramètres (--set NOM=VALEUR) :\n",
            t.id,
            t.prefixe,
            t.titre,
            t.savoirs.join(", "),
            t.difficulte,
            t.description
        ));
        for p in ex.params() {
            out.push_str(&format!(
                "      {} : {} — {}\n",
                p.name,
                p.domain(),
                p.description
            ));
        }
        out.push('\n');
    }
    out
}

fn param_json(p: &ParamSpec) -> serde_json::Value {
    match &p.kind {
        ParamKind::Decimal { min, max, unit } => json!({
            "name": p.name, "description": p.description, "kind": "decimal",
            "min": min.to_string(), "max": max.to_string(), "unit": unit,
        }),
        ParamKind::Integer { min, max } => json!({
            "name": p.name, "description": p.description, "kind": "integer", "min": min, "max": max,
        }),
        ParamKind::Choice { values, default } => json!({
            "name": p.name, "description": p.description,
            "kind": if default.is_some() { "convention" } else { "variant" },
            "values": values.iter().map(|(v, d)| json!({"value": v, "description": d})).collect::<Vec<_>>(),
            "default": default,
        }),
    }
}

fn json_value() -> serde_json::Value {
    let types: Vec<_> = catalog()
        .types
        .iter()
        .filter_map(|t| {
            let ex = exercises::find(&t.id)?;
            Some(json!({
                "id": t.id, "prefix": t.prefixe, "title": t.titre, "savoirs": t.savoirs,
                "difficulty": t.difficulte, "description": t.description,
                "params": ex.params().iter().map(param_json).collect::<Vec<_>>(),
            }))
        })
        .collect();
    serde_json::Value::Array(types)
}

//! The database as Markdown: schema, sample rows, result tables.

use super::db::{Database, Table};
use super::run::{Cell, Rows};
use crate::model::ResultTable;

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The schema of `tables`: one Markdown table of columns per table, keys named.
pub fn schema(db: &Database, tables: &[&str]) -> String {
    let mut out = String::new();
    for name in tables {
        let t = db.table(name);
        out.push_str(&format!(
            "**{}** ({} lignes) — {}\n\n| colonne | type | signification |\n|---|---|---|\n",
            t.name,
            t.rows.len(),
            keys(t)
        ));
        for c in &t.columns {
            out.push_str(&format!(
                "| `{}` | {} | {} |\n",
                c.name, c.sql_type, c.meaning
            ));
        }
        out.push('\n');
    }
    out
}

fn keys(t: &Table) -> String {
    t.constraints
        .split(",\n")
        .map(|c| {
            let c = c.trim();
            if let Some(k) = c.strip_prefix("PRIMARY KEY ") {
                format!("clé primaire {k}")
            } else if let Some(k) = c.strip_prefix("FOREIGN KEY ") {
                format!("clé étrangère {}", k.replace(" REFERENCES ", " → "))
            } else {
                c.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// The first `n` rows of a table, as a Markdown table.
pub fn sample(db: &Database, name: &str, n: usize) -> String {
    let t = db.table(name);
    let header: Vec<&str> = t.columns.iter().map(|c| c.name).collect();
    let rows: Vec<Vec<Option<String>>> = t
        .rows
        .iter()
        .take(n)
        .map(|r| {
            r.iter()
                .map(|v| match v {
                    super::db::Val::Null => None,
                    v => Some(visible_spaces(&v.shown())),
                })
                .collect()
        })
        .collect();
    table_markdown(&header, &rows)
}

fn table_markdown(header: &[&str], rows: &[Vec<Option<String>>]) -> String {
    let mut out = format!(
        "| {} |\n|{}|\n",
        header
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | "),
        vec!["---"; header.len()].join("|")
    );
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .map(|c| c.as_deref().map_or("NULL".to_string(), cell))
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// Stored rows of an expected result (the book shows them).
pub const STORED_ROWS: usize = 100;

/// A query result as stored in an instance.
pub fn result_table(rows: &Rows) -> ResultTable {
    ResultTable {
        columns: rows.columns.clone(),
        rows: rows
            .rows
            .iter()
            .take(STORED_ROWS)
            .map(|r| r.iter().map(shown_cell).collect())
            .collect(),
    }
}

/// A result cell for reading: reals to the cent (SQLite sums in binary floating point,
/// 39392.439999999995 is read 39392.44), rounded half away from zero.
fn shown_cell(c: &Cell) -> Option<String> {
    match c {
        Cell::Real(r) => Some(
            r.parse::<rust_decimal::Decimal>()
                .map(|d| crate::num::round::round_cents(d).normalize().to_string())
                .unwrap_or_else(|_| r.clone()),
        ),
        other => other.as_text(),
    }
}

/// At most `n` rows of a stored result, as Markdown, with a note when cut.
pub fn result_markdown(t: &ResultTable, total: usize, n: usize) -> String {
    let header: Vec<&str> = t.columns.iter().map(String::as_str).collect();
    let shown = &t.rows[..t.rows.len().min(n)];
    let mut out = table_markdown(&header, shown);
    if total > shown.len() {
        out.push_str(&format!(
            "\n*({} premières lignes sur {total})*\n",
            shown.len()
        ));
    }
    out
}

/// Leading and trailing spaces, which a Markdown table would swallow, shown as « ␣ ».
fn visible_spaces(s: &str) -> String {
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len();
    if start == 0 && end == s.len() {
        return s.to_string();
    }
    if s.trim().is_empty() {
        return "␣".repeat(s.chars().count());
    }
    format!(
        "{}{}{}",
        "␣".repeat(start),
        &s[start..end],
        "␣".repeat(s.len() - end)
    )
}

//! Comparing a student's result with the reference result.
//!
//! Column names are free and columns may come in another order (they are matched by
//! their content); numbers are equal within [`TOLERANCE`] (a rounded amount matches an
//! unrounded one); the order of rows matters only when the question asks for one. The
//! feedback says what differs, with a few example rows.

use super::run::{Cell, Rows};
use rust_decimal::Decimal;
use std::str::FromStr;

/// Two numbers closer than this are equal (half a cent and a bit: `ROUND(x, 2)` and
/// `x` agree).
pub const TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 2);
/// Example rows shown in the feedback for each kind of difference.
const EXAMPLES: usize = 3;

#[derive(Debug, Clone, PartialEq)]
enum Norm {
    Null,
    Num(Decimal),
    Text(String),
}

fn norm(c: &Cell) -> Norm {
    match c {
        Cell::Null => Norm::Null,
        Cell::Int(i) => Norm::Num(Decimal::from(*i)),
        Cell::Real(r) => Decimal::from_str(r).map_or_else(|_| Norm::Text(r.clone()), Norm::Num),
        Cell::Text(s) => match Decimal::from_str(s.trim()) {
            Ok(d) if !s.trim().is_empty() => Norm::Num(d),
            _ => Norm::Text(s.clone()),
        },
        Cell::Blob(n) => Norm::Text(format!("<blob {n}>")),
    }
}

fn same(a: &Norm, b: &Norm) -> bool {
    match (a, b) {
        (Norm::Null, Norm::Null) => true,
        (Norm::Num(x), Norm::Num(y)) => x.checked_sub(*y).is_some_and(|d| d.abs() <= TOLERANCE),
        (Norm::Text(x), Norm::Text(y)) => x == y,
        _ => false,
    }
}

fn same_row(a: &[Norm], b: &[Norm]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
}

fn order_key(n: &Norm) -> (u8, Decimal, &str) {
    match n {
        Norm::Null => (0, Decimal::ZERO, ""),
        Norm::Num(d) => (1, *d, ""),
        Norm::Text(s) => (2, Decimal::ZERO, s.as_str()),
    }
}

fn sorted(col: &[Norm]) -> Vec<Norm> {
    let mut v = col.to_vec();
    v.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
    v
}

/// What the comparison found.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Same,
    /// Same rows as the reference, in another order, when an order is asked.
    WrongOrder,
    /// Every row of the reference, but some several times (a join that multiplies).
    Duplicated {
        extra: usize,
    },
    WrongColumns(String),
    Rows {
        missing: Vec<Vec<String>>,
        extra: Vec<Vec<String>>,
        missing_n: usize,
        extra_n: usize,
    },
}

/// The student's columns matched to the reference's, by content: `map[j]` is the
/// student column holding reference column `j`.
fn match_columns(exp: &[Vec<Norm>], got: &[Vec<Norm>]) -> Option<Vec<usize>> {
    let ne = exp.first().map_or(0, Vec::len);
    let ng = got.first().map_or(0, Vec::len);
    let column = |rows: &[Vec<Norm>], j: usize| -> Vec<Norm> {
        sorted(&rows.iter().map(|r| r[j].clone()).collect::<Vec<_>>())
    };
    let exp_cols: Vec<Vec<Norm>> = (0..ne).map(|j| column(exp, j)).collect();
    let got_cols: Vec<Vec<Norm>> = (0..ng).map(|j| column(got, j)).collect();
    let candidates: Vec<Vec<usize>> = exp_cols
        .iter()
        .map(|e| {
            (0..ng)
                .filter(|&k| same_row(e, &got_cols[k]))
                .collect::<Vec<_>>()
        })
        .collect();
    fn assign(j: usize, cands: &[Vec<usize>], used: &mut Vec<bool>, map: &mut Vec<usize>) -> bool {
        if j == cands.len() {
            return true;
        }
        for &k in &cands[j] {
            if !used[k] {
                used[k] = true;
                map.push(k);
                if assign(j + 1, cands, used, map) {
                    return true;
                }
                map.pop();
                used[k] = false;
            }
        }
        false
    }
    // Identity first: the usual case, and the right one when columns look alike.
    if ne <= ng && (0..ne).all(|j| candidates[j].contains(&j)) {
        return Some((0..ne).collect());
    }
    let mut map = Vec::new();
    assign(0, &candidates, &mut vec![false; ng], &mut map).then_some(map)
}

fn shown(row: &[Cell]) -> Vec<String> {
    row.iter().map(Cell::shown).collect()
}

/// Compares `got` with the reference `exp`.
pub fn compare(exp: &Rows, got: &Rows, ordered: bool) -> Outcome {
    let ne = exp.columns.len();
    let ng = got.columns.len();
    let e: Vec<Vec<Norm>> = exp
        .rows
        .iter()
        .map(|r| r.iter().map(norm).collect())
        .collect();
    let mut g: Vec<Vec<Norm>> = got
        .rows
        .iter()
        .map(|r| r.iter().map(norm).collect())
        .collect();
    let mut got_rows: Vec<Vec<Cell>> = got.rows.clone();
    if ng != ne {
        let what = if ng > ne {
            match (!e.is_empty() && !g.is_empty())
                .then(|| match_columns(&e, &g))
                .flatten()
            {
                Some(_) => format!(
                    "votre résultat a {ng} colonnes, la question en demande {ne} : les bonnes \
                     colonnes y sont, mais retirez celles qui ne sont pas demandées"
                ),
                None => format!("votre résultat a {ng} colonnes, la question en demande {ne}"),
            }
        } else {
            format!(
                "votre résultat a {ng} colonne{}, la question en demande {ne} : il en manque",
                if ng > 1 { "s" } else { "" }
            )
        };
        return Outcome::WrongColumns(what);
    }
    if !e.is_empty() && !g.is_empty() {
        if let Some(map) = match_columns(&e, &g) {
            if map.iter().enumerate().any(|(j, &k)| j != k) {
                g = g
                    .iter()
                    .map(|r| map.iter().map(|&k| r[k].clone()).collect())
                    .collect();
                got_rows = got_rows
                    .iter()
                    .map(|r| map.iter().map(|&k| r[k].clone()).collect())
                    .collect();
            }
        }
    }
    // Greedy matching of rows, each reference row with one student row.
    let mut used = vec![false; g.len()];
    let mut missing = Vec::new();
    for (i, row) in e.iter().enumerate() {
        match (0..g.len()).find(|&k| !used[k] && same_row(row, &g[k])) {
            Some(k) => used[k] = true,
            None => missing.push(i),
        }
    }
    let extra: Vec<usize> = (0..g.len()).filter(|&k| !used[k]).collect();
    if missing.is_empty() && extra.is_empty() {
        if ordered && !e.iter().zip(&g).all(|(a, b)| same_row(a, b)) {
            return Outcome::WrongOrder;
        }
        return Outcome::Same;
    }
    if missing.is_empty() && extra.iter().all(|&k| e.iter().any(|r| same_row(r, &g[k]))) {
        return Outcome::Duplicated { extra: extra.len() };
    }
    Outcome::Rows {
        missing: missing
            .iter()
            .take(EXAMPLES)
            .map(|&i| shown(&exp.rows[i]))
            .collect(),
        extra: extra
            .iter()
            .take(EXAMPLES)
            .map(|&k| shown(&got_rows[k]))
            .collect(),
        missing_n: missing.len(),
        extra_n: extra.len(),
    }
}

fn rows_text(rows: &[Vec<String>]) -> String {
    rows.iter()
        .map(|r| format!("({})", r.join(" | ")))
        .collect::<Vec<_>>()
        .join(", ")
}

fn lines(n: usize) -> String {
    if n > 1 {
        format!("{n} lignes")
    } else {
        format!("{n} ligne")
    }
}

impl Outcome {
    /// The French feedback, `None` when the result is right.
    pub fn message(&self, expected_rows: usize, got_rows: usize) -> Option<String> {
        match self {
            Outcome::Same => None,
            Outcome::WrongOrder => Some(
                "Les bonnes lignes, mais pas dans l'ordre demandé : vérifiez ORDER BY (colonne de \
                 tri, ASC pour croissant, DESC pour décroissant)."
                    .into(),
            ),
            Outcome::Duplicated { extra } => Some(format!(
                "Toutes les lignes attendues y sont, mais certaines plusieurs fois ({} en trop : \
                 {} au lieu de {}).",
                lines(*extra),
                got_rows,
                expected_rows
            )),
            Outcome::WrongColumns(what) => Some(format!("Colonnes : {what}.")),
            Outcome::Rows {
                missing,
                extra,
                missing_n,
                extra_n,
            } => {
                let mut parts = vec![format!(
                    "Votre résultat a {} ; le résultat attendu en a {}.",
                    lines(got_rows),
                    expected_rows
                )];
                if *missing_n > 0 {
                    parts.push(format!(
                        "Il manque {}, par exemple {}.",
                        lines(*missing_n),
                        rows_text(missing)
                    ));
                }
                if *extra_n > 0 {
                    parts.push(format!(
                        "{} en trop, par exemple {}.",
                        crate::text::capitalise(&lines(*extra_n)),
                        rows_text(extra)
                    ));
                }
                Some(parts.join(" "))
            }
        }
    }
}

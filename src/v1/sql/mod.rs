//! S822: SQL queries, data cleaning and relational design on a generated customer
//! database (`crate::sql`).

pub mod conception;
pub mod fiabilisation;
pub mod requete;

use crate::generate::{Degenerate, ParamSpec};
use crate::model::{Check, QueryVariant, Question, SqlCheck, Unit};
use crate::sql::db::Database;
use crate::sql::render::{result_markdown, result_table};
use crate::sql::run::Sandbox;
use rust_decimal::Decimal;

/// The `base` parameter: which generated database an instance uses.
pub fn base_spec() -> ParamSpec {
    ParamSpec::integer(
        crate::sql::BASE_PARAM,
        "numéro de la base clients générée (la même base pour le même numéro)",
        1,
        999_999,
    )
}

/// Rows of a trusted query of the generator, as text (NULL as empty).
pub fn strings(sandbox: &Sandbox, sql: &str) -> Vec<Vec<String>> {
    sandbox
        .query(sql)
        .unwrap_or_else(|e| panic!("requête du générateur invalide : {} — {sql}", e.message))
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.as_text().unwrap_or_default()).collect())
        .collect()
}

/// A classic wrong query, with its note and French message.
pub fn variant(query: String, note: &'static str, message: impl Into<String>) -> QueryVariant {
    QueryVariant {
        query,
        note,
        message: message.into(),
    }
}

/// What a query question needs.
pub struct QuerySpec {
    pub key: &'static str,
    pub label: &'static str,
    pub prompt: String,
    pub reference: String,
    pub order_by: Vec<usize>,
    pub variants: Vec<QueryVariant>,
    /// How the reference query works, in Markdown (the step, before the result).
    pub explanation: String,
    pub points: Decimal,
}

/// Expected rows a question may have: none would be a poor exercise, too many cannot
/// be read.
const MAX_EXPECTED: usize = 60;

/// A query question: the reference is run to store the expected result, and classic
/// wrong queries that give the same result as the reference for this database are
/// dropped (they could not be told apart).
pub fn query_question(sandbox: &Sandbox, s: QuerySpec) -> Result<Question, Degenerate> {
    let rows = sandbox.query(&s.reference).unwrap_or_else(|e| {
        panic!(
            "requête de référence invalide : {} — {}",
            e.message, s.reference
        )
    });
    if rows.rows.is_empty() || rows.rows.len() > MAX_EXPECTED {
        return Err(Degenerate(
            format!("{} : {} lignes attendues", s.key, rows.rows.len()).into(),
        ));
    }
    let mut kept: Vec<QueryVariant> = Vec::new();
    let mut seen = vec![rows.clone()];
    for v in s.variants {
        let Ok(r) = sandbox.query(&v.query) else {
            continue;
        };
        if seen.iter().any(|x| {
            crate::sql::compare::compare(x, &r, false) == crate::sql::compare::Outcome::Same
        }) {
            continue;
        }
        seen.push(r);
        kept.push(v);
    }
    let expected = result_table(&rows);
    let n = rows.rows.len();
    let step = format!(
        "Une requête qui convient :\n\n```sql\n{}\n```\n\n{}\n\nRésultat attendu ({} ligne{}{}) :\n\n{}",
        s.reference,
        s.explanation,
        n,
        if n > 1 { "s" } else { "" },
        if s.order_by.is_empty() {
            ", dans n'importe quel ordre"
        } else {
            ", dans cet ordre"
        },
        result_markdown(&expected, n, 12)
    );
    Ok(Question::new(
        s.key,
        s.label,
        s.prompt,
        Decimal::from(n as u64),
        Unit::Number,
    )
    .points(s.points)
    .step(step)
    .checked_by(Check::Sql(SqlCheck {
        reference: s.reference,
        order_by: s.order_by,
        expected,
        variants: kept,
    })))
}

/// How to practise with the database file, for every statement of the family.
pub fn practice_note() -> String {
    "Pour vous entraîner sur la base : relancez la commande qui a produit cet énoncé en \
     ajoutant `--db base.sqlite` (le fichier s'ouvre avec `sqlite3 base.sqlite` ou tout \
     logiciel SQLite), écrivez vos réponses dans un fichier `reponses.toml` \
     (`cle = \"\"\"SELECT …\"\"\"`) et faites-les corriger par `clientele correct CODE \
     --answers reponses.toml` : votre requête est exécutée et son résultat comparé au \
     résultat attendu."
        .to_string()
}

/// The database of a drawn base number, with its sandbox.
pub fn open(base: i64) -> (Database, Sandbox) {
    let db = Database::generate(u64::try_from(base).unwrap_or(1));
    let sandbox = Sandbox::new(&db).expect("base générée valide");
    (db, sandbox)
}

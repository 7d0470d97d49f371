//! Running a student's query, which is untrusted input.
//!
//! The query runs on a read-only in-memory copy of the database (deserialised from the
//! generated file, so that nothing it does can reach the original), with an authorizer
//! that lets through reading only (no ATTACH, PRAGMA, writes, schema changes or
//! extension loading), a single SELECT / WITH statement, limits on the length of
//! strings and of the query, a budget of virtual-machine steps and of time (progress
//! handler) and a limit on the rows returned. Every refusal is a French message.

use super::db::Database;
use rusqlite::config::DbConfig;
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::limits::Limit;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Rows a student's query may return before it is cut off.
pub const MAX_ROWS: usize = 5_000;
/// Wall-clock budget of one query.
pub const TIME_LIMIT: Duration = Duration::from_secs(2);
/// Virtual-machine instructions between two calls of the progress handler.
const STEP: i32 = 10_000;
/// Calls of the progress handler before a query is stopped (5 × 10⁷ instructions,
/// far beyond any query of these exercises on this small database).
const MAX_CALLS: u32 = 5_000;

/// A query result: column names and text cells (`None` for NULL).
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A cell as read from SQLite. Reals are read through their shortest decimal text so
/// that they can be compared as exact decimals.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(String),
    Text(String),
    Blob(usize),
}

impl Cell {
    pub fn shown(&self) -> String {
        match self {
            Cell::Null => "NULL".into(),
            Cell::Int(i) => i.to_string(),
            Cell::Real(r) => r.clone(),
            Cell::Text(s) => s.clone(),
            Cell::Blob(n) => format!("<données binaires, {n} octets>"),
        }
    }

    pub fn as_text(&self) -> Option<String> {
        match self {
            Cell::Null => None,
            other => Some(other.shown()),
        }
    }
}

/// Why a query was refused or stopped.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryError {
    /// Stable id (`syntaxe`, `ecriture-interdite`, `temps-depasse`…).
    pub kind: &'static str,
    pub message: String,
}

fn err(kind: &'static str, message: impl Into<String>) -> QueryError {
    QueryError {
        kind,
        message: message.into(),
    }
}

/// A read-only copy of one database, ready for untrusted queries.
pub struct Sandbox {
    conn: Connection,
    stop: Arc<AtomicBool>,
}

impl Sandbox {
    pub fn new(db: &Database) -> Result<Sandbox, QueryError> {
        let bytes = db.file_bytes().map_err(|e| {
            err(
                "interne",
                format!("base de données impossible à construire : {e}"),
            )
        })?;
        Sandbox::from_bytes(&bytes)
    }

    /// A sandbox on a copy of a database file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Sandbox, QueryError> {
        let internal =
            |e: rusqlite::Error| err("interne", format!("base de données inutilisable : {e}"));
        let mut conn = Connection::open_with_flags(
            ":memory:",
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )
        .map_err(internal)?;
        conn.deserialize_read_exact(rusqlite::MAIN_DB, bytes, bytes.len(), true)
            .map_err(internal)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)
            .map_err(internal)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)
            .map_err(internal)?;
        // "Rennes" in double quotes is a column name in standard SQL: SQLite's
        // leniency would hide the mistake from the student.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DQS_DML, false)
            .map_err(internal)?;
        conn.execute_batch("PRAGMA query_only = ON")
            .map_err(internal)?;
        conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, 1_000_000)
            .map_err(internal)?;
        conn.set_limit(Limit::SQLITE_LIMIT_SQL_LENGTH, 20_000)
            .map_err(internal)?;
        conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)
            .map_err(internal)?;
        conn.authorizer(Some(authorize)).map_err(internal)?;
        Ok(Sandbox {
            conn,
            stop: Arc::new(AtomicBool::new(false)),
        })
    }

    /// Runs `sql` under the limits. Trusted reference queries go through here too, so
    /// that a reference that breaks a limit fails the tests rather than a student.
    pub fn query(&self, sql: &str) -> Result<Rows, QueryError> {
        let text = sql.trim().trim_start_matches('\u{feff}');
        let body = strip_comments(text);
        let first = body
            .split(|c: char| !c.is_ascii_alphabetic())
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_ascii_uppercase();
        if body.trim().is_empty() {
            return Err(err("vide", "Réponse vide : écrivez une requête SELECT."));
        }
        if first != "SELECT" && first != "WITH" && first != "VALUES" {
            return Err(refused_statement(&first));
        }
        let started = Instant::now();
        self.stop.store(false, Ordering::SeqCst);
        let mut count = 0u32;
        let flag = Arc::clone(&self.stop);
        self.conn
            .progress_handler(
                STEP,
                Some(move || {
                    count += 1;
                    let over = count > MAX_CALLS || started.elapsed() > TIME_LIMIT;
                    if over {
                        flag.store(true, Ordering::SeqCst);
                    }
                    over
                }),
            )
            .map_err(|e| err("interne", e.to_string()))?;
        let result = self.run(text);
        let _ = self.conn.progress_handler(0, None::<fn() -> bool>);
        result.map_err(|e| {
            if self.stop.load(Ordering::SeqCst) {
                err(
                    "temps-depasse",
                    format!(
                        "Requête arrêtée : elle dépasse la limite de calcul ({} s). \
                         Une requête récursive (WITH RECURSIVE) sans condition d'arrêt, ou un \
                         produit cartésien (jointure sans condition), ne se termine pas.",
                        TIME_LIMIT.as_secs()
                    ),
                )
            } else {
                e
            }
        })
    }

    fn run(&self, sql: &str) -> Result<Rows, QueryError> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| french(&e, sql))?;
        if !stmt.readonly() {
            return Err(err(
                "ecriture-interdite",
                "Seules les requêtes de lecture (SELECT) sont acceptées : la base ne peut pas être modifiée.",
            ));
        }
        let columns: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
        let n = columns.len();
        let mut rows = Vec::new();
        let mut cursor = stmt.query([]).map_err(|e| french(&e, sql))?;
        loop {
            let row = match cursor.next() {
                Ok(Some(r)) => r,
                Ok(None) => break,
                Err(e) => return Err(french(&e, sql)),
            };
            if rows.len() == MAX_ROWS {
                return Err(err(
                    "trop-de-lignes",
                    format!(
                        "Requête arrêtée : elle renvoie plus de {} lignes. Aucune question n'en \
                         demande autant : vérifiez les conditions (WHERE) et les jointures.",
                        crate::num::format::number(MAX_ROWS.into(), 0)
                    ),
                ));
            }
            let mut cells = Vec::with_capacity(n);
            for i in 0..n {
                let v = row.get_ref(i).map_err(|e| french(&e, sql))?;
                cells.push(match v {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(x) => Cell::Int(x),
                    // The shortest text that reads back as the same double: SQLite's
                    // binary result, written in decimal.
                    ValueRef::Real(x) => Cell::Real(format!("{x}")),
                    ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Cell::Blob(b.len()),
                });
            }
            rows.push(cells);
        }
        Ok(Rows { columns, rows })
    }
}

/// The authorizer: reading is allowed, everything else is refused with a message
/// SQLite reports as "not authorized".
fn authorize(ctx: AuthContext<'_>) -> Authorization {
    match ctx.action {
        AuthAction::Select | AuthAction::Read { .. } | AuthAction::Recursive => {
            Authorization::Allow
        }
        AuthAction::Function { function_name } => {
            let f = function_name.to_ascii_lowercase();
            if [
                "load_extension",
                "readfile",
                "writefile",
                "edit",
                "fts3_tokenizer",
            ]
            .contains(&f.as_str())
            {
                Authorization::Deny
            } else {
                Authorization::Allow
            }
        }
        _ => Authorization::Deny,
    }
}

/// A refusal of a statement that is not a query, named after its first keyword.
fn refused_statement(first: &str) -> QueryError {
    match first {
        "ATTACH" | "DETACH" => err(
            "attach-interdit",
            "ATTACH est refusé : la requête ne peut lire que la base de l'exercice.",
        ),
        "PRAGMA" => err(
            "pragma-interdit",
            "PRAGMA est refusé : seules les requêtes SELECT sont acceptées.",
        ),
        "INSERT" | "UPDATE" | "DELETE" | "REPLACE" | "CREATE" | "DROP" | "ALTER" | "VACUUM"
        | "REINDEX" | "ANALYZE" | "BEGIN" | "COMMIT" | "ROLLBACK" | "SAVEPOINT" | "RELEASE" => err(
            "ecriture-interdite",
            format!(
                "{first} est refusé : la base ne peut pas être modifiée, seules les requêtes \
                     de lecture (SELECT ou WITH … SELECT) sont acceptées."
            ),
        ),
        "" => err(
            "syntaxe",
            "Ce n'est pas une requête SQL : une requête commence par SELECT (ou WITH).",
        ),
        _ => err(
            "syntaxe",
            format!(
                "« {first} » : une requête commence par SELECT (ou WITH). Seule une requête de \
                 lecture est acceptée."
            ),
        ),
    }
}

/// The text without its SQL comments (for reading the first keyword only; SQLite
/// parses the original).
fn strip_comments(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut rest = sql;
    loop {
        let rest_trim = rest.trim_start();
        if let Some(r) = rest_trim.strip_prefix("--") {
            rest = r.find('\n').map_or("", |n| &r[n + 1..]);
        } else if let Some(r) = rest_trim.strip_prefix("/*") {
            rest = r.find("*/").map_or("", |n| &r[n + 2..]);
        } else {
            out.push_str(rest_trim);
            return out;
        }
    }
}

/// Line and column (from 1) of a byte offset.
fn position(sql: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(sql.len());
    let before = &sql[..sql.floor_char_boundary_compat(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        while i > 0 && !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

fn quoted_after<'a>(msg: &'a str, prefix: &str) -> Option<&'a str> {
    msg.strip_prefix(prefix).map(str::trim)
}

/// SQLite's message, in French, with the position of the error when SQLite gives it.
pub fn french(e: &rusqlite::Error, sql: &str) -> QueryError {
    let (msg, offset) =
        match e {
            rusqlite::Error::SqlInputError { msg, offset, .. } => {
                (msg.clone(), usize::try_from(*offset).ok())
            }
            rusqlite::Error::SqliteFailure(_, Some(m)) => (m.clone(), None),
            rusqlite::Error::MultipleStatement => return err(
                "plusieurs-requetes",
                "Une seule requête est acceptée : retirez ce qui suit le premier point-virgule.",
            ),
            other => (other.to_string(), None),
        };
    let at = offset
        .map(|o| {
            let (l, c) = position(sql, o);
            format!(" (ligne {l}, colonne {c})")
        })
        .unwrap_or_default();
    if let Some(rest) = msg.strip_prefix("near ") {
        let token = rest.split(": syntax error").next().unwrap_or(rest);
        let token = token.trim_matches('"');
        return err(
            "syntaxe",
            format!("Erreur de syntaxe près de « {token} »{at}. Vérifiez l'ordre des clauses (SELECT … FROM … WHERE … GROUP BY … HAVING … ORDER BY), les virgules et les apostrophes."),
        );
    }
    if msg == "incomplete input" {
        return err(
            "syntaxe",
            format!("Requête incomplète{at} : une parenthèse ou une apostrophe n'est pas fermée, ou la requête s'arrête trop tôt."),
        );
    }
    if let Some(t) = quoted_after(&msg, "unrecognized token:") {
        return err(
            "syntaxe",
            format!(
                "Symbole non reconnu {t}{at} (les textes s'écrivent entre apostrophes : 'Rennes')."
            ),
        );
    }
    if let Some(t) = quoted_after(&msg, "no such table:") {
        return err(
            "table-inconnue",
            format!("Table inconnue « {t} »{at}. Tables de la base : clients, commerciaux, produits, commandes, lignes_commande, contacts, prospects."),
        );
    }
    if let Some(t) = quoted_after(&msg, "no such column:") {
        return err(
            "colonne-inconnue",
            format!("Colonne inconnue « {t} »{at} : vérifiez son nom dans le schéma et la table dont elle vient (un texte s'écrit entre apostrophes, pas entre guillemets)."),
        );
    }
    if let Some(t) = quoted_after(&msg, "ambiguous column name:") {
        return err(
            "colonne-ambigue",
            format!("Colonne ambiguë « {t} »{at} : elle existe dans plusieurs tables de la jointure ; préfixez-la par le nom de sa table (par exemple clients.{t})."),
        );
    }
    if let Some(t) = quoted_after(&msg, "no such function:") {
        return err(
            "fonction-inconnue",
            format!("Fonction inconnue « {t} »{at} dans SQLite."),
        );
    }
    if msg.starts_with("misuse of aggregate") {
        return err(
            "where-sur-agregat",
            format!("Fonction d'agrégat mal placée{at} ({msg}) : une condition sur SUM, COUNT, AVG… ne peut pas s'écrire dans WHERE, qui filtre les lignes avant le regroupement ; écrivez-la dans HAVING, après GROUP BY."),
        );
    }
    if msg.contains("GROUP BY clause is required before HAVING") {
        return err(
            "having-sans-group-by",
            format!("HAVING sans GROUP BY{at} : HAVING filtre des groupes ; ajoutez GROUP BY avant lui."),
        );
    }
    if msg.contains("not authorized") {
        return err(
            "interdit",
            "Opération refusée : seules les lectures de la base de l'exercice sont permises (pas d'ATTACH, de PRAGMA, d'écriture ni d'extension).",
        );
    }
    if msg.contains("readonly") || msg.contains("read-only") {
        return err(
            "ecriture-interdite",
            "La base ne peut pas être modifiée : seules les requêtes SELECT sont acceptées.",
        );
    }
    if msg.contains("too big") || msg.contains("too long") {
        return err(
            "trop-grand",
            "Requête refusée : un texte ou la requête elle-même dépasse la taille permise.",
        );
    }
    if msg.contains("interrupted") {
        return err(
            "temps-depasse",
            "Requête arrêtée : elle dépasse la limite de calcul.",
        );
    }
    if msg.contains("SELECTs to the left and right of") {
        return err(
            "union-colonnes",
            format!(
                "UNION ou EXCEPT{at} : les deux requêtes doivent avoir le même nombre de colonnes."
            ),
        );
    }
    err("sqlite", format!("Erreur SQLite{at} : {msg}."))
}

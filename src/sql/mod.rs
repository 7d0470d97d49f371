//! S822 exercises on a generated customer database: the database, the sandbox that runs
//! a student's SQL, the comparison of results and the relational-schema notation.
//! The exercise types themselves are in `crate::exercises::sql`.

pub mod compare;
pub mod db;
pub mod design;
pub mod mark;
pub mod pools;
pub mod render;
pub mod run;

use crate::model::Instance;
use db::Database;

/// The parameter holding the number of an instance's database.
pub const BASE_PARAM: &str = "base";

/// The database of an instance of an `sql/…` type, if it has one.
pub fn database_of(instance: &Instance) -> Option<Database> {
    let base = instance.params.get(BASE_PARAM)?.as_number()?;
    let base = u64::try_from(base).ok()?;
    Some(Database::generate(base))
}

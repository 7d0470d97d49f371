//! Command-line interface: French help and messages, errors as exit codes.

mod args;
mod batch;
mod book;
mod correct;
mod devoir;
mod e5;
mod generate;
mod list;
mod output;

use args::{Cli, Command};
use clap::Parser;

/// Exit code for a failure: a file that cannot be read or written, invalid data.
pub const FAILURE: i32 = 1;
/// Exit code for usage errors: an unknown option, exercise type or code, a `--set` value
/// outside its range. Scripts can tell a typo (2) from a disk or data problem (1).
pub const USAGE_ERROR: i32 = 2;

/// Why a command failed, which chooses its exit code. A plain message (the helpers'
/// `String` errors: files, data) is a [`Failure::Data`].
#[derive(Debug)]
pub enum Failure {
    Usage(String),
    Data(String),
}

impl From<String> for Failure {
    fn from(msg: String) -> Failure {
        Failure::Data(msg)
    }
}

impl Failure {
    /// A usage error, for `map_err`.
    pub fn usage(msg: impl ToString) -> Failure {
        Failure::Usage(msg.to_string())
    }
}

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => return args::report_clap_error(e),
    };
    // The world and rates files are the teachers' to extend: an inconsistent one stops
    // here, with what to mend, before any exercise is drawn from it.
    if let Err(msg) =
        clientele::world::check().and_then(|()| clientele::exercises::equipment::check())
    {
        eprintln!("Erreur : les données des énoncés sont incohérentes.\n{msg}");
        return FAILURE;
    }
    let result = match cli.command {
        Command::List(a) => list::run(a).map_err(Failure::Data),
        Command::Generate(a) => generate::run(a),
        Command::Correct(a) => correct::run(a),
        Command::Book(a) => book::run(a).map_err(Failure::Data),
        Command::Devoir(a) => devoir::run(a).map_err(Failure::Data),
        Command::E5(a) => e5::run(a).map_err(Failure::Data),
        Command::Lot => batch::run().map_err(Failure::Data),
    };
    match result {
        Ok(()) => 0,
        Err(Failure::Usage(msg)) => {
            eprintln!("Erreur : {msg}");
            USAGE_ERROR
        }
        Err(Failure::Data(msg)) => {
            eprintln!("Erreur : {msg}");
            FAILURE
        }
    }
}

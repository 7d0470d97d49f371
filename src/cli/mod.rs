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

/// Exit code for usage errors (unknown code, unreadable file, invalid option).
pub const USAGE_ERROR: i32 = 2;

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
        return USAGE_ERROR;
    }
    let result = match cli.command {
        Command::List(a) => list::run(a),
        Command::Generate(a) => generate::run(a),
        Command::Correct(a) => correct::run(a),
        Command::Book(a) => book::run(a),
        Command::Devoir(a) => devoir::run(a),
        Command::E5(a) => e5::run(a),
        Command::Lot => batch::run(),
    };
    match result {
        Ok(()) => 0,
        Err(msg) => {
            eprintln!("Erreur : {msg}");
            USAGE_ERROR
        }
    }
}

//! `clientele generate`.

use super::args::{parse_sets, GenFormat, GenerateArgs};
use super::output::{io_error, open};
use super::Failure;
use clientele::catalog::catalog;
use clientele::exercises;
use clientele::generate::{fresh_seed, generate_with, validate_overrides, GenError};
use clientele::render::{gift, json, markdown, moodle};
use std::io::Write;

pub fn run(a: GenerateArgs) -> Result<(), Failure> {
    let entry = catalog()
        .find(&a.id)
        .ok_or_else(|| Failure::usage(GenError::UnknownType(a.id.clone())))?;
    let exercise = exercises::find(&a.id)
        .ok_or_else(|| Failure::usage(GenError::UnknownType(a.id.clone())))?;
    let sets = parse_sets(&a.set).map_err(Failure::Usage)?;
    let fixed = validate_overrides(exercise, &sets).map_err(Failure::usage)?;
    let seed = match a.seed {
        Some(s) => s,
        None => {
            let s = fresh_seed();
            eprintln!(
                "Graine tirée au hasard : {s} (réutilisez --seed {s} pour retrouver cet exercice)"
            );
            s
        }
    };
    let count = u64::from(a.count);
    let last = seed.checked_add(count - 1).ok_or_else(|| {
        Failure::Usage(format!(
            "la graine {seed} est trop grande pour générer {count} exercices."
        ))
    })?;
    // Check the first instance before creating the output file, so that a parameter
    // error leaves no empty file behind.
    let first = generate_with(entry, exercise, seed, &fixed).map_err(|e| e.to_string())?;
    if let Some(path) = &a.db {
        if clientele::sql::database_of(&first).is_none() {
            return Err(Failure::Usage(format!(
                "--db : l'exercice {} n'a pas de base de données (seuls les types sql/requete et sql/fiabilisation en ont une).",
                first.id
            )));
        }
        if count > 1 {
            return Err(Failure::usage(
                "--db : chaque exercice a sa propre base ; générez-les un par un (sans --count).",
            ));
        }
        write_database(&first, path, a.force)?;
    }
    if matches!(a.format, GenFormat::Moodle | GenFormat::Gift) {
        if a.without_solution {
            return Err(Failure::usage(
                "--sans-corrige ne s'applique pas aux formats moodle et gift : Moodle a besoin des réponses pour noter.",
            ));
        }
        if last - seed >= 2000 {
            return Err(Failure::usage(
                "au plus 2 000 variantes par import Moodle : réduisez --count.",
            ));
        }
        return Ok(moodle_or_gift(
            &a,
            entry.id.as_str(),
            first,
            seed,
            last,
            |s| generate_with(entry, exercise, s, &fixed).map_err(|e| e.to_string()),
        )?);
    }
    let with_solution = !a.without_solution;
    let mut out = open(a.output.as_deref(), a.force)?;
    let array = a.format == GenFormat::Json && count > 1;
    if array {
        out.write_all(b"[\n").map_err(io_error)?;
    }
    let mut instance = Some(first);
    for s in seed..=last {
        let inst = match instance.take() {
            Some(i) => i,
            None => generate_with(entry, exercise, s, &fixed).map_err(|e| e.to_string())?,
        };
        let text = match a.format {
            GenFormat::Markdown => {
                let md = markdown::instance(&inst, with_solution);
                if s == seed {
                    md
                } else {
                    format!("\n---\n\n{md}")
                }
            }
            GenFormat::Moodle | GenFormat::Gift => unreachable!("handled above"),
            GenFormat::Json => {
                let v = json::instance(&inst, with_solution);
                let body = serde_json::to_string_pretty(&v).expect("JSON");
                match (array, s == last) {
                    (false, _) => body + "\n",
                    (true, false) => body + ",\n",
                    (true, true) => body + "\n",
                }
            }
        };
        out.write_all(text.as_bytes()).map_err(io_error)?;
    }
    if array {
        out.write_all(b"]\n").map_err(io_error)?;
    }
    Ok(out.flush().map_err(io_error)?)
}

/// Moodle XML or GIFT: the whole file is built in memory (a question bank import is
/// at most a few hundred questions), in one category named after the type.
fn moodle_or_gift(
    a: &GenerateArgs,
    id: &str,
    first: clientele::model::Instance,
    seed: u64,
    last: u64,
    gen: impl Fn(u64) -> Result<clientele::model::Instance, String>,
) -> Result<(), String> {
    moodle::check_exportable(&first)?;
    let mut list = vec![first];
    for s in seed + 1..=last {
        list.push(gen(s)?);
    }
    let path = format!("clientele/{id}");
    let text = match a.format {
        GenFormat::Moodle => moodle::quiz(&[moodle::Category {
            path,
            instances: &list,
        }]),
        _ => gift::gift(&[(path, &list)]),
    };
    super::output::write(a.output.as_deref(), &text, a.force)
}

/// Writes the SQLite file of an `sql/…` instance, never replacing a file without
/// `--force`.
fn write_database(
    inst: &clientele::model::Instance,
    path: &std::path::Path,
    force: bool,
) -> Result<(), String> {
    let db = clientele::sql::database_of(inst)
        .ok_or_else(|| format!("--db : l'exercice {} n'a pas de base de données.", inst.id))?;
    let bytes = db
        .file_bytes()
        .map_err(|e| format!("base de données impossible à construire : {e}"))?;
    let mut out = open(Some(path), force)?;
    out.write_all(&bytes).map_err(io_error)?;
    out.flush().map_err(io_error)?;
    eprintln!(
        "Base de données écrite dans « {} » (ouvrez-la avec sqlite3 ou tout logiciel SQLite).",
        path.display()
    );
    Ok(())
}

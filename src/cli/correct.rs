//! `clientele correct`.

use super::args::{parse_sets, CorrectArgs, ReportFormat};
use clientele::catalog::catalog;
use clientele::code;
use clientele::correct::{answers_from_toml, correct};
use clientele::exercises;
use clientele::generate::{generate_with, validate_overrides};
use clientele::model::Instance;
use clientele::render::{markdown, report};
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Write};

pub fn run(a: CorrectArgs) -> Result<(), super::Failure> {
    let instance = regenerate(&a.code, &a.set).map_err(super::Failure::Usage)?;
    let answers = match &a.answers {
        Some(path) => {
            let bytes = super::output::read(path)?;
            let text = String::from_utf8(bytes).map_err(|_| {
                format!(
                    "« {} » n'est pas un fichier texte UTF-8 : enregistrez-le en UTF-8.",
                    path.display()
                )
            })?;
            answers_from_toml(text.trim_start_matches('\u{feff}'), &instance)?
        }
        None => ask(&instance)?,
    };
    let rep = correct(&instance, &answers);
    let text = match a.format {
        ReportFormat::Text => report::text(&instance, &rep),
        ReportFormat::Json => serde_json::to_string_pretty(&rep).expect("JSON") + "\n",
    };
    Ok(super::output::write(None, &text, false)?)
}

/// Regenerates the exact instance a code was printed on.
pub fn regenerate(text: &str, sets: &[String]) -> Result<Instance, String> {
    let c = code::decode(text).map_err(|e| e.to_string())?;
    let entry = catalog().find_by_prefix(&c.prefix).ok_or_else(|| {
        format!(
            "aucun type d'exercice n'a le préfixe « {} » (code « {text} »).",
            c.prefix
        )
    })?;
    let ex = exercises::find_version(&entry.id, c.version).ok_or_else(|| {
        let current = exercises::find(&entry.id).map_or(0, |e| e.version());
        format!(
            "le code « {text} » désigne la version {} de {}, que cette version de clientele ne sait pas produire (version actuelle : {current}).",
            c.version, entry.id
        )
    })?;
    let fixed = validate_overrides(ex, &parse_sets(sets)?).map_err(|e| e.to_string())?;
    let instance = generate_with(entry, ex, c.seed, &fixed).map_err(|e| e.to_string())?;
    let given = code::decode(&instance.code)
        .map_err(|e| e.to_string())?
        .params_hash;
    match (&c.params_hash, &given) {
        (Some(_), None) => Err(format!(
            "le code « {text} » a été généré avec des paramètres fixés : redonnez les mêmes --set NOM=VALEUR."
        )),
        (None, Some(_)) => Err(format!("le code « {text} » a été généré sans paramètre fixé : retirez les --set.")),
        (Some(a), Some(b)) if a != b => Err(format!(
            "les --set donnés ne sont pas ceux de la génération du code « {text} » (empreinte {b} au lieu de {a})."
        )),
        _ => Ok(instance),
    }
}

/// Asks each question on the terminal.
fn ask(instance: &Instance) -> Result<BTreeMap<String, String>, String> {
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    if interactive {
        println!("{}", markdown::instance(instance, false));
        println!("Saisissez vos réponses (Entrée seule pour passer une question).\n");
    }
    let mut answers = BTreeMap::new();
    let mut lines = stdin.lock().lines();
    for (i, q) in instance.questions.iter().enumerate() {
        if q.check.is_some() {
            // A query or a schema spans several lines: up to an empty line (or, for a
            // query, a line ending with « ; »).
            if interactive {
                println!(
                    "{}. {}\n   (plusieurs lignes possibles ; terminez par une ligne vide)",
                    i + 1,
                    q.prompt
                );
            }
            let mut text = Vec::new();
            let mut ended = false;
            loop {
                if interactive {
                    print!("   > ");
                    std::io::stdout().flush().map_err(|e| e.to_string())?;
                }
                match lines.next() {
                    Some(Ok(line)) if line.trim().is_empty() => break,
                    Some(Ok(line)) => {
                        let last = line.trim_end().ends_with(';')
                            && matches!(q.check.as_deref(), Some(clientele::model::Check::Sql(_)));
                        text.push(line);
                        if last {
                            break;
                        }
                    }
                    Some(Err(e)) => return Err(format!("lecture de la réponse impossible : {e}")),
                    None => {
                        ended = true;
                        break;
                    }
                }
            }
            answers.insert(q.key.to_string(), text.join("\n"));
            if ended {
                break;
            }
            continue;
        }
        if interactive {
            print!("{}. {} ({}) > ", i + 1, q.prompt, q.unit.label());
            std::io::stdout().flush().map_err(|e| e.to_string())?;
        }
        match lines.next() {
            Some(Ok(line)) => {
                answers.insert(q.key.to_string(), line);
            }
            Some(Err(e)) => return Err(format!("lecture de la réponse impossible : {e}")),
            None => break,
        }
    }
    if interactive {
        println!();
    }
    Ok(answers)
}

//! `clientele generate`.

use super::args::{parse_sets, GenFormat, GenerateArgs};
use clientele::generate::{fresh_seed, generate};
use clientele::render::{json, markdown};

pub fn run(a: GenerateArgs) -> Result<(), String> {
    let sets = parse_sets(&a.set)?;
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
    if seed.checked_add(count - 1).is_none() {
        return Err(format!(
            "la graine {seed} est trop grande pour générer {count} exercices."
        ));
    }
    let mut list = Vec::with_capacity(a.count as usize);
    for s in seed..seed + count {
        list.push(generate(&a.id, s, &sets).map_err(|e| e.to_string())?);
    }
    let with_solution = !a.without_solution;
    let text = match a.format {
        GenFormat::Markdown => markdown::instances(&list, with_solution),
        GenFormat::Json => json::instances(&list, with_solution, count > 1),
    };
    super::output::write(a.output.as_deref(), &text, a.force)
}

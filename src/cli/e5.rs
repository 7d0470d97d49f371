//! `clientele e5 [--seed N] [-o DIR] [--force]`.

use super::args::E5Args;
use clientele::e5;
use clientele::render::e5_html;
use std::path::PathBuf;

pub fn run(a: E5Args) -> Result<(), String> {
    let seed = match a.seed {
        Some(s) => s,
        None => {
            let s = clientele::generate::fresh_seed();
            eprintln!("Graine tirée : {s} (relancez avec --seed {s} pour retrouver ce sujet).");
            s
        }
    };
    let subject = e5::compose(seed)?;
    let dir = a
        .output
        .unwrap_or_else(|| PathBuf::from(format!("e5-{seed}")));
    let files = vec![
        (dir.join("sujet.html"), e5_html::subject(&subject)),
        (dir.join("corrige.html"), e5_html::answer_key(&subject)),
        (dir.join("e5.toml"), e5::sheet_toml(&subject)),
        (dir.join("codes.txt"), e5::codes_text(&subject)),
    ];
    super::devoir::write_all(&files, a.force)?;
    eprintln!(
        "Sujet d'entraînement E5 (graine {seed}, {}, {} dossiers) écrit dans « {} » : sujet.html, corrige.html, e5.toml (feuille pour « clientele devoir »), codes.txt.",
        subject.business.nom,
        subject.dossiers.len(),
        dir.display()
    );
    Ok(())
}

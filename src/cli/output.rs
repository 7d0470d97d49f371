//! Writing results without ever overwriting a user's file by accident.

use std::io::Write;
use std::path::Path;

/// Writes `text` to `path`, or to standard output when `path` is `None`. An existing
/// file is replaced only with `force`.
pub fn write(path: Option<&Path>, text: &str, force: bool) -> Result<(), String> {
    let Some(path) = path else {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(text.as_bytes())
            .map_err(|e| format!("écriture impossible : {e}"));
    };
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true);
    if force {
        opts.create(true).truncate(true);
    } else {
        opts.create_new(true);
    }
    let mut file = opts.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => format!(
            "le fichier « {} » existe déjà ; ajoutez --force pour le remplacer.",
            path.display()
        ),
        _ => format!("impossible d'écrire « {} » : {e}", path.display()),
    })?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("impossible d'écrire « {} » : {e}", path.display()))
}

//! Reading the user's files, and writing results without ever overwriting one by accident.

use std::io::{BufWriter, Write};
use std::path::Path;

/// Opens `path` for writing, or standard output when `path` is `None`. An existing
/// file is replaced only with `force`.
pub fn open(path: Option<&Path>, force: bool) -> Result<Box<dyn Write>, String> {
    let Some(path) = path else {
        return Ok(Box::new(BufWriter::with_capacity(
            1 << 16,
            std::io::stdout().lock(),
        )));
    };
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true);
    if force {
        opts.create(true).truncate(true);
    } else {
        opts.create_new(true);
    }
    let file = opts.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => format!(
            "le fichier « {} » existe déjà ; ajoutez --force pour le remplacer.",
            path.display()
        ),
        _ => format!("impossible d'écrire « {} » : {e}", path.display()),
    })?;
    Ok(Box::new(BufWriter::with_capacity(1 << 16, file)))
}

/// Writes `text` in one go (see [`open`]).
pub fn write(path: Option<&Path>, text: &str, force: bool) -> Result<(), String> {
    let mut out = open(path, force)?;
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(io_error)
}

pub fn io_error(e: std::io::Error) -> String {
    format!("écriture impossible : {e}")
}

/// The bytes of a file the user named (answers, roster, sheet), or a French message: the
/// system's own text of the common failures is English (« No such file or directory »).
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "ce fichier n'existe pas".to_string(),
            std::io::ErrorKind::PermissionDenied => "accès refusé".to_string(),
            std::io::ErrorKind::IsADirectory => "c'est un dossier, pas un fichier".to_string(),
            _ => e.to_string(),
        };
        format!("impossible de lire « {} » : {why}.", path.display())
    })
}

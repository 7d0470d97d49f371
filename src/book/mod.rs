//! The course book: an offline HTML mdBook built from `book/`, with the interactive
//! exercises embedded as data (see [`preprocess`]) and formulas as MathML (see [`math`]).

pub mod index;
pub mod math;
pub mod preprocess;
pub mod serve;
pub mod typography;

use mdbook_driver::MDBook;
use std::path::{Path, PathBuf};

/// Set to `1` to build without `book/assets/clientele.{js,css}` (tests of the Rust side).
pub const NO_ASSETS_ENV: &str = "CLIENTELE_BOOK_NO_ASSETS";

/// File written into the output directory after a build: it marks the directory as ours,
/// so that a later build may replace its content.
pub const MARKER: &str = ".clientele-livre";

/// What a successful build produced.
#[derive(Debug, Clone)]
pub struct Built {
    /// The output directory (absolute).
    pub out: PathBuf,
    /// Number of HTML pages written.
    pub pages: usize,
}

/// Builds the book whose `book.toml` is in `source` into `out`.
///
/// `out` is emptied first: it must not be `source` (nor contain it), nor a non-empty
/// directory that does not come from a previous build. Errors are French sentences.
pub fn build(source: &Path, out: &Path) -> Result<Built, String> {
    let without_assets = std::env::var(NO_ASSETS_ENV).as_deref() == Ok("1");
    build_with(source, out, without_assets)
}

/// [`build`], saying directly whether missing JavaScript/CSS assets are allowed (they are
/// then left out of the pages) instead of reading [`NO_ASSETS_ENV`].
pub fn build_with(source: &Path, out: &Path, without_assets: bool) -> Result<Built, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("répertoire courant illisible : {e}"))?;
    let source_abs = absolute(&cwd, source);
    if !source_abs.join("book.toml").is_file() {
        return Err(format!(
            "« {} » ne contient pas de book.toml : ce n'est pas le dossier d'un livre (--source).",
            source.display()
        ));
    }
    let out_abs = absolute(&cwd, out);
    check_out_dir(&source_abs, &out_abs, source, out)?;

    let mut book = MDBook::load(&source_abs).map_err(|e| {
        format!(
            "lecture du livre « {} » impossible : {}",
            source.display(),
            chain(&e)
        )
    })?;
    let html = book.config.html_config().unwrap_or_default();
    let assets: Vec<PathBuf> = html
        .additional_js
        .iter()
        .chain(html.additional_css.iter())
        .cloned()
        .collect();
    let missing: Vec<&PathBuf> = assets
        .iter()
        .filter(|p| !source_abs.join(p).is_file())
        .collect();
    if !missing.is_empty() {
        if without_assets {
            let keep = |list: &[PathBuf]| -> Vec<String> {
                list.iter()
                    .filter(|p| source_abs.join(p).is_file())
                    .map(|p| p.display().to_string())
                    .collect()
            };
            let js = keep(&html.additional_js);
            let css = keep(&html.additional_css);
            book.config
                .set("output.html.additional-js", js)
                .and_then(|()| book.config.set("output.html.additional-css", css))
                .map_err(|e| format!("configuration du livre invalide : {}", chain(&e)))?;
        } else {
            let list: Vec<String> = missing
                .iter()
                .map(|p| format!("« {} »", source.join(p).display()))
                .collect();
            return Err(format!(
                "fichier(s) manquant(s) pour les exercices interactifs : {}. Ils sont déclarés \
                 dans {} ([output.html] additional-js et additional-css) ; ajoutez-les, ou \
                 définissez {NO_ASSETS_ENV}=1 pour construire le livre sans eux.",
                list.join(", "),
                source.join("book.toml").display()
            ));
        }
    }
    book.config.build.build_dir = out_abs.clone();
    let shown_src = source.join(&book.config.book.src);
    book.with_preprocessor(preprocess::ClientelePreprocessor { shown_src });
    book.build()
        .map_err(|e| format!("construction du livre impossible : {}", chain(&e)))?;
    std::fs::write(
        out_abs.join(MARKER),
        "Ce dossier est produit par « clientele book build » et peut être remplacé par lui.\n",
    )
    .map_err(|e| format!("écriture dans « {} » impossible : {e}", out.display()))?;
    let pages = count_html(&out_abs);
    Ok(Built {
        out: out_abs,
        pages,
    })
}

fn absolute(cwd: &Path, p: &Path) -> PathBuf {
    let joined = cwd.join(p);
    // Resolve symlinks and `..` where the path exists; otherwise normalise by hand.
    if let Ok(c) = joined.canonicalize() {
        return c;
    }
    let mut out = PathBuf::new();
    for comp in joined.components() {
        match comp {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    match (out.parent(), out.file_name()) {
        (Some(parent), Some(name)) => match parent.canonicalize() {
            Ok(p) => p.join(name),
            Err(_) => out,
        },
        _ => out,
    }
}

/// The output directory is replaced by the build: refuse anything that is not ours.
fn check_out_dir(
    source: &Path,
    out: &Path,
    shown_source: &Path,
    shown_out: &Path,
) -> Result<(), String> {
    if out == source {
        return Err(format!(
            "le dossier de sortie « {} » est le dossier source du livre : la construction le viderait. \
             Choisissez un autre --out (par défaut book/build).",
            shown_out.display()
        ));
    }
    if source.starts_with(out) {
        return Err(format!(
            "le dossier de sortie « {} » contient le dossier source « {} » : la construction l'effacerait. \
             Choisissez un autre --out.",
            shown_out.display(),
            shown_source.display()
        ));
    }
    if out.starts_with(source.join("src")) {
        return Err(format!(
            "le dossier de sortie « {} » est dans les chapitres du livre (src) : il serait recopié \
             dans le livre à la construction suivante. Choisissez un autre --out.",
            shown_out.display()
        ));
    }
    if out.exists() {
        if !out.is_dir() {
            return Err(format!(
                "« {} » existe et n'est pas un dossier : choisissez un autre --out.",
                shown_out.display()
            ));
        }
        let empty = std::fs::read_dir(out)
            .map_err(|e| format!("dossier « {} » illisible : {e}", shown_out.display()))?
            .next()
            .is_none();
        if !empty && !looks_like_build(out) {
            return Err(format!(
                "le dossier de sortie « {} » n'est pas vide et ne vient pas d'une construction \
                 précédente du livre : il serait vidé. Videz-le vous-même ou choisissez un autre --out.",
                shown_out.display()
            ));
        }
    }
    Ok(())
}

/// A previous `clientele book build`, or an mdBook HTML output.
fn looks_like_build(dir: &Path) -> bool {
    dir.join(MARKER).is_file()
        || (dir.join(".nojekyll").is_file()
            && dir.join("index.html").is_file()
            && dir.join("toc.html").is_file())
}

fn count_html(dir: &Path) -> usize {
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                n += 1;
            }
        }
    }
    n
}

/// An error and its causes, innermost last, on one line.
fn chain(e: &mdbook_driver::errors::Error) -> String {
    e.chain()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(" : ")
}

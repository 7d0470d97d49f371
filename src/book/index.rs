//! `{{#index-exercices}}`: the index of exercise types by savoir, generated at build
//! time from the catalog and from the chapters that embed each type, so that it can never
//! drift from the book.

use crate::catalog::{catalog, TypeEntry};
use mdbook_preprocessor::book::{Book, BookItem};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// The directive, alone on its line in a chapter.
pub const DIRECTIVE: &str = "{{#index-exercices}}";

/// A chapter that embeds an exercise type.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Embedder {
    /// The chapter's path in the book (`annee-2/s513-marges.md`).
    path: PathBuf,
    /// What the link shows: the chapter's code when its name starts with one.
    label: String,
}

/// What the whole book says that the index needs: who embeds which type, and the title
/// of each savoir's section (`S513` → `Les marges`).
#[derive(Debug, Clone, Default)]
pub struct Embeds {
    by_type: BTreeMap<String, Vec<Embedder>>,
    titles: BTreeMap<String, String>,
}

/// A savoir code of the programme (`S4`, `S513`…).
fn is_code(word: &str) -> bool {
    word.len() >= 2 && word.starts_with('S') && word[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Scans every chapter before any of them is expanded.
pub fn collect(book: &Book) -> Embeds {
    let mut embeds = Embeds::default();
    for item in book.iter() {
        let BookItem::Chapter(chapter) = item else {
            continue;
        };
        let Some(path) = chapter.path.clone() else {
            continue;
        };
        let label = match chapter.name.split_once(" — ") {
            Some((code, _)) if is_code(code) => code.to_string(),
            _ => chapter.name.clone(),
        };
        let mut fenced = false;
        for line in chapter.content.lines() {
            let t = line.trim();
            if t.starts_with("```") || t.starts_with("~~~") {
                fenced = !fenced;
                continue;
            }
            if fenced {
                continue;
            }
            if let Some(rest) = t.strip_prefix("{{#exercice ") {
                let id = rest.trim_end_matches("}}").split_whitespace().next();
                if let Some(id) = id {
                    let list = embeds.by_type.entry(id.to_string()).or_default();
                    if !list.iter().any(|e| e.path == path) {
                        list.push(Embedder {
                            path: path.clone(),
                            label: label.clone(),
                        });
                    }
                }
            }
            let heading = t.strip_prefix("## ").or_else(|| t.strip_prefix("# "));
            if let Some((code, title)) = heading.and_then(|h| h.split_once(" — ")) {
                if is_code(code) {
                    embeds
                        .titles
                        .entry(code.to_string())
                        .or_insert_with(|| title.trim().to_string());
                }
            }
        }
    }
    embeds
}

/// `target` as a link from the page `from` (both paths inside the book).
fn relative(from: &Path, target: &Path) -> String {
    let depth = from.parent().map_or(0, |p| {
        p.components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .count()
    });
    let mut link = "../".repeat(depth);
    link.push_str(&target.to_string_lossy().replace('\\', "/"));
    link
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn stars(level: u8) -> String {
    let level = usize::from(level.min(3));
    format!("{}{}", "★".repeat(level), "☆".repeat(3 - level))
}

/// The Markdown of the index, for the page `page`: one table per savoir code, in the
/// programme's order (which is the codes' lexical order: S41, S42, S421, …, S5, S8…).
pub fn render(embeds: &Embeds, page: &Path) -> String {
    let mut by_code: BTreeMap<&str, Vec<&TypeEntry>> = BTreeMap::new();
    for entry in &catalog().types {
        for code in &entry.savoirs {
            by_code.entry(code.as_str()).or_default().push(entry);
        }
    }
    let mut out = String::new();
    for (code, entries) in by_code {
        match embeds.titles.get(code) {
            Some(title) => out.push_str(&format!("\n## {code} — {title}\n\n")),
            None => out.push_str(&format!("\n## {code}\n\n")),
        }
        out.push_str("| Exercice | Ce que l'on fait | Chapitres |\n");
        out.push_str("|---|---|---|\n");
        for e in entries {
            let chapters = embeds
                .by_type
                .get(&e.id)
                .map(|list| {
                    list.iter()
                        .map(|c| format!("[{}]({})", cell(&c.label), relative(page, &c.path)))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "hors du livre".to_string());
            out.push_str(&format!(
                "| **{}**<br>`{}` {} | {} | {} |\n",
                cell(&e.titre),
                e.id,
                stars(e.difficulte),
                cell(&e.description),
                chapters
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_to_the_page() {
        let to = Path::new("annee-2/s513-marges.md");
        assert_eq!(
            relative(Path::new("annexes/index.md"), to),
            "../annee-2/s513-marges.md"
        );
        assert_eq!(
            relative(Path::new("index.md"), to),
            "annee-2/s513-marges.md"
        );
    }

    #[test]
    fn codes_and_stars() {
        assert!(is_code("S513") && !is_code("S") && !is_code("Sommaire"));
        assert_eq!(stars(2), "★★☆");
        assert_eq!(cell("a|b"), "a\\|b");
    }
}

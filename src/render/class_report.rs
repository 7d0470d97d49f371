//! The class report in Markdown (also turned into HTML by the CLI): marks, success per
//! question, the most frequent known mistakes.

use crate::devoir::grade::{ClassStats, Graded};
use crate::devoir::sheet::{column_name, Sheet};
use crate::num::format;
use rust_decimal::Decimal;

/// A user's string (title, class, names) as Markdown text: see [`crate::escape`].
fn md_cell(s: &str) -> String {
    crate::escape::markdown(s)
}

fn opt(d: Option<Decimal>) -> String {
    d.map(|d| format::fixed(d, 2)).unwrap_or_else(|| "—".into())
}

pub fn markdown(sheet: &Sheet, stats: &ClassStats, graded: &[Graded]) -> String {
    let mut out = format!("# Bilan de la classe — {}\n\n", md_cell(&sheet.titre));
    let mut meta = Vec::new();
    if let Some(c) = &sheet.classe {
        meta.push(c.clone());
    }
    if let Some(d) = &sheet.date {
        meta.push(d.clone());
    }
    if !meta.is_empty() {
        out.push_str(&format!("*{}*\n\n", md_cell(&meta.join(" — "))));
    }
    out.push_str("## Notes\n\n");
    out.push_str(&format!(
        "- Copies corrigées : {} ; absents (pas de ligne ou ligne sans aucune réponse) : {}\n",
        stats.present, stats.absent
    ));
    out.push_str(&format!(
        "- Moyenne : **{} / 20** ; médiane : {} ; note la plus basse : {} ; la plus haute : {}\n",
        opt(stats.mean),
        opt(stats.median),
        opt(stats.min),
        opt(stats.max)
    ));
    out.push_str("- Notes sur 20 arrondies au centième (à égalité, loin de zéro) ; moyenne calculée sur ces notes.\n\n");
    out.push_str("| Notes sur 20 | Élèves | |\n|---|---:|---|\n");
    for (label, n) in &stats.bands {
        out.push_str(&format!("| {label} | {n} | {} |\n", "█".repeat(*n)));
    }
    out.push_str("\n## Réussite par question\n\n");
    out.push_str("Réussie = juste, ou juste par report d'erreur ; sur les élèves présents dont la copie pose la question.\n\n");
    out.push_str("| Colonne | Question | Réussite | Réussies | Élèves | Sans réponse |\n|---|---|---:|---:|---:|---:|\n");
    for q in &stats.questions {
        let rate = if q.asked == 0 {
            "—".to_string()
        } else {
            format::percent(
                Decimal::from(q.succeeded as u64) * Decimal::ONE_HUNDRED
                    / Decimal::from(q.asked as u64),
            )
        };
        out.push_str(&format!(
            "| `{}` | ex. {} — {} | {rate} | {} | {} | {} |\n",
            column_name(q.exercise, q.key),
            q.exercise + 1,
            md_cell(q.label),
            q.succeeded,
            q.asked,
            q.unanswered
        ));
    }
    out.push_str("\n## Erreurs classiques les plus fréquentes\n\n");
    if stats.mistakes.is_empty() {
        out.push_str("Aucune erreur classique reconnue.\n");
    } else {
        out.push_str("| Erreur | Élèves | Occurrences | Questions | Explication |\n|---|---:|---:|---|---|\n");
        for m in &stats.mistakes {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} |\n",
                m.note,
                m.students,
                m.occurrences,
                m.questions
                    .iter()
                    .map(|q| format!("`{q}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                md_cell(&m.message)
            ));
        }
    }
    out.push_str("\n## Notes des élèves\n\n| Élève | Identifiant | Points | Note / 20 |\n|---|---|---:|---:|\n");
    for g in graded {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            md_cell(&g.copy.student.display_name()),
            md_cell(&g.copy.student.id),
            g.score()
                .map(|s| format!(
                    "{} / {}",
                    format::number(s, 2),
                    format::number(g.total(), 2)
                ))
                .unwrap_or_else(|| "ABS".into()),
            g.mark()
                .map(|m| format::fixed(m, 2))
                .unwrap_or_else(|| "ABS".into())
        ));
    }
    out
}

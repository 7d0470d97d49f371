//! A correction report as terminal text.

use crate::correct::{Report, Verdict};
use crate::model::Instance;
use crate::num::format;
use crate::text::capitalise;

pub fn verdict_text(v: Verdict) -> &'static str {
    match v {
        Verdict::Correct => "juste",
        Verdict::CarriedForward => "juste par report d'erreur",
        Verdict::Wrong => "faux",
        Verdict::Unreadable => "illisible",
        Verdict::Unanswered => "sans réponse",
    }
}

pub fn text(inst: &Instance, report: &Report) -> String {
    let mut out = format!("Exercice {} — {}\n\n", inst.code, inst.title);
    for (i, (q, r)) in inst.questions.iter().zip(&report.results).enumerate() {
        let typed = r
            .typed
            .as_deref()
            .map(|t| format!("« {t} »"))
            .unwrap_or_else(|| "—".into());
        out.push_str(&format!(
            "{}. {} : {typed} → {} ({} / {})\n",
            i + 1,
            capitalise(q.label),
            verdict_text(r.verdict),
            format::number(r.points, 2),
            format::number(r.max_points, 2)
        ));
        if let Some(m) = &r.message {
            out.push_str(&format!("   {m}\n"));
        }
        if let Some(d) = &r.diagnosis {
            out.push_str(&format!("   Erreur repérée [{}] : {}\n", d.note, d.message));
        }
        if matches!(
            r.verdict,
            Verdict::Wrong | Verdict::Unreadable | Verdict::Unanswered
        ) {
            // A query or a schema is shown by its step (fences removed below).
            if q.check.is_none() {
                out.push_str(&format!("   Réponse attendue : {}\n", expected(q)));
            }
            // Markdown emphasis means nothing on a terminal.
            for line in q
                .step
                .replace("**", "")
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with("```"))
            {
                out.push_str(&format!("   │ {line}\n"));
            }
        }
    }
    out.push_str(&format!(
        "\nScore : {} / {}\n",
        format::number(report.score, 2),
        format::number(report.total, 2)
    ));
    out
}

/// The expected answer as a French reader writes it (all the decimals a rate is asked with).
pub fn expected(q: &crate::model::Question) -> String {
    use crate::model::Unit;
    match q.unit {
        Unit::Euros => format::euros(q.answer),
        // Some rates are asked to 0,0001 % (a monthly rate): show every decimal asked.
        Unit::Percent => format!("{}\u{a0}%", format::number(q.answer, 6)),
        Unit::Days => format!("{} jours", format::number(q.answer, 0)),
        Unit::Coefficient | Unit::Number => format::number(q.answer, 4),
    }
}

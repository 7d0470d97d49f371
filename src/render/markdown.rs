//! Instances as French Markdown: statement, questions, worked solution.

use crate::model::{Instance, Unit};

/// The full sheet of one instance; `with_solution` adds the worked solution.
pub fn instance(inst: &Instance, with_solution: bool) -> String {
    let prompts: usize = inst.questions.iter().map(|q| q.prompt.len() + 32).sum();
    let mut out = String::with_capacity(
        inst.title.len() + inst.statement.len() + prompts + inst.solution.len() + 160,
    );
    // Pieces pushed one by one: `write!` and its formatting machinery cost 2 % of the
    // generation of a pricing exercise (callgrind).
    out.push_str("# ");
    out.push_str(inst.title);
    out.push_str("\n\n*Code de l'exercice : `");
    out.push_str(&inst.code);
    out.push_str("` — savoirs : ");
    for (i, s) in inst.savoirs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(s);
    }
    out.push_str("*\n\n");
    out.push_str(inst.statement.trim_end());
    out.push_str("\n\n## Questions\n\n");
    for (i, q) in inst.questions.iter().enumerate() {
        // "1. Calculez le montant brut HT de la commande. *(réponse en euros)*"
        crate::push_text!(out, i + 1, ". ");
        out.push_str(&q.prompt);
        out.push_str(" *(");
        out.push_str(match q.check.as_deref() {
            Some(crate::model::Check::Sql(_)) => "réponse : une requête SQL",
            Some(crate::model::Check::Schema(_)) => "réponse : un schéma relationnel",
            None => unit_hint(q.unit),
        });
        out.push_str(")*\n");
    }
    if with_solution {
        out.push_str("\n## Corrigé\n\n");
        out.push_str(&inst.solution);
    }
    out
}

fn unit_hint(unit: Unit) -> &'static str {
    match unit {
        Unit::Euros => "réponse en euros",
        Unit::Percent => "réponse en %",
        Unit::Days => "réponse en jours",
        Unit::Coefficient => "coefficient",
        Unit::Number => "nombre",
    }
}

/// Several instances, separated by a horizontal rule.
pub fn instances(list: &[Instance], with_solution: bool) -> String {
    list.iter()
        .map(|i| instance(i, with_solution))
        .collect::<Vec<_>>()
        .join("\n---\n\n")
}

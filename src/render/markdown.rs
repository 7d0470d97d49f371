//! Instances as French Markdown: statement, questions, worked solution.

use crate::model::{Instance, Unit};

/// The full sheet of one instance; `with_solution` adds the worked solution.
pub fn instance(inst: &Instance, with_solution: bool) -> String {
    let mut out = String::with_capacity(inst.statement.len() + inst.solution.len() + 512);
    out.push_str(&format!("# {}\n\n", inst.title));
    out.push_str(&format!(
        "*Code de l'exercice : `{}` — savoirs : {}*\n\n",
        inst.code,
        inst.savoirs.join(", ")
    ));
    out.push_str(inst.statement.trim_end());
    out.push_str("\n\n## Questions\n\n");
    for (i, q) in inst.questions.iter().enumerate() {
        out.push_str(&format!(
            "{}. {} *({})*\n",
            i + 1,
            q.prompt,
            match &q.check {
                Some(crate::model::Check::Sql(_)) => "réponse : une requête SQL",
                Some(crate::model::Check::Schema(_)) => "réponse : un schéma relationnel",
                None => unit_hint(q.unit),
            }
        ));
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

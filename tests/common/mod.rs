//! Helpers shared by the integration tests.

use clientele::model::{Instance, Question, Unit};
use clientele::num::format;
use std::collections::BTreeMap;

/// A value written as a French student would type it for this question's unit.
pub fn typed(q: &Question, value: rust_decimal::Decimal) -> String {
    match q.unit {
        Unit::Euros => format::euros(value),
        // All the decimals a rate is asked with (0,4868 % for a monthly rate); rates
        // asked to 0,01 % print as `format::percent` would.
        Unit::Percent => format!("{}\u{a0}%", format::number(value, 6)),
        Unit::Days => format!("{} jours", format::number(value, 0)),
        Unit::Coefficient | Unit::Number => format::number(value, 6),
    }
}

/// The expected answers of an instance, typed in French.
#[allow(dead_code)]
pub fn right_answers(inst: &Instance) -> BTreeMap<String, String> {
    inst.questions
        .iter()
        .map(|q| {
            // A query or a schema is typed as such; a number in French.
            let answer = q
                .reference_text()
                .map_or_else(|| typed(q, q.answer), str::to_string);
            (q.key.to_string(), answer)
        })
        .collect()
}

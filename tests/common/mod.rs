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

/// The generic properties of tests/exercises.rs for one instance: every formula gives
/// back its answer, right answers score full marks, every known mistake is diagnosed,
/// and no ordinary space precedes € or %.
#[allow(dead_code)]
pub fn check_properties(inst: &Instance, what: &str) {
    use clientele::correct::{correct, Verdict};
    check_formulas(inst, what);
    let rep = correct(inst, &right_answers(inst));
    assert_eq!(rep.score, rep.total, "{what}: {:?}", rep.results);
    for q in &inst.questions {
        for m in &q.mistakes {
            let mut answers = right_answers(inst);
            answers.insert(q.key.to_string(), typed(q, m.answer));
            let rep = correct(inst, &answers);
            let r = rep.results.iter().find(|r| r.key == q.key).unwrap();
            assert_eq!(r.verdict, Verdict::Wrong, "{what} {}", q.key);
            assert_eq!(
                r.diagnosis.as_ref().map(|d| d.note.as_str()),
                Some(m.note),
                "{what} {}",
                q.key
            );
        }
    }
    for text in [&inst.statement, &inst.solution] {
        assert!(!text.contains(" €") && !text.contains(" %"), "{what}");
    }
}

/// The numeric parameters of an instance, by name: what its formulas start from (earlier
/// answers are added as they are checked).
pub fn number_params(inst: &Instance) -> BTreeMap<String, rust_decimal::Decimal> {
    inst.params
        .iter()
        .filter_map(|(k, v)| v.as_number().map(|d| (k.to_string(), d)))
        .collect()
}

/// Every question's formula, evaluated on the parameters and the earlier answers, gives its
/// answer within tolerance, and names only known values.
pub fn check_formulas(inst: &Instance, what: &str) {
    use clientele::expr::Expr;
    let mut env = number_params(inst);
    for q in &inst.questions {
        if let Some(f) = &q.formula {
            let expr = Expr::parse(f).unwrap_or_else(|err| panic!("{what} {}: {err:?}", q.key));
            for v in expr.variables() {
                assert!(
                    env.contains_key(&v),
                    "{what} {}: variable inconnue {v}",
                    q.key
                );
            }
            let got = expr
                .eval(&|n| env.get(n).copied())
                .unwrap_or_else(|e| panic!("{what} {}: {e}", q.key));
            // The formula gives the answer, or a value the question also accepts (the
            // closed form of a sum whose table rounds each line).
            let gives = |x: rust_decimal::Decimal| (got - x).abs() <= q.tolerance;
            assert!(
                gives(q.answer) || q.accepted.iter().any(|a| gives(a.answer)),
                "{what} {} : formule {got} ≠ réponse {}",
                q.key,
                q.answer
            );
        }
        env.insert(q.key.to_string(), q.answer);
    }
}

/// `--set` pairs as the generator takes them.
#[allow(dead_code)]
pub fn sets(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The expected answer of question `key`.
#[allow(dead_code)]
pub fn answer(inst: &Instance, key: &str) -> rust_decimal::Decimal {
    inst.question(key)
        .unwrap_or_else(|| panic!("pas de question {key}"))
        .answer
}

/// Whether question `q` lists the known mistake `note` with the value `answer`.
#[allow(dead_code)]
pub fn has_mistake(q: &Question, note: &str, answer: rust_decimal::Decimal) -> bool {
    q.mistakes
        .iter()
        .any(|m| m.note == note && m.answer == answer)
}

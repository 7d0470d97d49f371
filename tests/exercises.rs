//! Properties every exercise type must have, checked over many seeds.

mod common;

use clientele::catalog::catalog;
use clientele::correct::{correct, Verdict};
use clientele::exercises::ALL;
use clientele::generate::generate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

const SEEDS: u64 = 300;

fn none() -> BTreeMap<String, String> {
    BTreeMap::new()
}

#[test]
fn catalog_and_registry_match() {
    for t in &catalog().types {
        assert!(
            clientele::exercises::find(&t.id).is_some(),
            "{} n'a pas de module",
            t.id
        );
    }
    for e in ALL {
        assert!(
            catalog().find(e.id()).is_some(),
            "{} n'est pas au catalogue",
            e.id()
        );
    }
}

#[test]
fn same_seed_same_instance() {
    for e in ALL {
        for seed in 0..20 {
            assert_eq!(
                generate(e.id(), seed, &none()).unwrap(),
                generate(e.id(), seed, &none()).unwrap()
            );
        }
    }
}

#[test]
fn formulas_recompute_the_answers() {
    for e in ALL {
        for seed in 0..SEEDS {
            let inst = generate(e.id(), seed, &none()).unwrap();
            common::check_formulas(&inst, &format!("{} graine {seed}", e.id()));
        }
    }
}

#[test]
fn right_answers_score_full_marks() {
    for e in ALL {
        for seed in 0..SEEDS {
            let inst = generate(e.id(), seed, &none()).unwrap();
            let rep = correct(&inst, &common::right_answers(&inst));
            for r in &rep.results {
                assert_eq!(
                    r.verdict,
                    Verdict::Correct,
                    "{} graine {seed} {}: {r:?}",
                    e.id(),
                    r.key
                );
            }
            assert_eq!(rep.score, rep.total);
            assert!(rep.total > Decimal::ZERO);
        }
    }
}

#[test]
fn known_mistakes_are_diagnosed() {
    for e in ALL {
        for seed in 0..SEEDS {
            let inst = generate(e.id(), seed, &none()).unwrap();
            for q in &inst.questions {
                for m in &q.mistakes {
                    let mut answers = common::right_answers(&inst);
                    answers.insert(q.key.to_string(), common::typed(q, m.answer));
                    let rep = correct(&inst, &answers);
                    let r = rep.results.iter().find(|r| r.key == q.key).unwrap();
                    assert_eq!(
                        r.verdict,
                        Verdict::Wrong,
                        "{} graine {seed} {}",
                        e.id(),
                        q.key
                    );
                    assert_eq!(
                        r.diagnosis.as_ref().map(|d| d.note.as_str()),
                        Some(m.note),
                        "{} graine {seed}",
                        e.id()
                    );
                }
            }
        }
    }
}

#[test]
fn statements_are_french_and_complete() {
    for e in ALL {
        for seed in 0..50 {
            let inst = generate(e.id(), seed, &none()).unwrap();
            for text in [&inst.statement, &inst.solution] {
                assert!(
                    !text.contains("  €") && !text.contains(" €"),
                    "espace ordinaire avant € : {}",
                    e.id()
                );
                assert!(
                    !text.contains(" %"),
                    "espace ordinaire avant % : {}",
                    e.id()
                );
                assert!(!text.contains("TODO") && !text.contains("{}"), "{}", e.id());
            }
            for q in &inst.questions {
                assert!(
                    !q.prompt.is_empty() && !q.step.is_empty(),
                    "{} {}",
                    e.id(),
                    q.key
                );
                for m in &q.mistakes {
                    assert!(m.message.len() > 20, "{} {} {}", e.id(), q.key, m.note);
                }
            }
        }
    }
}

#[test]
fn garbage_answers_never_panic() {
    let garbage = [
        "",
        "abc",
        "12,34,5",
        "1e999",
        "--3",
        "€",
        "%",
        "NaN",
        "∞",
        "12 €",
        "99999999999999999999999999999999",
    ];
    let long = "9".repeat(10_000);
    for e in ALL {
        let inst = generate(e.id(), 1, &none()).unwrap();
        for g in garbage.iter().copied().chain([long.as_str()]) {
            let answers = inst
                .questions
                .iter()
                .map(|q| (q.key.to_string(), g.to_string()))
                .collect();
            let rep = correct(&inst, &answers);
            assert!(rep.score <= rep.total);
        }
    }
}

#[test]
fn extreme_values_never_overflow() {
    let extremes = [
        "-79228162514264337593543950335",
        "79228162514264337593543950335",
        "-7,9e28",
        "0,0000000000000000000000000001",
    ];
    for e in ALL {
        let inst = generate(e.id(), 2, &none()).unwrap();
        for x in extremes {
            let answers = inst
                .questions
                .iter()
                .map(|q| (q.key.to_string(), x.to_string()))
                .collect();
            let rep = correct(&inst, &answers);
            assert!(rep.score <= rep.total);
        }
    }
}

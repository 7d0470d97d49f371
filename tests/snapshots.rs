//! Reproducibility guard: every type at fixed seeds, and every variant once.
//!
//! A changed snapshot means published exercise codes would regenerate differently:
//! change one only with a reason in the commit message (or bump the type's version).

use clientele::exercises::ALL;
use clientele::generate::{generate, ParamKind};
use clientele::render::{json, markdown};
use std::collections::BTreeMap;

fn name(id: &str, what: &str) -> String {
    format!("{}__{what}", id.replace('/', "__"))
}

#[test]
fn every_type_at_fixed_seeds() {
    for e in ALL {
        for seed in [1u64, 2, 3] {
            let inst = generate(e.id(), seed, &BTreeMap::new()).unwrap();
            insta::assert_snapshot!(
                name(e.id(), &format!("graine{seed}_md")),
                markdown::instance(&inst, true)
            );
            insta::assert_snapshot!(
                name(e.id(), &format!("graine{seed}_json")),
                json::instances(&[inst], true, false)
            );
        }
    }
}

#[test]
fn every_variant_and_convention() {
    for e in ALL {
        for spec in e.params() {
            if let ParamKind::Choice { values, .. } = spec.kind {
                for (value, _) in values {
                    let sets = BTreeMap::from([(spec.name.to_string(), value.to_string())]);
                    let inst = generate(e.id(), 11, &sets).unwrap();
                    insta::assert_snapshot!(
                        name(e.id(), &format!("{}-{value}_md", spec.name)),
                        markdown::instance(&inst, true)
                    );
                }
            }
        }
    }
}

//! Reproducibility guard of version 1: every type at fixed seeds, and every variant once,
//! as the frozen copies in `clientele::v1` produce them.
//!
//! These snapshots were taken before version 2 existed: a change here means codes printed
//! on sheets (`NAP-77`) would regenerate differently, which is never allowed. The current
//! version has its own snapshots (`tests/snapshots_v2.rs`).

use clientele::catalog::catalog;
use clientele::generate::{generate_with, validate_overrides, Exercise, ParamKind};
use clientele::model::Instance;
use clientele::render::{json, markdown};
use clientele::v1::ALL;
use std::collections::BTreeMap;

fn generate(e: &dyn Exercise, seed: u64, sets: &BTreeMap<String, String>) -> Instance {
    let entry = catalog().find(e.id()).unwrap();
    let fixed = validate_overrides(e, sets).unwrap();
    generate_with(entry, e, seed, &fixed).unwrap()
}

fn name(id: &str, what: &str) -> String {
    format!("{}__{what}", id.replace('/', "__"))
}

#[test]
fn every_type_at_fixed_seeds() {
    for e in ALL {
        for seed in [1u64, 2, 3] {
            let inst = generate(*e, seed, &BTreeMap::new());
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
                    let inst = generate(*e, 11, &sets);
                    insta::assert_snapshot!(
                        name(e.id(), &format!("{}-{value}_md", spec.name)),
                        markdown::instance(&inst, true)
                    );
                }
            }
        }
    }
}

//! Version 1 is frozen: a digest of many of its instances, per type, taken before version 2
//! existed (and checked then against the binary of that time, which had no `v1` tree).
//!
//! The snapshots of `tests/snapshots.rs` show three seeds and each variant; this covers
//! seeds 1 to 200 of every type, so that a change to a helper shared with the current
//! version (number layout, plural rules, a chart) cannot slip into old codes unseen.
//! `CLIENTELE_PRINT_DIGESTS=1 cargo test --test frozen_v1 -- --nocapture` prints them.

use clientele::catalog::catalog;
use clientele::generate::generate_with;
use clientele::model::Params;
use clientele::render::{json, markdown};
use clientele::v1::ALL;

/// FNV-1a, 64 bits: stable across Rust versions, unlike `DefaultHasher`.
fn fnv(h: &mut u64, bytes: &[u8]) {
    for b in bytes {
        *h ^= *b as u64;
        *h = h.wrapping_mul(0x0100_0000_01b3);
    }
}

const SEEDS: u64 = 200;
const DIGESTS: &str = include_str!("data/v1_digests.txt");

#[test]
fn version_1_regenerates_as_it_was_published() {
    let print = std::env::var_os("CLIENTELE_PRINT_DIGESTS").is_some();
    let mut mismatches = Vec::new();
    for e in ALL {
        let entry = catalog().find(e.id()).unwrap();
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for seed in 1..=SEEDS {
            let inst = generate_with(entry, *e, seed, &Params::new()).unwrap();
            fnv(&mut h, markdown::instance(&inst, true).as_bytes());
            fnv(&mut h, json::instances(&[inst], true, false).as_bytes());
        }
        let line = format!("{} {h:016x}", e.id());
        if print {
            println!("{line}");
        } else if !DIGESTS.lines().any(|l| l == line) {
            mismatches.push(line);
        }
    }
    assert!(
        print || mismatches.is_empty(),
        "version 1 changed (a published code would regenerate differently): {mismatches:?}"
    );
    assert!(print || DIGESTS.lines().count() == ALL.len());
}

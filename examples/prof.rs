//! Generates and renders N instances of one type, for profiling the generation engine
//! (e.g. under `valgrind --tool=callgrind`): `cargo run --release --example prof -- prix/tva 2000`.

use clientele::catalog::catalog;
use clientele::exercises;
use clientele::generate::generate_with;
use clientele::model::Params;
use clientele::render::markdown;
use std::hint::black_box;

/// Same allocator as the binary, so the profile is the one a user gets.
#[global_allocator]
static ALLOCATOR: clientele::alloc::MiMalloc = clientele::alloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let id = args
        .next()
        .unwrap_or_else(|| "prix/net-a-payer".to_string());
    let n: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let (Some(entry), Some(ex)) = (catalog().find(&id), exercises::find(&id)) else {
        eprintln!("Type d'exercice inconnu : « {id} ».");
        std::process::exit(2);
    };
    let fixed = Params::new();
    let mut bytes = 0usize;
    for seed in 1..=n {
        let inst = generate_with(entry, ex, seed, &fixed).expect("instance");
        bytes += black_box(markdown::instance(&inst, true)).len();
    }
    println!("{n} instances de {id}, {bytes} octets");
}

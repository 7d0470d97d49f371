//! Throughput of the pricing family: instances generated and rendered per second,
//! answers checked per second. Figures are reported in the README.

use clientele::catalog::catalog;
use clientele::correct::correct;
use clientele::exercises;
use clientele::generate::generate_with;
use clientele::model::Params;
use clientele::render::markdown;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::collections::BTreeMap;
use std::hint::black_box;

/// Same allocator as the binary, so the figures are the ones a user gets.
#[global_allocator]
static ALLOCATOR: clientele::alloc::MiMalloc = clientele::alloc::MiMalloc;

const PRICING: &[&str] = &[
    "prix/net-a-payer",
    "prix/marges",
    "prix/tva",
    "prix/acceptabilite",
    "prix/elasticite",
];

fn generate_and_render(c: &mut Criterion) {
    let mut g = c.benchmark_group("generer_et_rendre");
    g.throughput(Throughput::Elements(1));
    let fixed = Params::new();
    for id in PRICING {
        let (Some(entry), Some(ex)) = (catalog().find(id), exercises::find(id)) else {
            continue;
        };
        let mut seed = 0u64;
        g.bench_function(BenchmarkId::from_parameter(id), |b| {
            b.iter(|| {
                seed += 1;
                let inst = generate_with(entry, ex, seed, &fixed).unwrap();
                black_box(markdown::instance(&inst, true))
            })
        });
    }
    // The family as a teacher's sheet mixes it: the five types in turn.
    let types: Vec<_> = PRICING
        .iter()
        .filter_map(|id| Some((catalog().find(id)?, exercises::find(id)?)))
        .collect();
    let mut seed = 0u64;
    g.bench_function(
        BenchmarkId::from_parameter("prix (les cinq types en alternance)"),
        |b| {
            b.iter(|| {
                seed += 1;
                let (entry, ex) = types[(seed % types.len() as u64) as usize];
                let inst = generate_with(entry, ex, seed / types.len() as u64, &fixed).unwrap();
                black_box(markdown::instance(&inst, true))
            })
        },
    );
    g.finish();
}

fn check_answers(c: &mut Criterion) {
    let mut g = c.benchmark_group("corriger");
    for id in PRICING {
        let (Some(entry), Some(ex)) = (catalog().find(id), exercises::find(id)) else {
            continue;
        };
        let inst = generate_with(entry, ex, 7, &Params::new()).unwrap();
        // A mix of right, wrong and carried-forward answers, typed the French way.
        let answers: BTreeMap<String, String> = inst
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let v = if i == 1 {
                    q.answer + rust_decimal::Decimal::ONE
                } else {
                    q.answer
                };
                (q.key.to_string(), clientele::num::format::number(v, 4))
            })
            .collect();
        g.throughput(Throughput::Elements(inst.questions.len() as u64));
        g.bench_function(BenchmarkId::from_parameter(id), |b| {
            b.iter(|| black_box(correct(&inst, &answers)))
        });
    }
    g.finish();
}

/// A 30-year loan (360 monthly lines, table and chart in the solution): generated with
/// fixed parameters, rendered to Markdown and corrected.
fn long_loan(c: &mut Criterion) {
    use clientele::model::ParamValue;
    use rust_decimal_macros::dec;
    let id = "financement/emprunt";
    let (Some(entry), Some(ex)) = (catalog().find(id), exercises::find(id)) else {
        return;
    };
    let mut fixed = Params::new();
    for (k, v) in [
        ("capital", dec!(250000)),
        ("taux_annuel", dec!(3.8)),
        ("nb_echeances", dec!(360)),
        ("periode_k", dec!(120)),
    ] {
        fixed.insert(k.into(), ParamValue::Number(v));
    }
    for (k, v) in [
        ("variante", "annuites-constantes"),
        ("periodicite", "mensuelle"),
    ] {
        fixed.insert(k.into(), ParamValue::Choice(v.into()));
    }
    c.bench_function("emprunt_360_mois", |b| {
        b.iter(|| {
            let inst = generate_with(entry, ex, 1, &fixed).unwrap();
            let md = markdown::instance(&inst, true);
            let answers: BTreeMap<String, String> = inst
                .questions
                .iter()
                .map(|q| {
                    (
                        q.key.to_string(),
                        clientele::num::format::number(q.answer, 4),
                    )
                })
                .collect();
            black_box((md, correct(&inst, &answers)))
        })
    });
}

criterion_group!(benches, generate_and_render, check_answers, long_loan);
criterion_main!(benches);

//! The magnitude invariants of issue #16, across types: two statements about one company
//! never contradict each other. Each type draws around the company's declared figures
//! (`exercises/contextes.toml`); here the figures *shown* are read back from the
//! generated instances and compared with the company and with one another.
//!
//! `cargo test` draws 150 seeds a type; `.ci/run` draws 2 000 in a release build
//! (`CLIENTELE_COHERENCE_SEEDS=2000 cargo test --release --test magnitudes`).

use clientele::exercises::context::MONTHS;
use clientele::generate::generate;
use clientele::model::Instance;
use clientele::world::{world, Business, Product};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn seeds() -> u64 {
    std::env::var("CLIENTELE_COHERENCE_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(150)
}

fn instances(id: &str) -> impl Iterator<Item = (u64, Instance)> + '_ {
    (1..=seeds()).map(move |seed| {
        let inst = generate(id, seed, &BTreeMap::new())
            .unwrap_or_else(|e| panic!("{id} graine {seed} : {e}"));
        (seed, inst)
    })
}

/// The company a statement is set in (the longest name it holds).
fn company(inst: &Instance) -> &'static Business {
    world()
        .entreprise
        .iter()
        .filter(|b| inst.statement.contains(&b.nom))
        .max_by_key(|b| b.nom.len())
        .unwrap_or_else(|| panic!("{} : aucune entreprise nommée", inst.code))
}

/// The product of `b` a statement is about (the longest name it holds).
fn product(inst: &Instance, b: &'static Business) -> Option<&'static Product> {
    b.produit
        .iter()
        .filter(|p| inst.statement.contains(&p.nom) || inst.statement.contains(&p.pluriel))
        .max_by_key(|p| p.nom.len())
}

fn number(inst: &Instance, key: &str) -> Option<Decimal> {
    inst.params.get(key).and_then(|v| v.as_number())
}

/// The month a statement names (« du mois de mars », « du mois d'août »).
fn month_named(statement: &str) -> Option<u32> {
    (1..=12u32).find(|&m| {
        let name = MONTHS[m as usize - 1];
        statement.contains(&format!("mois de {name}"))
            || statement.contains(&format!("mois d'{name}"))
    })
}

#[test]
fn a_portfolio_stays_within_its_company() {
    for (seed, inst) in instances("segmentation/abc") {
        let b = company(&inst);
        let shown: Decimal = inst
            .params
            .iter()
            .filter(|(k, _)| k.starts_with("ca_"))
            .filter_map(|(_, v)| v.as_number())
            .sum();
        assert!(shown > Decimal::ZERO, "abc graine {seed}");
        // Σ of a portfolio's turnover ≤ the company's turnover, and ≤ one salesperson's
        // share of it (drawn at most 7 % above the average share).
        assert!(shown <= Decimal::from(b.ca_annuel), "abc graine {seed}");
        assert!(
            shown <= b.turnover_per_salesperson() * Decimal::new(107, 2),
            "abc graine {seed} : {shown} > portefeuille de {} ({})",
            b.nom,
            b.turnover_per_salesperson()
        );
        // The average order of class A is at least the floor price of the cheapest product.
        if let Some(q) = inst.question("panier_moyen_a") {
            let floor = b.produit.iter().map(|p| p.prix_ht_min).min().unwrap();
            assert!(
                q.answer >= floor,
                "abc graine {seed} : panier {} < {floor}",
                q.answer
            );
        }
    }
}

#[test]
fn the_sales_force_counts_the_company_s_customers() {
    for (seed, inst) in instances("effort/charge-de-travail") {
        let b = company(&inst);
        let counted: Decimal = ["nb_a", "nb_b", "nb_c"]
            .iter()
            .filter_map(|k| number(&inst, k))
            .sum();
        assert_eq!(
            counted,
            Decimal::from(b.clients),
            "charge-de-travail graine {seed}"
        );
    }
}

/// An annual volume of one product as each type shows it: couts-seuil states it, the
/// normal law shows one month's mean, the sales budget one month's quantity per line.
#[test]
fn annual_and_monthly_volumes_agree_across_types() {
    let mut volumes: BTreeMap<String, Vec<(Decimal, String)>> = BTreeMap::new();
    let mut note = |p: &Product, b: &Business, v: Decimal, at: String| {
        volumes
            .entry(format!("{} / {}", b.nom, p.nom))
            .or_default()
            .push((v, at));
    };
    for (seed, inst) in instances("effort/couts-seuil") {
        let b = company(&inst);
        let variant = inst.params.get("variante").map(|v| v.to_string());
        if variant.as_deref() == Some("cout-complet") {
            continue;
        }
        let (Some(p), Some(q)) = (product(&inst, b), number(&inst, "quantite")) else {
            continue;
        };
        note(p, b, q, format!("couts-seuil graine {seed}"));
    }
    for (seed, inst) in instances("decision/loi-normale") {
        let b = company(&inst);
        let (Some(p), Some(m), Some(month)) = (
            product(&inst, b),
            number(&inst, "moyenne"),
            month_named(&inst.statement),
        ) else {
            panic!("loi-normale graine {seed} : produit, moyenne ou mois introuvable");
        };
        note(
            p,
            b,
            m / p.month_share(month),
            format!("loi-normale graine {seed}"),
        );
    }
    let mut pairs = 0;
    for (what, shown) in &volumes {
        for (a, at_a) in shown {
            for (b, at_b) in shown {
                if at_a < at_b {
                    pairs += 1;
                    let gap = (*a - *b).abs();
                    assert!(
                        gap * Decimal::from(100) <= (*a).max(*b) * Decimal::from(15),
                        "{what} : {a} ({at_a}) et {b} ({at_b}) diffèrent de plus de 15 %"
                    );
                }
            }
        }
    }
    assert!(pairs > 0, "aucun produit vu dans deux énoncés");
}

#[test]
fn a_month_of_the_budget_is_a_month_of_the_company() {
    for (seed, inst) in instances("suivi/budget-ecarts") {
        let b = company(&inst);
        let Some(p) = product(&inst, b) else { continue };
        let price = number(&inst, "prix_budget").unwrap();
        assert!(
            p.prix_ht_min <= price && price <= p.prix_ht_max,
            "budget-ecarts graine {seed} : prix {price} hors de la fourchette de {}",
            p.nom
        );
        // No line budgets more than the company's volume of the product in a month of
        // its season, give or take the spread.
        let peak = (1..=12).map(|m| b.month_volume(p, m)).max().unwrap();
        for (k, v) in inst
            .params
            .iter()
            .filter(|(k, _)| k.starts_with("qte_budget_"))
        {
            let v = v.as_number().unwrap();
            assert!(
                v <= peak * Decimal::new(115, 2),
                "budget-ecarts graine {seed} : {k} = {v} > {peak} (pic mensuel de {})",
                p.nom
            );
        }
    }
}

/// The customers a statistics statement groups in classes are the company's whole
/// portfolio, as the workload of its sales force counts them.
#[test]
fn classes_of_customers_count_the_company_s_customers() {
    let mut seen = 0;
    for (seed, inst) in instances("segmentation/statistiques") {
        if inst.params.get("serie").map(|v| v.to_string()).as_deref() != Some("classes") {
            continue;
        }
        seen += 1;
        let b = company(&inst);
        let counted: Decimal = (1..=6)
            .filter_map(|i| number(&inst, &format!("effectif_{i}")))
            .sum();
        assert_eq!(
            counted,
            Decimal::from(b.clients),
            "statistiques graine {seed}"
        );
    }
    assert!(seen > 0, "aucune série en classes");
}

//! `segmentation/clientele-potentielle`: the two cases of the S431 chapter recomputed by
//! hand, carried-forward credit, and the invariants of a market breakdown.

mod common;

use common::{answer, sets};

use clientele::calc::market::{rate, Market};
use clientele::correct::{correct, Verdict};
use clientele::generate::generate;
use clientele::model::Instance;
use clientele::world::{world, Business, Clientele, Product, INDIVIDUAL};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

const ID: &str = "segmentation/clientele-potentielle";

fn mistake(inst: &Instance, key: &str, note: &str) -> Option<Decimal> {
    inst.question(key)
        .unwrap()
        .mistakes
        .iter()
        .find(|m| m.note == note)
        .map(|m| m.answer)
}

/// Les Fourneaux d'Armor (chapter S431): 62 000 households, 21 700 NCA, 6 200 equipped
/// of which 930 are customers; 2 % of the NCR to convert.
fn fourneaux() -> Instance {
    generate(
        ID,
        1,
        &sets(&[
            ("variante", "nca"),
            ("population", "62000"),
            ("nca", "21700"),
            ("clients_entreprise", "930"),
            ("clients_concurrents", "5270"),
            ("objectif_conversion", "2"),
        ]),
    )
    .unwrap()
}

#[test]
fn fourneaux_d_armor() {
    let inst = fourneaux();
    assert_eq!(answer(&inst, "consommateurs_actuels"), dec!(6200));
    // NCR = 62 000 − 21 700 − 6 200 = 34 100; potential = 6 200 + 34 100 = 40 300.
    assert_eq!(answer(&inst, "ncr"), dec!(34100));
    assert_eq!(answer(&inst, "clientele_potentielle"), dec!(40300));
    // 930 / 6 200 = 15 %; 930 / 40 300 = 2,307… → 2,31 %; 6 200 / 62 000 = 10 %;
    // 930 / 62 000 = 1,5 %.
    assert_eq!(answer(&inst, "pdm_effective"), dec!(15));
    assert_eq!(answer(&inst, "pdm_potentielle"), dec!(2.31));
    assert_eq!(answer(&inst, "penetration_produit"), dec!(10));
    assert_eq!(answer(&inst, "penetration_entreprise"), dec!(1.5));
    // 2 % × 34 100 = 682 new customers; (930 + 682) / (6 200 + 682) = 1 612 / 6 882
    // = 23,423… → 23,42 %.
    assert_eq!(answer(&inst, "nouveaux_clients"), dec!(682));
    assert_eq!(answer(&inst, "pdm_apres_conversion"), dec!(23.42));
    // The classic mistakes of the chapter.
    assert_eq!(
        mistake(&inst, "clientele_potentielle", "nca-dans-potentiel"),
        Some(dec!(62000))
    );
    assert_eq!(
        mistake(&inst, "pdm_effective", "pdm-sur-potentiel"),
        Some(dec!(2.31))
    );
    assert_eq!(
        mistake(&inst, "pdm_effective", "penetration-au-lieu-pdm"),
        Some(dec!(1.5))
    );
    assert_eq!(
        mistake(&inst, "penetration_entreprise", "pdm-au-lieu-penetration"),
        Some(dec!(15))
    );
    // 1 612 / 6 200 = 26 %: the denominator was not updated.
    assert_eq!(
        mistake(
            &inst,
            "pdm_apres_conversion",
            "demande-effective-non-actualisee"
        ),
        Some(dec!(26))
    );
    assert!(inst.statement.contains("| 62\u{202f}000 |"));
}

#[test]
fn prise_d_altitude_with_the_ncr_given() {
    // Exercise 2 of the chapter, read the other way: 85 000 inhabitants, 72 200 NCR,
    // 3 400 climbers of which 1 190 customers → NCA = 85 000 − 72 200 − 3 400 = 9 400.
    let inst = generate(
        ID,
        2,
        &sets(&[
            ("variante", "ncr"),
            ("population", "85000"),
            ("ncr", "72200"),
            ("clients_entreprise", "1190"),
            ("clients_concurrents", "2210"),
        ]),
    )
    .unwrap();
    assert_eq!(answer(&inst, "nca"), dec!(9400));
    assert_eq!(answer(&inst, "clientele_potentielle"), dec!(75600));
    assert_eq!(answer(&inst, "pdm_effective"), dec!(35));
    // 1 190 / 75 600 = 1,574… → 1,57 %; 3 400 / 85 000 = 4 %; 1 190 / 85 000 = 1,4 %.
    assert_eq!(answer(&inst, "pdm_potentielle"), dec!(1.57));
    assert_eq!(answer(&inst, "penetration_produit"), dec!(4));
    assert_eq!(answer(&inst, "penetration_entreprise"), dec!(1.4));
}

#[test]
fn later_steps_carry_a_wrong_potential_forward() {
    let inst = fourneaux();
    let mut answers = common::right_answers(&inst);
    // NCA kept in the potential: 62 000, then 930 / 62 000 = 1,5 % on the potential.
    answers.insert("clientele_potentielle".into(), "62 000".into());
    answers.insert("pdm_potentielle".into(), "1,5 %".into());
    let rep = correct(&inst, &answers);
    let result = |k: &str| rep.results.iter().find(|r| r.key == k).unwrap();
    assert_eq!(result("clientele_potentielle").verdict, Verdict::Wrong);
    assert_eq!(
        result("clientele_potentielle")
            .diagnosis
            .as_ref()
            .map(|d| d.note.as_str()),
        Some("nca-dans-potentiel")
    );
    assert_eq!(result("pdm_potentielle").verdict, Verdict::CarriedForward);
}

#[test]
fn impossible_counts_are_refused_in_french() {
    // More consumers than people: no instance, a clear message.
    let err = generate(
        ID,
        1,
        &sets(&[
            ("variante", "nca"),
            ("population", "1000"),
            ("nca", "500"),
            ("clients_entreprise", "400"),
            ("clients_concurrents", "400"),
        ]),
    )
    .unwrap_err();
    assert!(err.to_string().contains("Impossible de générer"), "{err}");
}

#[test]
fn every_seed_orders_the_indicators() {
    for seed in 0..300 {
        let inst = generate(ID, seed, &BTreeMap::new()).unwrap();
        let pop = inst.params["population"].as_number().unwrap();
        assert!(
            answer(&inst, "clientele_potentielle") < pop,
            "graine {seed}"
        );
        assert!(
            answer(&inst, "pdm_effective") >= answer(&inst, "pdm_potentielle"),
            "graine {seed}"
        );
        assert!(
            answer(&inst, "penetration_produit") >= answer(&inst, "penetration_entreprise"),
            "graine {seed}"
        );
        assert!(
            answer(&inst, "pdm_apres_conversion") > answer(&inst, "pdm_effective"),
            "graine {seed}"
        );
    }
}

proptest! {
    /// Population = NCA + NCR + consumers, potential = population − NCA, and a share on
    /// the actual demand is never below the share on the potential demand.
    #[test]
    fn breakdown_adds_up(
        nca in 1i64..100_000,
        ncr in 1i64..100_000,
        company in 1i64..50_000,
        competitors in 1i64..50_000,
    ) {
        let m = Market {
            population: nca + ncr + company + competitors,
            absolute_non_consumers: nca,
            company_customers: company,
            competitor_customers: competitors,
        };
        prop_assert!(m.is_consistent());
        prop_assert_eq!(m.relative_non_consumers(), ncr);
        prop_assert_eq!(m.potential(), m.population - nca);
        prop_assert!(rate(company, m.current_consumers()) >= rate(company, m.potential()));
        prop_assert!(rate(m.current_consumers(), m.population) <= Some(dec!(100)));
    }
}

/// The company and product a statement is set in (the longest names it holds).
fn scene_of(inst: &Instance) -> (&'static Business, &'static Product) {
    let b = world()
        .entreprise
        .iter()
        .filter(|b| inst.statement.contains(&b.nom))
        .max_by_key(|b| b.nom.len())
        .expect("une entreprise du monde");
    let p = b
        .produit
        .iter()
        .filter(|p| {
            inst.statement
                .contains(&format!("marché des {}", p.pluriel))
        })
        .max_by_key(|p| p.pluriel.len())
        .expect("un produit de l'entreprise");
    (b, p)
}

/// Every drawn market keeps to its company's scale: the company's customers of the
/// product are some of its customers on the side counted, each buying on average at
/// least one smallest order of the product a year and no more than its kind can order;
/// the zone holds all of them; the groups nest.
#[test]
fn every_market_keeps_to_its_company() {
    let (mut reach_lo, mut reach_hi) = (dec!(100), dec!(0));
    let mut households = 0;
    for seed in 0..600 {
        let inst = generate(ID, seed, &BTreeMap::new()).unwrap();
        let at = format!("graine {seed}");
        let (b, p) = scene_of(&inst);
        let get = |k: &str| inst.params[k].as_number().unwrap();
        let population = get("population");
        let company = get("clients_entreprise");
        let consumers = answer(&inst, "consommateurs_actuels");
        let potential = answer(&inst, "clientele_potentielle");
        let home = inst.statement.contains("Nombre de foyers");
        households += usize::from(home);
        // The side's customers: all of them, or a mixed company's households (85 %) or
        // firms (15 %).
        let share = match (b.clientele, home) {
            (Clientele::Mixte, true) => dec!(0.85),
            (Clientele::Mixte, false) => dec!(0.15),
            _ => dec!(1),
        };
        let side = Decimal::from(b.clients) * share;
        assert!(company >= dec!(1) && company <= side * dec!(0.9), "{at}");
        assert!(company < consumers && consumers < potential, "{at}");
        assert!(potential < population, "{at}");
        assert!(population >= side, "{at} : {population} < {side}");
        // Customers × average purchase = the product's turnover, each purchase between
        // one smallest order a year and as many largest orders as the kind places.
        // The product's turnover on the side: split evenly among its buyer kinds.
        let kinds: Vec<&String> = p
            .acheteurs
            .keys()
            .filter(|k| (k.as_str() == INDIVIDUAL) == home)
            .collect();
        assert!(!kinds.is_empty(), "{at}");
        let turnover = b.product_turnover(p) * Decimal::from(kinds.len() as u64)
            / Decimal::from(p.acheteurs.len() as u64);
        let avg = turnover / company;
        let lo = kinds
            .iter()
            .map(|k| p.order_value_range(k).unwrap().0)
            .min()
            .unwrap();
        let hi = kinds
            .iter()
            .map(|k| p.order_value_range(k).unwrap().1)
            .max()
            .unwrap();
        let orders = if home { 6 } else { 250 };
        assert!(avg >= lo, "{at} : achat moyen {avg} < {lo}");
        assert!(
            avg <= hi * Decimal::from(orders),
            "{at} : achat moyen {avg}"
        );
        // The company reaches part of its zone, never all of it.
        let reach = side * dec!(100) / population;
        reach_lo = reach_lo.min(reach);
        reach_hi = reach_hi.max(reach);
        assert!(reach <= dec!(65), "{at} : {reach} %");
    }
    assert!(
        (60..=540).contains(&households),
        "{households} marchés de foyers"
    );
    // Measured: the company's customers of the side make 1,7 % to 49,3 % of the zone
    // (127 household markets out of 600).
    eprintln!(
        "clients de l'entreprise : {} % à {} % de la zone ; {households} marchés de foyers sur 600",
        reach_lo.round_dp(1),
        reach_hi.round_dp(1)
    );
}

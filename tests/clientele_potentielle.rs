//! `segmentation/clientele-potentielle`: the two cases of the S431 chapter recomputed by
//! hand, carried-forward credit, and the invariants of a market breakdown.

mod common;

use common::{answer, sets};

use clientele::calc::market::{rate, Market};
use clientele::correct::{correct, Verdict};
use clientele::generate::generate;
use clientele::model::Instance;
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

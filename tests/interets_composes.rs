//! `financement/interets-composes`: hand-checked cases against the spreadsheet functions
//! (VC/FV, VA/PV, TAUX/RATE, NPM/NPER), every variant and convention through the
//! generic properties, carried-forward credit, garbage answers.

mod common;

use common::{answer, sets};

use clientele::correct::{correct, Verdict};
use clientele::generate::generate;
use clientele::model::Instance;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const ID: &str = "financement/interets-composes";
const VARIANTS: [&str; 7] = [
    "valeur-acquise",
    "valeur-actuelle",
    "capitalisation-mensuelle",
    "taux-mensuels",
    "taux-annuels",
    "duree",
    "taux",
];

fn inst(pairs: &[(&str, &str)]) -> Instance {
    generate(ID, 2, &sets(pairs)).unwrap()
}

fn mistake(inst: &Instance, key: &str, note: &str) -> Decimal {
    inst.question(key)
        .unwrap()
        .mistakes
        .iter()
        .find(|m| m.note == note)
        .unwrap_or_else(|| panic!("{key}: pas d'erreur {note}"))
        .answer
}

#[test]
fn future_and_present_values_hand_checked() {
    // VC(5 %; 3; 0; −10 000) = 11 576,25: 1,05³ = 1,157625.
    let i = inst(&[
        ("variante", "valeur-acquise"),
        ("capital", "10000"),
        ("taux", "5"),
        ("nb_annees", "3"),
    ]);
    assert_eq!(answer(&i, "valeur_acquise"), dec!(11576.25));
    assert_eq!(answer(&i, "interets"), dec!(1576.25));
    // Simple interest: 10 000 × (1 + 3 × 0,05) = 11 500; two capitalisations: 11 025.
    assert_eq!(
        mistake(&i, "valeur_acquise", "interets-simples"),
        dec!(11500)
    );
    assert_eq!(
        mistake(&i, "valeur_acquise", "une-periode-de-moins"),
        dec!(11025)
    );
    assert_eq!(mistake(&i, "interets", "interets-simples"), dec!(1500));
    // VA(3 %; 4; 0; −20 000) = 17 769,74: 1,03⁴ = 1,12550881.
    let p = inst(&[
        ("variante", "valeur-actuelle"),
        ("valeur_future", "20000"),
        ("taux", "3"),
        ("nb_annees", "4"),
    ]);
    assert_eq!(answer(&p, "valeur_actuelle"), dec!(17769.74));
    assert_eq!(answer(&p, "interets"), dec!(2230.26));
    // Simple interest: 20 000 / 1,12 = 17 857,14; capitalised: 20 000 × 1,12550881 = 22 510,18.
    assert_eq!(
        mistake(&p, "valeur_actuelle", "interets-simples"),
        dec!(17857.14)
    );
    assert_eq!(
        mistake(
            &p,
            "valeur_actuelle",
            "capitalisation-au-lieu-d-actualisation"
        ),
        dec!(22510.18)
    );
}

#[test]
fn monthly_capitalisation_both_conventions() {
    // Proportional (textbook default): 6 % ÷ 12 = 0,5 %; VC(0,5 %; 12; 0; −10 000) = 10 616,78.
    let base = [
        ("variante", "capitalisation-mensuelle"),
        ("capital", "10000"),
        ("taux", "6"),
        ("nb_mois", "12"),
    ];
    let p = inst(&base);
    assert_eq!(answer(&p, "taux_periodique"), dec!(0.5));
    assert_eq!(answer(&p, "valeur_acquise"), dec!(10616.78));
    assert!(p.statement.contains("**proportionnel**"));
    // Equivalent: (1,06)^(1/12) − 1 = 0,4868 % (rounded, then used):
    // 10 000 × 1,004868^12 = 10 600,06 € (≈ 10 600, the annual rate over one year).
    let mut eq = base.to_vec();
    eq.push(("taux_mensuel", "equivalent"));
    let e = inst(&eq);
    assert_eq!(answer(&e, "taux_periodique"), dec!(0.4868));
    assert_eq!(answer(&e, "valeur_acquise"), dec!(10600.06));
    assert_eq!(
        mistake(
            &e,
            "taux_periodique",
            "taux-proportionnel-au-lieu-d-equivalent"
        ),
        dec!(0.5)
    );
    assert_eq!(
        mistake(
            &e,
            "valeur_acquise",
            "taux-proportionnel-au-lieu-d-equivalent"
        ),
        dec!(10616.78)
    );
    assert_eq!(
        mistake(
            &p,
            "valeur_acquise",
            "taux-equivalent-au-lieu-de-proportionnel"
        ),
        dec!(10600.06)
    );
    // Simple interest over 12 months: 10 000 × (1 + 0,06) = 10 600,00.
    assert_eq!(
        mistake(&p, "valeur_acquise", "interets-simples"),
        dec!(10600)
    );
}

#[test]
fn rates_hand_checked() {
    // 6 % a year: 0,5 % proportional, (1,06)^(1/12) − 1 = 0,4868 % equivalent (spreadsheet
    // =1,06^(1/12)-1), and 1,005^12 − 1 = 6,1678 % → 6,17 % for the proportional rate.
    let m = inst(&[("variante", "taux-mensuels"), ("taux", "6")]);
    assert_eq!(answer(&m, "taux_mensuel_proportionnel"), dec!(0.5));
    assert_eq!(answer(&m, "taux_mensuel_equivalent"), dec!(0.4868));
    assert_eq!(answer(&m, "taux_annuel_du_proportionnel"), dec!(6.17));
    assert_eq!(
        mistake(
            &m,
            "taux_mensuel_equivalent",
            "taux-proportionnel-au-lieu-d-equivalent"
        ),
        dec!(0.5)
    );
    // 1 % a month: 12 % proportional, 1,01^12 − 1 = 12,6825 % → 12,68 % equivalent
    // (=(1,01)^12-1); forgetting the − 1 gives 112,68 %.
    let a = inst(&[("variante", "taux-annuels"), ("taux_mensuel_donne", "1")]);
    assert_eq!(answer(&a, "taux_annuel_proportionnel"), dec!(12));
    assert_eq!(answer(&a, "taux_annuel_equivalent"), dec!(12.68));
    assert_eq!(
        mistake(
            &a,
            "taux_annuel_equivalent",
            "taux-proportionnel-au-lieu-d-equivalent"
        ),
        dec!(12)
    );
    assert_eq!(
        mistake(&a, "taux_annuel_equivalent", "moins-un-oublie"),
        dec!(112.68)
    );
    // TAUX(10; 0; −1 000; 2 000) = 7,18 %: 2^(1/10) − 1 = 0,071773.
    let t = inst(&[
        ("variante", "taux"),
        ("capital", "1000"),
        ("valeur_future", "2000"),
        ("nb_annees", "10"),
    ]);
    assert_eq!(answer(&t, "taux_annuel"), dec!(7.18));
    assert_eq!(answer(&t, "interets"), dec!(1000));
    // Simple interest: (2 − 1) / 10 = 10 %; growth over the 10 years: 100 %.
    assert_eq!(mistake(&t, "taux_annuel", "interets-simples"), dec!(10));
    assert_eq!(mistake(&t, "taux_annuel", "taux-global"), dec!(100));
}

#[test]
fn duration_hand_checked() {
    // NPM(5 %; 0; −1 000; 2 000) = 14,2067: ln 2 / ln 1,05 = 0,693147 / 0,048790.
    // Whole years: 1,05^14 = 1,9799 < 2 ≤ 1,05^15 = 2,0789 → 15 (next integer).
    let d = inst(&[
        ("variante", "duree"),
        ("capital", "1000"),
        ("valeur_future", "2000"),
        ("taux", "5"),
    ]);
    assert_eq!(answer(&d, "duree_exacte"), dec!(14.21));
    assert_eq!(answer(&d, "annees_entieres"), dec!(15));
    assert_eq!(
        mistake(&d, "annees_entieres", "arrondi-par-defaut"),
        dec!(14)
    );
    // Simple interest: (2 − 1) / 0,05 = 20 years.
    assert_eq!(mistake(&d, "duree_exacte", "interets-simples"), dec!(20));
    assert_eq!(mistake(&d, "annees_entieres", "interets-simples"), dec!(20));
    // Inverted quotient: 0,048790 / 0,693147 = 0,07.
    assert_eq!(
        mistake(&d, "duree_exacte", "logarithmes-inverses"),
        dec!(0.07)
    );
    assert!(d.solution.contains("15 ans"));
    // A target reached exactly at a whole year: 1 000 × 1,05² = 1 102,50 → 2 years, and no
    // formula: near a whole number, a duration rounded to 0,01 cannot tell which whole
    // year is reached.
    let exact = inst(&[
        ("variante", "duree"),
        ("capital", "1000"),
        ("valeur_future", "1102.5"),
        ("taux", "5"),
    ]);
    assert_eq!(answer(&exact, "annees_entieres"), dec!(2));
    assert!(exact.question("annees_entieres").unwrap().formula.is_none());
    common::check_properties(&exact, "durée entière");
}

#[test]
fn every_variant_and_convention() {
    for variant in VARIANTS {
        for conv in ["proportionnel", "equivalent"] {
            let s = sets(&[("variante", variant), ("taux_mensuel", conv)]);
            for seed in 0..60 {
                let inst = generate(ID, seed, &s).unwrap();
                common::check_properties(&inst, &format!("{variant}/{conv} graine {seed}"));
            }
        }
    }
}

#[test]
fn carried_forward() {
    // Equivalent convention, but the student keys the proportional 0,5 %: their valeur
    // acquise 10 616,78 € is right from their rate.
    let e = inst(&[
        ("variante", "capitalisation-mensuelle"),
        ("capital", "10000"),
        ("taux", "6"),
        ("nb_mois", "12"),
        ("taux_mensuel", "equivalent"),
    ]);
    let mut answers = common::right_answers(&e);
    answers.insert("taux_periodique".into(), "0,5 %".into());
    answers.insert("valeur_acquise".into(), "10 616,78 €".into());
    answers.insert("interets".into(), "616,78 €".into());
    let rep = correct(&e, &answers);
    let v = |k: &str| rep.results.iter().find(|r| r.key == k).unwrap().verdict;
    assert_eq!(v("taux_periodique"), Verdict::Wrong);
    assert_eq!(v("valeur_acquise"), Verdict::CarriedForward);
    assert_eq!(v("interets"), Verdict::CarriedForward);
    // A wrong proportional rate 0,45 % compounded right: 1,0045^12 − 1 = 5,54 %.
    let m = inst(&[("variante", "taux-mensuels"), ("taux", "6")]);
    let mut answers = common::right_answers(&m);
    answers.insert("taux_mensuel_proportionnel".into(), "0,45 %".into());
    answers.insert("taux_annuel_du_proportionnel".into(), "5,54 %".into());
    let rep = correct(&m, &answers);
    let last = rep
        .results
        .iter()
        .find(|r| r.key == "taux_annuel_du_proportionnel")
        .unwrap();
    assert_eq!(last.verdict, Verdict::CarriedForward);
    // A wrong exact duration 13,4 years: the next whole year from it, 14, is credited.
    let d = inst(&[
        ("variante", "duree"),
        ("capital", "1000"),
        ("valeur_future", "2000"),
        ("taux", "5"),
    ]);
    let mut answers = common::right_answers(&d);
    answers.insert("duree_exacte".into(), "13,4".into());
    answers.insert("annees_entieres".into(), "14".into());
    let rep = correct(&d, &answers);
    let last = rep
        .results
        .iter()
        .find(|r| r.key == "annees_entieres")
        .unwrap();
    assert_eq!(last.verdict, Verdict::CarriedForward);
}

#[test]
fn fixed_convention_shows_monthly_capitalisation() {
    for seed in 0..20 {
        let i = generate(ID, seed, &sets(&[("taux_mensuel", "equivalent")])).unwrap();
        assert!(i.question("taux_periodique").is_some(), "graine {seed}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any settable combination either generates a consistent instance or is refused
    /// with a message; typed garbage never panics the corrector.
    #[test]
    fn any_settings_are_consistent(
        variant in prop::sample::select(VARIANTS.to_vec()),
        capital in 100i64..1_000_000,
        target in 100i64..10_000_000,
        rate_hundredths in 10i64..=2000,
        years in 1i64..=40,
        months in 1i64..=480,
        seed in 0u64..1000,
    ) {
        let s = sets(&[
            ("variante", variant),
            ("capital", &capital.to_string()),
            ("valeur_future", &target.to_string()),
            ("taux", &format!("{}", Decimal::new(rate_hundredths, 2))),
            ("nb_annees", &years.to_string()),
            ("nb_mois", &months.to_string()),
        ]);
        match generate(ID, seed, &s) {
            Ok(inst) => {
                common::check_properties(&inst, "proptest");
                let answers = inst.questions.iter().map(|q| (q.key.to_string(), "--1e999".to_string())).collect();
                let rep = correct(&inst, &answers);
                prop_assert!(rep.score <= rep.total);
            }
            Err(e) => prop_assert!(e.to_string().contains("Impossible de générer")),
        }
    }
}

//! `prix/marges`: hand-checked instances fixed through `--set`, every variant under every
//! convention and TVA rate, known mistakes and carried-forward credit.

mod common;

use common::{has_mistake, number_params, sets};

use clientele::correct::{correct, Verdict};
use clientele::expr::Expr;
use clientele::generate::{generate, GenError};
use clientele::model::Instance;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const ID: &str = "prix/marges";

fn answers(inst: &Instance) -> Vec<(&'static str, Decimal)> {
    inst.questions.iter().map(|q| (q.key, q.answer)).collect()
}

/// Formulas recompute the answers, right answers score full marks, every listed
/// mistake is diagnosed with its own note.
fn check(inst: &Instance) {
    let mut env = number_params(inst);
    for q in &inst.questions {
        let f = q
            .formula
            .as_deref()
            .unwrap_or_else(|| panic!("{}: pas de formule", q.key));
        let got = Expr::parse(f)
            .unwrap()
            .eval(&|n| env.get(n).copied())
            .unwrap();
        assert_eq!(got, q.answer, "{} {:?}: formule {f}", q.key, inst.params);
        env.insert(q.key.to_string(), q.answer);
    }
    let rep = correct(inst, &common::right_answers(inst));
    assert_eq!(rep.score, rep.total, "{:?}", inst.params);
    for q in &inst.questions {
        for m in &q.mistakes {
            let mut a = common::right_answers(inst);
            a.insert(q.key.to_string(), common::typed(q, m.answer));
            let rep = correct(inst, &a);
            let r = rep.results.iter().find(|r| r.key == q.key).unwrap();
            assert_eq!(
                r.verdict,
                Verdict::Wrong,
                "{} {} {:?}",
                q.key,
                m.note,
                inst.params
            );
            assert_eq!(
                r.diagnosis.as_ref().map(|d| d.note.as_str()),
                Some(m.note),
                "{:?}",
                inst.params
            );
        }
    }
}

#[test]
fn textbook_from_markup_rate() {
    // By hand: 80 × 1,25 = 100 ; marge 20 ; marque 20 / 100 = 20 % ; TTC 100 × 1,2 = 120 ;
    // coefficient 120 / 80 = 1,5 (HT/HT : 100 / 80 = 1,25).
    let base = [
        ("variante", "taux-de-marge"),
        ("cout_achat", "80"),
        ("taux_marge", "25"),
        ("taux_tva", "20"),
    ];
    let inst = generate(ID, 1, &sets(&base)).unwrap();
    assert_eq!(
        answers(&inst),
        vec![
            ("prix_vente_ht", dec!(100)),
            ("marge", dec!(20)),
            ("taux_marque", dec!(20)),
            ("prix_vente_ttc", dec!(120)),
            ("coefficient_multiplicateur", dec!(1.5)),
        ]
    );
    assert!(inst.code.starts_with("MRG2-"), "{}", inst.code);
    let notes: Vec<&str> = inst
        .question("taux_marque")
        .unwrap()
        .mistakes
        .iter()
        .map(|m| m.note)
        .collect();
    assert_eq!(notes, vec!["marge-au-lieu-de-marque", "marque-sur-ttc"]);
    // Marge / coût = 25 % ; marge / TTC = 20 / 120 = 16,67 % ; PV HT as a taux de marque:
    // 80 / 0,75 = 106,67 ; TVA on the cost: 96 ; rates added: 80 × 1,45 = 116.
    let mistakes = |key: &str| -> Vec<(&str, Decimal)> {
        inst.question(key)
            .unwrap()
            .mistakes
            .iter()
            .map(|m| (m.note, m.answer))
            .collect()
    };
    assert_eq!(
        mistakes("taux_marque"),
        vec![
            ("marge-au-lieu-de-marque", dec!(25)),
            ("marque-sur-ttc", dec!(16.67))
        ]
    );
    assert!(mistakes("prix_vente_ht").contains(&("marque-au-lieu-de-marge", dec!(106.67))));
    assert!(mistakes("prix_vente_ttc").contains(&("tva-sur-cout", dec!(96))));
    assert!(mistakes("prix_vente_ttc").contains(&("taux-additionnes", dec!(116))));
    // Coefficient TTC/HT = 1,5; the HT/HT one (1,25) is the "confondus" mistake.
    assert!(mistakes("coefficient_multiplicateur")
        .contains(&("coefficient-ht-ttc-confondus", dec!(1.25))));
    check(&inst);

    let ht = generate(
        ID,
        1,
        &sets(&[base.as_slice(), &[("coefficient", "ht-sur-ht")]].concat()),
    )
    .unwrap();
    assert_eq!(
        ht.question("coefficient_multiplicateur").unwrap().answer,
        dec!(1.25)
    );
    assert!(ht.statement.contains("prix de vente HT ÷ coût d'achat HT"));
    check(&ht);
}

#[test]
fn textbook_from_mark_rate_rounded_and_truncated() {
    // By hand: 45,60 / 0,65 = 70,1538… → 70,15 ; marge 24,55 ; taux de marge
    // 24,55 / 45,60 = 53,8377…% → 53,84 % ; TTC 70,15 × 1,055 = 74,00825 → 74,01 ;
    // coefficient 74,01 / 45,60 = 1,62302… → 1,623.
    let base = [
        ("variante", "taux-de-marque"),
        ("cout_achat", "45,60"),
        ("taux_marque", "35"),
        ("taux_tva", "5,5"),
    ];
    let inst = generate(ID, 1, &sets(&base)).unwrap();
    assert_eq!(
        answers(&inst),
        vec![
            ("prix_vente_ht", dec!(70.15)),
            ("marge", dec!(24.55)),
            ("taux_marge", dec!(53.84)),
            ("prix_vente_ttc", dec!(74.01)),
            ("coefficient_multiplicateur", dec!(1.623)),
        ]
    );
    // The rounding is stated in the worked step.
    assert!(
        inst.solution.contains("(arrondi au centime)"),
        "{}",
        inst.solution
    );
    check(&inst);
    // Truncated: 74,00825 → 74,00 ; coefficient 74,00 / 45,60 = 1,62280… → 1,6228.
    let t = generate(
        ID,
        1,
        &sets(&[base.as_slice(), &[("arrondi", "troncature")]].concat()),
    )
    .unwrap();
    assert_eq!(t.question("prix_vente_ttc").unwrap().answer, dec!(74.00));
    assert_eq!(
        t.question("coefficient_multiplicateur").unwrap().answer,
        dec!(1.6228)
    );
    assert!(t.statement.contains("Tronquez"));
    check(&t);
}

#[test]
fn textbook_back_from_price_ttc() {
    // By hand: 150 / 1,2 = 125 ; coût 125 × 0,6 = 75 ; marge 50 ; taux de marge 50 / 75 = 66,67 %.
    let inst = generate(
        ID,
        1,
        &sets(&[
            ("variante", "prix-ttc-vers-cout"),
            ("prix_ttc", "150"),
            ("taux_marque", "40"),
            ("taux_tva", "20"),
        ]),
    )
    .unwrap();
    assert_eq!(
        answers(&inst),
        vec![
            ("prix_vente_ht", dec!(125)),
            ("cout_achat", dec!(75)),
            ("marge", dec!(50)),
            ("taux_marge", dec!(66.67))
        ]
    );
    let ht = inst.question("prix_vente_ht").unwrap();
    // 150 × 0,8 = 120: the TVA taken off as a rate.
    assert!(has_mistake(ht, "tva-retranchee-en-taux", dec!(120)));
    let cost = inst.question("cout_achat").unwrap();
    // 125 / 1,4 = 89,2857… → 89,29 (marque treated as marge) ; 150 × 0,6 = 90 (on TTC).
    assert!(has_mistake(cost, "marge-au-lieu-de-marque", dec!(89.29)));
    assert!(has_mistake(cost, "marge-sur-ttc", dec!(90)));
    // 40 / 1,4 = 28,57 % (relation taken the wrong way).
    let rate = inst.question("taux_marge").unwrap();
    assert!(has_mistake(
        rate,
        "relation-marge-marque-inversee",
        dec!(28.57)
    ));
    check(&inst);
}

#[test]
fn textbook_rates_from_cost_and_price_ttc() {
    // By hand: 52,75 / 1,055 = 50 ; marge 18 ; 18 / 32 = 56,25 % ; 18 / 50 = 36 % ;
    // coefficient 52,75 / 32 = 1,6484375 → 1,6484.
    let inst = generate(
        ID,
        1,
        &sets(&[
            ("variante", "calcul-des-taux"),
            ("cout_achat", "32"),
            ("prix_ttc", "52,75"),
            ("taux_tva", "5,5"),
        ]),
    )
    .unwrap();
    assert_eq!(
        answers(&inst),
        vec![
            ("prix_vente_ht", dec!(50)),
            ("marge", dec!(18)),
            ("taux_marge", dec!(56.25)),
            ("taux_marque", dec!(36)),
            ("coefficient_multiplicateur", dec!(1.6484)),
        ]
    );
    check(&inst);
}

#[test]
fn carried_forward_from_a_wrong_price() {
    let inst = generate(
        ID,
        1,
        &sets(&[
            ("variante", "taux-de-marge"),
            ("cout_achat", "80"),
            ("taux_marge", "25"),
            ("taux_tva", "20"),
        ]),
    )
    .unwrap();
    // PV HT 101 (wrong); marge 101 − 80 = 21; marque 21 / 101 = 20,79 %; TTC 101 × 1,2 = 121,20;
    // coefficient 121,20 / 80 = 1,515.
    let typed = sets(&[
        ("prix_vente_ht", "101"),
        ("marge", "21"),
        ("taux_marque", "20,79 %"),
        ("prix_vente_ttc", "121,20"),
        ("coefficient_multiplicateur", "1,515"),
    ]);
    let rep = correct(&inst, &typed);
    let verdicts: Vec<Verdict> = rep.results.iter().map(|r| r.verdict).collect();
    assert_eq!(
        verdicts,
        vec![
            Verdict::Wrong,
            Verdict::CarriedForward,
            Verdict::CarriedForward,
            Verdict::CarriedForward,
            Verdict::CarriedForward
        ]
    );
    assert_eq!(rep.score, dec!(4));
}

#[test]
fn negative_margin_is_refused() {
    // 60 € TTC at 20 % is 50 € HT, below a cost of 60 €: no margin, no exercise.
    let err = generate(
        ID,
        1,
        &sets(&[
            ("variante", "calcul-des-taux"),
            ("cout_achat", "60"),
            ("prix_ttc", "60"),
            ("taux_tva", "20"),
        ]),
    )
    .unwrap_err();
    assert!(matches!(err, GenError::Degenerate { .. }), "{err}");
}

#[test]
fn every_variant_convention_and_rate() {
    let variants = [
        "taux-de-marge",
        "taux-de-marque",
        "prix-ttc-vers-cout",
        "calcul-des-taux",
    ];
    for variant in variants {
        for coefficient in ["ttc-sur-ht", "ht-sur-ht"] {
            for arrondi in ["arrondi", "troncature"] {
                for tva in ["20", "10", "5,5", "2,1", "0"] {
                    for seed in 0..25 {
                        let s = sets(&[
                            ("variante", variant),
                            ("coefficient", coefficient),
                            ("arrondi", arrondi),
                            ("taux_tva", tva),
                        ]);
                        let inst = generate(ID, seed, &s).unwrap();
                        check(&inst);
                        // The taux de marque never reaches the taux de marge.
                        let rate = |k: &str| inst.question(k).map(|q| q.answer);
                        let param = |k: &str| inst.params.get(k).and_then(|v| v.as_number());
                        let markup = rate("taux_marge").or(param("taux_marge")).unwrap();
                        let mark = rate("taux_marque").or(param("taux_marque")).unwrap();
                        assert!(mark < markup, "{s:?} {seed}");
                    }
                }
            }
        }
    }
}

#[test]
fn large_and_small_prices_do_not_break() {
    let cases = [
        ("taux-de-marge", "taux_marge", "99999", "400"),
        ("taux-de-marge", "taux_marge", "0,05", "15"),
        ("taux-de-marge", "taux_marge", "12345,67", "0,5"),
        ("taux-de-marque", "taux_marque", "99999", "90"),
        ("taux-de-marque", "taux_marque", "0,05", "15"),
        ("taux-de-marque", "taux_marque", "12345,67", "0,5"),
    ];
    for (variant, key, cost, rate) in cases {
        let s = sets(&[("variante", variant), ("cout_achat", cost), (key, rate)]);
        match generate(ID, 3, &s) {
            Ok(inst) => check(&inst),
            Err(e) => assert!(matches!(e, GenError::Degenerate { .. }), "{e}"),
        }
    }
    let s = sets(&[
        ("variante", "prix-ttc-vers-cout"),
        ("prix_ttc", "1000000"),
        ("taux_marque", "90"),
    ]);
    check(&generate(ID, 3, &s).unwrap());
}

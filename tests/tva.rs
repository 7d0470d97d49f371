//! `prix/tva`: hand-checked returns fixed through `--set`, every variant, known mistakes
//! and carried-forward credit.

mod common;

use common::{number_params, sets};

use clientele::correct::{correct, Verdict};
use clientele::expr::Expr;
use clientele::generate::{generate, GenError};
use clientele::model::Instance;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const ID: &str = "prix/tva";

fn answers(inst: &Instance) -> Vec<(&'static str, Decimal)> {
    inst.questions.iter().map(|q| (q.key, q.answer)).collect()
}

fn mistake(inst: &Instance, key: &str, note: &str) -> Option<Decimal> {
    inst.question(key)?
        .mistakes
        .iter()
        .find(|m| m.note == note)
        .map(|m| m.answer)
}

/// Formulas recompute the answers, right answers score full marks, every listed
/// mistake is diagnosed with its own note.
fn check(inst: &Instance) {
    let mut env = number_params(inst);
    for q in &inst.questions {
        let f = q.formula.as_deref().unwrap();
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

/// The month of `calc::vat::tests::textbook_month_with_tva_due`.
fn textbook_month() -> Vec<(&'static str, &'static str)> {
    vec![
        ("variante", "a-decaisser"),
        ("periode", "mois"),
        ("achats_en", "ht"),
        ("ventes_1", "48000"),
        ("taux_ventes_1", "20"),
        ("ventes_2", "12350"),
        ("taux_ventes_2", "5,5"),
        ("achats", "21480"),
        ("taux_achats", "20"),
        ("services", "2345,50"),
        ("taux_services", "20"),
        ("immobilisation", "0"),
        ("credit_anterieur", "1200"),
    ]
}

#[test]
fn textbook_month_with_tva_due() {
    // By hand: 48 000 × 20 % = 9 600 ; 12 350 × 5,5 % = 679,25 ; collectée 10 279,25.
    // 21 480 × 20 % = 4 296 ; 2 345,50 × 20 % = 469,10 ; déductible 4 765,10.
    // À décaisser 10 279,25 − 4 765,10 − 1 200 = 4 314,15.
    let inst = generate(ID, 1, &sets(&textbook_month())).unwrap();
    assert_eq!(
        answers(&inst),
        vec![
            ("tva_collectee", dec!(10279.25)),
            ("tva_deductible", dec!(4765.10)),
            ("tva_a_decaisser", dec!(4314.15)),
        ]
    );
    assert!(inst.code.starts_with("TVA2-"), "{}", inst.code);
    // Collectée all at 20 %: 60 350 × 20 % = 12 070 ; one rate for both: 12 070 too (pruned
    // as a duplicate, the first listed wins).
    assert_eq!(
        mistake(&inst, "tva_collectee", "mauvais-taux"),
        Some(dec!(12070))
    );
    assert_eq!(
        mistake(&inst, "tva_collectee", "collectee-deductible-inversees"),
        Some(dec!(4765.10))
    );
    // Crédit forgotten: 5 514,15 ; added: 6 714,15 ; sign: −4 314,15.
    assert_eq!(
        mistake(&inst, "tva_a_decaisser", "credit-anterieur-oublie"),
        Some(dec!(5514.15))
    );
    assert_eq!(
        mistake(&inst, "tva_a_decaisser", "credit-anterieur-ajoute"),
        Some(dec!(6714.15))
    );
    assert_eq!(
        mistake(&inst, "tva_a_decaisser", "collectee-deductible-inversees"),
        Some(dec!(-4314.15))
    );
    check(&inst);
}

#[test]
fn textbook_credit_with_purchases_given_ttc() {
    // By hand: ventes 15 200 × 10 % = 1 520. Achats 7 040 TTC à 10 % : 7 040 × 10 / 110 = 640 ;
    // services 1 200 TTC à 20 % : 1 200 × 20 / 120 = 200 ; immobilisation 18 500 × 20 % = 3 700 ;
    // déductible 4 540. Crédit = 4 540 + 250 − 1 520 = 3 270.
    // TVA taken on TTC: 704 + 240 + 3 700 = 4 644 ; immobilisation forgotten: 840.
    let s = sets(&[
        ("variante", "credit"),
        ("periode", "mois"),
        ("achats_en", "ttc"),
        ("ventes_1", "15200"),
        ("taux_ventes_1", "10"),
        ("ventes_2", "0"),
        ("achats", "7040"),
        ("taux_achats", "10"),
        ("services", "1200"),
        ("taux_services", "20"),
        ("immobilisation", "18500"),
        ("taux_immobilisation", "20"),
        ("credit_anterieur", "250"),
    ]);
    let inst = generate(ID, 1, &s).unwrap();
    assert_eq!(
        answers(&inst),
        vec![
            ("tva_collectee", dec!(1520)),
            ("tva_deductible", dec!(4540)),
            ("credit_tva", dec!(3270))
        ]
    );
    assert_eq!(
        mistake(&inst, "tva_deductible", "tva-sur-ttc"),
        Some(dec!(4644))
    );
    assert_eq!(
        mistake(&inst, "tva_deductible", "immobilisation-oubliee"),
        Some(dec!(840))
    );
    // Crédit forgotten: 3 020 ; deducted: 2 770.
    assert_eq!(
        mistake(&inst, "credit_tva", "credit-anterieur-oublie"),
        Some(dec!(3020))
    );
    assert_eq!(
        mistake(&inst, "credit_tva", "credit-anterieur-deduit"),
        Some(dec!(2770))
    );
    assert!(inst.statement.contains("TTC"));
    check(&inst);
}

#[test]
fn carried_forward_from_a_wrong_collected_vat() {
    let inst = generate(ID, 1, &sets(&textbook_month())).unwrap();
    // Collectée wrong (10 000); déductible right; 10 000 − 4 765,10 − 1 200 = 4 034,90.
    let typed = sets(&[
        ("tva_collectee", "10 000"),
        ("tva_deductible", "4 765,10 €"),
        ("tva_a_decaisser", "4 034,90"),
    ]);
    let rep = correct(&inst, &typed);
    let verdicts: Vec<Verdict> = rep.results.iter().map(|r| r.verdict).collect();
    assert_eq!(
        verdicts,
        vec![Verdict::Wrong, Verdict::Correct, Verdict::CarriedForward]
    );
}

#[test]
fn data_that_contradict_the_variant_are_refused() {
    // The textbook month gives TVA to pay, not a crédit.
    let mut pairs = textbook_month();
    pairs[0] = ("variante", "credit");
    let err = generate(ID, 1, &sets(&pairs)).unwrap_err();
    assert!(matches!(err, GenError::Degenerate { .. }), "{err}");
}

#[test]
fn every_variant_and_presentation() {
    for variante in ["a-decaisser", "credit"] {
        for periode in ["mois", "trimestre"] {
            for achats_en in ["ht", "ttc"] {
                for arrondi in ["arrondi", "troncature"] {
                    for tva in ["20", "10", "5,5", "2,1"] {
                        for seed in 0..20 {
                            let s = sets(&[
                                ("variante", variante),
                                ("periode", periode),
                                ("achats_en", achats_en),
                                ("arrondi", arrondi),
                                ("taux_ventes_1", tva),
                            ]);
                            let inst = generate(ID, seed, &s).unwrap();
                            check(&inst);
                            let last = inst.questions.last().unwrap();
                            assert!(last.answer > Decimal::ZERO, "{s:?} {seed}");
                            if periode == "trimestre" && variante == "a-decaisser" {
                                assert!(last.answer < dec!(1000), "{s:?} {seed}");
                            }
                        }
                    }
                }
            }
        }
    }
}

//! `prix/net-a-payer`: answers consistent with parameters, carried-forward credit,
//! known mistakes, conventions.

mod common;

use common::sets;

use clientele::calc::invoice::{invoice, DiscountBase, InvoiceInput, Shipping};
use clientele::calc::Rounding;
use clientele::correct::{correct, Verdict};
use clientele::generate::generate;
use clientele::model::Instance;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

const ID: &str = "prix/net-a-payer";

fn param(inst: &Instance, name: &str) -> Decimal {
    inst.params[name].as_number().unwrap()
}

/// The textbook case of `calc::invoice`'s unit test, fixed through `--set`.
fn textbook() -> Instance {
    generate(
        ID,
        5,
        &sets(&[
            ("variante", "facture"),
            ("prix_unitaire", "24,50"),
            ("quantite", "40"),
            ("nb_reductions", "2"),
            ("reduction_1", "10"),
            ("reduction_2", "2"),
            ("escompte", "2"),
            ("port", "35"),
            ("taux_tva", "5,5"),
        ]),
    )
    .unwrap()
}

#[test]
fn fixed_parameters_give_the_hand_checked_invoice() {
    let inst = textbook();
    let answers: Vec<(&str, Decimal)> = inst.questions.iter().map(|q| (q.key, q.answer)).collect();
    // Hand-checked in calc::invoice::tests::textbook_invoice_default_conventions.
    assert_eq!(
        answers,
        vec![
            ("montant_brut", dec!(980.00)),
            ("net_commercial", dec!(864.36)),
            ("net_financier", dec!(847.07)),
            ("tva", dec!(48.51)),
            ("net_a_payer", dec!(930.58)),
        ]
    );
    assert!(
        inst.code.starts_with("NAP2-") && inst.code.matches('-').count() == 2,
        "{}",
        inst.code
    );
}

#[test]
fn answers_follow_from_params_for_every_seed() {
    for seed in 0..500 {
        let inst = generate(ID, seed, &BTreeMap::new()).unwrap();
        let n = param(&inst, "nb_reductions")
            .to_string()
            .parse::<usize>()
            .unwrap();
        let reductions = (1..=n)
            .map(|i| param(&inst, &format!("reduction_{i}")))
            .collect();
        let f = invoice(&InvoiceInput {
            unit_price: param(&inst, "prix_unitaire"),
            quantity: param(&inst, "quantite"),
            reductions,
            discount: param(&inst, "escompte"),
            shipping: param(&inst, "port"),
            vat_rate: param(&inst, "taux_tva"),
            rounding: Rounding::HalfAwayFromZero,
            discount_base: DiscountBase::NetCommercial,
            shipping_rule: Shipping::AfterDiscount,
        });
        if let Some(q) = inst.question("montant_brut") {
            assert!(q.answer == f.gross || inst.params["variante"].to_string() == "retrouver-prix");
        }
        if inst.params["variante"].to_string() == "facture" {
            assert_eq!(
                inst.question("net_a_payer").unwrap().answer,
                f.net_to_pay,
                "graine {seed}"
            );
            assert_eq!(
                inst.question("net_commercial").unwrap().answer,
                f.net_commercial
            );
            assert_eq!(inst.question("tva").unwrap().answer, f.vat);
        }
        assert!([dec!(20), dec!(10), dec!(5.5), dec!(2.1)].contains(&param(&inst, "taux_tva")));
    }
}

#[test]
fn wrong_net_commercial_carries_forward() {
    let inst = textbook();
    // The student adds the rates: 980 × (1 − 12 %) = 862,40 (a known mistake), then
    // computes every later step right from it: escompte 2 % = 17,248 → 17,25 → 845,15;
    // TVA (845,15 + 35) × 5,5 % = 48,40825 → 48,41; net à payer 880,15 + 48,41 = 928,56.
    let answers = sets(&[
        ("montant_brut", "980"),
        ("net_commercial", "862,40 €"),
        ("net_financier", "845,15"),
        ("tva", "48,41"),
        ("net_a_payer", "928,56 €"),
    ]);
    let rep = correct(&inst, &answers);
    let verdicts: Vec<Verdict> = rep.results.iter().map(|r| r.verdict).collect();
    assert_eq!(
        verdicts,
        vec![
            Verdict::Correct,
            Verdict::Wrong,
            Verdict::CarriedForward,
            Verdict::CarriedForward,
            Verdict::CarriedForward
        ]
    );
    assert_eq!(
        rep.results[1].diagnosis.as_ref().unwrap().note,
        "remises-additionnees"
    );
    assert!(rep.results[2]
        .message
        .as_ref()
        .unwrap()
        .contains("erreur reportée"));
    assert!(rep.results[2]
        .message
        .as_ref()
        .unwrap()
        .contains("net commercial"));
    assert_eq!(rep.score, dec!(4));
    assert_eq!(rep.total, dec!(5));
}

#[test]
fn later_step_wrong_from_own_value_gets_no_credit() {
    let inst = textbook();
    let answers = sets(&[("net_commercial", "862,40"), ("net_financier", "845,00")]);
    let rep = correct(&inst, &answers);
    assert_eq!(rep.results[2].verdict, Verdict::Wrong);
    assert_eq!(rep.results[0].verdict, Verdict::Unanswered);
}

#[test]
fn classic_mistakes_are_named() {
    let inst = textbook();
    // TVA on the gross amount: 980 × 5,5 % = 53,90.
    // Port left out of the base: 847,07 × 5,5 % = 46,58885 → 46,59.
    // TVA at 20 % instead of 5,5 %: 882,07 × 20 % = 176,414 → 176,41.
    for (typed, note) in [
        ("53,90", "tva-sur-brut"),
        ("46,59", "port-hors-base-tva"),
        ("176,41", "mauvais-taux-tva"),
    ] {
        let rep = correct(&inst, &sets(&[("tva", typed)]));
        let r = &rep.results[3];
        assert_eq!(r.verdict, Verdict::Wrong);
        assert_eq!(
            r.diagnosis.as_ref().map(|d| d.note.as_str()),
            Some(note),
            "{typed}"
        );
    }
    // Escompte computed on the gross amount: 864,36 − 980 × 2 % = 864,36 − 19,60 = 844,76.
    let rep = correct(&inst, &sets(&[("net_financier", "844,76")]));
    assert_eq!(
        rep.results[2].diagnosis.as_ref().unwrap().note,
        "escompte-sur-brut"
    );
}

#[test]
fn rate_typed_as_fraction_is_explained() {
    let inst = generate(
        ID,
        5,
        &sets(&[
            ("variante", "taux-unique"),
            ("nb_reductions", "2"),
            ("reduction_1", "10"),
            ("reduction_2", "2"),
        ]),
    )
    .unwrap();
    // 1 − 0,90 × 0,98 = 0,118 → 11,8 %.
    assert_eq!(inst.question("taux_unique").unwrap().answer, dec!(11.8));
    let rep = correct(&inst, &sets(&[("taux_unique", "0,118")]));
    let r = rep.results.iter().find(|r| r.key == "taux_unique").unwrap();
    assert_eq!(
        r.diagnosis.as_ref().unwrap().note,
        "taux-non-exprime-en-pourcent"
    );
    let rep = correct(&inst, &sets(&[("taux_unique", "12 %")]));
    let r = rep.results.iter().find(|r| r.key == "taux_unique").unwrap();
    assert_eq!(r.diagnosis.as_ref().unwrap().note, "remises-additionnees");
    let rep = correct(&inst, &sets(&[("taux_unique", "11,8 €")]));
    let r = rep.results.iter().find(|r| r.key == "taux_unique").unwrap();
    assert_eq!(r.verdict, Verdict::Unreadable);
}

#[test]
fn conventions_change_the_invoice_and_are_stated() {
    let base = [
        ("variante", "facture"),
        ("prix_unitaire", "24,50"),
        ("quantite", "40"),
        ("nb_reductions", "2"),
        ("reduction_1", "10"),
        ("reduction_2", "2"),
        ("escompte", "2"),
        ("port", "35"),
        ("taux_tva", "5,5"),
    ];
    let with = |extra: (&str, &str)| {
        let mut s = sets(&base);
        s.insert(extra.0.into(), extra.1.into());
        generate(ID, 5, &s).unwrap()
    };
    // Hand-checked in calc::invoice::tests.
    let ttc = with(("escompte_sur", "ttc"));
    assert_eq!(ttc.question("net_a_payer").unwrap().answer, dec!(929.84));
    assert!(ttc.statement.contains("calculé sur le montant TTC"));
    let port = with(("port_regle", "soumis-escompte"));
    assert_eq!(port.question("net_a_payer").unwrap().answer, dec!(929.85));
    assert!(port.statement.contains("soumis"));
    let trunc = with(("arrondi", "troncature"));
    assert_eq!(trunc.question("net_a_payer").unwrap().answer, dec!(930.59));
    assert!(trunc.statement.contains("Tronquez"));
}

#[test]
fn backwards_variant_recovers_the_price() {
    let inst = generate(
        ID,
        5,
        &sets(&[
            ("variante", "retrouver-prix"),
            ("quantite", "40"),
            ("nb_reductions", "2"),
            ("reduction_1", "10"),
            ("reduction_2", "2"),
            ("escompte", "2"),
            ("port", "35"),
            ("taux_tva", "5,5"),
            ("net_a_payer_donne", "930,58"),
        ]),
    )
    .unwrap();
    // 930,58 ÷ 1,055 = 882,0663… → 882,07; − 35 = 847,07; ÷ 0,98 = 864,3571… → 864,36;
    // ÷ (0,90 × 0,98 = 0,882) = 979,9999… → 980,00; ÷ 40 = 24,50.
    let got: Vec<Decimal> = inst.questions.iter().map(|q| q.answer).collect();
    assert_eq!(
        got,
        vec![dec!(882.07), dec!(864.36), dec!(980.00), dec!(24.50)]
    );
    // Subtracting the rate instead of dividing: 930,58 × 0,945 = 879,3981 → 879,40.
    let rep = correct(&inst, &sets(&[("base_ht", "879,40")]));
    assert_eq!(
        rep.results[0].diagnosis.as_ref().unwrap().note,
        "tva-retranchee-en-taux"
    );
}

#[test]
fn invalid_sets_are_refused_with_the_valid_list() {
    let err = generate(ID, 1, &sets(&[("remise", "10")]))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("Paramètre inconnu « remise »") && err.contains("reduction_1"),
        "{err}"
    );
    let err = generate(ID, 1, &sets(&[("quantite", "2,5")]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("entier de 1 à 100\u{202f}000"), "{err}");
    let err = generate(ID, 1, &sets(&[("arrondi", "banquier")]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("arrondi | troncature"), "{err}");
}

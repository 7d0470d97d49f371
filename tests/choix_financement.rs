//! `financement/choix-financement`: a hand-checked comparison, both monthly-rate
//! conventions, carried-forward credit.

mod common;

use common::{answer, has_mistake, sets};

use clientele::correct::{correct, Verdict};
use clientele::generate::generate;
use clientele::model::Instance;
use rust_decimal_macros::dec;

const ID: &str = "financement/choix-financement";

/// 30 000 € over 36 months; discount at 6 % a year; loan at 4,8 %; LOA 3 000 € then
/// 35 × 800 €, option 1 500 €; LLD 36 × 850 €.
fn textbook(convention: &str) -> Instance {
    generate(
        ID,
        3,
        &sets(&[
            ("prix", "30000"),
            ("nb_mois", "36"),
            ("taux_actualisation", "6"),
            ("taux_emprunt", "4.8"),
            ("premier_loyer_loa", "3000"),
            ("loyer_loa", "800"),
            ("option_achat", "1500"),
            ("loyer_lld", "850"),
            ("taux_mensuel", convention),
        ]),
    )
    .unwrap()
}

#[test]
fn textbook_comparison_hand_checked() {
    let inst = textbook("proportionnel");
    // i = 6 % ÷ 12 = 0,5 % a month.
    assert_eq!(answer(&inst, "taux_periodique"), dec!(0.5));
    // VPM/PMT: 30 000 × 0,004 ÷ (1 − 1,004^−36), 1,004^36 = 1,154548:
    // 120 × 1,154548 ÷ 0,154548 = 896,4355 → 896,44 €.
    assert_eq!(answer(&inst, "mensualite"), dec!(896.44));
    // Outlays: 36 × 896,44 = 32 271,84 €; LOA 3 000 + 35 × 800 + 1 500 = 32 500 €;
    // LLD 36 × 850 = 30 600 €.
    assert_eq!(answer(&inst, "total_emprunt"), dec!(32271.84));
    assert_eq!(answer(&inst, "total_loa"), dec!(32500));
    assert_eq!(answer(&inst, "total_lld"), dec!(30600));
    // 1,005^−36 = 0,835645, a(36) = (1 − 0,835645) ÷ 0,005 = 32,871016;
    // 1,005^−35 = 0,839823, a(35) = 32,035371.
    // VA emprunt = 896,44 × 32,871016 = 29 466,89 €.
    assert_eq!(answer(&inst, "va_emprunt"), dec!(29466.89));
    // VA LOA = 3 000 + 800 × 32,035371 + 1 500 × 0,835645 = 3 000 + 25 628,30 + 1 253,47
    //        = 29 881,76 €.
    assert_eq!(answer(&inst, "va_loa"), dec!(29881.76));
    // VA LLD = 850 + 850 × 32,035371 = 28 080,07 € (terme à échoir).
    assert_eq!(answer(&inst, "va_lld"), dec!(28080.07));
    // Cheapest by present value: the LLD (4); by raw outlay it would be cash (1).
    assert_eq!(answer(&inst, "solution_retenue"), dec!(4));
    let q = inst.question("solution_retenue").unwrap();
    assert_eq!(q.mistakes[0].note, "comparaison-sans-actualisation");
    assert_eq!(q.mistakes[0].answer, dec!(1));
    let loa = inst.question("va_loa").unwrap();
    let m = |note: &str| loa.mistakes.iter().find(|m| m.note == note).unwrap().answer;
    // Without the option: 3 000 + 25 628,30 = 28 628,30 €; first rent at 800 €:
    // 800 + 25 628,30 + 1 253,47 = 27 681,76 €.
    assert_eq!(m("option-achat-oubliee"), dec!(28628.30));
    assert_eq!(m("premier-loyer-oublie"), dec!(27681.76));
    let lld = inst.question("va_lld").unwrap();
    // In arrears: 850 × 32,871016 = 27 940,36 €.
    assert!(has_mistake(lld, "loyers-a-terme-echu", dec!(27940.36)));
    // Runner-up: the loan, 29 466,89 − 28 080,07 = 1 386,82 € more.
    assert!(inst.solution.contains("au banquier"));
    assert!(inst.solution.contains("1\u{202f}386,82\u{a0}€"));
}

#[test]
fn equivalent_monthly_rate() {
    let inst = textbook("equivalent");
    // (1,06)^(1/12) − 1 = 0,486755 % → 0,4868 %.
    assert_eq!(answer(&inst, "taux_periodique"), dec!(0.4868));
    // A lower monthly rate than 0,5 %: every present value is a little higher.
    assert!(answer(&inst, "va_lld") > dec!(28080.07));
    assert!(answer(&inst, "va_emprunt") > dec!(29466.89));
}

#[test]
fn present_values_carry_the_students_payment_forward() {
    let inst = textbook("proportionnel");
    let mut answers = common::right_answers(&inst);
    // A wrong payment of 900 €: its own total 32 400 € and present value
    // 900 × 32,871016 = 29 583,91 € earn their points.
    answers.insert("mensualite".into(), "900 €".into());
    answers.insert("total_emprunt".into(), "32 400 €".into());
    answers.insert("va_emprunt".into(), "29 583,91 €".into());
    let rep = correct(&inst, &answers);
    let v = |k: &str| rep.results.iter().find(|r| r.key == k).unwrap().verdict;
    assert_eq!(v("mensualite"), Verdict::Wrong);
    assert_eq!(v("total_emprunt"), Verdict::CarriedForward);
    assert_eq!(v("va_emprunt"), Verdict::CarriedForward);
}

//! `financement/escompte-effets`: a hand-checked bordereau, carried-forward credit on
//! the totals, both year conventions.

mod common;

use common::{answer, sets};

use clientele::correct::{correct, Verdict};
use clientele::generate::generate;
use clientele::model::Instance;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

const ID: &str = "financement/escompte-effets";

/// Remise on 1 March 2026 of three bills at 9 %, 1 jour de banque, 10 days minimum,
/// 8 € minimum escompte, 2,50 € commission per bill.
fn textbook(year: &str) -> Instance {
    generate(
        ID,
        5,
        &sets(&[
            ("nb_effets", "3"),
            ("nominal_1", "4500"),
            ("jours_1", "45"),
            ("nominal_2", "1200"),
            ("jours_2", "6"),
            ("nominal_3", "2750"),
            ("jours_3", "62"),
            ("jour_remise", "1"),
            ("mois_remise", "3"),
            ("annee_remise", "2026"),
            ("taux", "9"),
            ("jours_banque", "1"),
            ("jours_minimum", "10"),
            ("minimum_escompte", "8"),
            ("commission", "2.5"),
            ("taux_tva", "20"),
            ("effet_demande", "2"),
            ("annee", year),
        ]),
    )
    .unwrap()
}

#[test]
fn textbook_bordereau_hand_checked() {
    let inst = textbook("360");
    // Bill 2: 1er mars → 7 mars = 6 days, + 1 jour de banque = 7 < 10: 10 days.
    assert!(inst.statement.contains("7 mars 2026"));
    assert_eq!(answer(&inst, "jours_effet"), dec!(10));
    // 1 200 × 9 × 10 / 36 000 = 3,00 € < 8 € minimum: 8,00 €.
    assert_eq!(answer(&inst, "escompte_effet"), dec!(8));
    // Bill 1: 45 + 1 = 46 days, 4 500 × 9 × 46 / 36 000 = 51,75 €;
    // bill 3: 62 + 1 = 63 days, 2 750 × 9 × 63 / 36 000 = 43,3125 → 43,31 €.
    // Σ = 51,75 + 8 + 43,31 = 103,06 €.
    assert_eq!(answer(&inst, "total_escompte"), dec!(103.06));
    // 3 × 2,50 = 7,50 €; TVA 20 % × 7,50 = 1,50 € (none on the escompte).
    assert_eq!(answer(&inst, "total_commissions"), dec!(7.5));
    assert_eq!(answer(&inst, "tva"), dec!(1.5));
    // Agios TTC = 103,06 + 7,50 + 1,50 = 112,06 €; valeur nette = 8 450 − 112,06.
    assert_eq!(answer(&inst, "agios_ttc"), dec!(112.06));
    assert_eq!(answer(&inst, "valeur_nette"), dec!(8337.94));
    // Taux réel = 110,56 × 36 000 / (4 500 × 45 + 1 200 × 6 + 2 750 × 62 = 380 200)
    //           = 10,4686 → 10,47 %.
    assert_eq!(answer(&inst, "taux_reel"), dec!(10.47));
    let notes = |key: &str| -> Vec<&str> {
        inst.question(key)
            .unwrap()
            .mistakes
            .iter()
            .map(|m| m.note)
            .collect()
    };
    // Bill 2: with one day more, or without the jour de banque, the 10-day minimum
    // still applies: those mistakes cannot be told apart from the right answer.
    assert_eq!(notes("jours_effet"), ["minimum-ignore"]);
    let tva_mistake = &inst.question("tva").unwrap().mistakes[0];
    // TVA on the whole agios HT: 20 % × 110,56 = 22,11 €.
    assert_eq!(
        (tva_mistake.note, tva_mistake.answer),
        ("tva-sur-escompte", dec!(22.11))
    );
    assert!(notes("escompte_effet").contains(&"minimum-ignore"));
    assert!(inst.solution.contains("| n° 2 | 1\u{202f}200,00\u{a0}€ | 7 mars 2026 | 6 | 10 | 8,00\u{a0}€ (minimum) | 2,50\u{a0}€ |"));
}

#[test]
fn year_of_365_days() {
    let inst = textbook("365");
    // 4 500 × 9 × 46 / 36 500 = 51,04 ; 1 200 × 9 × 10 / 36 500 = 2,96 → 8 € minimum;
    // 2 750 × 9 × 63 / 36 500 = 42,72. Σ = 101,76 €.
    assert_eq!(answer(&inst, "total_escompte"), dec!(101.76));
    // Taux réel = 109,26 × 36 500 / 380 200 = 10,4892… → 10,49 %.
    assert_eq!(answer(&inst, "taux_reel"), dec!(10.49));
    let q = inst.question("total_escompte").unwrap();
    assert!(q.mistakes.iter().any(|m| m.note == "annee-commerciale-360"));
}

#[test]
fn totals_carry_the_students_own_lines_forward() {
    let inst = textbook("360");
    let mut answers = common::right_answers(&inst);
    // Minimum forgotten on bill 2: 3,00 € instead of 8,00 €.
    answers.insert("escompte_effet".into(), "3,00 €".into());
    // Its own total: 51,75 + 3,00 + 43,31 = 98,06 €; then agios TTC 98,06 + 7,50 + 1,50
    // = 107,06 €; valeur nette 8 450 − 107,06 = 8 342,94 €;
    // taux réel 105,56 × 36 000 / 380 200 = 9,995… → 10 %.
    answers.insert("total_escompte".into(), "98,06 €".into());
    answers.insert("agios_ttc".into(), "107,06 €".into());
    answers.insert("valeur_nette".into(), "8 342,94 €".into());
    answers.insert("taux_reel".into(), "10 %".into());
    let rep = correct(&inst, &answers);
    let verdict = |k: &str| rep.results.iter().find(|r| r.key == k).unwrap();
    let first = verdict("escompte_effet");
    assert_eq!(first.verdict, Verdict::Wrong);
    assert_eq!(
        first.diagnosis.as_ref().map(|d| d.note.as_str()),
        Some("minimum-ignore")
    );
    for k in ["total_escompte", "agios_ttc", "valeur_nette", "taux_reel"] {
        assert_eq!(verdict(k).verdict, Verdict::CarriedForward, "{k}");
    }
}

#[test]
fn every_seed_keeps_the_bordereau_consistent() {
    for seed in 0..200 {
        let inst = generate(ID, seed, &BTreeMap::new()).unwrap();
        let nominals: Decimal = (1..=5)
            .filter_map(|i| inst.params.get(format!("nominal_{i}").as_str()))
            .filter_map(|v| v.as_number())
            .sum();
        assert_eq!(
            answer(&inst, "valeur_nette"),
            nominals - answer(&inst, "agios_ttc")
        );
        assert_eq!(
            answer(&inst, "agios_ttc"),
            answer(&inst, "total_escompte")
                + answer(&inst, "total_commissions")
                + answer(&inst, "tva")
        );
    }
}

//! `segmentation/scoring`: the RFM case of the S432 chapter recomputed by hand, a weighted
//! prospect grid, both tie rules, carried-forward credit and invariants over many seeds.

mod common;

use common::{answer, sets};

use clientele::calc::scoring::{ranks, weighted_score, Aggregation, TieRule};
use clientele::correct::{correct, Verdict};
use clientele::generate::generate;
use clientele::model::Instance;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

const ID: &str = "segmentation/scoring";

fn mistake(inst: &Instance, key: &str, note: &str) -> Option<Decimal> {
    inst.question(key)
        .unwrap()
        .mistakes
        .iter()
        .find(|m| m.note == note)
        .map(|m| m.answer)
}

/// The eight customers of Vins et Terroirs Berthier (chapter S432), except that the
/// eighth one, Le Comptoir, is replaced by a customer who ties with L'Arsenal at 19
/// points: 200 days (R = 1), 5 orders (F = 3), 3 000 € (M = 2) → 4 + 9 + 6 = 19.
fn berthier(extra: &[(&str, &str)]) -> Instance {
    let mut pairs = vec![
        ("variante", "rfm"),
        ("nb_individus", "8"),
        ("unite_montant", "2000"),
        ("coef_r", "4"),
        ("coef_f", "3"),
        ("coef_m", "3"),
        ("seuil_haut", "40"),
        ("seuil_bas", "30"),
        ("individu_score", "6"),
        ("individu_rang", "8"),
    ];
    let data = [
        ("12", "14", "24600"),
        ("45", "9", "12300"),
        ("20", "6", "4800"),
        ("35", "11", "9600"),
        ("70", "5", "3900"),
        ("150", "3", "18500"),
        ("210", "2", "6200"),
        ("200", "5", "3000"),
    ];
    let names: Vec<[String; 3]> = (1..=8)
        .map(|i| {
            [
                format!("recence_{i}"),
                format!("frequence_{i}"),
                format!("montant_{i}"),
            ]
        })
        .collect();
    for (i, (r, f, m)) in data.iter().enumerate() {
        pairs.push((&names[i][0], r));
        pairs.push((&names[i][1], f));
        pairs.push((&names[i][2], m));
    }
    pairs.extend_from_slice(extra);
    generate(ID, 1, &sets(&pairs)).unwrap()
}

#[test]
fn rfm_case_of_the_chapter() {
    let inst = berthier(&[]);
    // Le Relais du Lac (6th): 150 days → 2 (120 à 179), 3 orders → 2 (2 à 4),
    // 18 500 € → 4 (10 000 à 19 999 €); score 4 × 2 + 3 × 2 + 3 × 4 = 26.
    assert_eq!(answer(&inst, "note_r"), dec!(2));
    assert_eq!(answer(&inst, "note_f"), dec!(2));
    assert_eq!(answer(&inst, "note_m"), dec!(4));
    assert_eq!(answer(&inst, "score"), dec!(26));
    // Plain sum 2 + 2 + 4 = 8; coefficients in reverse order 3 × 2 + 3 × 2 + 4 × 4 = 28;
    // recency scored the wrong way (6 − 2 = 4): 16 + 6 + 12 = 34; ÷ 10 = 2,6.
    assert_eq!(
        mistake(&inst, "score", "coefficients-oublies"),
        Some(dec!(8))
    );
    assert_eq!(
        mistake(&inst, "score", "coefficients-intervertis"),
        Some(dec!(28))
    );
    assert_eq!(mistake(&inst, "score", "recence-inversee"), Some(dec!(34)));
    assert_eq!(
        mistake(&inst, "score", "divise-par-somme-coefficients"),
        Some(dec!(2.6))
    );
    assert_eq!(mistake(&inst, "note_r", "recence-inversee"), Some(dec!(4)));
    // Scores 50, 40, 35, 37, 27, 26, 19, 19: 40 and more → 2 (40 is in), 30 to 39 → 2,
    // below 30 → 4.
    assert_eq!(answer(&inst, "nb_segment_1"), dec!(2));
    assert_eq!(answer(&inst, "nb_segment_2"), dec!(2));
    assert_eq!(answer(&inst, "nb_segment_3"), dec!(4));
    // Strict reading of « 40 et plus »: Cave des Remparts (40) drops to the second group.
    assert_eq!(mistake(&inst, "nb_segment_1", "seuil-exclu"), Some(dec!(1)));
    // Tie at 19: L'Arsenal (6 200 €) before the new customer (3 000 €): rank 8; the
    // ascending reading gives rank 1 (nobody below 19).
    assert_eq!(answer(&inst, "rang"), dec!(8));
    assert_eq!(mistake(&inst, "rang", "egalite-mal-traitee"), Some(dec!(7)));
    assert_eq!(
        mistake(&inst, "rang", "classement-croissant"),
        Some(dec!(1))
    );
    assert!(inst.statement.contains(
        "| 4 | 30 à 59 | 8 à 11 | de 10\u{202f}000,00\u{a0}€ à moins de 20\u{202f}000,00\u{a0}€ |"
    ));
}

#[test]
fn shared_ranks_and_weighted_mean() {
    let inst = berthier(&[("egalite", "ex-aequo"), ("score", "moyenne-ponderee")]);
    // Both customers at 19 points share rank 7 (1, 2, …, 6, 7, 7).
    assert_eq!(answer(&inst, "rang"), dec!(7));
    assert_eq!(mistake(&inst, "rang", "egalite-mal-traitee"), Some(dec!(8)));
    // 26 ÷ (4 + 3 + 3) = 2,6; thresholds are then on the 0–5 scale: with 40 and 30,
    // every customer falls in the last segment.
    assert_eq!(answer(&inst, "score"), dec!(2.6));
    assert_eq!(
        mistake(&inst, "score", "non-divise-par-somme-coefficients"),
        Some(dec!(26))
    );
    assert_eq!(answer(&inst, "nb_segment_3"), dec!(8));
}

#[test]
fn weighted_prospect_grid() {
    let inst = generate(
        ID,
        4,
        &sets(&[
            ("variante", "grille"),
            ("score", "moyenne-ponderee"),
            ("nb_individus", "6"),
            ("poids_1", "3"),
            ("poids_2", "2"),
            ("poids_3", "3"),
            ("poids_4", "1"),
            ("note_1_1", "5"),
            ("note_1_2", "3"),
            ("note_1_3", "5"),
            ("note_1_4", "1"),
            ("individu_score", "1"),
            ("seuil_haut", "3.5"),
            ("seuil_bas", "2.5"),
        ]),
    )
    .unwrap();
    // (3 × 5 + 2 × 3 + 3 × 5 + 1 × 1) ÷ (3 + 2 + 3 + 1) = 37 ÷ 9 = 4,111… → 4,11.
    assert_eq!(answer(&inst, "score"), dec!(4.11));
    assert_eq!(
        mistake(&inst, "score", "non-divise-par-somme-coefficients"),
        Some(dec!(37))
    );
    // Plain mean (5 + 3 + 5 + 1) ÷ 4 = 3,5; reversed weights (1, 3, 2, 3):
    // (5 + 9 + 10 + 3) ÷ 9 = 3.
    assert_eq!(
        mistake(&inst, "score", "coefficients-oublies"),
        Some(dec!(3.5))
    );
    assert_eq!(
        mistake(&inst, "score", "coefficients-intervertis"),
        Some(dec!(3))
    );
    let total: Decimal = ["nb_segment_1", "nb_segment_2", "nb_segment_3"]
        .iter()
        .map(|k| answer(&inst, k))
        .sum();
    assert_eq!(total, dec!(6));
}

#[test]
fn score_carries_the_students_own_marks_forward() {
    let inst = berthier(&[]);
    let mut answers = common::right_answers(&inst);
    // Amount misread as note 3: 4 × 2 + 3 × 2 + 3 × 3 = 23.
    answers.insert("note_m".into(), "3".into());
    answers.insert("score".into(), "23".into());
    // Two segments right, the third by difference from them: carried forward too.
    answers.insert("nb_segment_1".into(), "3".into());
    answers.insert("nb_segment_3".into(), "3".into());
    let rep = correct(&inst, &answers);
    let verdict = |k: &str| rep.results.iter().find(|r| r.key == k).unwrap().verdict;
    assert_eq!(verdict("note_m"), Verdict::Wrong);
    assert_eq!(verdict("score"), Verdict::CarriedForward);
    assert_eq!(verdict("nb_segment_1"), Verdict::Wrong);
    assert_eq!(verdict("nb_segment_3"), Verdict::CarriedForward);
}

#[test]
fn every_seed_segments_the_whole_file() {
    for seed in 0..300 {
        let inst = generate(ID, seed, &BTreeMap::new()).unwrap();
        let n = inst.params["nb_individus"].as_number().unwrap();
        let total: Decimal = ["nb_segment_1", "nb_segment_2", "nb_segment_3"]
            .iter()
            .map(|k| answer(&inst, k))
            .sum();
        assert_eq!(total, n, "graine {seed}");
        let rank = answer(&inst, "rang");
        assert!(rank >= Decimal::ONE && rank <= n, "graine {seed}");
        // Every drawn segment is non-empty, and every statement says its rules.
        for k in ["nb_segment_1", "nb_segment_2", "nb_segment_3"] {
            assert!(answer(&inst, k) > Decimal::ZERO, "graine {seed} {k}");
        }
        assert!(inst.statement.contains("**Règles.**"));
    }
}

proptest! {
    /// A weighted mean of marks from 1 to 5 stays between 1 and 5 (within rounding), and
    /// the weighted sum equals it times the sum of the weights (before rounding).
    #[test]
    fn weighted_mean_is_a_mark(
        marks in proptest::collection::vec(1i64..=5, 4),
        weights in proptest::collection::vec(1i64..=10, 4),
    ) {
        let m: Vec<Decimal> = marks.iter().map(|x| Decimal::from(*x)).collect();
        let w: Vec<Decimal> = weights.iter().map(|x| Decimal::from(*x)).collect();
        let mean = weighted_score(&m, &w, Aggregation::WeightedMean).unwrap();
        let sum = weighted_score(&m, &w, Aggregation::WeightedSum).unwrap();
        prop_assert!(mean >= dec!(1) && mean <= dec!(5));
        let total: Decimal = w.iter().copied().sum();
        prop_assert!((sum / total - mean).abs() <= dec!(0.005));
    }

    /// Shared ranks are 1 + the number of strictly better scores; broken ranks are a
    /// permutation of 1..n when the keys are distinct.
    #[test]
    fn ranks_are_consistent(scores in proptest::collection::vec(0i64..20, 1..12)) {
        let s: Vec<Decimal> = scores.iter().map(|x| Decimal::from(*x)).collect();
        let keys: Vec<Vec<Decimal>> = (0..s.len()).map(|i| vec![Decimal::from(i as i64)]).collect();
        let shared = ranks(&s, &keys, TieRule::Shared);
        for (i, r) in shared.iter().enumerate() {
            prop_assert_eq!(*r, 1 + s.iter().filter(|x| **x > s[i]).count());
        }
        let mut broken = ranks(&s, &keys, TieRule::Break);
        broken.sort_unstable();
        prop_assert_eq!(broken, (1..=s.len()).collect::<Vec<_>>());
    }
}

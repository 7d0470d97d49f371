//! `financement/equivalence`: hand-checked replacements of bills (escompte commercial),
//! every variant and year convention through the generic properties, carried-forward
//! credit, garbage answers.

mod common;

use common::{answer, sets};

use clientele::correct::{correct, Verdict};
use clientele::generate::generate;
use clientele::model::Instance;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const ID: &str = "financement/equivalence";

fn mistake(inst: &Instance, key: &str, note: &str) -> Decimal {
    inst.question(key)
        .unwrap()
        .mistakes
        .iter()
        .find(|m| m.note == note)
        .unwrap_or_else(|| panic!("{key}: pas d'erreur {note}"))
        .answer
}

/// On 1 March 2026, a bill of 6 000 € due on 15 April (45 days) at 8 %.
fn one_bill(variant: &str, extra: &[(&str, &str)]) -> Instance {
    let mut s = sets(&[
        ("variante", variant),
        ("jour_equivalence", "1"),
        ("mois_equivalence", "3"),
        ("annee_equivalence", "2026"),
        ("nominal_1", "6000"),
        ("jours_1", "45"),
        ("taux", "8"),
    ]);
    s.extend(sets(extra));
    generate(ID, 3, &s).unwrap()
}

/// On 1 March 2026, bills of 3 000 € (30 days), 5 000 € (60 days), 2 000 € (90 days) at 9 %.
fn three_bills(variant: &str, extra: &[(&str, &str)]) -> Instance {
    let mut s = sets(&[
        ("variante", variant),
        ("jour_equivalence", "1"),
        ("mois_equivalence", "3"),
        ("annee_equivalence", "2026"),
        ("nb_effets", "3"),
        ("nominal_1", "3000"),
        ("jours_1", "30"),
        ("nominal_2", "5000"),
        ("jours_2", "60"),
        ("nominal_3", "2000"),
        ("jours_3", "90"),
        ("taux", "9"),
    ]);
    s.extend(sets(extra));
    generate(ID, 3, &s).unwrap()
}

#[test]
fn replacement_nominal_hand_checked() {
    // Textbook convention (escompte commercial, année de 360 jours):
    // escompte = 6 000 × 8 × 45 / 36 000 = 60,00 €; VA = 5 940,00 €.
    // New bill on 15 May (75 days): V₂ = 5 940 / (1 − 8 × 75 / 36 000) = 5 940 / 0,983333…
    // = 6 040,677… → 6 040,68 €.
    let inst = one_bill("nominal", &[("jours_nouveau", "75")]);
    assert_eq!(answer(&inst, "n_1"), dec!(45));
    assert_eq!(answer(&inst, "n_nouveau"), dec!(75));
    assert_eq!(answer(&inst, "valeur_actuelle"), dec!(5940));
    assert_eq!(answer(&inst, "nominal_remplacement"), dec!(6040.68));
    assert!(inst.statement.contains("15 avril 2026") && inst.statement.contains("15 mai 2026"));
    // Rational discount: 5 940 × (1 + 8 × 75 / 36 000) = 6 039,00 €.
    assert_eq!(
        mistake(&inst, "nominal_remplacement", "escompte-rationnel"),
        dec!(6039.00)
    );
    // Interest added for the 30 extra days: 6 000 + 6 000 × 8 × 30 / 36 000 = 6 040,00 €.
    assert_eq!(
        mistake(&inst, "nominal_remplacement", "interets-ajoutes"),
        dec!(6040.00)
    );
    // Year of 365 days: escompte 6 000 × 8 × 45 / 36 500 = 59,178 → 59,18; VA 5 940,82;
    // V₂ = 5 940,82 / (1 − 600 / 36 500) = 6 040,109… → 6 040,11 €.
    assert_eq!(
        mistake(&inst, "nominal_remplacement", "annee-civile-365"),
        dec!(6040.11)
    );
    assert_eq!(
        mistake(&inst, "n_nouveau", "jours-extremes-comptes"),
        dec!(76)
    );
    assert_eq!(mistake(&inst, "n_nouveau", "report-seul"), dec!(30));
    // The 365-day convention gives the civil-year values as the answer.
    let civil = one_bill("nominal", &[("jours_nouveau", "75"), ("annee", "365")]);
    assert_eq!(answer(&civil, "valeur_actuelle"), dec!(5940.82));
    assert_eq!(answer(&civil, "nominal_remplacement"), dec!(6040.11));
    assert!(civil.statement.contains("365 jours"));
}

#[test]
fn replacement_due_date_hand_checked() {
    // The bill of 6 040,68 € found above: n = (6 040,68 − 5 940) × 36 000 / (6 040,68 × 8)
    // = 3 624 480 / 48 325,44 = 75,0016 → 75 days, i.e. 15 May 2026.
    let inst = one_bill("echeance", &[("nominal_nouveau", "6040.68")]);
    assert_eq!(answer(&inst, "valeur_actuelle"), dec!(5940));
    assert_eq!(answer(&inst, "n_nouveau"), dec!(75));
    assert!(inst.solution.contains("15 mai 2026"));
    // Rational: (6 040,68 − 5 940) × 36 000 / (5 940 × 8) = 76,27 → 76.
    assert_eq!(mistake(&inst, "n_nouveau", "escompte-rationnel"), dec!(76));
    assert_eq!(mistake(&inst, "n_nouveau", "report-seul"), dec!(30));
}

#[test]
fn common_and_average_due_dates_hand_checked() {
    // Escomptes at 9 %: 3 000 × 9 × 30 / 36 000 = 22,50; 5 000 × 9 × 60 / 36 000 = 75;
    // 2 000 × 9 × 90 / 36 000 = 45. Σ VA = 2 977,50 + 4 925 + 1 955 = 9 857,50 €.
    // One bill of 10 100 €: n = (10 100 − 9 857,50) × 36 000 / (10 100 × 9)
    // = 8 730 000 / 90 900 = 96,04 → 96 days.
    let inst = three_bills("echeance-commune", &[("nominal_nouveau", "10100")]);
    assert_eq!(answer(&inst, "n_2"), dec!(60));
    assert_eq!(answer(&inst, "somme_va"), dec!(9857.50));
    assert_eq!(answer(&inst, "n_commune"), dec!(96));
    // Σ escomptes = 142,50 €, given as the sum of the present values.
    assert_eq!(
        mistake(&inst, "somme_va", "escompte-pris-pour-valeur-actuelle"),
        dec!(142.50)
    );
    // The échéance moyenne (57 days, below) given for a nominal that is not the sum.
    assert_eq!(
        mistake(&inst, "n_commune", "echeance-moyenne-au-lieu-de-commune"),
        dec!(57)
    );
    // Échéance moyenne: (3 000 × 30 + 5 000 × 60 + 2 000 × 90) / 10 000 = 570 000 / 10 000
    // = 57 days (27 April 2026); the plain average of the days is 60.
    let avg = three_bills("echeance-moyenne", &[]);
    assert_eq!(answer(&avg, "n_moyenne"), dec!(57));
    assert_eq!(mistake(&avg, "n_moyenne", "moyenne-non-ponderee"), dec!(60));
    assert_eq!(
        mistake(&avg, "n_moyenne", "jours-extremes-comptes"),
        dec!(58)
    );
    assert!(avg.solution.contains("27 avril 2026"));
    // The rate cancels out: the same due date at 5 % or on a 365-day year.
    for extra in [[("taux", "5")], [("annee", "365")]] {
        let other = three_bills("echeance-moyenne", &extra);
        assert_eq!(answer(&other, "n_moyenne"), dec!(57));
    }
}

#[test]
fn every_variant_and_year() {
    for variant in [
        "nominal",
        "echeance",
        "echeance-commune",
        "echeance-moyenne",
    ] {
        for year in ["360", "365"] {
            let s = sets(&[("variante", variant), ("annee", year)]);
            for seed in 0..60 {
                let inst = generate(ID, seed, &s).unwrap();
                common::check_properties(&inst, &format!("{variant}/{year} graine {seed}"));
                assert!(inst.statement.contains(&format!("{year} jours")));
            }
        }
    }
}

#[test]
fn carried_forward_through_the_present_value() {
    // A wrong present value (5 950 €) divided correctly: 5 950 / 0,983333… = 6 050,85 €.
    let inst = one_bill("nominal", &[("jours_nouveau", "75")]);
    let mut answers = common::right_answers(&inst);
    answers.insert("valeur_actuelle".into(), "5 950 €".into());
    answers.insert("nominal_remplacement".into(), "6 050,85 €".into());
    let rep = correct(&inst, &answers);
    let by_key = |k: &str| rep.results.iter().find(|r| r.key == k).unwrap();
    assert_eq!(by_key("valeur_actuelle").verdict, Verdict::Wrong);
    assert_eq!(
        by_key("nominal_remplacement").verdict,
        Verdict::CarriedForward
    );
    // Days counted with both ends (31, 61, 91) give an échéance moyenne of 58 days from
    // them: carried forward, not a second penalty.
    let avg = three_bills("echeance-moyenne", &[]);
    let mut answers = common::right_answers(&avg);
    for (k, v) in [
        ("n_1", "31"),
        ("n_2", "61"),
        ("n_3", "91"),
        ("n_moyenne", "58"),
    ] {
        answers.insert(k.into(), v.into());
    }
    let rep = correct(&avg, &answers);
    let last = rep.results.iter().find(|r| r.key == "n_moyenne").unwrap();
    assert_eq!(last.verdict, Verdict::CarriedForward);
    // A wrong sum of present values carried into the échéance commune:
    // (10 100 − 9 800) × 36 000 / (10 100 × 9) = 118,8 → 119 days.
    let com = three_bills("echeance-commune", &[("nominal_nouveau", "10100")]);
    let mut answers = common::right_answers(&com);
    answers.insert("somme_va".into(), "9 800,00 €".into());
    answers.insert("n_commune".into(), "119 jours".into());
    let rep = correct(&com, &answers);
    let last = rep.results.iter().find(|r| r.key == "n_commune").unwrap();
    assert_eq!(last.verdict, Verdict::CarriedForward);
}

#[test]
fn impossible_settings_are_refused_not_panicking() {
    // A new bill whose nominal is below the present value would fall due in the past.
    let s = sets(&[
        ("variante", "echeance"),
        ("nominal_1", "6000"),
        ("jours_1", "45"),
        ("taux", "8"),
        ("nominal_nouveau", "5000"),
    ]);
    let err = generate(ID, 1, &s).unwrap_err().to_string();
    assert!(err.contains("Impossible de générer"), "{err}");
    // A due date that does not exist.
    let s = sets(&[
        ("variante", "nominal"),
        ("jour_equivalence", "31"),
        ("mois_equivalence", "4"),
    ]);
    let err = generate(ID, 1, &s).unwrap_err().to_string();
    assert!(err.contains("date impossible"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any settable combination either generates a consistent instance or is refused
    /// with a message; typed garbage never panics the corrector.
    #[test]
    fn any_settings_are_consistent(
        variant in prop::sample::select(vec!["nominal", "echeance", "echeance-commune", "echeance-moyenne"]),
        nominal in 10i64..200_000,
        days in 1i64..=360,
        rate_tenths in 1i64..=200,
        seed in 0u64..1000,
    ) {
        let s = sets(&[
            ("variante", variant),
            ("nominal_1", &nominal.to_string()),
            ("jours_1", &days.to_string()),
            ("taux", &format!("{}", Decimal::new(rate_tenths, 1))),
        ]);
        if let Ok(inst) = generate(ID, seed, &s) {
            common::check_properties(&inst, "proptest");
            let answers = inst.questions.iter().map(|q| (q.key.to_string(), "12,3,4 €%".to_string())).collect();
            let rep = correct(&inst, &answers);
            prop_assert!(rep.score <= rep.total);
        }
    }
}

//! The segmentation family (ABC, statistics, forecasting): hand-checked textbook cases
//! set with `--set`, properties of the ABC classes, every convention through the
//! generic properties, carried-forward credit and garbage answers.

mod common;

use common::{answer, check_properties, has_mistake, sets};

use clientele::calc::abc::{analyse, Class, Cut};
use clientele::correct::{correct, Verdict};
use clientele::expr::Expr;
use clientele::generate::generate;
use clientele::model::Instance;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

fn with_values(base: &[(&str, &str)], prefix: &str, values: &[&str]) -> BTreeMap<String, String> {
    let mut s = sets(base);
    for (i, v) in values.iter().enumerate() {
        let width = if prefix == "effectif_" { 0 } else { 2 };
        s.insert(format!("{prefix}{:0width$}", i + 1), v.to_string());
    }
    s
}

fn verdict(inst: &Instance, answers: &BTreeMap<String, String>, key: &str) -> Verdict {
    correct(inst, answers)
        .results
        .iter()
        .find(|r| r.key == key)
        .unwrap()
        .verdict
}

// ----- ABC ---------------------------------------------------------------------------------

/// Imprimerie Lefort, exercise 2 of the S522 chapter (listed in the chapter's order).
const LEFORT: [&str; 10] = [
    "19000", "7500", "120000", "180000", "40000", "2500", "90000", "25000", "5000", "11000",
];

#[test]
fn abc_hand_checked_textbook_case() {
    // By hand (chapter's corrigé): total 500 000 €; sorted 180 000 (36 %), 120 000 (60 %),
    // 90 000 (78 %) → A = 3 clients, 390 000 € = 78 %; 40 000, 25 000, 19 000 (86, 91,
    // 94,8 %) → B = 3 clients, 84 000 € = 16,8 %; C = 4 clients, 26 000 € = 5,2 %.
    let s = with_values(&[("nb_clients", "10"), ("colonnes", "ca")], "ca_", &LEFORT);
    let inst = generate("segmentation/abc", 3, &s).unwrap();
    assert_eq!(answer(&inst, "ca_total"), dec!(500000));
    assert_eq!(answer(&inst, "part_premier"), dec!(36));
    assert_eq!(answer(&inst, "nb_clients_a"), dec!(3));
    assert_eq!(answer(&inst, "part_ca_a"), dec!(78));
    assert_eq!(answer(&inst, "nb_clients_b"), dec!(3));
    assert_eq!(answer(&inst, "part_ca_b"), dec!(16.8));
    assert_eq!(answer(&inst, "nb_clients_c"), dec!(4));
    assert_eq!(answer(&inst, "part_ca_c"), dec!(5.2));
    assert_eq!(answer(&inst, "pct_clients_a"), dec!(30));
    // Shares on the class instead of the total: 180 000 / 390 000 = 46,15 %.
    let q = inst.question("part_premier").unwrap();
    assert!(has_mistake(q, "part-sur-classe", dec!(46.15)));
    // Cumulating in the listed order: 19 000 (3,8 %), 26 500 (5,3 %), 146 500 (29,3 %),
    // 326 500 (65,3 %), 366 500 (73,3 %), 369 000 (73,8 %), 459 000 (91,8 %) → A = 6.
    let q = inst.question("nb_clients_a").unwrap();
    assert!(has_mistake(q, "cumul-avant-tri", dec!(6)));
    // B's own share, not the cumulative 94,8 %.
    let q = inst.question("part_ca_b").unwrap();
    assert!(has_mistake(q, "part-cumulee", dec!(94.8)));
    check_properties(&inst, "Lefort");
    assert!(inst.solution.contains("| 10 | "), "tableau trié complet");
    assert!(inst
        .solution
        .contains("30\u{a0}% des clients réalisent 78\u{a0}% du chiffre d'affaires"));
}

#[test]
fn abc_margin_share_of_class_a() {
    // Lefort with margins: A (Éditions 180 000, Conseil 120 000, Mairie 90 000) earn
    // 27 000 + 21 600 + 18 000 = 66 600 € of 100 000 € of margin → 66,6 %, against 78 %
    // of the CA; margin over the class's own CA: 66 600 / 390 000 = 17,08 %.
    let margins = [
        "5700", "2400", "21600", "27000", "12000", "900", "18000", "7500", "1800", "3100",
    ];
    let mut s = with_values(
        &[("nb_clients", "10"), ("colonnes", "ca-marge")],
        "ca_",
        &LEFORT,
    );
    for (i, m) in margins.iter().enumerate() {
        s.insert(format!("marge_{:02}", i + 1), m.to_string());
    }
    let inst = generate("segmentation/abc", 3, &s).unwrap();
    assert_eq!(answer(&inst, "part_marge_a"), dec!(66.6));
    let q = inst.question("part_marge_a").unwrap();
    assert!(has_mistake(
        q,
        "marge-rapportee-au-ca-de-la-classe",
        dec!(17.08)
    ));
    assert!(has_mistake(q, "part-du-ca-au-lieu-de-la-marge", dec!(78)));
    assert!(inst
        .solution
        .contains("seulement 66,6\u{a0}% de la marge brute"));
    check_properties(&inst, "Lefort marges");
}

#[test]
fn abc_other_readings_of_the_same_portfolio() {
    // 20 / 30 / 50 % of customers: A = 2 (60 %), B = 3 (31 %), C = 5 (9 %).
    let s = with_values(
        &[
            ("nb_clients", "10"),
            ("colonnes", "ca"),
            ("classement", "part-clients"),
        ],
        "ca_",
        &LEFORT,
    );
    let inst = generate("segmentation/abc", 3, &s).unwrap();
    assert_eq!(answer(&inst, "nb_clients_a"), dec!(2));
    assert_eq!(answer(&inst, "part_ca_a"), dec!(60));
    assert_eq!(answer(&inst, "part_ca_b"), dec!(31));
    assert_eq!(answer(&inst, "part_ca_c"), dec!(9));
    check_properties(&inst, "part-clients");
    // Plain 20/80: the first 20 % of customers make 60 % of the CA.
    let s = with_values(
        &[
            ("nb_clients", "10"),
            ("colonnes", "ca"),
            ("classement", "pareto-20-80"),
        ],
        "ca_",
        &LEFORT,
    );
    let inst = generate("segmentation/abc", 3, &s).unwrap();
    assert_eq!(answer(&inst, "part_ca_a"), dec!(60));
    assert_eq!(answer(&inst, "part_ca_b"), dec!(40));
    assert!(inst.question("part_ca_c").is_none());
    // By rank, ranks 1–2 and 3–6: B = 90 000 + 40 000 + 25 000 + 19 000 = 174 000 → 34,8 %.
    let s = with_values(
        &[
            ("nb_clients", "10"),
            ("colonnes", "ca"),
            ("classement", "rang"),
            ("rang_a", "2"),
            ("rang_b", "6"),
        ],
        "ca_",
        &LEFORT,
    );
    let inst = generate("segmentation/abc", 3, &s).unwrap();
    assert_eq!(answer(&inst, "part_ca_b"), dec!(34.8));
    assert_eq!(answer(&inst, "nb_clients_a"), dec!(2));
}

#[test]
fn abc_one_dominant_customer() {
    // 910 000 of 1 000 000 = 91 % > 80 %: class A is the dominant customer alone.
    let cas = [
        "910000", "20000", "15000", "12000", "10000", "9000", "8000", "7000", "5000", "4000",
    ];
    let s = with_values(&[("nb_clients", "10"), ("colonnes", "ca")], "ca_", &cas);
    let inst = generate("segmentation/abc", 1, &s).unwrap();
    assert_eq!(answer(&inst, "nb_clients_a"), dec!(1));
    assert_eq!(answer(&inst, "part_ca_a"), dec!(91));
    // 93, 94,5 % → B; then C.
    assert_eq!(answer(&inst, "nb_clients_b"), dec!(2));
    assert!(inst.solution.contains("compte clé"));
    check_properties(&inst, "dominant");
}

#[test]
fn abc_ties_are_kept_together() {
    // Two customers at 20 000 € straddle 80 %: 30 000 + 25 000 = 55 000 (55 %), then
    // 20 000 (75 %) and 20 000 (95 %): the tie takes the class of its first member (A).
    let cas = ["5000", "20000", "25000", "30000", "20000"];
    let cas: Vec<Decimal> = cas.iter().map(|c| c.parse().unwrap()).collect();
    let an = analyse(
        &cas,
        Cut::CumulativeCa {
            a: dec!(80),
            b: dec!(95),
        },
    )
    .unwrap();
    let classes: Vec<Class> = an.rows.iter().map(|r| r.class).collect();
    assert_eq!(classes, [Class::A, Class::A, Class::A, Class::A, Class::C]);
    // Listed order among equals: customer n° 2 before n° 5.
    assert_eq!(an.rows[2].index, 1);
    assert_eq!(an.rows[3].index, 4);
    // In an exercise: total 99 000 €; cumulative 30,30 / 55,56 / 70,71 % (A), the tie's
    // second member at 85,86 % stays in A; 89,90 and 92,93 % (B); then C. A = 4, B = 2.
    let ten = [
        "30000", "4000", "15000", "25000", "3000", "15000", "2500", "2000", "1500", "1000",
    ];
    let s = with_values(&[("nb_clients", "10"), ("colonnes", "ca")], "ca_", &ten);
    let inst = generate("segmentation/abc", 1, &s).unwrap();
    assert_eq!(answer(&inst, "nb_clients_a"), dec!(4));
    assert_eq!(answer(&inst, "nb_clients_b"), dec!(2));
    assert!(inst.statement.contains("même CA"));
    check_properties(&inst, "ex aequo");
}

#[test]
fn abc_flat_portfolio_is_refused_clearly() {
    // Ten equal customers: one tie group, a single class; the exercise cannot ask for
    // three classes and says why instead of panicking.
    let cas = ["1000"; 10];
    let s = with_values(&[("nb_clients", "10"), ("colonnes", "ca")], "ca_", &cas);
    let err = generate("segmentation/abc", 1, &s).unwrap_err();
    assert!(err.to_string().contains("classe est vide"), "{err}");
    let an = analyse(
        &[dec!(1000); 10],
        Cut::CumulativeCa {
            a: dec!(80),
            b: dec!(95),
        },
    )
    .unwrap();
    assert_eq!(an.classes.len(), 1);
    assert_eq!(an.rows.last().unwrap().cumulative_share, dec!(100));
}

fn portfolio() -> impl Strategy<Value = Vec<Decimal>> {
    // Small integers make ties frequent.
    prop::collection::vec(1i64..40, 1..45).prop_map(|v| {
        v.into_iter()
            .map(|k| Decimal::from(k * k * 10))
            .collect::<Vec<_>>()
    })
}

fn cut() -> impl Strategy<Value = Cut> {
    prop_oneof![
        (1i64..90, 1i64..10).prop_map(|(a, d)| Cut::CumulativeCa {
            a: Decimal::from(a),
            b: Decimal::from((a + d).min(99)),
        }),
        (1i64..60, 1i64..30).prop_map(|(a, d)| Cut::CumulativeCustomers {
            a: Decimal::from(a),
            b: Decimal::from(a + d),
        }),
        (0usize..10, 1usize..10).prop_map(|(a, d)| Cut::Rank { a, b: a + d }),
        (1i64..60).prop_map(|a| Cut::Pareto {
            a: Decimal::from(a)
        }),
    ]
}

proptest! {
    #[test]
    fn abc_cumulative_ends_at_exactly_100_and_classes_are_contiguous(cas in portfolio(), cut in cut()) {
        let an = analyse(&cas, cut).unwrap();
        let last = an.rows.last().unwrap();
        prop_assert_eq!(last.cumulative_share, dec!(100));
        prop_assert_eq!(last.cumulative_customers, dec!(100));
        prop_assert_eq!(last.cumulative_ca, an.total);
        prop_assert_eq!(an.rows[0].class, Class::A);
        for w in an.rows.windows(2) {
            // Sorted by decreasing CA, classes never go back (A… then B… then C…).
            prop_assert!(w[0].ca >= w[1].ca);
            prop_assert!(w[0].class <= w[1].class);
            prop_assert!(w[0].cumulative_share <= w[1].cumulative_share);
            if w[0].ca == w[1].ca {
                prop_assert_eq!(w[0].class, w[1].class);
            }
        }
        let customers: usize = an.classes.iter().map(|c| c.customers).sum();
        prop_assert_eq!(customers, cas.len());
        let ca: Decimal = an.classes.iter().map(|c| c.ca).sum();
        prop_assert_eq!(ca, an.total);
    }
}

#[test]
fn abc_every_convention_and_column_set() {
    for classement in ["ca-cumule", "part-clients", "rang", "pareto-20-80"] {
        for colonnes in ["ca", "ca-commandes", "ca-marge"] {
            let s = sets(&[("classement", classement), ("colonnes", colonnes)]);
            for seed in 0..40 {
                let inst = generate("segmentation/abc", seed, &s).unwrap();
                check_properties(&inst, &format!("abc {classement}/{colonnes} graine {seed}"));
            }
        }
    }
}

#[test]
fn abc_carried_forward_total() {
    let inst = generate("segmentation/abc", 4, &sets(&[("colonnes", "ca")])).unwrap();
    let total = answer(&inst, "ca_total");
    let wrong_total = total + dec!(1000);
    let a_ca = answer(&inst, "part_ca_a") * total / dec!(100);
    let mut answers = common::right_answers(&inst);
    answers.insert(
        "ca_total".into(),
        clientele::num::format::euros(wrong_total),
    );
    // The class A share recomputed from the student's own total: credit carried forward.
    let q = inst.question("part_ca_a").unwrap();
    let formula = Expr::parse(q.formula.as_ref().unwrap()).unwrap();
    let own = formula
        .eval(&|n| {
            if n == "ca_total" {
                Some(wrong_total)
            } else {
                inst.params.get(n).and_then(|v| v.as_number())
            }
        })
        .unwrap();
    assert!((own - a_ca / wrong_total * dec!(100)).abs() < dec!(0.01));
    answers.insert("part_ca_a".into(), format!("{}", own).replace('.', ","));
    assert_eq!(verdict(&inst, &answers, "ca_total"), Verdict::Wrong);
    assert_eq!(
        verdict(&inst, &answers, "part_ca_a"),
        Verdict::CarriedForward
    );
}

// ----- Statistics --------------------------------------------------------------------------

/// Karim Benali's monthly CA of the S522 chapter (k€ there, taken in € here).
const BENALI: [&str; 12] = [
    "58", "61", "64", "70", "72", "75", "52", "40", "66", "71", "74", "77",
];

#[test]
fn statistics_hand_checked_monthly_series() {
    // By hand: Σ = 780, x̄ = 65; sorted 40 … 77: Me = (66 + 70) / 2 = 68; rank method
    // Q1 = 3rd = 58, Q3 = 9th = 72; étendue 77 − 40 = 37; V = 1 296 / 12 = 108,
    // σ = √108 = 10,392 → 10,39 (ECARTYPEP); CV = 10,39 / 65 × 100 = 15,98 %.
    let s = with_values(&[("serie", "mois")], "valeur_", &BENALI);
    let inst = generate("segmentation/statistiques", 1, &s).unwrap();
    assert_eq!(answer(&inst, "moyenne"), dec!(65));
    assert_eq!(answer(&inst, "mediane"), dec!(68));
    assert_eq!(answer(&inst, "q1"), dec!(58));
    assert_eq!(answer(&inst, "q3"), dec!(72));
    assert_eq!(answer(&inst, "etendue"), dec!(37));
    assert_eq!(answer(&inst, "ecart_type"), dec!(10.39));
    assert_eq!(answer(&inst, "cv"), dec!(15.98));
    // Sample standard deviation (ECARTYPE): √(1 296 / 11) = 10,854 → 10,85.
    let q = inst.question("ecart_type").unwrap();
    assert!(has_mistake(q, "ecart-type-echantillon", dec!(10.85)));
    // Median of the unsorted series: (75 + 52) / 2 = 63,5.
    let q = inst.question("mediane").unwrap();
    assert!(has_mistake(q, "mediane-non-triee", dec!(63.5)));
    check_properties(&inst, "Benali");
    // Spreadsheet QUARTILE: 60,25 and 72,5 (positions 3,75 and 9,25).
    let mut s = s;
    s.insert("quartiles".into(), "interpolation".into());
    let inst = generate("segmentation/statistiques", 1, &s).unwrap();
    assert_eq!(answer(&inst, "q1"), dec!(60.25));
    assert_eq!(answer(&inst, "q3"), dec!(72.5));
    check_properties(&inst, "Benali interpolation");
}

#[test]
fn statistics_hand_checked_orders() {
    // Hôtel de la Gare (chapter, exercise 1): x̄ = 3 600 / 8 = 450; Me = (420 + 440) / 2
    // = 430; Q1 = 2nd = 390; Q3 = 6th = 460; V = 38 200 / 8 = 4 775; σ = 69,10;
    // CV = 69,10 / 450 × 100 = 15,36 %.
    let orders = ["420", "380", "510", "460", "390", "600", "440", "400"];
    let s = with_values(
        &[("serie", "commandes"), ("nb_valeurs", "8")],
        "valeur_",
        &orders,
    );
    let inst = generate("segmentation/statistiques", 2, &s).unwrap();
    assert_eq!(answer(&inst, "moyenne"), dec!(450));
    assert_eq!(answer(&inst, "mediane"), dec!(430));
    assert_eq!(answer(&inst, "q1"), dec!(390));
    assert_eq!(answer(&inst, "q3"), dec!(460));
    assert_eq!(answer(&inst, "ecart_type"), dec!(69.10));
    assert_eq!(answer(&inst, "cv"), dec!(15.36));
    check_properties(&inst, "Hôtel de la Gare");
}

#[test]
fn statistics_hand_checked_grouped_series() {
    // Papeterie Dauphiné Pro (chapter): x̄ = 2 000 000 / 200 = 10 000; modal class
    // [5 000 ; 10 000[; Me = 5 000 + 5 000 × (100 − 38) / 72 = 9 305,56;
    // V = 6 150 000 000 / 200 = 30 750 000, σ = 5 545,27; CV = 55,45 %.
    let s = with_values(
        &[
            ("serie", "classes"),
            ("nb_classes", "5"),
            ("borne_min", "0"),
            ("amplitude", "5000"),
        ],
        "effectif_",
        &["38", "72", "54", "24", "12"],
    );
    let inst = generate("segmentation/statistiques", 3, &s).unwrap();
    assert_eq!(answer(&inst, "moyenne"), dec!(10000));
    assert_eq!(answer(&inst, "classe_modale"), dec!(5000));
    assert_eq!(answer(&inst, "mediane"), dec!(9305.56));
    assert_eq!(answer(&inst, "ecart_type"), dec!(5545.27));
    assert_eq!(answer(&inst, "cv"), dec!(55.45));
    // Lower bounds instead of centres: 10 000 − 2 500 = 7 500.
    let q = inst.question("moyenne").unwrap();
    assert!(has_mistake(q, "centres-bornes-inferieures", dec!(7500)));
    check_properties(&inst, "Papeterie");
    // Two modal classes: refused with a French reason.
    let s = with_values(
        &[
            ("serie", "classes"),
            ("nb_classes", "4"),
            ("amplitude", "1000"),
        ],
        "effectif_",
        &["10", "30", "30", "5"],
    );
    let err = generate("segmentation/statistiques", 3, &s).unwrap_err();
    assert!(err.to_string().contains("deux classes modales"), "{err}");
}

#[test]
fn statistics_every_series_and_convention() {
    for serie in ["mois", "commandes", "clients", "classes"] {
        for quartiles in ["rang", "interpolation"] {
            let s = sets(&[("serie", serie), ("quartiles", quartiles)]);
            for seed in 0..40 {
                let inst = generate("segmentation/statistiques", seed, &s).unwrap();
                check_properties(
                    &inst,
                    &format!("statistiques {serie}/{quartiles} graine {seed}"),
                );
            }
        }
    }
}

#[test]
fn statistics_carried_forward_cv() {
    let inst = generate("segmentation/statistiques", 5, &sets(&[("serie", "mois")])).unwrap();
    let mut answers = common::right_answers(&inst);
    let wrong_sigma = answer(&inst, "ecart_type") + dec!(100);
    answers.insert(
        "ecart_type".into(),
        clientele::num::format::euros(wrong_sigma),
    );
    let cv = clientele::num::round::round_half_away(
        wrong_sigma / answer(&inst, "moyenne") * dec!(100),
        2,
    );
    answers.insert(
        "cv".into(),
        format!("{}\u{a0}%", clientele::num::format::number(cv, 2)),
    );
    assert_eq!(verdict(&inst, &answers, "ecart_type"), Verdict::Wrong);
    assert_eq!(verdict(&inst, &answers, "cv"), Verdict::CarriedForward);
}

// ----- Forecasting -------------------------------------------------------------------------

/// Boissons Fraîches du Rhône (chapter): 12 quarters, k€ there, € here.
const BOISSONS: [&str; 12] = [
    "155", "198", "231", "164", "166", "215", "252", "176", "178", "232", "270", "187",
];

#[test]
fn forecast_hand_checked_ratio_to_trend() {
    // By hand (chapter): Σ(x − x̄)(y − ȳ) = 572, Σ(x − x̄)² = 143 → a = 4 (DROITEREG);
    // b = 202 − 4 × 6,5 = 176; r = 572 / √(143 × 15 476) = 0,3845 → 0,385
    // (COEFFICIENT.CORRELATION); x = 13: tendance 4 × 13 + 176 = 228; T1 coefficient
    // (155/180 + 166/196 + 178/212) / 3 = 0,8492 → 0,849; prévision 228 × 0,849 = 193,572
    // → 193,57.
    let s = with_values(
        &[("nb_annees", "3"), ("trimestre_prevu", "1")],
        "ventes_",
        &BOISSONS,
    );
    let inst = generate("segmentation/prevision", 1, &s).unwrap();
    assert_eq!(answer(&inst, "a"), dec!(4));
    assert_eq!(answer(&inst, "b"), dec!(176));
    assert_eq!(answer(&inst, "r"), dec!(0.385));
    assert_eq!(answer(&inst, "tendance"), dec!(228));
    assert_eq!(answer(&inst, "coefficient"), dec!(0.849));
    assert_eq!(answer(&inst, "prevision"), dec!(193.57));
    let q = inst.question("prevision").unwrap();
    // Without the coefficient: 228; by addition: 228 + 0,849 = 228,85.
    assert!(has_mistake(q, "prevision-sans-coefficient", dec!(228)));
    assert!(has_mistake(q, "coefficient-additionne", dec!(228.85)));
    // x and y swapped: 572 / 15 476 = 0,037 → 0,04.
    let q = inst.question("a").unwrap();
    assert!(has_mistake(q, "x-y-inverses", dec!(0.04)));
    check_properties(&inst, "Boissons");
}

#[test]
fn forecast_hand_checked_moving_averages() {
    // T3 by centred moving averages of order 4: MM(x = 3) = (155/2 + 198 + 231 + 164 +
    // 166/2) / 4 = 188,375; MM(x = 7) = (166/2 + 215 + 252 + 176 + 178/2) / 4 = 203,75;
    // x = 11 has no MM. Coefficient (231/188,375 + 252/203,75) / 2 = 1,2315 → 1,232;
    // x = 15: tendance 236, prévision 236 × 1,232 = 290,752 → 290,75.
    let s = with_values(
        &[
            ("nb_annees", "3"),
            ("trimestre_prevu", "3"),
            ("coefficients", "moyennes-mobiles"),
        ],
        "ventes_",
        &BOISSONS,
    );
    let inst = generate("segmentation/prevision", 1, &s).unwrap();
    assert_eq!(answer(&inst, "tendance"), dec!(236));
    assert_eq!(answer(&inst, "coefficient"), dec!(1.232));
    assert_eq!(answer(&inst, "prevision"), dec!(290.75));
    check_properties(&inst, "Boissons MM");
}

#[test]
fn forecast_every_convention_and_length() {
    for coefficients in ["rapport-tendance", "moyennes-mobiles"] {
        for years in ["2", "3", "4"] {
            let s = sets(&[("coefficients", coefficients), ("nb_annees", years)]);
            for seed in 0..30 {
                let inst = generate("segmentation/prevision", seed, &s).unwrap();
                check_properties(
                    &inst,
                    &format!("prévision {coefficients}/{years} graine {seed}"),
                );
            }
        }
    }
}

#[test]
fn forecast_carried_forward_from_a_wrong_slope() {
    let s = with_values(
        &[("nb_annees", "3"), ("trimestre_prevu", "1")],
        "ventes_",
        &BOISSONS,
    );
    let inst = generate("segmentation/prevision", 1, &s).unwrap();
    let mut answers = common::right_answers(&inst);
    // a = 5 instead of 4: b = 202 − 5 × 6,5 = 169,5; tendance 5 × 13 + 169,5 = 234,5.
    answers.insert("a".into(), "5 €".into());
    answers.insert("b".into(), "169,50 €".into());
    answers.insert("tendance".into(), "234,50 €".into());
    assert_eq!(verdict(&inst, &answers, "a"), Verdict::Wrong);
    assert_eq!(verdict(&inst, &answers, "b"), Verdict::CarriedForward);
    assert_eq!(
        verdict(&inst, &answers, "tendance"),
        Verdict::CarriedForward
    );
}

#[test]
fn garbage_answers_never_panic_in_any_variant() {
    let garbage = [
        "",
        "abc",
        "1e999",
        "--3",
        "€",
        "%",
        "NaN",
        "-0",
        "0",
        "1/0",
        "99999999999999999999999999999",
    ];
    let cases = [
        ("segmentation/abc", sets(&[("colonnes", "ca-commandes")])),
        ("segmentation/statistiques", sets(&[("serie", "classes")])),
        ("segmentation/statistiques", sets(&[("serie", "clients")])),
        (
            "segmentation/prevision",
            sets(&[("coefficients", "moyennes-mobiles")]),
        ),
    ];
    for (id, s) in cases {
        let inst = generate(id, 7, &s).unwrap();
        for g in garbage {
            let answers = inst
                .questions
                .iter()
                .map(|q| (q.key.to_string(), g.to_string()))
                .collect();
            let rep = correct(&inst, &answers);
            assert!(rep.score <= rep.total);
        }
    }
}

#[test]
fn bad_settings_give_french_errors() {
    let err = generate("segmentation/abc", 1, &sets(&[("nb_clients", "3")])).unwrap_err();
    assert!(err.to_string().contains("Valeur invalide"), "{err}");
    let err = generate(
        "segmentation/abc",
        1,
        &sets(&[("classement", "rang"), ("rang_a", "8"), ("rang_b", "5")]),
    )
    .unwrap_err();
    assert!(err.to_string().contains("rang_a"), "{err}");
    let err = generate(
        "segmentation/prevision",
        1,
        &with_values(&[("nb_annees", "2")], "ventes_", &["100"; 8]),
    )
    .unwrap_err();
    assert!(err.to_string().contains("tendance"), "{err}");
}

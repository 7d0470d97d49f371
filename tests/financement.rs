//! The financing family: hand-checked instances, every convention combination through
//! the generic properties, carried-forward credit.

mod common;

use common::{answer, check_properties, has_mistake, sets};

use clientele::correct::{correct, Verdict};
use clientele::generate::generate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[test]
fn emprunt_every_convention_combination() {
    for variante in ["annuites-constantes", "amortissements-constants"] {
        for periodicite in ["mensuelle", "annuelle"] {
            for taux in ["proportionnel", "equivalent"] {
                for derniere in ["annuite-ajustee", "interet-ajuste"] {
                    let s = sets(&[
                        ("variante", variante),
                        ("periodicite", periodicite),
                        ("taux_mensuel", taux),
                        ("derniere_ligne", derniere),
                    ]);
                    for seed in 0..40 {
                        let inst = generate("financement/emprunt", seed, &s).unwrap();
                        let what =
                            format!("{variante}/{periodicite}/{taux}/{derniere} graine {seed}");
                        check_properties(&inst, &what);
                        // The table's totals: amortisations add up to the capital.
                        let capital = inst.params["capital"].as_number().unwrap();
                        assert!(
                            inst.solution.contains(&format!(
                                "**{}**",
                                clientele::num::format::euros(capital)
                            )),
                            "{what}"
                        );
                        assert!(inst.solution.contains("<svg"), "{what}");
                    }
                }
            }
        }
    }
}

#[test]
fn emprunt_hand_checked_monthly() {
    // Spreadsheet VPM(1 %; 12; −10 000) = 888,49 (12 % a year ÷ 12 = 1 % a month).
    let s = sets(&[
        ("variante", "annuites-constantes"),
        ("periodicite", "mensuelle"),
        ("capital", "10000"),
        ("taux_annuel", "12"),
        ("nb_echeances", "12"),
        ("periode_k", "3"),
    ]);
    let inst = generate("financement/emprunt", 5, &s).unwrap();
    assert_eq!(answer(&inst, "taux_periodique"), dec!(1));
    assert_eq!(answer(&inst, "annuite"), dec!(888.49));
    // 10 000 × 1 % = 100,00; 888,49 − 100 = 788,49.
    assert_eq!(answer(&inst, "interet_1"), dec!(100.00));
    assert_eq!(answer(&inst, "amortissement_1"), dec!(788.49));
    // Lines 2 and 3: 9 211,51 × 1 % = 92,12 → 796,37 → 8 415,14; 84,15 → 804,34 → 7 610,80.
    assert_eq!(answer(&inst, "capital_restant_k"), dec!(7610.80));
    // Line 4: 7 610,80 × 1 % = 76,108 → 76,11.
    assert_eq!(answer(&inst, "interet_k1"), dec!(76.11));
    // Shortcut 12 × 888,49 − 10 000 = 661,88, within the tolerance of the table's total.
    let cost = inst.question("cout_credit").unwrap();
    assert!((cost.answer - dec!(661.88)).abs() <= cost.tolerance);
    // Mistake: annual rate for a month: VPM(12 %; 12; −10 000): 1,12^12 = 3,895976;
    // 10 000 × 0,12 × 3,895976 / 2,895976 = 1 614,368 → 1 614,37.
    let annuity = inst.question("annuite").unwrap();
    assert!(has_mistake(
        annuity,
        "taux-annuel-applique-au-mois",
        dec!(1614.37)
    ));
}

#[test]
fn emprunt_equivalent_rate_and_carried_forward() {
    // (1,06)^(1/12) − 1 = 0,004867551 → 0,4868 %; the proportional rate 0,5 % is diagnosed.
    let s = sets(&[
        ("variante", "annuites-constantes"),
        ("periodicite", "mensuelle"),
        ("taux_mensuel", "equivalent"),
        ("capital", "20000"),
        ("taux_annuel", "6"),
        ("nb_echeances", "24"),
        ("periode_k", "10"),
    ]);
    let inst = generate("financement/emprunt", 1, &s).unwrap();
    assert_eq!(answer(&inst, "taux_periodique"), dec!(0.4868));
    // 20 000 × 0,004868 = 97,36.
    assert_eq!(answer(&inst, "interet_1"), dec!(97.36));
    // A student who uses 0,5 %: interest 100,00 from their rate is carried forward.
    let mut answers = common::right_answers(&inst);
    answers.insert("taux_periodique".into(), "0,5 %".into());
    answers.insert("interet_1".into(), "100,00 €".into());
    let rep = correct(&inst, &answers);
    let rate = &rep.results[0];
    assert_eq!(rate.verdict, Verdict::Wrong);
    assert_eq!(
        rate.diagnosis.as_ref().unwrap().note,
        "taux-proportionnel-au-lieu-d-equivalent"
    );
    let interest = rep.results.iter().find(|r| r.key == "interet_1").unwrap();
    assert_eq!(interest.verdict, Verdict::CarriedForward);
    // A wrong annuity carried into the amortisation: 900 − 97,36 = 802,64.
    let mut answers = common::right_answers(&inst);
    answers.insert("annuite".into(), "900 €".into());
    answers.insert("amortissement_1".into(), "802,64 €".into());
    let rep = correct(&inst, &answers);
    let r = rep
        .results
        .iter()
        .find(|r| r.key == "amortissement_1")
        .unwrap();
    assert_eq!(r.verdict, Verdict::CarriedForward);
}

#[test]
fn emprunt_360_months_is_generated() {
    let s = sets(&[
        ("variante", "annuites-constantes"),
        ("periodicite", "mensuelle"),
        ("capital", "200000"),
        ("taux_annuel", "3.6"),
        ("nb_echeances", "360"),
        ("periode_k", "120"),
    ]);
    let inst = generate("financement/emprunt", 1, &s).unwrap();
    // 1,003^360 = 2,93992…; a = 200 000 × 0,003 × 2,93992 / 1,93992 = 909,29.
    assert_eq!(answer(&inst, "annuite"), dec!(909.29));
    assert!(inst.solution.contains("les 360 lignes"));
    check_properties(&inst, "360 mois");
}

/// Issue 3's "for every seed" guarantee at the level of the exercise: 10 000 seeds of
/// `financement/emprunt`, cycling through the four combinations of the monthly-rate and
/// last-line conventions. For each, the table is rebuilt from the instance's own
/// parameters as the exercise builds it, and must end at 0,00 € with amortisations adding
/// up to the capital exactly; the instance's answers must be read off that table, and its
/// solution must show the capital as the total of the amortisations.
#[test]
fn emprunt_table_ends_at_zero_for_10_000_seeds() {
    use clientele::calc::loan::{
        annuity_table_exact, constant_amortisation_table_exact, equivalent_monthly_rate,
        proportional_monthly_rate, LastLine, PeriodRate,
    };
    use clientele::num::format::euros;
    let conventions = [
        ("proportionnel", "annuite-ajustee"),
        ("proportionnel", "interet-ajuste"),
        ("equivalent", "annuite-ajustee"),
        ("equivalent", "interet-ajuste"),
    ];
    let mut seen_zero_end = 0;
    for seed in 0..10_000u64 {
        let (rate_conv, last_conv) = conventions[(seed % 4) as usize];
        let s = sets(&[("taux_mensuel", rate_conv), ("derniere_ligne", last_conv)]);
        let inst = generate("financement/emprunt", seed, &s).unwrap();
        let num = |k: &str| inst.params[k].as_number().unwrap();
        let choice = |k: &str| inst.params[k].to_string();
        let capital = num("capital");
        let annual = num("taux_annuel");
        let n = u32::try_from(num("nb_echeances")).unwrap();
        let k = usize::try_from(num("periode_k")).unwrap();
        let monthly = choice("periodicite") == "mensuelle";
        let rate = match (monthly, rate_conv) {
            (false, _) => annual,
            (true, "proportionnel") => proportional_monthly_rate(annual),
            (true, _) => equivalent_monthly_rate(annual, 4),
        };
        let last = if last_conv == "interet-ajuste" {
            LastLine::AdjustInterest
        } else {
            LastLine::AdjustPayment
        };
        // Each line's interest with the unrounded rate: a proportional monthly rate is the
        // annual rate over 12, divided last.
        let period_rate = match (monthly, rate_conv) {
            (true, "proportionnel") => PeriodRate {
                percent: annual,
                periods: 12,
            },
            _ => PeriodRate {
                percent: rate,
                periods: 1,
            },
        };
        let t = if choice("variante") == "amortissements-constants" {
            constant_amortisation_table_exact(capital, period_rate, n)
        } else {
            annuity_table_exact(capital, period_rate, n, last)
        }
        .unwrap();
        let what = format!("graine {seed}");
        assert_eq!(t.rows.len(), n as usize, "{what}");
        assert_eq!(t.total_amortisation, capital, "{what}");
        assert_eq!(t.rows.last().unwrap().end, Decimal::ZERO, "{what}");
        assert_eq!(
            answer(&inst, "capital_restant_k"),
            t.rows[k - 1].end,
            "{what}"
        );
        if let Some(q) = inst.question("derniere_annuite") {
            assert_eq!(q.answer, t.rows.last().unwrap().payment, "{what}");
        }
        if let Some(q) = inst.question("dernier_interet") {
            assert_eq!(q.answer, t.rows.last().unwrap().interest, "{what}");
        }
        let cost = inst.question("cout_credit").unwrap();
        assert!(
            (cost.answer - t.total_interest).abs() <= cost.tolerance,
            "{what}"
        );
        assert!(
            inst.solution.contains(&format!("**{}**", euros(capital))),
            "{what}"
        );
        if inst.solution.contains("0,00\u{a0}€") {
            seen_zero_end += 1;
        }
    }
    // The table shown (in full or abridged) ends on its last line at 0,00 €.
    assert_eq!(seen_zero_end, 10_000);
}

/// `clientele list` shows every type of the family, with its catalog prefix.
#[test]
fn list_shows_the_whole_family() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clientele"))
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["id"].as_str())
        .collect();
    for id in [
        "financement/interets-simples",
        "financement/escompte-effets",
        "financement/escompte-reglement",
        "financement/equivalence",
        "financement/penalites",
        "financement/interets-composes",
        "financement/emprunt",
        "financement/choix-financement",
    ] {
        assert!(ids.contains(&id), "{id} absent de clientele list");
    }
    let text = std::process::Command::new(env!("CARGO_BIN_EXE_clientele"))
        .arg("list")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("financement/equivalence") && text.contains("financement/interets-composes")
    );
}

/// Issue #17 (7): the cost of credit of a constant-amortisation loan at a proportional
/// monthly rate is the table's total, each line's interest computed with the unrounded
/// rate. Recomputed here in integer cents and hundredths of a percent, independently of
/// the library's decimals: interest = start × annual ÷ 1 200, rounded half away.
#[test]
fn emprunt_cost_of_credit_is_the_exact_table_total() {
    let mut checked = 0;
    for seed in 1..=400u64 {
        let s = sets(&[
            ("variante", "amortissements-constants"),
            ("periodicite", "mensuelle"),
            ("taux_mensuel", "proportionnel"),
        ]);
        let inst = generate("financement/emprunt", seed, &s).unwrap();
        let num = |k: &str| inst.params[k].as_number().unwrap();
        let cents = |d: Decimal| i128::try_from((d * Decimal::ONE_HUNDRED).round()).unwrap();
        let capital = cents(num("capital"));
        let annual = cents(num("taux_annuel")); // hundredths of a percent
        let n = i128::try_from(num("nb_echeances").round()).unwrap();
        let div_half_away = |a: i128, b: i128| (2 * a + b) / (2 * b);
        let amort = div_half_away(capital, n);
        let (mut start, mut total) = (capital, 0i128);
        for line in 1..=n {
            total += div_half_away(start * annual, 1200 * 100);
            start -= if line < n { amort } else { start };
        }
        let answer = cents(inst.question("cout_credit").unwrap().answer);
        assert_eq!(answer, total, "{}", inst.code);
        checked += 1;
    }
    assert_eq!(checked, 400);
}

//! The commercial-effort family (S531) and the working-capital family (S523):
//! hand-checked textbook cases through `--set`, property tests of the invariants,
//! carried-forward credit and garbage answers.

mod common;

use common::{answer, sets};

use clientele::calc::breakeven::{threshold_units, threshold_value};
use clientele::calc::depreciation::{
    declining_rate, declining_table, linear_table, prorata_days, prorata_months, switch_year,
};
use clientele::calc::working_capital::{bfre_days, bfre_euros, rotation_days, Rotations};
use clientele::calc::workload::{available_hours, salespeople};
use clientele::correct::{correct, Verdict};
use clientele::generate::generate;
use clientele::model::Instance;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

fn answers(inst: &Instance, key: &str, value: &str) -> BTreeMap<String, String> {
    let mut a = common::right_answers(inst);
    a.insert(key.to_string(), value.to_string());
    a
}

fn verdict(inst: &Instance, a: &BTreeMap<String, String>, key: &str) -> (Verdict, Option<String>) {
    let rep = correct(inst, a);
    let r = rep.results.iter().find(|r| r.key == key).unwrap();
    (r.verdict, r.diagnosis.as_ref().map(|d| d.note.clone()))
}

// ----- bfr/rotations ------------------------------------------------------------------

const BFR_CASE: &[(&str, &str)] = &[
    ("ca_ht", "1200000"),
    ("tva", "20"),
    ("achats_ht", "740000"),
    ("stock_initial", "50000"),
    ("stock_final", "70000"),
    ("creances", "180000"),
    ("dettes_fournisseurs", "148000"),
    ("reduction_jours", "10"),
];

/// CA TTC = 1 200 000 × 1,2 = 1 440 000 €; clients 180 000 / 1 440 000 × 360 = 45 j;
/// CAMV = 740 000 + 50 000 − 70 000 = 720 000 €; stock moyen 60 000 → 30 j;
/// achats TTC 888 000 €; fournisseurs 148 000 / 888 000 × 360 = 60 j;
/// BFRE = (30 × 720 000 + 45 × 1 440 000 − 60 × 888 000) / 1 200 000 = 27,6 → 28 j;
/// 28 × 1 200 000 / 360 = 93 333,33 €; 10 days less: 10 × 1 440 000 / 360 = 40 000 €.
#[test]
fn bfr_textbook_case() {
    let inst = generate("bfr/rotations", 1, &sets(BFR_CASE)).unwrap();
    assert_eq!(answer(&inst, "ca_ttc"), dec!(1440000));
    assert_eq!(answer(&inst, "delai_clients"), dec!(45));
    assert_eq!(answer(&inst, "camv"), dec!(720000));
    assert_eq!(answer(&inst, "delai_stocks"), dec!(30));
    assert_eq!(answer(&inst, "achats_ttc"), dec!(888000));
    assert_eq!(answer(&inst, "delai_fournisseurs"), dec!(60));
    assert_eq!(answer(&inst, "bfre_jours"), dec!(28));
    assert_eq!(answer(&inst, "bfre_euros"), dec!(93333.33));
    assert_eq!(answer(&inst, "economie_bfre"), dec!(40000));
    // HT basis: 180 000 / 1 200 000 × 360 = 54 days, recognised.
    let a = answers(&inst, "delai_clients", "54");
    assert_eq!(
        verdict(&inst, &a, "delai_clients").1.as_deref(),
        Some("base-ht-au-lieu-de-ttc")
    );
    // 365 days: 180 000 / 1 440 000 × 365 = 45,6 → 46.
    let a = answers(&inst, "delai_clients", "46");
    assert_eq!(
        verdict(&inst, &a, "delai_clients").1.as_deref(),
        Some("annee-mal-choisie")
    );
}

#[test]
fn bfr_365_convention() {
    let mut s = sets(BFR_CASE);
    s.insert("annee".into(), "365".into());
    let inst = generate("bfr/rotations", 1, &s).unwrap();
    // 180 000 × 365 / 1 440 000 = 45,625 → 46; 60 000 × 365 / 720 000 = 30,4 → 30;
    // 148 000 × 365 / 888 000 = 60,83 → 61.
    assert_eq!(answer(&inst, "delai_clients"), dec!(46));
    assert_eq!(answer(&inst, "delai_stocks"), dec!(30));
    assert_eq!(answer(&inst, "delai_fournisseurs"), dec!(61));
    assert!(inst.statement.contains("Année de 365 jours"));
}

/// A teacher's own case may have a negative BFRE: supplier debts of 300 000 € give
/// 300 000 / 888 000 × 360 = 121,6 → 122 days; (21 600 000 + 64 800 000 − 122 × 888 000)
/// / 1 200 000 = −18,28 → −18 days; −18 × 1 200 000 / 360 = −60 000 €.
#[test]
fn bfr_negative_when_the_teacher_says_so() {
    let mut s = sets(BFR_CASE);
    s.insert("dettes_fournisseurs".into(), "300000".into());
    let inst = generate("bfr/rotations", 1, &s).unwrap();
    assert_eq!(answer(&inst, "delai_fournisseurs"), dec!(122));
    assert_eq!(answer(&inst, "bfre_jours"), dec!(-18));
    assert_eq!(answer(&inst, "bfre_euros"), dec!(-60000));
    let rep = correct(&inst, &common::right_answers(&inst));
    assert_eq!(rep.score, rep.total);
}

#[test]
fn bfr_carried_forward() {
    let inst = generate("bfr/rotations", 1, &sets(BFR_CASE)).unwrap();
    // A wrong BFRE in days (30) earns the euros computed from it: 30 × 1 200 000 / 360.
    let mut a = answers(&inst, "bfre_jours", "30");
    a.insert("bfre_euros".into(), "100 000,00 €".into());
    assert_eq!(verdict(&inst, &a, "bfre_euros").0, Verdict::CarriedForward);
}

proptest! {
    /// BFRE in days × CA HT / 360 = BFRE in euros = stock moyen + créances − dettes,
    /// exactly, when the ratios are not rounded; the exercise rounds the days and says so.
    #[test]
    fn bfre_days_times_ca_is_bfre_euros(
        ca in 100_000i64..50_000_000,
        stock in 0i64..5_000_000,
        rec in 0i64..5_000_000,
        debts in 0i64..5_000_000,
        cogs_pct in 30i64..90,
        vat in prop::sample::select(vec![dec!(20), dec!(10), dec!(5.5), dec!(2.1)]),
        year in prop::sample::select(vec![360u32, 365]),
    ) {
        let ca = Decimal::from(ca);
        let k = Decimal::ONE + vat / dec!(100);
        let cogs = ca * Decimal::from(cogs_pct) / dec!(100);
        let (ttc, purchases_ttc) = (ca * k, cogs * k);
        let r = Rotations {
            stock_days: rotation_days(stock.into(), cogs, year).unwrap(),
            customer_days: rotation_days(rec.into(), ttc, year).unwrap(),
            supplier_days: rotation_days(debts.into(), purchases_ttc, year).unwrap(),
        };
        let days = bfre_days(r, cogs, ttc, purchases_ttc, ca).unwrap();
        let euros = bfre_euros(days, ca, year).unwrap();
        let balance = Decimal::from(stock + rec - debts);
        prop_assert!((euros - balance).abs() < dec!(0.000001), "{euros} ≠ {balance}");
    }

    #[test]
    fn bfr_instances_keep_the_identity(seed in 0u64..100_000) {
        let inst = generate("bfr/rotations", seed, &BTreeMap::new()).unwrap();
        let year = if inst.statement.contains("Année de 365") { dec!(365) } else { dec!(360) };
        let ca = inst.params["ca_ht"].as_number().unwrap();
        let days = answer(&inst, "bfre_jours");
        let euros = answer(&inst, "bfre_euros");
        prop_assert_eq!(euros, clientele::num::round::round_cents(days * ca / year));
    }
}

// ----- effort/charge-de-travail -------------------------------------------------------

const HYGIAPRO: &[(&str, &str)] = &[
    ("frequences", "annuelles"),
    ("nb_a", "60"),
    ("nb_b", "180"),
    ("nb_c", "360"),
    ("nb_p", "300"),
    ("freq_a", "12"),
    ("freq_b", "6"),
    ("freq_c", "2"),
    ("freq_p", "1"),
    ("duree_a", "90"),
    ("duree_b", "60"),
    ("duree_c", "45"),
    ("duree_p", "60"),
    ("deplacement", "45"),
    ("jours", "220"),
    ("heures_jour", "7"),
    ("part_terrain", "70"),
    ("cout_commercial", "51000"),
];

/// The worked example of the S531 chapter (Hygiapro): 2 820 visits, 5 115 h,
/// 220 × 7 × 70 % = 1 078 h, 5 115 / 1 078 ≈ 4,74 → 5 salespeople, 5 × 51 000 =
/// 255 000 €, 255 000 / 2 820 = 90,425… → 90,43 € per visit.
#[test]
fn workload_chapter_case() {
    let inst = generate("effort/charge-de-travail", 1, &sets(HYGIAPRO)).unwrap();
    assert_eq!(answer(&inst, "visites"), dec!(2820));
    assert_eq!(answer(&inst, "charge_heures"), dec!(5115));
    assert_eq!(answer(&inst, "heures_disponibles"), dec!(1078));
    assert_eq!(answer(&inst, "commerciaux"), dec!(5));
    assert_eq!(answer(&inst, "cout_force_vente"), dec!(255000));
    assert_eq!(answer(&inst, "cout_visite"), dec!(90.43));
    let a = answers(&inst, "commerciaux", "4");
    assert_eq!(
        verdict(&inst, &a, "commerciaux").1.as_deref(),
        Some("effectif-arrondi-inferieur")
    );
    // Travel forgotten: 720 × 1,5 + 1 080 × 1 + 720 × 0,75 + 300 × 1 = 3 000 h.
    let a = answers(&inst, "charge_heures", "3000");
    assert_eq!(
        verdict(&inst, &a, "charge_heures").1.as_deref(),
        Some("deplacement-oublie")
    );
    // A wrong workload (3 000 h) carries forward: 3 000 / 1 078 ≈ 2,78 → 3.
    let mut a = answers(&inst, "charge_heures", "3000");
    a.insert("commerciaux".into(), "3".into());
    assert_eq!(verdict(&inst, &a, "commerciaux").0, Verdict::CarriedForward);
}

#[test]
fn workload_monthly_frequency_is_annualised() {
    let mut s = sets(HYGIAPRO);
    s.insert("frequences".into(), "mensuelles-a".into());
    s.insert("freq_a".into(), "1".into());
    let inst = generate("effort/charge-de-travail", 1, &s).unwrap();
    assert_eq!(answer(&inst, "visites"), dec!(2820));
    // 60 × 1 (not × 12) + 1 080 + 720 + 300 = 2 160.
    let a = answers(&inst, "visites", "2160");
    assert_eq!(
        verdict(&inst, &a, "visites").1.as_deref(),
        Some("frequence-mensuelle-non-annualisee")
    );
    assert!(inst.statement.contains("1 par mois"));
}

proptest! {
    /// The salespeople cover the workload, and one fewer would not.
    #[test]
    fn salespeople_cover_the_workload(work in 1i64..100_000, days in 150i64..230, field in 40i64..90) {
        let avail = available_hours(days.into(), dec!(7), field.into());
        let n = salespeople(work.into(), avail).unwrap();
        prop_assert!(n * avail >= Decimal::from(work));
        prop_assert!((n - Decimal::ONE) * avail < Decimal::from(work));
    }
}

// ----- effort/couts-seuil -------------------------------------------------------------

const KIT: &[(&str, &str)] = &[
    ("variante", "seuil-regulier"),
    ("prix", "50"),
    ("quantite", "9000"),
    ("tva", "20"),
    ("cout_achat", "30"),
    ("commission", "0"),
    ("livraison", "0"),
    ("cf_salaires", "70000"),
    ("cf_loyer", "30000"),
    ("cf_autres", "20000"),
];

/// Exercise 2 of the S531 chapter: CA 450 000 €, MCV 180 000 € (40 %), SR 300 000 € =
/// 6 000 kits, point mort 300 000 / 450 000 × 360 = day 240 (30 August on a 360-day
/// year), MS 150 000 €, IS 33,33 %, leverage 180 000 / 60 000 = 3.
#[test]
fn break_even_chapter_case() {
    let inst = generate("effort/couts-seuil", 1, &sets(KIT)).unwrap();
    assert_eq!(answer(&inst, "cout_variable_unitaire"), dec!(30));
    assert_eq!(answer(&inst, "ca"), dec!(450000));
    assert_eq!(answer(&inst, "mcv"), dec!(180000));
    assert_eq!(answer(&inst, "taux_mcv"), dec!(40));
    assert_eq!(answer(&inst, "sr_valeur"), dec!(300000));
    assert_eq!(answer(&inst, "sr_quantite"), dec!(6000));
    assert_eq!(answer(&inst, "point_mort"), dec!(240));
    assert_eq!(answer(&inst, "marge_securite"), dec!(150000));
    assert_eq!(answer(&inst, "indice_securite"), dec!(33.33));
    assert_eq!(answer(&inst, "levier"), dec!(3));
    assert!(inst.solution.contains("30 août"));
    assert!(inst.solution.contains("<svg"));
    // SR = fixed costs / price: 120 000 / 50 = 2 400 units.
    let a = answers(&inst, "sr_quantite", "2400");
    assert_eq!(
        verdict(&inst, &a, "sr_quantite").1.as_deref(),
        Some("sr-divise-par-prix")
    );
    // MCV rate on TTC: 180 000 / 540 000 = 33,33 %.
    let a = answers(&inst, "taux_mcv", "33,33 %");
    assert_eq!(
        verdict(&inst, &a, "taux_mcv").1.as_deref(),
        Some("taux-sur-ttc")
    );
    // Calendar year: 300 000 / 450 000 × 365 = 243,3 → day 244 = 1 September.
    let mut s = sets(KIT);
    s.insert("annee".into(), "365".into());
    let inst365 = generate("effort/couts-seuil", 1, &s).unwrap();
    assert_eq!(answer(&inst365, "point_mort"), dec!(244));
    assert!(inst365.solution.contains("1er septembre"));
}

#[test]
fn break_even_seasonal_case() {
    // Summer profile; SR 300 000 € of 450 000 €: cumul to June 198 000 € (44 %),
    // July 63 000 € → 261 000 €, August 63 000 €: 39 000 × 30 / 63 000 = 18,57 → 19
    // days: day 210 + 19 = 229 (19 August). The rule of three would give day 240.
    let mut s = sets(KIT);
    s.insert("variante".into(), "seuil-saisonnier".into());
    let profile = [4, 4, 6, 8, 10, 12, 14, 14, 10, 8, 5, 5];
    for (i, p) in profile.iter().enumerate() {
        s.insert(format!("part_{:02}", i + 1), p.to_string());
    }
    let inst = generate("effort/couts-seuil", 1, &s).unwrap();
    assert_eq!(answer(&inst, "mois_point_mort"), dec!(8));
    assert_eq!(answer(&inst, "point_mort"), dec!(229));
    assert!(inst.solution.contains("19 août"));
    let a = answers(&inst, "point_mort", "240");
    assert_eq!(
        verdict(&inst, &a, "point_mort").1.as_deref(),
        Some("regle-de-trois-saisonniere")
    );
    // Shares that do not add up to 100 % are refused with a French message.
    s.insert("part_01".into(), "5".into());
    let err = generate("effort/couts-seuil", 1, &s)
        .unwrap_err()
        .to_string();
    assert!(err.contains("100"), "{err}");
}

/// Exercise 4 of the chapter (Quimper): CA 300 000 €, variable costs 186 000 €, direct
/// fixed costs 84 000 €, common costs share 48 000 € (160 000 × 30 %): MCD 30 000 €,
/// result −18 000 €.
#[test]
fn full_cost_chapter_case() {
    let s = sets(&[
        ("variante", "cout-complet"),
        ("ca_action", "300000"),
        ("cv_action", "186000"),
        ("cd_1", "40000"),
        ("cd_2", "30000"),
        ("cd_3", "14000"),
        ("charges_communes", "160000"),
        ("cle", "30"),
    ]);
    let inst = generate("effort/couts-seuil", 1, &s).unwrap();
    assert_eq!(answer(&inst, "mcv"), dec!(114000));
    assert_eq!(answer(&inst, "cout_direct"), dec!(270000));
    assert_eq!(answer(&inst, "marge_cout_direct"), dec!(30000));
    assert_eq!(answer(&inst, "quote_part"), dec!(48000));
    assert_eq!(answer(&inst, "cout_complet"), dec!(318000));
    assert_eq!(answer(&inst, "resultat_complet"), dec!(-18000));
    let a = answers(&inst, "cout_direct", "84000");
    assert_eq!(
        verdict(&inst, &a, "cout_direct").1.as_deref(),
        Some("variables-oublies")
    );
    assert!(inst.solution.contains("marge sur coût direct est positive"));
}

proptest! {
    /// At the threshold, the MCV exactly covers the fixed costs (to the rounding of the
    /// cent), and the units to sell are the smallest whole number that covers them.
    #[test]
    fn threshold_covers_fixed_costs(
        price_cents in 100i64..100_000,
        share in 20i64..80,
        qty in 100i64..100_000,
        fixed_pct in 10i64..95,
    ) {
        let price = Decimal::new(price_cents, 2);
        let cvu = (price * Decimal::from(100 - share) / dec!(100)).round_dp(2);
        let um = price - cvu;
        prop_assume!(um > Decimal::ZERO);
        let ca = price * Decimal::from(qty);
        let mcv = um * Decimal::from(qty);
        let fixed = (mcv * Decimal::from(fixed_pct) / dec!(100)).round_dp(0);
        let sr = threshold_value(fixed, ca, mcv).unwrap();
        prop_assert!((sr * mcv / ca - fixed).abs() < dec!(0.000001));
        let n = threshold_units(fixed, um).unwrap();
        prop_assert!(n * um >= fixed && (n - Decimal::ONE) * um < fixed);
    }
}

// ----- effort/amortissement -----------------------------------------------------------

/// Linear: 24 000 € over 5 years from 15 April: 256 days, 24 000 / 5 × 256 / 360 =
/// 3 413,33 €, then 4 800 €; VNC end of year 3 = 24 000 − 3 413,33 − 2 × 4 800 =
/// 10 986,67 €; last annuity (year 6) 24 000 − 3 413,33 − 4 × 4 800 = 1 386,67 €.
#[test]
fn linear_textbook_case() {
    let s = sets(&[
        ("variante", "lineaire"),
        ("cout", "24000"),
        ("duree", "5"),
        ("jour", "15"),
        ("mois", "4"),
        ("annee", "2026"),
        ("annee_vnc", "3"),
        ("frais", "2000"),
    ]);
    let inst = generate("effort/amortissement", 1, &s).unwrap();
    assert_eq!(answer(&inst, "taux_lineaire"), dec!(20));
    assert_eq!(answer(&inst, "jours_prorata"), dec!(256));
    assert_eq!(answer(&inst, "annuite_1"), dec!(3413.33));
    assert_eq!(answer(&inst, "annuite_pleine"), dec!(4800));
    assert_eq!(answer(&inst, "vnc"), dec!(10986.67));
    assert_eq!(answer(&inst, "derniere_annuite"), dec!(1386.67));
    assert_eq!(answer(&inst, "cout_annuel"), dec!(6800));
    let a = answers(&inst, "annuite_1", "4 800,00 €");
    assert_eq!(
        verdict(&inst, &a, "annuite_1").1.as_deref(),
        Some("prorata-oublie")
    );
    // Prorata in months (9/12): 3 600 €.
    let a = answers(&inst, "annuite_1", "3 600,00 €");
    assert_eq!(
        verdict(&inst, &a, "annuite_1").1.as_deref(),
        Some("prorata-en-mois")
    );
    assert!(inst.solution.contains("| 2031 |"));
}

/// Declining: 20 000 € over 5 years (35 %), bought in April (9 months): 5 250 €, VNC
/// 14 750 €; 5 162,50 €; 3 355,63 € → VNC 6 231,87 € on 1 January of year 4, when 50 %
/// beats 35 %: 6 231,87 / 2 = 3 115,94 €, last 3 115,93 €.
#[test]
fn declining_textbook_case() {
    let s = sets(&[
        ("variante", "degressif"),
        ("cout", "20000"),
        ("duree", "5"),
        ("jour", "10"),
        ("mois", "4"),
        ("annee", "2026"),
        ("frais", "1000"),
    ]);
    let inst = generate("effort/amortissement", 1, &s).unwrap();
    assert_eq!(answer(&inst, "taux_degressif"), dec!(35));
    assert_eq!(answer(&inst, "annuite_1"), dec!(5250));
    assert_eq!(answer(&inst, "vnc_fin_1"), dec!(14750));
    assert_eq!(answer(&inst, "annee_bascule"), dec!(4));
    assert_eq!(answer(&inst, "vnc_bascule"), dec!(6231.87));
    assert_eq!(answer(&inst, "annuite_bascule"), dec!(3115.94));
    assert_eq!(answer(&inst, "derniere_annuite"), dec!(3115.93));
    assert_eq!(answer(&inst, "cout_annuel"), dec!(6162.50));
    // The linear rate (20 %) instead of 35 %: coefficient forgotten.
    let a = answers(&inst, "taux_degressif", "20 %");
    assert_eq!(
        verdict(&inst, &a, "taux_degressif").1.as_deref(),
        Some("coefficient-oublie")
    );
    // Continuing the declining rate: 6 231,87 × 35 % = 2 181,15 €.
    let a = answers(&inst, "annuite_bascule", "2 181,15 €");
    assert_eq!(
        verdict(&inst, &a, "annuite_bascule").1.as_deref(),
        Some("pas-de-bascule")
    );
    // A wrong first annuity carries forward to the VNC.
    let mut a = answers(&inst, "annuite_1", "7 000,00 €");
    a.insert("vnc_fin_1".into(), "13 000,00 €".into());
    assert_eq!(verdict(&inst, &a, "vnc_fin_1").0, Verdict::CarriedForward);
}

#[test]
fn ambiguous_declining_life_is_refused() {
    // 9 years: 100 / 9 × 2,25 = 25 % = 100 / 4: the switch year would be ambiguous.
    let s = sets(&[("variante", "degressif"), ("duree", "9")]);
    let err = generate("effort/amortissement", 1, &s)
        .unwrap_err()
        .to_string();
    assert!(err.contains("ambiguë"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Both plans end at a VNC of 0,00 €, their annuities add up to the base, none is
    /// negative, and the linear one has only full annuities between its ends.
    #[test]
    fn plans_end_at_zero(
        base_cents in 10_000i64..1_000_000_000,
        life in 3u32..=10,
        month in 1u32..=12,
        day in 1u32..=30,
    ) {
        let base = Decimal::new(base_cents, 2);
        let lin = linear_table(base, life, prorata_days(month, day));
        let dec = declining_table(base, life, prorata_months(month));
        for rows in [&lin, &dec] {
            let last = rows.last().unwrap();
            prop_assert_eq!(last.end, Decimal::ZERO);
            prop_assert_eq!(last.cumulated, base);
            prop_assert_eq!(rows.iter().map(|r| r.annuity).sum::<Decimal>(), base);
            prop_assert!(rows.iter().all(|r| r.annuity >= Decimal::ZERO));
            for w in rows.windows(2) {
                prop_assert_eq!(w[0].end, w[1].start);
            }
        }
        prop_assert_eq!(dec.len() as u32, life);
        let full = (base / Decimal::from(life)).round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        for r in &lin[1..lin.len() - 1] {
            prop_assert_eq!(r.annuity, full);
        }
        // The declining plan switches to linear before its last year and stays linear.
        let tb = switch_year(&dec).unwrap();
        prop_assert!(tb < life);
        prop_assert!(dec[tb as usize - 1..].iter().all(|r| r.linear));
        prop_assert!(declining_rate(life) > Decimal::ONE_HUNDRED / Decimal::from(life));
    }

    #[test]
    fn amortissement_instances_end_at_zero(seed in 0u64..100_000) {
        let inst = generate("effort/amortissement", seed, &BTreeMap::new()).unwrap();
        let zero = "| 0,00\u{a0}€ |";
        prop_assert!(inst.solution.contains(zero), "{}", inst.code);
    }
}

#[test]
fn garbage_never_panics_on_these_types() {
    for id in [
        "bfr/rotations",
        "effort/charge-de-travail",
        "effort/couts-seuil",
        "effort/amortissement",
    ] {
        for seed in 0..20 {
            let inst = generate(id, seed, &BTreeMap::new()).unwrap();
            for g in [
                "",
                "x",
                "1/0",
                "-0",
                "12,5,5 €",
                "1e30",
                "∞",
                &"9".repeat(500),
            ] {
                let a = inst
                    .questions
                    .iter()
                    .map(|q| (q.key.to_string(), g.to_string()))
                    .collect();
                let rep = correct(&inst, &a);
                assert!(rep.score <= rep.total);
            }
        }
    }
}

/// Every parameter at its bounds, one at a time: an instance or a French error, never a
/// panic.
#[test]
fn parameters_at_their_bounds_never_panic() {
    use clientele::generate::ParamKind;
    for id in [
        "bfr/rotations",
        "effort/charge-de-travail",
        "effort/couts-seuil",
        "effort/amortissement",
    ] {
        let e = clientele::exercises::find(id).unwrap();
        for spec in e.params() {
            let values: Vec<String> = match &spec.kind {
                ParamKind::Decimal { min, max, .. } => vec![min.to_string(), max.to_string()],
                ParamKind::Integer { min, max } => vec![min.to_string(), max.to_string()],
                ParamKind::Choice { values, .. } => {
                    values.iter().map(|(v, _)| v.to_string()).collect()
                }
            };
            for v in values {
                for seed in 0..3 {
                    match generate(id, seed, &sets(&[(spec.name, v.as_str())])) {
                        Ok(inst) => assert!(!inst.questions.is_empty()),
                        Err(err) => assert!(!err.to_string().is_empty()),
                    }
                }
            }
        }
    }
}

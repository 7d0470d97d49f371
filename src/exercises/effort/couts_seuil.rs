//! `effort/couts-seuil`: costs and break-even of a commercial activity (S531).
//!
//! Variants: `seuil-regulier` and `seuil-saisonnier` (variable and fixed costs, marge sur
//! coût variable and its rate, seuil de rentabilité in value and quantity, point mort as a
//! day of the year and a date, marge and indice de sécurité, levier opérationnel, and a
//! break-even chart), or `cout-complet` (coût direct and coût complet of one commercial
//! action, marge sur coût direct). Conventions: the year of the point mort (360 days of
//! 12 months of 30 days by default, or the calendar year of 365 days) and the chart
//! drawn (CA and total cost, or MCV and fixed costs).
//!
//! Roundings: the unit variable cost to the cent; rates and the leverage to 0,01; the
//! threshold in value is computed with the exact MCV rate (fixed costs × CA / MCV) and
//! rounded to the cent; the threshold in quantity and the day of the point mort are
//! rounded **up** (the threshold is only reached during that unit or that day).

use super::data::data;
use crate::calc::breakeven::{
    commercial_date, dead_point_day_linear, dead_point_seasonal, month_lengths, operating_leverage,
    threshold_units, threshold_value,
};
use crate::calc::dates::Date;
use crate::exercises::context::{Scene, MONTHS};
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::INTERMEDIATE_ROUNDING;
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use crate::render::breakeven_chart::{breakeven_svg, BreakEvenChart};
use crate::render::charts::Series;
use crate::text::capitalise;
use crate::world::scale::spread;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct CoutsSeuil;

const VARIANTS: &[(&str, &str)] = &[
    (
        "seuil-regulier",
        "seuil de rentabilité et point mort d'une activité régulière",
    ),
    (
        "seuil-saisonnier",
        "seuil de rentabilité et point mort d'une activité saisonnière (CA mensuel)",
    ),
    (
        "cout-complet",
        "coût direct, coût complet et marge sur coût direct d'une action commerciale",
    ),
];
const YEAR: &[(&str, &str)] = &[
    (
        "360",
        "point mort sur une année commerciale de 360 jours (12 mois de 30 jours)",
    ),
    (
        "365",
        "point mort sur l'année civile de 365 jours (mois du calendrier)",
    ),
];
const CHART: &[(&str, &str)] = &[
    (
        "ca-cout-total",
        "graphique : droites du chiffre d'affaires et du coût total",
    ),
    (
        "mcv-couts-fixes",
        "graphique : droite de la marge sur coût variable et coûts fixes",
    ),
];

/// The product's monthly sales as whole percentages of the year summing to 100 (largest
/// remainders get the points the rounding down leaves), as a statement prints them.
fn month_percents(weights: &[u32; 12]) -> [i64; 12] {
    let total = i64::from(weights.iter().sum::<u32>().max(1));
    let mut out = [0i64; 12];
    let mut rest: Vec<(i64, usize)> = Vec::with_capacity(12);
    for (i, &w) in weights.iter().enumerate() {
        out[i] = i64::from(w) * 100 / total;
        rest.push((i64::from(w) * 100 % total, i));
    }
    // Largest remainder first, January first among equals.
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = 100 - out.iter().sum::<i64>();
    for &(_, i) in rest.iter().take(usize::try_from(missing).unwrap_or(0)) {
        out[i] += 1;
    }
    out
}

const PARTS: [&str; 12] = [
    "part_01", "part_02", "part_03", "part_04", "part_05", "part_06", "part_07", "part_08",
    "part_09", "part_10", "part_11", "part_12",
];
fn eq_or_approx(exact: Decimal, dp: u32) -> String {
    if round_half_away(exact, dp) == exact {
        format!("= {}", number(exact, dp))
    } else {
        format!("≈\u{a0}{}", number(exact, 4))
    }
}

impl Exercise for CoutsSeuil {
    fn id(&self) -> &'static str {
        "effort/couts-seuil"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut v = vec![
            ParamSpec::variant("variante", "ce que l'exercice étudie", VARIANTS),
            ParamSpec::decimal(
                "prix",
                "prix de vente unitaire HT",
                "0.01",
                "1000000",
                Unit::Euros,
            ),
            ParamSpec::integer("quantite", "quantité vendue dans l'année", 1, 100_000_000),
            ParamSpec::decimal("tva", "taux de TVA du produit", "0", "30", Unit::Percent),
            ParamSpec::decimal(
                "cout_achat",
                "coût d'achat unitaire HT",
                "0",
                "1000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "commission",
                "commission des commerciaux, en % du prix de vente HT",
                "0",
                "50",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "livraison",
                "frais de livraison par unité vendue",
                "0",
                "100000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "cf_salaires",
                "salaires fixes annuels (charges comprises)",
                "0",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "cf_loyer",
                "loyer et charges locatives annuels",
                "0",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "cf_autres",
                "autres coûts fixes annuels (communication, logiciels, assurances)",
                "0",
                "1000000000",
                Unit::Euros,
            ),
        ];
        for (i, name) in PARTS.iter().enumerate() {
            v.push(ParamSpec::decimal(
                name,
                [
                    "part du CA annuel réalisée en janvier (variante saisonnière)",
                    "part du CA annuel réalisée en février",
                    "part du CA annuel réalisée en mars",
                    "part du CA annuel réalisée en avril",
                    "part du CA annuel réalisée en mai",
                    "part du CA annuel réalisée en juin",
                    "part du CA annuel réalisée en juillet",
                    "part du CA annuel réalisée en août",
                    "part du CA annuel réalisée en septembre",
                    "part du CA annuel réalisée en octobre",
                    "part du CA annuel réalisée en novembre",
                    "part du CA annuel réalisée en décembre",
                ][i],
                "0",
                "100",
                Unit::Percent,
            ));
        }
        v.extend([
            ParamSpec::decimal(
                "ca_action",
                "chiffre d'affaires HT généré par l'action (variante coût complet)",
                "1",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "cv_action",
                "coûts variables de l'action (coût d'achat des produits vendus)",
                "0",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "cd_1",
                "première charge directe fixe de l'action",
                "0",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "cd_2",
                "deuxième charge directe fixe de l'action",
                "0",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "cd_3",
                "troisième charge directe fixe de l'action",
                "0",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "charges_communes",
                "charges indirectes annuelles du service commercial",
                "0",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "cle",
                "part des charges communes imputée à l'action (au prorata du CA)",
                "0",
                "100",
                Unit::Percent,
            ),
            ParamSpec::convention("annee", "année retenue pour dater le point mort", YEAR),
            ParamSpec::convention("graphique", "droites du graphique du seuil", CHART),
        ]);
        v
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        match d.choice("variante") {
            "cout-complet" => full_cost(d, scene),
            v => {
                let seasonal = v == "seuil-saisonnier";
                // The regular variant says sales are the same every month: only for a
                // product whose sales are.
                if seasonal == scene.product.is_regular() {
                    return Err(Degenerate(
                        "saisonnalité du produit contraire à la variante".into(),
                    ));
                }
                break_even(d, scene, seasonal)
            }
        }
    }
}

fn break_even(d: &mut Draw, scene: Scene, seasonal: bool) -> Result<Content, Degenerate> {
    let p = scene.product;
    let price = d.number("prix", |r| {
        r.decimal_step(p.prix_ht_min, p.prix_ht_max, dec!(0.01))
    });
    // The line's yearly volume is the company's (within the spread every type allows).
    let volume = scene.business.annual_volume(p);
    let qty = d.number("quantite", |r| {
        let x = spread(volume, |lo, hi| r.int(lo, hi));
        if x >= dec!(1000) {
            (x / dec!(10)).round() * dec!(10)
        } else {
            x.round()
        }
        .max(Decimal::ONE)
    });
    let vat = d.number("tva", |_| p.tva);
    // The purchase cost leaves the company's usual taux de marque.
    let [mark_lo, mark_hi] = scene.business.taux_marque;
    let purchase = d.number("cout_achat", |r| {
        let mark = r.decimal_step(mark_lo, mark_hi, Decimal::ONE);
        round_cents(price * (Decimal::ONE_HUNDRED - mark) / dec!(100))
    });
    let commission = d.number("commission", |r| {
        Decimal::from(*r.pick(&[0i64, 2, 3, 4, 5]))
    });
    let delivery = d.number("livraison", |r| {
        round_cents(price * r.decimal_step(dec!(0.01), dec!(0.05), dec!(0.01)))
    });
    let cvu = round_cents(purchase + price * commission / dec!(100) + delivery);
    let unit_margin = price - cvu;
    let ca = price * qty;
    let mcv = unit_margin * qty;
    if unit_margin <= Decimal::ZERO || mcv <= Decimal::ZERO {
        return Err(Degenerate(
            "marge sur coût variable nulle ou négative".into(),
        ));
    }
    // Fixed costs leave a safety index of 10 to 45 %.
    let fixed_share = d.rng().decimal_step(dec!(0.55), dec!(0.90), dec!(0.01));
    let fixed_target = mcv * fixed_share;
    let salaries = d.number("cf_salaires", |r| {
        (fixed_target * r.decimal_step(dec!(0.50), dec!(0.65), dec!(0.01)) / dec!(100)).round()
            * dec!(100)
    });
    let rent = d.number("cf_loyer", |r| {
        (fixed_target * r.decimal_step(dec!(0.15), dec!(0.25), dec!(0.01)) / dec!(100)).round()
            * dec!(100)
    });
    let others = d.number("cf_autres", |_| {
        ((fixed_target - salaries - rent) / dec!(100)).round() * dec!(100)
    });
    let fixed = salaries + rent + others;
    let result = mcv - fixed;
    if fixed <= Decimal::ZERO || result <= Decimal::ZERO {
        return Err(Degenerate("coûts fixes nuls ou résultat négatif".into()));
    }
    let parts: Vec<Decimal> = if seasonal {
        let profile = month_percents(&p.saisonnalite);
        let parts: Vec<Decimal> = PARTS
            .iter()
            .enumerate()
            .map(|(i, n)| d.number(n, |_| Decimal::from(profile[i])))
            .collect();
        if parts.iter().copied().sum::<Decimal>() != dec!(100) {
            return Err(Degenerate(
                "les parts mensuelles du CA ne totalisent pas 100\u{a0}%".into(),
            ));
        }
        parts
    } else {
        Vec::new()
    };
    let year: u32 = if d.choice("annee") == "365" { 365 } else { 360 };
    let other: u32 = if year == 360 { 365 } else { 360 };
    let chart_mcv = d.choice("graphique") == "mcv-couts-fixes";

    let sr =
        round_cents(threshold_value(fixed, ca, mcv).ok_or_else(|| Degenerate("MCV nulle".into()))?);
    let sr_q = threshold_units(fixed, unit_margin)
        .ok_or_else(|| Degenerate("marge unitaire nulle".into()))?;
    let rate = round_half_away(mcv / ca * dec!(100), 2);
    let ca_ttc = ca * (Decimal::ONE + vat / dec!(100));
    let ms = ca - sr;
    let index = round_half_away(ms / ca * dec!(100), 2);
    let lev = round_half_away(
        operating_leverage(mcv, result).ok_or_else(|| Degenerate("résultat nul".into()))?,
        2,
    );
    // Drawn cases keep a readable safety index; a teacher's own data may go beyond.
    let drawn = ![
        "prix",
        "quantite",
        "cout_achat",
        "commission",
        "livraison",
        "cf_salaires",
        "cf_loyer",
        "cf_autres",
    ]
    .iter()
    .any(|n| d.is_fixed(n));
    if drawn && !(dec!(5)..=dec!(60)).contains(&index) {
        return Err(Degenerate(
            "indice de sécurité hors de 5 à 60\u{a0}%".into(),
        ));
    }
    let cf_expr = "(cf_salaires + cf_loyer + cf_autres)";
    let unit = &p.unite_pluriel;
    let units = |n: Decimal| format!("{} {}", number(n, 0), p.unit_for(n));

    let q_cvu = Question::new(
        "cout_variable_unitaire",
        "coût variable unitaire",
        "Calculez le coût variable d'une unité vendue (arrondi au centime).",
        cvu,
        Unit::Euros,
    )
    .formula("arrondi2(cout_achat + prix * commission / 100 + livraison)")
    .mistake(
        round_cents(purchase + delivery),
        "commission-oubliee",
        "La commission est proportionnelle aux ventes : c'est un coût variable, à ajouter au coût d'achat et à la livraison.",
    )
    .mistake(
        round_cents(purchase + purchase * commission / dec!(100) + delivery),
        "commission-sur-cout",
        "La commission se calcule sur le prix de vente HT, pas sur le coût d'achat.",
    )
    .step(format!(
        "Coût variable unitaire = coût d'achat + commission + livraison = {} + {} × {} + {} = **{}** (arrondi au centime).",
        euros(purchase),
        euros(price),
        percent(commission),
        euros(delivery),
        euros(cvu)
    ));

    let q_ca = Question::new(
        "ca",
        "chiffre d'affaires HT",
        "Calculez le chiffre d'affaires annuel hors taxes.",
        ca,
        Unit::Euros,
    )
    .formula("prix * quantite")
    .mistake(
        round_cents(ca_ttc),
        "ca-ttc",
        "L'analyse des coûts se fait hors taxes : la TVA collectée n'appartient pas à l'entreprise. CA HT = prix HT × quantité.",
    )
    .step(format!(
        "CA HT = prix de vente HT × quantité = {} × {} = **{}**.",
        euros(price),
        number(qty, 0),
        euros(ca)
    ));

    let q_mcv = Question::new(
        "mcv",
        "marge sur coût variable",
        "Calculez la marge sur coût variable de l'année.",
        mcv,
        Unit::Euros,
    )
    .formula("(prix - cout_variable_unitaire) * quantite")
    .mistake(
        result,
        "couts-fixes-retires",
        "Vous avez aussi retiré les coûts fixes : c'est le résultat. La MCV ne retire que les coûts variables (CA − coûts variables).",
    )
    .mistake(
        unit_margin,
        "mcv-unitaire",
        "C'est la marge sur coût variable d'une seule unité : multipliez-la par la quantité vendue.",
    )
    .step(format!(
        "MCV = CA − coûts variables = ({} − {}) × {} = {} × {} = **{}**.",
        euros(price),
        euros(cvu),
        number(qty, 0),
        euros(unit_margin),
        number(qty, 0),
        euros(mcv)
    ));

    let q_rate = Question::new(
        "taux_mcv",
        "taux de marge sur coût variable",
        "Calculez le taux de marge sur coût variable (arrondi à 0,01\u{a0}%).",
        rate,
        Unit::Percent,
    )
    .formula("arrondi2(mcv / ca * 100)")
    .mistake(
        round_half_away(mcv / ca_ttc * dec!(100), 2),
        "taux-sur-ttc",
        "Le taux de MCV rapporte la marge au chiffre d'affaires **hors taxes**, pas au TTC.",
    )
    .mistake(
        round_half_away(mcv / (ca - mcv) * dec!(100), 2),
        "taux-sur-couts-variables",
        "Le taux de MCV se calcule sur le chiffre d'affaires (MCV / CA), pas sur les coûts variables.",
    )
    .step(format!(
        "Taux de MCV = MCV / CA HT × 100 = {} / {} × 100 {}\u{a0}%, soit **{}** (arrondi à 0,01\u{a0}%).",
        euros(mcv),
        euros(ca),
        eq_or_approx(mcv / ca * dec!(100), 2),
        percent(rate)
    ));

    let mut q_sr = Question::new(
        "sr_valeur",
        "seuil de rentabilité en valeur",
        "Calculez le seuil de rentabilité en valeur (au centime).",
        sr,
        Unit::Euros,
    )
    .formula(format!("arrondi2({cf_expr} * ca / mcv)"));
    if rate != mcv / ca * dec!(100) {
        q_sr = q_sr.accept(
            round_cents(fixed / (rate / dec!(100))),
            INTERMEDIATE_ROUNDING,
            "Juste (arrondi intermédiaire) : avec le taux de marge sur coût variable arrondi, le seuil est approché ; le calcul exact est coûts fixes × CA ÷ MCV.",
        );
    }
    let q_sr = q_sr
        .mistake(
            round_cents(fixed * ca_ttc / mcv),
            "taux-sur-ttc",
            "Le seuil se calcule avec le taux de MCV sur le CA hors taxes : coûts fixes / (MCV / CA HT).",
        )
        .mistake(
            round_cents(fixed / (Decimal::ONE - mcv / ca)),
            "taux-de-couts-variables",
            "Divisez les coûts fixes par le taux de **marge** sur coût variable, pas par la part des coûts variables dans le CA.",
        )
        .step(format!(
            "Coûts fixes = {} + {} + {} = {}.\n\nSR = coûts fixes / taux de MCV = coûts fixes × CA / MCV = {} × {} / {} = **{}** \
             (taux exact, arrondi au centime à la fin).",
            euros(salaries),
            euros(rent),
            euros(others),
            euros(fixed),
            euros(fixed),
            euros(ca),
            euros(mcv),
            euros(sr)
        ));

    let raw_q = fixed / unit_margin;
    let q_srq = Question::new(
        "sr_quantite",
        "seuil de rentabilité en quantité",
        format!("Combien de {} faut-il vendre pour atteindre le seuil de rentabilité ?", unit),
        sr_q,
        Unit::Number,
    )
    .formula(format!("arrondi_sup({cf_expr} / (prix - cout_variable_unitaire))"))
    .mistake(
        (fixed / price).ceil(),
        "sr-divise-par-prix",
        "Chaque unité vendue ne couvre les coûts fixes que par sa marge : divisez les coûts fixes par la MCV unitaire (prix − coût variable), pas par le prix.",
    )
    .mistake(
        raw_q.floor(),
        "arrondi-inferieur",
        "À l'entier inférieur, le seuil n'est pas encore atteint : arrondissez à l'unité supérieure.",
    )
    .step(format!(
        "SR en quantité = coûts fixes / MCV unitaire = {} / {} {}, arrondi à l'unité **supérieure** : **{}**.",
        euros(fixed),
        euros(unit_margin),
        eq_or_approx(raw_q, 0),
        units(sr_q)
    ));

    let lengths = month_lengths(year);
    let calendar_year = scene.date.year;
    let date_of = |n: Decimal| -> String {
        let n = n.to_i64().unwrap_or(1);
        if year == 360 {
            let (m, day) = commercial_date(n);
            let day = if day == 1 {
                "1er".to_string()
            } else {
                day.to_string()
            };
            format!("{day} {}", MONTHS[(m - 1) as usize])
        } else {
            let date = Date::new(calendar_year, 1, 1)
                .unwrap_or(Date {
                    year: 2026,
                    month: 1,
                    day: 1,
                })
                .add_days(n - 1);
            let s = date.french();
            s.rsplit_once(' ').map_or(s.clone(), |(a, _)| a.to_string())
        }
    };
    let mut questions = vec![q_cvu, q_ca, q_mcv, q_rate, q_sr, q_srq];
    let linear_day =
        dead_point_day_linear(sr, ca, year).ok_or_else(|| Degenerate("CA nul".into()))?;
    let (dead_day, dead_step, month_table) = if seasonal {
        // Each month's CA is rounded to the cent, as the statement prints it, and the
        // cumulated CA adds those printed amounts.
        let monthly: Vec<Decimal> = parts
            .iter()
            .map(|s| round_cents(ca * *s / dec!(100)))
            .collect();
        let (m, before, day) = dead_point_seasonal(sr, &monthly, &lengths)
            .ok_or_else(|| Degenerate("seuil non atteint dans l'année".into()))?;
        let linear_month = Decimal::from(commercial_or_calendar_month(linear_day, &lengths));
        let q_month = Question::new(
            "mois_point_mort",
            "mois du point mort",
            "En cumulant le chiffre d'affaires mois par mois, déterminez le numéro du mois (1 à 12) au cours duquel le seuil est atteint.",
            Decimal::from(m as i64),
            Unit::Number,
        )
        .mistake(
            linear_month,
            "regle-de-trois-saisonniere",
            "L'activité est saisonnière : la règle de trois (SR / CA × 12) ne vaut plus. Cumulez le CA mois par mois jusqu'à atteindre le seuil.",
        )
        .step(format!(
            "Le CA cumulé atteint {} fin {} et dépasse le seuil ({}) au cours du mois **{m}** ({}).",
            euros(before),
            if m > 1 { MONTHS[m - 2] } else { "décembre de l'année précédente" },
            euros(sr),
            MONTHS[m - 1]
        ));
        questions.push(q_month);
        let days_before: i64 = lengths[..m - 1].iter().map(|x| i64::from(*x)).sum();
        let len = lengths[m - 1];
        let before_expr = if m == 1 {
            "0".to_string()
        } else {
            let terms: Vec<String> = PARTS[..m - 1]
                .iter()
                .map(|p| format!("arrondi2(ca * {p} / 100)"))
                .collect();
            format!("({})", terms.join(" + "))
        };
        let formula = format!(
            "{days_before} + arrondi_sup({len} * (sr_valeur - {before_expr}) / arrondi2(ca * {} / 100))",
            PARTS[m - 1]
        );
        let month_ca = monthly[m - 1];
        let inside = day - Decimal::from(days_before);
        let step = format!(
            "Il reste {} − {} = {} à réaliser en {}, mois de {} de CA : {} × {len} / {} {} jours, \
             arrondi au jour supérieur : {} jours. Point mort = {days_before} + {} = **jour {}**, soit le **{}**.",
            euros(sr),
            euros(before),
            euros(sr - before),
            MONTHS[m - 1],
            euros(month_ca),
            euros(sr - before),
            euros(month_ca),
            eq_or_approx((sr - before) * Decimal::from(len) / month_ca, 0),
            number(inside, 0),
            number(inside, 0),
            number(day, 0),
            date_of(day)
        );
        let prev_len = if m > 1 { i64::from(lengths[m - 2]) } else { 0 };
        let mistakes = vec![
            (
                linear_day,
                "regle-de-trois-saisonniere",
                "L'activité est saisonnière : le point mort se trouve en cumulant le CA mensuel, pas par SR / CA × nombre de jours de l'année.".to_string(),
            ),
            (
                day - Decimal::from(prev_len),
                "mois-compte-depuis-zero",
                "Décalage d'un mois : le seuil est atteint au cours du mois trouvé, après les mois entiers qui le précèdent.".to_string(),
            ),
        ];
        let mut table =
            String::from("| Mois | Part du CA | CA du mois | CA cumulé |\n|---|---:|---:|---:|\n");
        let mut cum = Decimal::ZERO;
        for (i, v) in monthly.iter().enumerate() {
            cum += *v;
            table += &format!(
                "| {} | {} | {} | {} |\n",
                capitalise(MONTHS[i]),
                percent(parts[i]),
                euros(*v),
                euros(cum)
            );
        }
        (day, (step, formula, mistakes), Some(table))
    } else {
        let raw = sr * Decimal::from(year) / ca;
        let months = sr / ca * dec!(12);
        let prev = commercial_or_calendar_month(linear_day, &lengths);
        let prev_len = if prev > 1 {
            i64::from(lengths[prev - 2])
        } else {
            30
        };
        let step = format!(
            "Activité régulière : point mort = SR / CA × {year} = {} / {} × {year} {} jours, arrondi au jour supérieur (le seuil est atteint au cours de ce jour) : \
             **jour {}** de l'année, soit le **{}** (SR / CA × 12 {} mois{}).",
            euros(sr),
            euros(ca),
            eq_or_approx(raw, 0),
            number(linear_day, 0),
            date_of(linear_day),
            eq_or_approx(months, 2),
            if year == 360 { ", à 30 jours par mois" } else { "" }
        );
        let mistakes = vec![
            (
                raw.floor(),
                "jour-compte-depuis-zero",
                "Le seuil n'est atteint qu'au cours du jour suivant : arrondissez au jour supérieur (le 1er janvier est le jour 1).".to_string(),
            ),
            (
                linear_day - Decimal::from(prev_len),
                "mois-compte-depuis-zero",
                "Décalage d'un mois : 10,2 mois écoulés, c'est dix mois entiers puis quelques jours du onzième mois.".to_string(),
            ),
            (
                (sr * Decimal::from(other) / ca).ceil(),
                "annee-mal-choisie",
                format!("L'énoncé date le point mort sur une année de {year} jours, pas {other}."),
            ),
        ];
        let formula = format!("arrondi_sup(sr_valeur * {year} / ca)");
        (linear_day, (step, formula, mistakes), None)
    };
    let (step, formula, mistakes) = dead_step;
    let mut q_dead = Question::new(
        "point_mort",
        "point mort",
        "Déterminez le point mort : le numéro du jour de l'année (1er janvier = jour 1) au cours duquel le seuil est atteint, puis sa date.",
        dead_day,
        Unit::Days,
    )
    .formula(formula);
    for (v, note, msg) in mistakes {
        q_dead = q_dead.mistake(v, note, msg);
    }
    questions.push(q_dead.step(step));

    questions.push(
        Question::new(
            "marge_securite",
            "marge de sécurité",
            "Calculez la marge de sécurité.",
            ms,
            Unit::Euros,
        )
        .formula("ca - sr_valeur")
        .mistake(
            result,
            "resultat-au-lieu-de-marge",
            "C'est le résultat (MCV − coûts fixes). La marge de sécurité est l'écart entre le CA et le seuil : CA − SR.",
        )
        .mistake(
            ca - fixed,
            "ca-moins-couts-fixes",
            "La marge de sécurité compare le CA au seuil de rentabilité, pas aux coûts fixes : CA − SR.",
        )
        .step(format!(
            "Marge de sécurité = CA − SR = {} − {} = **{}** : le CA peut baisser de ce montant avant que l'activité ne soit en perte.",
            euros(ca),
            euros(sr),
            euros(ms)
        )),
    );
    questions.push(
        Question::new(
            "indice_securite",
            "indice de sécurité",
            "Calculez l'indice de sécurité (arrondi à 0,01\u{a0}%).",
            index,
            Unit::Percent,
        )
        .formula("arrondi2(marge_securite / ca * 100)")
        .mistake(
            round_half_away(ms / sr * dec!(100), 2),
            "indice-sur-seuil",
            "L'indice de sécurité rapporte la marge de sécurité au chiffre d'affaires, pas au seuil.",
        )
        .mistake(
            round_half_away(sr / ca * dec!(100), 2),
            "part-du-ca-au-seuil",
            "SR / CA est la part du CA nécessaire pour couvrir les coûts ; l'indice de sécurité est son complément, (CA − SR) / CA.",
        )
        .step(format!(
            "Indice de sécurité = marge de sécurité / CA × 100 = {} / {} × 100 {}\u{a0}%, soit **{}** (arrondi à 0,01\u{a0}%).",
            euros(ms),
            euros(ca),
            eq_or_approx(ms / ca * dec!(100), 2),
            percent(index)
        )),
    );
    questions.push(
        Question::new(
            "levier",
            "levier opérationnel",
            "Calculez le levier opérationnel (arrondi au centième).",
            lev,
            Unit::Coefficient,
        )
        .formula(format!("arrondi2(mcv / (mcv - {cf_expr}))"))
        .mistake(
            round_half_away(ca / result, 2),
            "levier-sur-ca",
            "Le levier opérationnel rapporte la marge sur coût variable (pas le CA) au résultat : MCV / résultat.",
        )
        .mistake(
            round_half_away(result / mcv, 2),
            "levier-inverse",
            "Le rapport est inversé : levier = MCV / résultat (il est supérieur à 1).",
        )
        .step(format!(
            "Résultat = MCV − coûts fixes = {} − {} = {}. Levier opérationnel = MCV / résultat = {} / {} {}, soit **{}** : \
             une hausse de 10\u{a0}% du CA augmenterait le résultat d'environ {}\u{a0}%.",
            euros(mcv),
            euros(fixed),
            euros(result),
            euros(mcv),
            euros(result),
            eq_or_approx(mcv / result, 2),
            number(lev, 2),
            number(lev * dec!(10), 1)
        )),
    );

    // Statement.
    let s = &scene;
    let mut statement = format!(
        "{} étudie la rentabilité de sa ligne de {} pour l'année prochaine. {} {}, du contrôle de gestion, vous transmet ses prévisions.\n\n\
         | Élément | Donnée |\n|---|---:|\n\
         | Prix de vente unitaire HT | {} |\n\
         | Quantité vendue prévue | {} |\n\
         | Coût d'achat unitaire HT | {} |\n\
         | Commission des commerciaux | {} du prix de vente HT |\n\
         | Frais de livraison | {} par unité |\n\
         | Salaires fixes (charges comprises) | {} |\n\
         | Loyer et charges locatives | {} |\n\
         | Autres coûts fixes (communication, logiciels, assurances) | {} |\n\n\
         Le produit est soumis à la TVA au taux de {}.",
        capitalise(s.seller()),
        p.pluriel.clone(),
        s.contact.prenom,
        s.contact.nom,
        euros(price),
        units(qty),
        euros(purchase),
        percent(commission),
        euros(delivery),
        euros(salaries),
        euros(rent),
        euros(others),
        percent(vat),
    );
    if let Some(table) = &month_table {
        statement += &format!(
            " L'activité est saisonnière ; la répartition prévue du chiffre d'affaires est la suivante :\n\n{table}"
        );
    } else {
        statement += " Les ventes sont régulières d'un mois à l'autre.";
    }
    let year_rule = if year == 360 {
        "le point mort se date sur une année commerciale de 360 jours (12 mois de 30 jours)"
            .to_string()
    } else {
        format!("le point mort se date sur l'année civile {calendar_year} (365 jours, mois du calendrier)")
    };
    let inside_rule = if seasonal {
        " ; à l'intérieur d'un mois, les ventes sont supposées régulières"
    } else {
        ""
    };
    let mut statement = statement.trim_end().to_string();
    statement += &format!(
        "\n\n**Conventions.** L'exercice commence le 1er janvier ; {year_rule}{inside_rule}. Arrondissez le coût variable unitaire au centime, \
         les taux à 0,01\u{a0}% et le levier au centième ; calculez le seuil avec le taux de MCV exact ; \
         le seuil en quantité et le jour du point mort s'arrondissent à l'entier supérieur."
    );

    let chart = chart_svg(chart_mcv, price, cvu, fixed, qty, sr, sr_q, unit);
    Ok(Content {
        statement,
        questions,
        solution_intro: "*Coût variable unitaire au centime ; taux à 0,01\u{a0}% ; seuil en valeur calculé avec le taux exact puis arrondi au centime ; \
                         seuil en quantité et jour du point mort arrondis à l'entier supérieur.*"
            .to_string(),
        solution_outro: format!(
            "**Graphique du seuil de rentabilité.**\n\n{chart}\n\n*À retenir :* l'activité couvre ses coûts fixes à partir de {} de CA ({}). \
             Plus le point mort est tôt dans l'année et l'indice de sécurité élevé, moins le résultat est exposé à une baisse des ventes ; \
             un levier de {} signifie qu'une variation du CA se répercute environ {} fois sur le résultat.",
            euros(sr),
            units(sr_q),
            number(lev, 2),
            number(lev, 2)
        ),
    })
}

/// The month (1-based) containing day `n` of the year.
fn commercial_or_calendar_month(n: Decimal, lengths: &[u32; 12]) -> usize {
    let mut left = n.to_i64().unwrap_or(1);
    for (i, l) in lengths.iter().enumerate() {
        if left <= i64::from(*l) {
            return i + 1;
        }
        left -= i64::from(*l);
    }
    12
}

#[allow(clippy::too_many_arguments)]
fn chart_svg(
    mcv_chart: bool,
    price: Decimal,
    cvu: Decimal,
    fixed: Decimal,
    qty: Decimal,
    sr: Decimal,
    sr_q: Decimal,
    unit: &str,
) -> String {
    let f = |x: Decimal| x.to_f64().unwrap_or(0.0);
    let (p, v, cf) = (f(price), f(cvu), f(fixed));
    let q_star = cf / (p - v);
    let x_max = f(qty).max(q_star) * 1.15;
    let (lines, threshold) = if mcv_chart {
        (
            vec![
                Series {
                    name: "Marge sur coût variable".into(),
                    points: vec![(0.0, 0.0), (x_max, (p - v) * x_max)],
                },
                Series {
                    name: "Coûts fixes".into(),
                    points: vec![(0.0, cf), (x_max, cf)],
                },
            ],
            (q_star, cf),
        )
    } else {
        (
            vec![
                Series {
                    name: "Chiffre d'affaires".into(),
                    points: vec![(0.0, 0.0), (x_max, p * x_max)],
                },
                Series {
                    name: "Coût total".into(),
                    points: vec![(0.0, cf), (x_max, cf + v * x_max)],
                },
            ],
            (q_star, p * q_star),
        )
    };
    let chart = BreakEvenChart {
        caption: "Seuil de rentabilité".into(),
        x_label: format!("Quantité vendue ({})", unit),
        y_label: "Montant (€)".into(),
        lines,
        threshold,
        threshold_label: format!("SR ≈ {} {} ({} de CA)", number(sr_q, 0), unit, euros(sr)),
        width: 680,
        height: 420,
    };
    breakeven_svg(&chart).unwrap_or_default()
}

fn full_cost(d: &mut Draw, scene: Scene) -> Result<Content, Degenerate> {
    let action = d.rng().pick(&data().action).clone();
    // The action weighs `cle` % of the company's turnover, its products carry the
    // company's taux de marque, and the common costs are those of its sales department.
    let annual = Decimal::from(scene.business.ca_annuel);
    let half = |x: Decimal| (x * dec!(2)).floor() / dec!(2);
    let key_lo = (half(dec!(5000) * dec!(100) / annual) + dec!(0.5)).max(dec!(0.5));
    let key_hi = half(dec!(250000) * dec!(100) / annual)
        .min(dec!(8))
        .max(key_lo);
    let key = d.number("cle", |r| r.decimal_step(key_lo, key_hi, dec!(0.5)));
    let ca = d.number("ca_action", |_| {
        ((annual * key / dec!(100) / dec!(500)).round() * dec!(500)).max(dec!(500))
    });
    let [mark_lo, mark_hi] = scene.business.taux_marque;
    let cv = d.number("cv_action", |r| {
        let mark = r.decimal_step(mark_lo, mark_hi, Decimal::ONE);
        (ca * (Decimal::ONE_HUNDRED - mark) / dec!(100) / dec!(100)).round() * dec!(100)
    });
    let mcv = ca - cv;
    let direct_target = mcv * d.rng().decimal_step(dec!(0.55), dec!(0.92), dec!(0.01));
    let shares = [dec!(0.45), dec!(0.35)];
    let cd1 = d.number("cd_1", |r| {
        (direct_target * (shares[0] + r.decimal_step(dec!(-0.1), dec!(0.1), dec!(0.01))) / dec!(10))
            .round()
            * dec!(10)
    });
    let cd2 = d.number("cd_2", |r| {
        (direct_target * (shares[1] + r.decimal_step(dec!(-0.1), dec!(0.1), dec!(0.01))) / dec!(10))
            .round()
            * dec!(10)
    });
    let cd3 = d.number("cd_3", |_| {
        ((direct_target - cd1 - cd2) / dec!(10)).round() * dec!(10)
    });
    let common = d.number("charges_communes", |r| {
        let share = r.decimal_step(dec!(0.02), dec!(0.05), dec!(0.005));
        ((annual * share / dec!(1000)).round() * dec!(1000)).max(dec!(1000))
    });
    let direct_fixed = cd1 + cd2 + cd3;
    let direct = cv + direct_fixed;
    let mcd = ca - direct;
    let share = round_cents(common * key / dec!(100));
    let full = direct + share;
    let result = ca - full;
    if cd3 <= Decimal::ZERO || mcd <= Decimal::ZERO || cv <= Decimal::ZERO {
        return Err(Degenerate("marge sur coût direct nulle ou négative".into()));
    }
    let posts = &action.postes;
    let qs = vec![
        Question::new("mcv", "marge sur coût variable", "Calculez la marge sur coût variable de l'action.", mcv, Unit::Euros)
            .formula("ca_action - cv_action")
            .mistake(mcd, "couts-directs-deduits", "Vous avez aussi retiré les charges directes fixes : c'est la marge sur coût direct. La MCV ne retire que les coûts variables.")
            .mistake(cv, "couts-variables-seuls", "La marge sur coût variable est CA − coûts variables, pas le montant des coûts variables.")
            .step(format!("MCV = CA − coûts variables = {} − {} = **{}**.", euros(ca), euros(cv), euros(mcv))),
        Question::new("cout_direct", "coût direct de l'action", "Calculez le coût direct de l'action.", direct, Unit::Euros)
            .formula("cv_action + cd_1 + cd_2 + cd_3")
            .mistake(direct_fixed, "variables-oublies", "Les coûts variables de l'action (coût d'achat des produits vendus) lui sont directement rattachés : ils font partie du coût direct. Direct ne veut pas dire fixe.")
            .mistake(full, "quote-part-incluse", "La quote-part des charges communes est une charge indirecte : elle entre dans le coût complet, pas dans le coût direct.")
            .step(format!(
                "Coût direct = coûts variables + charges directes fixes = {} + {} + {} + {} = **{}**.",
                euros(cv), euros(cd1), euros(cd2), euros(cd3), euros(direct)
            )),
        Question::new("marge_cout_direct", "marge sur coût direct", "Calculez la marge sur coût direct de l'action.", mcd, Unit::Euros)
            .formula("ca_action - cout_direct")
            .mistake(mcv, "mcv-au-lieu-de-mcd", "La marge sur coût direct retire du CA tous les coûts directs, variables et fixes : CA − coût direct.")
            .mistake(result, "quote-part-deduite", "La quote-part des charges communes ne se retire pas pour la marge sur coût direct : c'est le résultat en coût complet.")
            .step(format!("Marge sur coût direct = CA − coût direct = {} − {} = **{}**.", euros(ca), euros(direct), euros(mcd))),
        Question::new("quote_part", "quote-part des charges communes", "Calculez la quote-part des charges communes imputée à l'action.", share, Unit::Euros)
            .formula("arrondi2(charges_communes * cle / 100)")
            .mistake(round_cents(ca * key / dec!(100)), "cle-appliquee-au-ca", "La clé de répartition s'applique aux charges communes à répartir, pas au chiffre d'affaires de l'action.")
            .mistake(common, "charges-communes-entieres", "L'action ne supporte qu'une quote-part des charges communes : appliquez la clé de répartition.")
            .step(format!("Quote-part = charges communes × clé = {} × {} = **{}** (arrondi au centime).", euros(common), percent(key), euros(share))),
        Question::new("cout_complet", "coût complet de l'action", "Calculez le coût complet de l'action.", full, Unit::Euros)
            .formula("cout_direct + quote_part")
            .mistake(direct, "quote-part-oubliee", "Le coût complet ajoute au coût direct la quote-part des charges indirectes.")
            .mistake(direct_fixed + share, "variables-oublies", "Le coût complet comprend aussi les coûts variables de l'action : coût direct (variables + fixes directs) + quote-part.")
            .step(format!("Coût complet = coût direct + quote-part des charges communes = {} + {} = **{}**.", euros(direct), euros(share), euros(full))),
        Question::new("resultat_complet", "résultat en coût complet", "Calculez le résultat de l'action en coût complet (négatif en cas de perte).", result, Unit::Euros)
            .formula("ca_action - cout_complet")
            .mistake(-result, "signe-inverse", "Résultat = CA − coût complet : une perte s'écrit avec un signe moins.")
            .mistake(mcd, "mcd-au-lieu-du-resultat", "La marge sur coût direct ne retire pas les charges communes : le résultat en coût complet est CA − coût complet.")
            .step(format!("Résultat = CA − coût complet = {} − {} = **{}**.", euros(ca), euros(full), euros(result))),
    ];
    let s = &scene;
    let statement = format!(
        "{} a mené {} pour présenter ses {}. {} {}, responsable des ventes, veut savoir si l'action mérite d'être renouvelée l'an prochain.\n\n\
         | Élément | Montant |\n|---|---:|\n\
         | Chiffre d'affaires HT généré par l'action | {} |\n\
         | Coût d'achat des produits vendus pendant l'action (variable) | {} |\n\
         | {} | {} |\n| {} | {} |\n| {} | {} |\n\n\
         Ces trois dernières charges sont fixes et propres à l'action. Les charges indirectes du service commercial (direction, administration des ventes, \
         logiciel partagé) s'élèvent à {} par an ; elles sont réparties entre les actions au prorata du chiffre d'affaires, et l'action représente {} du chiffre d'affaires annuel. \
         Ces charges communes ne disparaîtraient pas si l'action était abandonnée.\n\n\
         **Conventions.** Montants hors taxes, arrondis au centime le plus proche.",
        capitalise(s.seller()),
        action.nom,
        s.product.pluriel.clone(),
        s.contact.prenom,
        s.contact.nom,
        euros(ca),
        euros(cv),
        capitalise(&posts[0]),
        euros(cd1),
        capitalise(&posts[1]),
        euros(cd2),
        capitalise(&posts[2]),
        euros(cd3),
        euros(common),
        percent(key),
    );
    let reading = if result < Decimal::ZERO {
        format!(
            "l'action est déficitaire en coût complet ({}), mais sa marge sur coût direct est positive ({}) : elle contribue à couvrir les charges communes, \
             qui resteraient sans elle. L'abandonner dégraderait le résultat global de {} ; mieux vaut l'améliorer (ciblage, coûts directs).",
            euros(result),
            euros(mcd),
            euros(mcd)
        )
    } else {
        format!(
            "l'action dégage une marge sur coût direct de {} et reste bénéficiaire après sa quote-part de charges communes ({}) : elle peut être renouvelée.",
            euros(mcd),
            euros(result)
        )
    };
    Ok(Content {
        statement,
        questions: qs,
        solution_intro: "*Montants hors taxes, arrondis au centime le plus proche. Direct ne veut pas dire fixe : le coût direct comprend les coûts variables et les charges fixes propres à l'action.*".to_string(),
        solution_outro: format!("*À retenir :* {reading} Pour décider de garder ou d'abandonner une action, on raisonne sur la marge sur coût direct, pas sur le résultat en coût complet, qui dépend de la clé de répartition."),
    })
}

#[cfg(test)]
mod tests {
    use super::month_percents;
    use crate::exercises::valeur::potentiel::probe::{business, param, product};
    use crate::world::scale::agrees;
    use crate::world::world;
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;
    use std::collections::BTreeMap;

    #[test]
    fn month_percents_follow_the_product_and_sum_to_100() {
        assert_eq!(month_percents(&[1; 12]).iter().sum::<i64>(), 100);
        assert_eq!(
            month_percents(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]),
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 34, 33, 33]
        );
        for b in &world().entreprise {
            for p in &b.produit {
                let parts = month_percents(&p.saisonnalite);
                assert_eq!(parts.iter().sum::<i64>(), 100, "{}", p.nom);
                for m in 1..=12 {
                    let exact = p.month_share(m) * dec!(100);
                    assert!((Decimal::from(parts[m as usize - 1]) - exact).abs() < Decimal::ONE);
                }
            }
        }
    }

    fn drawn(variant: &str, seed: u64) -> Option<crate::model::Instance> {
        let set = BTreeMap::from([("variante".to_string(), variant.to_string())]);
        crate::generate::generate("effort/couts-seuil", seed, &set).ok()
    }

    #[test]
    fn break_even_volume_and_costs_are_the_company_s() {
        let mut seen = 0;
        for seed in 0..500 {
            let variant = ["seuil-regulier", "seuil-saisonnier"][seed as usize % 2];
            let Some(inst) = drawn(variant, seed) else {
                continue;
            };
            seen += 1;
            let (b, p) = (business(&inst), product(&inst));
            let qty = param(&inst, "quantite");
            assert!(agrees(qty, b.annual_volume(p), 8), "{}: {qty}", inst.code);
            let price = param(&inst, "prix");
            assert!(
                price >= p.prix_ht_min && price <= p.prix_ht_max,
                "{}",
                inst.code
            );
            let mark = (price - param(&inst, "cout_achat")) * dec!(100) / price;
            let [lo, hi] = b.taux_marque;
            assert!(
                mark >= lo - dec!(0.5) && mark <= hi + dec!(0.5),
                "{}: {mark}",
                inst.code
            );
            assert_eq!(
                variant == "seuil-saisonnier",
                !p.is_regular(),
                "{}",
                inst.code
            );
            if variant == "seuil-saisonnier" {
                let parts = month_percents(&p.saisonnalite);
                for (i, part) in parts.iter().enumerate() {
                    assert_eq!(param(&inst, super::PARTS[i]), Decimal::from(*part));
                }
            }
        }
        assert!(seen >= 450, "{seen} instances sur 500");
    }

    #[test]
    fn a_full_cost_action_weighs_its_key_in_the_company_s_turnover() {
        for seed in 0..500 {
            let Some(inst) = drawn("cout-complet", seed) else {
                continue;
            };
            let b = business(&inst);
            let ca = param(&inst, "ca_action");
            let key = param(&inst, "cle");
            let implied = Decimal::from(b.ca_annuel) * key / dec!(100);
            assert!(
                (ca - implied).abs() <= dec!(250),
                "{}: {ca} pour {implied}",
                inst.code
            );
            let mark = (ca - param(&inst, "cv_action")) * dec!(100) / ca;
            let [lo, hi] = b.taux_marque;
            assert!(
                mark >= lo - dec!(1) && mark <= hi + dec!(1),
                "{}: {mark}",
                inst.code
            );
        }
    }
}

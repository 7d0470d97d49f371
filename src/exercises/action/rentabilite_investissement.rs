//! `action/rentabilite-investissement`: profitability of a commercial investment (S533):
//! payback period (simple, then discounted) and net present value.
//!
//! Conventions, stated in every statement: flows come at the end of each year and are
//! discounted by (1 + i)^−k, the investment at date 0 is not discounted; each discounted
//! flow is rounded to the cent; a payback period is interpolated linearly within its
//! year (flows assumed regular over the year) and given in months, rounded to the
//! nearest month.

use crate::calc::investment::{discounted_flows, npv, payback_months, recovery_year};
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use crate::text::capitalise;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct RentabiliteInvestissement;

const VARIANTS: &[(&str, &str)] = &[
    (
        "flotte",
        "renouvellement de la flotte de véhicules des commerciaux",
    ),
    ("crm", "logiciel de gestion de la relation client (CRM)"),
    ("showroom", "aménagement d'un showroom"),
];
const FLOWS: [&str; 5] = ["flux_1", "flux_2", "flux_3", "flux_4", "flux_5"];

/// `arrondi2(flux_k * (1 + taux / 100) ^ -k)`.
fn discounted_expr(k: usize) -> String {
    format!("arrondi2({} * (1 + taux / 100) ^ -{k})", FLOWS[k - 1])
}

/// 12 (k − 1) + 12 × ((I − Σ earlier) ÷ flow of year k), rounded to the month, over
/// `terms` (expressions of each year's flow).
fn payback_expr(k: usize, terms: &[String]) -> String {
    let earlier: String = terms[..k - 1].iter().map(|t| format!(" - {t}")).collect();
    format!(
        "arrondi({} + 12 * ((investissement{earlier}) / {}), 0)",
        12 * (k - 1),
        terms[k - 1]
    )
}

impl Exercise for RentabiliteInvestissement {
    fn id(&self) -> &'static str {
        "action/rentabilite-investissement"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut specs = vec![
            ParamSpec::variant("variante", "investissement étudié", VARIANTS),
            ParamSpec::decimal(
                "investissement",
                "montant investi à la date 0",
                "1",
                "100000000",
                Unit::Euros,
            ),
            ParamSpec::integer("duree", "durée d'utilisation, en années", 3, 5),
            ParamSpec::decimal(
                "taux",
                "taux d'actualisation annuel",
                "0.1",
                "30",
                Unit::Percent,
            ),
        ];
        for (i, name) in FLOWS.iter().enumerate() {
            specs.push(ParamSpec::decimal(
                name,
                [
                    "flux net de trésorerie de l'année 1",
                    "flux net de trésorerie de l'année 2",
                    "flux net de trésorerie de l'année 3",
                    "flux net de trésorerie de l'année 4",
                    "flux net de trésorerie de l'année 5",
                ][i],
                "0",
                "100000000",
                Unit::Euros,
            ));
        }
        specs
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let variant = d.choice("variante");
        let (lo, hi, step) = match variant {
            "flotte" => (40, 120, dec!(1000)),
            "crm" => (30, 120, dec!(500)),
            _ => (16, 50, dec!(5000)),
        };
        let investment = d.number("investissement", |r| Decimal::from(r.int(lo, hi)) * step);
        let years = d.integer("duree") as usize;
        let rate = d.number("taux", |r| r.decimal_step(dec!(4), dec!(12), dec!(0.5)));
        // Total undiscounted flows between 1,05 and 1,6 times the investment, spread
        // unevenly over the years; rounded to 100 €.
        let total_factor = Decimal::from(d.rng().int(105, 160)) / Decimal::ONE_HUNDRED;
        let weights: Vec<i64> = (0..years).map(|_| d.rng().int(7, 13)).collect();
        let weight_sum: i64 = weights.iter().sum();
        let mut flows = Vec::with_capacity(years);
        for (i, w) in weights.iter().enumerate() {
            let f = d.number(FLOWS[i], |_| {
                let raw = investment * total_factor * Decimal::from(*w) / Decimal::from(weight_sum);
                round_half_away(raw / dec!(100), 0) * dec!(100)
            });
            flows.push(f);
        }
        if investment <= Decimal::ZERO || flows.iter().any(|f| *f <= Decimal::ZERO) {
            return Err(Degenerate("flux ou investissement nul".into()));
        }
        let none = || Degenerate("dépassement".into());
        let disc = discounted_flows(&flows, rate, 0).ok_or_else(none)?;
        let from_zero = discounted_flows(&flows, rate, 1).ok_or_else(none)?;
        let capitalised: Vec<Decimal> = flows
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let base = Decimal::ONE + rate / Decimal::ONE_HUNDRED;
                round_cents(*f * crate::calc::loan::pow(base, (i + 1) as u32).unwrap_or_default())
            })
            .collect();
        let total: Decimal = disc.iter().copied().sum();
        let value = npv(investment, &disc);
        let sum_flows: Decimal = flows.iter().copied().sum();
        let simple = payback_months(investment, &flows)
            .ok_or_else(|| Degenerate("investissement jamais récupéré".into()))?;
        let (k_simple, before_simple) = recovery_year(investment, &flows).ok_or_else(none)?;
        let twelve = Decimal::from(12);
        let mut questions = Vec::new();
        let flow_terms: Vec<String> = FLOWS[..years].iter().map(|s| s.to_string()).collect();
        questions.push(
            Question::new(
                "delai_simple",
                "délai de récupération simple",
                "Calculez le délai de récupération du capital investi, sans actualisation, en mois (arrondi au mois le plus proche).",
                simple,
                Unit::Number,
            )
            .formula(payback_expr(k_simple, &flow_terms))
            .mistake(
                twelve * Decimal::from(k_simple as i64),
                "delai-en-annees-entieres",
                "Le capital est récupéré en cours d'année : interpolez dans l'année de récupération (reste à récupérer ÷ flux de l'année × 12 mois) au lieu de compter l'année entière.",
            )
            .mistake(
                round_half_away(
                    twelve * investment / (sum_flows / Decimal::from(years as i64)),
                    0,
                ),
                "flux-moyen",
                "Les flux ne sont pas constants : cumulez-les année par année au lieu de diviser l'investissement par le flux moyen.",
            )
            .step(format!(
                "Flux cumulés : {}. Le cumul atteint {} au cours de l'année {k_simple} : à la fin de l'année {}, il reste {} − {} = {} à récupérer. \
                 Délai = {} + 12 × {} ÷ {} = **{} mois** (arrondi au mois le plus proche).",
                cumul_text(&flows),
                euros(investment),
                k_simple - 1,
                euros(investment),
                euros(before_simple),
                euros(investment - before_simple),
                12 * (k_simple - 1),
                euros(investment - before_simple),
                euros(flows[k_simple - 1]),
                number(simple, 0)
            )),
        );
        let disc_terms: Vec<String> = (1..=years).map(discounted_expr).collect();
        let lines: Vec<String> = disc
            .iter()
            .enumerate()
            .map(|(i, v)| {
                format!(
                    "| {} | {} | (1 + {})^−{} | {} |",
                    i + 1,
                    euros(flows[i]),
                    number(rate / Decimal::ONE_HUNDRED, 4),
                    i + 1,
                    euros(*v)
                )
            })
            .collect();
        questions.push(
            Question::new(
                "total_actualise",
                "somme des flux actualisés",
                format!("Actualisez chaque flux au taux de {} et calculez la somme des flux actualisés.", percent(rate)),
                total,
                Unit::Euros,
            )
            .formula(disc_terms.join(" + "))
            .mistake(
                sum_flows,
                "somme-non-actualisee",
                "Des euros reçus dans plusieurs années valent moins qu'aujourd'hui : chaque flux de l'année k se multiplie par (1 + i)^−k avant d'être additionné.",
            )
            .mistake(
                from_zero.iter().copied().sum(),
                "actualisation-depuis-annee-0",
                "Le flux de l'année 1 arrive à la fin de l'année 1 : il s'actualise par (1 + i)^−1, et non à partir de l'année 0.",
            )
            .mistake(
                capitalised.iter().copied().sum(),
                "capitalisation-au-lieu-actualisation",
                "Vous avez capitalisé les flux (× (1 + i)^k) : pour les ramener à la date 0, multipliez par (1 + i)^−k.",
            )
            .step(format!(
                "Chaque flux est multiplié par (1 + i)^−k et arrondi au centime :\n\n\
                 | Année k | Flux | Coefficient | Flux actualisé |\n|---|---|---|---|\n{}\n\n\
                 Somme des flux actualisés = **{}**.",
                lines.join("\n"),
                euros(total)
            )),
        );
        questions.push(
            Question::new(
                "van",
                "valeur actuelle nette (VAN)",
                "Calculez la valeur actuelle nette de l'investissement.",
                value,
                Unit::Euros,
            )
            .formula("total_actualise - investissement")
            .mistake(
                sum_flows - investment,
                "van-non-actualisee",
                "La VAN compare l'investissement à la somme des flux actualisés, pas à leur somme brute.",
            )
            .mistake(
                from_zero.iter().copied().sum::<Decimal>() - investment,
                "actualisation-depuis-annee-0",
                "Le flux de l'année k s'actualise par (1 + i)^−k (le premier flux arrive au bout d'un an).",
            )
            .mistake(
                investment - total,
                "signe-inverse",
                "VAN = somme des flux actualisés − investissement : elle est positive quand l'investissement est rentable.",
            )
            .step(format!(
                "VAN = somme des flux actualisés − investissement = {} − {} = **{}** : {}.",
                euros(total),
                euros(investment),
                euros(value),
                if value >= Decimal::ZERO {
                    "elle est positive, l'investissement est rentable au taux retenu"
                } else {
                    "elle est négative, l'investissement n'est pas rentable au taux retenu"
                }
            )),
        );
        let discounted_payback = payback_months(investment, &disc);
        if let (Some(months), Some((k, before))) =
            (discounted_payback, recovery_year(investment, &disc))
        {
            questions.push(
                Question::new(
                    "delai_actualise",
                    "délai de récupération actualisé",
                    "Calculez le délai de récupération actualisé (avec les flux actualisés), en mois (arrondi au mois le plus proche).",
                    months,
                    Unit::Number,
                )
                .formula(payback_expr(k, &disc_terms))
                .mistake(
                    twelve * Decimal::from(k as i64),
                    "delai-en-annees-entieres",
                    "Interpolez dans l'année de récupération (reste à récupérer ÷ flux actualisé de l'année × 12 mois) au lieu de compter l'année entière.",
                )
                .mistake(
                    simple,
                    "delai-non-actualise",
                    "Le délai de récupération actualisé cumule les flux actualisés, et non les flux bruts : il est plus long que le délai simple.",
                )
                .step(format!(
                    "Flux actualisés cumulés : {}. Il reste {} − {} = {} à récupérer au début de l'année {k}. \
                     Délai = {} + 12 × {} ÷ {} = **{} mois** (arrondi au mois le plus proche).",
                    cumul_text(&disc),
                    euros(investment),
                    euros(before),
                    euros(investment - before),
                    12 * (k - 1),
                    euros(investment - before),
                    euros(disc[k - 1]),
                    number(months, 0)
                )),
            );
        }

        let s = &scene;
        let what = match variant {
            "flotte" => "de renouveler la flotte de véhicules de ses commerciaux (économies de carburant et d'entretien, tournées plus nombreuses)",
            "crm" => "de s'équiper d'un logiciel de gestion de la relation client (CRM) pour mieux suivre ses prospects et fidéliser ses clients",
            _ => "d'aménager un showroom pour présenter sa gamme à ses clients",
        };
        let table: Vec<String> = flows
            .iter()
            .enumerate()
            .map(|(i, f)| format!("| Année {} | {} |", i + 1, euros(*f)))
            .collect();
        let statement = format!(
            "{} envisage {what}. L'investissement, de {}, serait utilisé {years} ans, sans valeur résiduelle. \
             {} {} a estimé les flux nets de trésorerie supplémentaires qu'il dégagerait et vous demande d'en apprécier la rentabilité \
             au taux d'actualisation de {} par an.\n\n\
             | Année | Flux net de trésorerie |\n|---|---|\n{}\n\n\
             **Conventions.** Les flux sont perçus en fin d'année : celui de l'année k s'actualise par (1 + i)^−k ; \
             l'investissement, payé à la date 0, n'est pas actualisé. Arrondissez chaque flux actualisé au centime. \
             Un délai de récupération s'obtient en cumulant les flux, puis par interpolation linéaire dans l'année de récupération \
             (flux supposés réguliers dans l'année) ; exprimez-le en mois, arrondi au mois le plus proche.",
            capitalise(s.seller()),
            euros(investment),
            s.contact.prenom,
            s.contact.nom,
            percent(rate),
            table.join("\n"),
        );
        let outro = match discounted_payback {
            Some(m) => format!(
                "*Décision :* la VAN est positive ({}) et le capital est récupéré, actualisation comprise, en {} mois sur {} : \
                 l'investissement peut être retenu. Le délai actualisé est toujours plus long que le délai simple ({} mois).",
                euros(value),
                number(m, 0),
                years * 12,
                number(simple, 0)
            ),
            None => format!(
                "*Décision :* bien que la somme des flux bruts dépasse l'investissement (récupéré en {} mois sans actualisation), \
                 la VAN est négative ({}) : au taux de {}, l'investissement détruit de la valeur et n'est pas récupéré sur sa durée d'utilisation. \
                 Il faudrait réduire son coût ou augmenter les flux attendus.",
                number(simple, 0),
                euros(value),
                percent(rate)
            ),
        };
        Ok(Content {
            statement,
            questions,
            solution_intro: "*Flux actualisés arrondis au centime ; délais interpolés dans l'année de récupération et arrondis au mois le plus proche.*".to_string(),
            solution_outro: outro,
        })
    }
}

/// "15 000,00 € ; 35 000,00 € ; 53 000,00 €".
fn cumul_text(flows: &[Decimal]) -> String {
    let mut acc = Decimal::ZERO;
    flows
        .iter()
        .map(|f| {
            acc += *f;
            euros(acc)
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

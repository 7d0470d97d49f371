//! `segmentation/clientele-potentielle`: break a population down into non-consommateurs
//! absolus, non-consommateurs relatifs and current consumers (the company's customers
//! and its competitors'), then place the company on its market (S431, S423).
//!
//! Potential clientele = current consumers + NCR (the NCA never buy); market share
//! against the actual demand (current consumers) and against the potential demand;
//! penetration rates of the product and of the company against the whole population;
//! "marge de progression": the customers won by converting a share of the NCR, and the
//! market share that would follow. Variants: the statement gives the NCA (`nca`) or the
//! NCR (`ncr`). Rates are in percent rounded to 2 decimals, counts to the unit.

use super::fichiers_clients::pools;
use crate::calc::market::{converted, rate, Market};
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{number, percent};
use crate::num::round::round_half_away;
use crate::rng::Rng;
use crate::text::capitalise;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct ClientelePotentielle;

const VARIANTS: &[(&str, &str)] = &[
    (
        "nca",
        "l'énoncé donne les non-consommateurs absolus (NCR à calculer)",
    ),
    (
        "ncr",
        "l'énoncé donne les non-consommateurs relatifs (NCA à calculer)",
    ),
];

/// "de Cap Vertical", "d'Optique Berrichonne".
fn of(name: &str) -> String {
    let vowel = name
        .chars()
        .next()
        .is_some_and(|c| "AEIOUYÉÈÊÂÎÔaeiouyéèêâîô".contains(c));
    if vowel {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

/// A count as printed: `34 100`.
fn n(x: i64) -> String {
    number(Decimal::from(x), 0)
}

/// About `lo`–`hi` % of `total`, rounded to a multiple of `grain` (the study's counts
/// are estimates, printed round).
fn share(r: &mut Rng, total: i64, lo: i64, hi: i64, grain: i64) -> Decimal {
    let pct = r.decimal_step(Decimal::from(lo), Decimal::from(hi), dec!(0.1));
    let g = Decimal::from(grain.max(1));
    round_half_away(Decimal::from(total) * pct / Decimal::ONE_HUNDRED / g, 0) * g
}

fn int(x: Decimal) -> i64 {
    i64::try_from(x).unwrap_or(0)
}

/// A rate, or a degenerate draw when its base is empty.
fn pct(part: i64, whole: i64) -> Result<Decimal, Degenerate> {
    rate(part, whole).ok_or_else(|| Degenerate("effectif nul au dénominateur".into()))
}

impl Exercise for ClientelePotentielle {
    fn id(&self) -> &'static str {
        "segmentation/clientele-potentielle"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::variant("variante", "groupe de non-consommateurs donné", VARIANTS),
            ParamSpec::integer("population", "population totale", 100, 100_000_000),
            ParamSpec::integer(
                "nca",
                "non-consommateurs absolus (variante nca)",
                1,
                100_000_000,
            ),
            ParamSpec::integer(
                "ncr",
                "non-consommateurs relatifs (variante ncr)",
                1,
                100_000_000,
            ),
            ParamSpec::integer(
                "clients_entreprise",
                "consommateurs actuels clients de l'entreprise",
                1,
                100_000_000,
            ),
            ParamSpec::integer(
                "clients_concurrents",
                "consommateurs actuels clients des concurrents",
                1,
                100_000_000,
            ),
            ParamSpec::decimal(
                "objectif_conversion",
                "part des non-consommateurs relatifs que l'entreprise vise à convertir",
                "0.1",
                "100",
                Unit::Percent,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = d.rng().pick(&pools().marche);
        let variant = d.choice("variante");
        let population = int(d.number("population", |r| {
            let steps = (scene.population_max - scene.population_min) / scene.pas;
            Decimal::from(scene.population_min + scene.pas * r.int(0, steps))
        }));
        let grain = scene.pas / 10;
        let nca_draw = share(d.rng(), population, scene.nca_min, scene.nca_max, grain);
        let consumers_draw = share(
            d.rng(),
            population,
            scene.consommateurs_min,
            scene.consommateurs_max,
            grain,
        );
        let company = int(d.number("clients_entreprise", |r| {
            share(
                r,
                int(consumers_draw),
                scene.part_min,
                scene.part_max,
                grain,
            )
        }));
        let competitors = int(d.number("clients_concurrents", |_| {
            consumers_draw - Decimal::from(company)
        }));
        let consumers = company + competitors;
        let nca = if variant == "nca" {
            int(d.number("nca", |_| nca_draw))
        } else {
            let ncr = int(d.number("ncr", |_| Decimal::from(population - consumers) - nca_draw));
            population - consumers - ncr
        };
        let m = Market {
            population,
            absolute_non_consumers: nca,
            company_customers: company,
            competitor_customers: competitors,
        };
        if !m.is_consistent() {
            return Err(Degenerate(
                "effectifs incohérents (un groupe de la population est vide ou négatif)".into(),
            ));
        }
        let goal = d.number("objectif_conversion", |r| {
            Decimal::from(*r.pick(&[2i64, 3, 4, 5, 5, 10]))
        });
        let ncr = m.relative_non_consumers();
        let potential = m.potential();
        let unit = scene.unite.as_str();

        // 1. Current consumers.
        let consumers_q = Question::new(
            "consommateurs_actuels",
            "consommateurs actuels",
            format!("Calculez le nombre de consommateurs actuels (ou effectifs) du marché, en {unit}."),
            Decimal::from(consumers),
            Unit::Number,
        )
        .formula("clients_entreprise + clients_concurrents")
        .mistake(
            Decimal::from(company),
            "concurrents-oublies",
            "Les consommateurs actuels sont tous ceux qui consomment déjà le produit : les clients de l'entreprise ET ceux des concurrents.",
        )
        .mistake(
            Decimal::from(potential),
            "ncr-comptes-consommateurs",
            "Les non-consommateurs relatifs ne consomment pas encore le produit : ils ne font pas partie des consommateurs actuels.",
        )
        .step(format!(
            "Consommateurs actuels = clients de l'entreprise + clients des concurrents = {} + {} = **{} {unit}**.",
            n(company),
            n(competitors),
            n(consumers)
        ));

        // 2. The missing group of non-consumers.
        let group_q = if variant == "nca" {
            Question::new(
                "ncr",
                "non-consommateurs relatifs",
                format!("Calculez le nombre de non-consommateurs relatifs (NCR), en {unit}."),
                Decimal::from(ncr),
                Unit::Number,
            )
            .formula("population - nca - consommateurs_actuels")
            .mistake(
                Decimal::from(population - nca),
                "consommateurs-non-deduits",
                "Population totale = NCA + NCR + consommateurs actuels : retirez aussi les consommateurs actuels pour obtenir les NCR.",
            )
            .mistake(
                Decimal::from(population - consumers),
                "nca-non-deduits",
                "Les non-consommateurs absolus ne peuvent pas consommer le produit : retirez-les de la population avec les consommateurs actuels.",
            )
            .mistake(
                Decimal::from(population - nca - company),
                "concurrents-oublies",
                "Les clients des concurrents sont des consommateurs actuels, pas des non-consommateurs : retirez tous les consommateurs actuels.",
            )
            .step(format!(
                "NCR = population totale − NCA − consommateurs actuels = {} − {} − {} = **{} {unit}**.",
                n(population),
                n(nca),
                n(consumers),
                n(ncr)
            ))
        } else {
            Question::new(
                "nca",
                "non-consommateurs absolus",
                format!("Calculez le nombre de non-consommateurs absolus (NCA), en {unit}."),
                Decimal::from(nca),
                Unit::Number,
            )
            .formula("population - ncr - consommateurs_actuels")
            .mistake(
                Decimal::from(population - ncr),
                "consommateurs-non-deduits",
                "Population totale = NCA + NCR + consommateurs actuels : retirez aussi les consommateurs actuels pour obtenir les NCA.",
            )
            .mistake(
                Decimal::from(population - consumers),
                "ncr-non-deduits",
                "Les non-consommateurs relatifs sont des clients possibles, pas des NCA : retirez-les de la population avec les consommateurs actuels.",
            )
            .mistake(
                Decimal::from(population - ncr - company),
                "concurrents-oublies",
                "Les clients des concurrents sont des consommateurs actuels, pas des non-consommateurs : retirez tous les consommateurs actuels.",
            )
            .step(format!(
                "NCA = population totale − NCR − consommateurs actuels = {} − {} − {} = **{} {unit}**.",
                n(population),
                n(ncr),
                n(consumers),
                n(nca)
            ))
        };

        // 3. Potential clientele.
        let potential_formula = if variant == "nca" {
            "consommateurs_actuels + ncr"
        } else {
            "population - nca"
        };
        let potential_q = Question::new(
            "clientele_potentielle",
            "clientèle potentielle",
            format!("Calculez la clientèle potentielle (marché potentiel), en {unit}."),
            Decimal::from(potential),
            Unit::Number,
        )
        .formula(potential_formula)
        .mistake(
            Decimal::from(population),
            "nca-dans-potentiel",
            "Les non-consommateurs absolus ne deviendront jamais clients : la clientèle potentielle est la population totale moins les NCA.",
        )
        .mistake(
            Decimal::from(company + ncr),
            "concurrents-oublies",
            "Les clients des concurrents font partie de la clientèle potentielle : clientèle potentielle = consommateurs actuels (entreprise et concurrents) + NCR.",
        )
        .mistake(
            Decimal::from(ncr),
            "consommateurs-oublies",
            "La clientèle potentielle comprend aussi ceux qui consomment déjà : consommateurs actuels + NCR.",
        )
        .step(format!(
            "Clientèle potentielle = consommateurs actuels + NCR = {} + {} = **{} {unit}** \
             (vérification : population totale − NCA = {} − {} = {}).",
            n(consumers),
            n(ncr),
            n(potential),
            n(population),
            n(nca),
            n(potential)
        ));

        // 4–5. Market shares.
        let pdm_eff = pct(company, consumers)?;
        let pdm_pot = pct(company, potential)?;
        let pen_product = pct(consumers, population)?;
        let pen_company = pct(company, population)?;
        let pdm_eff_q = Question::new(
            "pdm_effective",
            "part de marché sur la demande effective",
            "Calculez la part de marché de l'entreprise par rapport à la demande effective (en\u{a0}%, à 0,01 près).",
            pdm_eff,
            Unit::Percent,
        )
        .formula("arrondi2(clients_entreprise * 100 / consommateurs_actuels)")
        .mistake(
            pdm_pot,
            "pdm-sur-potentiel",
            "La demande effective, ce sont les consommateurs actuels : divisez les clients de l'entreprise par les consommateurs actuels, pas par la clientèle potentielle.",
        )
        .mistake(
            pen_company,
            "penetration-au-lieu-pdm",
            "Vous avez calculé le taux de pénétration de l'entreprise (sur la population totale) : la part de marché se calcule sur les consommateurs actuels.",
        )
        .mistake(
            pct(company, competitors)?,
            "pdm-sur-concurrents",
            "Le dénominateur est l'ensemble des consommateurs actuels, clients de l'entreprise compris, pas les seuls clients des concurrents.",
        )
        .step(format!(
            "PDM sur la demande effective = clients de l'entreprise ÷ consommateurs actuels × 100 = {} ÷ {} × 100 = **{}** (arrondi à 0,01\u{a0}%).",
            n(company),
            n(consumers),
            percent(pdm_eff)
        ));
        let pdm_pot_q = Question::new(
            "pdm_potentielle",
            "part de marché sur la demande potentielle",
            "Calculez la part de marché de l'entreprise par rapport à la demande potentielle (en\u{a0}%, à 0,01 près).",
            pdm_pot,
            Unit::Percent,
        )
        .formula("arrondi2(clients_entreprise * 100 / clientele_potentielle)")
        .mistake(
            pdm_eff,
            "pdm-sur-demande-effective",
            "La demande potentielle est la clientèle potentielle (consommateurs actuels + NCR) : divisez par elle, pas par les seuls consommateurs actuels.",
        )
        .mistake(
            pen_company,
            "nca-dans-potentiel",
            "Vous avez divisé par la population totale : la demande potentielle exclut les non-consommateurs absolus.",
        )
        .step(format!(
            "PDM sur la demande potentielle = clients de l'entreprise ÷ clientèle potentielle × 100 = {} ÷ {} × 100 = **{}** (arrondi à 0,01\u{a0}%).",
            n(company),
            n(potential),
            percent(pdm_pot)
        ));

        // 6–7. Penetration rates.
        let pen_product_q = Question::new(
            "penetration_produit",
            "taux de pénétration du produit",
            "Calculez le taux de pénétration du produit dans la population totale (en\u{a0}%, à 0,01 près).",
            pen_product,
            Unit::Percent,
        )
        .formula("arrondi2(consommateurs_actuels * 100 / population)")
        .mistake(
            pct(consumers, potential)?,
            "penetration-sur-potentiel",
            "Le taux de pénétration se calcule sur la population totale, NCA compris, et non sur la clientèle potentielle.",
        )
        .mistake(
            pen_company,
            "penetration-entreprise-au-lieu-produit",
            "Le taux de pénétration du produit compte tous ses consommateurs actuels, clients des concurrents compris, et pas les seuls clients de l'entreprise.",
        )
        .mistake(
            pdm_eff,
            "pdm-au-lieu-penetration",
            "Vous avez calculé la part de marché : le taux de pénétration rapporte les consommateurs actuels à la population totale.",
        )
        .step(format!(
            "Taux de pénétration du produit = consommateurs actuels ÷ population totale × 100 = {} ÷ {} × 100 = **{}** (arrondi à 0,01\u{a0}%).",
            n(consumers),
            n(population),
            percent(pen_product)
        ));
        let pen_company_q = Question::new(
            "penetration_entreprise",
            "taux de pénétration de l'entreprise",
            "Calculez le taux de pénétration de l'entreprise dans la population totale (en\u{a0}%, à 0,01 près).",
            pen_company,
            Unit::Percent,
        )
        .formula("arrondi2(clients_entreprise * 100 / population)")
        .mistake(
            pdm_eff,
            "pdm-au-lieu-penetration",
            "Vous avez calculé la part de marché sur la demande effective : le taux de pénétration de l'entreprise rapporte ses clients à la population totale.",
        )
        .mistake(
            pdm_pot,
            "penetration-sur-potentiel",
            "Le taux de pénétration se calcule sur la population totale, NCA compris, et non sur la clientèle potentielle.",
        )
        .step(format!(
            "Taux de pénétration de l'entreprise = clients de l'entreprise ÷ population totale × 100 = {} ÷ {} × 100 = **{}** (arrondi à 0,01\u{a0}%).",
            n(company),
            n(population),
            percent(pen_company)
        ));

        // 8–9. Marge de progression.
        let won = converted(ncr, goal).ok_or_else(|| Degenerate("dépassement".into()))?;
        if won == 0 {
            return Err(Degenerate("aucun client gagné sur les NCR".into()));
        }
        let won_q = Question::new(
            "nouveaux_clients",
            "nouveaux clients gagnés sur les NCR",
            format!(
                "L'entreprise vise à convertir {} des non-consommateurs relatifs. Combien de nouveaux clients cela représente-t-il (arrondi à l'unité) ?",
                percent(goal)
            ),
            Decimal::from(won),
            Unit::Number,
        )
        .formula("arrondi(ncr * objectif_conversion / 100, 0)")
        .mistake(
            Decimal::from(converted(potential, goal).unwrap_or(0)),
            "potentiel-au-lieu-ncr",
            "L'objectif porte sur les seuls non-consommateurs relatifs : appliquez le taux aux NCR, pas à toute la clientèle potentielle.",
        )
        .mistake(
            Decimal::from(converted(ncr + nca, goal).unwrap_or(0)),
            "nca-comptes",
            "Les non-consommateurs absolus ne peuvent pas être convertis : appliquez le taux aux seuls NCR.",
        )
        .step(format!(
            "Nouveaux clients = NCR × {} = {} × {} ÷ 100 = {} ≈ **{} {unit}** (arrondi à l'unité).",
            percent(goal),
            n(ncr),
            number(goal, 2),
            number(Decimal::from(ncr) * goal / Decimal::ONE_HUNDRED, 4),
            n(won)
        ));
        let after = pct(company + won, consumers + won)?;
        let after_q = Question::new(
            "pdm_apres_conversion",
            "part de marché après conversion",
            "Si cet objectif est atteint (et que les concurrents gardent leurs clients), quelle sera la part de marché de l'entreprise sur la demande effective (en\u{a0}%, à 0,01 près) ?",
            after,
            Unit::Percent,
        )
        .formula("arrondi2((clients_entreprise + nouveaux_clients) * 100 / (consommateurs_actuels + nouveaux_clients))")
        .mistake(
            pct(company + won, consumers)?,
            "demande-effective-non-actualisee",
            "Les NCR convertis deviennent des consommateurs actuels : ajoutez-les aussi au dénominateur (la demande effective augmente).",
        )
        .mistake(
            pct(company + won, potential)?,
            "pdm-sur-potentiel",
            "La part de marché demandée se calcule sur la demande effective (consommateurs actuels après conversion), pas sur la clientèle potentielle.",
        )
        .step(format!(
            "Après conversion, l'entreprise a {} + {} = {} clients et le marché compte {} + {} = {} consommateurs actuels. \
             PDM = {} ÷ {} × 100 = **{}** (arrondi à 0,01\u{a0}%).",
            n(company),
            n(won),
            n(company + won),
            n(consumers),
            n(won),
            n(consumers + won),
            n(company + won),
            n(consumers + won),
            percent(after)
        ));

        let (group_row, group_label) = if variant == "nca" {
            (
                format!("| Non-consommateurs absolus : {} | {} |", scene.nca, n(nca)),
                "les non-consommateurs absolus",
            )
        } else {
            (
                format!(
                    "| Non-consommateurs relatifs : {} | {} |",
                    scene.ncr,
                    n(ncr)
                ),
                "les non-consommateurs relatifs",
            )
        };
        let statement = format!(
            "{} ({}, {}, {}) veut mesurer sa place sur son marché et ce qu'il lui reste à conquérir. \
             Une étude de marché locale dénombre les {unit} de sa zone ; elle identifie {group_label}, \
             ainsi que les {}, clients de l'entreprise ou de ses concurrents.\n\n\
             | Groupe | Nombre {} |\n|---|---|\n\
             | Population totale : {} | {} |\n\
             {group_row}\n\
             | Clients {} | {} |\n\
             | Clients des concurrents ({}) | {} |\n\n\
             **Conventions.** Les parts de marché et les taux de pénétration raisonnent en nombre {} ; \
             les taux de pénétration se calculent sur la population totale. \
             Donnez les taux en\u{a0}% arrondis à 0,01\u{a0}% et les effectifs à l'unité.",
            scene.entreprise,
            scene.forme,
            scene.activite,
            scene.ville,
            scene.consommateurs,
            of(unit),
            scene.population,
            n(population),
            of(&scene.entreprise),
            n(company),
            scene.concurrents,
            n(competitors),
            of(unit),
        );
        let maturity = if pen_product < dec!(20) {
            "le produit touche encore peu la population : le principal réservoir de croissance est celui des non-consommateurs relatifs, à convaincre par des offres de découverte et en levant leurs freins"
        } else {
            "le produit est déjà largement diffusé : la croissance passera aussi par la conquête des clients des concurrents et par la fidélisation"
        };
        let outro = format!(
            "*Lecture.* {} détient {} de la demande effective mais seulement {} de sa clientèle potentielle. \
             Avec un taux de pénétration du produit de {}, {maturity}. \
             Les {} non-consommateurs relatifs forment la marge de progression du marché ; \
             les {} non-consommateurs absolus ne sont pas une cible.",
            capitalise(&scene.entreprise),
            percent(pdm_eff),
            percent(pdm_pot),
            percent(pen_product),
            n(ncr),
            n(nca),
        );
        Ok(Content {
            statement,
            questions: vec![
                consumers_q,
                group_q,
                potential_q,
                pdm_eff_q,
                pdm_pot_q,
                pen_product_q,
                pen_company_q,
                won_q,
                after_q,
            ],
            solution_intro: "*Population totale = NCA + NCR + consommateurs actuels. Les taux sont en\u{a0}%, arrondis à 0,01\u{a0}% (au plus proche) ; \
                             les effectifs sont arrondis à l'unité.*"
                .to_string(),
            solution_outro: outro,
        })
    }
}

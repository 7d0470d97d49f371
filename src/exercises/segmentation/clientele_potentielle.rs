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
//!
//! The market is a product of a company of the world, counted in households or in
//! establishments of its buyer kinds, and starts from the company's own figures: its
//! customers who buy the product are some of its customers (`clients`), as many as the
//! product's turnover can pay for at one smallest order a year or more, so that the
//! study never gives a company more customers than it has, nor customers who buy less
//! than one order. The zone holds all its customers. The world has no population of
//! zones: the study's shares (company's share, penetration, NCA) are drawn in ranges
//! and the population follows from them.

use super::portfolio_pool::orders_per_year_max;
use crate::calc::market::{converted, rate, Market};
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{number, percent};
use crate::num::round::round_half_away;
use crate::rng::Rng;
use crate::text::{by_count, capitalise, french_list};
use crate::world::{Business, Clientele, Product, INDIVIDUAL};
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

fn int(x: Decimal) -> i64 {
    i64::try_from(x).unwrap_or(0)
}

/// Whom the study counts: the households of a shop's catchment area, or the
/// establishments of the kinds that buy the product in a supplier's area.
#[derive(Debug, Clone)]
pub enum Side {
    Households,
    /// The product's professional buyer kinds, in the plural: « restaurants,
    /// établissements d'hébergement et commerces alimentaires ».
    Establishments(String),
}

impl Side {
    /// Households when the scene sells the product to private customers (a company of
    /// the general public, or a mixed one whose scene's customer is a person).
    pub fn of(scene: &Scene) -> Side {
        let p = scene.product;
        let households = p.acheteurs.contains_key(INDIVIDUAL)
            && (scene.business.clientele == Clientele::Particuliers
                || scene.customer.is_individual());
        if households {
            return Side::Households;
        }
        let w = crate::world::world();
        let kinds: Vec<String> = p
            .acheteurs
            .keys()
            .filter(|k| k.as_str() != INDIVIDUAL)
            .filter_map(|k| w.buyer_kind(k).map(|b| b.pluriel.clone()))
            .collect();
        Side::Establishments(french_list(&kinds))
    }

    fn is_households(&self) -> bool {
        matches!(self, Side::Households)
    }

    fn plural(&self) -> &'static str {
        if self.is_households() {
            "foyers"
        } else {
            "établissements"
        }
    }

    fn unit_for(&self, count: i64) -> &'static str {
        match (
            self.is_households(),
            by_count(Decimal::from(count), "1", "2"),
        ) {
            (true, "1") => "foyer",
            (false, "1") => "établissement",
            _ => self.plural(),
        }
    }

    fn zone(&self) -> &'static str {
        if self.is_households() {
            "sa zone de chalandise"
        } else {
            "sa zone commerciale"
        }
    }

    fn population(&self) -> String {
        match self {
            Side::Households => "foyers de la zone de chalandise".to_string(),
            Side::Establishments(kinds) => format!("{kinds} de la zone commerciale"),
        }
    }

    fn nca(&self) -> &'static str {
        if self.is_households() {
            "foyers qui n'en achèteront pas, quelle que soit l'offre (contraintes de logement, \
             de santé ou de budget, convictions)"
        } else {
            "établissements qui ne peuvent pas en acheter (achats imposés par leur enseigne ou \
             leur centrale, contraintes techniques ou réglementaires)"
        }
    }

    fn ncr(&self) -> &'static str {
        if self.is_households() {
            "foyers qui n'en achètent pas aujourd'hui mais pourraient en acheter"
        } else {
            "établissements qui n'en achètent pas aujourd'hui mais pourraient en acheter"
        }
    }
}

/// The market as drawn from the company's magnitudes, before a teacher's values.
#[derive(Debug, Clone, Copy)]
pub struct MarketDraw {
    /// The company's customers who buy the product in the year: at most nine in ten of
    /// its customers of that side, and few enough that each buys, on average, at least
    /// one smallest order of it (the product's turnover ÷ customers ≥ that order's value).
    pub company: i64,
    pub consumers: i64,
    pub population: i64,
    /// The share of the population that never buys, as a fraction.
    pub nca_rate: Decimal,
    /// The company's customers on the side the study counts.
    pub side_clients: Decimal,
}

/// Percent ranges of the study, by side: the company's share of the current consumers,
/// the product's penetration, the absolute non-consumers, and the most of the zone the
/// company's customers (of all its products) make.
const HOUSEHOLDS: [(i64, i64); 4] = [(10, 30), (15, 50), (5, 25), (5, 30)];
const ESTABLISHMENTS: [(i64, i64); 4] = [(10, 40), (25, 65), (5, 20), (15, 50)];

/// The share of a mixed company's customers on each side, in percent: most are
/// households, a few are firms and bodies.
const MIXED_HOUSEHOLDS: i64 = 85;

impl MarketDraw {
    pub fn draw(r: &mut Rng, scene: &Scene, side: &Side) -> MarketDraw {
        let (b, p) = (scene.business, scene.product);
        let households = side.is_households();
        let side_share = match (b.clientele, households) {
            (Clientele::Mixte, true) => MIXED_HOUSEHOLDS,
            (Clientele::Mixte, false) => 100 - MIXED_HOUSEHOLDS,
            _ => 100,
        };
        let side_clients = Decimal::from(b.clients) * Decimal::from(side_share) / dec!(100);
        let (floor, ceiling) = order_values(p, households);
        let turnover = side_turnover(b, p, households);
        let by_turnover = turnover * dec!(0.95) / floor;
        let most = (side_clients * dec!(0.9)).min(by_turnover);
        // Enough customers that none buys more than its kind's orders of a year.
        let orders = Decimal::from(orders_per_year_max(if households {
            INDIVIDUAL
        } else {
            "professionnel"
        }));
        let least = (turnover * dec!(1.05) / (ceiling * orders)).ceil();
        let pct = Decimal::from(r.int(60, 100)) / dec!(100);
        let company = int((most * pct).floor().max(least).min(most.floor())).max(1);
        let [share, penetration, nca, reach] = if households {
            HOUSEHOLDS
        } else {
            ESTABLISHMENTS
        };
        let pct = |r: &mut Rng, (lo, hi): (i64, i64)| Decimal::from(r.int(lo, hi)) / dec!(100);
        let share = pct(r, share);
        let penetration = pct(r, penetration);
        let nca_rate = pct(r, nca);
        let reach = pct(r, reach);
        let consumers = Decimal::from(company) / share;
        // Every customer of the company lives or works in the zone, and it reaches only
        // part of the zone: a product bought once in years (a heat pump) has a low
        // penetration in the year, not a small zone.
        let population = (consumers / penetration).max(side_clients / reach);
        let g = grain(int(population.round()));
        let consumers = int(round_to(consumers, g)).max(company + g);
        let population = int(round_to(population, g));
        MarketDraw {
            company,
            consumers,
            population,
            nca_rate,
            side_clients,
        }
    }
}

/// The value HT of the smallest and of the largest order of `p` on one side: its
/// smallest quantity for a buyer of that side at its lowest price, its largest at its
/// highest.
pub fn order_values(p: &Product, households: bool) -> (Decimal, Decimal) {
    let ranges: Vec<(Decimal, Decimal)> = p
        .acheteurs
        .keys()
        .filter(|k| (k.as_str() == INDIVIDUAL) == households)
        .filter_map(|k| p.order_value_range(k))
        .collect();
    let lo = ranges.iter().map(|r| r.0).min().unwrap_or(p.prix_ht_min);
    let hi = ranges.iter().map(|r| r.1).max().unwrap_or(p.prix_ht_max);
    (lo.max(dec!(0.01)), hi.max(dec!(0.01)))
}

/// The turnover HT the product makes on one side: its turnover split evenly among its
/// buyer kinds, as [`kind_weights`](super::portfolio_pool::kind_weights) reads the world
/// (it says who buys, not how much).
pub fn side_turnover(b: &Business, p: &Product, households: bool) -> Decimal {
    let all = p.acheteurs.len().max(1);
    let side = p
        .acheteurs
        .keys()
        .filter(|k| (k.as_str() == INDIVIDUAL) == households)
        .count();
    b.product_turnover(p) * Decimal::from(side as u64) / Decimal::from(all as u64)
}

/// The rounding of the study's counts: to the hundred in a population of tens of
/// thousands, to the ten in thousands, to the unit below.
fn grain(population: i64) -> i64 {
    match population {
        20_000.. => 100,
        2_000.. => 10,
        _ => 1,
    }
}

fn round_to(x: Decimal, grain: i64) -> Decimal {
    let g = Decimal::from(grain.max(1));
    round_half_away(x / g, 0) * g
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
        let scene = Scene::draw(d.rng());
        let side = Side::of(&scene);
        let drawn = MarketDraw::draw(d.rng(), &scene, &side);
        let variant = d.choice("variante");
        let population = int(d.number("population", |_| Decimal::from(drawn.population)));
        let grain = grain(population);
        // The study's counts are estimates, printed round; the company's customers are
        // its own file, counted exactly.
        let nca_draw = round_to(Decimal::from(population) * drawn.nca_rate, grain);
        let company = int(d.number("clients_entreprise", |_| Decimal::from(drawn.company)));
        let competitors = int(d.number("clients_concurrents", |_| {
            Decimal::from(drawn.consumers - company)
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
        let unit = side.plural();

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
            "Nouveaux clients = NCR × {} = {} × {} ÷ 100 = {} ≈ **{} {}** (arrondi à l'unité).",
            percent(goal),
            n(ncr),
            number(goal, 2),
            number(Decimal::from(ncr) * goal / Decimal::ONE_HUNDRED, 4),
            n(won),
            side.unit_for(won)
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
                format!(
                    "| Non-consommateurs absolus : {} | {} |",
                    side.nca(),
                    n(nca)
                ),
                "les non-consommateurs absolus",
            )
        } else {
            (
                format!(
                    "| Non-consommateurs relatifs : {} | {} |",
                    side.ncr(),
                    n(ncr)
                ),
                "les non-consommateurs relatifs",
            )
        };
        let product = scene.product;
        let statement = format!(
            "{} veut mesurer sa place sur le marché des {} et ce qu'il lui reste à conquérir. \
             Une étude de marché locale dénombre les {unit} de {} ; elle identifie {group_label}, \
             ainsi que les {unit} qui achètent déjà des {}, clients de l'entreprise ou de ses concurrents.\n\n\
             | Groupe | Nombre {} |\n|---|---|\n\
             | Population totale : {} | {} |\n\
             {group_row}\n\
             | Clients de l'entreprise ({}) qui achètent des {} | {} |\n\
             | Clients des concurrents | {} |\n\n\
             **Conventions.** Les parts de marché et les taux de pénétration raisonnent en nombre {} ; \
             les taux de pénétration se calculent sur la population totale. \
             Donnez les taux en\u{a0}% arrondis à 0,01\u{a0}% et les effectifs à l'unité.",
            capitalise(scene.seller()),
            product.pluriel,
            side.zone(),
            product.pluriel,
            of(unit),
            side.population(),
            n(population),
            scene.business.nom,
            product.pluriel,
            n(company),
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
            scene.business.nom,
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

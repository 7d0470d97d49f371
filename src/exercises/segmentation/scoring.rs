//! `segmentation/scoring`: score a customer file with an RFM grid, or a prospect file
//! with a weighted criteria grid, then segment and rank it (S432).
//!
//! Variant `rfm`: recency, frequency and amount of 6 to 10 customers are turned into
//! marks from 1 to 5 by stated brackets (the more recent, the better), then into a
//! weighted score. The file is the company's: customers of the kinds it sells to
//! (households for a seller to private persons, amounts TTC), amount brackets from a
//! round number near a quarter of its average customer (`turnover_per_customer`), each
//! amount whole orders of a value its kind places, no more orders than its kind places,
//! and a last order those orders leave room for. Variant `grille`: 6 to 10 prospects carry marks from 1 to 5 on four
//! weighted criteria. Convention `score`: weighted sum Σ note × coefficient (the
//! course's formula) or weighted mean (that sum ÷ Σ coefficients, rounded to 0,01).
//! Segments by two stated thresholds (a score equal to a threshold belongs to the higher
//! segment). Convention `egalite`: equal scores are separated by a stated tie-break, or
//! share their rank (1, 2, 2, 4).

use crate::calc::scoring::{
    has_unbroken_tie, mark_from_lower_bounds, ranks, recency_mark, segment, weighted_score,
    Aggregation, TieRule,
};
use crate::calc::statistics::nearest_round;
use crate::exercises::context::Scene;
use crate::exercises::segmentation::fichiers_clients::pools;
use crate::exercises::segmentation::portfolio_pool::{
    draw_members, order_value_range, orders_per_year_max, sort_key, Member,
};
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number};
use crate::num::round::round_half_away;
use crate::rng::Rng;
use crate::world::scale::spread;
use crate::world::{Business, Clientele, INDIVIDUAL};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::sync::LazyLock;

pub struct Scoring;

const MAX: usize = 10;
const CRITERIA: usize = 4;

const VARIANTS: &[(&str, &str)] = &[
    (
        "rfm",
        "grille RFM d'un fichier clients (récence, fréquence, montant)",
    ),
    (
        "grille",
        "grille de critères pondérés d'un fichier de prospects",
    ),
];
const SCORE: &[(&str, &str)] = &[
    (
        "somme-ponderee",
        "score = somme des notes × coefficients (Σ note × coefficient)",
    ),
    (
        "moyenne-ponderee",
        "score = Σ note × coefficient ÷ Σ coefficients, arrondi à 0,01 (note sur 5)",
    ),
];
const TIES: &[(&str, &str)] = &[
    (
        "departage",
        "à score égal, un critère de départage fixé par l'énoncé classe les individus",
    ),
    (
        "ex-aequo",
        "à score égal, les individus partagent le même rang (1, 2, 2, 4)",
    ),
];
/// Recency brackets (days since the last order): < 30 → 5, 30–59 → 4, 60–119 → 3,
/// 120–179 → 2, 180 and more → 1 (the course's grid).
const RECENCY: [Decimal; 4] = [dec!(30), dec!(60), dec!(120), dec!(180)];
/// Frequency brackets (orders over 12 months): 1 → 1, 2–4 → 2, 5–7 → 3, 8–11 → 4, 12+ → 5.
const FREQUENCY: [Decimal; 4] = [dec!(2), dec!(5), dec!(8), dec!(12)];
/// Households order at most six times a year (`orders_per_year_max`): the course's grid
/// would give none of them a 4 or a 5, so their seller grades 1, 2, 3, 4–5, 6+.
const FREQUENCY_HOUSEHOLDS: [Decimal; 4] = [dec!(2), dec!(3), dec!(4), dec!(6)];
/// The round numbers the amount brackets start at (× a power of ten).
const ROUND: [Decimal; 4] = [dec!(1), dec!(2), dec!(2.5), dec!(5)];
/// Where a customer's amount over 12 months lies, as multiples of the bracket unit,
/// for each amount mark (1 to 5): marks spread evenly over the file, and the average
/// customer of the company (about four units, see [`amount_unit`]) is a 3.
const LEVELS: [(Decimal, Decimal); 5] = [
    (dec!(0.4), dec!(1)),
    (dec!(1), dec!(2.5)),
    (dec!(2.5), dec!(5)),
    (dec!(5), dec!(10)),
    (dec!(10), dec!(14)),
];
/// Amount brackets as multiples of the stated unit: u, 2,5u, 5u, 10u.
const AMOUNT_STEPS: [Decimal; 4] = [dec!(1), dec!(2.5), dec!(5), dec!(10)];
const RFM_WEIGHTS: [[i64; 3]; 6] = [
    [4, 3, 3],
    [3, 2, 2],
    [2, 1, 1],
    [3, 2, 1],
    [5, 3, 2],
    [2, 2, 1],
];
const GRID_WEIGHTS: [[i64; 4]; 5] = [
    [4, 3, 2, 1],
    [3, 3, 2, 2],
    [5, 3, 1, 1],
    [2, 2, 1, 1],
    [3, 2, 2, 1],
];

/// Parameter names and descriptions built once (a `ParamSpec` wants `&'static str`).
struct Names {
    recence: Vec<String>,
    frequence: Vec<String>,
    montant: Vec<String>,
    poids: Vec<String>,
    notes: Vec<Vec<String>>,
    desc: Vec<String>,
}

static NAMES: LazyLock<Names> = LazyLock::new(|| {
    let each = |f: &dyn Fn(usize) -> String, n: usize| (1..=n).map(f).collect::<Vec<_>>();
    let mut desc = Vec::new();
    for i in 1..=MAX {
        desc.push(format!(
            "client n° {i} : jours écoulés depuis sa dernière commande"
        ));
        desc.push(format!("client n° {i} : nombre de commandes sur 12 mois"));
        desc.push(format!(
            "client n° {i} : montant des achats sur 12 mois (TTC pour des particuliers, HT sinon)"
        ));
    }
    for j in 1..=CRITERIA {
        desc.push(format!("coefficient du critère n° {j} (variante grille)"));
    }
    for i in 1..=MAX {
        for j in 1..=CRITERIA {
            desc.push(format!("prospect n° {i} : note de 1 à 5 au critère n° {j}"));
        }
    }
    Names {
        recence: each(&|i| format!("recence_{i}"), MAX),
        frequence: each(&|i| format!("frequence_{i}"), MAX),
        montant: each(&|i| format!("montant_{i}"), MAX),
        poids: each(&|j| format!("poids_{j}"), CRITERIA),
        notes: (1..=MAX)
            .map(|i| each(&|j| format!("note_{i}_{j}"), CRITERIA))
            .collect(),
        desc,
    }
});

/// One row of the file once scored.
struct Row {
    name: String,
    /// The data as printed in the statement (RFM values or marks).
    cells: Vec<String>,
    marks: Vec<Decimal>,
    score: Decimal,
}

fn dec_i(x: i64) -> Decimal {
    Decimal::from(x)
}

fn int(x: Decimal) -> i64 {
    i64::try_from(x).unwrap_or(0)
}

fn score_text(x: Decimal, how: Aggregation) -> String {
    match how {
        Aggregation::WeightedSum => number(x, 0),
        Aggregation::WeightedMean => number(x, 2),
    }
}

fn score_of(
    marks: &[Decimal],
    weights: &[Decimal],
    how: Aggregation,
) -> Result<Decimal, Degenerate> {
    weighted_score(marks, weights, how).ok_or_else(|| Degenerate("coefficients nuls".into()))
}

/// The buyer kind of local authorities (« Mairie de Vannes »), all public bodies.
const LOCAL_AUTHORITY: &str = "collectivite";

/// Amounts of the file: TTC for households (what their receipts show, at the highest
/// rate of what they buy), HT otherwise.
fn tax_factor(b: &Business, households: bool) -> Decimal {
    if !households {
        return Decimal::ONE;
    }
    let tva = b
        .produit
        .iter()
        .filter(|p| p.acheteurs.contains_key(INDIVIDUAL))
        .map(|p| p.tva)
        .max()
        .unwrap_or_default();
    Decimal::ONE + tva / Decimal::ONE_HUNDRED
}

/// `count` distinct customers (or prospects) of `b`, each of a kind it sells to, named
/// as that kind is: households only for a seller to private persons, firms and public
/// bodies otherwise (one file does not mix receipts TTC and invoices HT). Listed in
/// alphabetical order, as a file is exported. `prospects`: no local authority (it buys
/// by public tender, not on a salesperson's visit).
fn draw_file(
    r: &mut Rng,
    b: &'static Business,
    count: usize,
    households: bool,
    prospects: bool,
) -> Vec<Member> {
    let mut found: Vec<Member> = Vec::new();
    for _ in 0..20 {
        if found.len() >= 2 * count {
            break;
        }
        for m in draw_members(r, b, 2 * count) {
            let clash = found.iter().any(|f| {
                sort_key(&f.name) == sort_key(&m.name)
                    || (households && f.name.rsplit(' ').next() == m.name.rsplit(' ').next())
            });
            let tender = prospects && m.kind == LOCAL_AUTHORITY;
            if (m.kind == INDIVIDUAL) == households && !clash && !tender {
                found.push(m);
            }
        }
    }
    let mut file: Vec<Member> = r
        .distinct(found.len(), count.min(found.len()))
        .into_iter()
        .map(|i| found[i].clone())
        .collect();
    file.sort_by_key(|m| sort_key(&m.name));
    file
}

/// The amount that opens the second amount bracket: a round number near a quarter of
/// what the company's average customer buys in a year (drawn within the spread), so
/// that the average customer scores 3 and the brackets of a 400 k€ shop and of a
/// 14 M€ wholesaler differ as their customers do.
fn amount_unit(b: &Business, tax: Decimal, r: &mut Rng) -> Decimal {
    let centre = spread(b.turnover_per_customer() * tax, |lo, hi| r.int(lo, hi));
    nearest_round(centre / dec!(4), &ROUND).unwrap_or(Decimal::ONE)
}

/// What one customer of a kind buys: one order from `lo` to `hi` (in the file's tax
/// basis), at most `most` orders a year.
#[derive(Debug, Clone, Copy)]
struct Reach {
    lo: Decimal,
    hi: Decimal,
    most: i64,
}

impl Reach {
    fn of(b: &Business, kind: &str, tax: Decimal) -> Reach {
        let (lo, hi) = order_value_range(b, kind).unwrap_or((Decimal::ONE, Decimal::ONE));
        Reach {
            lo: lo * tax,
            hi: hi * tax,
            most: orders_per_year_max(kind),
        }
    }

    /// The order counts that make `amount` of orders of this kind: `(fewest, most)`,
    /// empty (`fewest > most`) when none does.
    fn orders_for(&self, amount: Decimal) -> (i64, i64) {
        let fewest = int((amount / self.hi).ceil()).max(1);
        let most = int((amount / self.lo).floor()).min(self.most);
        (fewest, most)
    }

    /// `amount` brought within what a customer of this kind buys in a year, to `step`:
    /// below one order, one to two orders of the kind's smallest (not a row of equal
    /// amounts at the floor).
    fn bound(&self, amount: Decimal, step: Decimal, r: &mut Rng) -> Decimal {
        let floor = (self.lo / step).ceil() * step;
        let ceiling = ((self.hi * dec_i(self.most) / step).floor() * step).max(floor);
        let amount = if amount < floor {
            floor
                + ((floor * r.decimal_step(Decimal::ZERO, Decimal::ONE, dec!(0.01))) / step).round()
                    * step
        } else {
            amount
        };
        amount.clamp(floor, ceiling)
    }
}

/// The most days since the last order of a customer who placed `orders` in the last
/// 12 months: the orders fit in the days before it at no more than one a working day
/// (250 a year), and at no more than twice the customer's pace over the year (a
/// customer who has stopped ordering had not been ordering daily).
fn latest_recency(orders: i64) -> i64 {
    let orders = orders.max(1);
    let working_days = (orders - 1) * 365 / 250;
    let twice_the_pace = (orders - 1) * 365 / (2 * orders);
    (365 - working_days.max(twice_the_pace)).clamp(1, 320)
}

impl Exercise for Scoring {
    fn id(&self) -> &'static str {
        "segmentation/scoring"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        let n = &*NAMES;
        let mut specs = vec![
            ParamSpec::variant("variante", "fichier scoré", VARIANTS),
            ParamSpec::integer("nb_individus", "nombre de clients ou de prospects", 6, 10),
        ];
        for i in 0..MAX {
            specs.push(ParamSpec::integer(&n.recence[i], &n.desc[3 * i], 0, 3650));
            specs.push(ParamSpec::integer(
                &n.frequence[i],
                &n.desc[3 * i + 1],
                1,
                365,
            ));
            specs.push(ParamSpec::decimal(
                &n.montant[i],
                &n.desc[3 * i + 2],
                "0",
                "100000000",
                Unit::Euros,
            ));
        }
        specs.extend([
            ParamSpec::integer("coef_r", "coefficient de la récence (variante rfm)", 1, 10),
            ParamSpec::integer("coef_f", "coefficient de la fréquence (variante rfm)", 1, 10),
            ParamSpec::integer("coef_m", "coefficient du montant (variante rfm)", 1, 10),
            ParamSpec::decimal(
                "unite_montant",
                "montant minimal de la note 2 ; les notes 3, 4 et 5 commencent à 2,5, 5 et 10 fois ce montant (variante rfm)",
                "1",
                "10000000",
                Unit::Euros,
            ),
        ]);
        for j in 0..CRITERIA {
            specs.push(ParamSpec::integer(&n.poids[j], &n.desc[3 * MAX + j], 1, 10));
        }
        for i in 0..MAX {
            for j in 0..CRITERIA {
                specs.push(ParamSpec::integer(
                    &n.notes[i][j],
                    &n.desc[3 * MAX + CRITERIA + CRITERIA * i + j],
                    1,
                    5,
                ));
            }
        }
        specs.extend([
            ParamSpec::decimal(
                "seuil_haut",
                "score minimal du premier segment",
                "0",
                "1000",
                Unit::Number,
            ),
            ParamSpec::decimal(
                "seuil_bas",
                "score minimal du deuxième segment",
                "0",
                "1000",
                Unit::Number,
            ),
            ParamSpec::integer(
                "individu_score",
                "numéro de l'individu dont le score est détaillé",
                1,
                10,
            ),
            ParamSpec::integer(
                "individu_rang",
                "numéro de l'individu dont le rang est demandé",
                1,
                10,
            ),
            ParamSpec::convention("score", "calcul du score", SCORE),
            ParamSpec::convention("egalite", "classement des scores égaux", TIES),
        ]);
        specs
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let variant = d.choice("variante");
        let how = match d.choice("score") {
            "moyenne-ponderee" => Aggregation::WeightedMean,
            _ => Aggregation::WeightedSum,
        };
        let tie = match d.choice("egalite") {
            "ex-aequo" => TieRule::Shared,
            _ => TieRule::Break,
        };
        let count = d.integer("nb_individus") as usize;
        let asked = d.number("individu_score", |r| dec_i(r.int(1, count as i64)));
        let asked = int(asked) as usize;
        if asked == 0 || asked > count {
            return Err(Degenerate(
                "individu_score dépasse le nombre d'individus".into(),
            ));
        }
        let asked = asked - 1;
        if variant == "rfm" {
            build_rfm(d, count, asked, how, tie)
        } else {
            build_grid(d, count, asked, how, tie)
        }
    }
}

/// The three segment labels and the statement's decision rule for each variant.
struct Segments {
    labels: [&'static str; 3],
    /// The last sentence of the commercial reading.
    caveat: &'static str,
}

/// What both variants share once the file is scored: thresholds, segments, ranks.
struct Scored {
    rows: Vec<Row>,
    weights: Vec<Decimal>,
    high: Decimal,
    low: Decimal,
    tie_keys: Vec<Vec<Decimal>>,
    /// Whether the teacher fixed part of the file or the thresholds: a drawn file always
    /// fills the three segments, a textbook's may leave one empty.
    fixed: bool,
}

/// Whether any of these parameters was fixed with `--set`.
fn any_fixed<'a>(d: &Draw, names: impl IntoIterator<Item = &'a String>) -> bool {
    names.into_iter().any(|n| d.is_fixed(n)) || d.is_fixed("seuil_haut") || d.is_fixed("seuil_bas")
}

fn draw_thresholds(d: &mut Draw, weights: &[Decimal], how: Aggregation) -> (Decimal, Decimal) {
    let max_score = match how {
        Aggregation::WeightedSum => dec!(5) * weights.iter().copied().sum::<Decimal>(),
        Aggregation::WeightedMean => dec!(5),
    };
    let dp = match how {
        Aggregation::WeightedSum => 0,
        Aggregation::WeightedMean => 1,
    };
    let high = d.number("seuil_haut", |r| {
        let h = *r.pick(&[dec!(0.7), dec!(0.75), dec!(0.8)]);
        round_half_away(max_score * h, dp)
    });
    let low = d.number("seuil_bas", |r| {
        let b = *r.pick(&[dec!(0.45), dec!(0.5), dec!(0.55)]);
        round_half_away(max_score * b, dp)
    });
    (high, low)
}

fn build_rfm(
    d: &mut Draw,
    count: usize,
    asked: usize,
    how: Aggregation,
    tie: TieRule,
) -> Result<Content, Degenerate> {
    let scene = Scene::draw(d.rng());
    let b = scene.business;
    let private = b.clientele == Clientele::Particuliers;
    let members = draw_file(d.rng(), b, count, private, false);
    if members.len() < count {
        return Err(Degenerate("pas assez de clients distincts".into()));
    }
    let names: Vec<String> = members.iter().map(|m| m.name.clone()).collect();
    let tax = tax_factor(b, private);
    let unit = d.number("unite_montant", |r| amount_unit(b, tax, r));
    let amount_bounds: Vec<Decimal> = AMOUNT_STEPS.iter().map(|s| *s * unit).collect();
    let frequency: &[Decimal; 4] = if private {
        &FREQUENCY_HOUSEHOLDS
    } else {
        &FREQUENCY
    };
    let step = if private || unit < dec!(1000) {
        Decimal::ONE
    } else {
        Decimal::TEN
    };
    let n = &*NAMES;
    // The detailed customer sometimes sits exactly on a bracket's bound, where the
    // classic misreading of « 30 à 59 jours » shows.
    let on_bound = d.rng().chance(1, 2);
    let mut data = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let edge = on_bound && i == asked;
        let reach = Reach::of(b, m.kind, tax);
        // The amount first (a mark drawn, then a value in its bracket that the
        // customer's kind can buy in a year), then orders that make it, then a last
        // order that those orders leave room for.
        let amount = d.number(n.montant[i].as_str(), |r| {
            let reachable: Vec<Decimal> = amount_bounds
                .iter()
                .copied()
                .filter(|a| {
                    let (fewest, most) = reach.orders_for(*a);
                    fewest <= most
                })
                .collect();
            if edge && !reachable.is_empty() {
                return *r.pick(&reachable);
            }
            let (lo, hi) = *r.pick(&LEVELS);
            let x = r.decimal_step(lo, hi, dec!(0.001)) * unit;
            reach.bound((x / step).round() * step, step, r)
        });
        let freq = int(d.number(n.frequence[i].as_str(), |r| {
            let (fewest, most) = reach.orders_for(amount);
            if fewest > most {
                let mid = (reach.lo + reach.hi) / Decimal::TWO;
                return dec_i(int((amount / mid).round()).clamp(1, reach.most));
            }
            let on: Vec<Decimal> = frequency
                .iter()
                .copied()
                .filter(|f| dec_i(fewest) <= *f && *f <= dec_i(most))
                .collect();
            if edge && !on.is_empty() {
                return *r.pick(&on);
            }
            // The course's grid reads 1 to 12 orders and more; a customer whose amount
            // needs more orders than that (a pharmacy's daily delivery) gets them.
            let top = if fewest <= 18 {
                most.min(18)
            } else {
                most.min(fewest * 3 / 2)
            };
            dec_i(r.int(fewest, top))
        }));
        let rec = int(d.number(n.recence[i].as_str(), |r| {
            let latest = latest_recency(freq);
            let on: Vec<Decimal> = RECENCY
                .iter()
                .copied()
                .filter(|x| *x <= dec_i(latest))
                .collect();
            if edge && !on.is_empty() {
                return *r.pick(&on);
            }
            // Mostly within two of its usual gaps between orders; now and then a
            // customer who has stopped ordering.
            let gap = 365 / freq.max(1);
            if r.chance(4, 5) {
                dec_i(r.int(1, latest.min((2 * gap).max(2))))
            } else {
                dec_i(r.int(1, latest))
            }
        }));
        data.push((rec, freq, amount));
    }
    let triple = *d.rng().pick(&RFM_WEIGHTS);
    let weights: Vec<Decimal> = ["coef_r", "coef_f", "coef_m"]
        .iter()
        .zip(triple)
        .map(|(name, w)| d.number(name, |_| dec_i(w)))
        .collect();
    let (high, low) = draw_thresholds(d, &weights, how);
    if low >= high || weights.iter().any(|w| w.is_zero()) {
        return Err(Degenerate("seuils ou coefficients incohérents".into()));
    }
    let mut rows = Vec::new();
    let mut inverted = Vec::new();
    for (i, (rec, freq, amount)) in data.iter().enumerate() {
        let marks = vec![
            dec_i(recency_mark(dec_i(*rec), &RECENCY) as i64),
            dec_i(mark_from_lower_bounds(dec_i(*freq), frequency) as i64),
            dec_i(mark_from_lower_bounds(*amount, &amount_bounds) as i64),
        ];
        let mut inv = marks.clone();
        inv[0] = dec!(6) - inv[0];
        inverted.push(score_of(&inv, &weights, how)?);
        rows.push(Row {
            name: names[i].clone(),
            cells: vec![n_(*rec), n_(*freq), euros(*amount)],
            score: score_of(&marks, &weights, how)?,
            marks,
        });
    }
    let tie_keys: Vec<Vec<Decimal>> = data
        .iter()
        .map(|(rec, _, amount)| vec![*amount, -dec_i(*rec)])
        .collect();
    let fixed = any_fixed(d, n.recence.iter().chain(&n.frequence).chain(&n.montant));
    let scored = Scored {
        rows,
        weights,
        high,
        low,
        tie_keys,
        fixed,
    };
    let segs = Segments {
        labels: [
            "clients à fidéliser",
            "clients à surveiller",
            "clients à réactiver",
        ],
        caveat: "Lisez toujours les notes derrière un score : un montant élevé avec une mauvaise récence peut annoncer un départ.",
    };

    // Questions 1–3: the marks of the detailed customer.
    let (rec, freq, amount) = data[asked];
    let row = &scored.rows[asked];
    let who = &row.name;
    let rec_bracket = bracket_text_recency(row.marks[0]);
    let mut rec_q = Question::new(
        "note_r",
        "note de récence",
        format!("Quelle note de récence obtient {who} ?"),
        row.marks[0],
        Unit::Number,
    )
    .mistake(
        dec!(6) - row.marks[0],
        "recence-inversee",
        "La récence se note à l'envers des autres critères : plus la dernière commande est récente (peu de jours), plus la note est élevée.",
    );
    if RECENCY.contains(&dec_i(rec)) {
        rec_q = rec_q.mistake(
            row.marks[0] + Decimal::ONE,
            "borne-mal-lue",
            "Une borne appartient à la tranche qui commence par elle : « 30 à 59 jours » contient 30, « moins de 30 » ne le contient pas.",
        );
    }
    let rec_q = rec_q.step(format!(
        "Dernière commande il y a {} jours : tranche « {rec_bracket} », note **{}**. Plus l'achat est récent, meilleure est la note.",
        n_(rec),
        number(row.marks[0], 0)
    ));
    let mut freq_q = Question::new(
        "note_f",
        "note de fréquence",
        format!("Quelle note de fréquence obtient {who} ?"),
        row.marks[1],
        Unit::Number,
    )
    .mistake(
        dec!(6) - row.marks[1],
        "frequence-inversee",
        format!(
            "Plus le client commande souvent, plus sa note de fréquence est élevée : {} commandes et plus donnent 5.",
            n_(int(frequency[3]))
        ),
    );
    if frequency.contains(&dec_i(freq)) {
        freq_q = freq_q.mistake(
            row.marks[1] - Decimal::ONE,
            "borne-mal-lue",
            "Une borne appartient à la tranche qui commence par elle : un nombre de commandes égal au minimum d'une tranche en fait partie.",
        );
    }
    let freq_q = freq_q.step(format!(
        "{} sur 12 mois : tranche « {} », note **{}**.",
        if freq > 1 {
            format!("{} commandes", n_(freq))
        } else {
            "1 commande".to_string()
        },
        bracket_text_lower(row.marks[1], frequency, false),
        number(row.marks[1], 0)
    ));
    let mut amount_q = Question::new(
        "note_m",
        "note de montant",
        format!("Quelle note de montant obtient {who} ?"),
        row.marks[2],
        Unit::Number,
    )
    .mistake(
        dec!(6) - row.marks[2],
        "montant-inverse",
        "Plus le client achète pour un montant élevé, plus sa note de montant est élevée.",
    );
    if amount_bounds.contains(&amount) {
        amount_q = amount_q.mistake(
            row.marks[2] - Decimal::ONE,
            "borne-mal-lue",
            "Une borne appartient à la tranche qui commence par elle : un montant égal au minimum d'une tranche en fait partie.",
        );
    }
    let amount_q = amount_q.step(format!(
        "{} d'achats sur 12 mois : tranche « {} », note **{}**.",
        euros(amount),
        bracket_text_lower(row.marks[2], &amount_bounds, true),
        number(row.marks[2], 0)
    ));

    // Question 4: the score of the detailed customer.
    let w = &scored.weights;
    let sum_expr = "coef_r * note_r + coef_f * note_f + coef_m * note_m";
    let formula = match how {
        Aggregation::WeightedSum => sum_expr.to_string(),
        Aggregation::WeightedMean => format!("arrondi2(({sum_expr}) / (coef_r + coef_f + coef_m))"),
    };
    let mut score_q = score_question(&scored, asked, how, formula, &["R", "F", "M"]);
    let mut inv = row.marks.clone();
    inv[0] = dec!(6) - inv[0];
    score_q = score_q.mistake(
        score_of(&inv, w, how)?,
        "recence-inversee",
        "La récence se note à l'envers : plus la dernière commande est récente, plus la note est élevée.",
    );
    let questions = vec![rec_q, freq_q, amount_q, score_q];
    let tax = if private { "TTC" } else { "HT" };
    let header = format!("| Client | Jours depuis la dernière commande | Commandes sur 12 mois | Montant {tax} sur 12 mois |\n|---|---|---|---|\n");
    let grid = format!(
        "| Note | Récence (jours) | Fréquence (commandes) | Montant {tax} |\n|---|---|---|---|\n\
         | 5 | moins de 30 | {} | {} et plus |\n\
         | 4 | 30 à 59 | {} | de {} à moins de {} |\n\
         | 3 | 60 à 119 | {} | de {} à moins de {} |\n\
         | 2 | 120 à 179 | {} | de {} à moins de {} |\n\
         | 1 | 180 et plus | 1 | moins de {} |",
        bracket_text_lower(dec!(5), frequency, false),
        euros(amount_bounds[3]),
        bracket_text_lower(dec!(4), frequency, false),
        euros(amount_bounds[2]),
        euros(amount_bounds[3]),
        bracket_text_lower(dec!(3), frequency, false),
        euros(amount_bounds[1]),
        euros(amount_bounds[2]),
        bracket_text_lower(dec!(2), frequency, false),
        euros(amount_bounds[0]),
        euros(amount_bounds[1]),
        euros(amount_bounds[0]),
    );
    let tie_text = match tie {
        TieRule::Break => "à score égal, le client au montant d'achats le plus élevé passe devant, puis, si besoin, celui dont la dernière commande est la plus récente",
        TieRule::Shared => "des clients à score égal partagent le même rang, et le rang suivant est sauté : 1, 2, 2, 4",
    };
    let s = &scene;
    let intro = format!(
        "{} {}, {} de {}, veut hiérarchiser le suivi de ses clients. \
         Voici les données de {count} clients extraites du fichier au {} :",
        s.contact.prenom,
        s.contact.nom,
        s.contact.genre.agree("commercial", "commerciale"),
        s.seller(),
        s.date.french()
    );
    let coefs = format!(
        "Coefficients : {} pour la récence, {} pour la fréquence, {} pour le montant.",
        number(w[0], 0),
        number(w[1], 0),
        number(w[2], 0)
    );
    finish(
        d,
        scored,
        segs,
        how,
        tie,
        questions,
        Some(inverted),
        format!("{intro}\n\n{header}{}\n\nLe barème RFM de l'entreprise est le suivant :\n\n{grid}\n\n{coefs}", table_rows(&data_rows_rfm(&data, &names))),
        tie_text,
        "client",
        &["R", "F", "M"],
    )
}

fn n_(x: i64) -> String {
    number(dec_i(x), 0)
}

fn data_rows_rfm(data: &[(i64, i64, Decimal)], names: &[String]) -> Vec<Vec<String>> {
    data.iter()
        .zip(names)
        .map(|((r, f, m), name)| vec![name.clone(), n_(*r), n_(*f), euros(*m)])
        .collect()
}

fn table_rows(rows: &[Vec<String>]) -> String {
    rows.iter()
        .map(|r| format!("| {} |", r.join(" | ")))
        .collect::<Vec<_>>()
        .join("\n")
}

fn bracket_text_recency(mark: Decimal) -> &'static str {
    match int(mark) {
        5 => "moins de 30 jours",
        4 => "30 à 59 jours",
        3 => "60 à 119 jours",
        2 => "120 à 179 jours",
        _ => "180 jours et plus",
    }
}

fn bracket_text_lower(mark: Decimal, bounds: &[Decimal], money: bool) -> String {
    let show = |x: Decimal| if money { euros(x) } else { number(x, 0) };
    let m = int(mark) as usize;
    if m <= 1 {
        format!("moins de {}", show(bounds[0]))
    } else if m > bounds.len() {
        format!("{} et plus", show(bounds[bounds.len() - 1]))
    } else if money {
        format!(
            "de {} à moins de {}",
            show(bounds[m - 2]),
            show(bounds[m - 1])
        )
    } else if bounds[m - 1] - bounds[m - 2] == Decimal::ONE {
        // « 2 », not « 2 à 2 ».
        show(bounds[m - 2])
    } else {
        format!(
            "{} à {}",
            show(bounds[m - 2]),
            show(bounds[m - 1] - Decimal::ONE)
        )
    }
}

/// The score question of individual `i`, with the mistakes both variants share.
fn score_question(
    scored: &Scored,
    i: usize,
    how: Aggregation,
    formula: String,
    short: &[&str],
) -> Question {
    let row = &scored.rows[i];
    let w = &scored.weights;
    let plain = match how {
        Aggregation::WeightedSum => row.marks.iter().copied().sum::<Decimal>(),
        Aggregation::WeightedMean => round_half_away(
            row.marks.iter().copied().sum::<Decimal>() / dec_i(row.marks.len() as i64),
            2,
        ),
    };
    let reversed: Vec<Decimal> = w.iter().rev().copied().collect();
    let swapped = weighted_score(&row.marks, &reversed, how).unwrap_or_default();
    let products: Vec<String> = row
        .marks
        .iter()
        .zip(w)
        .map(|(m, c)| format!("{} × {}", number(*c, 0), number(*m, 0)))
        .collect();
    let sum = weighted_score(&row.marks, w, Aggregation::WeightedSum).unwrap_or_default();
    let total_w: Decimal = w.iter().copied().sum();
    let letters = short.join(", ");
    let (q, step) = match how {
        Aggregation::WeightedSum => (
            Question::new(
                "score",
                "score pondéré",
                format!("Calculez le score obtenu par {}.", row.name),
                row.score,
                Unit::Number,
            )
            .mistake(
                plain,
                "coefficients-oublies",
                "Chaque note doit être multipliée par le coefficient de son critère avant d'additionner.",
            )
            .mistake(
                round_half_away(sum / total_w, 2),
                "divise-par-somme-coefficients",
                "L'énoncé définit le score comme la somme pondérée Σ note × coefficient, sans division par la somme des coefficients.",
            ),
            format!(
                "Score = Σ note × coefficient ({letters}) = {} = **{}** points.",
                products.join(" + "),
                number(row.score, 0)
            ),
        ),
        Aggregation::WeightedMean => (
            Question::new(
                "score",
                "score pondéré",
                format!("Calculez le score obtenu par {} (sur 5, arrondi à 0,01).", row.name),
                row.score,
                Unit::Number,
            )
            .tolerance(dec!(0.01))
            .mistake(
                plain,
                "coefficients-oublies",
                "Chaque note doit être multipliée par le coefficient de son critère : la moyenne simple des notes ignore la pondération.",
            )
            .mistake(
                sum,
                "non-divise-par-somme-coefficients",
                "Le score est une moyenne pondérée : divisez la somme des notes × coefficients par la somme des coefficients.",
            ),
            format!(
                "Score = Σ note × coefficient ÷ Σ coefficients = ({}) ÷ {} = {} ÷ {} = **{}** (arrondi à 0,01).",
                products.join(" + "),
                number(total_w, 0),
                number(sum, 0),
                number(total_w, 0),
                number(row.score, 2)
            ),
        ),
    };
    q.mistake(
        swapped,
        "coefficients-intervertis",
        "Chaque coefficient s'applique à son propre critère : vérifiez que vous n'avez pas associé les coefficients aux mauvais critères.",
    )
    .formula(formula)
    .step(step)
}

#[allow(clippy::too_many_arguments)]
fn finish(
    d: &mut Draw,
    scored: Scored,
    segs: Segments,
    how: Aggregation,
    tie: TieRule,
    mut questions: Vec<Question>,
    inverted: Option<Vec<Decimal>>,
    data_block: String,
    tie_text: &str,
    who: &str,
    short: &[&str],
) -> Result<Content, Degenerate> {
    let count = scored.rows.len();
    let scores: Vec<Decimal> = scored.rows.iter().map(|r| r.score).collect();
    let thresholds = [scored.high, scored.low];
    if tie == TieRule::Break && has_unbroken_tie(&scores, &scored.tie_keys) {
        return Err(Degenerate(
            "égalité que le critère de départage ne tranche pas".into(),
        ));
    }
    let segment_of: Vec<usize> = scores.iter().map(|s| segment(*s, &thresholds)).collect();
    let counts: Vec<usize> = (0..3)
        .map(|k| segment_of.iter().filter(|s| **s == k).count())
        .collect();
    if counts.contains(&0) && !scored.fixed {
        return Err(Degenerate("segment vide".into()));
    }
    // A score equal to a threshold put in the lower segment.
    let strict: Vec<usize> = scores
        .iter()
        .map(|s| {
            thresholds
                .iter()
                .position(|t| *s > *t)
                .unwrap_or(thresholds.len())
        })
        .collect();
    let strict_counts: Vec<usize> = (0..3)
        .map(|k| strict.iter().filter(|s| **s == k).count())
        .collect();
    let inv_counts: Option<Vec<usize>> = inverted.as_ref().map(|inv| {
        (0..3)
            .map(|k| {
                inv.iter()
                    .filter(|s| segment(**s, &thresholds) == k)
                    .count()
            })
            .collect()
    });
    let rank = ranks(&scores, &scored.tie_keys, tie);
    let show = |x: Decimal| score_text(x, how);

    // The full table of scores, in the order of the file.
    let mut table = format!(
        "| {} | {} | Score | Segment |\n|---|{}---|---|\n",
        crate::text::capitalise(who),
        short.join(" | "),
        "---|".repeat(short.len())
    );
    for (i, r) in scored.rows.iter().enumerate() {
        let marks: Vec<String> = r.marks.iter().map(|m| number(*m, 0)).collect();
        table.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            r.name,
            marks.join(" | "),
            show(r.score),
            segs.labels[segment_of[i]]
        ));
    }
    let keys = ["nb_segment_1", "nb_segment_2", "nb_segment_3"];
    let labels = [
        "effectif du premier segment",
        "effectif du deuxième segment",
        "effectif du troisième segment",
    ];
    let ranges = [
        format!("score de {} et plus", show(scored.high)),
        format!(
            "score de {} à moins de {}",
            show(scored.low),
            show(scored.high)
        ),
        format!("score inférieur à {}", show(scored.low)),
    ];
    for k in 0..3 {
        let mut q = Question::new(
            keys[k],
            labels[k],
            format!(
                "Combien de {who}s le fichier compte-t-il dans le segment « {} » ({}) ?",
                segs.labels[k], ranges[k]
            ),
            dec_i(counts[k] as i64),
            Unit::Number,
        )
        .mistake(
            dec_i(strict_counts[k] as i64),
            "seuil-exclu",
            "Un score égal au seuil appartient au segment supérieur : « de 30 et plus » contient 30.",
        );
        if let Some(ic) = &inv_counts {
            q = q.mistake(
                dec_i(ic[k] as i64),
                "recence-inversee",
                "Avec la récence notée à l'envers, les scores et donc les segments sont faux : plus l'achat est récent, meilleure est la note.",
            );
        }
        if k == 2 {
            q = q.formula("nb_individus - nb_segment_1 - nb_segment_2");
        }
        let members: Vec<String> = scored
            .rows
            .iter()
            .zip(&segment_of)
            .filter(|(_, s)| **s == k)
            .map(|(r, _)| r.name.clone())
            .collect();
        let list = if members.is_empty() {
            "aucun".to_string()
        } else {
            crate::text::french_list(&members)
        };
        let step = if k == 0 {
            format!(
                "Scores de tout le fichier (un score égal à un seuil appartient au segment supérieur) :\n\n{table}\n\
                 Segment « {} » ({}) : {list}, soit **{}**.",
                segs.labels[k], ranges[k], counts[k]
            )
        } else if k == 2 {
            format!(
                "Segment « {} » ({}) : {list}, soit **{}** (vérification : {count} − {} − {} = {}).",
                segs.labels[k], ranges[k], counts[k], counts[0], counts[1], counts[2]
            )
        } else {
            format!(
                "Segment « {} » ({}) : {list}, soit **{}**.",
                segs.labels[k], ranges[k], counts[k]
            )
        };
        questions.push(q.step(step));
    }

    // The rank of one individual, preferably one with an equal score when there is one.
    let tied: Vec<usize> = (0..count)
        .filter(|&i| (0..count).any(|j| j != i && scores[j] == scores[i]))
        .collect();
    let pick = d.number("individu_rang", |r| {
        if !tied.is_empty() && r.chance(2, 3) {
            dec_i(*r.pick(&tied) as i64 + 1)
        } else {
            dec_i(r.int(1, count as i64))
        }
    });
    let target = int(pick) as usize;
    if target == 0 || target > count {
        return Err(Degenerate(
            "individu_rang dépasse le nombre d'individus".into(),
        ));
    }
    let t = target - 1;
    let ascending = 1 + (0..count).filter(|&j| scores[j] < scores[t]).count();
    let other_rule = match tie {
        TieRule::Break => TieRule::Shared,
        TieRule::Shared => TieRule::Break,
    };
    let other = ranks(&scores, &scored.tie_keys, other_rule)[t];
    let mut rank_q = Question::new(
        "rang",
        "rang dans le classement",
        format!(
            "Classez les {who}s par score décroissant. Quel rang occupe {} ?",
            scored.rows[t].name
        ),
        dec_i(rank[t] as i64),
        Unit::Number,
    )
    .mistake(
        dec_i(ascending as i64),
        "classement-croissant",
        "Le classement se fait par score décroissant : le meilleur score est au rang 1.",
    )
    .mistake(
        dec_i(other as i64),
        "egalite-mal-traitee",
        match tie {
            TieRule::Break => "À score égal, l'énoncé fixe un critère de départage : appliquez-le au lieu de donner le même rang.",
            TieRule::Shared => "À score égal, l'énoncé donne le même rang aux individus concernés (et saute le rang suivant), sans départage.",
        },
    );
    if let Some(inv) = &inverted {
        let r_inv = ranks(inv, &scored.tie_keys, tie)[t];
        rank_q = rank_q.mistake(
            dec_i(r_inv as i64),
            "recence-inversee",
            "Avec la récence notée à l'envers, le classement est faux : plus l'achat est récent, meilleure est la note.",
        );
    }
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&i| (rank[i], i));
    let mut ranking = format!(
        "| Rang | {} | Score |\n|---|---|---|\n",
        crate::text::capitalise(who)
    );
    for i in &order {
        ranking.push_str(&format!(
            "| {} | {} | {} |\n",
            rank[*i],
            scored.rows[*i].name,
            show(scores[*i])
        ));
    }
    questions.push(rank_q.step(format!(
        "Classement par score décroissant ; {tie_text}.\n\n{ranking}\n{} occupe le rang **{}**.",
        scored.rows[t].name, rank[t]
    )));

    let score_rule = match how {
        Aggregation::WeightedSum => {
            "Le score d'un individu est la somme de ses notes multipliées par les coefficients (Σ note × coefficient).".to_string()
        }
        Aggregation::WeightedMean => {
            "Le score d'un individu est la moyenne pondérée de ses notes : Σ note × coefficient ÷ Σ coefficients, arrondie à 0,01 (note sur 5).".to_string()
        }
    };
    let statement = format!(
        "{data_block}\n\n**Règles.** {score_rule} Segments : « {} » ({}), « {} » ({}), « {} » ({}) ; \
         un score égal à un seuil appartient au segment supérieur. Classement : {tie_text}.",
        segs.labels[0], ranges[0], segs.labels[1], ranges[1], segs.labels[2], ranges[2]
    );
    let max_text = match how {
        Aggregation::WeightedSum => format!(
            "Score maximal possible : 5 × ({}) = {} points.",
            scored
                .weights
                .iter()
                .map(|w| number(*w, 0))
                .collect::<Vec<_>>()
                .join(" + "),
            number(dec!(5) * scored.weights.iter().copied().sum::<Decimal>(), 0)
        ),
        Aggregation::WeightedMean => "Score maximal possible : 5.".to_string(),
    };
    Ok(Content {
        statement,
        questions,
        solution_intro: format!(
            "*{score_rule} {max_text} Les notes vont de 1 à 5.*"
        ),
        solution_outro: format!(
            "*Action.* Le segment « {} » ({} {}) reçoit l'effort le plus soutenu (visites, offres personnalisées) ; \
             le segment « {} » ({}) un suivi régulier à moindre coût (téléphone, courriel) ; \
             le segment « {} » ({}) une action ciblée et peu coûteuse, ou l'abandon. {}",
            segs.labels[0],
            counts[0],
            crate::text::by_count(counts[0].into(), who, &format!("{who}s")),
            segs.labels[1],
            counts[1],
            segs.labels[2],
            counts[2],
            segs.caveat
        ),
    })
}

fn build_grid(
    d: &mut Draw,
    count: usize,
    asked: usize,
    how: Aggregation,
    tie: TieRule,
) -> Result<Content, Degenerate> {
    let scene = Scene::draw(d.rng());
    if scene.business.clientele == Clientele::Particuliers {
        return Err(Degenerate(
            "grille de prospects B to B pour un vendeur aux particuliers".into(),
        ));
    }
    let members = draw_file(d.rng(), scene.business, count, false, true);
    if members.len() < count {
        return Err(Degenerate("pas assez de prospects distincts".into()));
    }
    let names: Vec<String> = members.into_iter().map(|m| m.name).collect();
    let crit_idx = d.rng().distinct(pools().critere.len(), CRITERIA);
    let criteria: Vec<&str> = crit_idx
        .iter()
        .map(|i| pools().critere[*i].nom.as_str())
        .collect();
    let n = &*NAMES;
    let set = *d.rng().pick(&GRID_WEIGHTS);
    let weights: Vec<Decimal> = (0..CRITERIA)
        .map(|j| d.number(n.poids[j].as_str(), |_| dec_i(set[j])))
        .collect();
    let mut rows = Vec::new();
    for (i, name) in names.iter().enumerate() {
        // A prospect's level drives its marks, so that the file spreads over the segments.
        let level = d.rng().int(1, 5);
        let marks: Vec<Decimal> = (0..CRITERIA)
            .map(|j| {
                d.number(n.notes[i][j].as_str(), |r| {
                    dec_i((level + r.int(-1, 1)).clamp(1, 5))
                })
            })
            .collect();
        rows.push(Row {
            name: name.clone(),
            cells: marks.iter().map(|m| number(*m, 0)).collect(),
            score: score_of(&marks, &weights, how)?,
            marks,
        });
    }
    let (high, low) = draw_thresholds(d, &weights, how);
    if low >= high {
        return Err(Degenerate("seuil bas supérieur au seuil haut".into()));
    }
    // Tie-break: the marks taken by decreasing weight (first listed criterion first
    // among equal weights).
    let mut by_weight: Vec<usize> = (0..CRITERIA).collect();
    by_weight.sort_by(|a, b| weights[*b].cmp(&weights[*a]).then(a.cmp(b)));
    let tie_keys: Vec<Vec<Decimal>> = rows
        .iter()
        .map(|r| by_weight.iter().map(|j| r.marks[*j]).collect())
        .collect();
    let fixed = any_fixed(d, n.notes.iter().flatten());
    let scored = Scored {
        rows,
        weights,
        high,
        low,
        tie_keys,
        fixed,
    };
    let terms: Vec<String> = (0..CRITERIA)
        .map(|j| format!("{} * {}", n.poids[j], n.notes[asked][j]))
        .collect();
    let sum_expr = terms.join(" + ");
    let formula = match how {
        Aggregation::WeightedSum => sum_expr,
        Aggregation::WeightedMean => format!("arrondi2(({sum_expr}) / ({}))", n.poids.join(" + ")),
    };
    let short = ["C1", "C2", "C3", "C4"];
    let score_q = score_question(&scored, asked, how, formula, &short);
    let mut table = "| Prospect | C1 | C2 | C3 | C4 |\n|---|---|---|---|---|\n".to_string();
    for r in &scored.rows {
        table.push_str(&format!("| {} | {} |\n", r.name, r.cells.join(" | ")));
    }
    let mut grid = "| Critère | Coefficient |\n|---|---|\n".to_string();
    for (j, (name, w)) in criteria.iter().zip(&scored.weights).enumerate() {
        grid.push_str(&format!("| C{} — {name} | {} |\n", j + 1, number(*w, 0)));
    }
    let s = &scene;
    let first = by_weight[0];
    let tie_text = match tie {
        TieRule::Break => format!(
            "à score égal, le prospect qui a la meilleure note au critère de plus fort coefficient (C{}) passe devant, puis au suivant par coefficient décroissant",
            first + 1
        ),
        TieRule::Shared => "des prospects à score égal partagent le même rang, et le rang suivant est sauté : 1, 2, 2, 4".to_string(),
    };
    let data_block = format!(
        "{} {}, {} de {}, doit choisir les prospects à démarcher au trimestre prochain. \
         {count} prospects ont été évalués sur quatre critères, de 1 (défavorable) à 5 (très favorable), \
         et l'entreprise pondère ces critères ainsi :\n\n{grid}\n\
         Notes attribuées au {} :\n\n{}",
        s.contact.prenom,
        s.contact.nom,
            s.contact.genre.agree("commercial", "commerciale"),
        s.seller(),
        s.date.french(),
        table.trim_end()
    );
    let segs = Segments {
        labels: [
            "à prospecter en priorité (visite)",
            "à suivre (relance téléphonique)",
            "à abandonner pour l'instant",
        ],
        caveat: "Une grille n'est qu'un outil : un prospect mal noté sur un seul critère décisif mérite un second regard avant d'être abandonné.",
    };
    finish(
        d,
        scored,
        segs,
        how,
        tie,
        vec![score_q],
        None,
        data_block,
        &tie_text,
        "prospect",
        &short,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercises::segmentation::portfolio_pool::kinds_of;
    use crate::generate::generate;
    use crate::model::Instance;
    use crate::world::world;
    use std::collections::BTreeMap;

    fn of(variant: &str) -> BTreeMap<String, String> {
        BTreeMap::from([("variante".to_string(), variant.to_string())])
    }

    /// The company a statement opens with (a customer may bear another company's name).
    fn company(inst: &Instance) -> &'static Business {
        world()
            .entreprise
            .iter()
            .filter_map(|b| inst.statement.find(&b.nom).map(|at| (at, b)))
            .min_by_key(|(at, b)| (*at, usize::MAX - b.nom.len()))
            .expect("la société est nommée")
            .1
    }

    fn param(inst: &Instance, name: &str) -> Decimal {
        inst.params
            .get(name)
            .and_then(|v| v.as_number())
            .unwrap_or_else(|| panic!("{name}"))
    }

    #[test]
    fn a_file_holds_customers_of_the_kinds_the_company_sells_to() {
        let mut r = Rng::from_seed(16);
        let w = world();
        for seed in 0..600 {
            let b = &w.entreprise[seed % w.entreprise.len()];
            let households = b.clientele == Clientele::Particuliers;
            let prospects = !households && seed % 2 == 0;
            let count = 6 + seed % 5;
            let file = draw_file(&mut r, b, count, households, prospects);
            assert_eq!(file.len(), count, "{}", b.nom);
            let kinds = kinds_of(b);
            for (i, m) in file.iter().enumerate() {
                assert!(
                    kinds.contains(&m.kind),
                    "{} : {} ({})",
                    b.nom,
                    m.name,
                    m.kind
                );
                assert_eq!(m.kind == INDIVIDUAL, households, "{} : {}", b.nom, m.name);
                assert!(!(prospects && m.kind == LOCAL_AUTHORITY), "{}", m.name);
                if i > 0 {
                    assert!(
                        sort_key(&file[i - 1].name) < sort_key(&m.name),
                        "{}",
                        m.name
                    );
                }
            }
        }
    }

    /// The amounts of an RFM file follow the company: brackets a round number near a
    /// quarter of its average customer, every amount within a few average customers,
    /// made of orders its customers' kinds place, the file within one salesperson's
    /// portfolio.
    #[test]
    fn an_rfm_file_is_on_the_company_s_scale() {
        let (mut lo, mut hi) = (dec!(100), Decimal::ZERO);
        let (mut unit_lo, mut unit_hi) = (dec!(100), Decimal::ZERO);
        for seed in 0..600 {
            let inst = generate("segmentation/scoring", seed, &of("rfm")).unwrap();
            let b = company(&inst);
            let households = b.clientele == Clientele::Particuliers;
            let tax = tax_factor(b, households);
            assert_eq!(
                inst.statement.contains("Montant TTC"),
                households,
                "graine {seed}"
            );
            let average = b.turnover_per_customer() * tax;
            let unit = param(&inst, "unite_montant");
            let ratio = average / unit;
            assert!(
                ratio >= dec!(2.6) && ratio <= dec!(6.1),
                "graine {seed} : unité {unit} pour un client moyen de {average}"
            );
            unit_lo = unit_lo.min(ratio);
            unit_hi = unit_hi.max(ratio);
            let reaches: Vec<Reach> = kinds_of(b)
                .into_iter()
                .filter(|k| (*k == INDIVIDUAL) == households)
                .map(|k| Reach::of(b, k, tax))
                .collect();
            let count = param(&inst, "nb_individus");
            let mut total = Decimal::ZERO;
            for i in 1..=int(count) {
                let amount = param(&inst, &format!("montant_{i}"));
                let orders = int(param(&inst, &format!("frequence_{i}")));
                let days = int(param(&inst, &format!("recence_{i}")));
                total += amount;
                let basket = amount / dec_i(orders);
                assert!(
                    reaches
                        .iter()
                        .any(|k| k.lo <= basket && basket <= k.hi && orders <= k.most),
                    "graine {seed} : {orders} commandes pour {amount}"
                );
                assert!(
                    days <= latest_recency(orders),
                    "graine {seed} : {days} j, {orders} commandes"
                );
                let floor = reaches.iter().map(|k| k.lo).min().unwrap();
                let share = amount / average;
                assert!(
                    share <= dec!(6) && (share >= dec!(0.05) || amount <= floor * dec!(2)),
                    "graine {seed} : {amount} pour un client moyen de {average}"
                );
                lo = lo.min(share);
                hi = hi.max(share);
            }
            assert!(total <= Decimal::from(b.ca_annuel), "graine {seed}");
            assert!(
                total <= b.turnover_per_salesperson() * tax,
                "graine {seed} : {total} > portefeuille d'un commercial"
            );
        }
        // Measured over 600 seeds: amounts from 0,07 to 5,03 average customers, the
        // average customer 2,82 to 6 bracket units (2,63 to 6,05 possible: a round
        // number within √2 of a quarter, the average drawn within 7 %).
        eprintln!(
            "montants : {} à {} clients moyens ; client moyen : {} à {} unités",
            lo.round_dp(2),
            hi.round_dp(2),
            unit_lo.round_dp(2),
            unit_hi.round_dp(2)
        );
    }
}

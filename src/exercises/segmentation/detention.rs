//! `segmentation/detention`: product holding indicators of a customer file and the
//! target of a cross-selling action (S522, S432).
//!
//! The file is that of a company of the world holding its three or four products.
//! Variant `tableau`: a sample of 10 to 14 customers × products; variant `effectifs`:
//! the counts of the whole file. Questions: holding rate of a product, average number
//! of products per customer, multi-equipment rate (at least two products), average
//! basket, loyalty and repurchase rates, and the customers who hold product A but not
//! product B. Holding and multi-equipment rates and the average are read on the WHOLE
//! file (customers who bought nothing this year included); the repurchase rate on this
//! year's buyers; the loyalty rate on last year's customers. Rates in percent and
//! averages rounded to 0,01, half away from zero.
//!
//! Magnitudes come from the company: a whole file's active customers are its `clients`
//! (one customer in eight of the file bought nothing this year), the buyers' turnover
//! is its turnover per customer (within the spread), orders are of its typical value
//! and no more frequent than its customers order, and a product is held by no more
//! customers than its turnover pays one smallest order each for.

use super::portfolio_pool::{draw_members, orders_per_year_max};
use crate::calc::holding::{average_amount, rate, ratio, Holdings};
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::round_half_away;
use crate::rng::Rng;
use crate::text::by_count;
use crate::text::{capitalise, french_list};
use crate::world::scale::spread;
use crate::world::{Business, Clientele, Product, INDIVIDUAL};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::sync::LazyLock;

pub struct Detention;

const MAX_PRODUCTS: usize = 5;
const MIN_PRODUCTS: usize = 3;
const MAX_ROWS: usize = 14;
/// The largest file of the `effectifs` variant: its customers are simulated one by one.
const MAX_BASE: i64 = 20_000;
const VARIANTS: &[(&str, &str)] = &[
    ("tableau", "tableau clients × produits d'un petit fichier"),
    (
        "effectifs",
        "effectifs d'un fichier de plusieurs centaines de clients",
    ),
];
/// How likely a customer is to hold each product, in tenths, by rank of the product's
/// share of turnover (the first is the core of the offer), before the product's
/// turnover caps it.
const POPULARITY: [u64; MAX_PRODUCTS] = [8, 6, 4, 3, 2];
/// The share of a file's customers who bought nothing in the year: one in eight.
const INACTIVE: (u64, u64) = (1, 8);

struct Names {
    holders: Vec<String>,
    rows: Vec<String>,
    desc: Vec<String>,
}

static NAMES: LazyLock<Names> = LazyLock::new(|| {
    let mut desc: Vec<String> = (1..=MAX_PRODUCTS)
        .map(|p| format!("clients détenteurs du produit n° {p} (variante effectifs)"))
        .collect();
    desc.extend((1..=MAX_ROWS).map(|c| {
        format!(
            "produits du client n° {c} (variante tableau) : somme des codes des produits détenus \
             (produit 1 = 1, 2 = 2, 3 = 4, 4 = 8, 5 = 16 ; 0 = aucun)"
        )
    }));
    Names {
        holders: (1..=MAX_PRODUCTS)
            .map(|p| format!("detenteurs_{p}"))
            .collect(),
        rows: (1..=MAX_ROWS)
            .map(|c| format!("produits_client_{c}"))
            .collect(),
        desc,
    }
});

fn dec_i(x: i64) -> Decimal {
    Decimal::from(x)
}

fn int(x: Decimal) -> i64 {
    i64::try_from(x).unwrap_or(-1)
}

fn n_(x: i64) -> String {
    number(dec_i(x), 0)
}

fn need<T>(x: Option<T>) -> Result<T, Degenerate> {
    x.ok_or_else(|| Degenerate("effectif nul au dénominateur".into()))
}

/// How likely a customer of `b` is to hold each of its products in the year, in
/// thousandths: the product's rank of popularity, capped so that its holders (among the
/// company's active customers) buy on average at least one smallest order of it, nine
/// tenths of what its turnover pays for. Also the product an active customer who drew
/// none holds: the one whose turnover leaves the most room under its cap.
pub fn holding_odds(b: &Business) -> (Vec<u64>, usize) {
    let mut by_share: Vec<usize> = (0..b.produit.len()).collect();
    by_share.sort_by(|x, y| {
        b.produit[*y]
            .part_ca
            .cmp(&b.produit[*x].part_ca)
            .then(x.cmp(y))
    });
    let mut odds = vec![0; b.produit.len()];
    let mut room = vec![0; b.produit.len()];
    for (rank, &i) in by_share.iter().enumerate() {
        let p = &b.produit[i];
        let cap = b.product_turnover(p) * dec!(900)
            / (Decimal::from(b.clients.max(1)) * smallest_order(p));
        let cap = u64::try_from(cap.floor()).unwrap_or(u64::MAX).max(1);
        odds[i] = (POPULARITY[rank.min(MAX_PRODUCTS - 1)] * 100).min(cap);
        room[i] = cap - odds[i];
    }
    let fallback = (0..odds.len())
        .max_by_key(|p| (room[*p], usize::MAX - p))
        .unwrap_or(0);
    (odds, fallback)
}

/// The value HT of the smallest order of `p`, whoever buys it.
pub fn smallest_order(p: &Product) -> Decimal {
    p.acheteurs
        .keys()
        .filter_map(|k| p.order_value_range(k).map(|(lo, _)| lo))
        .min()
        .unwrap_or(p.prix_ht_min)
        .max(dec!(0.01))
}

/// The value HT of a typical order of `b`: the products' turnover over their orders,
/// each order of a product at its mid quantity (over its buyer kinds) and mid price.
pub fn typical_order(b: &Business) -> Decimal {
    let (mut turnover, mut orders) = (Decimal::ZERO, Decimal::ZERO);
    for p in &b.produit {
        let kinds = p.acheteurs.len().max(1);
        let qty: Decimal = p
            .acheteurs
            .values()
            .map(|[lo, hi]| Decimal::from(lo + hi) / Decimal::TWO)
            .sum::<Decimal>()
            / Decimal::from(kinds as u64);
        let order = (qty * p.mid_price()).max(dec!(0.01));
        turnover += b.product_turnover(p);
        orders += b.product_turnover(p) / order;
    }
    if orders.is_zero() {
        Decimal::ONE
    } else {
        turnover / orders
    }
}

/// The most orders one active customer of `b` places in a year, on average.
fn orders_per_customer_max(b: &Business) -> i64 {
    match b.clientele {
        Clientele::Particuliers => orders_per_year_max(INDIVIDUAL),
        Clientele::Mixte => orders_per_year_max(crate::world::ASSOCIATION),
        Clientele::Professionnels => orders_per_year_max("professionnel"),
    }
}

/// One simulated customer: which products they hold (an active customer who drew none
/// holds the `fallback`).
fn draw_customer(r: &mut Rng, odds: &[u64], fallback: usize) -> u64 {
    if r.chance(INACTIVE.0, INACTIVE.1) {
        return 0;
    }
    let mut mask = 0u64;
    for (p, o) in odds.iter().enumerate() {
        if r.chance(*o, 1000) {
            mask |= 1 << p;
        }
    }
    if mask == 0 {
        1 << fallback
    } else {
        mask
    }
}

fn rows_of(masks: &[u64], k: usize) -> Vec<Vec<bool>> {
    masks
        .iter()
        .map(|m| (0..k).map(|p| m & (1 << p) != 0).collect())
        .collect()
}

fn both(masks: &[u64], a: usize, b: usize) -> i64 {
    masks
        .iter()
        .filter(|m| *m & (1 << a) != 0 && *m & (1 << b) != 0)
        .count() as i64
}

impl Exercise for Detention {
    fn id(&self) -> &'static str {
        "segmentation/detention"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        let n = &*NAMES;
        let mut specs = vec![
            ParamSpec::variant("variante", "forme des données", VARIANTS),
            ParamSpec::integer(
                "nb_clients",
                "nombre de clients du tableau (variante tableau)",
                10,
                14,
            ),
        ];
        for c in 0..MAX_ROWS {
            specs.push(ParamSpec::integer(
                &n.rows[c],
                &n.desc[MAX_PRODUCTS + c],
                0,
                31,
            ));
        }
        specs.push(ParamSpec::integer(
            "base",
            "nombre de clients du fichier (variante effectifs)",
            1,
            MAX_BASE,
        ));
        for p in 0..MAX_PRODUCTS {
            specs.push(ParamSpec::integer(&n.holders[p], &n.desc[p], 0, 10_000_000));
        }
        specs.extend([
            ParamSpec::integer(
                "sans_produit",
                "clients qui ne détiennent aucun produit (variante effectifs)",
                0,
                10_000_000,
            ),
            ParamSpec::integer(
                "un_seul_produit",
                "clients qui détiennent un seul produit (variante effectifs)",
                0,
                10_000_000,
            ),
            ParamSpec::integer(
                "a_et_b",
                "clients qui détiennent à la fois A et B (variante effectifs)",
                0,
                10_000_000,
            ),
            ParamSpec::integer("produit_a", "numéro du produit A, déjà détenu", 1, 5),
            ParamSpec::integer("produit_b", "numéro du produit B, à proposer", 1, 5),
            ParamSpec::decimal(
                "ca",
                "chiffre d'affaires de l'année",
                "1",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::integer("nb_achats", "nombre d'achats de l'année", 1, 100_000_000),
            ParamSpec::integer(
                "clients_annee_precedente",
                "clients acheteurs de l'année précédente",
                1,
                10_000_000,
            ),
            ParamSpec::integer(
                "clients_fideles",
                "clients de l'année précédente qui ont de nouveau acheté cette année",
                0,
                10_000_000,
            ),
            ParamSpec::integer(
                "clients_plusieurs_achats",
                "clients qui ont acheté au moins deux fois dans l'année",
                0,
                10_000_000,
            ),
        ]);
        specs
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        // Cross-selling needs a third product beside A and B.
        let scene = loop {
            let scene = Scene::draw(d.rng());
            if scene.business.produit.len() >= MIN_PRODUCTS {
                break scene;
            }
        };
        let b = scene.business;
        let products = &b.produit;
        let k = products.len().min(MAX_PRODUCTS);
        let (odds, fallback) = holding_odds(b);
        let variant = d.choice("variante");
        let table = variant == "tableau";
        let n = &*NAMES;
        let mut names = Vec::new();
        let (h, masks) = if table {
            let count = d.integer("nb_clients") as usize;
            names = draw_members(d.rng(), b, count)
                .into_iter()
                .map(|m| m.name)
                .collect();
            if names.len() < count {
                return Err(Degenerate("pas assez de noms distincts".into()));
            }
            let mut masks = Vec::new();
            for c in 0..count {
                let m = int(d.number(n.rows[c].as_str(), |r| {
                    dec_i(draw_customer(r, &odds, fallback) as i64)
                }));
                if m < 0 || m >= 1 << k {
                    return Err(Degenerate("code de produits hors de la gamme".into()));
                }
                masks.push(m as u64);
            }
            (Holdings::from_rows(&rows_of(&masks, k)), Some(masks))
        } else {
            // The file: the company's active customers, and the one in eight who
            // bought nothing this year.
            let base = int(d.number("base", |_| {
                dec_i(i64::from(b.clients) * INACTIVE.1 as i64 / (INACTIVE.1 - INACTIVE.0) as i64)
            }));
            let mut sim = Vec::new();
            for _ in 0..base.clamp(0, MAX_BASE) {
                sim.push(draw_customer(d.rng(), &odds, fallback));
            }
            let guess = Holdings::from_rows(&rows_of(&sim, k));
            let holders = (0..k)
                .map(|p| int(d.number(n.holders[p].as_str(), |_| dec_i(guess.holders[p]))))
                .collect();
            let none = int(d.number("sans_produit", |_| dec_i(guess.none)));
            let single = int(d.number("un_seul_produit", |_| dec_i(guess.single)));
            (
                Holdings {
                    base,
                    holders,
                    none,
                    single,
                },
                Some(sim),
            )
        };
        // A teacher's data (a textbook case) may have no inactive customer; a drawn file
        // always has some of each kind, so that every classic mistake shows.
        let data_fixed = ["base", "sans_produit", "un_seul_produit"]
            .iter()
            .any(|p| d.is_fixed(p))
            || n.rows.iter().any(|p| d.is_fixed(p));
        if (k..MAX_PRODUCTS).any(|p| d.is_fixed(&n.holders[p])) {
            return Err(Degenerate(
                format!("détenteurs fixés pour un produit au-delà des {k} produits du fichier")
                    .into(),
            ));
        }
        if !h.is_feasible() {
            return Err(Degenerate("effectifs de détention incohérents".into()));
        }
        if !data_fixed && (h.none == 0 || h.multi() == 0 || h.single == 0) {
            return Err(Degenerate(
                "fichier sans client inactif, mono- ou multi-équipé".into(),
            ));
        }
        let base = h.base;
        let buyers = base - h.none;

        // Products A (already held, popular) and B (to sell to A's holders).
        let mut by_holders: Vec<usize> = (0..k).collect();
        by_holders.sort_by(|x, y| h.holders[*y].cmp(&h.holders[*x]).then(x.cmp(y)));
        let a = int(d.number("produit_a", |r| {
            dec_i(by_holders[r.int(0, 1) as usize] as i64 + 1)
        }));
        let b = int(d.number("produit_b", |r| {
            let rest: Vec<usize> = by_holders
                .iter()
                .copied()
                .filter(|p| *p + 1 != a as usize)
                .skip(1)
                .collect();
            dec_i(*r.pick(&rest) as i64 + 1)
        }));
        if a < 1 || b < 1 || a == b || a as usize > k || b as usize > k {
            return Err(Degenerate(
                format!("produits A et B distincts et compris entre 1 et {k} attendus").into(),
            ));
        }
        let (ai, bi) = (a as usize - 1, b as usize - 1);
        let ab = if table {
            both(masks.as_deref().unwrap_or(&[]), ai, bi)
        } else {
            let sim = masks.as_deref().unwrap_or(&[]);
            int(d.number("a_et_b", |_| dec_i(both(sim, ai, bi))))
        };
        let (ha, hb) = (h.holders[ai], h.holders[bi]);
        if ab < 0 || ab > ha.min(hb) || ab < ha + hb - buyers || (ha == ab && !data_fixed) {
            return Err(Degenerate(
                "effectif de A et B incohérent ou cible vide".into(),
            ));
        }

        // Commercial figures of the year: the buyers' turnover at the company's turnover
        // per customer, in orders of its typical value, as many a year as its customers
        // place.
        let ca = d.number("ca", |r| {
            let ca = spread(
                scene.business.turnover_per_customer() * dec_i(buyers),
                |lo, hi| r.int(lo, hi),
            );
            if table {
                ca.round()
            } else {
                round_half_away(ca / dec!(100), 0) * dec!(100)
            }
        });
        let purchases = int(d.number("nb_achats", |_| {
            let least = buyers * 5 / 4 + 1;
            let most = buyers * orders_per_customer_max(scene.business);
            let orders = (ca / typical_order(scene.business)).round();
            dec_i(
                i64::try_from(orders)
                    .unwrap_or(least)
                    .clamp(least, most.max(least)),
            )
        }));
        let prev = int(d.number("clients_annee_precedente", |r| {
            dec_i(buyers + r.int(-(buyers / 6), buyers / 5))
        }));
        let loyal = int(d.number("clients_fideles", |r| {
            let pct = r.int(55, 85);
            dec_i((prev.min(buyers) * pct + 50) / 100)
        }));
        // A customer who bought twice accounts for two of the purchases at least.
        // The more orders per buyer, the more buyers ordered twice or more.
        let per_buyer = dec_i(purchases) / dec_i(buyers.max(1));
        let (lo, hi) = if per_buyer >= dec!(4) {
            (80, 95)
        } else if per_buyer >= dec!(2) {
            (50, 80)
        } else {
            (35, 75)
        };
        let repeat = int(d.number("clients_plusieurs_achats", |r| {
            let pct = r.int(lo, hi);
            dec_i(((buyers * pct + 50) / 100).min(purchases - buyers))
        }));
        if purchases < buyers
            || prev < 1
            || loyal < 1
            || loyal > prev.min(buyers)
            || repeat < 1
            || repeat > buyers
            || repeat > purchases - buyers
            || ca <= Decimal::ZERO
        {
            return Err(Degenerate(
                "chiffres commerciaux de l'année incohérents".into(),
            ));
        }

        let (pa, pb) = (&products[ai].nom, &products[bi].nom);
        let total = h.total_held();
        let hold_var = |p: usize| n.holders[p].clone();

        // 1. Holding rate of B.
        let rate_b = need(rate(hb, base))?;
        let mut q1 = Question::new(
            "taux_detention",
            "taux de détention",
            format!("Calculez le taux de détention du produit « {pb} » (en\u{a0}%, à 0,01 près)."),
            rate_b,
            Unit::Percent,
        )
        .mistake(
            need(rate(hb, buyers))?,
            "taux-sur-detenteurs",
            "Le taux de détention se calcule sur l'ensemble du fichier, y compris les clients qui ne détiennent aucun produit, et non sur les seuls clients équipés.",
        )
        .mistake(
            need(rate(hb, total))?,
            "taux-sur-detentions",
            "Le dénominateur est le nombre de clients du fichier, pas le nombre total de produits détenus.",
        )
        .step(format!(
            "Taux de détention = clients détenteurs ÷ clients du fichier × 100 = {} ÷ {} × 100 = **{}** (arrondi à 0,01\u{a0}%).",
            n_(hb),
            n_(base),
            percent(rate_b)
        ));
        if !table {
            q1 = q1.formula(format!("arrondi2({} * 100 / base)", hold_var(bi)));
        }

        // 2. Average number of products per customer.
        let avg = need(ratio(total, base))?;
        let sum_text: Vec<String> = h.holders.iter().map(|x| n_(*x)).collect();
        let mut q2 = Question::new(
            "equipement_moyen",
            "nombre moyen de produits par client",
            "Calculez le nombre moyen de produits détenus par client (indice d'équipement moyen, à 0,01 près).",
            avg,
            Unit::Number,
        )
        .tolerance(dec!(0.01))
        .mistake(
            need(ratio(total, buyers))?,
            "moyenne-sur-detenteurs",
            "La moyenne se calcule sur tous les clients du fichier, y compris ceux qui ne détiennent aucun produit.",
        )
        .mistake(
            need(ratio(total, k as i64))?,
            "moyenne-par-produit",
            "On divise le nombre total de produits détenus par le nombre de clients, pas par le nombre de produits de la gamme.",
        )
        .step(format!(
            "Produits détenus = {} = {}. Indice d'équipement moyen = {} ÷ {} = **{}** {} par client (arrondi à 0,01).",
            sum_text.join(" + "),
            n_(total),
            n_(total),
            n_(base),
            number(avg, 2),
            by_count(avg, "produit", "produits")
        ));
        if !table {
            let vars: Vec<String> = (0..k).map(hold_var).collect();
            q2 = q2.formula(format!("arrondi2(({}) / base)", vars.join(" + ")));
        }

        // 3. Multi-equipment: the count, then the rate on the whole file.
        let base_var = if table { "nb_clients" } else { "base" };
        let count_step = if table {
            format!(
                "On compte dans le tableau les clients qui ont au moins deux ✓ : **{}** \
                 ({} {} sans produit et {} avec un seul produit sur {}).",
                n_(h.multi()),
                n_(h.none),
                by_count(dec_i(h.none), "client", "clients"),
                n_(h.single),
                n_(base)
            )
        } else {
            format!(
                "Clients multi-équipés = fichier − sans produit − un seul produit = {} − {} − {} = **{}**.",
                n_(base),
                n_(h.none),
                n_(h.single),
                n_(h.multi())
            )
        };
        let mut q3a = Question::new(
            "clients_multi_equipes",
            "clients multi-équipés",
            "Combien de clients du fichier détiennent au moins deux produits (clients multi-équipés) ?",
            dec_i(h.multi()),
            Unit::Number,
        )
        .mistake(
            dec_i(buyers),
            "mono-equipes-comptes",
            "Un client qui ne détient qu'un seul produit n'est pas multi-équipé : ne comptez que les clients qui en ont au moins deux.",
        )
        .mistake(
            dec_i(base - h.single),
            "sans-produit-comptes",
            "Les clients qui ne détiennent aucun produit ne sont pas multi-équipés : retirez-les aussi.",
        )
        .step(count_step);
        if !table {
            q3a = q3a.formula("base - sans_produit - un_seul_produit");
        }
        let multi = need(rate(h.multi(), base))?;
        let q3 = Question::new(
            "taux_multi_equipement",
            "taux de multi-équipement",
            "Calculez le taux de multi-équipement : part des clients du fichier qui détiennent au moins deux produits (en\u{a0}%, à 0,01 près).",
            multi,
            Unit::Percent,
        )
        .formula(format!("arrondi2(clients_multi_equipes * 100 / {base_var})"))
        .mistake(
            need(rate(buyers, base))?,
            "mono-equipes-comptes",
            "Un client qui ne détient qu'un seul produit n'est pas multi-équipé : retirez aussi les clients mono-équipés.",
        )
        .mistake(
            need(rate(h.multi(), buyers))?,
            "multi-sur-detenteurs",
            "Le taux de multi-équipement se calcule sur l'ensemble du fichier, y compris les clients qui ne détiennent aucun produit.",
        )
        .step(format!(
            "Taux de multi-équipement = clients multi-équipés ÷ clients du fichier × 100 = {} ÷ {} × 100 = **{}** (arrondi à 0,01\u{a0}%).",
            n_(h.multi()),
            n_(base),
            percent(multi)
        ));

        // 4. Average basket.
        let basket = need(average_amount(ca, purchases))?;
        let q4 = Question::new(
            "panier_moyen",
            "panier moyen",
            "Calculez le panier moyen HT de l'année.",
            basket,
            Unit::Euros,
        )
        .formula("arrondi2(ca / nb_achats)")
        .mistake(
            need(average_amount(ca, buyers))?,
            "panier-par-client",
            "Le panier moyen rapporte le chiffre d'affaires au nombre d'achats, pas au nombre de clients (ce serait le CA moyen par client).",
        )
        .mistake(
            need(average_amount(ca, base))?,
            "panier-sur-fichier",
            "Le panier moyen rapporte le chiffre d'affaires au nombre d'achats de l'année, pas au nombre de clients du fichier.",
        )
        .step(format!(
            "Panier moyen = chiffre d'affaires HT ÷ nombre d'achats = {} ÷ {} = **{}** (arrondi au centime).",
            euros(ca),
            n_(purchases),
            euros(basket)
        ));

        // 5. Loyalty.
        let loyalty = need(rate(loyal, prev))?;
        let q5 = Question::new(
            "taux_fidelite",
            "taux de fidélité",
            "Calculez le taux de fidélité : part des clients de l'année précédente qui ont de nouveau acheté cette année (en\u{a0}%, à 0,01 près).",
            loyalty,
            Unit::Percent,
        )
        .formula("arrondi2(clients_fideles * 100 / clients_annee_precedente)")
        .mistake(
            need(rate(loyal, buyers))?,
            "fidelite-sur-acheteurs-de-l-annee",
            "Le taux de fidélité se calcule sur les clients de l'année précédente : ce sont eux que l'on a gardés ou perdus.",
        )
        .mistake(
            need(rate(loyal, base))?,
            "fidelite-sur-fichier",
            "Le taux de fidélité se calcule sur les clients de l'année précédente, pas sur tout le fichier.",
        )
        .step(format!(
            "Taux de fidélité = clients fidèles ÷ clients de l'année précédente × 100 = {} ÷ {} × 100 = **{}** (arrondi à 0,01\u{a0}%) ; \
             le taux d'attrition est son complément, {}.",
            n_(loyal),
            n_(prev),
            percent(loyalty),
            percent(Decimal::ONE_HUNDRED - loyalty)
        ));

        // 6. Repurchase.
        let repurchase = need(rate(repeat, buyers))?;
        let mut q6 = Question::new(
            "taux_reachat",
            "taux de réachat",
            "Calculez le taux de réachat : part des clients acheteurs de l'année qui ont acheté au moins deux fois (en\u{a0}%, à 0,01 près).",
            repurchase,
            Unit::Percent,
        )
        .mistake(
            need(rate(repeat, base))?,
            "reachat-sur-fichier",
            "Le taux de réachat se calcule sur les clients qui ont acheté dans l'année (au moins un produit), pas sur tout le fichier.",
        )
        .mistake(
            need(rate(repeat, prev))?,
            "reachat-sur-annee-precedente",
            "Le taux de réachat porte sur les acheteurs de cette année, pas sur les clients de l'année précédente.",
        )
        .step(format!(
            "Acheteurs de l'année = fichier − clients sans produit = {} − {} = {}. \
             Taux de réachat = {} ÷ {} × 100 = **{}** (arrondi à 0,01\u{a0}%).",
            n_(base),
            n_(h.none),
            n_(buyers),
            n_(repeat),
            n_(buyers),
            percent(repurchase)
        ));
        if !table {
            q6 = q6.formula("arrondi2(clients_plusieurs_achats * 100 / (base - sans_produit))");
        }

        // 7. Cross-selling target.
        let target = ha - ab;
        let mut q7 = Question::new(
            "cible_vente_croisee",
            "cible de la vente croisée",
            format!(
                "L'entreprise veut proposer « {pb} » aux clients qui détiennent déjà « {pa} ». Combien de clients compte cette cible (détenteurs de « {pa} » qui ne détiennent pas « {pb} ») ?"
            ),
            dec_i(target),
            Unit::Number,
        )
        .mistake(
            dec_i(hb - ab),
            "a-et-b-inverses",
            "La cible détient A sans détenir B : partez des détenteurs de A et retirez ceux qui ont déjà B (pas l'inverse).",
        )
        .mistake(
            dec_i(base - hb),
            "non-detenteurs-de-b",
            "Tous les non-détenteurs de B ne sont pas la cible : seuls ceux qui détiennent déjà A sont visés.",
        )
        .mistake(
            dec_i(ha),
            "detenteurs-de-b-non-retires",
            "Parmi les détenteurs de A, certains ont déjà B : retirez-les de la cible.",
        );
        let ab_text = match &masks {
            Some(m) if table => {
                let who: Vec<String> = m
                    .iter()
                    .zip(&names)
                    .filter(|(mask, _)| *mask & (1 << ai) != 0 && *mask & (1 << bi) == 0)
                    .map(|(_, name)| name.clone())
                    .collect();
                format!(" ({})", french_list(&who))
            }
            _ => String::new(),
        };
        if !table {
            q7 = q7.formula(format!("{} - a_et_b", hold_var(ai)));
        }
        let q7 = q7.step(format!(
            "Cible = détenteurs de « {pa} » − détenteurs de « {pa} » et de « {pb} » = {} − {} = **{}** {}{ab_text}.",
            n_(ha),
            n_(ab),
            n_(target),
            by_count(dec_i(target), "client", "clients")
        ));

        // Statement.
        let data = if let (true, Some(m)) = (table, &masks) {
            let mut t = format!(
                "| Client | {} |\n|---|{}\n",
                products[..k]
                    .iter()
                    .map(|p| capitalise(&p.nom))
                    .collect::<Vec<_>>()
                    .join(" | "),
                "---|".repeat(k)
            );
            for (mask, name) in m.iter().zip(&names) {
                let cells: Vec<&str> = (0..k)
                    .map(|p| if mask & (1 << p) != 0 { "✓" } else { "—" })
                    .collect();
                t.push_str(&format!("| {name} | {} |\n", cells.join(" | ")));
            }
            format!(
                "Le service commercial a tiré au hasard un échantillon de {} clients de son fichier ; \
                 dans la suite, « le fichier » désigne cet échantillon, et les données de l'année portent sur ses clients. \
                 Le tableau indique les produits que chacun a achetés dans l'année (✓ : détenu, — : non détenu).\n\n{t}",
                n_(base),
            )
        } else {
            let mut t = "| Produit | Clients détenteurs |\n|---|---|\n".to_string();
            for (p, product) in products[..k].iter().enumerate() {
                t.push_str(&format!(
                    "| {} | {} |\n",
                    capitalise(&product.nom),
                    n_(h.holders[p])
                ));
            }
            format!(
                "Le fichier compte {} clients, ceux qui ont acheté cette année et ceux qui n'ont rien acheté depuis un an. \
                 Détention des produits dans l'année :\n\n{t}\n\
                 Parmi ces clients, {} n'ont acheté aucun de ces produits dans l'année et {} n'en détiennent qu'un seul ; \
                 {} détiennent à la fois « {pa} » et « {pb} ».",
                n_(base),
                n_(h.none),
                n_(h.single),
                n_(ab)
            )
        };
        let statement = format!(
            "{} prépare une action de fidélisation et de vente croisée sur son fichier clients.\n\n{}\n\n\
             | Autres données de l'année | Valeur |\n|---|---|\n\
             | Chiffre d'affaires HT | {} |\n\
             | Nombre d'achats de l'année | {} |\n\
             | Clients acheteurs de l'année précédente | {} |\n\
             | … dont clients qui ont de nouveau acheté cette année | {} |\n\
             | Clients qui ont acheté au moins deux fois cette année | {} |\n\n\
             **Conventions.** Les taux de détention, le taux de multi-équipement et le nombre moyen de produits se calculent \
             sur l'ensemble des clients du fichier, y compris ceux qui n'ont rien acheté dans l'année ; un client détient un \
             produit s'il l'a acheté dans l'année. Donnez les taux en\u{a0}% et les moyennes arrondis à 0,01, les montants au centime.",
            capitalise(scene.seller()),
            data.trim_end(),
            euros(ca),
            n_(purchases),
            n_(prev),
            n_(loyal),
            n_(repeat),
        );
        let fewest = h.holders.iter().copied().min().unwrap_or(0);
        let weakest: Vec<String> = (0..k)
            .filter(|p| h.holders[*p] == fewest)
            .map(|p| format!("« {} »", products[p].nom))
            .collect();
        let weakest_text = if weakest.len() == 1 {
            format!(
                "le produit le moins diffusé, {} ({} {}), offre",
                weakest[0],
                n_(fewest),
                by_count(dec_i(fewest), "détenteur", "détenteurs")
            )
        } else {
            format!(
                "les produits les moins diffusés, {} ({} {} chacun), offrent",
                french_list(&weakest),
                n_(fewest),
                by_count(dec_i(fewest), "détenteur", "détenteurs")
            )
        };
        let outro = format!(
            "*Lecture.* {} des clients détiennent au moins deux produits et chaque client en détient {} en moyenne : \
             {weakest_text} le plus de potentiel de vente croisée. \
             Cibler les {} détenteurs de « {pa} » sans « {pb} » concentre l'effort sur des clients qui connaissent déjà l'entreprise ; \
             on comparera la marge espérée au coût de l'action.",
            percent(multi),
            number(avg, 2),
            n_(target)
        );
        Ok(Content {
            statement,
            questions: vec![q1, q2, q3a, q3, q4, q5, q6, q7],
            solution_intro: "*Les taux sont en\u{a0}%, arrondis à 0,01\u{a0}% au plus proche ; les moyennes à 0,01 ; les montants au centime.*".to_string(),
            solution_outro: outro,
        })
    }
}

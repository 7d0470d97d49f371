//! The business scene of a statement: who sells what to whom, and when.

pub use crate::calc::dates::Date;
use crate::rng::Rng;
use crate::text::push_plural;
use crate::v1::data::{contexts, Business, Customer, Person, Product};
use crate::{push_text, text};
use std::sync::LazyLock;

/// French month names, January first (shared by every statement that writes a date).
pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Presentation of dates in version-1 statements (a trait, as the current modules own
/// `Date`'s inherent methods).
pub trait DateV1 {
    fn french_v1(&self) -> String;
    fn draw_v1(rng: &mut Rng) -> Date;
}

impl DateV1 for Date {
    /// "1er mars 2026", "14 mars 2026".
    fn french_v1(&self) -> String {
        let mut out = String::with_capacity(24);
        if self.day == 1 {
            out.push_str("1er");
        } else {
            push_text!(out, self.day);
        }
        push_text!(out, " ", MONTHS[(self.month - 1) as usize], " ", self.year);
        out
    }

    /// A working-looking date in 2025–2026 (days 1–28 so every month fits).
    fn draw_v1(rng: &mut Rng) -> Date {
        Date {
            year: rng.int(2025, 2026) as i32,
            month: rng.int(1, 12) as u32,
            day: rng.int(1, 28) as u32,
        }
    }
}

/// Who sells what to whom, and when.
#[derive(Debug, Clone, Copy)]
pub struct Scene {
    pub business: &'static Business,
    pub product: &'static Product,
    pub customer: &'static Customer,
    pub contact: &'static Person,
    pub date: Date,
    /// The business presented as [`Scene::seller`] gives it.
    seller: &'static str,
}

/// A sale between mainland France and an overseas département is an export (no French
/// TVA): customers are drawn from the business's own side. The area is the 3-digit
/// prefix of an overseas postcode ("972"), empty for mainland France.
fn area(postcode: &str) -> &str {
    if postcode.starts_with("97") {
        &postcode[..3]
    } else {
        ""
    }
}

/// The customers of each area, in the order of `contextes.toml` (the draw picks by index
/// in this list), sorted out once rather than for every statement.
static CUSTOMERS_BY_AREA: LazyLock<Vec<(&'static str, Vec<&'static Customer>)>> =
    LazyLock::new(|| {
        let mut pools: Vec<(&'static str, Vec<&'static Customer>)> = Vec::new();
        for k in &contexts().client {
            let a = area(&k.code_postal);
            match pools.iter_mut().find(|(p, _)| *p == a) {
                Some((_, pool)) => pool.push(k),
                None => pools.push((a, vec![k])),
            }
        }
        pools
    });

/// Every business of the pool as statements introduce it, in pool order: a statement
/// names its seller once or twice, and writing the sector in lower case around its
/// parentheses each time was a fiftieth of generating an exercise (callgrind).
static SELLERS: LazyLock<Vec<String>> =
    LazyLock::new(|| contexts().entreprise.iter().map(present).collect());

/// "la SARL Les Vergers du Comtat (négoce de fruits et légumes, Carpentras)": how a
/// statement introduces `b`.
fn present(b: &Business) -> String {
    let mut out =
        String::with_capacity(b.forme.len() + b.nom.len() + b.secteur.len() + b.ville.len() + 40);
    if b.forme == "EI" {
        out.push_str("l'entreprise individuelle");
    } else {
        out.push_str("la ");
        out.push_str(&b.forme);
    }
    out.push(' ');
    out.push_str(&b.nom);
    out.push_str(" (");
    // "Agroalimentaire (fromagerie)" inside parentheses reads "agroalimentaire : fromagerie".
    let mut sector = b.secteur.chars();
    if let Some(first) = sector.next() {
        out.extend(first.to_lowercase());
    }
    for (i, part) in sector.as_str().split(" (").enumerate() {
        if i > 0 {
            out.push_str("\u{a0}: ");
        }
        part.split(')').for_each(|piece| out.push_str(piece));
    }
    out.push_str(", ");
    out.push_str(&b.ville);
    out.push(')');
    out
}

impl Scene {
    pub fn draw(rng: &mut Rng) -> Scene {
        let c = contexts();
        // Its index also gives the business's presentation.
        let index = rng.index(&c.entreprise);
        let business = &c.entreprise[index];
        let product = rng.pick(&business.produit);
        let here = area(&business.code_postal);
        let pool = CUSTOMERS_BY_AREA.iter().find(|(a, _)| *a == here);
        let customer = match pool {
            Some((_, pool)) => *rng.pick(pool),
            None => rng.pick(&c.client),
        };
        let contact = rng.pick(&c.personne);
        let date = Date::draw_v1(rng);
        Scene {
            business,
            product,
            customer,
            contact,
            date,
            seller: &SELLERS[index],
        }
    }

    /// "la SARL Les Vergers du Comtat (négoce de fruits et légumes, Carpentras)".
    pub fn seller(&self) -> &'static str {
        self.seller
    }

    /// "son client Épicerie fine Lacroix (Avignon)".
    pub fn buyer(&self) -> String {
        text!(
            "son client ",
            self.customer.nom,
            " (",
            self.customer.ville,
            ")"
        )
    }

    /// "40 cagettes de cerises de 5 kg".
    pub fn order(&self, q: i64) -> String {
        counted(q, &self.product.nom)
    }

    /// "40 cagettes".
    pub fn quantity(&self, q: i64) -> String {
        counted(q, &self.product.unite)
    }
}

/// "40 cagettes", "1 cagette".
fn counted(q: i64, noun: &str) -> String {
    let mut out = String::with_capacity(noun.len() + 12);
    push_text!(out, q, " ");
    if q > 1 {
        push_plural(&mut out, noun);
    } else {
        out.push_str(noun);
    }
    out
}

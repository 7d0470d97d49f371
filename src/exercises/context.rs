//! The business scene of a statement: who sells what to whom, and when.

pub use crate::calc::dates::Date;
use crate::rng::Rng;
use crate::world::{area, world, Business, Customer, Person, Product};
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

/// Presentation of dates in statements (the arithmetic lives in `calc::dates`).
impl Date {
    /// A date from January 2025 to June 2026 (the months the dated rates of
    /// `exercises/taux.toml` cover; days 1–28 so every month fits), its month weighted by
    /// a product's monthly sales: no snowshoes ordered in May, no mont-d'or in July.
    pub fn draw_in_season(rng: &mut Rng, weights: &[u32; 12]) -> Date {
        let weight = |m: i64| i64::from(weights[(m % 12) as usize]);
        let total: i64 = (0..18).map(weight).sum();
        let mut left = rng.int(0, total.max(1) - 1);
        let mut month = 0;
        while month < 17 && left >= weight(month) {
            left -= weight(month);
            month += 1;
        }
        Date {
            year: 2025 + (month / 12) as i32,
            month: (month % 12 + 1) as u32,
            day: rng.int(1, 28) as u32,
        }
    }

    /// "1er mars 2026", "14 mars 2026".
    pub fn french(&self) -> String {
        let mut out = String::with_capacity(24);
        if self.day == 1 {
            out.push_str("1er");
        } else {
            push_text!(out, self.day);
        }
        push_text!(out, " ", MONTHS[(self.month - 1) as usize], " ", self.year);
        out
    }
}

/// Who sells what to whom, and when.
#[derive(Debug, Clone, Copy)]
pub struct Scene {
    pub business: &'static Business,
    pub product: &'static Product,
    /// A customer whose kind buys this product, from the business's own area (a sale
    /// between mainland France and an overseas département is an export, without French
    /// TVA).
    pub customer: &'static Customer,
    pub contact: &'static Person,
    pub date: Date,
    /// The business presented as [`Scene::seller`] gives it.
    seller: &'static str,
}

/// For each business and each of its products (in file order), the customers that may
/// buy it: of a kind the product declares, in the business's area. Never empty: the
/// world's check refuses a product without a possible customer.
static BUYERS: LazyLock<Vec<Vec<Vec<&'static Customer>>>> = LazyLock::new(|| {
    let w = world();
    w.entreprise
        .iter()
        .map(|b| {
            let here = area(&b.code_postal);
            b.produit
                .iter()
                .map(|p| {
                    w.client
                        .iter()
                        .filter(|k| {
                            p.acheteurs.contains_key(&k.acheteur) && area(&k.code_postal) == here
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
});

/// Every business of the pool as statements introduce it, in pool order: a statement
/// names its seller once or twice, and writing the sector in lower case around its
/// parentheses each time was a fiftieth of generating an exercise (callgrind).
static SELLERS: LazyLock<Vec<String>> =
    LazyLock::new(|| world().entreprise.iter().map(present).collect());

/// "la SARL Les Vergers du Comtat (négoce de fruits et légumes, Carpentras)": how a
/// statement introduces `b`.
fn present(b: &Business) -> String {
    let mut out =
        String::with_capacity(b.forme.len() + b.nom.len() + b.secteur.len() + b.ville.len() + 40);
    if b.forme == "EI" {
        out.push_str("l'entreprise individuelle");
    } else if b.forme.starts_with(['A', 'E', 'I', 'O', 'U']) {
        // « l'EURL », « l'EARL ».
        out.push_str("l'");
        out.push_str(&b.forme);
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
        let w = world();
        // The business's index also gives its presentation and its buyers.
        let index = rng.index(&w.entreprise);
        let business = &w.entreprise[index];
        let which = rng.index(&business.produit);
        let customer = *rng.pick(&BUYERS[index][which]);
        let contact = rng.pick(&w.personne);
        let product = &business.produit[which];
        let date = Date::draw_in_season(rng, &product.saisonnalite);
        Scene {
            business,
            product,
            customer,
            contact,
            date,
            seller: &SELLERS[index],
        }
    }

    /// A scene whose product is goods, for the statements that need a supplier, a
    /// stock or a carriage: a training day has none.
    pub fn draw_goods(rng: &mut Rng) -> Scene {
        loop {
            let scene = Scene::draw(rng);
            if !scene.product.prestation {
                return scene;
            }
        }
    }

    /// The quantities one order of this customer's kind is made of.
    pub fn order_range(&self) -> (i64, i64) {
        self.product
            .order_range(&self.customer.acheteur)
            .expect("the customer is drawn among the product's buyer kinds")
    }

    /// The quantity of one order of this customer.
    pub fn draw_quantity(&self, rng: &mut Rng) -> i64 {
        let (lo, hi) = self.order_range();
        rng.int(lo, hi)
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

    /// "40 cagettes de cerises de 5 kg", "1 cagette de cerises de 5 kg".
    pub fn order(&self, q: i64) -> String {
        text!(q, " ", self.product.name_for(q.into()))
    }

    /// "40 cagettes".
    pub fn quantity(&self, q: i64) -> String {
        text!(q, " ", self.product.unit_for(q.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_french() {
        assert_eq!(
            Date {
                year: 2026,
                month: 3,
                day: 1
            }
            .french(),
            "1er mars 2026"
        );
        assert_eq!(
            Date {
                year: 2025,
                month: 8,
                day: 15
            }
            .french(),
            "15 août 2025"
        );
    }
}

//! The business scene of a statement: who sells what to whom, and when.

pub use crate::calc::dates::Date;
use crate::catalog::{contexts, Business, Customer, Person, Product};
use crate::rng::Rng;
use crate::text::{lowercase_first, plural};

const MONTHS: [&str; 12] = [
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
    /// "1er mars 2026", "14 mars 2026".
    pub fn french(&self) -> String {
        let day = if self.day == 1 {
            "1er".to_string()
        } else {
            self.day.to_string()
        };
        format!("{day} {} {}", MONTHS[(self.month - 1) as usize], self.year)
    }

    /// A working-looking date in 2025–2026 (days 1–28 so every month fits).
    pub fn draw(rng: &mut Rng) -> Date {
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
}

impl Scene {
    pub fn draw(rng: &mut Rng) -> Scene {
        let c = contexts();
        let business = rng.pick(&c.entreprise);
        let product = rng.pick(&business.produit);
        // A sale between mainland France and an overseas département is an export (no
        // French TVA): customers are drawn from the business's own side.
        let area = |cp: &str| {
            if cp.starts_with("97") {
                cp[..3].to_string()
            } else {
                String::new()
            }
        };
        let here = area(&business.code_postal);
        let pool: Vec<&'static Customer> = c
            .client
            .iter()
            .filter(|k| area(&k.code_postal) == here)
            .collect();
        let customer = if pool.is_empty() {
            rng.pick(&c.client)
        } else {
            *rng.pick(&pool)
        };
        let contact = rng.pick(&c.personne);
        let date = Date::draw(rng);
        Scene {
            business,
            product,
            customer,
            contact,
            date,
        }
    }

    /// "la SARL Les Vergers du Comtat (négoce de fruits et légumes, Carpentras)".
    pub fn seller(&self) -> String {
        let b = self.business;
        let article = if b.forme == "EI" {
            "l'entreprise individuelle".to_string()
        } else {
            format!("la {}", b.forme)
        };
        // "Agroalimentaire (fromagerie)" inside parentheses reads "agroalimentaire : fromagerie".
        let sector = lowercase_first(&b.secteur)
            .replace(" (", "\u{a0}: ")
            .replace(')', "");
        format!("{article} {} ({sector}, {})", b.nom, b.ville)
    }

    /// "son client Épicerie fine Lacroix (Avignon)".
    pub fn buyer(&self) -> String {
        format!("son client {} ({})", self.customer.nom, self.customer.ville)
    }

    /// "40 cagettes de cerises de 5 kg".
    pub fn order(&self, q: i64) -> String {
        let what = if q > 1 {
            plural(&self.product.nom)
        } else {
            self.product.nom.clone()
        };
        format!("{q} {what}")
    }

    /// "40 cagettes".
    pub fn quantity(&self, q: i64) -> String {
        let unit = if q > 1 {
            plural(&self.product.unite)
        } else {
            self.product.unite.clone()
        };
        format!("{q} {unit}")
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

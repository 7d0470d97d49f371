//! The catalog of exercise types and the pools of business contexts.
//!
//! Both live as TOML under `exercises/` so that a teacher can read them and extend them;
//! they are embedded in the binary at build time, which keeps every exercise code
//! reproducible with the binary alone (a teacher who adds a business rebuilds).

use rust_decimal::Decimal;
use serde::Deserialize;
use std::sync::LazyLock;

/// One exercise type as the catalog describes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeEntry {
    pub id: String,
    /// Letters that start the instance codes of this type (`NAP` in `NAP-7Q4K2`).
    pub prefixe: String,
    pub titre: String,
    pub savoirs: Vec<String>,
    pub difficulte: u8,
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    #[serde(rename = "type")]
    pub types: Vec<TypeEntry>,
}

/// A product sold by a business, with a plausible price range and its TVA rate.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    pub nom: String,
    pub unite: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub prix_ht_min: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub prix_ht_max: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub tva: Decimal,
    pub quantite_min: i64,
    pub quantite_max: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Business {
    pub nom: String,
    pub forme: String,
    pub secteur: String,
    pub ville: String,
    pub code_postal: String,
    pub clientele: String,
    pub vendeur: String,
    pub produit: Vec<Product>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    pub nom: String,
    pub ville: String,
    pub code_postal: String,
    #[serde(rename = "type")]
    pub kind: String,
}

/// Names that open the name of a public buyer of the pool: it pays by administrative
/// transfer under public-procurement rules, has no company accounts and is not scored or
/// risk-rated like a firm.
const PUBLIC_BODIES: [&str; 6] = [
    "Mairie",
    "Lycée",
    "Collège",
    "Centre hospitalier",
    "Office de tourisme",
    "Cuisine centrale",
];
/// Names that open the name of a sports club of the pool (an association).
const CLUBS: [&str; 2] = ["Football-club", "Tennis-club"];

impl Customer {
    /// A professional customer that is a private firm: the only kind that signs bills of
    /// exchange, has a balance sheet and a credit risk in the textbook sense.
    pub fn is_private_firm(&self) -> bool {
        self.kind == "professionnel" && !self.is_public_body() && !self.is_club()
    }

    pub fn is_public_body(&self) -> bool {
        PUBLIC_BODIES.iter().any(|p| self.nom.starts_with(p))
    }

    pub fn is_club(&self) -> bool {
        CLUBS.iter().any(|p| self.nom.starts_with(p))
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub prenom: String,
    pub nom: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contexts {
    pub entreprise: Vec<Business>,
    pub client: Vec<Customer>,
    pub personne: Vec<Person>,
}

const CATALOG_TOML: &str = include_str!("../exercises/catalogue.toml");
const CONTEXTS_TOML: &str = include_str!("../exercises/contextes.toml");

static CATALOG: LazyLock<Catalog> =
    LazyLock::new(|| toml::from_str(CATALOG_TOML).expect("exercises/catalogue.toml est invalide"));
static CONTEXTS: LazyLock<Contexts> =
    LazyLock::new(|| toml::from_str(CONTEXTS_TOML).expect("exercises/contextes.toml est invalide"));

/// The built-in catalog (checked by the test suite, so the `expect` above cannot fire in
/// a released binary).
pub fn catalog() -> &'static Catalog {
    &CATALOG
}

pub fn contexts() -> &'static Contexts {
    &CONTEXTS
}

impl Catalog {
    pub fn find(&self, id: &str) -> Option<&TypeEntry> {
        self.types.iter().find(|t| t.id == id)
    }

    pub fn find_by_prefix(&self, prefix: &str) -> Option<&TypeEntry> {
        self.types
            .iter()
            .find(|t| t.prefixe.eq_ignore_ascii_case(prefix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn catalog_is_consistent() {
        let c = catalog();
        let ids: BTreeSet<_> = c.types.iter().map(|t| &t.id).collect();
        let prefixes: BTreeSet<_> = c.types.iter().map(|t| &t.prefixe).collect();
        assert_eq!(ids.len(), c.types.len(), "identifiants en double");
        assert_eq!(prefixes.len(), c.types.len(), "préfixes en double");
        for t in &c.types {
            assert!((1..=3).contains(&t.difficulte), "{}", t.id);
            assert!(!t.savoirs.is_empty(), "{}", t.id);
            assert!(
                t.prefixe.chars().all(|ch| ch.is_ascii_uppercase()),
                "{}",
                t.id
            );
            assert!((2..=4).contains(&t.prefixe.len()), "{}", t.id);
        }
    }

    #[test]
    fn contexts_are_plausible() {
        let c = contexts();
        assert!(c.entreprise.len() >= 40);
        assert!(c.client.len() >= 60);
        assert!(c.personne.len() >= 80);
        let rates: [Decimal; 4] = ["20", "10", "5.5", "2.1"].map(|s| s.parse().unwrap());
        for b in &c.entreprise {
            assert!(!b.produit.is_empty(), "{}", b.nom);
            assert_eq!(b.code_postal.len(), 5, "{}", b.nom);
            for p in &b.produit {
                assert!(
                    p.prix_ht_min > Decimal::ZERO && p.prix_ht_min < p.prix_ht_max,
                    "{}",
                    p.nom
                );
                assert!(
                    p.quantite_min >= 1 && p.quantite_min < p.quantite_max,
                    "{}",
                    p.nom
                );
                assert!(rates.contains(&p.tva), "{}: TVA {}", p.nom, p.tva);
            }
        }
    }
}

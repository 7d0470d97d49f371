//! The catalog of exercise types.
//!
//! It lives as TOML under `exercises/` so that a teacher can read and extend it; it is
//! embedded in the binary at build time, which keeps every exercise code
//! reproducible with the binary alone (a teacher who adds a business rebuilds).

use crate::world::{Business, Clientele, Product};
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
    /// The companies the type's scene needs: a statement about carriage costs or a
    /// stock rotation means nothing for a training firm, a late-payment penalty nothing
    /// for a shop selling to households. Empty: any company.
    #[serde(default)]
    pub convient: Vec<Fit>,
}

/// A condition a company (and the product a case studies) must meet for a type to
/// be set in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fit {
    /// The product is goods: it is shipped and stocked.
    Marchandises,
    /// The company sells to professionals (credit, bills, customer accounts).
    Professionnels,
}

impl TypeEntry {
    /// Whether a statement of this type can be set in `business`, around `product`.
    pub fn suits(&self, business: &Business, product: &Product) -> bool {
        self.convient.iter().all(|fit| match fit {
            Fit::Marchandises => !product.prestation,
            Fit::Professionnels => business.clientele != Clientele::Particuliers,
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    #[serde(rename = "type")]
    pub types: Vec<TypeEntry>,
}

const CATALOG_TOML: &str = include_str!("../exercises/catalogue.toml");

static CATALOG: LazyLock<Catalog> =
    LazyLock::new(|| toml::from_str(CATALOG_TOML).expect("exercises/catalogue.toml est invalide"));

/// The built-in catalog (checked by the test suite, so the `expect` above cannot fire in
/// a released binary).
pub fn catalog() -> &'static Catalog {
    &CATALOG
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
}

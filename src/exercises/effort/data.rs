//! The data pools of the commercial-effort family, from `exercises/effort.toml`.

use serde::Deserialize;
use std::sync::LazyLock;

/// A one-off commercial action and its three direct costs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub nom: String,
    pub postes: [String; 3],
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffortData {
    pub action: Vec<Action>,
}

static DATA: LazyLock<EffortData> = LazyLock::new(|| {
    toml::from_str(include_str!("../../../exercises/effort.toml"))
        .expect("exercises/effort.toml invalide")
});

pub fn data() -> &'static EffortData {
    &DATA
}

#[cfg(test)]
mod tests {
    #[test]
    fn pools_parse_and_are_plausible() {
        let d = super::data();
        assert!(!d.action.is_empty());
        for a in &d.action {
            assert!(a.postes.iter().all(|p| !p.trim().is_empty()), "{}", a.nom);
        }
    }
}

//! The pools of `exercises/base-clients.toml`: businesses, towns, names, design needs.

use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogProduct {
    pub libelle: String,
    pub categorie: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub prix_ht: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub tva: Decimal,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seller {
    pub nom: String,
    pub forme: String,
    pub activite: String,
    pub ville: String,
    pub produit: Vec<CatalogProduct>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Town {
    pub nom: String,
    pub code_postal: String,
    pub departement: String,
    pub region: String,
}

/// A need of `sql/conception`, with its expected schema in the answer notation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DesignNeed {
    pub titre: String,
    pub besoin: String,
    pub regles: Vec<String>,
    pub schema: Vec<String>,
    /// Field → French description (the data dictionary given to the student).
    pub champs: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pools {
    pub entreprise: Vec<Seller>,
    pub ville: Vec<Town>,
    pub prenom: Vec<String>,
    pub nom: Vec<String>,
    pub raison_sociale: Vec<String>,
    pub segment: Vec<String>,
    pub canal: Vec<String>,
    pub type_contact: Vec<String>,
    pub resultat_contact: Vec<String>,
    pub source_prospect: Vec<String>,
    pub conception: Vec<DesignNeed>,
}

const POOLS_TOML: &str = include_str!("../../exercises/base-clients.toml");

static POOLS: LazyLock<Pools> =
    LazyLock::new(|| toml::from_str(POOLS_TOML).expect("exercises/base-clients.toml est invalide"));

/// The built-in pools (checked by the tests, so the `expect` cannot fire in a release).
pub fn pools() -> &'static Pools {
    &POOLS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_are_plausible() {
        let p = pools();
        assert!(p.entreprise.len() >= 3);
        assert!(p.ville.len() >= 20);
        assert!(p.prenom.len() >= 30 && p.nom.len() >= 40);
        for t in &p.ville {
            assert_eq!(t.code_postal.len(), 5, "{}", t.nom);
            assert!(t.code_postal.starts_with(&t.departement), "{}", t.nom);
        }
        for d in &p.conception {
            let schema = crate::sql::design::parse(&d.schema.join("\n")).expect(&d.titre);
            for t in &schema.tables {
                for f in &t.fields {
                    assert!(d.champs.contains_key(&f.name), "{} : {}", d.titre, f.name);
                }
            }
        }
    }
}

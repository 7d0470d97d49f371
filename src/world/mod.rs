//! The business world that statements are set in: who sells what to whom, at what scale.
//!
//! Read from `exercises/contextes.toml` (companies, their products and magnitudes, buyer
//! kinds, customers, persons) and `exercises/taux.toml` (dated official and market
//! rates). Both are embedded at build time, so an exercise code regenerates with the
//! binary alone. Teachers extend these files: [`check`] validates them and names the
//! file, the entry and the field of anything inconsistent, in French; the CLI runs it
//! before anything else and the test suite runs it on the shipped files.

pub mod rates;
pub mod scale;
mod validate;

use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

pub use validate::{area, check, FIRST_STATEMENT_DAY, LAST_STATEMENT_DAY};

/// Grammatical gender: of a person (titles agree: « chargée de clientèle ») or of the
/// head noun of a product name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Gender {
    #[serde(rename = "f")]
    Feminine,
    #[serde(rename = "m")]
    Masculine,
}

impl Gender {
    /// `masculine` or `feminine`, as this gender agrees.
    pub fn agree<'a>(self, masculine: &'a str, feminine: &'a str) -> &'a str {
        match self {
            Gender::Masculine => masculine,
            Gender::Feminine => feminine,
        }
    }
}

/// Whom a company sells to, as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Clientele {
    Professionnels,
    Particuliers,
    Mixte,
}

/// The size of a customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Size {
    /// A household.
    Menage,
    /// Fewer than 10 employees.
    Tpe,
    /// 10 to 249 employees.
    Pme,
    /// 250 employees or more.
    Grande,
}

/// A kind of buyer (« restaurant », « exploitation agricole »…): products declare the
/// kinds they sell to, customers the kind they are.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuyerKind {
    pub id: String,
    pub nom: String,
    pub pluriel: String,
}

/// The kind every private individual belongs to.
pub const INDIVIDUAL: &str = "particulier";
/// The kind of clubs and associations: no balance sheet, no bills of exchange.
pub const ASSOCIATION: &str = "association";

/// A product sold by a business: price range, TVA, its share of the business's turnover,
/// its monthly seasonality and, for each kind of buyer, the quantity of one order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    pub nom: String,
    pub pluriel: String,
    pub genre: Gender,
    pub unite: String,
    pub unite_pluriel: String,
    /// A service (a training day, a night, a repair): nothing is shipped or stocked, so
    /// no carriage costs, no stock rotation, no refrigerated lorry.
    #[serde(default)]
    pub prestation: bool,
    #[serde(with = "rust_decimal::serde::str")]
    pub prix_ht_min: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub prix_ht_max: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub tva: Decimal,
    /// Share of the business's annual turnover, in percent.
    pub part_ca: u32,
    /// Relative sales of each month, January first; twelve equal weights: regular sales.
    pub saisonnalite: [u32; 12],
    /// Buyer kind → quantity of one order, `[min, max]`.
    pub acheteurs: BTreeMap<String, [i64; 2]>,
}

impl Product {
    /// "1 cagette de cerises de 5 kg", "40 cagettes de cerises de 5 kg" (French plural from 2).
    pub fn name_for(&self, quantity: Decimal) -> &str {
        if quantity.abs() >= Decimal::TWO {
            &self.pluriel
        } else {
            &self.nom
        }
    }

    /// "cagette", "cagettes".
    pub fn unit_for(&self, quantity: Decimal) -> &str {
        if quantity.abs() >= Decimal::TWO {
            &self.unite_pluriel
        } else {
            &self.unite
        }
    }

    /// Twelve equal weights: sales do not depend on the month.
    pub fn is_regular(&self) -> bool {
        self.saisonnalite.iter().all(|&w| w == self.saisonnalite[0])
    }

    /// The order quantities this product is bought in by buyers of `kind`.
    pub fn order_range(&self, kind: &str) -> Option<(i64, i64)> {
        self.acheteurs.get(kind).map(|&[lo, hi]| (lo, hi))
    }

    /// The mid-range unit price, a plausible average.
    pub fn mid_price(&self) -> Decimal {
        (self.prix_ht_min + self.prix_ht_max) / Decimal::TWO
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Business {
    pub nom: String,
    pub forme: String,
    pub secteur: String,
    pub ville: String,
    pub code_postal: String,
    pub clientele: Clientele,
    pub vendeur: String,
    pub vendeur_genre: Gender,
    /// Annual turnover excluding tax, in euros.
    pub ca_annuel: u64,
    /// Active customers of the portfolio.
    pub clients: u32,
    /// Field salespeople.
    pub commerciaux: u32,
    /// The trade's usual taux de marque, in percent: `[min, max]`.
    #[serde(with = "decimal_pair")]
    pub taux_marque: [Decimal; 2],
    pub produit: Vec<Product>,
}

impl Business {
    /// The annual turnover a product makes, in euros.
    pub fn product_turnover(&self, p: &Product) -> Decimal {
        Decimal::from(self.ca_annuel) * Decimal::from(p.part_ca) / Decimal::ONE_HUNDRED
    }

    /// The annual volume of a product at its mid-range price (whole units, rounded down).
    pub fn annual_volume(&self, p: &Product) -> Decimal {
        (self.product_turnover(p) / p.mid_price()).floor()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    pub nom: String,
    pub ville: String,
    pub code_postal: String,
    /// Its buyer kind (an `id` of the `[[acheteur]]` list).
    pub acheteur: String,
    pub taille: Size,
    /// A public body: pays by administrative transfer under public-procurement rules, has
    /// no company accounts and is not scored or risk-rated like a firm.
    pub public: bool,
}

impl Customer {
    pub fn is_individual(&self) -> bool {
        self.acheteur == INDIVIDUAL
    }

    pub fn is_professional(&self) -> bool {
        !self.is_individual()
    }

    pub fn is_public_body(&self) -> bool {
        self.public
    }

    pub fn is_club(&self) -> bool {
        self.acheteur == ASSOCIATION
    }

    /// A private firm: the only kind of customer that signs bills of exchange, has a
    /// balance sheet and a credit risk in the textbook sense.
    pub fn is_private_firm(&self) -> bool {
        self.is_professional() && !self.public && !self.is_club()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub prenom: String,
    pub nom: String,
    pub genre: Gender,
}

impl Person {
    /// "Élodie Martin".
    pub fn full_name(&self) -> String {
        let mut out = String::with_capacity(self.prenom.len() + self.nom.len() + 1);
        out.push_str(&self.prenom);
        out.push(' ');
        out.push_str(&self.nom);
        out
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct World {
    pub acheteur: Vec<BuyerKind>,
    pub entreprise: Vec<Business>,
    pub client: Vec<Customer>,
    pub personne: Vec<Person>,
}

impl World {
    pub fn buyer_kind(&self, id: &str) -> Option<&BuyerKind> {
        self.acheteur.iter().find(|k| k.id == id)
    }
}

/// The file the world is read from, as messages name it.
pub const WORLD_FILE: &str = "exercises/contextes.toml";
const WORLD_TOML: &str = include_str!("../../exercises/contextes.toml");

/// The world as parsed, or the French message of why it cannot be.
static PARSED: LazyLock<Result<World, String>> = LazyLock::new(|| {
    toml::from_str(WORLD_TOML).map_err(|e| validate::toml_message(WORLD_FILE, WORLD_TOML, &e))
});

/// The world. The CLI has run [`check`] before any exercise is drawn, and the test suite
/// runs it on the shipped files, so this cannot fail in a released binary.
pub fn world() -> &'static World {
    match &*PARSED {
        Ok(w) => w,
        Err(e) => panic!("{e}"),
    }
}

/// `["18", "28"]` as two decimals.
mod decimal_pair {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[Decimal; 2], D::Error> {
        let [a, b] = <[String; 2]>::deserialize(d)?;
        let parse = |s: &str| s.parse::<Decimal>().map_err(serde::de::Error::custom);
        Ok([parse(&a)?, parse(&b)?])
    }
}

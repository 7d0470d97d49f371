//! The assets a company finances, depreciates or invests in (`exercises/equipements.toml`),
//! and the dated market rates the financing statements draw from.
//!
//! A statement's asset must fit its company: matched on the company's sector (or its
//! name), and no dearer than a share of its turnover. Loan durations are capped by the
//! asset's category, within the longest duration `exercises/taux.toml` gives its purpose.
//! Teachers extend the file: [`check`] names the file, the entry and the field of
//! anything wrong, in French.

use crate::calc::dates::Date;
use crate::rng::Rng;
use crate::text;
use crate::world::rates::{rates, MarketRange};
use crate::world::{world, Business};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::sync::LazyLock;

/// A family of assets and the credit that usually finances it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    /// The loan purpose of `exercises/taux.toml` (`equipement`, `immobilier`).
    pub objet_credit: String,
    pub duree_credit_min_mois: u32,
    pub duree_credit_max_mois: u32,
    /// Highest price kept, in percent of the company's annual turnover.
    pub part_ca_max: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Equipment {
    /// With its indefinite article: « un pressoir pneumatique ».
    pub nom: String,
    pub categorie: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub prix_min: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub prix_max: Decimal,
    /// Useful lives, in years.
    pub durees: Vec<u32>,
    pub frais: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub frais_min: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub frais_max: Decimal,
    #[serde(default)]
    pub secteurs: Vec<String>,
    #[serde(default)]
    pub entreprises: Vec<String>,
    #[serde(default)]
    pub tous_secteurs: bool,
    /// Used by the sales function: the cost of the commercial effort depreciates it.
    #[serde(default)]
    pub commercial: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub categorie: Vec<Category>,
    pub equipement: Vec<Equipment>,
}

pub const EQUIPMENT_FILE: &str = "exercises/equipements.toml";
const EQUIPMENT_TOML: &str = include_str!("../../exercises/equipements.toml");

static PARSED: LazyLock<Result<Catalog, String>> = LazyLock::new(|| parse(EQUIPMENT_TOML));

/// The shipped catalog. The test suite runs [`check`] on it, so this cannot fail in a
/// released binary.
pub fn catalog() -> &'static Catalog {
    match &*PARSED {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

/// Every problem of the shipped file, or `Ok`.
pub fn check() -> Result<(), String> {
    PARSED.as_ref().map(|_| ()).map_err(Clone::clone)
}

/// Parses and checks `text` as the equipment file, against the world and the rates.
fn parse(text: &str) -> Result<Catalog, String> {
    let catalog: Catalog = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
            .map(|l| format!(", ligne {l}"))
            .unwrap_or_default();
        format!("« {EQUIPMENT_FILE} »{line} : {}", e.message().trim())
    })?;
    let problems = problems(&catalog);
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(problems.join("\n"))
    }
}

fn problems(c: &Catalog) -> Vec<String> {
    let mut out = Vec::new();
    let mut say = |entry: &str, field: &str, what: String| {
        out.push(format!(
            "« {EQUIPMENT_FILE} », {entry}, champ « {field} » : {what}"
        ))
    };
    // The latest year a statement can be dated in: its loan table is the one checked.
    let year = crate::world::LAST_STATEMENT_DAY.year;
    for k in &c.categorie {
        let entry = format!("catégorie « {} »", k.id);
        match rates().loan(year, &k.objet_credit) {
            None => say(
                &entry,
                "objet_credit",
                format!(
                    "« {} » n'est pas un objet de crédit de « {} ».",
                    k.objet_credit,
                    crate::world::rates::RATES_FILE
                ),
            ),
            Some(r) => {
                if let Some(max) = r.duree_max_mois {
                    if k.duree_credit_max_mois > max {
                        say(
                            &entry,
                            "duree_credit_max_mois",
                            format!("{} mois dépasse la durée maximale de {max} mois d'un crédit « {} ».", k.duree_credit_max_mois, k.objet_credit),
                        );
                    }
                }
            }
        }
        if k.duree_credit_min_mois < 12 || k.duree_credit_min_mois > k.duree_credit_max_mois {
            say(
                &entry,
                "duree_credit_min_mois",
                "au moins 12 mois, et pas plus que duree_credit_max_mois.".into(),
            );
        }
        if !(1..=100).contains(&k.part_ca_max) {
            say(
                &entry,
                "part_ca_max",
                "un pourcentage de 1 à 100 attendu.".into(),
            );
        }
    }
    for e in &c.equipement {
        let entry = format!("équipement « {} »", e.nom);
        let articles = ["un ", "une ", "des ", "le ", "la ", "l'", "les "];
        if !articles.iter().any(|a| e.nom.starts_with(a)) {
            say(
                &entry,
                "nom",
                "le nom commence par son article (« un », « une », « des »…).".into(),
            );
        }
        if !c.categorie.iter().any(|k| k.id == e.categorie) {
            say(
                &entry,
                "categorie",
                format!(
                    "« {} » n'est pas une [[categorie]] du fichier.",
                    e.categorie
                ),
            );
        }
        if !(Decimal::ZERO < e.prix_min && e.prix_min < e.prix_max) {
            say(
                &entry,
                "prix_min, prix_max",
                "deux montants positifs, le premier plus petit, attendus.".into(),
            );
        }
        if !(Decimal::ZERO < e.frais_min && e.frais_min < e.frais_max) {
            say(
                &entry,
                "frais_min, frais_max",
                "deux montants positifs, le premier plus petit, attendus.".into(),
            );
        }
        let premises = c
            .categorie
            .iter()
            .any(|k| k.id == e.categorie && k.objet_credit == "immobilier");
        if e.durees.is_empty() || !premises && e.durees.iter().any(|n| !(3..=10).contains(n)) {
            say(
                &entry,
                "durees",
                "au moins une durée, de 3 à 10 ans.".into(),
            );
        }
        if !e.tous_secteurs && e.secteurs.is_empty() && e.entreprises.is_empty() {
            say(
                &entry,
                "secteurs",
                "indiquez « secteurs », « entreprises » ou « tous_secteurs = true ».".into(),
            );
        }
        for s in &e.secteurs {
            let s = s.to_lowercase();
            if !world()
                .entreprise
                .iter()
                .any(|b| b.secteur.to_lowercase().contains(&s))
            {
                say(
                    &entry,
                    "secteurs",
                    format!("« {s} » ne figure dans le secteur d'aucune entreprise."),
                );
            }
        }
        for n in &e.entreprises {
            if !world().entreprise.iter().any(|b| &b.nom == n) {
                say(
                    &entry,
                    "entreprises",
                    format!(
                        "« {n} » n'est pas une entreprise de « {} ».",
                        crate::world::WORLD_FILE
                    ),
                );
            }
        }
    }
    for b in &world().entreprise {
        if !c
            .equipement
            .iter()
            .any(|e| e.fits_in(c, b) && !e.is_premises_in(c))
        {
            say(
                &format!("entreprise « {} »", b.nom),
                "secteurs",
                "aucun équipement (hors locaux) ne convient à cette entreprise.".into(),
            );
        }
    }
    out
}

impl Category {
    /// The loan durations of this category, in months, a multiple of 12.
    pub fn loan_months(&self) -> (u32, u32) {
        (self.duree_credit_min_mois, self.duree_credit_max_mois)
    }
}

impl Equipment {
    fn category_in<'a>(&self, c: &'a Catalog) -> &'a Category {
        c.categorie
            .iter()
            .find(|k| k.id == self.categorie)
            .expect("the file's check ties each asset to a category")
    }

    fn is_premises_in(&self, c: &Catalog) -> bool {
        c.categorie
            .iter()
            .any(|k| k.id == self.categorie && k.objet_credit == "immobilier")
    }

    fn fits_in(&self, c: &Catalog, b: &Business) -> bool {
        let sector = b.secteur.to_lowercase();
        let matches = self.tous_secteurs
            || self.entreprises.iter().any(|n| n == &b.nom)
            || self
                .secteurs
                .iter()
                .any(|s| sector.contains(&s.to_lowercase()));
        matches && self.prix_min <= self.cap_in(c, b)
    }

    fn cap_in(&self, c: &Catalog, b: &Business) -> Decimal {
        // An asset of an unknown category (reported by the check) fits no one.
        let share = c
            .categorie
            .iter()
            .find(|k| k.id == self.categorie)
            .map_or(0, |k| k.part_ca_max);
        Decimal::from(b.ca_annuel) * Decimal::from(share) / Decimal::ONE_HUNDRED
    }

    pub fn category(&self) -> &'static Category {
        self.category_in(catalog())
    }

    /// Premises: financed over many years, not depreciated in the exercises.
    pub fn is_premises(&self) -> bool {
        self.is_premises_in(catalog())
    }

    /// The price range of this asset for `b`: no dearer than its share of `b`'s turnover.
    pub fn price_range(&self, b: &Business) -> (Decimal, Decimal) {
        let cap = self.cap_in(catalog(), b);
        (self.prix_min, self.prix_max.min(cap).max(self.prix_min))
    }

    /// "de l'achat d'un pressoir pneumatique", "de l'achat de cuves en inox".
    pub fn purchase(&self) -> String {
        let n = &self.nom;
        let vowel = |w: &str| w.starts_with(['a', 'e', 'i', 'o', 'u', 'é', 'è', 'ê', 'â', 'h']);
        let of = if n.starts_with("un ") || n.starts_with("une ") || n.starts_with("l'") {
            text!("de ", n.as_str())
        } else if let Some(rest) = n.strip_prefix("le ") {
            text!("du ", rest)
        } else if let Some(rest) = n.strip_prefix("les ").or_else(|| n.strip_prefix("des ")) {
            if vowel(rest) {
                text!("d'", rest)
            } else {
                text!("de ", rest)
            }
        } else {
            text!("de ", n.as_str())
        };
        // « de un » → « d'un »: the generator elides « de » before a vowel except before
        // « un », « une » (numbers), so an article is elided here.
        let of = if let Some(rest) = of.strip_prefix("de un") {
            text!("d'un", rest)
        } else {
            of
        };
        text!("de l'achat ", of)
    }
}

/// The assets that fit `b`, premises included or not.
pub fn fitting(b: &Business, premises: bool) -> Vec<&'static Equipment> {
    let c = catalog();
    c.equipement
        .iter()
        .filter(|e| e.fits_in(c, b) && (premises || !e.is_premises_in(c)))
        .collect()
}

/// One asset that fits `b`.
pub fn draw(rng: &mut Rng, b: &Business, premises: bool) -> &'static Equipment {
    let pool = fitting(b, premises);
    pool[rng.int(0, pool.len() as i64 - 1) as usize]
}

/// The market range of business loans for `purpose` known on `date`.
pub fn loan_range(date: &Date, purpose: &str) -> &'static MarketRange {
    rates()
        .loan(date.year, purpose)
        .unwrap_or_else(|| panic!("pas de taux de crédit « {purpose} » pour {}", date.year))
}

/// The market range of company deposits of `kind` known on `date`.
pub fn deposit_range(date: &Date, kind: &str) -> &'static MarketRange {
    rates()
        .deposit(date.year, kind)
        .unwrap_or_else(|| panic!("pas de taux de placement « {kind} » pour {}", date.year))
}

/// A rate on the `step` grid inside `range` (both bounds included): a rate a bank of
/// that year could have quoted.
pub fn draw_rate(rng: &mut Rng, range: &MarketRange, step: Decimal) -> Decimal {
    let lo = (range.taux_min / step).ceil();
    let hi = (range.taux_max / step).floor().max(lo);
    let k = rng.int(
        i64::try_from(lo).unwrap_or(0),
        i64::try_from(hi).unwrap_or(0),
    );
    Decimal::from(k) * step
}

/// "de 3,42 % à 4,02 % (2025 ; source : Banque de France, …)": how a statement cites the
/// market range its rate was drawn in.
pub fn cite(range: &MarketRange) -> String {
    text!(
        "de ",
        crate::num::format::percent(range.taux_min),
        " à ",
        crate::num::format::percent(range.taux_max),
        " (chiffres ",
        range.annee,
        " ; source : ",
        range.source.replace("<=", "≤"),
        ")"
    )
}

/// The gap between two amounts in words: `None` when they agree to the cent, else
/// "1 centime", "7 centimes", "1,20 €".
pub fn gap_amount(a: Decimal, b: Decimal) -> Option<String> {
    let cents = ((a - b).abs() * Decimal::ONE_HUNDRED).round();
    if cents.is_zero() {
        None
    } else if cents == Decimal::ONE {
        Some("1 centime".to_string())
    } else if cents < Decimal::ONE_HUNDRED {
        Some(text!(crate::num::format::number(cents, 0), " centimes"))
    } else {
        Some(crate::num::format::euros(cents / Decimal::ONE_HUNDRED))
    }
}

/// How a worked solution explains the gap between a closed formula and a table rounded
/// line by line: sized to the gap, never « quelques centimes » for a euro.
pub fn rounding_gap(a: Decimal, b: Decimal) -> String {
    match gap_amount(a, b) {
        None => "les deux calculs donnent le même résultat".to_string(),
        Some(g) if (a - b).abs() < Decimal::ONE => {
            text!("l'écart de ", g, " vient des arrondis au centime de chaque ligne")
        }
        Some(g) => text!(
            "l'écart de ",
            g,
            " vient de l'accumulation des arrondis au centime, ligne après ligne, sur toute la durée"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn the_shipped_file_is_sound() {
        check().unwrap();
    }

    #[test]
    fn every_company_has_an_asset_of_its_size() {
        for b in &world().entreprise {
            let pool = fitting(b, false);
            assert!(!pool.is_empty(), "{}", b.nom);
            for e in pool {
                let (lo, hi) = e.price_range(b);
                assert!(lo <= hi, "{} {}", b.nom, e.nom);
                assert!(
                    hi <= Decimal::from(b.ca_annuel) / dec!(2),
                    "{} : {} jusqu'à {hi}",
                    b.nom,
                    e.nom
                );
            }
        }
    }

    #[test]
    fn every_company_has_a_commercial_asset() {
        for b in &world().entreprise {
            assert!(fitting(b, false).iter().any(|e| e.commercial), "{}", b.nom);
        }
    }

    #[test]
    fn no_production_machine_for_a_consultancy() {
        let consultancy = world()
            .entreprise
            .iter()
            .find(|b| b.nom == "Numérik Conseil Normandie")
            .unwrap();
        for e in fitting(consultancy, true) {
            assert!(
                !e.nom.contains("frigorifique")
                    && !e.nom.contains("ligne de")
                    && !e.nom.contains("machine"),
                "{}",
                e.nom
            );
        }
    }

    #[test]
    fn bad_data_is_named_in_french() {
        let bad = EQUIPMENT_TOML.replacen(
            "categorie = \"vehicule\"\nprix_min = \"18000\"",
            "categorie = \"camion\"\nprix_min = \"18000\"",
            1,
        );
        let e = parse(&bad).unwrap_err();
        assert!(
            e.contains("« exercises/equipements.toml », équipement « un véhicule de service pour les tournées des commerciaux », champ « categorie » : « camion » n'est pas une [[categorie]] du fichier."),
            "{e}"
        );
        let bad = EQUIPMENT_TOML.replacen(
            "duree_credit_max_mois = 180",
            "duree_credit_max_mois = 360",
            1,
        );
        let e = parse(&bad).unwrap_err();
        assert!(e.contains("catégorie « locaux », champ « duree_credit_max_mois » : 360 mois dépasse la durée maximale de 240 mois"), "{e}");
        let bad =
            EQUIPMENT_TOML.replacen("prix_min = \"18000\"", "prix_min = \"dix-huit mille\"", 1);
        let e = parse(&bad).unwrap_err();
        assert!(
            e.starts_with("« exercises/equipements.toml », ligne "),
            "{e}"
        );
    }

    #[test]
    fn purchases_elide() {
        let c = catalog();
        let named = |n: &str| c.equipement.iter().find(|e| e.nom.starts_with(n)).unwrap();
        assert_eq!(
            named("un pressoir").purchase(),
            "de l'achat d'un pressoir pneumatique"
        );
        assert_eq!(
            named("des cuves").purchase(),
            "de l'achat de cuves en inox thermorégulées"
        );
        assert_eq!(
            named("le mobilier neuf").purchase(),
            "de l'achat du mobilier neuf des chambres"
        );
        assert_eq!(
            named("l'agencement").purchase(),
            "de l'achat de l'agencement complet du magasin (mobilier, éclairage, caisse)"
        );
    }

    #[test]
    fn rates_fall_inside_their_range() {
        let r = loan_range(
            &Date {
                year: 2026,
                month: 3,
                day: 1,
            },
            "equipement",
        );
        let mut rng = Rng::from_seed(7);
        for _ in 0..200 {
            let t = draw_rate(&mut rng, r, dec!(0.05));
            assert!(r.taux_min <= t && t <= r.taux_max, "{t}");
        }
    }

    #[test]
    fn gaps_are_worded_to_size() {
        assert_eq!(
            rounding_gap(dec!(10), dec!(10)),
            "les deux calculs donnent le même résultat"
        );
        assert!(rounding_gap(dec!(10.01), dec!(10)).contains("1 centime "));
        assert!(rounding_gap(dec!(10.07), dec!(10)).contains("7 centimes"));
        assert!(rounding_gap(dec!(11.20), dec!(10)).contains("1,20\u{a0}€"));
    }
}

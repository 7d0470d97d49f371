//! Generated customer portfolios: names and towns drawn from
//! `exercises/portefeuilles.toml` (a file of this family, so that the pools of
//! `contextes.toml`, and the statements of the other families, stay unchanged), each
//! customer of a buyer kind the company sells to, so that its name and its orders fit.

use crate::rng::Rng;
use crate::world::Business;
use crate::world::Clientele;
use crate::world::INDIVIDUAL;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub departements: Vec<String>,
    pub villes: Vec<String>,
}

/// The signs of one buyer kind: `noms` take a surname or a place complement
/// (« Restaurant Martin », « Restaurant du Port »), `lieux` a place complement only
/// (« EHPAD des Tilleuls »), `villes` the customer's town (« Mairie de Vannes »).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signs {
    pub acheteur: String,
    #[serde(default)]
    pub noms: Vec<String>,
    #[serde(default)]
    pub lieux: Vec<String>,
    #[serde(default)]
    pub villes: Vec<String>,
}

impl Signs {
    fn count(&self) -> usize {
        self.noms.len() + self.lieux.len() + self.villes.len()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pools {
    pub enseigne: Vec<Signs>,
    pub complements: Vec<String>,
    pub patronymes: Vec<String>,
    pub prenoms_f: Vec<String>,
    pub prenoms_m: Vec<String>,
    pub villes: Vec<String>,
    pub zone: Vec<Zone>,
}

const POOLS_TOML: &str = include_str!("../../../exercises/portefeuilles.toml");

static POOLS: LazyLock<Pools> = LazyLock::new(|| {
    toml::from_str(POOLS_TOML).expect("exercises/portefeuilles.toml est invalide")
});

/// The built-in pools (checked by the test suite, so the `expect` cannot fire in a
/// released binary).
pub fn pools() -> &'static Pools {
    &POOLS
}

/// One customer of a generated portfolio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub town: String,
    /// Its buyer kind (an `id` of `contextes.toml`), one the business sells to.
    pub kind: &'static str,
}

/// The buyer kinds `business` sells to, in the order its products first name them.
pub fn kinds_of(business: &'static Business) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for p in &business.produit {
        for k in p.acheteurs.keys() {
            if !out.contains(&k.as_str()) {
                out.push(k);
            }
        }
    }
    out
}

/// How much of `business`'s turnover each kind it sells to makes, in hundredths of a
/// percent: each product's share of turnover split evenly among its buyer kinds (the
/// world says who buys, not how much: an even split is the neutral reading). A grocer's
/// supplier is mostly bought from by grocers, not by the estate agent ordering gifts.
pub fn kind_weights(business: &'static Business) -> Vec<(&'static str, i64)> {
    kinds_of(business)
        .into_iter()
        .map(|k| {
            let w: u32 = business
                .produit
                .iter()
                .filter(|p| p.acheteurs.contains_key(k))
                .map(|p| p.part_ca * 100 / p.acheteurs.len().max(1) as u32)
                .sum();
            (k, i64::from(w.max(1)))
        })
        .collect()
}

/// A kind of `weights`, drawn in proportion to its weight.
fn pick_kind(rng: &mut Rng, weights: &[(&'static str, i64)]) -> &'static str {
    let total: i64 = weights.iter().map(|(_, w)| w).sum();
    let mut left = rng.int(0, total.max(1) - 1);
    for (k, w) in weights {
        if left < *w {
            return k;
        }
        left -= w;
    }
    weights.last().map_or(INDIVIDUAL, |(k, _)| k)
}

/// The value HT of one order a buyer of `kind` places with `business`, whatever it
/// buys: from the smallest order of its cheapest product to the largest of its dearest
/// (`None` if no product sells to that kind). Whole euros inside the exact bounds.
pub fn order_value_range(business: &Business, kind: &str) -> Option<(Decimal, Decimal)> {
    let ranges = business
        .produit
        .iter()
        .filter_map(|p| p.order_value_range(kind));
    let (lo, hi) = ranges.fold(None, |acc: Option<(Decimal, Decimal)>, (lo, hi)| {
        Some(acc.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))))
    })?;
    Some((lo.ceil(), hi.floor().max(lo.ceil())))
}

/// The most orders a customer of `kind` places in a year: a household buys now and
/// then, a club twice a month, a firm at most every working day (a restaurant's fish).
pub fn orders_per_year_max(kind: &str) -> i64 {
    match kind {
        INDIVIDUAL => 6,
        crate::world::ASSOCIATION => 24,
        _ => 250,
    }
}

/// Whether the business sells to the general public (its customers are persons).
pub fn sells_to_persons(business: &Business) -> bool {
    business.clientele == Clientele::Particuliers
}

/// Sort key that orders French names as a directory does (accents ignored).
pub fn sort_key(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'œ' => 'o',
            other => other,
        })
        .collect()
}

/// The signs of customers of `kind` (none for households).
fn signs_for(kind: &str) -> Option<&'static Signs> {
    pools().enseigne.iter().find(|g| g.acheteur == kind)
}

fn towns_near(business: &Business) -> Vec<&'static str> {
    let p = pools();
    let zone = p.zone.iter().find(|z| {
        z.departements
            .iter()
            .any(|d| business.code_postal.starts_with(d.as_str()))
    });
    match zone {
        Some(z) => z.villes.iter().map(String::as_str).collect(),
        None => p.villes.iter().map(String::as_str).collect(),
    }
}

/// " de Vannes", " d'Aubagne", " du Mans", " des Abymes": `de` before a town's name,
/// elided or contracted.
fn push_of_town(out: &mut String, town: &str) {
    if let Some(rest) = town.strip_prefix("Le ") {
        out.push_str(" du ");
        out.push_str(rest);
    } else if let Some(rest) = town.strip_prefix("Les ") {
        out.push_str(" des ");
        out.push_str(rest);
    } else if town.starts_with(['A', 'E', 'I', 'O', 'U', 'Y', 'É', 'È', 'Ê', 'Â', 'Î', 'Ô']) {
        out.push_str(" d'");
        out.push_str(town);
    } else {
        out.push_str(" de ");
        out.push_str(town);
    }
}

/// `n` distinct customers of `business`, each of a kind it sells to (as often as that
/// kind buys from it, by [`kind_weights`]), listed in alphabetical order (as a customer file is exported). About a third are in the
/// business's own town.
pub fn draw_members(rng: &mut Rng, business: &'static Business, n: usize) -> Vec<Member> {
    let p = pools();
    let towns = towns_near(business);
    let kinds = kind_weights(business);
    let mut out: Vec<Member> = Vec::with_capacity(n);
    let mut guard = 0;
    while out.len() < n && guard < 10_000 {
        guard += 1;
        let kind = pick_kind(rng, &kinds);
        let town = if rng.chance(1, 3) {
            business.ville.clone()
        } else {
            rng.pick(&towns).to_string()
        };
        let persons = kind == INDIVIDUAL;
        let name = match signs_for(kind) {
            _ if persons => {
                let (civ, first) = if rng.chance(1, 2) {
                    ("Mme", rng.pick(&p.prenoms_f))
                } else {
                    ("M.", rng.pick(&p.prenoms_m))
                };
                format!("{civ} {first} {}", rng.pick(&p.patronymes))
            }
            Some(s) if s.count() > 0 => {
                let i = rng.int(0, s.count() as i64 - 1) as usize;
                if i < s.noms.len() {
                    let sign = &s.noms[i];
                    if rng.chance(2, 3) {
                        format!("{sign} {}", rng.pick(&p.patronymes))
                    } else {
                        format!("{sign} {}", rng.pick(&p.complements))
                    }
                } else if i < s.noms.len() + s.lieux.len() {
                    format!("{} {}", s.lieux[i - s.noms.len()], rng.pick(&p.complements))
                } else {
                    let mut name = s.villes[i - s.noms.len() - s.lieux.len()].clone();
                    push_of_town(&mut name, &town);
                    name
                }
            }
            // A kind without signs (the check below refuses it in the shipped file).
            _ => format!("Établissements {}", rng.pick(&p.patronymes)),
        };
        // Persons are told apart by their surname, businesses by their full name.
        let clash = out.iter().any(|m| {
            sort_key(&m.name) == sort_key(&name)
                || (persons
                    && m.kind == INDIVIDUAL
                    && m.name.rsplit(' ').next() == name.rsplit(' ').next())
        });
        if clash {
            continue;
        }
        out.push(Member { name, town, kind });
    }
    out.sort_by_key(|m| sort_key(&m.name));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::world;

    #[test]
    fn towns_elide() {
        let of = |t: &str| {
            let mut s = String::from("Mairie");
            push_of_town(&mut s, t);
            s
        };
        assert_eq!(of("Vannes"), "Mairie de Vannes");
        assert_eq!(of("Aubagne"), "Mairie d'Aubagne");
        assert_eq!(of("Évreux"), "Mairie d'Évreux");
        assert_eq!(of("Le Mans"), "Mairie du Mans");
        assert_eq!(of("Les Abymes"), "Mairie des Abymes");
        assert_eq!(of("La Rochelle"), "Mairie de La Rochelle");
    }

    #[test]
    fn pools_are_plausible() {
        let p = pools();
        assert!(p.patronymes.len() >= 100);
        for k in &world().acheteur {
            let signs = signs_for(&k.id);
            if k.id == INDIVIDUAL {
                assert!(signs.is_none());
            } else {
                assert!(signs.is_some_and(|s| s.count() >= 3), "{}", k.id);
            }
        }
        for z in &p.zone {
            assert!(!z.villes.is_empty() && !z.departements.is_empty());
        }
    }

    #[test]
    fn forty_distinct_members_for_every_business() {
        let mut rng = Rng::from_seed(5);
        for b in &world().entreprise {
            let m = draw_members(&mut rng, b, 40);
            assert_eq!(m.len(), 40, "{}", b.nom);
            let keys: Vec<String> = m.iter().map(|x| sort_key(&x.name)).collect();
            let mut sorted = keys.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted, keys, "{}: triés et distincts", b.nom);
            let kinds = kinds_of(b);
            for x in &m {
                assert!(
                    kinds.contains(&x.kind),
                    "{}: {} ({})",
                    b.nom,
                    x.name,
                    x.kind
                );
                assert!(order_value_range(b, x.kind).is_some(), "{}", x.kind);
            }
        }
    }
}

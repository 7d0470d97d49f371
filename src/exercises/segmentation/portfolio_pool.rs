//! Generated customer portfolios: names and towns drawn from
//! `exercises/portefeuilles.toml` (a file of this family, so that the pools of
//! `contextes.toml`, and the statements of the other families, stay unchanged).

use crate::rng::Rng;
use crate::world::Business;
use crate::world::Clientele;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub departements: Vec<String>,
    pub villes: Vec<String>,
}

/// Shop signs of customers, for businesses whose sector contains one of `mots` (the
/// group without words is the fallback).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub mots: Vec<String>,
    pub enseignes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pools {
    pub groupe: Vec<Group>,
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

/// The shop signs that fit the customers of `business`.
fn signs_for(business: &Business) -> &'static [String] {
    let sector = business.secteur.to_lowercase();
    let groups = &pools().groupe;
    groups
        .iter()
        .find(|g| g.mots.iter().any(|m| sector.contains(m.as_str())))
        .or_else(|| groups.iter().find(|g| g.mots.is_empty()))
        .map_or(&[], |g| g.enseignes.as_slice())
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

/// `n` distinct customers of `business`, listed in alphabetical order (as a customer
/// file is exported). About a third are in the business's own town.
pub fn draw_members(rng: &mut Rng, business: &'static Business, n: usize) -> Vec<Member> {
    let p = pools();
    let towns = towns_near(business);
    let persons = sells_to_persons(business);
    let signs = signs_for(business);
    let mut out: Vec<Member> = Vec::with_capacity(n);
    let mut guard = 0;
    while out.len() < n && guard < 10_000 {
        guard += 1;
        let name = if persons {
            let (civ, first) = if rng.chance(1, 2) {
                ("Mme", rng.pick(&p.prenoms_f))
            } else {
                ("M.", rng.pick(&p.prenoms_m))
            };
            format!("{civ} {first} {}", rng.pick(&p.patronymes))
        } else if rng.chance(2, 3) {
            format!("{} {}", rng.pick(signs), rng.pick(&p.patronymes))
        } else {
            format!("{} {}", rng.pick(signs), rng.pick(&p.complements))
        };
        // Persons are told apart by their surname, businesses by their full name.
        let clash = out.iter().any(|m| {
            sort_key(&m.name) == sort_key(&name)
                || (persons && m.name.rsplit(' ').next() == name.rsplit(' ').next())
        });
        if clash {
            continue;
        }
        let town = if rng.chance(1, 3) {
            business.ville.clone()
        } else {
            rng.pick(&towns).to_string()
        };
        out.push(Member { name, town });
    }
    out.sort_by_key(|m| sort_key(&m.name));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::world;

    #[test]
    fn pools_are_plausible() {
        let p = pools();
        assert!(p.patronymes.len() >= 100);
        assert!(p.groupe.iter().all(|g| g.enseignes.len() >= 15));
        assert_eq!(p.groupe.iter().filter(|g| g.mots.is_empty()).count(), 1);
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
        }
    }
}

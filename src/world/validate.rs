//! Checks of the world and rates files: teachers extend them, so every inconsistency is
//! reported in French with the file, the entry and the field.

use super::rates::{self, Day, RATES_FILE};
use super::{Business, Product, World, INDIVIDUAL, WORLD_FILE};
use crate::calc::dates::Date;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeSet;

/// "exercises/contextes.toml, ligne 12 : …" from a TOML parse error.
pub(super) fn toml_message(file: &str, text: &str, e: &toml::de::Error) -> String {
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
        .map(|l| format!(", ligne {l}"))
        .unwrap_or_default();
    format!("« {file} »{line} : {}", e.message().trim())
}

/// The first day a statement can be dated (statements are set in 2025–2026).
pub const FIRST_STATEMENT_DAY: Date = Date {
    year: 2025,
    month: 1,
    day: 1,
};
/// The last day a statement can be dated, payment terms and penalty periods included:
/// the last day the official rates are known for (the taux de l'intérêt légal of the
/// second half of 2026 could not be checked against its arrêté).
pub const LAST_STATEMENT_DAY: Date = Date {
    year: 2026,
    month: 6,
    day: 30,
};

/// Every problem of the world and rates files, or `Ok`.
pub fn check() -> Result<(), String> {
    let world = super::PARSED.as_ref().map_err(Clone::clone)?;
    let rates = rates::parsed().map_err(Clone::clone)?;
    let mut problems = Vec::new();
    check_world(world, &mut problems);
    check_rates(rates, &mut problems);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The 3-digit prefix of an overseas postcode ("972"), empty for mainland France: a sale
/// between the two is an export, so customers are drawn from the business's own area.
pub fn area(postcode: &str) -> &str {
    if postcode.starts_with("97") && postcode.len() >= 3 {
        &postcode[..3]
    } else {
        ""
    }
}

fn check_world(w: &World, problems: &mut Vec<String>) {
    let mut say = |entry: &str, field: &str, what: String| {
        problems.push(format!(
            "« {WORLD_FILE} », {entry}, champ « {field} » : {what}"
        ))
    };
    let kinds: BTreeSet<&str> = w.acheteur.iter().map(|k| k.id.as_str()).collect();
    if kinds.len() != w.acheteur.len() {
        say(
            "[[acheteur]]",
            "id",
            "un identifiant figure deux fois.".into(),
        );
    }
    if !kinds.contains(INDIVIDUAL) {
        say(
            "[[acheteur]]",
            "id",
            format!("la liste doit contenir « {INDIVIDUAL} »."),
        );
    }
    let at_most = kinds.len() / 3;
    let allowed_vat = [dec!(20), dec!(10), dec!(5.5), dec!(2.1)];
    for k in &w.client {
        let entry = format!("client « {} »", k.nom);
        if !kinds.contains(k.acheteur.as_str()) {
            say(
                &entry,
                "acheteur",
                format!(
                    "« {} » n'est pas un type d'acheteur de la liste [[acheteur]].",
                    k.acheteur
                ),
            );
        }
        if k.code_postal.len() != 5 || !k.code_postal.bytes().all(|b| b.is_ascii_digit()) {
            say(
                &entry,
                "code_postal",
                "5 chiffres entre guillemets attendus.".into(),
            );
        }
        let household = k.taille == super::Size::Menage;
        if household != (k.acheteur == INDIVIDUAL) {
            say(
                &entry,
                "taille",
                "« menage » est la taille des particuliers, et d'eux seuls.".into(),
            );
        }
    }
    for b in &w.entreprise {
        check_business(w, b, &kinds, at_most, &allowed_vat, &mut say);
    }
}

fn check_business(
    w: &World,
    b: &Business,
    kinds: &BTreeSet<&str>,
    at_most: usize,
    allowed_vat: &[Decimal; 4],
    say: &mut impl FnMut(&str, &str, String),
) {
    let entry = format!("entreprise « {} »", b.nom);
    if b.code_postal.len() != 5 || !b.code_postal.bytes().all(|x| x.is_ascii_digit()) {
        say(
            &entry,
            "code_postal",
            "5 chiffres entre guillemets attendus.".into(),
        );
    }
    if b.ca_annuel == 0 || b.clients == 0 || b.commerciaux == 0 {
        say(
            &entry,
            "ca_annuel, clients, commerciaux",
            "chacun doit être un entier positif.".into(),
        );
    }
    let [lo, hi] = b.taux_marque;
    if !(Decimal::ZERO < lo && lo < hi && hi < Decimal::ONE_HUNDRED) {
        say(
            &entry,
            "taux_marque",
            "deux taux entre 0 et 100, le premier plus petit, sont attendus.".into(),
        );
    }
    if b.produit.is_empty() {
        say(&entry, "produit", "l'entreprise n'a aucun produit.".into());
    }
    let shares: u32 = b.produit.iter().map(|p| p.part_ca).sum();
    if shares > 100 {
        say(
            &entry,
            "part_ca",
            format!("la somme des parts de chiffre d'affaires de ses produits fait {shares} %, plus de 100 %."),
        );
    }
    let here = area(&b.code_postal);
    for p in &b.produit {
        let entry = format!("entreprise « {} », produit « {} »", b.nom, p.nom);
        check_product(p, b, &entry, kinds, at_most, allowed_vat, say);
        for kind in p.acheteurs.keys() {
            let buyers = w
                .client
                .iter()
                .filter(|k| &k.acheteur == kind && area(&k.code_postal) == here)
                .count();
            if kinds.contains(kind.as_str()) && buyers == 0 {
                let place = if here.is_empty() {
                    "en métropole".to_string()
                } else {
                    format!("dans le même département d'outre-mer ({here})")
                };
                say(
                    &entry,
                    "acheteurs",
                    format!("aucun client de type « {kind} » {place} : ajoutez-en un dans la liste [[client]] ou retirez ce type."),
                );
            }
        }
    }
}

fn check_product(
    p: &Product,
    b: &Business,
    entry: &str,
    kinds: &BTreeSet<&str>,
    at_most: usize,
    allowed_vat: &[Decimal; 4],
    say: &mut impl FnMut(&str, &str, String),
) {
    if !(Decimal::ZERO < p.prix_ht_min && p.prix_ht_min < p.prix_ht_max) {
        say(
            entry,
            "prix_ht_min, prix_ht_max",
            "deux prix positifs, le premier plus petit, sont attendus.".into(),
        );
        return;
    }
    if !allowed_vat.contains(&p.tva) {
        say(
            entry,
            "tva",
            format!(
                "{} n'est pas un taux de TVA accepté (20, 10, 5.5 ou 2.1).",
                p.tva
            ),
        );
    }
    if p.part_ca == 0 {
        say(entry, "part_ca", "une part positive est attendue.".into());
    }
    if p.saisonnalite.iter().all(|&x| x == 0) {
        say(
            entry,
            "saisonnalite",
            "les douze poids sont nuls : mettez 1 partout pour des ventes régulières.".into(),
        );
    }
    if p.acheteurs.is_empty() {
        say(entry, "acheteurs", "aucun type d'acheteur.".into());
    }
    if p.acheteurs.len() > at_most {
        say(
            entry,
            "acheteurs",
            format!(
                "{} types d'acheteurs : un produit en accepte au plus le tiers de la liste, {at_most}.",
                p.acheteurs.len()
            ),
        );
    }
    let volume = b.annual_volume(p);
    for (kind, &[lo, hi]) in &p.acheteurs {
        if !kinds.contains(kind.as_str()) {
            say(
                entry,
                "acheteurs",
                format!("« {kind} » n'est pas un type d'acheteur de la liste [[acheteur]]."),
            );
        }
        if lo < 1 || lo >= hi {
            say(
                entry,
                &format!("acheteurs.{kind}"),
                format!("[{lo}, {hi}] : deux quantités, la première au moins 1 et plus petite que la seconde, sont attendues."),
            );
        } else if Decimal::from(hi) * Decimal::from(4) > volume {
            say(
                entry,
                &format!("acheteurs.{kind}"),
                format!(
                    "une commande peut atteindre {hi} unités, alors que le volume annuel du produit (ca_annuel × part_ca ÷ prix moyen) n'est que de {volume} : quatre commandes au plus par an, c'est trop peu."
                ),
            );
        }
    }
}

/// "01/07/2025".
fn numeric(d: &Date) -> String {
    format!("{:02}/{:02}/{}", d.day, d.month, d.year)
}

fn check_rates(r: &rates::Rates, problems: &mut Vec<String>) {
    let mut say =
        |entry: &str, what: String| problems.push(format!("« {RATES_FILE} », {entry} : {what}"));
    let key = |d: &Day| (d.0.year, d.0.month, d.0.day);
    // Periods in order, contiguous, covering every date a statement can carry.
    let mut chains: Vec<(&str, Vec<(Day, Day)>)> = vec![
        (
            "[[taux_legal]]",
            r.taux_legal.iter().map(|x| (x.debut, x.fin)).collect(),
        ),
        (
            "[[taux_bce_semestre]]",
            r.taux_bce_semestre
                .iter()
                .map(|x| (x.debut, x.fin))
                .collect(),
        ),
        (
            "[[livret_a]]",
            r.livret_a.iter().map(|x| (x.debut, x.fin)).collect(),
        ),
    ];
    for (name, periods) in &mut chains {
        periods.sort_by_key(|(a, _)| key(a));
        for (a, b) in periods.iter() {
            if key(a) > key(b) {
                say(
                    name,
                    format!("la période du {} finit avant de commencer.", numeric(&a.0)),
                );
            }
        }
        for pair in periods.windows(2) {
            if pair[0].1 .0.add_days(1) != pair[1].0 .0 {
                say(
                    name,
                    format!(
                        "les périodes ne se suivent pas entre le {} et le {}.",
                        numeric(&pair[0].1 .0),
                        numeric(&pair[1].0 .0)
                    ),
                );
            }
        }
        let first = periods.first().map(|p| key(&p.0));
        let last = periods.last().map(|p| key(&p.1));
        let from = (
            FIRST_STATEMENT_DAY.year,
            FIRST_STATEMENT_DAY.month,
            FIRST_STATEMENT_DAY.day,
        );
        let to = (
            LAST_STATEMENT_DAY.year,
            LAST_STATEMENT_DAY.month,
            LAST_STATEMENT_DAY.day,
        );
        if first.is_none_or(|f| f > from) || last.is_none_or(|l| l < to) {
            say(
                name,
                format!(
                    "aucun taux pour une partie de la période des énoncés ({} au {}) : ajoutez la période manquante.",
                    numeric(&FIRST_STATEMENT_DAY),
                    numeric(&LAST_STATEMENT_DAY)
                ),
            );
        }
    }
    for x in r.credit_professionnel.iter().chain(&r.placement) {
        if x.taux_min > x.taux_max || x.taux_min < Decimal::ZERO {
            say(
                &format!("année {}, « {} »", x.annee, x.objet),
                "taux_min doit être positif et au plus égal à taux_max.".into(),
            );
        }
    }
    // Market ranges are published a year after: a statement uses the latest year known
    // at its date, so the year before the first statement must be there.
    for year in [FIRST_STATEMENT_DAY.year - 1] {
        for purpose in ["equipement", "tresorerie"] {
            if r.loan(year, purpose).is_none() {
                say(
                    "[[credit_professionnel]]",
                    format!("aucune fourchette de taux pour l'objet « {purpose} » en {year}."),
                );
            }
        }
        if r.deposit(year, "depot-a-terme").is_none() {
            say(
                "[[placement]]",
                format!("aucune fourchette de taux pour « depot-a-terme » en {year}."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped files are consistent (a teacher's edit that is not stops the test suite
    /// here, and the CLI before it draws anything).
    #[test]
    fn shipped_world_and_rates_are_consistent() {
        if let Err(e) = check() {
            panic!("{e}");
        }
    }

    fn world_with(edit: impl Fn(&mut World)) -> Vec<String> {
        let mut w: World = toml::from_str(super::super::WORLD_TOML).unwrap();
        edit(&mut w);
        let mut problems = Vec::new();
        check_world(&w, &mut problems);
        problems
    }

    #[test]
    fn unknown_kind_and_unsold_product_are_named() {
        let problems = world_with(|w| {
            let p = &mut w.entreprise[0].produit[0];
            p.acheteurs.clear();
            p.acheteurs.insert("cosmonaute".into(), [1, 2]);
        });
        assert!(
            problems.iter().any(|m| m.contains("champ « acheteurs »")
                && m.contains("« cosmonaute » n'est pas un type d'acheteur")),
            "{problems:?}"
        );
    }

    #[test]
    fn an_order_above_the_annual_volume_is_refused() {
        let problems = world_with(|w| {
            let b = &mut w.entreprise[0];
            b.ca_annuel = 1000;
        });
        assert!(
            problems.iter().any(|m| m.contains("volume annuel")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_kind_without_customer_in_the_area_is_refused() {
        let problems = world_with(|w| {
            let kind = w.entreprise[0].produit[0]
                .acheteurs
                .keys()
                .next()
                .unwrap()
                .clone();
            w.client.retain(|k| k.acheteur != kind);
        });
        assert!(
            problems.iter().any(|m| m.contains("aucun client de type")),
            "{problems:?}"
        );
    }

    #[test]
    fn too_many_kinds_for_one_product_are_refused() {
        let problems = world_with(|w| {
            let ids: Vec<String> = w.acheteur.iter().map(|k| k.id.clone()).collect();
            let p = &mut w.entreprise[0].produit[0];
            for id in ids {
                p.acheteurs.insert(id, [1, 2]);
            }
        });
        assert!(
            problems.iter().any(|m| m.contains("au plus le tiers")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_gap_in_the_legal_rates_is_named() {
        let mut r: rates::Rates =
            toml::from_str(include_str!("../../exercises/taux.toml")).unwrap();
        r.taux_legal
            .retain(|x| !(x.debut.0.year == 2025 && x.debut.0.month == 7));
        let mut problems = Vec::new();
        check_rates(&r, &mut problems);
        assert!(
            problems
                .iter()
                .any(|m| m.contains("[[taux_legal]]") && m.contains("ne se suivent pas")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_toml_error_names_file_and_line() {
        let text = "[[acheteur]]\nid = \"a\"\nnom = 3\n";
        let e = toml::from_str::<World>(text).unwrap_err();
        let m = toml_message(WORLD_FILE, text, &e);
        assert!(
            m.starts_with("« exercises/contextes.toml », ligne 3 :"),
            "{m}"
        );
    }
}

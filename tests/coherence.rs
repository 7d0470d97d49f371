//! The world of version-2 statements holds together, over many seeds of every type:
//! the customer is of a kind that buys the product, an order's quantity is one that kind
//! orders, and none of the wording faults a teacher reported comes back.
//!
//! `cargo test` draws 40 seeds a type; `.ci/run` draws 2 000 in a release build:
//! `CLIENTELE_COHERENCE_SEEDS=2000 cargo test --release --test coherence`.

use clientele::exercises::ALL;
use clientele::generate::generate;
use clientele::model::Instance;
use clientele::world::rates::rates;
use clientele::world::{world, Business, Customer};
use std::collections::BTreeMap;

fn seeds() -> u64 {
    std::env::var("CLIENTELE_COHERENCE_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40)
}

/// Every text a student or a teacher reads.
fn texts(inst: &Instance) -> Vec<&str> {
    let mut out = vec![inst.statement.as_str(), inst.solution.as_str()];
    for q in &inst.questions {
        out.push(&q.prompt);
        out.extend(q.mistakes.iter().map(|m| m.message.as_ref()));
    }
    out
}

/// Prose without what is between backticks (code, SQL).
fn prose(text: &str) -> String {
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

fn wording_faults(text: &str) -> Vec<String> {
    let mut faults = Vec::new();
    let text = prose(text);
    for bad in ["(e)", "(s)", "− -", "+ -", "mois de a", "mois de o"] {
        if text.contains(bad) {
            faults.push(format!("« {bad} »"));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, w) in chars.windows(3).enumerate() {
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        // "de la " + vowel: "de la annuité" for "de l'annuité".
        if starts_word && w == ['l', 'a', ' '] && i >= 3 && chars[i - 3..i] == ['d', 'e', ' '] {
            if let Some(c) = chars.get(i + 3) {
                if "aeiouéèêâîôûAEIOUÉ".contains(*c) {
                    faults.push("« de la » devant une voyelle".into());
                }
            }
        }
        // "de" before a vowel: "une offre de interventions" for "d'interventions".
        if starts_word && w == ['d', 'e', ' '] {
            let word: String = chars[i + 3..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '-')
                .collect();
            let vowel = word.starts_with(['a', 'e', 'i', 'o', 'u', 'é', 'è', 'ê', 'â', 'î', 'ô']);
            // One letter is a variable (« à partir de a »); « onze », « un » are numbers.
            if vowel && word.chars().count() > 1 && !["onze", "un", "une"].contains(&word.as_str())
            {
                faults.push("« de » devant une voyelle".into());
            }
        }
        // A hyphen-minus used as a sign: "-98,81" after a space, a bracket or a bar.
        let sign_place = i == 0 || matches!(chars[i - 1], ' ' | '(' | '|' | '=' | '\u{a0}');
        if w[0] == '-' && w[1].is_ascii_digit() && sign_place {
            faults.push("trait d'union en guise de signe moins".into());
        }
    }
    faults
}

/// The business a statement is set in: the one whose name it holds (the longest, when a
/// name holds another).
fn seller_of(statement: &str) -> Option<&'static Business> {
    world()
        .entreprise
        .iter()
        .filter(|b| statement.contains(&b.nom))
        .max_by_key(|b| b.nom.len())
}

/// The customer a statement names as « son client X (ville) ».
fn customer_of(statement: &str) -> Option<&'static Customer> {
    world()
        .client
        .iter()
        .filter(|k| statement.contains(&format!("son client {} ({})", k.nom, k.ville)))
        .max_by_key(|k| k.nom.len())
}

/// The annual market rate a financing statement uses, for the types that draw one from
/// the dated tables of `exercises/taux.toml`.
fn market_rates(id: &str, inst: &Instance) -> Vec<rust_decimal::Decimal> {
    let get = |k: &str| inst.params.get(k).and_then(|v| v.as_number());
    let found = match id {
        "financement/emprunt" => vec![get("taux_annuel")],
        "financement/interets-simples" => vec![get("taux")],
        "financement/interets-composes" => vec![get("taux")
            .or_else(|| get("taux_mensuel_donne").map(|m| m * rust_decimal::Decimal::from(12)))],
        "financement/choix-financement" => {
            vec![get("taux_emprunt"), get("taux_actualisation")]
        }
        _ => vec![],
    };
    found.into_iter().flatten().collect()
}

/// Whether `rate` lies in a loan or deposit range in force in `year` (each purpose's
/// latest published year not after it).
fn in_dated_range(rate: rust_decimal::Decimal, year: i32) -> bool {
    let r = rates();
    let all = || r.credit_professionnel.iter().chain(&r.placement);
    all()
        .filter(|m| {
            all()
                .filter(|o| o.objet == m.objet && o.annee <= year)
                .map(|o| o.annee)
                .max()
                == Some(m.annee)
        })
        .any(|m| m.taux_min <= rate && rate <= m.taux_max)
}

/// The first year (20xx) a statement names.
fn first_year(statement: &str) -> Option<i32> {
    let chars: Vec<char> = statement.chars().collect();
    chars.windows(4).enumerate().find_map(|(i, w)| {
        let alone = i == 0 || !chars[i - 1].is_ascii_digit();
        let after = chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        (alone && after && w[0] == '2' && w[1] == '0' && w.iter().all(char::is_ascii_digit))
            .then(|| w.iter().collect::<String>().parse().ok())
            .flatten()
    })
}

#[test]
fn statements_hold_together() {
    let n = seeds();
    let mut problems: Vec<String> = Vec::new();
    let mut pairs_checked = 0;
    for e in ALL {
        for seed in 1..=n {
            let Ok(inst) = generate(e.id(), seed, &BTreeMap::new()) else {
                problems.push(format!("{} graine {seed} : pas d'énoncé", e.id()));
                continue;
            };
            let at = format!("{} graine {seed}", e.id());
            for t in texts(&inst) {
                for f in wording_faults(t) {
                    problems.push(format!("{at} : {f}"));
                }
            }
            // Penalties between businesses use a published « autres cas » legal rate.
            if e.id() == "financement/penalites" {
                let legal = inst.params.get("taux_legal").and_then(|v| v.as_number());
                let published = rates()
                    .taux_legal
                    .iter()
                    .any(|r| Some(r.autres_cas) == legal);
                if !published {
                    problems.push(format!("{at} : taux légal {legal:?} non publié"));
                }
            }
            // Loan, deposit and capitalisation rates lie in the market range published at
            // the statement's date (the latest year not after it).
            for rate in market_rates(e.id(), &inst) {
                let year = inst
                    .params
                    .get("debut_annee")
                    .and_then(|v| v.as_number())
                    .and_then(|y| i32::try_from(y).ok())
                    .or_else(|| first_year(&inst.statement))
                    .unwrap_or(2026);
                if !in_dated_range(rate, year) {
                    problems.push(format!(
                        "{at} : taux {rate} hors des fourchettes publiées en {year}"
                    ));
                }
            }
            let (Some(b), Some(k)) = (seller_of(&inst.statement), customer_of(&inst.statement))
            else {
                continue;
            };
            let named: Vec<_> = b
                .produit
                .iter()
                .filter(|p| inst.statement.contains(&p.nom) || inst.statement.contains(&p.pluriel))
                .collect();
            if named.is_empty() {
                continue;
            }
            pairs_checked += 1;
            if !named.iter().any(|p| p.acheteurs.contains_key(&k.acheteur)) {
                problems.push(format!(
                    "{at} : « {} » ({}) n'achète pas ce produit de {}",
                    k.nom, k.acheteur, b.nom
                ));
            }
            // An order's quantity is one this kind of buyer orders.
            if let (Some(q), [p]) = (inst.params.get("quantite"), named.as_slice()) {
                if let (Some(q), Some((lo, hi))) = (q.as_number(), p.order_range(&k.acheteur)) {
                    if !(lo.into()..=hi.into()).contains(&q) {
                        problems.push(format!("{at} : quantité {q} hors de [{lo}, {hi}]"));
                    }
                }
            }
        }
    }
    assert!(
        pairs_checked > 0,
        "no statement named a customer and a product"
    );
    // One line per type and kind of fault, with its count and first seed.
    let mut summary: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for p in &problems {
        let key = p
            .split_once(" graine ")
            .and_then(|(id, rest)| rest.split_once(" : ").map(|(_, f)| format!("{id} : {f}")))
            .unwrap_or_else(|| p.clone());
        let e = summary.entry(key).or_insert((0, p.clone()));
        e.0 += 1;
    }
    assert!(
        problems.is_empty(),
        "{} problèmes :\n{}",
        problems.len(),
        summary
            .iter()
            .map(|(k, (n, first))| format!("{n} × {k} (par exemple {first})"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn rates_of_another_period_are_caught() {
    let pct = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
    // A term deposit at 5,75 % or a capitalisation at 4,75 % in 2025–2026: impossible.
    assert!(!in_dated_range(pct("5.75"), 2025));
    assert!(!in_dated_range(pct("4.75"), 2026));
    assert!(in_dated_range(pct("4.75"), 2024));
    assert!(in_dated_range(pct("3.5"), 2026));
    assert_eq!(first_year("Le 3 mai 2025, 12 000 €"), Some(2025));
}

#[test]
fn the_fault_finder_finds_faults() {
    assert!(!wording_faults("Valentin Renard, chargé(e) de clientèle").is_empty());
    assert!(!wording_faults("le calcul de la annuité").is_empty());
    assert!(!wording_faults("= 122 987,5 − -98,81").is_empty());
    assert!(!wording_faults("Écart | -12 |").is_empty());
    assert!(!wording_faults("une offre de interventions").is_empty());
    assert!(wording_faults("le calcul de la hausse, de l'annuité ; `x > -5` ; NAP2-4K").is_empty());
}

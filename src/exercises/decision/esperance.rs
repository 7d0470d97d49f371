//! `decision/esperance`: choosing between two or three commercial actions whose result
//! depends on how the market reacts (S533): expected gain, risk (population standard
//! deviation), coefficient of variation and the decision.
//!
//! Decision rule, stated in the statement: an action with the highest expectation and
//! the lowest risk dominates and is chosen; otherwise the one with the lowest
//! coefficient of variation (the least risk per euro of expected gain).

use crate::calc::decision::{coefficient_of_variation, expectation, std_dev, variance};
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::round_cents;
use crate::text::{capitalise, french_list};
use rust_decimal::{Decimal, MathematicalOps};

pub struct Esperance;

const ACTIONS: [&str; 6] = [
    "participer à un salon professionnel",
    "lancer une campagne d'e-mailing avec offre de bienvenue",
    "organiser une opération de parrainage",
    "recruter un commercial supplémentaire pour la prospection",
    "diffuser une campagne publicitaire locale",
    "ouvrir un stand dans une galerie commerciale",
];
const GAINS: [[&str; 3]; 3] = [
    ["gain1_fav", "gain1_moy", "gain1_def"],
    ["gain2_fav", "gain2_moy", "gain2_def"],
    ["gain3_fav", "gain3_moy", "gain3_def"],
];
const E_KEYS: [&str; 3] = ["esperance_1", "esperance_2", "esperance_3"];
const E_LABELS: [&str; 3] = [
    "espérance de gain de l'action 1",
    "espérance de gain de l'action 2",
    "espérance de gain de l'action 3",
];
const S_KEYS: [&str; 3] = ["ecart_type_1", "ecart_type_2", "ecart_type_3"];
const S_LABELS: [&str; 3] = [
    "écart type de l'action 1",
    "écart type de l'action 2",
    "écart type de l'action 3",
];
const CV_KEYS: [&str; 3] = ["cv_1", "cv_2", "cv_3"];
const CV_LABELS: [&str; 3] = [
    "coefficient de variation de l'action 1",
    "coefficient de variation de l'action 2",
    "coefficient de variation de l'action 3",
];

/// An amount as a factor of a product: a negative one in parentheses.
fn signed(x: Decimal) -> String {
    if x < Decimal::ZERO {
        format!("({})", euros(x))
    } else {
        euros(x)
    }
}

/// Whether action `a` is dominated by action `b`: a gain lower or equal in every state of
/// the market, strictly lower in one. Its expectation is then lower whatever the
/// probabilities, so no decision rule may retain it.
pub fn dominates(b: &[Decimal; 3], a: &[Decimal; 3]) -> bool {
    b.iter().zip(a).all(|(x, y)| x >= y) && b.iter().zip(a).any(|(x, y)| x > y)
}

/// For each action (0-based), the action that dominates it, if any: one that is not
/// itself dominated when there is such (dominance is transitive, so there always is).
pub fn dominated_by(gains: &[[Decimal; 3]]) -> Vec<Option<usize>> {
    let beaten = |a: usize| (0..gains.len()).any(|b| dominates(&gains[b], &gains[a]));
    (0..gains.len())
        .map(|a| {
            (0..gains.len())
                .filter(|&b| dominates(&gains[b], &gains[a]))
                .min_by_key(|&b| beaten(b))
        })
        .collect()
}

/// The action chosen by the stated rule (1-based), the one with the highest expectation
/// and the one with the lowest risk, among the actions not `discarded` (dominated).
pub fn choose(
    es: &[Decimal],
    sds: &[Decimal],
    cvs: &[Decimal],
    discarded: &[bool],
) -> (usize, usize, usize) {
    let kept = || (0..es.len()).filter(|&k| !discarded.get(k).copied().unwrap_or(false));
    let best_e = kept()
        .max_by(|&a, &b| es[a].cmp(&es[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let least_sd = kept()
        .min_by(|&a, &b| sds[a].cmp(&sds[b]).then(a.cmp(&b)))
        .unwrap_or(0);
    let least_cv = kept()
        .min_by(|&a, &b| cvs[a].cmp(&cvs[b]).then(a.cmp(&b)))
        .unwrap_or(0);
    let chosen = if best_e == least_sd { best_e } else { least_cv };
    (chosen + 1, best_e + 1, least_sd + 1)
}

/// "quel que soit l'accueil du marché, l'action 1 rapporte moins que l'action 2
/// (favorable : 12 000 € contre 15 000 € ; …)", `k` and `by` 0-based.
fn dominance(k: usize, by: usize, gains: &[[Decimal; 3]]) -> String {
    const STATES: [&str; 3] = ["favorable", "moyen", "défavorable"];
    let (a, b) = (&gains[k], &gains[by]);
    let strict: Vec<&str> = (0..3).filter(|&i| a[i] < b[i]).map(|i| STATES[i]).collect();
    let figures: Vec<String> = (0..3)
        .map(|i| format!("{} : {} contre {}", STATES[i], euros(a[i]), euros(b[i])))
        .collect();
    let head = if strict.len() == 3 {
        format!(
            "quel que soit l'accueil du marché, l'action {} rapporte moins que l'action {}",
            k + 1,
            by + 1
        )
    } else {
        format!(
            "l'action {} ne rapporte jamais plus que l'action {}, et rapporte moins si l'accueil est {}",
            k + 1,
            by + 1,
            french_or(&strict)
        )
    };
    format!("{head} ({})", figures.join(" ; "))
}

/// "favorable", "favorable ou moyen", "favorable, moyen ou défavorable".
fn french_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} ou {last}", init.join(", ")),
    }
}

impl Exercise for Esperance {
    fn id(&self) -> &'static str {
        "decision/esperance"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut specs = vec![
            ParamSpec::integer("nb_actions", "nombre d'actions comparées", 2, 3),
            ParamSpec::decimal(
                "p_favorable",
                "probabilité d'un accueil favorable du marché",
                "1",
                "98",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "p_defavorable",
                "probabilité d'un accueil défavorable (l'accueil moyen a la probabilité restante)",
                "1",
                "98",
                Unit::Percent,
            ),
        ];
        let what = [
            [
                "gain de l'action 1 si l'accueil est favorable",
                "gain de l'action 1 si l'accueil est moyen",
                "gain de l'action 1 si l'accueil est défavorable",
            ],
            [
                "gain de l'action 2 si l'accueil est favorable",
                "gain de l'action 2 si l'accueil est moyen",
                "gain de l'action 2 si l'accueil est défavorable",
            ],
            [
                "gain de l'action 3 si l'accueil est favorable",
                "gain de l'action 3 si l'accueil est moyen",
                "gain de l'action 3 si l'accueil est défavorable",
            ],
        ];
        for (names, descs) in GAINS.iter().zip(what) {
            for (n, d) in names.iter().zip(descs) {
                specs.push(ParamSpec::decimal(
                    n,
                    d,
                    "-10000000",
                    "10000000",
                    Unit::Euros,
                ));
            }
        }
        specs
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let n = d.integer("nb_actions") as usize;
        let pf = d.number("p_favorable", |r| Decimal::from(r.int(4, 8) * 5));
        let pd = d.number("p_defavorable", |r| Decimal::from(r.int(2, 6) * 5));
        let pm = Decimal::ONE_HUNDRED - pf - pd;
        if pm <= Decimal::ZERO {
            return Err(Degenerate(
                "probabilités de somme supérieure à 100\u{a0}%".into(),
            ));
        }
        let names: Vec<&str> = d
            .rng()
            .distinct(ACTIONS.len(), n)
            .into_iter()
            .map(|i| ACTIONS[i])
            .collect();
        let mut gains = Vec::with_capacity(n);
        // A riskier action gains more if the market is favourable and loses more if it is
        // not: spreads are distinct (2 000 € apart at least) around comparable middle
        // gains, so that the gain profiles usually cross and the choice weighs risk
        // against return. One draw in five or six still has an action dominated state by
        // state, which the solution discusses. Every value is a round 500 €.
        let spreads = d.rng().distinct(8, n);
        for (names_k, spread) in GAINS.iter().zip(spreads) {
            let spread = 2 * (spread as i64 + 1);
            let middle = Decimal::from(d.rng().int(14, 20) * 500);
            let fav = d.number(names_k[0], |r| {
                middle + Decimal::from((spread + r.int(0, 2)) * 1000)
            });
            let moy = d.number(names_k[1], |_| middle);
            let def = d.number(names_k[2], |r| {
                moy - Decimal::from((spread + r.int(1, 3)) * 1000)
            });
            gains.push([fav, moy, def]);
        }
        let outcomes: Vec<[(Decimal, Decimal); 3]> = gains
            .iter()
            .map(|g| [(pf, g[0]), (pm, g[1]), (pd, g[2])])
            .collect();
        let es: Vec<Decimal> = outcomes
            .iter()
            .map(|o| round_cents(expectation(o)))
            .collect();
        if es.iter().any(|e| *e <= Decimal::ZERO) {
            return Err(Degenerate("espérance négative ou nulle".into()));
        }
        let none = || Degenerate("racine".into());
        let sds: Vec<Decimal> = outcomes
            .iter()
            .map(|o| std_dev(o))
            .collect::<Option<_>>()
            .ok_or_else(none)?;
        let cvs: Vec<Decimal> = sds
            .iter()
            .zip(&es)
            .map(|(s, e)| coefficient_of_variation(*s, *e))
            .collect::<Option<_>>()
            .ok_or_else(none)?;
        let fixed_any = (0..n).any(|k| GAINS[k].iter().any(|g| d.is_fixed(g)));
        let distinct =
            |v: &[Decimal]| (0..v.len()).all(|a| (0..v.len()).all(|b| a == b || v[a] != v[b]));
        let distinguishable = distinct(&es) && distinct(&sds) && distinct(&cvs);
        if !fixed_any && !distinguishable {
            return Err(Degenerate("actions indiscernables".into()));
        }
        let beaten = dominated_by(&gains);
        let discarded: Vec<bool> = beaten.iter().map(Option::is_some).collect();
        let (chosen, best_e, least_sd) = choose(&es, &sds, &cvs, &discarded);
        // What the rule would give if dominated actions were not set aside first.
        let (unfiltered, _, _) = choose(&es, &sds, &cvs, &[]);

        let mut questions = Vec::new();
        for k in 0..n {
            let g = &gains[k];
            let plain = round_cents((g[0] + g[1] + g[2]) / Decimal::from(3));
            questions.push(
                Question::new(
                    E_KEYS[k],
                    E_LABELS[k],
                    format!("Calculez l'espérance de gain de l'action {}.", k + 1),
                    es[k],
                    Unit::Euros,
                )
                .formula(format!(
                    "arrondi2((p_favorable * {} + (100 - p_favorable - p_defavorable) * {} + p_defavorable * {}) / 100)",
                    GAINS[k][0], GAINS[k][1], GAINS[k][2]
                ))
                .mistake(
                    plain,
                    "moyenne-simple",
                    "L'espérance pondère chaque gain par sa probabilité : E = Σ pᵢ × xᵢ, et non la moyenne simple des gains.",
                )
                .mistake(
                    g[1],
                    "cas-moyen-seul",
                    "Le gain du scénario moyen n'est pas l'espérance : pondérez les trois gains par leurs probabilités.",
                )
                .step(format!(
                    "E = {} × {} + {} × {} + {} × {} = **{}**.",
                    number(pf / Decimal::ONE_HUNDRED, 2),
                    signed(g[0]),
                    number(pm / Decimal::ONE_HUNDRED, 2),
                    signed(g[1]),
                    number(pd / Decimal::ONE_HUNDRED, 2),
                    signed(g[2]),
                    euros(es[k])
                )),
            );
        }
        for k in 0..n {
            let g = &gains[k];
            let v = variance(&outcomes[k]);
            let mean = (g[0] + g[1] + g[2]) / Decimal::from(3);
            let unweighted =
                g.iter().map(|x| (*x - mean) * (*x - mean)).sum::<Decimal>() / Decimal::from(3);
            let abs_dev: Decimal = outcomes[k]
                .iter()
                .map(|(p, x)| *p * (*x - es[k]).abs())
                .sum::<Decimal>()
                / Decimal::ONE_HUNDRED;
            let e = es[k];
            questions.push(
                Question::new(
                    S_KEYS[k],
                    S_LABELS[k],
                    format!("Calculez l'écart type des gains de l'action {}, mesure de son risque.", k + 1),
                    sds[k],
                    Unit::Euros,
                )
                .mistake(
                    round_cents(v),
                    "variance-non-racine",
                    "Σ pᵢ (xᵢ − E)² est la variance, en euros au carré : l'écart type en est la racine carrée.",
                )
                .mistake(
                    round_cents(unweighted.sqrt().unwrap_or_default()),
                    "ecart-type-non-pondere",
                    "Chaque écart au carré se pondère par la probabilité du scénario : V = Σ pᵢ (xᵢ − E)².",
                )
                .mistake(
                    round_cents(abs_dev),
                    "ecarts-non-eleves-au-carre",
                    "L'écart type est la racine de la moyenne pondérée des écarts AU CARRÉ, pas la moyenne des écarts.",
                )
                .step(format!(
                    "V = {} × ({} − {})² + {} × ({} − {})² + {} × ({} − {})² = {} ; σ = √V = **{}** (arrondi au centime).",
                    number(pf / Decimal::ONE_HUNDRED, 2),
                    euros(g[0]),
                    euros(e),
                    number(pm / Decimal::ONE_HUNDRED, 2),
                    euros(g[1]),
                    euros(e),
                    number(pd / Decimal::ONE_HUNDRED, 2),
                    euros(g[2]),
                    euros(e),
                    number(v, 2),
                    euros(sds[k])
                )),
            );
        }
        for k in 0..n {
            questions.push(
                Question::new(
                    CV_KEYS[k],
                    CV_LABELS[k],
                    format!("Calculez le coefficient de variation (écart type ÷ espérance) de l'action {}, en\u{a0}%.", k + 1),
                    cvs[k],
                    Unit::Percent,
                )
                .formula(format!("arrondi({} / {} * 100, 2)", S_KEYS[k], E_KEYS[k]))
                .mistake(
                    coefficient_of_variation(es[k], sds[k]).unwrap_or_default(),
                    "cv-inverse",
                    "Le coefficient de variation rapporte le risque à l'espérance : σ ÷ E, et non E ÷ σ.",
                )
                .mistake(
                    coefficient_of_variation(round_cents(variance(&outcomes[k])), es[k]).unwrap_or_default(),
                    "cv-sur-variance",
                    "Le coefficient de variation utilise l'écart type (en euros), pas la variance.",
                )
                .step(format!(
                    "CV = σ ÷ E = {} ÷ {} = **{}** (arrondi à 0,01\u{a0}%) : {} de risque par euro de gain espéré.",
                    euros(sds[k]),
                    euros(es[k]),
                    percent(cvs[k]),
                    euros(cvs[k] / Decimal::ONE_HUNDRED)
                )),
            );
        }
        let kept: Vec<usize> = (0..n).filter(|&k| !discarded[k]).collect();
        let mut rule_step = String::new();
        for (k, by) in beaten.iter().enumerate() {
            if let Some(by) = by {
                rule_step.push_str(&capitalise(&dominance(k, *by, &gains)));
                rule_step.push_str(" : elle est écartée. ");
            }
        }
        rule_step.push_str(&if kept.len() == 1 {
            format!("Il ne reste que l'action {chosen}, qui est retenue : **{chosen}**.")
        } else if best_e == least_sd {
            format!(
                "L'action {best_e} a à la fois la plus forte espérance ({}) et le plus faible écart type ({}){}. \
                 Action retenue : **{chosen}**.",
                euros(es[best_e - 1]),
                euros(sds[least_sd - 1]),
                if kept.len() < n { " des deux actions restantes : elle domine l'autre" } else { " : elle domine les autres" }
            )
        } else {
            format!(
                "{} : l'action {best_e} a la plus forte espérance ({}), mais l'action {least_sd} le plus faible risque ({}). \
                 On compare donc les coefficients de variation ({}) : le plus faible est celui de l'action **{chosen}**.",
                if kept.len() < n { "Aucune des deux actions restantes ne domine l'autre" } else { "Aucune action ne domine" },
                euros(es[best_e - 1]),
                euros(sds[least_sd - 1]),
                french_list(&kept.iter().map(|&k| format!("{} pour l'action {}", percent(cvs[k]), k + 1)).collect::<Vec<_>>())
            )
        });
        let mut retained = Question::new(
            "action_retenue",
            "action retenue",
            "Selon la règle de décision de l'énoncé, quelle action faut-il retenir ? (répondez par son numéro)",
            Decimal::from(chosen as i64),
            Unit::Number,
        );
        for (k, by) in beaten.iter().enumerate() {
            if let Some(by) = by {
                retained = retained.mistake(
                    Decimal::from(k as i64 + 1),
                    "action-dominee-retenue",
                    format!(
                        "L'action {} est dominée par l'action {} : elle ne rapporte jamais plus, quel que soit l'accueil du marché. \
                         Écartez-la avant d'appliquer la règle.",
                        k + 1,
                        by + 1
                    ),
                );
            }
        }
        debug_assert!(unfiltered == chosen || discarded[unfiltered - 1]);
        questions.push(
            retained
            .mistake(
                Decimal::from(best_e as i64),
                "esperance-seule",
                "La plus forte espérance ne suffit pas : elle s'accompagne d'un risque plus élevé. Sans action dominante, la règle compare les coefficients de variation.",
            )
            .mistake(
                Decimal::from(least_sd as i64),
                "risque-seul",
                "Le plus faible écart type ne suffit pas : rapportez le risque au gain espéré (coefficient de variation).",
            )
            .step(rule_step),
        );

        let s = &scene;
        let mut table = String::from("| Accueil du marché | Probabilité |");
        for k in 0..n {
            table.push_str(&format!(" Action {} |", k + 1));
        }
        table.push_str("\n|---|---|");
        for _ in 0..n {
            table.push_str("---|");
        }
        for (i, (label, p)) in [("Favorable", pf), ("Moyen", pm), ("Défavorable", pd)]
            .into_iter()
            .enumerate()
        {
            table.push_str(&format!("\n| {label} | {} |", percent(p)));
            for g in &gains {
                table.push_str(&format!(" {} |", euros(g[i])));
            }
        }
        let list: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(k, a)| format!("action {} : {a}", k + 1))
            .collect();
        let statement = format!(
            "Pour relancer les ventes de ses {}, {} hésite entre {} actions commerciales ({}). \
             {} {} a estimé le gain (marge nette de l'action, en euros) de chacune selon l'accueil du marché, \
             et la probabilité de chaque accueil.\n\n{table}\n\n\
             **Conventions.** L'espérance de gain est la moyenne des gains pondérée par les probabilités ; le risque est mesuré \
             par l'écart type σ = √(Σ pᵢ (xᵢ − E)²), arrondi au centime ; le coefficient de variation est σ ÷ E, en\u{a0}%, \
             arrondi à 0,01\u{a0}%. Règle de décision : une action dominée par une autre (un gain inférieur ou égal quel que soit \
             l'accueil du marché, et strictement inférieur pour au moins un accueil) est écartée ; parmi les actions restantes, \
             une action qui a à la fois la plus forte espérance et le plus faible écart type domine les autres et est retenue ; \
             sinon, on retient celle dont le coefficient de variation est le plus faible.",
            s.product.pluriel.clone(),
            s.seller(),
            if n == 2 { "deux" } else { "trois" },
            french_list(&list),
            s.contact.prenom,
            s.contact.nom,
        );
        let outro = format!(
            "*Décision :* {} retiendra l'action {chosen} ({}). {}",
            capitalise(&format!("{} {}", s.contact.prenom, s.contact.nom)),
            names[chosen - 1],
            if chosen == best_e {
                "C'est aussi celle qui rapporte le plus en moyenne.".to_string()
            } else {
                format!(
                    "Elle rapporte moins en moyenne que l'action {best_e}, mais son gain est plus sûr : un décideur prudent la préfère ; \
                     un décideur qui accepte le risque pourrait choisir l'action {best_e}."
                )
            }
        );
        let mut solution_intro = String::from(
            "*Espérances et écarts types arrondis au centime ; coefficients de variation arrondis à 0,01\u{a0}%.*",
        );
        for (k, by) in beaten.iter().enumerate() {
            if let Some(by) = by {
                solution_intro.push_str("\n\n*Remarque préalable :* ");
                solution_intro.push_str(&dominance(k, *by, &gains));
                solution_intro.push_str(&format!(
                    ". L'action {} est donc dominée par l'action {} : son espérance est plus faible quelles que soient \
                     les probabilités, et elle peut être écartée avant tout calcul. Ses indicateurs sont calculés ci-dessous \
                     parce que l'énoncé les demande, mais elle ne peut pas être retenue.",
                    k + 1,
                    by + 1
                ));
            }
        }
        Ok(Content {
            statement,
            questions,
            solution_intro,
            solution_outro: outro,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn dominance_is_state_by_state() {
        let a = [dec!(12000), dec!(8000), dec!(-2000)];
        let b = [dec!(12000), dec!(9000), dec!(-2000)];
        let c = [dec!(20000), dec!(7000), dec!(-9000)];
        assert!(dominates(&b, &a));
        assert!(!dominates(&a, &b));
        // Equal everywhere: neither dominates.
        assert!(!dominates(&a, &a));
        // Crossing profiles: neither dominates.
        assert!(!dominates(&c, &a) && !dominates(&a, &c));
        assert_eq!(dominated_by(&[a, b, c]), vec![Some(1), None, None]);
        // A chain: the dominator named is the one that is not itself dominated.
        let top = [dec!(13000), dec!(9000), dec!(-1000)];
        assert_eq!(dominated_by(&[a, b, top]), vec![Some(2), Some(2), None]);
    }

    #[test]
    fn a_dominated_action_is_never_chosen() {
        // Action 1 never gains anything more than action 2 but is riskless: the
        // coefficient of variation alone would pick it.
        let es = [dec!(10000), dec!(10600)];
        let sds = [dec!(0), dec!(916.52)];
        let cvs = [dec!(0), dec!(8.65)];
        assert_eq!(choose(&es, &sds, &cvs, &[]).0, 1);
        assert_eq!(choose(&es, &sds, &cvs, &[true, false]), (2, 2, 2));
    }
}

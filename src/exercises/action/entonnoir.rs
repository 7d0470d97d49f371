//! `action/entonnoir`: the prospecting funnel (S532, S534): contacts → rendez-vous →
//! propositions → commandes, the conversion ratio of each stage, the overall rate (the
//! product of the stage ratios) and the contacts needed for a target number of orders.
//!
//! Convention `arrondi_entonnoir`: round up only the final number of contacts
//! (`a-la-fin`, computed with the overall rate) or round up the number needed at each
//! stage, going back from the orders (`a-chaque-etape`). Ratios are computed from the
//! observed numbers, which the generator draws so that every ratio is exact.

use crate::calc::action::{contacts_needed, overall_rate, ratio};
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{number, percent};
use crate::num::round::round_half_away;
use crate::text::capitalise;
use rust_decimal::Decimal;

pub struct Entonnoir;

const VARIANTS: &[(&str, &str)] = &[
    ("phoning", "campagne d'appels de prospection (phoning)"),
    ("salon", "contacts recueillis sur un salon professionnel"),
];
const ROUNDING: &[(&str, &str)] = &[
    (
        "a-la-fin",
        "nombre de contacts nécessaires = objectif ÷ taux global, arrondi à l'unité supérieure à la fin seulement",
    ),
    (
        "a-chaque-etape",
        "en remontant l'entonnoir, chaque nombre nécessaire est arrondi à l'unité supérieure",
    ),
];

const FIRST_RATES: [i64; 7] = [10, 12, 15, 20, 25, 30, 40];
const SECOND_RATES: [i64; 5] = [40, 50, 60, 70, 80];
const THIRD_RATES: [i64; 5] = [20, 30, 40, 50, 60];

fn pct2(x: Decimal) -> Decimal {
    round_half_away(x, 2)
}

impl Exercise for Entonnoir {
    fn id(&self) -> &'static str {
        "action/entonnoir"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::variant("variante", "origine des contacts", VARIANTS),
            ParamSpec::integer("nb_contacts", "prospects contactés", 1, 10_000_000),
            ParamSpec::integer("nb_rdv", "rendez-vous obtenus", 1, 10_000_000),
            ParamSpec::integer(
                "nb_propositions",
                "propositions (devis) remises",
                1,
                10_000_000,
            ),
            ParamSpec::integer("nb_commandes", "commandes signées", 1, 10_000_000),
            ParamSpec::integer(
                "objectif",
                "objectif de commandes de la prochaine campagne",
                1,
                10_000_000,
            ),
            ParamSpec::convention(
                "arrondi_entonnoir",
                "arrondi du nombre de contacts nécessaires",
                ROUNDING,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let variant = d.choice("variante");
        let each_stage = d.choice("arrondi_entonnoir") == "a-chaque-etape";
        let int = |x: Decimal| i64::try_from(x).unwrap_or(0);
        // Prospects in proportion to the company's portfolio: 30 to 150 % of it.
        let portfolio = Decimal::from(scene.business.clients);
        let contacts = int(d.number("nb_contacts", |r| {
            let x = portfolio * Decimal::from(r.int(30, 150)) / Decimal::ONE_HUNDRED;
            let step = if x >= Decimal::from(1000) {
                Decimal::ONE_HUNDRED
            } else {
                Decimal::TEN
            };
            ((x / step).round() * step).max(Decimal::from(20))
        }));
        let r1 = Decimal::from(*d.rng().pick(&FIRST_RATES));
        let r2 = Decimal::from(*d.rng().pick(&SECOND_RATES));
        let r3 = Decimal::from(*d.rng().pick(&THIRD_RATES));
        let hundred = Decimal::ONE_HUNDRED;
        let rdv = int(d.number("nb_rdv", |_| Decimal::from(contacts) * r1 / hundred));
        let props = int(d.number("nb_propositions", |_| Decimal::from(rdv) * r2 / hundred));
        let orders = int(d.number("nb_commandes", |_| Decimal::from(props) * r3 / hundred));
        let exact = |n: i64, from: i64, rate: Decimal| {
            Decimal::from(from) * rate / hundred == Decimal::from(n)
        };
        // A count fixed by the teacher is taken as it is; a drawn one must be whole.
        let whole = (d.is_fixed("nb_rdv") || exact(rdv, contacts, r1))
            && (d.is_fixed("nb_propositions") || exact(props, rdv, r2))
            && (d.is_fixed("nb_commandes") || exact(orders, props, r3));
        if !whole {
            return Err(Degenerate("effectifs non entiers".into()));
        }
        if !(contacts >= rdv && rdv >= props && props >= orders && orders > 0) {
            return Err(Degenerate("l'entonnoir doit se rétrécir".into()));
        }
        let target = int(d.number("objectif", |r| {
            Decimal::from(r.int(orders + 3, orders * 2 + 5))
        }));
        let stages = [contacts, rdv, props, orders];
        let none = || Degenerate("dépassement".into());
        let t1 = ratio(rdv, contacts).ok_or_else(none)?;
        let t2 = ratio(props, rdv).ok_or_else(none)?;
        let t3 = ratio(orders, props).ok_or_else(none)?;
        let global = ratio(orders, contacts).ok_or_else(none)?;
        let needed = contacts_needed(&stages, target, each_stage).ok_or_else(none)?;
        let other = contacts_needed(&stages, target, !each_stage).ok_or_else(none)?;
        let (c, ro, p, o) = (
            Decimal::from(contacts),
            Decimal::from(rdv),
            Decimal::from(props),
            Decimal::from(orders),
        );
        let tg = Decimal::from(target);

        let stage_q = |key: &'static str,
                       label: &'static str,
                       what: &str,
                       to: (&str, Decimal),
                       from: (&str, Decimal),
                       value: Decimal| {
            Question::new(
                key,
                label,
                format!("Calculez le {label} ({what}), en\u{a0}%."),
                pct2(value),
                Unit::Percent,
            )
            .formula(format!("arrondi({} / {} * 100, 2)", to.0, from.0))
            .mistake(
                pct2(from.1 / to.1 * hundred),
                "ratio-inverse",
                "Un taux de transformation divise l'effectif de l'étape par celui de l'étape précédente, et non l'inverse.",
            )
            .mistake(
                hundred - pct2(value),
                "taux-d-echec",
                "Vous avez calculé la part des contacts perdus à cette étape ; le taux de transformation est la part de ceux qui passent à l'étape suivante.",
            )
            .step(format!(
                "{} = {what} × 100 = {} ÷ {} × 100 = **{}**.",
                capitalise(label),
                number(to.1, 0),
                number(from.1, 0),
                percent(value)
            ))
        };
        let q1 = stage_q(
            "taux_rdv",
            "taux d'obtention de rendez-vous",
            "rendez-vous ÷ contacts",
            ("nb_rdv", ro),
            ("nb_contacts", c),
            t1,
        );
        let q2 = stage_q(
            "taux_proposition",
            "taux de propositions",
            "propositions ÷ rendez-vous",
            ("nb_propositions", p),
            ("nb_rdv", ro),
            t2,
        )
        .mistake(
            pct2(p / c * hundred),
            "base-contacts-initiaux",
            "Le taux d'une étape se calcule sur l'effectif de l'étape précédente (les rendez-vous), pas sur les contacts de départ.",
        );
        let q3 = stage_q(
            "taux_commande",
            "taux de signature",
            "commandes ÷ propositions",
            ("nb_commandes", o),
            ("nb_propositions", p),
            t3,
        )
        .mistake(
            pct2(o / c * hundred),
            "base-contacts-initiaux",
            "Le taux d'une étape se calcule sur l'effectif de l'étape précédente (les propositions), pas sur les contacts de départ.",
        );
        let product = overall_rate(&[t1, t2, t3]).ok_or_else(none)?;
        let q4 = Question::new(
            "taux_global",
            "taux de transformation global",
            "Calculez le taux de transformation global (commandes ÷ contacts), en\u{a0}%, et vérifiez qu'il est le produit des taux de chaque étape.",
            pct2(global),
            Unit::Percent,
        )
        .formula("arrondi(nb_commandes / nb_contacts * 100, 2)")
        .mistake(
            pct2(t1 + t2 + t3),
            "taux-additionnes",
            "Les taux d'étapes successives se multiplient (chacun s'applique à ce qui reste de l'étape précédente) : ils ne s'additionnent pas.",
        )
        .mistake(
            pct2((t1 + t2 + t3) / Decimal::from(3)),
            "moyenne-des-taux",
            "La moyenne des taux d'étapes ne mesure pas la transformation globale : taux global = commandes ÷ contacts = produit des taux.",
        )
        .step(format!(
            "Taux global = commandes ÷ contacts × 100 = {} ÷ {} × 100 = **{}**. \
             Vérification : {} × {} × {} = {}, le produit des taux d'étapes.",
            number(o, 0),
            number(c, 0),
            percent(global),
            percent(t1),
            percent(t2),
            percent(t3),
            percent(product)
        ));
        let mut questions = vec![q1, q2, q3, q4];
        let contacts_needed_v = needed[3];
        let floor_direct = (tg * c / o).floor();
        if each_stage {
            let names = [
                (
                    "propositions_necessaires",
                    "propositions nécessaires",
                    "propositions",
                    "nb_propositions",
                    "nb_commandes",
                    "objectif",
                    p,
                    o,
                ),
                (
                    "rdv_necessaires",
                    "rendez-vous nécessaires",
                    "rendez-vous",
                    "nb_rdv",
                    "nb_propositions",
                    "propositions_necessaires",
                    ro,
                    p,
                ),
                (
                    "contacts_necessaires",
                    "contacts nécessaires",
                    "contacts",
                    "nb_contacts",
                    "nb_rdv",
                    "rdv_necessaires",
                    c,
                    ro,
                ),
            ];
            for (i, (key, label, plural_name, upper, lower, prev, up_v, low_v)) in
                names.into_iter().enumerate()
            {
                let prev_v = needed[i];
                let raw = prev_v * up_v / low_v;
                let mut q = Question::new(
                    key,
                    label,
                    format!("Combien faut-il de {plural_name} pour atteindre l'objectif de {target} commandes ? (arrondi à l'unité supérieure)"),
                    needed[i + 1],
                    Unit::Number,
                )
                .formula(format!("arrondi_sup({prev} * {upper} / {lower})"))
                .mistake(
                    raw.floor(),
                    "arrondi-par-defaut",
                    "Un nombre de contacts, de rendez-vous ou de propositions nécessaires s'arrondit à l'unité supérieure : avec un de moins, l'objectif n'est plus atteint.",
                )
                .step(format!(
                    "{} = {} × {} ÷ {} = {} → **{}** (arrondi à l'unité supérieure).",
                    capitalise(label),
                    number(prev_v, 0),
                    number(up_v, 0),
                    number(low_v, 0),
                    number(raw, 2),
                    number(needed[i + 1], 0)
                ));
                if key == "contacts_necessaires" {
                    q = q.mistake(
                        other[3],
                        "autre-convention-d-arrondi",
                        "L'énoncé demande d'arrondir à l'unité supérieure à chaque étape en remontant l'entonnoir, pas seulement à la fin.",
                    );
                }
                questions.push(q);
            }
        } else {
            let raw = tg * c / o;
            questions.push(
                Question::new(
                    "contacts_necessaires",
                    "contacts nécessaires",
                    format!("Combien de prospects faudra-t-il contacter pour signer {target} commandes ? (arrondi à l'unité supérieure)"),
                    contacts_needed_v,
                    Unit::Number,
                )
                .formula("arrondi_sup(objectif * nb_contacts / nb_commandes)")
                .mistake(
                    floor_direct,
                    "arrondi-par-defaut",
                    "Le nombre de contacts nécessaires s'arrondit à l'unité supérieure : avec un contact de moins, l'objectif n'est plus atteint.",
                )
                .mistake(
                    (tg * hundred / (t1 + t2 + t3)).ceil(),
                    "taux-additionnes",
                    "Il faut diviser l'objectif par le taux global, produit des taux d'étapes, et non par leur somme.",
                )
                .mistake(
                    other[3],
                    "autre-convention-d-arrondi",
                    "L'énoncé demande d'arrondir à la fin seulement : contacts = objectif ÷ taux global, puis arrondi à l'unité supérieure.",
                )
                .step(format!(
                    "Contacts nécessaires = objectif ÷ taux global = {target} ÷ {} = {target} × {} ÷ {} = {} → **{}** contacts (arrondi à l'unité supérieure).",
                    percent(global),
                    number(c, 0),
                    number(o, 0),
                    number(raw, 2),
                    number(contacts_needed_v, 0)
                )),
            );
        }

        let s = &scene;
        let (intro, first) = match variant {
            "phoning" => (
                format!(
                    "Pour développer la vente de ses {}, {} a mené une campagne d'appels de prospection.",
                    s.product.pluriel.clone(),
                    s.seller()
                ),
                "Prospects appelés",
            ),
            _ => (
                format!(
                    "{} a recueilli des contacts sur son stand au salon professionnel de la région, puis les a relancés pour présenter ses {}.",
                    capitalise(s.seller()),
                    s.product.pluriel.clone()
                ),
                "Contacts recueillis sur le salon",
            ),
        };
        let rounding = if each_stage {
            "en remontant l'entonnoir depuis l'objectif, arrondissez à l'unité supérieure le nombre nécessaire à chaque étape"
        } else {
            "calculez les contacts nécessaires avec le taux global (objectif ÷ taux global) et arrondissez à l'unité supérieure à la fin seulement"
        };
        let statement = format!(
            "{intro} {} {}, qui prépare la prochaine campagne, vous transmet le bilan de l'entonnoir de prospection.\n\n\
             | Étape | Effectif |\n|---|---|\n\
             | {first} | {} |\n\
             | Rendez-vous obtenus | {} |\n\
             | Propositions (devis) remises | {} |\n\
             | Commandes signées | {} |\n\n\
             L'objectif de la prochaine campagne est de {target} commandes, avec les mêmes taux de transformation.\n\n\
             **Conventions.** Les taux se calculent sur l'effectif de l'étape précédente, en\u{a0}%, arrondis à 0,01\u{a0}%. \
             Pour l'objectif, {rounding}.",
            s.contact.prenom,
            s.contact.nom,
            number(c, 0),
            number(ro, 0),
            number(p, 0),
            number(o, 0),
        );
        let weakest = [
            (t1, "l'obtention de rendez-vous"),
            (t2, "la remise de propositions"),
            (t3, "la signature"),
        ]
        .into_iter()
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|x| x.1)
        .unwrap_or("la signature");
        Ok(Content {
            statement,
            questions,
            solution_intro: format!(
                "*Taux arrondis à 0,01\u{a0}% ; nombres nécessaires arrondis à l'unité supérieure ({}).*",
                if each_stage { "à chaque étape" } else { "à la fin seulement" }
            ),
            solution_outro: format!(
                "*À retenir :* le taux global est le produit des taux d'étapes ; pour gagner des commandes sans multiplier les appels, \
                 il faut agir sur l'étape la moins performante, ici {weakest} ({} contacts à prévoir pour {target} commandes).",
                number(contacts_needed_v, 0)
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::exercises::valeur::potentiel::probe::{business, instance, param};
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    #[test]
    fn contacts_follow_the_portfolio() {
        let mut seen = 0;
        for seed in 0..500 {
            let Some(inst) = instance("action/entonnoir", seed) else {
                continue;
            };
            seen += 1;
            let n = Decimal::from(business(&inst).clients);
            let contacts = param(&inst, "nb_contacts");
            assert!(
                contacts >= (n * dec!(0.3) - dec!(50)).min(dec!(20)),
                "{}",
                inst.code
            );
            assert!(
                contacts <= n * dec!(1.5) + dec!(50),
                "{}: {contacts} pour {n}",
                inst.code
            );
        }
        assert!(seen >= 450, "{seen} instances sur 500");
    }
}

//! `suivi/budget-ecarts`: sales budget against actual sales, by month or by sector
//! (S534): total écart in value and in percent of the budget, favourable or not, and the
//! split of one line's écart into a quantity effect and a price effect.
//!
//! Convention, stated in the statement: écart = réel − budget (positive = favourable
//! for sales); écart sur quantité = (Qr − Qb) × Pb at budget price, écart sur prix =
//! (Pr − Pb) × Qr at actual quantity; they add up to the line's écart.

use crate::calc::budget::{variance_pct, Line};
use crate::exercises::action::price_step;
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use crate::text::capitalise;
use crate::world::scale::spread;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct BudgetEcarts;

const VARIANTS: &[(&str, &str)] = &[
    ("mois", "suivi des ventes d'un trimestre, mois par mois"),
    ("secteur", "suivi des ventes d'un mois, secteur par secteur"),
];
const QB: [&str; 4] = [
    "qte_budget_1",
    "qte_budget_2",
    "qte_budget_3",
    "qte_budget_4",
];
const QR: [&str; 4] = ["qte_reel_1", "qte_reel_2", "qte_reel_3", "qte_reel_4"];
const PR: [&str; 4] = ["prix_reel_1", "prix_reel_2", "prix_reel_3", "prix_reel_4"];
const QUARTERS: [[&str; 3]; 4] = [
    ["Janvier", "Février", "Mars"],
    ["Avril", "Mai", "Juin"],
    ["Juillet", "Août", "Septembre"],
    ["Octobre", "Novembre", "Décembre"],
];
const SECTORS: [&str; 4] = ["Nord", "Sud", "Est", "Ouest"];

/// The fewest units a line of the budget may hold: fewer makes percentages of a handful.
const MIN_LINE: Decimal = dec!(20);

fn qualify(x: Decimal) -> &'static str {
    if x >= Decimal::ZERO {
        "favorable"
    } else {
        "défavorable"
    }
}

impl Exercise for BudgetEcarts {
    fn id(&self) -> &'static str {
        "suivi/budget-ecarts"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut specs = vec![
            ParamSpec::variant("variante", "lignes du budget", VARIANTS),
            ParamSpec::integer("trimestre", "trimestre suivi (variante mois)", 1, 4),
            ParamSpec::integer("nb_secteurs", "nombre de secteurs (variante secteur)", 3, 4),
            ParamSpec::decimal(
                "prix_budget",
                "prix de vente unitaire HT budgété",
                "0.01",
                "1000000",
                Unit::Euros,
            ),
        ];
        let qb = [
            "quantité budgétée, ligne 1",
            "quantité budgétée, ligne 2",
            "quantité budgétée, ligne 3",
            "quantité budgétée, ligne 4",
        ];
        let qr = [
            "quantité réelle, ligne 1",
            "quantité réelle, ligne 2",
            "quantité réelle, ligne 3",
            "quantité réelle, ligne 4",
        ];
        let pr = [
            "prix moyen réel HT, ligne 1",
            "prix moyen réel HT, ligne 2",
            "prix moyen réel HT, ligne 3",
            "prix moyen réel HT, ligne 4",
        ];
        for i in 0..4 {
            specs.push(ParamSpec::integer(QB[i], qb[i], 0, 10_000_000));
            specs.push(ParamSpec::integer(QR[i], qr[i], 0, 10_000_000));
            specs.push(ParamSpec::decimal(
                PR[i],
                pr[i],
                "0.01",
                "1000000",
                Unit::Euros,
            ));
        }
        specs
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let by_month = d.choice("variante") == "mois";
        let p = scene.product;
        // The period followed is in the product's season, and each line's budget is the
        // company's volume of its month (shared between the sectors), within the spread
        // every type allows.
        let season = p.season();
        let month = *d.rng().pick(&season);
        let (n, names, months): (usize, Vec<&str>, Vec<u32>) = if by_month {
            let q = d.number("trimestre", |_| Decimal::from((month - 1) / 3 + 1));
            let q = usize::try_from(q).unwrap_or(1).clamp(1, 4);
            let first = 3 * (q as u32 - 1) + 1;
            (3, QUARTERS[q - 1].to_vec(), (first..first + 3).collect())
        } else {
            let n = d.integer("nb_secteurs") as usize;
            (n, SECTORS[..n].to_vec(), vec![month; n])
        };
        let pb = d.number("prix_budget", |r| {
            r.decimal_step(p.prix_ht_min, p.prix_ht_max, price_step(p.prix_ht_min))
        });
        let volume = |m: u32| {
            let v = scene.business.month_volume(p, m);
            if by_month {
                v
            } else {
                v / Decimal::from(n as u32)
            }
        };
        let mut lines = Vec::with_capacity(n);
        for i in 0..n {
            let qb = d.number(QB[i], |r| {
                let x = spread(volume(months[i]), |lo, hi| r.int(lo, hi));
                if x >= dec!(200) {
                    (x / dec!(10)).round() * dec!(10)
                } else {
                    x.round()
                }
            });
            if !d.is_fixed(QB[i]) && qb < MIN_LINE {
                return Err(Degenerate("ventes budgétées trop faibles".into()));
            }
            let qr = d.number(QR[i], |r| {
                round_half_away(qb * Decimal::from(r.int(82, 116)) / Decimal::ONE_HUNDRED, 0)
            });
            let pr = d.number(PR[i], |r| {
                let k = Decimal::from(r.int(92, 106)) / Decimal::ONE_HUNDRED;
                let step = (price_step(pb) / dec!(10)).max(dec!(0.01));
                round_half_away(pb * k / step, 0) * step
            });
            lines.push(Line {
                qty_budget: qb,
                price_budget: pb,
                qty_actual: qr,
                price_actual: pr,
            });
        }
        let budget: Decimal = lines.iter().map(Line::budget).sum();
        let actual: Decimal = lines.iter().map(Line::actual).sum();
        if budget <= Decimal::ZERO {
            return Err(Degenerate("budget nul".into()));
        }
        // The line studied in detail: the one with the most unfavourable écart.
        let (li, line) = lines
            .iter()
            .enumerate()
            .min_by(|a, b| a.1.variance().cmp(&b.1.variance()).then(a.0.cmp(&b.0)))
            .map(|(i, l)| (i, *l))
            .ok_or_else(|| Degenerate("aucune ligne".into()))?;
        let eq = line.quantity_effect();
        let ep = line.price_effect();
        let fixed_any = (0..n).any(|i| d.is_fixed(QR[i]) || d.is_fixed(PR[i]));
        if !fixed_any
            && (eq.is_zero() || ep.is_zero() || (eq > Decimal::ZERO) == (ep > Decimal::ZERO))
        {
            // A case worth analysing: the two effects pull in opposite directions.
            return Err(Degenerate("effets de même sens".into()));
        }
        let total = actual - budget;
        let pct = variance_pct(total, budget).ok_or_else(|| Degenerate("budget nul".into()))?;
        let sum_expr = |f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<Vec<_>>().join(" + ");
        let budget_expr = format!("({}) * prix_budget", sum_expr(&|i| QB[i].to_string()));
        let actual_expr = sum_expr(&|i| format!("{} * {}", QR[i], PR[i]));
        let name = names[li];
        let line_name = if by_month {
            format!("le mois de {}", name.to_lowercase())
        } else {
            format!("le secteur {name}")
        };
        let k = li + 1;
        let line_of = if by_month {
            format!("du mois de {}", name.to_lowercase())
        } else {
            format!("du secteur {name}")
        };

        let detail_b: Vec<String> = lines
            .iter()
            .map(|l| format!("{} × {}", number(l.qty_budget, 0), euros(l.price_budget)))
            .collect();
        let detail_r: Vec<String> = lines
            .iter()
            .map(|l| format!("{} × {}", number(l.qty_actual, 0), euros(l.price_actual)))
            .collect();
        let actual_at_budget_price: Decimal =
            lines.iter().map(|l| round_cents(l.qty_actual * pb)).sum();
        let mut questions = vec![
            Question::new(
                "ca_budget",
                "chiffre d'affaires budgété",
                "Calculez le chiffre d'affaires HT budgété de la période.",
                budget,
                Unit::Euros,
            )
            .formula(format!("arrondi2({budget_expr})"))
            .mistake(
                actual_at_budget_price,
                "quantites-reelles",
                "Le budget se calcule avec les quantités budgétées, pas avec les quantités réellement vendues.",
            )
            .step(format!(
                "CA budgété = Σ quantité budgétée × prix budgété = {} = **{}**.",
                detail_b.join(" + "),
                euros(budget)
            )),
            Question::new(
                "ca_reel",
                "chiffre d'affaires réel",
                "Calculez le chiffre d'affaires HT réellement réalisé.",
                actual,
                Unit::Euros,
            )
            .formula(format!("arrondi2({actual_expr})"))
            .mistake(
                actual_at_budget_price,
                "reel-au-prix-budget",
                "Le chiffre d'affaires réel se calcule au prix moyen réellement pratiqué (remises comprises), pas au prix budgété.",
            )
            .step(format!(
                "CA réel = Σ quantité réelle × prix moyen réel = {} = **{}**.",
                detail_r.join(" + "),
                euros(actual)
            )),
            Question::new(
                "ecart_total",
                "écart sur chiffre d'affaires",
                "Calculez l'écart global sur chiffre d'affaires (réel − budget) et dites s'il est favorable ou défavorable.",
                total,
                Unit::Euros,
            )
            .formula("ca_reel - ca_budget")
            .mistake(
                -total,
                "signe-inverse",
                "Convention de l'énoncé : écart = réel − budget ; pour des ventes, un écart positif est favorable.",
            )
            .mistake(
                actual_at_budget_price - budget,
                "effet-quantite-seul",
                "Calculé au prix budgété, vous n'obtenez que l'effet des quantités : l'écart global compare les chiffres d'affaires réel et budgété.",
            )
            .step(format!(
                "Écart = CA réel − CA budgété = {} − {} = **{}** : écart {}.",
                euros(actual),
                euros(budget),
                euros(total),
                qualify(total)
            )),
            Question::new(
                "ecart_pct",
                "écart en pourcentage du budget",
                "Exprimez cet écart en pourcentage du chiffre d'affaires budgété (arrondi à 0,01\u{a0}%).",
                pct,
                Unit::Percent,
            )
            .formula("arrondi(ecart_total / ca_budget * 100, 2)")
            .mistake(
                variance_pct(total, actual).unwrap_or_default(),
                "pourcentage-sur-reel",
                "Un écart se rapporte à la prévision : divisez par le chiffre d'affaires budgété, pas par le réel.",
            )
            .mistake(
                round_half_away(actual / budget * Decimal::ONE_HUNDRED, 2),
                "taux-de-realisation",
                "Réel ÷ budget × 100 est le taux de réalisation du budget ; l'écart en\u{a0}% est (réel − budget) ÷ budget × 100.",
            )
            .mistake(
                -pct,
                "signe-inverse",
                "Écart = réel − budget : un réel inférieur au budget donne un pourcentage négatif.",
            )
            .step(format!(
                "Écart en\u{a0}% = écart ÷ CA budgété × 100 = {} ÷ {} × 100 = **{}** (taux de réalisation : {}).",
                euros(total),
                euros(budget),
                percent(pct),
                percent(round_half_away(actual / budget * Decimal::ONE_HUNDRED, 2))
            )),
        ];
        let dq = line.qty_actual - line.qty_budget;
        let dp = line.price_actual - line.price_budget;
        questions.push(
            Question::new(
                "ecart_quantite",
                "écart sur quantité",
                format!("Pour {line_name}, calculez l'écart sur quantité (à prix budgété)."),
                eq,
                Unit::Euros,
            )
            .formula(format!("arrondi2(({} - {}) * prix_budget)", QR[li], QB[li]))
            .mistake(
                round_cents(dq * line.price_actual),
                "quantite-au-prix-reel",
                "Convention de l'énoncé : l'écart sur quantité se valorise au prix BUDGÉTÉ, (Qr − Qb) × Pb.",
            )
            .mistake(
                -eq,
                "signe-inverse",
                "Écart sur quantité = (quantité réelle − quantité budgétée) × prix budgété.",
            )
            .step(format!(
                "Écart sur quantité = (Qr − Qb) × Pb = ({} − {}) × {} = **{}** : écart {}.",
                number(line.qty_actual, 0),
                number(line.qty_budget, 0),
                euros(pb),
                euros(eq),
                qualify(eq)
            )),
        );
        questions.push(
            Question::new(
                "ecart_prix",
                "écart sur prix",
                format!("Pour {line_name}, calculez l'écart sur prix (à quantité réelle)."),
                ep,
                Unit::Euros,
            )
            .formula(format!("arrondi2(({} - prix_budget) * {})", PR[li], QR[li]))
            .mistake(
                round_cents(dp * line.qty_budget),
                "prix-a-quantite-budget",
                "Convention de l'énoncé : l'écart sur prix s'applique aux quantités RÉELLES, (Pr − Pb) × Qr.",
            )
            .mistake(
                -ep,
                "signe-inverse",
                "Écart sur prix = (prix réel − prix budgété) × quantité réelle.",
            )
            .step(format!(
                "Écart sur prix = (Pr − Pb) × Qr = ({} − {}) × {} = **{}** : écart {}.",
                euros(line.price_actual),
                euros(pb),
                number(line.qty_actual, 0),
                euros(ep),
                qualify(ep)
            )),
        );
        let lv = line.variance();
        questions.push(
            Question::new(
                "ecart_ligne",
                "écart total de la ligne",
                format!("Déduisez-en l'écart sur chiffre d'affaires {line_of} et vérifiez-le."),
                eq + ep,
                Unit::Euros,
            )
            .formula("ecart_quantite + ecart_prix")
            .mistake(
                eq - ep,
                "effets-soustraits",
                "Les deux effets s'additionnent : écart = écart sur quantité + écart sur prix.",
            )
            .mistake(
                -(eq + ep),
                "signe-inverse",
                "Écart = réel − budget = écart sur quantité + écart sur prix.",
            )
            .step(format!(
                "Écart = écart sur quantité + écart sur prix = {} + {} = **{}**. Vérification : CA réel − CA budgété de la ligne = {} − {} = {}.",
                euros(eq),
                if ep < Decimal::ZERO { format!("({})", euros(ep)) } else { euros(ep) },
                euros(eq + ep),
                euros(line.actual()),
                euros(line.budget()),
                euros(lv)
            )),
        );

        let s = &scene;
        let mut table = format!(
            "| {} | Quantité budgétée | Prix budgété HT | Quantité réelle | Prix moyen réel HT |\n|---|---|---|---|---|",
            if by_month { "Mois" } else { "Secteur" }
        );
        for (nm, l) in names.iter().zip(&lines) {
            table.push_str(&format!(
                "\n| {nm} | {} | {} | {} | {} |",
                number(l.qty_budget, 0),
                euros(l.price_budget),
                number(l.qty_actual, 0),
                euros(l.price_actual)
            ));
        }
        let period = if by_month {
            "du trimestre écoulé, mois par mois".to_string()
        } else {
            format!(
                "du mois de {} écoulé, secteur par secteur",
                crate::exercises::context::MONTHS[(month - 1) as usize]
            )
        };
        let statement = format!(
            "{} suit chaque période le budget des ventes de ses {} (en {}). {} {} vous transmet les prévisions et les réalisations {period}, \
             et vous demande d'analyser les écarts.\n\n{table}\n\n\
             La ligne étudiée en détail est {line_name} (ligne {k}).\n\n\
             **Conventions.** Écart = réel − budget : pour des ventes, un écart positif est favorable, un écart négatif défavorable. \
             L'écart en pourcentage se rapporte au budget. L'écart sur quantité se valorise au prix budgété, (Qr − Qb) × Pb ; \
             l'écart sur prix s'applique aux quantités réelles, (Pr − Pb) × Qr ; leur somme est l'écart sur chiffre d'affaires. \
             Arrondissez les montants au centime et les pourcentages à 0,01\u{a0}%.",
            capitalise(s.seller()),
            p.pluriel.clone(),
            p.unite_pluriel.clone(),
            s.contact.prenom,
            s.contact.nom,
        );
        let zero = Decimal::ZERO;
        let proposal = match (eq < zero, ep < zero) {
            (true, false) => {
                "les volumes manquent : il faut relancer l'activité commerciale (prospection, relance des clients inactifs, \
                 animation des ventes, objectifs de visites revus avec les commerciaux), en vérifiant que la hausse des prix \
                 n'a pas découragé une partie des clients"
            }
            (false, true) => {
                "les volumes sont au rendez-vous, mais les remises rognent le chiffre d'affaires : il faut encadrer la politique \
                 de remise (barème, délégation de prix limitée) et argumenter la valeur de l'offre plutôt que son prix"
            }
            (true, true) => {
                "volumes et prix sont en retrait : il faut à la fois relancer la prospection et encadrer les remises accordées"
            }
            (false, false) => {
                "volumes et prix dépassent le budget : il faut comprendre ce qui a fonctionné pour le reconduire, et réviser le budget \
                 des prochaines périodes"
            }
        };
        Ok(Content {
            statement,
            questions,
            solution_intro: "*Écarts = réel − budget ; montants arrondis au centime, pourcentages à 0,01\u{a0}%.*".to_string(),
            solution_outro: format!(
                "*Proposition corrective :* pour {line_name}, l'écart est {} ; {proposal}. Sur la période, l'écart global est {} ({}).",
                qualify(eq + ep),
                qualify(total),
                percent(pct)
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{QB, QUARTERS};
    use crate::exercises::context::MONTHS;
    use crate::exercises::valeur::potentiel::probe::{business, instance, param, product};
    use crate::world::scale::agrees;
    use rust_decimal::Decimal;

    #[test]
    fn budgets_are_the_company_s_monthly_volumes_at_its_prices() {
        let mut seen = 0;
        for seed in 0..500 {
            let Some(inst) = instance("suivi/budget-ecarts", seed) else {
                continue;
            };
            seen += 1;
            let (b, p) = (business(&inst), product(&inst));
            let pb = param(&inst, "prix_budget");
            assert!(
                pb >= p.prix_ht_min && pb <= p.prix_ht_max,
                "{}: {pb}",
                inst.code
            );
            let by_month = inst.params.contains_key("trimestre");
            let (months, n): (Vec<u32>, usize) = if by_month {
                let q = i64::try_from(param(&inst, "trimestre")).unwrap_or(1) as usize;
                let first = QUARTERS[q - 1][0].to_lowercase();
                let m = MONTHS.iter().position(|x| *x == first).unwrap_or(0) as u32 + 1;
                ((m..m + 3).collect(), 3)
            } else {
                let month = (1..=12)
                    .find(|&m| {
                        let name = MONTHS[m as usize - 1];
                        inst.statement.contains(&format!("mois de {name} écoulé"))
                            || inst.statement.contains(&format!("mois d'{name} écoulé"))
                    })
                    .expect("the statement names its month");
                assert!(p.season().contains(&month), "{}", inst.code);
                let n = i64::try_from(param(&inst, "nb_secteurs")).unwrap_or(3) as usize;
                (vec![month; n], n)
            };
            for (i, m) in months.iter().enumerate() {
                let expected =
                    b.month_volume(p, *m) / Decimal::from(if by_month { 1 } else { n as u32 });
                let qb = param(&inst, QB[i]);
                assert!(
                    agrees(qb, expected, 10),
                    "{}: {qb} pour {expected}",
                    inst.code
                );
            }
        }
        assert!(seen >= 450, "{seen} instances sur 500");
    }
}

//! `prix/acceptabilite`: the psychological price from a survey (méthode des prix
//! d'acceptabilité, S443).
//!
//! The survey table is generated from a few parameters (respondents, number of candidate
//! prices, central price, gap between prices) and random answer profiles drawn through
//! the instance's [`crate::rng::Rng`]; the table then follows deterministically.

use crate::calc::acceptability::{
    acceptors, apportion, cumulate_down, cumulate_up, optimal, share, table, unique_argmax,
    Answers, Row, Shares,
};
use crate::exercises::context::Scene;
use crate::exercises::prix::elasticite::price_step;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{push_count, push_euros, push_percent, Count, Euros, Percent};
use crate::rng::Rng;
use crate::text;
use crate::text::{Joined, Piece};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Acceptabilite;

/// The most candidate prices a survey offers (`nb_prix`).
const MAX_PRICES: usize = 9;
/// Sample sizes for which every share is exact to 0,01 % (100/n has two decimals at most).
const SAMPLE_SIZES: [i64; 4] = [200, 250, 400, 500];
/// Gaps between candidate prices, as a share of the central price.
const GAP_SHARES: [Decimal; 4] = [dec!(0.06), dec!(0.08), dec!(0.10), dec!(0.12)];

impl Exercise for Acceptabilite {
    fn id(&self) -> &'static str {
        "prix/acceptabilite"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::integer("effectif", "nombre de personnes interrogées", 50, 2000),
            ParamSpec::integer(
                "nb_prix",
                "nombre de prix proposés dans le questionnaire",
                6,
                MAX_PRICES as i64,
            ),
            ParamSpec::decimal(
                "prix_central",
                "prix central de la grille des prix proposés (les autres s'en écartent de ecart_prix)",
                "0.01",
                "100000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "ecart_prix",
                "écart entre deux prix proposés successifs",
                "0.01",
                "10000",
                Unit::Euros,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let p = scene.product;
        let n = d.number("effectif", |r| Decimal::from(*r.pick(&SAMPLE_SIZES)));
        let n = i64::try_from(n).map_err(|_| Degenerate("effectif invalide".into()))?;
        let k = d.integer("nb_prix") as usize;
        let centre = d.number("prix_central", |r| {
            r.decimal_step(p.prix_ht_min, p.prix_ht_max, price_step(p.prix_ht_min))
        });
        let gap = d.number("ecart_prix", |r| nice_gap(centre * *r.pick(&GAP_SHARES)));
        let below = ((k - 1) / 2) as i64;
        let lowest = centre - gap * Decimal::from(below);
        if gap <= Decimal::ZERO || lowest <= Decimal::ZERO {
            return Err(Degenerate(
                "la grille de prix descend à zéro : réduisez ecart_prix ou nb_prix".into(),
            ));
        }
        let (max_counts, min_counts) = draw_counts(d.rng(), n, k);
        // The survey is kept or drawn again on its counts alone; prices and shares follow.
        let accepting = acceptors(n, &max_counts, &min_counts);
        if accepting.iter().any(|&a| a < 0) {
            return Err(Degenerate(
                "réponses incohérentes (acceptants négatifs)".into(),
            ));
        }
        let best = unique_argmax(&accepting)
            .ok_or_else(|| Degenerate("plusieurs prix optimaux".into()))?;
        if accepting[best] * 100 < 35 * n || best == 0 || best == k - 1 {
            return Err(Degenerate("prix optimal peu marqué".into()));
        }
        let answers: Vec<Answers> = (0..)
            .zip(max_counts.iter().zip(&min_counts))
            .map(|(i, (&max_count, &min_count))| Answers {
                price: lowest + gap * Decimal::from(i),
                max_count,
                min_count,
            })
            .collect();
        let rows = table(n, &answers);
        debug_assert_eq!(optimal(&rows), Some(best));
        // The asked prices: interior prices other than the optimum for the first two, so
        // that the questions do not give the answer away.
        let interior: Vec<usize> = (1..k - 1).filter(|&i| i != best).collect();
        let picks = d.rng().distinct(interior.len(), 3);
        let mut asked: Vec<usize> = picks.iter().map(|&j| interior[j]).collect();
        asked[1..].sort_unstable();
        let ctx = Ctx::new(scene, n, rows, best);
        Ok(ctx.content(asked[0], &asked[1..]))
    }
}

/// A round gap close to `x`: 1, 2, 2,5 or 5 times a power of ten (at least 0,01 €).
///
/// On integers (ten-thousandths) when `x` has at most 4 decimals, as a drawn gap has (a
/// price to the cent times a share to the hundredth): the `Decimal` search costs as much
/// as drawing the rest of a survey (callgrind). A test checks that both give the same gap.
fn nice_gap(x: Decimal) -> Decimal {
    match i64::try_from(x.mantissa()) {
        Ok(m) if x.scale() <= 4 && m.unsigned_abs() < 1 << 48 => {
            let x = m * 10i64.pow(4 - x.scale());
            // The power of ten, from 0,01 to 100 000 €, in ten-thousandths.
            let mut scale = 100i64;
            while scale * 10 <= x && scale < 1_000_000_000 {
                scale *= 10;
            }
            let candidates = [scale, scale * 2, scale * 5 / 2, scale * 5, scale * 10];
            let best = candidates
                .into_iter()
                .min_by_key(|c| (c - x).abs())
                .expect("candidats");
            Decimal::new(best, 4)
        }
        _ => nice_gap_decimal(x),
    }
}

/// [`nice_gap`] for any `x` (a teacher's central price with more decimals).
fn nice_gap_decimal(x: Decimal) -> Decimal {
    let mut scale = dec!(0.01);
    while scale * dec!(10) <= x && scale < dec!(100000) {
        scale *= dec!(10);
    }
    let candidates = [
        scale,
        scale * dec!(2),
        scale * dec!(2.5),
        scale * dec!(5),
        scale * dec!(10),
    ];
    *candidates
        .iter()
        .min_by_key(|c| (*c - x).abs())
        .expect("candidats")
}

/// Answer counts at each of the `k` prices, « prix maximum » then « prix minimum »: the
/// first lean to the high prices, the others to the low ones, with random weights; nobody
/// finds the lowest price too expensive nor the highest too cheap.
fn draw_counts(rng: &mut Rng, n: i64, k: usize) -> (Vec<i64>, Vec<i64>) {
    let unit = if n % 5 == 0 { 5 } else { 1 };
    let last = k as i64 - 1;
    let peak_max = rng.int(k as i64 / 2 + 1, last - 1);
    let peak_min = rng.int(1, k as i64 / 2 - 1);
    let mut w_max = [0; MAX_PRICES];
    let mut w_min = [0; MAX_PRICES];
    for (i, (w_max, w_min)) in (0..).zip(w_max.iter_mut().zip(&mut w_min).take(k)) {
        let shape_max = (k as i64 - 3 * (i - peak_max).abs()).max(1);
        let shape_min = (k as i64 - 3 * (i - peak_min).abs()).max(1);
        *w_max = if i == 0 { 0 } else { shape_max * rng.int(2, 5) };
        *w_min = if i == last {
            0
        } else {
            shape_min * rng.int(2, 5)
        };
    }
    (
        apportion(n, unit, &w_max[..k]),
        apportion(n, unit, &w_min[..k]),
    )
}

/// The survey as the statement gives it: each price with its two answer counts.
struct SurveyTable<'a>(&'a Ctx);

impl Piece for SurveyTable<'_> {
    fn push_to(&self, out: &mut String) {
        out.push_str(
            "| Prix proposé | Réponses « prix maximum » (trop cher à ce prix) | \
             Réponses « prix minimum » (qualité douteuse à ce prix) |\n|---|---|---|\n",
        );
        for r in &self.0.rows {
            out.push_str("| ");
            push_euros(out, r.price);
            out.push_str(" | ");
            push_count(out, r.max_count);
            out.push_str(" | ");
            push_count(out, r.min_count);
            out.push_str(" |\n");
        }
        out.push_str("| **Total** | ");
        push_count(out, self.0.n);
        out.push_str(" | ");
        push_count(out, self.0.n);
        out.push_str(" |\n");
    }
    fn size_hint(&self) -> usize {
        // The header, then lines of about 30 bytes (up to 48 with large amounts).
        200 + self.0.rows.len() * 48
    }
}

/// The worked table of the solution, the psychological price in bold.
struct FullTable<'a>(&'a Ctx);

impl Piece for FullTable<'_> {
    fn push_to(&self, out: &mut String) {
        out.push_str(
            "| Prix | Prix max. | Cumul croissant | Trop cher (%) | Prix min. | Cumul décroissant | \
             Pas assez cher (%) | Acceptants (%) | Acceptants |\n|---|---|---|---|---|---|---|---|---|\n",
        );
        for (i, r) in self.0.rows.iter().enumerate() {
            // "| **12,00 €** | 10 | 10 | 5 % | … | **40 %** | **80** |": the best price in bold
            // (the marks pushed as constants: a text chosen at run time is a `memcpy` call).
            let bold = i == self.0.best;
            let mark = |out: &mut String| {
                if bold {
                    out.push_str("**");
                }
            };
            out.push_str("| ");
            mark(out);
            push_euros(out, r.price);
            mark(out);
            for count in [r.max_count, r.too_expensive] {
                out.push_str(" | ");
                push_count(out, count);
            }
            out.push_str(" | ");
            push_percent(out, r.too_expensive_pct);
            for count in [r.min_count, r.too_cheap] {
                out.push_str(" | ");
                push_count(out, count);
            }
            out.push_str(" | ");
            push_percent(out, r.too_cheap_pct);
            out.push_str(" | ");
            mark(out);
            push_percent(out, r.acceptors_pct);
            mark(out);
            out.push_str(" | ");
            mark(out);
            push_count(out, r.acceptors);
            mark(out);
            out.push_str(" |\n");
        }
    }
    fn size_hint(&self) -> usize {
        // The header, then lines of about 80 bytes (up to 130 with large amounts and the
        // bold optimum).
        180 + self.0.rows.len() * 130
    }
}

struct Ctx {
    scene: Scene,
    n: i64,
    /// Shares of the `n` people, as the table computes them.
    shares: Shares,
    rows: Vec<Row>,
    best: usize,
    /// Counts cumulated in the wrong direction: (too expensive, too cheap) per price,
    /// which several questions' mistakes use.
    reversed: (Vec<i64>, Vec<i64>),
}

impl Ctx {
    fn new(scene: Scene, n: i64, rows: Vec<Row>, best: usize) -> Ctx {
        let reversed = (
            cumulate_down(rows.iter().map(|r| r.max_count)),
            cumulate_up(rows.iter().map(|r| r.min_count)),
        );
        Ctx {
            scene,
            n,
            shares: Shares::of(n),
            rows,
            best,
            reversed,
        }
    }

    fn pct_2n(&self, count: i64) -> Decimal {
        share(count, 2 * self.n)
    }

    fn statement(&self) -> String {
        let s = &self.scene;
        text!(
            "Le ",
            s.date.french(),
            ", ",
            s.seller(),
            " prépare la fixation du prix de vente HT de l'article « ",
            s.product.nom,
            " ». ",
            s.business.vendeur,
            ", ",
            s.business.vendeur_genre.agree("chargé", "chargée"),
            " de clientèle, \
             a fait interroger ",
            Count(self.n),
            " clients et prospects. Deux questions leur ont été posées :\n\n\
             - « À partir de quel prix trouveriez-vous cet article trop cher ? » (prix maximum) ;\n\
             - « À partir de quel prix, en descendant, douteriez-vous de sa qualité ? » (prix minimum).\n\n\
             Chaque personne a choisi une réponse à chaque question parmi les prix proposés. Une personne qui \
             donne un prix maximum trouve l'article trop cher à ce prix et au-dessus ; une personne qui donne un \
             prix minimum doute de sa qualité (« pas assez cher ») à ce prix et en dessous.\n\n",
            SurveyTable(self),
            "\n\
             **Méthode.** Le pourcentage de « trop cher » s'obtient en cumulant les prix maximum par prix \
             croissants, celui de « pas assez cher » en cumulant les prix minimum par prix décroissants, \
             en pourcentage des personnes interrogées (arrondis à 0,01\u{a0}%). Les autres personnes sont des acheteurs \
             potentiels (acceptants).",
        )
    }

    fn q_too_expensive(&self, i: usize) -> Question {
        let r = &self.rows[i];
        let (wrong_up, _) = &self.reversed;
        Question::new(
            "pct_trop_cher",
            "pourcentage « trop cher »",
            text!(
                "Calculez le pourcentage des personnes interrogées qui trouvent l'article trop cher au prix de ",
                Euros(r.price),
                ".",
            ),
            r.too_expensive_pct,
            Unit::Percent,
        )
        .mistake(
            self.shares.share(wrong_up[i]),
            "cumul-sens-inverse",
            "Le cumul des prix maximum se fait par prix croissants : une personne trouve l'article trop cher \
             à son prix maximum et à tous les prix supérieurs, donc on additionne les réponses des prix \
             inférieurs ou égaux.",
        )
        .mistake(
            self.shares.share(r.max_count),
            "effectifs-non-cumules",
            "Vous n'avez pris que les réponses de ce prix : il faut cumuler les prix maximum de tous les prix \
             inférieurs ou égaux.",
        )
        .mistake(
            self.pct_2n(r.too_expensive),
            "pourcentage-mauvais-total",
            text!(
                "Les pourcentages se calculent sur les ",
                Count(self.n),
                " personnes interrogées, pas sur le total des réponses \
                 aux deux questions.",
            ),
        )
        .step(text!(
            "Cumul croissant des prix maximum, de ",
            Euros(self.rows[0].price),
            " à ",
            Euros(r.price),
            " : ",
            Joined(" + ", self.rows[..=i].iter().map(|x| Count(x.max_count))),
            " = ",
            Count(r.too_expensive),
            " personnes, soit ",
            Count(r.too_expensive),
            " ÷ ",
            Count(self.n),
            " × 100 = **",
            Percent(r.too_expensive_pct),
            "**.",
        ))
    }

    fn q_too_cheap(&self, i: usize) -> Question {
        let r = &self.rows[i];
        let (_, wrong_down) = &self.reversed;
        Question::new(
            "pct_pas_assez_cher",
            "pourcentage « pas assez cher »",
            text!(
                "Calculez le pourcentage des personnes interrogées qui trouvent l'article pas assez cher \
                 (qualité douteuse) au prix de ",
                Euros(r.price),
                ".",
            ),
            r.too_cheap_pct,
            Unit::Percent,
        )
        .mistake(
            self.shares.share(wrong_down[i]),
            "cumul-sens-inverse",
            "Le cumul des prix minimum se fait par prix décroissants : une personne doute de la qualité à son \
             prix minimum et à tous les prix inférieurs, donc on additionne les réponses des prix supérieurs \
             ou égaux.",
        )
        .mistake(
            self.shares.share(r.min_count),
            "effectifs-non-cumules",
            "Vous n'avez pris que les réponses de ce prix : il faut cumuler les prix minimum de tous les prix \
             supérieurs ou égaux.",
        )
        .mistake(
            self.pct_2n(r.too_cheap),
            "pourcentage-mauvais-total",
            text!(
                "Les pourcentages se calculent sur les ",
                Count(self.n),
                " personnes interrogées, pas sur le total des réponses \
                 aux deux questions.",
            ),
        )
        .step(text!(
            "Cumul décroissant des prix minimum, de ",
            Euros(self.rows[self.rows.len() - 1].price),
            " à ",
            Euros(r.price),
            " : ",
            Joined(" + ", self.rows[i..].iter().rev().map(|x| Count(x.min_count))),
            " = ",
            Count(r.too_cheap),
            " personnes, soit ",
            Count(r.too_cheap),
            " ÷ ",
            Count(self.n),
            " × 100 = **",
            Percent(r.too_cheap_pct),
            "**.",
        ))
    }

    /// `key`/`label` must be distinct per asked price; the first one has a formula.
    fn q_acceptors(
        &self,
        i: usize,
        key: &'static str,
        label: &'static str,
        first: bool,
    ) -> Question {
        let r = &self.rows[i];
        let (wrong_up, wrong_down) = &self.reversed;
        let reversed =
            dec!(100) - self.shares.share(wrong_up[i]) - self.shares.share(wrong_down[i]);
        let q = Question::new(
            key,
            label,
            text!(
                "Calculez le pourcentage d'acheteurs potentiels (acceptants) au prix de ",
                Euros(r.price),
                ".",
            ),
            r.acceptors_pct,
            Unit::Percent,
        );
        let q = if first {
            q.formula("100 - pct_trop_cher - pct_pas_assez_cher")
        } else {
            q
        };
        q.mistake(
            dec!(100) - r.too_cheap_pct,
            "trop-cher-non-deduit",
            "Vous n'avez retiré que les « pas assez cher » : les acceptants sont 100\u{a0}% moins les « trop cher » \
             ET moins les « pas assez cher ».",
        )
        .mistake(
            dec!(100) - r.too_expensive_pct,
            "pas-assez-cher-non-deduit",
            "Vous n'avez retiré que les « trop cher » : les acceptants sont 100\u{a0}% moins les « trop cher » \
             ET moins les « pas assez cher ».",
        )
        .mistake(
            reversed,
            "cumul-sens-inverse",
            "Les cumuls sont inversés : « trop cher » se cumule par prix croissants, « pas assez cher » par prix \
             décroissants.",
        )
        .step(text!(
            "Au prix de ",
            Euros(r.price),
            " : pourcentage d'acceptants = 100\u{a0}% − ",
            Percent(r.too_expensive_pct),
            " − ",
            Percent(r.too_cheap_pct),
            " = **",
            Percent(r.acceptors_pct),
            "**.",
        ))
    }

    fn q_optimal(&self) -> Question {
        let b = &self.rows[self.best];
        let (wrong_up, wrong_down) = &self.reversed;
        let wrong_acceptors = wrong_up
            .iter()
            .zip(wrong_down)
            .map(|(u, dn)| self.n - u - dn);
        let mut q = Question::new(
            "prix_optimal",
            "prix psychologique",
            "Complétez le tableau pour tous les prix proposés et déduisez-en le prix psychologique (prix optimal). \
             Justifiez.",
            b.price,
            Unit::Euros,
        );
        if let Some(i) = unique_argmax(self.rows.iter().map(|r| r.max_count)) {
            q = q.mistake(
                self.rows[i].price,
                "prix-maximum-le-plus-cite",
                "Ce prix est le prix maximum le plus souvent cité, pas celui qui satisfait le plus de monde : \
                 le prix psychologique est celui qui a le plus fort pourcentage d'acceptants.",
            );
        }
        if let Some(i) = unique_argmax(wrong_acceptors) {
            q = q.mistake(
                self.rows[i].price,
                "cumul-sens-inverse",
                "Les cumuls sont inversés : « trop cher » se cumule par prix croissants, « pas assez cher » par prix \
                 décroissants ; refaites le tableau.",
            );
        }
        q.step(text!(
            "Tableau complet (le prix retenu est en gras) :\n\n",
            FullTable(self),
            "\n\
             Le pourcentage d'acceptants est maximal (",
            Percent(b.acceptors_pct),
            ") au prix de **",
            Euros(b.price),
            "** : c'est le prix psychologique, \
             celui que le plus grand nombre de clients juge acceptable.",
        ))
    }

    fn q_count(&self) -> Question {
        let b = &self.rows[self.best];
        Question::new(
            "nb_acceptants",
            "nombre d'acheteurs potentiels",
            "Combien de personnes interrogées sont des acheteurs potentiels à ce prix ?",
            Decimal::from(b.acceptors),
            Unit::Number,
        )
        .mistake(
            b.acceptors_pct,
            "pourcentage-au-lieu-du-nombre",
            text!(
                "Vous avez donné le pourcentage : le nombre d'acheteurs potentiels est ce pourcentage des ",
                Count(self.n),
                " \
                 personnes interrogées.",
            ),
        )
        .mistake(
            Decimal::from(self.n - b.too_cheap),
            "trop-cher-non-deduit",
            "Retirez des personnes interrogées à la fois celles qui trouvent l'article trop cher et celles qui \
             le trouvent pas assez cher.",
        )
        .mistake(
            Decimal::from(self.n - b.too_expensive),
            "pas-assez-cher-non-deduit",
            "Retirez des personnes interrogées à la fois celles qui trouvent l'article trop cher et celles qui \
             le trouvent pas assez cher.",
        )
        .step(text!(
            "Nombre d'acheteurs potentiels = personnes interrogées − trop cher − pas assez cher = ",
            Count(self.n),
            " − ",
            Count(b.too_expensive),
            " − ",
            Count(b.too_cheap),
            " \
             = **",
            Count(b.acceptors),
            "** (soit ",
            Percent(b.acceptors_pct),
            " des ",
            Count(self.n),
            " personnes).",
        ))
    }

    fn content(&self, first: usize, others: &[usize]) -> Content {
        const KEYS: [(&str, &str); 2] = [
            ("pct_acceptants_2", "pourcentage d'acceptants (2e prix)"),
            ("pct_acceptants_3", "pourcentage d'acceptants (3e prix)"),
        ];
        let mut questions = Vec::with_capacity(7);
        questions.push(self.q_too_expensive(first));
        questions.push(self.q_too_cheap(first));
        questions.push(self.q_acceptors(first, "pct_acceptants", "pourcentage d'acceptants", true));
        for (&i, (key, label)) in others.iter().zip(KEYS) {
            questions.push(self.q_acceptors(i, key, label, false));
        }
        questions.push(self.q_optimal());
        questions.push(self.q_count());
        let b = &self.rows[self.best];
        Content {
            statement: self.statement(),
            questions,
            solution_intro: text!(
                "*Méthode des prix psychologiques :* à un prix donné, le pourcentage « trop cher » est le cumul \
                 croissant des prix maximum et le pourcentage « pas assez cher » le cumul décroissant \
                 des prix minimum, chacun en pourcentage des ",
                Count(self.n),
                " personnes interrogées (arrondi à 0,01\u{a0}%) ; \
                 pourcentage d'acceptants = 100\u{a0}% − pourcentage « trop cher » − pourcentage « pas assez cher ».",
            ),
            solution_outro: text!(
                "*Lecture commerciale :* au prix de ",
                Euros(b.price),
                ", ",
                Percent(b.acceptors_pct),
                " des personnes interrogées jugent l'article acceptable. \
                 Ce prix psychologique sert de repère ; l'entreprise le confronte ensuite à ses coûts (prix \
                 plancher), à sa marge et aux prix de la concurrence avant de fixer son prix de vente.",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correct::correct;
    use crate::generate::generate;
    use crate::model::Question;
    use std::collections::BTreeMap;

    /// The textbook survey of `calc::acceptability` (hand-checked there): 200 people,
    /// prices 10 to 20 €, maximum prices 0, 10, 30, 70, 60, 30, minimum prices
    /// 40, 80, 50, 20, 10, 0.
    fn textbook() -> Ctx {
        let prices = [dec!(10), dec!(12), dec!(14), dec!(16), dec!(18), dec!(20)];
        let max = [0, 10, 30, 70, 60, 30];
        let min = [40, 80, 50, 20, 10, 0];
        let answers: Vec<Answers> = (0..6)
            .map(|i| Answers {
                price: prices[i],
                max_count: max[i],
                min_count: min[i],
            })
            .collect();
        let rows = table(200, &answers);
        let best = optimal(&rows).unwrap();
        Ctx::new(Scene::draw(&mut Rng::from_seed(1)), 200, rows, best)
    }

    fn find<'a>(c: &'a Content, key: &str) -> &'a Question {
        c.questions.iter().find(|q| q.key == key).unwrap()
    }

    fn mistake(c: &Content, key: &str, note: &str) -> Decimal {
        let q = find(c, key);
        q.mistakes
            .iter()
            .find(|m| m.note == note)
            .unwrap_or_else(|| panic!("{key} {note}"))
            .answer
    }

    #[test]
    fn textbook_answers_and_mistakes_hand_checked() {
        let c = textbook().content(3, &[1, 4]);
        // At 16 €: trop cher 0 + 10 + 30 + 70 = 110 → 55 %; pas assez cher 0 + 10 + 20 = 30 → 15 %;
        // acceptants 100 − 55 − 15 = 30 %. At 12 €: 100 − 5 − 80 = 15 %; at 18 €: 100 − 85 − 5 = 10 %.
        // Optimum 14 € (40 %), i.e. 200 − 40 − 80 = 80 people.
        assert_eq!(find(&c, "pct_trop_cher").answer, dec!(55));
        assert_eq!(find(&c, "pct_pas_assez_cher").answer, dec!(15));
        assert_eq!(find(&c, "pct_acceptants").answer, dec!(30));
        assert_eq!(find(&c, "pct_acceptants_2").answer, dec!(15));
        assert_eq!(find(&c, "pct_acceptants_3").answer, dec!(10));
        assert_eq!(find(&c, "prix_optimal").answer, dec!(14));
        assert_eq!(find(&c, "nb_acceptants").answer, dec!(80));
        // Wrong direction at 16 €: 70 + 60 + 30 = 160 → 80 %; 40 + 80 + 50 + 20 = 190 → 95 %;
        // acceptants 100 − 80 − 95 = −75 %. Not cumulated: 70 → 35 %, 20 → 10 %.
        // Wrong total (400 answers): 110/400 = 27,5 %, 30/400 = 7,5 %.
        assert_eq!(mistake(&c, "pct_trop_cher", "cumul-sens-inverse"), dec!(80));
        assert_eq!(
            mistake(&c, "pct_trop_cher", "effectifs-non-cumules"),
            dec!(35)
        );
        assert_eq!(
            mistake(&c, "pct_trop_cher", "pourcentage-mauvais-total"),
            dec!(27.5)
        );
        assert_eq!(
            mistake(&c, "pct_pas_assez_cher", "cumul-sens-inverse"),
            dec!(95)
        );
        assert_eq!(
            mistake(&c, "pct_pas_assez_cher", "effectifs-non-cumules"),
            dec!(10)
        );
        assert_eq!(
            mistake(&c, "pct_pas_assez_cher", "pourcentage-mauvais-total"),
            dec!(7.5)
        );
        assert_eq!(
            mistake(&c, "pct_acceptants", "trop-cher-non-deduit"),
            dec!(85)
        );
        assert_eq!(
            mistake(&c, "pct_acceptants", "pas-assez-cher-non-deduit"),
            dec!(45)
        );
        assert_eq!(
            mistake(&c, "pct_acceptants", "cumul-sens-inverse"),
            dec!(-75)
        );
        // Most cited maximum price: 70 answers at 16 €. Reversed table: 200 − (200, 200, 190,
        // 160, 90, 30) − (40, 120, 170, 190, 200, 200) = −40, −120, −160, −150, −90, −30 → 20 €.
        assert_eq!(
            mistake(&c, "prix_optimal", "prix-maximum-le-plus-cite"),
            dec!(16)
        );
        assert_eq!(mistake(&c, "prix_optimal", "cumul-sens-inverse"), dec!(20));
        // Count: the 40 % typed as a number; 200 − 80 = 120; 200 − 40 = 160.
        assert_eq!(
            mistake(&c, "nb_acceptants", "pourcentage-au-lieu-du-nombre"),
            dec!(40)
        );
        assert_eq!(
            mistake(&c, "nb_acceptants", "trop-cher-non-deduit"),
            dec!(120)
        );
        assert_eq!(
            mistake(&c, "nb_acceptants", "pas-assez-cher-non-deduit"),
            dec!(160)
        );
        let table = &find(&c, "prix_optimal").step;
        assert!(table.contains("| **14,00\u{a0}€** |"));
        assert!(table.contains("**40\u{a0}%**"));
    }

    #[test]
    fn nice_gaps() {
        // 8 % of 26 € = 2,08 → 2 €; 6 % of 8,5 € = 0,51 → 0,5 €; 12 % of 640 € = 76,8 → 100 €
        // (between 50 and 100, 100 is closer); 10 % of 23 € = 2,3 → 2,5 €.
        assert_eq!(nice_gap(dec!(2.08)), dec!(2));
        assert_eq!(nice_gap(dec!(0.51)), dec!(0.5));
        assert_eq!(nice_gap(dec!(76.8)), dec!(100));
        assert_eq!(nice_gap(dec!(2.3)), dec!(2.5));
        assert_eq!(nice_gap(dec!(0.001)), dec!(0.01));
        // Midway between 2 and 2,5 × 10: the lower one, as `min_by_key` keeps the first.
        assert_eq!(nice_gap(dec!(22.5)), dec!(20));
        // Beyond 100 000 € the power stops growing: 12 × 100 000 → 10 × 100 000.
        assert_eq!(nice_gap(dec!(1234567.8)), dec!(1000000));
    }

    proptest::proptest! {
        /// The integer search gives the gap of the decimal one.
        #[test]
        fn nice_gap_on_integers_agrees(m in 0i64..2_000_000_000_000, scale in 0u32..=6) {
            let x = Decimal::new(m, scale);
            proptest::prop_assert_eq!(nice_gap(x), nice_gap_decimal(x));
        }
    }

    fn raw(set: &[(&str, &str)]) -> BTreeMap<String, String> {
        set.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn expected_answers_score_full_and_mistakes_are_diagnosed() {
        for seed in 0..200 {
            let i = generate("prix/acceptabilite", seed, &raw(&[])).expect("instance");
            let right: BTreeMap<String, String> = i
                .questions
                .iter()
                .map(|q| (q.key.to_string(), q.answer.to_string()))
                .collect();
            let report = correct(&i, &right);
            assert_eq!(report.score, report.total, "seed {seed}");
            assert_eq!(i.questions.len(), 7);
            for q in &i.questions {
                for m in &q.mistakes {
                    let mut answers = right.clone();
                    answers.insert(q.key.to_string(), m.answer.to_string());
                    let r = correct(&i, &answers);
                    let res = r.results.iter().find(|r| r.key == q.key).unwrap();
                    assert_eq!(
                        res.diagnosis.as_ref().map(|d| d.note.as_str()),
                        Some(m.note),
                        "seed {seed} {}",
                        q.key
                    );
                }
            }
            let acc = i.question("pct_acceptants").unwrap().answer;
            let te = i.question("pct_trop_cher").unwrap().answer;
            let tc = i.question("pct_pas_assez_cher").unwrap().answer;
            assert_eq!(acc + te + tc, dec!(100), "seed {seed}");
        }
    }

    #[test]
    fn teacher_values_with_rounded_shares() {
        // 300 respondents: shares are thirds of a percent, rounded to 0,01 %, and the
        // acceptants' share stays 100 − the two rounded shares.
        for seed in 0..30 {
            let set = raw(&[
                ("effectif", "300"),
                ("nb_prix", "7"),
                ("prix_central", "45"),
                ("ecart_prix", "5"),
            ]);
            let i = generate("prix/acceptabilite", seed, &set).expect("instance");
            let acc = i.question("pct_acceptants").unwrap().answer;
            let te = i.question("pct_trop_cher").unwrap().answer;
            let tc = i.question("pct_pas_assez_cher").unwrap().answer;
            assert_eq!(acc, dec!(100) - te - tc);
            assert_eq!(te, round_half_away_2(te));
            // Prices 30, 35, …, 60 €.
            assert!(
                i.statement.contains("| 30,00\u{a0}€ |")
                    && i.statement.contains("| 60,00\u{a0}€ |")
            );
            let count = i.question("nb_acceptants").unwrap().answer;
            assert!(
                count >= dec!(105) && count <= dec!(300),
                "at least 35 % of 300"
            );
        }
    }

    fn round_half_away_2(x: Decimal) -> Decimal {
        crate::num::round::round_half_away(x, 2)
    }

    #[test]
    fn grid_reaching_zero_is_refused() {
        let set = raw(&[("nb_prix", "9"), ("prix_central", "4"), ("ecart_prix", "1")]);
        assert!(generate("prix/acceptabilite", 1, &set).is_err());
    }
}

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
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{push_count, push_euros, push_percent, Count, Euros, Percent};
use crate::rng::Rng;
use crate::text;
use crate::text::{Joined, Piece};
use crate::v1::context::DateV1;
use crate::v1::context::Scene;
use crate::v1::prix::elasticite::price_step;
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
        1
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
            s.date.french_v1(),
            ", ",
            s.seller(),
            " prépare la fixation du prix de vente HT de l'article « ",
            s.product.nom,
            " ». ",
            s.business.vendeur,
            ", chargé(e) de clientèle, \
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

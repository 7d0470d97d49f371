//! `financement/emprunt`: a loan repaid by constant payments or by constant amortisation,
//! its amortisation table and the cost of the credit (S512).
//!
//! The questions ask for selected cells and totals of the table, never the whole table;
//! the worked solution shows the table (abridged for long loans) and a chart.

use crate::calc::loan::{
    annuity_table_exact, constant_amortisation_table_exact, constant_payment,
    equivalent_monthly_rate, proportional_monthly_rate, remaining_by_formula, LastLine, PeriodRate,
    Table,
};
use crate::exercises::context::Scene;
use crate::exercises::equipment;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit, INTERMEDIATE_ROUNDING};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use crate::render::charts::{line_chart_svg, LineChart, Series};
use crate::text;
use crate::world::rates::MarketRange;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Emprunt;

const VARIANTS: &[(&str, &str)] = &[
    (
        "annuites-constantes",
        "emprunt remboursé par annuités (ou mensualités) constantes",
    ),
    (
        "amortissements-constants",
        "emprunt remboursé par amortissements constants",
    ),
];
const PERIODICITY: &[(&str, &str)] = &[
    ("mensuelle", "remboursement par mensualités"),
    ("annuelle", "remboursement par annuités"),
];
const MONTHLY_RATE: &[(&str, &str)] = &[
    (
        "proportionnel",
        "taux mensuel proportionnel : taux annuel ÷ 12",
    ),
    (
        "equivalent",
        "taux mensuel équivalent : (1 + taux annuel)^(1/12) − 1, arrondi à 0,0001 %",
    ),
];
const LAST_LINE: &[(&str, &str)] = &[
    (
        "annuite-ajustee",
        "dernière ligne : amortissement = capital restant dû, échéance ajustée",
    ),
    (
        "interet-ajuste",
        "dernière ligne : échéance constante, amortissement = capital restant dû, intérêt ajusté",
    ),
];

/// Decimals (of the percentage) of a stated monthly equivalent rate.
const RATE_DP: u32 = 4;
/// Tables longer than this are shown abridged in the solution.
const FULL_TABLE_MAX: usize = 12;
const MONTHLY_DURATIONS: [i64; 12] = [12, 24, 36, 48, 60, 72, 84, 120, 180, 240, 300, 360];

/// "l'annuité", "la mensualité".
fn the(noun: &str) -> String {
    if noun.starts_with(['a', 'e', 'é', 'i', 'o', 'u']) {
        format!("l'{noun}")
    } else {
        format!("la {noun}")
    }
}

impl Exercise for Emprunt {
    fn id(&self) -> &'static str {
        "financement/emprunt"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::variant("variante", "mode de remboursement de l'emprunt", VARIANTS),
            ParamSpec::variant("periodicite", "périodicité des échéances", PERIODICITY),
            ParamSpec::decimal(
                "capital",
                "montant emprunté",
                "1000",
                "5000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_annuel",
                "taux d'intérêt annuel de l'emprunt",
                "0.1",
                "15",
                Unit::Percent,
            ),
            ParamSpec::integer(
                "nb_echeances",
                "nombre d'échéances (mois ou années selon la périodicité ; au plus 50 annuités)",
                3,
                360,
            ),
            ParamSpec::integer(
                "periode_k",
                "échéance après laquelle on demande le capital restant dû (au plus nb_echeances − 2)",
                1,
                358,
            ),
            ParamSpec::convention(
                "taux_mensuel",
                "calcul du taux mensuel à partir du taux annuel",
                MONTHLY_RATE,
            ),
            ParamSpec::convention(
                "derniere_ligne",
                "ajustement de la dernière ligne du tableau (annuités constantes)",
                LAST_LINE,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let constant_amortisation = d.choice("variante") == "amortissements-constants";
        let monthly = d.choice("periodicite") == "mensuelle";
        // The asset first: it sets the loan's purpose, its usual durations and its price.
        let asset = equipment::draw(d.rng(), scene.business, true);
        let (min_months, max_months) = asset.category().loan_months();
        let n = d.number("nb_echeances", |r| {
            if monthly {
                let fitting: Vec<i64> = MONTHLY_DURATIONS
                    .into_iter()
                    .filter(|m| (i64::from(min_months)..=i64::from(max_months)).contains(m))
                    .collect();
                Decimal::from(*r.pick(&fitting))
            } else {
                Decimal::from(r.int(
                    i64::from(min_months / 12).max(3),
                    i64::from(max_months / 12).max(3),
                ))
            }
        });
        let n = u32::try_from(n).map_err(|_| Degenerate("durée invalide".into()))?;
        if !monthly && n > 50 {
            return Err(Degenerate("plus de 50 annuités".into()));
        }
        let (lo, hi) = asset.price_range(scene.business);
        let capital = d.number("capital", |r| {
            let step = if hi >= dec!(100000) {
                dec!(5000)
            } else {
                dec!(500)
            };
            let lo = (lo / step).ceil() * step;
            r.decimal_step(lo, hi.max(lo), step)
        });
        let market = equipment::loan_range(&scene.date, &asset.category().objet_credit);
        let annual = d.number("taux_annuel", |r| {
            equipment::draw_rate(r, market, dec!(0.05))
        });
        let k = d.number("periode_k", |r| {
            Decimal::from(r.int(2.min(i64::from(n) - 2), i64::from(n) - 2))
        });
        let k = u32::try_from(k).map_err(|_| Degenerate("échéance invalide".into()))?;
        if k < 1 || k + 2 > n {
            return Err(Degenerate(
                "l'échéance k doit être comprise entre 1 et nb_echeances − 2".into(),
            ));
        }
        let equivalent = d.choice("taux_mensuel") == "equivalent";
        // A teacher who fixes a convention wants to see it at work: draw again rather
        // than pick a variant where it does not apply.
        if d.is_fixed("taux_mensuel") && !monthly && !d.is_fixed("periodicite") {
            return Err(Degenerate(
                "le taux mensuel ne sert qu'avec des mensualités".into(),
            ));
        }
        if d.is_fixed("derniere_ligne") && constant_amortisation && !d.is_fixed("variante") {
            return Err(Degenerate(
                "l'ajustement de la dernière ligne ne varie qu'avec des annuités constantes".into(),
            ));
        }
        let last = match d.choice("derniere_ligne") {
            "interet-ajuste" => LastLine::AdjustInterest,
            _ => LastLine::AdjustPayment,
        };
        let rate = match (monthly, equivalent) {
            (false, _) => annual,
            (true, false) => proportional_monthly_rate(annual),
            (true, true) => equivalent_monthly_rate(annual, RATE_DP),
        };
        // The table's interests with the unrounded rate: a proportional monthly rate is
        // the annual one over 12 periods (see `PeriodRate`).
        let period_rate = match (monthly, equivalent) {
            (true, false) => PeriodRate {
                percent: annual,
                periods: 12,
            },
            _ => PeriodRate {
                percent: rate,
                periods: 1,
            },
        };
        let table = if constant_amortisation {
            constant_amortisation_table_exact(capital, period_rate, n)
        } else {
            annuity_table_exact(capital, period_rate, n, last)
        }
        .ok_or_else(|| Degenerate("dépassement de capacité".into()))?;
        if !table.is_sound() {
            return Err(Degenerate(
                "tableau absurde (capital trop faible pour la durée)".into(),
            ));
        }
        let ctx = Ctx {
            scene,
            object: asset.purchase(),
            market,
            constant_amortisation,
            monthly,
            equivalent,
            last,
            capital,
            annual,
            rate,
            period_rate,
            n,
            k,
            table,
        };
        ctx.content()
    }
}

struct Ctx {
    scene: Scene,
    /// « de l'achat d'un pressoir pneumatique ».
    object: String,
    /// The market range the rate was drawn in, cited by the statement.
    market: &'static MarketRange,
    constant_amortisation: bool,
    monthly: bool,
    equivalent: bool,
    last: LastLine,
    capital: Decimal,
    annual: Decimal,
    /// Rate per period used in the table, in percent.
    rate: Decimal,
    /// The same rate as the table uses it (division last, see `PeriodRate`).
    period_rate: PeriodRate,
    n: u32,
    k: u32,
    table: Table,
}

impl Ctx {
    /// "mensualité" or "annuité".
    fn payment_name(&self) -> &'static str {
        if self.monthly {
            "mensualité"
        } else {
            "annuité"
        }
    }

    /// The per-period rate in the expression language, in percent.
    fn rate_expr(&self) -> &'static str {
        match (self.monthly, self.equivalent) {
            (false, _) => "taux_annuel",
            // Not parenthesised: « x * taux_annuel / 12 / 100 » divides last, exactly.
            (true, false) => "taux_annuel / 12",
            (true, true) => "taux_periodique",
        }
    }

    /// The per-period rate as displayed (percent).
    fn rate_shown(&self) -> String {
        if self.monthly && !self.equivalent {
            format!("{}\u{a0}%", number(self.rate, 6))
        } else {
            format!("{}\u{a0}%", number(self.rate, RATE_DP))
        }
    }

    /// The per-period rate as a decimal number for the worked formulas (0,004868).
    fn i_shown(&self) -> String {
        number(self.rate / dec!(100), 8)
    }

    fn interest_of(&self, capital: Decimal) -> Decimal {
        self.period_rate
            .interest(capital)
            .unwrap_or_else(|| round_cents(capital * self.rate / dec!(100)))
    }

    fn duration(&self) -> String {
        if self.monthly {
            if self.n.is_multiple_of(12) {
                let years = self.n / 12;
                format!(
                    "{} mois ({years} an{})",
                    self.n,
                    if years > 1 { "s" } else { "" }
                )
            } else {
                format!("{} mois", self.n)
            }
        } else {
            format!("{} ans", self.n)
        }
    }

    fn statement(&self) -> String {
        let s = &self.scene;
        let how = if self.constant_amortisation {
            format!(
                "par amortissements constants, avec {} {}s versées en fin de période",
                self.n,
                self.payment_name()
            )
        } else {
            format!(
                "par {} {}s constantes versées en fin de période",
                self.n,
                self.payment_name()
            )
        };
        let m = self.market;
        let market = text!(
            "Le taux proposé se situe dans la fourchette des taux moyens des nouveaux crédits aux entreprises \
             publiés à cette date (",
            m.annee,
            " : de ",
            percent(m.taux_min),
            " à ",
            percent(m.taux_max),
            " ; source : ",
            m.source,
            ")."
        );
        let intro = format!(
            "Le {}, {} prépare le financement {}. Sa banque lui propose un emprunt de {} remboursable {how}. \
             {market} Vous assistez {}, {} de clientèle, qui doit expliquer l'offre au dirigeant.",
            s.date.french(),
            s.seller(),
            self.object,
            euros(self.capital),
            s.business.vendeur,
            s.business.vendeur_genre.agree("chargé", "chargée"),
        );
        let mut t = String::from("| Élément | Donnée |\n|---|---|\n");
        t += &format!("| Montant emprunté | {} |\n", euros(self.capital));
        t += &format!("| Taux d'intérêt annuel | {} |\n", percent(self.annual));
        t += &format!("| Durée | {} |\n", self.duration());
        t += &format!(
            "| Mode de remboursement | {} |\n",
            if self.constant_amortisation {
                "amortissements constants"
            } else if self.monthly {
                "mensualités constantes"
            } else {
                "annuités constantes"
            }
        );
        format!("{intro}\n\n{t}\n{}", self.conventions())
    }

    fn conventions(&self) -> String {
        let mut c = String::from("**Conventions.** ");
        if self.monthly {
            c += if self.equivalent {
                "Le taux mensuel est le taux équivalent au taux annuel : (1 + taux annuel)^(1/12) − 1, arrondi à 0,0001\u{a0}% ; \
                 c'est ce taux arrondi qui sert dans tous les calculs. "
            } else {
                "Le taux mensuel est le taux proportionnel : taux annuel ÷ 12, utilisé sans arrondi dans les calculs \
                 (donnez-le arrondi à 0,0001\u{a0}%). "
            };
        }
        c += &format!(
            "Chaque ligne du tableau d'amortissement est arrondie au centime : intérêt = capital restant dû en début de période × taux, \
             {}. ",
            if self.constant_amortisation {
                "amortissement = montant emprunté ÷ nombre d'échéances, échéance = amortissement + intérêt"
            } else {
                "amortissement = échéance − intérêt"
            }
        );
        c += match (self.constant_amortisation, self.last) {
            (true, _) => {
                "À la dernière ligne, l'amortissement est égal au capital restant dû (ajustement des arrondis)."
            }
            (false, LastLine::AdjustPayment) => {
                "À la dernière ligne, l'amortissement est égal au capital restant dû et la dernière échéance est ajustée (intérêt + amortissement)."
            }
            (false, LastLine::AdjustInterest) => {
                "À la dernière ligne, l'échéance reste constante, l'amortissement est égal au capital restant dû et l'intérêt est ajusté (échéance − amortissement)."
            }
        };
        c
    }

    fn content(&self) -> Result<Content, Degenerate> {
        let mut questions = Vec::new();
        if self.monthly {
            questions.push(self.q_rate());
        }
        if self.constant_amortisation {
            questions.extend(self.amortisation_questions());
        } else {
            questions.extend(self.annuity_questions()?);
        }
        Ok(Content {
            statement: self.statement(),
            questions,
            solution_intro: format!(
                "*Règle d'arrondi : chaque montant du tableau est arrondi au centime le plus proche \
                 (0,005\u{a0}€ et plus arrondi au centime supérieur). Taux de la période : i = {} = {}.*",
                self.rate_shown(),
                self.i_shown()
            ),
            solution_outro: self.outro(),
        })
    }

    // ----- Questions ----------------------------------------------------------------

    fn q_rate(&self) -> Question {
        let shown = round_half_away(self.rate, RATE_DP);
        let q = Question::new(
            "taux_periodique",
            "taux mensuel",
            if self.equivalent {
                "Calculez le taux mensuel équivalent au taux annuel (arrondi à 0,0001\u{a0}%)."
            } else {
                "Calculez le taux mensuel proportionnel au taux annuel (arrondi à 0,0001\u{a0}%)."
            },
            shown,
            Unit::Percent,
        )
        .tolerance(dec!(0.0001));
        if self.equivalent {
            q.mistake(
                round_half_away(self.annual / dec!(12), RATE_DP),
                "taux-proportionnel-au-lieu-d-equivalent",
                "Vous avez divisé le taux annuel par 12 : c'est le taux proportionnel. L'énoncé demande le taux équivalent, \
                 qui donne le même résultat sur un an avec capitalisation mensuelle : (1 + taux annuel)^(1/12) − 1.",
            )
            .step(format!(
                "Taux mensuel équivalent = (1 + {})^(1/12) − 1 = {}^(1/12) − 1 ≈ **{}** (arrondi à 0,0001\u{a0}%). \
                 Vérification : (1 + {})^12 ≈ {}.",
                number(self.annual / dec!(100), 6),
                number(Decimal::ONE + self.annual / dec!(100), 6),
                percent_dp(shown, RATE_DP),
                number(shown / dec!(100), 6),
                number(
                    crate::calc::loan::pow(Decimal::ONE + shown / dec!(100), 12)
                        .unwrap_or_default(),
                    6
                )
            ))
        } else {
            q.formula(format!("arrondi(taux_annuel / 12, {RATE_DP})"))
                .mistake(
                    self.annual,
                    "taux-annuel-applique-au-mois",
                    "Vous avez donné le taux annuel : les échéances étant mensuelles, il faut le taux mensuel, \
                     ici le taux proportionnel (taux annuel ÷ 12).",
                )
                .step(format!(
                    "Taux mensuel proportionnel = {} ÷ 12 = **{}** (arrondi à 0,0001\u{a0}% pour l'affichage ; \
                     les calculs utilisent la valeur exacte {}).",
                    percent(self.annual),
                    percent_dp(shown, RATE_DP),
                    self.i_shown()
                ))
        }
    }

    fn q_interest_1(&self) -> Question {
        let r = self.rate_expr();
        let i1 = self.table.rows[0].interest;
        let q = Question::new(
            "interet_1",
            "intérêt de la 1re échéance",
            "Calculez l'intérêt compris dans la 1re échéance.",
            i1,
            Unit::Euros,
        )
        .formula(format!("arrondi2(capital * {r} / 100)"))
        .step(format!(
            "Intérêt de la 1re période = capital emprunté × i = {} × {} = **{}**.",
            euros(self.capital),
            self.i_shown(),
            euros(i1)
        ));
        if self.monthly {
            q.mistake(
                round_cents(self.capital * self.annual / dec!(100)),
                "taux-annuel-applique-au-mois",
                "Vous avez appliqué le taux annuel à une période d'un mois : l'intérêt d'un mois se calcule avec le taux mensuel.",
            )
        } else {
            q
        }
    }

    /// Capital remaining after period k, then the interest of period k + 1.
    fn q_remaining_and_next(&self, remaining: Question) -> [Question; 2] {
        let r = self.rate_expr();
        let k = self.k as usize;
        let crd = self.table.remaining_after(k);
        let next = self.table.rows[k].interest;
        let interest_q = Question::new(
            "interet_k1",
            "intérêt de l'échéance suivante",
            format!(
                "Déduisez-en l'intérêt compris dans la {}e échéance.",
                self.k + 1
            ),
            next,
            Unit::Euros,
        )
        .formula(format!("arrondi2(capital_restant_k * {r} / 100)"))
        .mistake(
            self.table.rows[0].interest,
            "interet-sur-capital-initial",
            "Vous avez calculé l'intérêt sur le capital emprunté au départ. Chaque intérêt se calcule sur le capital \
             restant dû au début de la période, qui diminue à chaque échéance.",
        )
        .step(format!(
            "Intérêt de la {}e échéance = capital restant dû en début de période × i = {} × {} = **{}**.",
            self.k + 1,
            euros(crd),
            self.i_shown(),
            euros(next)
        ));
        [remaining, interest_q]
    }

    fn annuity_questions(&self) -> Result<Vec<Question>, Degenerate> {
        let r = self.rate_expr();
        let t = &self.table;
        let a = t.rows[0].payment;
        let pay = self.payment_name();
        let n = self.n;
        let mut annuity_q = Question::new(
            "annuite",
            if self.monthly {
                "mensualité constante"
            } else {
                "annuité constante"
            },
            format!("Calculez le montant de {} constante.", the(pay)),
            a,
            Unit::Euros,
        )
        .formula(format!(
            "arrondi2(capital * {r} / 100 / (1 - (1 + {r} / 100) ^ (-nb_echeances)))"
        ))
        .step(format!(
            "a = C × i ÷ (1 − (1 + i)^−n) = {} × {} ÷ (1 − {}^−{n}) = **{}** (arrondi au centime). \
             (Tableur : VPM({}\u{a0}; {n}\u{a0}; −{}).)",
            euros(self.capital),
            self.i_shown(),
            number(Decimal::ONE + self.rate / dec!(100), 8),
            euros(a),
            self.rate_shown(),
            number(self.capital, 2),
        ));
        if self.monthly {
            if let Some(wrong) = constant_payment(self.capital, self.annual, n) {
                annuity_q = annuity_q.mistake(
                    wrong,
                    "taux-annuel-applique-au-mois",
                    "Vous avez utilisé le taux annuel avec un nombre de mois : pour des mensualités, le taux de la formule \
                     est le taux mensuel, et n le nombre de mois.",
                );
            }
            if self.equivalent {
                if let Some(wrong) =
                    constant_payment(self.capital, proportional_monthly_rate(self.annual), n)
                {
                    annuity_q = annuity_q.mistake(
                        wrong,
                        "taux-proportionnel-au-lieu-d-equivalent",
                        "Vous avez utilisé le taux proportionnel (taux annuel ÷ 12) alors que l'énoncé impose le taux mensuel équivalent.",
                    );
                }
            }
        }
        let amort_1 = t.rows[0].amortisation;
        let amort_q = Question::new(
            "amortissement_1",
            "amortissement de la 1re échéance",
            "Calculez l'amortissement (remboursement du capital) compris dans la 1re échéance.",
            amort_1,
            Unit::Euros,
        )
        .formula("annuite - interet_1")
        .mistake(
            round_cents(self.capital / Decimal::from(n)),
            "amortissement-constant-confondu",
            format!(
                "Vous avez divisé le capital par le nombre d'échéances : c'est la méthode des amortissements constants. \
                 Avec des {pay}s constantes, amortissement = {pay} − intérêt."
            ),
        )
        .step(format!(
            "Amortissement = {pay} − intérêt = {} − {} = **{}**.",
            euros(a),
            euros(t.rows[0].interest),
            euros(amort_1)
        ));

        let k = self.k;
        let crd = t.remaining_after(k as usize);
        let by_formula = remaining_by_formula(a, self.rate, n - k)
            .ok_or_else(|| Degenerate("dépassement de capacité".into()))?;
        let gap = (by_formula - crd).abs().max(dec!(0.01));
        let naive = self.capital - Decimal::from(k) * (a - t.rows[0].interest);
        let remaining_q = Question::new(
            "capital_restant_k",
            "capital restant dû",
            format!("Calculez le capital restant dû après le paiement de la {} {pay}.", ordinal(k)),
            crd,
            Unit::Euros,
        )
        .tolerance(gap)
        .formula(format!(
            "arrondi2(annuite * (1 - (1 + {r} / 100) ^ (-(nb_echeances - periode_k))) / ({r} / 100))"
        ))
        .mistake(
            naive,
            "interet-sur-capital-initial",
            "Vous avez retranché k fois le même amortissement, comme si l'intérêt était toujours calculé sur le capital initial. \
             L'intérêt diminue avec le capital restant dû, donc l'amortissement augmente à chaque échéance.",
        )
        .step(format!(
            "Le capital restant dû après la {} {pay} est la valeur actuelle des {} {pay}s restantes : \
             a × (1 − (1 + i)^−{}) ÷ i = {} × (1 − {}^−{}) ÷ {} = {}. \
             Le tableau, arrondi ligne par ligne, donne **{}** : {}.",
            ordinal(k),
            n - k,
            n - k,
            euros(a),
            number(Decimal::ONE + self.rate / dec!(100), 8),
            n - k,
            self.i_shown(),
            euros(by_formula),
            euros(crd),
            accepted(by_formula, crd)
        ));
        let [remaining_q, next_q] = self.q_remaining_and_next(remaining_q);

        let lastrow = t.rows[n as usize - 1];
        let (last_q, cost_formula, cost_tol) = match self.last {
            LastLine::AdjustPayment => {
                let q = Question::new(
                    "derniere_annuite",
                    if self.monthly {
                        "dernière mensualité"
                    } else {
                        "dernière annuité"
                    },
                    format!("D'après le tableau d'amortissement, quel est le montant de la dernière {pay} (ajustée) ?"),
                    lastrow.payment,
                    Unit::Euros,
                )
                .mistake(
                    a,
                    "derniere-ligne-non-ajustee",
                    "La dernière échéance est ajustée : son amortissement est égal au capital restant dû en début de période, \
                     et l'échéance vaut cet amortissement plus l'intérêt, ce qui corrige les arrondis des lignes précédentes.",
                )
                .step(format!(
                    "Dernière ligne : capital restant dû en début de période {} ; intérêt = {} × {} = {} ; \
                     amortissement = capital restant dû = {} ; {pay} ajustée = {} + {} = **{}** {}.",
                    euros(lastrow.start),
                    euros(lastrow.start),
                    self.i_shown(),
                    euros(lastrow.interest),
                    euros(lastrow.amortisation),
                    euros(lastrow.amortisation),
                    euros(lastrow.interest),
                    euros(lastrow.payment),
                    if lastrow.payment == a {
                        "(ici égale aux autres : les arrondis des lignes précédentes se sont compensés)".to_string()
                    } else {
                        format!(
                            "(au lieu de {} : les amortissements totalisent ainsi exactement le capital emprunté)",
                            euros(a)
                        )
                    }
                ));
                let shortcut = Decimal::from(n) * a - self.capital;
                (
                    q,
                    "(nb_echeances - 1) * annuite + derniere_annuite - capital",
                    (shortcut - t.total_interest).abs().max(dec!(0.01)),
                )
            }
            LastLine::AdjustInterest => {
                let q = Question::new(
                    "dernier_interet",
                    "intérêt de la dernière échéance",
                    format!("D'après le tableau d'amortissement, quel est l'intérêt compris dans la dernière {pay} (ajusté) ?"),
                    lastrow.interest,
                    Unit::Euros,
                )
                .mistake(
                    self.interest_of(lastrow.start),
                    "derniere-ligne-non-ajustee",
                    "À la dernière ligne, l'intérêt est ajusté : amortissement = capital restant dû, intérêt = échéance − amortissement \
                     (l'échéance reste constante et les arrondis des lignes précédentes sont corrigés).",
                )
                .step(format!(
                    "Dernière ligne : amortissement = capital restant dû = {} ; {pay} constante {} ; \
                     intérêt ajusté = {} − {} = **{}** (le calcul direct {} × {} donnerait {}).",
                    euros(lastrow.start),
                    euros(a),
                    euros(a),
                    euros(lastrow.start),
                    euros(lastrow.interest),
                    euros(lastrow.start),
                    self.i_shown(),
                    euros(self.interest_of(lastrow.start))
                ));
                (q, "nb_echeances * annuite - capital", dec!(0.01))
            }
        };
        let cost_step = match self.last {
            LastLine::AdjustPayment => format!(
                "Coût du crédit = total des {pay}s − capital emprunté = ({} − 1) × {} + {} − {} = **{}** \
                 (c'est aussi le total de la colonne des intérêts ; le raccourci n × a − C = {} est accepté).",
                n,
                euros(a),
                euros(lastrow.payment),
                euros(self.capital),
                euros(t.total_interest),
                euros(Decimal::from(n) * a - self.capital)
            ),
            LastLine::AdjustInterest => format!(
                "Coût du crédit = total des {pay}s − capital emprunté = {} × {} − {} = **{}** \
                 (c'est aussi le total de la colonne des intérêts).",
                n,
                euros(a),
                euros(self.capital),
                euros(t.total_interest)
            ),
        };
        let cost_q = Question::new(
            "cout_credit",
            "coût du crédit",
            "Calculez le coût total du crédit (total des intérêts).",
            t.total_interest,
            Unit::Euros,
        )
        .tolerance(cost_tol)
        .formula(cost_formula)
        .mistake(
            t.total_payments,
            "capital-non-deduit",
            format!(
                "Vous avez donné le total des {pay}s : il comprend le remboursement du capital. \
                 Coût du crédit = total des {pay}s − capital emprunté."
            ),
        )
        .mistake(
            Decimal::from(n) * t.rows[0].interest,
            "interet-sur-capital-initial",
            "Vous avez compté à chaque échéance l'intérêt du capital initial : l'intérêt diminue avec le capital restant dû.",
        )
        .step(cost_step);
        Ok(vec![
            annuity_q,
            self.q_interest_1(),
            amort_q,
            remaining_q,
            next_q,
            last_q,
            cost_q,
        ])
    }

    fn amortisation_questions(&self) -> Vec<Question> {
        let r = self.rate_expr();
        let t = &self.table;
        let n = self.n;
        let k = self.k;
        let pay = self.payment_name();
        let amort = t.rows[0].amortisation;
        let amort_q = Question::new(
            "amortissement",
            "amortissement constant",
            "Calculez le montant de l'amortissement constant.",
            amort,
            Unit::Euros,
        )
        .formula("arrondi2(capital / nb_echeances)")
        .step(format!(
            "Amortissement constant = capital emprunté ÷ nombre d'échéances = {} ÷ {n} = **{}** (arrondi au centime).",
            euros(self.capital),
            euros(amort)
        ));
        let first = t.rows[0].payment;
        let first_q = Question::new(
            "annuite_1",
            if self.monthly {
                "1re mensualité"
            } else {
                "1re annuité"
            },
            format!("Calculez le montant de la 1re {pay}."),
            first,
            Unit::Euros,
        )
        .formula("amortissement + interet_1")
        .mistake(
            amort,
            "interet-oublie",
            format!("La {pay} comprend l'amortissement et l'intérêt de la période : {pay} = amortissement + intérêt."),
        )
        .step(format!(
            "1re {pay} = amortissement + intérêt = {} + {} = **{}**.",
            euros(amort),
            euros(t.rows[0].interest),
            euros(first)
        ));
        let crd = t.remaining_after(k as usize);
        let remaining_q = Question::new(
            "capital_restant_k",
            "capital restant dû",
            format!(
                "Calculez le capital restant dû après le paiement de la {} {pay}.",
                ordinal(k)
            ),
            crd,
            Unit::Euros,
        )
        .formula("capital - periode_k * amortissement")
        .step(format!(
            "Après {}, on a remboursé {} : capital restant dû = {} − {k} × {} = **{}**.",
            if k == 1 {
                "1 échéance".to_string()
            } else {
                format!("{k} échéances")
            },
            if k == 1 {
                "1 amortissement".to_string()
            } else {
                format!("{k} amortissements")
            },
            euros(self.capital),
            euros(amort),
            euros(crd)
        ));
        let [remaining_q, next_q] = self.q_remaining_and_next(remaining_q);

        let lastrow = t.rows[n as usize - 1];
        let last_q = Question::new(
            "derniere_annuite",
            if self.monthly {
                "dernière mensualité"
            } else {
                "dernière annuité"
            },
            format!("Calculez le montant de la dernière {pay}."),
            lastrow.payment,
            Unit::Euros,
        )
        .formula(format!(
            "capital - (nb_echeances - 1) * amortissement + arrondi2((capital - (nb_echeances - 1) * amortissement) * {r} / 100)"
        ))
        .mistake(
            amort + self.table.rows[0].interest,
            "interet-sur-capital-initial",
            "Vous avez repris l'intérêt de la 1re échéance : à la dernière, l'intérêt ne porte plus que sur le dernier amortissement.",
        )
        .step(format!(
            "Dernière ligne : capital restant dû en début de période = {} − {} × {} = {} (dernier amortissement, \
             ajusté des arrondis) ; intérêt = {} × {} = {} ; dernière {pay} = {} + {} = **{}**.",
            euros(self.capital),
            n - 1,
            euros(amort),
            euros(lastrow.start),
            euros(lastrow.start),
            self.i_shown(),
            euros(lastrow.interest),
            euros(lastrow.amortisation),
            euros(lastrow.interest),
            euros(lastrow.payment)
        ));
        // Interests form an arithmetic sequence: Σ = i × (n × C − A × n(n − 1)/2).
        let nd = Decimal::from(n);
        let closed =
            self.interest_of(nd * self.capital - amort * nd * (nd - Decimal::ONE) / dec!(2));
        let cost_q = Question::new(
            "cout_credit",
            "coût du crédit",
            "Calculez le coût total du crédit (total des intérêts).",
            t.total_interest,
            Unit::Euros,
        )
        .formula(format!(
            "arrondi2({r} / 100 * (nb_echeances * capital - amortissement * nb_echeances * (nb_echeances - 1) / 2))"
        ))

        .mistake(
            t.total_payments,
            "capital-non-deduit",
            format!("Vous avez donné le total des {pay}s, qui comprend le remboursement du capital : coût du crédit = total des {pay}s − capital emprunté."),
        )
        .mistake(
            nd * t.rows[0].interest,
            "interet-sur-capital-initial",
            "Vous avez compté à chaque échéance l'intérêt du capital initial : l'intérêt diminue avec le capital restant dû.",
        )
        .step(format!(
            "Les intérêts diminuent chaque période de A × i = {} × {} : ils forment une suite arithmétique. \
             Coût du crédit = i × (n × C − A × n(n − 1) ÷ 2) = {} × ({n} × {} − {} × {n} × {} ÷ 2) = {} ; \
             le total de la colonne des intérêts du tableau (arrondis ligne par ligne) donne **{}** : {}.",
            euros(amort),
            self.i_shown(),
            self.i_shown(),
            number(self.capital, 2),
            number(amort, 2),
            n - 1,
            euros(closed),
            euros(t.total_interest),
            accepted(closed, t.total_interest)
        ));
        // The closed form sums the interests before each line is rounded: a few cents
        // from the table's total, and right too.
        let cost_q = if closed == t.total_interest {
            cost_q
        } else {
            cost_q.accept(
                closed,
                INTERMEDIATE_ROUNDING,
                "Juste : la formule de la suite arithmétique donne la somme des intérêts avant l'arrondi de chaque ligne ; le tableau, arrondi ligne par ligne, donne quelques centimes d'écart.",
            )
        };
        vec![
            amort_q,
            self.q_interest_1(),
            first_q,
            remaining_q,
            next_q,
            last_q,
            cost_q,
        ]
    }

    // ----- Solution: table, chart, reading -------------------------------------------

    fn table_markdown(&self) -> String {
        let pay = crate::text::capitalise(self.payment_name());
        let mut s = format!(
            "| Période | Capital restant dû en début | Intérêt | Amortissement | {pay} | Capital restant dû en fin |\n\
             |---:|---:|---:|---:|---:|---:|\n"
        );
        let line = |r: &crate::calc::loan::Row| {
            format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                r.period,
                euros(r.start),
                euros(r.interest),
                euros(r.amortisation),
                euros(r.payment),
                euros(r.end)
            )
        };
        let rows = &self.table.rows;
        if rows.len() <= FULL_TABLE_MAX {
            for r in rows {
                s += &line(r);
            }
        } else {
            let mut previous = 0;
            for period in self.shown_periods() {
                if period > previous + 1 {
                    s += "| … | … | … | … | … | … |\n";
                }
                s += &line(&rows[period as usize - 1]);
                previous = period;
            }
        }
        s += &format!(
            "| **Total** | | **{}** | **{}** | **{}** | |\n",
            euros(self.table.total_interest),
            euros(self.table.total_amortisation),
            euros(self.table.total_payments)
        );
        s
    }

    /// The periods an abridged table shows: the first three (the pattern), the two the
    /// questions ask about (k and k + 1) and the last two (the adjustment); at most 7
    /// lines, well under the 12 a student can be asked to write.
    fn shown_periods(&self) -> Vec<u32> {
        let mut p = vec![1, 2, 3, self.k, self.k + 1, self.n - 1, self.n];
        p.sort_unstable();
        p.dedup();
        p
    }

    fn chart(&self) -> String {
        let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
        let mut capital = vec![(0.0, f(self.capital))];
        capital.extend(
            self.table
                .rows
                .iter()
                .map(|r| (f64::from(r.period), f(r.end))),
        );
        let interest = self
            .table
            .rows
            .iter()
            .map(|r| (f64::from(r.period), f(r.interest)))
            .collect();
        let chart = LineChart {
            caption: "Capital restant dû et intérêt de chaque échéance".into(),
            x_label: if self.monthly {
                "Période (mois)".into()
            } else {
                "Période (années)".into()
            },
            y_label: "Capital restant dû (€)".into(),
            series: vec![Series {
                name: "Capital restant dû en fin de période".into(),
                points: capital,
            }],
            y2_label: Some("Intérêt (€)".into()),
            series2: vec![Series {
                name: "Intérêt de la période".into(),
                points: interest,
            }],
            width: 640,
            height: 360,
        };
        line_chart_svg(&chart).unwrap_or_default()
    }

    fn outro(&self) -> String {
        let rows = self.table.rows.len();
        let table_note = if rows <= FULL_TABLE_MAX {
            "**Tableau d'amortissement.**".to_string()
        } else {
            let shown: Vec<String> = self.shown_periods().iter().map(|p| p.to_string()).collect();
            text!(
                "**Tableau d'amortissement** (abrégé : les lignes ",
                crate::text::french_list(&shown),
                ", c'est-à-dire les 3 premières, celles des questions et les 2 dernières, puis les totaux ; \
                 les ",
                rows,
                " lignes se calculent toutes de la même façon)."
            )
        };
        let adjust = if self.constant_amortisation {
            "La dernière ligne est ajustée : son amortissement est le capital restant dû, si bien que les amortissements totalisent exactement le capital emprunté."
        } else {
            match self.last {
                LastLine::AdjustPayment => "La dernière ligne est ajustée : son amortissement est le capital restant dû et l'échéance en découle, si bien que les amortissements totalisent exactement le capital emprunté.",
                LastLine::AdjustInterest => "La dernière ligne est ajustée : son amortissement est le capital restant dû et l'intérêt en découle (échéance − amortissement), si bien que les amortissements totalisent exactement le capital emprunté.",
            }
        };
        let reading = format!(
            "*À retenir :* pour emprunter {}, l'entreprise rembourse au total {}, soit un coût du crédit de {} ({} du montant emprunté). \
             Au fil des échéances, la part d'intérêt diminue et la part de capital remboursé augmente.",
            euros(self.capital),
            euros(self.table.total_payments),
            euros(self.table.total_interest),
            percent(self.table.total_interest / self.capital * dec!(100))
        );
        format!(
            "{table_note}\n\n{}\n{adjust}\n\n{}\n\n{reading}",
            self.table_markdown(),
            self.chart()
        )
    }
}

/// "1re", "2e": the French ordinal of a period.
fn ordinal(k: u32) -> String {
    if k == 1 {
        "1re".to_string()
    } else {
        format!("{k}e")
    }
}

/// The gap between a closed formula and the table, sized; both answers are accepted.
fn accepted(formula: Decimal, table: Decimal) -> String {
    let gap = equipment::rounding_gap(formula, table);
    if formula == table {
        gap
    } else {
        text!(gap, ", les deux réponses sont acceptées")
    }
}

/// A percentage with up to `dp` decimals ("0,4868 %").
fn percent_dp(x: Decimal, dp: u32) -> String {
    format!("{}\u{a0}%", number(x, dp))
}

//! `prix/elasticite`: price elasticity of demand and its effect on the turnover (S443, S423).
//!
//! Variants: measure the coefficient from two observations (`observations`); predict the
//! quantity and the turnover from a known coefficient and a planned price change
//! (`prevision`).

use crate::calc::elasticity::{forecast, observed, reading, Forecast, Observed, Reading};
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{number, percent, Euros, Number, Percent};
use crate::num::round::{round_cents, round_half_away};
use crate::text;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Elasticite;

const VARIANTS: &[(&str, &str)] = &[
    ("observations", "calculer l'élasticité-prix à partir de deux observations (prix, quantités) et l'effet sur le CA"),
    ("prevision", "prévoir la quantité vendue et le CA à partir d'une élasticité connue et d'une variation de prix envisagée"),
];

/// Price changes drawn for the statements, in percent.
const PRICE_RATES: [Decimal; 14] = [
    dec!(-20),
    dec!(-15),
    dec!(-12),
    dec!(-10),
    dec!(-8),
    dec!(-6),
    dec!(-5),
    dec!(5),
    dec!(6),
    dec!(8),
    dec!(10),
    dec!(12),
    dec!(15),
    dec!(20),
];
/// Plausible coefficients, from very inelastic to very elastic.
const COEFFICIENTS: [Decimal; 14] = [
    dec!(-0.2),
    dec!(-0.3),
    dec!(-0.4),
    dec!(-0.5),
    dec!(-0.6),
    dec!(-0.75),
    dec!(-0.8),
    dec!(-1),
    dec!(-1.2),
    dec!(-1.5),
    dec!(-1.8),
    dec!(-2),
    dec!(-2.5),
    dec!(-3),
];

/// The numeric parameters; when the teacher fixes one, an instance whose turnover moves
/// against the general rule is kept (with a remark) instead of being redrawn.
const NUMERIC: [&str; 6] = [
    "prix_initial",
    "prix_nouveau",
    "quantite_initiale",
    "quantite_nouvelle",
    "elasticite_donnee",
    "variation_prix_prevue",
];

impl Exercise for Elasticite {
    fn id(&self) -> &'static str {
        "prix/elasticite"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::variant(
                "variante",
                "ce qui est donné et ce qui est demandé",
                VARIANTS,
            ),
            ParamSpec::decimal(
                "prix_initial",
                "prix unitaire HT avant la modification",
                "0.01",
                "100000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "prix_nouveau",
                "prix unitaire HT après la modification (variante observations)",
                "0.01",
                "100000",
                Unit::Euros,
            ),
            ParamSpec::integer(
                "quantite_initiale",
                "quantités vendues par mois avant la modification",
                1,
                10_000_000,
            ),
            ParamSpec::integer(
                "quantite_nouvelle",
                "quantités vendues par mois après la modification (variante observations)",
                1,
                10_000_000,
            ),
            ParamSpec::decimal(
                "elasticite_donnee",
                "coefficient d'élasticité-prix de la demande connu (variante prevision)",
                "-10",
                "-0.01",
                Unit::Coefficient,
            ),
            ParamSpec::decimal(
                "variation_prix_prevue",
                "variation de prix envisagée, négative pour une baisse (variante prevision)",
                "-50",
                "50",
                Unit::Percent,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let variant = d.choice("variante");
        let p = scene.product;
        let step = price_step(p.prix_ht_min);
        let p0 = d.number("prix_initial", |r| {
            r.decimal_step(p.prix_ht_min, p.prix_ht_max, step)
        });
        // Monthly sales: the business's average month for this product, ± 25 %.
        let monthly = i64::try_from(scene.business.annual_volume(p) / dec!(12)).unwrap_or(20);
        let (q_lo, q_hi) = ((monthly * 3 / 4).max(20), (monthly * 5 / 4).max(40));
        let q_step = if q_lo >= 100 { 10 } else { 1 };
        let q0 = d.number("quantite_initiale", |r| {
            Decimal::from(r.int(q_lo / q_step, q_hi / q_step) * q_step)
        });
        if p0 <= Decimal::ZERO || q0 <= Decimal::ZERO || q0.fract() != Decimal::ZERO {
            return Err(Degenerate("prix ou quantité initiale nul".into()));
        }
        let strict = !NUMERIC.iter().any(|n| d.is_fixed(n));
        let ctx = Ctx { scene, p0, q0 };
        if variant == "prevision" {
            let e = d.number("elasticite_donnee", |r| *r.pick(&COEFFICIENTS));
            let rate = d.number("variation_prix_prevue", |r| *r.pick(&PRICE_RATES));
            if rate.is_zero() || e >= Decimal::ZERO {
                return Err(Degenerate(
                    "variation de prix nulle ou élasticité positive".into(),
                ));
            }
            let f = forecast(p0, q0, e, rate)
                .ok_or_else(|| Degenerate("chiffre d'affaires initial nul".into()))?;
            if f.quantity <= Decimal::ZERO || f.new_price <= Decimal::ZERO {
                return Err(Degenerate(
                    "la quantité ou le prix prévu serait nul ou négatif".into(),
                ));
            }
            let against = against_rule(e, rate, f.turnover_rate);
            if strict && f.quantity_rate.abs() > dec!(40) {
                return Err(Degenerate("variation des ventes démesurée".into()));
            }
            if against && strict {
                return Err(Degenerate(
                    "variation du CA contraire à la règle générale".into(),
                ));
            }
            Ok(ctx.forecast(e, rate, &f, against))
        } else {
            let drawn_rate = *d.rng().pick(&PRICE_RATES);
            let drawn_e = *d.rng().pick(&COEFFICIENTS);
            // Observed sales scatter around the model: up to ±1 % of the initial quantity.
            let spread = (q0 / dec!(100)).floor().to_i64().unwrap_or(0);
            let noise = Decimal::from(d.rng().int(-spread, spread));
            let p1 = d.number("prix_nouveau", |_| {
                round_cents(p0 * (Decimal::ONE + drawn_rate / dec!(100)))
            });
            let q1 = d.number("quantite_nouvelle", |_| {
                round_half_away(q0 * (Decimal::ONE + drawn_e * drawn_rate / dec!(100)), 0) + noise
            });
            if q1 <= Decimal::ZERO || q1.fract() != Decimal::ZERO {
                return Err(Degenerate("quantité nouvelle nulle".into()));
            }
            let o = observed(p0, p1, q0, q1).ok_or_else(|| {
                Degenerate("la variation de prix arrondie à 0,01\u{a0}% est nulle".into())
            })?;
            if o.quantity_rate.is_zero() || o.coefficient >= Decimal::ZERO {
                return Err(Degenerate(
                    "la quantité doit varier en sens inverse du prix (élasticité négative non nulle)".into(),
                ));
            }
            let against = against_rule(o.coefficient, o.price_rate, o.turnover_rate);
            if strict && o.quantity_rate.abs() > dec!(40) {
                return Err(Degenerate("variation des ventes démesurée".into()));
            }
            if against && strict {
                return Err(Degenerate(
                    "variation du CA contraire à la règle générale".into(),
                ));
            }
            Ok(ctx.observations(p1, q1, &o, against))
        }
    }
}

/// A price step plausible for a product priced from `min`: 0,01 € under 1 €, 0,10 € under
/// 10 €, 1 € under 100 €, and so on up to 1 000 €. Looked up rather than computed by
/// multiplying by ten, which cost as much as the price's draw (callgrind).
pub(super) fn price_step(min: Decimal) -> Decimal {
    const STEPS: [(Decimal, Decimal); 5] = [
        (dec!(1), dec!(0.01)),
        (dec!(10), dec!(0.1)),
        (dec!(100), dec!(1)),
        (dec!(1000), dec!(10)),
        (dec!(10000), dec!(100)),
    ];
    STEPS
        .iter()
        .find(|(bound, _)| min < *bound)
        .map_or(dec!(1000), |&(_, step)| step)
}

/// Whether the turnover moved against what the reading of `e` announces for a price
/// change of `price_rate` % (possible for large changes with |e| close to 1).
fn against_rule(e: Decimal, price_rate: Decimal, turnover_rate: Decimal) -> bool {
    let rise = price_rate > Decimal::ZERO;
    match reading(e) {
        Reading::Elastic => {
            (rise && turnover_rate >= Decimal::ZERO) || (!rise && turnover_rate <= Decimal::ZERO)
        }
        Reading::Inelastic => {
            (rise && turnover_rate <= Decimal::ZERO) || (!rise && turnover_rate >= Decimal::ZERO)
        }
        Reading::Unitary => false,
    }
}

/// A number as an operand: negative values in parentheses, "(-20)".
fn operand(x: Decimal) -> String {
    if x < Decimal::ZERO {
        text!("(", Number(x, 2), ")")
    } else {
        number(x, 2)
    }
}

/// "+8 %", "-12,5 %" for a displayed variation.
fn signed_percent(x: Decimal) -> String {
    if x > Decimal::ZERO {
        text!("+", Percent(x))
    } else {
        percent(x)
    }
}

fn rise_or_cut(rate: Decimal) -> &'static str {
    if rate > Decimal::ZERO {
        "hausse"
    } else {
        "baisse"
    }
}

struct Ctx {
    scene: Scene,
    p0: Decimal,
    q0: Decimal,
}

impl Ctx {
    /// "1 200 cagettes".
    fn units(&self, q: Decimal) -> String {
        text!(Number(q, 0), " ", self.scene.product.unit_for(q))
    }

    fn conventions(&self, with_coefficient: bool) -> String {
        let coefficient = if with_coefficient {
            "le coefficient d'élasticité à 0,01 (en le calculant à partir des taux arrondis), "
        } else {
            ""
        };
        text!(
            "**Conventions.** Un taux de variation se calcule par rapport à la valeur initiale : \
             (valeur finale − valeur initiale) ÷ valeur initiale × 100. Arrondissez les taux à 0,01\u{a0}%, \
             ",
            coefficient,
            "les quantités à l'unité et les montants au centime. Le chiffre d'affaires (CA) est \
             égal au prix unitaire HT × la quantité vendue.",
        )
    }

    fn solution_intro(&self) -> String {
        "Le coefficient d'élasticité-prix de la demande mesure la réaction de la quantité demandée à une variation \
         du prix : e = taux de variation de la quantité ÷ taux de variation du prix. Il est normalement négatif \
         (la quantité varie en sens inverse du prix).\n\n*Arrondis : taux de variation à 0,01\u{a0}%, coefficient à 0,01 \
         (calculé à partir des taux arrondis), quantités à l'unité, montants au centime.*"
            .to_string()
    }

    fn reading_text(&self, e: Decimal) -> String {
        let abs = number(e.abs(), 2);
        match reading(e) {
            Reading::Elastic => text!(
                "|e| = ",
                abs,
                " > 1 : la demande est **élastique** au prix, la quantité varie proportionnellement plus que le prix.",
            ),
            Reading::Inelastic => text!(
                "|e| = ",
                abs,
                " < 1 : la demande est **inélastique** (peu sensible au prix), la quantité varie proportionnellement moins que le prix.",
            ),
            Reading::Unitary => {
                "|e| = 1 : l'élasticité est **unitaire**, la quantité varie dans la même proportion que le prix.".to_string()
            }
        }
    }

    /// The commercial conclusion on the turnover.
    fn outro(
        &self,
        e: Decimal,
        price_rate: Decimal,
        turnover_rate: Decimal,
        against: bool,
        observed: bool,
    ) -> String {
        let general = match reading(e) {
            Reading::Elastic => {
                "Demande élastique : une hausse de prix fait baisser le chiffre d'affaires ; c'est plutôt une baisse de prix \
                 qui peut l'augmenter (en gagnant des volumes)."
            }
            Reading::Inelastic => {
                "Demande inélastique : une hausse de prix augmente le chiffre d'affaires (la perte de volume est \
                 proportionnellement plus faible), alors qu'une baisse de prix le réduit."
            }
            Reading::Unitary => {
                "Élasticité unitaire : le chiffre d'affaires varie peu quand le prix change ; la décision se jouera sur la marge \
                 et sur les coûts liés aux volumes."
            }
        };
        let verb = if observed { "a fait" } else { "ferait" };
        let effect = match turnover_rate.cmp(&Decimal::ZERO) {
            std::cmp::Ordering::Greater => {
                text!("progresser le CA de ", Percent(turnover_rate))
            }
            std::cmp::Ordering::Less => {
                text!("reculer le CA de ", Percent(turnover_rate.abs()))
            }
            std::cmp::Ordering::Equal => "laisser le CA inchangé".to_string(),
        };
        let mut s = text!(
            "*Lecture commerciale :* ",
            general,
            " Ici, la ",
            rise_or_cut(price_rate),
            " de prix de ",
            Percent(price_rate.abs()),
            " ",
            verb,
            " ",
            effect,
            ".",
        );
        if against {
            s += " Ce résultat va à l'encontre de la règle générale : elle vaut pour de petites variations de prix, \
                  et ici la variation est forte alors que |e| est proche de 1 ; c'est le calcul du CA qui tranche.";
        }
        if price_rate < Decimal::ZERO {
            s += " Attention : le CA n'est pas le seul critère, une baisse de prix réduit aussi la marge unitaire.";
        }
        s
    }

    // ----- Variant: two observations ------------------------------------------------

    fn observations(&self, p1: Decimal, q1: Decimal, o: &Observed, against: bool) -> Content {
        let (p0, q0) = (self.p0, self.q0);
        let s = &self.scene;
        let hundred = dec!(100);
        let r2 = |x: Decimal| round_half_away(x, 2);

        let price_on_new = r2((p1 - p0) / p1 * hundred);
        let var_prix = Question::new(
            "var_prix",
            "taux de variation du prix",
            "Calculez le taux de variation du prix unitaire HT (arrondi à 0,01\u{a0}%).",
            o.price_rate,
            Unit::Percent,
        )
        .formula("arrondi((prix_nouveau - prix_initial) / prix_initial * 100, 2)")
        .mistake(
            price_on_new,
            "variation-sur-valeur-finale",
            "Un taux de variation se calcule par rapport à la valeur initiale : divisez l'écart par l'ancien prix, pas par le nouveau.",
        )
        .mistake(
            o.price_rate.abs(),
            "signe-perdu",
            "Le prix a baissé : le taux de variation est négatif. Gardez le signe, il sert au calcul de l'élasticité.",
        )
        .step(text!(
            "Taux de variation du prix = (",
            Euros(p1),
            " − ",
            Euros(p0),
            ") ÷ ",
            Euros(p0),
            " × 100 = **",
            signed_percent(o.price_rate),
            "** (arrondi à 0,01\u{a0}%).",
        ));

        let quantity_on_new = r2((q1 - q0) / q1 * hundred);
        let var_quantite = Question::new(
            "var_quantite",
            "taux de variation de la quantité",
            "Calculez le taux de variation des quantités vendues (arrondi à 0,01\u{a0}%).",
            o.quantity_rate,
            Unit::Percent,
        )
        .formula("arrondi((quantite_nouvelle - quantite_initiale) / quantite_initiale * 100, 2)")
        .mistake(
            quantity_on_new,
            "variation-sur-valeur-finale",
            "Un taux de variation se calcule par rapport à la valeur initiale : divisez l'écart par l'ancienne quantité, pas par la nouvelle.",
        )
        .mistake(
            o.quantity_rate.abs(),
            "signe-perdu",
            "Les ventes ont baissé : le taux de variation des quantités est négatif. Gardez le signe.",
        )
        .step(text!(
            "Taux de variation des quantités = (",
            Number(q1, 0),
            " − ",
            Number(q0, 0),
            ") ÷ ",
            Number(q0, 0),
            " × 100 = **",
            signed_percent(o.quantity_rate),
            "** (arrondi à 0,01\u{a0}%).",
        ));

        let e = o.coefficient;
        let on_new = if price_on_new.is_zero() {
            None
        } else {
            Some(r2(quantity_on_new / price_on_new))
        };
        let mut elasticite = Question::new(
            "elasticite",
            "coefficient d'élasticité-prix",
            "Calculez le coefficient d'élasticité-prix de la demande (arrondi à 0,01). \
             Commentez : la demande est-elle élastique ou inélastique au prix ?",
            e,
            Unit::Coefficient,
        )
        .formula("arrondi(var_quantite / var_prix, 2)")
        .mistake(
            r2(o.price_rate / o.quantity_rate),
            "rapport-inverse",
            "Vous avez inversé le rapport : e = taux de variation de la QUANTITÉ ÷ taux de variation du PRIX.",
        )
        .mistake(
            e.abs(),
            "signe-perdu",
            "Le coefficient d'élasticité-prix est négatif : la quantité varie en sens inverse du prix. Gardez le signe.",
        );
        if let Some(v) = on_new {
            elasticite = elasticite.mistake(
                v,
                "variation-sur-valeur-finale",
                "Les taux de variation se calculent par rapport aux valeurs initiales (ancien prix, ancienne quantité), pas aux nouvelles.",
            );
        }
        if p1 != p0 {
            elasticite = elasticite.mistake(
                r2((q1 - q0) / (p1 - p0)),
                "variations-absolues",
                "Vous avez divisé des écarts bruts (unités et euros) : l'élasticité compare des taux de variation en pourcentage, \
                 sans unité.",
            );
        }
        let elasticite = elasticite.step(text!(
            "e = taux de variation de la quantité ÷ taux de variation du prix = ",
            Number(o.quantity_rate, 2),
            " ÷ ",
            operand(o.price_rate),
            " = **",
            Number(e, 2),
            "** (coefficient arrondi à 0,01).\n\n",
            self.reading_text(e),
        ));

        let ca_initial = self.q_ca_initial(o.turnover_before);
        let ca_nouveau = Question::new(
            "ca_nouveau",
            "CA après la modification",
            "Calculez le chiffre d'affaires mensuel HT après la modification du prix.",
            o.turnover_after,
            Unit::Euros,
        )
        .formula("arrondi2(prix_nouveau * quantite_nouvelle)")
        .mistake(
            round_cents(p0 * q1),
            "ca-ancien-prix",
            "Vous avez gardé l'ancien prix : après la modification, CA = nouveau prix × nouvelle quantité.",
        )
        .step(text!(
            "CA après = ",
            Euros(p1),
            " × ",
            Number(q1, 0),
            " = **",
            Euros(o.turnover_after),
            "**.",
        ));
        let var_ca = self.q_var_ca(
            "ca_nouveau",
            o.turnover_before,
            o.turnover_after,
            o.turnover_rate,
        );

        let change = if p1 > p0 { "augmenté" } else { "baissé" };
        let statement = text!(
            "Le ",
            s.date.french(),
            ", ",
            s.seller(),
            " a ",
            change,
            " le prix unitaire HT de l'article « ",
            s.product.nom,
            " ». ",
            s.business.vendeur,
            ", ",
            s.business.vendeur_genre.agree("chargé", "chargée"),
            " de clientèle, \
             a relevé les ventes mensuelles avant et après ce changement et vous demande de mesurer la sensibilité \
             de la clientèle au prix.\n\n\
             | | Avant | Après |\n|---|---|---|\n\
             | Prix unitaire HT | ",
            Euros(p0),
            " | ",
            Euros(p1),
            " |\n\
             | Quantités vendues par mois | ",
            self.units(q0),
            " | ",
            self.units(q1),
            " |\n\n",
            self.conventions(true),
        );
        Content {
            statement,
            questions: vec![
                var_prix,
                var_quantite,
                elasticite,
                ca_initial,
                ca_nouveau,
                var_ca,
            ],
            solution_intro: self.solution_intro(),
            solution_outro: self.outro(e, o.price_rate, o.turnover_rate, against, true),
        }
    }

    fn q_ca_initial(&self, ca: Decimal) -> Question {
        Question::new(
            "ca_initial",
            "CA avant la modification",
            "Calculez le chiffre d'affaires mensuel HT avant la modification du prix.",
            ca,
            Unit::Euros,
        )
        .formula("arrondi2(prix_initial * quantite_initiale)")
        .step(text!(
            "CA avant = prix × quantité = ",
            Euros(self.p0),
            " × ",
            Number(self.q0, 0),
            " = **",
            Euros(ca),
            "**.",
        ))
    }

    fn q_var_ca(
        &self,
        after_key: &'static str,
        before: Decimal,
        after: Decimal,
        rate: Decimal,
    ) -> Question {
        let on_new = if after.is_zero() {
            None
        } else {
            Some(round_half_away((after - before) / after * dec!(100), 2))
        };
        let q = Question::new(
            "var_ca",
            "taux de variation du CA",
            "Calculez le taux de variation du chiffre d'affaires (arrondi à 0,01\u{a0}%).",
            rate,
            Unit::Percent,
        )
        .formula(text!(
            "arrondi((",
            after_key,
            " - ca_initial) / ca_initial * 100, 2)"
        ))
        .step(text!(
            "Taux de variation du CA = (",
            Euros(after),
            " − ",
            Euros(before),
            ") ÷ ",
            Euros(before),
            " × 100 = **",
            signed_percent(rate),
            "** (arrondi à 0,01\u{a0}%).",
        ));
        let q = match on_new {
            Some(v) => q.mistake(
                v,
                "variation-sur-valeur-finale",
                "Un taux de variation se calcule par rapport à la valeur initiale : divisez l'écart par l'ancien CA.",
            ),
            None => q,
        };
        q.mistake(
            rate.abs(),
            "signe-perdu",
            "Le chiffre d'affaires diminue : son taux de variation est négatif, gardez le signe.",
        )
    }

    // ----- Variant: forecast ----------------------------------------------------------

    fn forecast(&self, e: Decimal, rate: Decimal, f: &Forecast, against: bool) -> Content {
        let (p0, q0) = (self.p0, self.q0);
        let s = &self.scene;
        let hundred = dec!(100);
        let nouveau_prix = Question::new(
            "nouveau_prix",
            "nouveau prix",
            "Calculez le nouveau prix unitaire HT envisagé.",
            f.new_price,
            Unit::Euros,
        )
        .formula("arrondi2(prix_initial * (1 + variation_prix_prevue / 100))")
        .mistake(
            round_cents(p0 * (Decimal::ONE - rate / hundred)),
            "signe-perdu",
            text!(
                "La variation envisagée est une ",
                rise_or_cut(rate),
                " de ",
                Percent(rate.abs()),
                " : nouveau prix = prix actuel × (1 + taux), avec le signe du taux.",
            ),
        )
        .step(text!(
            "Nouveau prix = prix actuel × (1 + taux de variation) = ",
            Euros(p0),
            " × ",
            Number(Decimal::ONE + rate / hundred, 4),
            " = **",
            Euros(f.new_price),
            "** (arrondi au centime).",
        ));

        let mut var_quantite = Question::new(
            "var_quantite",
            "taux de variation de la quantité",
            "Calculez le taux de variation des quantités vendues attendu (arrondi à 0,01\u{a0}%).",
            f.quantity_rate,
            Unit::Percent,
        )
        .formula("arrondi(elasticite_donnee * variation_prix_prevue, 2)")
        .mistake(
            -f.quantity_rate,
            "signe-perdu",
            "Le coefficient est négatif : la quantité varie en sens inverse du prix. Taux de variation de la quantité = e × taux de variation du prix, avec les signes.",
        );
        if !e.is_zero() {
            var_quantite = var_quantite.mistake(
                round_half_away(rate / e, 2),
                "rapport-inverse",
                "Puisque e = taux de variation de la quantité ÷ taux de variation du prix, on a taux de variation de la quantité = e × taux de variation du prix (et non l'inverse).",
            );
        }
        let var_quantite = var_quantite.step(text!(
            "De e = ΔQ\u{a0}% ÷ ΔP\u{a0}%, on tire ΔQ\u{a0}% = e × ΔP\u{a0}% = ",
            Number(e, 2),
            " × ",
            operand(rate),
            " = **",
            signed_percent(f.quantity_rate),
            "** (arrondi à 0,01\u{a0}%).",
        ));

        let quantite_prevue = Question::new(
            "quantite_prevue",
            "quantité prévue",
            "Déduisez-en la quantité vendue par mois attendue après le changement de prix (arrondie à l'unité).",
            f.quantity,
            Unit::Number,
        )
        .formula("arrondi(quantite_initiale * (1 + var_quantite / 100), 0)")
        .mistake(
            round_half_away(q0 * (Decimal::ONE - f.quantity_rate / hundred), 0),
            "signe-perdu",
            "La quantité varie en sens inverse du prix : appliquez le taux de variation des quantités avec son signe.",
        )
        .step(text!(
            "Quantité prévue = quantité actuelle × (1 + taux de variation) = ",
            Number(q0, 0),
            " × ",
            Number(Decimal::ONE + f.quantity_rate / hundred, 4),
            " = **",
            Number(f.quantity, 0),
            "** (arrondie à l'unité).",
        ));

        let ca_initial = self.q_ca_initial(f.turnover_before);
        let ca_prevu = Question::new(
            "ca_prevu",
            "CA prévu",
            "Calculez le chiffre d'affaires mensuel HT prévu après le changement de prix.",
            f.turnover_after,
            Unit::Euros,
        )
        .formula("arrondi2(nouveau_prix * quantite_prevue)")
        .mistake(
            round_cents(p0 * f.quantity),
            "ca-ancien-prix",
            "Vous avez gardé l'ancien prix : CA prévu = nouveau prix × quantité prévue.",
        )
        .mistake(
            round_cents(f.new_price * q0),
            "quantite-inchangee",
            "Vous avez gardé l'ancienne quantité : le changement de prix modifie aussi les ventes (c'est tout l'intérêt de l'élasticité).",
        )
        .step(text!(
            "CA prévu = nouveau prix × quantité prévue = ",
            Euros(f.new_price),
            " × ",
            Number(f.quantity, 0),
            " = **",
            Euros(f.turnover_after),
            "**.",
        ));
        let var_ca = self.q_var_ca(
            "ca_prevu",
            f.turnover_before,
            f.turnover_after,
            f.turnover_rate,
        );

        let statement = text!(
            "Le ",
            s.date.french(),
            ", ",
            s.seller(),
            " étudie une ",
            rise_or_cut(rate),
            " du prix unitaire HT de l'article « ",
            s.product.nom,
            " ». ",
            s.business.vendeur,
            ", ",
            s.business.vendeur_genre.agree("chargé", "chargée"),
            " de clientèle, \
             dispose d'une étude sur la sensibilité de la clientèle au prix et vous demande d'en mesurer les conséquences \
             sur les ventes et le chiffre d'affaires.\n\n\
             | Élément | Donnée |\n|---|---|\n\
             | Prix unitaire HT actuel | ",
            Euros(p0),
            " |\n\
             | Quantités vendues par mois actuellement | ",
            self.units(q0),
            " |\n\
             | Variation de prix envisagée | ",
            signed_percent(rate),
            " |\n\
             | Coefficient d'élasticité-prix de la demande | ",
            Number(e, 2),
            " |\n\n",
            self.conventions(false),
        );
        Content {
            statement,
            questions: vec![
                nouveau_prix,
                var_quantite,
                quantite_prevue,
                ca_initial,
                ca_prevu,
                var_ca,
            ],
            solution_intro: text!(self.solution_intro(), "\n\n", self.reading_text(e)),
            solution_outro: self.outro(e, rate, f.turnover_rate, against, false),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::correct::correct;
    use crate::generate::generate;
    use crate::model::Instance;
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;
    use std::collections::BTreeMap;

    fn instance(set: &[(&str, &str)]) -> Instance {
        let raw: BTreeMap<String, String> = set
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        generate("prix/elasticite", 1, &raw).expect("instance")
    }

    fn answer(i: &Instance, key: &str) -> Decimal {
        i.question(key)
            .unwrap_or_else(|| panic!("question {key}"))
            .answer
    }

    fn mistake(i: &Instance, key: &str, note: &str) -> Decimal {
        let q = i.question(key).unwrap();
        q.mistakes
            .iter()
            .find(|m| m.note == note)
            .unwrap_or_else(|| panic!("{key}: {note}"))
            .answer
    }

    #[test]
    fn observations_hand_checked() {
        // 10 → 11 €: +10 %; 1 000 → 850: −15 %; e = −15/10 = −1,5; CA 10 000 → 9 350 €: −6,5 %.
        let i = instance(&[
            ("variante", "observations"),
            ("prix_initial", "10"),
            ("prix_nouveau", "11"),
            ("quantite_initiale", "1000"),
            ("quantite_nouvelle", "850"),
        ]);
        assert_eq!(answer(&i, "var_prix"), dec!(10));
        assert_eq!(answer(&i, "var_quantite"), dec!(-15));
        assert_eq!(answer(&i, "elasticite"), dec!(-1.5));
        assert_eq!(answer(&i, "ca_initial"), dec!(10000));
        assert_eq!(answer(&i, "ca_nouveau"), dec!(9350));
        assert_eq!(answer(&i, "var_ca"), dec!(-6.5));
        // Mistakes by hand: 1/11 = 9,0909 → 9,09 %; −150/850 = −17,647 → −17,65 %;
        // inverted 10/−15 = −0,667 → −0,67; sign lost 1,5; on new values −17,65/9,09 =
        // −1,9417 → −1,94; raw differences −150/1 = −150; CA at the old price 10 × 850 = 8 500 €;
        // CA rate on the new CA −650/9 350 = −6,952 → −6,95 %.
        assert_eq!(
            mistake(&i, "var_prix", "variation-sur-valeur-finale"),
            dec!(9.09)
        );
        assert_eq!(
            mistake(&i, "var_quantite", "variation-sur-valeur-finale"),
            dec!(-17.65)
        );
        assert_eq!(mistake(&i, "var_quantite", "signe-perdu"), dec!(15));
        assert_eq!(mistake(&i, "elasticite", "rapport-inverse"), dec!(-0.67));
        assert_eq!(mistake(&i, "elasticite", "signe-perdu"), dec!(1.5));
        assert_eq!(
            mistake(&i, "elasticite", "variation-sur-valeur-finale"),
            dec!(-1.94)
        );
        assert_eq!(mistake(&i, "elasticite", "variations-absolues"), dec!(-150));
        assert_eq!(mistake(&i, "ca_nouveau", "ca-ancien-prix"), dec!(8500));
        assert_eq!(
            mistake(&i, "var_ca", "variation-sur-valeur-finale"),
            dec!(-6.95)
        );
        assert_eq!(mistake(&i, "var_ca", "signe-perdu"), dec!(6.5));
        // A price rise needs no "sign lost" diagnosis on the price rate.
        assert!(i
            .question("var_prix")
            .unwrap()
            .mistakes
            .iter()
            .all(|m| m.note != "signe-perdu"));
        assert!(i.solution.contains("**élastique**"));
    }

    #[test]
    fn forecast_hand_checked() {
        // 12,50 € × 1,08 = 13,50 €; ΔQ = −0,6 × 8 = −4,8 %; 2 000 × 0,952 = 1 904;
        // CA 25 000 € → 13,50 × 1 904 = 25 704 €: +2,816 % → +2,82 %.
        let i = instance(&[
            ("variante", "prevision"),
            ("prix_initial", "12.50"),
            ("quantite_initiale", "2000"),
            ("elasticite_donnee", "-0.6"),
            ("variation_prix_prevue", "8"),
        ]);
        assert_eq!(answer(&i, "nouveau_prix"), dec!(13.50));
        assert_eq!(answer(&i, "var_quantite"), dec!(-4.8));
        assert_eq!(answer(&i, "quantite_prevue"), dec!(1904));
        assert_eq!(answer(&i, "ca_initial"), dec!(25000));
        assert_eq!(answer(&i, "ca_prevu"), dec!(25704));
        assert_eq!(answer(&i, "var_ca"), dec!(2.82));
        // Mistakes by hand: 12,50 × 0,92 = 11,50 €; +4,8 %; 8/−0,6 = −13,33 %;
        // 2 000 × 1,048 = 2 096; old price 12,50 × 1 904 = 23 800 €; old quantity
        // 13,50 × 2 000 = 27 000 €; on the new CA 704/25 704 = 2,7389 → 2,74 %.
        assert_eq!(mistake(&i, "nouveau_prix", "signe-perdu"), dec!(11.50));
        assert_eq!(mistake(&i, "var_quantite", "signe-perdu"), dec!(4.8));
        assert_eq!(mistake(&i, "var_quantite", "rapport-inverse"), dec!(-13.33));
        assert_eq!(mistake(&i, "quantite_prevue", "signe-perdu"), dec!(2096));
        assert_eq!(mistake(&i, "ca_prevu", "ca-ancien-prix"), dec!(23800));
        assert_eq!(mistake(&i, "ca_prevu", "quantite-inchangee"), dec!(27000));
        assert_eq!(
            mistake(&i, "var_ca", "variation-sur-valeur-finale"),
            dec!(2.74)
        );
        assert!(i.solution.contains("**inélastique**"));
    }

    #[test]
    fn fixed_values_against_the_rule_are_kept_with_a_remark() {
        // e = −0,9 (inélastique) with a +40 % rise: 1,4 × (1 − 0,36) = 0,896, the CA falls.
        let i = instance(&[
            ("variante", "prevision"),
            ("prix_initial", "10"),
            ("quantite_initiale", "1000"),
            ("elasticite_donnee", "-0.9"),
            ("variation_prix_prevue", "40"),
        ]);
        assert_eq!(answer(&i, "var_ca"), dec!(-10.4));
        assert!(i.solution.contains("à l'encontre de la règle générale"));
    }

    #[test]
    fn price_steps() {
        assert_eq!(super::price_step(dec!(0.92)), dec!(0.01));
        assert_eq!(super::price_step(dec!(2.10)), dec!(0.1));
        assert_eq!(super::price_step(dec!(18)), dec!(1));
        assert_eq!(super::price_step(dec!(480)), dec!(10));
        assert_eq!(super::price_step(dec!(8500)), dec!(100));
        assert_eq!(super::price_step(dec!(9999.99)), dec!(100));
        assert_eq!(super::price_step(dec!(10000)), dec!(1000));
        assert_eq!(super::price_step(dec!(250000)), dec!(1000));
        assert_eq!(super::price_step(dec!(1)), dec!(0.1));
    }

    #[test]
    fn impossible_fixed_values_are_refused() {
        let raw: BTreeMap<String, String> = [
            ("variante", "observations"),
            ("prix_initial", "10"),
            ("prix_nouveau", "10"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert!(generate("prix/elasticite", 1, &raw).is_err());
    }

    #[test]
    fn expected_answers_score_full_and_mistakes_are_diagnosed() {
        for variant in ["observations", "prevision"] {
            for seed in 0..150 {
                let raw: BTreeMap<String, String> =
                    [("variante".to_string(), variant.to_string())].into();
                let i = generate("prix/elasticite", seed, &raw).expect("instance");
                let right: BTreeMap<String, String> = i
                    .questions
                    .iter()
                    .map(|q| (q.key.to_string(), q.answer.to_string()))
                    .collect();
                let report = correct(&i, &right);
                assert_eq!(report.score, report.total, "{variant} seed {seed}");
                for q in &i.questions {
                    for m in &q.mistakes {
                        let mut answers = right.clone();
                        answers.insert(q.key.to_string(), m.answer.to_string());
                        let r = correct(&i, &answers);
                        let res = r.results.iter().find(|r| r.key == q.key).unwrap();
                        assert_eq!(
                            res.diagnosis.as_ref().map(|d| d.note.as_str()),
                            Some(m.note),
                            "{variant} seed {seed} {}",
                            q.key
                        );
                    }
                }
            }
        }
    }
}

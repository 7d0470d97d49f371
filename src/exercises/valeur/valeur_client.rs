//! `valeur/valeur-client`: customer lifetime value over n years (S521).
//!
//! Each year the customer stays with probability r (taux de fidélité), so the margin
//! expected in year k is `M × r^(k−1)`; it is discounted at the rate d. Convention
//! `premiere_marge`: the first margin comes at the end of year 1 (`Σ M r^(k−1)/(1+d)^k`,
//! the default) or at once (`Σ M r^(k−1)/(1+d)^(k−1)`). The value is then compared with
//! the cost of acquiring the customer.

use crate::calc::customer_value::{discounted_margin, expected_margin, lifetime_value, FirstYear};
use crate::calc::pct;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use rust_decimal::{Decimal, MathematicalOps};
use rust_decimal_macros::dec;

pub struct ValeurClient;

const FIRST: &[(&str, &str)] = &[
    (
        "fin-annee-1",
        "la première marge est encaissée à la fin de la première année (actualisée sur 1 an)",
    ),
    (
        "immediate",
        "la première marge est encaissée dès l'acquisition (non actualisée)",
    ),
];

fn int(x: Decimal) -> i64 {
    i64::try_from(x).unwrap_or(0)
}

/// The formula term of year `k` in the expression language.
fn term(k: u32, first: FirstYear) -> String {
    format!(
        "arrondi2(arrondi2(marge_annuelle * (taux_fidelite / 100) ^ {}) / (1 + taux_actualisation / 100) ^ {})",
        k - 1,
        first.exponent(k)
    )
}

impl Exercise for ValeurClient {
    fn id(&self) -> &'static str {
        "valeur/valeur-client"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::decimal(
                "marge_annuelle",
                "marge (contribution) annuelle attendue du client tant qu'il reste",
                "1",
                "10000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_fidelite",
                "probabilité qu'un client présent une année le soit encore l'année suivante",
                "1",
                "100",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "taux_actualisation",
                "taux d'actualisation annuel",
                "0",
                "50",
                Unit::Percent,
            ),
            ParamSpec::integer("duree", "horizon de calcul, en années", 2, 10),
            ParamSpec::decimal(
                "cout_acquisition",
                "coût d'acquisition du client",
                "0",
                "100000000",
                Unit::Euros,
            ),
            ParamSpec::convention(
                "premiere_marge",
                "date de la première marge (convention d'actualisation)",
                FIRST,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = super::b2b_scene(d)?;
        // The contribution of a customer like this one: its year of purchases at the
        // company's taux de marque, less the direct costs it causes (30 to 50 % of it).
        let year = super::potentiel::CustomerYear::draw(&scene, d.rng());
        let [mark_lo, mark_hi] = scene.business.taux_marque;
        let m = d.number("marge_annuelle", |r| {
            let mark = r.decimal_step(mark_lo, mark_hi, Decimal::ONE);
            let kept = r.decimal_step(dec!(0.5), dec!(0.7), dec!(0.05));
            (round_half_away(pct(year.turnover, mark) * kept / dec!(50), 0) * dec!(50))
                .max(dec!(50))
        });
        let r = d.number("taux_fidelite", |r| {
            r.decimal_step(dec!(60), dec!(95), dec!(5))
        });
        let rate = d.number("taux_actualisation", |r| {
            r.decimal_step(dec!(4), dec!(12), dec!(0.5))
        });
        let n = int(d.number("duree", |r| Decimal::from(r.int(3, 6))));
        let n = u32::try_from(n).unwrap_or(3);
        let first = match d.choice("premiere_marge") {
            "immediate" => FirstYear::Now,
            _ => FirstYear::EndOfYear,
        };
        let other = match first {
            FirstYear::Now => FirstYear::EndOfYear,
            FirstYear::EndOfYear => FirstYear::Now,
        };
        let overflow = || Degenerate("montants hors limites".into());
        let clv = lifetime_value(m, r, rate, n, first).ok_or_else(overflow)?;
        let acq = d.number("cout_acquisition", |g| {
            let k = g.decimal_step(dec!(0.5), dec!(1.3), dec!(0.05));
            let step = if clv < dec!(2000) {
                dec!(10)
            } else {
                dec!(100)
            };
            (round_half_away(clv * k / step, 0) * step).max(step)
        });
        let q = Decimal::ONE + rate / Decimal::ONE_HUNDRED;
        let rr = r / Decimal::ONE_HUNDRED;

        // The table of the worked solution, and the classic wrong sums.
        let mut rows = String::new();
        let (mut undiscounted, mut not_compounded, mut no_retention) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for k in 1..=n {
            let e = expected_margin(m, r, k).ok_or_else(overflow)?;
            let v = discounted_margin(m, r, rate, k, first).ok_or_else(overflow)?;
            let factor = q
                .checked_powu(u64::from(first.exponent(k)))
                .ok_or_else(overflow)?;
            undiscounted += e;
            let flat = if k == 1 { m } else { round_cents(m * rr) };
            not_compounded += round_cents(flat / factor);
            no_retention += round_cents(m / factor);
            rows += &format!(
                "| {k} | {} × {}^{} = {} | {}^{} = {} | **{}** |\n",
                euros(m),
                number(rr, 4),
                k - 1,
                euros(e),
                number(q, 4),
                first.exponent(k),
                number(factor, 6),
                euros(v)
            );
        }
        let other_clv = lifetime_value(m, r, rate, n, other).ok_or_else(overflow)?;

        let last = expected_margin(m, r, n).ok_or_else(overflow)?;
        let last_q = Question::new(
            "marge_esperee",
            "marge espérée de la dernière année",
            format!("Calculez la marge espérée de l'année {n}, compte tenu du taux de fidélité."),
            last,
            Unit::Euros,
        )
        .formula(format!(
            "arrondi2(marge_annuelle * (taux_fidelite / 100) ^ {})",
            n - 1
        ))
        .mistake(
            round_cents(m * rr),
            "fidelite-non-composee",
            "Le taux de fidélité s'applique chaque année au client restant : la probabilité d'être encore client l'année k est r^(k−1), pas r.",
        )
        .mistake(
            round_cents(m * rr.powu(u64::from(n))),
            "exposant-fidelite-decale",
            "La première année le client est acquis (probabilité 1) : la marge de l'année k est M × r^(k−1).",
        )
        .mistake(
            m,
            "fidelite-oubliee",
            "Tous les clients ne restent pas : multipliez la marge par la probabilité r^(k−1) que le client soit encore là.",
        )
        .step(format!(
            "Marge espérée de l'année {n} = M × r^({n} − 1) = {} × {}^{} = **{}** (arrondi au centime).",
            euros(m),
            number(rr, 4),
            n - 1,
            euros(last)
        ));

        let e_last = first.exponent(n);
        let last_pv = round_cents(last / q.powu(u64::from(e_last)));
        let other_pv = round_cents(last / q.powu(u64::from(other.exponent(n))));
        let last_pv_q = Question::new(
            "marge_actualisee",
            "marge actualisée de la dernière année",
            format!("Calculez la valeur actualisée de la marge espérée de l'année {n}."),
            last_pv,
            Unit::Euros,
        )
        .formula(format!(
            "arrondi2(marge_esperee / (1 + taux_actualisation / 100) ^ {e_last})"
        ))
        .mistake(
            last,
            "actualisation-oubliee",
            "Une marge future vaut moins qu'une marge d'aujourd'hui : divisez-la par (1 + d)^t.",
        )
        .mistake(
            other_pv,
            "convention-premiere-marge",
            match first {
                FirstYear::EndOfYear => "L'énoncé place la première marge à la fin de la première année : la marge de l'année k s'actualise sur k ans.",
                FirstYear::Now => "L'énoncé place la première marge dès l'acquisition : la marge de l'année k s'actualise sur k − 1 ans.",
            },
        )
        .mistake(
            round_cents(last * (Decimal::ONE - rate / Decimal::ONE_HUNDRED).powu(u64::from(e_last))),
            "actualisation-par-soustraction",
            "Actualiser, c'est diviser par (1 + d)^t, et non multiplier par (1 − d)^t.",
        )
        .step(format!(
            "Valeur actualisée = marge espérée ÷ (1 + d)^{e_last} = {} ÷ {}^{e_last} = **{}** (arrondi au centime).",
            euros(last),
            number(q, 4),
            euros(last_pv)
        ));

        let formula: Vec<String> = (1..=n).map(|k| term(k, first)).collect();
        let clv_q = Question::new(
            "valeur_client",
            "valeur client",
            format!("Calculez la valeur actualisée du client sur {n} ans (customer lifetime value)."),
            clv,
            Unit::Euros,
        )
        .formula(formula.join(" + "))
        .mistake(
            undiscounted,
            "actualisation-oubliee",
            "Les marges des années futures doivent être actualisées avant d'être additionnées.",
        )
        .mistake(
            not_compounded,
            "fidelite-non-composee",
            "Le taux de fidélité se compose d'une année sur l'autre : r, puis r², r³…",
        )
        .mistake(
            no_retention,
            "fidelite-oubliee",
            "Chaque marge doit être pondérée par la probabilité que le client soit encore là (r^(k−1)).",
        )
        .mistake(
            other_clv,
            "convention-premiere-marge",
            "Relisez la convention de l'énoncé sur la date de la première marge : elle fixe l'exposant de l'actualisation.",
        )
        .step(format!(
            "VC = Σ M × r^(k−1) ÷ (1 + d)^{} pour k = 1 à {n} ; chaque marge espérée est arrondie au centime, \
             puis chaque valeur actualisée.\n\n\
             | Année k | Marge espérée M × r^(k−1) | (1 + d)^t | Valeur actualisée |\n|---|---|---|---:|\n{rows}\n\
             Valeur client = somme des valeurs actualisées = **{}**.",
            match first {
                FirstYear::EndOfYear => "k",
                FirstYear::Now => "(k−1)",
            },
            euros(clv)
        ));

        let net = clv - acq;
        let net_q = Question::new(
            "valeur_nette",
            "valeur nette du client",
            "Calculez la valeur nette du client, après son coût d'acquisition.",
            net,
            Unit::Euros,
        )
        .formula("valeur_client - cout_acquisition")
        .mistake(
            undiscounted - acq,
            "actualisation-oubliee",
            "Comparez au coût d'acquisition la valeur actualisée du client, pas la somme brute des marges.",
        )
        .mistake(
            acq - clv,
            "difference-inversee",
            "Valeur nette = valeur client − coût d'acquisition (positive si le client rapporte plus qu'il n'a coûté).",
        )
        .step(format!(
            "Valeur nette = valeur client − coût d'acquisition = {} − {} = **{}**.",
            euros(clv),
            euros(acq),
            euros(net)
        ));

        let worth = net > Decimal::ZERO;
        let mut decision_q = Question::new(
            "decision",
            "décision d'acquisition",
            "Au vu de ce calcul, l'entreprise a-t-elle intérêt à engager cette dépense pour acquérir un tel client ? \
             Répondez 1 (oui) ou 2 (non).",
            Decimal::from(if worth { 1 } else { 2 }),
            Unit::Number,
        );
        if (undiscounted > acq) != worth {
            decision_q = decision_q.mistake(
                Decimal::from(if worth { 2 } else { 1 }),
                "actualisation-oubliee",
                "Sans actualisation, la valeur du client est surestimée : la décision se prend sur la valeur actualisée.",
            );
        }
        let decision_q = decision_q.step(format!(
            "La valeur nette est {} : **{}**.",
            if worth {
                "positive"
            } else {
                "négative ou nulle"
            },
            if worth {
                "1 (oui, l'acquisition est rentable)"
            } else {
                "2 (non, le client coûte plus qu'il ne rapporte sur l'horizon)"
            }
        ));

        let s = &scene;
        let first_text = match first {
            FirstYear::EndOfYear => {
                "la première marge est encaissée à la fin de la première année : \
                 VC = Σ M × r^(k−1) ÷ (1 + d)^k, pour k = 1 à n"
            }
            FirstYear::Now => {
                "la première marge est encaissée dès l'acquisition : \
                 VC = Σ M × r^(k−1) ÷ (1 + d)^(k−1), pour k = 1 à n"
            }
        };
        let statement = format!(
            "{} envisage une campagne de prospection pour gagner, pour ses {}, des clients semblables à {} ({}). \
             Le service commercial estime le coût d'acquisition d'un tel client à {}. {} vous demande \
             si ce coût est justifié par ce que le client rapportera sur {n} ans.\n\n\
             | Élément | Donnée |\n|---|---|\n\
             | Marge annuelle M apportée par le client tant qu'il reste | {} |\n\
             | Taux de fidélité r (probabilité qu'un client reste d'une année à l'autre) | {} |\n\
             | Taux d'actualisation d | {} |\n\
             | Horizon | {n} ans |\n\
             | Coût d'acquisition d'un client | {} |\n\n\
             **Conventions.** La première année, le client est acquis : la marge espérée de l'année k est M × r^(k−1). \
             Pour l'actualisation, {first_text}. Arrondissez chaque marge espérée puis chaque valeur actualisée au centime.",
            crate::text::capitalise(s.seller()),
            s.product.pluriel,
            s.customer.nom,
            s.customer.ville,
            euros(acq),
            s.business.vendeur,
            euros(m),
            percent(r),
            percent(rate),
            euros(acq),
        );
        let outro = format!(
            "*À retenir :* sans fidélité ni actualisation, on aurait compté {n} × {} = {} ; la valeur client n'est que de {}. \
             Améliorer la fidélité (suivi, service) augmente la valeur client, parfois davantage qu'une hausse de la marge annuelle.",
            euros(m),
            euros(m * Decimal::from(n)),
            euros(clv)
        );
        Ok(Content {
            statement,
            questions: vec![last_q, last_pv_q, clv_q, net_q, decision_q],
            solution_intro: "*Chaque marge espérée est arrondie au centime le plus proche, puis chaque valeur actualisée ; \
                             la valeur client est la somme des valeurs actualisées arrondies.*"
                .to_string(),
            solution_outro: outro,
        })
    }
}

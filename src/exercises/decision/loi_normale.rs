//! `decision/loi-normale`: sales that follow a normal law N(m, σ) (S533): probability of
//! exceeding a threshold, of staying below it or of falling between two values, and the
//! stock that keeps the risk of running out under a given level.
//!
//! Method of the BTS, stated in the statement: standardise t = (x − m) ÷ σ rounded to 2
//! decimals, read Π(t) in the table of the standard normal law (4 decimals), with
//! Π(−t) = 1 − Π(t). For a given risk, read in the table the t with Π(t) = 1 − risk:
//! convention `lecture` takes the smallest t whose Π(t) reaches that probability
//! (default: the risk is never exceeded) or the nearest value of the table.

use crate::calc::normal::{inverse, pi, Reading};
use crate::exercises::context::{Scene, MONTHS};
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{fixed, number, percent};
use crate::num::round::round_half_away;
use crate::world::scale::{agrees, spread, SPREAD_PERCENT};
use rust_decimal::{Decimal, MathematicalOps};
use rust_decimal_macros::dec;

pub struct LoiNormale;

const VARIANTS: &[(&str, &str)] = &[
    ("depasser", "probabilité de dépasser un seuil de ventes"),
    ("inferieur", "probabilité de rester en dessous d'un seuil"),
    ("entre", "probabilité d'être entre deux valeurs"),
];
const GIVEN: &[(&str, &str)] = &[
    ("ecart-type", "l'énoncé donne l'écart type σ"),
    ("variance", "l'énoncé donne la variance V = σ²"),
];
const READING: &[(&str, &str)] = &[
    (
        "au-moins",
        "t lu dans la table : la plus petite valeur dont Π(t) atteint la probabilité cherchée",
    ),
    (
        "plus-proche",
        "t lu dans la table : la valeur dont Π(t) est la plus proche de la probabilité cherchée",
    ),
];
const RISKS: [Decimal; 5] = [dec!(1), dec!(2), dec!(2.5), dec!(5), dec!(10)];

fn p4(x: Decimal) -> String {
    fixed(x, 4)
}

/// The grid a monthly volume of about `x` units is given on: round figures, but not so
/// coarse that a small volume loses its spread.
fn step_of(x: Decimal) -> Decimal {
    match x {
        x if x >= dec!(5000) => dec!(100),
        x if x >= dec!(1000) => dec!(50),
        x if x >= dec!(200) => dec!(10),
        _ => dec!(5),
    }
}

/// `x` on the grid of `step`.
fn on_grid(x: Decimal, step: Decimal) -> Decimal {
    round_half_away(x / step, 0) * step
}

/// The fewest units a month's mean may have: below it the sales are counted on the
/// fingers and a continuous law reads badly.
const MIN_MEAN: Decimal = dec!(40);

/// t = (x − m) ÷ σ rounded to 2 decimals.
fn standardise(x: Decimal, m: Decimal, sigma: Decimal) -> Decimal {
    round_half_away((x - m) / sigma, 2)
}

impl Exercise for LoiNormale {
    fn id(&self) -> &'static str {
        "decision/loi-normale"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::variant("variante", "probabilité demandée", VARIANTS),
            ParamSpec::variant("donnee", "paramètre de dispersion donné", GIVEN),
            ParamSpec::integer("moyenne", "moyenne m des ventes mensuelles", 1, 10_000_000),
            ParamSpec::integer(
                "ecart_type",
                "écart type σ (donnee = ecart-type)",
                1,
                1_000_000,
            ),
            ParamSpec::integer(
                "variance",
                "variance V = σ² (donnee = variance)",
                1,
                1_000_000_000,
            ),
            ParamSpec::integer(
                "seuil",
                "seuil de ventes (borne basse pour entre)",
                0,
                10_000_000,
            ),
            ParamSpec::integer("seuil_haut", "borne haute (variante entre)", 0, 10_000_000),
            ParamSpec::decimal(
                "risque",
                "risque de rupture de stock accepté",
                "0.1",
                "49",
                Unit::Percent,
            ),
            ParamSpec::convention("lecture", "lecture inverse de la table", READING),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw_goods(d.rng());
        let units = scene.product.unite_pluriel.clone();
        let variant = d.choice("variante");
        let by_variance = d.choice("donnee") == "variance";
        let reading = match d.choice("lecture") {
            "plus-proche" => Reading::Nearest,
            _ => Reading::AtLeast,
        };
        // The month studied is one of the product's season, and its mean is the
        // company's volume of that month (within the spread every type allows).
        let season = scene.product.season();
        let month = *d.rng().pick(&season);
        let volume = scene.business.month_volume(scene.product, month);
        let m = d.number("moyenne", |r| {
            let x = spread(volume, |lo, hi| r.int(lo, hi));
            on_grid(x, step_of(x))
        });
        if !d.is_fixed("moyenne") && m < MIN_MEAN {
            return Err(Degenerate(
                "ventes mensuelles trop faibles pour une loi normale".into(),
            ));
        }
        // Rounding to the grid must not carry a small mean out of the spread: the
        // annual volume it implies agrees with the one other types show (± 15 %).
        let exact = scene.business.annual_volume(scene.product) * scene.product.month_share(month);
        if !d.is_fixed("moyenne") && !agrees(m, exact, SPREAD_PERCENT) {
            return Err(Degenerate(
                "moyenne arrondie trop loin du volume du mois".into(),
            ));
        }
        let step = step_of(m);
        // σ from 6 to 25 % of the mean, a whole number of units (5 by 5 above 100).
        let draw_sigma = |r: &mut crate::rng::Rng| {
            let x = m * Decimal::from(r.int(6, 25)) / dec!(100);
            let unit = if x >= dec!(100) {
                dec!(5)
            } else {
                Decimal::ONE
            };
            on_grid(x, unit).max(Decimal::ONE)
        };
        let (sigma, var) = if by_variance {
            let v = d.number("variance", |r| {
                let s = draw_sigma(r);
                s * s
            });
            (round_half_away(v.sqrt().unwrap_or_default(), 2), Some(v))
        } else {
            (d.number("ecart_type", draw_sigma), None)
        };
        if sigma <= Decimal::ZERO || sigma * dec!(3) > m {
            return Err(Degenerate("écart type trop grand pour la moyenne".into()));
        }
        // Thresholds at round values (on the mean's grid) within about 2,5 σ of the mean.
        let round10 = |x: Decimal| on_grid(x, step);
        let low = d.number("seuil", |r| {
            let k = Decimal::from(r.int(-250, 250)) / Decimal::ONE_HUNDRED;
            round10(m + k * sigma).max(Decimal::ZERO)
        });
        let high = (variant == "entre").then(|| {
            d.number("seuil_haut", |r| {
                let k = Decimal::from(r.int(20, 250)) / Decimal::ONE_HUNDRED;
                round10(m + k * sigma)
            })
        });
        let risk = d.number("risque", |r| *r.pick(&RISKS));
        let t1 = standardise(low, m, sigma);
        if t1.abs() < dec!(0.1) {
            return Err(Degenerate("seuil trop proche de la moyenne".into()));
        }
        if let Some(h) = high {
            if h <= low || t1 > Decimal::ZERO {
                return Err(Degenerate("bornes dans le mauvais ordre".into()));
            }
        }
        let sig_key = if by_variance { "sigma" } else { "ecart_type" };
        let mut questions = Vec::new();
        if let Some(v) = var {
            questions.push(
                Question::new(
                    "sigma",
                    "écart type",
                    "Calculez l'écart type σ des ventes mensuelles (arrondi à 0,01 si nécessaire).",
                    sigma,
                    Unit::Number,
                )
                .mistake(
                    v,
                    "variance-prise-pour-ecart-type",
                    "La loi est donnée par sa variance V = σ² : l'écart type est sa racine carrée.",
                )
                .mistake(
                    round_half_away(v / Decimal::TWO, 2),
                    "variance-divisee-par-deux",
                    "L'écart type est la racine carrée de la variance (σ = √V), pas sa moitié.",
                )
                .step(format!(
                    "σ = √V = √{} = **{}**.",
                    number(v, 0),
                    number(sigma, 2)
                )),
            );
        }
        let t_question = |key: &'static str,
                          label: &'static str,
                          x: Decimal,
                          x_key: &str,
                          t: Decimal| {
            let mut q = Question::new(
                key,
                label,
                format!("Calculez la variable centrée réduite t correspondant à {} ventes (arrondie à 0,01).", number(x, 0)),
                t,
                Unit::Number,
            )
            .formula(format!("arrondi(({x_key} - moyenne) / {sig_key}, 2)"))
            .mistake(
                -t,
                "signe-inverse",
                "t = (x − m) ÷ σ : on retranche la moyenne à la valeur étudiée, pas l'inverse.",
            )
            .mistake(
                round_half_away(x / sigma, 2),
                "moyenne-non-retranchee",
                "Centrer, c'est retrancher la moyenne : t = (x − m) ÷ σ.",
            );
            if let Some(v) = var {
                q = q.mistake(
                    round_half_away((x - m) / v, 2),
                    "variance-au-lieu-ecart-type",
                    "On divise par l'écart type σ, et non par la variance σ².",
                );
            }
            q.step(format!(
                "t = (x − m) ÷ σ = ({} − {}) ÷ {} = **{}** (arrondi à 0,01).",
                number(x, 0),
                number(m, 0),
                number(sigma, 2),
                number(t, 2)
            ))
        };
        let pi_question = |key: &'static str, label: &'static str, name: &str, t: Decimal| {
            let value = pi(t);
            let mut q = Question::new(
                key,
                label,
                format!("Lisez dans la table de la loi normale centrée réduite la valeur de Π({name}) pour la valeur {name} trouvée."),
                value,
                Unit::Number,
            )
            .tolerance(dec!(0.0001));
            let step = if t < Decimal::ZERO {
                q = q
                    .mistake(
                        -pi(-t),
                        "pi-de-moins-t-oppose",
                        "Π(−t) n'est pas −Π(t) (une probabilité n'est jamais négative) : Π(−t) = 1 − Π(t).",
                    )
                    .mistake(
                        pi(-t),
                        "signe-de-t-ignore",
                        "t est négatif : la table donne Π(|t|), et Π(−t) = 1 − Π(t).",
                    );
                format!(
                    "t est négatif : Π({}) = 1 − Π({}) = 1 − {} = **{}**.",
                    number(t, 2),
                    number(-t, 2),
                    p4(pi(-t)),
                    p4(value)
                )
            } else {
                q = q.mistake(
                    Decimal::ONE - value,
                    "complement-lu",
                    "La table donne directement Π(t) = P(T ≤ t) pour t positif.",
                );
                format!(
                    "Lecture de la table : Π({}) = **{}**.",
                    number(t, 2),
                    p4(value)
                )
            };
            q.step(step)
        };
        questions.push(t_question(
            "t1",
            "variable centrée réduite",
            low,
            "seuil",
            t1,
        ));
        questions.push(pi_question(
            "pi_t1",
            "valeur lue Π(t)",
            if high.is_some() { "t₁" } else { "t" },
            t1,
        ));
        let pi1 = pi(t1);
        let what;
        match high {
            None if variant == "depasser" => {
                what = format!("de vendre plus de {} {units}", number(low, 0));
                questions.push(
                    Question::new(
                        "probabilite",
                        "probabilité de dépasser le seuil",
                        format!(
                            "Calculez la probabilité que les ventes du mois dépassent {} {units}.",
                            number(low, 0)
                        ),
                        Decimal::ONE - pi1,
                        Unit::Number,
                    )
                    .tolerance(dec!(0.0001))
                    .formula("1 - pi_t1")
                    .mistake(
                        pi1,
                        "complement-oublie",
                        "Π(t) est la probabilité d'être EN DESSOUS du seuil : P(X > x) = 1 − Π(t).",
                    )
                    .mistake(
                        Decimal::ONE + pi1,
                        "signe-du-complement",
                        "P(X > x) = 1 − Π(t), une probabilité comprise entre 0 et 1.",
                    )
                    .step(format!(
                        "P(X > {}) = P(T > {}) = 1 − Π({}) = 1 − {} = **{}**.",
                        number(low, 0),
                        number(t1, 2),
                        number(t1, 2),
                        p4(pi1),
                        p4(Decimal::ONE - pi1)
                    )),
                );
            }
            None => {
                what = format!("de vendre moins de {} {units}", number(low, 0));
                questions.push(
                    Question::new(
                        "probabilite",
                        "probabilité de rester sous le seuil",
                        format!("Calculez la probabilité que les ventes du mois soient inférieures à {} {units}.", number(low, 0)),
                        pi1,
                        Unit::Number,
                    )
                    .tolerance(dec!(0.0001))
                    .formula("pi_t1")
                    .mistake(
                        Decimal::ONE - pi1,
                        "complement-en-trop",
                        "Π(t) est déjà la probabilité d'être en dessous du seuil : P(X < x) = Π(t), sans complément.",
                    )
                    .step(format!(
                        "P(X < {}) = P(T < {}) = Π({}) = **{}**.",
                        number(low, 0),
                        number(t1, 2),
                        number(t1, 2),
                        p4(pi1)
                    )),
                );
            }
            Some(h) => {
                let t2 = standardise(h, m, sigma);
                let pi2 = pi(t2);
                what = format!(
                    "de vendre entre {} et {} {units}",
                    number(low, 0),
                    number(h, 0)
                );
                questions.push(t_question(
                    "t2",
                    "variable centrée réduite de la borne haute",
                    h,
                    "seuil_haut",
                    t2,
                ));
                questions.push(pi_question("pi_t2", "valeur lue Π(t₂)", "t₂", t2));
                questions.push(
                    Question::new(
                        "probabilite",
                        "probabilité d'être entre les deux bornes",
                        format!(
                            "Calculez la probabilité que les ventes du mois soient comprises entre {} et {} {units}.",
                            number(low, 0),
                            number(h, 0)
                        ),
                        pi2 - pi1,
                        Unit::Number,
                    )
                    .tolerance(dec!(0.0001))
                    .formula("pi_t2 - pi_t1")
                    .mistake(
                        pi2,
                        "borne-inferieure-oubliee",
                        "P(a < X < b) = Π(t₂) − Π(t₁) : retranchez la probabilité d'être sous la borne basse.",
                    )
                    .mistake(
                        pi2 + pi1,
                        "probabilites-additionnees",
                        "Les probabilités cumulées se retranchent : P(a < X < b) = Π(t₂) − Π(t₁).",
                    )
                    .mistake(
                        Decimal::ONE - (pi2 - pi1),
                        "complement-en-trop",
                        "Π(t₂) − Π(t₁) est directement la probabilité d'être entre les bornes.",
                    )
                    .step(format!(
                        "P({} < X < {}) = Π({}) − Π({}) = {} − {} = **{}**.",
                        number(low, 0),
                        number(h, 0),
                        number(t2, 2),
                        number(t1, 2),
                        p4(pi2),
                        p4(pi1),
                        p4(pi2 - pi1)
                    )),
                );
            }
        }
        let target = Decimal::ONE - risk / Decimal::ONE_HUNDRED;
        let none = || Degenerate("risque hors table".into());
        let t_r = inverse(target, reading).ok_or_else(none)?;
        let other_reading = match reading {
            Reading::AtLeast => Reading::Nearest,
            Reading::Nearest => Reading::AtLeast,
        };
        let t_other = inverse(target, other_reading).ok_or_else(none)?;
        let t_two_sided = inverse(Decimal::ONE - risk / dec!(200), reading).ok_or_else(none)?;
        let reading_text = match reading {
            Reading::AtLeast => "la plus petite valeur de t dont Π(t) atteint",
            Reading::Nearest => "la valeur de t dont Π(t) est la plus proche de",
        };
        questions.push(
            Question::new(
                "t_risque",
                "valeur de t pour le risque accepté",
                format!(
                    "Le responsable accepte un risque de rupture de stock de {}. Lisez dans la table la valeur de t telle que Π(t) = {}.",
                    percent(risk),
                    p4(target)
                ),
                t_r,
                Unit::Number,
            )
            .mistake(
                t_other,
                "autre-lecture-de-table",
                match reading {
                    Reading::AtLeast => "L'énoncé demande la plus petite valeur de t dont Π(t) atteint la probabilité cherchée (le risque n'est alors jamais dépassé).",
                    Reading::Nearest => "L'énoncé demande la valeur de t dont Π(t) est la plus proche de la probabilité cherchée.",
                },
            )
            .mistake(
                t_two_sided,
                "lecture-bilaterale",
                "Le risque de rupture ne porte que sur les ventes trop fortes : cherchez Π(t) = 1 − risque, et non 1 − risque ÷ 2.",
            )
            .mistake(
                -t_r,
                "t-lu-pour-le-risque",
                "Le stock doit couvrir la demande avec une probabilité de 1 − risque : t est positif, tel que Π(t) = 1 − risque.",
            )
            .step(format!(
                "On cherche t tel que P(X ≤ stock) = 1 − {} = {}, soit Π(t) = {}. Dans la table, {reading_text} {} est **t = {}** (Π({}) = {}).",
                percent(risk),
                p4(target),
                p4(target),
                p4(target),
                number(t_r, 2),
                number(t_r, 2),
                p4(pi(t_r))
            )),
        );
        let raw_stock = m + t_r * sigma;
        let stock = raw_stock.ceil();
        let mut stock_q = Question::new(
            "stock",
            "stock nécessaire",
            "Calculez le stock à prévoir en début de mois pour que le risque de rupture ne dépasse pas ce niveau (arrondi à l'unité supérieure).",
            stock,
            Unit::Number,
        )
        .formula(format!("arrondi_sup(moyenne + t_risque * {sig_key})"))
        .mistake(
            (m - t_r * sigma).ceil(),
            "signe-inverse",
            "Pour couvrir les mois de forte demande, le stock dépasse la moyenne : stock = m + t × σ.",
        )
        .mistake(
            raw_stock.floor(),
            "arrondi-par-defaut",
            "Un stock arrondi à l'unité inférieure laisse un risque un peu supérieur au risque accepté : arrondissez à l'unité supérieure.",
        );
        if let Some(v) = var {
            stock_q = stock_q.mistake(
                (m + t_r * v).ceil(),
                "variance-au-lieu-ecart-type",
                "Le stock est m + t × σ, avec l'écart type σ et non la variance σ².",
            );
        }
        questions.push(stock_q.step(format!(
            "Stock = m + t × σ = {} + {} × {} = {} → **{}** {units} (arrondi à l'unité supérieure).",
            number(m, 0),
            number(t_r, 2),
            number(sigma, 2),
            number(raw_stock, 2),
            number(stock, 0)
        )));

        let s = &scene;
        let month_name = MONTHS[(month - 1) as usize];
        let law = match var {
            Some(v) => format!(
                "de moyenne m = {} et de variance V = {}",
                number(m, 0),
                number(v, 0)
            ),
            None => format!(
                "de moyenne m = {} et d'écart type σ = {}",
                number(m, 0),
                number(sigma, 0)
            ),
        };
        let statement = format!(
            "{} constate que, d'une année à l'autre, ses ventes de {} du mois de {month_name} (en {units}) suivent une loi normale {law}. \
             {} {} veut connaître la probabilité {what}, puis dimensionner le stock du début du mois de {month_name}.\n\n\
             **Méthode.** Notez X les ventes du mois et T = (X − m) ÷ σ la variable centrée réduite, qui suit la loi normale N(0 ; 1). \
             Arrondissez t à 0,01 et lisez Π(t) = P(T ≤ t) dans la table de la loi normale centrée réduite (4 décimales) ; \
             pour t négatif, Π(−t) = 1 − Π(t). Pour un risque donné, lisez dans la table {reading_text} la probabilité cherchée. \
             Donnez les probabilités à 4 décimales.",
            crate::text::capitalise(s.seller()),
            s.product.pluriel.clone(),
            s.contact.prenom,
            s.contact.nom,
        );
        Ok(Content {
            statement,
            questions,
            solution_intro: "*t arrondi à 0,01 ; Π(t) lu dans la table à 4 décimales ; stock arrondi à l'unité supérieure.*".to_string(),
            solution_outro: format!(
                "*À retenir :* avec un stock de {} {units}, la demande du mois est couverte avec une probabilité {} {} ; \
                 réduire encore le risque demanderait un stock de sécurité plus important, donc plus coûteux à détenir.",
                number(stock, 0),
                if pi(t_r) >= target { "d'au moins" } else { "d'environ" },
                p4(pi(t_r))
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::exercises::context::MONTHS;
    use crate::exercises::valeur::potentiel::probe::{business, instance, param, product};
    use crate::world::scale::agrees;
    use rust_decimal_macros::dec;

    /// The month the statement names (« du mois de mars », « du mois d'août »).
    fn month_of(statement: &str) -> u32 {
        (1..=12)
            .find(|&m| {
                let name = MONTHS[m as usize - 1];
                statement.contains(&format!("du mois de {name} "))
                    || statement.contains(&format!("du mois d'{name} "))
            })
            .expect("the statement names its month")
    }

    #[test]
    fn the_mean_is_the_company_s_volume_of_a_month_of_the_season() {
        let mut seen = 0;
        for seed in 0..500 {
            let Some(inst) = instance("decision/loi-normale", seed) else {
                continue;
            };
            seen += 1;
            let (b, p) = (business(&inst), product(&inst));
            let month = month_of(&inst.statement);
            assert!(p.season().contains(&month), "{}: mois {month}", inst.code);
            let mean = param(&inst, "moyenne");
            // The year this month's mean implies, against the annual volume couts-seuil
            // draws around for the same product.
            let year = mean / p.month_share(month);
            assert!(
                agrees(year, b.annual_volume(p), 15),
                "{}: {mean} en {month} donne {year} par an, pour {}",
                inst.code,
                b.annual_volume(p)
            );
            assert!(mean >= dec!(40), "{}", inst.code);
        }
        assert!(seen >= 450, "{seen} instances sur 500");
    }
}

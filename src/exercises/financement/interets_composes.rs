//! `financement/interets-composes`: compound interest on a placement (S512).
//!
//! Variants: valeur acquise C × (1 + i)^n (`valeur-acquise`), valeur actuelle
//! V × (1 + i)^−n (`valeur-actuelle`), monthly capitalisation (`capitalisation-mensuelle`,
//! where the convention `taux_mensuel` says whether the monthly rate is proportional,
//! the textbooks' default, or equivalent), monthly rates from an annual rate
//! (`taux-mensuels`) and annual rates from a monthly one (`taux-annuels`), the duration
//! to reach a target (`duree`: n = ln(Cn / C0) ÷ ln(1 + i), then the next whole year)
//! and the rate from two values (`taux`: (Cn / C0)^(1/n) − 1).
//!
//! Rounding, stated in every solution: amounts to the cent, monthly rates to 0,0001 %
//! (in percent), annual rates to 0,01 %, the exact duration to 0,01 year.

use crate::calc::interest::{
    future_value, log_periods, periods_to_reach, present_value, rate_from_values,
};
use crate::calc::loan::{equivalent_monthly_rate, pow};
use crate::exercises::context::Scene;
use crate::exercises::equipment;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use crate::text;
use crate::text::capitalise;
use crate::world::rates::MarketRange;
use rust_decimal::{Decimal, MathematicalOps};
use rust_decimal_macros::dec;

pub struct InteretsComposes;

const VARIANTS: &[(&str, &str)] = &[
    (
        "valeur-acquise",
        "valeur acquise d'un capital placé n années (capitalisation annuelle)",
    ),
    (
        "valeur-actuelle",
        "capital à placer aujourd'hui pour disposer d'une somme dans n années",
    ),
    (
        "capitalisation-mensuelle",
        "taux mensuel et valeur acquise d'un placement à capitalisation mensuelle",
    ),
    (
        "taux-mensuels",
        "taux mensuels proportionnel et équivalent à un taux annuel",
    ),
    (
        "taux-annuels",
        "taux annuels proportionnel et équivalent à un taux mensuel",
    ),
    (
        "duree",
        "durée nécessaire pour atteindre une somme (logarithmes)",
    ),
    (
        "taux",
        "taux annuel d'un placement connaissant deux valeurs",
    ),
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
/// Decimals (of the percentage) of a monthly rate.
const MONTHLY_DP: u32 = 4;
/// Decimals (of the percentage) of an annual rate.
const ANNUAL_DP: u32 = 2;

impl Exercise for InteretsComposes {
    fn id(&self) -> &'static str {
        "financement/interets-composes"
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
                "capital",
                "capital placé au départ",
                "100",
                "10000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux",
                "taux annuel d'intérêt (composé)",
                "0.1",
                "20",
                Unit::Percent,
            ),
            ParamSpec::integer("nb_annees", "durée du placement en années", 1, 40),
            ParamSpec::integer(
                "nb_mois",
                "durée en mois (variante capitalisation-mensuelle)",
                1,
                480,
            ),
            ParamSpec::decimal(
                "valeur_future",
                "somme visée ou valeur finale (variantes valeur-actuelle, duree et taux)",
                "100",
                "100000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_mensuel_donne",
                "taux mensuel donné (variante taux-annuels)",
                "0.01",
                "3",
                Unit::Percent,
            ),
            ParamSpec::convention(
                "taux_mensuel",
                "calcul du taux mensuel à partir du taux annuel (capitalisation mensuelle)",
                MONTHLY_RATE,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let variant = d.choice("variante");
        let equivalent = d.choice("taux_mensuel") == "equivalent";
        // A teacher who fixes the convention wants to see it at work.
        if d.is_fixed("taux_mensuel")
            && variant != "capitalisation-mensuelle"
            && !d.is_fixed("variante")
        {
            return Err(Degenerate(
                "le taux mensuel ne sert qu'avec une capitalisation mensuelle".into(),
            ));
        }
        // The dated market the rate is drawn in: a cash credit line for the monthly
        // credit offer, deposits of up to two years or longer for the placements.
        let (market, what) = match variant {
            "taux-annuels" => (
                equipment::loan_range(&scene.date, "tresorerie"),
                "les nouveaux crédits aux entreprises coûtent en moyenne",
            ),
            "capitalisation-mensuelle" => (
                equipment::deposit_range(&scene.date, "depot-a-terme"),
                "les dépôts à terme des entreprises (deux ans au plus) sont rémunérés",
            ),
            _ => (
                equipment::deposit_range(&scene.date, "compte-a-terme-long"),
                "les dépôts à terme des entreprises de plus de deux ans sont rémunérés",
            ),
        };
        let dated = text!(
            "Nous sommes le ",
            scene.date.french(),
            ". Selon les derniers chiffres publiés, ",
            what,
            " ",
            equipment::cite(market),
            ". "
        );
        // A placement made years ago: today's market says nothing of its rate.
        let dated = if variant == "taux" {
            String::new()
        } else {
            dated
        };
        let ctx = Ctx { scene };
        let content = ctx.variant(d, variant, market, equivalent)?;
        Ok(Content {
            statement: dated + &content.statement,
            ..content
        })
    }
}

impl Ctx {
    fn variant(
        &self,
        d: &mut Draw,
        variant: &str,
        market: &MarketRange,
        equivalent: bool,
    ) -> Result<Content, Degenerate> {
        let ctx = self;
        let overflow = || Degenerate("valeur trop grande".into());
        match variant {
            "taux-annuels" => {
                // A twelfth of the dated annual range, to the hundredth of a point.
                let m = d.number("taux_mensuel_donne", |r| {
                    let lo = (market.taux_min / dec!(12) * dec!(100)).ceil() / dec!(100);
                    let hi = (market.taux_max / dec!(12) * dec!(100)).floor() / dec!(100);
                    r.decimal_step(lo, hi.max(lo), dec!(0.01))
                });
                if m <= Decimal::ZERO {
                    return Err(Degenerate("taux nul".into()));
                }
                Ok(ctx.annual_rates(m))
            }
            _ => {
                let rate = d.number("taux", |r| {
                    if variant == "capitalisation-mensuelle" {
                        // Multiples of 0,12 %: the proportional monthly rate ends after
                        // two decimals, so the student can key it exactly.
                        equipment::draw_rate(r, market, dec!(0.12))
                    } else {
                        equipment::draw_rate(r, market, dec!(0.05))
                    }
                });
                if rate <= Decimal::ZERO {
                    return Err(Degenerate("taux nul".into()));
                }
                if variant == "taux-mensuels" {
                    return Ok(ctx.monthly_rates(rate));
                }
                let capital = d.number("capital", |r| {
                    r.decimal_step(dec!(2000), dec!(80000), dec!(500))
                });
                if capital <= Decimal::ZERO {
                    return Err(Degenerate("capital nul".into()));
                }
                match variant {
                    "capitalisation-mensuelle" => {
                        let months = d.number("nb_mois", |r| Decimal::from(6 * r.int(2, 4)));
                        let months = u32::try_from(months).map_err(|_| overflow())?;
                        ctx.monthly(capital, rate, months, equivalent)
                    }
                    "duree" => {
                        let free = !["capital", "taux", "valeur_future"]
                            .iter()
                            .any(|p| d.is_fixed(p));
                        let target = d.number("valeur_future", |r| {
                            let k = Decimal::from(r.int(12, 20)) / dec!(10);
                            (capital * k / dec!(100)).round() * dec!(100)
                        });
                        if target <= capital {
                            return Err(Degenerate(
                                "la somme visée doit dépasser le capital".into(),
                            ));
                        }
                        let exact = log_periods(capital, target, rate);
                        let near_int = (exact - exact.round()).abs() < dec!(0.02);
                        if free && (near_int || exact > dec!(40)) {
                            return Err(Degenerate("durée trop proche d'un entier".into()));
                        }
                        let whole = periods_to_reach(capital, target, rate)
                            .ok_or_else(|| Degenerate("plus de 1 000 années".into()))?;
                        Ok(ctx.duration(capital, rate, target, exact, whole))
                    }
                    _ => {
                        let n = d.number("nb_annees", |r| Decimal::from(r.int(3, 12)));
                        let n = u32::try_from(n).map_err(|_| overflow())?;
                        if n == 0 {
                            return Err(Degenerate("durée nulle".into()));
                        }
                        match variant {
                            "valeur-actuelle" => {
                                let target = d.number("valeur_future", |r| {
                                    r.decimal_step(dec!(5000), dec!(120000), dec!(1000))
                                });
                                ctx.present(target, rate, n)
                            }
                            "taux" => {
                                let free = !["capital", "taux", "valeur_future"]
                                    .iter()
                                    .any(|p| d.is_fixed(p));
                                let exact_value = future_value(capital, rate, n)
                                    .map(round_cents)
                                    .ok_or_else(overflow)?;
                                let value = d.number("valeur_future", |_| exact_value);
                                if value <= capital {
                                    return Err(Degenerate(
                                        "la valeur finale doit dépasser le capital".into(),
                                    ));
                                }
                                let found = rate_from_values(capital, value, n)
                                    .map(|t| round_half_away(t, ANNUAL_DP))
                                    .ok_or_else(overflow)?;
                                if free && found != rate {
                                    return Err(Degenerate(
                                        "l'arrondi de la valeur ne redonne pas le taux".into(),
                                    ));
                                }
                                ctx.rate(capital, value, n, found)
                            }
                            _ => ctx.acquired(capital, rate, n),
                        }
                    }
                }
            }
        }
    }
}

struct Ctx {
    scene: Scene,
}

/// A percentage with up to `dp` decimals ("0,4868 %").
fn percent_dp(x: Decimal, dp: u32) -> String {
    format!("{}\u{a0}%", number(x, dp))
}

/// 1 + t / 100 as shown in a worked formula ("1,045").
fn base(rate: Decimal) -> String {
    number(Decimal::ONE + rate / dec!(100), 8)
}

fn simple_message() -> &'static str {
    "Vous avez calculé des intérêts simples (C × (1 + n × t)) : avec des intérêts composés, les intérêts de chaque période \
     s'ajoutent au capital et produisent à leur tour des intérêts, d'où C × (1 + t)^n."
}

impl Ctx {
    fn who(&self) -> String {
        let s = &self.scene;
        format!(
            "Vous assistez {} {}, {} de la trésorerie.",
            s.contact.prenom,
            s.contact.nom,
            s.contact.genre.agree("chargé", "chargée")
        )
    }

    fn seller(&self) -> String {
        capitalise(self.scene.seller())
    }

    fn table(rows: &[(&str, String)]) -> String {
        let mut t = String::from("| Élément | Donnée |\n|---|---|\n");
        for (k, v) in rows {
            t += &format!("| {k} | {v} |\n");
        }
        t
    }

    fn annual_convention() -> &'static str {
        "**Convention.** Intérêts composés, capitalisés une fois par an : les intérêts de chaque année s'ajoutent au capital \
         et produisent eux-mêmes des intérêts l'année suivante."
    }

    fn rounding() -> String {
        "*Arrondis : montants au centime le plus proche, taux mensuels à 0,0001\u{a0}% et taux annuels à 0,01\u{a0}% près ; \
         sauf indication contraire, les calculs intermédiaires gardent toutes les décimales.*"
            .to_string()
    }

    fn q_interest(
        &self,
        key_end: &str,
        key_start: &str,
        end: Decimal,
        start: Decimal,
        what: &str,
    ) -> Question {
        let i = end - start;
        Question::new(
            "interets",
            "intérêts produits",
            format!("Calculez le montant des intérêts produits {what}."),
            i,
            Unit::Euros,
        )
        .formula(format!("{key_end} - {key_start}"))
        .step(format!(
            "Intérêts = valeur acquise − capital placé = {} − {} = **{}**.",
            euros(end),
            euros(start),
            euros(i)
        ))
    }

    fn acquired(&self, capital: Decimal, rate: Decimal, n: u32) -> Result<Content, Degenerate> {
        let overflow = || Degenerate("valeur trop grande".into());
        let v = round_cents(future_value(capital, rate, n).ok_or_else(overflow)?);
        let factor = pow(Decimal::ONE + rate / dec!(100), n).ok_or_else(overflow)?;
        let simple = round_cents(capital * (Decimal::ONE + rate * Decimal::from(n) / dec!(100)));
        let acquired = Question::new(
            "valeur_acquise",
            "valeur acquise",
            format!("Calculez la valeur acquise par le placement au bout de {n} ans."),
            v,
            Unit::Euros,
        )
        .formula("arrondi2(capital * (1 + taux / 100) ^ nb_annees)")
        .mistake(simple, "interets-simples", simple_message())
        .mistake(
            v - capital,
            "interets-seuls",
            "Vous avez donné les seuls intérêts : la valeur acquise est le capital augmenté des intérêts, C × (1 + t)^n.",
        )
        .mistake(
            round_cents(capital * pow(Decimal::ONE + rate / dec!(100), n.saturating_sub(1)).unwrap_or_default()),
            "une-periode-de-moins",
            format!("Vous avez capitalisé {} fois : sur {n} ans, les intérêts sont capitalisés {n} fois, C × (1 + t)^{n}.", n.saturating_sub(1)),
        )
        .step(format!(
            "Cₙ = C₀ × (1 + t)^n = {} × {}^{n} = {} × {} = **{}**.",
            euros(capital),
            base(rate),
            euros(capital),
            number(factor, 8),
            euros(v)
        ));
        let interest = self
            .q_interest(
                "valeur_acquise",
                "capital",
                v,
                capital,
                &format!("en {n} ans"),
            )
            .mistake(simple - capital, "interets-simples", simple_message());
        let statement = format!(
            "{} place un excédent de trésorerie de {} sur un contrat de capitalisation rémunéré à intérêts composés, \
             pour une durée de {n} ans. {}\n\n{}\n{}",
            self.seller(),
            euros(capital),
            self.who(),
            Self::table(&[
                ("Capital placé", euros(capital)),
                ("Taux annuel", percent(rate)),
                ("Durée", format!("{n} ans")),
            ]),
            Self::annual_convention()
        );
        Ok(Content {
            statement,
            questions: vec![acquired, interest],
            solution_intro: Self::rounding(),
            solution_outro: format!(
                "*À retenir :* à intérêts simples, le même placement n'aurait rapporté que {} ; l'écart, {}, \
                 vient des intérêts produits par les intérêts capitalisés.",
                euros(simple - capital),
                euros(v - simple)
            ),
        })
    }

    fn present(&self, target: Decimal, rate: Decimal, n: u32) -> Result<Content, Degenerate> {
        let overflow = || Degenerate("valeur trop grande".into());
        let c0 = round_cents(present_value(target, rate, n).ok_or_else(overflow)?);
        let factor = pow(Decimal::ONE + rate / dec!(100), n).ok_or_else(overflow)?;
        let simple = round_cents(target / (Decimal::ONE + rate * Decimal::from(n) / dec!(100)));
        let pv = Question::new(
            "valeur_actuelle",
            "capital à placer",
            "Calculez le capital à placer aujourd'hui (valeur actuelle de la somme visée).",
            c0,
            Unit::Euros,
        )
        .formula("arrondi2(valeur_future / (1 + taux / 100) ^ nb_annees)")
        .mistake(simple, "interets-simples", simple_message())
        .mistake(
            round_cents(target * factor),
            "capitalisation-au-lieu-d-actualisation",
            "Vous avez multiplié par (1 + t)^n, ce qui donne la valeur acquise de la somme visée dans n ans. \
             La valeur actuelle s'obtient en divisant : C₀ = Cₙ × (1 + t)^−n.",
        )
        .step(format!(
            "C₀ = Cₙ × (1 + t)^−n = Cₙ ÷ (1 + t)^n = {} ÷ {}^{n} = {} ÷ {} = **{}**.",
            euros(target),
            base(rate),
            euros(target),
            number(factor, 8),
            euros(c0)
        ));
        let interest = self.q_interest(
            "valeur_future",
            "valeur_actuelle",
            target,
            c0,
            "par ce placement",
        );
        let statement = format!(
            "{} devra renouveler une partie de ses équipements dans {n} ans ; la dépense est estimée à {}. \
             Elle veut placer dès aujourd'hui, sur un contrat à intérêts composés, la somme qui lui permettra de disposer \
             de ce montant à l'échéance. {}\n\n{}\n{}",
            self.seller(),
            euros(target),
            self.who(),
            Self::table(&[
                ("Somme visée dans {n} ans".replace("{n}", &n.to_string()).as_str(), euros(target)),
                ("Taux annuel", percent(rate)),
            ]),
            Self::annual_convention()
        );
        Ok(Content {
            statement,
            questions: vec![pv, interest],
            solution_intro: Self::rounding(),
            solution_outro: format!(
                "*Vérification :* {} × {}^{n} = {} (à un centime près, à cause de l'arrondi du capital).",
                euros(c0),
                base(rate),
                euros(c0 * factor)
            ),
        })
    }

    fn monthly(
        &self,
        capital: Decimal,
        annual: Decimal,
        months: u32,
        equivalent: bool,
    ) -> Result<Content, Degenerate> {
        let overflow = || Degenerate("valeur trop grande".into());
        let proportional = annual / dec!(12);
        let equiv = equivalent_monthly_rate(annual, MONTHLY_DP);
        let (rate, other) = if equivalent {
            (equiv, proportional)
        } else {
            (proportional, equiv)
        };
        let value_at = |m: Decimal| {
            pow(Decimal::ONE + m / dec!(100), months)
                .and_then(|f| capital.checked_mul(f))
                .map(round_cents)
        };
        let v = value_at(rate).ok_or_else(overflow)?;
        let mut rate_q = Question::new(
            "taux_periodique",
            "taux mensuel",
            "Calculez le taux mensuel du placement (arrondi à 0,0001\u{a0}% s'il ne tombe pas juste).",
            rate,
            Unit::Percent,
        )
        .tolerance(dec!(0.0001))
        .mistake(
            annual,
            "taux-annuel-applique-au-mois",
            "Vous avez donné le taux annuel : les intérêts étant capitalisés chaque mois, il faut un taux mensuel.",
        );
        rate_q = if equivalent {
            rate_q
                .mistake(
                    round_half_away(proportional, MONTHLY_DP),
                    "taux-proportionnel-au-lieu-d-equivalent",
                    "Vous avez divisé le taux annuel par 12 : c'est le taux proportionnel. L'énoncé retient le taux équivalent, \
                     qui donne le même résultat sur un an que le taux annuel : (1 + taux annuel)^(1/12) − 1.",
                )
                .step(format!(
                    "Taux mensuel équivalent = (1 + {})^(1/12) − 1 = {}^(1/12) − 1 ≈ **{}** (arrondi à 0,0001\u{a0}% ; \
                     c'est ce taux arrondi qui sert ensuite). Vérification : {}^12 ≈ {}.",
                    number(annual / dec!(100), 6),
                    base(annual),
                    percent_dp(rate, MONTHLY_DP),
                    base(rate),
                    number(pow(Decimal::ONE + rate / dec!(100), 12).unwrap_or_default(), 6)
                ))
        } else {
            rate_q
                .formula("taux / 12")
                .mistake(
                    equiv,
                    "taux-equivalent-au-lieu-de-proportionnel",
                    "Vous avez calculé le taux équivalent : l'énoncé retient le taux mensuel proportionnel, taux annuel ÷ 12.",
                )
                .step(format!(
                    "Taux mensuel proportionnel = {} ÷ 12 = **{}**.",
                    percent(annual),
                    percent_dp(rate, 6)
                ))
        };
        let simple =
            round_cents(capital * (Decimal::ONE + annual * Decimal::from(months) / dec!(1200)));
        let factor = pow(Decimal::ONE + rate / dec!(100), months).ok_or_else(overflow)?;
        let acquired = Question::new(
            "valeur_acquise",
            "valeur acquise",
            format!("Calculez la valeur acquise par le placement au bout de {months} mois."),
            v,
            Unit::Euros,
        )
        .formula("arrondi2(capital * (1 + taux_periodique / 100) ^ nb_mois)")
        .mistake(simple, "interets-simples", simple_message())
        .mistake(
            value_at(other).unwrap_or_default(),
            if equivalent {
                "taux-proportionnel-au-lieu-d-equivalent"
            } else {
                "taux-equivalent-au-lieu-de-proportionnel"
            },
            if equivalent {
                "Vous avez capitalisé au taux proportionnel (taux annuel ÷ 12) : l'énoncé retient le taux mensuel équivalent."
            } else {
                "Vous avez capitalisé au taux équivalent : l'énoncé retient le taux mensuel proportionnel (taux annuel ÷ 12)."
            },
        )
        .step(format!(
            "Cₙ = C₀ × (1 + tₘ)^{months} = {} × {}^{months} = {} × {} = **{}**.",
            euros(capital),
            base(rate),
            euros(capital),
            number(factor, 8),
            euros(v)
        ));
        let interest = self.q_interest(
            "valeur_acquise",
            "capital",
            v,
            capital,
            &format!("en {months} mois"),
        );
        let convention = if equivalent {
            "**Convention.** Intérêts composés, capitalisés chaque mois au taux mensuel **équivalent** au taux annuel : \
             (1 + taux mensuel)^12 = 1 + taux annuel ; arrondissez ce taux à 0,0001\u{a0}% et utilisez la valeur arrondie."
        } else {
            "**Convention.** Intérêts composés, capitalisés chaque mois au taux mensuel **proportionnel** au taux annuel : \
             taux mensuel = taux annuel ÷ 12, dont on garde toutes les décimales dans les calculs."
        };
        let statement = format!(
            "{} place {} sur un compte à terme pendant {months} mois. Les intérêts sont capitalisés à la fin de chaque mois. {}\n\n{}\n{convention}",
            self.seller(),
            euros(capital),
            self.who(),
            Self::table(&[
                ("Capital placé", euros(capital)),
                ("Taux annuel", percent(annual)),
                ("Durée", format!("{months} mois")),
            ]),
        );
        Ok(Content {
            statement,
            questions: vec![rate_q, acquired, interest],
            solution_intro: Self::rounding(),
            solution_outro: format!(
                "*À retenir :* le taux proportionnel ({}) est un peu plus élevé que le taux équivalent ({}) : \
                 capitalisé chaque mois, il rapporte sur un an plus que le taux annuel affiché.",
                percent_dp(proportional, 6),
                percent_dp(equiv, MONTHLY_DP)
            ),
        })
    }

    fn monthly_rates(&self, annual: Decimal) -> Content {
        let proportional = round_half_away(annual / dec!(12), MONTHLY_DP);
        let equiv = equivalent_monthly_rate(annual, MONTHLY_DP);
        let prop_q = Question::new(
            "taux_mensuel_proportionnel",
            "taux mensuel proportionnel",
            "Calculez le taux mensuel proportionnel au taux annuel (arrondi à 0,0001\u{a0}%).",
            proportional,
            Unit::Percent,
        )
        .tolerance(dec!(0.0001))
        .formula(format!("arrondi(taux / 12, {MONTHLY_DP})"))
        .mistake(
            equiv,
            "taux-equivalent-au-lieu-de-proportionnel",
            "Vous avez calculé le taux équivalent : le taux proportionnel est simplement le taux annuel divisé par 12.",
        )
        .mistake(
            annual,
            "taux-annuel-non-converti",
            "Vous avez recopié le taux annuel : pour un mois, le taux proportionnel est le taux annuel ÷ 12.",
        )
        .step(format!(
            "Taux mensuel proportionnel = taux annuel ÷ 12 = {} ÷ 12 = **{}**.",
            percent(annual),
            percent_dp(proportional, MONTHLY_DP)
        ));
        let equiv_q = Question::new(
            "taux_mensuel_equivalent",
            "taux mensuel équivalent",
            "Calculez le taux mensuel équivalent au taux annuel (arrondi à 0,0001\u{a0}%).",
            equiv,
            Unit::Percent,
        )
        .tolerance(dec!(0.0001))
        .mistake(
            proportional,
            "taux-proportionnel-au-lieu-d-equivalent",
            "Vous avez divisé par 12 : c'est le taux proportionnel. Le taux équivalent t′ vérifie (1 + t′)^12 = 1 + t, \
             soit t′ = (1 + t)^(1/12) − 1.",
        )
        .mistake(
            annual,
            "taux-annuel-non-converti",
            "Vous avez recopié le taux annuel : le taux mensuel équivalent vérifie (1 + t′)^12 = 1 + t.",
        )
        .step(format!(
            "Le taux équivalent t′ donne sur 12 mois le même résultat que le taux annuel : (1 + t′)^12 = 1 + t, d'où \
             t′ = (1 + t)^(1/12) − 1 = {}^(1/12) − 1 ≈ **{}** (arrondi à 0,0001\u{a0}%).",
            base(annual),
            percent_dp(equiv, MONTHLY_DP)
        ));
        let effective = round_half_away(
            (pow(Decimal::ONE + proportional / dec!(100), 12).unwrap_or_default() - Decimal::ONE)
                * dec!(100),
            ANNUAL_DP,
        );
        let effective_q = Question::new(
            "taux_annuel_du_proportionnel",
            "taux annuel effectif du taux proportionnel",
            "Calculez le taux annuel que rapporte réellement le taux mensuel proportionnel, capitalisé chaque mois pendant un an (arrondi à 0,01\u{a0}%).",
            effective,
            Unit::Percent,
        )
        .formula(format!(
            "arrondi(((1 + taux_mensuel_proportionnel / 100) ^ 12 - 1) * 100, {ANNUAL_DP})"
        ))
        .mistake(
            annual,
            "taux-proportionnel-annualise",
            "Vous avez multiplié le taux mensuel par 12 (taux proportionnel) : capitalisé chaque mois, il rapporte \
             (1 + tₘ)^12 − 1 sur un an, un peu plus que le taux annuel.",
        )
        .mistake(
            round_half_away(pow(Decimal::ONE + proportional / dec!(100), 12).unwrap_or_default() * dec!(100), ANNUAL_DP),
            "moins-un-oublie",
            "Vous avez oublié de retrancher 1 : le taux annuel est (1 + tₘ)^12 − 1.",
        )
        .step(format!(
            "Taux annuel effectif = (1 + tₘ)^12 − 1 = {}^12 − 1 ≈ **{}** : plus que les {} affichés.",
            base(proportional),
            percent(effective),
            percent(annual)
        ));
        let statement = format!(
            "La banque de {} lui propose un placement au taux annuel de {}, les intérêts étant capitalisés chaque mois. \
             Avant de signer, {} {}, {} de la trésorerie, veut savoir quel taux mensuel appliquer : le taux \
             proportionnel ou le taux équivalent. Vous l'aidez à comparer.\n\n{}\n\
             **Convention.** Intérêts composés ; le taux proportionnel divise le taux annuel par 12, le taux équivalent \
             donne sur un an, capitalisé chaque mois, exactement le taux annuel. Arrondissez les taux mensuels à 0,0001\u{a0}% \
             et les taux annuels à 0,01\u{a0}%.",
            self.scene.seller(),
            percent(annual),
            self.scene.contact.prenom,
            self.scene.contact.nom,
            self.scene.contact.genre.agree("chargé", "chargée"),
            Self::table(&[("Taux annuel", percent(annual))]),
        );
        Content {
            statement,
            questions: vec![prop_q, equiv_q, effective_q],
            solution_intro: Self::rounding(),
            solution_outro: "*À retenir :* le taux proportionnel est celui des manuels et de nombreux contrats ; le taux équivalent \
                             est celui qu'implique un taux annuel effectif (comme le TAEG d'un crédit). Pour comparer deux offres, \
                             il faut les ramener au même type de taux."
                .to_string(),
        }
    }

    fn annual_rates(&self, m: Decimal) -> Content {
        let proportional = m * dec!(12);
        let factor = pow(Decimal::ONE + m / dec!(100), 12).unwrap_or_default();
        let equiv = round_half_away((factor - Decimal::ONE) * dec!(100), ANNUAL_DP);
        let prop_q = Question::new(
            "taux_annuel_proportionnel",
            "taux annuel proportionnel",
            "Calculez le taux annuel proportionnel au taux mensuel.",
            proportional,
            Unit::Percent,
        )
        .formula("12 * taux_mensuel_donne")
        .mistake(
            equiv,
            "taux-equivalent-au-lieu-de-proportionnel",
            "Vous avez calculé le taux équivalent : le taux annuel proportionnel est simplement le taux mensuel × 12.",
        )
        .mistake(
            m,
            "taux-mensuel-non-converti",
            "Vous avez recopié le taux mensuel : sur une année de 12 mois, le taux proportionnel est le taux mensuel × 12.",
        )
        .step(format!(
            "Taux annuel proportionnel = taux mensuel × 12 = {} × 12 = **{}**.",
            percent_dp(m, MONTHLY_DP),
            percent(proportional)
        ));
        let equiv_q = Question::new(
            "taux_annuel_equivalent",
            "taux annuel équivalent",
            "Calculez le taux annuel équivalent au taux mensuel, intérêts capitalisés chaque mois (arrondi à 0,01\u{a0}%).",
            equiv,
            Unit::Percent,
        )
        .formula(format!(
            "arrondi(((1 + taux_mensuel_donne / 100) ^ 12 - 1) * 100, {ANNUAL_DP})"
        ))
        .mistake(
            proportional,
            "taux-proportionnel-au-lieu-d-equivalent",
            "Vous avez multiplié par 12 : c'est le taux proportionnel. Capitalisé chaque mois, le taux mensuel donne sur un an \
             (1 + tₘ)^12 − 1.",
        )
        .mistake(
            round_half_away(factor * dec!(100), ANNUAL_DP),
            "moins-un-oublie",
            "Vous avez oublié de retrancher 1 : le taux annuel équivalent est (1 + tₘ)^12 − 1.",
        )
        .step(format!(
            "Taux annuel équivalent = (1 + tₘ)^12 − 1 = {}^12 − 1 = {} − 1 soit **{}** (arrondi à 0,01\u{a0}%).",
            base(m),
            number(factor, 8),
            percent(equiv)
        ));
        let statement = format!(
            "Un organisme de financement propose à {} une réserve de trésorerie au taux de {} par mois, les intérêts \
             non payés s'ajoutant chaque mois au montant dû. Pour comparer cette offre au taux annuel de sa banque, \
             {} {}, {} de la trésorerie, vous demande de convertir ce taux mensuel en taux annuel.\n\n{}\n\
             **Convention.** Intérêts composés, capitalisés chaque mois. Arrondissez les taux annuels à 0,01\u{a0}%.",
            self.scene.seller(),
            percent_dp(m, MONTHLY_DP),
            self.scene.contact.prenom,
            self.scene.contact.nom,
            self.scene.contact.genre.agree("chargé", "chargée"),
            Self::table(&[("Taux mensuel", percent_dp(m, MONTHLY_DP))]),
        );
        Content {
            statement,
            questions: vec![prop_q, equiv_q],
            solution_intro: Self::rounding(),
            solution_outro: format!(
                "*À retenir :* annoncer « {} par an » pour un taux mensuel de {} minimise le coût : capitalisé chaque mois, \
                 le taux réel est de {}.",
                percent(proportional),
                percent_dp(m, MONTHLY_DP),
                percent(equiv)
            ),
        }
    }

    fn duration(
        &self,
        capital: Decimal,
        rate: Decimal,
        target: Decimal,
        exact: Decimal,
        whole: u32,
    ) -> Content {
        let shown = round_half_away(exact, 2);
        let ratio = target / capital;
        let simple = (ratio - Decimal::ONE) * dec!(100) / rate;
        let ln_ratio = ratio.checked_ln().unwrap_or_default();
        let ln_base = (Decimal::ONE + rate / dec!(100))
            .checked_ln()
            .unwrap_or_default();
        let inverted = ln_base.checked_div(ln_ratio).unwrap_or_default();
        let exact_q = Question::new(
            "duree_exacte",
            "durée exacte",
            "Calculez, à l'aide des logarithmes, la durée exacte n (en années, arrondie à 0,01) pour laquelle la valeur acquise égale la somme visée.",
            shown,
            Unit::Number,
        )
        .tolerance(dec!(0.01))
        .mistake(
            round_half_away(simple, 2),
            "interets-simples",
            "Vous avez raisonné à intérêts simples (n = (Cₙ / C₀ − 1) ÷ t) : à intérêts composés, C₀ × (1 + t)^n = Cₙ \
             donne n = ln(Cₙ / C₀) ÷ ln(1 + t).",
        )
        .mistake(
            round_half_away(inverted, 2),
            "logarithmes-inverses",
            "Vous avez inversé le quotient : n = ln(Cₙ / C₀) ÷ ln(1 + t).",
        )
        .step(format!(
            "C₀ × (1 + t)^n = Cₙ ⇔ (1 + t)^n = Cₙ / C₀ ⇔ n = ln(Cₙ / C₀) ÷ ln(1 + t) = ln({}) ÷ ln({}) = {} ÷ {} ≈ **{}** ans \
             (arrondi à 0,01).",
            number(ratio, 6),
            base(rate),
            number(ln_ratio, 6),
            number(ln_base, 6),
            number(shown, 2)
        ));
        let whole_d = Decimal::from(whole);
        let floor = exact.trunc();
        let mut whole_q = Question::new(
            "annees_entieres",
            "nombre d'années entières",
            "Le placement ne rapporte qu'en fin d'année : au bout de combien d'années entières la somme visée sera-t-elle atteinte ?",
            whole_d,
            Unit::Number,
        )
        .mistake(
            floor,
            "arrondi-par-defaut",
            "Vous avez arrondi la durée à l'entier inférieur : à cette date la somme n'est pas encore atteinte. \
             Il faut l'année entière suivante (l'entier immédiatement supérieur).",
        )
        .mistake(
            simple.ceil(),
            "interets-simples",
            "Votre durée vient d'un calcul à intérêts simples : à intérêts composés, n = ln(Cₙ / C₀) ÷ ln(1 + t), puis l'entier supérieur.",
        );
        // The next whole year, in the expression language, when the exact duration is
        // not (nearly) a whole number. The duration is typed to 0,01, so adding 0,99 and
        // truncating rounds it up (14 stays 14, 14,01 and 14,21 become 15).
        if (exact - exact.round()).abs() >= dec!(0.01) {
            whole_q = whole_q.formula("tronque(duree_exacte + 0.99, 0)");
        }
        let before =
            round_cents(future_value(capital, rate, whole.saturating_sub(1)).unwrap_or_default());
        let after = round_cents(future_value(capital, rate, whole).unwrap_or_default());
        let whole_q = whole_q.step(format!(
            "Les intérêts n'étant acquis qu'en fin d'année, il faut l'entier immédiatement supérieur à {} : **{whole} ans**. \
             Vérification : au bout de {} ans, {} × {}^{} = {} < {} ; au bout de {whole} ans, {} ≥ {}.",
            number(shown, 2),
            whole.saturating_sub(1),
            euros(capital),
            base(rate),
            whole.saturating_sub(1),
            euros(before),
            euros(target),
            euros(after),
            euros(target)
        ));
        let statement = format!(
            "{} place {} à intérêts composés pour financer un projet de {}. Combien de temps doit durer le placement ? {}\n\n{}\n{} \
             Arrondissez la durée exacte à 0,01 année.",
            self.seller(),
            euros(capital),
            euros(target),
            self.who(),
            Self::table(&[
                ("Capital placé", euros(capital)),
                ("Taux annuel", percent(rate)),
                ("Somme visée", euros(target)),
            ]),
            Self::annual_convention()
        );
        Content {
            statement,
            questions: vec![exact_q, whole_q],
            solution_intro: "*Arrondis : durée exacte à 0,01 année ; le nombre d'années entières est l'entier immédiatement supérieur \
                             (la somme n'est atteinte qu'à la fin d'une année) ; montants au centime.*"
                .to_string(),
            solution_outro: "*Tableur :* la fonction NPM (NPER) donne la durée exacte : NPM(taux ; 0 ; −capital ; somme visée).".to_string(),
        }
    }

    fn rate(
        &self,
        capital: Decimal,
        value: Decimal,
        n: u32,
        found: Decimal,
    ) -> Result<Content, Degenerate> {
        let ratio = value / capital;
        let exact = rate_from_values(capital, value, n)
            .ok_or_else(|| Degenerate("taux introuvable".into()))?;
        let interest = self.q_interest(
            "valeur_future",
            "capital",
            value,
            capital,
            &format!("en {n} ans"),
        );
        let rate_q = Question::new(
            "taux_annuel",
            "taux annuel",
            "Calculez le taux annuel d'intérêt composé de ce placement (arrondi à 0,01\u{a0}%).",
            found,
            Unit::Percent,
        )
        .mistake(
            round_half_away((ratio - Decimal::ONE) * dec!(100) / Decimal::from(n), ANNUAL_DP),
            "interets-simples",
            "Vous avez divisé le gain total par le nombre d'années (intérêts simples) : à intérêts composés, \
             (1 + t)^n = Cₙ / C₀, d'où t = (Cₙ / C₀)^(1/n) − 1.",
        )
        .mistake(
            round_half_away((ratio - Decimal::ONE) * dec!(100), ANNUAL_DP),
            "taux-global",
            format!("Vous avez donné le taux de progression sur les {n} ans : le taux annuel est (Cₙ / C₀)^(1/n) − 1."),
        )
        .step(format!(
            "C₀ × (1 + t)^{n} = Cₙ ⇔ (1 + t)^{n} = {} ÷ {} = {} ⇔ t = {}^(1/{n}) − 1 ≈ {} soit **{}** (arrondi à 0,01\u{a0}%).",
            euros(value),
            euros(capital),
            number(ratio, 8),
            number(ratio, 8),
            number(exact / dec!(100), 6),
            percent(found)
        ));
        let statement = format!(
            "Il y a {n} ans, {} a placé {} sur un contrat de capitalisation à intérêts composés. Le relevé de cette année \
             indique une valeur de {}. Pour comparer ce placement à d'autres, {} {}, {} de la trésorerie, veut \
             connaître son taux annuel.\n\n{}\n{}",
            self.scene.seller(),
            euros(capital),
            euros(value),
            self.scene.contact.prenom,
            self.scene.contact.nom,
            self.scene.contact.genre.agree("chargé", "chargée"),
            Self::table(&[
                ("Capital placé", euros(capital)),
                ("Durée", format!("{n} ans")),
                ("Valeur au bout de {n} ans".replace("{n}", &n.to_string()).as_str(), euros(value)),
            ]),
            Self::annual_convention()
        );
        Ok(Content {
            statement,
            questions: vec![interest, rate_q],
            solution_intro: Self::rounding(),
            solution_outro: "*Tableur :* la fonction TAUX (RATE) donne le même résultat : TAUX(n ; 0 ; −capital ; valeur finale).".to_string(),
        })
    }
}

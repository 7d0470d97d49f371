//! `financement/equivalence`: equivalent bills of exchange (S512), with commercial
//! (simple) discount.
//!
//! Two bills are equivalent on a date when their valeurs actuelles commerciales on that
//! date are equal: V − V × t × n / 360. Variants: a bill replaced by a later one, find
//! its nominal (`nominal`) or, its nominal being given, its due date (`echeance`);
//! several bills replaced by one of a given nominal (`echeance-commune`) or of the sum
//! of the nominals (`echeance-moyenne`, where the rate cancels out). Convention `annee`:
//! 360-day commercial year (default) or 365.

use super::calendar::{date_specs, day_count_step, draw_date};
use crate::calc::dates::Date;
use crate::calc::interest::{
    average_due_days, commercial_discount, commercial_present_value, common_due_days,
    nominal_for_present_value, rational_present_value, simple_interest,
};
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use crate::text::capitalise;
use crate::world::Customer;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Equivalence;

const VARIANTS: &[(&str, &str)] = &[
    (
        "nominal",
        "remplacer un effet par un effet à échéance plus lointaine : nominal du nouvel effet",
    ),
    (
        "echeance",
        "remplacer un effet par un effet de nominal donné : échéance du nouvel effet",
    ),
    (
        "echeance-commune",
        "remplacer plusieurs effets par un effet unique de nominal donné : échéance commune",
    ),
    (
        "echeance-moyenne",
        "remplacer plusieurs effets par un effet unique égal à la somme des nominaux : échéance moyenne",
    ),
];
const YEAR: &[(&str, &str)] = &[
    ("360", "année commerciale de 360 jours (usage bancaire)"),
    ("365", "année civile de 365 jours"),
];
const DATE: [&str; 3] = ["jour_equivalence", "mois_equivalence", "annee_equivalence"];
const MAX_BILLS: usize = 4;
const NOMINALS: [&str; MAX_BILLS] = ["nominal_1", "nominal_2", "nominal_3", "nominal_4"];
const DAYS: [&str; MAX_BILLS] = ["jours_1", "jours_2", "jours_3", "jours_4"];
/// Question keys of the day counts (distinct from the `jours_k` parameters).
const N_KEYS: [&str; MAX_BILLS] = ["n_1", "n_2", "n_3", "n_4"];
const N_LABELS: [&str; MAX_BILLS] = [
    "nombre de jours de l'effet n° 1",
    "nombre de jours de l'effet n° 2",
    "nombre de jours de l'effet n° 3",
    "nombre de jours de l'effet n° 4",
];

impl Exercise for Equivalence {
    fn id(&self) -> &'static str {
        "financement/equivalence"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut specs = vec![ParamSpec::variant(
            "variante",
            "ce qui est donné et ce qui est demandé",
            VARIANTS,
        )];
        specs.extend(date_specs(
            DATE[0],
            DATE[1],
            DATE[2],
            [
                "jour de la date d'équivalence",
                "mois de la date d'équivalence",
                "année de la date d'équivalence",
            ],
        ));
        specs.push(ParamSpec::integer(
            "nb_effets",
            "nombre d'effets remplacés (variantes echeance-commune et echeance-moyenne)",
            2,
            MAX_BILLS as i64,
        ));
        for i in 0..MAX_BILLS {
            specs.push(ParamSpec::decimal(
                NOMINALS[i],
                [
                    "valeur nominale de l'effet n° 1",
                    "valeur nominale de l'effet n° 2",
                    "valeur nominale de l'effet n° 3",
                    "valeur nominale de l'effet n° 4",
                ][i],
                "10",
                "1000000",
                Unit::Euros,
            ));
            specs.push(ParamSpec::integer(
                DAYS[i],
                [
                    "jours de la date d'équivalence à l'échéance de l'effet n° 1",
                    "jours de la date d'équivalence à l'échéance de l'effet n° 2",
                    "jours de la date d'équivalence à l'échéance de l'effet n° 3",
                    "jours de la date d'équivalence à l'échéance de l'effet n° 4",
                ][i],
                1,
                360,
            ));
        }
        specs.extend([
            ParamSpec::integer(
                "jours_nouveau",
                "jours de la date d'équivalence à l'échéance du nouvel effet (variante nominal)",
                1,
                720,
            ),
            ParamSpec::decimal(
                "nominal_nouveau",
                "valeur nominale du nouvel effet (variantes echeance et echeance-commune)",
                "10",
                "5000000",
                Unit::Euros,
            ),
            ParamSpec::decimal("taux", "taux d'escompte annuel", "0.1", "20", Unit::Percent),
            ParamSpec::convention("annee", "nombre de jours de l'année", YEAR),
        ]);
        specs
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let c = scene.customer;
        if !c.is_private_firm() {
            return Err(Degenerate(
                "client non professionnel ou acheteur public".into(),
            ));
        }
        let variant = d.choice("variante");
        let date = draw_date(d, DATE, scene.date)?;
        let several = variant.starts_with("echeance-");
        let nb = if several {
            let nb = d.number("nb_effets", |r| Decimal::from(r.int(2, 3)));
            usize::try_from(nb).unwrap_or(0)
        } else {
            1
        };
        if !(1..=MAX_BILLS).contains(&nb) {
            return Err(Degenerate("de 2 à 4 effets".into()));
        }
        let mut bills = Vec::with_capacity(nb);
        for i in 0..nb {
            let nominal = d.number(NOMINALS[i], |r| {
                r.decimal_step(dec!(800), dec!(12000), dec!(10))
            });
            // Several bills fall due one after the other, a few weeks apart.
            let days = d.number(DAYS[i], |r| {
                let lo = if several { 10 + 35 * i as i64 } else { 10 };
                Decimal::from(r.int(lo, lo + 30))
            });
            let days = i64::try_from(days).unwrap_or(0);
            if nominal <= Decimal::ZERO || days < 1 {
                return Err(Degenerate("effet sans montant ou déjà échu".into()));
            }
            bills.push((nominal, days));
        }
        let rate = d.number("taux", |r| r.decimal_step(dec!(4), dec!(10), dec!(0.5)));
        let year: i64 = if d.choice("annee") == "365" { 365 } else { 360 };
        if rate <= Decimal::ZERO {
            return Err(Degenerate("taux nul".into()));
        }
        let ctx = Ctx {
            scene,
            date,
            bills,
            rate,
            year,
        };
        let (v1, n1) = ctx.bills[0];
        match variant {
            "nominal" => {
                let n2 = d.number("jours_nouveau", |r| Decimal::from(n1 + 10 * r.int(3, 9)));
                let n2 = i64::try_from(n2).unwrap_or(0);
                if n2 < 1 {
                    return Err(Degenerate("nouvel effet déjà échu".into()));
                }
                let va = commercial_present_value(v1, rate, n1, year);
                let v2 = nominal_for_present_value(va, rate, n2, year)
                    .ok_or_else(|| Degenerate("escompte supérieur au nominal".into()))?;
                Ok(ctx.replace_nominal(n2, round_cents(v2)))
            }
            "echeance" => {
                let free = !["nominal_1", "jours_1", "taux", "nominal_nouveau"]
                    .iter()
                    .any(|p| d.is_fixed(p));
                let va = commercial_present_value(v1, rate, n1, year);
                let v2 = d.number("nominal_nouveau", |r| {
                    // A round nominal for a postponement of one to three months (drawn on
                    // 360 days; the answer is then computed on the stated year).
                    let target = Decimal::from(n1 + r.int(30, 90));
                    let exact = va / (Decimal::ONE - rate * target / dec!(36000));
                    (exact / dec!(10)).round() * dec!(10)
                });
                let exact = common_due_days(va, v2, rate, year)
                    .ok_or_else(|| Degenerate("nominal nul".into()))?;
                ctx.check_days(exact, free, Some(n1))?;
                Ok(ctx.replace_due(v2, exact))
            }
            "echeance-commune" => {
                let free = !(0..nb)
                    .flat_map(|i| [NOMINALS[i], DAYS[i]])
                    .chain(["taux", "nominal_nouveau"])
                    .any(|p| d.is_fixed(p));
                let total: Decimal = ctx.bills.iter().map(|b| b.0).sum();
                let v = d.number("nominal_nouveau", |r| {
                    total + dec!(10) * Decimal::from(r.int(3, 20))
                });
                let va = ctx.total_present_value(year);
                let exact = common_due_days(va, v, rate, year)
                    .ok_or_else(|| Degenerate("nominal nul".into()))?;
                ctx.check_days(exact, free, None)?;
                Ok(ctx.common_due(v, exact))
            }
            _ => {
                let free = !(0..nb)
                    .flat_map(|i| [NOMINALS[i], DAYS[i]])
                    .any(|p| d.is_fixed(p));
                let exact = average_due_days(&ctx.bills)
                    .ok_or_else(|| Degenerate("nominaux nuls".into()))?;
                ctx.check_days(exact, free, None)?;
                Ok(ctx.average_due(exact))
            }
        }
    }
}

struct Ctx {
    scene: Scene,
    /// The date on which the bills are compared (date d'équivalence).
    date: Date,
    /// (nominal, days from the date of equivalence to the due date).
    bills: Vec<(Decimal, i64)>,
    rate: Decimal,
    year: i64,
}

impl Ctx {
    fn divisor(&self) -> Decimal {
        Decimal::from(self.year) * dec!(100)
    }

    fn other_year(&self) -> i64 {
        if self.year == 360 {
            365
        } else {
            360
        }
    }

    fn year_message(&self) -> &'static str {
        if self.year == 360 {
            "Vous avez divisé par 365 : l'énoncé retient l'année commerciale de 360 jours (escompte = V × t × n / 360)."
        } else {
            "Vous avez divisé par 360 : l'énoncé retient l'année civile de 365 jours (escompte = V × t × n / 365)."
        }
    }

    fn year_note(&self) -> &'static str {
        if self.year == 360 {
            "annee-civile-365"
        } else {
            "annee-commerciale-360"
        }
    }

    fn due(&self, days: i64) -> Date {
        self.date.add_days(days)
    }

    fn customer(&self) -> &'static Customer {
        self.scene.customer
    }

    /// Σ of the valeurs actuelles, each escompte rounded to the cent.
    fn total_present_value(&self, year: i64) -> Decimal {
        self.bills
            .iter()
            .map(|&(v, n)| commercial_present_value(v, self.rate, n, year))
            .sum()
    }

    /// A day count that the statement asks to round to the nearest day must not sit on
    /// a half day, be in the past, or (for a postponement) come before the old bill.
    fn check_days(&self, exact: Decimal, free: bool, after: Option<i64>) -> Result<(), Degenerate> {
        let days = round_half_away(exact, 0);
        if days < Decimal::ONE {
            return Err(Degenerate(
                "échéance antérieure à la date d'équivalence".into(),
            ));
        }
        if free {
            let frac = exact - exact.trunc();
            if (frac - dec!(0.5)).abs() < dec!(0.05) || days > dec!(360) {
                return Err(Degenerate("durée trop proche d'un demi-jour".into()));
            }
            if after.is_some_and(|n1| days <= Decimal::from(n1 + 5)) {
                return Err(Degenerate("le nouvel effet doit échoir plus tard".into()));
            }
        }
        Ok(())
    }

    fn intro(&self, request: &str) -> String {
        let s = &self.scene;
        let c = self.customer();
        format!(
            "{} tire des lettres de change sur ses clients professionnels. Le {}, son client {} ({}) {request} \
             Vous assistez {} {}, {} du suivi des règlements clients.",
            capitalise(s.seller()),
            self.date.french(),
            c.nom,
            c.ville,
            s.contact.prenom,
            s.contact.nom,
            s.contact.genre.agree("chargé", "chargée"),
        )
    }

    fn bills_table(&self) -> String {
        let mut t = String::from("| Effet | Valeur nominale | Échéance |\n|---|---:|---|\n");
        for (i, &(v, n)) in self.bills.iter().enumerate() {
            t += &format!(
                "| n° {} | {} | {} |\n",
                i + 1,
                euros(v),
                self.due(n).french()
            );
        }
        t
    }

    fn conventions(&self, rounding: &str) -> String {
        format!(
            "**Conventions.** Deux effets sont équivalents à une date s'ils ont, à cette date, la même valeur actuelle \
             commerciale (escompte commercial : escompte = V × t × n / {y}, sur l'année {kind} de {y} jours). \
             Les jours se comptent de la date d'équivalence à l'échéance, premier jour exclu et dernier jour inclus. \
             Taux d'escompte : {}. {rounding}",
            percent(self.rate),
            y = self.year,
            kind = if self.year == 360 { "commerciale" } else { "civile" },
        )
    }

    fn q_days(&self, i: usize) -> Question {
        let n = self.bills[i].1;
        let what = if self.bills.len() == 1 {
            "l'effet à remplacer".to_string()
        } else {
            format!("l'effet n° {}", i + 1)
        };
        Question::new(
            N_KEYS[i],
            if self.bills.len() == 1 {
                "nombre de jours de l'effet à remplacer"
            } else {
                N_LABELS[i]
            },
            format!(
                "Calculez le nombre de jours de la date d'équivalence à l'échéance de {what}."
            ),
            Decimal::from(n),
            Unit::Days,
        )
        .mistake(
            Decimal::from(n + 1),
            "jours-extremes-comptes",
            "Vous avez compté à la fois la date d'équivalence et le jour d'échéance : on exclut le premier jour et on inclut le dernier.",
        )
        .step(day_count_step(self.date, self.due(n)))
    }

    /// The valeur actuelle of the bill to replace, with the escompte rounded to the cent.
    fn q_present_value(&self) -> Question {
        let (v, n) = self.bills[0];
        let (t, y) = (self.rate, self.year);
        let e = commercial_discount(v, t, n, y);
        let va = v - e;
        Question::new(
            "valeur_actuelle",
            "valeur actuelle de l'effet à remplacer",
            "Calculez la valeur actuelle de l'effet à remplacer à la date d'équivalence.",
            va,
            Unit::Euros,
        )
        .formula(format!("nominal_1 - arrondi2(nominal_1 * taux * n_1 / {})", self.divisor()))
        .mistake(
            e,
            "escompte-pris-pour-valeur-actuelle",
            format!("Vous avez donné l'escompte : la valeur actuelle est le nominal diminué de l'escompte (VA = V − V × t × n / {y})."),
        )
        .mistake(
            commercial_present_value(v, t, n, self.other_year()),
            self.year_note(),
            self.year_message(),
        )
        .mistake(
            round_cents(rational_present_value(v, t, n, y)),
            "escompte-rationnel",
            format!("Vous avez divisé le nominal par (1 + t × n / {y}) : c'est l'escompte rationnel. L'équivalence des effets se calcule \
             avec l'escompte commercial : VA = V − V × t × n / {y}."),
        )
        .step(format!(
            "Escompte = V × t × n / {y} = {} × {} × {n} / {y} = {} (arrondi au centime) ; \
             valeur actuelle = {} − {} = **{}**.",
            euros(v),
            percent(t),
            euros(e),
            euros(v),
            euros(e),
            euros(va)
        ))
    }

    fn replace_nominal(&self, n2: i64, v2: Decimal) -> Content {
        let (v1, n1) = self.bills[0];
        let (t, y) = (self.rate, self.year);
        let va = commercial_present_value(v1, t, n1, y);
        let due2 = self.due(n2);
        let days2 = Question::new(
            "n_nouveau",
            "nombre de jours du nouvel effet",
            "Calculez le nombre de jours de la date d'équivalence à l'échéance du nouvel effet.",
            Decimal::from(n2),
            Unit::Days,
        )
        .mistake(
            Decimal::from(n2 + 1),
            "jours-extremes-comptes",
            "Vous avez compté à la fois la date d'équivalence et le jour d'échéance : on exclut le premier jour et on inclut le dernier.",
        )
        .mistake(
            Decimal::from(n2 - n1),
            "report-seul",
            "Vous avez compté les jours de report, depuis l'ancienne échéance : la durée du nouvel effet se compte depuis la date d'équivalence.",
        )
        .step(day_count_step(self.date, due2));
        let factor = Decimal::ONE - t * Decimal::from(n2) / self.divisor();
        let other = self.other_year();
        let other_v2 =
            nominal_for_present_value(commercial_present_value(v1, t, n1, other), t, n2, other)
                .map(round_cents)
                .unwrap_or_default();
        let nominal = Question::new(
            "nominal_remplacement",
            "nominal du nouvel effet",
            "Calculez la valeur nominale du nouvel effet, équivalent à l'effet à remplacer à la date d'équivalence.",
            v2,
            Unit::Euros,
        )
        .formula(format!(
            "arrondi2(valeur_actuelle / (1 - taux * n_nouveau / {}))",
            self.divisor()
        ))
        .mistake(
            round_cents(va + simple_interest(va, t, n2, y)),
            "escompte-rationnel",
            format!("Vous avez ajouté à la valeur actuelle ses intérêts : c'est l'escompte rationnel. Avec l'escompte commercial, \
             l'escompte se calcule sur le nominal cherché : V₂ − V₂ × t × n₂ / {y} = VA, d'où V₂ = VA ÷ (1 − t × n₂ / {y})."),
        )
        .mistake(
            v1 + commercial_discount(v1, t, n2 - n1, y),
            "interets-ajoutes",
            format!("Vous avez ajouté au nominal les intérêts des jours de report : l'équivalence porte sur les valeurs actuelles \
             à la date d'équivalence, V₂ = VA ÷ (1 − t × n₂ / {y})."),
        )
        .mistake(other_v2, self.year_note(), self.year_message())
        .step(format!(
            "Les deux effets ont la même valeur actuelle à la date d'équivalence : V₂ − V₂ × t × n₂ / {y} = VA, \
             d'où V₂ = VA ÷ (1 − t × n₂ / {y}) = {} ÷ (1 − {} × {n2} / {y}) = {} ÷ {} = **{}** (arrondi au centime).",
            euros(va),
            number(t / dec!(100), 6),
            euros(va),
            number(factor, 8),
            euros(v2)
        ));
        let check = v2 - commercial_discount(v2, t, n2, y);
        let data = format!(
            "{}\n\n| Effet | Valeur nominale | Échéance |\n|---|---:|---|\n| Effet à remplacer | {} | {} |\n| Nouvel effet | à calculer | {} |\n",
            self.intro(&format!(
                "annonce des difficultés de trésorerie et demande à reporter le paiement d'une lettre de change au {}. \
                 Le fournisseur accepte de la remplacer par un nouvel effet équivalent à la date de la demande.",
                due2.french()
            )),
            euros(v1),
            self.due(n1).french(),
            due2.french()
        );
        Content {
            statement: format!(
                "{data}\n{}",
                self.conventions("Arrondissez les montants au centime le plus proche.")
            ),
            questions: vec![self.q_days(0), days2, self.q_present_value(), nominal],
            solution_intro: "*L'escompte de chaque effet est arrondi au centime le plus proche, comme le nominal cherché.*".to_string(),
            solution_outro: format!(
                "*Vérification :* escompte du nouvel effet = {} × {} × {n2} / {y} = {} ; {} − {} = {}, \
                 {}. \
                 Le report coûte au client {} de plus que le nominal initial.",
                euros(v2),
                percent(t),
                euros(v2 - check),
                euros(v2),
                euros(v2 - check),
                euros(check),
                match crate::exercises::equipment::gap_amount(check, va) {
                    None => "exactement la valeur actuelle de l'effet remplacé".to_string(),
                    Some(gap) => format!(
                        "la valeur actuelle de l'effet remplacé ({}) à {gap} près, écart qui vient de l'arrondi du nominal au centime",
                        euros(va)
                    ),
                },
                euros(v2 - v1)
            ),
        }
    }

    /// The days of a new bill of nominal `v` equivalent to present value `va`
    /// (`va_key` in the formulas), rounded to the nearest day; with its classic slips.
    fn q_new_days(
        &self,
        key: &'static str,
        va_key: &str,
        va: Decimal,
        v: Decimal,
        exact: Decimal,
    ) -> Question {
        let (t, y) = (self.rate, self.year);
        let days = round_half_away(exact, 0);
        let other = self.other_year();
        // The present value recomputed on the wrong year, then the same formula.
        let va_other = if va_key == "valeur_actuelle" {
            let (v1, n1) = self.bills[0];
            commercial_present_value(v1, t, n1, other)
        } else {
            self.total_present_value(other)
        };
        let wrong_year = common_due_days(va_other, v, t, other)
            .map(|x| round_half_away(x, 0))
            .unwrap_or_default();
        let rational = ((v - va) * self.divisor())
            .checked_div(va * t)
            .map(|x| round_half_away(x, 0))
            .unwrap_or_default();
        Question::new(
            key,
            if key == "n_nouveau" {
                "nombre de jours du nouvel effet"
            } else {
                "échéance commune (en jours)"
            },
            "Calculez le nombre de jours de la date d'équivalence à l'échéance du nouvel effet (arrondi au jour le plus proche).",
            days,
            Unit::Days,
        )
        .formula(format!(
            "arrondi(({key_v} - {va_key}) * {} / ({key_v} * taux), 0)",
            self.divisor(),
            key_v = "nominal_nouveau"
        ))
        .mistake(
            rational,
            "escompte-rationnel",
            format!("Vous avez rapporté l'écart de nominal aux intérêts de la valeur actuelle (escompte rationnel). Avec l'escompte \
             commercial, l'escompte se calcule sur le nominal du nouvel effet : n = (V − VA) × {y} ÷ (V × t)."),
        )
        .mistake(wrong_year, self.year_note(), self.year_message())
        .step(format!(
            "Le nouvel effet a pour valeur actuelle VA : V − V × t × n / {y} = VA, d'où \
             n = (V − VA) × {y} ÷ (V × t) = ({} − {}) × {y} ÷ ({} × {}) = {} soit **{} jours** (arrondi au jour le plus proche).",
            euros(v),
            euros(va),
            euros(v),
            number(t / dec!(100), 6),
            number(exact, 4),
            days
        ))
    }

    fn replace_due(&self, v2: Decimal, exact: Decimal) -> Content {
        let (v1, n1) = self.bills[0];
        let va = commercial_present_value(v1, self.rate, n1, self.year);
        let days = round_half_away(exact, 0);
        let n2 = i64::try_from(days).unwrap_or(0);
        let new_days = self.q_new_days("n_nouveau", "valeur_actuelle", va, v2, exact).mistake(
            Decimal::from(n2 - n1),
            "report-seul",
            "Vous avez donné la durée du report, depuis l'ancienne échéance : la durée du nouvel effet se compte depuis la date d'équivalence.",
        );
        let statement = format!(
            "{}\n\n| Effet | Valeur nominale | Échéance |\n|---|---:|---|\n| Effet à remplacer | {} | {} |\n| Nouvel effet | {} | à déterminer |\n\n{}",
            self.intro(&format!(
                "demande à remplacer une lettre de change par un nouvel effet de {}, équivalent à la date de la demande.",
                euros(v2)
            )),
            euros(v1),
            self.due(n1).french(),
            euros(v2),
            self.conventions("Arrondissez les montants au centime et la durée au jour le plus proche.")
        );
        Content {
            statement,
            questions: vec![self.q_days(0), self.q_present_value(), new_days],
            solution_intro: "*L'escompte est arrondi au centime le plus proche, la durée au jour le plus proche.*".to_string(),
            solution_outro: format!(
                "*Échéance :* {n2} jours après le {}, le nouvel effet de {} est à échéance du **{}**, soit un report de {} jours.",
                self.date.french(),
                euros(v2),
                self.due(n2).french(),
                n2 - n1
            ),
        }
    }

    fn q_total_present_value(&self) -> Question {
        let (t, y) = (self.rate, self.year);
        let va = self.total_present_value(y);
        let terms: Vec<String> = (0..self.bills.len())
            .map(|i| {
                format!(
                    "nominal_{k} - arrondi2(nominal_{k} * taux * n_{k} / {})",
                    self.divisor(),
                    k = i + 1
                )
            })
            .collect();
        let discounts: Decimal = self
            .bills
            .iter()
            .map(|&(v, n)| commercial_discount(v, t, n, y))
            .sum();
        let rational: Decimal = self
            .bills
            .iter()
            .map(|&(v, n)| round_cents(rational_present_value(v, t, n, y)))
            .sum();
        let lines: Vec<String> = self
            .bills
            .iter()
            .enumerate()
            .map(|(i, &(v, n))| {
                let e = commercial_discount(v, t, n, y);
                format!(
                    "- effet n° {} : escompte = {} × {} × {n} / {y} = {} ; VA = {} − {} = {}",
                    i + 1,
                    euros(v),
                    percent(t),
                    euros(e),
                    euros(v),
                    euros(e),
                    euros(v - e)
                )
            })
            .collect();
        Question::new(
            "somme_va",
            "somme des valeurs actuelles",
            "Calculez la somme des valeurs actuelles des effets remplacés à la date d'équivalence.",
            va,
            Unit::Euros,
        )
        .formula(terms.join(" + "))
        .mistake(
            discounts,
            "escompte-pris-pour-valeur-actuelle",
            "Vous avez additionné les escomptes : la valeur actuelle de chaque effet est son nominal diminué de son escompte.",
        )
        .mistake(self.total_present_value(self.other_year()), self.year_note(), self.year_message())
        .mistake(
            rational,
            "escompte-rationnel",
            format!("Vous avez divisé chaque nominal par (1 + t × n / {y}) : c'est l'escompte rationnel. L'équivalence des effets \
             se calcule avec l'escompte commercial : VA = V − V × t × n / {y}."),
        )
        .step(format!(
            "Pour chaque effet, escompte = V × t × n / {y} (arrondi au centime) et VA = V − escompte :\n\n{}\n\n\
             Somme des valeurs actuelles = **{}**.",
            lines.join("\n"),
            euros(va)
        ))
    }

    fn common_due(&self, v: Decimal, exact: Decimal) -> Content {
        let va = self.total_present_value(self.year);
        let days = round_half_away(exact, 0);
        let n = i64::try_from(days).unwrap_or(0);
        let average = average_due_days(&self.bills)
            .map(|x| round_half_away(x, 0))
            .unwrap_or_default();
        let common = self.q_new_days("n_commune", "somme_va", va, v, exact).mistake(
            average,
            "echeance-moyenne-au-lieu-de-commune",
            "Vous avez calculé l'échéance moyenne (Σ V × n ÷ Σ V), qui ne vaut que si le nouveau nominal est la somme des nominaux. \
             Ici le nominal est donné : égalez sa valeur actuelle à la somme des valeurs actuelles.",
        );
        let mut questions: Vec<Question> = (0..self.bills.len()).map(|i| self.q_days(i)).collect();
        questions.push(self.q_total_present_value());
        questions.push(common);
        let statement = format!(
            "{}\n\n{}\n{}",
            self.intro(&format!(
                "demande à remplacer les {} lettres de change ci-dessous par un effet unique de {}, équivalent à la date de la demande.",
                self.bills.len(),
                euros(v)
            )),
            self.bills_table(),
            self.conventions("Arrondissez les montants au centime et la durée au jour le plus proche.")
        );
        Content {
            statement,
            questions,
            solution_intro: "*Chaque escompte est arrondi au centime le plus proche, la durée au jour le plus proche.*".to_string(),
            solution_outro: format!(
                "*Échéance commune :* {n} jours après le {}, l'effet unique de {} est à échéance du **{}**.",
                self.date.french(),
                euros(v),
                self.due(n).french()
            ),
        }
    }

    fn average_due(&self, exact: Decimal) -> Content {
        let days = round_half_away(exact, 0);
        let n = i64::try_from(days).unwrap_or(0);
        let total: Decimal = self.bills.iter().map(|b| b.0).sum();
        let k = self.bills.len();
        let plain = round_half_away(
            Decimal::from(self.bills.iter().map(|b| b.1).sum::<i64>()) / Decimal::from(k as i64),
            0,
        );
        let formula_num: Vec<String> = (1..=k).map(|i| format!("nominal_{i} * n_{i}")).collect();
        let formula_den: Vec<String> = (1..=k).map(|i| format!("nominal_{i}")).collect();
        let products: Vec<String> = self
            .bills
            .iter()
            .map(|&(v, n)| format!("{} × {n}", number(v, 2)))
            .collect();
        let weighted: Decimal = self.bills.iter().map(|&(v, n)| v * Decimal::from(n)).sum();
        let average = Question::new(
            "n_moyenne",
            "échéance moyenne (en jours)",
            "Calculez le nombre de jours de la date d'équivalence à l'échéance moyenne (arrondi au jour le plus proche).",
            days,
            Unit::Days,
        )
        .formula(format!(
            "arrondi(({}) / ({}), 0)",
            formula_num.join(" + "),
            formula_den.join(" + ")
        ))
        .mistake(
            plain,
            "moyenne-non-ponderee",
            "Vous avez fait la moyenne simple des durées : chaque durée doit être pondérée par le nominal de son effet, \
             n = Σ V × n ÷ Σ V.",
        )
        .mistake(
            round_half_away(exact + Decimal::ONE, 0),
            "jours-extremes-comptes",
            "Vos durées comptent un jour de trop : on exclut la date d'équivalence et on inclut le jour d'échéance.",
        )
        .step(format!(
            "Le nominal unique étant la somme des nominaux ({}), l'égalité des valeurs actuelles \
             Σ (V − V × t × n / {y}) = Σ V − Σ V × t × n / {y} se simplifie : le taux disparaît et \
             n = Σ V × n ÷ Σ V = ({}) ÷ {} = {} ÷ {} = {} soit **{} jours** (arrondi au jour le plus proche).",
            euros(total),
            products.join(" + "),
            number(total, 2),
            number(weighted, 2),
            number(total, 2),
            number(exact, 4),
            days,
            y = self.year
        ));
        let mut questions: Vec<Question> = (0..k).map(|i| self.q_days(i)).collect();
        questions.push(average);
        let statement = format!(
            "{}\n\n{}\n{}",
            self.intro(&format!(
                "demande à remplacer les {k} lettres de change ci-dessous par un effet unique, dont le nominal est la somme \
                 des nominaux ({}), équivalent à la date de la demande : il faut en fixer l'échéance moyenne.",
                euros(total)
            )),
            self.bills_table(),
            self.conventions("Arrondissez la durée au jour le plus proche.")
        );
        Content {
            statement,
            questions,
            solution_intro: "*La durée est arrondie au jour le plus proche.*".to_string(),
            solution_outro: format!(
                "*Échéance moyenne :* {n} jours après le {}, l'effet unique de {} est à échéance du **{}**. \
                 L'échéance moyenne ne dépend ni du taux d'escompte ni de la date d'équivalence choisie.",
                self.date.french(),
                euros(total),
                self.due(n).french()
            ),
        }
    }
}

//! `financement/escompte-effets`: a bordereau d'escompte of 2 to 5 bills of exchange
//! remitted to the bank on one date (S512).
//!
//! Days per bill (first day excluded, last included, plus the jours de banque, with a
//! minimum), escompte per bill V × t × n / 360 rounded to the cent (with a minimum),
//! fixed commissions HT, TVA on the commissions only, agios TTC, valeur nette and taux
//! réel d'escompte (agios HT × 360 ÷ Σ nominal × jours réels). Convention `annee`: 360
//! (default) or 365 days.

use super::calendar::{date_specs, day_count_detail, draw_date};
use crate::calc::dates::Date;
use crate::calc::discounting::{charged_days, discount, real_rate, slip, Slip, Terms};
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use crate::world::world;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct EscompteEffets;

const YEAR: &[(&str, &str)] = &[
    ("360", "année commerciale de 360 jours (usage bancaire)"),
    ("365", "année civile de 365 jours"),
];
const REMIT: [&str; 3] = ["jour_remise", "mois_remise", "annee_remise"];
const NOMINALS: [&str; 5] = [
    "nominal_1",
    "nominal_2",
    "nominal_3",
    "nominal_4",
    "nominal_5",
];
const DAYS: [&str; 5] = ["jours_1", "jours_2", "jours_3", "jours_4", "jours_5"];
const BANK_DAYS: [i64; 4] = [0, 1, 1, 2];
const MIN_DAYS: [i64; 4] = [0, 0, 10, 15];
const MIN_DISCOUNT: [Decimal; 6] = [dec!(0), dec!(0), dec!(5), dec!(7.5), dec!(8), dec!(10)];

impl Exercise for EscompteEffets {
    fn id(&self) -> &'static str {
        "financement/escompte-effets"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut specs = vec![ParamSpec::integer(
            "nb_effets",
            "nombre d'effets remis à l'escompte",
            2,
            5,
        )];
        for i in 0..5 {
            specs.push(ParamSpec::decimal(
                NOMINALS[i],
                [
                    "valeur nominale de l'effet n° 1",
                    "valeur nominale de l'effet n° 2",
                    "valeur nominale de l'effet n° 3",
                    "valeur nominale de l'effet n° 4",
                    "valeur nominale de l'effet n° 5",
                ][i],
                "10",
                "1000000",
                Unit::Euros,
            ));
            specs.push(ParamSpec::integer(
                DAYS[i],
                [
                    "jours réels de l'effet n° 1, de la remise (exclue) à l'échéance (incluse)",
                    "jours réels de l'effet n° 2, de la remise (exclue) à l'échéance (incluse)",
                    "jours réels de l'effet n° 3, de la remise (exclue) à l'échéance (incluse)",
                    "jours réels de l'effet n° 4, de la remise (exclue) à l'échéance (incluse)",
                    "jours réels de l'effet n° 5, de la remise (exclue) à l'échéance (incluse)",
                ][i],
                1,
                365,
            ));
        }
        specs.extend(date_specs(
            REMIT[0],
            REMIT[1],
            REMIT[2],
            [
                "jour de la remise à l'escompte",
                "mois de la remise à l'escompte",
                "année de la remise à l'escompte",
            ],
        ));
        specs.extend([
            ParamSpec::decimal("taux", "taux d'escompte annuel", "0.1", "30", Unit::Percent),
            ParamSpec::integer(
                "jours_banque",
                "jours de banque ajoutés à chaque effet (0 : aucun)",
                0,
                5,
            ),
            ParamSpec::integer(
                "jours_minimum",
                "nombre minimum de jours par effet (0 : aucun)",
                0,
                30,
            ),
            ParamSpec::decimal(
                "minimum_escompte",
                "minimum d'escompte perçu par effet (0 : aucun)",
                "0",
                "100",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "commission",
                "commission de service par effet, HT",
                "0.1",
                "50",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_tva",
                "taux de TVA sur les commissions",
                "1",
                "20",
                Unit::Percent,
            ),
            ParamSpec::integer(
                "effet_demande",
                "numéro de l'effet détaillé dans les deux premières questions",
                1,
                5,
            ),
            ParamSpec::convention("annee", "nombre de jours de l'année", YEAR),
        ]);
        specs
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let nb = d.integer("nb_effets") as usize;
        if !(2..=5).contains(&nb) {
            return Err(Degenerate("de 2 à 5 effets".into()));
        }
        let remit = draw_date(d, REMIT, scene.date)?;
        let mut bills = Vec::with_capacity(nb);
        for i in 0..nb {
            let nominal = d.number(NOMINALS[i], |r| {
                if r.chance(1, 3) {
                    r.decimal_step(dec!(150), dec!(1500), dec!(0.01))
                } else {
                    r.decimal_step(dec!(1500), dec!(15000), dec!(0.01))
                }
            });
            let days = d.number(DAYS[i], |r| Decimal::from(r.int(4, 95)));
            let days = i64::try_from(days).unwrap_or(0);
            if nominal <= Decimal::ZERO || days < 1 {
                return Err(Degenerate("effet sans montant ou déjà échu".into()));
            }
            bills.push((nominal, days));
        }
        let rate = d.number("taux", |r| r.decimal_step(dec!(4), dec!(11), dec!(0.1)));
        let bank_days = d.number("jours_banque", |r| Decimal::from(*r.pick(&BANK_DAYS)));
        let min_days = d.number("jours_minimum", |r| Decimal::from(*r.pick(&MIN_DAYS)));
        let min_discount = d.number("minimum_escompte", |r| *r.pick(&MIN_DISCOUNT));
        let commission = d.number("commission", |r| {
            r.decimal_step(dec!(1), dec!(6), dec!(0.1))
        });
        let vat_rate = d.number("taux_tva", |_| dec!(20));
        let year: i64 = if d.choice("annee") == "365" { 365 } else { 360 };
        let terms = Terms {
            rate,
            year,
            bank_days: i64::try_from(bank_days).unwrap_or(0),
            min_days: i64::try_from(min_days).unwrap_or(0),
            min_discount,
            commission,
            vat_rate,
        };
        let computed = slip(&bills, &terms);
        // The bill detailed in the first questions: preferably one where a minimum or
        // the jours de banque change the result.
        let special: Vec<i64> = computed
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                l.discount != l.raw_discount || l.days != l.real_days + terms.bank_days
            })
            .map(|(i, _)| i as i64 + 1)
            .collect();
        let k = d.number("effet_demande", |r| {
            if !special.is_empty() && r.chance(1, 2) {
                Decimal::from(*r.pick(&special))
            } else {
                Decimal::from(r.int(1, nb as i64))
            }
        });
        let k = usize::try_from(k).unwrap_or(0);
        if k < 1 || k > nb {
            return Err(Degenerate(
                "l'effet demandé doit être l'un des effets du bordereau".into(),
            ));
        }
        if computed.net_value <= Decimal::ZERO {
            return Err(Degenerate("agios supérieurs aux nominaux".into()));
        }
        let real = real_rate(computed.agios_ht, &bills, year)
            .ok_or_else(|| Degenerate("durée nulle".into()))?;
        let pros: Vec<usize> = world()
            .client
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_private_firm())
            .map(|(i, _)| i)
            .collect();
        let drawees: Vec<String> = d
            .rng()
            .distinct(pros.len(), nb)
            .into_iter()
            .map(|j| {
                let c = &world().client[pros[j]];
                format!("{} ({})", c.nom, c.ville)
            })
            .collect();
        if drawees.len() < nb {
            return Err(Degenerate("pas assez de clients professionnels".into()));
        }
        let ctx = Ctx {
            scene,
            remit,
            bills,
            terms,
            slip: computed,
            real,
            k,
            drawees,
        };
        Ok(ctx.content())
    }
}

struct Ctx {
    scene: Scene,
    remit: Date,
    bills: Vec<(Decimal, i64)>,
    terms: Terms,
    slip: Slip,
    /// Taux réel, in percent, not rounded.
    real: Decimal,
    /// The detailed bill, from 1.
    k: usize,
    drawees: Vec<String>,
}

impl Ctx {
    fn nb(&self) -> usize {
        self.bills.len()
    }

    fn due(&self, i: usize) -> Date {
        self.remit.add_days(self.bills[i].1)
    }

    /// The divisor of V × t × n in the formulas: year × 100.
    fn divisor(&self) -> i64 {
        self.terms.year * 100
    }

    fn other_year(&self) -> (i64, &'static str, &'static str) {
        if self.terms.year == 360 {
            (
                365,
                "annee-civile-365",
                "Vous avez divisé par 365 : l'escompte bancaire se calcule sur l'année commerciale de 360 jours (E = V × t × n / 360).",
            )
        } else {
            (
                360,
                "annee-commerciale-360",
                "Vous avez divisé par 360 : l'énoncé retient l'année civile de 365 jours (E = V × t × n / 365).",
            )
        }
    }

    /// Σ of the escomptes with other rules (for the mistakes), each rounded to the cent.
    fn total_with(&self, days: impl Fn(i64) -> i64, year: i64, minimum: bool) -> Decimal {
        self.bills
            .iter()
            .map(|&(v, n)| {
                let e = discount(v, self.terms.rate, days(n), year);
                if minimum {
                    e.max(self.terms.min_discount)
                } else {
                    e
                }
            })
            .sum()
    }

    fn days_rule(&self) -> String {
        let t = &self.terms;
        let mut s = String::from(
            "le nombre de jours de chaque effet se compte du jour de la remise (exclu) au jour de l'échéance (inclus)",
        );
        if t.bank_days > 0 {
            s += &format!(
                ", augmenté de {} jour{} de banque",
                t.bank_days,
                if t.bank_days > 1 { "s" } else { "" }
            );
        }
        if t.min_days > 0 {
            s += &format!(", avec un minimum de {} jours par effet", t.min_days);
        }
        s
    }

    fn statement(&self) -> String {
        let s = &self.scene;
        let t = &self.terms;
        let intro = format!(
            "Le {}, {} remet à l'escompte auprès de sa banque {} effets de commerce (lettres de change acceptées par ses clients) \
             afin d'obtenir leur montant avant l'échéance. Vous assistez {} {}, {} du suivi des règlements clients, \
             qui doit contrôler le bordereau d'escompte envoyé par la banque.",
            self.remit.french(),
            s.seller(),
            self.nb(),
            s.contact.prenom,
            s.contact.nom,
            s.contact.genre.agree("chargé", "chargée")
        );
        let mut bills =
            String::from("| Effet | Tiré | Valeur nominale | Échéance |\n|---:|---|---:|---|\n");
        for i in 0..self.nb() {
            bills += &format!(
                "| n° {} | {} | {} | {} |\n",
                i + 1,
                self.drawees[i],
                euros(self.bills[i].0),
                self.due(i).french()
            );
        }
        let mut cond = String::from("| Condition de la banque | Valeur |\n|---|---|\n");
        cond += &format!(
            "| Date de remise à l'escompte | {} |\n",
            self.remit.french()
        );
        cond += &format!("| Taux d'escompte annuel | {} |\n", percent(t.rate));
        if t.bank_days > 0 {
            cond += &format!("| Jours de banque | {} par effet |\n", t.bank_days);
        }
        if t.min_days > 0 {
            cond += &format!(
                "| Nombre minimum de jours | {} jours par effet |\n",
                t.min_days
            );
        }
        if t.min_discount > Decimal::ZERO {
            cond += &format!(
                "| Minimum d'escompte | {} par effet |\n",
                euros(t.min_discount)
            );
        }
        cond += &format!(
            "| Commission de service (HT) | {} par effet |\n",
            euros(t.commission)
        );
        cond += &format!(
            "| TVA | {} sur les commissions uniquement |\n",
            percent(t.vat_rate)
        );
        let minimum = if t.min_discount > Decimal::ZERO {
            format!(
                " ; s'il est inférieur au minimum de {}, la banque perçoit ce minimum",
                euros(t.min_discount)
            )
        } else {
            String::new()
        };
        let conventions = format!(
            "**Conventions.** Sur l'année {} de {} jours, {}. L'escompte de chaque effet vaut E = V × t × n / {}, \
             arrondi au centime le plus proche{minimum}. La TVA ne s'applique qu'aux commissions : l'escompte, qui est un intérêt, \
             en est exonéré. Le taux réel d'escompte est le taux annuel qui, appliqué aux valeurs nominales sur leur durée réelle \
             (sans jours de banque ni minimum), donnerait les agios hors taxes : taux réel = agios HT × {} ÷ Σ(V × jours réels), \
             arrondi à 0,01\u{a0}% (la TVA sur les commissions est récupérable, elle n'est pas un coût).",
            if t.year == 360 { "commerciale" } else { "civile" },
            t.year,
            self.days_rule(),
            t.year,
            t.year
        );
        format!("{intro}\n\n{bills}\n{cond}\n{conventions}")
    }

    fn content(&self) -> Content {
        Content {
            statement: self.statement(),
            questions: vec![
                self.q_days(),
                self.q_discount(),
                self.q_total_discount(),
                self.q_commissions(),
                self.q_vat(),
                self.q_agios(),
                self.q_net(),
                self.q_real_rate(),
            ],
            solution_intro: "*Règle d'arrondi : l'escompte de chaque effet et la TVA sont arrondis au centime le plus proche \
                             (0,005\u{a0}€ et plus arrondi au centime supérieur) ; le taux réel est arrondi à 0,01\u{a0}%.*"
                .to_string(),
            solution_outro: self.outro(),
        }
    }

    // ----- Questions ----------------------------------------------------------------

    fn q_days(&self) -> Question {
        let k = self.k;
        let t = &self.terms;
        let line = self.slip.lines[k - 1];
        let real = line.real_days;
        let due = self.due(k - 1);
        let mut q = Question::new(
            "jours_effet",
            "nombre de jours retenu",
            format!("Calculez le nombre de jours retenu par la banque pour l'effet n° {k}."),
            Decimal::from(line.days),
            Unit::Days,
        )
        .formula(format!(
            "max(jours_{k} + jours_banque, jours_minimum)"
        ))
        .mistake(
            Decimal::from(charged_days(real + 1, t.bank_days, t.min_days)),
            "jours-extremes-comptes",
            "Vous avez compté à la fois le jour de la remise et le jour de l'échéance : on exclut le premier jour et on inclut le dernier.",
        );
        if t.bank_days > 0 {
            q = q.mistake(
                Decimal::from(charged_days(real, 0, t.min_days)),
                "jours-de-banque-oublies",
                "Vous avez oublié les jours de banque : la banque les ajoute à la durée réelle de chaque effet.",
            );
        }
        if t.min_days > 0 {
            q = q.mistake(
                Decimal::from(real + t.bank_days),
                "minimum-ignore",
                format!(
                    "Vous n'avez pas appliqué le minimum de {} jours : quand la durée (jours de banque compris) est plus courte, la banque retient ce minimum.",
                    t.min_days
                ),
            );
        }
        let mut step = format!(
            "Du {} au {}, premier jour exclu et dernier jour inclus : {} = {real} jours réels",
            self.remit.french(),
            due.french(),
            day_count_detail(self.remit, due)
        );
        if t.bank_days > 0 {
            step += &format!(
                ", plus {} jour{} de banque = {} jours",
                t.bank_days,
                if t.bank_days > 1 { "s" } else { "" },
                real + t.bank_days
            );
        }
        if t.min_days > 0 {
            if real + t.bank_days < t.min_days {
                step += &format!(
                    " ; c'est moins que le minimum de {} jours, qui s'applique",
                    t.min_days
                );
            } else {
                step += &format!(" ; le minimum de {} jours est dépassé", t.min_days);
            }
        }
        step += &format!(". Nombre de jours retenu : **{} jours**.", line.days);
        q.step(step)
    }

    fn q_discount(&self) -> Question {
        let k = self.k;
        let t = &self.terms;
        let line = self.slip.lines[k - 1];
        let (v, n) = (line.nominal, line.days);
        let (other, note, msg) = self.other_year();
        let with_min = |e: Decimal| e.max(t.min_discount);
        let mut q = Question::new(
            "escompte_effet",
            "escompte de l'effet",
            format!("Calculez l'escompte de l'effet n° {k}."),
            line.discount,
            Unit::Euros,
        )
        .formula(format!(
            "max(minimum_escompte, arrondi2(nominal_{k} * taux * jours_effet / {}))",
            self.divisor()
        ))
        .mistake(with_min(discount(v, t.rate, n, other)), note, msg)
        .mistake(
            with_min(discount(
                v,
                t.rate,
                charged_days(line.real_days + 1, t.bank_days, t.min_days),
                t.year,
            )),
            "jours-extremes-comptes",
            "Votre calcul porte sur un jour de trop : le jour de la remise ne se compte pas (premier jour exclu, dernier inclus).",
        );
        if t.bank_days > 0 {
            q = q.mistake(
                with_min(discount(
                    v,
                    t.rate,
                    charged_days(line.real_days, 0, t.min_days),
                    t.year,
                )),
                "jours-de-banque-oublies",
                "Vous avez oublié les jours de banque : ils s'ajoutent à la durée réelle de l'effet avant le calcul de l'escompte.",
            );
        }
        if line.discount != line.raw_discount {
            q = q.mistake(
                line.raw_discount,
                "minimum-ignore",
                format!(
                    "Le calcul donne moins que le minimum d'escompte de {} : la banque perçoit ce minimum.",
                    euros(t.min_discount)
                ),
            );
        }
        let y = t.year;
        let mut step = format!(
            "E = V × t × n / {y} = {} × {} × {n} / {y} = {}",
            euros(v),
            percent(t.rate),
            euros(line.raw_discount)
        );
        if line.discount != line.raw_discount {
            step += &format!(
                ", inférieur au minimum de {} : la banque retient **{}**.",
                euros(t.min_discount),
                euros(line.discount)
            );
        } else if t.min_discount > Decimal::ZERO {
            step = format!(
                "{step} (au-dessus du minimum de {}) ; escompte = **{}**.",
                euros(t.min_discount),
                euros(line.discount)
            );
        } else {
            step = format!(
                "E = V × t × n / {y} = {} × {} × {n} / {y} = **{}** (arrondi au centime).",
                euros(v),
                percent(t.rate),
                euros(line.discount)
            );
        }
        q.step(step)
    }

    fn q_total_discount(&self) -> Question {
        let k = self.k;
        let t = &self.terms;
        let d = self.divisor();
        let mut formula = String::from("escompte_effet");
        for i in 1..=self.nb() {
            if i != k {
                formula += &format!(
                    " + max(minimum_escompte, arrondi2(nominal_{i} * taux * max(jours_{i} + jours_banque, jours_minimum) / {d}))"
                );
            }
        }
        let (other, note, msg) = self.other_year();
        let charged = |n: i64| charged_days(n, t.bank_days, t.min_days);
        let mut q = Question::new(
            "total_escompte",
            "total de l'escompte",
            "Complétez le bordereau : calculez l'escompte de chacun des effets, puis le total de l'escompte.",
            self.slip.total_discount,
            Unit::Euros,
        )
        .formula(formula)
        .mistake(
            self.total_with(charged, other, true),
            note,
            format!("{msg} Toutes les lignes du bordereau sont concernées."),
        );
        if t.min_discount > Decimal::ZERO {
            q = q.mistake(
                self.total_with(charged, t.year, false),
                "minimum-ignore",
                format!(
                    "Au moins un effet donne un escompte inférieur au minimum de {} : pour cet effet, la banque perçoit le minimum.",
                    euros(t.min_discount)
                ),
            );
        }
        if t.bank_days > 0 {
            q = q.mistake(
                self.total_with(|n| charged_days(n, 0, t.min_days), t.year, true),
                "jours-de-banque-oublies",
                "Vous avez oublié les jours de banque : ils s'ajoutent à la durée réelle de chaque effet.",
            );
        }
        if t.min_days > 0 {
            q = q.mistake(
                self.total_with(|n| n + t.bank_days, t.year, true),
                "minimum-ignore",
                format!(
                    "Un effet au moins est plus court que le minimum de {} jours : la banque calcule alors son escompte sur ce minimum.",
                    t.min_days
                ),
            );
        }
        let lines: Vec<String> = self.slip.lines.iter().map(|l| euros(l.discount)).collect();
        q.step(format!(
            "Chaque effet se calcule comme l'effet n° {k} (voir le bordereau complet ci-dessous) : \
             total de l'escompte = {} = **{}**.",
            lines.join(" + "),
            euros(self.slip.total_discount)
        ))
    }

    fn q_commissions(&self) -> Question {
        let t = &self.terms;
        let nb = self.nb();
        Question::new(
            "total_commissions",
            "total des commissions",
            "Calculez le total des commissions hors taxes.",
            self.slip.total_commissions,
            Unit::Euros,
        )
        .formula("nb_effets * commission")
        .mistake(
            t.commission,
            "commission-comptee-une-fois",
            "La commission de service est perçue pour chaque effet : multipliez-la par le nombre d'effets du bordereau.",
        )
        .step(format!(
            "Commission par effet × nombre d'effets = {} × {nb} = **{}** HT.",
            euros(t.commission),
            euros(self.slip.total_commissions)
        ))
    }

    fn q_vat(&self) -> Question {
        let s = &self.slip;
        let t = &self.terms;
        Question::new(
            "tva",
            "TVA sur les commissions",
            "Calculez la TVA facturée par la banque.",
            s.vat,
            Unit::Euros,
        )
        .formula("arrondi2(total_commissions * taux_tva / 100)")
        .mistake(
            round_cents(s.agios_ht * t.vat_rate / dec!(100)),
            "tva-sur-escompte",
            "Vous avez appliqué la TVA à l'ensemble des agios : l'escompte est un intérêt exonéré de TVA, seules les commissions y sont soumises.",
        )
        .step(format!(
            "La TVA ne porte que sur les commissions (l'escompte en est exonéré) : {} × {} = **{}** (arrondi au centime).",
            euros(s.total_commissions),
            percent(t.vat_rate),
            euros(s.vat)
        ))
    }

    fn q_agios(&self) -> Question {
        let s = &self.slip;
        let t = &self.terms;
        Question::new(
            "agios_ttc",
            "agios TTC",
            "Calculez le montant des agios TTC.",
            s.agios_ttc,
            Unit::Euros,
        )
        .formula("total_escompte + total_commissions + tva")
        .mistake(
            s.agios_ht,
            "tva-oubliee",
            "Vous avez donné les agios hors taxes : les agios TTC comprennent aussi la TVA sur les commissions.",
        )
        .mistake(
            s.agios_ht + round_cents(s.agios_ht * t.vat_rate / dec!(100)),
            "tva-sur-escompte",
            "Vous avez calculé la TVA sur l'ensemble des agios : seules les commissions y sont soumises, pas l'escompte.",
        )
        .step(format!(
            "Agios HT = escompte + commissions = {} + {} = {} ; agios TTC = agios HT + TVA = {} + {} = **{}**.",
            euros(s.total_discount),
            euros(s.total_commissions),
            euros(s.agios_ht),
            euros(s.agios_ht),
            euros(s.vat),
            euros(s.agios_ttc)
        ))
    }

    fn sum_of_nominals(&self) -> String {
        (1..=self.nb())
            .map(|i| format!("nominal_{i}"))
            .collect::<Vec<_>>()
            .join(" + ")
    }

    fn q_net(&self) -> Question {
        let s = &self.slip;
        let t = &self.terms;
        let nominals: Vec<String> = self.bills.iter().map(|b| euros(b.0)).collect();
        Question::new(
            "valeur_nette",
            "valeur nette",
            "Calculez la valeur nette portée au crédit du compte de l'entreprise.",
            s.net_value,
            Unit::Euros,
        )
        .formula(format!("{} - agios_ttc", self.sum_of_nominals()))
        .mistake(
            s.total_nominal - s.agios_ht,
            "tva-oubliee",
            "Vous avez retranché les agios hors taxes : la banque débite les agios TTC, TVA sur les commissions comprise.",
        )
        .mistake(
            s.total_nominal - s.total_discount,
            "commissions-oubliees",
            "Vous n'avez retranché que l'escompte : la valeur nette = total des nominaux − agios TTC (escompte, commissions et TVA).",
        )
        .mistake(
            s.total_nominal - s.agios_ht - round_cents(s.agios_ht * t.vat_rate / dec!(100)),
            "tva-sur-escompte",
            "Vos agios comprennent une TVA calculée sur l'escompte : seules les commissions sont soumises à la TVA.",
        )
        .step(format!(
            "Total des valeurs nominales = {} = {} ; valeur nette = total des nominaux − agios TTC = {} − {} = **{}**.",
            nominals.join(" + "),
            euros(s.total_nominal),
            euros(s.total_nominal),
            euros(s.agios_ttc),
            euros(s.net_value)
        ))
    }

    fn q_real_rate(&self) -> Question {
        let s = &self.slip;
        let t = &self.terms;
        let y = t.year;
        let shown = round_half_away(self.real, 2);
        let weighted_expr: Vec<String> = (1..=self.nb())
            .map(|i| format!("nominal_{i} * jours_{i}"))
            .collect();
        let weighted: Decimal = self.bills.iter().map(|&(v, n)| v * Decimal::from(n)).sum();
        let charged: Decimal = s
            .lines
            .iter()
            .map(|l| l.nominal * Decimal::from(l.days))
            .sum();
        let products: Vec<String> = self
            .bills
            .iter()
            .map(|&(v, n)| format!("{} × {n}", euros(v)))
            .collect();
        let mut q = Question::new(
            "taux_reel",
            "taux réel d'escompte",
            "Calculez le taux réel d'escompte de l'opération (arrondi à 0,01\u{a0}%).",
            shown,
            Unit::Percent,
        )
        .formula(format!(
            "arrondi((total_escompte + total_commissions) * {} / ({}), 2)",
            self.divisor(),
            weighted_expr.join(" + ")
        ))
        .mistake(
            round_half_away(s.agios_ttc * Decimal::from(y * 100) / weighted, 2),
            "agios-ttc-au-lieu-de-ht",
            "Vous avez pris les agios TTC : la TVA sur les commissions est récupérable par l'entreprise, le taux réel se calcule sur les agios HT.",
        );
        if !charged.is_zero() && charged != weighted {
            q = q.mistake(
                round_half_away(s.agios_ht * Decimal::from(y * 100) / charged, 2),
                "jours-retenus-au-lieu-de-reels",
                "Vous avez utilisé les jours retenus par la banque : le taux réel rapporte les agios à la durée réelle des effets, \
                 c'est justement ce qui fait apparaître le coût des jours de banque et des minimums.",
            );
        }
        q.step(format!(
            "Agios HT = {} ; Σ(V × jours réels) = {} = {} ; taux réel = {} × {y} ÷ {} = {} soit **{}** \
             (pour un taux affiché de {}).",
            euros(s.agios_ht),
            products.join(" + "),
            number(weighted, 2),
            euros(s.agios_ht),
            number(weighted, 2),
            number(self.real / dec!(100), 6),
            percent(shown),
            percent(t.rate)
        ))
    }

    // ----- Solution: the bordereau ----------------------------------------------------

    fn outro(&self) -> String {
        let s = &self.slip;
        let mut b = String::from(
            "**Bordereau d'escompte.**\n\n\
             | Effet | Valeur nominale | Échéance | Jours réels | Jours retenus | Escompte | Commission HT |\n\
             |---:|---:|---|---:|---:|---:|---:|\n",
        );
        for (i, l) in s.lines.iter().enumerate() {
            let minimum = if l.discount != l.raw_discount {
                " (minimum)"
            } else {
                ""
            };
            b += &format!(
                "| n° {} | {} | {} | {} | {} | {}{minimum} | {} |\n",
                i + 1,
                euros(l.nominal),
                self.due(i).french(),
                l.real_days,
                l.days,
                euros(l.discount),
                euros(l.commission)
            );
        }
        b += &format!(
            "| **Total** | **{}** | | | | **{}** | **{}** |\n",
            euros(s.total_nominal),
            euros(s.total_discount),
            euros(s.total_commissions)
        );
        b += &format!(
            "\n| Récapitulatif | Montant |\n|---|---:|\n\
             | Total des valeurs nominales | {} |\n\
             | Escompte | {} |\n\
             | Commissions HT | {} |\n\
             | Agios HT | {} |\n\
             | TVA sur les commissions ({}) | {} |\n\
             | Agios TTC | {} |\n\
             | **Valeur nette** | **{}** |\n",
            euros(s.total_nominal),
            euros(s.total_discount),
            euros(s.total_commissions),
            euros(s.agios_ht),
            percent(self.terms.vat_rate),
            euros(s.vat),
            euros(s.agios_ttc),
            euros(s.net_value)
        );
        let t = &self.terms;
        let mut costs = vec!["les commissions fixes"];
        if t.bank_days > 0 {
            costs.push("les jours de banque");
        }
        if t.min_days > 0 || t.min_discount > Decimal::ZERO {
            costs.push("les minimums");
        }
        let costs = match costs.len() {
            1 => costs[0].to_string(),
            n => format!("{} et {}", costs[..n - 1].join(", "), costs[n - 1]),
        };
        format!(
            "{b}\n*À retenir :* l'escompte procure immédiatement {} de trésorerie, mais l'opération coûte en réalité {} par an \
             et non {} : {costs} pèsent d'autant plus que les effets sont petits et proches de l'échéance.",
            euros(s.net_value),
            percent(round_half_away(self.real, 2)),
            percent(t.rate),
        )
    }
}

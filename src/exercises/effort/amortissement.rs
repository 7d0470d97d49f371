//! `effort/amortissement`: the depreciation of a commercial investment (S531 point 5),
//! linear with prorata temporis in days (360-day year, from the date of mise en service)
//! or declining balance (coefficient 1,25 / 1,75 / 2,25 by useful life, prorata in
//! months from the first day of the acquisition month, switch to linear), and its place
//! in the yearly cost of the investment for the sales department.
//!
//! The questions ask for selected cells of the table, never the whole table; the worked
//! solution shows it. Annuities are rounded to the cent and the last one is the
//! remaining net book value, so the table ends at 0,00 €.

use crate::calc::dates::Date;
use crate::calc::depreciation::{
    declining_coefficient, declining_rate, declining_table, linear_table, prorata_days,
    prorata_months, switch_year, Row,
};
use crate::exercises::context::Scene;
use crate::exercises::equipment;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::INTERMEDIATE_ROUNDING;
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Amortissement;

const VARIANTS: &[(&str, &str)] = &[
    (
        "lineaire",
        "amortissement linéaire avec prorata temporis en jours",
    ),
    (
        "degressif",
        "amortissement dégressif avec prorata en mois et passage au linéaire",
    ),
];

/// A rate in percent with up to three decimals ("29,167 %").
fn rate3(x: Decimal) -> String {
    format!("{}\u{a0}%", number(x, 3))
}

impl Exercise for Amortissement {
    fn id(&self) -> &'static str {
        "effort/amortissement"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::variant("variante", "mode d'amortissement", VARIANTS),
            ParamSpec::decimal(
                "cout",
                "coût d'acquisition HT du bien (base amortissable)",
                "100",
                "100000000",
                Unit::Euros,
            ),
            ParamSpec::integer("duree", "durée d'utilisation, en années", 3, 10),
            ParamSpec::integer("jour", "jour de la mise en service", 1, 30),
            ParamSpec::integer(
                "mois",
                "mois de l'acquisition et de la mise en service",
                1,
                12,
            ),
            ParamSpec::integer("annee", "année de l'acquisition", 2000, 2100),
            ParamSpec::integer(
                "annee_vnc",
                "année du plan (2 à la durée) dont on demande la VNC (variante linéaire)",
                2,
                10,
            ),
            ParamSpec::decimal(
                "frais",
                "frais annuels liés au bien (assurance, entretien…)",
                "0",
                "10000000",
                Unit::Euros,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        // An asset of this company's sales function, at its scale.
        let pool: Vec<_> = equipment::fitting(scene.business, false)
            .into_iter()
            .filter(|e| e.commercial)
            .collect();
        let asset = *d.rng().pick(&pool);
        let (price_lo, price_hi) = asset.price_range(scene.business);
        let declining = d.choice("variante") == "degressif";
        let base = d.number("cout", |r| r.decimal_step(price_lo, price_hi, dec!(10)));
        let life = d.number("duree", |r| Decimal::from(*r.pick(&asset.durees)));
        let life = u32::try_from(life).unwrap_or(5);
        let month = d.integer("mois") as u32;
        let day = d.number("jour", |r| Decimal::from(r.int(1, 28)));
        let day = u32::try_from(day).unwrap_or(1);
        let year = d.number("annee", |_| Decimal::from(scene.date.year));
        let year = i32::try_from(year).unwrap_or(2026);
        let fees = d.number("frais", |r| {
            r.decimal_step(asset.frais_min, asset.frais_max, dec!(10))
        });
        let start = Date::new(year, month, day)
            .ok_or_else(|| Degenerate("date de mise en service invalide".into()))?;
        if base <= Decimal::ZERO {
            return Err(Degenerate("coût nul".into()));
        }
        let ctx = Ctx {
            scene,
            asset_name: asset.nom.clone(),
            fees_name: asset.frais.clone(),
            base,
            life,
            start,
            fees,
        };
        if declining {
            let rate = declining_rate(life);
            // With a linear rate exactly equal to the declining one, the switch year would
            // depend on "higher" or "at least as high": such a life is not asked.
            if (1..=life).any(|r| Decimal::ONE_HUNDRED / Decimal::from(r) == rate) {
                return Err(Degenerate(
                    "taux linéaire égal au taux dégressif : année de bascule ambiguë".into(),
                ));
            }
            Ok(ctx.declining())
        } else {
            // Not the last full year: its VNC is the complement asked separately.
            let t = d.number("annee_vnc", |r| {
                Decimal::from(r.int(2, i64::from(life.max(3)) - 1))
            });
            let t = u32::try_from(t).unwrap_or(2);
            if t > life {
                return Err(Degenerate(
                    "année de VNC demandée au-delà de la durée".into(),
                ));
            }
            Ok(ctx.linear(t))
        }
    }
}

struct Ctx {
    scene: Scene,
    asset_name: String,
    fees_name: String,
    base: Decimal,
    life: u32,
    start: Date,
    fees: Decimal,
}

impl Ctx {
    fn n(&self) -> Decimal {
        Decimal::from(self.life)
    }

    fn cost_question(&self, annuity2: Decimal, formula: &str) -> Question {
        let cost = annuity2 + self.fees;
        Question::new(
            "cout_annuel",
            "coût annuel du bien en deuxième année",
            format!(
                "Quel est le coût du bien pour le service commercial en {} (dotation aux amortissements et frais annuels) ?",
                self.start.year + 1
            ),
            cost,
            Unit::Euros,
        )
        .formula(formula.to_string())
        .mistake(
            self.base + self.fees,
            "prix-achat-au-lieu-amortissement",
            "Le prix d'achat ne pèse pas sur une seule année : seule la dotation aux amortissements de l'année entre dans le coût annuel.",
        )
        .mistake(
            self.fees,
            "amortissement-oublie",
            "L'usure du bien est un coût : ajoutez la dotation aux amortissements de l'année aux frais annuels.",
        )
        .step(format!(
            "Coût annuel = dotation de {} + {} = {} + {} = **{}**. C'est ce montant, et non le prix d'achat, qui entre dans le coût de l'action ou du service commercial.",
            self.start.year + 1,
            self.fees_name,
            euros(annuity2),
            euros(self.fees),
            euros(cost)
        ))
    }

    fn table(&self, rows: &[Row], declining: bool) -> String {
        let head = if declining {
            "| Année | Base (VNC de début) | Annuité | Cumul | VNC de fin |\n|---|---:|---:|---:|---:|\n"
        } else {
            "| Année | Base | Annuité | Cumul | VNC de fin |\n|---|---:|---:|---:|---:|\n"
        };
        let mut s = head.to_string();
        for r in rows {
            let base = if declining { r.start } else { self.base };
            let mark = if declining && r.linear {
                " (linéaire)"
            } else {
                ""
            };
            s += &format!(
                "| {}{mark} | {} | {} | {} | {} |\n",
                self.start.year + r.year as i32 - 1,
                euros(base),
                euros(r.annuity),
                euros(r.cumulated),
                euros(r.end)
            );
        }
        s
    }

    fn statement(&self, mode: &str) -> String {
        let s = &self.scene;
        format!(
            "Pour son service commercial, {} a acquis {} pour {} HT ; la mise en service a eu lieu le {}. \
             {} {}, du service comptable, vous demande d'en établir le plan d'amortissement et d'en mesurer le coût annuel.\n\n\
             | Élément | Donnée |\n|---|---|\n\
             | Coût d'acquisition HT (base amortissable) | {} |\n\
             | Date d'acquisition et de mise en service | {} |\n\
             | Durée d'utilisation | {} ans |\n\
             | Mode d'amortissement | {mode} |\n\
             | Frais annuels ({}) | {} |\n\n",
            s.seller(),
            self.asset_name,
            euros(self.base),
            self.start.french(),
            s.contact.prenom,
            s.contact.nom,
            euros(self.base),
            self.start.french(),
            self.life,
            self.fees_name,
            euros(self.fees),
        )
    }

    fn linear(&self, t: u32) -> Content {
        let n = self.n();
        let days = prorata_days(self.start.month, self.start.day);
        let rows = linear_table(self.base, self.life, days);
        let full = round_cents(self.base / n);
        let first = rows[0].annuity;
        let last = rows.last().map_or(Decimal::ZERO, |r| r.annuity);
        let rate = round_half_away(Decimal::ONE_HUNDRED / n, 2);
        let months_days = 30 * prorata_months(self.start.month);
        let vnc_t = rows[t as usize - 1].end;
        let mut qs = vec![
            Question::new(
                "taux_lineaire",
                "taux d'amortissement linéaire",
                "Calculez le taux d'amortissement linéaire (arrondi à 0,01\u{a0}%).",
                rate,
                Unit::Percent,
            )
            .formula("arrondi2(100 / duree)")
            .mistake(
                round_half_away(declining_rate(self.life), 2),
                "taux-degressif",
                "Le coefficient fiscal ne concerne que l'amortissement dégressif : le taux linéaire est 100 / durée.",
            )
            .step(format!(
                "Taux linéaire = 100 / durée = 100 / {} {}\u{a0}%, soit **{}**.",
                self.life,
                if Decimal::ONE_HUNDRED / n == rate {
                    format!("= {}", number(rate, 2))
                } else {
                    format!("≈\u{a0}{}", number(Decimal::ONE_HUNDRED / n, 4))
                },
                percent(rate)
            )),
            Question::new(
                "jours_prorata",
                "durée d'utilisation la première année",
                "Combien de jours d'utilisation compte la première année (année de 360 jours, jour de mise en service compris) ?",
                Decimal::from(days),
                Unit::Days,
            )
            .formula("(30 - jour + 1) + 30 * (12 - mois)")
            .mistake(
                Decimal::from(months_days),
                "mois-entiers",
                "En linéaire, le prorata court à partir du jour de la mise en service, pas du premier jour du mois (c'est la règle du dégressif).",
            )
            .mistake(
                Decimal::from(days - 1),
                "jour-mise-en-service-exclu",
                "Le jour de la mise en service compte : il est inclus dans la durée d'utilisation.",
            )
            .step(format!(
                "Du {} au 30 {} : 30 − {} + 1 = {} jours, plus {} mois entiers de 30 jours : {} + {} = **{} jours**.",
                self.start.french(),
                month_name(self.start.month),
                self.start.day.min(30),
                31 - self.start.day.min(30),
                12 - self.start.month,
                31 - self.start.day.min(30),
                30 * (12 - self.start.month),
                days
            )),
            Question::new(
                "annuite_1",
                "annuité de la première année",
                format!("Calculez la dotation aux amortissements de {}.", self.start.year),
                first,
                Unit::Euros,
            )
            .formula("arrondi2(cout / duree * jours_prorata / 360)")
            .mistake(
                full,
                "prorata-oublie",
                "Le bien n'a servi qu'une partie de la première année : appliquez le prorata temporis (jours d'utilisation / 360).",
            )
            .mistake(
                round_cents(self.base / n * Decimal::from(prorata_months(self.start.month)) / dec!(12)),
                "prorata-en-mois",
                "En linéaire, le prorata se compte en jours depuis la date de mise en service, pas en mois entiers.",
            )
            .mistake(
                round_cents(self.base / n * Decimal::from(days) / dec!(365)),
                "annee-365",
                "Le prorata temporis se calcule sur une année de 360 jours (mois de 30 jours).",
            )
            .step(format!(
                "Annuité 1 = base / durée × jours / 360 = {} / {} × {days} / 360 = **{}** (arrondi au centime).",
                euros(self.base),
                self.life,
                euros(first)
            )),
            Question::new(
                "annuite_pleine",
                "annuité d'une année pleine",
                "Calculez l'annuité d'une année complète.",
                full,
                Unit::Euros,
            )
            .formula("arrondi2(cout / duree)")
            .accept(
                round_cents(self.base * rate / dec!(100)),
                INTERMEDIATE_ROUNDING,
                "Juste (arrondi intermédiaire) : avec le taux arrondi, l'annuité est approchée ; le calcul exact est base ÷ durée.",
            )
            .mistake(
                first,
                "prorata-reconduit",
                "Le prorata ne concerne que la première (et la dernière) année : une année pleine compte 360 jours.",
            )
            .step(format!(
                "Annuité pleine = base / durée = {} / {} = **{}** (arrondi au centime).",
                euros(self.base),
                self.life,
                euros(full)
            )),
            Question::new(
                "vnc",
                "valeur nette comptable",
                format!(
                    "Quelle est la valeur nette comptable du bien au 31 décembre {} ?",
                    self.start.year + t as i32 - 1
                ),
                vnc_t,
                Unit::Euros,
            )
            .formula(format!("cout - annuite_1 - {} * annuite_pleine", t - 1))
            .mistake(
                self.base - Decimal::from(t) * full,
                "prorata-oublie-dans-le-cumul",
                "La première annuité est réduite par le prorata : cumul = annuité 1 + annuités pleines des années suivantes.",
            )
            .mistake(
                rows[t as usize - 1].start,
                "vnc-de-debut",
                "C'est la VNC au début de l'année : retranchez aussi l'annuité de l'année.",
            )
            .step(format!(
                "VNC = base − cumul des annuités = {} − ({} + {} × {}) = **{}**.",
                euros(self.base),
                euros(first),
                t - 1,
                euros(full),
                euros(vnc_t)
            )),
        ];
        let extra = rows.len() as u32 > self.life;
        let last_year = self.start.year + rows.len() as i32 - 1;
        let mut q_last = Question::new(
            "derniere_annuite",
            "dernière annuité",
            format!("Calculez la dernière annuité du plan ({last_year})."),
            last,
            Unit::Euros,
        );
        q_last = if extra {
            q_last
                .formula("cout - annuite_1 - (duree - 1) * annuite_pleine")
                .mistake(
                    full,
                    "complement-oublie",
                    "Avec un prorata la première année, le plan dure une année de plus : la dernière annuité est le complément, base − annuités déjà passées.",
                )
                .step(format!(
                    "Dernière annuité ({last_year}) = base − annuité 1 − {} annuités pleines = {} − {} − {} × {} = **{}** : elle complète le prorata de la première année et ajuste les arrondis, si bien que la VNC finale vaut 0,00\u{a0}€.",
                    self.life - 1,
                    euros(self.base),
                    euros(first),
                    self.life - 1,
                    euros(full),
                    euros(last)
                ))
        } else {
            q_last
                .formula("cout - (duree - 1) * annuite_pleine")
                .step(format!(
                    "Mise en service le 1er janvier : pas de prorata, le plan compte {} annuités. Dernière annuité = base − {} annuités pleines = {} − {} × {} = **{}** (ajustée pour que la VNC finale vaille 0,00\u{a0}€).",
                    self.life,
                    self.life - 1,
                    euros(self.base),
                    self.life - 1,
                    euros(full),
                    euros(last)
                ))
        };
        qs.push(q_last);
        let annuity2 = rows.get(1).map_or(full, |r| r.annuity);
        let formula = if self.life == 1 {
            "frais"
        } else {
            "annuite_pleine + frais"
        };
        qs.push(self.cost_question(annuity2, formula));
        let statement = self.statement("linéaire")
            + "L'exercice comptable coïncide avec l'année civile (clôture au 31 décembre).\n\n\
             **Conventions.** Prorata temporis en jours, sur une année de 360 jours (mois de 30 jours), à partir du jour de la mise en service inclus. \
             Annuités arrondies au centime ; la dernière annuité est ajustée pour solder la base.";
        Content {
            statement,
            questions: qs,
            solution_intro: "*Annuités arrondies au centime le plus proche ; la dernière annuité est ajustée (complément) pour que la VNC finale soit nulle et que le cumul égale la base.*".to_string(),
            solution_outro: format!(
                "**Plan d'amortissement linéaire.**\n\n{}\n*À retenir :* l'amortissement répartit le coût du bien sur sa durée d'utilisation ; \
                 dans le coût d'une action ou d'un service commercial, c'est la dotation de l'année qui compte, pas le prix d'achat.",
                self.table(&rows, false)
            ),
        }
    }

    fn declining(&self) -> Content {
        let n = self.n();
        let rate = declining_rate(self.life);
        let coef = declining_coefficient(self.life);
        let months = prorata_months(self.start.month);
        let days = prorata_days(self.start.month, self.start.day);
        let rows = declining_table(self.base, self.life, months);
        let tb = switch_year(&rows).unwrap_or(self.life);
        let r = self.life - tb + 1;
        let first = rows[0].annuity;
        let v1 = rows[0].end;
        let vb = rows[tb as usize - 1].start;
        let ab = rows[tb as usize - 1].annuity;
        let last = rows.last().map_or(Decimal::ZERO, |x| x.annuity);
        let other_coef = match self.life {
            0..=4 => dec!(1.75),
            5 | 6 => dec!(2.25),
            _ => dec!(1.75),
        };
        let mut qs = vec![
            Question::new(
                "taux_degressif",
                "taux dégressif",
                "Calculez le taux d'amortissement dégressif (arrondi à 0,001\u{a0}% si nécessaire).",
                rate,
                Unit::Percent,
            )
            .tolerance(dec!(0.001))
            .formula(format!("arrondi(100 / duree * {coef}, 3)"))
            .mistake(
                round_half_away(Decimal::ONE_HUNDRED / n, 3),
                "coefficient-oublie",
                "Le taux dégressif est le taux linéaire multiplié par le coefficient fiscal (1,25 pour 3 ou 4 ans, 1,75 pour 5 ou 6 ans, 2,25 au-delà).",
            )
            .mistake(
                round_half_away(Decimal::ONE_HUNDRED / n * other_coef, 3),
                "mauvais-coefficient",
                "Le coefficient dépend de la durée : 1,25 pour 3 ou 4 ans, 1,75 pour 5 ou 6 ans, 2,25 au-delà de 6 ans.",
            )
            .step(format!(
                "Durée de {} ans : coefficient {}. Taux dégressif = 100 / {} × {} = **{}**.",
                self.life,
                number(coef, 2),
                self.life,
                number(coef, 2),
                rate3(rate)
            )),
            Question::new(
                "annuite_1",
                "annuité de la première année",
                format!("Calculez la dotation aux amortissements de {}.", self.start.year),
                first,
                Unit::Euros,
            )
            .formula("arrondi2(cout * taux_degressif / 100 * (13 - mois) / 12)")
            .mistake(
                round_cents(self.base * rate / dec!(100)),
                "prorata-oublie",
                "La première année ne compte que les mois depuis le premier jour du mois d'acquisition : appliquez le prorata en mois (mois / 12).",
            )
            .mistake(
                round_cents(self.base * rate / dec!(100) * Decimal::from(days) / dec!(360)),
                "prorata-en-jours",
                "En dégressif, le prorata se compte en mois entiers à partir du premier jour du mois d'acquisition, pas en jours.",
            )
            .step(format!(
                "Acquisition en {} : {} mois d'utilisation comptés du 1er {} au 31 décembre. Annuité 1 = base × taux × mois / 12 = {} × {} × {months} / 12 = **{}** (arrondi au centime).",
                month_name(self.start.month),
                months,
                month_name(self.start.month),
                euros(self.base),
                rate3(rate),
                euros(first)
            )),
            Question::new(
                "vnc_fin_1",
                "VNC à la fin de la première année",
                format!("Calculez la valeur nette comptable au 31 décembre {}.", self.start.year),
                v1,
                Unit::Euros,
            )
            .formula("cout - annuite_1")
            .mistake(
                first,
                "cumul-au-lieu-de-vnc",
                "C'est le cumul des amortissements ; la VNC est ce qui reste à amortir : base − cumul.",
            )
            .step(format!(
                "VNC = base − annuité 1 = {} − {} = **{}**.",
                euros(self.base),
                euros(first),
                euros(v1)
            )),
        ];
        let mut switch_step = String::from(
            "On compare chaque année le taux dégressif au taux linéaire calculé sur les années restantes (100 / années restantes, l'année en cours comprise) :\n\n",
        );
        for y in 2..=tb {
            let rem = self.life - y + 1;
            let lin = Decimal::ONE_HUNDRED / Decimal::from(rem);
            switch_step += &format!(
                "- année {y} ({}) : {} années restantes, taux linéaire {} {} {} {}{}\n",
                self.start.year + y as i32 - 1,
                rem,
                if round_half_away(lin, 2) == lin {
                    "="
                } else {
                    "≈"
                },
                percent(lin),
                if lin > rate { ">" } else { "<" },
                rate3(rate),
                if y == tb {
                    " : on passe au linéaire"
                } else {
                    ""
                }
            );
        }
        switch_step += &format!(
            "\nLe plan passe au linéaire en **année {tb}** ({}).",
            self.start.year + tb as i32 - 1
        );
        qs.push(
            Question::new(
                "annee_bascule",
                "année du passage au linéaire",
                format!(
                    "En quelle année du plan (1 à {}) l'amortissement passe-t-il au linéaire ?",
                    self.life
                ),
                Decimal::from(tb),
                Unit::Number,
            )
            .mistake(
                Decimal::from(self.life),
                "pas-de-bascule",
                "Dès que le taux linéaire sur les années restantes dépasse le taux dégressif, on passe au linéaire : comparez-les chaque année.",
            )
            .step(switch_step),
        );
        let v_name = if tb > 2 {
            let mut expr = "vnc_fin_1".to_string();
            for _ in 2..tb {
                expr = format!("tronque2({expr} * (1 - taux_degressif / 100) + 0.0049999999999)");
            }
            let mut lines = String::new();
            for row in &rows[1..tb as usize - 1] {
                lines += &format!(
                    "- {} : {} × {} = {} ; VNC {} − {} = {}\n",
                    self.start.year + row.year as i32 - 1,
                    euros(row.start),
                    rate3(rate),
                    euros(row.annuity),
                    euros(row.start),
                    euros(row.annuity),
                    euros(row.end)
                );
            }
            qs.push(
                Question::new(
                    "vnc_bascule",
                    "VNC au début de l'année de bascule",
                    format!(
                        "Calculez la valeur nette comptable au 1er janvier {}, début de l'année du passage au linéaire.",
                        self.start.year + tb as i32 - 1
                    ),
                    vb,
                    Unit::Euros,
                )
                .formula(expr)
                .mistake(
                    rows[tb as usize - 1].end,
                    "vnc-de-fin",
                    "On demande la VNC au début de l'année de bascule, avant l'annuité de cette année.",
                )
                .step(format!(
                    "Les années dégressives suivantes appliquent le taux à la VNC de début d'année (annuités arrondies au centime) :\n\n{lines}\nVNC au 1er janvier {} : **{}**.",
                    self.start.year + tb as i32 - 1,
                    euros(vb)
                )),
            );
            "vnc_bascule"
        } else {
            "vnc_fin_1"
        };
        qs.push(
            Question::new(
                "annuite_bascule",
                "annuité linéaire après la bascule",
                format!(
                    "Calculez l'annuité de {}, première année linéaire.",
                    self.start.year + tb as i32 - 1
                ),
                ab,
                Unit::Euros,
            )
            .formula(format!("arrondi2({v_name} / {r})"))
            .mistake(
                round_cents(vb * rate / dec!(100)),
                "pas-de-bascule",
                "Cette année, le taux linéaire sur les années restantes dépasse le taux dégressif : l'annuité est VNC / années restantes.",
            )
            .mistake(
                round_cents(vb / n),
                "divise-par-duree-totale",
                "Après la bascule, la VNC se répartit sur les seules années restantes (l'année en cours comprise), pas sur toute la durée.",
            )
            .step(format!(
                "Annuité linéaire = VNC de début / années restantes = {} / {r} = **{}** (arrondi au centime), identique les années suivantes.",
                euros(vb),
                euros(ab)
            )),
        );
        let last_year = self.start.year + self.life as i32 - 1;
        qs.push(
            Question::new(
                "derniere_annuite",
                "dernière annuité",
                format!("Calculez la dernière annuité du plan ({last_year})."),
                last,
                Unit::Euros,
            )
            .formula(format!("{v_name} - {} * annuite_bascule", r - 1))
            .mistake(
                round_cents(rows.last().map_or(Decimal::ZERO, |x| x.start) * rate / dec!(100)),
                "pas-de-bascule",
                "En fin de plan, l'amortissement est linéaire : la dernière annuité solde la VNC restante.",
            )
            .step(format!(
                "Dernière annuité = VNC de début de bascule − {} = {} − {} × {} = **{}** : elle ajuste les arrondis, la VNC finale vaut 0,00\u{a0}€.",
                if r == 2 {
                    "l'annuité linéaire précédente".to_string()
                } else {
                    format!("{} annuités linéaires précédentes", r - 1)
                },
                euros(vb),
                r - 1,
                euros(ab),
                euros(last)
            )),
        );
        let annuity2 = rows[1].annuity;
        let formula = if tb == 2 {
            "annuite_bascule + frais".to_string()
        } else {
            "arrondi2(vnc_fin_1 * taux_degressif / 100) + frais".to_string()
        };
        qs.push(self.cost_question(annuity2, &formula));
        let statement = self.statement("dégressif")
            + "L'exercice comptable coïncide avec l'année civile (clôture au 31 décembre).\n\n\
             **Conventions.** Coefficients fiscaux : 1,25 pour 3 ou 4 ans, 1,75 pour 5 ou 6 ans, 2,25 au-delà ; taux dégressif arrondi à 0,001\u{a0}% si nécessaire. \
             Prorata de la première année en mois, à partir du premier jour du mois d'acquisition. Passage au linéaire dès que le taux linéaire calculé sur les années restantes \
             dépasse le taux dégressif. Annuités arrondies au centime ; la dernière annuité est ajustée pour solder la base.";
        Content {
            statement,
            questions: qs,
            solution_intro: "*Annuités arrondies au centime le plus proche ; la dernière annuité est ajustée pour que la VNC finale soit nulle et que le cumul égale la base.*".to_string(),
            solution_outro: format!(
                "**Plan d'amortissement dégressif.**\n\n{}\n*À retenir :* le dégressif amortit davantage les premières années (biens qui se déprécient vite : véhicules, informatique) ; \
                 le passage au linéaire garantit que le bien est entièrement amorti à la fin de sa durée. Dans le coût d'une action commerciale, seule la dotation de l'année compte.",
                self.table(&rows, true)
            ),
        }
    }
}

fn month_name(m: u32) -> &'static str {
    crate::exercises::context::MONTHS[(m.clamp(1, 12) - 1) as usize]
}

//! `financement/interets-simples`: simple interest on a placement or a customer credit
//! (S512), in days between two dates or in months, and the inverse problems.
//!
//! Variants: the interest and the valeur acquise over days (`interet-jours`) or months
//! (`interet-mois`); back to the rate (`taux`), the duration in days (`duree`) or the
//! capital (`capital`). Convention `annee`: 360-day commercial year (default) or 365.

use super::calendar::{date_specs, day_count_step, draw_date};
use crate::calc::dates::{days_between, Date};
use crate::calc::interest::{
    capital_from_interest, days_from_interest, rate_from_interest, simple_interest,
    simple_interest_months,
};
use crate::exercises::context::Scene;
use crate::exercises::equipment;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use crate::world::rates::MarketRange;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct InteretsSimples;

const VARIANTS: &[(&str, &str)] = &[
    (
        "interet-jours",
        "intérêt et valeur acquise pour une durée en jours entre deux dates",
    ),
    (
        "interet-mois",
        "intérêt et valeur acquise pour une durée en mois",
    ),
    ("taux", "retrouver le taux à partir de l'intérêt"),
    (
        "duree",
        "retrouver la durée en jours à partir de la valeur acquise",
    ),
    ("capital", "retrouver le capital à partir de l'intérêt"),
];
const YEAR: &[(&str, &str)] = &[
    ("360", "année commerciale de 360 jours (usage bancaire)"),
    ("365", "année civile de 365 jours"),
];
const START: [&str; 3] = ["debut_jour", "debut_mois", "debut_annee"];

impl Exercise for InteretsSimples {
    fn id(&self) -> &'static str {
        "financement/interets-simples"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut specs = vec![
            ParamSpec::variant(
                "variante",
                "ce qui est donné et ce qui est demandé",
                VARIANTS,
            ),
            ParamSpec::decimal(
                "capital",
                "capital placé ou prêté",
                "100",
                "10000000",
                Unit::Euros,
            ),
            ParamSpec::decimal("taux", "taux annuel d'intérêt", "0.1", "30", Unit::Percent),
        ];
        specs.extend(date_specs(
            START[0],
            START[1],
            START[2],
            [
                "jour de la date de départ",
                "mois de la date de départ",
                "année de la date de départ",
            ],
        ));
        specs.extend([
            ParamSpec::integer(
                "nb_jours",
                "durée en jours (premier jour exclu, dernier inclus)",
                1,
                1000,
            ),
            ParamSpec::integer("nb_mois", "durée en mois (variante interet-mois)", 1, 60),
            ParamSpec::decimal(
                "interet_donne",
                "intérêt donné (variantes taux et capital)",
                "0.01",
                "10000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "valeur_acquise_donnee",
                "valeur acquise donnée (variante duree)",
                "0.01",
                "20000000",
                Unit::Euros,
            ),
            ParamSpec::convention("annee", "nombre de jours de l'année", YEAR),
        ]);
        specs
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let loan = d.rng().chance(1, 2);
        let variant = d.choice("variante");
        let capital = d.number("capital", |r| {
            r.decimal_step(dec!(1500), dec!(60000), dec!(500))
        });
        let start = draw_date(d, START, scene.date)?;
        // The rate of the start date's market: a customer's cash credit, or a deposit.
        let market = if loan {
            equipment::loan_range(&start, "tresorerie")
        } else {
            equipment::deposit_range(&start, "depot-a-terme")
        };
        let rate = d.number("taux", |r| equipment::draw_rate(r, market, dec!(0.05)));
        let year: i64 = if d.choice("annee") == "365" { 365 } else { 360 };
        if capital <= Decimal::ZERO || rate <= Decimal::ZERO {
            return Err(Degenerate("capital ou taux nul".into()));
        }
        // Unless the teacher fixed a number, the inverse problems are drawn so that the
        // interest rounded to the cent gives back the drawn rate, duration or capital.
        let free = ![
            "capital",
            "taux",
            "nb_jours",
            "interet_donne",
            "valeur_acquise_donnee",
        ]
        .iter()
        .any(|p| d.is_fixed(p));
        let ctx = Ctx {
            scene,
            loan,
            market,
            capital,
            rate,
            start,
            year,
        };
        match variant {
            "interet-mois" => {
                let months = d.number("nb_mois", |r| Decimal::from(r.int(2, 18)));
                let months = i64::try_from(months).unwrap_or(1);
                Ok(ctx.interest_months(months))
            }
            _ => {
                let days = d.number("nb_jours", |r| Decimal::from(r.int(20, 300)));
                let days = i64::try_from(days).unwrap_or(1);
                let exact = simple_interest(capital, rate, days, year);
                match variant {
                    "taux" => {
                        let given = d.number("interet_donne", |_| round_cents(exact));
                        let found =
                            round_half_away(rate_from_interest(capital, given, days, year), 2);
                        if free && found != rate {
                            return Err(Degenerate(
                                "l'arrondi de l'intérêt ne redonne pas le taux".into(),
                            ));
                        }
                        Ok(ctx.find_rate(days, given, found))
                    }
                    "duree" => {
                        let given =
                            d.number("valeur_acquise_donnee", |_| capital + round_cents(exact));
                        if given <= capital {
                            return Err(Degenerate("valeur acquise inférieure au capital".into()));
                        }
                        let found = round_half_away(
                            days_from_interest(capital, rate, given - capital, year),
                            0,
                        );
                        if free && found != Decimal::from(days) {
                            return Err(Degenerate(
                                "l'arrondi de l'intérêt ne redonne pas la durée".into(),
                            ));
                        }
                        Ok(ctx.find_days(given, found))
                    }
                    "capital" => {
                        let given = d.number("interet_donne", |_| round_cents(exact));
                        if free && given != exact {
                            return Err(Degenerate(
                                "l'intérêt arrondi ne redonne pas le capital".into(),
                            ));
                        }
                        Ok(ctx.find_capital(days, given))
                    }
                    _ => Ok(ctx.interest_days(days)),
                }
            }
        }
    }
}

struct Ctx {
    scene: Scene,
    /// A credit granted to a customer (else a placement of a cash surplus).
    loan: bool,
    /// The dated market range the rate was drawn in.
    market: &'static MarketRange,
    capital: Decimal,
    rate: Decimal,
    start: Date,
    year: i64,
}

impl Ctx {
    fn divisor(&self) -> Decimal {
        Decimal::from(self.year) * dec!(100)
    }

    fn intro(&self) -> String {
        let s = &self.scene;
        let who = s.contact.full_name();
        let title = s.contact.genre.agree("chargé", "chargée");
        if self.loan {
            format!(
                "{} accorde à {} un crédit de trésorerie remboursable en une seule fois, capital et intérêts simples à l'échéance. \
                 Selon les derniers chiffres publiés à la date de départ, les nouveaux crédits aux entreprises coûtent en moyenne {}. \
                 Vous assistez {who}, {title} du suivi des comptes clients.",
                crate::text::capitalise(s.seller()),
                s.buyer(),
                equipment::cite(self.market)
            )
        } else {
            format!(
                "{} place un excédent de trésorerie sur un compte à terme rémunéré à intérêts simples, versés avec le capital à l'échéance. \
                 Selon les derniers chiffres publiés à la date de départ, les dépôts à terme des entreprises sont rémunérés {}. \
                 Vous assistez {who}, {title} de la trésorerie.",
                crate::text::capitalise(s.seller()),
                equipment::cite(self.market)
            )
        }
    }

    fn capital_label(&self) -> &'static str {
        if self.loan {
            "Capital prêté"
        } else {
            "Capital placé"
        }
    }

    fn year_convention(&self) -> String {
        if self.year == 360 {
            "**Convention.** Les intérêts se calculent sur l'année commerciale de 360 jours : I = C × t × n / 360, \
             n étant le nombre de jours (premier jour exclu, dernier jour inclus)."
                .to_string()
        } else {
            "**Convention.** Les intérêts se calculent sur l'année civile de 365 jours : I = C × t × n / 365, \
             n étant le nombre de jours (premier jour exclu, dernier jour inclus)."
                .to_string()
        }
    }

    fn year_mistake(&self) -> (i64, &'static str, &'static str) {
        if self.year == 360 {
            (
                365,
                "annee-civile-365",
                "Vous avez divisé par 365 : l'énoncé retient l'année commerciale de 360 jours (I = C × t × n / 360).",
            )
        } else {
            (
                360,
                "annee-commerciale-360",
                "Vous avez divisé par 360 : l'énoncé retient l'année civile de 365 jours (I = C × t × n / 365).",
            )
        }
    }

    fn rounding_note(&self) -> String {
        "*Les montants sont arrondis au centime le plus proche, les taux à 0,01\u{a0}% et les durées au jour le plus proche.*"
            .to_string()
    }

    fn q_days(&self, end: Date) -> Question {
        let n = days_between(self.start, end);
        Question::new(
            "nb_jours",
            "nombre de jours",
            "Calculez le nombre de jours de l'opération.",
            Decimal::from(n),
            Unit::Days,
        )
        .mistake(
            Decimal::from(n + 1),
            "jours-extremes-comptes",
            "Vous avez compté à la fois le jour de départ et le jour d'échéance : on exclut le premier jour et on inclut le dernier.",
        )
        .step(day_count_step(self.start, end))
    }

    fn q_interest_days(&self, n: i64) -> Question {
        let (c, t, y) = (self.capital, self.rate, self.year);
        let i = round_cents(simple_interest(c, t, n, y));
        let (other, note, msg) = self.year_mistake();
        Question::new(
            "interet",
            "intérêt",
            "Calculez le montant des intérêts.",
            i,
            Unit::Euros,
        )
        .formula(format!("arrondi2(capital * taux * nb_jours / {})", self.divisor()))
        .mistake(round_cents(simple_interest(c, t, n, other)), note, msg)
        .mistake(
            round_cents(simple_interest(c, t, n + 1, y)),
            "jours-extremes-comptes",
            "Votre calcul porte sur un jour de trop : le jour de départ ne se compte pas (premier jour exclu, dernier inclus).",
        )
        .step(format!(
            "I = C × t × n / {y} = {} × {} × {n} / {y} = **{}**.",
            euros(c),
            percent(t),
            euros(i)
        ))
    }

    fn q_acquired(&self, interest: Decimal) -> Question {
        let v = self.capital + interest;
        Question::new(
            "valeur_acquise",
            "valeur acquise",
            "Déduisez-en la valeur acquise à l'échéance.",
            v,
            Unit::Euros,
        )
        .formula("capital + interet")
        .mistake(
            self.capital - interest,
            "interets-retranches",
            "La valeur acquise est le capital augmenté des intérêts : VA = C + I.",
        )
        .step(format!(
            "Valeur acquise = C + I = {} + {} = **{}**.",
            euros(self.capital),
            euros(interest),
            euros(v)
        ))
    }

    fn table(&self, rows: &[(&str, String)]) -> String {
        let mut t = String::from("| Élément | Donnée |\n|---|---|\n");
        for (k, v) in rows {
            t += &format!("| {k} | {v} |\n");
        }
        t
    }

    fn content(&self, data: String, questions: Vec<Question>, outro: String) -> Content {
        Content {
            statement: format!("{}\n\n{}\n{}", self.intro(), data, self.year_convention()),
            questions,
            solution_intro: self.rounding_note(),
            solution_outro: outro,
        }
    }

    fn interest_days(&self, n: i64) -> Content {
        let end = self.start.add_days(n);
        let i = round_cents(simple_interest(self.capital, self.rate, n, self.year));
        let data = self.table(&[
            (self.capital_label(), euros(self.capital)),
            ("Taux annuel", percent(self.rate)),
            ("Date de départ", self.start.french()),
            ("Date d'échéance", end.french()),
        ]);
        self.content(
            data,
            vec![self.q_days(end), self.q_interest_days(n), self.q_acquired(i)],
            format!(
                "*À retenir :* sur {n} jours, le capital rapporte {} d'intérêts simples ; l'intérêt est proportionnel au capital, au taux et à la durée.",
                euros(i)
            ),
        )
    }

    fn interest_months(&self, m: i64) -> Content {
        let (c, t) = (self.capital, self.rate);
        let end = self.start.add_months(m as i32);
        let i = round_cents(simple_interest_months(c, t, m));
        let interest = Question::new(
            "interet",
            "intérêt",
            "Calculez le montant des intérêts.",
            i,
            Unit::Euros,
        )
        .formula("arrondi2(capital * taux * nb_mois / 1200)")
        .mistake(
            round_cents(c * t * Decimal::from(m) / dec!(100)),
            "taux-annuel-non-proratise",
            "Le taux est annuel : pour une durée en mois, il faut le ramener au mois en divisant par 12 (I = C × t × m / 12).",
        )
        .step(format!(
            "La durée est de {m} mois, et le taux est annuel : I = C × t × m / 12 = {} × {} × {m} / 12 = **{}**.",
            euros(c),
            percent(t),
            euros(i)
        ));
        let data = self.table(&[
            (self.capital_label(), euros(c)),
            ("Taux annuel", percent(t)),
            ("Date de départ", self.start.french()),
            ("Durée", format!("{m} mois (échéance le {})", end.french())),
        ]);
        Content {
            statement: format!(
                "{}\n\n{}\n**Convention.** La durée étant exprimée en mois, les intérêts se calculent par mois entiers : I = C × t × m / 12.",
                self.intro(),
                data
            ),
            questions: vec![interest, self.q_acquired(i)],
            solution_intro: self.rounding_note(),
            solution_outro: format!(
                "*À retenir :* un taux annuel s'applique à une durée exprimée en années : {m} mois = {m}/12 d'année."
            ),
        }
    }

    fn find_rate(&self, n: i64, given: Decimal, found: Decimal) -> Content {
        let end = self.start.add_days(n);
        let (c, y) = (self.capital, self.year);
        let (other, note, msg) = self.year_mistake();
        let rate_q = Question::new(
            "taux",
            "taux annuel",
            "Retrouvez le taux annuel d'intérêt (arrondi à 0,01\u{a0}%).",
            found,
            Unit::Percent,
        )
        .formula(format!(
            "arrondi(interet_donne * {} / (capital * nb_jours), 2)",
            self.divisor()
        ))
        .mistake(
            round_half_away(rate_from_interest(c, given, n, other), 2),
            note,
            msg,
        )
        .mistake(
            round_half_away(rate_from_interest(c, given, n + 1, y), 2),
            "jours-extremes-comptes",
            "Votre calcul porte sur un jour de trop : le jour de départ ne se compte pas (premier jour exclu, dernier inclus).",
        )
        .step(format!(
            "De I = C × t × n / {y}, on tire t = I × {y} / (C × n) = {} × {y} / ({} × {n}) = {} soit **{}**.",
            euros(given),
            euros(c),
            number(rate_from_interest(c, given, n, y) / dec!(100), 6),
            percent(found)
        ));
        let data = self.table(&[
            (self.capital_label(), euros(c)),
            ("Date de départ", self.start.french()),
            ("Date d'échéance", end.french()),
            ("Intérêts perçus à l'échéance", euros(given)),
        ]);
        self.content(
            data,
            vec![self.q_days(end), rate_q],
            "*Vérification :* recalculez I = C × t × n / année avec le taux trouvé : on retrouve les intérêts donnés (au centime près).".to_string(),
        )
    }

    fn find_days(&self, given: Decimal, found: Decimal) -> Content {
        let (c, t, y) = (self.capital, self.rate, self.year);
        let interest = given - c;
        let (other, note, msg) = self.year_mistake();
        let interest_q = Question::new(
            "interet",
            "intérêt",
            "Calculez le montant des intérêts de l'opération.",
            interest,
            Unit::Euros,
        )
        .formula("valeur_acquise_donnee - capital")
        .mistake(
            given,
            "valeur-acquise-prise-pour-interet",
            "La valeur acquise comprend le capital : les intérêts sont la différence I = VA − C.",
        )
        .step(format!(
            "I = VA − C = {} − {} = **{}**.",
            euros(given),
            euros(c),
            euros(interest)
        ));
        let exact = days_from_interest(c, t, interest, y);
        let found_i = i64::try_from(found).unwrap_or(0);
        let days_q = Question::new(
            "nb_jours",
            "nombre de jours",
            "Retrouvez la durée du placement en jours (arrondie au jour le plus proche).",
            found,
            Unit::Days,
        )
        .formula(format!(
            "arrondi(interet * {} / (capital * taux), 0)",
            self.divisor()
        ))
        .mistake(
            round_half_away(days_from_interest(c, t, interest, other), 0),
            note,
            msg,
        )
        .step(format!(
            "De I = C × t × n / {y}, on tire n = I × {y} / (C × t) = {} × {y} / ({} × {}) = {} soit **{} jours**.",
            euros(interest),
            euros(c),
            percent(t),
            number(exact, 4),
            found_i
        ));
        let end = self.start.add_days(found_i);
        let data = self.table(&[
            (self.capital_label(), euros(c)),
            ("Taux annuel", percent(t)),
            ("Date de départ", self.start.french()),
            ("Valeur acquise à l'échéance", euros(given)),
        ]);
        self.content(
            data,
            vec![interest_q, days_q],
            format!(
                "*Échéance :* {found_i} jours après le {} (premier jour exclu, dernier inclus), l'opération arrive à échéance le {}.",
                self.start.french(),
                end.french()
            ),
        )
    }

    fn find_capital(&self, n: i64, given: Decimal) -> Content {
        let end = self.start.add_days(n);
        let (t, y) = (self.rate, self.year);
        let found = round_cents(capital_from_interest(given, t, n, y));
        let (other, note, msg) = self.year_mistake();
        let capital_q = Question::new(
            "capital_retrouve",
            "capital",
            "Retrouvez le capital de l'opération (arrondi au centime).",
            found,
            Unit::Euros,
        )
        .formula(format!(
            "arrondi2(interet_donne * {} / (taux * nb_jours))",
            self.divisor()
        ))
        .mistake(
            round_cents(capital_from_interest(given, t, n, other)),
            note,
            msg,
        )
        .mistake(
            round_cents(capital_from_interest(given, t, n + 1, y)),
            "jours-extremes-comptes",
            "Votre calcul porte sur un jour de trop : le jour de départ ne se compte pas (premier jour exclu, dernier inclus).",
        )
        .step(format!(
            "De I = C × t × n / {y}, on tire C = I × {y} / (t × n) = {} × {y} / ({} × {n}) = **{}**.",
            euros(given),
            percent(t),
            euros(found)
        ));
        let data = self.table(&[
            ("Taux annuel", percent(t)),
            ("Date de départ", self.start.french()),
            ("Date d'échéance", end.french()),
            ("Intérêts à l'échéance", euros(given)),
        ]);
        let outro = match equipment::gap_amount(found, self.capital) {
            None => "*Vérification :* C × t × n / année redonne bien les intérêts de l'énoncé.".to_string(),
            Some(gap) => format!(
                "*Vérification :* le capital de départ était de {} ; l'écart de {gap} vient de l'arrondi des intérêts au centime.",
                euros(self.capital)
            ),
        };
        self.content(data, vec![self.q_days(end), capital_q], outro)
    }
}

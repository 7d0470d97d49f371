//! `financement/penalites`: late-payment penalties on a B2B invoice (S512).
//!
//! The invoice is payable at « n jours fin de mois »; the customer pays late. The
//! penalties run from the due date to the payment date on a 365-day year, at a rate of
//! at least three times the legal interest rate, plus the 40 € fixed indemnity for
//! recovery costs (Code de commerce, art. L441-10 and D441-5). Variants: the CGV rate is
//! three times the legal rate (`trois-fois-legal`) or a stated rate to check against
//! that floor (`taux-cgv`). Convention `fin_de_mois`: how « n jours fin de mois » is read.

use super::calendar::{date_specs, day_count_step, draw_date};
use crate::calc::dates::{days_between, due_end_of_month, EndOfMonthRule};
use crate::calc::interest::{minimum_penalty_rate, simple_interest, RECOVERY_INDEMNITY};
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, percent};
use crate::num::round::round_cents;
use crate::world::rates::{rates, Creditor};
use crate::world::LAST_STATEMENT_DAY;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Penalites;

const VARIANTS: &[(&str, &str)] = &[
    (
        "trois-fois-legal",
        "les CGV fixent les pénalités à trois fois le taux d'intérêt légal",
    ),
    (
        "taux-cgv",
        "les CGV fixent un taux, à comparer au plancher légal",
    ),
];
const END_OF_MONTH: &[(&str, &str)] = &[
    (
        "fin-de-mois-puis-jours",
        "« n jours fin de mois » : fin du mois de facturation, puis n jours",
    ),
    (
        "jours-puis-fin-de-mois",
        "« n jours fin de mois » : date de facture + n jours, puis fin de ce mois",
    ),
];
const INVOICE: [&str; 3] = ["facture_jour", "facture_mois", "facture_annee"];

impl Exercise for Penalites {
    fn id(&self) -> &'static str {
        "financement/penalites"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut specs = vec![
            ParamSpec::variant(
                "variante",
                "ce que prévoient les conditions générales de vente",
                VARIANTS,
            ),
            ParamSpec::decimal(
                "montant",
                "montant TTC de la facture impayée",
                "1",
                "10000000",
                Unit::Euros,
            ),
        ];
        specs.extend(date_specs(
            INVOICE[0],
            INVOICE[1],
            INVOICE[2],
            [
                "jour de la date de facture",
                "mois de la date de facture",
                "année de la date de facture",
            ],
        ));
        specs.extend([
            ParamSpec::integer("delai", "n de « n jours fin de mois »", 1, 60),
            ParamSpec::integer(
                "jours_retard",
                "nombre de jours entre l'échéance et le paiement",
                1,
                365,
            ),
            ParamSpec::decimal(
                "taux_legal",
                "taux de l'intérêt légal du semestre",
                "0.01",
                "15",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "taux_cgv",
                "taux des pénalités prévu par les CGV (variante taux-cgv)",
                "0.01",
                "60",
                Unit::Percent,
            ),
            ParamSpec::convention(
                "fin_de_mois",
                "lecture de « n jours fin de mois »",
                END_OF_MONTH,
            ),
        ]);
        specs
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        // These penalties are those of the Code de commerce between businesses: a private
        // customer or a public buyer (late-payment interest of public procurement) is
        // redrawn.
        if !scene.customer.is_professional() || scene.customer.is_public_body() {
            return Err(Degenerate(
                "client non professionnel ou acheteur public".into(),
            ));
        }
        let variant = d.choice("variante");
        // The invoice of one order of this customer: its quantity, a price of the range, TVA.
        let amount = d.number("montant", |r| {
            let p = scene.product;
            let quantity = Decimal::from(scene.draw_quantity(r));
            let price = r.decimal_step(p.prix_ht_min, p.prix_ht_max, dec!(0.01));
            round_cents(quantity * price * (Decimal::ONE + p.tva / dec!(100)))
        });
        let invoice = draw_date(d, INVOICE, scene.date)?;
        let delay = d.number("delai", |r| Decimal::from(*r.pick(&[30i64, 45, 45])));
        let delay = i64::try_from(delay).unwrap_or(30);
        let late = d.number("jours_retard", |r| Decimal::from(r.int(6, 120)));
        let late = i64::try_from(late).unwrap_or(1);
        let rule = match d.choice("fin_de_mois") {
            "jours-puis-fin-de-mois" => EndOfMonthRule::DaysThenEnd,
            _ => EndOfMonthRule::EndThenDays,
        };
        // The taux de l'intérêt légal of the half-year of the due date, for « tous les
        // autres cas » (the creditor is a business), as published (exercises/taux.toml).
        let due_date = due_end_of_month(invoice, delay, rule);
        if due_date.add_days(late) > LAST_STATEMENT_DAY && !d.is_fixed("taux_legal") {
            return Err(Degenerate(
                "paiement après la dernière période de taux connue".into(),
            ));
        }
        let published = rates().legal(&due_date);
        let legal = d.number("taux_legal", |_| {
            published.map_or(Decimal::ZERO, |r| r.rate(Creditor::Other))
        });
        let period = match published {
            Some(r) if r.rate(Creditor::Other) == legal => format!(
                "{} (taux « autres cas », créancier professionnel, {})",
                percent(legal),
                r.half_year()
            ),
            _ => percent(legal),
        };
        if legal <= Decimal::ZERO {
            return Err(Degenerate("taux légal inconnu pour cette date".into()));
        }
        let floor = minimum_penalty_rate(legal);
        let cgv = if variant == "taux-cgv" {
            let rate = d.number("taux_cgv", |r| floor.ceil() + Decimal::from(r.int(0, 4)));
            if rate < floor {
                return Err(Degenerate(
                    "taux des CGV inférieur à trois fois le taux légal".into(),
                ));
            }
            Some(rate)
        } else {
            None
        };
        if amount <= Decimal::ZERO {
            return Err(Degenerate("montant nul".into()));
        }
        let due = due_end_of_month(invoice, delay, rule);
        let other_rule = match rule {
            EndOfMonthRule::EndThenDays => EndOfMonthRule::DaysThenEnd,
            EndOfMonthRule::DaysThenEnd => EndOfMonthRule::EndThenDays,
        };
        let other_due = due_end_of_month(invoice, delay, other_rule);
        let paid = due.add_days(late);
        let rate = cgv.unwrap_or(floor);

        // Question 1: days late.
        let from_invoice = days_between(invoice, paid);
        let due_step = match rule {
            EndOfMonthRule::EndThenDays => format!(
                "Échéance à {delay} jours fin de mois : fin du mois de facturation ({}) puis {delay} jours, soit le {}.",
                invoice.end_of_month().french(),
                due.french()
            ),
            EndOfMonthRule::DaysThenEnd => format!(
                "Échéance à {delay} jours fin de mois : {} + {delay} jours = {}, puis fin de ce mois, soit le {}.",
                invoice.french(),
                invoice.add_days(delay).french(),
                due.french()
            ),
        };
        let mut days_q = Question::new(
            "jours_retard",
            "nombre de jours de retard",
            "Déterminez la date d'échéance de la facture, puis le nombre de jours de retard.",
            Decimal::from(late),
            Unit::Days,
        )
        .mistake(
            Decimal::from(from_invoice),
            "retard-depuis-date-facture",
            "Le retard court à partir de la date d'échéance, et non de la date de la facture.",
        )
        .mistake(
            Decimal::from(late + 1),
            "jours-extremes-comptes",
            "Vous avez compté à la fois le jour d'échéance et le jour du paiement : premier jour exclu, dernier inclus.",
        );
        let other_late = days_between(other_due, paid);
        if other_late > 0 {
            days_q = days_q.mistake(
                Decimal::from(other_late),
                "fin-de-mois-mal-appliquee",
                match rule {
                    EndOfMonthRule::EndThenDays => {
                        "L'énoncé lit « n jours fin de mois » comme : fin du mois de facturation, puis n jours."
                    }
                    EndOfMonthRule::DaysThenEnd => {
                        "L'énoncé lit « n jours fin de mois » comme : date de facture + n jours, puis fin de ce mois."
                    }
                },
            );
        }
        let days_q = days_q.step(format!("{due_step} {}", day_count_step(due, paid)));

        // Question 2: the rate.
        let rate_q = match cgv {
            None => Question::new(
                "taux_penalites",
                "taux des pénalités",
                "Calculez le taux annuel des pénalités de retard.",
                floor,
                Unit::Percent,
            )
            .formula("3 * taux_legal")
            .mistake(
                legal,
                "taux-legal-seul",
                "Les CGV prévoient trois fois le taux d'intérêt légal : multipliez le taux légal par 3.",
            )
            .step(format!(
                "Taux des pénalités = 3 × taux d'intérêt légal = 3 × {} = **{}**.",
                percent(legal),
                percent(floor)
            )),
            Some(c) => Question::new(
                "taux_plancher",
                "taux plancher légal",
                "Calculez le taux minimal que la loi impose aux pénalités de retard, et vérifiez que le taux des CGV le respecte.",
                floor,
                Unit::Percent,
            )
            .formula("3 * taux_legal")
            .mistake(
                legal,
                "taux-legal-seul",
                "La loi impose un taux au moins égal à trois fois le taux d'intérêt légal : multipliez-le par 3.",
            )
            .step(format!(
                "Plancher légal = 3 × taux d'intérêt légal = 3 × {} = **{}**. Le taux des CGV ({}) est au moins égal à ce plancher : il s'applique.",
                percent(legal),
                percent(floor),
                percent(c)
            )),
        };
        let (rate_var, rate_name) = match cgv {
            None => ("taux_penalites", "taux des pénalités"),
            Some(_) => ("taux_cgv", "taux des CGV"),
        };
        let penalty = round_cents(simple_interest(amount, rate, late, 365));
        let penalty_q = Question::new(
            "penalites",
            "pénalités de retard",
            "Calculez le montant des pénalités de retard.",
            penalty,
            Unit::Euros,
        )
        .formula(format!("arrondi2(montant * {rate_var} * jours_retard / 36500)"))
        .mistake(
            round_cents(simple_interest(amount, rate, late, 360)),
            "annee-commerciale-360",
            "Les pénalités de retard se calculent sur une année de 365 jours (année civile), pas 360.",
        )
        .mistake(
            round_cents(simple_interest(amount, rate, from_invoice, 365)),
            "retard-depuis-date-facture",
            "Les pénalités courent à partir de la date d'échéance, et non de la date de la facture.",
        )
        .mistake(
            round_cents(simple_interest(amount, legal, late, 365)),
            "taux-legal-applique",
            "Le taux d'intérêt légal n'est qu'une référence : les pénalités se calculent au taux prévu par les CGV (au moins trois fois le taux légal).",
        )
        .step(format!(
            "Pénalités = montant TTC × {rate_name} × jours de retard / 365 = {} × {} × {late} / 365 = **{}**.",
            euros(amount),
            percent(rate),
            euros(penalty)
        ));
        let total = amount + penalty + RECOVERY_INDEMNITY;
        let total_q = Question::new(
            "total_du",
            "somme totale due",
            "Calculez la somme totale que le fournisseur peut réclamer au client (facture, pénalités et indemnité forfaitaire).",
            total,
            Unit::Euros,
        )
        .formula("montant + penalites + 40")
        .mistake(
            amount + penalty,
            "indemnite-oubliee",
            "Tout retard de paiement entre professionnels ouvre droit, en plus des pénalités, à une indemnité forfaitaire de 40\u{a0}€ pour frais de recouvrement.",
        )
        .mistake(
            penalty + RECOVERY_INDEMNITY,
            "montant-facture-oublie",
            "La somme due comprend aussi la facture elle-même, qui n'a pas été payée à l'échéance.",
        )
        .step(format!(
            "Somme due = facture + pénalités + indemnité forfaitaire = {} + {} + {} = **{}**.",
            euros(amount),
            euros(penalty),
            euros(RECOVERY_INDEMNITY),
            euros(total)
        ));

        let clause = match cgv {
            None => format!(
                "« Tout retard de paiement entraîne de plein droit des pénalités au taux de trois fois le taux d'intérêt légal, \
                 ainsi qu'une indemnité forfaitaire pour frais de recouvrement de {}. »",
                euros(RECOVERY_INDEMNITY)
            ),
            Some(c) => format!(
                "« Tout retard de paiement entraîne de plein droit des pénalités au taux annuel de {}, \
                 ainsi qu'une indemnité forfaitaire pour frais de recouvrement de {}. »",
                percent(c),
                euros(RECOVERY_INDEMNITY)
            ),
        };
        let rule_text = match rule {
            EndOfMonthRule::EndThenDays => {
                "« n jours fin de mois » se lit : fin du mois de la facture, puis n jours"
            }
            EndOfMonthRule::DaysThenEnd => {
                "« n jours fin de mois » se lit : date de la facture + n jours, puis fin de ce mois"
            }
        };
        let s = &scene;
        let statement = format!(
            "Le {}, {} a facturé à {} une commande de {}, payable à {delay} jours fin de mois. \
             Le client n'a réglé la facture que le {}. Vous assistez {} {}, {} du recouvrement, \
             pour calculer ce que l'entreprise peut lui réclamer. Les conditions générales de vente précisent : {clause}\n\n\
             | Élément | Donnée |\n|---|---|\n\
             | Montant TTC de la facture | {} |\n\
             | Date de la facture | {} |\n\
             | Conditions de paiement | {delay} jours fin de mois |\n\
             | Date du paiement | {} |\n\
             | Taux de l'intérêt légal du semestre de l'échéance | {} |\n\n\
             **Conventions.** {rule_text}. Les pénalités courent de la date d'échéance à la date du paiement \
             (premier jour exclu, dernier inclus) et se calculent sur une année de 365 jours. \
             Arrondissez les montants au centime le plus proche.",
            invoice.french(),
            s.seller(),
            s.buyer(),
            s.product.pluriel.clone(),
            paid.french(),
            s.contact.prenom,
            s.contact.nom,
            s.contact.genre.agree("chargé", "chargée"),
            euros(amount),
            invoice.french(),
            paid.french(),
            period,
        );
        Ok(Content {
            statement,
            questions: vec![days_q, rate_q, penalty_q, total_q],
            solution_intro: "*Les montants sont arrondis au centime le plus proche.*".to_string(),
            solution_outro: "*À retenir :* entre professionnels, les pénalités de retard (au moins trois fois le taux d'intérêt légal) \
                             et l'indemnité forfaitaire de 40\u{a0}€ sont dues de plein droit, sans rappel préalable ; elles figurent \
                             obligatoirement dans les CGV et sur la facture."
                .to_string(),
        })
    }
}

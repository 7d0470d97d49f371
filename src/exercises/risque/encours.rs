//! `risque/encours`: a customer's outstanding amount, its credit limit and its average
//! payment time (S521).
//!
//! A small ledger: invoices issued at regular intervals, the earliest ones paid, one
//! possibly part-paid by an acompte. The encours is what is invoiced and not yet paid;
//! the credit limit (plafond d'encours, TTC) decides whether a new order, priced HT,
//! can be accepted once its TVA is added. The délai moyen de paiement is weighted by the
//! amounts of the paid invoices.

use crate::calc::dates::Date;
use crate::calc::pct;
use crate::calc::receivables::{
    available_credit, order_accepted, outstanding, plain_payment_days, weighted_payment_days,
    Invoice,
};
use crate::exercises::financement::calendar::{date_specs, draw_date};
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, fixed, number, percent};
use crate::num::round::{round_cents, round_half_away};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Encours;

const MAX_INVOICES: usize = 6;
const AMOUNTS: [&str; MAX_INVOICES] = [
    "montant_1",
    "montant_2",
    "montant_3",
    "montant_4",
    "montant_5",
    "montant_6",
];
const DAYS: [&str; MAX_INVOICES] = [
    "jours_1", "jours_2", "jours_3", "jours_4", "jours_5", "jours_6",
];
const FIRST: [&str; 3] = ["facture_jour", "facture_mois", "facture_annee"];

fn int(x: Decimal) -> i64 {
    i64::try_from(x).unwrap_or(0)
}

impl Exercise for Encours {
    fn id(&self) -> &'static str {
        "risque/encours"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut specs = vec![
            ParamSpec::integer("nb_factures", "nombre de factures du relevé", 3, 6),
            ParamSpec::integer(
                "nb_reglees",
                "nombre de factures déjà réglées (les plus anciennes)",
                1,
                5,
            ),
        ];
        for (k, name) in AMOUNTS.iter().enumerate() {
            specs.push(ParamSpec::decimal(
                name,
                [
                    "montant TTC de la facture 1",
                    "montant TTC de la facture 2",
                    "montant TTC de la facture 3",
                    "montant TTC de la facture 4",
                    "montant TTC de la facture 5",
                    "montant TTC de la facture 6",
                ][k],
                "1",
                "10000000",
                Unit::Euros,
            ));
        }
        for (k, name) in DAYS.iter().enumerate() {
            specs.push(ParamSpec::integer(
                name,
                [
                    "jours entre la facture 1 et son règlement",
                    "jours entre la facture 2 et son règlement",
                    "jours entre la facture 3 et son règlement",
                    "jours entre la facture 4 et son règlement",
                    "jours entre la facture 5 et son règlement",
                    "jours entre la facture 6 et son règlement",
                ][k],
                0,
                365,
            ));
        }
        specs.extend(date_specs(
            FIRST[0],
            FIRST[1],
            FIRST[2],
            [
                "jour de la première facture",
                "mois de la première facture",
                "année de la première facture",
            ],
        ));
        specs.extend([
            ParamSpec::integer("intervalle", "nombre de jours entre deux factures", 1, 90),
            ParamSpec::integer(
                "delai_reglement",
                "délai de paiement accordé, en jours",
                0,
                60,
            ),
            ParamSpec::decimal(
                "acompte",
                "acompte reçu sur la première facture non réglée (0 si aucun)",
                "0",
                "10000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "plafond",
                "plafond d'encours TTC accordé au client",
                "0",
                "100000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "commande_ht",
                "montant HT de la nouvelle commande",
                "1",
                "100000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "tva",
                "taux de TVA de la commande",
                "0",
                "20",
                Unit::Percent,
            ),
        ]);
        specs
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = super::super::valeur::b2b_scene(d)?;
        let n = int(d.number("nb_factures", |r| Decimal::from(r.int(4, 6)))) as usize;
        let paid_n = int(d.number("nb_reglees", |r| {
            Decimal::from(r.int(2, (n as i64 - 2).max(2)))
        })) as usize;
        if paid_n >= n || paid_n == 0 {
            return Err(Degenerate(
                "il faut au moins une facture réglée et une facture non réglée".into(),
            ));
        }
        let first = draw_date(d, FIRST, scene.date)?;
        let gap = int(d.number("intervalle", |r| Decimal::from(r.int(10, 25))));
        let term = int(d.number("delai_reglement", |r| {
            Decimal::from(*r.pick(&[30i64, 30, 45, 60]))
        }));
        let mut amounts = Vec::with_capacity(n);
        let mut days = Vec::with_capacity(paid_n);
        for name in &AMOUNTS[..n] {
            amounts.push(d.number(name, |r| r.decimal_step(dec!(450), dec!(8500), dec!(0.01))));
        }
        for name in &DAYS[..paid_n] {
            days.push(int(d.number(name, |r| {
                Decimal::from(r.int((term - 10).max(0), term + 35))
            })));
        }
        let dates: Vec<Date> = (0..n).map(|k| first.add_days(gap * k as i64)).collect();
        let pay_dates: Vec<Date> = (0..paid_n).map(|k| dates[k].add_days(days[k])).collect();
        let last = pay_dates
            .iter()
            .chain(dates.iter())
            .max()
            .copied()
            .unwrap_or(first);
        let as_of = last.add_days(2);
        let unpaid_first = amounts[paid_n];
        let acompte = d.number("acompte", |r| {
            if r.chance(1, 2) {
                round_half_away(unpaid_first * Decimal::from(r.int(3, 5)) / dec!(1000), 0)
                    * dec!(100)
            } else {
                Decimal::ZERO
            }
        });
        if acompte >= unpaid_first {
            return Err(Degenerate("acompte supérieur à la facture".into()));
        }
        let ledger: Vec<Invoice> = amounts
            .iter()
            .enumerate()
            .map(|(k, a)| Invoice {
                amount_ttc: *a,
                paid: if k < paid_n {
                    *a
                } else if k == paid_n {
                    acompte
                } else {
                    Decimal::ZERO
                },
            })
            .collect();
        let overflow = || Degenerate("montants hors limites".into());
        let encours = outstanding(&ledger).ok_or_else(overflow)?;
        let all: Decimal = amounts.iter().copied().sum();
        let vat = d.number("tva", |_| scene.product.tva);
        let plafond = d.number("plafond", |r| {
            let k = Decimal::from(r.int(2, 8));
            (round_half_away((encours + k * dec!(1000)) / dec!(1000), 0) * dec!(1000))
                .max(dec!(1000))
        });
        let available = available_credit(plafond, encours);
        let order_ht = d.number("commande_ht", |r| {
            let k = r.decimal_step(dec!(0.7), dec!(1.2), dec!(0.01));
            let base =
                available.max(dec!(500)) * k * Decimal::ONE_HUNDRED / (Decimal::ONE_HUNDRED + vat);
            (round_half_away(base / dec!(10), 0) * dec!(10)).max(dec!(10))
        });
        let order_ttc = round_cents(order_ht + pct(order_ht, vat));
        let accepted = order_accepted(order_ttc, available);

        let numbers: Vec<String> = (0..n)
            .map(|k| format!("F{}-{:03}", first.year, 100 + (first.day as usize) * 7 + k))
            .collect();

        let unpaid_terms: Vec<String> = (paid_n..n).map(|k| AMOUNTS[k].to_string()).collect();
        let encours_q = Question::new(
            "encours",
            "encours du client",
            format!("Calculez l'encours du client au {}.", as_of.french()),
            encours,
            Unit::Euros,
        )
        .formula(format!("{} - acompte", unpaid_terms.join(" + ")))
        .mistake(
            all - acompte,
            "factures-reglees-comptees",
            "L'encours ne comprend que les factures non encore réglées : retirez les factures payées.",
        )
        .mistake(
            encours + acompte,
            "acompte-oublie",
            "L'acompte reçu réduit ce que le client doit encore : déduisez-le de la facture concernée.",
        )
        .step({
            let parts: Vec<String> = (paid_n..n).map(|k| euros(amounts[k])).collect();
            let acompte_text = if acompte > Decimal::ZERO {
                format!(" − {} (acompte)", euros(acompte))
            } else {
                String::new()
            };
            let settled = if paid_n == 1 {
                format!("La facture {} est réglée et ne compte plus.", numbers[0])
            } else {
                format!(
                    "Les factures {} sont réglées et ne comptent plus.",
                    crate::text::french_list(&numbers[..paid_n])
                )
            };
            if parts.len() == 1 && acompte.is_zero() {
                format!(
                    "{settled} Encours = facture non réglée {} = **{}**.",
                    numbers[paid_n],
                    euros(encours)
                )
            } else {
                format!(
                    "{settled} Encours = factures non réglées{} = {}{acompte_text} = **{}**.",
                    if acompte > Decimal::ZERO { " − acompte reçu" } else { "" },
                    parts.join(" + "),
                    euros(encours)
                )
            }
        });

        let ttc_q = Question::new(
            "commande_ttc",
            "montant TTC de la commande",
            "Calculez le montant TTC de la nouvelle commande.",
            order_ttc,
            Unit::Euros,
        )
        .formula("arrondi2(commande_ht * (1 + tva / 100))")
        .mistake(
            round_cents(pct(order_ht, vat)),
            "tva-seule",
            "Vous avez calculé la seule TVA : le TTC est le HT augmenté de la TVA, HT × (1 + taux de TVA).",
        )
        .mistake(
            order_ht,
            "ht-pris-pour-ttc",
            "Le plafond d'encours porte sur des montants TTC (ce que le client devra payer) : ajoutez la TVA à la commande.",
        )
        .step(format!(
            "Commande TTC = HT × (1 + taux de TVA) = {} × {} = **{}** (arrondi au centime).",
            euros(order_ht),
            number(Decimal::ONE + vat / Decimal::ONE_HUNDRED, 4),
            euros(order_ttc)
        ));

        let avail_q = Question::new(
            "encours_disponible",
            "encours encore disponible",
            "Calculez le montant que le client peut encore commander sans dépasser son plafond d'encours.",
            available,
            Unit::Euros,
        )
        .formula("plafond - encours")
        .mistake(
            plafond - (all - acompte),
            "factures-reglees-comptees",
            "Seules les factures non réglées consomment le plafond : partez de l'encours, pas du total facturé.",
        )
        .mistake(
            encours - plafond,
            "difference-inversee",
            "Encours disponible = plafond − encours actuel.",
        )
        .step(format!(
            "Encours disponible = plafond − encours = {} − {} = **{}**.",
            euros(plafond),
            euros(encours),
            euros(available)
        ));

        let mut decision_q = Question::new(
            "decision",
            "acceptation de la commande",
            "La commande peut-elle être acceptée sans dépasser le plafond d'encours ? Répondez 1 (oui) ou 2 (non).",
            Decimal::from(if accepted { 1 } else { 2 }),
            Unit::Number,
        );
        let by_ht = order_accepted(order_ht, available);
        if by_ht != accepted {
            decision_q = decision_q.mistake(
                Decimal::from(if by_ht { 1 } else { 2 }),
                "commande-ht-comparee",
                "Le plafond d'encours est exprimé TTC : comparez-lui la commande TTC, pas son montant HT.",
            );
        }
        let by_all = order_accepted(order_ttc, plafond - (all - acompte));
        if by_all != accepted && by_all != by_ht {
            decision_q = decision_q.mistake(
                Decimal::from(if by_all { 1 } else { 2 }),
                "factures-reglees-comptees",
                "Les factures déjà réglées ne pèsent plus sur le plafond : comparez la commande à l'encours disponible.",
            );
        }
        let decision_q = decision_q.step(format!(
            "Commande TTC {} {} encours disponible {} : **{}**.",
            euros(order_ttc),
            if accepted { "≤" } else { ">" },
            euros(available),
            if accepted {
                "1 (oui, la commande peut être acceptée)"
            } else {
                "2 (non : refuser, ou demander un acompte ou un paiement comptant pour la partie qui dépasse)"
            }
        ));

        let pairs: Vec<(Decimal, i64)> = (0..paid_n).map(|k| (amounts[k], days[k])).collect();
        let dmp = weighted_payment_days(&pairs).ok_or_else(overflow)?;
        let late_pairs: Vec<(Decimal, i64)> = pairs.iter().map(|(a, j)| (*a, j - term)).collect();
        let num: Vec<String> = (0..paid_n)
            .map(|k| format!("{} * {}", AMOUNTS[k], DAYS[k]))
            .collect();
        let den: Vec<String> = (0..paid_n).map(|k| AMOUNTS[k].to_string()).collect();
        let mut rows = String::new();
        let mut weighted = Decimal::ZERO;
        for k in 0..paid_n {
            let w = amounts[k] * Decimal::from(days[k]);
            weighted += w;
            rows += &format!(
                "| {} | {} → {} | {} | {} | {} |\n",
                numbers[k],
                dates[k].french(),
                pay_dates[k].french(),
                euros(amounts[k]),
                days[k],
                fixed(w, 2)
            );
        }
        let paid_total: Decimal = amounts[..paid_n].iter().copied().sum();
        let dmp_q = Question::new(
            "delai_moyen",
            "délai moyen de paiement",
            "Calculez le délai moyen de paiement du client sur les factures réglées, pondéré par leurs montants (arrondi au jour le plus proche).",
            dmp,
            Unit::Days,
        )
        .formula(format!("arrondi(({}) / ({}), 0)", num.join(" + "), den.join(" + ")))
        .mistake(
            plain_payment_days(&pairs).ok_or_else(overflow)?,
            "moyenne-non-ponderee",
            "Une grosse facture payée tard pèse plus qu'une petite : pondérez chaque délai par le montant de la facture.",
        )
        .mistake(
            weighted_payment_days(&late_pairs).ok_or_else(overflow)?,
            "retard-au-lieu-de-delai",
            "Le délai de paiement se compte de la date de la facture à la date du règlement, pas à partir de l'échéance.",
        )
        .step(format!(
            "Jours comptés de la date de facture à la date du règlement (premier jour exclu, dernier inclus).\n\n\
             | Facture | Facture → règlement | Montant | Jours | Montant × jours |\n|---|---|---:|---:|---:|\n{rows}\
             | **Total** | | {} | | {} |\n\n\
             DMP = Σ(montant × jours) ÷ Σ montants = {} ÷ {} = {} ≈ **{} jours** (arrondi au jour le plus proche).",
            euros(paid_total),
            fixed(weighted, 2),
            fixed(weighted, 2),
            fixed(paid_total, 2),
            number(weighted / paid_total, 2),
            number(dmp, 0)
        ));

        let mut ledger_rows = String::new();
        for k in 0..n {
            ledger_rows += &format!(
                "| {} | {} | {} | {} |\n",
                numbers[k],
                dates[k].french(),
                dates[k].add_days(term).french(),
                euros(amounts[k])
            );
        }
        let mut pay_rows = String::new();
        for k in 0..paid_n {
            pay_rows += &format!(
                "| {} | Virement, règlement de la facture {} | {} |\n",
                pay_dates[k].french(),
                numbers[k],
                euros(amounts[k])
            );
        }
        if acompte > Decimal::ZERO {
            pay_rows += &format!(
                "| {} | Chèque, acompte sur la facture {} | {} |\n",
                as_of.add_days(-1).french(),
                numbers[paid_n],
                euros(acompte)
            );
        }
        let s = &scene;
        let statement = format!(
            "Le {}, {} reçoit de son client {} ({}) une nouvelle commande de {} d'un montant de {} HT (TVA à {}). \
             Avant de la confirmer, {} vous demande de vérifier le compte du client, à qui l'entreprise accorde \
             un plafond d'encours de {} TTC et un délai de paiement de {term} jours date de facture.\n\n\
             **Factures émises**\n\n| Facture | Date | Échéance | Montant TTC |\n|---|---|---|---:|\n{ledger_rows}\n\
             **Règlements reçus**\n\n| Date | Opération | Montant |\n|---|---|---:|\n{pay_rows}\n\
             **Conventions.** L'encours est la somme de ce que le client doit encore (factures TTC non réglées, acomptes déduits) ; \
             le plafond d'encours s'applique aux montants TTC. Le délai moyen de paiement (DMP) est la moyenne des délais des \
             factures réglées, pondérée par leurs montants : DMP = Σ(montant × jours) ÷ Σ montants, les jours étant comptés \
             de la date de la facture à celle du règlement (premier jour exclu, dernier inclus), arrondi au jour le plus proche. \
             Arrondissez les montants au centime.",
            as_of.french(),
            s.seller(),
            s.customer.nom,
            s.customer.ville,
            s.product.pluriel.clone(),
            euros(order_ht),
            percent(vat),
            s.business.vendeur,
            euros(plafond),
        );
        let outro = format!(
            "*À retenir :* le client paie en moyenne à {} jours pour un délai accordé de {term} jours{}. \
             Suivre l'encours et le DMP de chaque client permet d'ajuster son plafond, d'exiger un acompte \
             ou de relancer avant que le risque d'impayé ne grandisse.",
            number(dmp, 0),
            if dmp > Decimal::from(term) {
                " : il paie en retard, ce qui pèse sur la trésorerie de l'entreprise"
            } else {
                ""
            }
        );
        Ok(Content {
            statement,
            questions: vec![encours_q, ttc_q, avail_q, decision_q, dmp_q],
            solution_intro: "*Les montants sont arrondis au centime le plus proche ; le délai moyen au jour le plus proche.*"
                .to_string(),
            solution_outro: outro,
        })
    }
}

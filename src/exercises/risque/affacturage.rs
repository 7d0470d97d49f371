//! `risque/affacturage`: the cost of factoring the receivables against the cost of
//! keeping the customer risk (S521).
//!
//! The factor charges a commission d'affacturage on the TTC receivables (a service: TVA at
//! 20\u{a0}%, deductible by the seller), keeps a retenue de garantie (refunded, so not a cost)
//! and a commission de financement on what it advances over the average credit time,
//! year of 360 days. Keeping the risk costs the bad debts (HT: the TVA of an
//! unrecoverable receivable is recovered), the recovery costs and the bank overdraft that
//! finances the receivables over the same time.

use super::pools::Factor;
use crate::calc::factoring::{Factoring, KeepRisk};
use crate::calc::pct;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::round_cents;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Affacturage;

/// TVA on the factor's commission: a service at the standard rate.
const SERVICE_VAT: Decimal = dec!(20);

fn int(x: Decimal) -> i64 {
    i64::try_from(x).unwrap_or(0)
}

impl Exercise for Affacturage {
    fn id(&self) -> &'static str {
        "risque/affacturage"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::decimal(
                "creances_ttc",
                "créances clients TTC de l'année confiées au factor",
                "1",
                "10000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_commission",
                "commission d'affacturage, en % des créances TTC",
                "0",
                "10",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "taux_retenue",
                "retenue de garantie, en % des créances TTC",
                "0",
                "50",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "taux_financement",
                "taux annuel de la commission de financement",
                "0",
                "30",
                Unit::Percent,
            ),
            ParamSpec::integer(
                "duree_credit",
                "durée moyenne du crédit clients, en jours",
                1,
                360,
            ),
            ParamSpec::decimal(
                "tva_ventes",
                "taux de TVA des ventes",
                "0",
                "20",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "taux_impayes",
                "créances irrécouvrables, en % des créances TTC",
                "0",
                "50",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "frais_recouvrement",
                "frais annuels de relance et de recouvrement",
                "0",
                "100000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_decouvert",
                "taux annuel du découvert bancaire",
                "0",
                "30",
                Unit::Percent,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = super::super::valeur::b2b_scene(d)?;
        let factor = Factor::draw(d.rng());
        let r = d.number("creances_ttc", |r| {
            r.decimal_step(dec!(150000), dec!(3000000), dec!(1000))
        });
        let c = d.number("taux_commission", |r| {
            r.decimal_step(dec!(0.5), dec!(2), dec!(0.1))
        });
        let g = d.number("taux_retenue", |r| Decimal::from(r.int(5, 15)));
        let f = d.number("taux_financement", |r| {
            r.decimal_step(dec!(3), dec!(7), dec!(0.25))
        });
        let days = int(d.number("duree_credit", |r| {
            r.decimal_step(dec!(30), dec!(90), dec!(5))
        }));
        let vat = d.number("tva_ventes", |_| scene.product.tva);
        let p = d.number("taux_impayes", |r| {
            r.decimal_step(dec!(0.1), dec!(1.8), dec!(0.1))
        });
        let fees = d.number("frais_recouvrement", |r| {
            r.decimal_step(dec!(500), dec!(6000), dec!(100))
        });
        let od = d.number("taux_decouvert", |r| {
            r.decimal_step(dec!(4), dec!(10), dec!(0.5))
        });
        if days <= 0 {
            return Err(Degenerate("durée de crédit nulle".into()));
        }
        let fac = Factoring {
            receivables_ttc: r,
            commission_rate: c,
            guarantee_rate: g,
            financing_rate: f,
            days,
            vat_rate: SERVICE_VAT,
        };
        let st = fac.statement();
        let keep = KeepRisk {
            receivables_ttc: r,
            bad_debt_rate: p,
            vat_rate: vat,
            recovery_costs: fees,
            overdraft_rate: od,
            days,
        };
        let loss = keep.bad_debt_loss();
        let overdraft = keep.overdraft_cost();
        let keep_cost = keep.cost();
        let r_ht = r * Decimal::ONE_HUNDRED / (Decimal::ONE_HUNDRED + vat);
        let d_days = Decimal::from(days);

        let com_q = Question::new(
            "commission",
            "commission d'affacturage",
            "Calculez la commission d'affacturage (hors taxes).",
            st.commission,
            Unit::Euros,
        )
        .formula("arrondi2(creances_ttc * taux_commission / 100)")
        .mistake(
            round_cents(pct(r_ht, c)),
            "commission-sur-ht",
            "La commission d'affacturage se calcule sur le montant TTC des créances cédées (ce que les clients doivent).",
        )
        .mistake(
            round_cents(pct(r - st.guarantee, c)),
            "retenue-deduite-de-la-base",
            "La commission porte sur la totalité des créances TTC cédées ; la retenue de garantie ne réduit que le montant financé.",
        )
        .step(format!(
            "Commission = créances TTC × taux de commission = {} × {} = **{}** HT.",
            euros(r),
            percent(c),
            euros(st.commission)
        ));

        let vat_q = Question::new(
            "tva_commission",
            "TVA sur la commission",
            "Calculez la TVA sur la commission d'affacturage.",
            st.vat,
            Unit::Euros,
        )
        .formula("arrondi2(commission * 20 / 100)")
        .mistake(
            round_cents(pct(st.commission + st.financing, SERVICE_VAT)),
            "tva-sur-financement",
            "Seule la commission d'affacturage (un service) supporte la TVA ; la commission de financement est un intérêt, exonéré.",
        )
        .mistake(
            round_cents(pct(st.commission, vat)),
            "taux-tva-ventes",
            "La commission est un service facturé par le factor : elle supporte la TVA au taux normal de 20\u{a0}%, quel que soit le taux des ventes.",
        )
        .step(format!(
            "TVA = commission × 20\u{a0}% = {} × 20\u{a0}% = **{}** (récupérable par l'entreprise).",
            euros(st.commission),
            euros(st.vat)
        ));

        let guar_q = Question::new(
            "retenue",
            "retenue de garantie",
            "Calculez la retenue de garantie conservée par le factor.",
            st.guarantee,
            Unit::Euros,
        )
        .formula("arrondi2(creances_ttc * taux_retenue / 100)")
        .mistake(
            round_cents(pct(r_ht, g)),
            "retenue-sur-ht",
            "La retenue de garantie se calcule sur les créances TTC.",
        )
        .mistake(
            round_cents(pct(r, Decimal::ONE_HUNDRED - g)),
            "complement-de-la-retenue",
            "La retenue est le pourcentage indiqué des créances ; le complément (100\u{a0}% − taux) est la part avancée.",
        )
        .step(format!(
            "Retenue de garantie = créances TTC × taux de retenue = {} × {} = **{}** (restituée à l'encaissement des créances).",
            euros(r),
            percent(g),
            euros(st.guarantee)
        ));

        let advanced = r - st.guarantee;
        let fin_q = Question::new(
            "financement",
            "commission de financement",
            "Calculez la commission de financement.",
            st.financing,
            Unit::Euros,
        )
        .formula("arrondi2((creances_ttc - retenue) * taux_financement * duree_credit / 36000)")
        .mistake(
            round_cents(r * f * d_days / dec!(36000)),
            "retenue-non-deduite",
            "Le factor ne finance pas la retenue de garantie : la commission de financement porte sur les créances diminuées de la retenue.",
        )
        .mistake(
            round_cents(advanced * f * d_days / dec!(36500)),
            "annee-civile-365",
            "La commission de financement se calcule sur une année commerciale de 360 jours.",
        )
        .step(format!(
            "Montant financé = {} − {} = {} ; commission de financement = {} × {} × {days} / 360 = **{}** (arrondi au centime).",
            euros(r),
            euros(st.guarantee),
            euros(advanced),
            euros(advanced),
            percent(f),
            euros(st.financing)
        ));

        let cost_q = Question::new(
            "cout_affacturage",
            "coût de l'affacturage",
            "Calculez le coût annuel de l'affacturage pour l'entreprise.",
            st.cost,
            Unit::Euros,
        )
        .formula("commission + financement")
        .mistake(
            st.cost + st.vat,
            "tva-incluse-dans-cout",
            "La TVA sur la commission est récupérable : elle n'est pas un coût pour l'entreprise.",
        )
        .mistake(
            st.cost + st.guarantee,
            "retenue-comptee-comme-cout",
            "La retenue de garantie est restituée quand les clients ont payé : elle n'est pas un coût.",
        )
        .step(format!(
            "Coût de l'affacturage = commission HT + commission de financement = {} + {} = **{}** \
             (TVA récupérable et retenue de garantie restituée exclues).",
            euros(st.commission),
            euros(st.financing),
            euros(st.cost)
        ));

        let loss_ttc = round_cents(pct(r, p));
        let loss_q = Question::new(
            "perte_impayes",
            "perte sur créances irrécouvrables",
            "Sans affacturage, calculez la perte annuelle due aux créances irrécouvrables.",
            loss,
            Unit::Euros,
        )
        .formula("arrondi2(creances_ttc * taux_impayes / 100 * 100 / (100 + tva_ventes))")
        .mistake(
            loss_ttc,
            "perte-calculee-ttc",
            "La TVA d'une créance irrécouvrable est récupérée auprès de l'État : la perte est le montant hors taxes.",
        )
        .mistake(
            round_cents(loss_ttc - pct(loss_ttc, vat)),
            "tva-retiree-sur-ttc",
            "La TVA se calcule sur le HT : on retrouve le HT en divisant le TTC par (1 + taux de TVA), pas en retirant le taux de TVA du TTC.",
        )
        .step(format!(
            "Créances irrécouvrables TTC = {} × {} = {} ; perte HT = {} ÷ {} = **{}** (arrondi au centime).",
            euros(r),
            percent(p),
            euros(loss_ttc),
            euros(loss_ttc),
            number(Decimal::ONE + vat / Decimal::ONE_HUNDRED, 4),
            euros(loss)
        ));

        let od_q = Question::new(
            "cout_decouvert",
            "coût du découvert",
            "Sans affacturage, calculez le coût du découvert bancaire qui finance les créances pendant la durée du crédit clients.",
            overdraft,
            Unit::Euros,
        )
        .formula("arrondi2(creances_ttc * taux_decouvert * duree_credit / 36000)")
        .mistake(
            round_cents(r * od * d_days / dec!(36500)),
            "annee-civile-365",
            "Les intérêts du découvert se calculent ici sur une année commerciale de 360 jours.",
        )
        .mistake(
            round_cents(pct(r, od)),
            "duree-oubliee",
            "Le découvert ne dure que le temps du crédit clients : multipliez par la durée en jours et divisez par 360.",
        )
        .step(format!(
            "Coût du découvert = créances TTC × taux × durée / 360 = {} × {} × {days} / 360 = **{}** (arrondi au centime).",
            euros(r),
            percent(od),
            euros(overdraft)
        ));

        let keep_q = Question::new(
            "cout_conservation",
            "coût de la conservation du risque",
            "Calculez le coût annuel de la gestion du risque client par l'entreprise elle-même.",
            keep_cost,
            Unit::Euros,
        )
        .formula("perte_impayes + cout_decouvert + frais_recouvrement")
        .mistake(
            loss + overdraft,
            "frais-recouvrement-oublies",
            "Relances, contentieux et temps passé ont un coût : ajoutez les frais de recouvrement.",
        )
        .mistake(
            loss_ttc + overdraft + fees,
            "perte-calculee-ttc",
            "La perte sur créances irrécouvrables se compte hors taxes (la TVA est récupérée).",
        )
        .step(format!(
            "Coût sans affacturage = perte HT + coût du découvert + frais de recouvrement = {} + {} + {} = **{}**.",
            euros(loss),
            euros(overdraft),
            euros(fees),
            euros(keep_cost)
        ));

        let factoring_wins = st.cost < keep_cost;
        let mut decision_q = Question::new(
            "decision",
            "décision",
            "Quelle solution est la moins coûteuse ? Répondez 1 (affacturage) ou 2 (conserver la gestion du risque).",
            Decimal::from(if factoring_wins { 1 } else { 2 }),
            Unit::Number,
        );
        let with_vat = st.cost + st.vat < keep_cost;
        if with_vat != factoring_wins {
            decision_q = decision_q.mistake(
                Decimal::from(if with_vat { 1 } else { 2 }),
                "tva-incluse-dans-cout",
                "Comparez des coûts hors TVA récupérable : la TVA sur la commission n'est pas une charge.",
            );
        }
        let with_guarantee = st.cost + st.guarantee < keep_cost;
        if with_guarantee != factoring_wins && with_guarantee != with_vat {
            decision_q = decision_q.mistake(
                Decimal::from(if with_guarantee { 1 } else { 2 }),
                "retenue-comptee-comme-cout",
                "La retenue de garantie est restituée : elle ne pèse pas dans la comparaison des coûts.",
            );
        }
        let decision_q = decision_q.step(format!(
            "Affacturage {} {} conservation du risque {} : **{}**.",
            euros(st.cost),
            if factoring_wins { "<" } else { "≥" },
            euros(keep_cost),
            if factoring_wins {
                "1 (l'affacturage est moins coûteux)"
            } else {
                "2 (conserver la gestion du risque est moins coûteux)"
            }
        ));

        let s = &scene;
        let statement = format!(
            "{} vend à crédit à des clients professionnels ; ses créances clients de l'année représentent {} TTC, \
             encaissées en moyenne à {days} jours. Pour se protéger des impayés et soulager sa trésorerie, {} étudie \
             la proposition de {}, société d'affacturage, et vous demande de la comparer avec la gestion du risque par l'entreprise.\n\n\
             **Proposition du factor** (créances cédées en totalité, le factor garantit les impayés)\n\n\
             | Élément | Condition |\n|---|---|\n\
             | Commission d'affacturage | {} des créances TTC, TVA à 20\u{a0}% en sus (récupérable) |\n\
             | Retenue de garantie | {} des créances TTC, restituée à l'encaissement |\n\
             | Commission de financement | {} l'an sur le montant avancé (créances − retenue), pendant {days} jours, sans TVA |\n\n\
             **Si l'entreprise garde le risque**\n\n\
             | Élément | Donnée |\n|---|---|\n\
             | Créances irrécouvrables | {} des créances TTC (TVA des ventes à {} récupérée sur les impayés) |\n\
             | Frais annuels de relance et de recouvrement | {} |\n\
             | Découvert bancaire finançant les créances pendant {days} jours | {} l'an |\n\n\
             **Conventions.** Année commerciale de 360 jours pour les intérêts. La TVA sur la commission est récupérable et la \
             retenue de garantie est restituée : ni l'une ni l'autre n'est un coût. Arrondissez les montants au centime.",
            crate::text::capitalise(s.seller()),
            euros(r),
            s.business.vendeur,
            factor.named(),
            percent(c),
            percent(g),
            percent(f),
            percent(p),
            percent(vat),
            euros(fees),
            percent(od),
        );
        let net_paid = r - st.guarantee - st.commission - st.vat - st.financing;
        let outro = format!(
            "*Décompte du factor :* sur {} de créances, l'entreprise reçoit {} − {} (retenue) − {} (commission) − {} (TVA) − {} \
             (financement) = {} dès la cession, puis la retenue de garantie à l'encaissement. \
             *À retenir :* l'affacturage coûte plus cher qu'un simple découvert, mais il transfère le risque d'impayé et la gestion \
             du recouvrement au factor ; la comparaison se fait sur des coûts hors TVA récupérable.",
            euros(r),
            euros(r),
            euros(st.guarantee),
            euros(st.commission),
            euros(st.vat),
            euros(st.financing),
            euros(net_paid)
        );
        Ok(Content {
            statement,
            questions: vec![com_q, vat_q, guar_q, fin_q, cost_q, loss_q, od_q, keep_q, decision_q],
            solution_intro: "*Les montants sont arrondis au centime le plus proche (0,005\u{a0}€ et plus au centime supérieur) ; \
                             intérêts sur une année de 360 jours.*"
                .to_string(),
            solution_outro: outro,
        })
    }
}

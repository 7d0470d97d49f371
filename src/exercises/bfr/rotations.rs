//! `bfr/rotations`: rotation ratios of receivables, stocks and supplier debts, the
//! operating working-capital requirement (BFRE) in days of CA HT and in euros, and what
//! shorter customer terms free (S523, le risque global).
//!
//! Each ratio is rounded to the nearest day, as textbooks print them; the BFRE in days
//! of CA HT is computed from those rounded ratios (each weighted by its flow over the CA
//! HT) and rounded to the day too; the BFRE in euros is that whole number of days times
//! the CA HT over the days of the year, to the cent. Convention `annee`: 360 (année
//! commerciale, the default) or 365 days.

use crate::calc::working_capital::{
    bfre_days, bfre_euros, cost_of_goods_sold, rotation_days, shorter_terms_saving,
    Rotations as Ratios,
};
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use crate::world::scale::spread;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Rotations;

const YEAR: &[(&str, &str)] = &[
    ("360", "année commerciale de 360 jours"),
    ("365", "année civile de 365 jours"),
];

fn day(x: Decimal) -> Decimal {
    round_half_away(x, 0)
}

fn days_text(x: Decimal) -> String {
    let n = number(x, 0);
    if x.abs() <= Decimal::ONE {
        format!("{n} jour")
    } else {
        format!("{n} jours")
    }
}

impl Exercise for Rotations {
    fn id(&self) -> &'static str {
        "bfr/rotations"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::decimal(
                "ca_ht",
                "chiffre d'affaires annuel hors taxes",
                "1000",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "tva",
                "taux de TVA des ventes et des achats",
                "0",
                "30",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "achats_ht",
                "achats annuels de marchandises hors taxes",
                "1000",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "stock_initial",
                "stock de marchandises au début de l'exercice (au coût d'achat)",
                "0",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "stock_final",
                "stock de marchandises à la fin de l'exercice (au coût d'achat)",
                "0",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "creances",
                "créances clients TTC au bilan",
                "0",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "dettes_fournisseurs",
                "dettes fournisseurs TTC au bilan",
                "0",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::integer(
                "reduction_jours",
                "nombre de jours de crédit client en moins envisagé",
                1,
                90,
            ),
            ParamSpec::convention("annee", "nombre de jours de l'année", YEAR),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw_goods(d.rng());
        let b = scene.business;
        // The company's own turnover, to 10 000 €, within the spread every type allows.
        let ca_ht = d.number("ca_ht", |r| {
            let ca = spread(Decimal::from(b.ca_annuel), |lo, hi| r.int(lo, hi));
            ((ca / dec!(10000)).round() * dec!(10000)).max(dec!(10000))
        });
        let vat = d.number("tva", |_| scene.product.tva);
        // The cost of goods sold is what the trade's taux de marque leaves of the CA; the
        // stock about 3 to 8 weeks of it.
        let mark = Decimal::from(d.rng().int(
            i64::try_from(b.taux_marque[0].ceil()).unwrap_or(20),
            i64::try_from(b.taux_marque[1].floor()).unwrap_or(40),
        ));
        let cogs_share = Decimal::ONE - mark / dec!(100);
        let cogs_target = (ca_ht * cogs_share / dec!(1000)).round() * dec!(1000);
        let si = d.number("stock_initial", |r| {
            (cogs_target * r.decimal_step(dec!(0.05), dec!(0.16), dec!(0.01)) / dec!(100)).round()
                * dec!(100)
        });
        let sf = d.number("stock_final", |r| {
            (si * r.decimal_step(dec!(0.8), dec!(1.25), dec!(0.01)) / dec!(100)).round() * dec!(100)
        });
        let purchases = d.number("achats_ht", |_| cogs_target + sf - si);
        let ttc = |x: Decimal| round_cents(x * (Decimal::ONE + vat / dec!(100)));
        let ca_ttc = ttc(ca_ht);
        let purchases_ttc = ttc(purchases);
        let receivables = d.number("creances", |r| {
            let days = Decimal::from(r.int(30, 75));
            (ca_ttc * days / dec!(36000)).round() * dec!(100) + Decimal::from(r.int(0, 99) * 10)
        });
        let debts = d.number("dettes_fournisseurs", |r| {
            let days = Decimal::from(r.int(30, 80));
            (purchases_ttc * days / dec!(36000)).round() * dec!(100)
                + Decimal::from(r.int(0, 99) * 10)
        });
        let k = d.number("reduction_jours", |r| {
            Decimal::from(*r.pick(&[5i64, 10, 10, 15, 15, 20, 30]))
        });
        let year: u32 = match d.choice("annee") {
            "365" => 365,
            _ => 360,
        };
        let other: u32 = if year == 360 { 365 } else { 360 };

        let cogs = cost_of_goods_sold(purchases, si, sf);
        if cogs <= Decimal::ZERO || ca_ht <= Decimal::ZERO || purchases_ttc.is_zero() {
            return Err(Degenerate(
                "coût d'achat des marchandises vendues nul ou négatif".into(),
            ));
        }
        let avg_stock = (si + sf) / dec!(2);
        let ratio = |s: Decimal, f: Decimal, y: u32| {
            rotation_days(s, f, y).ok_or_else(|| Degenerate("flux nul".into()))
        };
        let dc_raw = ratio(receivables, ca_ttc, year)?;
        let ds_raw = ratio(avg_stock, cogs, year)?;
        let df_raw = ratio(debts, purchases_ttc, year)?;
        let rot = Ratios {
            stock_days: day(ds_raw),
            customer_days: day(dc_raw),
            supplier_days: day(df_raw),
        };
        let bfre_raw = bfre_days(rot, cogs, ca_ttc, purchases_ttc, ca_ht)
            .ok_or_else(|| Degenerate("dépassement".into()))?;
        let bfre_d = day(bfre_raw);
        // A drawn case has a positive BFRE; a teacher's own data may give a negative one
        // (a retailer paid cash and paying its suppliers late), which the method handles.
        let drawn = !self
            .params()
            .iter()
            .any(|p| p.name != "annee" && d.is_fixed(p.name));
        if (drawn && (bfre_d < dec!(5) || rot.stock_days < Decimal::ONE)) || rot.customer_days <= k
        {
            return Err(Degenerate(
                "BFRE trop faible, ou réduction du crédit client au moins égale au délai clients"
                    .into(),
            ));
        }
        let bfre_e = round_cents(
            bfre_euros(bfre_d, ca_ht, year).ok_or_else(|| Degenerate("dépassement".into()))?,
        );
        let saving = round_cents(
            shorter_terms_saving(k, ca_ttc, year)
                .ok_or_else(|| Degenerate("dépassement".into()))?,
        );
        let y = Decimal::from(year);
        let yo = Decimal::from(other);
        let year_msg = format!(
            "L'énoncé retient une année de {year} jours : multipliez par {year}, pas par {other}."
        );

        let q_ttc = Question::new(
            "ca_ttc",
            "chiffre d'affaires TTC",
            "Calculez le chiffre d'affaires TTC de l'exercice.",
            ca_ttc,
            Unit::Euros,
        )
        .formula("arrondi2(ca_ht * (1 + tva / 100))")
        .mistake(
            ca_ht,
            "tva-oubliee",
            "Le chiffre d'affaires TTC ajoute la TVA au chiffre d'affaires HT : CA HT × (1 + taux de TVA).",
        )
        .mistake(
            round_cents(ca_ht * vat / dec!(100)),
            "tva-seule",
            "CA HT × taux de TVA ne donne que la TVA collectée ; le CA TTC vaut CA HT × (1 + taux de TVA).",
        )
        .step(format!(
            "CA TTC = CA HT × (1 + taux de TVA) = {} × {} = **{}** (arrondi au centime).",
            euros(ca_ht),
            number(Decimal::ONE + vat / dec!(100), 4),
            euros(ca_ttc)
        ));

        let q_dc = Question::new(
            "delai_clients",
            "délai de rotation des créances clients",
            "Calculez le délai moyen de rotation des créances clients, en jours (arrondi au jour le plus proche).",
            rot.customer_days,
            Unit::Days,
        )
        .formula(format!("arrondi(creances * {year} / ca_ttc, 0)"))
        .mistake(
            day(receivables * y / ca_ht),
            "base-ht-au-lieu-de-ttc",
            "Les créances clients sont TTC (la TVA est facturée au client) : rapportez-les au chiffre d'affaires TTC, pas HT.",
        )
        .mistake(day(receivables * yo / ca_ttc), "annee-mal-choisie", year_msg.clone())
        .step(format!(
            "Délai clients = créances clients TTC / CA TTC × {year} = {} / {} × {year} {}, soit **{}** (arrondi au jour).",
            euros(receivables),
            euros(ca_ttc),
            eq(dc_raw),
            days_text(rot.customer_days)
        ));

        let q_cogs = Question::new(
            "camv",
            "coût d'achat des marchandises vendues",
            "Calculez le coût d'achat des marchandises vendues.",
            cogs,
            Unit::Euros,
        )
        .formula("achats_ht + stock_initial - stock_final")
        .mistake(
            purchases,
            "variation-stock-oubliee",
            "Le coût d'achat des marchandises vendues corrige les achats de la variation de stock : achats + stock initial − stock final.",
        )
        .mistake(
            purchases - si + sf,
            "variation-stock-inversee",
            "La variation de stock est inversée : coût d'achat des marchandises vendues = achats + stock initial − stock final (un déstockage s'ajoute aux achats).",
        )
        .step(format!(
            "Coût d'achat des marchandises vendues = achats HT + stock initial − stock final = {} + {} − {} = **{}**.",
            euros(purchases),
            euros(si),
            euros(sf),
            euros(cogs)
        ));

        let q_ds = Question::new(
            "delai_stocks",
            "délai de rotation des stocks",
            "Calculez le délai moyen de rotation du stock de marchandises, en jours (arrondi au jour le plus proche).",
            rot.stock_days,
            Unit::Days,
        )
        .formula(format!("arrondi((stock_initial + stock_final) / 2 * {year} / camv, 0)"))
        .mistake(
            day(sf * y / cogs),
            "stock-final-au-lieu-du-moyen",
            "Le délai se calcule sur le stock moyen, (stock initial + stock final) / 2, et non sur le seul stock final.",
        )
        .mistake(
            day(avg_stock * y / ca_ht),
            "stock-rapporte-au-ca",
            "Le stock est évalué au coût d'achat : rapportez-le au coût d'achat des marchandises vendues, pas au chiffre d'affaires.",
        )
        .mistake(day(avg_stock * yo / cogs), "annee-mal-choisie", year_msg.clone())
        .step(format!(
            "Stock moyen = ({} + {}) / 2 = {}. Délai stocks = stock moyen / coût d'achat des marchandises vendues × {year} = {} / {} × {year} {}, soit **{}** (arrondi au jour).",
            euros(si),
            euros(sf),
            euros(avg_stock),
            euros(avg_stock),
            euros(cogs),
            eq(ds_raw),
            days_text(rot.stock_days)
        ));

        let q_pttc = Question::new(
            "achats_ttc",
            "achats TTC",
            "Calculez le montant TTC des achats de marchandises.",
            purchases_ttc,
            Unit::Euros,
        )
        .formula("arrondi2(achats_ht * (1 + tva / 100))")
        .mistake(
            purchases,
            "tva-oubliee",
            "Les achats TTC ajoutent la TVA déductible aux achats HT : achats HT × (1 + taux de TVA).",
        )
        .mistake(
            ttc(cogs),
            "camv-au-lieu-des-achats",
            "Le crédit fournisseur porte sur les achats de l'exercice, pas sur le coût d'achat des marchandises vendues : partez des achats HT.",
        )
        .step(format!(
            "Achats TTC = achats HT × (1 + taux de TVA) = {} × {} = **{}** (arrondi au centime).",
            euros(purchases),
            number(Decimal::ONE + vat / dec!(100), 4),
            euros(purchases_ttc)
        ));

        let q_df = Question::new(
            "delai_fournisseurs",
            "délai de rotation des dettes fournisseurs",
            "Calculez le délai moyen de crédit obtenu des fournisseurs, en jours (arrondi au jour le plus proche).",
            rot.supplier_days,
            Unit::Days,
        )
        .formula(format!("arrondi(dettes_fournisseurs * {year} / achats_ttc, 0)"))
        .mistake(
            day(debts * y / purchases),
            "base-ht-au-lieu-de-ttc",
            "Les dettes fournisseurs sont TTC : rapportez-les aux achats TTC, pas HT.",
        )
        .mistake(
            day(debts * y / ca_ttc),
            "dettes-rapportees-au-ca",
            "Les dettes fournisseurs naissent des achats : rapportez-les aux achats TTC, pas au chiffre d'affaires.",
        )
        .mistake(day(debts * yo / purchases_ttc), "annee-mal-choisie", year_msg.clone())
        .step(format!(
            "Délai fournisseurs = dettes fournisseurs TTC / achats TTC × {year} = {} / {} × {year} {}, soit **{}** (arrondi au jour).",
            euros(debts),
            euros(purchases_ttc),
            eq(df_raw),
            days_text(rot.supplier_days)
        ));

        let w = |x: Decimal, f: Decimal| x * f / ca_ht;
        let (ws, wc, wf) = (
            w(rot.stock_days, cogs),
            w(rot.customer_days, ca_ttc),
            w(rot.supplier_days, purchases_ttc),
        );
        let q_bd = Question::new(
            "bfre_jours",
            "BFRE en jours de CA HT",
            "Exprimez chaque délai en jours de chiffre d'affaires HT (délai × flux / CA HT), puis calculez le BFRE en jours de CA HT (arrondi au jour le plus proche).",
            bfre_d,
            Unit::Days,
        )
        .formula("arrondi((delai_stocks * camv + delai_clients * ca_ttc - delai_fournisseurs * achats_ttc) / ca_ht, 0)")
        .mistake(
            day(rot.stock_days + rot.customer_days - rot.supplier_days),
            "delais-additionnes-sans-conversion",
            "Les délais ne portent pas sur le même flux : convertissez chacun en jours de CA HT (délai × flux / CA HT) avant de les additionner.",
        )
        .mistake(
            day(ws + wc + wf),
            "dettes-ajoutees",
            "Les dettes fournisseurs sont une ressource : elles se retranchent des stocks et des créances.",
        )
        .step(format!(
            "Stocks : {} × {} / {} {} jours de CA HT ; créances : {} × {} / {} {} jours ; dettes fournisseurs : {} × {} / {} {} jours.\n\n\
             BFRE = stocks + créances − dettes fournisseurs = {} + {} − {} {}, soit **{}** de CA HT (arrondi au jour).",
            number(rot.stock_days, 0),
            euros(cogs),
            euros(ca_ht),
            eq(ws),
            number(rot.customer_days, 0),
            euros(ca_ttc),
            euros(ca_ht),
            eq(wc),
            number(rot.supplier_days, 0),
            euros(purchases_ttc),
            euros(ca_ht),
            eq(wf),
            number(ws, 2),
            number(wc, 2),
            number(wf, 2),
            eq(ws + wc - wf),
            days_text(bfre_d)
        ));

        let q_be = Question::new(
            "bfre_euros",
            "BFRE en euros",
            "Déduisez-en le montant du BFRE en euros.",
            bfre_e,
            Unit::Euros,
        )
        .formula(format!("arrondi2(bfre_jours * ca_ht / {year})"))
        .mistake(round_cents(bfre_d * ca_ht / yo), "annee-mal-choisie", year_msg.clone())
        .mistake(
            round_cents(bfre_d * ca_ttc / y),
            "base-ttc-au-lieu-de-ht",
            "Le BFRE est exprimé en jours de CA **HT** : multipliez par le CA HT, pas TTC.",
        )
        .step(format!(
            "BFRE = BFRE en jours × CA HT / {year} = {} × {} / {year} = **{}** (arrondi au centime).",
            number(bfre_d, 0),
            euros(ca_ht),
            euros(bfre_e)
        ));

        let q_k = Question::new(
            "economie_bfre",
            "diminution du BFRE",
            format!(
                "La direction envisage de ramener le crédit client de {} à {}. De combien le BFRE diminuerait-il ?",
                days_text(rot.customer_days),
                days_text(rot.customer_days - k)
            ),
            saving,
            Unit::Euros,
        )
        .formula(format!("arrondi2(reduction_jours * ca_ttc / {year})"))
        .mistake(
            round_cents(k * ca_ht / y),
            "base-ht-au-lieu-de-ttc",
            "Les créances clients sont TTC : un jour de crédit client en moins, c'est un jour de CA TTC en moins à financer.",
        )
        .mistake(round_cents(k * ca_ttc / yo), "annee-mal-choisie", year_msg)
        .step(format!(
            "Chaque jour de crédit client représente CA TTC / {year} de créances : {} × {} / {year} = **{}** de besoin de financement en moins (arrondi au centime).",
            number(k, 0),
            euros(ca_ttc),
            euros(saving)
        ));

        let s = &scene;
        let statement = format!(
            "{} veut mesurer le besoin en fonds de roulement d'exploitation (BFRE) que lui impose son cycle achats–stockage–ventes \
             et le risque que représente le crédit accordé à ses clients. {} {}, du service comptable, \
             vous remet un extrait des comptes de l'exercice.\n\n\
             | Élément | Montant |\n|---|---:|\n\
             | Chiffre d'affaires HT | {} |\n\
             | Achats de marchandises HT | {} |\n\
             | Stock de marchandises au début de l'exercice | {} |\n\
             | Stock de marchandises à la fin de l'exercice | {} |\n\
             | Créances clients (TTC) | {} |\n\
             | Dettes fournisseurs (TTC) | {} |\n\n\
             Ventes et achats sont soumis à la TVA au taux de {}. Les stocks sont évalués au coût d'achat.\n\n\
             **Conventions.** Année de {year} jours. Arrondissez chaque délai au jour le plus proche, \
             et les montants au centime le plus proche ; le BFRE en euros se calcule à partir du BFRE en jours arrondi.",
            crate::text::capitalise(s.seller()),
            s.contact.prenom,
            s.contact.nom,
            euros(ca_ht),
            euros(purchases),
            euros(si),
            euros(sf),
            euros(receivables),
            euros(debts),
            percent(vat),
        );
        let balance = avg_stock + receivables - debts;
        let gap = if balance == bfre_e {
            "on retrouve le même montant".to_string()
        } else {
            format!(
                "l'écart avec {} vient de l'arrondi des délais au jour",
                euros(bfre_e)
            )
        };
        let outro = format!(
            "*Vérification :* BFRE en jours × CA HT / {year} = BFRE en euros. Calculé directement sur les montants \
             (stock moyen + créances − dettes fournisseurs = {} + {} − {}), le BFRE vaut {} : {gap}.\n\n\
             *À retenir :* chaque jour de crédit accordé aux clients doit être financé ; réduire les délais clients ou la durée de stockage, \
             ou obtenir plus de crédit des fournisseurs, diminue le besoin de financement et le risque de trésorerie de l'entreprise.",
            euros(avg_stock),
            euros(receivables),
            euros(debts),
            euros(balance),
        );
        Ok(Content {
            statement,
            questions: vec![q_ttc, q_dc, q_cogs, q_ds, q_pttc, q_df, q_bd, q_be, q_k],
            solution_intro: format!(
                "*Année de {year} jours ; délais arrondis au jour le plus proche (0,5 jour arrondi au jour supérieur) ; montants arrondis au centime le plus proche.*"
            ),
            solution_outro: outro,
        })
    }
}

/// "= 18" or "≈ 18,34" before a rounded value.
fn eq(x: Decimal) -> String {
    if round_half_away(x, 2) == x {
        format!("= {}", number(x, 2))
    } else {
        format!("≈\u{a0}{}", number(x, 2))
    }
}

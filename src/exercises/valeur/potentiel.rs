//! `valeur/potentiel`: actual, potential and accessible potential CA and margin of one
//! customer, its penetration rate and its qualification (S521).
//!
//! The potential is the customer's whole yearly need in the product family; the
//! accessible potential is the part a supplier can hope for. Variants: the customer never
//! gives more than a share of its purchases to one supplier (`part-maximale`), or a part
//! of the need is locked by a framework contract with a competitor (`contrat-concurrent`).
//! The qualification follows the thresholds the statement gives.

use crate::calc::customer_value::{penetration_rate, qualify, Qualification};
use crate::calc::pct;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, percent};
use crate::num::round::{round_cents, round_half_away};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Potentiel;

const VARIANTS: &[(&str, &str)] = &[
    (
        "part-maximale",
        "le client ne confie jamais plus d'une part donnée de ses achats à un même fournisseur",
    ),
    (
        "contrat-concurrent",
        "une part du besoin est couverte par un contrat-cadre avec un concurrent",
    ),
];

fn label(q: Qualification) -> &'static str {
    match q {
        Qualification::Develop => "1 (client à développer)",
        Qualification::Maintain => "2 (client à fidéliser)",
        Qualification::Secondary => "3 (client secondaire)",
    }
}

impl Exercise for Potentiel {
    fn id(&self) -> &'static str {
        "valeur/potentiel"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::variant("variante", "ce qui limite le potentiel accessible", VARIANTS),
            ParamSpec::decimal(
                "besoin_total",
                "achats annuels HT du client dans la famille de produits (potentiel)",
                "1",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "ca_realise",
                "chiffre d'affaires HT réalisé avec le client",
                "1",
                "1000000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "part_maximale",
                "part maximale des achats confiée à un même fournisseur (variante part-maximale)",
                "1",
                "100",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "part_verrouillee",
                "part du besoin couverte par le contrat du concurrent (variante contrat-concurrent)",
                "0",
                "99",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "taux_marque",
                "taux de marque de l'entreprise sur cette famille de produits",
                "0",
                "95",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "seuil_penetration",
                "taux de pénétration à partir duquel le client est « à fidéliser »",
                "1",
                "100",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "seuil_developpement",
                "CA supplémentaire accessible à partir duquel le client est « à développer »",
                "0",
                "1000000000",
                Unit::Euros,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = super::b2b_scene(d)?;
        let variant = d.choice("variante");
        let need = d.number("besoin_total", |r| {
            r.decimal_step(dec!(20000), dec!(400000), dec!(1000))
        });
        let ours = d.number("ca_realise", |r| {
            let share = Decimal::from(r.int(8, 65));
            (round_half_away(pct(need, share) / dec!(100), 0) * dec!(100)).max(dec!(100))
        });
        let (share, accessible) = if variant == "contrat-concurrent" {
            let locked = d.number("part_verrouillee", |r| {
                r.decimal_step(dec!(20), dec!(50), dec!(5))
            });
            (
                locked,
                round_cents(pct(need, Decimal::ONE_HUNDRED - locked)),
            )
        } else {
            let max = d.number("part_maximale", |r| {
                r.decimal_step(dec!(40), dec!(70), dec!(5))
            });
            (max, round_cents(pct(need, max)))
        };
        let extra = accessible - ours;
        if extra <= Decimal::ZERO {
            return Err(Degenerate(
                "le CA réalisé atteint déjà le potentiel accessible".into(),
            ));
        }
        let mark = d.number("taux_marque", |r| Decimal::from(r.int(20, 45)));
        let high = d.number("seuil_penetration", |r| {
            *r.pick(&[dec!(40), dec!(50), dec!(60)])
        });
        let threshold = d.number("seuil_developpement", |r| {
            let k = r.decimal_step(dec!(0.05), dec!(0.25), dec!(0.01));
            (round_half_away(need * k / dec!(1000), 0) * dec!(1000)).max(dec!(1000))
        });
        let pen = penetration_rate(ours, need).ok_or_else(|| Degenerate("besoin nul".into()))?;
        let qual = qualify(pen, extra, high, threshold);

        let pen_q = Question::new(
            "taux_penetration",
            "taux de pénétration",
            "Calculez le taux de pénétration de l'entreprise chez ce client (à 0,01\u{a0}% près).",
            pen,
            Unit::Percent,
        )
        .formula("arrondi(ca_realise * 100 / besoin_total, 2)")
        .mistake(
            round_half_away(ours * Decimal::ONE_HUNDRED / accessible, 2),
            "base-accessible",
            "Le taux de pénétration rapporte le CA réalisé au besoin total du client, pas au seul potentiel accessible.",
        )
        .mistake(
            round_half_away(need * Decimal::ONE_HUNDRED / ours, 2),
            "ratio-inverse",
            "Taux de pénétration = CA réalisé ÷ besoin total du client × 100 (le résultat ne dépasse pas 100\u{a0}%).",
        )
        .step(format!(
            "Taux de pénétration = CA réalisé ÷ besoin total × 100 = {} ÷ {} × 100 = **{}** (arrondi à 0,01\u{a0}%).",
            euros(ours),
            euros(need),
            percent(pen)
        ));

        let acc_q = if variant == "contrat-concurrent" {
            Question::new(
                "ca_accessible",
                "CA potentiel accessible",
                "Calculez le chiffre d'affaires potentiel accessible chez ce client.",
                accessible,
                Unit::Euros,
            )
            .formula("arrondi2(besoin_total * (100 - part_verrouillee) / 100)")
            .mistake(
                round_cents(pct(need, share)),
                "part-verrouillee-prise",
                "La part couverte par le contrat du concurrent est justement inaccessible : le potentiel accessible est le reste du besoin.",
            )
            .mistake(
                need,
                "potentiel-total",
                "Le potentiel accessible exclut ce que le contrat du concurrent réserve : retirez cette part du besoin total.",
            )
            .step(format!(
                "CA accessible = besoin total × (100\u{a0}% − part sous contrat) = {} × {} = **{}**.",
                euros(need),
                percent(Decimal::ONE_HUNDRED - share),
                euros(accessible)
            ))
        } else {
            Question::new(
                "ca_accessible",
                "CA potentiel accessible",
                "Calculez le chiffre d'affaires potentiel accessible chez ce client.",
                accessible,
                Unit::Euros,
            )
            .formula("arrondi2(besoin_total * part_maximale / 100)")
            .mistake(
                need,
                "potentiel-total",
                "Le client ne confie pas tous ses achats à un seul fournisseur : le potentiel accessible est la part maximale de son besoin.",
            )
            .mistake(
                accessible - ours,
                "realise-deduit",
                "Le potentiel accessible comprend le CA déjà réalisé ; c'est le CA supplémentaire qui le déduit.",
            )
            .step(format!(
                "CA accessible = besoin total × part maximale par fournisseur = {} × {} = **{}**.",
                euros(need),
                percent(share),
                euros(accessible)
            ))
        };

        let extra_q = Question::new(
            "ca_supplementaire",
            "CA supplémentaire accessible",
            "Calculez le chiffre d'affaires supplémentaire que l'entreprise peut encore espérer chez ce client.",
            extra,
            Unit::Euros,
        )
        .formula("ca_accessible - ca_realise")
        .mistake(
            need - ours,
            "potentiel-total-au-lieu-accessible",
            "Tout le besoin du client n'est pas accessible : partez du potentiel accessible, pas du besoin total.",
        )
        .mistake(
            accessible,
            "realise-non-deduit",
            "Le CA déjà réalisé fait partie du potentiel accessible : retirez-le pour obtenir ce qui reste à gagner.",
        )
        .step(format!(
            "CA supplémentaire accessible = CA accessible − CA réalisé = {} − {} = **{}**.",
            euros(accessible),
            euros(ours),
            euros(extra)
        ));

        let margin = round_cents(pct(ours, mark));
        let margin_q = Question::new(
            "marge_realisee",
            "marge réalisée",
            "Calculez la marge commerciale réalisée avec ce client.",
            margin,
            Unit::Euros,
        )
        .formula("arrondi2(ca_realise * taux_marque / 100)")
        .mistake(
            round_cents(ours * mark / (Decimal::ONE_HUNDRED + mark)),
            "taux-de-marge-applique",
            "Le taux de marque se calcule sur le prix de vente HT : marge = CA HT × taux de marque (ce n'est pas un taux de marge sur le coût d'achat).",
        )
        .mistake(
            round_cents(pct(ours, Decimal::ONE_HUNDRED - mark)),
            "cout-au-lieu-de-marge",
            "CA × (1 − taux de marque) donne le coût d'achat ; la marge est CA × taux de marque.",
        )
        .step(format!(
            "Marge réalisée = CA réalisé × taux de marque = {} × {} = **{}**.",
            euros(ours),
            percent(mark),
            euros(margin)
        ));

        let extra_margin = round_cents(pct(extra, mark));
        let extra_margin_q = Question::new(
            "marge_supplementaire",
            "marge supplémentaire accessible",
            "Calculez la marge supplémentaire que ce client pourrait encore apporter.",
            extra_margin,
            Unit::Euros,
        )
        .formula("arrondi2(ca_supplementaire * taux_marque / 100)")
        .mistake(
            round_cents(pct(need - ours, mark)),
            "potentiel-total-au-lieu-accessible",
            "La marge supplémentaire se calcule sur le CA supplémentaire accessible, pas sur tout le besoin restant.",
        )
        .mistake(
            round_cents(pct(accessible, mark)),
            "realise-non-deduit",
            "La marge déjà réalisée n'est pas à gagner : partez du CA supplémentaire accessible.",
        )
        .step(format!(
            "Marge supplémentaire = CA supplémentaire accessible × taux de marque = {} × {} = **{}**.",
            euros(extra),
            percent(mark),
            euros(extra_margin)
        ));

        let by_total = qualify(pen, need - ours, high, threshold);
        let mut qual_q = Question::new(
            "qualification",
            "qualification du client",
            "Qualifiez ce client selon la règle de l'entreprise. Répondez 1 (à développer), 2 (à fidéliser) ou 3 (secondaire).",
            Decimal::from(qual as i64),
            Unit::Number,
        );
        if by_total != qual {
            qual_q = qual_q.mistake(
                Decimal::from(by_total as i64),
                "potentiel-total-au-lieu-accessible",
                "La règle porte sur le CA supplémentaire accessible, pas sur le besoin total restant.",
            );
        }
        let reason = match qual {
            Qualification::Maintain => format!(
                "Le taux de pénétration ({}) atteint le seuil de {}",
                percent(pen),
                percent(high)
            ),
            Qualification::Develop => format!(
                "Le taux de pénétration ({}) est sous le seuil de {} et le CA supplémentaire accessible ({}) atteint {}",
                percent(pen),
                percent(high),
                euros(extra),
                euros(threshold)
            ),
            Qualification::Secondary => format!(
                "Le taux de pénétration ({}) est sous le seuil de {} et le CA supplémentaire accessible ({}) n'atteint pas {}",
                percent(pen),
                percent(high),
                euros(extra),
                euros(threshold)
            ),
        };
        let qual_q = qual_q.step(format!("{reason} : **{}**.", label(qual)));

        let s = &scene;
        let limit = if variant == "contrat-concurrent" {
            format!(
                "| Part du besoin couverte par un contrat-cadre signé avec un concurrent | {} |\n",
                percent(share)
            )
        } else {
            format!(
                "| Part maximale des achats que le client confie à un même fournisseur | {} |\n",
                percent(share)
            )
        };
        let statement = format!(
            "{} prépare son plan de prospection et de fidélisation. {}, {}, vous demande d'évaluer ce que représente \
             le client {} ({}) pour ses achats de {}, et ce qu'il pourrait encore représenter. \
             Un entretien avec l'acheteur a permis d'estimer ses achats annuels.\n\n\
             | Élément | Donnée |\n|---|---|\n\
             | Achats annuels HT du client pour ces produits (besoin total) | {} |\n\
             | Chiffre d'affaires HT réalisé avec le client | {} |\n\
             {limit}\
             | Taux de marque de l'entreprise sur ces produits | {} |\n\n\
             **Règle de qualification de l'entreprise.** Un client dont le taux de pénétration atteint {} est « à fidéliser » (2). \
             Sinon, il est « à développer » (1) si son CA supplémentaire accessible atteint {}, et « secondaire » (3) dans le cas contraire.\n\n\
             **Conventions.** Taux de pénétration = CA réalisé ÷ besoin total du client. \
             Le potentiel accessible est la part du besoin que l'entreprise peut espérer obtenir. \
             Arrondissez les montants au centime et les taux à 0,01\u{a0}% près.",
            crate::text::capitalise(s.seller()),
            s.business.vendeur,
            s.business.vendeur_genre.agree("commercial", "commerciale"),
            s.customer.nom,
            s.customer.ville,
            s.product.pluriel.clone(),
            euros(need),
            euros(ours),
            percent(mark),
            percent(high),
            euros(threshold),
        );
        let advice = match qual {
            Qualification::Develop => "il justifie un effort de prospection ciblé (visites plus fréquentes, offre élargie)",
            Qualification::Maintain => "l'enjeu est de conserver cette position (suivi, service, fidélisation)",
            Qualification::Secondary => "l'effort commercial doit rester limité (vente à distance, visites espacées)",
        };
        let outro = format!(
            "*À retenir :* le potentiel d'un client n'est pas son besoin total mais ce qui est accessible. \
             Ici, {} restent à gagner sur {} de besoin, soit {} de marge supplémentaire : {advice}.",
            euros(extra),
            euros(need),
            euros(extra_margin)
        );
        Ok(Content {
            statement,
            questions: vec![pen_q, acc_q, extra_q, margin_q, extra_margin_q, qual_q],
            solution_intro: "*Les montants sont arrondis au centime le plus proche, les taux à 0,01\u{a0}% près.*".to_string(),
            solution_outro: outro,
        })
    }
}

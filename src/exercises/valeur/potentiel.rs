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
use crate::exercises::action::price_step;
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, percent};
use crate::num::round::{round_cents, round_half_away};
use crate::rng::Rng;
use crate::world::Size;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Potentiel;

/// The fewest orders a customer of the portfolio places in a year.
const MIN_ORDERS: i64 = 2;

/// The most orders a customer places in a year: one a week in the product's season.
pub(super) fn max_orders(p: &crate::world::Product) -> i64 {
    4 * p.season().len() as i64
}

/// What one customer buys from the company in a year, so that the three customer-value
/// types agree with the company's scale: `orders` orders of one order's value for its
/// kind (`order_value_range`), as many as bring it near the company's turnover per
/// customer, scaled by its size and by the product's share of turnover.
#[derive(Debug, Clone, Copy)]
pub(super) struct CustomerYear {
    pub orders: i64,
    pub order_value: Decimal,
    /// `orders × order_value`, to the hundred euros.
    pub turnover: Decimal,
}

impl CustomerYear {
    pub(super) fn draw(scene: &Scene, rng: &mut Rng) -> CustomerYear {
        let (b, p) = (scene.business, scene.product);
        let qty = Decimal::from(scene.draw_quantity(rng));
        let price = rng.decimal_step(p.prix_ht_min, p.prix_ht_max, price_step(p.prix_ht_min));
        let order_value = qty * price;
        // How much more (or less) than the average customer a customer of this size buys.
        let (lo, hi) = match scene.customer.taille {
            Size::Menage => (dec!(0.05), dec!(0.3)),
            Size::Tpe => (dec!(0.3), dec!(1.2)),
            Size::Pme => (dec!(0.8), dec!(2.5)),
            Size::Grande => (dec!(2), dec!(5)),
        };
        let size = rng.decimal_step(lo, hi, dec!(0.05));
        let expected = b.turnover_per_customer() * size * Decimal::from(p.part_ca) / dec!(100);
        let orders = i64::try_from((expected / order_value).round())
            .unwrap_or(MIN_ORDERS)
            .clamp(MIN_ORDERS, max_orders(p).max(MIN_ORDERS));
        let turnover = (round_half_away(Decimal::from(orders) * order_value / dec!(100), 0)
            * dec!(100))
        .max(dec!(100));
        CustomerYear {
            orders,
            order_value,
            turnover,
        }
    }
}

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
        // The customer's yearly need: what it buys from us at a penetration rate that
        // leaves it no more than one order a week in the season, all suppliers together.
        let year = CustomerYear::draw(&scene, d.rng());
        let weekly = Decimal::from(max_orders(scene.product)) * year.order_value;
        let floor_pen = (year.turnover * dec!(100) / weekly).ceil().max(dec!(15));
        if floor_pen > dec!(65) {
            return Err(Degenerate(
                "client déjà servi presque chaque semaine".into(),
            ));
        }
        let pen_drawn = Decimal::from(d.rng().int(i64::try_from(floor_pen).unwrap_or(15), 65));
        let need_fixed = d.is_fixed("besoin_total");
        let need = d.number("besoin_total", |_| {
            (round_half_away(year.turnover * dec!(100) / pen_drawn / dec!(1000), 0) * dec!(1000))
                .max(dec!(1000))
        });
        let ours = d.number("ca_realise", |_| {
            if need_fixed {
                (round_half_away(pct(need, pen_drawn) / dec!(100), 0) * dec!(100)).max(dec!(100))
            } else {
                year.turnover
            }
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
        let [mark_lo, mark_hi] = scene.business.taux_marque;
        let mark = d.number("taux_marque", |r| {
            r.decimal_step(mark_lo, mark_hi, Decimal::ONE)
        });
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

/// Reading a generated instance back into its world: the property tests of the types
/// that derive their figures from the company's magnitudes use it.
#[cfg(test)]
pub(crate) mod probe {
    use crate::generate::generate;
    use crate::model::Instance;
    use crate::world::{world, Business, Customer, Product};
    use rust_decimal::Decimal;
    use std::collections::BTreeMap;

    /// The instance of `id` at `seed`, if the generator finds one.
    pub fn instance(id: &str, seed: u64) -> Option<Instance> {
        generate(id, seed, &BTreeMap::new()).ok()
    }

    /// A numeric parameter of the instance.
    pub fn param(inst: &Instance, name: &str) -> Decimal {
        inst.params
            .get(name)
            .and_then(|v| v.as_number())
            .unwrap_or_else(|| panic!("{} : pas de paramètre {name}", inst.code))
    }

    /// The business the statement is set in: the name it introduces first (a customer
    /// may bear the name of a business of the world), the longest of those at one place.
    pub fn business(inst: &Instance) -> &'static Business {
        world()
            .entreprise
            .iter()
            .filter_map(|b| inst.statement.find(&b.nom).map(|at| (at, b)))
            .min_by_key(|(at, b)| (*at, usize::MAX - b.nom.len()))
            .map(|(_, b)| b)
            .unwrap_or_else(|| panic!("{} : entreprise introuvable", inst.code))
    }

    /// The product of that business the statement names (the longest plural it holds).
    pub fn product(inst: &Instance) -> &'static Product {
        business(inst)
            .produit
            .iter()
            .filter(|p| inst.statement.contains(&p.pluriel))
            .max_by_key(|p| p.pluriel.len())
            .unwrap_or_else(|| panic!("{} : produit introuvable : {}", inst.code, inst.statement))
    }

    /// The customer the statement names as « Nom (Ville) ».
    pub fn customer(inst: &Instance) -> &'static Customer {
        world()
            .client
            .iter()
            .filter(|k| inst.statement.contains(&format!("{} ({})", k.nom, k.ville)))
            .max_by_key(|k| k.nom.len())
            .unwrap_or_else(|| panic!("{} : client introuvable", inst.code))
    }
}

#[cfg(test)]
mod tests {
    use super::max_orders;
    use super::probe::{business, customer, instance, param, product};
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    const SEEDS: u64 = 500;

    /// The yearly purchases a customer of the instance's kind can make from one
    /// supplier: from two orders at the smallest value to one a week of the season at
    /// the largest, rounded to the hundred euros either way.
    fn yearly_bounds(inst: &crate::model::Instance) -> (Decimal, Decimal) {
        let p = product(inst);
        let (lo, hi) = p
            .order_value_range(&customer(inst).acheteur)
            .expect("the customer's kind buys the product");
        (
            (lo * Decimal::TWO - dec!(50)).max(dec!(100)),
            hi * Decimal::from(max_orders(p)) + dec!(50),
        )
    }

    #[test]
    fn potential_stays_at_the_scale_of_the_customer() {
        let mut seen = 0;
        for seed in 0..SEEDS {
            let Some(inst) = instance("valeur/potentiel", seed) else {
                continue;
            };
            seen += 1;
            let (lo, hi) = yearly_bounds(&inst);
            let ours = param(&inst, "ca_realise");
            let need = param(&inst, "besoin_total");
            assert!(
                ours >= lo && ours <= hi,
                "{}: {ours} hors de {lo}–{hi}",
                inst.code
            );
            // At least 15 % of the need: the need is never more than 7 times the sales.
            assert!(
                need <= hi + dec!(1000),
                "{}: besoin {need} > {hi}",
                inst.code
            );
            assert!(
                need * dec!(15) <= ours * dec!(100) + dec!(15000),
                "{}",
                inst.code
            );
            let [m_lo, m_hi] = business(&inst).taux_marque;
            let mark = param(&inst, "taux_marque");
            assert!(
                mark >= m_lo && mark <= m_hi,
                "{}: taux de marque {mark}",
                inst.code
            );
        }
        assert!(seen >= SEEDS * 9 / 10, "{seen} instances sur {SEEDS}");
    }

    #[test]
    fn customer_account_stays_at_the_scale_of_the_customer() {
        for seed in 0..SEEDS {
            let Some(inst) = instance("valeur/compte-exploitation-client", seed) else {
                continue;
            };
            let (lo, hi) = yearly_bounds(&inst);
            let p = product(&inst);
            let ca_ht = param(&inst, "ca_ttc") * dec!(100) / (dec!(100) + param(&inst, "tva"));
            assert!(
                ca_ht >= lo - dec!(1) && ca_ht <= hi + dec!(1),
                "{}: CA HT {ca_ht}",
                inst.code
            );
            let deliveries = param(&inst, "nb_livraisons");
            assert!(
                deliveries >= Decimal::TWO && deliveries <= Decimal::from(max_orders(p)),
                "{}: {deliveries} livraisons",
                inst.code
            );
            let [m_lo, m_hi] = business(&inst).taux_marque;
            let mark = (ca_ht - param(&inst, "cout_achat")) * dec!(100) / ca_ht;
            assert!(
                mark >= m_lo - dec!(0.5) && mark <= m_hi + dec!(0.5),
                "{}: taux de marque {mark}",
                inst.code
            );
        }
    }

    #[test]
    fn lifetime_margin_stays_under_the_customer_margin() {
        for seed in 0..SEEDS {
            let Some(inst) = instance("valeur/valeur-client", seed) else {
                continue;
            };
            let (lo, hi) = yearly_bounds(&inst);
            let [m_lo, m_hi] = business(&inst).taux_marque;
            let m = param(&inst, "marge_annuelle");
            assert!(
                m <= hi * m_hi / dec!(100) * dec!(0.7) + dec!(50),
                "{}: {m}",
                inst.code
            );
            assert!(
                m >= (lo * m_lo / dec!(100) * dec!(0.5) - dec!(50)).min(dec!(50)),
                "{}: {m}",
                inst.code
            );
        }
    }
}

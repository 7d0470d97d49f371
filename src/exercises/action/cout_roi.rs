//! `action/cout-roi`: cost, result and ROI of a commercial action (S532).
//!
//! Variants: a mailing followed by telephone calls, an e-mailing with a discount coupon
//! (the discount is a cost of the action, as in the course material), a stand at a trade
//! fair. ROI = margin generated ÷ cost of the action (the margin brought back by one euro
//! invested), to 2 decimals; the break-even number of sales is cost ÷ (taux de marque ×
//! price), rounded up to the next whole sale. With a coupon the discount is a variable cost:
//! the break-even divides the costs engaged before any sale by the margin net of discount
//! (as the S531 chapter of the book teaches).

use super::price_step;
use crate::calc::action::{action_cost, break_even_sales, cost_per_contact, coupon_cost, roi};
use crate::calc::pct;
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct CoutRoi;

const VARIANTS: &[(&str, &str)] = &[
    (
        "mailing-relance",
        "mailing postal suivi d'une relance téléphonique",
    ),
    (
        "e-mailing-coupon",
        "e-mailing accompagné d'un coupon de réduction",
    ),
    ("salon", "participation à un salon professionnel"),
];

impl Exercise for CoutRoi {
    fn id(&self) -> &'static str {
        "action/cout-roi"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::variant("variante", "action commerciale évaluée", VARIANTS),
            ParamSpec::integer("nb_contacts", "nombre de contacts touchés", 1, 10_000_000),
            ParamSpec::decimal(
                "frais_fixes",
                "frais fixes de l'action",
                "0",
                "10000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "cout_par_contact",
                "coût variable par contact",
                "0",
                "10000",
                Unit::Euros,
            ),
            ParamSpec::integer(
                "nb_acheteurs",
                "nombre de contacts qui ont acheté",
                1,
                10_000_000,
            ),
            ParamSpec::decimal(
                "prix_vente",
                "montant HT moyen de la commande d'un acheteur",
                "0.01",
                "1000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_marge",
                "taux de marque (marge en\u{a0}% du prix de vente HT)",
                "1",
                "95",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "taux_remise",
                "réduction accordée par le coupon (variante e-mailing-coupon)",
                "1",
                "90",
                Unit::Percent,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let variant = d.choice("variante");
        // Contacts in proportion to the company's portfolio (in percent of it): a firm of
        // 60 customers does not mail thousands of prospects.
        let (contacts_pct, fixed_range, unit_range, buyers_pct) = match variant {
            "mailing-relance" => ((50i64, 300i64), (15, 40), (120, 360, 5), (1, 6)),
            "e-mailing-coupon" => ((100, 500), (6, 25), (2, 12, 1), (1, 4)),
            _ => ((20, 100), (30, 120), (150, 600, 10), (5, 20)),
        };
        let portfolio = Decimal::from(scene.business.clients);
        let contacts = d.number("nb_contacts", |r| {
            let x = portfolio * Decimal::from(r.int(contacts_pct.0, contacts_pct.1)) / dec!(100);
            let step = if x >= dec!(1000) { dec!(100) } else { dec!(10) };
            ((x / step).round() * step).max(dec!(20))
        });
        let contacts = i64::try_from(contacts).unwrap_or(1);
        let fixed = d.number("frais_fixes", |r| {
            Decimal::from(r.int(fixed_range.0, fixed_range.1) * 100)
        });
        let per_contact = d.number("cout_par_contact", |r| {
            Decimal::new(
                r.int(unit_range.0 / unit_range.2, unit_range.1 / unit_range.2) * unit_range.2,
                2,
            )
        });
        let buyers = d.number("nb_acheteurs", |r| {
            let share = Decimal::from(r.int(buyers_pct.0 * 4, buyers_pct.1 * 4)) / dec!(400);
            round_half_away(Decimal::from(contacts) * share, 0).max(Decimal::ONE)
        });
        let buyers = i64::try_from(buyers).unwrap_or(1);
        let p = scene.product;
        // What one buyer orders on average: a plausible quantity of the product, at a
        // round amount.
        let qty = Decimal::from(scene.draw_quantity(d.rng()));
        let price = d.number("prix_vente", |r| {
            let unit = r.decimal_step(p.prix_ht_min, p.prix_ht_max, price_step(p.prix_ht_min));
            let basket = unit * qty;
            let step = price_step(basket);
            (basket / step).ceil() * step
        });
        // The company's taux de marque.
        let [mark_lo, mark_hi] = scene.business.taux_marque;
        let rate = d.number("taux_marge", |r| {
            r.decimal_step(mark_lo, mark_hi, Decimal::ONE)
        });
        let discount = (variant == "e-mailing-coupon")
            .then(|| d.number("taux_remise", |r| Decimal::from(r.int(2, 6) * 5)));
        if !d.is_fixed("prix_vente") && !d.is_fixed("taux_marge") {
            // A drawn case should look like a real campaign: neither ruinous nor magic.
            let margin = pct(price * Decimal::from(buyers), rate);
            let cost = fixed + per_contact * Decimal::from(contacts);
            if margin < cost * dec!(0.4) || margin > cost * dec!(2.5) {
                return Err(Degenerate("action peu plausible".into()));
            }
        }
        if variant == "e-mailing-coupon"
            && scene.business.secteur.to_lowercase().contains("pharmac")
        {
            // Discount coupons on medicines are not a promotion a pharmacy may run.
            return Err(Degenerate("coupon sur des médicaments".into()));
        }
        if buyers > contacts {
            return Err(Degenerate("plus d'acheteurs que de contacts".into()));
        }
        if discount.is_some_and(|t| t >= rate) {
            return Err(Degenerate("réduction supérieure au taux de marque".into()));
        }
        let coupon = discount.map(|t| coupon_cost(price, t, buyers));
        let variable = round_cents(per_contact * Decimal::from(contacts));
        let cost = action_cost(fixed, per_contact, contacts, coupon.unwrap_or_default())
            .ok_or_else(|| Degenerate("dépassement".into()))?;
        if cost <= Decimal::ZERO {
            return Err(Degenerate("action sans coût".into()));
        }
        let ca = round_cents(price * Decimal::from(buyers));
        let margin = round_cents(pct(ca, rate));
        let result = margin - cost;
        let roi_v = roi(margin, cost).ok_or_else(|| Degenerate("coût nul".into()))?;
        let be = break_even_sales(cost, rate, price).ok_or_else(|| Degenerate("seuil".into()))?;
        let be_discount = |upfront: Decimal, net_rate: Decimal, price: Decimal| {
            break_even_sales(upfront, net_rate, price).ok_or_else(|| Degenerate("seuil".into()))
        };
        let n = Decimal::from(contacts);
        let b = Decimal::from(buyers);
        let nb = number(b, 0);

        let mut questions = Vec::new();
        if let (Some(t), Some(c)) = (discount, coupon) {
            questions.push(
                Question::new(
                    "cout_remises",
                    "coût des réductions accordées",
                    "Calculez le coût des réductions accordées grâce au coupon.",
                    c,
                    Unit::Euros,
                )
                .formula("arrondi2(prix_vente * taux_remise / 100 * nb_acheteurs)")
                .mistake(
                    round_cents(pct(price, t) * n),
                    "remise-sur-tous-les-contacts",
                    "Seuls les acheteurs utilisent le coupon : la réduction se multiplie par le nombre d'acheteurs, pas par le nombre de contacts.",
                )
                .mistake(
                    round_cents(pct(price, t)),
                    "remise-unitaire",
                    "Vous avez donné la réduction sur une seule vente : multipliez-la par le nombre d'acheteurs.",
                )
                .step(format!(
                    "Coût des réductions = montant moyen d'une commande HT × taux de réduction × nombre d'acheteurs = {} × {} × {nb} = **{}**.",
                    euros(price),
                    percent(t),
                    euros(c)
                )),
            );
        }
        let coupon_term = if coupon.is_some() {
            " + cout_remises"
        } else {
            ""
        };
        let mut cost_q = Question::new(
            "cout_action",
            "coût de l'action",
            "Calculez le coût total de l'action.",
            cost,
            Unit::Euros,
        )
        .formula(format!(
            "arrondi2(frais_fixes + nb_contacts * cout_par_contact{coupon_term})"
        ))
        .mistake(
            cost - fixed,
            "frais-fixes-oublies",
            "Le coût de l'action comprend aussi les frais fixes, engagés quel que soit le nombre de contacts.",
        )
        .mistake(
            cost - variable,
            "couts-variables-oublies",
            "Le coût par contact se multiplie par le nombre de contacts et s'ajoute aux frais fixes.",
        );
        let coupon_text = match coupon {
            Some(c) => {
                cost_q = cost_q.mistake(
                    cost - c,
                    "remises-oubliees",
                    "Les réductions accordées par le coupon sont un coût de l'action : ajoutez-les.",
                );
                format!(" + coût des réductions {}", euros(c))
            }
            None => String::new(),
        };
        questions.push(cost_q.step(format!(
            "Coût de l'action = frais fixes + nombre de contacts × coût par contact{} = {} + {} × {}{coupon_text} = **{}**.",
            if coupon.is_some() { " + réductions" } else { "" },
            euros(fixed),
            number(n, 0),
            euros(per_contact),
            euros(cost)
        )));
        let per = cost_per_contact(cost, contacts).ok_or_else(|| Degenerate("0".into()))?;
        questions.push(
            Question::new(
                "cout_contact",
                "coût unitaire du contact",
                "Calculez le coût unitaire du contact.",
                per,
                Unit::Euros,
            )
            .formula("arrondi2(cout_action / nb_contacts)")
            .mistake(
                round_cents(cost / b),
                "cout-par-acheteur",
                "Le coût unitaire du contact divise le coût de l'action par le nombre de contacts touchés, pas par le nombre d'acheteurs (ce serait le coût d'acquisition d'un acheteur).",
            )
            .mistake(
                per_contact,
                "cout-variable-seul",
                "Le coût unitaire du contact est le coût total de l'action (frais fixes compris) divisé par le nombre de contacts.",
            )
            .step(format!(
                "Coût unitaire du contact = coût de l'action ÷ nombre de contacts = {} ÷ {} = **{}** (arrondi au centime).",
                euros(cost),
                number(n, 0),
                euros(per)
            )),
        );
        questions.push(
            Question::new(
                "ca_genere",
                "chiffre d'affaires généré",
                "Calculez le chiffre d'affaires HT généré par l'action.",
                ca,
                Unit::Euros,
            )
            .formula("arrondi2(nb_acheteurs * prix_vente)")
            .mistake(
                round_cents(n * price),
                "ca-sur-contacts",
                "Seuls les acheteurs génèrent du chiffre d'affaires : multipliez le prix par le nombre d'acheteurs, pas par le nombre de contacts.",
            )
            .mistake(
                ca - cost,
                "gain-brut-au-lieu-du-ca",
                "Le chiffre d'affaires généré est nombre d'acheteurs × prix de vente HT, sans déduire le coût de l'action.",
            )
            .step(format!(
                "CA généré = nombre d'acheteurs × montant moyen d'une commande HT = {nb} × {} = **{}**.",
                euros(price),
                euros(ca)
            )),
        );
        questions.push(
            Question::new(
                "marge_generee",
                "marge générée",
                "Calculez la marge commerciale générée par l'action.",
                margin,
                Unit::Euros,
            )
            .formula("arrondi2(ca_genere * taux_marge / 100)")
            .mistake(
                round_cents(ca * rate / (Decimal::ONE_HUNDRED + rate)),
                "taux-de-marque-lu-comme-taux-de-marge",
                "Le taux donné est un taux de marque : il s'applique au prix de vente HT, marge = CA × taux de marque (et non CA × t / (1 + t)).",
            )
            .mistake(
                ca - margin,
                "cout-d-achat-au-lieu-de-la-marge",
                "CA × (1 − taux de marque) est le coût d'achat des produits vendus ; la marge est CA × taux de marque.",
            )
            .step(format!(
                "Marge générée = CA généré × taux de marque = {} × {} = **{}**.",
                euros(ca),
                percent(rate),
                euros(margin)
            )),
        );
        questions.push(
            Question::new(
                "resultat",
                "résultat de l'action",
                "Calculez le résultat de l'action en tenant compte de la marge.",
                result,
                Unit::Euros,
            )
            .formula("marge_generee - cout_action")
            .mistake(
                ca - cost,
                "resultat-sur-ca",
                "CA − coût n'est que le gain brut : il ignore le coût d'achat des produits vendus. Le résultat de l'action est marge générée − coût de l'action.",
            )
            .mistake(
                cost - margin,
                "signe-inverse",
                "Résultat = marge générée − coût de l'action : il est négatif quand le coût dépasse la marge.",
            )
            .step(format!(
                "Résultat = marge générée − coût de l'action = {} − {} = **{}** : l'action est {}.",
                euros(margin),
                euros(cost),
                euros(result),
                if result >= Decimal::ZERO { "bénéficiaire" } else { "déficitaire" }
            )),
        );
        questions.push(
            Question::new(
                "roi",
                "retour sur investissement (ROI)",
                "Calculez le retour sur investissement de l'action (ROI = marge générée ÷ coût de l'action), arrondi à deux décimales.",
                roi_v,
                Unit::Coefficient,
            )
            .formula("arrondi(marge_generee / cout_action, 2)")
            .mistake(
                round_half_away(ca / cost, 2),
                "roi-sur-ca",
                "Le ROI rapporte la marge, et non le chiffre d'affaires, au coût de l'action : un euro de CA ne rapporte pas un euro à l'entreprise.",
            )
            .mistake(
                round_half_away(result / cost, 2),
                "roi-sur-resultat",
                "Selon la définition de l'énoncé, ROI = marge générée ÷ coût de l'action (et non résultat ÷ coût).",
            )
            .mistake(
                round_half_away(cost / margin.max(dec!(0.01)), 2),
                "roi-inverse",
                "Le ROI est marge ÷ coût (ce que rapporte un euro investi), pas coût ÷ marge.",
            )
            .step(format!(
                "ROI = marge générée ÷ coût de l'action = {} ÷ {} = **{}** (arrondi à 0,01) : un euro investi rapporte {} de marge{}.",
                euros(margin),
                euros(cost),
                number(roi_v, 2),
                euros(roi_v),
                if roi_v >= Decimal::ONE { ", l'action est rentable" } else { " : l'action n'est pas rentable" }
            )),
        );
        let seuil_q = match (discount, coupon) {
            (Some(t), Some(c)) => {
                // The discount is paid on every sale: it is a variable cost, so only the
                // costs engaged before any sale are divided by the margin net of discount.
                let upfront = cost - c;
                let net_unit = pct(price, rate - t);
                let raw = upfront / net_unit;
                Question::new(
                    "seuil_ventes",
                    "seuil de rentabilité de l'action (nombre de ventes)",
                    "Calculez le nombre de ventes nécessaires pour que l'action soit rentable (arrondi à l'unité supérieure), sachant que chaque vente supporte la réduction du coupon.",
                    be_discount(upfront, rate - t, price)?,
                    Unit::Number,
                )
                .formula("arrondi_sup((cout_action - cout_remises) / ((taux_marge - taux_remise) / 100 * prix_vente))")
                .mistake(
                    raw.floor(),
                    "seuil-arrondi-par-defaut",
                    "Avec une vente de moins que le quotient, la marge ne couvre pas le coût : le seuil s'arrondit à l'unité supérieure.",
                )
                .mistake(
                    (cost / pct(price, rate)).ceil(),
                    "remise-comptee-en-cout-fixe",
                    "La réduction est payée à chaque vente : c'est un coût variable. Divisez les seuls coûts engagés avant toute vente (frais fixes et coût des contacts) par la marge unitaire diminuée de la réduction.",
                )
                .mistake(
                    (upfront / pct(price, rate)).ceil(),
                    "remise-oubliee-dans-la-marge",
                    "Chaque vente ne rapporte que sa marge diminuée de la réduction accordée : marge unitaire = prix × (taux de marque − taux de réduction).",
                )
                .step(format!(
                    "La réduction est payée à chaque vente : c'est un coût variable. Coûts engagés avant toute vente = {} − {} = {} ; \
                     marge unitaire nette de réduction = {} × ({} − {}) = {}. Seuil = {} ÷ {} = {} ventes, arrondi à l'unité supérieure : **{} ventes**. \
                     Il y a eu {nb} acheteurs : {}.",
                    euros(cost),
                    euros(c),
                    euros(upfront),
                    euros(price),
                    percent(rate),
                    percent(t),
                    euros(net_unit),
                    euros(upfront),
                    euros(net_unit),
                    number(raw, 2),
                    number(be_discount(upfront, rate - t, price)?, 0),
                    if b >= be_discount(upfront, rate - t, price)? { "le seuil est atteint" } else { "le seuil n'est pas atteint" }
                ))
            }
            _ => {
                let unit_margin = pct(price, rate);
                let raw = cost / unit_margin;
                Question::new(
                    "seuil_ventes",
                    "seuil de rentabilité de l'action (nombre de ventes)",
                    "Calculez le nombre de ventes nécessaires pour que l'action soit rentable (arrondi à l'unité supérieure).",
                    be,
                    Unit::Number,
                )
                .formula("arrondi_sup(cout_action / (taux_marge / 100 * prix_vente))")
                .mistake(
                    raw.floor(),
                    "seuil-arrondi-par-defaut",
                    "Avec une vente de moins que le quotient, la marge ne couvre pas le coût : le seuil s'arrondit à l'unité supérieure.",
                )
                .mistake(
                    (cost / price).ceil(),
                    "taux-de-marque-oublie",
                    "Chaque vente ne rapporte que sa marge (taux de marque × prix), pas tout son prix : seuil = coût ÷ taux de marque ÷ prix.",
                )
                .mistake(
                    round_cents(cost * Decimal::ONE_HUNDRED / rate),
                    "seuil-en-valeur",
                    "Coût ÷ taux de marque donne le seuil en chiffre d'affaires ; divisez-le encore par le montant moyen d'une commande pour obtenir un nombre de ventes.",
                )
                .step(format!(
                    "Seuil = (coût de l'action ÷ taux de marque) ÷ montant moyen d'une commande = ({} ÷ {}) ÷ {} = {} ÷ {} = {} ventes, arrondi à l'unité supérieure : **{} ventes**. \
                     Il y a eu {nb} acheteurs : {}.",
                    euros(cost),
                    percent(rate),
                    euros(price),
                    euros(cost * Decimal::ONE_HUNDRED / rate),
                    euros(price),
                    number(raw, 2),
                    number(be, 0),
                    if b >= be { "le seuil est atteint" } else { "le seuil n'est pas atteint" }
                ))
            }
        };
        let be = seuil_q.answer;
        questions.push(seuil_q);

        let s = &scene;
        let products = s.product.pluriel.clone();
        let (intro, fixed_label, unit_label) = match variant {
            "mailing-relance" => (
                format!(
                    "{} a envoyé par courrier une offre de {products} à {} prospects, puis les a relancés par téléphone.",
                    crate::text::capitalise(s.seller()),
                    number(n, 0)
                ),
                "Frais fixes (conception du message, location du fichier d'adresses)",
                "Coût par contact (impression, affranchissement, appel de relance)",
            ),
            "e-mailing-coupon" => (
                format!(
                    "{} a adressé un e-mailing à {} contacts de sa base, avec un coupon de réduction de {} valable sur ses {products}.",
                    crate::text::capitalise(s.seller()),
                    number(n, 0),
                    percent(discount.unwrap_or_default())
                ),
                "Frais fixes (création du message, abonnement à la plateforme d'envoi)",
                "Coût par contact (envoi et suivi des ouvertures)",
            ),
            _ => (
                format!(
                    "{} a tenu un stand au salon professionnel de sa région pour présenter ses {products} ; ses commerciaux y ont rencontré {} visiteurs qualifiés.",
                    crate::text::capitalise(s.seller()),
                    number(n, 0)
                ),
                "Frais fixes (location et aménagement du stand, déplacements, hébergement)",
                "Coût par contact (documentation, échantillon, saisie de la fiche contact)",
            ),
        };
        let discount_row = match discount {
            Some(t) => format!(
                "| Réduction accordée par le coupon (sur le prix HT) | {} |\n",
                percent(t)
            ),
            None => String::new(),
        };
        let statement = format!(
            "{intro} {} {} vous demande d'évaluer l'efficacité de l'opération.\n\n\
             | Élément | Donnée |\n|---|---|\n\
             | {fixed_label} | {} |\n\
             | {unit_label} | {} |\n\
             | Nombre de contacts | {} |\n\
             | Nombre d'acheteurs | {} |\n\
             | Montant HT moyen de la commande d'un acheteur | {} |\n\
             | Taux de marque (marge en\u{a0}% du prix de vente HT) | {} |\n{discount_row}\n\
             **Conventions.** {}Le ROI est défini comme la marge générée divisée par le coût de l'action \
             (marge rapportée par un euro investi), arrondi à deux décimales. Le seuil de rentabilité de \
             l'action est le nombre de ventes dont la marge couvre le coût, arrondi à l'unité supérieure. \
             Arrondissez les montants au centime le plus proche.",
            s.contact.prenom,
            s.contact.nom,
            euros(fixed),
            euros(per_contact),
            number(n, 0),
            number(b, 0),
            euros(price),
            percent(rate),
            if coupon.is_some() {
                "Les réductions accordées aux acheteurs font partie du coût de l'action ; le CA généré se calcule au prix HT avant réduction. \
                 Pour le seuil de rentabilité, la réduction, payée à chaque vente, est un coût variable : elle diminue la marge de chaque vente. "
            } else {
                ""
            },
        );
        let outro = if roi_v >= Decimal::ONE {
            format!(
                "*Conclusion :* chaque euro investi rapporte {} de marge ; l'action est rentable et peut être reconduite, en surveillant le coût du contact ({}).",
                euros(roi_v),
                euros(per)
            )
        } else {
            format!(
                "*Conclusion :* chaque euro investi ne rapporte que {} de marge ; l'action n'est pas rentable. \
                 Pour la reconduire, il faudrait réduire son coût (mieux cibler les contacts, renégocier les frais fixes) \
                 ou améliorer le taux de transformation pour atteindre au moins {} ventes.",
                euros(roi_v),
                number(be, 0)
            )
        };
        Ok(Content {
            statement,
            questions,
            solution_intro: "*Les montants sont arrondis au centime le plus proche ; ROI = marge ÷ coût, arrondi à 0,01 ; seuil arrondi à l'unité supérieure.*".to_string(),
            solution_outro: outro,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::exercises::valeur::potentiel::probe::{business, instance, param};
    use crate::generate::generate;
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;
    use std::collections::BTreeMap;

    #[test]
    fn contacts_and_margin_rate_are_the_company_s() {
        let mut seen = 0;
        for seed in 0..500 {
            let Some(inst) = instance("action/cout-roi", seed) else {
                continue;
            };
            seen += 1;
            let b = business(&inst);
            let n = Decimal::from(b.clients);
            let contacts = param(&inst, "nb_contacts");
            assert!(
                contacts >= (n * dec!(0.2) - dec!(50)).min(dec!(20)),
                "{}",
                inst.code
            );
            assert!(
                contacts <= n * dec!(5) + dec!(50),
                "{}: {contacts} pour {n}",
                inst.code
            );
            let [lo, hi] = b.taux_marque;
            let rate = param(&inst, "taux_marge");
            assert!(rate >= lo && rate <= hi, "{}: {rate}", inst.code);
        }
        assert!(seen >= 450, "{seen} instances sur 500");
    }

    #[test]
    fn the_e5_case_may_fix_price_and_rate() {
        let set: BTreeMap<String, String> = [("taux_marge", "35"), ("prix_vente", "1200")]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .into();
        for seed in 0..20 {
            let inst = generate("action/cout-roi", seed, &set).expect("exercise");
            assert_eq!(param(&inst, "taux_marge"), dec!(35));
        }
    }
}

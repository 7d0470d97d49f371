//! `financement/escompte-reglement`: pay now with an escompte or pay later (S512).
//!
//! The customer may pay the invoice at once with an escompte of e %, or in j days
//! without it. Variants: the invoice is given TTC (`facture-ttc`) or HT with its TVA
//! (`facture-ht`): net to pay in each case and the annual cost of the escompte; or the
//! largest escompte worth granting against a bank rate (`escompte-maximal`).
//! Convention `cout_escompte`: e / (1 − e) × 360 / j (default) or e × 360 / j.

use crate::calc::interest::{discount_cost_rate, discount_rate_for_cost, DiscountCost};
use crate::calc::pct;
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct EscompteReglement;

const VARIANTS: &[(&str, &str)] = &[
    (
        "facture-ttc",
        "facture donnée TTC, escompte calculé sur le TTC",
    ),
    (
        "facture-ht",
        "facture donnée HT, escompte sur le HT et TVA sur le net financier",
    ),
    (
        "escompte-maximal",
        "coût de l'escompte proposé et taux d'escompte maximal au regard du taux bancaire",
    ),
];
const COST: &[(&str, &str)] = &[
    (
        "e-sur-1-moins-e",
        "coût annuel = e / (1 − e) × 360 / j (escompte rapporté à la somme payée comptant)",
    ),
    ("e-simple", "coût annuel = e × 360 / j"),
];
const DISCOUNTS: [Decimal; 6] = [dec!(1), dec!(1.5), dec!(2), dec!(2.5), dec!(3), dec!(0.5)];
const DELAYS: [i64; 5] = [30, 45, 60, 60, 90];

impl Exercise for EscompteReglement {
    fn id(&self) -> &'static str {
        "financement/escompte-reglement"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::variant(
                "variante",
                "ce qui est donné et ce qui est demandé",
                VARIANTS,
            ),
            ParamSpec::decimal(
                "montant",
                "montant de la facture (TTC ou HT selon la variante)",
                "1",
                "10000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_tva",
                "taux de TVA (variante facture-ht)",
                "0",
                "20",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "escompte",
                "taux d'escompte pour paiement comptant",
                "0.1",
                "10",
                Unit::Percent,
            ),
            ParamSpec::integer("delai", "délai de paiement sans escompte, en jours", 1, 365),
            ParamSpec::decimal(
                "taux_banque",
                "taux annuel du découvert bancaire",
                "0.1",
                "30",
                Unit::Percent,
            ),
            ParamSpec::convention("cout_escompte", "mesure du coût annuel de l'escompte", COST),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let variant = d.choice("variante");
        let amount = d.number("montant", |r| {
            r.decimal_step(dec!(800), dec!(24000), dec!(0.01))
        });
        let vat_rate = d.number("taux_tva", |_| scene.product.tva);
        let discount = d.number("escompte", |r| *r.pick(&DISCOUNTS));
        let days = d.number("delai", |r| Decimal::from(*r.pick(&DELAYS)));
        let days = i64::try_from(days).unwrap_or(1);
        let bank = d.number("taux_banque", |r| {
            r.decimal_step(dec!(4), dec!(14), dec!(0.25))
        });
        let basis = match d.choice("cout_escompte") {
            "e-simple" => DiscountCost::Simple,
            _ => DiscountCost::OnNetPaid,
        };
        let cost = discount_cost_rate(discount, days, 360, basis);
        let shown = round_half_away(cost, 2);
        if shown == bank && !d.is_fixed("taux_banque") {
            return Err(Degenerate(
                "coût de l'escompte égal au taux bancaire".into(),
            ));
        }
        let ctx = Ctx {
            scene,
            amount,
            vat_rate,
            discount,
            days,
            bank,
            basis,
        };
        Ok(match variant {
            "facture-ht" => ctx.invoice_ht(),
            "escompte-maximal" => ctx.maximal(),
            _ => ctx.invoice_ttc(),
        })
    }
}

struct Ctx {
    scene: Scene,
    amount: Decimal,
    vat_rate: Decimal,
    discount: Decimal,
    days: i64,
    bank: Decimal,
    basis: DiscountCost,
}

impl Ctx {
    fn intro(&self) -> String {
        let s = &self.scene;
        format!(
            "Le {}, {} facture à {} une commande de {}. Le client peut régler comptant en bénéficiant d'un escompte de {}, \
             ou payer à {} jours sans escompte. Son découvert bancaire lui coûte {} par an. \
             Vous aidez {}, {} de clientèle, à préparer la réponse au client qui hésite.",
            s.date.french(),
            s.seller(),
            s.buyer(),
            s.product.pluriel.clone(),
            percent(self.discount),
            self.days,
            percent(self.bank),
            s.business.vendeur,
            s.business.vendeur_genre.agree("chargé", "chargée")
        )
    }

    fn convention(&self) -> String {
        let rule = match self.basis {
            DiscountCost::OnNetPaid => {
                "le coût annuel de l'escompte se mesure en rapportant l'escompte à la somme payée comptant : \
                 taux = e / (1 − e) × 360 / j"
            }
            DiscountCost::Simple => {
                "le coût annuel de l'escompte se mesure par le taux d'escompte annualisé : taux = e × 360 / j"
            }
        };
        format!(
            "**Conventions.** Année commerciale de 360 jours ; {rule}, e étant le taux d'escompte et j le nombre de jours \
             de paiement anticipé. Arrondissez les montants au centime le plus proche et les taux à 0,01\u{a0}%."
        )
    }

    fn cost_formula(&self) -> String {
        match self.basis {
            DiscountCost::OnNetPaid => {
                "arrondi(escompte / (100 - escompte) * 360 / delai * 100, 2)"
            }
            DiscountCost::Simple => "arrondi(escompte * 360 / delai, 2)",
        }
        .to_string()
    }

    /// The cost rate question. `paid_later` and `paid_now` are the two amounts of the
    /// invoice, which a student may use instead of the rates (tolerance widened by the
    /// cents of rounding this brings).
    fn q_cost(&self, amounts: Option<(Decimal, Decimal)>) -> Question {
        let (e, j) = (self.discount, self.days);
        let cost = discount_cost_rate(e, j, 360, self.basis);
        let shown = round_half_away(cost, 2);
        let mut tol = dec!(0.01);
        if let Some((later, now)) = amounts {
            let saved = later - now;
            let alt = match self.basis {
                DiscountCost::OnNetPaid => saved / now,
                DiscountCost::Simple => saved / later,
            } * dec!(36000)
                / Decimal::from(j);
            let gap = (alt - shown).abs() + dec!(0.005);
            tol = tol
                .max(gap.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::AwayFromZero));
        }
        let other = match self.basis {
            DiscountCost::OnNetPaid => DiscountCost::Simple,
            DiscountCost::Simple => DiscountCost::OnNetPaid,
        };
        let (other_note, other_msg) = match self.basis {
            DiscountCost::OnNetPaid => (
                "taux-rapporte-au-montant-brut",
                "Vous avez annualisé le taux d'escompte seul (e × 360 / j) : l'énoncé rapporte l'escompte à la somme \
                 réellement payée comptant, soit e / (1 − e) × 360 / j.",
            ),
            DiscountCost::Simple => (
                "taux-rapporte-au-net-paye",
                "Vous avez rapporté l'escompte à la somme payée comptant (e / (1 − e)) : l'énoncé retient le taux \
                 d'escompte annualisé, e × 360 / j.",
            ),
        };
        let per_period = match self.basis {
            DiscountCost::OnNetPaid => e / (dec!(100) - e) * dec!(100),
            DiscountCost::Simple => e,
        };
        let step = match self.basis {
            DiscountCost::OnNetPaid => format!(
                "Payer comptant fait économiser {} de la somme due pour un paiement avancé de {j} jours. Rapporté à la somme \
                 payée comptant : e / (1 − e) = {} / {} = {} ; sur une année de 360 jours : {} × 360 / {j} = {} soit **{}** par an.",
                percent(e),
                number(e / dec!(100), 4),
                number(Decimal::ONE - e / dec!(100), 4),
                number(per_period / dec!(100), 6),
                number(per_period / dec!(100), 6),
                number(cost / dec!(100), 6),
                percent(shown)
            ),
            DiscountCost::Simple => format!(
                "Payer comptant fait économiser {} pour un paiement avancé de {j} jours ; sur une année de 360 jours : \
                 {} × 360 / {j} = {} soit **{}** par an.",
                percent(e),
                number(e / dec!(100), 4),
                number(cost / dec!(100), 6),
                percent(shown)
            ),
        };
        Question::new(
            "taux_cout",
            "coût annuel de l'escompte",
            "Calculez le taux annuel équivalent à l'escompte (arrondi à 0,01\u{a0}%).",
            shown,
            Unit::Percent,
        )
        .tolerance(tol)
        .formula(self.cost_formula())
        .mistake(
            round_half_away(discount_cost_rate(e, j, 360, other), 2),
            other_note,
            other_msg,
        )
        .mistake(
            round_half_away(discount_cost_rate(e, j, 365, self.basis), 2),
            "annee-civile-365",
            "Vous avez annualisé sur 365 jours : l'énoncé retient l'année commerciale de 360 jours (× 360 / j).",
        )
        .mistake(
            round_half_away(per_period, 2),
            "taux-non-annualise",
            format!(
                "Vous avez donné le taux pour {j} jours : pour le comparer au taux bancaire, qui est annuel, multipliez par 360 / {j}."
            ),
        )
        .step(step)
    }

    fn decision(&self) -> String {
        let cost = round_half_away(
            discount_cost_rate(self.discount, self.days, 360, self.basis),
            2,
        );
        if cost > self.bank {
            format!(
                "*Décision :* l'escompte équivaut à un placement à {} par an, plus que le coût du découvert ({}). \
                 Le client a intérêt à payer comptant, même en finançant ce règlement par son découvert. \
                 Pour le fournisseur, l'escompte est un moyen d'encaisser plus tôt, mais il lui coûte plus cher qu'un crédit bancaire.",
                percent(cost),
                percent(self.bank)
            )
        } else if cost < self.bank {
            format!(
                "*Décision :* l'escompte ne rapporte que l'équivalent de {} par an, moins que le coût du découvert ({}). \
                 S'il doit utiliser son découvert pour payer comptant, le client a intérêt à payer à {} jours ; \
                 s'il dispose d'une trésorerie qui ne rapporte rien, l'escompte reste un gain.",
                percent(cost),
                percent(self.bank),
                self.days
            )
        } else {
            format!(
                "*Décision :* l'escompte équivaut au coût du découvert ({}) : les deux modes de règlement se valent pour le client.",
                percent(self.bank)
            )
        }
    }

    fn table(&self, rows: &[(&str, String)]) -> String {
        let mut t = String::from("| Élément | Donnée |\n|---|---|\n");
        for (k, v) in rows {
            t += &format!("| {k} | {v} |\n");
        }
        t
    }

    fn content(&self, rows: &[(&str, String)], questions: Vec<Question>) -> Content {
        Content {
            statement: format!(
                "{}\n\n{}\n{}",
                self.intro(),
                self.table(rows),
                self.convention()
            ),
            questions,
            solution_intro:
                "*Les montants sont arrondis au centime le plus proche, les taux à 0,01\u{a0}%.*"
                    .to_string(),
            solution_outro: self.decision(),
        }
    }

    fn invoice_ttc(&self) -> Content {
        let ttc = self.amount;
        let esc = round_cents(pct(ttc, self.discount));
        let now = ttc - esc;
        let esc_q = Question::new(
            "montant_escompte",
            "montant de l'escompte",
            "Calculez le montant de l'escompte en cas de paiement comptant.",
            esc,
            Unit::Euros,
        )
        .formula("arrondi2(montant * escompte / 100)")
        .step(format!(
            "Escompte = {} × {} = **{}**.",
            euros(ttc),
            percent(self.discount),
            euros(esc)
        ));
        let now_q = Question::new(
            "net_comptant",
            "net à payer comptant",
            "Calculez le net à payer en cas de paiement comptant.",
            now,
            Unit::Euros,
        )
        .formula("montant - montant_escompte")
        .mistake(
            ttc + esc,
            "escompte-ajoute",
            "L'escompte est une réduction : il se retranche du montant de la facture.",
        )
        .step(format!(
            "Net à payer comptant = {} − {} = **{}**, contre {} à payer dans {} jours.",
            euros(ttc),
            euros(esc),
            euros(now),
            euros(ttc),
            self.days
        ));
        self.content(
            &[
                ("Montant TTC de la facture", euros(ttc)),
                ("Escompte pour paiement comptant", percent(self.discount)),
                ("Paiement sans escompte", format!("à {} jours", self.days)),
                ("Taux annuel du découvert", percent(self.bank)),
            ],
            vec![esc_q, now_q, self.q_cost(Some((ttc, now)))],
        )
    }

    fn invoice_ht(&self) -> Content {
        let (ht, e, tva) = (self.amount, self.discount, self.vat_rate);
        let later = ht + round_cents(pct(ht, tva));
        let esc = round_cents(pct(ht, e));
        let nf = ht - esc;
        let vat_now = round_cents(pct(nf, tva));
        let now = nf + vat_now;
        let later_q = Question::new(
            "net_a_terme",
            "net à payer à terme",
            format!(
                "Calculez le montant TTC à payer dans {} jours, sans escompte.",
                self.days
            ),
            later,
            Unit::Euros,
        )
        .formula("montant + arrondi2(montant * taux_tva / 100)")
        .step(format!(
            "TVA = {} × {} = {} ; montant TTC = {} + {} = **{}**.",
            euros(ht),
            percent(tva),
            euros(later - ht),
            euros(ht),
            euros(later - ht),
            euros(later)
        ));
        let ttc_discounted = later - round_cents(pct(later, e));
        let now_q = Question::new(
            "net_comptant",
            "net à payer comptant",
            "Calculez le net à payer TTC en cas de paiement comptant.",
            now,
            Unit::Euros,
        )
        .formula(
            "(montant - arrondi2(montant * escompte / 100)) + arrondi2((montant - arrondi2(montant * escompte / 100)) * taux_tva / 100)",
        )
        .mistake(
            ttc_discounted,
            "escompte-sur-ttc",
            "L'énoncé calcule l'escompte sur le montant HT, puis la TVA sur le net financier (HT après escompte).",
        )
        .mistake(
            nf + round_cents(pct(ht, tva)),
            "tva-sur-montant-avant-escompte",
            "Après un escompte, la TVA se calcule sur le net financier (HT après escompte), pas sur le HT d'origine.",
        )
        .step(format!(
            "Escompte = {} × {} = {} ; net financier = {} − {} = {} ; TVA = {} × {} = {} ; net à payer comptant = {} + {} = **{}**.",
            euros(ht),
            percent(e),
            euros(esc),
            euros(ht),
            euros(esc),
            euros(nf),
            euros(nf),
            percent(tva),
            euros(vat_now),
            euros(nf),
            euros(vat_now),
            euros(now)
        ));
        self.content(
            &[
                ("Montant HT de la facture", euros(ht)),
                ("Taux de TVA", percent(tva)),
                ("Escompte pour paiement comptant (sur le HT)", percent(e)),
                ("Paiement sans escompte", format!("à {} jours", self.days)),
                ("Taux annuel du découvert", percent(self.bank)),
            ],
            vec![later_q, now_q, self.q_cost(Some((later, now)))],
        )
    }

    fn maximal(&self) -> Content {
        let (r, j) = (self.bank, self.days);
        let max = round_half_away(discount_rate_for_cost(r, j, self.basis), 2);
        let x = r * Decimal::from(j) / dec!(360);
        let (formula, step, other, note, msg) = match self.basis {
            DiscountCost::OnNetPaid => (
                "arrondi(taux_banque * delai / 360 / (1 + taux_banque * delai / 36000), 2)",
                format!(
                    "On cherche e tel que e / (1 − e) × 360 / {j} = {} : e / (1 − e) = {} × {j} / 360 = {} ; \
                     d'où e = {} / (1 + {}) = {} soit **{}**.",
                    percent(r),
                    number(r / dec!(100), 4),
                    number(x / dec!(100), 6),
                    number(x / dec!(100), 6),
                    number(x / dec!(100), 6),
                    number(discount_rate_for_cost(r, j, self.basis) / dec!(100), 6),
                    percent(max)
                ),
                DiscountCost::Simple,
                "taux-rapporte-au-montant-brut",
                "Avec la convention de l'énoncé, e / (1 − e) × 360 / j = taux bancaire, donc e = x / (1 + x) avec x = taux × j / 360 \
                 (et non e = x).",
            ),
            DiscountCost::Simple => (
                "arrondi(taux_banque * delai / 360, 2)",
                format!(
                    "On cherche e tel que e × 360 / {j} = {} : e = {} × {j} / 360 = **{}**.",
                    percent(r),
                    percent(r),
                    percent(max)
                ),
                DiscountCost::OnNetPaid,
                "taux-rapporte-au-net-paye",
                "Avec la convention de l'énoncé, e × 360 / j = taux bancaire, donc e = taux × j / 360.",
            ),
        };
        let max_q = Question::new(
            "escompte_maximal",
            "taux d'escompte maximal",
            format!(
                "Quel taux d'escompte pour un paiement avancé de {j} jours aurait exactement le coût annuel du découvert (arrondi à 0,01\u{a0}%) ?"
            ),
            max,
            Unit::Percent,
        )
        .formula(formula)
        .mistake(
            round_half_away(discount_rate_for_cost(r, j, other), 2),
            note,
            msg,
        )
        .mistake(
            round_half_away(r * Decimal::from(j) / dec!(365), 2),
            "annee-civile-365",
            "L'énoncé retient l'année commerciale de 360 jours : ramenez le taux annuel à j jours par × j / 360.",
        )
        .step(step);
        let mut c = self.content(
            &[
                (
                    "Escompte proposé pour paiement comptant",
                    percent(self.discount),
                ),
                ("Paiement sans escompte", format!("à {j} jours")),
                ("Taux annuel du découvert", percent(r)),
            ],
            vec![self.q_cost(None), max_q],
        );
        c.solution_outro = format!(
            "{}\n\n*À retenir :* un escompte supérieur à {} pour {j} jours coûte au fournisseur plus cher que le découvert.",
            self.decision(),
            percent(max)
        );
        c
    }
}

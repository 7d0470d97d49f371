//! `prix/net-a-payer`: the invoice from the gross amount to the net à payer (S511).
//!
//! Variants: the whole invoice (`facture`); the single rate equivalent to the cascade
//! (`taux-unique`); and back from a net à payer to the unit price (`retrouver-prix`).

use crate::calc::invoice::{cascade_rate, invoice, DiscountBase, Invoice, InvoiceInput, Shipping};
use crate::calc::{pct, Rounding};
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{Euros, Number, Percent};
use crate::text::{Capitalised, FrenchList, Joined, Piece};
use crate::{push_text, text};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct NetAPayer;

const VARIANTS: &[(&str, &str)] = &[
    (
        "facture",
        "établir la facture complète, du montant brut au net à payer",
    ),
    (
        "taux-unique",
        "calculer le taux de réduction unique équivalent à la cascade",
    ),
    (
        "retrouver-prix",
        "remonter du net à payer au prix unitaire HT",
    ),
];
const DISCOUNT_BASE: &[(&str, &str)] = &[
    (
        "net-commercial",
        "escompte calculé sur le net commercial, TVA calculée sur le net financier",
    ),
    ("ttc", "escompte calculé sur le montant TTC"),
];
const SHIPPING: &[(&str, &str)] = &[
    (
        "apres-escompte",
        "frais de port ajoutés après l'escompte, dans la base de TVA",
    ),
    (
        "soumis-escompte",
        "frais de port ajoutés au net commercial, donc soumis à l'escompte",
    ),
];
const ROUNDING: &[(&str, &str)] = &[
    (
        "arrondi",
        "arrondi au centime le plus proche à chaque étape",
    ),
    ("troncature", "troncature au centime à chaque étape"),
];

const REDUCTION_RATES: [Decimal; 11] = [
    dec!(2),
    dec!(3),
    dec!(4),
    dec!(5),
    dec!(6),
    dec!(8),
    dec!(10),
    dec!(12),
    dec!(12.5),
    dec!(15),
    dec!(20),
];
const DISCOUNT_RATES: [Decimal; 6] = [dec!(0), dec!(1), dec!(1.5), dec!(2), dec!(2.5), dec!(3)];
const REDUCTION_KEYS: [&str; 3] = ["reduction_1", "reduction_2", "reduction_3"];

pub fn rounding_of(choice: &str) -> Rounding {
    if choice == "troncature" {
        Rounding::Truncate
    } else {
        Rounding::HalfAwayFromZero
    }
}

impl Exercise for NetAPayer {
    fn id(&self) -> &'static str {
        "prix/net-a-payer"
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
                "prix_unitaire",
                "prix unitaire HT de l'article",
                "0.01",
                "100000",
                Unit::Euros,
            ),
            ParamSpec::integer("quantite", "quantité commandée", 1, 100_000),
            ParamSpec::integer(
                "nb_reductions",
                "nombre de réductions commerciales en cascade",
                1,
                3,
            ),
            ParamSpec::decimal(
                "reduction_1",
                "taux de la 1re réduction commerciale",
                "0",
                "60",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "reduction_2",
                "taux de la 2e réduction commerciale",
                "0",
                "60",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "reduction_3",
                "taux de la 3e réduction commerciale",
                "0",
                "60",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "escompte",
                "taux d'escompte de règlement (0 : pas d'escompte)",
                "0",
                "10",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "port",
                "frais de port HT (0 : franco de port)",
                "0",
                "5000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_tva",
                "taux de TVA (20, 10, 5,5 ou 2,1 en métropole)",
                "0",
                "20",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "net_a_payer_donne",
                "net à payer TTC donné (variante retrouver-prix)",
                "0.01",
                "10000000",
                Unit::Euros,
            ),
            ParamSpec::convention(
                "escompte_sur",
                "base de calcul de l'escompte",
                DISCOUNT_BASE,
            ),
            ParamSpec::convention(
                "port_regle",
                "place des frais de port dans la facture",
                SHIPPING,
            ),
            ParamSpec::convention("arrondi", "règle d'arrondi des montants", ROUNDING),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw_goods(d.rng());
        let variant = d.choice("variante");
        let p = scene.product;
        let unit_price = d.number("prix_unitaire", |r| {
            r.decimal_step(p.prix_ht_min, p.prix_ht_max, dec!(0.05))
        });
        let quantity = d.number("quantite", |r| Decimal::from(scene.draw_quantity(r)));
        if quantity.fract() != Decimal::ZERO {
            return Err(Degenerate("quantité non entière".into()));
        }
        let n = d.integer("nb_reductions") as usize;
        let mut reductions = Vec::with_capacity(n);
        for key in &REDUCTION_KEYS[..n] {
            reductions.push(d.number(key, |r| *r.pick(&REDUCTION_RATES)));
        }
        let discount = d.number("escompte", |r| *r.pick(&DISCOUNT_RATES));
        let shipping = d.number("port", |r| {
            if r.chance(1, 3) {
                Decimal::ZERO
            } else {
                r.decimal_step(dec!(8), dec!(120), dec!(0.5))
            }
        });
        let vat_rate = d.number("taux_tva", |_| p.tva);
        let discount_base = match d.choice("escompte_sur") {
            "ttc" => DiscountBase::Ttc,
            _ => DiscountBase::NetCommercial,
        };
        let shipping_rule = match d.choice("port_regle") {
            "soumis-escompte" => Shipping::SubjectToDiscount,
            _ => Shipping::AfterDiscount,
        };
        let rounding = rounding_of(d.choice("arrondi"));
        if reductions.iter().any(|r| r.is_zero()) && !d.is_fixed("reduction_1") {
            return Err(Degenerate("réduction nulle".into()));
        }
        let input = InvoiceInput {
            unit_price,
            quantity,
            reductions,
            discount,
            shipping,
            vat_rate,
            rounding,
            discount_base,
            shipping_rule,
        };
        let f = invoice(&input);
        if f.net_commercial <= Decimal::ZERO || f.gross > dec!(10_000_000) {
            return Err(Degenerate("montant nul ou démesuré".into()));
        }
        let names = reduction_names(d, n);
        let nap = f.net_to_pay;
        let inv = Ctx {
            scene,
            input,
            f,
            names,
        };
        Ok(match variant {
            "taux-unique" => inv.single_rate(),
            "retrouver-prix" => {
                let given = d.number("net_a_payer_donne", |_| nap);
                if given <= Decimal::ZERO {
                    return Err(Degenerate("net à payer nul".into()));
                }
                inv.backwards(given, !d.is_fixed("net_a_payer_donne"))
            }
            _ => inv.full_invoice(),
        })
    }
}

/// Names of the successive reductions ("rabais", "remise", "ristourne").
fn reduction_names(d: &mut Draw, n: usize) -> Vec<&'static str> {
    const TWO: [[&str; 2]; 3] = [
        ["remise", "remise supplémentaire"],
        ["rabais", "remise"],
        ["remise", "ristourne"],
    ];
    match n {
        1 => vec!["remise"],
        2 => d.rng().pick(&TWO).to_vec(),
        _ => vec!["rabais", "remise", "ristourne"],
    }
}

struct Ctx {
    scene: Scene,
    input: InvoiceInput,
    f: Invoice,
    names: Vec<&'static str>,
}

impl Ctx {
    fn r(&self) -> &'static str {
        self.input.rounding.expr_fn()
    }

    fn cents(&self, x: Decimal) -> Decimal {
        self.input.rounding.cents(x)
    }

    fn has_discount(&self) -> bool {
        !self.input.discount.is_zero()
    }

    fn intro(&self, verb: &str, purpose: &str) -> String {
        let s = &self.scene;
        text!(
            "Le ",
            s.date.french(),
            ", ",
            s.seller(),
            " ",
            verb,
            " ",
            s.buyer(),
            " une commande de ",
            s.order(int(self.input.quantity)),
            ". Vous assistez ",
            s.business.vendeur,
            ", ",
            s.business.vendeur_genre.agree("chargé", "chargée"),
            " de clientèle, pour ",
            purpose,
            ".",
        )
    }

    /// Data table of the order.
    fn table(&self, with_price: bool, net_to_pay: Option<Decimal>) -> String {
        let i = &self.input;
        let mut t = String::with_capacity(400);
        push_text!(
            t,
            "| Élément | Donnée |\n|---|---|\n| Article | ",
            self.scene.product.nom,
            " |\n| Quantité | ",
            self.scene.quantity(int(i.quantity)),
            " |\n",
        );
        if with_price {
            push_text!(t, "| Prix unitaire HT | ", Euros(i.unit_price), " |\n");
        }
        for (name, rate) in self.names.iter().zip(&i.reductions) {
            push_text!(t, "| ", Capitalised(name), " | ", Percent(*rate), " |\n");
        }
        if self.has_discount() {
            push_text!(
                t,
                "| Escompte pour paiement comptant | ",
                Percent(i.discount),
                " |\n"
            );
        }
        if i.shipping.is_zero() {
            t.push_str("| Frais de port | franco de port |\n");
        } else {
            push_text!(t, "| Frais de port HT | ", Euros(i.shipping), " |\n");
        }
        push_text!(t, "| Taux de TVA | ", Percent(i.vat_rate), " |\n");
        if let Some(nap) = net_to_pay {
            push_text!(t, "| Net à payer TTC | ", Euros(nap), " |\n");
        }
        t
    }

    fn conventions(&self) -> String {
        let i = &self.input;
        // Sized for the longest combination of the sentences below.
        let mut s = String::with_capacity(480);
        s.push_str(
            "**Conventions.** Les réductions commerciales s'appliquent en cascade, chacune sur le montant obtenu après la précédente. ",
        );
        if self.has_discount() {
            s += match i.discount_base {
                DiscountBase::NetCommercial => {
                    "L'escompte est calculé sur le net commercial et la TVA sur le net financier. "
                }
                DiscountBase::Ttc => "L'escompte est calculé sur le montant TTC, après la TVA. ",
            };
        }
        if !i.shipping.is_zero() {
            s += match (i.discount_base, i.shipping_rule) {
                (DiscountBase::Ttc, _) => "Les frais de port s'ajoutent au net commercial et entrent dans la base de la TVA. ",
                (_, Shipping::AfterDiscount) if self.has_discount() => {
                    "Les frais de port s'ajoutent après l'escompte et entrent dans la base de la TVA. "
                }
                (_, Shipping::SubjectToDiscount) if self.has_discount() => {
                    "Les frais de port s'ajoutent au net commercial avant l'escompte (ils y sont donc soumis) et entrent dans la base de la TVA. "
                }
                _ => "Les frais de port s'ajoutent au net commercial et entrent dans la base de la TVA. ",
            };
        }
        s += match i.rounding {
            Rounding::HalfAwayFromZero => "Arrondissez chaque montant au centime le plus proche.",
            Rounding::Truncate => "Tronquez chaque montant au centime (sans arrondir).",
        };
        s
    }

    fn rounding_note(&self) -> String {
        text!("*Règle d'arrondi : ", self.input.rounding.describe(), ".*")
    }

    // ----- Steps shared by the variants -------------------------------------------

    fn q_gross(&self) -> Question {
        let i = &self.input;
        Question::new(
            "montant_brut",
            "montant brut HT",
            "Calculez le montant brut HT de la commande.",
            self.f.gross,
            Unit::Euros,
        )
        .formula(text!(self.r(), "(prix_unitaire * quantite)"))
        .mistake(
            self.cents(i.unit_price * i.quantity * (Decimal::ONE + i.vat_rate / dec!(100))),
            "brut-en-ttc",
            "Le montant brut se calcule hors taxes : prix unitaire HT × quantité, sans appliquer la TVA à ce stade.",
        )
        .step(text!(
            "Montant brut HT = prix unitaire HT × quantité = ",
            Euros(i.unit_price),
            " × ",
            int(i.quantity),
            " = **",
            Euros(self.f.gross),
            "**.",
        ))
    }

    fn net_commercial_formula(&self) -> String {
        let mut e = "montant_brut".to_string();
        for key in &REDUCTION_KEYS[..self.input.reductions.len()] {
            e = text!("(", e, " - ", self.r(), "(", e, " * ", key, " / 100))");
        }
        e
    }

    /// "- Remise de 5 % : 1 000,00 € × 5 % = 50,00 € ; reste 1 000,00 € − 50,00 € = 950,00 €",
    /// one line per reduction.
    fn cascade_steps(&self) -> String {
        let mut out = String::with_capacity(self.names.len() * 120);
        let mut base = self.f.gross;
        for ((name, rate), (amount, after)) in self
            .names
            .iter()
            .zip(&self.input.reductions)
            .zip(&self.f.reductions)
        {
            if !out.is_empty() {
                out.push('\n');
            }
            push_text!(
                out,
                "- ",
                Capitalised(name),
                " de ",
                Percent(*rate),
                " : ",
                Euros(base),
                " × ",
                Percent(*rate),
                " = ",
                Euros(*amount),
                " ; reste ",
                Euros(base),
                " − ",
                Euros(*amount),
                " = ",
                Euros(*after),
            );
            base = *after;
        }
        out
    }

    fn q_net_commercial(&self) -> Question {
        let i = &self.input;
        let added: Decimal = i.reductions.iter().sum();
        let as_added = self.cents(self.f.gross - pct(self.f.gross, added));
        let with_discount =
            self.cents(self.f.net_commercial - pct(self.f.net_commercial, i.discount));
        Question::new(
            "net_commercial",
            "net commercial",
            "Calculez le net commercial HT.",
            self.f.net_commercial,
            Unit::Euros,
        )
        .formula(self.net_commercial_formula())
        .mistake(
            as_added,
            "remises-additionnees",
            text!(
                "Vous avez additionné les taux de réduction (",
                Percent(added),
                " au total). Les réductions successives se calculent en cascade : \
                 chacune porte sur le montant net obtenu après la précédente, ce qui revient à multiplier par (1 − taux) pour chacune.",
            ),
        )
        .mistake(
            with_discount,
            "escompte-dans-net-commercial",
            "Vous avez déduit l'escompte dans le net commercial. L'escompte est une réduction financière (pour paiement rapide) : \
             il s'applique après les réductions commerciales et donne le net financier.",
        )
        .step(text!(
            "Les réductions s'appliquent en cascade, chacune sur le net précédent :\n\n",
            self.cascade_steps(),
            "\n\nNet commercial HT = **",
            Euros(self.f.net_commercial),
            "**.",
        ))
    }

    fn q_net_financial(&self) -> Question {
        let i = &self.input;
        let f = &self.f;
        let r = self.r();
        let (formula, base_text) = match i.shipping_rule {
            Shipping::AfterDiscount => (
                text!(
                    "(net_commercial - ",
                    r,
                    "(net_commercial * escompte / 100))"
                ),
                text!("net commercial ", Euros(f.discount_base)),
            ),
            Shipping::SubjectToDiscount => (
                text!(
                    "((net_commercial + port) - ",
                    r,
                    "((net_commercial + port) * escompte / 100))",
                ),
                text!(
                    "net commercial + port = ",
                    Euros(f.net_commercial),
                    " + ",
                    Euros(i.shipping),
                    " = ",
                    Euros(f.discount_base),
                ),
            ),
        };
        let all_added: Decimal = i.reductions.iter().sum::<Decimal>() + i.discount;
        Question::new(
            "net_financier",
            "net financier",
            "Calculez l'escompte, puis donnez le net financier HT.",
            f.net_financial,
            Unit::Euros,
        )
        .formula(formula)
        .mistake(
            f.discount_base - self.cents(pct(f.gross, i.discount)),
            "escompte-sur-brut",
            "Vous avez calculé l'escompte sur le montant brut. L'escompte se calcule après les réductions commerciales, sur le net commercial.",
        )
        .mistake(
            self.cents(f.gross - pct(f.gross, all_added)) + (f.discount_base - f.net_commercial),
            "taux-additionnes",
            "Vous avez additionné les taux des réductions et de l'escompte. Chaque réduction s'applique sur le montant obtenu après la précédente.",
        )
        .mistake(
            f.discount_base,
            "escompte-oublie",
            text!(
                "L'escompte de ",
                Percent(i.discount),
                " n'a pas été déduit : net financier = base de l'escompte − escompte.",
            ),
        )
        .step(text!(
            "Escompte = ",
            base_text,
            " × ",
            Percent(i.discount),
            " = ",
            Euros(f.discount),
            " ; net financier HT = ",
            Euros(f.discount_base),
            " − ",
            Euros(f.discount),
            " = **",
            Euros(f.net_financial),
            "**.",
        ))
    }

    fn vat_mistakes(&self, q: Question) -> Question {
        let i = &self.input;
        let f = &self.f;
        let mut q = q.mistake(
            self.cents(pct(f.gross, i.vat_rate)),
            "tva-sur-brut",
            "Vous avez calculé la TVA sur le montant brut. La TVA porte sur le montant réellement facturé : \
             après toutes les réductions (commerciales et financières), frais de port compris.",
        );
        if !i.shipping.is_zero() {
            q = q.mistake(
                self.cents(pct(f.vat_base - i.shipping, i.vat_rate)),
                "port-hors-base-tva",
                "Les frais de port facturés font partie de la base de la TVA : ajoutez-les avant de calculer la TVA.",
            );
        }
        if self.has_discount() && i.discount_base == DiscountBase::NetCommercial {
            q = q.mistake(
                self.cents(pct(f.net_commercial + i.shipping, i.vat_rate)),
                "tva-avant-escompte",
                "Vous avez calculé la TVA avant de déduire l'escompte. Avec la convention de l'énoncé, la TVA se calcule sur le net financier (+ port).",
            );
        }
        if i.vat_rate != dec!(20) {
            q = q.mistake(
                self.cents(pct(f.vat_base, dec!(20))),
                "mauvais-taux-tva",
                text!(
                    "Vous avez appliqué le taux normal de 20\u{a0}% : pour cet article, le taux est de ",
                    Percent(i.vat_rate),
                    ".",
                ),
            );
        }
        q
    }

    fn q_vat(&self) -> Question {
        let i = &self.input;
        let f = &self.f;
        let r = self.r();
        let (formula, base_text) = match (i.discount_base, i.shipping_rule, self.has_discount()) {
            (DiscountBase::Ttc, _, _) | (_, _, false) => (
                text!(r, "((net_commercial + port) * taux_tva / 100)"),
                if i.shipping.is_zero() {
                    "net commercial (franco de port)".to_string()
                } else {
                    text!(
                        "net commercial + port = ",
                        Euros(f.net_commercial),
                        " + ",
                        Euros(i.shipping),
                    )
                },
            ),
            (_, Shipping::AfterDiscount, true) => (
                text!(r, "((net_financier + port) * taux_tva / 100)"),
                if i.shipping.is_zero() {
                    "net financier (franco de port)".to_string()
                } else {
                    text!(
                        "net financier + port = ",
                        Euros(f.net_financial),
                        " + ",
                        Euros(i.shipping),
                    )
                },
            ),
            (_, Shipping::SubjectToDiscount, true) => (
                text!(r, "(net_financier * taux_tva / 100)"),
                "net financier (port compris)".to_string(),
            ),
        };
        let q = Question::new(
            "tva",
            "TVA",
            "Calculez le montant de la TVA.",
            f.vat,
            Unit::Euros,
        )
        .formula(formula)
        .step(text!(
            "Base de la TVA = ",
            base_text,
            " = ",
            Euros(f.vat_base),
            ".\n\nTVA = ",
            Euros(f.vat_base),
            " × ",
            Percent(i.vat_rate),
            " = **",
            Euros(f.vat),
            "**.",
        ));
        self.vat_mistakes(q)
    }

    fn q_net_to_pay(&self) -> Question {
        let i = &self.input;
        let f = &self.f;
        let r = self.r();
        let q = Question::new(
            "net_a_payer",
            "net à payer TTC",
            "Calculez le net à payer TTC.",
            f.net_to_pay,
            Unit::Euros,
        );
        let q = match (i.discount_base, self.has_discount()) {
            (DiscountBase::Ttc, true) => q
                .formula(text!(
                    "(net_commercial + port + tva) - ",
                    r,
                    "((net_commercial + port + tva) * escompte / 100)",
                ))
                .mistake(
                    f.ttc,
                    "escompte-oublie",
                    "L'escompte n'a pas été déduit : avec la convention de l'énoncé, il se calcule sur le TTC puis se retranche.",
                )
                .step(text!(
                    "Total TTC = ",
                    Euros(f.vat_base),
                    " + ",
                    Euros(f.vat),
                    " = ",
                    Euros(f.ttc),
                    " ; escompte = ",
                    Euros(f.ttc),
                    " × ",
                    Percent(i.discount),
                    " = ",
                    Euros(f.discount),
                    " ; net à payer = ",
                    Euros(f.ttc),
                    " − ",
                    Euros(f.discount),
                    " = **",
                    Euros(f.net_to_pay),
                    "**.",
                )),
            (DiscountBase::Ttc, false) | (_, false) => q.formula("net_commercial + port + tva").step(text!(
                "Net à payer TTC = base HT + TVA = ",
                Euros(f.vat_base),
                " + ",
                Euros(f.vat),
                " = **",
                Euros(f.net_to_pay),
                "**.",
            )),
            (_, true) => {
                let formula = match i.shipping_rule {
                    Shipping::AfterDiscount => "net_financier + port + tva",
                    Shipping::SubjectToDiscount => "net_financier + tva",
                };
                let forgot = f.net_commercial + i.shipping;
                q.formula(formula)
                    .mistake(
                        self.cents(forgot + pct(forgot, i.vat_rate)),
                        "escompte-oublie",
                        "Le net à payer doit tenir compte de l'escompte : partez du net financier, pas du net commercial.",
                    )
                    .step(text!(
                        "Net à payer TTC = base HT + TVA = ",
                        Euros(f.vat_base),
                        " + ",
                        Euros(f.vat),
                        " = **",
                        Euros(f.net_to_pay),
                        "**.",
                    ))
            }
        };
        let q = q.mistake(
            f.vat_base,
            "tva-oubliee",
            "Vous avez donné un montant hors taxes : le net à payer est TTC, il faut ajouter la TVA.",
        );
        if i.shipping.is_zero() {
            q
        } else {
            q.mistake(
                f.net_to_pay - i.shipping,
                "port-oublie",
                "Les frais de port facturés s'ajoutent au montant à payer (et entrent dans la base de TVA).",
            )
        }
    }

    // ----- Variants --------------------------------------------------------------

    fn full_invoice(&self) -> Content {
        let mut questions = Vec::with_capacity(5);
        questions.push(self.q_gross());
        questions.push(self.q_net_commercial());
        if self.has_discount() && self.input.discount_base == DiscountBase::NetCommercial {
            questions.push(self.q_net_financial());
        }
        questions.push(self.q_vat());
        questions.push(self.q_net_to_pay());
        let statement = text!(
            self.intro("facture à", "établir et vérifier la facture"),
            "\n\n",
            self.table(true, None),
            "\n",
            self.conventions(),
        );
        Content {
            statement,
            questions,
            solution_intro: self.rounding_note(),
            solution_outro: self.reading(),
        }
    }

    fn reading(&self) -> String {
        let total_reduction = self.f.gross - self.f.net_commercial;
        let not_sum = if self.input.reductions.len() > 1 {
            " (et non la somme des taux)"
        } else {
            ""
        };
        text!(
            "*À retenir :* les réductions commerciales accordées représentent ",
            Euros(total_reduction),
            " sur un montant brut de ",
            Euros(self.f.gross),
            ", \
             soit un taux global de ",
            Percent(cascade_rate(&self.input.reductions)),
            not_sum,
            ".",
        )
    }

    fn single_rate(&self) -> Content {
        let i = &self.input;
        let exact = cascade_rate(&i.reductions);
        let shown = crate::num::round::round_half_away(exact, 2);
        let added: Decimal = i.reductions.iter().sum();
        let kept = dec!(100) - exact;
        // The textbook method multiplies by the exact global coefficient; a student who
        // uses the rate rounded to 0,01 % or computes line by line may differ by a few
        // cents: all three are accepted.
        let single_net = self.cents(self.f.gross * kept / dec!(100));
        let with_shown = self.cents(self.f.gross * (dec!(100) - shown) / dec!(100));
        let gap = (single_net - self.f.net_commercial)
            .abs()
            .max((single_net - with_shown).abs())
            .max(dec!(0.01));
        let coefs = Joined(
            " × ",
            i.reductions
                .iter()
                .map(|r| Number(Decimal::ONE - r / dec!(100), 4)),
        );
        let rate_q = Question::new(
            "taux_unique",
            "taux de réduction unique",
            "Calculez le taux de réduction unique équivalent aux réductions successives (arrondi à 0,01\u{a0}%).",
            shown,
            Unit::Percent,
        )
        .mistake(
            added,
            "remises-additionnees",
            text!(
                "Les taux ne s'additionnent pas (",
                Percent(added),
                " n'est pas le bon taux) : le coefficient global est le produit des coefficients \
                 (1 − taux), et le taux unique vaut 1 − ce produit.",
            ),
        )
        .mistake(
            kept,
            "coefficient-au-lieu-du-taux",
            "Vous avez donné la part conservée (le produit des coefficients) au lieu de la réduction : taux unique = 1 − produit des coefficients.",
        )
        .step(text!(
            "Coefficient global = ",
            coefs,
            " = ",
            Number(kept / dec!(100), 6),
            " ; taux unique = 1 − ",
            Number(kept / dec!(100), 6),
            " = ",
            Number(exact / dec!(100), 6),
            " soit **",
            Percent(shown),
            "** (arrondi à 0,01\u{a0}%).",
        ));
        let net_q = Question::new(
            "net_commercial",
            "net commercial",
            "Déduisez-en le net commercial HT en appliquant ce taux unique au montant brut.",
            single_net,
            Unit::Euros,
        )
        .tolerance(gap)
        .formula(text!(self.r(), "(montant_brut * (1 - taux_unique / 100))"))
        .mistake(
            self.cents(self.f.gross - pct(self.f.gross, added)),
            "remises-additionnees",
            "Vous avez appliqué la somme des taux. Appliquez le taux unique calculé en cascade.",
        )
        .step(text!(
            "Net commercial = montant brut × (1 − taux unique) = ",
            Euros(self.f.gross),
            " × ",
            Number(kept / dec!(100), 6),
            " = **",
            Euros(single_net),
            "** ",
            agreement(single_net, self.f.net_commercial, with_shown),
            ".",
        ));
        let statement = text!(
            self.intro("facture à", "préparer la réponse au client"),
            "\n\n",
            self.table(true, None),
            "\n",
            self.conventions(),
            "\n\nLe client souhaite connaître le taux de réduction global qu'il obtient.",
        );
        Content {
            statement,
            questions: vec![self.q_gross(), rate_q, net_q],
            solution_intro: self.rounding_note(),
            solution_outro: text!(
                "*À retenir :* ",
                french_rates(&i.reductions),
                " de réductions successives ne font pas ",
                Percent(added),
                " mais ",
                Percent(shown),
                " de réduction globale.",
            ),
        }
    }

    /// `nap`: the net à payer given in the statement (drawn from a forward invoice, or
    /// fixed by the teacher); `check` tells whether the drawn unit price can be quoted.
    fn backwards(&self, nap: Decimal, check: bool) -> Content {
        let i = &self.input;
        let r = self.r();
        let hundred = dec!(100);
        let vat_coef = Decimal::ONE + i.vat_rate / hundred;
        let disc_coef = Decimal::ONE - i.discount / hundred;
        let kept: Decimal = i
            .reductions
            .iter()
            .fold(Decimal::ONE, |a, t| a * (hundred - t) / hundred);
        let added: Decimal = i.reductions.iter().sum();
        let ttc_discount = i.discount_base == DiscountBase::Ttc && self.has_discount();
        // Step 1: base HT (from TTC, or from the TTC before an escompte on TTC).
        let ttc = if ttc_discount {
            self.cents(nap / disc_coef)
        } else {
            nap
        };
        let base = self.cents(ttc / vat_coef);
        // Step 2: net commercial.
        let subject = i.shipping_rule == Shipping::SubjectToDiscount && !ttc_discount;
        let net_commercial = if ttc_discount || !self.has_discount() {
            base - i.shipping
        } else if subject {
            self.cents(base / disc_coef) - i.shipping
        } else {
            self.cents((base - i.shipping) / disc_coef)
        };
        let gross = self.cents(net_commercial / kept);
        let unit_price = self.cents(gross / i.quantity);

        let base_formula = if ttc_discount {
            text!(
                r,
                "(",
                r,
                "(net_a_payer_donne / (1 - escompte / 100)) / (1 + taux_tva / 100))",
            )
        } else {
            text!(r, "(net_a_payer_donne / (1 + taux_tva / 100))")
        };
        let nc_formula = if ttc_discount || !self.has_discount() {
            "base_ht - port".to_string()
        } else if subject {
            text!(r, "(base_ht / (1 - escompte / 100)) - port")
        } else {
            text!(r, "((base_ht - port) / (1 - escompte / 100))")
        };
        let coef_expr = Joined(
            " * ",
            REDUCTION_KEYS[..i.reductions.len()]
                .iter()
                .map(|k| ("(1 - ", *k, " / 100)")),
        );

        let base_q = Question::new(
            "base_ht",
            "base HT",
            "Retrouvez le montant HT soumis à la TVA.",
            base,
            Unit::Euros,
        )
        .formula(base_formula)
        .mistake(
            self.cents(ttc - pct(ttc, i.vat_rate)),
            "tva-retranchee-en-taux",
            text!(
                "On ne retire pas la TVA en retranchant ",
                Percent(i.vat_rate),
                " du TTC : le TTC vaut HT × (1 + taux), donc HT = TTC ÷ ",
                Number(vat_coef, 4),
                ".",
            ),
        )
        .step(if ttc_discount {
            text!(
                "Avant escompte, TTC = net à payer ÷ (1 − ",
                Percent(i.discount),
                ") = ",
                Euros(nap),
                " ÷ ",
                Number(disc_coef, 4),
                " = ",
                Euros(ttc),
                " ; base HT = ",
                Euros(ttc),
                " ÷ ",
                Number(vat_coef, 4),
                " = **",
                Euros(base),
                "**.",
            )
        } else {
            text!(
                "Base HT = net à payer TTC ÷ (1 + taux de TVA) = ",
                Euros(nap),
                " ÷ ",
                Number(vat_coef, 4),
                " = **",
                Euros(base),
                "**.",
            )
        });
        let nc_step = if ttc_discount || !self.has_discount() {
            text!(
                "Net commercial = base HT − port = ",
                Euros(base),
                " − ",
                Euros(i.shipping),
                " = **",
                Euros(net_commercial),
                "**.",
            )
        } else if subject {
            text!(
                "Le port a subi l'escompte : net commercial + port = ",
                Euros(base),
                " ÷ ",
                Number(disc_coef, 4),
                " = ",
                Euros(net_commercial + i.shipping),
                " ; net commercial = ",
                Euros(net_commercial + i.shipping),
                " − ",
                Euros(i.shipping),
                " = **",
                Euros(net_commercial),
                "**.",
            )
        } else {
            text!(
                "Net financier = base HT − port = ",
                Euros(base),
                " − ",
                Euros(i.shipping),
                " = ",
                Euros(base - i.shipping),
                " ; net commercial = net financier ÷ (1 − ",
                Percent(i.discount),
                ") = ",
                Euros(base - i.shipping),
                " ÷ ",
                Number(disc_coef, 4),
                " = **",
                Euros(net_commercial),
                "**.",
            )
        };
        let mut nc_q = Question::new(
            "net_commercial",
            "net commercial",
            "Retrouvez le net commercial HT.",
            net_commercial,
            Unit::Euros,
        )
        .formula(nc_formula)
        .step(nc_step);
        if self.has_discount() && !ttc_discount && !subject {
            nc_q = nc_q.mistake(
                self.cents((base - i.shipping) * (Decimal::ONE + i.discount / hundred)),
                "escompte-rajoute-en-taux",
                text!(
                    "Pour annuler une réduction de ",
                    Percent(i.discount),
                    ", on divise par (1 − ",
                    Percent(i.discount),
                    ") ; ajouter ",
                    Percent(i.discount),
                    " ne redonne pas le montant de départ.",
                ),
            );
        }
        if !i.shipping.is_zero() && !ttc_discount && self.has_discount() && !subject {
            nc_q = nc_q.mistake(
                self.cents(base / disc_coef),
                "port-non-retire",
                "Les frais de port sont compris dans la base HT : retirez-les avant de remonter au net commercial.",
            );
        }
        let gross_q = Question::new(
            "montant_brut",
            "montant brut HT",
            "Retrouvez le montant brut HT.",
            gross,
            Unit::Euros,
        )
        .formula(text!(r, "(net_commercial / (", coef_expr, "))"))
        .mistake(
            self.cents(net_commercial * (Decimal::ONE + added / hundred)),
            "reductions-rajoutees",
            "Ajouter les taux de réduction au net ne redonne pas le brut : divisez par le produit des coefficients (1 − taux).",
        )
        .mistake(
            self.cents(net_commercial / (Decimal::ONE - added / hundred)),
            "remises-additionnees",
            "Les réductions se sont appliquées en cascade : divisez par le produit des coefficients (1 − taux), pas par (1 − somme des taux).",
        )
        .step(text!(
            "Montant brut = net commercial ÷ (",
            Joined(" × ", i.reductions.iter().map(|t| ("(1 − ", Percent(*t), ")"))),
            ") = ",
            Euros(net_commercial),
            " ÷ ",
            Number(kept, 6),
            " = **",
            Euros(gross),
            "**.",
        ));
        let price_q = Question::new(
            "prix_unitaire_retrouve",
            "prix unitaire HT",
            "Retrouvez le prix unitaire HT de l'article.",
            unit_price,
            Unit::Euros,
        )
        .formula(text!(r, "(montant_brut / quantite)"))
        .step(text!(
            "Prix unitaire HT = montant brut ÷ quantité = ",
            Euros(gross),
            " ÷ ",
            int(i.quantity),
            " = **",
            Euros(unit_price),
            "**.",
        ));
        let statement = text!(
            self.intro("a facturé à", "reconstituer la facture"),
            " Le bon de commande a été égaré : seul le net à payer de la facture est connu, avec les conditions accordées.\n\n",
            self.table(false, Some(nap)),
            "\n",
            self.conventions(),
        );
        Content {
            statement,
            questions: vec![base_q, nc_q, gross_q, price_q],
            solution_intro: text!(
                self.rounding_note(),
                " On remonte la facture en divisant par chaque coefficient multiplicateur, dans l'ordre inverse.",
            ),
            solution_outro: if check {
                text!(
                    "*Vérification :* le prix unitaire du bon de commande était ",
                    Euros(i.unit_price),
                    " ; un écart d'un centime peut venir des arrondis de la facture d'origine.",
                )
            } else {
                String::new()
            },
        }
    }
}

fn int(d: Decimal) -> i64 {
    i64::try_from(d.trunc()).unwrap_or(0)
}

fn french_rates(
    rates: &[Decimal],
) -> FrenchList<impl ExactSizeIterator<Item = Percent> + Clone + '_> {
    FrenchList(rates.iter().map(|r| Percent(*r)))
}

// The generated answers must stay consistent with the pure calculation; see
// `tests/pricing.rs` for hand-checked instances and properties.

/// What the solution says of the two other accepted ways to the net commercial (line by
/// line, and with the rate rounded to 0,01 %): the gap sized as it is, since « quelques
/// centimes » for an identical result or for nearly a euro reads wrong.
fn agreement(single: Decimal, line_by_line: Decimal, rounded_rate: Decimal) -> String {
    let line_gap = (single - line_by_line).abs();
    let rate_gap = (single - rounded_rate).abs();
    let mut out = String::with_capacity(160);
    if line_gap.is_zero() {
        out.push_str("(le calcul ligne par ligne donne le même montant");
    } else {
        push_text!(
            out,
            "(le calcul ligne par ligne donne ",
            Euros(line_by_line),
            " : l'écart de ",
            Gap(line_gap),
            " vient des arrondis, et les deux réponses sont acceptées"
        );
    }
    if rate_gap.is_zero() {
        out.push_str(" ; le taux unique arrondi à 0,01\u{a0}% donne lui aussi ce montant");
    } else {
        push_text!(
            out,
            " ; le taux unique arrondi à 0,01\u{a0}% donne ",
            Euros(rounded_rate),
            ", soit ",
            Gap(rate_gap),
            " d'écart : cette réponse est acceptée aussi"
        );
    }
    out.push(')');
    out
}

/// A gap between two amounts: « 1 centime », « 12 centimes », « 1,20 € ».
struct Gap(Decimal);

impl Piece for Gap {
    fn push_to(&self, out: &mut String) {
        if self.0 >= Decimal::ONE {
            Euros(self.0).push_to(out);
            return;
        }
        let cents = (self.0 * dec!(100)).round();
        Number(cents, 0).push_to(out);
        out.push_str(if cents >= Decimal::TWO {
            " centimes"
        } else {
            " centime"
        });
    }
    fn size_hint(&self) -> usize {
        12
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_is_sized() {
        let same = agreement(dec!(100.00), dec!(100.00), dec!(100.00));
        assert_eq!(
            same,
            "(le calcul ligne par ligne donne le même montant ; le taux unique arrondi à 0,01\u{a0}% donne lui aussi ce montant)"
        );
        let one = agreement(dec!(100.00), dec!(100.01), dec!(100.00));
        assert!(one.contains("l'écart de 1 centime vient"), "{one}");
        let many = agreement(dec!(100.00), dec!(99.04), dec!(100.03));
        assert!(many.contains("l'écart de 96 centimes vient"), "{many}");
        assert!(
            many.contains("100,03\u{a0}€, soit 3 centimes d'écart"),
            "{many}"
        );
        let euro = agreement(dec!(100.00), dec!(98.80), dec!(100.00));
        assert!(euro.contains("l'écart de 1,20\u{a0}€ vient"), "{euro}");
        assert!(!many.contains("quelques"));
    }
}

//! `prix/marges`: coût d'achat, prix de vente HT et TTC, marge, taux de marge, taux de
//! marque and coefficient multiplicateur (S513 les marges, S443 la fixation du prix).
//!
//! Variants: from the cost and the taux de marge (`taux-de-marge`) or the taux de marque
//! (`taux-de-marque`) to the selling price; back from a competitor's price TTC and a taux
//! de marque to the highest acceptable cost (`prix-ttc-vers-cout`); from the cost and the
//! price TTC to the rates and the coefficient (`calcul-des-taux`).

use crate::calc::margins::{
    coefficient_from_mark, mark_from_markup, mark_rate, markup_from_mark, markup_rate, pricing,
    raise, Given, Pricing, COEFFICIENT_DP, RATE_DP,
};
use crate::calc::Rounding;
use crate::exercises::context::Scene;
use crate::exercises::prix::net_a_payer::rounding_of;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{number, Euros, Number, Percent};
use crate::num::round::{round_half_away, truncate};
use crate::rng::Rng;
use crate::text::capitalise;
use crate::{push_text, text};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Marges;

const VARIANTS: &[(&str, &str)] = &[
    ("taux-de-marge", "du coût d'achat HT et du taux de marge au prix de vente TTC et au coefficient"),
    ("taux-de-marque", "du coût d'achat HT et du taux de marque au prix de vente TTC et au coefficient"),
    ("prix-ttc-vers-cout", "remonter d'un prix de vente TTC et d'un taux de marque au coût d'achat HT"),
    ("calcul-des-taux", "du coût d'achat HT et du prix de vente TTC aux taux de marge et de marque et au coefficient"),
];
const COEFFICIENT: &[(&str, &str)] = &[
    (
        "ttc-sur-ht",
        "coefficient multiplicateur = prix de vente TTC ÷ coût d'achat HT",
    ),
    (
        "ht-sur-ht",
        "coefficient multiplicateur = prix de vente HT ÷ coût d'achat HT",
    ),
];
const ROUNDING: &[(&str, &str)] = &[
    (
        "arrondi",
        "arrondi au centime le plus proche à chaque étape",
    ),
    ("troncature", "troncature au centime à chaque étape"),
];

/// The rates a company of this trade applies: a taux de marque in its usual range, in
/// whole percent (a training firm does not sell at 12,5 %, a wholesaler not at 60 %).
fn trade_mark_rate(r: &mut Rng, range: [Decimal; 2]) -> Decimal {
    Decimal::from(r.int(whole(range[0].ceil()), whole(range[1].floor())))
}

/// A taux de marge in whole percent whose taux de marque falls in `range`:
/// taux de marge = taux de marque ÷ (100 − taux de marque) × 100.
fn trade_markup_rate(r: &mut Rng, range: [Decimal; 2]) -> Decimal {
    let markup = |m: Decimal| m / (dec!(100) - m) * dec!(100);
    let lo = whole(markup(range[0]).ceil());
    let hi = whole(markup(range[1]).floor()).max(lo);
    Decimal::from(r.int(lo, hi))
}

fn whole(x: Decimal) -> i64 {
    i64::try_from(x).unwrap_or(0)
}

/// Which coefficient multiplicateur the statement defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coefficient {
    TtcOverHt,
    HtOverHt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    FromMarkup,
    FromMark,
    TtcToCost,
    Rates,
}

/// A purchase cost that looks like a supplier's price: to 5 cents under 100 €, to 50 cents
/// under 1 000 €, to the euro above.
fn supplier_price(x: Decimal) -> Decimal {
    let step = if x < dec!(100) {
        dec!(0.05)
    } else if x < dec!(1000) {
        dec!(0.5)
    } else {
        Decimal::ONE
    };
    round_half_away(x / step, 0) * step
}

/// A shelf price TTC, to 10 cents.
fn shelf_price(x: Decimal) -> Decimal {
    round_half_away(x, 1)
}

fn has_more_decimals(x: Decimal, dp: u32) -> bool {
    x.normalize().scale() > dp
}

impl Exercise for Marges {
    fn id(&self) -> &'static str {
        "prix/marges"
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
                "cout_achat",
                "coût d'achat unitaire HT",
                "0.05",
                "100000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_marge",
                "taux de marge, calculé sur le coût d'achat HT",
                "0.5",
                "400",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "taux_marque",
                "taux de marque, calculé sur le prix de vente HT",
                "0.5",
                "90",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "prix_ttc",
                "prix de vente unitaire TTC donné",
                "0.05",
                "1000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_tva",
                "taux de TVA (20, 10, 5,5 ou 2,1 en métropole)",
                "0",
                "20",
                Unit::Percent,
            ),
            ParamSpec::convention(
                "coefficient",
                "définition du coefficient multiplicateur",
                COEFFICIENT,
            ),
            ParamSpec::convention("arrondi", "règle d'arrondi des montants", ROUNDING),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw_goods(d.rng());
        let variant = match d.choice("variante") {
            "taux-de-marque" => Variant::FromMark,
            "prix-ttc-vers-cout" => Variant::TtcToCost,
            "calcul-des-taux" => Variant::Rates,
            _ => Variant::FromMarkup,
        };
        let p = scene.product;
        // The selling price HT aimed at, in the product's usual range: the cost and the price
        // TTC (the parameters) are derived from it so that they look like real prices.
        let target = d
            .rng()
            .decimal_step(p.prix_ht_min, p.prix_ht_max, dec!(0.01));
        let vat = d.number("taux_tva", |_| p.tva);
        let rounding = rounding_of(d.choice("arrondi"));
        let raised = |x: Decimal| raise(x, vat);
        let (given, rate) = match variant {
            Variant::FromMarkup => {
                let t = d.number("taux_marge", |r| {
                    trade_markup_rate(r, scene.business.taux_marque)
                });
                let cost = d.number("cout_achat", |_| {
                    supplier_price(target / (Decimal::ONE + t / dec!(100)))
                });
                (Given::CostAndMarkup { cost, markup: t }, t)
            }
            Variant::FromMark => {
                let m = d.number("taux_marque", |r| {
                    trade_mark_rate(r, scene.business.taux_marque)
                });
                let cost = d.number("cout_achat", |_| {
                    supplier_price(target * (Decimal::ONE - m / dec!(100)))
                });
                (Given::CostAndMark { cost, mark: m }, m)
            }
            Variant::TtcToCost => {
                let m = d.number("taux_marque", |r| {
                    trade_mark_rate(r, scene.business.taux_marque)
                });
                let price_ttc = d.number("prix_ttc", |_| shelf_price(raised(target)));
                (Given::PriceTtcAndMark { price_ttc, mark: m }, m)
            }
            Variant::Rates => {
                let cost = d.number("cout_achat", |r: &mut Rng| {
                    supplier_price(
                        target
                            * (Decimal::ONE
                                - trade_mark_rate(r, scene.business.taux_marque) / dec!(100)),
                    )
                });
                let price_ttc = d.number("prix_ttc", |_| shelf_price(raised(target)));
                (Given::CostAndPriceTtc { cost, price_ttc }, Decimal::ZERO)
            }
        };
        let coefficient = match variant {
            Variant::TtcToCost => Coefficient::TtcOverHt,
            _ => match d.choice("coefficient") {
                "ht-sur-ht" => Coefficient::HtOverHt,
                _ => Coefficient::TtcOverHt,
            },
        };
        let amounts = match given {
            Given::CostAndMarkup { cost, .. } | Given::CostAndMark { cost, .. } => vec![cost],
            Given::PriceTtcAndMark { price_ttc, .. } => vec![price_ttc],
            Given::CostAndPriceTtc { cost, price_ttc } => vec![cost, price_ttc],
        };
        if amounts.iter().any(|a| has_more_decimals(*a, 2))
            || has_more_decimals(rate, 2)
            || has_more_decimals(vat, 2)
        {
            return Err(Degenerate("montant ou taux avec trop de décimales".into()));
        }
        let pr = pricing(given, vat, rounding).ok_or_else(|| {
            Degenerate("coût ou prix nul, ou taux de marque de 100\u{a0}%".into())
        })?;
        if pr.margin <= Decimal::ZERO {
            return Err(Degenerate(
                "le prix de vente HT ne dépasse pas le coût d'achat HT : marge nulle ou négative"
                    .into(),
            ));
        }
        // Rounding the supplier's or the shelf price can carry the price out of the
        // product's usual range (the E5 cover page announces that range).
        let teacher_prices = ["cout_achat", "prix_ttc"].iter().any(|k| d.is_fixed(k));
        if !teacher_prices && !(p.prix_ht_min..=p.prix_ht_max).contains(&pr.price_ht) {
            return Err(Degenerate(
                "prix de vente HT hors de la fourchette du produit".into(),
            ));
        }
        let ctx = Ctx {
            scene,
            variant,
            pr,
            vat,
            rounding,
            coefficient,
        };
        Ok(ctx.content())
    }
}

struct Ctx {
    scene: Scene,
    variant: Variant,
    pr: Pricing,
    vat: Decimal,
    rounding: Rounding,
    coefficient: Coefficient,
}

fn hundredth(x: Decimal) -> Decimal {
    x / dec!(100)
}

/// A computed value before rounding: exact if short, else cut with an ellipsis.
fn raw(x: Decimal) -> String {
    // Cut once: when nothing is cut, the cut value is `x` itself (and needs no rounding).
    let cut = truncate(x, 6);
    if cut == x {
        number(cut, 6)
    } else {
        text!(Number(cut, 6), "…")
    }
}

/// After a check by the exact relation between the rates: why it may differ slightly.
fn gap_note(exact_relation: Decimal, answer: Decimal) -> &'static str {
    if rate(exact_relation) == answer {
        " : on retrouve bien le même taux"
    } else {
        " ; le petit écart vient de l'arrondi des montants au centime"
    }
}

fn rate(x: Decimal) -> Decimal {
    round_half_away(x, RATE_DP)
}

fn coef(x: Decimal) -> Decimal {
    round_half_away(x, COEFFICIENT_DP)
}

impl Ctx {
    fn r(&self) -> &'static str {
        self.rounding.expr_fn()
    }

    fn cents(&self, x: Decimal) -> Decimal {
        self.rounding.cents(x)
    }

    /// `= exact → **shown €**`, stating the rounding when it changes the value.
    fn amount(&self, exact: Decimal, shown: Decimal) -> String {
        if exact == shown {
            text!("**", Euros(shown), "**")
        } else {
            let how = match self.rounding {
                Rounding::HalfAwayFromZero => "arrondi au centime",
                Rounding::Truncate => "tronqué au centime",
            };
            text!(raw(exact), "\u{a0}€ ≈ **", Euros(shown), "** (", how, ")")
        }
    }

    /// A rate in percent, rounded to 0,01 %, stating the rounding when it changes the value.
    fn rate_shown(exact: Decimal, shown: Decimal) -> String {
        if exact == shown {
            text!("**", Percent(shown), "**")
        } else {
            text!(
                raw(exact),
                " ≈ **",
                Percent(shown),
                "** (arrondi à 0,01\u{a0}%)"
            )
        }
    }

    fn coef_shown(exact: Decimal, shown: Decimal) -> String {
        if exact == shown {
            text!("**", Number(shown, 4), "**")
        } else {
            text!(
                raw(exact),
                " ≈ **",
                Number(shown, 4),
                "** (arrondi à 0,0001)"
            )
        }
    }

    // ----- Statement ----------------------------------------------------------------

    fn intro(&self) -> String {
        let s = &self.scene;
        let pr = &self.pr;
        let items = s.product.pluriel.clone();
        let opening = text!(
            capitalise(s.seller()),
            " commercialise des ",
            items,
            ". Vous assistez ",
            s.business.vendeur,
            ", ",
            s.business.vendeur_genre.agree("chargé", "chargée"),
            " de clientèle",
        );
        match self.variant {
            Variant::FromMarkup => text!(
                opening,
                ", qui prépare le tarif applicable au ",
                s.date.french(),
                " : la direction demande d'appliquer à cet article \
                 un taux de marge de ",
                Percent(pr.markup_rate),
                ".",
            ),
            Variant::FromMark => text!(
                opening,
                ", qui prépare le tarif applicable au ",
                s.date.french(),
                " : la direction raisonne en taux de marque et veut que \
                 la marge représente ",
                Percent(pr.mark_rate),
                " du prix de vente HT de cet article.",
            ),
            Variant::TtcToCost => text!(
                opening,
                ". Le ",
                s.date.french(),
                ", un concurrent affiche cet article à ",
                Euros(pr.price_ttc),
                " TTC. Pour s'aligner sur ce prix tout en \
                 conservant son taux de marque habituel de ",
                Percent(pr.mark_rate),
                ", l'entreprise doit savoir quel coût d'achat HT \
                 négocier au plus avec son fournisseur.",
            ),
            Variant::Rates => text!(
                opening,
                ", qui prépare pour le ",
                s.date.french(),
                " le bilan de rentabilité de cet article avant l'entretien annuel \
                 avec le fournisseur.",
            ),
        }
    }

    fn table(&self) -> String {
        let pr = &self.pr;
        let mut t = String::with_capacity(320);
        t.push_str("| Élément | Donnée |\n|---|---|\n");
        push_text!(t, "| Article | ", self.scene.product.nom, " |\n");
        match self.variant {
            Variant::FromMarkup => {
                push_text!(t, "| Coût d'achat unitaire HT | ", Euros(pr.cost), " |\n",);
                push_text!(
                    t,
                    "| Taux de marge (calculé sur le coût d'achat HT) | ",
                    Percent(pr.markup_rate),
                    " |\n",
                );
            }
            Variant::FromMark => {
                push_text!(t, "| Coût d'achat unitaire HT | ", Euros(pr.cost), " |\n",);
                push_text!(
                    t,
                    "| Taux de marque (calculé sur le prix de vente HT) | ",
                    Percent(pr.mark_rate),
                    " |\n",
                );
            }
            Variant::TtcToCost => {
                push_text!(
                    t,
                    "| Prix de vente unitaire TTC visé | ",
                    Euros(pr.price_ttc),
                    " |\n",
                );
                push_text!(
                    t,
                    "| Taux de marque (calculé sur le prix de vente HT) | ",
                    Percent(pr.mark_rate),
                    " |\n",
                );
            }
            Variant::Rates => {
                push_text!(t, "| Coût d'achat unitaire HT | ", Euros(pr.cost), " |\n",);
                push_text!(
                    t,
                    "| Prix de vente unitaire TTC | ",
                    Euros(pr.price_ttc),
                    " |\n",
                );
            }
        }
        push_text!(t, "| Taux de TVA | ", Percent(self.vat), " |\n");
        t
    }

    fn has_coefficient(&self) -> bool {
        self.variant != Variant::TtcToCost
    }

    fn conventions(&self) -> String {
        // Sized for the longest combination of the sentences below.
        let mut s = String::with_capacity(720);
        s.push_str(
            "**Définitions à utiliser.** Marge unitaire = prix de vente HT − coût d'achat HT. \
             Taux de marge (calculé sur le coût d'achat HT) = marge unitaire ÷ coût d'achat HT × 100. \
             Taux de marque (calculé sur le prix de vente HT) = marge unitaire ÷ prix de vente HT × 100. ",
        );
        if self.has_coefficient() {
            s += match self.coefficient {
                Coefficient::TtcOverHt => {
                    "Coefficient multiplicateur = prix de vente TTC ÷ coût d'achat HT (il fait passer directement du coût d'achat HT au prix affiché TTC). "
                }
                Coefficient::HtOverHt => "Coefficient multiplicateur = prix de vente HT ÷ coût d'achat HT. ",
            };
        }
        s += match self.rounding {
            Rounding::HalfAwayFromZero => "Arrondissez chaque montant au centime le plus proche",
            Rounding::Truncate => "Tronquez chaque montant au centime (sans arrondir)",
        };
        s += if self.has_coefficient() {
            ", chaque taux à 0,01\u{a0}% près et le coefficient à 0,0001 près."
        } else {
            " et chaque taux à 0,01\u{a0}% près."
        };
        s
    }

    // ----- Questions -----------------------------------------------------------------

    fn q_price_ht(&self) -> Question {
        let pr = &self.pr;
        let r = self.r();
        let q = Question::new(
            "prix_vente_ht",
            "prix de vente HT",
            "Calculez le prix de vente unitaire HT.",
            pr.price_ht,
            Unit::Euros,
        );
        let too_high = self.cents(raise(pr.price_ht, self.vat));
        match self.variant {
            Variant::FromMarkup => {
                let t = pr.markup_rate;
                let exact = raise(pr.cost, t);
                let mut q = q
                    .formula(text!(r, "(cout_achat * (1 + taux_marge / 100))"))
                    .mistake(
                        self.cents(pr.cost * hundredth(t)),
                        "marge-au-lieu-du-prix",
                        "Vous avez calculé la marge (coût d'achat × taux de marge), pas le prix : \
                         ajoutez-la au coût d'achat HT, ou multipliez directement le coût par (1 + taux de marge).",
                    );
                if t < dec!(100) {
                    q = q.mistake(
                        self.cents(pr.cost / (Decimal::ONE - hundredth(t))),
                        "marque-au-lieu-de-marge",
                        text!(
                            "Vous avez utilisé ",
                            Percent(t),
                            " comme un taux de marque (division par 1 − taux). Ici c'est un taux de marge, \
                             calculé sur le coût d'achat HT : prix de vente HT = coût d'achat HT × (1 + taux de marge).",
                        ),
                    );
                }
                q.mistake(
                    too_high,
                    "prix-ttc-au-lieu-de-ht",
                    "Vous avez ajouté la TVA : le prix de vente HT s'obtient à partir du coût d'achat HT et du taux de marge seulement.",
                )
                .step(text!(
                    "Le taux de marge est calculé sur le coût d'achat HT : marge = coût d'achat HT × taux de marge, donc\n\n\
                     Prix de vente HT = coût d'achat HT × (1 + taux de marge) = ",
                    Euros(pr.cost),
                    " × ",
                    Number(Decimal::ONE + hundredth(t), 4),
                    " = ",
                    self.amount(exact, pr.price_ht),
                    ".",
                ))
            }
            Variant::FromMark => {
                let m = pr.mark_rate;
                let kept = Decimal::ONE - hundredth(m);
                let exact = pr.cost / kept;
                q.formula(text!(r, "(cout_achat / (1 - taux_marque / 100))"))
                    .mistake(
                        self.cents(raise(pr.cost, m)),
                        "marge-au-lieu-de-marque",
                        text!(
                            "Vous avez appliqué ",
                            Percent(m),
                            " au coût d'achat, comme un taux de marge. Le taux de marque est calculé sur le prix \
                             de vente HT : coût d'achat HT = prix de vente HT × (1 − taux de marque), donc \
                             prix de vente HT = coût d'achat HT ÷ (1 − taux de marque).",
                        ),
                    )
                    .mistake(
                        too_high,
                        "prix-ttc-au-lieu-de-ht",
                        "Vous avez ajouté la TVA : le prix de vente HT s'obtient à partir du coût d'achat HT et du taux de marque seulement.",
                    )
                    .step(text!(
                        "Le taux de marque est calculé sur le prix de vente HT : coût d'achat HT = prix de vente HT × (1 − taux de marque), donc\n\n\
                         Prix de vente HT = coût d'achat HT ÷ (1 − taux de marque) = ",
                        Euros(pr.cost),
                        " ÷ ",
                        Number(kept, 4),
                        " = ",
                        self.amount(exact, pr.price_ht),
                        ".",
                    ))
            }
            Variant::TtcToCost | Variant::Rates => {
                let vat_coef = Decimal::ONE + hundredth(self.vat);
                let exact = pr.price_ttc / vat_coef;
                q.formula(text!(r, "(prix_ttc / (1 + taux_tva / 100))"))
                    .mistake(
                        self.cents(pr.price_ttc * (Decimal::ONE - hundredth(self.vat))),
                        "tva-retranchee-en-taux",
                        text!(
                            "On ne retire pas la TVA en retranchant ",
                            Percent(self.vat),
                            " du prix TTC : le TTC vaut HT × (1 + taux), donc HT = TTC ÷ ",
                            Number(vat_coef, 4),
                            ".",
                        ),
                    )
                    .mistake(
                        pr.price_ttc,
                        "tva-non-retiree",
                        "Vous avez gardé le prix TTC : la TVA est reversée à l'État, retirez-la (HT = TTC ÷ (1 + taux de TVA)).",
                    )
                    .step(text!(
                        "Prix de vente HT = prix de vente TTC ÷ (1 + taux de TVA) = ",
                        Euros(pr.price_ttc),
                        " ÷ ",
                        Number(vat_coef, 4),
                        " = ",
                        self.amount(exact, pr.price_ht),
                        ".",
                    ))
            }
        }
    }

    fn q_cost(&self) -> Question {
        let pr = &self.pr;
        let m = pr.mark_rate;
        let kept = Decimal::ONE - hundredth(m);
        let exact = pr.price_ht * kept;
        Question::new(
            "cout_achat",
            "coût d'achat HT",
            "Calculez le coût d'achat unitaire HT maximal qui permet de conserver le taux de marque.",
            pr.cost,
            Unit::Euros,
        )
        .formula(text!(self.r(), "(prix_vente_ht * (1 - taux_marque / 100))"))
        .mistake(
            self.cents(pr.price_ht / (Decimal::ONE + hundredth(m))),
            "marge-au-lieu-de-marque",
            text!(
                "Vous avez divisé par (1 + ",
                Percent(m),
                "), comme pour un taux de marge. Le taux de marque est calculé sur le prix de vente HT : \
                 marge = prix de vente HT × taux de marque, donc coût d'achat HT = prix de vente HT × (1 − taux de marque).",
            ),
        )
        .mistake(
            self.cents(pr.price_ttc * kept),
            "marge-sur-ttc",
            "Vous avez appliqué le taux de marque au prix TTC. Il est calculé sur le prix de vente HT : retirez d'abord la TVA.",
        )
        .step(text!(
            "Le taux de marque est calculé sur le prix de vente HT : marge = prix de vente HT × taux de marque, donc\n\n\
             Coût d'achat HT = prix de vente HT × (1 − taux de marque) = ",
            Euros(pr.price_ht),
            " × ",
            Number(kept, 4),
            " = ",
            self.amount(exact, pr.cost),
            ".",
        ))
    }

    fn q_margin(&self) -> Question {
        let pr = &self.pr;
        let q = Question::new(
            "marge",
            "marge unitaire",
            "Calculez la marge unitaire.",
            pr.margin,
            Unit::Euros,
        )
        .formula("prix_vente_ht - cout_achat")
        .mistake(
            pr.price_ttc - pr.cost,
            "marge-sur-ttc",
            "Vous avez calculé la marge à partir du prix TTC. La TVA n'appartient pas à l'entreprise (elle la reverse à l'État) : \
             marge unitaire = prix de vente HT − coût d'achat HT.",
        );
        let q = match self.variant {
            Variant::FromMarkup => q.mistake(
                self.cents(pr.price_ht * hundredth(pr.markup_rate)),
                "marge-sur-prix-de-vente",
                "Vous avez appliqué le taux de marge au prix de vente : il se calcule sur le coût d'achat HT. \
                 Le plus sûr : marge = prix de vente HT − coût d'achat HT.",
            ),
            Variant::FromMark => q.mistake(
                self.cents(pr.cost * hundredth(pr.mark_rate)),
                "marque-appliquee-au-cout",
                "Vous avez appliqué le taux de marque au coût d'achat : il se calcule sur le prix de vente HT. \
                 Le plus sûr : marge = prix de vente HT − coût d'achat HT.",
            ),
            Variant::TtcToCost => q.mistake(
                self.cents(pr.price_ttc * hundredth(pr.mark_rate)),
                "marque-appliquee-au-ttc",
                "Vous avez appliqué le taux de marque au prix TTC : il se calcule sur le prix de vente HT. \
                 Le plus sûr : marge = prix de vente HT − coût d'achat HT.",
            ),
            Variant::Rates => q,
        };
        q.step(text!(
            "Marge unitaire = prix de vente HT − coût d'achat HT = ",
            Euros(pr.price_ht),
            " − ",
            Euros(pr.cost),
            " = **",
            Euros(pr.margin),
            "**.",
        ))
    }

    fn q_markup_rate(&self) -> Question {
        let pr = &self.pr;
        let exact = markup_rate(pr.margin, pr.cost).unwrap_or_default();
        let q = Question::new(
            "taux_marge",
            "taux de marge",
            "Calculez le taux de marge (calculé sur le coût d'achat HT), à 0,01\u{a0}% près.",
            pr.markup_rate,
            Unit::Percent,
        )
        .formula("arrondi(marge / cout_achat * 100, 2)")
        .mistake(
            rate(mark_rate(pr.margin, pr.price_ht).unwrap_or_default()),
            "marque-au-lieu-de-marge",
            "Vous avez divisé la marge par le prix de vente HT : c'est le taux de marque. \
             Le taux de marge se calcule sur le coût d'achat HT : marge ÷ coût d'achat HT × 100.",
        );
        let q = match self.variant {
            Variant::FromMark | Variant::TtcToCost => match mark_from_markup(pr.mark_rate) {
                Some(wrong) => q.mistake(
                    rate(wrong),
                    "relation-marge-marque-inversee",
                    "Vous avez utilisé la relation dans le mauvais sens : taux de marge = taux de marque ÷ (1 − taux de marque), \
                     et le taux de marge est toujours supérieur au taux de marque.",
                ),
                None => q,
            },
            _ => match markup_rate(pr.price_ttc - pr.cost, pr.cost) {
                Some(wrong) => q.mistake(
                    rate(wrong),
                    "marge-sur-ttc",
                    "Vous avez calculé la marge à partir du prix TTC. La marge se calcule hors taxes : \
                     (prix de vente HT − coût d'achat HT) ÷ coût d'achat HT × 100.",
                ),
                None => q,
            },
        };
        let mut step = text!(
            "Taux de marge = marge unitaire ÷ coût d'achat HT × 100 = ",
            Euros(pr.margin),
            " ÷ ",
            Euros(pr.cost),
            " × 100 = ",
            Self::rate_shown(exact, pr.markup_rate),
            ".",
        );
        if matches!(self.variant, Variant::FromMark | Variant::TtcToCost) {
            if let Some(check) = markup_from_mark(pr.mark_rate) {
                push_text!(
                    step,
                    "\n\nVérification par la relation entre les taux : taux de marge = taux de marque ÷ (1 − taux de marque) = \
                     ",
                    Number(hundredth(pr.mark_rate), 4),
                    " ÷ ",
                    Number(Decimal::ONE - hundredth(pr.mark_rate), 4),
                    " ≈ ",
                    Percent(check),
                    gap_note(check, pr.markup_rate),
                    ".",
                );
            }
        }
        q.step(step)
    }

    fn q_mark_rate(&self) -> Question {
        let pr = &self.pr;
        let exact = mark_rate(pr.margin, pr.price_ht).unwrap_or_default();
        let q = Question::new(
            "taux_marque",
            "taux de marque",
            "Calculez le taux de marque (calculé sur le prix de vente HT), à 0,01\u{a0}% près.",
            pr.mark_rate,
            Unit::Percent,
        )
        .formula("arrondi(marge / prix_vente_ht * 100, 2)")
        .mistake(
            rate(markup_rate(pr.margin, pr.cost).unwrap_or_default()),
            "marge-au-lieu-de-marque",
            "Vous avez divisé la marge par le coût d'achat HT : c'est le taux de marge. \
             Le taux de marque se calcule sur le prix de vente HT : marge ÷ prix de vente HT × 100.",
        );
        let q = match mark_rate(pr.margin, pr.price_ttc) {
            Some(wrong) => q.mistake(
                rate(wrong),
                "marque-sur-ttc",
                "Vous avez divisé la marge par le prix TTC. Le taux de marque se calcule sur le prix de vente HT.",
            ),
            None => q,
        };
        let mut step = text!(
            "Taux de marque = marge unitaire ÷ prix de vente HT × 100 = ",
            Euros(pr.margin),
            " ÷ ",
            Euros(pr.price_ht),
            " × 100 = ",
            Self::rate_shown(exact, pr.mark_rate),
            ".",
        );
        if self.variant == Variant::FromMarkup {
            if let Some(check) = mark_from_markup(pr.markup_rate) {
                push_text!(
                    step,
                    "\n\nVérification par la relation entre les taux : taux de marque = taux de marge ÷ (1 + taux de marge) = \
                     ",
                    Number(hundredth(pr.markup_rate), 4),
                    " ÷ ",
                    Number(Decimal::ONE + hundredth(pr.markup_rate), 4),
                    " ≈ ",
                    Percent(check),
                    gap_note(check, pr.mark_rate),
                    ".",
                );
            }
        }
        q.step(step)
    }

    fn q_price_ttc(&self) -> Question {
        let pr = &self.pr;
        let vat_coef = Decimal::ONE + hundredth(self.vat);
        let exact = pr.price_ht * vat_coef;
        let mut q = Question::new(
            "prix_vente_ttc",
            "prix de vente TTC",
            "Calculez le prix de vente unitaire TTC.",
            pr.price_ttc,
            Unit::Euros,
        )
        .formula(text!(self.r(), "(prix_vente_ht * (1 + taux_tva / 100))"))
        .mistake(
            self.cents(raise(pr.cost, self.vat)),
            "tva-sur-cout",
            "Vous avez appliqué la TVA au coût d'achat : elle s'applique au prix de vente HT.",
        )
        .mistake(
            self.cents(pr.price_ht * hundredth(self.vat)),
            "tva-seule",
            "Vous avez donné le montant de la TVA : prix de vente TTC = prix de vente HT + TVA.",
        );
        if self.variant == Variant::FromMarkup {
            q = q.mistake(
                self.cents(raise(pr.cost, pr.markup_rate + self.vat)),
                "taux-additionnes",
                "Vous avez additionné le taux de marge et le taux de TVA. Ils s'appliquent l'un après l'autre, sur des bases \
                 différentes : on multiplie les coefficients, on n'ajoute pas les taux.",
            );
        }
        q.step(text!(
            "Prix de vente TTC = prix de vente HT × (1 + taux de TVA) = ",
            Euros(pr.price_ht),
            " × ",
            Number(vat_coef, 4),
            " = ",
            self.amount(exact, pr.price_ttc),
            ".",
        ))
    }

    fn q_coefficient(&self) -> Question {
        let pr = &self.pr;
        // The price TTC is a given in `calcul-des-taux`, an earlier answer otherwise.
        let ttc_name = if self.variant == Variant::Rates {
            "prix_ttc"
        } else {
            "prix_vente_ttc"
        };
        let (answer, other, exact, formula, step) = match self.coefficient {
            Coefficient::TtcOverHt => (
                pr.coefficient_ttc,
                pr.coefficient_ht,
                pr.price_ttc / pr.cost,
                text!("arrondi(", ttc_name, " / cout_achat, 4)"),
                text!(
                    "Coefficient multiplicateur = prix de vente TTC ÷ coût d'achat HT = ",
                    Euros(pr.price_ttc),
                    " ÷ ",
                    Euros(pr.cost),
                    " = ",
                ),
            ),
            Coefficient::HtOverHt => (
                pr.coefficient_ht,
                pr.coefficient_ttc,
                pr.price_ht / pr.cost,
                "arrondi(prix_vente_ht / cout_achat, 4)".to_string(),
                text!(
                    "Coefficient multiplicateur = prix de vente HT ÷ coût d'achat HT = ",
                    Euros(pr.price_ht),
                    " ÷ ",
                    Euros(pr.cost),
                    " = ",
                ),
            ),
        };
        let (this_one, that_one) = match self.coefficient {
            Coefficient::TtcOverHt => ("prix de vente TTC ÷ coût d'achat HT", "prix de vente HT"),
            Coefficient::HtOverHt => ("prix de vente HT ÷ coût d'achat HT", "prix de vente TTC"),
        };
        let inverse = match self.coefficient {
            Coefficient::TtcOverHt => pr.cost.checked_div(pr.price_ttc),
            Coefficient::HtOverHt => pr.cost.checked_div(pr.price_ht),
        };
        let q = Question::new(
            "coefficient_multiplicateur",
            "coefficient multiplicateur",
            "Calculez le coefficient multiplicateur, à 0,0001 près.",
            answer,
            Unit::Coefficient,
        )
        .formula(formula)
        .mistake(
            other,
            "coefficient-ht-ttc-confondus",
            text!(
                "Vous avez utilisé le ",
                that_one,
                ". Avec la définition de l'énoncé, coefficient multiplicateur = ",
                this_one,
                ".",
            ),
        );
        let q = match inverse {
            Some(inv) => q.mistake(
                coef(inv),
                "coefficient-inverse",
                text!(
                    "Vous avez fait la division à l'envers : le coefficient multiplicateur fait passer du coût au prix, \
                     il vaut ",
                    this_one,
                    " (il est supérieur à 1).",
                ),
            ),
            None => q,
        };
        let mut step = step + &Self::coef_shown(exact, answer) + ".";
        let check = match (self.coefficient, self.variant) {
            (Coefficient::HtOverHt, Variant::FromMarkup) => Some((
                text!(
                    "1 + taux de marge = 1 + ",
                    Number(hundredth(pr.markup_rate), 4)
                ),
                Decimal::ONE + hundredth(pr.markup_rate),
            )),
            (Coefficient::HtOverHt, Variant::FromMark) => {
                coefficient_from_mark(pr.mark_rate).map(|c| {
                    let kept = number(Decimal::ONE - hundredth(pr.mark_rate), 4);
                    (text!("1 ÷ (1 − taux de marque) = 1 ÷ ", kept), c)
                })
            }
            _ => None,
        };
        if let Some((relation, check)) = check {
            push_text!(
                step,
                "\n\nVérification : coefficient HT/HT = ",
                relation,
                " ≈ ",
                Number(check, 4),
                if coef(check) == answer {
                    " : on retrouve bien le même coefficient"
                } else {
                    " ; le petit écart vient de l'arrondi des montants au centime"
                },
                ".",
            );
        }
        q.step(step)
    }

    // ----- Assembling ----------------------------------------------------------------

    fn content(&self) -> Content {
        let questions = match self.variant {
            Variant::FromMarkup => vec![
                self.q_price_ht(),
                self.q_margin(),
                self.q_mark_rate(),
                self.q_price_ttc(),
                self.q_coefficient(),
            ],
            Variant::FromMark => vec![
                self.q_price_ht(),
                self.q_margin(),
                self.q_markup_rate(),
                self.q_price_ttc(),
                self.q_coefficient(),
            ],
            Variant::TtcToCost => vec![
                self.q_price_ht(),
                self.q_cost(),
                self.q_margin(),
                self.q_markup_rate(),
            ],
            Variant::Rates => vec![
                self.q_price_ht(),
                self.q_margin(),
                self.q_markup_rate(),
                self.q_mark_rate(),
                self.q_coefficient(),
            ],
        };
        let statement = text!(self.intro(), "\n\n", self.table(), "\n", self.conventions());
        let solution_intro = text!(
            "*Règle d'arrondi : ",
            self.rounding.describe(),
            " ; les taux sont arrondis au plus proche à 0,01\u{a0}% près",
            if self.has_coefficient() {
                " et le coefficient à 0,0001 près"
            } else {
                ""
            },
            ". \
             Chaque étape part des valeurs arrondies des étapes précédentes.*",
        );
        Content {
            statement,
            questions,
            solution_intro,
            solution_outro: self.reading(),
        }
    }

    fn reading(&self) -> String {
        let pr = &self.pr;
        match self.variant {
            Variant::TtcToCost => text!(
                "*À retenir :* pour vendre à ",
                Euros(pr.price_ttc),
                " TTC en gardant un taux de marque de ",
                Percent(pr.mark_rate),
                ", le coût d'achat HT ne doit pas dépasser ",
                Euros(pr.cost),
                " : \
                 c'est l'objectif de la négociation avec le fournisseur. Le taux de marge correspondant (",
                Percent(pr.markup_rate),
                ") est plus élevé que le \
                 taux de marque, car la même marge est rapportée au coût d'achat, plus petit que le prix de vente.",
            ),
            _ => text!(
                "*À retenir :* chaque article vendu rapporte une marge de ",
                Euros(pr.margin),
                ", soit ",
                Percent(pr.markup_rate),
                " du coût d'achat HT (taux de marge) mais ",
                Percent(pr.mark_rate),
                " \
                 du prix de vente HT (taux de marque) : le taux de marque est toujours inférieur au taux de marge, car la même \
                 marge est rapportée à un prix de vente plus grand que le coût d'achat. Ne confondez jamais les deux taux.",
            ),
        }
    }
}

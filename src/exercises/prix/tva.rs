//! `prix/tva`: the TVA of a month or a quarter under the régime réel (S511).
//!
//! TVA collectée on sales at one or two rates, TVA déductible on purchases, services and
//! possibly an immobilisation (amounts given HT, or purchases and services given TTC),
//! then TVA à décaisser (`a-decaisser`) or crédit de TVA (`credit`), after the crédit
//! carried over from the previous period when there is one.

use crate::calc::vat::{vat_on_ht, vat_return, Line, VatReturn};
use crate::calc::Rounding;
use crate::exercises::context::Scene;
use crate::exercises::prix::net_a_payer::rounding_of;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{Euros, Number, Percent};
use crate::num::round::round_half_away;
use crate::text::{capitalise, Joined};
use crate::{push_text, text};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Tva;

const VARIANTS: &[(&str, &str)] = &[
    (
        "a-decaisser",
        "la TVA collectée dépasse la TVA déductible : TVA à décaisser",
    ),
    (
        "credit",
        "la TVA déductible dépasse la TVA collectée (investissement) : crédit de TVA",
    ),
];
const PERIODS: &[(&str, &str)] = &[
    ("mois", "déclaration mensuelle"),
    (
        "trimestre",
        "déclaration trimestrielle (TVA annuelle inférieure à 4\u{202f}000\u{a0}€)",
    ),
];
const GIVEN_AS: &[(&str, &str)] = &[
    ("ht", "achats et services donnés hors taxes"),
    (
        "ttc",
        "achats et services donnés TTC : la TVA est à extraire",
    ),
];
const ROUNDING: &[(&str, &str)] = &[
    (
        "arrondi",
        "arrondi au centime le plus proche à chaque ligne",
    ),
    ("troncature", "troncature au centime à chaque ligne"),
];

const RATES: [Decimal; 4] = [dec!(20), dec!(10), dec!(5.5), dec!(2.1)];
/// Guadeloupe, Martinique and La Réunion: taux normal 8,5 %, taux réduit 2,1 %.
const OVERSEAS_RATES: [Decimal; 2] = [dec!(8.5), dec!(2.1)];

/// The TVA rates of the business's territory and its taux normal: Guadeloupe, Martinique
/// and La Réunion (postcodes 97…) have their own; Corsica (20…) has special reduced rates,
/// so only the taux normal is used there.
fn territory_rates(postcode: &str) -> (&'static [Decimal], Decimal) {
    if postcode.starts_with("97") {
        (&OVERSEAS_RATES, dec!(8.5))
    } else if postcode.starts_with("20") {
        (&RATES[..1], dec!(20))
    } else {
        (&RATES, dec!(20))
    }
}

const ASSETS: [&str; 5] = [
    "un véhicule utilitaire",
    "du matériel informatique",
    "l'agencement du point de vente",
    "une machine d'emballage",
    "du mobilier de bureau",
];
/// Above this quarterly TVA, a quarterly return would not be allowed (4 000 € a year).
const QUARTERLY_LIMIT: Decimal = dec!(1000);

fn to_euro(x: Decimal) -> Decimal {
    round_half_away(x, 0)
}

fn to_ten(x: Decimal) -> Decimal {
    round_half_away(x / dec!(10), 0) * dec!(10)
}

impl Exercise for Tva {
    fn id(&self) -> &'static str {
        "prix/tva"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        let m = "10000000";
        vec![
            ParamSpec::variant("variante", "TVA à décaisser ou crédit de TVA", VARIANTS),
            ParamSpec::variant("periode", "période de la déclaration", PERIODS),
            ParamSpec::variant("achats_en", "achats et services donnés HT ou TTC", GIVEN_AS),
            ParamSpec::decimal(
                "ventes_1",
                "ventes HT de l'activité principale",
                "0.01",
                m,
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_ventes_1",
                "taux de TVA des ventes principales",
                "0",
                "20",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "ventes_2",
                "autres ventes HT à un second taux (0 : aucune)",
                "0",
                m,
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_ventes_2",
                "taux de TVA des autres ventes",
                "0",
                "20",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "achats",
                "achats de marchandises (HT ou TTC selon achats_en)",
                "0",
                m,
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_achats",
                "taux de TVA des achats de marchandises",
                "0",
                "20",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "services",
                "services et frais généraux (HT ou TTC selon achats_en)",
                "0",
                m,
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_services",
                "taux de TVA des services",
                "0",
                "20",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "immobilisation",
                "acquisition d'une immobilisation HT (0 : aucune)",
                "0",
                m,
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "taux_immobilisation",
                "taux de TVA de l'immobilisation",
                "0",
                "20",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "credit_anterieur",
                "crédit de TVA reporté de la période précédente (0 : aucun)",
                "0",
                m,
                Unit::Euros,
            ),
            ParamSpec::convention("arrondi", "règle d'arrondi des montants de TVA", ROUNDING),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let credit_variant = d.choice("variante") == "credit";
        let quarterly = d.choice("periode") == "trimestre";
        let ttc = d.choice("achats_en") == "ttc";
        let rounding = rounding_of(d.choice("arrondi"));
        let asset_name = *d.rng().pick(&ASSETS);
        let p = scene.product;

        let (lo, hi) = if quarterly {
            (dec!(3000), dec!(12000))
        } else {
            (dec!(15000), dec!(150000))
        };
        let rate_1 = d.number("taux_ventes_1", |_| p.tva);
        let sales_1 = d.number("ventes_1", |r| r.decimal_step(lo, hi, dec!(10)));
        let (rates, standard) = territory_rates(&scene.business.code_postal);
        let others: Vec<Decimal> = rates.iter().copied().filter(|t| *t != rate_1).collect();
        let sales_2 = d.number("ventes_2", |r| {
            if others.is_empty() || r.chance(1, 2) {
                Decimal::ZERO
            } else {
                to_ten(sales_1 * r.decimal_step(dec!(0.15), dec!(0.6), dec!(0.05)))
            }
        });
        let rate_2 = if sales_2.is_zero() {
            None
        } else {
            Some(d.number("taux_ventes_2", |r| {
                if others.is_empty() {
                    standard
                } else {
                    *r.pick(&others)
                }
            }))
        };
        let total_sales = sales_1 + sales_2;
        let purchase_rate = d.number("taux_achats", |_| rate_1);
        let service_rate = d.number("taux_services", |_| standard);
        let purchases_ht =
            to_euro(total_sales * d.rng().decimal_step(dec!(0.35), dec!(0.65), dec!(0.01)));
        let services_ht =
            rounding.cents(total_sales * d.rng().decimal_step(dec!(0.03), dec!(0.1), dec!(0.005)));
        let gross = |x: Decimal, t: Decimal| {
            if ttc {
                rounding.cents(x * (Decimal::ONE + t / dec!(100)))
            } else {
                x
            }
        };
        let purchases = d.number("achats", |_| gross(purchases_ht, purchase_rate));
        let services = d.number("services", |_| gross(services_ht, service_rate));
        let asset = d.number("immobilisation", |r| {
            if credit_variant {
                to_ten(total_sales * r.decimal_step(dec!(0.3), dec!(1.2), dec!(0.05)))
            } else if r.chance(1, 3) {
                to_ten(total_sales * r.decimal_step(dec!(0.03), dec!(0.12), dec!(0.01)))
            } else {
                Decimal::ZERO
            }
        });
        let asset_rate = if asset.is_zero() {
            None
        } else {
            Some(d.number("taux_immobilisation", |_| standard))
        };
        let previous = d.number("credit_anterieur", |r| {
            if r.chance(1, 2) {
                Decimal::ZERO
            } else {
                to_euro(total_sales * r.decimal_step(dec!(0.005), dec!(0.03), dec!(0.001)))
            }
        });

        let amounts = [sales_1, sales_2, purchases, services, asset, previous];
        if amounts.iter().any(|a| a.normalize().scale() > 2) {
            return Err(Degenerate("montant avec plus de deux décimales".into()));
        }
        let mut sales = vec![Line::ht(sales_1, rate_1)];
        if let Some(t) = rate_2 {
            sales.push(Line::ht(sales_2, t));
        }
        let mut buys = vec![
            Line {
                amount: purchases,
                rate: purchase_rate,
                ttc,
            },
            Line {
                amount: services,
                rate: service_rate,
                ttc,
            },
        ];
        if let Some(t) = asset_rate {
            buys.push(Line::ht(asset, t));
        }
        let v = vat_return(&sales, &buys, previous, rounding)
            .ok_or_else(|| Degenerate("taux invalide".into()))?;
        if v.collected.is_zero() {
            return Err(Degenerate("aucune TVA collectée".into()));
        }
        if credit_variant && v.credit.is_zero() {
            return Err(Degenerate("pas de crédit de TVA avec ces montants".into()));
        }
        if !credit_variant && v.to_pay.is_zero() {
            return Err(Degenerate(
                "pas de TVA à décaisser avec ces montants".into(),
            ));
        }
        if quarterly && v.to_pay >= QUARTERLY_LIMIT {
            return Err(Degenerate(
                "TVA trimestrielle trop élevée pour une déclaration trimestrielle (4\u{202f}000\u{a0}€ par an au plus)".into(),
            ));
        }
        let ctx = Ctx {
            overseas: standard != dec!(20),
            scene,
            credit_variant,
            quarterly,
            ttc,
            rounding,
            asset_name,
            sales,
            buys,
            previous,
            v,
        };
        Ok(ctx.content())
    }
}

struct Ctx {
    scene: Scene,
    /// Guadeloupe, Martinique or La Réunion (taux normal 8,5 %).
    overseas: bool,
    credit_variant: bool,
    quarterly: bool,
    ttc: bool,
    rounding: Rounding,
    asset_name: &'static str,
    sales: Vec<Line>,
    /// Purchases of goods, services, then the immobilisation if any.
    buys: Vec<Line>,
    previous: Decimal,
    v: VatReturn,
}

const SALES_KEYS: [(&str, &str); 2] =
    [("ventes_1", "taux_ventes_1"), ("ventes_2", "taux_ventes_2")];
const BUY_KEYS: [(&str, &str); 3] = [
    ("achats", "taux_achats"),
    ("services", "taux_services"),
    ("immobilisation", "taux_immobilisation"),
];

impl Ctx {
    fn r(&self) -> &'static str {
        self.rounding.expr_fn()
    }

    fn period(&self) -> String {
        let d = self.scene.date;
        if self.quarterly {
            let q = (d.month - 1) / 3 + 1;
            let ordinal = if q == 1 {
                "1er".to_string()
            } else {
                text!(q, "e")
            };
            text!("du ", ordinal, " trimestre ", d.year)
        } else {
            let french = d.french();
            let month_year = french.split_once(' ').map(|(_, m)| m).unwrap_or(&french);
            let elided = month_year.starts_with(['a', 'o']);
            text!("du mois ", if elided { "d'" } else { "de " }, month_year)
        }
    }

    fn sales_label(&self, i: usize) -> String {
        if i == 0 {
            text!("Ventes de ", self.scene.product.pluriel.as_str(), " (HT)")
        } else {
            "Autres ventes et prestations (HT)".to_string()
        }
    }

    fn buy_label(&self, i: usize) -> String {
        let how = if self.ttc { "TTC" } else { "HT" };
        match i {
            0 => text!("Achats de marchandises (", how, ")"),
            1 => text!(
                "Services et frais généraux : transport, entretien, honoraires (",
                how,
                ")",
            ),
            _ => text!(
                "Acquisition d'une immobilisation : ",
                self.asset_name,
                " (HT)"
            ),
        }
    }

    fn statement(&self) -> String {
        let s = &self.scene;
        let regime = if self.quarterly {
            "relève du régime réel normal de TVA ; sa TVA due sur l'année étant inférieure à 4\u{202f}000\u{a0}€, \
             elle dépose sa déclaration (formulaire CA3) chaque trimestre"
        } else {
            "relève du régime réel normal de TVA et dépose chaque mois sa déclaration (formulaire CA3)"
        };
        // The scene, then table lines of about 80 bytes and the conventions.
        let mut t = String::with_capacity((self.sales.len() + self.buys.len()) * 80 + 1200);
        push_text!(
            t,
            capitalise(s.seller()),
            " ",
            regime,
            ". Vous assistez ",
            s.business.vendeur,
            ", qui prépare la déclaration ",
            self.period(),
            ".\n\n",
        );
        t += "| Opération de la période | Montant | Taux de TVA |\n|---|---|---|\n";
        for (i, l) in self.sales.iter().enumerate() {
            let (label, amount, rate) = (self.sales_label(i), Euros(l.amount), Percent(l.rate));
            push_text!(t, "| ", label, " | ", amount, " | ", rate, " |\n");
        }
        for (i, l) in self.buys.iter().enumerate() {
            let (label, amount, rate) = (self.buy_label(i), Euros(l.amount), Percent(l.rate));
            push_text!(t, "| ", label, " | ", amount, " | ", rate, " |\n");
        }
        if !self.previous.is_zero() {
            push_text!(
                t,
                "| Crédit de TVA reporté de la déclaration précédente | ",
                Euros(self.previous),
                " | — |\n",
            );
        }
        t += "\n**Conventions.** La TVA payée sur les achats de marchandises, les services et les immobilisations est \
              entièrement déductible. ";
        if self.ttc {
            t += "Les achats et les services sont indiqués TTC, TVA comprise : retrouvez la TVA qu'ils contiennent. ";
        }
        t += match self.rounding {
            Rounding::HalfAwayFromZero => {
                "Arrondissez chaque montant de TVA au centime le plus proche, ligne par ligne."
            }
            Rounding::Truncate => {
                "Tronquez chaque montant de TVA au centime (sans arrondir), ligne par ligne."
            }
        };
        t
    }

    fn line_formula(&self, l: &Line, (amount, rate): (&str, &str)) -> String {
        let r = self.r();
        if l.ttc {
            text!(r, "(", amount, " * ", rate, " / (100 + ", rate, "))")
        } else {
            text!(r, "(", amount, " * ", rate, " / 100)")
        }
    }

    /// The lines of a worked step, one "- label : amount × rate = TVA" per line, in one buffer.
    fn line_steps<'l>(
        &self,
        lines: impl Iterator<Item = (String, &'l Line, Decimal)>,
        count: usize,
    ) -> String {
        let mut out = String::with_capacity(count * 110);
        for (label, l, vat) in lines {
            if !out.is_empty() {
                out.push('\n');
            }
            if l.ttc {
                push_text!(
                    out,
                    "- ",
                    label,
                    " : ",
                    Euros(l.amount),
                    " × ",
                    Number(l.rate, 2),
                    " ÷ ",
                    Number(dec!(100) + l.rate, 2),
                    " = ",
                    Euros(vat),
                )
            } else {
                push_text!(
                    out,
                    "- ",
                    label,
                    " : ",
                    Euros(l.amount),
                    " × ",
                    Percent(l.rate),
                    " = ",
                    Euros(vat),
                )
            };
        }
        out
    }

    fn q_collected(&self) -> Question {
        let v = &self.v;
        let formula = text!(Joined(
            " + ",
            self.sales
                .iter()
                .zip(SALES_KEYS)
                .map(|(l, keys)| self.line_formula(l, keys)),
        ));
        let lines = self.line_steps(
            self.sales
                .iter()
                .enumerate()
                .zip(&v.collected_lines)
                .map(|((i, l), vat)| (self.sales_label(i), l, *vat)),
            self.sales.len(),
        );
        let mut q = Question::new(
            "tva_collectee",
            "TVA collectée",
            "Calculez la TVA collectée de la période.",
            v.collected,
            Unit::Euros,
        )
        .formula(formula)
        .mistake(
            v.deductible,
            "collectee-deductible-inversees",
            "Vous avez donné la TVA déductible. La TVA collectée est celle que l'entreprise facture à ses clients sur ses ventes.",
        );
        if self.sales.iter().any(|l| l.rate != dec!(20)) {
            let all_20: Decimal = self
                .sales
                .iter()
                .map(|l| vat_on_ht(l.amount, dec!(20), self.rounding))
                .sum();
            q = q.mistake(
                all_20,
                "mauvais-taux",
                if self.overseas {
                    "Vous avez appliqué le taux de 20\u{a0}% de la métropole : ici (outre-mer), le taux normal est de 8,5\u{a0}% et le taux \
                     réduit de 2,1\u{a0}% ; chaque vente se voit appliquer son propre taux."
                } else {
                    "Vous avez appliqué le taux normal de 20\u{a0}% à toutes les ventes : chaque vente se voit appliquer son propre taux."
                },
            );
        }
        if self.sales.len() > 1 {
            let total: Decimal = self.sales.iter().map(|l| l.amount).sum();
            q = q.mistake(
                vat_on_ht(total, self.sales[0].rate, self.rounding),
                "taux-unique-applique",
                "Vous avez appliqué un seul taux à toutes les ventes : calculez la TVA de chaque catégorie de ventes à son taux, puis additionnez.",
            );
        }
        q.step(text!(
            "TVA collectée sur les ventes, catégorie par catégorie (montants HT × taux) :\n\n",
            lines,
            "\n\nTVA collectée = **",
            Euros(v.collected),
            "**.",
        ))
    }

    fn q_deductible(&self) -> Question {
        let v = &self.v;
        let formula = text!(Joined(
            " + ",
            self.buys
                .iter()
                .zip(BUY_KEYS)
                .map(|(l, keys)| self.line_formula(l, keys)),
        ));
        let lines = self.line_steps(
            self.buys
                .iter()
                .enumerate()
                .zip(&v.deductible_lines)
                .map(|((i, l), vat)| (self.buy_label(i), l, *vat)),
            self.buys.len(),
        );
        let mut q = Question::new(
            "tva_deductible",
            "TVA déductible",
            "Calculez la TVA déductible de la période.",
            v.deductible,
            Unit::Euros,
        )
        .formula(formula)
        .mistake(
            v.collected,
            "collectee-deductible-inversees",
            "Vous avez donné la TVA collectée. La TVA déductible est celle que l'entreprise a payée à ses fournisseurs \
             (achats, services, immobilisations).",
        );
        if self.ttc {
            let on_ttc: Decimal = self
                .buys
                .iter()
                .map(|l| vat_on_ht(l.amount, l.rate, self.rounding))
                .sum();
            q = q.mistake(
                on_ttc,
                "tva-sur-ttc",
                "Vous avez appliqué le taux de TVA à des montants TTC. Un montant TTC contient déjà la TVA : \
                 TVA = TTC × taux ÷ (100 + taux), par exemple TTC × 20 ÷ 120 à 20\u{a0}%.",
            );
        }
        if self.buys.len() > 2 {
            q = q.mistake(
                v.deductible - v.deductible_lines[2],
                "immobilisation-oubliee",
                "Vous avez oublié la TVA sur l'immobilisation : la TVA payée sur un investissement est déductible, comme celle des achats.",
            );
        }
        if self.buys.iter().any(|l| l.rate != dec!(20)) {
            let all_20: Decimal = self
                .buys
                .iter()
                .map(|l| {
                    Line {
                        rate: dec!(20),
                        ..*l
                    }
                    .vat(self.rounding)
                    .unwrap_or_default()
                })
                .sum();
            q = q.mistake(
                all_20,
                "mauvais-taux",
                if self.overseas {
                    "Vous avez appliqué le taux de 20\u{a0}% de la métropole : ici (outre-mer), les taux sont de 8,5\u{a0}% et 2,1\u{a0}% ; \
                     chaque achat a son propre taux (celui de la facture du fournisseur)."
                } else {
                    "Vous avez appliqué 20\u{a0}% à tous les achats : chaque achat a son propre taux (celui de la facture du fournisseur)."
                },
            );
        }
        let how = if self.ttc {
            "la TVA contenue dans un montant TTC vaut TTC × taux ÷ (100 + taux)"
        } else {
            "montants HT × taux"
        };
        q.step(text!(
            "TVA déductible sur les achats, services et immobilisations (",
            how,
            ") :\n\n",
            lines,
            "\n\nTVA déductible = **",
            Euros(v.deductible),
            "**.",
        ))
    }

    fn q_balance(&self) -> Question {
        let v = &self.v;
        let prev = self.previous;
        let has_prev = !prev.is_zero();
        let net = v.collected - v.deductible;
        if self.credit_variant {
            let formula = if has_prev {
                "tva_deductible + credit_anterieur - tva_collectee"
            } else {
                "tva_deductible - tva_collectee"
            };
            let mut q = Question::new(
                "credit_tva",
                "crédit de TVA",
                "Déterminez le crédit de TVA à reporter sur la déclaration suivante.",
                v.credit,
                Unit::Euros,
            )
            .formula(formula)
            .mistake(
                -v.credit,
                "collectee-deductible-inversees",
                "Le signe est inversé : vous avez retranché la TVA déductible de la TVA collectée alors que la déductible est la plus forte. \
                 Crédit de TVA = TVA déductible (+ crédit antérieur) − TVA collectée.",
            );
            if has_prev {
                q = q
                    .mistake(
                        -net,
                        "credit-anterieur-oublie",
                        "Vous avez oublié le crédit de TVA de la période précédente : il s'ajoute à la TVA déductible de la période.",
                    )
                    .mistake(
                        -net - prev,
                        "credit-anterieur-deduit",
                        "Vous avez retranché le crédit de la période précédente : c'est une somme que l'État doit à l'entreprise, \
                         elle augmente le crédit.",
                    );
            }
            let step = if has_prev {
                text!(
                    "TVA déductible + crédit antérieur = ",
                    Euros(v.deductible),
                    " + ",
                    Euros(prev),
                    " = ",
                    Euros(v.deductible + prev),
                    ", supérieure à la TVA collectée (",
                    Euros(v.collected),
                    ") : il n'y a rien à payer.\n\n\
                     Crédit de TVA = ",
                    Euros(v.deductible),
                    " + ",
                    Euros(prev),
                    " − ",
                    Euros(v.collected),
                    " = **",
                    Euros(v.credit),
                    "**.",
                )
            } else {
                text!(
                    "La TVA déductible (",
                    Euros(v.deductible),
                    ") dépasse la TVA collectée (",
                    Euros(v.collected),
                    ") : il n'y a rien à payer.\n\n\
                     Crédit de TVA = TVA déductible − TVA collectée = ",
                    Euros(v.deductible),
                    " − ",
                    Euros(v.collected),
                    " = **",
                    Euros(v.credit),
                    "**.",
                )
            };
            q.step(step)
        } else {
            let formula = if has_prev {
                "tva_collectee - tva_deductible - credit_anterieur"
            } else {
                "tva_collectee - tva_deductible"
            };
            let mut q = Question::new(
                "tva_a_decaisser",
                "TVA à décaisser",
                "Calculez la TVA à décaisser pour cette période.",
                v.to_pay,
                Unit::Euros,
            )
            .formula(formula)
            .mistake(
                -v.to_pay,
                "collectee-deductible-inversees",
                "Le signe est inversé : TVA à décaisser = TVA collectée − TVA déductible (− crédit antérieur), et non l'inverse.",
            );
            if has_prev {
                q = q
                    .mistake(
                        net,
                        "credit-anterieur-oublie",
                        "Vous avez oublié le crédit de TVA de la période précédente : il se déduit de la TVA due.",
                    )
                    .mistake(
                        net + prev,
                        "credit-anterieur-ajoute",
                        "Vous avez ajouté le crédit de la période précédente : c'est une somme que l'État doit à l'entreprise, \
                         elle se déduit de la TVA à payer.",
                    );
            }
            let step = if has_prev {
                text!(
                    "TVA à décaisser = TVA collectée − TVA déductible − crédit antérieur = ",
                    Euros(v.collected),
                    " − ",
                    Euros(v.deductible),
                    " − ",
                    Euros(prev),
                    " = **",
                    Euros(v.to_pay),
                    "**.",
                )
            } else {
                text!(
                    "TVA à décaisser = TVA collectée − TVA déductible = ",
                    Euros(v.collected),
                    " − ",
                    Euros(v.deductible),
                    " = **",
                    Euros(v.to_pay),
                    "**.",
                )
            };
            q.step(step)
        }
    }

    fn content(&self) -> Content {
        let v = &self.v;
        let outro = if self.credit_variant {
            text!(
                "*À retenir :* l'entreprise ne paie rien pour cette période ; le crédit de TVA de ",
                Euros(v.credit),
                " s'impute sur la TVA due des \
                 déclarations suivantes (ou peut, sous conditions, être remboursé). Un investissement important explique souvent un crédit.",
            )
        } else {
            text!(
                "*À retenir :* l'entreprise reverse ",
                Euros(v.to_pay),
                " à l'État avec sa déclaration. La TVA n'est pas une charge pour elle : \
                 elle collecte la TVA sur ses ventes pour le compte de l'État et déduit celle qu'elle a payée à ses fournisseurs.",
            )
        };
        Content {
            statement: self.statement(),
            questions: vec![self.q_collected(), self.q_deductible(), self.q_balance()],
            solution_intro: text!(
                "*Règle d'arrondi : chaque montant de TVA ",
                self.rounding.rule(),
                ", ligne par ligne.*",
            ),
            solution_outro: outro,
        }
    }
}

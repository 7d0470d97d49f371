//! `risque/solvabilite`: reading a business customer's simplified functional balance
//! sheet and income statement before granting it credit (S521).
//!
//! FRNG, BFR and trésorerie nette (FRNG − BFR = trésorerie nette), valeur ajoutée, EBE,
//! CAF (convention `methode_caf`: additive from the net result, or subtractive from the
//! EBE), capacité d'endettement (convention `regle_endettement`: financial debt at most
//! 4 or 3 years of CAF, or at most the equity), and a verdict by the stated criteria.
//! Amounts are whole euros, as in published accounts: nothing is rounded.

use crate::calc::pct;
use crate::calc::solvency::{borrowing_capacity, risk_level, Balance, DebtRule, Income};
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::euros;
use crate::num::round::round_half_away;
use crate::text::capitalise;
use crate::world::Size;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct Solvabilite;

const CAF_METHOD: &[(&str, &str)] = &[
    (
        "additive",
        "méthode additive : CAF = résultat net + dotations aux amortissements",
    ),
    (
        "soustractive",
        "méthode soustractive : CAF = EBE − charges financières − impôt sur les bénéfices",
    ),
];
const DEBT_RULE: &[(&str, &str)] = &[
    (
        "caf-4",
        "les dettes financières ne doivent pas dépasser 4 années de CAF",
    ),
    (
        "caf-3",
        "les dettes financières ne doivent pas dépasser 3 années de CAF",
    ),
    (
        "capitaux-propres",
        "les dettes financières ne doivent pas dépasser les capitaux propres",
    ),
];

/// (name, description) of the whole-euro amounts, in statement order.
const AMOUNTS: &[(&str, &str)] = &[
    (
        "immobilisations",
        "emplois stables : immobilisations brutes",
    ),
    ("capitaux_propres", "capitaux propres"),
    ("amortissements", "amortissements et dépréciations"),
    ("dettes_financieres", "dettes financières"),
    ("stocks", "stocks"),
    ("creances", "créances clients"),
    ("dettes_fournisseurs", "dettes fournisseurs"),
    ("dettes_fiscales", "dettes fiscales et sociales"),
    ("disponibilites", "disponibilités (trésorerie active)"),
    ("ventes", "ventes de l'exercice"),
    ("achats_consommes", "achats consommés"),
    ("charges_externes", "autres achats et charges externes"),
    ("subventions", "subventions d'exploitation"),
    ("impots_taxes", "impôts et taxes"),
    ("charges_personnel", "charges de personnel"),
    ("dotations", "dotations aux amortissements"),
    ("charges_financieres", "charges financières (intérêts)"),
    ("impot_benefices", "impôt sur les bénéfices"),
];

/// How a trade's accounts are shaped, as shares of its sales: a hotel holds its walls and
/// almost no stock, a grocer the reverse, a builder waits for its customers' payments.
/// Fixed assets and the income-statement lines are in percent, stocks and receivables in
/// per mille (a hotel's 0,5 % of stock).
struct Profile {
    fixed: (i64, i64),
    stocks: (i64, i64),
    receivables: (i64, i64),
    purchases: (i64, i64),
    external: (i64, i64),
    staff: (i64, i64),
}

/// The profile of a buyer kind (an `id` of the world's `[[acheteur]]` list); public
/// bodies, clubs and households never reach this exercise.
fn profile(kind: &str) -> Profile {
    let p = |fixed, stocks, receivables, purchases, external, staff| Profile {
        fixed,
        stocks,
        receivables,
        purchases,
        external,
        staff,
    };
    match kind {
        "restaurant" => p((40, 80), (10, 30), (5, 20), (28, 38), (14, 22), (32, 42)),
        "hebergement" => p((120, 200), (5, 15), (5, 20), (8, 14), (22, 32), (30, 40)),
        "commerce-alimentaire" => p((15, 35), (40, 80), (5, 15), (62, 72), (8, 13), (10, 17)),
        "commerce-specialise" => p((15, 35), (100, 220), (10, 30), (55, 65), (10, 16), (12, 21)),
        "exploitation-agricole" => p(
            (90, 160),
            (150, 350),
            (60, 120),
            (30, 40),
            (15, 23),
            (10, 22),
        ),
        "batiment" => p((20, 40), (20, 60), (150, 250), (32, 42), (14, 21), (30, 39)),
        "garage-transport" => p((50, 90), (20, 60), (120, 200), (22, 32), (18, 27), (30, 39)),
        "pharmacie" => p((20, 40), (80, 120), (40, 80), (65, 72), (5, 9), (11, 16)),
        "sante" => p((20, 50), (5, 15), (20, 60), (5, 12), (18, 27), (35, 47)),
        "etablissement-sante" => p((60, 120), (10, 20), (60, 120), (12, 20), (15, 23), (50, 59)),
        "enseignement" => p((20, 50), (2, 8), (40, 100), (3, 8), (20, 29), (50, 61)),
        "services" => p((10, 30), (2, 10), (150, 250), (3, 10), (20, 30), (45, 60)),
        // Industry, and any kind added to the world later: a manufacturer's shape.
        _ => p(
            (40, 80),
            (80, 150),
            (150, 220),
            (40, 52),
            (14, 21),
            (22, 31),
        ),
    }
}

/// The yearly sales of a customer of this size, in euros, and the step they are drawn
/// by: a TPE stays well under the 2 M€ of turnover of the legal definition (and under
/// ten salaries), a PME between 2 and 20 M€, a large firm above 50 M€.
fn sales_range(size: Size) -> (Decimal, Decimal, Decimal) {
    match size {
        Size::Menage | Size::Tpe => (dec!(150000), dec!(800000), dec!(1000)),
        Size::Pme => (dec!(2000000), dec!(20000000), dec!(10000)),
        Size::Grande => (dec!(60000000), dec!(300000000), dec!(100000)),
    }
}

/// A whole number of euros, `share` percent of `base`.
fn part(base: Decimal, share: Decimal) -> Decimal {
    round_half_away(pct(base, share), 0)
}

impl Exercise for Solvabilite {
    fn id(&self) -> &'static str {
        "risque/solvabilite"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut specs: Vec<ParamSpec> = AMOUNTS
            .iter()
            .map(|(name, what)| ParamSpec::decimal(name, what, "0", "10000000000", Unit::Euros))
            .collect();
        specs.push(ParamSpec::convention(
            "methode_caf",
            "méthode de calcul de la capacité d'autofinancement",
            CAF_METHOD,
        ));
        specs.push(ParamSpec::convention(
            "regle_endettement",
            "règle de la capacité d'endettement",
            DEBT_RULE,
        ));
        specs
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = super::super::valeur::b2b_scene(d)?;
        // Every amount follows from yearly sales drawn first by the customer's size, and
        // from the shape of its trade (not parameters: the sales and every amount below
        // are).
        let shape = profile(&scene.customer.acheteur);
        let (lo, hi, step) = sales_range(scene.customer.taille);
        let turnover = d.rng().decimal_step(lo, hi, step);
        let percent = |r: &mut crate::rng::Rng, (lo, hi): (i64, i64)| Decimal::from(r.int(lo, hi));
        let per_mille = |r: &mut crate::rng::Rng, (lo, hi): (i64, i64)| {
            Decimal::from(r.int(lo, hi)) / Decimal::TEN
        };
        let fixed = d.number("immobilisations", |r| {
            part(turnover, percent(r, shape.fixed))
        });
        let equity = d.number("capitaux_propres", |r| {
            part(fixed, Decimal::from(r.int(25, 60)))
        });
        let depreciation = d.number("amortissements", |r| {
            part(fixed, Decimal::from(r.int(30, 60)))
        });
        let debt = d.number("dettes_financieres", |r| {
            part(fixed, Decimal::from(r.int(10, 50)))
        });
        let stocks = d.number("stocks", |r| part(turnover, per_mille(r, shape.stocks)));
        let receivables = d.number("creances", |r| {
            part(turnover, per_mille(r, shape.receivables))
        });
        let payables = d.number("dettes_fournisseurs", |r| {
            part(turnover, Decimal::from(r.int(6, 14)))
        });
        let tax_social = d.number("dettes_fiscales", |r| {
            part(turnover, Decimal::from(r.int(4, 9)))
        });
        let frng = equity + depreciation + debt - fixed;
        let bfr = stocks + receivables - payables - tax_social;
        let tn = frng - bfr;
        // A zero FRNG, BFR or treasury leaves nothing to read in the balance sheet (unless
        // the teacher typed such a sheet).
        if (frng.is_zero() || bfr.is_zero() || tn.is_zero()) && !d.is_fixed("immobilisations") {
            return Err(Degenerate(
                "FRNG, BFR ou trésorerie nette nul : rien à interpréter".into(),
            ));
        }
        let cash = d.number("disponibilites", |r| {
            let small = part(turnover, r.decimal_step(dec!(0.5), dec!(3), dec!(0.5)));
            if tn > Decimal::ZERO {
                tn + small
            } else {
                small
            }
        });
        let overdraft = cash - tn;
        if overdraft < Decimal::ZERO {
            return Err(Degenerate(
                "disponibilités supérieures à la trésorerie nette : concours bancaires négatifs"
                    .into(),
            ));
        }
        let b = Balance {
            fixed_assets: fixed,
            equity,
            depreciation,
            financial_debt: debt,
            stocks,
            receivables,
            payables,
            tax_social_debt: tax_social,
            cash,
            overdraft,
        };
        let sales = d.number("ventes", |_| turnover);
        let purchases = d.number("achats_consommes", |r| {
            part(sales, percent(r, shape.purchases))
        });
        let external = d.number("charges_externes", |r| {
            part(sales, percent(r, shape.external))
        });
        let subsidies = d.number("subventions", |r| {
            if r.chance(1, 3) {
                part(sales, r.decimal_step(dec!(0.2), dec!(1), dec!(0.1)))
            } else {
                Decimal::ZERO
            }
        });
        let taxes = d.number("impots_taxes", |r| {
            part(sales, r.decimal_step(dec!(1), dec!(2.5), dec!(0.5)))
        });
        let staff = d.number("charges_personnel", |r| {
            part(sales, percent(r, shape.staff))
        });
        // Buildings last longer than a van: 5 to 10 % of the gross fixed assets a year.
        let dotations = d.number("dotations", |r| part(fixed, Decimal::from(r.int(5, 10))));
        let interest = d.number("charges_financieres", |r| {
            part(debt, r.decimal_step(dec!(3), dec!(5.5), dec!(0.5)))
        });
        let pretax =
            sales - purchases - external + subsidies - taxes - staff - dotations - interest;
        let income_tax = d.number("impot_benefices", |_| {
            if pretax > Decimal::ZERO {
                part(pretax, dec!(25))
            } else {
                Decimal::ZERO
            }
        });
        let i = Income {
            sales,
            purchases,
            external,
            subsidies,
            taxes,
            staff,
            depreciation: dotations,
            interest,
            income_tax,
        };
        let additive = d.choice("methode_caf") == "additive";
        let (rule, rule_name) = match d.choice("regle_endettement") {
            "caf-3" => (DebtRule::CafTimes(3), "caf-3"),
            "capitaux-propres" => (DebtRule::Equity, "capitaux-propres"),
            _ => (DebtRule::CafTimes(4), "caf-4"),
        };
        let va = i.value_added();
        let ebe = i.ebe();
        let net = i.net_result();
        let caf = i.caf_additive();
        // A customer whose CAF is negative or nil generates nothing to repay a loan with:
        // a ceiling of k years of CAF would be negative, and the equity rule would lend
        // against losses. The statement's criteria say so: its capacity is nil, and the
        // risk is high whatever the balance sheet shows.
        let no_resources = caf <= Decimal::ZERO;
        let by_rule = borrowing_capacity(rule, caf, equity, debt);
        let capacity = if no_resources { Decimal::ZERO } else { by_rule };
        let level = if no_resources {
            3
        } else {
            risk_level(frng, tn, capacity)
        };

        let frng_q = Question::new(
            "frng",
            "fonds de roulement net global",
            "Calculez le fonds de roulement net global (FRNG) du client.",
            frng,
            Unit::Euros,
        )
        .formula("capitaux_propres + amortissements + dettes_financieres - immobilisations")
        .mistake(
            equity + debt - fixed,
            "amortissements-oublies",
            "Dans le bilan fonctionnel, les immobilisations sont à leur valeur brute et les amortissements font partie des ressources stables.",
        )
        .mistake(
            frng + overdraft,
            "concours-en-ressources-stables",
            "Les concours bancaires courants sont de la trésorerie passive, pas une ressource stable.",
        )
        .step(format!(
            "FRNG = ressources stables − emplois stables = ({} + {} + {}) − {} = {} − {} = **{}**.",
            euros(equity),
            euros(depreciation),
            euros(debt),
            euros(fixed),
            euros(b.stable_resources()),
            euros(fixed),
            euros(frng)
        ));

        let bfr_q = Question::new(
            "bfr",
            "besoin en fonds de roulement",
            "Calculez le besoin en fonds de roulement (BFR) du client.",
            bfr,
            Unit::Euros,
        )
        .formula("stocks + creances - dettes_fournisseurs - dettes_fiscales")
        .mistake(
            stocks + receivables - payables,
            "dettes-fiscales-oubliees",
            "Les dettes fiscales et sociales font partie du passif circulant : déduisez-les aussi.",
        )
        .mistake(
            bfr + cash - overdraft,
            "tresorerie-dans-bfr",
            "Le BFR exclut la trésorerie : disponibilités et concours bancaires n'y entrent pas.",
        )
        .step(format!(
            "BFR = actif circulant − passif circulant (hors trésorerie) = ({} + {}) − ({} + {}) = **{}**.",
            euros(stocks),
            euros(receivables),
            euros(payables),
            euros(tax_social),
            euros(bfr)
        ));

        let tn_q = Question::new(
            "tresorerie_nette",
            "trésorerie nette",
            "Calculez la trésorerie nette du client et vérifiez qu'elle est égale à FRNG − BFR.",
            tn,
            Unit::Euros,
        )
        .formula("frng - bfr")
        .mistake(
            bfr - frng,
            "difference-inversee",
            "Trésorerie nette = FRNG − BFR (ou disponibilités − concours bancaires courants), pas l'inverse.",
        )
        .mistake(
            cash,
            "concours-oublies",
            "La trésorerie nette déduit des disponibilités les concours bancaires courants.",
        )
        .step(format!(
            "Trésorerie nette = disponibilités − concours bancaires courants = {} − {} = **{}** ; \
             vérification : FRNG − BFR = {} − {} = {}.",
            euros(cash),
            euros(overdraft),
            euros(tn),
            euros(frng),
            euros(bfr),
            euros(frng - bfr)
        ));

        let va_q = Question::new(
            "valeur_ajoutee",
            "valeur ajoutée",
            "Calculez la valeur ajoutée du client.",
            va,
            Unit::Euros,
        )
        .formula("ventes - achats_consommes - charges_externes")
        .mistake(
            sales - purchases,
            "charges-externes-oubliees",
            "La valeur ajoutée déduit toutes les consommations venant de tiers : achats consommés et autres achats et charges externes.",
        )
        .mistake(
            va - staff,
            "charges-personnel-deduites",
            "Les charges de personnel ne se déduisent pas de la valeur ajoutée : elles en sont une part (la rémunération du travail).",
        )
        .step(format!(
            "VA = ventes − achats consommés − autres achats et charges externes = {} − {} − {} = **{}**.",
            euros(sales),
            euros(purchases),
            euros(external),
            euros(va)
        ));

        let ebe_q = Question::new(
            "ebe",
            "excédent brut d'exploitation",
            "Calculez l'excédent brut d'exploitation (EBE) du client.",
            ebe,
            Unit::Euros,
        )
        .formula("valeur_ajoutee + subventions - impots_taxes - charges_personnel")
        .mistake(
            va + subsidies - staff,
            "impots-taxes-oublies",
            "EBE = VA + subventions d'exploitation − impôts et taxes − charges de personnel : n'oubliez pas les impôts et taxes.",
        )
        .mistake(
            ebe - dotations,
            "dotations-deduites",
            "L'EBE se calcule avant les dotations aux amortissements (sinon on obtient le résultat d'exploitation).",
        )
        .step(format!(
            "EBE = VA + subventions − impôts et taxes − charges de personnel = {} + {} − {} − {} = **{}**.",
            euros(va),
            euros(subsidies),
            euros(taxes),
            euros(staff),
            euros(ebe)
        ));

        let caf_q = Question::new(
            "caf",
            "capacité d'autofinancement",
            format!(
                "Calculez la capacité d'autofinancement (CAF) du client par la méthode {}.",
                if additive { "additive" } else { "soustractive" }
            ),
            caf,
            Unit::Euros,
        )
        .formula("ebe - charges_financieres - impot_benefices");
        let caf_q = if additive {
            caf_q
                .mistake(
                    net,
                    "dotations-non-reintegrees",
                    "Les dotations aux amortissements sont des charges non décaissées : ajoutez-les au résultat net.",
                )
                .mistake(
                    net - dotations,
                    "dotations-deduites",
                    "Les dotations sont déjà déduites dans le résultat net : la CAF les rajoute (résultat net + dotations).",
                )
                .step(format!(
                    "Méthode additive : CAF = résultat net + dotations aux amortissements = {} + {} = **{}**.",
                    euros(net),
                    euros(dotations),
                    euros(caf)
                ))
        } else {
            caf_q
                .mistake(
                    net,
                    "dotations-deduites",
                    "Les dotations ne sont pas décaissées : la CAF part de l'EBE et ne retire que les charges décaissables (intérêts, impôt).",
                )
                .mistake(
                    ebe - interest,
                    "impot-oublie",
                    "L'impôt sur les bénéfices est décaissé : il se déduit de l'EBE avec les charges financières.",
                )
                .step(format!(
                    "Méthode soustractive : CAF = EBE − charges financières − impôt sur les bénéfices = {} − {} − {} = **{}**.",
                    euros(ebe),
                    euros(interest),
                    euros(income_tax),
                    euros(caf)
                ))
        };

        let cap_q = Question::new(
            "capacite_endettement",
            "capacité d'endettement",
            "Calculez la capacité d'endettement restante du client selon la règle de l'énoncé.",
            capacity,
            Unit::Euros,
        );
        let cap_q = if no_resources {
            let ceiling = match rule {
                DebtRule::CafTimes(k) => format!(
                    "la règle de l'énoncé donnerait des dettes financières maximales de {k} × {} = {}, un plafond négatif qui n'a pas de sens",
                    euros(caf),
                    euros(caf * Decimal::from(k))
                ),
                DebtRule::Equity => format!(
                    "la règle des capitaux propres donnerait {} − {} = {}, mais ce serait prêter à une entreprise qui ne peut rien rembourser",
                    euros(equity),
                    euros(debt),
                    euros(by_rule)
                ),
            };
            let q = cap_q.step(format!(
                "La CAF est {} ({}) : le client ne dégage aucune ressource pour rembourser un emprunt. {} ; \
                 selon les critères de l'énoncé, sa capacité d'endettement est nulle : **{}**, et le critère n'est pas satisfait.",
                if caf.is_zero() { "nulle" } else { "négative" },
                euros(caf),
                capitalise(&ceiling),
                euros(Decimal::ZERO)
            ));
            if by_rule.is_zero() {
                q
            } else {
                q.mistake(
                    by_rule,
                    "caf-negative-ignoree",
                    "La CAF est négative ou nulle : le client ne dégage aucune ressource pour rembourser, la règle d'endettement n'a pas de sens et sa capacité d'endettement est nulle (0).",
                )
            }
        } else {
            match rule {
            DebtRule::CafTimes(k) => {
                let other = if k == 4 { 3 } else { 4 };
                cap_q
                    .formula(format!("{k} * caf - dettes_financieres"))
                    .mistake(
                        caf * Decimal::from(k),
                        "dettes-existantes-oubliees",
                        "La capacité d'endettement restante déduit les dettes financières déjà contractées.",
                    )
                    .mistake(
                        caf * Decimal::from(other) - debt,
                        "multiplicateur-confondu",
                        "Relisez la règle de l'énoncé : elle fixe le nombre d'années de CAF.",
                    )
                    .step(format!(
                        "Dettes financières maximales = {k} × CAF = {k} × {} = {} ; capacité restante = {} − {} = **{}**.",
                        euros(caf),
                        euros(caf * Decimal::from(k)),
                        euros(caf * Decimal::from(k)),
                        euros(debt),
                        euros(capacity)
                    ))
            }
            DebtRule::Equity => cap_q
                .formula("capitaux_propres - dettes_financieres")
                .mistake(
                    equity,
                    "dettes-existantes-oubliees",
                    "La capacité d'endettement restante déduit les dettes financières déjà contractées.",
                )
                .mistake(
                    caf * dec!(4) - debt,
                    "regle-confondue",
                    "L'énoncé limite les dettes financières aux capitaux propres, pas à un nombre d'années de CAF.",
                )
                .step(format!(
                    "Dettes financières maximales = capitaux propres = {} ; capacité restante = {} − {} = **{}**.",
                    euros(equity),
                    euros(equity),
                    euros(debt),
                    euros(capacity)
                )),
        }
        };

        let verdicts = [
            "1 (risque faible : accorder le crédit demandé)",
            "2 (risque modéré : accorder un crédit limité ou avec garantie)",
            "3 (risque élevé : exiger un paiement comptant)",
        ];
        let mut verdict_q = Question::new(
            "verdict",
            "niveau de risque",
            "Concluez sur le risque que présente ce client selon les critères de l'entreprise : répondez 1, 2 ou 3.",
            Decimal::from(level),
            Unit::Number,
        );
        let ignoring_caf = risk_level(frng, tn, by_rule);
        if no_resources && ignoring_caf != level {
            verdict_q = verdict_q.mistake(
                Decimal::from(ignoring_caf),
                "caf-negative-ignoree",
                "La CAF est négative ou nulle : selon les critères de l'entreprise, le risque est élevé (3) quels que soient les autres critères.",
            );
        }
        let frng_only = if frng > Decimal::ZERO { 1 } else { 3 };
        if frng_only != level && !(no_resources && frng_only == ignoring_caf) {
            verdict_q = verdict_q.mistake(
                Decimal::from(frng_only),
                "frng-seul",
                "Un FRNG positif ne suffit pas : examinez aussi la trésorerie nette et la capacité d'endettement.",
            );
        }
        let yes_no = |x: Decimal| if x > Decimal::ZERO { "oui" } else { "non" };
        let missed = [frng, tn, capacity]
            .iter()
            .filter(|x| **x <= Decimal::ZERO)
            .count();
        let verdict_q = verdict_q.step(format!(
            "| Critère | Valeur | Satisfait |\n|---|---:|---|\n\
             | FRNG positif | {} | {} |\n| Trésorerie nette positive | {} | {} |\n| Capacité d'endettement positive | {} | {} |\n\n\
             {} → **{}**.",
            euros(frng),
            yes_no(frng),
            euros(tn),
            yes_no(tn),
            euros(capacity),
            if no_resources { "non (CAF négative ou nulle)" } else { yes_no(capacity) },
            if no_resources {
                format!(
                    "Critères non satisfaits : {missed} ; surtout, la CAF ({}) est {} : le client ne dégage aucune ressource, \
                     et le risque est élevé quels que soient les autres critères",
                    euros(caf),
                    if caf.is_zero() { "nulle" } else { "négative" }
                )
            } else {
                format!("Critères non satisfaits : {missed}")
            },
            verdicts[usize::from(level) - 1]
        ));

        let s = &scene;
        let total = b.total_assets();
        let rule_text = match rule_name {
            "caf-3" => "les dettes financières ne doivent pas dépasser 3 années de CAF (capacité = 3 × CAF − dettes financières)",
            "capitaux-propres" => "les dettes financières ne doivent pas dépasser les capitaux propres (capacité = capitaux propres − dettes financières)",
            _ => "les dettes financières ne doivent pas dépasser 4 années de CAF (capacité = 4 × CAF − dettes financières)",
        };
        let caf_text = if additive {
            "la CAF se calcule par la méthode additive (résultat net + dotations aux amortissements)"
        } else {
            "la CAF se calcule par la méthode soustractive (EBE − charges financières − impôt sur les bénéfices)"
        };
        let statement = format!(
            "{} ({}) demande à {} un paiement à 60 jours pour ses commandes {}de {}. \
             Avant d'accorder ce crédit, {} vous confie les derniers comptes annuels du client, résumés ci-dessous (en euros).\n\n\
             **Bilan fonctionnel simplifié au 31 décembre {}**\n\n\
             | Emplois | Montant | Ressources | Montant |\n|---|---:|---|---:|\n\
             | Immobilisations (valeur brute) | {} | Capitaux propres | {} |\n\
             | | | Amortissements et dépréciations | {} |\n\
             | | | Dettes financières | {} |\n\
             | Stocks | {} | Dettes fournisseurs | {} |\n\
             | Créances clients | {} | Dettes fiscales et sociales | {} |\n\
             | Disponibilités | {} | Concours bancaires courants | {} |\n\
             | **Total** | **{}** | **Total** | **{}** |\n\n\
             **Compte de résultat simplifié de l'exercice {}**\n\n\
             | Élément | Montant |\n|---|---:|\n\
             | Ventes | {} |\n| Achats consommés | {} |\n| Autres achats et charges externes | {} |\n\
             | Subventions d'exploitation | {} |\n| Impôts et taxes | {} |\n| Charges de personnel | {} |\n\
             | Dotations aux amortissements | {} |\n| Charges financières (intérêts) | {} |\n\
             | Impôt sur les bénéfices | {} |\n| **Résultat net** | **{}** |\n\n\
             **Critères de l'entreprise.** Trois critères : FRNG positif, trésorerie nette positive, capacité d'endettement positive. \
             Tous satisfaits : risque faible (1) ; un seul non satisfait : risque modéré (2) ; deux ou plus : risque élevé (3). \
             Si la CAF est négative ou nulle, le client ne dégage aucune ressource pour rembourser : sa capacité d'endettement est nulle \
             (critère non satisfait), et le risque est élevé (3) quels que soient les autres critères.\n\n\
             **Conventions.** Bilan fonctionnel : immobilisations en valeur brute, amortissements parmi les ressources stables ; \
             BFR = stocks + créances clients − dettes fournisseurs − dettes fiscales et sociales ; \
             trésorerie nette = disponibilités − concours bancaires courants ; {caf_text} ; \
             pour la capacité d'endettement, {rule_text}.",
            s.customer.nom,
            s.customer.ville,
            s.seller(),
            if s.product.is_regular() {
                "régulières "
            } else {
                "de saison "
            },
            s.product.pluriel.clone(),
            s.business.vendeur,
            s.date.year - 1,
            euros(fixed),
            euros(equity),
            euros(depreciation),
            euros(debt),
            euros(stocks),
            euros(payables),
            euros(receivables),
            euros(tax_social),
            euros(cash),
            euros(overdraft),
            euros(total),
            euros(b.total_liabilities()),
            s.date.year - 1,
            euros(sales),
            euros(purchases),
            euros(external),
            euros(subsidies),
            euros(taxes),
            euros(staff),
            euros(dotations),
            euros(interest),
            euros(income_tax),
            euros(net),
        );
        let outro = format!(
            "*À retenir :* FRNG − BFR = trésorerie nette ({} − {} = {}). {}{} \
             L'analyse se fait dans une optique « tableau de bord » : quelques indicateurs suffisent pour fixer un plafond d'encours \
             ou demander une garantie.",
            euros(frng),
            euros(bfr),
            euros(tn),
            if tn < Decimal::ZERO {
                "Le fonds de roulement ne couvre pas le besoin en fonds de roulement : le client vit à découvert, \
                 et un crédit fournisseur supplémentaire alourdirait encore sa dépendance à la banque."
            } else if tn == Decimal::ZERO {
                "Le fonds de roulement couvre tout juste le besoin en fonds de roulement : le client n'a aucune marge de trésorerie."
            } else {
                "Le fonds de roulement couvre le besoin en fonds de roulement : le client dégage une trésorerie positive."
            },
            if no_resources {
                " Surtout, sa CAF est négative ou nulle : son activité ne produit pas la trésorerie qu'elle consomme, \
                 et un crédit fournisseur financerait ses pertes."
            } else {
                ""
            }
        );
        Ok(Content {
            statement,
            questions: vec![frng_q, bfr_q, tn_q, va_q, ebe_q, caf_q, cap_q, verdict_q],
            solution_intro: "*Les comptes sont en euros entiers : aucun arrondi n'est nécessaire.*"
                .to_string(),
            solution_outro: outro,
        })
    }
}

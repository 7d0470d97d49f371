//! `financement/choix-financement`: buy outright, borrow, lease with purchase option
//! (LOA) or long-term rental (LLD) for the same equipment over the same horizon (S512).
//!
//! Total outlay and present value of each option at a monthly discount rate; the
//! cheapest option by present value; a negotiation sentence. Loan payments are made at
//! the end of each month, LOA and LLD rents at the beginning (terme à échoir), the
//! purchase option at the end of the last month. Convention `taux_mensuel`: the monthly
//! discount rate is proportional (default) or equivalent to the annual rate.

use crate::calc::discounting::{pv_advance, pv_arrears, Lease};
use crate::calc::loan::{constant_payment, equivalent_monthly_rate, proportional_monthly_rate};
use crate::exercises::context::Scene;
use crate::exercises::equipment;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use crate::world::rates::MarketRange;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct ChoixFinancement;

const MONTHLY_RATE: &[(&str, &str)] = &[
    (
        "proportionnel",
        "taux mensuel d'actualisation proportionnel : taux annuel ÷ 12",
    ),
    (
        "equivalent",
        "taux mensuel d'actualisation équivalent : (1 + taux annuel)^(1/12) − 1, arrondi à 0,0001 %",
    ),
];
/// Decimals (of the percentage) of the stated monthly rate.
const RATE_DP: u32 = 4;
const HORIZONS: [i64; 3] = [36, 48, 60];
const FIRST_RENT_PCT: [Decimal; 4] = [dec!(5), dec!(10), dec!(15), dec!(20)];
const OPTION_PCT: [Decimal; 5] = [dec!(1), dec!(2), dec!(5), dec!(10), dec!(15)];
const NAMES: [&str; 4] = ["l'achat comptant", "l'emprunt bancaire", "la LOA", "la LLD"];

impl Exercise for ChoixFinancement {
    fn id(&self) -> &'static str {
        "financement/choix-financement"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::decimal(
                "prix",
                "prix d'achat HT du bien",
                "1000",
                "2000000",
                Unit::Euros,
            ),
            ParamSpec::integer("nb_mois", "durée commune des financements, en mois", 12, 84),
            ParamSpec::decimal(
                "taux_actualisation",
                "taux annuel d'actualisation (rendement d'un placement de la trésorerie)",
                "0.1",
                "20",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "taux_emprunt",
                "taux annuel de l'emprunt (taux mensuel proportionnel)",
                "0.1",
                "20",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "premier_loyer_loa",
                "premier loyer majoré de la LOA, payé à la signature",
                "0",
                "2000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "loyer_loa",
                "loyer mensuel suivant de la LOA",
                "1",
                "200000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "option_achat",
                "prix de l'option d'achat de la LOA, payé en fin de contrat",
                "0",
                "2000000",
                Unit::Euros,
            ),
            ParamSpec::decimal(
                "loyer_lld",
                "loyer mensuel de la LLD",
                "1",
                "200000",
                Unit::Euros,
            ),
            ParamSpec::convention(
                "taux_mensuel",
                "calcul du taux mensuel d'actualisation",
                MONTHLY_RATE,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        // LOA and LLD finance vehicles and equipment, not software or fittings: the
        // generic service vehicle makes the pool never empty.
        let pool: Vec<_> = equipment::fitting(scene.business, false)
            .into_iter()
            .filter(|e| matches!(e.categorie.as_str(), "vehicule" | "materiel"))
            .collect();
        let asset = *d.rng().pick(&pool);
        let (lo, hi) = asset.price_range(scene.business);
        let price = d.number("prix", |r| r.decimal_step(lo, hi, dec!(50)));
        let longest = i64::from(asset.category().duree_credit_max_mois);
        let horizons: Vec<i64> = HORIZONS.into_iter().filter(|h| *h <= longest).collect();
        let months = d.number("nb_mois", |r| Decimal::from(*r.pick(&horizons)));
        let n = u32::try_from(months).map_err(|_| Degenerate("durée invalide".into()))?;
        // Placing the cash for 3 to 5 years earns a deposit of more than two years.
        let deposit = equipment::deposit_range(&scene.date, "compte-a-terme-long");
        let annual = d.number("taux_actualisation", |r| {
            equipment::draw_rate(r, deposit, dec!(0.05))
        });
        let credit = equipment::loan_range(&scene.date, &asset.category().objet_credit);
        let loan_rate = d.number("taux_emprunt", |r| {
            equipment::draw_rate(r, credit, dec!(0.05))
        });
        let equivalent = d.choice("taux_mensuel") == "equivalent";
        let rate = if equivalent {
            equivalent_monthly_rate(annual, RATE_DP)
        } else {
            proportional_monthly_rate(annual)
        };
        // The monthly rate as a fraction, computed as the formulas do.
        let i = if equivalent {
            rate / dec!(100)
        } else {
            annual / dec!(12) / dec!(100)
        };
        // Rents are drawn so that each lessor's implicit rate is plausible.
        let implicit = |extra: Decimal| (annual + extra) / dec!(1200);
        let loa_extra = d.rng().decimal_step(dec!(-2), dec!(2), dec!(0.25));
        let lld_extra = d.rng().decimal_step(dec!(2), dec!(7), dec!(0.25));
        let residual_pct = d.rng().decimal_step(dec!(5), dec!(20), dec!(1));
        let first_rent = d.number("premier_loyer_loa", |r| {
            round_half_away(price * *r.pick(&FIRST_RENT_PCT) / dec!(1000), 0) * dec!(10)
        });
        let option = d.number("option_achat", |r| {
            round_half_away(price * *r.pick(&OPTION_PCT) / dec!(100), 0)
        });
        let j = implicit(loa_extra);
        let rent = d.number("loyer_loa", |_| {
            let left = price
                - first_rent
                - option * crate::calc::discounting::discount_factor(j, n).unwrap_or_default();
            let factor = pv_arrears(Decimal::ONE, j, n.saturating_sub(1)).unwrap_or(Decimal::ONE);
            round_half_away(left / factor, 0)
        });
        let j = implicit(lld_extra);
        let lld_rent = d.number("loyer_lld", |_| {
            let left = price
                - price * residual_pct / dec!(100)
                    * crate::calc::discounting::discount_factor(j, n).unwrap_or_default();
            let factor = pv_advance(Decimal::ONE, j, n).unwrap_or(Decimal::ONE);
            round_half_away(left / factor, 0)
        });
        if n < 2 || price <= Decimal::ZERO || rent <= Decimal::ZERO || lld_rent <= Decimal::ZERO {
            return Err(Degenerate("loyer ou prix nul".into()));
        }
        let payment = constant_payment(price, proportional_monthly_rate(loan_rate), n)
            .ok_or_else(|| Degenerate("dépassement de capacité".into()))?;
        let lease = Lease {
            first_rent,
            rent,
            option,
            months: n,
        };
        let overflow = || Degenerate("dépassement de capacité".into());
        let outlays = [
            price,
            payment * Decimal::from(n),
            lease.outlay(),
            lld_rent * Decimal::from(n),
        ];
        let pvs = [
            price,
            round_cents(pv_arrears(payment, i, n).ok_or_else(overflow)?),
            lease.present_value(i).ok_or_else(overflow)?,
            round_cents(pv_advance(lld_rent, i, n).ok_or_else(overflow)?),
        ];
        let mut order: Vec<usize> = (0..4).collect();
        order.sort_by_key(|&k| pvs[k]);
        let free = ![
            "prix",
            "premier_loyer_loa",
            "loyer_loa",
            "option_achat",
            "loyer_lld",
            "taux_actualisation",
            "taux_emprunt",
        ]
        .iter()
        .any(|p| d.is_fixed(p));
        if pvs[order[1]] - pvs[order[0]] < dec!(1) && (free || pvs[order[1]] == pvs[order[0]]) {
            return Err(Degenerate(
                "deux solutions ont la même valeur actuelle".into(),
            ));
        }
        let ctx = Ctx {
            scene,
            object: asset.nom.as_str(),
            deposit,
            credit,
            price,
            n,
            annual,
            loan_rate,
            equivalent,
            rate,
            i,
            payment,
            lease,
            lld_rent,
            outlays,
            pvs,
            order,
        };
        Ok(ctx.content())
    }
}

struct Ctx {
    scene: Scene,
    object: &'static str,
    /// The dated ranges the two rates were drawn in.
    deposit: &'static MarketRange,
    credit: &'static MarketRange,
    price: Decimal,
    n: u32,
    annual: Decimal,
    loan_rate: Decimal,
    equivalent: bool,
    /// Monthly discount rate in percent (rounded if equivalent).
    rate: Decimal,
    /// Monthly discount rate as a fraction.
    i: Decimal,
    payment: Decimal,
    lease: Lease,
    lld_rent: Decimal,
    outlays: [Decimal; 4],
    pvs: [Decimal; 4],
    /// Options by increasing present value.
    order: Vec<usize>,
}

impl Ctx {
    /// The monthly discount rate as a fraction, in the expression language.
    fn i_expr(&self) -> &'static str {
        if self.equivalent {
            "(taux_periodique / 100)"
        } else {
            "(taux_actualisation / 12 / 100)"
        }
    }

    fn i_shown(&self) -> String {
        number(self.i, 8)
    }

    fn statement(&self) -> String {
        let s = &self.scene;
        let n = self.n;
        let intro = format!(
            "Le {}, {} doit financer {} d'un prix de {} HT. Le dirigeant hésite entre quatre solutions sur {n} mois \
             et vous demande, avec {} {}, {} des achats, de les comparer avant de négocier avec les fournisseurs et la banque.",
            s.date.french(),
            s.seller(),
            self.object,
            euros(self.price),
            s.contact.prenom,
            s.contact.nom,
            s.contact.genre.agree("chargé", "chargée")
        );
        let mut t = String::from("| Solution | Conditions |\n|---|---|\n");
        t += &format!(
            "| 1. Achat comptant | {} payés à la livraison |\n",
            euros(self.price)
        );
        t += &format!(
            "| 2. Emprunt bancaire | {} empruntés sur {n} mois au taux annuel de {}, mensualités constantes payées en fin de mois |\n",
            euros(self.price),
            percent(self.loan_rate)
        );
        t += &format!(
            "| 3. Location avec option d'achat (LOA) | premier loyer majoré de {} à la signature, puis {} loyers mensuels de {} ; option d'achat de {} à la fin du {n}e mois |\n",
            euros(self.lease.first_rent),
            n - 1,
            euros(self.lease.rent),
            euros(self.lease.option)
        );
        t += &format!(
            "| 4. Location longue durée (LLD) | {n} loyers mensuels de {} ; le bien est restitué en fin de contrat |\n",
            euros(self.lld_rent)
        );
        let monthly = if self.equivalent {
            "le taux mensuel équivalent : (1 + taux annuel)^(1/12) − 1, arrondi à 0,0001\u{a0}%, c'est ce taux arrondi qui sert dans les calculs"
        } else {
            "le taux mensuel proportionnel : taux annuel ÷ 12, utilisé sans arrondi dans les calculs"
        };
        format!(
            "{intro}\n\n{t}\n**Conventions.** Les loyers de LOA et de LLD sont payés en début de mois (terme à échoir) : \
             le premier à la signature, le dernier au début du {n}e mois. Les mensualités de l'emprunt sont payées en fin de mois \
             (taux mensuel de l'emprunt : taux annuel ÷ 12) ; on retient {n} mensualités égales, sans ajustement de la dernière. \
             Les flux sont actualisés à la date de la signature au taux annuel de {} (rendement que l'entreprise obtiendrait en plaçant sa trésorerie), \
             en retenant {monthly}. Chaque valeur actuelle est arrondie au centime. On ne tient compte ni de la fiscalité, \
             ni de la valeur de revente du bien en fin de période.\n\n\
             *Taux du marché à la date de l'énoncé :* nouveaux crédits aux entreprises {} ; \
             dépôts à terme des entreprises de plus de deux ans {}.",
            percent(self.annual),
            equipment::cite(self.credit),
            equipment::cite(self.deposit)
        )
    }

    fn content(&self) -> Content {
        Content {
            statement: self.statement(),
            questions: vec![
                self.q_rate(),
                self.q_payment(),
                self.q_total_loan(),
                self.q_total_loa(),
                self.q_total_lld(),
                self.q_pv_loan(),
                self.q_pv_loa(),
                self.q_pv_lld(),
                self.q_choice(),
            ],
            solution_intro: format!(
                "*Règle d'arrondi : mensualité et valeurs actuelles arrondies au centime le plus proche \
                 (0,005\u{a0}€ et plus arrondi au centime supérieur). Taux mensuel d'actualisation : i = {}.*",
                self.i_shown()
            ),
            solution_outro: self.outro(),
        }
    }

    fn q_rate(&self) -> Question {
        let shown = round_half_away(self.rate, RATE_DP);
        let q = Question::new(
            "taux_periodique",
            "taux mensuel d'actualisation",
            if self.equivalent {
                "Calculez le taux mensuel d'actualisation équivalent (arrondi à 0,0001\u{a0}%)."
            } else {
                "Calculez le taux mensuel d'actualisation proportionnel (arrondi à 0,0001\u{a0}%)."
            },
            shown,
            Unit::Percent,
        )
        .tolerance(dec!(0.0001));
        if self.equivalent {
            q.mistake(
                round_half_away(self.annual / dec!(12), RATE_DP),
                "taux-proportionnel-au-lieu-d-equivalent",
                "Vous avez divisé le taux annuel par 12 : c'est le taux proportionnel. L'énoncé demande le taux équivalent, \
                 (1 + taux annuel)^(1/12) − 1.",
            )
            .step(format!(
                "Taux mensuel équivalent = (1 + {})^(1/12) − 1 ≈ **{}\u{a0}%** (arrondi à 0,0001\u{a0}%).",
                number(self.annual / dec!(100), 6),
                number(shown, RATE_DP)
            ))
        } else {
            q.formula(format!("arrondi(taux_actualisation / 12, {RATE_DP})"))
                .mistake(
                    self.annual,
                    "taux-annuel-applique-au-mois",
                    "Vous avez donné le taux annuel : les flux étant mensuels, il faut le taux mensuel (taux annuel ÷ 12).",
                )
                .step(format!(
                    "Taux mensuel proportionnel = {} ÷ 12 = **{}\u{a0}%** (arrondi pour l'affichage ; les calculs utilisent i = {}).",
                    percent(self.annual),
                    number(shown, RATE_DP),
                    self.i_shown()
                ))
        }
    }

    fn q_payment(&self) -> Question {
        let il = proportional_monthly_rate(self.loan_rate) / dec!(100);
        let n = self.n;
        Question::new(
            "mensualite",
            "mensualité de l'emprunt",
            "Calculez la mensualité constante de l'emprunt.",
            self.payment,
            Unit::Euros,
        )
        .formula(
            "arrondi2(prix * (taux_emprunt / 12) / 100 / (1 - (1 + (taux_emprunt / 12) / 100) ^ (-nb_mois)))",
        )
        .mistake(
            round_cents(self.price / Decimal::from(n)),
            "interets-oublies",
            "Vous avez divisé le prix par le nombre de mois : la mensualité comprend aussi les intérêts, a = C × i ÷ (1 − (1 + i)^−n).",
        )
        .step(format!(
            "Taux mensuel de l'emprunt : {} ÷ 12 = {}. a = C × i ÷ (1 − (1 + i)^−n) = {} × {} ÷ (1 − {}^−{n}) = **{}** \
             (tableur : VPM({}\u{a0}%\u{a0}; {n}\u{a0}; −{})).",
            percent(self.loan_rate),
            number(il, 8),
            euros(self.price),
            number(il, 8),
            number(Decimal::ONE + il, 8),
            euros(self.payment),
            number(self.loan_rate / dec!(12), 6),
            number(self.price, 2)
        ))
    }

    fn q_total_loan(&self) -> Question {
        Question::new(
            "total_emprunt",
            "décaissements de l'emprunt",
            "Calculez le total des décaissements de chacune des solutions : d'abord celui de l'emprunt.",
            self.outlays[1],
            Unit::Euros,
        )
        .formula("nb_mois * mensualite")
        .step(format!(
            "{} × {} = **{}** (l'achat comptant décaisse {}).",
            self.n,
            euros(self.payment),
            euros(self.outlays[1]),
            euros(self.price)
        ))
    }

    fn q_total_loa(&self) -> Question {
        let l = &self.lease;
        let n = Decimal::from(self.n);
        Question::new(
            "total_loa",
            "décaissements de la LOA",
            "Calculez le total des décaissements de la LOA.",
            self.outlays[2],
            Unit::Euros,
        )
        .formula("premier_loyer_loa + (nb_mois - 1) * loyer_loa + option_achat")
        .mistake(
            self.outlays[2] - l.option,
            "option-achat-oubliee",
            "Vous avez oublié l'option d'achat : pour devenir propriétaire, l'entreprise la paie en fin de contrat.",
        )
        .mistake(
            n * l.rent + l.option,
            "premier-loyer-oublie",
            "Vous avez compté tous les loyers au montant courant : le premier loyer est majoré, il s'ajoute aux n − 1 loyers suivants.",
        )
        .step(format!(
            "Premier loyer + {} loyers + option d'achat = {} + {} × {} + {} = **{}**.",
            self.n - 1,
            euros(l.first_rent),
            self.n - 1,
            euros(l.rent),
            euros(l.option),
            euros(self.outlays[2])
        ))
    }

    fn q_total_lld(&self) -> Question {
        Question::new(
            "total_lld",
            "décaissements de la LLD",
            "Calculez le total des décaissements de la LLD.",
            self.outlays[3],
            Unit::Euros,
        )
        .formula("nb_mois * loyer_lld")
        .step(format!(
            "{} × {} = **{}**.",
            self.n,
            euros(self.lld_rent),
            euros(self.outlays[3])
        ))
    }

    fn q_pv_loan(&self) -> Question {
        let n = self.n;
        let ie = self.i_expr();
        Question::new(
            "va_emprunt",
            "valeur actuelle de l'emprunt",
            "Calculez la valeur actuelle, à la signature, des mensualités de l'emprunt.",
            self.pvs[1],
            Unit::Euros,
        )
        .formula(format!(
            "arrondi2(mensualite * (1 - (1 + {ie}) ^ (-nb_mois)) / {ie})"
        ))
        .mistake(
            self.outlays[1],
            "comparaison-sans-actualisation",
            "Vous avez additionné les mensualités sans les actualiser : un euro payé dans plusieurs mois vaut moins qu'un euro payé aujourd'hui.",
        )
        .step(format!(
            "Mensualités en fin de mois : VA = a × (1 − (1 + i)^−n) ÷ i = {} × (1 − {}^−{n}) ÷ {} = **{}** \
             (tableur : VA(i\u{a0}; {n}\u{a0}; −{})).",
            euros(self.payment),
            number(Decimal::ONE + self.i, 8),
            self.i_shown(),
            euros(self.pvs[1]),
            number(self.payment, 2)
        ))
    }

    fn q_pv_loa(&self) -> Question {
        let l = &self.lease;
        let n = self.n;
        let ie = self.i_expr();
        let without_option = Lease {
            option: Decimal::ZERO,
            ..*l
        };
        let no_first = Lease {
            first_rent: l.rent,
            ..*l
        };
        let pv = |x: &Lease| x.present_value(self.i).unwrap_or_default();
        Question::new(
            "va_loa",
            "valeur actuelle de la LOA",
            "Calculez la valeur actuelle, à la signature, des décaissements de la LOA.",
            self.pvs[2],
            Unit::Euros,
        )
        .formula(format!(
            "arrondi2(premier_loyer_loa + loyer_loa * (1 - (1 + {ie}) ^ (-(nb_mois - 1))) / {ie} + option_achat * (1 + {ie}) ^ (-nb_mois))"
        ))
        .mistake(
            self.outlays[2],
            "comparaison-sans-actualisation",
            "Vous avez additionné les décaissements sans les actualiser : il faut ramener chaque loyer et l'option à la date de la signature.",
        )
        .mistake(
            pv(&without_option),
            "option-achat-oubliee",
            "Vous avez oublié l'option d'achat, payée à la fin du dernier mois : actualisez-la sur n mois.",
        )
        .mistake(
            pv(&no_first),
            "premier-loyer-oublie",
            "Vous avez oublié le premier loyer majoré : il est payé à la signature (non actualisé), les n − 1 loyers courants suivent.",
        )
        .step(format!(
            "Premier loyer à la signature (non actualisé) + {} loyers payés au début des mois 2 à {n} (soit à la fin des mois 1 à {}) \
             + option d'achat à la fin du mois {n} : VA = {} + {} × (1 − {}^−{}) ÷ {} + {} × {}^−{n} = **{}**.",
            n - 1,
            n - 1,
            euros(l.first_rent),
            euros(l.rent),
            number(Decimal::ONE + self.i, 8),
            n - 1,
            self.i_shown(),
            euros(l.option),
            number(Decimal::ONE + self.i, 8),
            euros(self.pvs[2])
        ))
    }

    fn q_pv_lld(&self) -> Question {
        let n = self.n;
        let ie = self.i_expr();
        Question::new(
            "va_lld",
            "valeur actuelle de la LLD",
            "Calculez la valeur actuelle, à la signature, des loyers de la LLD.",
            self.pvs[3],
            Unit::Euros,
        )
        .formula(format!(
            "arrondi2(loyer_lld + loyer_lld * (1 - (1 + {ie}) ^ (-(nb_mois - 1))) / {ie})"
        ))
        .mistake(
            self.outlays[3],
            "comparaison-sans-actualisation",
            "Vous avez additionné les loyers sans les actualiser : il faut ramener chaque loyer à la date de la signature.",
        )
        .mistake(
            round_cents(pv_arrears(self.lld_rent, self.i, n).unwrap_or_default()),
            "loyers-a-terme-echu",
            "Vous avez actualisé les loyers comme s'ils étaient payés en fin de mois : ils sont payés d'avance (terme à échoir), \
             le premier à la signature.",
        )
        .step(format!(
            "Loyers en début de mois : le premier à la signature, les {} autres à la fin des mois 1 à {} : \
             VA = {} + {} × (1 − {}^−{}) ÷ {} = **{}**.",
            n - 1,
            n - 1,
            euros(self.lld_rent),
            euros(self.lld_rent),
            number(Decimal::ONE + self.i, 8),
            n - 1,
            self.i_shown(),
            euros(self.pvs[3])
        ))
    }

    fn q_choice(&self) -> Question {
        let best = self.order[0];
        let by_outlay = (0..4).min_by_key(|&k| self.outlays[k]).unwrap_or(0);
        Question::new(
            "solution_retenue",
            "solution la moins coûteuse",
            "Quelle solution est la moins coûteuse ? Répondez par son numéro (1 : comptant, 2 : emprunt, 3 : LOA, 4 : LLD).",
            Decimal::from(best as i64 + 1),
            Unit::Number,
        )
        .mistake(
            Decimal::from(by_outlay as i64 + 1),
            "comparaison-sans-actualisation",
            "Vous avez comparé les totaux décaissés : des sommes payées à des dates différentes ne se comparent qu'une fois actualisées.",
        )
        .step(format!(
            "Valeurs actuelles : comptant {}, emprunt {}, LOA {}, LLD {}. La moins élevée est celle de {} : **solution {}**.",
            euros(self.pvs[0]),
            euros(self.pvs[1]),
            euros(self.pvs[2]),
            euros(self.pvs[3]),
            NAMES[best],
            best + 1
        ))
    }

    fn outro(&self) -> String {
        let mut t = String::from(
            "| Solution | Total décaissé | Valeur actuelle | Rang |\n|---|---:|---:|---:|\n",
        );
        let labels = ["1. Comptant", "2. Emprunt", "3. LOA", "4. LLD"];
        for (k, label) in labels.iter().enumerate() {
            let rank = self.order.iter().position(|&o| o == k).unwrap_or(0) + 1;
            t += &format!(
                "| {label} | {} | {} | {rank} |\n",
                euros(self.outlays[k]),
                euros(self.pvs[k])
            );
        }
        let (best, second) = (self.order[0], self.order[1]);
        let gap = self.pvs[second] - self.pvs[best];
        let ask = match second {
            0 => format!("consentez-nous une remise d'au moins {} sur le prix comptant", euros(gap)),
            1 => format!(
                "il faudrait réduire le coût de votre prêt (taux ou frais) d'au moins {} en valeur d'aujourd'hui",
                euros(gap)
            ),
            _ => format!("baissez le premier loyer d'au moins {}", euros(gap)),
        };
        let to = match second {
            0 => "au fournisseur",
            1 => "au banquier",
            2 => "au bailleur de la LOA",
            _ => "au loueur de la LLD",
        };
        let ownership = if best == 3 {
            " Attention : en LLD, l'entreprise restitue le bien en fin de contrat, sans en devenir propriétaire."
        } else {
            ""
        };
        format!(
            "**Comparaison des solutions.**\n\n{t}\n*Pour la négociation*, phrase à adresser {to} : « En valeur d'aujourd'hui, \
             votre offre nous revient à {}, soit {} de plus que {} : {ask} et nous la retenons. »{ownership}",
            euros(self.pvs[second]),
            euros(gap),
            NAMES[best]
        )
    }
}

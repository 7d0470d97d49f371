//! The E5 mock exam: a five-hour case study around one company, whose dossiers each
//! combine several ordinary exercise types.
//!
//! No exercise type is changed: each exercise is an ordinary instance whose seed is
//! searched, counting up from a seed derived from the subject's, until its statement
//! names the subject's company (and no other product of it than the subject's) and
//! uses the case's figures. Its code is therefore an ordinary code that `clientele
//! correct` regenerates and marks. Every type draws at the company's scale (see
//! [`crate::world::scale`]), so documents agree without being tied; the figures that
//! must be *equal* are fixed: the product's taux de marque (margin and ROI exercises)
//! and the invoice's unit price HT, the selling price HT of the margin exercise. Those
//! codes carry the fingerprint of the fixed parameters and are corrected with their
//! `--set`, which the codes list and the corrigé print.
//! Logic only; the HTML is in [`crate::render::e5_html`].

pub mod templates;

use crate::catalog;
use crate::devoir::seed::student_seed;
use crate::devoir::sheet::{apply_scoring, Scoring};
use crate::exercises;
use crate::generate::generate_with;
use crate::model::{Instance, Params};
use crate::rng::Rng;
use crate::world::{world, Business, Clientele, Product};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use templates::{DossierTemplate, OpenTemplate, DOSSIERS};

/// Seeds tried for each exercise before giving up on the company.
pub const SEARCH: u64 = 5_000;
/// The whole subject: 60 points in 300 minutes, five minutes per point.
pub const TOTAL_POINTS: u32 = 60;
pub const TOTAL_MINUTES: u32 = 300;

pub struct OpenQuestion {
    pub template: &'static OpenTemplate,
    pub points: Decimal,
}

pub struct Dossier {
    pub number: usize,
    pub template: &'static DossierTemplate,
    pub context: String,
    pub points: Decimal,
    pub minutes: u32,
    /// The exercises, with the subject's points applied.
    pub exercises: Vec<Instance>,
    /// The points each exercise is worth, as written in the sheet.
    pub exercise_points: Vec<u32>,
    /// The parameters fixed on each exercise to share a figure with an earlier one
    /// (as `--set NOM=VALEUR` pairs; empty for most).
    pub sets: Vec<BTreeMap<String, String>>,
    pub open: Vec<OpenQuestion>,
}

impl Dossier {
    /// The number of the first question of exercise `k` within the dossier (1-based).
    pub fn first_question(&self, k: usize) -> usize {
        1 + self.exercises[..k]
            .iter()
            .map(|i| i.questions.len())
            .sum::<usize>()
    }

    /// The number of open question `k` within the dossier (1-based).
    pub fn open_number(&self, k: usize) -> usize {
        self.first_question(self.exercises.len()) + k
    }
}

pub struct Subject {
    pub seed: u64,
    pub business: &'static Business,
    pub product: &'static Product,
    /// The taux de marque of the product, in percent, in the company's usual range: every
    /// document that shows one shows this one.
    pub taux_marque: Decimal,
    pub dossiers: Vec<Dossier>,
}

impl Subject {
    pub fn total_points(&self) -> Decimal {
        self.dossiers.iter().map(|d| d.points).sum()
    }

    pub fn total_minutes(&self) -> u32 {
        self.dossiers.iter().map(|d| d.minutes).sum()
    }

    /// Every exercise in order, with its dossier.
    pub fn exercises(&self) -> impl Iterator<Item = (&Dossier, usize, &Instance)> {
        self.dossiers
            .iter()
            .flat_map(|d| d.exercises.iter().enumerate().map(move |(k, i)| (d, k, i)))
    }
}

/// Types about the company's whole range: they name every product, by design.
const WHOLE_RANGE: [&str; 1] = ["segmentation/detention"];

/// Whether an instance belongs to the subject's scene: it names the company and none
/// of its other products (but for a type about the whole range).
pub fn fits(inst: &Instance, business: &Business, product: &Product) -> bool {
    if !inst.statement.contains(&business.nom) {
        return false;
    }
    if WHOLE_RANGE.contains(&inst.id) {
        return true;
    }
    business.produit.iter().all(|p| {
        p.nom == product.nom
            || product.nom.contains(&p.nom)
            || !(inst.statement.contains(&p.nom) || inst.statement.contains(&p.pluriel.clone()))
    })
}

/// The first seed from `start` (counting up, at most [`SEARCH`] seeds) whose instance
/// of `id` fits the scene.
pub fn search(
    id: &str,
    start: u64,
    business: &Business,
    product: &Product,
    set: &BTreeMap<String, String>,
) -> Option<Instance> {
    let entry = catalog::catalog().find(id)?;
    let exercise = exercises::find(id)?;
    let fixed: Params = crate::generate::validate_overrides(exercise, set).ok()?;
    (start..start + SEARCH)
        .filter_map(|s| generate_with(entry, exercise, s, &fixed).ok())
        .find(|inst| fits(inst, business, product) && uses_shared_figures(inst, product))
}

/// The figures an exercise takes from the case rather than drawing its own: the
/// product's taux de marque, wherever a document shows it, and the unit price HT of an
/// invoice, which is the selling price HT the margin exercise of the dossier computed,
/// so that the product is sold at one price and one margin throughout.
fn shared_figures(
    id: &str,
    taux_marque: Decimal,
    earlier: &[Instance],
) -> BTreeMap<String, String> {
    let mut set = BTreeMap::new();
    let decimal = |x: Decimal| x.normalize().to_string().replace('.', ",");
    match id {
        "prix/marges" => {
            set.insert("taux_marque".to_string(), decimal(taux_marque));
        }
        "action/cout-roi" => {
            set.insert("taux_marge".to_string(), decimal(taux_marque));
        }
        "prix/net-a-payer" => {
            let price = earlier
                .iter()
                .filter(|i| i.id == "prix/marges")
                .find_map(|i| i.question("prix_vente_ht"))
                .map(|q| q.answer);
            if let Some(p) = price {
                set.insert("prix_unitaire".to_string(), decimal(p));
            }
        }
        _ => {}
    }
    set
}

/// Whether an instance found for the case uses the figures the case fixed: the
/// product's TVA rate wherever the product's rate is drawn (the bank's commissions of a
/// discount slip bear 20 % whatever is sold), and its taux de marque (a margin exercise
/// whose variant starts from a taux de marge would ignore it).
fn uses_shared_figures(inst: &Instance, product: &Product) -> bool {
    let vat = inst.id == "financement/escompte-effets"
        || ["taux_tva", "tva"]
            .iter()
            .filter_map(|k| inst.params.get(*k).and_then(|v| v.as_number()))
            .all(|v| v == product.tva.normalize());
    vat && (inst.id != "prix/marges"
        || inst.params.get("variante").is_some_and(|v| {
            matches!(
                v.to_string().as_str(),
                "taux-de-marque" | "prix-ttc-vers-cout"
            )
        }))
}

/// The seed the search of the exercise at `position` (0-based, over the subject)
/// starts from.
pub fn start_seed(seed: u64, position: usize) -> u64 {
    student_seed(seed, "e5", position, 0)
}

/// Integer points of the exercises: what the open questions leave, shared equally,
/// the first exercises taking the remainder.
fn share(total: u32, n: usize) -> Vec<u32> {
    let n32 = n as u32;
    (0..n32)
        .map(|k| total / n32 + u32::from(k < total % n32))
        .collect()
}

/// Shares `total` between the questions of `inst` in quarter points, as an E5 barème is
/// written: each question gets its share of the total (in proportion to its own points)
/// rounded down to the quarter, and the quarters left go to the largest remainders
/// (the earlier question on a tie). Every question gets at least a quarter when the
/// total allows it; otherwise the sheet's hundredth-point sharing applies.
pub fn quarter_points(inst: &Instance, total: Decimal) -> Scoring {
    let quarter = Decimal::new(25, 2);
    let n = inst.questions.len();
    let weights: Decimal = inst.questions.iter().map(|q| q.points).sum();
    if n == 0 || weights.is_zero() || total < quarter * Decimal::from(n as u64) {
        return Scoring::Total(total);
    }
    let ideal: Vec<Decimal> = inst
        .questions
        .iter()
        .map(|q| total * q.points / weights / quarter)
        .collect();
    let mut quarters: Vec<Decimal> = ideal.iter().map(|x| x.floor().max(Decimal::ONE)).collect();
    let mut left = total / quarter - quarters.iter().copied().sum::<Decimal>();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        (ideal[b] - ideal[b].floor())
            .cmp(&(ideal[a] - ideal[a].floor()))
            .then(a.cmp(&b))
    });
    // Taking a quarter back (when the minimum of one quarter overshot) starts from the
    // smallest remainders.
    while left < Decimal::ZERO {
        if let Some(&i) = order.iter().rev().find(|&&i| quarters[i] > Decimal::ONE) {
            quarters[i] -= Decimal::ONE;
            left += Decimal::ONE;
        } else {
            return Scoring::Total(total);
        }
    }
    for &i in order.iter().cycle().take(n * 4) {
        if left <= Decimal::ZERO {
            break;
        }
        quarters[i] += Decimal::ONE;
        left -= Decimal::ONE;
    }
    Scoring::PerQuestion(
        inst.questions
            .iter()
            .zip(quarters)
            .map(|(q, k)| (q.key.to_string(), (k * quarter).normalize()))
            .collect(),
    )
}

/// Composes the subject of `seed`: the dossiers, then the company and its product (a
/// business-to-business or mixed company), then for each slot of each dossier the type
/// drawn among those that suit the company, with its seed. A company whose product
/// leaves a slot without a fitting type, or an exercise without a seed that fits, gives
/// way to its next product, then to the next company.
pub fn compose(seed: u64) -> Result<Subject, String> {
    let mut rng = Rng::from_seed(seed);
    let four = rng.chance(1, 2);
    // Three dossiers leave out one of the four, any of them: no dossier, and so no
    // type, is in every case.
    let left_out = (!four).then(|| rng.below(DOSSIERS.len() as u64) as usize);
    let templates: Vec<&'static DossierTemplate> = DOSSIERS
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != left_out)
        .map(|(_, t)| t)
        .collect();
    let picks: Vec<Vec<usize>> = templates
        .iter()
        .map(|t| {
            t.slots
                .iter()
                .map(|_| rng.below(1 << 20) as usize)
                .collect()
        })
        .collect();
    // Customer profitability and credit risk are business-to-business questions.
    let companies: Vec<&'static Business> = world()
        .entreprise
        .iter()
        .filter(|b| b.clientele != Clientele::Particuliers)
        .collect();
    let first = rng.below(companies.len() as u64) as usize;
    let product_pick = rng.below(1 << 20) as usize;
    let mark_pick = rng.below(1 << 20);
    let plan = Plan {
        seed,
        mode: usize::from(four),
        dossier_points: TOTAL_POINTS / templates.len() as u32,
        templates,
        picks,
    };
    for attempt in 0..companies.len() {
        let business = companies[(first + attempt) % companies.len()];
        let n = business.produit.len();
        for k in 0..n {
            let product = &business.produit[(product_pick + k) % n];
            let taux_marque = case_mark(business, mark_pick);
            if let Some(dossiers) = plan.fill(business, product, taux_marque) {
                return Ok(Subject {
                    seed,
                    business,
                    product,
                    taux_marque,
                    dossiers,
                });
            }
        }
    }
    Err(format!(
        "aucune entreprise des contextes ne convient à tous les exercices du sujet de graine {seed}."
    ))
}

/// The case's taux de marque: a whole percent of the company's usual range.
fn case_mark(business: &Business, pick: u64) -> Decimal {
    let lo = i64::try_from(business.taux_marque[0].ceil()).unwrap_or(0);
    let hi = i64::try_from(business.taux_marque[1].floor())
        .unwrap_or(lo)
        .max(lo);
    Decimal::from(lo + (pick % (hi - lo + 1) as u64) as i64)
}

/// What the seed decided before the company: the dossiers, the draw of each slot's type
/// and the points.
struct Plan {
    seed: u64,
    /// 0 for three dossiers, 1 for four (the column of [`OpenTemplate::points`]).
    mode: usize,
    dossier_points: u32,
    templates: Vec<&'static DossierTemplate>,
    /// For each dossier and slot, the draw that picks its type among the fitting ones.
    picks: Vec<Vec<usize>>,
}

impl Plan {
    /// The dossiers set in `business` around `product`, if every slot finds a type that
    /// suits them and a seed that names them.
    fn fill(
        &self,
        business: &'static Business,
        product: &'static Product,
        taux_marque: Decimal,
    ) -> Option<Vec<Dossier>> {
        let catalog = catalog::catalog();
        let mut position = 0;
        let mut dossiers = Vec::with_capacity(self.templates.len());
        for (n, (t, picks)) in self.templates.iter().zip(&self.picks).enumerate() {
            let mut ids: Vec<&'static str> = Vec::with_capacity(t.slots.len());
            let mut instances: Vec<Instance> = Vec::with_capacity(t.slots.len());
            let mut sets = Vec::with_capacity(t.slots.len());
            for (slot, pick) in t.slots.iter().zip(picks) {
                let fitting: Vec<&'static str> = slot
                    .iter()
                    .copied()
                    .filter(|id| catalog.find(id).is_some_and(|e| e.suits(business, product)))
                    .collect();
                let (id, inst, set) = (0..fitting.len()).find_map(|r| {
                    let id = fitting[(pick + r) % fitting.len()];
                    let set = shared_figures(id, taux_marque, &instances);
                    search(id, start_seed(self.seed, position), business, product, &set)
                        .map(|inst| (id, inst, set))
                })?;
                position += 1;
                ids.push(id);
                instances.push(inst);
                sets.push(set);
            }
            let open: Vec<OpenQuestion> = t
                .open
                .iter()
                .filter(|o| o.when.is_empty() || o.when.iter().any(|w| ids.contains(w)))
                .map(|o| OpenQuestion {
                    template: o,
                    points: Decimal::from(o.points[self.mode]),
                })
                .collect();
            let open_total: u32 = open.iter().map(|o| o.template.points[self.mode]).sum();
            let exercise_points = share(self.dossier_points - open_total, ids.len());
            for (inst, pts) in instances.iter_mut().zip(&exercise_points) {
                let scoring = quarter_points(inst, Decimal::from(*pts));
                apply_scoring(inst, &scoring);
            }
            dossiers.push(Dossier {
                number: n + 1,
                template: t,
                context: t
                    .notes
                    .iter()
                    .filter(|(id, _)| ids.contains(id))
                    .fold((t.context)(business, product), |c, (_, note)| {
                        format!("{c} {note}")
                    }),
                points: Decimal::from(self.dossier_points),
                minutes: self.dossier_points * TOTAL_MINUTES / TOTAL_POINTS,
                exercises: instances,
                exercise_points,
                sets,
                open,
            });
        }
        Some(dossiers)
    }
}

/// The devoir sheet of the subject: every exercise with its seed fixed for the whole
/// class and its points, so that `clientele devoir corriger` marks the numeric part.
pub fn sheet_toml(s: &Subject) -> String {
    let q = |t: &str| t.replace('\\', "\\\\").replace('"', "\\\"");
    let mut out = format!(
        "# Sujet d'entraînement à l'E5 — partie chiffrée (les questions ouvertes se corrigent à la main).\n\
         # Chaque exercice a sa graine fixée : toute la classe traite le même cas.\n\
         titre = \"Sujet d'entraînement E5 — {} (graine {})\"\n\
         consignes = \"Reportez vos résultats dans les cases ; les questions ouvertes sont corrigées à part.\"\n\
         graine = {}\n",
        q(&s.business.nom),
        s.seed,
        s.seed
    );
    for (d, k, inst) in s.exercises() {
        let first = d.first_question(k);
        let last = first + inst.questions.len() - 1;
        out.push_str(&format!(
            "\n# Dossier {} — questions {}.{first} à {}.{last} ({} points)\n[[exercice]]\nid = \"{}\"\ngraine = {}\n[exercice.bareme]\n",
            d.number, d.number, d.number, d.exercise_points[k], inst.id, inst.seed
        ));
        for q in &inst.questions {
            out.push_str(&format!("\"{}\" = {}\n", q.key, q.points.normalize()));
        }
        if !d.sets[k].is_empty() {
            out.push_str("[exercice.set]\n");
            for (name, value) in &d.sets[k] {
                out.push_str(&format!("{name} = \"{}\"\n", q(value)));
            }
        }
    }
    out
}

/// The list of codes, for `clientele correct`.
pub fn codes_text(s: &Subject) -> String {
    let mut out = format!(
        "Sujet d'entraînement à l'E5 — graine {} — {}\n\n",
        s.seed, s.business.nom
    );
    for (n, (d, k, inst)) in s.exercises().enumerate() {
        let first = d.first_question(k);
        let last = first + inst.questions.len() - 1;
        out.push_str(&format!(
            "Dossier {} — questions {}.{first} à {}.{last} (ex{} de e5.toml) — {} : {}\n",
            d.number,
            d.number,
            d.number,
            n + 1,
            inst.title,
            inst.code
        ));
        if !d.sets[k].is_empty() {
            out.push_str(&format!(
                "    à corriger avec : clientele correct {} {}\n",
                inst.code,
                set_args(&d.sets[k])
            ));
        }
    }
    out.push_str(
        "\nCorriger un exercice : clientele correct CODE (les questions sont posées dans l'ordre du dossier).\n\
         Corriger une classe : clientele devoir creer e5.toml --classe liste.csv, puis\n\
         clientele devoir corriger e5.toml --classe liste.csv --reponses saisie.csv\n\
         (partie chiffrée seulement ; les questions ouvertes se notent à la main, voir corrige.html).\n",
    );
    out
}

/// `--set a=1 --set b=2`.
pub fn set_args(set: &BTreeMap<String, String>) -> String {
    set.iter()
        .map(|(k, v)| format!("--set {k}={v}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_points_are_exact() {
        let inst = crate::generate::generate("segmentation/abc", 1, &Default::default()).unwrap();
        for total in [3, 4, 5, 6] {
            let mut i = inst.clone();
            let scoring = quarter_points(&i, Decimal::from(total));
            assert!(matches!(scoring, Scoring::PerQuestion(_)));
            apply_scoring(&mut i, &scoring);
            assert_eq!(i.total_points(), Decimal::from(total));
            for q in &i.questions {
                assert!(q.points >= Decimal::new(25, 2));
                assert_eq!((q.points * Decimal::from(4)).fract(), Decimal::ZERO);
            }
        }
    }

    #[test]
    fn shares_are_whole_and_exact() {
        assert_eq!(share(16, 3), vec![6, 5, 5]);
        assert_eq!(share(12, 3), vec![4, 4, 4]);
        assert_eq!(share(11, 2), vec![6, 5]);
    }

    #[test]
    fn each_template_fits_both_modes() {
        for t in &DOSSIERS {
            // Every combination of one type per slot leaves points for the exercises.
            let mut combos: Vec<Vec<&str>> = vec![vec![]];
            for slot in t.slots {
                combos = combos
                    .iter()
                    .flat_map(|c| slot.iter().map(move |id| [c.clone(), vec![*id]].concat()))
                    .collect();
            }
            for ids in &combos {
                let asked: Vec<_> = t
                    .open
                    .iter()
                    .filter(|o| o.when.is_empty() || o.when.iter().any(|w| ids.contains(w)))
                    .collect();
                for (mode, total) in [(0, 20), (1, 15)] {
                    let open: u32 = asked.iter().map(|o| o.points[mode]).sum();
                    assert!(
                        open < total && (1..=2).contains(&asked.len()),
                        "{} {ids:?}",
                        t.title
                    );
                    assert!(total - open >= t.slots.len() as u32, "{}", t.title);
                }
            }
            for slot in t.slots {
                for id in *slot {
                    assert!(exercises::find(id).is_some(), "{id}");
                }
            }
            for o in t.open {
                for w in o.when {
                    assert!(t.slots.iter().any(|s| s.contains(w)), "{w}");
                }
            }
        }
    }
}

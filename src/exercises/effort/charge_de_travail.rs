//! `effort/charge-de-travail`: the workload method (S531): visits needed by customer
//! class, hours of work travel included, field hours of one salesperson, the number of
//! salespeople (always rounded **up** to a whole person) and the cost of the sales force.
//!
//! Variant `frequences`: all visit frequencies are yearly, or the A customers' one is
//! given per month (the classic trap of mixed periods).

use crate::calc::workload::{available_hours, salespeople, total_hours, total_visits, Class};
use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::num::format::{euros, number, percent};
use crate::num::round::{round_cents, round_half_away};
use crate::world::Clientele;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub struct ChargeDeTravail;

const VARIANTS: &[(&str, &str)] = &[
    (
        "annuelles",
        "toutes les fréquences de visite sont annuelles",
    ),
    (
        "mensuelles-a",
        "la fréquence de visite des clients A est donnée par mois",
    ),
];

/// Class labels and the prefixes of their parameters.
const CLASSES: [(&str, &str); 4] = [
    ("Clients A", "a"),
    ("Clients B", "b"),
    ("Clients C", "c"),
    ("Prospects", "p"),
];

/// The most customers one salesperson can follow by visits (a larger portfolio per
/// salesperson is served at a distance, not by the workload method).
const MAX_CUSTOMERS_PER_SALESPERSON: u32 = 250;

/// Whether `needed` salespeople is near the company's own sales force: within one
/// person, or a quarter of a larger team.
fn near_sales_force(needed: Decimal, commerciaux: u32) -> bool {
    let k = Decimal::from(commerciaux);
    let gap = (needed - k).abs();
    needed >= Decimal::ONE && (gap <= Decimal::ONE || gap * dec!(4) <= k)
}

/// "1 h 30", "45 min", "2 h".
fn duration(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}\u{a0}min"),
        (h, 0) => format!("{h}\u{a0}h"),
        (h, m) => format!("{h}\u{a0}h\u{a0}{m:02}"),
    }
}

fn hours(x: Decimal) -> String {
    format!("{}\u{a0}h", number(x, 2))
}

/// Minutes as decimal hours ("1,75").
fn in_hours(minutes: i64) -> String {
    number(Decimal::from(minutes) / dec!(60), 4)
}

impl Exercise for ChargeDeTravail {
    fn id(&self) -> &'static str {
        "effort/charge-de-travail"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::variant("frequences", "période des fréquences de visite", VARIANTS),
            ParamSpec::integer("nb_a", "nombre de clients A", 1, 5000),
            ParamSpec::integer("nb_b", "nombre de clients B", 1, 5000),
            ParamSpec::integer("nb_c", "nombre de clients C", 1, 5000),
            ParamSpec::integer("nb_p", "nombre de prospects à visiter", 0, 5000),
            ParamSpec::integer(
                "freq_a",
                "visites par client A (par an ; par mois avec la variante mensuelles-a)",
                1,
                52,
            ),
            ParamSpec::integer("freq_b", "visites par client B et par an", 1, 52),
            ParamSpec::integer("freq_c", "visites par client C et par an", 1, 52),
            ParamSpec::integer("freq_p", "visites par prospect et par an", 1, 12),
            ParamSpec::integer("duree_a", "durée d'une visite A, en minutes", 5, 480),
            ParamSpec::integer("duree_b", "durée d'une visite B, en minutes", 5, 480),
            ParamSpec::integer("duree_c", "durée d'une visite C, en minutes", 5, 480),
            ParamSpec::integer(
                "duree_p",
                "durée d'une visite de prospection, en minutes",
                5,
                480,
            ),
            ParamSpec::integer(
                "deplacement",
                "temps de déplacement par visite, en minutes",
                0,
                240,
            ),
            ParamSpec::integer(
                "jours",
                "jours travaillés par commercial et par an",
                100,
                260,
            ),
            ParamSpec::decimal(
                "heures_jour",
                "heures de travail par jour",
                "1",
                "12",
                Unit::Number,
            ),
            ParamSpec::decimal(
                "part_terrain",
                "part du temps de travail consacrée aux visites",
                "1",
                "100",
                Unit::Percent,
            ),
            ParamSpec::decimal(
                "cout_commercial",
                "coût annuel complet d'un commercial (salaire chargé, véhicule, frais)",
                "1000",
                "1000000",
                Unit::Euros,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let scene = Scene::draw(d.rng());
        let b = scene.business;
        // The portfolio visited is the company's whole portfolio: only a company that
        // sells to businesses, with a portfolio its sales force can visit.
        if b.clientele != Clientele::Professionnels
            || b.customers_per_salesperson() > MAX_CUSTOMERS_PER_SALESPERSON
        {
            return Err(Degenerate(
                "portefeuille de particuliers ou trop grand pour des visites".into(),
            ));
        }
        let monthly = d.choice("frequences") == "mensuelles-a";
        let int = |d: &mut Draw, name: &'static str, lo: i64, hi: i64, step: i64| {
            let v = d.number(name, |r| Decimal::from(r.int(lo / step, hi / step) * step));
            i64::try_from(v).unwrap_or(0)
        };
        // The company's portfolio split like an ABC analysis: few A, many C.
        let portfolio = Decimal::from(b.clients);
        let share = |d: &mut Draw, name: &'static str, lo: i64, hi: i64| {
            let v = d.number(name, |r| {
                (portfolio * Decimal::from(r.int(lo, hi)) / dec!(100))
                    .round()
                    .max(Decimal::ONE)
            });
            i64::try_from(v).unwrap_or(1)
        };
        let nb_a = share(d, "nb_a", 10, 20);
        let nb_b = share(d, "nb_b", 25, 35);
        let nb_c = i64::try_from(d.number("nb_c", |_| {
            (portfolio - Decimal::from(nb_a + nb_b)).max(Decimal::ONE)
        }))
        .unwrap_or(1);
        let freq_a = if monthly {
            int(d, "freq_a", 1, 2, 1)
        } else {
            let v = d.number("freq_a", |r| {
                Decimal::from(*r.pick(&[8i64, 10, 12, 12, 24]))
            });
            i64::try_from(v).unwrap_or(1)
        };
        let freq_b = int(d, "freq_b", 4, 8, 1);
        let freq_c = int(d, "freq_c", 1, 4, 1);
        let freq_p = int(d, "freq_p", 1, 2, 1);
        let dur = [
            int(d, "duree_a", 60, 120, 15),
            int(d, "duree_b", 45, 90, 15),
            int(d, "duree_c", 30, 60, 15),
            int(d, "duree_p", 45, 90, 15),
        ];
        let travel = int(d, "deplacement", 30, 60, 15);
        let days = int(d, "jours", 205, 225, 1);
        let per_day = d.number("heures_jour", |r| Decimal::from(r.int(7, 8)));
        let field = d.number("part_terrain", |r| Decimal::from(r.int(12, 16) * 5));
        let cost = d.number("cout_commercial", |r| {
            r.decimal_step(dec!(42000), dec!(68000), dec!(500))
        });
        // The prospects fill the time the company's salespeople have left after their
        // customers, from a tenth of the portfolio to the whole of it.
        let avail_exact = available_hours(Decimal::from(days), per_day, field);
        let year_a = if monthly { freq_a * 12 } else { freq_a };
        let load =
            |n: i64, f: i64, minutes: i64| Decimal::from(n * f * (minutes + travel)) / dec!(60);
        let customers_load =
            load(nb_a, year_a, dur[0]) + load(nb_b, freq_b, dur[1]) + load(nb_c, freq_c, dur[2]);
        let per_prospect = load(1, freq_p, dur[3]);
        let fives = |x: Decimal| ((x / dec!(5)).round() * dec!(5)).max(dec!(5));
        let nb_p = i64::try_from(d.number("nb_p", |r| {
            let target = avail_exact * Decimal::from(b.commerciaux) * Decimal::from(r.int(75, 95))
                / dec!(100);
            fives((target - customers_load) / per_prospect)
                .clamp(fives(portfolio / dec!(10)), fives(portfolio))
        }))
        .unwrap_or(0);
        let nb = [nb_a, nb_b, nb_c, nb_p];
        let freq = [freq_a, freq_b, freq_c, freq_p];

        let yearly = |i: usize| {
            if i == 0 && monthly {
                Decimal::from(freq[0] * 12)
            } else {
                Decimal::from(freq[i])
            }
        };
        let classes: Vec<Class> = (0..4)
            .map(|i| Class {
                customers: nb[i],
                visits_per_year: yearly(i),
                visit_minutes: dur[i],
                travel_minutes: travel,
            })
            .collect();
        let visits = total_visits(&classes);
        let work = round_half_away(total_hours(&classes), 2);
        let avail = round_half_away(available_hours(Decimal::from(days), per_day, field), 2);
        let needed =
            salespeople(work, avail).ok_or_else(|| Degenerate("temps disponible nul".into()))?;
        // Drawn cases stay at the size of a BTS case; a teacher's own data may go beyond.
        let drawn = !self
            .params()
            .iter()
            .any(|p| p.name != "frequences" && d.is_fixed(p.name));
        if visits.is_zero() || (drawn && !near_sales_force(needed, b.commerciaux)) {
            return Err(Degenerate(
                "aucune visite, ou effectif loin de celui de l'entreprise".into(),
            ));
        }
        let raw = work / avail;
        let floor = raw.floor();
        let force_cost = needed * cost;
        let per_visit = round_cents(force_cost / visits);

        // Question 1: visits.
        let visit_terms: Vec<String> = (0..4)
            .map(|i| {
                let (_, k) = CLASSES[i];
                if i == 0 && monthly {
                    format!("nb_{k} * freq_{k} * 12")
                } else {
                    format!("nb_{k} * freq_{k}")
                }
            })
            .collect();
        let mut q_visits = Question::new(
            "visites",
            "nombre de visites annuelles",
            "Calculez le nombre total de visites à effectuer dans l'année.",
            visits,
            Unit::Number,
        )
        .formula(visit_terms.join(" + "));
        if monthly {
            q_visits = q_visits.mistake(
                visits - Decimal::from(nb[0] * freq[0] * 11),
                "frequence-mensuelle-non-annualisee",
                "La fréquence des clients A est mensuelle : multipliez-la par 12 pour obtenir des visites par an, comme pour les autres catégories.",
            );
        }
        let q_visits = q_visits
            .mistake(
                visits - classes[3].visits(),
                "prospects-oublies",
                "Les visites de prospection font partie de la charge de travail : ajoutez-les aux visites des clients.",
            )
            .step(visits_step(&classes, &freq, monthly, visits));

        // Question 2: hours.
        let hour_terms: Vec<String> = (0..4)
            .map(|i| {
                let (_, k) = CLASSES[i];
                let twelve = if i == 0 && monthly { " * 12" } else { "" };
                format!("nb_{k} * freq_{k}{twelve} * (duree_{k} + deplacement)")
            })
            .collect();
        let no_travel: Decimal = classes
            .iter()
            .map(|c| c.visits() * Decimal::from(c.visit_minutes) / dec!(60))
            .sum();
        let q_work = Question::new(
            "charge_heures",
            "charge de travail en heures",
            "Calculez la charge de travail annuelle en heures, temps de déplacement compris (arrondie au centième d'heure).",
            work,
            Unit::Number,
        )
        .tolerance(dec!(0.01))
        .formula(format!("arrondi(({}) / 60, 2)", hour_terms.join(" + ")))
        .mistake(
            round_half_away(no_travel, 2),
            "deplacement-oublie",
            "Chaque visite demande aussi un déplacement : temps par visite = durée de l'entretien + temps de déplacement.",
        )
        .mistake(
            work * dec!(60),
            "minutes-non-converties",
            "Ce résultat est en minutes : divisez par 60 pour exprimer la charge en heures.",
        )
        .step(work_step(&classes, work));

        // Question 3: field hours of one salesperson.
        let q_avail = Question::new(
            "heures_disponibles",
            "temps disponible d'un commercial",
            "Calculez le temps dont un commercial dispose chaque année pour les visites, en heures (arrondi au centième d'heure).",
            avail,
            Unit::Number,
        )
        .tolerance(dec!(0.01))
        .formula("arrondi(jours * heures_jour * part_terrain / 100, 2)")
        .mistake(
            Decimal::from(days) * per_day,
            "part-terrain-oubliee",
            "Un commercial ne consacre pas tout son temps aux visites : multipliez le temps de travail par la part consacrée au terrain.",
        )
        .mistake(
            round_half_away(Decimal::from(days) * per_day * (dec!(100) - field) / dec!(100), 2),
            "part-terrain-inversee",
            "Vous avez retenu la part du temps passée hors du terrain : multipliez par la part consacrée aux visites.",
        )
        .step(format!(
            "Temps disponible = jours travaillés × heures par jour × part de terrain = {days} × {} × {} = **{}**.",
            number(per_day, 2),
            percent(field),
            hours(avail)
        ));

        // Question 4: salespeople.
        let q_people = Question::new(
            "commerciaux",
            "nombre de commerciaux",
            "Combien de commerciaux faut-il ? (Un effectif se compte en personnes entières.)",
            needed,
            Unit::Number,
        )
        .formula("arrondi_sup(charge_heures / heures_disponibles)")
        .mistake(
            floor,
            "effectif-arrondi-inferieur",
            "Avec l'entier inférieur, une partie de la charge n'est pas couverte : l'effectif s'arrondit toujours à l'entier supérieur.",
        )
        .mistake(
            round_half_away(raw, 2),
            "effectif-non-arrondi",
            "On n'embauche pas une fraction de commercial : arrondissez le résultat à l'entier supérieur.",
        )
        .step(format!(
            "Nombre de commerciaux = charge de travail / temps disponible d'un commercial = {} / {} ≈ {}, \
             arrondi à l'entier **supérieur** (sinon une partie de la charge n'est pas couverte) : **{} commerciaux**.",
            hours(work),
            hours(avail),
            number(raw, 2),
            number(needed, 0)
        ));

        // Question 5: cost of the sales force.
        let q_cost = Question::new(
            "cout_force_vente",
            "coût de la force de vente",
            "Calculez le coût annuel de la force de vente.",
            force_cost,
            Unit::Euros,
        )
        .formula("commerciaux * cout_commercial")
        .mistake(
            round_cents(raw * cost),
            "effectif-non-arrondi",
            "Le coût se calcule sur l'effectif réel, en personnes entières (arrondi à l'entier supérieur), pas sur le résultat décimal.",
        )
        .mistake(
            floor * cost,
            "effectif-arrondi-inferieur",
            "L'effectif nécessaire s'arrondit à l'entier supérieur : c'est lui qui fixe le coût de la force de vente.",
        )
        .step(format!(
            "Coût de la force de vente = nombre de commerciaux × coût annuel d'un commercial = {} × {} = **{}**.",
            number(needed, 0),
            euros(cost),
            euros(force_cost)
        ));

        // Question 6: cost of one visit.
        let q_visit = Question::new(
            "cout_visite",
            "coût moyen d'une visite",
            "Calculez le coût moyen d'une visite (arrondi au centime).",
            per_visit,
            Unit::Euros,
        )
        .formula("arrondi2(cout_force_vente / visites)")
        .mistake(
            round_cents(force_cost / work),
            "cout-par-heure",
            "Ce résultat est un coût par heure de visite : divisez le coût de la force de vente par le nombre de visites.",
        )
        .mistake(
            round_cents(cost / visits),
            "cout-d-un-seul-commercial",
            "Toutes les visites sont réalisées par l'ensemble des commerciaux : divisez le coût de toute la force de vente, pas celui d'un seul commercial.",
        )
        .step(format!(
            "Coût moyen d'une visite = coût de la force de vente / nombre de visites = {} / {} = **{}** (arrondi au centime).",
            euros(force_cost),
            number(visits, 0),
            euros(per_visit)
        ));

        let s = &scene;
        let freq_cell = |i: usize| {
            if i == 0 && monthly {
                format!("{} par mois", freq[0])
            } else {
                format!("{} par an", freq[i])
            }
        };
        let mut table = String::from(
            "| Catégorie | Nombre | Fréquence de visite | Durée d'une visite |\n|---|---:|---:|---:|\n",
        );
        for (i, (label, _)) in CLASSES.iter().enumerate() {
            table += &format!(
                "| {label} | {} | {} | {} |\n",
                nb[i],
                freq_cell(i),
                duration(dur[i])
            );
        }
        let statement = format!(
            "{} réorganise son équipe commerciale. {} {}, responsable des ventes, vous demande d'évaluer par la méthode de la charge de travail \
             l'effectif nécessaire pour suivre le portefeuille et la prospection de l'an prochain.\n\n{table}\n\
             Chaque visite demande en outre {} de déplacement en moyenne. Un commercial travaille {days} jours par an, {} heures par jour, \
             et consacre {} de son temps aux visites (le reste va aux réunions, à la préparation et aux tâches administratives). \
             Le coût annuel complet d'un commercial (salaire chargé, véhicule, frais) est de {}.\n\n\
             **Conventions.** L'effectif se compte en personnes entières, arrondi à l'entier supérieur. \
             Arrondissez le temps disponible au centième d'heure et le coût d'une visite au centime.",
            crate::text::capitalise(s.seller()),
            s.contact.prenom,
            s.contact.nom,
            duration(travel),
            number(per_day, 2),
            percent(field),
            euros(cost),
        );
        let spare = needed * avail - work;
        Ok(Content {
            statement,
            questions: vec![q_visits, q_work, q_avail, q_people, q_cost, q_visit],
            solution_intro: "*Durées converties en heures décimales (45 min = 0,75 h) ; effectif arrondi à l'entier supérieur ; \
                             temps disponible arrondi au centième d'heure, coût d'une visite au centime.*"
                .to_string(),
            solution_outro: format!(
                "*À retenir :* {} commerciaux disposeront de {} × {} = {} pour {} de charge, soit {} de réserve (nouveaux clients, absences). \
                 Si l'effectif théorique dépasse à peine un entier, on peut aussi alléger la charge (clients C suivis par téléphone, tournées mieux organisées) plutôt que d'embaucher.",
                number(needed, 0),
                number(needed, 0),
                hours(avail),
                hours(needed * avail),
                hours(work),
                hours(spare)
            ),
        })
    }
}

fn visits_step(classes: &[Class], freq: &[i64; 4], monthly: bool, total: Decimal) -> String {
    let mut s =
        String::from("Visites d'une catégorie = fréquence annuelle × nombre de clients.\n\n");
    let mut parts = Vec::new();
    for (i, c) in classes.iter().enumerate() {
        let f = if i == 0 && monthly {
            format!("{} × 12", freq[0])
        } else {
            number(c.visits_per_year, 2)
        };
        s += &format!(
            "- {} : {f} × {} = {} visites\n",
            CLASSES[i].0,
            c.customers,
            number(c.visits(), 0)
        );
        parts.push(number(c.visits(), 0));
    }
    s += &format!(
        "\nTotal : {} = **{} visites**.",
        parts.join(" + "),
        number(total, 0)
    );
    if monthly {
        s += " La fréquence des clients A, donnée par mois, est multipliée par 12.";
    }
    s
}

fn work_step(classes: &[Class], total: Decimal) -> String {
    let mut s = String::from(
        "Charge = visites × (durée de la visite + déplacement), en heures décimales.\n\n\
         | Catégorie | Visites | Temps par visite | Charge |\n|---|---:|---:|---:|\n",
    );
    for (i, c) in classes.iter().enumerate() {
        s += &format!(
            "| {} | {} | {} + {} = {} | {} |\n",
            CLASSES[i].0,
            number(c.visits(), 0),
            in_hours(c.visit_minutes),
            in_hours(c.travel_minutes),
            hours(Decimal::from(c.visit_minutes + c.travel_minutes) / dec!(60)),
            hours(c.hours())
        );
    }
    s += &format!("| **Total** | | | **{}** |", hours(total));
    s
}

#[cfg(test)]
mod tests {
    use crate::exercises::valeur::potentiel::probe::{business, instance, param};
    use crate::generate::generate;
    use rust_decimal::Decimal;
    use std::collections::BTreeMap;

    #[test]
    fn the_portfolio_is_the_company_s_and_its_sales_force_fits() {
        let mut seen = 0;
        for seed in 0..500 {
            let Some(inst) = instance("effort/charge-de-travail", seed) else {
                continue;
            };
            seen += 1;
            let b = business(&inst);
            let [a, bb, c, p] = ["nb_a", "nb_b", "nb_c", "nb_p"].map(|n| param(&inst, n));
            assert_eq!(a + bb + c, Decimal::from(b.clients), "{}", inst.code);
            assert!(a < bb && bb < c, "{}: {a} / {bb} / {c}", inst.code);
            assert!(
                p * Decimal::TEN >= Decimal::from(b.clients) - Decimal::from(50),
                "{}",
                inst.code
            );
            assert!(
                p <= Decimal::from(b.clients) + Decimal::from(5),
                "{}",
                inst.code
            );
            let needed = inst.question("commerciaux").expect("question").answer;
            assert!(
                super::near_sales_force(needed, b.commerciaux),
                "{}: {needed} pour {}",
                inst.code,
                b.commerciaux
            );
        }
        assert!(seen >= 450, "{seen} instances sur 500");
    }

    #[test]
    fn fixed_counts_still_make_an_exercise() {
        let set: BTreeMap<String, String> = [("nb_a", "7"), ("nb_b", "10"), ("nb_c", "18")]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .into();
        for seed in 0..20 {
            let inst = generate("effort/charge-de-travail", seed, &set).expect("exercise");
            assert_eq!(param(&inst, "nb_a"), Decimal::from(7));
        }
    }
}

//! Grading fidelity (issue #17): the verdicts a fair teacher gives, on the codes the
//! issue quotes (version-1 codes printed on sheets, graded with the current rules).

use clientele::catalog::catalog;
use clientele::code;
use clientele::correct::{correct, Report, Verdict};
use clientele::exercises;
use clientele::generate::generate_with;
use clientele::model::{Instance, Params};
use std::collections::BTreeMap;

/// The instance a printed code stands for, as `clientele correct CODE` regenerates it.
fn instance(text: &str) -> Instance {
    let c = code::decode(text).unwrap();
    let entry = catalog().find_by_prefix(&c.prefix).unwrap();
    let ex = exercises::find_version(&entry.id, c.version).unwrap();
    generate_with(entry, ex, c.seed, &Params::new()).unwrap()
}

fn mark(inst: &Instance, answers: &[(&str, &str)]) -> Report {
    let answers: BTreeMap<String, String> = answers
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    correct(inst, &answers)
}

fn verdicts(r: &Report) -> Vec<Verdict> {
    r.results.iter().map(|r| r.verdict).collect()
}

/// Issue #17, case 1: a step within tolerance no longer breaks the chain. The student's
/// 0,98 € (true 0,99 €, accepted) is what the last step must be checked against.
#[test]
fn mrg_11_credits_the_last_step_from_the_students_own_margin() {
    let inst = instance("MRG-11");
    let r = mark(
        &inst,
        &[
            ("prix_vente_ht", "9,83 €"),
            ("cout_achat", "8,85 €"),
            ("marge", "0,98 €"),
            ("taux_marge", "11,07 %"),
        ],
    );
    use Verdict::*;
    assert_eq!(
        verdicts(&r),
        [Wrong, CarriedForward, Correct, CarriedForward]
    );
    assert_eq!(r.score, 3.into());
}

/// Issue #17, case 4: « à 0,0001 près » accepts half a unit of the fourth decimal.
#[test]
fn mrg_22_grades_the_coefficient_to_the_precision_asked() {
    let inst = instance("MRG-22");
    let q = inst.question("coefficient_multiplicateur").unwrap();
    assert_eq!(q.answer.to_string(), "1.5001", "the issue's case");
    let verdict =
        |typed: &str| mark(&inst, &[("coefficient_multiplicateur", typed)]).results[4].verdict;
    for refused in ["1,51", "1,5", "1,49", "1,5002"] {
        assert_eq!(verdict(refused), Verdict::Wrong, "{refused}");
    }
    for accepted in ["1,5001", "1,50010", "1,50005"] {
        assert_eq!(verdict(accepted), Verdict::Correct, "{accepted}");
    }
}

/// Issue #17, case 4: « à 0,01 année près ».
#[test]
fn cec_11_grades_the_payback_to_the_hundredth_of_a_year() {
    let inst = instance("CEC-11");
    let (k, q) = inst
        .questions
        .iter()
        .enumerate()
        .find(|(_, q)| q.key == "delai_recuperation")
        .unwrap();
    assert_eq!(k, 5, "question 6");
    assert_eq!(q.answer.to_string(), "1.20", "the issue's case");
    let verdict = |typed: &str| mark(&inst, &[(q.key, typed)]).results[k].verdict;
    assert_eq!(verdict("1,21"), Verdict::Wrong);
    assert_eq!(verdict("1,19"), Verdict::Wrong);
    assert_eq!(verdict("1,2"), Verdict::Correct);
}

/// Version 2 declares the tolerance the marker applies: the JSON and the book say what
/// is graded.
#[test]
fn version_2_tolerances_are_those_the_marker_applies() {
    for e in exercises::ALL {
        let entry = catalog().find(e.id()).unwrap();
        for seed in 1..=40 {
            let inst = generate_with(entry, *e, seed, &Params::new()).unwrap();
            for q in &inst.questions {
                assert_eq!(
                    q.tolerance,
                    q.grading_tolerance(),
                    "{} {}",
                    inst.code,
                    q.key
                );
            }
        }
    }
}

/// Issue #17, case 5: the words of the question after the number.
#[test]
fn sr_11_reads_boxes_after_the_number() {
    let inst = instance("SR-11");
    let k = inst
        .questions
        .iter()
        .position(|q| q.key == "sr_quantite")
        .unwrap();
    assert_eq!(inst.questions[k].answer.to_string(), "69481");
    let r = mark(&inst, &[("sr_quantite", "69 481 boîtes")]);
    assert_eq!(r.results[k].verdict, Verdict::Correct);
}

/// Issue #17, case 6: a break-even computed with the taux de marge sur coût variable
/// rounded to 0,01 % (as the question asks it, and as many textbooks do) is right.
#[test]
fn sr_11_accepts_the_break_even_from_the_rounded_rate() {
    let inst = instance("SR-11");
    let taux = inst.question("taux_mcv").unwrap().answer;
    let fixed = clientele::num::format::number(taux, 2);
    let k = inst
        .questions
        .iter()
        .position(|q| q.key == "sr_valeur")
        .unwrap();
    let r = mark(
        &inst,
        &[
            ("taux_mcv", &format!("{fixed} %")),
            ("sr_valeur", "686 475,91 €"),
        ],
    );
    assert_eq!(r.results[k].verdict, Verdict::Correct, "{:?}", r.results[k]);
    let note = r.results[k].diagnosis.as_ref().map(|d| d.note.as_str());
    assert_eq!(note, Some(clientele::correct::INTERMEDIATE_ROUNDING));
    assert_eq!(
        inst.questions[k].answer.to_string(),
        "686464.36",
        "exact, 11 € away"
    );
}

// ------------------------------------------------------------ properties over every type
//
// `CLIENTELE_GRADING_SEEDS=500 cargo test --release --test grading` (CI); 30 seeds a type
// in a debug `cargo test`.

use clientele::expr::Expr;
use clientele::model::Question;
use rust_decimal::Decimal;

fn seeds() -> u64 {
    std::env::var("CLIENTELE_GRADING_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30)
}

fn instances() -> impl Iterator<Item = Instance> {
    exercises::ALL.iter().flat_map(|e| {
        let entry = catalog().find(e.id()).unwrap();
        (1..=seeds()).map(move |seed| generate_with(entry, *e, seed, &Params::new()).unwrap())
    })
}

/// A decimal as typed in a file ("1234.5" reads the same in French).
fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

fn numeric(q: &Question) -> bool {
    q.check.is_none()
}

/// (a) The expected answers, typed plainly, earn every point.
#[test]
fn expected_answers_score_full_marks() {
    for inst in instances() {
        let answers: BTreeMap<String, String> = inst
            .questions
            .iter()
            .filter(|q| numeric(q))
            .map(|q| (q.key.to_string(), plain(q.answer)))
            .collect();
        let r = correct(&inst, &answers);
        for (q, res) in inst.questions.iter().zip(&r.results) {
            if numeric(q) {
                assert_eq!(res.verdict, Verdict::Correct, "{} {}", inst.code, q.key);
            }
        }
    }
}

/// (c) A value at the edge of the tolerance is accepted; one just past it is not.
#[test]
fn the_edge_of_the_tolerance_is_where_it_says() {
    let past = Decimal::new(1, 9);
    for inst in instances() {
        for (k, q) in inst
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| numeric(q))
        {
            let t = q.tolerance;
            // A mistake or an accepted value next to the edge would rightly change the verdict.
            let near = |x: Decimal| (x - q.answer).abs() <= t * Decimal::TWO + past;
            if q.accepted.iter().any(|a| near(a.answer)) {
                continue;
            }
            for sign in [Decimal::ONE, Decimal::NEGATIVE_ONE] {
                let edge = q.answer + sign * t;
                let r = mark(&inst, &[(q.key, &plain(edge))]);
                assert_eq!(
                    r.results[k].verdict,
                    Verdict::Correct,
                    "{} {} {edge}",
                    inst.code,
                    q.key
                );
                let beyond = edge + sign * past;
                let r = mark(&inst, &[(q.key, &plain(beyond))]);
                assert_eq!(
                    r.results[k].verdict,
                    Verdict::Wrong,
                    "{} {} {beyond}",
                    inst.code,
                    q.key
                );
            }
        }
    }
}

/// (b) A wrong value at one step, then every later step computed from the student's own
/// answers by its formula: each later step that uses the wrong value (directly or
/// through another step) is « juste par report », every other one is right.
#[test]
fn one_wrong_step_costs_one_step() {
    let mut chains = 0;
    for inst in instances() {
        let params: BTreeMap<String, Decimal> = inst
            .params
            .iter()
            .filter_map(|(k, v)| v.as_number().map(|d| (k.to_string(), d)))
            .collect();
        for (k, q) in inst
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| numeric(q))
        {
            // A wrong value well away from the answer, the listed mistakes and zero.
            let wrong = q.answer + Decimal::from(7) * q.tolerance.max(Decimal::ONE) + Decimal::ONE;
            let mut own: BTreeMap<String, Decimal> = params.clone();
            for later in &inst.questions {
                own.insert(later.key.to_string(), later.answer);
            }
            own.insert(q.key.to_string(), wrong);
            let mut typed: Vec<(String, String)> = vec![(q.key.to_string(), plain(wrong))];
            let mut tainted = vec![q.key.to_string()];
            let mut expect: Vec<(usize, bool)> = Vec::new();
            let mut consistent = true;
            for (j, later) in inst
                .questions
                .iter()
                .enumerate()
                .skip(k + 1)
                .filter(|(_, q)| numeric(q))
            {
                let value = match later.formula.as_deref().map(Expr::parse) {
                    Some(Ok(expr)) => {
                        let uses = expr.variables().iter().any(|v| tainted.contains(v));
                        match expr.eval(&|n| own.get(n).copied()) {
                            Ok(v) if uses => {
                                tainted.push(later.key.to_string());
                                expect.push((j, true));
                                v
                            }
                            Ok(_) => {
                                expect.push((j, false));
                                later.answer
                            }
                            Err(_) => {
                                consistent = false;
                                break;
                            }
                        }
                    }
                    _ => {
                        expect.push((j, false));
                        later.answer
                    }
                };
                own.insert(later.key.to_string(), value);
                typed.push((later.key.to_string(), plain(value)));
            }
            if !consistent {
                continue;
            }
            let typed: Vec<(&str, &str)> = typed
                .iter()
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            let r = mark(&inst, &typed);
            for (j, carried) in expect {
                let got = r.results[j].verdict;
                let later = &inst.questions[j];
                let ok = if carried {
                    // Recomputed from a wrong value, it may still land on the answer.
                    matches!(got, Verdict::CarriedForward | Verdict::Correct)
                } else {
                    got == Verdict::Correct
                };
                assert!(
                    ok,
                    "{}: {} wrong ({}) → {} typed {:?}: {:?} ({:?})",
                    inst.code,
                    q.key,
                    plain(wrong),
                    later.key,
                    r.results[j].typed,
                    got,
                    r.results[j].message
                );
                chains += usize::from(carried);
            }
        }
    }
    assert!(chains > 0);
}

//! Moodle XML and GIFT exports, parsed back and checked against the generator.

use clientele::exercises::ALL;
use clientele::generate::generate;
use clientele::model::Instance;
use clientele::render::moodle::{self, Category};
use quick_xml::events::Event;
use quick_xml::Reader;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::process::Command;
use std::str::FromStr;

#[derive(Debug, Default, Clone)]
struct XmlQuestion {
    kind: String,
    texts: BTreeMap<String, String>,
}

/// Every `<question>` of a Moodle XML file with the unescaped `<text>` of each child.
/// Panics if the XML is not well-formed.
fn parse(xml: &str) -> Vec<XmlQuestion> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut out = Vec::new();
    let mut current: Option<XmlQuestion> = None;
    let mut stack: Vec<String> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                if name == "question" {
                    let kind = e
                        .try_get_attribute("type")
                        .unwrap()
                        .map(|a| a.value.to_string())
                        .unwrap_or_default();
                    current = Some(XmlQuestion {
                        kind,
                        ..Default::default()
                    });
                    stack.push(name);
                } else if name == "text" {
                    let raw = reader.read_text(e.name()).unwrap();
                    let text = quick_xml::escape::unescape(&raw).unwrap().into_owned();
                    let parent = stack.last().cloned().unwrap_or_default();
                    current.as_mut().unwrap().texts.insert(parent, text);
                } else {
                    let raw_is_leaf = matches!(name.as_str(), "penalty" | "hidden" | "idnumber");
                    if raw_is_leaf {
                        let raw = reader.read_text(e.name()).unwrap();
                        current
                            .as_mut()
                            .unwrap()
                            .texts
                            .insert(name, raw.to_string());
                    } else {
                        stack.push(name);
                    }
                }
            }
            Event::End(e) => {
                let name = e.name().as_ref().to_string();
                assert_eq!(stack.pop().as_deref(), Some(name.as_str()));
                if name == "question" {
                    out.push(current.take().unwrap());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[derive(Debug, PartialEq)]
struct Alt {
    fraction: String,
    answer: Decimal,
    tolerance: Decimal,
    feedback: String,
}

#[derive(Debug)]
struct Field {
    weight: Decimal,
    alts: Vec<Alt>,
}

/// Splits on `sep` where it is not escaped by a backslash.
fn split_unescaped(s: &str, sep: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            parts.last_mut().unwrap().push(c);
            if let Some(n) = chars.next() {
                parts.last_mut().unwrap().push(n);
            }
        } else if c == sep {
            parts.push(String::new());
        } else {
            parts.last_mut().unwrap().push(c);
        }
    }
    parts
}

/// The inverse of the documented Cloze escaping, then of the HTML escaping of feedback.
fn unescape_feedback(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(chars.next().expect("dangling backslash"));
        } else {
            out.push(c);
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The NUMERICAL fields of a Cloze question text, in order.
fn fields(text: &str) -> Vec<Field> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
        let Some(body) = after[digits.len()..].strip_prefix(":NUMERICAL:") else {
            rest = after;
            continue;
        };
        // The field ends at the first `}` not escaped.
        let mut end = None;
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '}') => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let end = end.expect("unterminated Cloze field");
        let alts = split_unescaped(&body[..end], '~')
            .into_iter()
            .map(|alt| {
                let (fraction, rest) = if let Some(r) = alt.strip_prefix('=') {
                    ("100".to_string(), r.to_string())
                } else {
                    let r = alt.strip_prefix('%').expect("fraction");
                    let (f, r) = r.split_once('%').unwrap();
                    (f.to_string(), r.to_string())
                };
                let parts = split_unescaped(&rest, '#');
                assert_eq!(parts.len(), 2, "answer#feedback in {alt}");
                let (a, t) = parts[0].split_once(':').expect("answer:tolerance");
                assert!(!a.contains(','), "decimal point, not comma: {a}");
                Alt {
                    fraction,
                    answer: Decimal::from_str(a).unwrap(),
                    tolerance: Decimal::from_str(t).unwrap(),
                    feedback: unescape_feedback(&parts[1]),
                }
            })
            .collect();
        out.push(Field {
            weight: Decimal::from_str(&digits).unwrap(),
            alts,
        });
        rest = &body[end + 1..];
    }
    out
}

fn check_against(inst: &Instance, q: &XmlQuestion) {
    assert_eq!(q.kind, "cloze");
    assert_eq!(q.texts["name"], format!("{} — {}", inst.code, inst.title));
    assert_eq!(q.texts["idnumber"], inst.code);
    let fs = fields(&q.texts["questiontext"]);
    assert_eq!(fs.len(), inst.questions.len(), "{}", inst.code);
    // Weights are the points up to one common factor.
    let factor = fs[0].weight / inst.questions[0].points;
    for (f, question) in fs.iter().zip(&inst.questions) {
        assert_eq!(
            f.weight,
            question.points * factor,
            "{} {}",
            inst.code,
            question.key
        );
        let right = &f.alts[0];
        assert_eq!(right.fraction, "100");
        assert_eq!(
            right.answer, question.answer,
            "{} {}",
            inst.code, question.key
        );
        assert_eq!(right.tolerance, question.tolerance);
        for m in &question.mistakes {
            let alt = f
                .alts
                .iter()
                .find(|a| a.answer == m.answer && a.fraction == "0")
                .unwrap_or_else(|| {
                    panic!("{} {}: mistake {} missing", inst.code, question.key, m.note)
                });
            assert_eq!(alt.tolerance, question.tolerance);
            assert_eq!(alt.feedback, format!("[{}] {}", m.note, m.message));
        }
        // Nothing but the known mistakes (and a rate typed as a fraction) scores 0 %.
        let extra = f.alts.len() - 1 - question.mistakes.len();
        assert!(extra <= 1);
        if extra == 1 {
            assert!(f
                .alts
                .last()
                .unwrap()
                .feedback
                .starts_with("[taux-non-exprime-en-pourcent]"));
            assert_eq!(
                f.alts.last().unwrap().answer,
                question.answer / Decimal::ONE_HUNDRED
            );
        }
    }
    assert_eq!(
        q.texts["generalfeedback"],
        clientele::render::html::markdown(&inst.solution)
    );
}

#[test]
fn every_type_round_trips_through_moodle_xml() {
    let lists: Vec<(String, Vec<Instance>)> = ALL
        .iter()
        .filter(|ex| {
            moodle::check_exportable(&generate(ex.id(), 1, &BTreeMap::new()).unwrap()).is_ok()
        })
        .map(|ex| {
            let list = (1..=12)
                .map(|s| generate(ex.id(), s, &BTreeMap::new()).unwrap())
                .collect();
            (format!("clientele/{}", ex.id()), list)
        })
        .collect();
    let cats: Vec<Category> = lists
        .iter()
        .map(|(path, list)| Category {
            path: path.clone(),
            instances: list,
        })
        .collect();
    let xml = moodle::quiz(&cats);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    let qs = parse(&xml);
    let mut i = 0;
    for (path, list) in &lists {
        assert_eq!(qs[i].kind, "category");
        assert_eq!(qs[i].texts["category"], format!("$course$/top/{path}"));
        i += 1;
        for inst in list {
            check_against(inst, &qs[i]);
            i += 1;
        }
    }
    assert_eq!(i, qs.len());
}

#[test]
fn fractional_points_become_integer_weights() {
    let mut inst = generate("prix/tva", 3, &BTreeMap::new()).unwrap();
    inst.questions[0].points = Decimal::new(15, 1);
    let xml = moodle::quiz(&[Category {
        path: "x".into(),
        instances: std::slice::from_ref(&inst),
    }]);
    let qs = parse(&xml);
    let fs = fields(&qs[1].texts["questiontext"]);
    assert_eq!(fs[0].weight, Decimal::from(3));
    assert_eq!(fs[1].weight, Decimal::from(2));
    check_against(&inst, &qs[1]);
}

#[test]
fn cloze_feedback_escapes_the_documented_characters() {
    assert_eq!(
        moodle::escape_cloze(r#"a}b#c~d/e"f\g"#),
        r#"a\}b\#c\~d\/e\"f\\g"#
    );
    assert_eq!(
        unescape_feedback(&moodle::escape_cloze(r#"}#~/"\"#)),
        r#"}#~/"\"#
    );
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_clientele"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn generate_format_moodle_matches_the_generator() {
    let o = run(&[
        "generate",
        "prix/net-a-payer",
        "--seed",
        "5",
        "--count",
        "4",
        "--format",
        "moodle",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let qs = parse(&String::from_utf8(o.stdout).unwrap());
    assert_eq!(qs.len(), 5);
    assert_eq!(
        qs[0].texts["category"],
        "$course$/top/clientele/prix/net-a-payer"
    );
    for (s, q) in (5..9).zip(&qs[1..]) {
        check_against(
            &generate("prix/net-a-payer", s, &BTreeMap::new()).unwrap(),
            q,
        );
    }
    let o = run(&[
        "generate",
        "prix/tva",
        "--format",
        "moodle",
        "--sans-corrige",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn devoir_moodle_has_one_category_per_exercise() {
    let sheet = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/devoir/feuille.toml"
    );
    let o = run(&["devoir", "moodle", sheet, "--variantes", "3"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let qs = parse(&String::from_utf8(o.stdout).unwrap());
    assert_eq!(qs.len(), 3 * 4);
    let cats: Vec<&str> = qs
        .iter()
        .filter(|q| q.kind == "category")
        .map(|q| q.texts["category"].as_str())
        .collect();
    assert_eq!(cats.len(), 3);
    assert!(cats[0].starts_with("$course$/top/Devoir n° 2 — Prix, TVA et règlements/Exercice 1 — "));
    // The sheet's barème is kept: tva_collectee on 1,5 points, the others on 1.
    let text = std::fs::read_to_string(sheet).unwrap();
    let s = clientele::devoir::sheet::Sheet::parse("f", &text).unwrap();
    let variants = s.variants(3).unwrap();
    for (v, q) in variants.iter().zip(&qs[5..8]) {
        check_against(&v[1], q);
    }
    assert_eq!(
        fields(&qs[5].texts["questiontext"])[0].weight,
        Decimal::from(3)
    );
}

#[test]
fn gift_has_one_numerical_question_per_step() {
    let o = run(&["generate", "prix/tva", "--seed", "2", "--format", "gift"]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    let inst = generate("prix/tva", 2, &BTreeMap::new()).unwrap();
    assert!(text.contains("$CATEGORY: $course$/top/clientele/prix/tva"));
    // One question per step, blank-line separated, no blank line inside a question.
    let questions: Vec<&str> = text.split("\n\n").filter(|b| b.starts_with("::")).collect();
    assert_eq!(questions.len(), inst.questions.len());
    for (block, q) in questions.iter().zip(&inst.questions) {
        let answer = format!(
            "{{#=%100%{}:{}#Juste.",
            q.answer.normalize(),
            q.tolerance.normalize()
        );
        assert!(block.contains(&answer), "{block}");
        for m in &q.mistakes {
            assert!(block.contains(&format!("=%0%{}:", m.answer.normalize())));
        }
        assert!(block.contains(" ####"), "general feedback");
        assert!(!block.trim_end().contains('\n'));
    }
}

#[test]
fn gift_escapes_its_special_characters() {
    use clientele::render::gift::escape_gift;
    assert_eq!(escape_gift(r"a~b=c#d{e}f:g\h"), r"a\~b\=c\#d\{e\}f\:g\\h");
    assert_eq!(escape_gift("1 234,56 € ; 12,5 %"), "1 234,56 € ; 12,5 %");
}

#[test]
fn sql_and_schema_questions_are_refused_clearly() {
    for format in ["moodle", "gift"] {
        for id in ["sql/requete", "sql/fiabilisation", "sql/conception"] {
            let out = run(&["generate", id, "--seed", "1", "--format", format]);
            assert!(!out.status.success(), "{id} {format}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("que Moodle ne sait pas corriger"),
                "{id} {format}: {err}"
            );
            assert!(out.stdout.is_empty(), "{id} {format}: rien n'est écrit");
        }
    }
    // The numeric types still export.
    let ok = run(&["generate", "prix/tva", "--seed", "1", "--format", "moodle"]);
    assert!(ok.status.success());
}

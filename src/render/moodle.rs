//! Moodle XML (question bank import): each instance becomes an « Embedded answers
//! (Cloze) » question whose sub-questions are NUMERICAL fields.
//!
//! A field is `{W:NUMERICAL:=ANSWER:TOLERANCE#feedback~%0%MISTAKE:TOLERANCE#message…}`:
//! `W` is an integer weight (Moodle's parser accepts digits only, so fractional points
//! are scaled to integers; the question's default mark keeps the real total), numbers
//! use a decimal point (what Moodle's parser and `is_valid_number` expect; students may
//! still type the decimal comma of a French site), each known mistake is a 0 % answer
//! with its message, and the worked solution is the general feedback. Inside feedback,
//! `}`, `#`, `~`, `/`, `"` and `\` are escaped with a backslash, as Moodle's Cloze
//! documentation asks. The XML itself is written by quick-xml, which escapes `&`, `<`
//! and `>`.

use crate::correct::RATE_AS_FRACTION;
use crate::model::{Instance, Question, Unit};
use crate::num::format;
use crate::render::html::{escape as html_escape, markdown};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use rust_decimal::Decimal;

/// A category of the question bank and its questions.
pub struct Category<'a> {
    /// Path below the course's top category, `/`-separated.
    pub path: String,
    pub instances: &'a [Instance],
}

/// Moodle only marks numbers: a question answered by an SQL query or a schema is marked
/// by running it (`clientele correct`), which a question bank cannot do. Such an
/// instance is refused rather than exported with a meaningless numeric field.
pub fn check_exportable(inst: &Instance) -> Result<(), String> {
    match inst.questions.iter().find(|q| q.check.is_some()) {
        Some(q) => Err(format!(
            "{} : la question « {} » attend une requête SQL ou un schéma, que Moodle ne sait pas corriger (clientele exécute la requête pour la noter). Corrigez ce type avec clientele correct ou clientele devoir corriger.",
            inst.id, q.label
        )),
        None => Ok(()),
    }
}

/// Escapes Cloze's special characters with a backslash.
pub fn escape_cloze(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(c, '}' | '#' | '~' | '/' | '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// HTML-escapes feedback without numeric entities (their `#` would need escaping too).
fn feedback(s: &str) -> String {
    escape_cloze(
        &s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;"),
    )
}

/// A decimal as Moodle reads it: point as separator, no exponent, no trailing zeros.
pub fn number(d: Decimal) -> String {
    d.normalize().to_string()
}

/// The smallest multiplier among usual ones that makes every weight an integer.
fn weight_factor(points: &[Decimal]) -> Decimal {
    for f in [1u32, 2, 4, 5, 10, 20, 25, 50, 100] {
        let f = Decimal::from(f);
        if points.iter().all(|p| (p * f).fract().is_zero()) {
            return f;
        }
    }
    Decimal::ONE_HUNDRED
}

/// The known wrong values worth a 0 % answer: the question's mistakes and, for a rate,
/// the rate typed as a fraction (as `clientele correct` diagnoses it).
fn wrong_answers(q: &Question) -> Vec<(Decimal, Decimal, String)> {
    let mut out: Vec<(Decimal, Decimal, String)> = q
        .mistakes
        .iter()
        .map(|m| {
            (
                m.answer,
                q.grading_tolerance(),
                format!("[{}] {}", m.note, m.message),
            )
        })
        .collect();
    if q.unit == Unit::Percent {
        let v = q.answer / Decimal::ONE_HUNDRED;
        let tol = q.grading_tolerance() / Decimal::ONE_HUNDRED;
        let clash = |x: Decimal| (x - v).abs() <= (q.grading_tolerance() + tol) * Decimal::TWO;
        if !clash(q.answer) && !out.iter().any(|(a, _, _)| clash(*a)) {
            out.push((
                v,
                tol,
                format!(
                    "[{RATE_AS_FRACTION}] Un taux est attendu en % : {} correspond à {}. Multipliez par 100.",
                    format::number(v, 6),
                    format::percent(q.answer)
                ),
            ));
        }
    }
    out
}

/// The Cloze field of one question.
pub fn field(q: &Question, weight: Decimal) -> String {
    let mut s = format!(
        "{{{}:NUMERICAL:={}:{}#{}",
        weight.normalize(),
        number(q.answer),
        number(q.grading_tolerance()),
        feedback("Juste.")
    );
    for (v, tol, msg) in wrong_answers(q) {
        s.push_str(&format!(
            "~%0%{}:{}#{}",
            number(v),
            number(tol),
            feedback(&msg)
        ));
    }
    s.push('}');
    s
}

fn unit_after(u: Unit) -> &'static str {
    match u {
        Unit::Euros => "\u{a0}€",
        Unit::Percent => "\u{a0}%",
        Unit::Days => "\u{a0}jours",
        Unit::Coefficient | Unit::Number => "",
    }
}

/// The question text: statement, then each question with its field.
pub fn question_text(inst: &Instance) -> String {
    let points: Vec<Decimal> = inst.questions.iter().map(|q| q.points).collect();
    let factor = weight_factor(&points);
    let mut s = format!(
        "<p><em>Code de l'exercice : {}</em></p>\n",
        html_escape(&inst.code)
    );
    s.push_str(&markdown(&inst.statement));
    s.push_str("<ol>\n");
    for q in &inst.questions {
        s.push_str(&format!(
            "<li>{} {}{}</li>\n",
            html_escape(&q.prompt),
            field(q, q.points * factor),
            unit_after(q.unit)
        ));
    }
    s.push_str("</ol>\n<p><small>Nombres décimaux : virgule ou point ; sans séparateur de milliers.</small></p>\n");
    s
}

fn text_element(
    w: &mut Writer<Vec<u8>>,
    name: &str,
    text: &str,
    html: bool,
) -> std::io::Result<()> {
    let el = w.create_element(name);
    let el = if html {
        el.with_attribute(("format", "html"))
    } else {
        el
    };
    el.write_inner_content(|w| {
        w.create_element("text")
            .write_text_content(BytesText::new(text))?;
        Ok(())
    })?;
    Ok(())
}

/// The whole Moodle XML file.
pub fn quiz(categories: &[Category]) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let result: std::io::Result<()> = (|| {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("quiz").write_inner_content(|w| {
            for cat in categories {
                w.create_element("question")
                    .with_attribute(("type", "category"))
                    .write_inner_content(|w| {
                        text_element(w, "category", &format!("$course$/top/{}", cat.path), false)
                    })?;
                for inst in cat.instances {
                    write_question(w, inst)?;
                }
            }
            Ok(())
        })?;
        Ok(())
    })();
    result.expect("writing to memory cannot fail");
    let mut s = String::from_utf8(w.into_inner()).expect("UTF-8");
    s.push('\n');
    s
}

fn write_question(w: &mut Writer<Vec<u8>>, inst: &Instance) -> std::io::Result<()> {
    w.create_element("question")
        .with_attribute(("type", "cloze"))
        .write_inner_content(|w| {
            text_element(w, "name", &format!("{} — {}", inst.code, inst.title), false)?;
            text_element(w, "questiontext", &question_text(inst), true)?;
            text_element(w, "generalfeedback", &markdown(&inst.solution), true)?;
            w.create_element("penalty")
                .write_text_content(BytesText::new("0.3333333"))?;
            w.create_element("hidden")
                .write_text_content(BytesText::new("0"))?;
            w.create_element("idnumber")
                .write_text_content(BytesText::new(&inst.code))?;
            Ok(())
        })?;
    Ok(())
}

/// A category path segment: Moodle separates levels with `/`, so one inside a name
/// is doubled (`//`), as its XML export does.
pub fn category_segment(s: &str) -> String {
    s.replace('/', "//")
}

//! Print-ready HTML for the teacher's workflow: students' sheets (A4, one student per
//! page), the answer key, feedback pages and the class report.
//!
//! Markdown from the generators goes through pulldown-cmark (inline SVG charts are raw
//! HTML and pass through); every other text is escaped here.

use crate::correct::{Report, Verdict};
use crate::devoir::grade::Graded;
use crate::devoir::sheet::{Copy, Sheet};
use crate::model::{Instance, Unit};
use crate::num::format;
use crate::render::report::{expected, verdict_text};
use pulldown_cmark::{html, Options, Parser};
use rust_decimal::Decimal;

pub use crate::escape::html as escape;

/// Markdown (with tables) to HTML.
pub fn markdown(md: &str) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut out = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(md, opts));
    out
}

const CSS: &str = r#"
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt;
  line-height: 1.4; color: #111; margin: 0 auto; max-width: 182mm; padding: 6mm 0; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1px solid #555; padding-bottom: 1mm; break-after: avoid; page-break-after: avoid; }
.exercice > p.meta { break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
table { border-collapse: collapse; margin: 2mm 0; }
th, td { border: 1px solid #888; padding: 1mm 2mm; vertical-align: top; text-align: left; }
th { background: #eee; }
td.nombre, th.nombre { text-align: right; white-space: nowrap; }
td.nom { white-space: nowrap; }
svg { max-width: 100%; height: auto; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.entete { display: flex; justify-content: space-between; gap: 6mm; border: 1.5px solid #222;
  padding: 2mm 3mm; margin-bottom: 3mm; }
.entete .eleve { font-size: 11.5pt; }
.entete .note { border: 1.5px solid #222; min-width: 28mm; text-align: center; padding: 1mm 2mm; }
.entete .note .case-note { display: block; height: 9mm; }
.meta { color: #333; font-size: 9.5pt; }
.code { font-family: "DejaVu Sans Mono", monospace; font-weight: bold; letter-spacing: 0.05em; white-space: nowrap; }
.consignes { font-style: italic; margin: 2mm 0; }
.exercice { margin-top: 4mm; }
.exercice h2 { display: flex; justify-content: space-between; }
ol.questions { padding-left: 6mm; }
ol.questions li { margin: 2mm 0 3mm; break-inside: avoid; page-break-inside: avoid; }
.reponse { display: flex; align-items: center; gap: 2mm; margin-top: 1mm; }
.case { display: inline-block; border: 1.2px solid #222; width: 48mm; height: 8mm; }
.bareme { color: #444; font-size: 9pt; white-space: nowrap; }
.juste { color: #0a6b2d; font-weight: bold; }
.faux { color: #a3141a; font-weight: bold; }
.neutre { color: #555; font-weight: bold; }
.diagnostic { border-left: 3px solid #a3141a; padding: 1mm 3mm; margin: 1mm 0 2mm; background: #fbf1f1; }
.etape { border-left: 3px solid #888; padding: 0 3mm; margin: 1mm 0 3mm; }
.solution { border-left: 3px solid #0a6b2d; padding: 0 3mm; }
.barre { display: inline-block; height: 3.5mm; background: #555; vertical-align: middle; }
@media screen { body { padding: 8mm; } .page { border-bottom: 2px dashed #bbb; padding-bottom: 8mm; margin-bottom: 8mm; } }
@media print { a { color: inherit; text-decoration: none; } }
"#;

/// A complete HTML document.
pub fn document(title: &str, body: &str) -> String {
    document_with(title, "", body)
}

/// A complete HTML document whose style sheet adds `extra_css` to the common one.
pub fn document_with(title: &str, extra_css: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}{extra_css}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
}

pub fn unit_suffix(u: Unit) -> &'static str {
    match u {
        Unit::Euros => "€",
        Unit::Percent => "%",
        Unit::Days => "jours",
        Unit::Coefficient | Unit::Number => "",
    }
}

pub fn points(p: Decimal) -> String {
    let s = format::number(p, 2);
    if p <= Decimal::ONE {
        format!("{s}\u{a0}pt")
    } else {
        format!("{s}\u{a0}pts")
    }
}

fn meta_line(sheet: &Sheet) -> String {
    let mut parts = Vec::new();
    if let Some(c) = &sheet.classe {
        parts.push(escape(c));
    }
    if let Some(d) = &sheet.date {
        parts.push(escape(d));
    }
    parts.join(" — ")
}

/// The header block of a student's page: sheet, student, codes, mark box.
fn header(sheet: &Sheet, copy: &Copy, note: &str) -> String {
    let codes: Vec<String> = copy
        .instances
        .iter()
        .enumerate()
        .map(|(k, i)| {
            format!(
                "ex.\u{a0}{}\u{a0}: <span class=\"code\">{}</span>",
                k + 1,
                escape(&i.code)
            )
        })
        .collect();
    format!(
        "<div class=\"entete\">\n<div>\n<h1>{}</h1>\n<div class=\"meta\">{}</div>\n\
         <div class=\"eleve\">Élève : <strong>{}</strong> <span class=\"meta\">(identifiant {})</span></div>\n\
         <div class=\"meta\">Codes : {}</div>\n</div>\n<div class=\"note\">Note<span class=\"case-note\">{note}</span>/\u{a0}20</div>\n</div>\n",
        escape(&sheet.titre),
        meta_line(sheet),
        escape(&copy.student.display_name()),
        escape(&copy.student.id),
        codes.join(" · "),
    )
}

/// The heading of an exercise; the student's name is repeated so that a page that
/// comes loose from its copy can still be given back.
fn exercise_heading(k: usize, inst: &Instance, student: &str) -> String {
    format!(
        "<h2><span>Exercice {} — {}</span><span class=\"bareme\">{}</span></h2>\n<p class=\"meta\">Code : <span class=\"code\">{}</span> · savoirs {} · {}</p>\n",
        k + 1,
        escape(inst.title),
        points(inst.total_points()),
        escape(&inst.code),
        escape(&inst.savoirs.join(", ")),
        escape(student)
    )
}

/// One student's sheet, as a page (statement, questions, answer boxes).
pub fn student_page(sheet: &Sheet, copy: &Copy) -> String {
    let mut out = String::from("<section class=\"page\">\n");
    out.push_str(&header(sheet, copy, ""));
    if let Some(c) = &sheet.consignes {
        out.push_str(&format!("<p class=\"consignes\">{}</p>\n", escape(c)));
    }
    out.push_str("<p class=\"consignes\">Écrivez chaque résultat dans sa case, avec son unité ; détaillez vos calculs sur votre copie.</p>\n");
    for (k, inst) in copy.instances.iter().enumerate() {
        out.push_str("<div class=\"exercice\">\n");
        out.push_str(&exercise_heading(k, inst, &copy.student.display_name()));
        out.push_str(&markdown(&inst.statement));
        out.push_str("<ol class=\"questions\">\n");
        for q in &inst.questions {
            out.push_str(&format!(
                "<li>{} <span class=\"bareme\">({})</span>\n<div class=\"reponse\">Réponse : <span class=\"case\"></span> {}</div></li>\n",
                escape(&q.prompt),
                points(q.points),
                unit_suffix(q.unit)
            ));
        }
        out.push_str("</ol>\n</div>\n");
    }
    out.push_str("</section>\n");
    out
}

/// The sheets of several students, one per page.
pub fn sheets(sheet: &Sheet, copies: &[Copy]) -> String {
    let body: String = copies.iter().map(|c| student_page(sheet, c)).collect();
    document(&sheet.titre, &body)
}

/// The teacher's answer key: for each student, the expected answers and the worked
/// solutions.
pub fn answer_key(sheet: &Sheet, copies: &[Copy]) -> String {
    let mut body = format!(
        "<section class=\"page\">\n<h1>Corrigé — {}</h1>\n<p class=\"meta\">{}</p>\n<p>{} copies. Pour chaque élève : réponses attendues, barème et corrigé détaillé de ses valeurs.</p>\n<table>\n<tr><th>Élève</th><th>Identifiant</th><th>Codes</th></tr>\n",
        escape(&sheet.titre),
        meta_line(sheet),
        copies.len()
    );
    for c in copies {
        body.push_str(&format!(
            "<tr><td class=\"nom\">{}</td><td>{}</td><td class=\"code\">{}</td></tr>\n",
            escape(&c.student.display_name()),
            escape(&c.student.id),
            c.instances
                .iter()
                .map(|i| escape(&i.code))
                .collect::<Vec<_>>()
                .join(" · ")
        ));
    }
    body.push_str("</table>\n</section>\n");
    for c in copies {
        body.push_str("<section class=\"page\">\n");
        body.push_str(&header(sheet, c, ""));
        for (k, inst) in c.instances.iter().enumerate() {
            body.push_str("<div class=\"exercice\">\n");
            body.push_str(&exercise_heading(k, inst, &c.student.display_name()));
            body.push_str("<table>\n<tr><th>n°</th><th>Question</th><th class=\"nombre\">Réponse attendue</th><th class=\"nombre\">Tolérance</th><th class=\"nombre\">Points</th></tr>\n");
            for (i, q) in inst.questions.iter().enumerate() {
                body.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td class=\"nombre\"><strong>{}</strong></td><td class=\"nombre\">±\u{a0}{}</td><td class=\"nombre\">{}</td></tr>\n",
                    i + 1,
                    escape(&q.prompt),
                    escape(&expected(q)),
                    format::number(q.grading_tolerance(), 4),
                    format::number(q.points, 2)
                ));
            }
            body.push_str("</table>\n<h3>Corrigé détaillé</h3>\n<div class=\"solution\">\n");
            body.push_str(&markdown(&inst.solution));
            body.push_str("</div>\n</div>\n");
        }
        body.push_str("</section>\n");
    }
    document(&format!("Corrigé — {}", sheet.titre), &body)
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Correct | Verdict::CarriedForward => "juste",
        Verdict::Wrong | Verdict::Unreadable => "faux",
        Verdict::Unanswered => "neutre",
    }
}

/// A student's feedback page: answers, verdicts, diagnoses and the worked steps of
/// what was wrong.
pub fn feedback(sheet: &Sheet, g: &Graded) -> String {
    let copy = g.copy;
    let mut body = String::from("<section class=\"page\">\n");
    let note = match g.mark() {
        Some(m) => format::fixed(m, 2),
        None => "ABS".to_string(),
    };
    body.push_str(&header(sheet, copy, &note));
    match (&g.reports, g.score()) {
        (Some(reports), Some(score)) => {
            body.push_str(&format!(
                "<p>Score : <strong>{} / {}</strong> points, soit <strong>{} / 20</strong> (arrondi au centième).</p>\n",
                format::number(score, 2),
                format::number(g.total(), 2),
                note
            ));
            for (k, (inst, rep)) in copy.instances.iter().zip(reports).enumerate() {
                body.push_str("<div class=\"exercice\">\n");
                body.push_str(&exercise_heading(k, inst, &copy.student.display_name()));
                body.push_str(&feedback_exercise(inst, rep));
                body.push_str("</div>\n");
            }
        }
        _ => body.push_str("<p>Absent : aucune réponse saisie pour cet élève.</p>\n"),
    }
    body.push_str("</section>\n");
    body
}

fn feedback_exercise(inst: &Instance, rep: &Report) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<p>Score de l'exercice : <strong>{} / {}</strong></p>\n<ol class=\"questions\">\n",
        format::number(rep.score, 2),
        format::number(rep.total, 2)
    ));
    for (q, r) in inst.questions.iter().zip(&rep.results) {
        let typed = r
            .typed
            .as_deref()
            .map(|t| format!("« {} »", escape(t)))
            .unwrap_or_else(|| "—".into());
        out.push_str(&format!(
            "<li>{}<br>Votre réponse : {typed} → <span class=\"{}\">{}</span> <span class=\"bareme\">({} / {})</span>\n",
            escape(&q.prompt),
            verdict_class(r.verdict),
            verdict_text(r.verdict),
            format::number(r.points, 2),
            format::number(r.max_points, 2)
        ));
        if let Some(m) = &r.message {
            out.push_str(&format!("<p class=\"meta\">{}</p>\n", escape(m)));
        }
        if let Some(d) = &r.diagnosis {
            out.push_str(&format!(
                "<div class=\"diagnostic\">Erreur repérée <span class=\"code\">{}</span> : {}</div>\n",
                escape(&d.note),
                escape(&d.message)
            ));
        }
        if matches!(
            r.verdict,
            Verdict::Wrong | Verdict::Unreadable | Verdict::Unanswered
        ) {
            out.push_str(&format!(
                "<p>Réponse attendue : <strong>{}</strong></p>\n<div class=\"etape\">{}</div>\n",
                escape(&expected(q)),
                markdown(&q.step)
            ));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    out
}

/// All feedback pages in one document.
pub fn feedback_document(sheet: &Sheet, graded: &[Graded], single: bool) -> String {
    let body: String = graded.iter().map(|g| feedback(sheet, g)).collect();
    let title = if single {
        format!(
            "{} — {}",
            sheet.titre,
            graded
                .first()
                .map(|g| g.copy.student.display_name())
                .unwrap_or_default()
        )
    } else {
        format!("Retours — {}", sheet.titre)
    };
    document(&title, &body)
}

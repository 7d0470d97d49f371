//! GIFT (Moodle's plain-text question format), for numerical questions.
//!
//! GIFT has no multi-part question, so each question of an instance becomes its own
//! numerical question, with the whole statement repeated: `{#=ANSWER:TOLERANCE#feedback
//! =%0%MISTAKE:TOLERANCE#message}`. Moodle then marks each step against the expected
//! value only: there is no credit for an error carried forward (the Moodle XML Cloze
//! export keeps the steps together and is preferable for multi-step exercises). The
//! text is HTML (`[html]`), on one line (a blank line ends a GIFT question), with
//! `~ = # { } :` and `\` escaped by a backslash as the GIFT format requires.

use crate::model::{Instance, Question};
use crate::render::html::{escape as html_escape, markdown};
use crate::render::moodle::number;

/// Escapes GIFT's special characters.
pub fn escape_gift(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(c, '~' | '=' | '#' | '{' | '}' | ':' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// HTML on a single line (GIFT reads a question up to the next blank line).
fn one_line(html: &str) -> String {
    html.split('\n')
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn question(
    inst: &Instance,
    i: usize,
    q: &Question,
    statement: &str,
    solution_step: &str,
) -> String {
    let n = inst.questions.len();
    let name = if n == 1 {
        format!("{} — {}", inst.code, inst.title)
    } else {
        format!("{} — {} ({}/{n})", inst.code, inst.title, i + 1)
    };
    let text = format!(
        "{statement} <p><strong>{}</strong></p>",
        html_escape(&q.prompt)
    );
    let mut answers = format!(
        "=%100%{}:{}#{}",
        number(q.answer),
        number(q.grading_tolerance()),
        escape_gift("Juste.")
    );
    for m in &q.mistakes {
        answers.push_str(&format!(
            " =%0%{}:{}#{}",
            number(m.answer),
            number(q.grading_tolerance()),
            escape_gift(&html_escape(&format!("[{}] {}", m.note, m.message)))
        ));
    }
    format!(
        "::{}::[html]{}{{#{answers} ####{}}}\n\n",
        escape_gift(&name),
        escape_gift(&text),
        escape_gift(solution_step)
    )
}

/// The GIFT file of instances grouped by category (`$CATEGORY:` lines).
pub fn gift(categories: &[(String, &[Instance])]) -> String {
    let mut out =
        String::from("// Questions générées par clientele (une question GIFT par étape).\n\n");
    for (path, instances) in categories {
        out.push_str(&format!("$CATEGORY: $course$/top/{path}\n\n"));
        for inst in *instances {
            let statement = one_line(&markdown(&inst.statement));
            for (i, q) in inst.questions.iter().enumerate() {
                let step = one_line(&markdown(&q.step));
                out.push_str(&question(inst, i, q, &statement, &step));
            }
        }
    }
    out
}

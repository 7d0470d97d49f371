//! The one escaping policy for everything the tool writes from what a user gave it (class
//! rosters, sheet titles and instructions, answers): a string from a file is text, never
//! markup or a formula, in every format.
//!
//! - HTML: [`html`] for content and attribute values.
//! - Markdown: [`markdown`] for a string placed in a Markdown document that is also turned
//!   into HTML (the class report): HTML's special characters become entities and Markdown's
//!   punctuation is backslash-escaped, so a name can neither open a tag nor a table cell.
//! - CSV (the spreadsheets a teacher opens): [`csv_text`] prefixes a text cell that a
//!   spreadsheet would read as a formula with `'`, as the OWASP guidance on CSV injection
//!   says; [`csv_unprefixed`] removes that one `'` when the tool reads its own file back.
//!   Numbers, negative ones included, are written and read untouched.
//! - Moodle's Cloze and GIFT have their own special characters: `moodle::escape_cloze` and
//!   `gift::escape_gift`.

use std::borrow::Cow;

/// Escapes text for HTML content and attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for a Markdown document (headings, paragraphs, table cells), on one line.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether a spreadsheet would read a cell beginning with `c` as a formula.
fn formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// A text cell for a spreadsheet: prefixed with `'` when it would start a formula.
pub fn csv_text(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some(c) if formula_start(c) => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

/// A text cell read back: the `'` that [`csv_text`] added is removed.
pub fn csv_unprefixed(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.chars().next().is_some_and(formula_start) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hostile_name_stays_text_everywhere() {
        let name = "<script>alert(1)</script>";
        assert_eq!(html(name), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(markdown(name), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(
            markdown("\"><img src=x onerror=alert(1)>"),
            "\"&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(markdown("a | b\n# c"), "a \\| b \\# c");
    }

    #[test]
    fn formulas_are_prefixed_and_the_prefix_is_read_back() {
        for cell in [
            "=HYPERLINK(\"http://x\")",
            "+33 6",
            "-Dupont",
            "@SUM(A1)",
            "\tx",
        ] {
            let written = csv_text(cell);
            assert!(written.starts_with('\''), "{cell}");
            assert_eq!(csv_unprefixed(&written), cell);
        }
        for cell in ["Dupont", "O'Neil", "'quoted", "12,5", ""] {
            assert_eq!(csv_text(cell), cell);
            assert_eq!(csv_unprefixed(cell), cell);
        }
    }
}

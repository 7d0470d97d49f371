//! LaTeX formulas to MathML, at build time: the book loads no script to typeset maths.
//!
//! The MathML is meant to be spliced into Markdown as inline HTML, so the characters that
//! Markdown would interpret inside text nodes (`*`, `_`, `|`…) are written as numeric
//! character references, and the result holds on a single line.

use pulldown_latex::config::DisplayMode;
use pulldown_latex::{mathml::push_mathml, Parser, ParserError, RenderConfig, Storage};

/// Converts one formula (without its `$` delimiters) to a `<math>` element.
/// `display` gives `<math display="block">`. The error is a French sentence.
pub fn to_mathml(latex: &str, display: bool) -> Result<String, String> {
    let storage = Storage::new();
    let events: Vec<_> = Parser::new(latex, &storage)
        .collect::<Result<_, ParserError>>()
        .map_err(|e| {
            let detail = e.to_string();
            let first = detail
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("parsing error: ")
                .to_string();
            format!("formule LaTeX invalide « {} » ({first})", latex.trim())
        })?;
    let config = RenderConfig {
        display_mode: if display {
            DisplayMode::Block
        } else {
            DisplayMode::Inline
        },
        ..RenderConfig::default()
    };
    let mut out = String::new();
    push_mathml(
        &mut out,
        events.into_iter().map(Ok::<_, ParserError>),
        config,
    )
    .map_err(|e| {
        format!(
            "formule LaTeX impossible à convertir « {} » ({e})",
            latex.trim()
        )
    })?;
    Ok(protect_for_markdown(&out))
}

/// Rewrites text nodes so that Markdown leaves them alone, and removes line breaks.
fn protect_for_markdown(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 16);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(c);
            }
            '>' if in_tag => {
                in_tag = false;
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ if in_tag => out.push(c),
            '*' | '_' | '\\' | '`' | '[' | ']' | '~' | '|' | '$' | '!' | '{' | '}' | '>' => {
                out.push_str(&format!("&#{};", c as u32));
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_and_text() {
        let m = to_mathml(r"\frac{\text{Marge}}{\text{Coût d'achat}} \times 100", true).unwrap();
        assert!(m.starts_with("<math display=\"block\">"), "{m}");
        assert!(m.contains("<mfrac>"));
        assert!(m.contains("<mtext>Coût d'achat</mtext>"));
        assert!(!m.contains('\n'));
    }

    #[test]
    fn markdown_characters_are_protected() {
        let m = to_mathml(r"b_{\text{x_y*z|t}} > c", false).unwrap();
        assert!(
            !m.contains('*') && !m.contains("x_y") && !m.contains('|'),
            "{m}"
        );
        assert!(
            m.contains("x&#95;y&#42;z&#124;t") && m.contains("<mo>&#62;</mo>"),
            "{m}"
        );
    }

    #[test]
    fn invalid_formula_is_an_error() {
        let e = to_mathml(r"\frac{a}{", true).unwrap_err();
        assert!(e.starts_with("formule LaTeX invalide"), "{e}");
        assert!(to_mathml(r"\commandeinconnue{x}", false).is_err());
    }
}

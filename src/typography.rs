//! The French minus sign in the prose of an exercise (version 2 on).
//!
//! Numbers are laid out by [`crate::num::format`], which version 1 froze with an ASCII
//! hyphen for the sign; rather than thread a style through every layout function, the
//! text of a version-2 instance goes once through [`minus_signs`], which knows prose from
//! code: a hyphen becomes U+2212 where it is a sign (before a digit, after a space, a
//! bracket, a bar, an equals sign or the start) or a subtraction (between spaces, after a
//! number or a closing bracket). Codes (`NAP2-4K`), ISO dates, words (« peut-être »),
//! Markdown rules, HTML and SVG tags and anything between backticks are left alone. A negative number after
//! an operator is put in brackets: « 122 987,50 − (−98,81) ».

use std::borrow::Cow;

const MINUS: char = '\u{2212}';

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\n' || c == '\t'
}

/// May a sign stand after `c`?
fn opens_sign(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => is_space(c) || matches!(c, '(' | '[' | '=' | '|' | '*' | '«' | '/'),
    }
}

/// `text` with a minus sign wherever a hyphen is a sign or a subtraction.
pub fn minus_signs(text: &str) -> Cow<'_, str> {
    if !text.contains('-') {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_code = false;
    let mut in_tag = false;
    // Set while a bracket opened before a negative number waits for the number's end.
    let mut closing = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            in_code = !in_code;
        }
        // An HTML or SVG tag (a chart's coordinates, `dy="-0.5ex"`) is markup, not prose.
        if !in_code
            && c == '<'
            && chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/')
        {
            in_tag = true;
        }
        if in_tag {
            in_tag = c != '>';
            out.push(c);
            i += 1;
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let digit_next = next.is_some_and(|n| n.is_ascii_digit());
        if !in_code && c == '-' && digit_next && opens_sign(prev) {
            // A negative number; after an operator it goes in brackets.
            let before_op = i >= 2 && is_space(chars[i - 1]) && {
                let op = chars[i - 2];
                matches!(op, '+' | '×' | '÷') || op == MINUS || op == '-'
            };
            if before_op {
                out.push('(');
                closing = true;
            }
            out.push(MINUS);
            i += 1;
            continue;
        }
        if !in_code
            && c == '-'
            && prev.is_some_and(|p| p == ' ')
            && next == Some(' ')
            && i >= 2
            && (chars[i - 2].is_ascii_digit() || matches!(chars[i - 2], ')' | '€' | '%'))
        {
            out.push(MINUS);
            i += 1;
            continue;
        }
        out.push(c);
        if closing {
            // The number ends at the first character that is neither a digit, a decimal
            // comma followed by a digit, nor a thousands space followed by a digit; a unit
            // after a no-break space stays inside the brackets.
            let n = chars.get(i + 1).copied();
            let nn = chars.get(i + 2).copied();
            let continues = match n {
                Some(d) if d.is_ascii_digit() => true,
                Some(',') | Some('\u{202f}') => nn.is_some_and(|d| d.is_ascii_digit()),
                _ => false,
            };
            if !continues {
                if n == Some('\u{a0}') && matches!(nn, Some('€') | Some('%')) {
                    out.push('\u{a0}');
                    out.push(nn.unwrap_or('€'));
                    i += 2;
                }
                out.push(')');
                closing = false;
            }
        }
        i += 1;
    }
    Cow::Owned(out)
}

/// `text` with « de » elided before a word that starts with a vowel: statements assemble
/// « de » and a product name (« de arbres fruitiers » → « d'arbres fruitiers »). Not
/// before one letter (a variable: « à partir de a »), « onze », « un », « une » (the
/// numbers), nor inside backticks.
pub fn elisions(text: &str) -> Cow<'_, str> {
    if !text.contains("de ") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut in_code = false;
    let mut rest = text;
    while let Some(i) = rest.find(['`', 'd']) {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        if let Some(after) = tail.strip_prefix('`') {
            in_code = !in_code;
            out.push('`');
            rest = after;
            continue;
        }
        let word_start = !out
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '\'');
        if !in_code && word_start && tail.starts_with("de ") {
            let next = &tail[3..];
            let word: &str = next
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .next()
                .unwrap_or("");
            let vowel = word.starts_with([
                'a', 'e', 'i', 'o', 'u', 'y', 'é', 'è', 'ê', 'â', 'î', 'ô', 'û',
            ]);
            if vowel
                && word.chars().count() > 1
                && !matches!(word, "onze" | "onzième" | "un" | "une")
            {
                out.push_str("d'");
                rest = next;
                changed = true;
                continue;
            }
        }
        out.push('d');
        rest = &tail[1..];
    }
    out.push_str(rest);
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn de_is_elided_before_a_vowel() {
        assert_eq!(
            elisions("ses commandes de arbres fruitiers, une offre de interventions"),
            "ses commandes d'arbres fruitiers, une offre d'interventions"
        );
        for s in [
            "à partir de a non arrondi",
            "de onze à douze, de un à trois",
            "le prix de boîtes",
            "monde entier",
            "`SELECT nom FROM clientes de arbres`",
        ] {
            assert_eq!(elisions(s), s);
        }
    }

    use super::*;

    #[test]
    fn signs_and_subtractions_become_minus_signs() {
        assert_eq!(minus_signs("Écart : -98,81 €"), "Écart : −98,81 €");
        assert_eq!(minus_signs("| -12,5 % |"), "| −12,5 % |");
        assert_eq!(minus_signs("**-3**"), "**−3**");
        assert_eq!(minus_signs("= 125 - 23 = 102"), "= 125 − 23 = 102");
        assert_eq!(minus_signs("(a + b) - 3"), "(a + b) − 3");
    }

    #[test]
    fn a_negative_after_an_operator_is_bracketed() {
        assert_eq!(
            minus_signs("122 987,5 − -98,81 = 123 086,31"),
            "122 987,5 − (−98,81) = 123 086,31"
        );
        assert_eq!(
            minus_signs("1 000 € + -1\u{202f}250,5\u{a0}€ ="),
            "1 000 € + (−1\u{202f}250,5\u{a0}€) ="
        );
        assert_eq!(minus_signs("2 × -4"), "2 × (−4)");
    }

    #[test]
    fn codes_dates_words_and_code_spans_are_left_alone() {
        for s in [
            "Code NAP2-4K7",
            "le 2026-01-05",
            "peut-être, c'est-à-dire",
            "|---|---:|",
            "- un point de liste",
            "`WHERE solde > -5`",
            "<polyline points=\"10,20 30 -5\"/> <text dy=\"-0.5ex\">",
            "rien",
        ] {
            assert_eq!(minus_signs(s), s);
        }
    }
}

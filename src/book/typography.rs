//! French typography for the prose of the chapters, applied at build time.
//!
//! Authors (and teachers extending the book) type ordinary spaces: « 1 500 € », « 12,5 % »,
//! « Attention : ». The page must show the spaces that French requires and that never break
//! a line: a narrow no-break space (U+202F) between groups of thousands and before « ; ! ? »,
//! a no-break space (U+00A0) before « € % : » and inside « guillemets ». Doing it here keeps
//! the sources easy to edit and makes every chapter, present or future, consistent. Code,
//! formulas and exercise data never reach this function (see `preprocess::expand`).

/// No-break space.
pub const NBSP: char = '\u{a0}';
/// Narrow no-break space.
pub const NNBSP: char = '\u{202f}';

/// The character to write for an ordinary space of the prose, given the last character
/// already written (`before`) and the text that follows the space (`after`).
pub fn space(before: Option<char>, written: &str, after: &str) -> char {
    let next = after.chars().next();
    match next {
        Some('€' | '%' | ':' | '»') if before.is_some_and(|c| !c.is_whitespace()) => {
            return NBSP
        }
        Some(';' | '!' | '?') if before.is_some_and(|c| !c.is_whitespace()) => return NNBSP,
        _ => {}
    }
    if before == Some('«') {
        return NBSP;
    }
    if before.is_some_and(|c| c.is_ascii_digit()) && thousands_group(written, after) {
        return NNBSP;
    }
    ' '
}

/// Whether a space between `written` (ending in a digit) and `after` separates groups of
/// thousands: `after` starts with exactly three digits, and the digits just before the
/// space are a group of one to three digits that starts a number or follows another group.
fn thousands_group(written: &str, after: &str) -> bool {
    let ahead = after.bytes().take_while(u8::is_ascii_digit).count();
    if ahead != 3 {
        return false;
    }
    let mut rest = written;
    loop {
        let run = rest.bytes().rev().take_while(u8::is_ascii_digit).count();
        if run == 0 || run > 3 {
            return false;
        }
        rest = &rest[..rest.len() - run];
        match rest.chars().next_back() {
            // An earlier group of the same number (already separated by this pass).
            Some(NNBSP) => {
                rest = &rest[..rest.len() - NNBSP.len_utf8()];
                if run != 3 {
                    return false;
                }
            }
            // Part of a decimal or of a longer token (« 2,5 000 », « v1 200 »): not grouped.
            Some(c) if c.is_alphanumeric() || c == ',' || c == '.' => return false,
            // Another number just before (« 12 34 567 »): not one amount.
            Some(' ') if rest[..rest.len() - 1].ends_with(|c: char| c.is_ascii_digit()) => {
                return false
            }
            _ => return true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies [`space`] to every ordinary space of `text`, like the preprocessor does.
    fn fix(text: &str) -> String {
        let mut out = String::new();
        for (i, ch) in text.char_indices() {
            if ch == ' ' {
                let c = space(out.chars().next_back(), &out, &text[i + 1..]);
                out.push(c);
            } else {
                out.push(ch);
            }
        }
        out
    }

    #[test]
    fn amounts_rates_and_punctuation() {
        assert_eq!(fix("1 234,56 €"), "1\u{202f}234,56\u{a0}€");
        assert_eq!(fix("un taux de 12,5 %."), "un taux de 12,5\u{a0}%.");
        assert_eq!(
            fix("12 345 678 clients"),
            "12\u{202f}345\u{202f}678 clients"
        );
        assert_eq!(
            fix("Attention : non ; oui ! vrai ?"),
            "Attention\u{a0}: non\u{202f}; oui\u{202f}! vrai\u{202f}?"
        );
        assert_eq!(fix("« mot »"), "«\u{a0}mot\u{a0}»");
    }

    #[test]
    fn what_is_not_a_group_of_thousands_stays() {
        // A year followed by a count, a decimal part, a four-digit run, a date.
        assert_eq!(fix("en 2025 200 clients"), "en 2025 200 clients");
        assert_eq!(fix("2,5 000"), "2,5 000");
        assert_eq!(fix("le 15 mars 2026"), "le 15 mars 2026");
        assert_eq!(fix("30 visites à 95 €"), "30 visites à 95\u{a0}€");
        assert_eq!(fix("1 2345"), "1 2345");
        assert_eq!(fix("12 34 567"), "12 34 567");
        // A space at the start of a line before a colon is left alone.
        assert_eq!(fix(" : x"), " : x");
    }
}

//! Reading numeric answers as a French student types them.
//!
//! [`parse_answer`] turns what was typed into a [`ParsedAnswer`] (a
//! [`Decimal`] and the unit written, if any), or a [`ParseError`] whose
//! `Display` is a friendly French message for the student.
//!
//! # Accepted grammar
//!
//! ```text
//! answer   = ws* ( prefix ws* )? sign? ws* number ( ws* suffix )? ws*
//! prefix   = "€" | "EUR"                         (euros)
//! suffix   = "€" | "EUR" | "euro" | "euros"      (euros)
//!          | "%"                                 (percent)
//!          | "j" | "jour" | "jours"              (days)
//! sign     = "+" | "-" | "−" (U+2212)
//! number   = integer ( decsep fraction? )?
//!          | decsep fraction                     (",5" = 0,5)
//! integer  = digits | group1 ( tsep group3 )+
//! group1   = 1 to 3 digits ; group3 = exactly 3 digits
//! fraction = digits                              (never grouped)
//! ```
//!
//! - Units are case-insensitive (`EUR`, `Euros`, `J`…); a word unit must not
//!   be glued to other letters. A unit may be written before *or* after the
//!   number, not both.
//! - Spaces (U+0020, U+00A0, U+202F, U+2009, runs of them count as one) are
//!   thousands separators only.
//! - When both `,` and `.` appear, the **last** one is the decimal separator
//!   (it must appear once) and the other one is the thousands separator:
//!   `1.234,56` and `1,234.56` both read 1234,56.
//! - A **single** `,` or `.` is always the decimal separator. Hence
//!   `1.234` and `1,234` both read **1,234** (one point two three four), never
//!   one thousand two hundred thirty-four: in this French course the comma is
//!   the decimal mark and the point is its common keyboard substitute.
//! - Several identical `,` or `.` are thousands separators, provided every
//!   group after the first has exactly 3 digits and the first has 1 to 3
//!   (`1.234.567`, `1,234,567`); otherwise the answer is ambiguous
//!   (`12,34,5`). Thousands separators of different kinds may not be mixed
//!   (`1 234.567.890` is refused).
//! - A trailing decimal separator is allowed (`5,` = 5).
//! - Scientific notation (`1e5`) is refused, as are inputs with more than
//!   [`MAX_DIGITS`] digits or more than [`MAX_CHARS`] characters
//!   ([`ParseError::TooLong`]) and values that do not fit in a [`Decimal`]
//!   ([`ParseError::OutOfRange`]; at most 28 decimals).
//!
//! The value keeps the scale typed (`12,50` gives `12.50`, equal to `12.5`
//! under `==`); `-0` gives `0`. Parsing never panics and is linear in the
//! input length.

use rust_decimal::Decimal;
use std::borrow::Cow;
use std::fmt;

/// Maximum number of digits accepted in an answer.
pub const MAX_DIGITS: usize = 30;
/// Maximum number of characters (after trimming) accepted in an answer.
pub const MAX_CHARS: usize = 100;

/// Unit written by the student next to the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypedUnit {
    /// `€`, `EUR`, `euro`, `euros`.
    Euros,
    /// `%`.
    Percent,
    /// `j`, `jour`, `jours`.
    Days,
    /// `an`, `ans`, `année`, `années` (a payback period written "1,2 an").
    Years,
    /// `mois`.
    Months,
}

/// A successfully read answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedAnswer {
    /// The number as typed (scale kept, sign applied).
    pub value: Decimal,
    /// The unit written, if any.
    pub unit: Option<TypedUnit>,
}

/// Why an answer could not be read. `Display` gives a French message for the
/// student; [`ParseError::code`] a stable short id.
///
/// The `String` of [`ParseError::Ambiguous`] and [`ParseError::Invalid`] is
/// the French explanation of the problem (it quotes the answer and gives a
/// correct spelling); `Display` prefixes it with the kind of error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing but spaces was typed.
    Empty,
    /// More than [`MAX_DIGITS`] digits or [`MAX_CHARS`] characters.
    TooLong,
    /// Scientific notation such as `1e5`.
    Exponent,
    /// Separators that cannot be read with certainty (`12,34,5`).
    Ambiguous(String),
    /// An unexpected character or a malformed answer (`12a`, `--3`, `%`).
    Invalid(String),
    /// The value does not fit in a [`Decimal`].
    OutOfRange,
}

impl ParseError {
    /// Stable short id of the error kind, shared with the JavaScript side and
    /// used in `tests/data/answer_spellings.toml`.
    pub fn code(&self) -> &'static str {
        match self {
            ParseError::Empty => "vide",
            ParseError::TooLong => "trop-long",
            ParseError::Exponent => "exposant",
            ParseError::Ambiguous(_) => "ambigu",
            ParseError::Invalid(_) => "illisible",
            ParseError::OutOfRange => "hors-limites",
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => {
                f.write_str("Réponse vide\u{A0}: saisissez un nombre, par exemple 1\u{202F}234,56.")
            }
            ParseError::TooLong => write!(
                f,
                "Réponse trop longue\u{A0}: un nombre de plus de {MAX_DIGITS} chiffres \
                 (ou une saisie de plus de {MAX_CHARS} caractères) ne peut pas être lu. \
                 Vérifiez votre saisie."
            ),
            ParseError::Exponent => f.write_str(
                "La notation scientifique (1e5) n'est pas acceptée\u{A0}: \
                 écrivez le nombre en entier.",
            ),
            ParseError::Ambiguous(detail) => write!(f, "Écriture ambiguë\u{A0}: {detail}"),
            ParseError::Invalid(detail) => write!(f, "Réponse illisible\u{A0}: {detail}"),
            ParseError::OutOfRange => f.write_str(
                "Nombre hors limites\u{A0}: il est trop grand ou a trop de décimales \
                 (28 au plus) pour être calculé. Vérifiez votre saisie.",
            ),
        }
    }
}

impl std::error::Error for ParseError {}

/// Reads an answer typed by a student. See the [module documentation](self)
/// for the grammar.
///
/// Note: a single `,` or `.` is the decimal separator, so `1.234` and
/// `1,234` are read as 1,234 (not 1234).
pub fn parse_answer(input: &str) -> Result<ParsedAnswer, ParseError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ParseError::Empty);
    }
    // Cheap guards first, so that huge inputs are refused in linear time.
    if trimmed.chars().filter(char::is_ascii_digit).count() > MAX_DIGITS
        || trimmed.chars().count() > MAX_CHARS
    {
        return Err(ParseError::TooLong);
    }
    let (number, word_unit) = strip_words(trimmed)?;
    let chars: Vec<char> = number.chars().collect();
    let (unit, body) = split_unit(&chars, trimmed)?;
    let unit = unit.or(word_unit);
    let body = trim_chars(body);
    if body.is_empty() {
        return Err(ParseError::Invalid(format!(
            "il manque le nombre dans {}. Écrivez par exemple 12,5\u{A0}%, \
             1\u{202F}234,56\u{A0}€ ou 30\u{A0}jours.",
            quote(trimmed)
        )));
    }

    let (negative, rest) = match body[0] {
        '+' => (false, &body[1..]),
        '-' | '\u{2212}' => (true, &body[1..]),
        _ => (false, body),
    };
    let rest = trim_chars(rest);
    if rest.is_empty() {
        return Err(ParseError::Invalid(format!(
            "il manque le nombre après le signe {}. Écrivez par exemple -12,5.",
            describe_char(body[0])
        )));
    }
    check_characters(rest)?;

    let mut value = read_number(rest, trimmed)?;
    if negative {
        value.set_sign_negative(true);
    }
    if value.is_zero() {
        value.set_sign_positive(true);
    }
    Ok(ParsedAnswer { value, unit })
}

/// Thousands separators that may appear as spaces, and the apostrophes of the Swiss
/// spelling (8'732,86).
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\'' | '\u{2019}'
    )
}

/// Units written in words after the number, longest first; the symbol, if the
/// rest of the reader knows the unit, else `None` and the unit itself.
const WORD_UNITS: [(&str, Option<&str>, TypedUnit); 16] = [
    ("pour cent", Some("%"), TypedUnit::Percent),
    ("pourcent", Some("%"), TypedUnit::Percent),
    ("€uros", Some("€"), TypedUnit::Euros),
    ("€uro", Some("€"), TypedUnit::Euros),
    ("euros", Some("€"), TypedUnit::Euros),
    ("euro", Some("€"), TypedUnit::Euros),
    ("eur", Some("€"), TypedUnit::Euros),
    ("€", Some("€"), TypedUnit::Euros),
    ("%", Some("%"), TypedUnit::Percent),
    ("jours", Some("j"), TypedUnit::Days),
    ("jour", Some("j"), TypedUnit::Days),
    ("j", Some("j"), TypedUnit::Days),
    ("années", None, TypedUnit::Years),
    ("année", None, TypedUnit::Years),
    ("ans", None, TypedUnit::Years),
    ("an", None, TypedUnit::Years),
];

/// Words that would change the value if they were dropped ("12 milliers").
const SCALE_WORDS: [&str; 14] = [
    "mille",
    "millier",
    "milliers",
    "million",
    "millions",
    "milliard",
    "milliards",
    "k",
    "m",
    "md",
    "centime",
    "centimes",
    "ct",
    "cts",
];

/// Reads the words a student writes after the number: a unit in words (« pour cent »,
/// « €uros », « ans », « mois ») and the words of the question (« boîtes », « jours de
/// CA HT »), which are dropped. Returns the number with its unit as a symbol, and a unit
/// that only words can say. The text is returned as it was when it has no such words,
/// so that every other reading (and message) is unchanged.
fn strip_words(trimmed: &str) -> Result<(Cow<'_, str>, Option<TypedUnit>), ParseError> {
    let unchanged = Ok((Cow::Borrowed(trimmed), None));
    let Some(last_digit) = trimmed.rfind(|c: char| c.is_ascii_digit()) else {
        return unchanged;
    };
    let (number, tail) = trimmed.split_at(last_digit + 1);
    if !tail.chars().any(char::is_alphabetic) {
        return unchanged;
    }
    let spaced = tail.starts_with(char::is_whitespace);
    let tail = tail.trim_start();
    let lower = tail.to_lowercase();
    let mut rest = lower.as_str();
    let mut symbol = None;
    let mut unit = None;
    if let Some(m) = lower.strip_prefix("mois") {
        if !m.starts_with(char::is_alphabetic) {
            rest = m;
            unit = Some(TypedUnit::Months);
        }
    }
    if unit.is_none() {
        for (word, sym, u) in WORD_UNITS {
            if let Some(m) = lower.strip_prefix(word) {
                // A word unit ends its word; a symbol may be glued to « HT ».
                let symbol_unit = !word.starts_with(char::is_alphabetic);
                if symbol_unit || !m.starts_with(char::is_alphabetic) {
                    rest = m;
                    symbol = sym;
                    unit = Some(u);
                    break;
                }
            }
        }
    }
    // Words glued to the number (« 12a ») are a typing slip, not a unit.
    if unit.is_none() && !spaced {
        return unchanged;
    }
    let allowed = |c: char| {
        c.is_alphabetic() || c.is_whitespace() || matches!(c, '\'' | '\u{2019}' | '-' | '.')
    };
    if !rest.chars().all(allowed) {
        return unchanged;
    }
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    // A misspelt unit (« eurosx », « jourss ») is not a word of the question.
    if unit.is_none()
        && words
            .first()
            .is_some_and(|w| w.starts_with("eur") || w.starts_with("jour"))
    {
        return unchanged;
    }
    if let Some(w) = words.iter().find(|w| SCALE_WORDS.contains(w)) {
        return Err(ParseError::Invalid(format!(
            "le mot {} change la valeur du nombre. Écrivez le nombre en entier, \
             par exemple 12\u{202F}000\u{A0}€ plutôt que 12 milliers d'euros.",
            quote(w)
        )));
    }
    // A unit the reader already knows, alone: nothing to drop.
    const KNOWN: [&str; 8] = ["euros", "euro", "eur", "€", "%", "jours", "jour", "j"];
    if words.is_empty() && KNOWN.contains(&lower.trim_end()) {
        return unchanged;
    }
    let number = number.trim_end();
    Ok(match symbol {
        Some(sym) => (Cow::Owned(format!("{number}{sym}")), None),
        None => (Cow::Borrowed(number), unit),
    })
}

fn trim_chars(mut s: &[char]) -> &[char] {
    while let [first, rest @ ..] = s {
        if first.is_whitespace() {
            s = rest;
        } else {
            break;
        }
    }
    while let [rest @ .., last] = s {
        if last.is_whitespace() {
            s = rest;
        } else {
            break;
        }
    }
    s
}

/// `«\u{A0}text\u{A0}»`, French quotes with no-break spaces.
fn quote(text: &str) -> String {
    format!("«\u{A0}{text}\u{A0}»")
}

/// Describes a character for a message: the character itself between French
/// quotes, or its code point when it is invisible.
fn describe_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() || c == '\u{FEFF}' {
        format!("U+{:04X}", c as u32)
    } else {
        quote(&c.to_string())
    }
}

fn eq_ignore_case(chars: &[char], word: &str) -> bool {
    chars.len() == word.chars().count()
        && chars
            .iter()
            .zip(word.chars())
            .all(|(a, b)| a.to_ascii_lowercase() == b)
}

/// Unit words, longest first so that `euros` wins over `euro` and `eur`.
const SUFFIXES: [(&str, TypedUnit); 8] = [
    ("euros", TypedUnit::Euros),
    ("jours", TypedUnit::Days),
    ("euro", TypedUnit::Euros),
    ("jour", TypedUnit::Days),
    ("eur", TypedUnit::Euros),
    ("€", TypedUnit::Euros),
    ("%", TypedUnit::Percent),
    ("j", TypedUnit::Days),
];

const PREFIXES: [(&str, TypedUnit); 2] = [("eur", TypedUnit::Euros), ("€", TypedUnit::Euros)];

/// Splits off a unit written before or after the number.
fn split_unit<'a>(
    chars: &'a [char],
    original: &str,
) -> Result<(Option<TypedUnit>, &'a [char]), ParseError> {
    let mut prefix = None;
    let mut body = chars;
    for (word, unit) in PREFIXES {
        let n = word.chars().count();
        if chars.len() >= n
            && eq_ignore_case(&chars[..n], word)
            && !chars.get(n).is_some_and(|c| c.is_alphabetic())
        {
            prefix = Some(unit);
            body = &chars[n..];
            break;
        }
    }
    let mut suffix = None;
    for (word, unit) in SUFFIXES {
        let n = word.chars().count();
        if body.len() >= n
            && eq_ignore_case(&body[body.len() - n..], word)
            && !(body.len() > n && body[body.len() - n - 1].is_alphabetic())
        {
            suffix = Some(unit);
            body = &body[..body.len() - n];
            break;
        }
    }
    match (prefix, suffix) {
        (Some(_), Some(_)) => Err(ParseError::Invalid(format!(
            "l'unité est écrite deux fois dans {}. Écrivez-la une seule fois, \
             après le nombre, par exemple 42\u{A0}€.",
            quote(original)
        ))),
        (p, s) => Ok((p.or(s), body)),
    }
}

/// Refuses any character other than digits, `,`, `.` and spaces, with a
/// message naming it; detects scientific notation.
fn check_characters(rest: &[char]) -> Result<(), ParseError> {
    for (i, &c) in rest.iter().enumerate() {
        if c.is_ascii_digit() || c == ',' || c == '.' || is_space(c) {
            continue;
        }
        if c == 'e' || c == 'E' {
            let digit_before = i > 0 && rest[i - 1].is_ascii_digit();
            let digit_after = match rest.get(i + 1) {
                Some(d) if d.is_ascii_digit() => true,
                Some('+' | '-' | '\u{2212}') => rest.get(i + 2).is_some_and(char::is_ascii_digit),
                _ => false,
            };
            if digit_before && digit_after {
                return Err(ParseError::Exponent);
            }
        }
        let detail = match c {
            '+' | '-' | '\u{2212}' => format!(
                "le signe {} n'est permis qu'une fois, tout au début du nombre \
                 (par exemple -12,5).",
                describe_char(c)
            ),
            '€' | '%' => format!(
                "le symbole {} doit être écrit au bout du nombre, une seule fois \
                 (par exemple 42\u{A0}€ ou 12,5\u{A0}%).",
                describe_char(c)
            ),
            _ => format!(
                "caractère inattendu {}. Une réponse ne contient que des chiffres, \
                 une virgule pour les décimales, des espaces entre les milliers \
                 et éventuellement une unité (€, %, jours), par exemple 1\u{202F}234,56\u{A0}€.",
                describe_char(c)
            ),
        };
        return Err(ParseError::Invalid(detail));
    }
    Ok(())
}

/// Kind of a thousands separator, for grouping checks and messages.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    Space,
    Comma,
    Point,
}

impl Sep {
    fn of(c: char) -> Sep {
        match c {
            ',' => Sep::Comma,
            '.' => Sep::Point,
            _ => Sep::Space,
        }
    }
}

/// Reads a number made only of digits, `,`, `.` and spaces (no sign, no
/// unit, not empty, no leading or trailing space).
fn read_number(rest: &[char], original: &str) -> Result<Decimal, ParseError> {
    let commas = rest.iter().filter(|&&c| c == ',').count();
    let points = rest.iter().filter(|&&c| c == '.').count();

    // Position of the decimal separator, if any.
    let decimal_at = if commas > 0 && points > 0 {
        // The last separator is the decimal one; it must be unique.
        let pos = rest
            .iter()
            .rposition(|&c| c == ',' || c == '.')
            .unwrap_or(0);
        let dec = rest[pos];
        let count = if dec == ',' { commas } else { points };
        if count > 1 {
            return Err(ParseError::Ambiguous(format!(
                "{} mélange virgules et points, et le dernier séparateur {} \
                 (celui des décimales) apparaît plusieurs fois. Utilisez un seul \
                 séparateur décimal, par exemple 1\u{202F}234,56.",
                quote(original),
                quote(&dec.to_string())
            )));
        }
        Some(pos)
    } else if commas + points == 1 {
        rest.iter().position(|&c| c == ',' || c == '.')
    } else {
        None // zero separators, or several identical ones: thousands
    };

    let (int_part, frac_part) = match decimal_at {
        Some(pos) => (&rest[..pos], &rest[pos + 1..]),
        None => (rest, &rest[..0]),
    };

    if let Some(&c) = frac_part.iter().find(|c| !c.is_ascii_digit()) {
        return Err(ParseError::Invalid(if is_space(c) {
            format!(
                "{} contient un espace dans la partie décimale. Les décimales \
                 s'écrivent sans espace, par exemple 1\u{202F}234,5678.",
                quote(original)
            )
        } else {
            format!(
                "{} contient un séparateur {} après les décimales. \
                 Écrivez par exemple 1\u{202F}234,56.",
                quote(original),
                quote(&c.to_string())
            )
        }));
    }

    let int_digits = read_integer(int_part, commas > 0 && points > 0, original)?;
    if int_digits.is_empty() && frac_part.is_empty() {
        return Err(ParseError::Invalid(format!(
            "{} ne contient aucun chiffre. Écrivez par exemple 0,5.",
            quote(original)
        )));
    }

    let mut canonical = String::with_capacity(int_digits.len() + frac_part.len() + 2);
    if int_digits.is_empty() {
        canonical.push('0');
    } else {
        canonical.push_str(&int_digits);
    }
    if !frac_part.is_empty() {
        canonical.push('.');
        canonical.extend(frac_part.iter());
    }
    Decimal::from_str_exact(&canonical).map_err(|_| ParseError::OutOfRange)
}

/// Reads the integer part: digits, possibly grouped by thousands with one
/// kind of separator. Returns the digits alone. `mixed` tells that both `,`
/// and `.` were typed (for the message).
fn read_integer(int_part: &[char], mixed: bool, original: &str) -> Result<String, ParseError> {
    let mut groups: Vec<usize> = vec![0];
    let mut kind: Option<Sep> = None;
    let mut digits = String::with_capacity(int_part.len());
    let mut i = 0;
    while i < int_part.len() {
        let c = int_part[i];
        if c.is_ascii_digit() {
            digits.push(c);
            if let Some(last) = groups.last_mut() {
                *last += 1;
            }
            i += 1;
            continue;
        }
        let sep = Sep::of(c);
        // A run of spaces counts as one separator.
        if sep == Sep::Space {
            while i + 1 < int_part.len() && is_space(int_part[i + 1]) {
                i += 1;
            }
        }
        match kind {
            None => kind = Some(sep),
            Some(k) if k != sep => {
                return Err(ParseError::Ambiguous(format!(
                    "{} sépare les milliers de deux façons différentes. \
                     Choisissez-en une, par exemple 1\u{202F}234\u{202F}567,89.",
                    quote(original)
                )))
            }
            Some(_) => {}
        }
        groups.push(0);
        i += 1;
    }

    if let Some(k) = kind {
        let first_ok = (1..=3).contains(&groups[0]);
        let others_ok = groups[1..].iter().all(|&n| n == 3);
        if !(first_ok && others_ok) {
            let q = quote(original);
            let detail = match k {
                Sep::Space => format!(
                    "dans {q}, les espaces ne peuvent séparer que des groupes de \
                     3 chiffres (1\u{202F}234\u{202F}567). Écrivez par exemple \
                     1234,5 ou 1\u{202F}234,5."
                ),
                _ if mixed => format!(
                    "dans {q}, la virgule et le point sont ambigus\u{A0}: quand les \
                     deux apparaissent, le dernier marque les décimales et l'autre \
                     sépare les milliers par groupes de 3 chiffres (1.234,56 ou \
                     1,234.56), ce qui n'est pas le cas ici. Écrivez par exemple \
                     1\u{202F}234,56."
                ),
                Sep::Comma => format!(
                    "dans {q}, les virgules sont ambiguës\u{A0}: plusieurs virgules ne \
                     peuvent que séparer les milliers, par groupes de 3 chiffres \
                     (1,234,567), ce qui n'est pas le cas ici. Utilisez une seule \
                     virgule, pour les décimales, par exemple 1234,5 ou 1\u{202F}234,5."
                ),
                Sep::Point => format!(
                    "dans {q}, les points sont ambigus\u{A0}: plusieurs points ne \
                     peuvent que séparer les milliers, par groupes de 3 chiffres \
                     (1.234.567), ce qui n'est pas le cas ici. Utilisez une seule \
                     virgule, pour les décimales, par exemple 1234,5 ou 1\u{202F}234,5."
                ),
            };
            return Err(ParseError::Ambiguous(detail));
        }
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::format::{euros, percent};
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn ok(input: &str) -> (Decimal, Option<TypedUnit>) {
        let p = parse_answer(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        (p.value, p.unit)
    }

    fn err(input: &str) -> ParseError {
        parse_answer(input).expect_err(input)
    }

    #[test]
    fn spellings_from_the_brief() {
        use TypedUnit::*;
        let cases: &[(&str, &str, Option<TypedUnit>)] = &[
            ("1234,56", "1234.56", None),
            ("1 234,56 €", "1234.56", Some(Euros)),
            ("1234.56", "1234.56", None),
            ("1.234,56", "1234.56", None),
            ("1,234.56", "1234.56", None),
            ("-12,5", "-12.5", None),
            ("12,5 %", "12.5", Some(Percent)),
            ("12.5%", "12.5", Some(Percent)),
            ("  42  ", "42", None),
            ("42€", "42", Some(Euros)),
            ("€ 42", "42", Some(Euros)),
            ("42 EUR", "42", Some(Euros)),
            ("42 euros", "42", Some(Euros)),
            ("1 euro", "1", Some(Euros)),
            ("30 j", "30", Some(Days)),
            ("30 jours", "30", Some(Days)),
            ("+3", "3", None),
            ("\u{2212}3", "-3", None),
            ("1 234 567", "1234567", None),
            ("1.234.567", "1234567", None),
            ("1,234,567", "1234567", None),
            ("0,5", "0.5", None),
            (",5", "0.5", None),
            ("5,", "5", None),
            ("1\u{A0}234", "1234", None),
            ("1\u{202F}234", "1234", None),
            ("1\u{2009}234", "1234", None),
            ("12\u{A0}%", "12", Some(Percent)),
            ("1.234", "1.234", None),
            ("1,234", "1.234", None),
        ];
        for (input, value, unit) in cases {
            assert_eq!(ok(input), (d(value), *unit), "{input:?}");
        }
    }

    #[test]
    fn errors_from_the_brief() {
        assert_eq!(err("").code(), "vide");
        assert_eq!(err(" \u{A0} ").code(), "vide");
        assert_eq!(err("12,34,5").code(), "ambigu");
        for input in ["abc", "12a", "1-2", "--3", "%", "€"] {
            assert_eq!(err(input).code(), "illisible", "{input:?}");
        }
        assert_eq!(err("1e999"), ParseError::Exponent);
        assert_eq!(err("1E5"), ParseError::Exponent);
        assert_eq!(err(&"9".repeat(10_000)), ParseError::TooLong);
        assert_eq!(err("99999999999999999999999999999"), ParseError::OutOfRange);
    }

    #[test]
    fn messages_are_specific() {
        let m = err("12a").to_string();
        assert!(m.contains("«\u{A0}a\u{A0}»"), "{m}");
        let m = err("12,34,5").to_string();
        assert!(
            m.contains("virgules sont ambiguës") && m.contains("1234,5"),
            "{m}"
        );
        let m = err("1,2.3").to_string();
        assert!(m.contains("la virgule et le point"), "{m}");
        let m = err("1\t2").to_string();
        assert!(m.contains("U+0009"), "{m}");
        assert!(err("").to_string().starts_with("Réponse vide"));
        assert!(err("1e5").to_string().contains("notation scientifique"));
    }

    #[test]
    fn negative_zero_is_zero() {
        let (v, _) = ok("-0,00");
        assert!(v.is_zero() && !v.is_sign_negative());
    }

    proptest! {
        #[test]
        fn never_panics(s in any::<String>()) {
            let _ = parse_answer(&s);
        }

        #[test]
        fn never_panics_on_number_like(s in "[-+−€%jJeE0-9,. \u{A0}\u{202F}\u{2009}]{0,40}") {
            if let Err(e) = parse_answer(&s) {
                let _ = e.to_string();
            }
        }

        #[test]
        fn euros_round_trip(cents in -1_000_000_000_000_000i64..1_000_000_000_000_000i64) {
            let v = Decimal::new(cents, 2);
            let parsed = parse_answer(&euros(v)).unwrap();
            prop_assert_eq!(parsed.value, v);
            prop_assert_eq!(parsed.unit, Some(TypedUnit::Euros));
        }

        #[test]
        fn percent_round_trip(hundredths in -10_000_000_000i64..10_000_000_000i64) {
            let p = Decimal::new(hundredths, 2);
            let parsed = parse_answer(&percent(p)).unwrap();
            prop_assert_eq!(parsed.value, p);
            prop_assert_eq!(parsed.unit, Some(TypedUnit::Percent));
        }
    }
}

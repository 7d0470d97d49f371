//! French display of numbers, amounts and percentages.
//!
//! Conventions (as in French typography and on French invoices):
//! - decimal comma: `12,5`;
//! - thousands grouped by three with U+202F (narrow no-break space) in the
//!   integer part only, from 4 digits on: `1 234`, `12 000`; decimals are
//!   never grouped;
//! - a U+00A0 (no-break space) before `€` and `%`: `12,30 €`, `5,5 %`;
//! - negatives use the ASCII hyphen-minus `-` (what students type, and what
//!   [`crate::num::parse::parse_answer`] reads back).
//!
//! Every function rounds half away from zero first (see
//! [`crate::num::round`]); the output of [`euros`] and [`percent`] parses
//! back to the same value with [`crate::num::parse::parse_answer`].

use super::round::round_half_away;
use rust_decimal::Decimal;
use std::fmt::{self, Write};

/// Thousands separator: U+202F NARROW NO-BREAK SPACE.
pub const GROUP_SEPARATOR: char = '\u{202F}';
/// Space between a number and its unit (`€`, `%`): U+00A0 NO-BREAK SPACE.
pub const UNIT_SPACE: char = '\u{00A0}';

/// Formats an amount in euros with exactly 2 decimals, rounded half away
/// from zero to the cent: `1234.5` → `"1 234,50 €"`, `-12.3` → `"-12,30 €"`,
/// `0` → `"0,00 €"`.
pub fn euros(x: Decimal) -> String {
    let mut s = String::with_capacity(24);
    push_euros(&mut s, x);
    s
}

/// Formats a percentage. `x` is already in percent units (`12.5` means
/// 12,5 %). Rounded half away from zero to at most 2 decimals, trailing zeros
/// trimmed: `"12,5 %"`, `"20 %"`, `"33,33 %"`, `"1 250 %"`.
pub fn percent(x: Decimal) -> String {
    let mut s = String::with_capacity(16);
    push_percent(&mut s, x);
    s
}

/// Formats a plain number rounded half away from zero to at most `max_dp`
/// decimals, trailing zeros trimmed, thousands grouped:
/// `number(1.35, 4)` → `"1,35"`, `number(12000, 0)` → `"12 000"`.
pub fn number(x: Decimal, max_dp: u32) -> String {
    let mut s = String::with_capacity(16);
    push_number(&mut s, x, max_dp);
    s
}

/// Formats a number with exactly `dp` decimals (rounded half away from zero,
/// padded with zeros), thousands grouped: `fixed(1234.56, 3)` → `"1 234,560"`.
pub fn fixed(x: Decimal, dp: u32) -> String {
    let mut s = String::with_capacity(16);
    let _ = layout(&mut s, round_half_away(x, dp), Decimals::Exactly(dp));
    s
}

/// Appends [`euros`]`(x)` to `out`: statements and steps are built in one buffer, and an
/// intermediate `String` per amount was a good part of their cost.
pub fn push_euros(out: &mut String, x: Decimal) {
    push_rounded(out, x, 2, Decimals::Exactly(2));
    out.push_str("\u{a0}€"); // UNIT_SPACE
}

/// Appends [`percent`]`(x)` to `out`.
pub fn push_percent(out: &mut String, x: Decimal) {
    push_rounded(out, x, 2, Decimals::AtMost);
    out.push_str("\u{a0}%"); // UNIT_SPACE
}

/// Appends [`number`]`(x, max_dp)` to `out`.
pub fn push_number(out: &mut String, x: Decimal, max_dp: u32) {
    push_rounded(out, x, max_dp, Decimals::AtMost);
}

/// `x` rounded half away from zero to `dp` decimals, laid out short when it is small
/// ([`push_small`]), else by the general [`layout`].
#[inline(always)]
fn push_rounded(out: &mut String, x: Decimal, dp: u32, decimals: Decimals) {
    let x = round_half_away(x, dp);
    if !push_small(out, x, decimals) {
        // Writing into a String cannot fail.
        let _ = layout(out, x, decimals);
    }
}

/// Appends [`number`]`(n, 0)` for a count (respondents, quantities): the same text, laid
/// out without going through a `Decimal` when the count has at most three digits, as
/// nearly every count of a survey table has (they are most of its hundred-odd numbers).
pub fn push_count(out: &mut String, n: i64) {
    if (-999..1000).contains(&n) {
        push_digits(out, n < 0, n.unsigned_abs());
    } else {
        push_number(out, Decimal::from(n), 0);
    }
}

/// Appends an integer as plain digits, without thousands separators (question and line
/// numbers, years): `-` then the digits of `m`.
///
/// Inlined for counts, question and line numbers (three digits at most, seventy-odd in a
/// survey exercise): called, saving and restoring registers cost a third of each.
#[inline(always)]
pub fn push_digits(out: &mut String, negative: bool, m: u64) {
    if negative || m >= 1000 {
        return push_long_digits(out, negative, m);
    }
    Ascii::new(out).below_1000(m as u32);
}

/// [`push_digits`] for the others.
#[inline(never)]
fn push_long_digits(out: &mut String, negative: bool, m: u64) {
    let mut out = Ascii::new(out);
    if negative {
        out.push(b'-');
    }
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut m = m;
    // At least one digit: "-0" stays a number.
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    for &digit in &buf[i..] {
        out.push(digit);
    }
}

/// A `String` appended to byte by byte with ASCII only (digits, signs, commas).
///
/// The number layouts write a few bytes at a time: `String::push` encodes each `char` in
/// UTF-8 first (a branch per byte) and `push_str` of a short slice is a call to `memcpy`,
/// each costing more than computing the digit (callgrind: laying out its numbers was over
/// a quarter of generating a survey exercise).
struct Ascii<'a>(&'a mut Vec<u8>);

impl<'a> Ascii<'a> {
    fn new(out: &'a mut String) -> Ascii<'a> {
        // SAFETY: bytes are only appended through `push`, which refuses any but ASCII:
        // the text stays valid UTF-8.
        Ascii(unsafe { out.as_mut_vec() })
    }

    #[inline(always)]
    fn push(&mut self, byte: u8) {
        assert!(byte.is_ascii());
        self.0.push(byte);
    }

    /// One decimal digit, `d` < 10.
    #[inline(always)]
    fn digit(&mut self, d: u32) {
        debug_assert!(d < 10);
        self.push(b'0' + d as u8);
    }

    /// The digits of `n` < 1 000, without leading zeros.
    #[inline(always)]
    fn below_1000(&mut self, n: u32) {
        debug_assert!(n < 1000);
        if n >= 100 {
            self.digit(n / 100);
        }
        if n >= 10 {
            self.digit(n / 10 % 10);
        }
        self.digit(n % 10);
    }
}

/// Lays out the most common values, not negative, below 1 000 (no thousands separator)
/// with at most 4 decimals, digit by digit into `out`; `false` (and nothing written) for
/// the others, which [`layout`] takes. Shares, unit prices and counts are mostly such
/// values, and the general layout costs several times more for them (callgrind). Inlined
/// where amounts and shares are laid out, as for [`push_digits`].
#[inline(always)]
fn push_small(out: &mut String, x: Decimal, decimals: Decimals) -> bool {
    let scale = x.scale() as usize;
    let Ok(m) = u32::try_from(x.mantissa()) else {
        return false;
    };
    // Constant divisors (multiplications), not a division by a power looked up.
    let (integer, mut fraction) = match scale {
        0 => (m, 0),
        1 => (m / 10, m % 10),
        2 => (m / 100, m % 100),
        3 => (m / 1_000, m % 1_000),
        4 => (m / 10_000, m % 10_000),
        _ => return false,
    };
    if integer >= 1000 {
        return false;
    }
    let mut digits = scale;
    let mut pad = 0;
    match decimals {
        Decimals::Exactly(dp) => pad = (dp as usize).saturating_sub(scale),
        Decimals::AtMost => {
            while digits > 0 && fraction % 10 == 0 {
                fraction /= 10;
                digits -= 1;
            }
        }
    }
    let mut out = Ascii::new(out);
    out.below_1000(integer);
    if digits + pad > 0 {
        out.push(b',');
        let all = [
            fraction / 1000,
            fraction / 100 % 10,
            fraction / 10 % 10,
            fraction % 10,
        ];
        for &d in &all[4 - digits..] {
            out.digit(d);
        }
        for _ in 0..pad {
            out.push(b'0');
        }
    }
    true
}

fn write_euros(out: &mut impl Write, x: Decimal) -> fmt::Result {
    layout(out, round_half_away(x, 2), Decimals::Exactly(2))?;
    out.write_str("\u{a0}€") // UNIT_SPACE
}

fn write_percent(out: &mut impl Write, x: Decimal) -> fmt::Result {
    layout(out, round_half_away(x, 2), Decimals::AtMost)?;
    out.write_str("\u{a0}%") // UNIT_SPACE
}

/// [`euros`] as a `format!` argument, laid out straight into the text being built
/// rather than through an intermediate `String` (most statements and steps are a
/// `format!` full of amounts). Width and alignment flags are ignored.
pub struct Euros(pub Decimal);

/// [`percent`] as a `format!` argument (see [`Euros`]).
pub struct Percent(pub Decimal);

/// [`number`]`(x, max_dp)` as a `format!` argument (see [`Euros`]).
pub struct Number(pub Decimal, pub u32);

/// A count laid out as [`push_count`] does (the text of `Number(n.into(), 0)`).
pub struct Count(pub i64);

impl fmt::Display for Euros {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_euros(f, self.0)
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_percent(f, self.0)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        layout(f, round_half_away(self.0, self.1), Decimals::AtMost)
    }
}

#[derive(Clone, Copy)]
enum Decimals {
    /// Pad with zeros to exactly this many decimals.
    Exactly(u32),
    /// Keep the (already rounded) decimals, trimming trailing zeros.
    AtMost,
}

/// Lays out an already rounded value in French, appended to `out` (a `String` or a
/// `Formatter`).
fn layout(out: &mut impl Write, x: Decimal, decimals: Decimals) -> fmt::Result {
    let laid = Laid::new(x, decimals);
    out.write_str(laid.as_str())?;
    for _ in 0..laid.extra_zeros {
        out.write_char('0')?;
    }
    Ok(())
}

/// The French text of a number, laid out on the stack from its last digit to its sign.
///
/// Works on the mantissa's digits directly, in one backward pass: going through
/// `Decimal`'s `Display` cost a quarter of the generation time of an exercise, and laying
/// out the digits then copying them with their separators cost another tenth (callgrind).
struct Laid {
    /// At most a sign, 29 digits, 9 three-byte separators, a comma and 6 padding zeros.
    buf: [u8; 64],
    start: usize,
    /// Padding zeros beyond the 6 kept in `buf` (only for long `fixed` precisions).
    extra_zeros: usize,
}

/// Digits popped from the low end of a mantissa: 64-bit when it fits (128-bit division
/// is a slow library call, and almost every amount fits in 64 bits).
trait Digits: Copy {
    fn pop(&mut self) -> u8;
    fn is_zero(self) -> bool;
    fn ends_with_zero(self) -> bool;
}

macro_rules! digits_of {
    ($($t:ty),*) => {$(
        impl Digits for $t {
            fn pop(&mut self) -> u8 {
                let d = (*self % 10) as u8;
                *self /= 10;
                d
            }
            fn is_zero(self) -> bool {
                self == 0
            }
            fn ends_with_zero(self) -> bool {
                self.is_multiple_of(10)
            }
        }
    )*};
}
digits_of!(u64, u128);

// Inlined into `layout`, so that the text is laid out in its frame rather than built here
// and moved there.
impl Laid {
    #[inline(always)]
    fn new(x: Decimal, decimals: Decimals) -> Laid {
        let m = x.mantissa().unsigned_abs();
        match u64::try_from(m) {
            Ok(m) => Laid::digits(m, x, decimals),
            Err(_) => Laid::digits(m, x, decimals),
        }
    }

    #[inline(always)]
    fn digits(mut m: impl Digits, x: Decimal, decimals: Decimals) -> Laid {
        // `-0,00` must not appear: a value rounded to zero is shown unsigned.
        let negative = x.is_sign_negative() && !x.is_zero();
        let mut scale = x.scale() as usize;
        let mut pad = 0;
        match decimals {
            Decimals::Exactly(dp) => pad = (dp as usize).saturating_sub(scale),
            Decimals::AtMost => {
                while scale > 0 && m.ends_with_zero() {
                    m.pop();
                    scale -= 1;
                }
            }
        }
        let mut buf = [b'0'; 64];
        let kept_pad = pad.min(6);
        let mut i = buf.len() - kept_pad; // `buf` is filled with zeros: padding is a gap.
        for _ in 0..scale {
            i -= 1;
            buf[i] = b'0' + m.pop();
        }
        if scale > 0 || pad > 0 {
            i -= 1;
            buf[i] = b',';
        }
        // Integer digits (at least one), grouped by three with U+202F from the right.
        let mut count = 0;
        loop {
            if count > 0 && count % 3 == 0 {
                i -= 3;
                buf[i..i + 3].copy_from_slice(GROUP_SEPARATOR_UTF8);
            }
            i -= 1;
            buf[i] = b'0' + m.pop();
            count += 1;
            if m.is_zero() {
                break;
            }
        }
        if negative {
            i -= 1;
            buf[i] = b'-';
        }
        Laid {
            buf,
            start: i,
            extra_zeros: pad - kept_pad,
        }
    }

    fn as_str(&self) -> &str {
        let bytes = &self.buf[self.start..];
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        // SAFETY: `digits` writes only ASCII bytes (digits, '-', ',') and whole UTF-8
        // encodings of U+202F, each at once, so `bytes` is valid UTF-8. Checking it again
        // for every number cost a quarter of the layout (callgrind); the property test
        // `layout_matches_decimal_text` and the debug assertion above cover it.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }
}

/// [`GROUP_SEPARATOR`] encoded in UTF-8.
const GROUP_SEPARATOR_UTF8: &[u8; 3] = b"\xE2\x80\xAF";

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn euros_examples() {
        assert_eq!(euros(d("1234.5")), "1\u{202F}234,50\u{A0}€");
        assert_eq!(euros(d("-12.3")), "-12,30\u{A0}€");
        assert_eq!(euros(d("0")), "0,00\u{A0}€");
        assert_eq!(euros(d("1234567.891")), "1\u{202F}234\u{202F}567,89\u{A0}€");
        assert_eq!(euros(d("2.345")), "2,35\u{A0}€");
        assert_eq!(euros(d("-2.345")), "-2,35\u{A0}€");
        assert_eq!(euros(d("999.995")), "1\u{202F}000,00\u{A0}€");
        assert_eq!(euros(d("-0.001")), "0,00\u{A0}€");
        assert_eq!(euros(d("100")), "100,00\u{A0}€");
        assert_eq!(euros(d("1000")), "1\u{202F}000,00\u{A0}€");
    }

    #[test]
    fn percent_examples() {
        assert_eq!(percent(d("12.5")), "12,5\u{A0}%");
        assert_eq!(percent(d("20")), "20\u{A0}%");
        assert_eq!(percent(d("20.00")), "20\u{A0}%");
        assert_eq!(percent(d("5.5")), "5,5\u{A0}%");
        assert_eq!(percent(d("33.3333")), "33,33\u{A0}%");
        assert_eq!(percent(d("66.665")), "66,67\u{A0}%");
        assert_eq!(percent(d("1250")), "1\u{202F}250\u{A0}%");
        assert_eq!(percent(d("-4.005")), "-4,01\u{A0}%");
        assert_eq!(percent(d("0")), "0\u{A0}%");
    }

    #[test]
    fn number_examples() {
        assert_eq!(number(d("1.35"), 4), "1,35");
        assert_eq!(number(d("12000"), 0), "12\u{202F}000");
        assert_eq!(number(d("1.23456"), 4), "1,2346");
        assert_eq!(number(d("2.5"), 0), "3");
        assert_eq!(number(d("1234.5000"), 2), "1\u{202F}234,5");
        assert_eq!(number(d("0.12345"), 2), "0,12");
        assert_eq!(number(d("123"), 2), "123");
        assert_eq!(number(d("-1234567"), 0), "-1\u{202F}234\u{202F}567");
    }

    #[test]
    fn fixed_examples() {
        assert_eq!(fixed(d("1234.56"), 3), "1\u{202F}234,560");
        assert_eq!(fixed(d("1234.5678"), 3), "1\u{202F}234,568");
        assert_eq!(fixed(d("12"), 0), "12");
        assert_eq!(fixed(d("0.5"), 0), "1");
        assert_eq!(fixed(d("0.1234567"), 5), "0,12346");
    }

    #[test]
    fn grouping_only_in_integer_part() {
        assert_eq!(number(d("1"), 0), "1");
        assert_eq!(number(d("123"), 0), "123");
        assert_eq!(number(d("1234"), 0), "1\u{202F}234");
        assert_eq!(number(d("123456"), 0), "123\u{202F}456");
        assert_eq!(number(d("1234567"), 0), "1\u{202F}234\u{202F}567");
        assert_eq!(number(d("0.05"), 2), "0,05");
        assert_eq!(number(d("-0.5"), 2), "-0,5");
        assert_eq!(fixed(d("0.005"), 3), "0,005");
        assert_eq!(number(d("1234.56789"), 5), "1\u{202F}234,56789");
    }

    #[test]
    fn counts_are_numbers_without_decimals() {
        for n in (-1200..=1200).chain([9_999, 10_000, 123_456, -1_000_000, i64::MAX, i64::MIN]) {
            let mut s = String::from("n = ");
            push_count(&mut s, n);
            assert_eq!(s, format!("n = {}", number(Decimal::from(n), 0)), "{n}");
        }
        let mut s = String::new();
        push_count(&mut s, 7);
        push_count(&mut s, 40);
        push_count(&mut s, 305);
        push_count(&mut s, 1250);
        assert_eq!(s, "7403051\u{202F}250");
    }

    #[test]
    fn plain_digits() {
        let digits = |negative, m| {
            let mut s = String::from(">");
            push_digits(&mut s, negative, m);
            s
        };
        assert_eq!(digits(false, 0), ">0");
        assert_eq!(digits(true, 0), ">-0");
        assert_eq!(digits(false, 999), ">999");
        assert_eq!(digits(false, 1000), ">1000");
        assert_eq!(digits(true, 7), ">-7");
        assert_eq!(digits(true, 12_345), ">-12345");
        assert_eq!(digits(false, u64::MAX), ">18446744073709551615");
    }

    #[test]
    fn display_adapters_match_the_functions() {
        for x in [
            "0",
            "-0.001",
            "2.345",
            "-1234.5",
            "1234567.891",
            "12.5",
            "33.3333",
        ] {
            let x = d(x);
            assert_eq!(format!("{}", Euros(x)), euros(x));
            assert_eq!(format!("{}", Percent(x)), percent(x));
            assert_eq!(format!("{}", Number(x, 1)), number(x, 1));
            let mut s = String::from("a ");
            push_euros(&mut s, x);
            assert_eq!(s, format!("a {}", euros(x)));
        }
    }

    use proptest::prop_oneof;

    /// The layout written from the mantissa against one written from `Decimal`'s own
    /// text: trailing zeros trimmed, integer part grouped by three, decimal comma.
    fn reference(x: Decimal, max_dp: u32) -> String {
        let text = round_half_away(x, max_dp).normalize().to_string();
        let (sign, digits) = match text.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", text.as_str()),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(GROUP_SEPARATOR);
            }
            grouped.push(c);
        }
        let sign = if grouped == "0" && frac.is_empty() {
            ""
        } else {
            sign
        };
        match frac {
            "" => format!("{sign}{grouped}"),
            f => format!("{sign}{grouped},{f}"),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn layout_matches_decimal_text(
            m in prop_oneof![
                // Amounts, rates and counts (64-bit mantissas), and the whole range.
                -10_000_000_000i128..10_000_000_000,
                // Small values (the direct layout of `push_small`).
                -1_000i128..10_000_000,
                -(1i128 << 96) + 1..(1i128 << 96),
            ],
            scale in prop_oneof![0u32..=4, 0u32..=28],
            dp in 0u32..=6,
        ) {
            let x = Decimal::from_i128_with_scale(m, scale);
            proptest::prop_assert_eq!(number(x, dp), reference(x, dp));
            proptest::prop_assert_eq!(number(x, 28), reference(x, 28));
            // Exactly `dp` decimals: the trimmed text padded with zeros.
            let trimmed = reference(x, dp);
            let have = trimmed.split_once(',').map_or(0, |(_, f)| f.len()) as u32;
            let mut padded = trimmed.clone();
            if dp > 0 && have == 0 {
                padded.push(',');
            }
            padded.extend(std::iter::repeat_n('0', (dp - have) as usize));
            proptest::prop_assert_eq!(fixed(x, dp), padded);
            // Amounts and rates, whichever layout takes them.
            proptest::prop_assert_eq!(euros(x), format!("{}\u{a0}€", fixed(x, 2)));
            proptest::prop_assert_eq!(percent(x), format!("{}\u{a0}%", reference(x, 2)));
        }
    }

    #[test]
    fn extreme_values_do_not_panic() {
        let _ = euros(Decimal::MAX);
        let _ = euros(Decimal::MIN);
        let _ = percent(Decimal::MAX);
        let _ = fixed(Decimal::MAX, 40);
        let _ = number(Decimal::new(1, 28), 30);
    }
}

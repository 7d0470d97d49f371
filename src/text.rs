//! Small French text helpers shared by statements and reports, and the pieces that
//! statements are assembled from.

use crate::num::format::{
    push_count, push_digits, push_euros, push_number, push_percent, Count, Euros, Number, Percent,
};

/// Something a statement or a worked step is assembled from: literal text, a name from
/// the context pools, an amount laid out in French. See [`text!`](crate::text!).
///
/// Exists because `format!` was the largest single cost of generating a pricing
/// exercise (its argument machinery, padding checks and buffer growth: with the numbers
/// it laid out, about a third of the instructions, callgrind); pieces pushed in order
/// into a buffer sized up front cost a fraction of that, and the text still reads in
/// order in the source.
pub trait Piece {
    fn push_to(&self, out: &mut String);
    /// Bytes this piece will probably take (sizes the buffer once).
    fn size_hint(&self) -> usize;
}

/// Text, borrowed or owned.
macro_rules! text_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                out.push_str(self);
            }
            fn size_hint(&self) -> usize {
                self.len()
            }
        }
    )*};
}
text_pieces!(str, String, std::borrow::Cow<'_, str>);

impl Piece for char {
    fn push_to(&self, out: &mut String) {
        out.push(*self);
    }
    fn size_hint(&self) -> usize {
        self.len_utf8()
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out)
    }
    fn size_hint(&self) -> usize {
        (**self).size_hint()
    }
}

impl Piece for Euros {
    fn push_to(&self, out: &mut String) {
        push_euros(out, self.0);
    }
    fn size_hint(&self) -> usize {
        16
    }
}

impl Piece for Percent {
    fn push_to(&self, out: &mut String) {
        push_percent(out, self.0);
    }
    fn size_hint(&self) -> usize {
        10
    }
}

impl Piece for Number {
    fn push_to(&self, out: &mut String) {
        push_number(out, self.0, self.1);
    }
    fn size_hint(&self) -> usize {
        12
    }
}

impl Piece for Count {
    fn push_to(&self, out: &mut String) {
        push_count(out, self.0);
    }
    fn size_hint(&self) -> usize {
        4
    }
}

/// Pieces in a row: `("(1 − ", Percent(t), ")")` is one piece.
macro_rules! tuple_pieces {
    ($($name:ident),*) => {
        impl<$($name: Piece),*> Piece for ($($name,)*) {
            #[allow(non_snake_case)]
            fn push_to(&self, out: &mut String) {
                let ($($name,)*) = self;
                $( $name.push_to(out); )*
            }
            #[allow(non_snake_case)]
            fn size_hint(&self) -> usize {
                let ($($name,)*) = self;
                0 $( + $name.size_hint() )*
            }
        }
    };
}
/// Tuples of every length up to the longest `text!` (each a run of pieces in order).
macro_rules! tuples_up_to {
    ($first:ident $(, $rest:ident)*) => {
        tuple_pieces!($first $(, $rest)*);
        tuples_up_to!($($rest),*);
    };
    () => {};
}
tuples_up_to!(
    P01, P02, P03, P04, P05, P06, P07, P08, P09, P10, P11, P12, P13, P14, P15, P16, P17, P18, P19,
    P20, P21, P22, P23, P24, P25, P26, P27, P28, P29, P30, P31, P32, P33, P34, P35, P36, P37, P38,
    P39, P40, P41, P42, P43, P44, P45, P46, P47, P48
);

/// The items of an iterator separated by a text: `Joined(" × ", coefficients)`, written
/// straight into the text rather than collected and joined first.
pub struct Joined<I>(pub &'static str, pub I);

impl<I> Piece for Joined<I>
where
    I: Iterator + Clone,
    I::Item: Piece,
{
    fn push_to(&self, out: &mut String) {
        for (k, item) in self.1.clone().enumerate() {
            if k > 0 {
                out.push_str(self.0);
            }
            item.push_to(out);
        }
    }
    fn size_hint(&self) -> usize {
        self.1.size_hint().0 * (self.0.len() + 10)
    }
}

/// Items as a French list, "a", "a et b", "a, b et c" (see [`french_list`]).
pub struct FrenchList<I>(pub I);

impl<I> Piece for FrenchList<I>
where
    I: ExactSizeIterator + Clone,
    I::Item: Piece,
{
    fn push_to(&self, out: &mut String) {
        let n = self.0.len();
        for (k, item) in self.0.clone().enumerate() {
            match k {
                0 => {}
                _ if k + 1 == n => out.push_str(" et "),
                _ => out.push_str(", "),
            }
            item.push_to(out);
        }
    }
    fn size_hint(&self) -> usize {
        self.0.len() * 12
    }
}

/// A name capitalised in place ("remise" → "Remise"), see [`push_capitalised`].
pub struct Capitalised<'a>(pub &'a str);

impl Piece for Capitalised<'_> {
    fn push_to(&self, out: &mut String) {
        push_capitalised(out, self.0);
    }
    fn size_hint(&self) -> usize {
        self.0.len() + 1
    }
}

/// Integers as `{}` writes them: ASCII digits, no grouping (years, days, ranks).
macro_rules! integer_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                push_digits(out, *self < 0, self.unsigned_abs() as u64);
            }
            fn size_hint(&self) -> usize {
                6
            }
        }
    )*};
}
integer_pieces!(i32, i64);

macro_rules! unsigned_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                push_digits(out, false, *self as u64);
            }
            fn size_hint(&self) -> usize {
                4
            }
        }
    )*};
}
unsigned_pieces!(u32, u64, usize);

/// The text of `pieces` in one buffer sized from their hints (see [`text!`](crate::text!)).
///
/// Generic rather than over `&[&dyn Piece]`: each `text!` gets its own code, where the
/// literal pieces' lengths are constants (their copies a few moves, not `memcpy` calls)
/// and no piece is a virtual call (both were a tenth of generating an exercise, callgrind).
pub fn assemble(pieces: impl Piece) -> String {
    let mut out = String::with_capacity(pieces.size_hint());
    pieces.push_to(&mut out);
    out
}

/// Appends pieces ([`Piece`]) to a `String` in order: `push_text!(out, "Escompte = ",
/// Euros(e), " ; ")`.
#[macro_export]
macro_rules! push_text {
    ($out:expr $(, $piece:expr)* $(,)?) => {{
        let out: &mut String = &mut $out;
        $( $crate::text::Piece::push_to(&$piece, out); )*
    }};
}

/// A `String` assembled from pieces ([`Piece`]), sized once: `text!("Montant brut HT = ",
/// Euros(b), ".")` reads like the `format!` it replaces, at a fraction of its cost.
/// Each piece is evaluated once, in order.
#[macro_export]
macro_rules! text {
    ($($piece:expr),* $(,)?) => {
        $crate::text::assemble(($(&$piece,)*))
    };
}

/// "net commercial" → "Net commercial".
pub fn capitalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_capitalised(&mut out, s);
    out
}

/// Appends `s` capitalised to `out`, for text built in one buffer.
pub fn push_capitalised(out: &mut String, s: &str) {
    // Most names start with an ASCII letter: no Unicode case table for them (every
    // solution heading capitalises its question's name).
    if let Some(&first) = s.as_bytes().first().filter(|b| b.is_ascii()) {
        out.push(char::from(first.to_ascii_uppercase()));
        out.push_str(&s[1..]);
        return;
    }
    let mut c = s.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_uppercase());
        out.push_str(c.as_str());
    }
}

/// "Négoce de vins" → "négoce de vins".
pub fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "a", "a et b", "a, b et c".
pub fn french_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

/// `singular` or `plural` as French agrees with the count `n`: the plural from 2 on
/// (« 1,89 produit », « 0 client », « 2 clients »).
pub fn by_count<'a>(n: rust_decimal::Decimal, singular: &'a str, plural: &'a str) -> &'a str {
    if n.abs() >= rust_decimal::Decimal::TWO {
        plural
    } else {
        singular
    }
}

/// French plural of a noun phrase's first word ("cagette de cerises" → "cagettes de cerises").
pub fn plural(noun: &str) -> String {
    let mut out = String::with_capacity(noun.len() + 1);
    push_plural(&mut out, noun);
    out
}

/// Appends [`plural`]`(noun)` to `out`.
pub fn push_plural(out: &mut String, noun: &str) {
    let (head, tail) = match noun.find(' ') {
        Some(i) => noun.split_at(i),
        None => (noun, ""),
    };
    out.push_str(head);
    if head.ends_with("eau") {
        out.push('x');
    } else if !(head.ends_with('s') || head.ends_with('x') || head.ends_with('z')) {
        out.push('s');
    }
    out.push_str(tail);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_and_counts() {
        use crate::num::format::Count;
        let built = crate::text!(0usize, " ", 9i32, " ", 10u64, " ", -3i64, " ", Count(12500));
        assert_eq!(built, "0 9 10 -3 12\u{202f}500");
        let extremes = crate::text!(i64::MIN, " ", u64::MAX, " ", i32::MIN, " ", 1_000_000usize);
        assert_eq!(
            extremes,
            "-9223372036854775808 18446744073709551615 -2147483648 1000000"
        );
    }

    #[test]
    fn pieces_read_like_format() {
        use crate::num::format::{Euros, Number, Percent};
        use rust_decimal::Decimal;
        let x = Decimal::new(123456, 2);
        let name = String::from("remise");
        let built = crate::text!(
            "A ",
            name,
            " de ",
            Percent(Decimal::new(125, 1)),
            " sur ",
            Euros(x),
            " : ",
            Number(x, 1),
            ", ",
            -42i64,
            ' ',
            7usize,
            " ",
            2026u32,
            "."
        );
        assert_eq!(
            built,
            format!(
                "A {name} de {} sur {} : {}, -42 7 2026.",
                Percent(Decimal::new(125, 1)),
                Euros(x),
                Number(x, 1)
            )
        );
        assert_eq!(
            built,
            "A remise de 12,5\u{a0}% sur 1\u{202f}234,56\u{a0}€ : 1\u{202f}234,6, -42 7 2026."
        );
        // Each piece is evaluated once.
        let mut calls = 0;
        let mut next = || {
            calls += 1;
            calls
        };
        assert_eq!(crate::text!(next(), "-", next()), "1-2");
        let rates = [Decimal::new(5, 0), Decimal::new(25, 1), Decimal::ONE];
        let items: Vec<String> = rates
            .iter()
            .map(|r| crate::num::format::percent(*r))
            .collect();
        for n in 0..=3 {
            assert_eq!(
                crate::text!(FrenchList(rates[..n].iter().map(|r| Percent(*r)))),
                french_list(&items[..n])
            );
            assert_eq!(
                crate::text!(Joined(
                    " × ",
                    rates[..n].iter().map(|r| ("(", Percent(*r), ")"))
                )),
                items[..n]
                    .iter()
                    .map(|r| format!("({r})"))
                    .collect::<Vec<_>>()
                    .join(" × ")
            );
        }
        assert_eq!(
            crate::text!(Capitalised("écart"), " de ", 3u32),
            "Écart de 3"
        );
        let mut out = String::from(">");
        crate::push_text!(out, i64::MIN, " ", u64::MAX);
        assert_eq!(out, format!(">{} {}", i64::MIN, u64::MAX));
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("cagette"), "cagettes");
        assert_eq!(plural("lot de 3"), "lots de 3");
        assert_eq!(plural("colis"), "colis");
        assert_eq!(plural("tonneau"), "tonneaux");
    }

    #[test]
    fn lists_and_case() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(french_list(&v(&["a"])), "a");
        assert_eq!(french_list(&v(&["a", "b"])), "a et b");
        assert_eq!(french_list(&v(&["a", "b", "c"])), "a, b et c");
        assert_eq!(capitalise("écart"), "Écart");
        assert_eq!(capitalise("net commercial"), "Net commercial");
        assert_eq!(capitalise("TVA à décaisser"), "TVA à décaisser");
        assert_eq!(capitalise("3e prix"), "3e prix");
        assert_eq!(capitalise(""), "");
        assert_eq!(lowercase_first("Négoce"), "négoce");
    }
}

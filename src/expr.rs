//! A tiny expression language for error carried forward.
//!
//! Each dependent step of an exercise carries the formula that gives its value from the
//! parameters and the earlier answers, e.g. `arrondi2(net_commercial * (1 - escompte / 100))`.
//! The corrector evaluates it with the student's own earlier answers; the book's
//! JavaScript evaluates the same text in the browser. The language is therefore small
//! and fully specified here, and computes with exact decimals:
//!
//! ```text
//! expr    := sum
//! sum     := product (('+' | '-') product)*
//! product := unary (('*' | '/') unary)*
//! unary   := '-' unary | power
//! power   := atom ('^' unary)?          exponent: an integer, |n| ≤ 1000 (right-associative)
//! atom    := number | ident | ident '(' expr (',' expr)* ')' | '(' expr ')'
//! number  := digits ('.' digits)?       no sign, no exponent
//! ident   := [a-z_][a-z0-9_]*
//! ```
//!
//! `-2^2` is `-(2^2)` = −4, as in mathematics. Functions: `arrondi2(x)` and
//! `arrondi(x, n)` round half away from zero (to 2 or n decimals, 0 ≤ n ≤ 10),
//! `tronque2(x)` and `tronque(x, n)` truncate toward zero, `min(a, b, …)`, `max(a, b, …)`,
//! `abs(x)`. Every operation is checked: division by zero or overflow is an error, never
//! a panic. Sources are limited to 2 000 characters and 64 levels of nesting.

use crate::num::round::{round_half_away, truncate};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

const MAX_LEN: usize = 2000;
const MAX_DEPTH: usize = 64;
const MAX_EXPONENT: i64 = 1000;

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Num(Decimal),
    Var(String),
    Neg(Box<Node>),
    Bin(char, Box<Node>, Box<Node>),
    Call(String, Vec<Node>),
}

/// A parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr(Node);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExprError {
    Syntax {
        pos: usize,
        msg: String,
    },
    UnknownVariable(String),
    UnknownFunction(String),
    Arity {
        name: String,
        expected: String,
        got: usize,
    },
    DivisionByZero,
    Overflow,
    BadArgument(String),
}

impl ExprError {
    /// Stable code, shared with the JavaScript evaluator's tests.
    pub fn code(&self) -> &'static str {
        match self {
            ExprError::Syntax { .. } => "syntaxe",
            ExprError::UnknownVariable(_) => "variable-inconnue",
            ExprError::UnknownFunction(_) => "fonction-inconnue",
            ExprError::Arity { .. } => "arite",
            ExprError::DivisionByZero => "division-par-zero",
            ExprError::Overflow => "depassement",
            ExprError::BadArgument(_) => "argument",
        }
    }
}

impl std::fmt::Display for ExprError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExprError::Syntax { pos, msg } => {
                write!(f, "erreur de syntaxe au caractère {pos} : {msg}")
            }
            ExprError::UnknownVariable(v) => write!(f, "variable inconnue « {v} »"),
            ExprError::UnknownFunction(n) => write!(f, "fonction inconnue « {n} »"),
            ExprError::Arity {
                name,
                expected,
                got,
            } => {
                write!(
                    f,
                    "« {name} » attend {expected} argument(s), {got} donné(s)"
                )
            }
            ExprError::DivisionByZero => f.write_str("division par zéro"),
            ExprError::Overflow => f.write_str("dépassement de capacité"),
            ExprError::BadArgument(m) => write!(f, "argument invalide : {m}"),
        }
    }
}

impl std::error::Error for ExprError {}

struct Parser<'a> {
    src: &'a [u8],
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn err<T>(&self, msg: impl Into<String>) -> Result<T, ExprError> {
        Err(ExprError::Syntax {
            pos: self.pos,
            msg: msg.into(),
        })
    }

    fn skip_ws(&mut self) {
        while self.pos < self.src.len() && self.src[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.src.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn enter(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.err("expression trop imbriquée");
        }
        Ok(())
    }

    fn sum(&mut self) -> Result<Node, ExprError> {
        let mut left = self.product()?;
        loop {
            let op = match self.peek() {
                Some(c @ (b'+' | b'-')) => c as char,
                _ => return Ok(left),
            };
            self.pos += 1;
            let right = self.product()?;
            left = Node::Bin(op, Box::new(left), Box::new(right));
        }
    }

    fn product(&mut self) -> Result<Node, ExprError> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Some(c @ (b'*' | b'/')) => c as char,
                _ => return Ok(left),
            };
            self.pos += 1;
            let right = self.unary()?;
            left = Node::Bin(op, Box::new(left), Box::new(right));
        }
    }

    fn unary(&mut self) -> Result<Node, ExprError> {
        self.enter()?;
        let node = if self.eat(b'-') {
            Node::Neg(Box::new(self.unary()?))
        } else {
            self.power()?
        };
        self.depth -= 1;
        Ok(node)
    }

    fn power(&mut self) -> Result<Node, ExprError> {
        let base = self.atom()?;
        if self.eat(b'^') {
            let exp = self.unary()?;
            return Ok(Node::Bin('^', Box::new(base), Box::new(exp)));
        }
        Ok(base)
    }

    fn atom(&mut self) -> Result<Node, ExprError> {
        match self.peek() {
            Some(b'(') => {
                self.pos += 1;
                self.enter()?;
                let e = self.sum()?;
                self.depth -= 1;
                if !self.eat(b')') {
                    return self.err("parenthèse fermante attendue");
                }
                Ok(e)
            }
            Some(c) if c.is_ascii_digit() => self.number(),
            Some(c) if c.is_ascii_lowercase() || c == b'_' => self.ident(),
            Some(c) => self.err(format!("caractère inattendu « {} »", c as char)),
            None => self.err("expression incomplète"),
        }
    }

    fn number(&mut self) -> Result<Node, ExprError> {
        let start = self.pos;
        while self.pos < self.src.len() && self.src[self.pos].is_ascii_digit() {
            self.pos += 1;
        }
        if self.pos < self.src.len() && self.src[self.pos] == b'.' {
            self.pos += 1;
            let frac = self.pos;
            while self.pos < self.src.len() && self.src[self.pos].is_ascii_digit() {
                self.pos += 1;
            }
            if self.pos == frac {
                return self.err("chiffre attendu après le point");
            }
        }
        let text = std::str::from_utf8(&self.src[start..self.pos]).expect("ASCII");
        match Decimal::from_str_exact(text) {
            Ok(d) => Ok(Node::Num(d)),
            Err(_) => Err(ExprError::Overflow),
        }
    }

    fn ident(&mut self) -> Result<Node, ExprError> {
        let start = self.pos;
        while self.pos < self.src.len()
            && (self.src[self.pos].is_ascii_lowercase()
                || self.src[self.pos].is_ascii_digit()
                || self.src[self.pos] == b'_')
        {
            self.pos += 1;
        }
        let name = std::str::from_utf8(&self.src[start..self.pos])
            .expect("ASCII")
            .to_string();
        if !self.eat(b'(') {
            return Ok(Node::Var(name));
        }
        self.enter()?;
        let mut args = vec![self.sum()?];
        while self.eat(b',') {
            args.push(self.sum()?);
        }
        self.depth -= 1;
        if !self.eat(b')') {
            return self.err("parenthèse fermante attendue après les arguments");
        }
        Ok(Node::Call(name, args))
    }
}

impl Expr {
    pub fn parse(src: &str) -> Result<Expr, ExprError> {
        if src.len() > MAX_LEN {
            return Err(ExprError::Syntax {
                pos: MAX_LEN,
                msg: "expression trop longue".into(),
            });
        }
        let mut p = Parser {
            src: src.as_bytes(),
            pos: 0,
            depth: 0,
        };
        let node = p.sum()?;
        if p.peek().is_some() {
            return p.err("suite inattendue");
        }
        Ok(Expr(node))
    }

    pub fn eval(&self, vars: &dyn Fn(&str) -> Option<Decimal>) -> Result<Decimal, ExprError> {
        eval(&self.0, vars)
    }

    /// The variables the expression reads (to know which earlier answers it depends on).
    pub fn variables(&self) -> BTreeSet<String> {
        fn walk(n: &Node, out: &mut BTreeSet<String>) {
            match n {
                Node::Num(_) => {}
                Node::Var(v) => {
                    out.insert(v.clone());
                }
                Node::Neg(a) => walk(a, out),
                Node::Bin(_, a, b) => {
                    walk(a, out);
                    walk(b, out);
                }
                Node::Call(_, args) => args.iter().for_each(|a| walk(a, out)),
            }
        }
        let mut out = BTreeSet::new();
        walk(&self.0, &mut out);
        out
    }
}

/// Parses and evaluates in one go.
pub fn eval_str(src: &str, vars: &dyn Fn(&str) -> Option<Decimal>) -> Result<Decimal, ExprError> {
    Expr::parse(src)?.eval(vars)
}

fn integer_arg(x: Decimal, what: &str, lo: i64, hi: i64) -> Result<i64, ExprError> {
    if x.fract() != Decimal::ZERO || x < Decimal::from(lo) || x > Decimal::from(hi) {
        return Err(ExprError::BadArgument(format!(
            "{what} doit être un entier de {lo} à {hi}"
        )));
    }
    Ok(i64::try_from(x).expect("bounded"))
}

fn power(base: Decimal, exp: i64) -> Result<Decimal, ExprError> {
    let mut acc = Decimal::ONE;
    for _ in 0..exp.unsigned_abs() {
        acc = acc.checked_mul(base).ok_or(ExprError::Overflow)?;
    }
    if exp < 0 {
        Decimal::ONE.checked_div(acc).ok_or(if acc.is_zero() {
            ExprError::DivisionByZero
        } else {
            ExprError::Overflow
        })
    } else {
        Ok(acc)
    }
}

fn eval(n: &Node, vars: &dyn Fn(&str) -> Option<Decimal>) -> Result<Decimal, ExprError> {
    match n {
        Node::Num(d) => Ok(*d),
        Node::Var(v) => vars(v).ok_or_else(|| ExprError::UnknownVariable(v.clone())),
        Node::Neg(a) => Ok(-eval(a, vars)?),
        Node::Bin(op, a, b) => {
            let (x, y) = (eval(a, vars)?, eval(b, vars)?);
            match op {
                '+' => x.checked_add(y).ok_or(ExprError::Overflow),
                '-' => x.checked_sub(y).ok_or(ExprError::Overflow),
                '*' => x.checked_mul(y).ok_or(ExprError::Overflow),
                '/' if y.is_zero() => Err(ExprError::DivisionByZero),
                '/' => x.checked_div(y).ok_or(ExprError::Overflow),
                _ => power(
                    x,
                    integer_arg(y, "l'exposant", -MAX_EXPONENT, MAX_EXPONENT)?,
                ),
            }
        }
        Node::Call(name, args) => {
            let values = args
                .iter()
                .map(|a| eval(a, vars))
                .collect::<Result<Vec<_>, _>>()?;
            let arity = |expected: &str, ok: bool| {
                if ok {
                    Ok(())
                } else {
                    Err(ExprError::Arity {
                        name: name.clone(),
                        expected: expected.into(),
                        got: values.len(),
                    })
                }
            };
            match name.as_str() {
                "arrondi2" | "tronque2" | "abs" => {
                    arity("1", values.len() == 1)?;
                    let x = values[0];
                    Ok(match name.as_str() {
                        "arrondi2" => round_half_away(x, 2),
                        "tronque2" => truncate(x, 2),
                        _ => x.abs(),
                    })
                }
                "arrondi" | "tronque" => {
                    arity("2", values.len() == 2)?;
                    let dp = integer_arg(values[1], "le nombre de décimales", 0, 10)? as u32;
                    Ok(if name == "arrondi" {
                        round_half_away(values[0], dp)
                    } else {
                        truncate(values[0], dp)
                    })
                }
                "min" | "max" => {
                    arity("au moins 1", !values.is_empty())?;
                    let it = values.iter().copied();
                    Ok(if name == "min" { it.min() } else { it.max() }.expect("non-empty"))
                }
                _ => Err(ExprError::UnknownFunction(name.clone())),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn ev(s: &str) -> Result<Decimal, ExprError> {
        eval_str(s, &|v| match v {
            "x" => Some(dec!(2.5)),
            _ => None,
        })
    }

    #[test]
    fn precedence_and_unary_minus() {
        assert_eq!(ev("1 + 2 * 3"), Ok(dec!(7)));
        assert_eq!(ev("(1 + 2) * 3"), Ok(dec!(9)));
        assert_eq!(ev("-2^2"), Ok(dec!(-4)));
        assert_eq!(ev("2^3^2"), Ok(dec!(512)));
        assert_eq!(ev("10 - 4 - 3"), Ok(dec!(3)));
        assert_eq!(ev("x * -2"), Ok(dec!(-5)));
    }

    #[test]
    fn variables_are_listed() {
        let e = Expr::parse("arrondi2(a * (1 - b / 100)) + a").unwrap();
        assert_eq!(
            e.variables().into_iter().collect::<Vec<_>>(),
            vec!["a", "b"]
        );
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = "(".repeat(10_000) + "1" + &")".repeat(10_000);
        assert_eq!(ev(&deep).unwrap_err().code(), "syntaxe");
        let minus = "-".repeat(1000) + "1";
        assert_eq!(ev(&minus).unwrap_err().code(), "syntaxe");
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in ".{0,60}") {
            let _ = ev(&s);
        }

        #[test]
        fn add_then_subtract(a in -100_000i64..100_000, b in 1i64..100_000) {
            let r = eval_str("a + b - b", &|v| match v {
                "a" => Some(Decimal::from(a)),
                "b" => Some(Decimal::from(b)),
                _ => None,
            });
            prop_assert_eq!(r, Ok(Decimal::from(a)));
        }

        #[test]
        fn arrondi2_is_half_away(m in -10_000_000i64..10_000_000) {
            let x = Decimal::new(m, 3);
            let r = eval_str("arrondi2(x)", &|_| Some(x)).unwrap();
            prop_assert_eq!(r, x.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero));
        }
    }
}

//! Tiny arithmetic expression language for "error carried forward" grading.
//!
//! A dependent step of an exercise carries a formula over earlier answers and
//! parameters, e.g. `arrondi2(net_commercial * (1 - 2/100))`. The formula is
//! stored as a plain string in JSON, evaluated here with exact decimals
//! ([`rust_decimal::Decimal`], never floating point) and later by a JavaScript
//! port in the browser. This comment is the specification of that language;
//! the shared cases in `tests/data/expr_cases.toml` pin it down for both ports.
//!
//! # Lexical rules
//!
//! * The source is at most [`MAX_SOURCE_LEN`] (2000) characters long, counted
//!   in Unicode scalar values; longer → syntax error at position 2000.
//! * Whitespace is space, tab, line feed and carriage return only; it is
//!   ignored between tokens. Any other character not listed below (including
//!   every non-ASCII character and upper-case letters) is a syntax error.
//! * Number: `[0-9]+ ( "." [0-9]+ )?` — e.g. `12`, `0.055`, `1234.5`. No sign,
//!   no exponent, no leading or trailing dot (`.5` and `5.` are errors). At
//!   most 28 fractional digits and at most 28 significant digits (the digits of
//!   the literal with its leading zeros removed); otherwise syntax error. A
//!   literal is therefore always represented exactly.
//! * Identifier: `[a-z_][a-z0-9_]*`. An identifier followed (after optional
//!   whitespace) by `(` is a function call, otherwise a variable.
//! * Symbols: `+ - * / ^ ( ) ,`.
//!
//! Error positions (`pos`) are 0-based character indices; since every
//! non-ASCII character is rejected where it first appears, they are also byte
//! offsets. Positions are informative only: ports must agree on error *codes*.
//!
//! # Grammar (EBNF)
//!
//! ```text
//! expr    = term { ("+" | "-") term } ;          (* left associative *)
//! term    = unary { ("*" | "/") unary } ;        (* left associative *)
//! unary   = "-" unary | power ;
//! power   = primary [ "^" unary ] ;              (* right associative *)
//! primary = number
//!         | identifier
//!         | identifier "(" [ expr { "," expr } ] ")"
//!         | "(" expr ")" ;
//! ```
//!
//! Consequences: `-2^2 = -4`, `2^-2 = 0.25`, `2^3^2 = 2^9 = 512`,
//! `2*-3 = -6`, `2--3 = 5`, `-(-1) = 1`. There is no unary plus and no
//! comparison operator. The whole input must be consumed.
//!
//! **Nesting limit**: each parenthesised group, each function call's argument
//! list, each unary minus operand and each `^` exponent opens one nesting
//! level; more than [`MAX_DEPTH`] (64) open levels at once → syntax error.
//!
//! # Functions
//!
//! Names and arities are checked by [`Expr::parse`] (unknown name →
//! `fonction-inconnue`, wrong count → `arite`).
//!
//! | call | meaning |
//! | --- | --- |
//! | `arrondi2(x)` | round to 2 decimals, half away from zero (2.345 → 2.35, −2.345 → −2.35) |
//! | `arrondi(x, n)` | round to `n` decimals, half away from zero |
//! | `tronque2(x)` | truncate toward zero to 2 decimals (−2.349 → −2.34) |
//! | `tronque(x, n)` | truncate toward zero to `n` decimals |
//! | `min(a, b, …)` | smallest argument (2 or more arguments) |
//! | `max(a, b, …)` | largest argument (2 or more arguments) |
//! | `abs(x)` | absolute value |
//! | `si_positif(x)` | `max(x, 0)` |
//! | `arrondi_sup(x)` | smallest integer ≥ x (2.1 → 3, −2.1 → −2): a count rounded up |
//! | `sqrt(x)` | square root; x < 0 → `argument` |
//! | `ln(x)` | natural logarithm; x ≤ 0 → `argument` |
//! | `exp(x)` | exponential; too large → `depassement`, very negative → 0 |
//! | `rang(n, a1, a2, …)` | the `n`-th of the values (1 → `a1`): a figure read in a table at a count the student found (2 or more arguments) |
//!
//! `sqrt`, `ln`, `exp` and non-integer powers follow the algorithms written in
//! [`crate::num::math`], step by step, in both ports: their digits agree exactly.
//!
//! In `rang`, `n` must be an integer from 1 to the number of values, else
//! `argument`.
//!
//! In `arrondi` and `tronque`, `n` may be any expression whose value is an integer from 0 to 10
//! (`2`, `2.0`, `1 + 1`); otherwise → `argument`. Rounding and truncation
//! never increase the number of decimals of a value (`arrondi2(1.5)` is `1.5`).
//!
//! # Evaluation
//!
//! Values are rust_decimal decimals: a 96-bit integer mantissa `m` and a scale
//! `s` in `0..=28`, value `m / 10^s`. Results are compared numerically; the
//! scale carries no meaning (`1.50 = 1.5`).
//!
//! * Evaluation is strictly left to right, operands and arguments all being
//!   evaluated before the operator or function is applied; the first error
//!   met is the result. E.g. `1/0 + inconnue` → `division-par-zero`.
//! * `+ - * /` are exact whenever the exact result fits the format. Otherwise
//!   (e.g. `1/3`, or a product with more than 28 decimals) the result is
//!   rounded half to even on its last kept digit, keeping as many decimals
//!   (at most 28) as the 96-bit mantissa allows — this is rust_decimal's
//!   `checked_*` arithmetic, which a port must reproduce to agree on the 28th
//!   significant digit (`1/3 = 0.3333333333333333333333333333`,
//!   `2/3 = 0.6666666666666666666666666667`). Formulas meant for grading
//!   should end with `arrondi2`/`arrondi`, which makes such last-digit
//!   details irrelevant in practice.
//! * Division by zero → `division-par-zero`. A result whose integer part does
//!   not fit (|x| ≥ 2^96 ≈ 7.9·10^28) → `depassement`.
//! * `x ^ e` with an integer `e`: |e| ≤ 1000, else `argument`. For e ≥ 0 the result is computed as `acc = 1`, then `e`
//!   times `acc = acc * x` (left to right, each step being the checked `*`
//!   above), so `x^0 = 1` for every x, including 0. For e < 0 the result is
//!   `1 / (x ^ |e|)` (so `0^-1` → `division-par-zero`).
//! * `x ^ e` with a non-integer `e` (`1.06 ^ (1/12)`): `exp(e × ln x)` for x > 0
//!   ([`crate::num::math::pow_fractional`]); `0 ^ e` is 0 for e > 0 and
//!   `division-par-zero` for e < 0; x < 0 → `argument`.
//! * A variable is looked up through the caller's function; absent →
//!   `variable-inconnue`.
//!
//! # Error codes
//!
//! [`ExprError::code`] gives stable codes shared with the JavaScript port:
//! `syntaxe`, `variable-inconnue`, `fonction-inconnue`, `arite`,
//! `division-par-zero`, `depassement`, `argument`.

use std::collections::BTreeSet;
use std::fmt;

use crate::num::math;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// Maximum length of a source, in characters.
pub const MAX_SOURCE_LEN: usize = 2000;
/// Maximum nesting depth (parentheses, calls, unary minus, exponents).
pub const MAX_DEPTH: usize = 64;
/// Maximum absolute value of an exponent.
pub const MAX_EXPONENT: i64 = 1000;
/// Maximum number of decimals accepted by `arrondi` and `tronque`.
pub const MAX_ROUND_DP: u32 = 10;
/// Maximum number of significant digits (and of fractional digits) of a literal.
const MAX_LITERAL_DIGITS: usize = 28;

/// Error raised while parsing or evaluating an expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExprError {
    /// Malformed source; `pos` is a 0-based character index.
    Syntax { pos: usize, msg: String },
    /// A variable the caller does not know.
    UnknownVariable(String),
    /// A function that is not part of the language.
    UnknownFunction(String),
    /// A function called with the wrong number of arguments.
    Arity {
        name: String,
        expected: String,
        got: usize,
    },
    /// Division by zero (including a zero raised to a negative power).
    DivisionByZero,
    /// Result too large for the decimal format.
    Overflow,
    /// Argument outside the domain of an operator or function.
    BadArgument(String),
}

impl ExprError {
    /// Stable error code shared with the JavaScript evaluator.
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

    fn syntax(pos: usize, msg: impl Into<String>) -> Self {
        ExprError::Syntax {
            pos,
            msg: msg.into(),
        }
    }
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExprError::Syntax { pos, msg } => {
                write!(f, "erreur de syntaxe à la position {pos} : {msg}")
            }
            ExprError::UnknownVariable(name) => write!(f, "variable inconnue : « {name} »"),
            ExprError::UnknownFunction(name) => write!(f, "fonction inconnue : « {name} »"),
            ExprError::Arity {
                name,
                expected,
                got,
            } => write!(
                f,
                "nombre d'arguments incorrect pour « {name} » : {expected} attendu(s), {got} reçu(s)"
            ),
            ExprError::DivisionByZero => write!(f, "division par zéro"),
            ExprError::Overflow => write!(f, "dépassement de capacité du calcul décimal"),
            ExprError::BadArgument(msg) => write!(f, "argument invalide : {msg}"),
        }
    }
}

impl std::error::Error for ExprError {}

/// Built-in functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Func {
    Arrondi2,
    Arrondi,
    Tronque2,
    Tronque,
    Min,
    Max,
    Abs,
    SiPositif,
    ArrondiSup,
    Sqrt,
    Ln,
    Exp,
    Rang,
}

impl Func {
    fn from_name(name: &str) -> Option<Func> {
        Some(match name {
            "arrondi2" => Func::Arrondi2,
            "arrondi" => Func::Arrondi,
            "tronque2" => Func::Tronque2,
            "tronque" => Func::Tronque,
            "min" => Func::Min,
            "max" => Func::Max,
            "abs" => Func::Abs,
            "si_positif" => Func::SiPositif,
            "arrondi_sup" => Func::ArrondiSup,
            "sqrt" => Func::Sqrt,
            "ln" => Func::Ln,
            "exp" => Func::Exp,
            "rang" => Func::Rang,
            _ => return None,
        })
    }

    /// Checks the number of arguments; `Err` carries the expected count in French.
    fn check_arity(self, got: usize) -> Result<(), &'static str> {
        let (ok, expected) = match self {
            Func::Arrondi2
            | Func::Tronque2
            | Func::Abs
            | Func::SiPositif
            | Func::ArrondiSup
            | Func::Sqrt
            | Func::Ln
            | Func::Exp => (got == 1, "1"),
            Func::Arrondi | Func::Tronque => (got == 2, "2"),
            Func::Min | Func::Max | Func::Rang => (got >= 2, "au moins 2"),
        };
        if ok {
            Ok(())
        } else {
            Err(expected)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// AST node. Left-associative chains are stored flat so that the tree depth
/// is bounded by the nesting depth, not by the length of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Num(Decimal),
    Var(String),
    Neg(Box<Node>),
    Pow(Box<Node>, Box<Node>),
    Chain(Box<Node>, Vec<(BinOp, Node)>),
    Call(Func, Vec<Node>),
}

/// A parsed expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expr {
    src: String,
    root: Node,
}

impl Expr {
    /// Parses a source string; function names and arities are checked here.
    pub fn parse(src: &str) -> Result<Expr, ExprError> {
        if src.chars().count() > MAX_SOURCE_LEN {
            return Err(ExprError::syntax(
                MAX_SOURCE_LEN,
                format!("expression trop longue ({MAX_SOURCE_LEN} caractères au maximum)"),
            ));
        }
        let tokens = lex(src)?;
        let mut parser = Parser {
            tokens: &tokens,
            idx: 0,
            depth: 0,
            end: src.len(),
        };
        if tokens.is_empty() {
            return Err(ExprError::syntax(0, "expression vide"));
        }
        let root = parser.expr()?;
        if let Some(tok) = parser.peek() {
            return Err(ExprError::syntax(
                tok.pos,
                format!("symbole inattendu {}", tok.kind.describe()),
            ));
        }
        Ok(Expr {
            src: src.to_string(),
            root,
        })
    }

    /// Evaluates the expression; `vars` returns the value of a variable.
    pub fn eval(&self, vars: &dyn Fn(&str) -> Option<Decimal>) -> Result<Decimal, ExprError> {
        eval_node(&self.root, vars)
    }

    /// Names of the variables used (function names excluded).
    pub fn variables(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        collect_vars(&self.root, &mut out);
        out
    }

    /// The source text the expression was parsed from.
    pub fn source(&self) -> &str {
        &self.src
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.src)
    }
}

impl std::str::FromStr for Expr {
    type Err = ExprError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Expr::parse(s)
    }
}

impl TryFrom<String> for Expr {
    type Error = ExprError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Expr::parse(&s)
    }
}

impl From<Expr> for String {
    fn from(e: Expr) -> String {
        e.src
    }
}

impl serde::Serialize for Expr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.src)
    }
}

impl<'de> serde::Deserialize<'de> for Expr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Expr::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Parses then evaluates `src`.
pub fn eval_str(src: &str, vars: &dyn Fn(&str) -> Option<Decimal>) -> Result<Decimal, ExprError> {
    Expr::parse(src)?.eval(vars)
}

// ---------------------------------------------------------------- lexer

#[derive(Debug, Clone, PartialEq, Eq)]
enum TokKind {
    Num(Decimal),
    Ident(String),
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LParen,
    RParen,
    Comma,
}

impl TokKind {
    fn describe(&self) -> String {
        match self {
            TokKind::Num(d) => format!("« {d} »"),
            TokKind::Ident(s) => format!("« {s} »"),
            TokKind::Plus => "« + »".into(),
            TokKind::Minus => "« - »".into(),
            TokKind::Star => "« * »".into(),
            TokKind::Slash => "« / »".into(),
            TokKind::Caret => "« ^ »".into(),
            TokKind::LParen => "« ( »".into(),
            TokKind::RParen => "« ) »".into(),
            TokKind::Comma => "« , »".into(),
        }
    }
}

#[derive(Debug, Clone)]
struct Token {
    kind: TokKind,
    pos: usize,
}

fn lex(src: &str) -> Result<Vec<Token>, ExprError> {
    let bytes = src.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let kind = match b {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'+' => TokKind::Plus,
            b'-' => TokKind::Minus,
            b'*' => TokKind::Star,
            b'/' => TokKind::Slash,
            b'^' => TokKind::Caret,
            b'(' => TokKind::LParen,
            b')' => TokKind::RParen,
            b',' => TokKind::Comma,
            b'0'..=b'9' => {
                let (value, next) = lex_number(bytes, i)?;
                tokens.push(Token {
                    kind: TokKind::Num(value),
                    pos: start,
                });
                i = next;
                continue;
            }
            b'a'..=b'z' | b'_' => {
                while i < bytes.len() && matches!(bytes[i], b'a'..=b'z' | b'0'..=b'9' | b'_') {
                    i += 1;
                }
                tokens.push(Token {
                    kind: TokKind::Ident(src[start..i].to_string()),
                    pos: start,
                });
                continue;
            }
            _ => {
                // `start` is a char boundary: every earlier byte is ASCII.
                let c = src[start..].chars().next().unwrap_or('?');
                return Err(ExprError::syntax(
                    start,
                    format!("caractère inattendu « {c} »"),
                ));
            }
        };
        tokens.push(Token { kind, pos: start });
        i += 1;
    }
    Ok(tokens)
}

fn lex_number(bytes: &[u8], start: usize) -> Result<(Decimal, usize), ExprError> {
    let mut i = start;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    let int_end = i;
    let mut frac_start = i;
    if i < bytes.len() && bytes[i] == b'.' {
        i += 1;
        frac_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == frac_start {
            return Err(ExprError::syntax(
                frac_start,
                "chiffre attendu après le point décimal",
            ));
        }
    }
    let int_digits = &bytes[start..int_end];
    let frac_digits = &bytes[frac_start..i];
    let too_long = || {
        ExprError::syntax(
            start,
            format!("nombre trop long ({MAX_LITERAL_DIGITS} chiffres significatifs ou décimales au maximum)"),
        )
    };
    if frac_digits.len() > MAX_LITERAL_DIGITS {
        return Err(too_long());
    }
    let significant = int_digits
        .iter()
        .chain(frac_digits.iter())
        .skip_while(|&&d| d == b'0');
    let mut mantissa: i128 = 0;
    let mut count = 0usize;
    for &d in significant {
        count += 1;
        if count > MAX_LITERAL_DIGITS {
            return Err(too_long());
        }
        mantissa = mantissa * 10 + i128::from(d - b'0');
    }
    // frac_digits.len() <= 28 and mantissa < 10^28: always representable.
    let value = Decimal::try_from_i128_with_scale(mantissa, frac_digits.len() as u32)
        .map_err(|_| too_long())?;
    Ok((value, i))
}

// ---------------------------------------------------------------- parser

struct Parser<'a> {
    tokens: &'a [Token],
    idx: usize,
    depth: usize,
    end: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.idx)
    }

    fn peek_kind(&self) -> Option<&TokKind> {
        self.peek().map(|t| &t.kind)
    }

    fn pos(&self) -> usize {
        self.peek().map_or(self.end, |t| t.pos)
    }

    fn enter(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(ExprError::syntax(
                self.pos(),
                format!("expression trop imbriquée (profondeur {MAX_DEPTH} au maximum)"),
            ))
        } else {
            Ok(())
        }
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn unexpected(&self) -> ExprError {
        match self.peek() {
            Some(tok) => ExprError::syntax(
                tok.pos,
                format!("symbole inattendu {}", tok.kind.describe()),
            ),
            None => ExprError::syntax(self.end, "fin d'expression inattendue"),
        }
    }

    fn expect_rparen(&mut self) -> Result<(), ExprError> {
        if self.peek_kind() == Some(&TokKind::RParen) {
            self.idx += 1;
            Ok(())
        } else if self.peek().is_none() {
            Err(ExprError::syntax(
                self.end,
                "parenthèse fermante « ) » attendue",
            ))
        } else {
            Err(self.unexpected())
        }
    }

    fn expr(&mut self) -> Result<Node, ExprError> {
        let first = self.term()?;
        let mut rest = Vec::new();
        loop {
            let op = match self.peek_kind() {
                Some(TokKind::Plus) => BinOp::Add,
                Some(TokKind::Minus) => BinOp::Sub,
                _ => break,
            };
            self.idx += 1;
            rest.push((op, self.term()?));
        }
        Ok(chain(first, rest))
    }

    fn term(&mut self) -> Result<Node, ExprError> {
        let first = self.unary()?;
        let mut rest = Vec::new();
        loop {
            let op = match self.peek_kind() {
                Some(TokKind::Star) => BinOp::Mul,
                Some(TokKind::Slash) => BinOp::Div,
                _ => break,
            };
            self.idx += 1;
            rest.push((op, self.unary()?));
        }
        Ok(chain(first, rest))
    }

    fn unary(&mut self) -> Result<Node, ExprError> {
        if self.peek_kind() == Some(&TokKind::Minus) {
            self.idx += 1;
            self.enter()?;
            let operand = self.unary()?;
            self.leave();
            Ok(Node::Neg(Box::new(operand)))
        } else {
            self.power()
        }
    }

    fn power(&mut self) -> Result<Node, ExprError> {
        let base = self.primary()?;
        if self.peek_kind() == Some(&TokKind::Caret) {
            self.idx += 1;
            self.enter()?;
            let exponent = self.unary()?;
            self.leave();
            Ok(Node::Pow(Box::new(base), Box::new(exponent)))
        } else {
            Ok(base)
        }
    }

    fn primary(&mut self) -> Result<Node, ExprError> {
        let Some(tok) = self.peek() else {
            return Err(self.unexpected());
        };
        let tok_pos = tok.pos;
        match &tok.kind {
            TokKind::Num(d) => {
                let d = *d;
                self.idx += 1;
                Ok(Node::Num(d))
            }
            TokKind::Ident(name) => {
                let name = name.clone();
                self.idx += 1;
                if self.peek_kind() == Some(&TokKind::LParen) {
                    self.idx += 1;
                    let func =
                        Func::from_name(&name).ok_or(ExprError::UnknownFunction(name.clone()))?;
                    self.enter()?;
                    let mut args = Vec::new();
                    if self.peek_kind() != Some(&TokKind::RParen) {
                        args.push(self.expr()?);
                        while self.peek_kind() == Some(&TokKind::Comma) {
                            self.idx += 1;
                            args.push(self.expr()?);
                        }
                    }
                    self.expect_rparen()?;
                    self.leave();
                    func.check_arity(args.len())
                        .map_err(|expected| ExprError::Arity {
                            name,
                            expected: expected.to_string(),
                            got: args.len(),
                        })?;
                    Ok(Node::Call(func, args))
                } else {
                    Ok(Node::Var(name))
                }
            }
            TokKind::LParen => {
                self.idx += 1;
                self.enter()?;
                let inner = self.expr()?;
                self.expect_rparen()?;
                self.leave();
                Ok(inner)
            }
            _ => Err(ExprError::syntax(
                tok_pos,
                format!("symbole inattendu {}", tok.kind.describe()),
            )),
        }
    }
}

fn chain(first: Node, rest: Vec<(BinOp, Node)>) -> Node {
    if rest.is_empty() {
        first
    } else {
        Node::Chain(Box::new(first), rest)
    }
}

// ---------------------------------------------------------------- evaluation

fn eval_node(node: &Node, vars: &dyn Fn(&str) -> Option<Decimal>) -> Result<Decimal, ExprError> {
    match node {
        Node::Num(d) => Ok(*d),
        Node::Var(name) => vars(name).ok_or_else(|| ExprError::UnknownVariable(name.clone())),
        Node::Neg(inner) => Ok(-eval_node(inner, vars)?),
        Node::Pow(base, exponent) => {
            let b = eval_node(base, vars)?;
            let e = eval_node(exponent, vars)?;
            power(b, e)
        }
        Node::Chain(first, rest) => {
            let mut acc = eval_node(first, vars)?;
            for (op, operand) in rest {
                let rhs = eval_node(operand, vars)?;
                acc = binary(*op, acc, rhs)?;
            }
            Ok(acc)
        }
        Node::Call(func, args) => {
            let values = args
                .iter()
                .map(|a| eval_node(a, vars))
                .collect::<Result<Vec<_>, _>>()?;
            call(*func, &values)
        }
    }
}

fn binary(op: BinOp, a: Decimal, b: Decimal) -> Result<Decimal, ExprError> {
    match op {
        BinOp::Add => a.checked_add(b).ok_or(ExprError::Overflow),
        BinOp::Sub => a.checked_sub(b).ok_or(ExprError::Overflow),
        BinOp::Mul => a.checked_mul(b).ok_or(ExprError::Overflow),
        BinOp::Div => {
            if b.is_zero() {
                Err(ExprError::DivisionByZero)
            } else {
                a.checked_div(b).ok_or(ExprError::Overflow)
            }
        }
    }
}

fn power(base: Decimal, exponent: Decimal) -> Result<Decimal, ExprError> {
    if !exponent.fract().is_zero() {
        return math::pow_fractional(base, exponent).map_err(|e| {
            math_error(
                e,
                "une puissance non entière d'un nombre négatif n'existe pas",
            )
        });
    }
    let n = exponent
        .to_i64()
        .filter(|n| n.abs() <= MAX_EXPONENT)
        .ok_or_else(|| {
            ExprError::BadArgument(format!(
                "l'exposant entier de « ^ » doit être compris entre -{MAX_EXPONENT} et {MAX_EXPONENT} (reçu : {exponent})"
            ))
        })?;
    let mut acc = Decimal::ONE;
    for _ in 0..n.unsigned_abs() {
        acc = acc.checked_mul(base).ok_or(ExprError::Overflow)?;
    }
    if n < 0 {
        binary(BinOp::Div, Decimal::ONE, acc)
    } else {
        Ok(acc)
    }
}

fn decimals_arg(func: &str, n: Decimal) -> Result<u32, ExprError> {
    n.fract()
        .is_zero()
        .then(|| n.to_u32())
        .flatten()
        .filter(|&dp| dp <= MAX_ROUND_DP)
        .ok_or_else(|| {
            ExprError::BadArgument(format!(
                "le nombre de décimales de « {func} » doit être un entier compris entre 0 et {MAX_ROUND_DP} (reçu : {n})"
            ))
        })
}

fn call(func: Func, args: &[Decimal]) -> Result<Decimal, ExprError> {
    let away = RoundingStrategy::MidpointAwayFromZero;
    let to_zero = RoundingStrategy::ToZero;
    // Arity was checked at parse time; indexing below is safe.
    Ok(match func {
        Func::Arrondi2 => args[0].round_dp_with_strategy(2, away),
        Func::Tronque2 => args[0].round_dp_with_strategy(2, to_zero),
        Func::Arrondi => args[0].round_dp_with_strategy(decimals_arg("arrondi", args[1])?, away),
        Func::Tronque => args[0].round_dp_with_strategy(decimals_arg("tronque", args[1])?, to_zero),
        Func::Min => args.iter().copied().fold(args[0], Decimal::min),
        Func::Max => args.iter().copied().fold(args[0], Decimal::max),
        Func::Abs => args[0].abs(),
        Func::SiPositif => args[0].max(Decimal::ZERO),
        Func::ArrondiSup => args[0].ceil(),
        Func::Sqrt => math::sqrt(args[0])
            .map_err(|e| math_error(e, "la racine carrée d'un nombre négatif n'existe pas"))?,
        Func::Ln => math::ln(args[0])
            .map_err(|e| math_error(e, "le logarithme n'existe que pour un nombre positif"))?,
        Func::Exp => math::exp(args[0]).map_err(|e| math_error(e, ""))?,
        Func::Rang => {
            let k = args.len() - 1;
            let n = args[0];
            let index = n
                .fract()
                .is_zero()
                .then(|| n.to_usize())
                .flatten()
                .filter(|&i| (1..=k).contains(&i))
                .ok_or_else(|| {
                    ExprError::BadArgument(format!(
                        "le rang demandé à « rang » doit être un entier compris entre 1 et {k} (reçu : {n})"
                    ))
                })?;
            args[index]
        }
    })
}

/// The expression error for a [`math::MathError`]; `domain` says why in French.
fn math_error(e: math::MathError, domain: &str) -> ExprError {
    match e {
        math::MathError::Domain => ExprError::BadArgument(domain.to_string()),
        math::MathError::DivisionByZero => ExprError::DivisionByZero,
        math::MathError::Overflow => ExprError::Overflow,
    }
}

fn collect_vars(node: &Node, out: &mut BTreeSet<String>) {
    match node {
        Node::Num(_) => {}
        Node::Var(name) => {
            out.insert(name.clone());
        }
        Node::Neg(inner) => collect_vars(inner, out),
        Node::Pow(a, b) => {
            collect_vars(a, out);
            collect_vars(b, out);
        }
        Node::Chain(first, rest) => {
            collect_vars(first, out);
            for (_, n) in rest {
                collect_vars(n, out);
            }
        }
        Node::Call(_, args) => {
            for a in args {
                collect_vars(a, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn no_vars(_: &str) -> Option<Decimal> {
        None
    }

    fn ev(src: &str) -> Result<Decimal, ExprError> {
        eval_str(src, &no_vars)
    }

    #[test]
    fn precedence_and_associativity() {
        assert_eq!(ev("1 + 2 * 3").unwrap(), d("7"));
        assert_eq!(ev("10 - 4 - 3").unwrap(), d("3"));
        assert_eq!(ev("64 / 4 / 2").unwrap(), d("8"));
        assert_eq!(ev("-2^2").unwrap(), d("-4"));
        assert_eq!(ev("2^3^2").unwrap(), d("512"));
        assert_eq!(ev("2^-2").unwrap(), d("0.25"));
        assert_eq!(ev("2--3").unwrap(), d("5"));
    }

    #[test]
    fn variables_are_collected_without_function_names() {
        let e = Expr::parse("arrondi2(b * (1 - taux/100)) + min(a, b) + a").unwrap();
        let names: Vec<_> = e.variables().into_iter().collect();
        assert_eq!(names, ["a", "b", "taux"]);
    }

    #[test]
    fn lookup_uses_callback() {
        let vars = |name: &str| (name == "x").then(|| d("1.5"));
        assert_eq!(eval_str("x * 2", &vars).unwrap(), d("3"));
        assert_eq!(
            eval_str("y", &vars),
            Err(ExprError::UnknownVariable("y".into()))
        );
    }

    #[test]
    fn syntax_positions() {
        let pos = |s: &str| match Expr::parse(s) {
            Err(ExprError::Syntax { pos, .. }) => pos,
            other => panic!("{s}: {other:?}"),
        };
        assert_eq!(pos(""), 0);
        assert_eq!(pos("   "), 0);
        assert_eq!(pos("1 +"), 3);
        assert_eq!(pos("1 + é"), 4);
        assert_eq!(pos("(1 + 2"), 6);
        assert_eq!(pos("1 2"), 2);
        assert_eq!(pos("5."), 2);
        assert_eq!(pos(".5"), 0);
        assert_eq!(pos("X"), 0);
    }

    #[test]
    fn parse_checks_functions_and_arity() {
        assert_eq!(
            Expr::parse("racine(4)"),
            Err(ExprError::UnknownFunction("racine".into()))
        );
        assert_eq!(
            Expr::parse("arrondi(1)"),
            Err(ExprError::Arity {
                name: "arrondi".into(),
                expected: "2".into(),
                got: 1
            })
        );
        assert_eq!(Expr::parse("min(1)").unwrap_err().code(), "arite");
        assert_eq!(Expr::parse("abs()").unwrap_err().code(), "arite");
    }

    #[test]
    fn depth_limit() {
        let ok = format!("{}1{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert_eq!(ev(&ok).unwrap(), d("1"));
        let deep = format!(
            "{}1{}",
            "(".repeat(MAX_DEPTH + 1),
            ")".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(ev(&deep).unwrap_err().code(), "syntaxe");
        let minus = format!("{}1", "-".repeat(MAX_SOURCE_LEN - 1));
        assert_eq!(ev(&minus).unwrap_err().code(), "syntaxe");
        let calls = format!("{}1{}", "abs(".repeat(400), ")".repeat(400));
        assert_eq!(ev(&calls).unwrap_err().code(), "syntaxe");
    }

    #[test]
    fn long_flat_chain_is_fine() {
        let src = vec!["1"; 1000].join("+");
        assert!(src.len() <= MAX_SOURCE_LEN);
        assert_eq!(ev(&src).unwrap(), d("1000"));
        let too_long = "1+".repeat(1000) + "1";
        assert_eq!(ev(&too_long).unwrap_err().code(), "syntaxe");
    }

    #[test]
    fn literal_limits() {
        assert_eq!(
            ev("1234567890123456789012345678").unwrap(),
            d("1234567890123456789012345678")
        );
        assert_eq!(
            ev("12345678901234567890123456789").unwrap_err().code(),
            "syntaxe"
        );
        assert_eq!(
            ev("0.0000000000000000000000000001").unwrap(),
            d("0.0000000000000000000000000001")
        );
        assert_eq!(
            ev("0.00000000000000000000000000001").unwrap_err().code(),
            "syntaxe"
        );
        assert_eq!(ev("000000000000000000000000000000001.5").unwrap(), d("1.5"));
    }

    #[test]
    fn display_is_french() {
        assert_eq!(ExprError::DivisionByZero.to_string(), "division par zéro");
        assert_eq!(
            ExprError::UnknownVariable("prix".into()).to_string(),
            "variable inconnue : « prix »"
        );
        let e = ev("arrondi(1, 11)").unwrap_err();
        assert_eq!(e.code(), "argument");
        assert!(e
            .to_string()
            .starts_with("argument invalide : le nombre de décimales"));
    }

    #[test]
    fn serde_roundtrip_as_string() {
        #[derive(serde::Serialize, serde::Deserialize)]
        struct Step {
            formule: Expr,
        }
        let step: Step = toml::from_str("formule = \"arrondi2(x * 1.2)\"").unwrap();
        assert_eq!(step.formule.source(), "arrondi2(x * 1.2)");
        assert_eq!(step.formule.variables().len(), 1);
        let back = toml::to_string(&step).unwrap();
        assert_eq!(back.trim(), "formule = \"arrondi2(x * 1.2)\"");
        assert!(toml::from_str::<Step>("formule = \"1 +\"").is_err());
    }
}

//! Square root, natural logarithm, exponential and fractional powers, by one written
//! algorithm that the browser's port (`book/assets/clientele.js`) follows step by step.
//!
//! The grader recomputes a step from the student's own earlier answers (a standard
//! deviation from their variance, a monthly rate from their annual rate), in Rust and in
//! the browser, and both must reach the same verdict. Library routines (rust_decimal's
//! `MathematicalOps`, JavaScript's `Math`) are neither identical to each other nor
//! specified, so each function below is a fixed sequence of the four checked operations of
//! [`crate::expr`] (`+ − × ÷`, rounded half to even past 28 decimals, which both ports
//! already reproduce digit for digit). Same sequence, same digits: the two ports agree
//! exactly, and each result is within a few units of the 25th significant digit of the
//! true value.
//!
//! # The algorithms (the specification the JavaScript port follows)
//!
//! * `sqrt(x)`: x < 0 → error; x = 0 → 0. Newton's method from above: `g = max(x, 1)`,
//!   then repeat `n = g ÷ 2 + (x ÷ g) ÷ 2` (halves first, so
//!   that the largest decimals do not overflow); stop when `n ≥ g` (the result is `g`) or after
//!   [`MAX_ITERATIONS`] rounds (the result is `n`).
//! * `exp(x)`: for x < 0, `1 ÷ exp(−x)`, and 0 when `exp(−x)` overflows. For x ≥ 0:
//!   halve `r = x` while `r > 1/2`, counting `k` halvings; sum the Taylor series
//!   `s = 1 + t₁ + t₂ + …` with `t₀ = 1`, `tₙ = tₙ₋₁ × r ÷ n`, stopping at the first
//!   `tₙ = 0` or after [`MAX_ITERATIONS`] terms; then square `s` `k` times.
//! * `ln(x)`: x ≤ 0 → error. Bring `y = x` into [1, 10) by dividing by 10 (`e` times)
//!   or multiplying by 10 (`e` negative), then into [1, 2) by halving (`j` times).
//!   With `z = (y − 1) ÷ (y + 1)`, `z² = z × z`, `p = z`, `s = z`, repeat for n = 1, 2, …:
//!   `p = p × z²`, `t = p ÷ (2n + 1)`, stop at `t = 0` (or after [`MAX_ITERATIONS`]),
//!   else `s = s + t`. Result: `(s + s) + j × LN_2 + e × LN_10`, evaluated left to right.
//! * `x ^ e` with a non-integer `e`: x > 0 → `exp(e × ln(x))`; x = 0 → 0 when e > 0,
//!   division by zero when e < 0; x < 0 → error. (Integer exponents keep the exact
//!   repeated product of [`crate::expr`].)

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// ln 2 to 28 decimals (0.69314718055994530941723212145…).
pub const LN_2: Decimal = dec!(0.6931471805599453094172321215);
/// ln 10 to 27 decimals (2.30258509299404568401799145468…).
pub const LN_10: Decimal = dec!(2.302585092994045684017991455);
/// A bound on every loop: each converges long before (Newton in under 60 rounds from
/// 10²⁸, the series in under 40 terms), so it only guards against a port's mistake.
pub const MAX_ITERATIONS: u32 = 200;

/// Why a function has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MathError {
    /// Outside the function's domain (root or logarithm of a negative number…).
    Domain,
    DivisionByZero,
    Overflow,
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, MathError> {
    a.checked_add(b).ok_or(MathError::Overflow)
}

fn sub(a: Decimal, b: Decimal) -> Result<Decimal, MathError> {
    a.checked_sub(b).ok_or(MathError::Overflow)
}

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, MathError> {
    a.checked_mul(b).ok_or(MathError::Overflow)
}

fn div(a: Decimal, b: Decimal) -> Result<Decimal, MathError> {
    if b.is_zero() {
        return Err(MathError::DivisionByZero);
    }
    a.checked_div(b).ok_or(MathError::Overflow)
}

const TWO: Decimal = Decimal::TWO;
const HALF: Decimal = dec!(0.5);
const TEN: Decimal = Decimal::TEN;

pub fn sqrt(x: Decimal) -> Result<Decimal, MathError> {
    if x.is_sign_negative() && !x.is_zero() {
        return Err(MathError::Domain);
    }
    if x.is_zero() {
        return Ok(Decimal::ZERO);
    }
    let mut g = x.max(Decimal::ONE);
    for _ in 0..MAX_ITERATIONS {
        let n = add(div(g, TWO)?, div(div(x, g)?, TWO)?)?;
        if n >= g {
            return Ok(g);
        }
        g = n;
    }
    Ok(g)
}

pub fn exp(x: Decimal) -> Result<Decimal, MathError> {
    if x.is_sign_negative() && !x.is_zero() {
        return match exp(-x) {
            Ok(e) => div(Decimal::ONE, e),
            Err(MathError::Overflow) => Ok(Decimal::ZERO),
            Err(other) => Err(other),
        };
    }
    let mut r = x;
    let mut k = 0u32;
    while r > HALF {
        r = div(r, TWO)?;
        k += 1;
    }
    let mut sum = Decimal::ONE;
    let mut term = Decimal::ONE;
    for n in 1..=MAX_ITERATIONS {
        term = div(mul(term, r)?, Decimal::from(n))?;
        if term.is_zero() {
            break;
        }
        sum = add(sum, term)?;
    }
    for _ in 0..k {
        sum = mul(sum, sum)?;
    }
    Ok(sum)
}

pub fn ln(x: Decimal) -> Result<Decimal, MathError> {
    if x <= Decimal::ZERO {
        return Err(MathError::Domain);
    }
    let mut y = x;
    let mut e = 0i64;
    while y >= TEN {
        y = div(y, TEN)?;
        e += 1;
    }
    while y < Decimal::ONE {
        y = mul(y, TEN)?;
        e -= 1;
    }
    let mut j = 0i64;
    while y >= TWO {
        y = div(y, TWO)?;
        j += 1;
    }
    let z = div(sub(y, Decimal::ONE)?, add(y, Decimal::ONE)?)?;
    let z2 = mul(z, z)?;
    let mut p = z;
    let mut s = z;
    for n in 1..=MAX_ITERATIONS {
        p = mul(p, z2)?;
        let t = div(p, Decimal::from(2 * n + 1))?;
        if t.is_zero() {
            break;
        }
        s = add(s, t)?;
    }
    let head = add(add(s, s)?, mul(Decimal::from(j), LN_2)?)?;
    add(head, mul(Decimal::from(e), LN_10)?)
}

/// `x ^ e` for a non-integer exponent `e` (see the module's specification).
pub fn pow_fractional(x: Decimal, e: Decimal) -> Result<Decimal, MathError> {
    if x.is_zero() {
        return if e.is_sign_positive() {
            Ok(Decimal::ZERO)
        } else {
            Err(MathError::DivisionByZero)
        };
    }
    if x.is_sign_negative() {
        return Err(MathError::Domain);
    }
    exp(mul(e, ln(x)?)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::prelude::*;

    fn close(got: Decimal, want: &str, digits: u32) {
        let want = Decimal::from_str(want).unwrap();
        let tol = want.abs().max(Decimal::ONE)
            / Decimal::from(10u64.pow(digits.min(18)))
            / Decimal::from(10u64.pow(digits.saturating_sub(18)));
        assert!((got - want).abs() <= tol, "{got} vs {want}");
    }

    // Reference values from Python's `decimal` module at 45 digits.
    #[test]
    fn roots() {
        close(
            sqrt(dec!(2)).unwrap(),
            "1.41421356237309504880168872420969807856967",
            25,
        );
        close(sqrt(dec!(0.0001)).unwrap(), "0.01", 25);
        assert_eq!(sqrt(dec!(144)).unwrap(), dec!(12));
        assert_eq!(sqrt(dec!(1522756)).unwrap(), dec!(1234));
        close(
            sqrt(dec!(79228162514264337593543950335)).unwrap(),
            "281474976710655.999999999999998223643160599750",
            24,
        );
        assert_eq!(sqrt(dec!(-1)), Err(MathError::Domain));
        assert_eq!(sqrt(Decimal::ZERO).unwrap(), Decimal::ZERO);
    }

    #[test]
    fn logarithms() {
        close(ln(dec!(2)).unwrap(), "0.693147180559945309417232121458", 25);
        close(
            ln(dec!(1.05)).unwrap(),
            "0.0487901641694320030653744042231",
            25,
        );
        close(
            ln(dec!(1234567.89)).unwrap(),
            "14.0262315801799266651579504385",
            24,
        );
        close(
            ln(dec!(0.0042)).unwrap(),
            "-5.47267075369281443015413571691",
            24,
        );
        assert_eq!(ln(Decimal::ONE).unwrap(), Decimal::ZERO);
        assert_eq!(ln(Decimal::ZERO), Err(MathError::Domain));
    }

    #[test]
    fn exponentials() {
        close(
            exp(Decimal::ONE).unwrap(),
            "2.71828182845904523536028747135",
            25,
        );
        close(
            exp(dec!(0.05)).unwrap(),
            "1.05127109637602403969751763633",
            25,
        );
        close(
            exp(dec!(-3.2)).unwrap(),
            "0.0407622039783662151660792621444",
            25,
        );
        close(
            exp(dec!(60)).unwrap(),
            "114200738981568428366295718.314",
            23,
        );
        assert_eq!(exp(dec!(70)), Err(MathError::Overflow));
        assert_eq!(exp(dec!(-70)).unwrap(), Decimal::ZERO);
        assert_eq!(exp(Decimal::ZERO).unwrap(), Decimal::ONE);
    }

    #[test]
    fn fractional_powers() {
        // Equivalent monthly rate of 6 % a year: 1.06^(1/12) − 1.
        close(
            pow_fractional(dec!(1.06), Decimal::ONE / dec!(12)).unwrap(),
            "1.00486755056534303754119894558",
            24,
        );
        close(
            pow_fractional(dec!(8), dec!(0.5)).unwrap(),
            "2.82842712474619009760337744841",
            24,
        );
        assert_eq!(pow_fractional(dec!(-8), dec!(0.5)), Err(MathError::Domain));
        assert_eq!(
            pow_fractional(Decimal::ZERO, dec!(0.5)).unwrap(),
            Decimal::ZERO
        );
        assert_eq!(
            pow_fractional(Decimal::ZERO, dec!(-0.5)),
            Err(MathError::DivisionByZero)
        );
    }
}

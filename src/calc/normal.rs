//! The standard normal law as the BTS reads it: a table of Π(t) at 4 decimals for t
//! from 0,00 to 4,99, and its inverse reading.
//!
//! The table is not copied from a book: each Π(t) is computed once with exact decimal
//! series (28 significant digits, far beyond the 4 kept), then rounded half away from
//! zero to 4 decimals, which is how the printed tables are made. No `f64` is involved,
//! so a reading never depends on a platform's floating point.

use crate::num::round::round_half_away;
use rust_decimal::{Decimal, MathematicalOps};
use rust_decimal_macros::dec;
use std::sync::LazyLock;

/// Number of rows of the table: t = 0,00, 0,01, …, 4,99.
const ROWS: usize = 500;

/// Terms below this no longer move the 28th digit.
const EPSILON: Decimal = dec!(0.0000000000000000000000000001);

/// e^x for 0 ≤ x ≤ 13 by its Taylor series (all terms positive, no cancellation).
fn exp(x: Decimal) -> Decimal {
    let mut sum = Decimal::ONE;
    let mut term = Decimal::ONE;
    let mut n = Decimal::ONE;
    while term > EPSILON {
        term = term * x / n;
        sum += term;
        n += Decimal::ONE;
    }
    sum
}

/// Π(t) for t ≥ 0 without rounding, by Φ(t) = ½ + φ(t) Σ t^(2n+1) / (1·3·…·(2n+1)),
/// whose terms are all positive (Marsaglia's form), with φ(t) = e^(−t²/2) / √(2π).
pub fn cdf_exact(t: Decimal) -> Decimal {
    debug_assert!(t >= Decimal::ZERO && t < dec!(5));
    let t2 = t * t;
    let mut term = t;
    let mut sum = t;
    let mut k = Decimal::ONE;
    while term > EPSILON {
        k += Decimal::TWO;
        term = term * t2 / k;
        sum += term;
    }
    let sqrt_two_pi = (Decimal::PI * Decimal::TWO).sqrt().expect("racine de 2π");
    let density = Decimal::ONE / (exp(t2 / Decimal::TWO) * sqrt_two_pi);
    dec!(0.5) + density * sum
}

static TABLE: LazyLock<Vec<Decimal>> = LazyLock::new(|| {
    (0..ROWS)
        .map(|i| round_half_away(cdf_exact(Decimal::new(i as i64, 2)), 4))
        .collect()
});

/// The table's Π(t), t ≥ 0 given to 2 decimals (t = 0,00 … 4,99).
pub fn table() -> &'static [Decimal] {
    &TABLE
}

/// Π(t) read in the table, for any t rounded to 2 decimals: Π(−t) = 1 − Π(t), and
/// beyond the table (|t| ≥ 5) the value is 1 (or 0) at 4 decimals.
pub fn pi(t: Decimal) -> Decimal {
    let t = round_half_away(t, 2);
    let a = t.abs();
    let row = (a * Decimal::ONE_HUNDRED).trunc();
    let value = match usize::try_from(row.mantissa()).ok().filter(|&r| r < ROWS) {
        Some(r) if row.scale() == 0 => TABLE[r],
        _ => Decimal::ONE,
    };
    if t < Decimal::ZERO {
        Decimal::ONE - value
    } else {
        value
    }
}

/// How t is read in the table for a probability that falls between two rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// The smallest t whose Π(t) is at least p: the risk is never exceeded.
    AtLeast,
    /// The t whose Π(t) is closest to p (on a tie, the larger t).
    Nearest,
}

/// The t of the table with Π(t) = p (read as `reading` says), for ½ ≤ p < 1.
/// `None` if p is outside that range.
pub fn inverse(p: Decimal, reading: Reading) -> Option<Decimal> {
    if p < dec!(0.5) || p >= Decimal::ONE {
        return None;
    }
    let first = TABLE.iter().position(|&v| v >= p)?;
    let row = match reading {
        Reading::AtLeast => first,
        Reading::Nearest => {
            if first > 0 && (p - TABLE[first - 1]) < (TABLE[first] - p) {
                first - 1
            } else {
                first
            }
        }
    };
    Some(Decimal::new(row as i64, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_table_values() {
        // Any printed table of the standard normal law (e.g. the formulaire of the BTS).
        assert_eq!(pi(dec!(0)), dec!(0.5));
        assert_eq!(pi(dec!(0.5)), dec!(0.6915));
        assert_eq!(pi(dec!(1)), dec!(0.8413));
        assert_eq!(pi(dec!(1.28)), dec!(0.8997));
        assert_eq!(pi(dec!(1.64)), dec!(0.9495));
        assert_eq!(pi(dec!(1.65)), dec!(0.9505));
        assert_eq!(pi(dec!(1.96)), dec!(0.9750));
        assert_eq!(pi(dec!(2)), dec!(0.9772));
        assert_eq!(pi(dec!(2.33)), dec!(0.9901));
        assert_eq!(pi(dec!(2.58)), dec!(0.9951));
        assert_eq!(pi(dec!(3)), dec!(0.9987));
        assert_eq!(pi(dec!(-1)), dec!(0.1587));
        assert_eq!(pi(dec!(7)), dec!(1));
    }

    #[test]
    fn table_is_increasing() {
        assert!(table().windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(table().len(), ROWS);
    }

    #[test]
    fn inverse_readings() {
        assert_eq!(inverse(dec!(0.95), Reading::AtLeast), Some(dec!(1.65)));
        assert_eq!(inverse(dec!(0.95), Reading::Nearest), Some(dec!(1.65))); // tie
        assert_eq!(inverse(dec!(0.90), Reading::AtLeast), Some(dec!(1.29)));
        assert_eq!(inverse(dec!(0.90), Reading::Nearest), Some(dec!(1.28)));
        assert_eq!(inverse(dec!(0.99), Reading::AtLeast), Some(dec!(2.33)));
        assert_eq!(inverse(dec!(0.975), Reading::Nearest), Some(dec!(1.96)));
        assert_eq!(inverse(dec!(0.4), Reading::Nearest), None);
    }
}

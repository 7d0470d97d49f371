//! Rounding helpers following French commercial conventions.
//!
//! In French commercial practice (invoices, price lists, BTS NDRC exercises),
//! amounts are rounded to the cent **half away from zero**: 2,345 € becomes
//! 2,35 € and −2,345 € becomes −2,35 €. `rust_decimal`'s plain `round()` and
//! `round_dp()` use banker's rounding (half to even), which would turn 2,345
//! into 2,34 and make the auto-corrector disagree with the student's
//! calculator and with the course. Every rounding in `clientele` therefore goes
//! through this module.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds `x` to `dp` decimal places, halves going away from zero.
///
/// This is the convention taught in French commerce classes and used by
/// calculators: `round_half_away(2.345, 2) = 2.35`,
/// `round_half_away(-2.345, 2) = -2.35`. Never use `Decimal::round()` or
/// `round_dp()` instead: they round half to even (banker's rounding).
#[inline]
pub fn round_half_away(x: Decimal, dp: u32) -> Decimal {
    // Most displayed values are already at their precision: answer that without a call
    // (`round_dp_with_strategy` returns such a value unchanged too).
    if x.scale() <= dp {
        return x;
    }
    x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds an amount to the cent (2 decimal places), halves away from zero.
///
/// Amounts in euros are always settled to the cent, and a half cent is
/// rounded up in absolute value, as on an invoice.
pub fn round_cents(x: Decimal) -> Decimal {
    round_half_away(x, 2)
}

/// Truncates `x` to `dp` decimal places, toward zero (digits are dropped,
/// never rounded).
///
/// Used where a course asks to "ne garder que" a number of decimals, e.g.
/// a coefficient that is cut rather than rounded: `truncate(2.349, 2) = 2.34`,
/// `truncate(-2.349, 2) = -2.34`.
pub fn truncate(x: Decimal, dp: u32) -> Decimal {
    x.round_dp_with_strategy(dp, RoundingStrategy::ToZero)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn cents_half_away_from_zero() {
        assert_eq!(round_cents(d("2.345")), d("2.35"));
        assert_eq!(round_cents(d("-2.345")), d("-2.35"));
        assert_eq!(round_cents(d("2.344999")), d("2.34"));
        assert_eq!(round_cents(d("2.355")), d("2.36"));
        assert_eq!(round_cents(d("2.365")), d("2.37")); // banker's would give 2.36
        assert_eq!(round_cents(d("0.005")), d("0.01"));
        assert_eq!(round_cents(d("-0.005")), d("-0.01"));
        assert_eq!(round_cents(d("0.004")), d("0.00"));
        assert_eq!(round_cents(d("19.999")), d("20.00"));
        assert_eq!(round_cents(d("12")), d("12"));
    }

    #[test]
    fn half_away_other_precisions() {
        assert_eq!(round_half_away(d("0.5"), 0), d("1"));
        assert_eq!(round_half_away(d("1.5"), 0), d("2"));
        assert_eq!(round_half_away(d("2.5"), 0), d("3")); // banker's would give 2
        assert_eq!(round_half_away(d("-2.5"), 0), d("-3"));
        assert_eq!(round_half_away(d("1.23456"), 4), d("1.2346"));
        assert_eq!(round_half_away(d("1234.5"), 0), d("1235"));
    }

    #[test]
    fn truncate_toward_zero() {
        assert_eq!(truncate(d("2.349"), 2), d("2.34"));
        assert_eq!(truncate(d("-2.349"), 2), d("-2.34"));
        assert_eq!(truncate(d("2.999"), 0), d("2"));
        assert_eq!(truncate(d("-2.999"), 0), d("-2"));
        assert_eq!(truncate(d("2.3"), 2), d("2.3"));
    }
}

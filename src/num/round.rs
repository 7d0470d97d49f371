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
#[inline(always)]
pub fn round_half_away(x: Decimal, dp: u32) -> Decimal {
    // Most displayed values are already at their precision: answered where the call is,
    // without one (`round_dp_with_strategy` returns such a value unchanged too).
    if x.scale() <= dp {
        return x;
    }
    round_finer(x, dp)
}

/// [`round_half_away`] of a value with more than `dp` decimals.
#[inline(never)]
fn round_finer(x: Decimal, dp: u32) -> Decimal {
    let scale = x.scale();
    if x.is_zero() {
        // The library's own zero (it keeps the sign).
        return x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    }
    // The same result as `round_dp_with_strategy(dp, MidpointAwayFromZero)`, bit for bit
    // (a test compares them): one integer division of the mantissa by 10^(scale − dp)
    // instead of the library's digit-group loops, which were, on the 28-digit quotients
    // that rates come from, a fifth of generating `prix/marges` (perf).
    let m = x.mantissa().unsigned_abs();
    let p = 10u128.pow(scale - dp);
    let q = match (u64::try_from(m), u64::try_from(p)) {
        (Ok(m), Ok(p)) => u128::from(m / p + u64::from(m % p >= p / 2)),
        _ => m / p + u128::from(m % p >= p / 2),
    };
    // `q` is at most m / 10 + 1, below 2^96: it fits the three 32-bit words.
    Decimal::from_parts(
        q as u32,
        (q >> 32) as u32,
        (q >> 64) as u32,
        x.is_sign_negative(),
        dp,
    )
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// The integer rounding gives the library's very `Decimal` (mantissa, scale and
        /// sign), over small values, 64-bit mantissas and the whole 96-bit range.
        #[test]
        fn half_away_equals_the_library(
            m in proptest::prop_oneof![
                -100_000i128..100_000,
                i128::from(i64::MIN)..i128::from(i64::MAX),
                -(1i128 << 96) + 1..(1i128 << 96),
            ],
            scale in 0u32..=28,
            dp in 0u32..=28,
        ) {
            let x = Decimal::from_i128_with_scale(m, scale);
            let library = x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
            proptest::prop_assert_eq!(round_half_away(x, dp).serialize(), library.serialize(), "{} {}", x, dp);
        }
    }

    #[test]
    fn halves_and_signs_like_the_library() {
        for (x, dp) in [
            ("2.345", 2),
            ("-2.345", 2),
            ("0.5", 0),
            ("-0.5", 0),
            ("-0.001", 2),
            ("0.0049999", 2),
            ("12.3456789012345678901234567", 2),
            ("-0.000", 1),
            ("79228162514264337593543950335", 0),
        ] {
            let x = d(x);
            let library = x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
            assert_eq!(
                round_half_away(x, dp).serialize(),
                library.serialize(),
                "{x} {dp}"
            );
        }
        assert_eq!(
            round_half_away(d("-0.001"), 2).to_string(),
            d("-0.001")
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                .to_string()
        );
    }

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

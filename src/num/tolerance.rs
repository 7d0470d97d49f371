//! Whether two values agree within a tolerance (marking an answer, telling a known
//! mistake from the right answer).

use rust_decimal::Decimal;

/// `|a − b| ≤ tolerance`, false when the difference overflows.
///
/// Computed on the mantissas brought to the finest of the three scales, exactly, in
/// integers: every generated instance compares each known mistake with the answer and the
/// others, and a `Decimal` subtraction then comparison was, with the mixed scales of
/// survey shares (`25` against `12.50`), 6 % of generating `prix/acceptabilite` (perf).
pub fn within(a: Decimal, b: Decimal, tolerance: Decimal) -> bool {
    let scale = a.scale().max(b.scale()).max(tolerance.scale());
    match (
        at_scale(a, scale),
        at_scale(b, scale),
        at_scale(tolerance, scale),
    ) {
        // 64-bit mantissas: their difference cannot overflow 128 bits.
        (Some(a), Some(b), Some(t)) => (i128::from(a) - i128::from(b)).abs() <= i128::from(t),
        _ => a.checked_sub(b).is_some_and(|d| d.abs() <= tolerance),
    }
}

/// The mantissa of `x` written at `scale` (≥ its own), if it fits in 64 bits: 128-bit
/// multiplications with an overflow check are library calls, and generated values are
/// small.
fn at_scale(x: Decimal, scale: u32) -> Option<i64> {
    const POWERS: [i64; 7] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
    let power = POWERS.get((scale - x.scale()) as usize)?;
    i64::try_from(x.mantissa()).ok()?.checked_mul(*power)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn examples() {
        assert!(within(dec!(12.34), dec!(12.35), dec!(0.01)));
        assert!(!within(dec!(12.34), dec!(12.36), dec!(0.01)));
        assert!(within(dec!(12.36), dec!(12.34), dec!(0.02)));
        assert!(within(dec!(12.3), dec!(12.31), dec!(0.01)));
        assert!(!within(dec!(-5), dec!(5), dec!(1)));
        assert!(!within(Decimal::MAX, Decimal::MIN, dec!(1)));
        assert!(within(Decimal::MAX, Decimal::MAX, Decimal::ZERO));
        // Mixed scales, as survey shares have them: 25 % against 25,01 % and 24,98 %.
        assert!(within(dec!(25), dec!(25.01), dec!(0.01)));
        assert!(!within(dec!(24.98), dec!(25), dec!(0.01)));
        assert!(within(dec!(12.5), dec!(12.50), Decimal::ZERO));
        assert!(within(dec!(1.004), dec!(1), dec!(0.01)));
        // Scales too far apart for the integer path take the subtraction.
        assert!(within(Decimal::new(1, 20), Decimal::ZERO, dec!(0.01)));
    }

    proptest! {
        /// The integer comparison agrees with the decimal subtraction.
        #[test]
        fn agrees_with_subtraction(a in -10_000_000i64..10_000_000, b in -10_000_000i64..10_000_000,
                                   t in 0i64..1000, sa in 0u32..4, sb in 0u32..4, st in 0u32..4) {
            let (a, b, t) = (Decimal::new(a, sa), Decimal::new(b, sb), Decimal::new(t, st));
            prop_assert_eq!(within(a, b, t), (a - b).abs() <= t);
            let (b2, t2) = (Decimal::new(b.mantissa() as i64, sa), Decimal::new(t.mantissa() as i64, sa));
            prop_assert_eq!(within(a, b2, t2), (a - b2).abs() <= t2);
        }

        /// Scales far apart (beyond the integer path) and large mantissas agree too.
        #[test]
        fn agrees_with_subtraction_far_scales(a in any::<i64>(), b in any::<i64>(), t in 0i64..1_000_000,
                                              sa in 0u32..28, sb in 0u32..28, st in 0u32..28) {
            let (a, b, t) = (Decimal::new(a, sa), Decimal::new(b, sb), Decimal::new(t, st));
            let expected = a.checked_sub(b).is_some_and(|d| d.abs() <= t);
            prop_assert_eq!(within(a, b, t), expected);
        }
    }
}

//! Whether two values agree within a tolerance (marking an answer, telling a known
//! mistake from the right answer).

use rust_decimal::Decimal;

/// `|a − b| ≤ tolerance`, false when the difference overflows.
///
/// Values and tolerances mostly share a scale (amounts and rates to the hundredth): their
/// mantissas are then compared as integers, exactly, without `Decimal` arithmetic (every
/// generated instance compares each known mistake with the answer and the others).
pub fn within(a: Decimal, b: Decimal, tolerance: Decimal) -> bool {
    if a.scale() == b.scale() && b.scale() == tolerance.scale() {
        // Mantissas are below 2^96 in absolute value: the difference fits in an i128.
        return (a.mantissa() - b.mantissa()).abs() <= tolerance.mantissa();
    }
    a.checked_sub(b).is_some_and(|d| d.abs() <= tolerance)
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
    }
}

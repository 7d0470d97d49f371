//! Choosing under uncertainty (S533): expected gain, risk measured by the (population)
//! standard deviation and coefficient of variation of an action's outcomes.

use crate::num::round::{round_cents, round_half_away};
use rust_decimal::{Decimal, MathematicalOps};

/// Σ pᵢ xᵢ with the probabilities in percent, unrounded.
pub fn expectation(outcomes: &[(Decimal, Decimal)]) -> Decimal {
    outcomes.iter().map(|(p, x)| *p * *x).sum::<Decimal>() / Decimal::ONE_HUNDRED
}

/// Σ pᵢ (xᵢ − E)², probabilities in percent, unrounded.
pub fn variance(outcomes: &[(Decimal, Decimal)]) -> Decimal {
    let e = expectation(outcomes);
    outcomes
        .iter()
        .map(|(p, x)| *p * (*x - e) * (*x - e))
        .sum::<Decimal>()
        / Decimal::ONE_HUNDRED
}

/// Standard deviation √variance, to the cent.
pub fn std_dev(outcomes: &[(Decimal, Decimal)]) -> Option<Decimal> {
    Some(round_cents(variance(outcomes).sqrt()?))
}

/// Coefficient of variation σ ÷ E in percent, to 2 decimals (from the rounded σ and E
/// that the student has written).
pub fn coefficient_of_variation(sd: Decimal, e: Decimal) -> Option<Decimal> {
    Some(round_half_away(
        sd.checked_div(e)?.checked_mul(Decimal::ONE_HUNDRED)?,
        2,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn hand_checked() {
        // 30 % → 20 000, 50 % → 8 000, 20 % → −5 000: E = 6 000 + 4 000 − 1 000 = 9 000.
        // V = 0,3 × 11 000² + 0,5 × 1 000² + 0,2 × 14 000² = 36,3 M + 0,5 M + 39,2 M = 76 M,
        // σ = √76 000 000 = 8 717,80 € ; CV = 8 717,80 / 9 000 = 96,86 %.
        let o = [
            (dec!(30), dec!(20000)),
            (dec!(50), dec!(8000)),
            (dec!(20), dec!(-5000)),
        ];
        assert_eq!(expectation(&o), dec!(9000));
        assert_eq!(variance(&o), dec!(76000000));
        assert_eq!(std_dev(&o), Some(dec!(8717.80)));
        assert_eq!(
            coefficient_of_variation(dec!(8717.80), dec!(9000)),
            Some(dec!(96.86))
        );
    }
}

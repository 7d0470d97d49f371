//! Price elasticity of demand (S443, S423): e = (ΔQ/Q) ÷ (ΔP/P).
//!
//! Variation rates are in percent and measured from the initial value. The course's
//! method rounds each rate to 0,01 %, computes the coefficient from the rounded rates and
//! rounds it to 0,01; quantities are rounded to the unit and amounts to the cent.

use crate::num::round::{round_cents, round_half_away};
use rust_decimal::Decimal;

/// Exact variation rate from `initial` to `new`, in percent. `initial` must not be zero.
pub fn variation_rate(initial: Decimal, new: Decimal) -> Decimal {
    (new - initial) / initial * Decimal::ONE_HUNDRED
}

/// Variation rate rounded to 0,01 %, as the method displays it.
pub fn rounded_rate(initial: Decimal, new: Decimal) -> Decimal {
    round_half_away(variation_rate(initial, new), 2)
}

/// Turnover (chiffre d'affaires) P × Q, rounded to the cent.
pub fn turnover(price: Decimal, quantity: Decimal) -> Decimal {
    round_cents(price * quantity)
}

/// How demand reacts to the price, from the coefficient (compared in absolute value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// |e| > 1: the quantity varies proportionally more than the price.
    Elastic,
    /// |e| < 1: the quantity varies proportionally less than the price.
    Inelastic,
    /// |e| = 1.
    Unitary,
}

pub fn reading(e: Decimal) -> Reading {
    match e.abs().cmp(&Decimal::ONE) {
        std::cmp::Ordering::Greater => Reading::Elastic,
        std::cmp::Ordering::Less => Reading::Inelastic,
        std::cmp::Ordering::Equal => Reading::Unitary,
    }
}

/// Elasticity measured from two observations (price, quantity) before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Observed {
    /// ΔP/P in percent, rounded to 0,01.
    pub price_rate: Decimal,
    /// ΔQ/Q in percent, rounded to 0,01.
    pub quantity_rate: Decimal,
    /// ΔQ% ÷ ΔP% from the rounded rates, rounded to 0,01.
    pub coefficient: Decimal,
    pub turnover_before: Decimal,
    pub turnover_after: Decimal,
    /// Variation of the turnover in percent, rounded to 0,01.
    pub turnover_rate: Decimal,
}

/// `None` when a rate cannot be computed (zero initial value, or a price variation that
/// rounds to 0,00 %).
pub fn observed(p0: Decimal, p1: Decimal, q0: Decimal, q1: Decimal) -> Option<Observed> {
    if p0.is_zero() || q0.is_zero() {
        return None;
    }
    let price_rate = rounded_rate(p0, p1);
    if price_rate.is_zero() {
        return None;
    }
    let quantity_rate = rounded_rate(q0, q1);
    let coefficient = round_half_away(quantity_rate / price_rate, 2);
    let turnover_before = turnover(p0, q0);
    let turnover_after = turnover(p1, q1);
    if turnover_before.is_zero() {
        return None;
    }
    let turnover_rate = rounded_rate(turnover_before, turnover_after);
    Some(Observed {
        price_rate,
        quantity_rate,
        coefficient,
        turnover_before,
        turnover_after,
        turnover_rate,
    })
}

/// Exact predicted quantity Q1 = Q0 × (1 + e × ΔP%/100), before any rounding.
pub fn predicted_quantity(q0: Decimal, e: Decimal, price_rate: Decimal) -> Decimal {
    q0 * (Decimal::ONE + e * price_rate / Decimal::ONE_HUNDRED)
}

/// Forecast of quantity and turnover from a known elasticity and a planned price change.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// P1 = P0 × (1 + ΔP%), rounded to the cent.
    pub new_price: Decimal,
    /// ΔQ% = e × ΔP%, rounded to 0,01.
    pub quantity_rate: Decimal,
    /// Q1 = Q0 × (1 + ΔQ%), rounded to the unit.
    pub quantity: Decimal,
    pub turnover_before: Decimal,
    pub turnover_after: Decimal,
    /// Variation of the turnover in percent, rounded to 0,01.
    pub turnover_rate: Decimal,
}

/// `None` for a zero initial turnover.
pub fn forecast(p0: Decimal, q0: Decimal, e: Decimal, price_rate: Decimal) -> Option<Forecast> {
    let hundred = Decimal::ONE_HUNDRED;
    let new_price = round_cents(p0 * (Decimal::ONE + price_rate / hundred));
    let quantity_rate = round_half_away(e * price_rate, 2);
    let quantity = round_half_away(q0 * (Decimal::ONE + quantity_rate / hundred), 0);
    let turnover_before = turnover(p0, q0);
    if turnover_before.is_zero() {
        return None;
    }
    let turnover_after = turnover(new_price, quantity);
    let turnover_rate = rounded_rate(turnover_before, turnover_after);
    Some(Forecast {
        new_price,
        quantity_rate,
        quantity,
        turnover_before,
        turnover_after,
        turnover_rate,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn textbook_elastic_case() {
        // By hand: price 10 → 11 €: ΔP = 1/10 = +10 %; quantity 1 000 → 850: ΔQ = −150/1 000
        // = −15 %; e = −15/10 = −1,5 (|e| > 1: élastique); CA 10 × 1 000 = 10 000 € →
        // 11 × 850 = 9 350 €, i.e. −650/10 000 = −6,5 %.
        let o = observed(dec!(10), dec!(11), dec!(1000), dec!(850)).unwrap();
        assert_eq!(o.price_rate, dec!(10));
        assert_eq!(o.quantity_rate, dec!(-15));
        assert_eq!(o.coefficient, dec!(-1.5));
        assert_eq!(reading(o.coefficient), Reading::Elastic);
        assert_eq!(o.turnover_before, dec!(10000));
        assert_eq!(o.turnover_after, dec!(9350));
        assert_eq!(o.turnover_rate, dec!(-6.5));
    }

    #[test]
    fn textbook_inelastic_case() {
        // Price 20 → 18 €: −2/20 = −10 %; quantity 500 → 520: +20/500 = +4 %;
        // e = 4/−10 = −0,4 (inélastique); CA 10 000 € → 18 × 520 = 9 360 €: −6,4 %.
        let o = observed(dec!(20), dec!(18), dec!(500), dec!(520)).unwrap();
        assert_eq!(o.price_rate, dec!(-10));
        assert_eq!(o.quantity_rate, dec!(4));
        assert_eq!(o.coefficient, dec!(-0.4));
        assert_eq!(reading(o.coefficient), Reading::Inelastic);
        assert_eq!(o.turnover_after, dec!(9360));
        assert_eq!(o.turnover_rate, dec!(-6.4));
    }

    #[test]
    fn rounding_points_of_the_method() {
        // 24 → 25 €: 1/24 = 4,1666…% → 4,17 %; 1 200 → 1 130: −70/1 200 = −5,8333…%
        // → −5,83 %; e from the rounded rates: −5,83/4,17 = −1,39808… → −1,40.
        // CA 24 × 1 200 = 28 800 € → 25 × 1 130 = 28 250 €: −550/28 800 = −1,90972…% → −1,91 %.
        let o = observed(dec!(24), dec!(25), dec!(1200), dec!(1130)).unwrap();
        assert_eq!(o.price_rate, dec!(4.17));
        assert_eq!(o.quantity_rate, dec!(-5.83));
        assert_eq!(o.coefficient, dec!(-1.40));
        assert_eq!(o.turnover_rate, dec!(-1.91));
    }

    #[test]
    fn unitary_reading() {
        assert_eq!(reading(dec!(-1.00)), Reading::Unitary);
        assert_eq!(reading(dec!(-0.99)), Reading::Inelastic);
        assert_eq!(reading(dec!(-1.01)), Reading::Elastic);
    }

    #[test]
    fn zero_price_variation_is_rejected() {
        assert!(observed(dec!(10), dec!(10), dec!(100), dec!(90)).is_none());
        assert!(observed(dec!(0), dec!(10), dec!(100), dec!(90)).is_none());
    }

    #[test]
    fn forecast_hand_checked() {
        // P0 = 12,50 €, Q0 = 2 000, e = −0,6, ΔP = +8 %: P1 = 12,50 × 1,08 = 13,50 €;
        // ΔQ = −0,6 × 8 = −4,8 %; Q1 = 2 000 × 0,952 = 1 904; CA0 = 25 000 €;
        // CA1 = 13,50 × 1 904 = 25 704 €; +704/25 000 = +2,816 % → +2,82 % (inélastique:
        // the rise increases the CA).
        let f = forecast(dec!(12.50), dec!(2000), dec!(-0.6), dec!(8)).unwrap();
        assert_eq!(f.new_price, dec!(13.50));
        assert_eq!(f.quantity_rate, dec!(-4.8));
        assert_eq!(f.quantity, dec!(1904));
        assert_eq!(f.turnover_before, dec!(25000));
        assert_eq!(f.turnover_after, dec!(25704));
        assert_eq!(f.turnover_rate, dec!(2.82));
    }

    #[test]
    fn forecast_with_roundings() {
        // P0 = 19,99 €, Q0 = 1 234, e = −2,3, ΔP = −7 %: P1 = 19,99 × 0,93 = 18,5907 → 18,59 €;
        // ΔQ = −2,3 × −7 = +16,1 %; Q1 = 1 234 × 1,161 = 1 432,674 → 1 433;
        // CA0 = 19,99 × 1 234 = 24 667,66 €; CA1 = 18,59 × 1 433 = 26 026 + 613,47 = 26 639,47 €;
        // variation 1 971,81/24 667,66 = 7,9935…% → 7,99 %.
        let f = forecast(dec!(19.99), dec!(1234), dec!(-2.3), dec!(-7)).unwrap();
        assert_eq!(f.new_price, dec!(18.59));
        assert_eq!(f.quantity_rate, dec!(16.1));
        assert_eq!(f.quantity, dec!(1433));
        assert_eq!(f.turnover_before, dec!(24667.66));
        assert_eq!(f.turnover_after, dec!(26639.47));
        assert_eq!(f.turnover_rate, dec!(7.99));
    }

    proptest! {
        /// In the linear model Q1 = Q0 (1 + e·p), CA1/CA0 = (1 + p)(1 + e·p). For |e| > 1 a
        /// price rise always lowers the CA; for |e| < 1 a price cut always lowers it.
        #[test]
        fn turnover_direction_follows_elasticity(
            e_hundredths in -500i64..=-1, p_tenths in 1i64..=500, q0 in 1i64..100_000
        ) {
            let e = Decimal::new(e_hundredths, 2);
            let p = Decimal::new(p_tenths, 1);
            let q0 = Decimal::from(q0);
            let rise = predicted_quantity(q0, e, p) * (Decimal::ONE + p / dec!(100));
            let cut = predicted_quantity(q0, e, -p) * (Decimal::ONE - p / dec!(100));
            match reading(e) {
                Reading::Elastic => prop_assert!(rise < q0),
                Reading::Inelastic => prop_assert!(cut < q0),
                Reading::Unitary => {
                    prop_assert!(rise < q0);
                    prop_assert!(cut < q0);
                }
            }
        }

        /// The coefficient is the ratio of the displayed rates (within rounding), and it is
        /// negative when price and quantity move in opposite directions.
        #[test]
        fn coefficient_is_ratio_of_rates(
            p0 in 100i64..100_000, dp in 1i64..3_000, up in any::<bool>(),
            q0 in 10i64..100_000, dq in 1i64..9_000
        ) {
            let p0 = Decimal::new(p0, 2);
            let p1 = if up { p0 + Decimal::new(dp, 2) } else { (p0 - Decimal::new(dp, 2)).max(dec!(0.01)) };
            let q0d = Decimal::from(q0);
            let q1 = if up { q0d * (dec!(10000) - Decimal::from(dq)) / dec!(10000) } else { q0d * (dec!(10000) + Decimal::from(dq)) / dec!(10000) };
            if let Some(o) = observed(p0, p1, q0d, q1) {
                prop_assert!((o.coefficient - o.quantity_rate / o.price_rate).abs() <= dec!(0.005));
                prop_assert!(o.coefficient <= Decimal::ZERO);
                prop_assert_eq!(o.price_rate > Decimal::ZERO, up);
            }
        }
    }
}

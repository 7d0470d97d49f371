//! The commercial action family (S532 efficiency of an action, S533 investment
//! decisions): cost and ROI of an action, prospecting funnel, profitability of a
//! commercial investment.

pub mod cout_roi;
pub mod entonnoir;
pub mod rentabilite_investissement;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// `⌈x⌉` of a positive `x` in the expression language, which has no ceiling function:
/// the integer part, plus 1 as soon as a fractional part is left. A fractional part has
/// at most 28 decimals, so times 10^28 it is at least 1 (and stays below 10^28).
pub fn ceil_expr(x: &str) -> String {
    format!("(tronque({x}, 0) + min(1, (({x}) - tronque({x}, 0)) * 10^28))")
}

/// A round step for drawing a price of this magnitude (0,01 € under 1 €, 0,1 € under
/// 10 €, 1 € under 100 €…), so that statements show plausible catalogue prices.
pub fn price_step(min: Decimal) -> Decimal {
    let mut step = dec!(0.01);
    let mut bound = Decimal::ONE;
    while min >= bound && step < dec!(100) {
        step *= dec!(10);
        bound *= dec!(10);
    }
    step
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::Expr;

    #[test]
    fn ceiling_in_the_expression_language() {
        for (x, want) in [
            ("300", dec!(300)),
            ("119.047", dec!(120)),
            ("0.0000000000000000000000000001", dec!(1)),
            ("1000 / 3", dec!(334)),
            ("7", dec!(7)),
        ] {
            let e = Expr::parse(&ceil_expr(x)).unwrap();
            assert_eq!(e.eval(&|_| None).unwrap(), want, "{x}");
        }
    }
}

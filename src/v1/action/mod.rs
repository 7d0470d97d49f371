//! The commercial action family (S532 efficiency of an action, S533 investment
//! decisions): cost and ROI of an action, prospecting funnel, profitability of a
//! commercial investment.

pub mod cout_roi;
pub mod entonnoir;
pub mod rentabilite_investissement;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

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

//! Numbers as French students and textbooks write them.

pub mod format;
pub mod math;
pub mod parse;
pub mod precision;
pub mod round;
pub mod tolerance;

use rust_decimal::Decimal;

/// The mantissa of `x` written at `scale` (at most 6 more decimals than its own), if it fits
/// in 64 bits: comparing or stepping values on such integers avoids `Decimal`'s 96-bit
/// arithmetic (library calls), and generated values are small. `None` also when `scale` is
/// below the scale of `x`.
pub fn mantissa_at(x: Decimal, scale: u32) -> Option<i64> {
    const POWERS: [i64; 7] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
    let power = POWERS.get(scale.checked_sub(x.scale())? as usize)?;
    i64::try_from(x.mantissa()).ok()?.checked_mul(*power)
}

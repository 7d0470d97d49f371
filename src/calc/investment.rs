//! Profitability of a commercial investment (S533): payback period, simple and
//! discounted, and net present value.
//!
//! Flows are end-of-year flows: the flow of year k is discounted by (1 + i)^−k, the
//! investment is made at date 0 and is not discounted. Each discounted flow is rounded to
//! the cent before summing, as in a table; payback periods are interpolated linearly
//! within the year of recovery and expressed in months.

use crate::calc::loan::pow;
use crate::num::round::{round_cents, round_half_away};
use rust_decimal::Decimal;

/// Discount factor (1 + rate)^−k, computed as 1 / (1 + rate)^k by repeated
/// multiplication (exactly as the expression language's `^` does).
pub fn discount_factor(rate: Decimal, k: u32) -> Option<Decimal> {
    let base = Decimal::ONE.checked_add(rate.checked_div(Decimal::ONE_HUNDRED)?)?;
    Decimal::ONE.checked_div(pow(base, k)?)
}

/// Flow of year k (from 1) discounted to date 0, to the cent. `shift` = 1 discounts from
/// year 0 (the classic mistake: (1 + i)^−(k−1)), `shift` = 0 is the right method.
pub fn discounted_flows(flows: &[Decimal], rate: Decimal, shift: u32) -> Option<Vec<Decimal>> {
    flows
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let k = u32::try_from(i + 1).ok()? - shift;
            Some(round_cents(f.checked_mul(discount_factor(rate, k)?)?))
        })
        .collect()
}

/// Net present value: Σ discounted flows − investment.
pub fn npv(investment: Decimal, discounted: &[Decimal]) -> Decimal {
    discounted.iter().copied().sum::<Decimal>() - investment
}

/// Where the cumulated flows reach the investment: the year of recovery k (from 1) and
/// the cumulated flows at the end of year k − 1. `None` if never recovered.
pub fn recovery_year(investment: Decimal, flows: &[Decimal]) -> Option<(usize, Decimal)> {
    let mut cumul = Decimal::ZERO;
    for (i, f) in flows.iter().enumerate() {
        if cumul + *f >= investment {
            return Some((i + 1, cumul));
        }
        cumul += *f;
    }
    None
}

/// Payback period in months, interpolated linearly within the year of recovery and
/// rounded to the nearest month (half away from zero): 12 (k − 1) + 12 × remainder / flow.
pub fn payback_months(investment: Decimal, flows: &[Decimal]) -> Option<Decimal> {
    let (k, before) = recovery_year(investment, flows)?;
    let flow = flows[k - 1];
    let months = Decimal::from(12 * (k as i64 - 1))
        + Decimal::from(12) * (investment - before).checked_div(flow)?;
    Some(round_half_away(months, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn textbook_case() {
        // Investment 50 000 €, flows 15 000, 20 000, 18 000, 12 000 at 8 %.
        // Discounted: 15 000/1,08 = 13 888,89; 20 000/1,1664 = 17 146,78;
        // 18 000/1,259712 = 14 288,98; 12 000/1,36048896 = 8 820,36 (tableur : VAN()).
        // Σ = 54 145,01 → VAN = 4 145,01 €.
        let flows = [dec!(15000), dec!(20000), dec!(18000), dec!(12000)];
        let d = discounted_flows(&flows, dec!(8), 0).unwrap();
        assert_eq!(
            d,
            vec![
                dec!(13888.89),
                dec!(17146.78),
                dec!(14288.98),
                dec!(8820.36)
            ]
        );
        assert_eq!(npv(dec!(50000), &d), dec!(4145.01));
        // Simple payback: 35 000 after 2 years, 15 000 left of 18 000 → 24 + 10 = 34 months.
        assert_eq!(payback_months(dec!(50000), &flows), Some(dec!(34)));
        // Discounted: 45 324,65 after 3 years, 4 675,35 / 8 820,36 × 12 = 6,36 → 42 months.
        assert_eq!(payback_months(dec!(50000), &d), Some(dec!(42)));
        assert_eq!(payback_months(dec!(90000), &flows), None);
    }
}

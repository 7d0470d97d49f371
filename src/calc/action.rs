//! Efficiency of a commercial action (S532): its cost, cost per contact, margin
//! generated, result, ROI and break-even number of sales; and the prospecting funnel.
//!
//! ROI follows the definition of the course material: margin generated ÷ cost of the
//! action, i.e. the margin brought back by one euro invested (1 = break-even).

use crate::calc::pct;
use crate::num::round::{round_cents, round_half_away};
use rust_decimal::Decimal;

/// Total cost of an action: fixed costs + cost per contact × contacts + discounts granted
/// (a coupon's discount is a cost of the action, paid on each sale).
pub fn action_cost(
    fixed: Decimal,
    per_contact: Decimal,
    contacts: i64,
    discounts: Decimal,
) -> Option<Decimal> {
    let variable = per_contact.checked_mul(Decimal::from(contacts))?;
    Some(round_cents(
        fixed.checked_add(variable)?.checked_add(discounts)?,
    ))
}

/// Discount granted by a coupon: price × rate × number of sales, to the cent.
pub fn coupon_cost(price: Decimal, rate: Decimal, sales: i64) -> Decimal {
    round_cents(pct(price, rate) * Decimal::from(sales))
}

/// Cost of the action ÷ number of contacts, to the cent.
pub fn cost_per_contact(cost: Decimal, contacts: i64) -> Option<Decimal> {
    (contacts > 0).then(|| round_cents(cost / Decimal::from(contacts)))
}

/// Margin ÷ cost, to 2 decimals (`None` for a zero cost).
pub fn roi(margin: Decimal, cost: Decimal) -> Option<Decimal> {
    Some(round_half_away(margin.checked_div(cost)?, 2))
}

/// Number of sales whose margin covers the cost: cost ÷ (margin rate × price), rounded
/// up (a fraction of a sale does not exist, and one sale fewer leaves a loss).
pub fn break_even_sales(cost: Decimal, margin_rate: Decimal, price: Decimal) -> Option<Decimal> {
    let unit_margin = margin_rate
        .checked_div(Decimal::ONE_HUNDRED)?
        .checked_mul(price)?;
    Some(cost.checked_div(unit_margin)?.ceil())
}

/// A stage ratio in percent, unrounded: `to` ÷ `from` × 100.
pub fn ratio(to: i64, from: i64) -> Option<Decimal> {
    Decimal::from(to)
        .checked_div(Decimal::from(from))?
        .checked_mul(Decimal::ONE_HUNDRED)
}

/// Overall conversion rate of a funnel, in percent: the product of the stage ratios.
pub fn overall_rate(stage_rates: &[Decimal]) -> Option<Decimal> {
    let mut acc = Decimal::ONE_HUNDRED;
    for r in stage_rates {
        acc = acc.checked_mul(*r)?.checked_div(Decimal::ONE_HUNDRED)?;
    }
    Some(acc)
}

/// Contacts needed for `target` orders when the funnel's stages are the observed counts
/// `stages` (contacts first, orders last).
///
/// `each_stage`: round up the number needed at every stage, going back from the orders
/// (nobody holds 0,4 appointment); otherwise compute target × contacts ÷ orders directly
/// (the overall rate) and round up only that final number, the intermediate numbers
/// being left unrounded. Returns the numbers needed at each stage, orders first,
/// contacts last.
pub fn contacts_needed(stages: &[i64], target: i64, each_stage: bool) -> Option<Vec<Decimal>> {
    let mut out = vec![Decimal::from(target)];
    let mut need = Decimal::from(target);
    for w in stages.windows(2).rev() {
        // From stage w[1] back to stage w[0]: need × w[0] / w[1].
        need = need
            .checked_mul(Decimal::from(w[0]))?
            .checked_div(Decimal::from(w[1]))?;
        if each_stage {
            need = need.ceil();
        }
        out.push(need);
    }
    if !each_stage {
        // One product and one division, so that an exact result stays exact.
        let direct = Decimal::from(target)
            .checked_mul(Decimal::from(*stages.first()?))?
            .checked_div(Decimal::from(*stages.last()?))?;
        *out.last_mut()? = direct.ceil();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn course_example_mailing() {
        // The course's mailing with follow-up calls: cost 15 000 €, 200 buyers at 100 €,
        // margin rate 50 % → CA 20 000 €, margin 10 000 €, result −5 000 €,
        // ROI = 10 000 / 15 000 = 0,666… → 0,67 (rounded), break-even 15 000 / 50 = 300.
        let margin = pct(dec!(20000), dec!(50));
        assert_eq!(margin, dec!(10000));
        assert_eq!(roi(margin, dec!(15000)), Some(dec!(0.67)));
        assert_eq!(
            break_even_sales(dec!(15000), dec!(50), dec!(100)),
            Some(dec!(300))
        );
        // The coupon of the e-mailing example: 30 % off a 100 € product, 200 buyers.
        assert_eq!(coupon_cost(dec!(100), dec!(30), 200), dec!(6000));
    }

    #[test]
    fn break_even_rounds_up() {
        // 1 000 / (35 % × 24) = 119,047… → 120 sales.
        assert_eq!(
            break_even_sales(dec!(1000), dec!(35), dec!(24)),
            Some(dec!(120))
        );
        assert_eq!(break_even_sales(dec!(1000), dec!(0), dec!(24)), None);
    }

    #[test]
    fn costs() {
        // 2 500 + 4 000 × 1,85 = 9 900 €; per contact 9 900 / 4 000 = 2,475 → 2,48 €.
        let c = action_cost(dec!(2500), dec!(1.85), 4000, Decimal::ZERO).unwrap();
        assert_eq!(c, dec!(9900));
        assert_eq!(cost_per_contact(c, 4000), Some(dec!(2.48)));
        assert_eq!(cost_per_contact(c, 0), None);
    }

    #[test]
    fn funnel() {
        // 1 500 contacts → 300 RDV (20 %) → 180 devis (60 %) → 45 commandes (25 %):
        // 20 % × 60 % × 25 % = 3 % = 45 / 1 500.
        let r = [
            ratio(300, 1500).unwrap(),
            ratio(180, 300).unwrap(),
            ratio(45, 180).unwrap(),
        ];
        assert_eq!(overall_rate(&r), Some(dec!(3)));
        // 60 orders: 60 / 3 % = 2 000 contacts, either way.
        let stages = [1500, 300, 180, 45];
        assert_eq!(
            contacts_needed(&stages, 60, false).unwrap(),
            vec![dec!(60), dec!(240), dec!(400), dec!(2000)]
        );
        // 50 orders: 50 × 180 / 45 = 200 devis, 200 × 300/180 = 333,3 → 334 RDV,
        // 334 × 5 = 1 670 contacts; at the end only: 50 / 3 % = 1 666,7 → 1 667.
        let each = contacts_needed(&stages, 50, true).unwrap();
        assert_eq!(each, vec![dec!(50), dec!(200), dec!(334), dec!(1670)]);
        assert_eq!(contacts_needed(&stages, 50, false).unwrap()[3], dec!(1667));
    }
}

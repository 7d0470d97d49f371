//! A customer's account (S521): outstanding amount, credit limit, average payment time.

use crate::num::round::round_half_away;
use rust_decimal::Decimal;

/// One invoice of the customer's ledger (TTC), with what was paid on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invoice {
    pub amount_ttc: Decimal,
    /// Sum of the payments received on this invoice.
    pub paid: Decimal,
}

/// The outstanding amount (encours): what is invoiced and not yet paid, `None` on
/// overflow. Paid invoices count for nothing; a part payment is deducted.
pub fn outstanding(ledger: &[Invoice]) -> Option<Decimal> {
    ledger.iter().try_fold(Decimal::ZERO, |acc, i| {
        acc.checked_add(i.amount_ttc.checked_sub(i.paid)?)
    })
}

/// What the credit limit still allows (may be negative when the limit is exceeded).
pub fn available_credit(limit: Decimal, outstanding: Decimal) -> Decimal {
    limit - outstanding
}

/// Whether an order, TTC, fits in the remaining credit.
pub fn order_accepted(order_ttc: Decimal, available: Decimal) -> bool {
    order_ttc <= available
}

/// Average payment time weighted by the amounts, `Σ(amount × days) / Σ amounts`,
/// rounded to the nearest day; `None` without any amount.
pub fn weighted_payment_days(payments: &[(Decimal, i64)]) -> Option<Decimal> {
    let total: Decimal = payments.iter().map(|(a, _)| *a).sum();
    if total <= Decimal::ZERO {
        return None;
    }
    let weighted = payments.iter().try_fold(Decimal::ZERO, |acc, (a, d)| {
        acc.checked_add(a.checked_mul(Decimal::from(*d))?)
    })?;
    Some(round_half_away(weighted / total, 0))
}

/// The plain average of the days (the classic mistake of not weighting).
pub fn plain_payment_days(payments: &[(Decimal, i64)]) -> Option<Decimal> {
    if payments.is_empty() {
        return None;
    }
    let sum: i64 = payments.iter().map(|(_, d)| *d).sum();
    Some(round_half_away(
        Decimal::from(sum) / Decimal::from(payments.len() as i64),
        0,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn textbook_ledger() {
        // Two paid invoices, one half paid (1 000 − 400), one unpaid 2 500 → 3 100.
        let ledger = [
            Invoice {
                amount_ttc: dec!(1200),
                paid: dec!(1200),
            },
            Invoice {
                amount_ttc: dec!(800),
                paid: dec!(800),
            },
            Invoice {
                amount_ttc: dec!(1000),
                paid: dec!(400),
            },
            Invoice {
                amount_ttc: dec!(2500),
                paid: dec!(0),
            },
        ];
        assert_eq!(outstanding(&ledger), Some(dec!(3100)));
        assert_eq!(available_credit(dec!(5000), dec!(3100)), dec!(1900));
        assert!(order_accepted(dec!(1900), dec!(1900)));
        assert!(!order_accepted(dec!(1900.01), dec!(1900)));
    }

    #[test]
    fn textbook_payment_days() {
        // (1 200 × 30 + 800 × 60) / 2 000 = (36 000 + 48 000) / 2 000 = 42 days;
        // unweighted (30 + 60) / 2 = 45.
        let p = [(dec!(1200), 30), (dec!(800), 60)];
        assert_eq!(weighted_payment_days(&p), Some(dec!(42)));
        assert_eq!(plain_payment_days(&p), Some(dec!(45)));
        assert_eq!(weighted_payment_days(&[]), None);
    }
}

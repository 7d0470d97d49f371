//! Rotation ratios and the operating working-capital requirement (BFRE, S523).
//!
//! Each ratio is a stock divided by the yearly flow that feeds it, times the days of the
//! year: customer receivables are TTC, so they are measured against the CA **TTC**;
//! the stock of goods is valued at cost, so against the cost of goods sold; supplier
//! debts are TTC, so against purchases **TTC**. To add them up, each ratio is then
//! converted into days of CA **HT** (the "coefficient de structure": flow / CA HT).

use rust_decimal::Decimal;

/// `stock / flow × year_days`, or `None` for a zero flow.
pub fn rotation_days(stock: Decimal, flow: Decimal, year_days: u32) -> Option<Decimal> {
    if flow.is_zero() {
        return None;
    }
    stock
        .checked_mul(Decimal::from(year_days))?
        .checked_div(flow)
}

/// Cost of goods sold: purchases plus the decrease of stock.
pub fn cost_of_goods_sold(purchases: Decimal, opening: Decimal, closing: Decimal) -> Decimal {
    purchases + opening - closing
}

/// The three ratios, each already expressed in days of its own flow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rotations {
    pub stock_days: Decimal,
    pub customer_days: Decimal,
    pub supplier_days: Decimal,
}

/// BFRE in days of CA HT: each ratio weighted by its flow over the CA HT.
pub fn bfre_days(
    r: Rotations,
    cogs: Decimal,
    sales_ttc: Decimal,
    purchases_ttc: Decimal,
    sales_ht: Decimal,
) -> Option<Decimal> {
    if sales_ht.is_zero() {
        return None;
    }
    let weighted = r.stock_days.checked_mul(cogs)? + r.customer_days.checked_mul(sales_ttc)?
        - r.supplier_days.checked_mul(purchases_ttc)?;
    weighted.checked_div(sales_ht)
}

/// BFRE in euros from days of CA HT.
pub fn bfre_euros(days: Decimal, sales_ht: Decimal, year_days: u32) -> Option<Decimal> {
    days.checked_mul(sales_ht)?
        .checked_div(Decimal::from(year_days))
}

/// What k fewer days of customer credit free: k days of CA TTC.
pub fn shorter_terms_saving(k: Decimal, sales_ttc: Decimal, year_days: u32) -> Option<Decimal> {
    k.checked_mul(sales_ttc)?
        .checked_div(Decimal::from(year_days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn textbook_case() {
        // CA HT 1 200 000 €, TVA 20 % → CA TTC 1 440 000 €; créances 180 000 € TTC:
        // 180 000 / 1 440 000 × 360 = 45 jours.
        assert_eq!(
            rotation_days(dec!(180000), dec!(1440000), 360),
            Some(dec!(45))
        );
        // Stock moyen 60 000 € for a CAMV of 720 000 €: 30 jours.
        assert_eq!(
            rotation_days(dec!(60000), dec!(720000), 360),
            Some(dec!(30))
        );
        assert_eq!(rotation_days(dec!(1), dec!(0), 360), None);
        // 30 × 720 000 / 1 200 000 + 45 × 1,2 − 60 × 864 000 / 1 200 000
        // = 18 + 54 − 43,2 = 28,8 jours of CA HT; 28,8 × 1 200 000 / 360 = 96 000 €
        // = 60 000 + 180 000 − 144 000 (stock + créances − dettes).
        let r = Rotations {
            stock_days: dec!(30),
            customer_days: dec!(45),
            supplier_days: dec!(60),
        };
        let d = bfre_days(r, dec!(720000), dec!(1440000), dec!(864000), dec!(1200000)).unwrap();
        assert_eq!(d, dec!(28.8));
        assert_eq!(bfre_euros(d, dec!(1200000), 360), Some(dec!(96000)));
        assert_eq!(
            shorter_terms_saving(dec!(10), dec!(1440000), 360),
            Some(dec!(40000))
        );
        assert_eq!(
            cost_of_goods_sold(dec!(700000), dec!(50000), dec!(30000)),
            dec!(720000)
        );
    }
}

//! Margins and selling prices (S513 les marges, S443 la fixation du prix).
//!
//! Vocabulary, as in the BTS NDRC course:
//! - marge unitaire = prix de vente HT − coût d'achat HT;
//! - taux de marge = marge ÷ coût d'achat HT × 100 (calculé sur le coût d'achat);
//! - taux de marque = marge ÷ prix de vente HT × 100 (calculé sur le prix de vente HT);
//! - coefficient multiplicateur = prix de vente TTC ÷ coût d'achat HT (or, by another
//!   convention, prix de vente HT ÷ coût d'achat HT).
//!
//! The exact relations come first; [`Pricing`] then chains the steps the way a student
//! does, rounding amounts to the cent (by the chosen [`Rounding`]) and rates to 0,01 %,
//! each step computed from the previous *rounded* values.

use super::Rounding;
use crate::num::round::round_half_away;
use rust_decimal::Decimal;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Decimals kept for a rate in percent (0,01 %).
pub const RATE_DP: u32 = 2;
/// Decimals kept for a coefficient multiplicateur.
pub const COEFFICIENT_DP: u32 = 4;

/// `x × (1 + rate %)`: a price raised by a rate (PV HT from the taux de marge, TTC from HT).
pub fn raise(x: Decimal, rate: Decimal) -> Decimal {
    x * (Decimal::ONE + rate / HUNDRED)
}

/// `x ÷ (1 + rate %)`: the amount before a rise (HT from TTC). `None` if `rate` = −100.
pub fn unraise(x: Decimal, rate: Decimal) -> Option<Decimal> {
    x.checked_div(Decimal::ONE + rate / HUNDRED)
}

/// PV HT from the coût d'achat HT and the taux de marque: `cost ÷ (1 − m %)`.
/// `None` unless `m < 100`.
pub fn price_from_mark_rate(cost: Decimal, mark_rate: Decimal) -> Option<Decimal> {
    if mark_rate >= HUNDRED {
        return None;
    }
    cost.checked_div(Decimal::ONE - mark_rate / HUNDRED)
}

/// Coût d'achat HT from the PV HT and the taux de marque: `PV HT × (1 − m %)`.
pub fn cost_from_mark_rate(price: Decimal, mark_rate: Decimal) -> Decimal {
    price * (Decimal::ONE - mark_rate / HUNDRED)
}

/// Taux de marge in percent: `margin ÷ cost × 100`. `None` if `cost` is zero.
pub fn markup_rate(margin: Decimal, cost: Decimal) -> Option<Decimal> {
    margin
        .checked_div(cost)
        .and_then(|x| x.checked_mul(HUNDRED))
}

/// Taux de marque in percent: `margin ÷ price HT × 100`. `None` if `price` is zero.
pub fn mark_rate(margin: Decimal, price: Decimal) -> Option<Decimal> {
    margin
        .checked_div(price)
        .and_then(|x| x.checked_mul(HUNDRED))
}

/// Taux de marque from the taux de marge (both in percent): `t ÷ (1 + t)`, i.e.
/// `100 t ÷ (100 + t)`. `None` if `t` = −100.
pub fn mark_from_markup(markup: Decimal) -> Option<Decimal> {
    (markup * HUNDRED).checked_div(HUNDRED + markup)
}

/// Taux de marge from the taux de marque (both in percent): `m ÷ (1 − m)`, i.e.
/// `100 m ÷ (100 − m)`. `None` if `m` = 100.
pub fn markup_from_mark(mark: Decimal) -> Option<Decimal> {
    (mark * HUNDRED).checked_div(HUNDRED - mark)
}

/// Coefficient multiplicateur HT/HT from the taux de marque: `1 ÷ (1 − m)`.
pub fn coefficient_from_mark(mark: Decimal) -> Option<Decimal> {
    Decimal::ONE.checked_div(Decimal::ONE - mark / HUNDRED)
}

/// What is given to start the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given {
    /// Coût d'achat HT and taux de marge.
    CostAndMarkup { cost: Decimal, markup: Decimal },
    /// Coût d'achat HT and taux de marque.
    CostAndMark { cost: Decimal, mark: Decimal },
    /// PV TTC and taux de marque.
    PriceTtcAndMark { price_ttc: Decimal, mark: Decimal },
    /// Coût d'achat HT and PV TTC.
    CostAndPriceTtc { cost: Decimal, price_ttc: Decimal },
}

/// The whole chain, every value as displayed in a worked solution.
#[derive(Debug, Clone, PartialEq)]
pub struct Pricing {
    pub cost: Decimal,
    pub price_ht: Decimal,
    pub margin: Decimal,
    /// Taux de marge, rounded to 0,01 % (given, or computed from the rounded margin).
    pub markup_rate: Decimal,
    /// Taux de marque, rounded to 0,01 % (given, or computed from the rounded margin).
    pub mark_rate: Decimal,
    pub price_ttc: Decimal,
    /// PV TTC ÷ coût d'achat HT, rounded to 4 decimals.
    pub coefficient_ttc: Decimal,
    /// PV HT ÷ coût d'achat HT, rounded to 4 decimals.
    pub coefficient_ht: Decimal,
}

fn rate(x: Decimal) -> Decimal {
    round_half_away(x, RATE_DP)
}

fn coef(x: Decimal) -> Decimal {
    round_half_away(x, COEFFICIENT_DP)
}

/// Chains the steps from `given` at TVA `vat` (percent). Amounts are rounded with `r` at
/// each step; rates to 0,01 %, coefficients to 0,0001, half away from zero. `None` when
/// the data make no sense (a zero or negative cost or price, a taux de marque ≥ 100 %).
pub fn pricing(given: Given, vat: Decimal, r: Rounding) -> Option<Pricing> {
    if vat <= -HUNDRED {
        return None;
    }
    let (cost, price_ht, price_ttc, margin, markup, mark);
    match given {
        Given::CostAndMarkup { cost: c, markup: t } => {
            cost = c;
            price_ht = r.cents(raise(c, t));
            margin = price_ht - c;
            markup = t;
            mark = rate(mark_rate(margin, price_ht)?);
            price_ttc = r.cents(raise(price_ht, vat));
        }
        Given::CostAndMark { cost: c, mark: m } => {
            cost = c;
            price_ht = r.cents(price_from_mark_rate(c, m)?);
            margin = price_ht - c;
            mark = m;
            markup = rate(markup_rate(margin, c)?);
            price_ttc = r.cents(raise(price_ht, vat));
        }
        Given::PriceTtcAndMark {
            price_ttc: p,
            mark: m,
        } => {
            if m >= HUNDRED {
                return None;
            }
            price_ttc = p;
            price_ht = r.cents(unraise(p, vat)?);
            cost = r.cents(cost_from_mark_rate(price_ht, m));
            margin = price_ht - cost;
            mark = m;
            markup = rate(markup_rate(margin, cost)?);
        }
        Given::CostAndPriceTtc {
            cost: c,
            price_ttc: p,
        } => {
            cost = c;
            price_ttc = p;
            price_ht = r.cents(unraise(p, vat)?);
            margin = price_ht - c;
            markup = rate(markup_rate(margin, c)?);
            mark = rate(mark_rate(margin, price_ht)?);
        }
    }
    if cost <= Decimal::ZERO || price_ht <= Decimal::ZERO {
        return None;
    }
    Some(Pricing {
        cost,
        price_ht,
        margin,
        markup_rate: markup,
        mark_rate: mark,
        price_ttc,
        coefficient_ttc: coef(price_ttc.checked_div(cost)?),
        coefficient_ht: coef(price_ht.checked_div(cost)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    const R: Rounding = Rounding::HalfAwayFromZero;

    #[test]
    fn textbook_cost_80_markup_25() {
        // By hand: PV HT = 80 × 1,25 = 100 ; marge = 20 ; taux de marque = 20 / 100 = 20 % ;
        // PV TTC = 100 × 1,20 = 120 ; coefficient TTC/HT = 120 / 80 = 1,5 ; HT/HT = 1,25.
        let p = pricing(
            Given::CostAndMarkup {
                cost: dec!(80),
                markup: dec!(25),
            },
            dec!(20),
            R,
        )
        .unwrap();
        assert_eq!(p.price_ht, dec!(100));
        assert_eq!(p.margin, dec!(20));
        assert_eq!(p.mark_rate, dec!(20));
        assert_eq!(p.markup_rate, dec!(25));
        assert_eq!(p.price_ttc, dec!(120));
        assert_eq!(p.coefficient_ttc, dec!(1.5));
        assert_eq!(p.coefficient_ht, dec!(1.25));
    }

    #[test]
    fn textbook_cost_and_mark_rate_with_rounding() {
        // Coût 45,60 €, taux de marque 35 % : PV HT = 45,60 / 0,65 = 70,153846… → 70,15 ;
        // marge = 70,15 − 45,60 = 24,55 ; taux de marge = 24,55 / 45,60 = 53,837719…% → 53,84 % ;
        // PV TTC à 5,5 % = 70,15 × 1,055 = 74,00825 → 74,01 ;
        // coefficient TTC/HT = 74,01 / 45,60 = 1,623026… → 1,623 ; HT/HT = 70,15 / 45,60 = 1,538377… → 1,5384.
        let p = pricing(
            Given::CostAndMark {
                cost: dec!(45.60),
                mark: dec!(35),
            },
            dec!(5.5),
            R,
        )
        .unwrap();
        assert_eq!(p.price_ht, dec!(70.15));
        assert_eq!(p.margin, dec!(24.55));
        assert_eq!(p.markup_rate, dec!(53.84));
        assert_eq!(p.price_ttc, dec!(74.01));
        assert_eq!(p.coefficient_ttc, dec!(1.6230));
        assert_eq!(p.coefficient_ht, dec!(1.5384));
    }

    #[test]
    fn truncation_changes_the_price() {
        // Same case truncated: PV HT 70,15 (70,1538…), PV TTC 74,00825 → 74,00.
        let p = pricing(
            Given::CostAndMark {
                cost: dec!(45.60),
                mark: dec!(35),
            },
            dec!(5.5),
            Rounding::Truncate,
        )
        .unwrap();
        assert_eq!(p.price_ht, dec!(70.15));
        assert_eq!(p.price_ttc, dec!(74.00));
    }

    #[test]
    fn textbook_inverse_from_ttc() {
        // PV TTC 150 € à 20 %, taux de marque 40 % : PV HT = 150 / 1,2 = 125 ;
        // coût = 125 × 0,60 = 75 ; marge = 50 ; taux de marge = 50 / 75 = 66,666…% → 66,67 %.
        let p = pricing(
            Given::PriceTtcAndMark {
                price_ttc: dec!(150),
                mark: dec!(40),
            },
            dec!(20),
            R,
        )
        .unwrap();
        assert_eq!(p.price_ht, dec!(125));
        assert_eq!(p.cost, dec!(75));
        assert_eq!(p.margin, dec!(50));
        assert_eq!(p.markup_rate, dec!(66.67));
        assert_eq!(p.coefficient_ttc, dec!(2));
    }

    #[test]
    fn textbook_rates_from_cost_and_ttc() {
        // Coût 32 €, PV TTC 52,75 € à 5,5 % : PV HT = 52,75 / 1,055 = 50 ; marge = 18 ;
        // taux de marge = 18 / 32 = 56,25 % ; taux de marque = 18 / 50 = 36 % ;
        // coefficient TTC/HT = 52,75 / 32 = 1,6484375 → 1,6484 ; HT/HT = 50 / 32 = 1,5625.
        let p = pricing(
            Given::CostAndPriceTtc {
                cost: dec!(32),
                price_ttc: dec!(52.75),
            },
            dec!(5.5),
            R,
        )
        .unwrap();
        assert_eq!(p.price_ht, dec!(50));
        assert_eq!(p.margin, dec!(18));
        assert_eq!(p.markup_rate, dec!(56.25));
        assert_eq!(p.mark_rate, dec!(36));
        assert_eq!(p.coefficient_ttc, dec!(1.6484));
        assert_eq!(p.coefficient_ht, dec!(1.5625));
    }

    #[test]
    fn exact_relations_by_hand() {
        // 25 % de marge ↔ 20 % de marque : 100 × 25 / 125 = 20 ; 100 × 20 / 80 = 25.
        assert_eq!(mark_from_markup(dec!(25)), Some(dec!(20)));
        assert_eq!(markup_from_mark(dec!(20)), Some(dec!(25)));
        // 100 % de marge ↔ 50 % de marque.
        assert_eq!(mark_from_markup(dec!(100)), Some(dec!(50)));
        // Marque 20 % : coefficient HT/HT = 1 / 0,8 = 1,25 ; marque 37,5 % : 1 / 0,625 = 1,6.
        assert_eq!(coefficient_from_mark(dec!(20)), Some(dec!(1.25)));
        assert_eq!(coefficient_from_mark(dec!(37.5)), Some(dec!(1.6)));
        // 120 TTC à 20 % → 100 HT ; 100 HT → 120 TTC ; 105,50 TTC à 5,5 % → 100 HT.
        assert_eq!(unraise(dec!(120), dec!(20)), Some(dec!(100)));
        assert_eq!(raise(dec!(100), dec!(20)), dec!(120));
        assert_eq!(unraise(dec!(105.50), dec!(5.5)), Some(dec!(100)));
        // Coût 60, marque 25 % → PV HT 80 ; PV HT 80, marque 25 % → coût 60.
        assert_eq!(price_from_mark_rate(dec!(60), dec!(25)), Some(dec!(80)));
        assert_eq!(cost_from_mark_rate(dec!(80), dec!(25)), dec!(60));
        // Marge 15 sur coût 60 → 25 % ; sur PV HT 75 → 20 %.
        assert_eq!(markup_rate(dec!(15), dec!(60)), Some(dec!(25)));
        assert_eq!(mark_rate(dec!(15), dec!(75)), Some(dec!(20)));
    }

    #[test]
    fn meaningless_data_are_refused() {
        assert_eq!(price_from_mark_rate(dec!(10), dec!(100)), None);
        assert_eq!(markup_rate(dec!(10), dec!(0)), None);
        assert!(pricing(
            Given::PriceTtcAndMark {
                price_ttc: dec!(10),
                mark: dec!(100)
            },
            dec!(20),
            R
        )
        .is_none());
        assert!(pricing(
            Given::CostAndMarkup {
                cost: dec!(0),
                markup: dec!(20)
            },
            dec!(20),
            R
        )
        .is_none());
    }

    fn cents(c: i64) -> Decimal {
        Decimal::new(c, 2)
    }

    proptest! {
        #[test]
        fn ttc_is_ht_raised_by_vat(ht in 1i64..10_000_000, vat in prop::sample::select(vec![dec!(20), dec!(10), dec!(5.5), dec!(2.1), dec!(0)])) {
            let ht = cents(ht);
            let ttc = raise(ht, vat);
            prop_assert_eq!(ttc, ht + ht * vat / HUNDRED);
            // And back: TTC ÷ (1 + t) gives the HT again (to 1e-20).
            prop_assert!((unraise(ttc, vat).unwrap() - ht).abs() < dec!(0.00000000000000000001));
            // In the rounded chain, PV TTC is PV HT × (1 + TVA) to the half cent.
            let p = pricing(Given::CostAndMarkup { cost: ht, markup: dec!(30) }, vat, R).unwrap();
            prop_assert!((p.price_ttc - raise(p.price_ht, vat)).abs() <= dec!(0.005));
        }

        #[test]
        fn mark_is_below_markup_for_any_positive_margin(cost in 1i64..10_000_000, margin in 1i64..10_000_000) {
            let (cost, margin) = (cents(cost), cents(margin));
            let price = cost + margin;
            let t = markup_rate(margin, cost).unwrap();
            let m = mark_rate(margin, price).unwrap();
            prop_assert!(m < t);
            prop_assert!(m < HUNDRED);
            // marque = marge / (1 + marge), in percent; and back.
            prop_assert!((mark_from_markup(t).unwrap() - m).abs() < dec!(0.000000000000000001));
            prop_assert!((markup_from_mark(m).unwrap() - t).abs() < dec!(0.00000000000001) * (Decimal::ONE + t));
            // Coefficient HT/HT = PV HT / coût = 1 / (1 − marque).
            let k = price / cost;
            prop_assert!((coefficient_from_mark(m).unwrap() - k).abs() < dec!(0.000000000000001) * k);
        }

        #[test]
        fn chain_is_consistent(cost in 5i64..1_000_000, markup in 1i64..400, vat in prop::sample::select(vec![dec!(20), dec!(10), dec!(5.5), dec!(2.1)])) {
            let cost = cents(cost);
            let markup = Decimal::from(markup);
            let p = pricing(Given::CostAndMarkup { cost, markup }, vat, R).unwrap();
            prop_assert_eq!(p.margin, p.price_ht - p.cost);
            prop_assert!(p.mark_rate < p.markup_rate);
            // Going back from the rounded PV TTC and taux de marque lands within a few cents of
            // the cost (rounding of PV HT, PV TTC, then the division).
            let back = pricing(Given::PriceTtcAndMark { price_ttc: p.price_ttc, mark: p.mark_rate }, vat, R).unwrap();
            prop_assert!((back.price_ht - p.price_ht).abs() <= dec!(0.01));
            prop_assert!(back.coefficient_ttc > Decimal::ONE);
        }
    }
}

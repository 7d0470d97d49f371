//! The TVA of a period under the régime réel (S511): TVA collectée on sales, TVA
//! déductible on purchases, services and immobilisations, then TVA à décaisser or
//! crédit de TVA, after the crédit carried over from the previous period.

use super::{pct, Rounding};
use rust_decimal::Decimal;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// TVA on an amount HT at `rate` percent, rounded with `r`.
pub fn vat_on_ht(ht: Decimal, rate: Decimal, r: Rounding) -> Decimal {
    r.cents(pct(ht, rate))
}

/// TVA included in an amount TTC at `rate` percent: `TTC × t ÷ (100 + t)`, rounded with
/// `r`. `None` if `rate` = −100.
pub fn vat_in_ttc(ttc: Decimal, rate: Decimal, r: Rounding) -> Option<Decimal> {
    (ttc * rate).checked_div(HUNDRED + rate).map(|x| r.cents(x))
}

/// An amount of the period and how it is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub amount: Decimal,
    pub rate: Decimal,
    /// Whether `amount` is TTC (TVA included) rather than HT.
    pub ttc: bool,
}

impl Line {
    pub fn ht(amount: Decimal, rate: Decimal) -> Line {
        Line {
            amount,
            rate,
            ttc: false,
        }
    }

    pub fn ttc(amount: Decimal, rate: Decimal) -> Line {
        Line {
            amount,
            rate,
            ttc: true,
        }
    }

    /// The TVA of the line, rounded with `r`.
    pub fn vat(&self, r: Rounding) -> Option<Decimal> {
        if self.ttc {
            vat_in_ttc(self.amount, self.rate, r)
        } else {
            Some(vat_on_ht(self.amount, self.rate, r))
        }
    }
}

/// The TVA return of a period.
#[derive(Debug, Clone, PartialEq)]
pub struct VatReturn {
    /// TVA of each sales line.
    pub collected_lines: Vec<Decimal>,
    pub collected: Decimal,
    /// TVA of each purchase line (goods, services, immobilisations).
    pub deductible_lines: Vec<Decimal>,
    pub deductible: Decimal,
    /// Collectée − déductible − crédit antérieur.
    pub balance: Decimal,
    /// TVA à décaisser (0 when there is a crédit).
    pub to_pay: Decimal,
    /// Crédit de TVA to carry over (0 when TVA is due).
    pub credit: Decimal,
}

/// The return of a period from its sales and purchases lines and the crédit de TVA
/// carried over from the previous period. `None` if a rate is −100 %.
pub fn vat_return(
    sales: &[Line],
    purchases: &[Line],
    previous_credit: Decimal,
    r: Rounding,
) -> Option<VatReturn> {
    let collected_lines = sales.iter().map(|l| l.vat(r)).collect::<Option<Vec<_>>>()?;
    let deductible_lines = purchases
        .iter()
        .map(|l| l.vat(r))
        .collect::<Option<Vec<_>>>()?;
    let collected: Decimal = collected_lines.iter().sum();
    let deductible: Decimal = deductible_lines.iter().sum();
    let balance = collected - deductible - previous_credit;
    Some(VatReturn {
        collected_lines,
        collected,
        deductible_lines,
        deductible,
        balance,
        to_pay: balance.max(Decimal::ZERO),
        credit: (-balance).max(Decimal::ZERO),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    const R: Rounding = Rounding::HalfAwayFromZero;

    #[test]
    fn textbook_month_with_tva_due() {
        // By hand: ventes 48 000 € à 20 % → 9 600 ; 12 350 € à 5,5 % → 679,25 ;
        // collectée 10 279,25. Achats 21 480 € à 20 % → 4 296 ; services 2 345,50 € à 20 %
        // → 469,10 ; déductible 4 765,10. Crédit antérieur 1 200.
        // À décaisser = 10 279,25 − 4 765,10 − 1 200 = 4 314,15.
        let v = vat_return(
            &[
                Line::ht(dec!(48000), dec!(20)),
                Line::ht(dec!(12350), dec!(5.5)),
            ],
            &[
                Line::ht(dec!(21480), dec!(20)),
                Line::ht(dec!(2345.50), dec!(20)),
            ],
            dec!(1200),
            R,
        )
        .unwrap();
        assert_eq!(v.collected_lines, vec![dec!(9600), dec!(679.25)]);
        assert_eq!(v.collected, dec!(10279.25));
        assert_eq!(v.deductible_lines, vec![dec!(4296), dec!(469.10)]);
        assert_eq!(v.deductible, dec!(4765.10));
        assert_eq!(v.to_pay, dec!(4314.15));
        assert_eq!(v.credit, dec!(0));
    }

    #[test]
    fn textbook_credit_with_an_immobilisation() {
        // By hand: ventes 15 200 € à 10 % → 1 520. Achats 6 400 € à 10 % → 640 ;
        // immobilisation 18 500 € à 20 % → 3 700 ; déductible 4 340.
        // Crédit = 4 340 + 250 (crédit antérieur) − 1 520 = 3 070.
        let v = vat_return(
            &[Line::ht(dec!(15200), dec!(10))],
            &[
                Line::ht(dec!(6400), dec!(10)),
                Line::ht(dec!(18500), dec!(20)),
            ],
            dec!(250),
            R,
        )
        .unwrap();
        assert_eq!(v.collected, dec!(1520));
        assert_eq!(v.deductible, dec!(4340));
        assert_eq!(v.to_pay, dec!(0));
        assert_eq!(v.credit, dec!(3070));
    }

    #[test]
    fn vat_included_in_ttc() {
        // 1 200 TTC à 20 % : 1 200 × 20 / 120 = 200 (and not 1 200 × 20 % = 240).
        assert_eq!(vat_in_ttc(dec!(1200), dec!(20), R), Some(dec!(200)));
        // 1 055 TTC à 5,5 % : 1 055 × 5,5 / 105,5 = 55.
        assert_eq!(vat_in_ttc(dec!(1055), dec!(5.5), R), Some(dec!(55)));
        // 999,99 TTC à 10 % : 9 999,9 / 110 = 90,9081… → 90,91 ; truncated 90,90.
        assert_eq!(vat_in_ttc(dec!(999.99), dec!(10), R), Some(dec!(90.91)));
        assert_eq!(
            vat_in_ttc(dec!(999.99), dec!(10), Rounding::Truncate),
            Some(dec!(90.90))
        );
        // 2,1 % of 1 234,56 = 25,92576 → 25,93.
        assert_eq!(vat_on_ht(dec!(1234.56), dec!(2.1), R), dec!(25.93));
        assert_eq!(Line::ttc(dec!(1200), dec!(20)).vat(R), Some(dec!(200)));
    }

    fn line(cents: i64, rate: usize, ttc: bool) -> Line {
        const RATES: [Decimal; 4] = [dec!(20), dec!(10), dec!(5.5), dec!(2.1)];
        Line {
            amount: Decimal::new(cents, 2),
            rate: RATES[rate],
            ttc,
        }
    }

    proptest! {
        #[test]
        fn to_pay_minus_credit_is_the_balance(
            sales in proptest::collection::vec((0i64..100_000_000, 0usize..4), 1..3),
            buys in proptest::collection::vec((0i64..100_000_000, 0usize..4, any::<bool>()), 0..4),
            previous in 0i64..10_000_000,
        ) {
            let sales: Vec<Line> = sales.into_iter().map(|(c, r)| line(c, r, false)).collect();
            let buys: Vec<Line> = buys.into_iter().map(|(c, r, t)| line(c, r, t)).collect();
            let previous = Decimal::new(previous, 2);
            let v = vat_return(&sales, &buys, previous, R).unwrap();
            prop_assert_eq!(v.to_pay - v.credit, v.collected - v.deductible - previous);
            prop_assert!(v.to_pay >= Decimal::ZERO && v.credit >= Decimal::ZERO);
            prop_assert!(v.to_pay.is_zero() || v.credit.is_zero());
            // The TVA included in a TTC amount is below the rate applied to that TTC amount.
            for b in buys.iter().filter(|b| b.ttc && !b.amount.is_zero()) {
                prop_assert!(b.vat(R).unwrap() <= vat_on_ht(b.amount, b.rate, R));
            }
        }
    }
}

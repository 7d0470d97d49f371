//! The invoice (facture) from the gross amount to the net à payer (S511).

use super::{pct, Rounding};
use rust_decimal::Decimal;

/// On what the escompte de règlement is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscountBase {
    /// On the net commercial (plus the port if it is subject to it); TVA then on the
    /// net financier, as the tax law has it.
    NetCommercial,
    /// On the amount TTC, after the TVA.
    Ttc,
}

/// Where the frais de port enter the invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shipping {
    /// Added after the escompte, inside the TVA base.
    AfterDiscount,
    /// Added to the net commercial, so the escompte applies to it too.
    SubjectToDiscount,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InvoiceInput {
    pub unit_price: Decimal,
    pub quantity: Decimal,
    /// Commercial reductions in the order they apply, in percent.
    pub reductions: Vec<Decimal>,
    /// Escompte rate in percent (0 for none).
    pub discount: Decimal,
    /// Frais de port HT.
    pub shipping: Decimal,
    pub vat_rate: Decimal,
    pub rounding: Rounding,
    pub discount_base: DiscountBase,
    pub shipping_rule: Shipping,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Invoice {
    pub gross: Decimal,
    /// For each reduction: (amount, net after it).
    pub reductions: Vec<(Decimal, Decimal)>,
    pub net_commercial: Decimal,
    /// Base of the escompte.
    pub discount_base: Decimal,
    pub discount: Decimal,
    /// Net financier (HT, after escompte); for an escompte on TTC, the HT amount.
    pub net_financial: Decimal,
    pub vat_base: Decimal,
    pub vat: Decimal,
    /// Total TTC before an escompte on TTC (equals `net_to_pay` otherwise).
    pub ttc: Decimal,
    pub net_to_pay: Decimal,
}

pub fn invoice(i: &InvoiceInput) -> Invoice {
    let r = i.rounding;
    let gross = r.cents(i.unit_price * i.quantity);
    let mut net = gross;
    let mut reductions = Vec::with_capacity(i.reductions.len());
    for rate in &i.reductions {
        let amount = r.cents(pct(net, *rate));
        net -= amount;
        reductions.push((amount, net));
    }
    let net_commercial = net;
    match i.discount_base {
        DiscountBase::NetCommercial => {
            let discount_base = match i.shipping_rule {
                Shipping::AfterDiscount => net_commercial,
                Shipping::SubjectToDiscount => net_commercial + i.shipping,
            };
            let discount = r.cents(pct(discount_base, i.discount));
            let net_financial = discount_base - discount;
            let vat_base = match i.shipping_rule {
                Shipping::AfterDiscount => net_financial + i.shipping,
                Shipping::SubjectToDiscount => net_financial,
            };
            let vat = r.cents(pct(vat_base, i.vat_rate));
            let ttc = vat_base + vat;
            Invoice {
                gross,
                reductions,
                net_commercial,
                discount_base,
                discount,
                net_financial,
                vat_base,
                vat,
                ttc,
                net_to_pay: ttc,
            }
        }
        DiscountBase::Ttc => {
            let vat_base = net_commercial + i.shipping;
            let vat = r.cents(pct(vat_base, i.vat_rate));
            let ttc = vat_base + vat;
            let discount = r.cents(pct(ttc, i.discount));
            Invoice {
                gross,
                reductions,
                net_commercial,
                discount_base: ttc,
                discount,
                net_financial: vat_base,
                vat_base,
                vat,
                ttc,
                net_to_pay: ttc - discount,
            }
        }
    }
}

/// The single rate equivalent to successive reductions: 1 − Π(1 − tᵢ), in percent.
pub fn cascade_rate(rates: &[Decimal]) -> Decimal {
    let hundred = Decimal::ONE_HUNDRED;
    let kept = rates
        .iter()
        .fold(Decimal::ONE, |acc, t| acc * (hundred - t) / hundred);
    (Decimal::ONE - kept) * hundred
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn base() -> InvoiceInput {
        InvoiceInput {
            unit_price: dec!(24.50),
            quantity: dec!(40),
            reductions: vec![dec!(10), dec!(2)],
            discount: dec!(2),
            shipping: dec!(35),
            vat_rate: dec!(5.5),
            rounding: Rounding::HalfAwayFromZero,
            discount_base: DiscountBase::NetCommercial,
            shipping_rule: Shipping::AfterDiscount,
        }
    }

    #[test]
    fn textbook_invoice_default_conventions() {
        // By hand: 24,50 × 40 = 980,00; remise 10 % = 98,00 → 882,00;
        // ristourne 2 % of 882,00 = 17,64 → 864,36 (net commercial);
        // escompte 2 % of 864,36 = 17,2872 → 17,29 → net financier 847,07;
        // + port 35,00 = 882,07 (base TVA); TVA 5,5 % = 48,51385 → 48,51; TTC 930,58.
        let f = invoice(&base());
        assert_eq!(f.gross, dec!(980.00));
        assert_eq!(
            f.reductions,
            vec![(dec!(98.00), dec!(882.00)), (dec!(17.64), dec!(864.36))]
        );
        assert_eq!(f.net_commercial, dec!(864.36));
        assert_eq!(f.discount, dec!(17.29));
        assert_eq!(f.net_financial, dec!(847.07));
        assert_eq!(f.vat_base, dec!(882.07));
        assert_eq!(f.vat, dec!(48.51));
        assert_eq!(f.net_to_pay, dec!(930.58));
    }

    #[test]
    fn shipping_subject_to_discount() {
        // 864,36 + 35 = 899,36; escompte 2 % = 17,9872 → 17,99; net financier 881,37;
        // TVA 5,5 % = 48,47535 → 48,48; TTC 929,85.
        let f = invoice(&InvoiceInput {
            shipping_rule: Shipping::SubjectToDiscount,
            ..base()
        });
        assert_eq!(f.discount, dec!(17.99));
        assert_eq!(f.net_financial, dec!(881.37));
        assert_eq!(f.vat, dec!(48.48));
        assert_eq!(f.net_to_pay, dec!(929.85));
    }

    #[test]
    fn discount_on_ttc() {
        // base 864,36 + 35 = 899,36; TVA 5,5 % = 49,4648 → 49,46; TTC 948,82;
        // escompte 2 % = 18,9764 → 18,98; net à payer 929,84.
        let f = invoice(&InvoiceInput {
            discount_base: DiscountBase::Ttc,
            ..base()
        });
        assert_eq!(f.vat, dec!(49.46));
        assert_eq!(f.ttc, dec!(948.82));
        assert_eq!(f.discount, dec!(18.98));
        assert_eq!(f.net_to_pay, dec!(929.84));
    }

    #[test]
    fn truncation() {
        // 17,2872 → 17,28; net financier 847,08; base 882,08; TVA 48,5144 → 48,51; 930,59.
        let f = invoice(&InvoiceInput {
            rounding: Rounding::Truncate,
            ..base()
        });
        assert_eq!(f.discount, dec!(17.28));
        assert_eq!(f.net_to_pay, dec!(930.59));
    }

    #[test]
    fn cascade_rate_hand_checked() {
        // 1 − 0,90 × 0,98 = 0,118 → 11,8 %.
        assert_eq!(cascade_rate(&[dec!(10), dec!(2)]), dec!(11.8));
        assert_eq!(cascade_rate(&[]), dec!(0));
    }

    proptest! {
        #[test]
        fn cascade_is_product_of_complements(
            cents in 100i64..1_000_000, q in 1i64..500,
            rates in proptest::collection::vec(0i64..40, 0..4)
        ) {
            let rates: Vec<Decimal> = rates.into_iter().map(Decimal::from).collect();
            let f = invoice(&InvoiceInput {
                unit_price: Decimal::new(cents, 2), quantity: Decimal::from(q),
                reductions: rates.clone(), discount: Decimal::ZERO, shipping: Decimal::ZERO,
                ..base()
            });
            let exact = f.gross * (Decimal::ONE - cascade_rate(&rates) / Decimal::ONE_HUNDRED);
            // Rounding each line to the cent drifts at most half a cent per line.
            prop_assert!((f.net_commercial - exact).abs() <= dec!(0.005) * Decimal::from(rates.len() as i64));
            prop_assert_eq!(f.net_to_pay, f.vat_base + f.vat);
        }
    }
}

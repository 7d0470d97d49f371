//! Reading a business customer's accounts (S521): functional balance sheet and income
//! statement in the « tableau de bord » spirit of the course (no bookkeeping).

use rust_decimal::Decimal;

/// A simplified functional balance sheet (gross values, depreciation among resources).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Balance {
    /// Emplois stables: gross fixed assets.
    pub fixed_assets: Decimal,
    pub equity: Decimal,
    /// Amortissements et dépréciations (a stable resource in the functional view).
    pub depreciation: Decimal,
    /// Dettes financières (bank loans).
    pub financial_debt: Decimal,
    pub stocks: Decimal,
    pub receivables: Decimal,
    pub payables: Decimal,
    /// Dettes fiscales et sociales.
    pub tax_social_debt: Decimal,
    /// Disponibilités.
    pub cash: Decimal,
    /// Concours bancaires courants.
    pub overdraft: Decimal,
}

impl Balance {
    pub fn stable_resources(&self) -> Decimal {
        self.equity + self.depreciation + self.financial_debt
    }

    /// Fonds de roulement net global = ressources stables − emplois stables.
    pub fn frng(&self) -> Decimal {
        self.stable_resources() - self.fixed_assets
    }

    /// Besoin en fonds de roulement = actif circulant − passif circulant (hors trésorerie).
    pub fn bfr(&self) -> Decimal {
        self.stocks + self.receivables - self.payables - self.tax_social_debt
    }

    /// Trésorerie nette = trésorerie active − trésorerie passive.
    pub fn net_cash(&self) -> Decimal {
        self.cash - self.overdraft
    }

    pub fn total_assets(&self) -> Decimal {
        self.fixed_assets + self.stocks + self.receivables + self.cash
    }

    pub fn total_liabilities(&self) -> Decimal {
        self.stable_resources() + self.payables + self.tax_social_debt + self.overdraft
    }

    /// The cash that makes the two sides equal.
    pub fn balancing_cash(&self) -> Decimal {
        self.cash + self.total_liabilities() - self.total_assets()
    }
}

/// A simplified income statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Income {
    pub sales: Decimal,
    /// Achats consommés (purchases and change in stocks).
    pub purchases: Decimal,
    /// Autres achats et charges externes.
    pub external: Decimal,
    pub subsidies: Decimal,
    pub taxes: Decimal,
    pub staff: Decimal,
    /// Dotations aux amortissements.
    pub depreciation: Decimal,
    pub interest: Decimal,
    pub income_tax: Decimal,
}

impl Income {
    pub fn value_added(&self) -> Decimal {
        self.sales - self.purchases - self.external
    }

    /// Excédent brut d'exploitation = VA + subventions − impôts et taxes − personnel.
    pub fn ebe(&self) -> Decimal {
        self.value_added() + self.subsidies - self.taxes - self.staff
    }

    pub fn operating_result(&self) -> Decimal {
        self.ebe() - self.depreciation
    }

    pub fn pretax_result(&self) -> Decimal {
        self.operating_result() - self.interest
    }

    pub fn net_result(&self) -> Decimal {
        self.pretax_result() - self.income_tax
    }

    /// CAF, méthode additive: résultat net + dotations.
    pub fn caf_additive(&self) -> Decimal {
        self.net_result() + self.depreciation
    }

    /// CAF, méthode soustractive: EBE − charges financières décaissables − impôt.
    pub fn caf_subtractive(&self) -> Decimal {
        self.ebe() - self.interest - self.income_tax
    }
}

/// How much more the customer could borrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebtRule {
    /// Financial debt must not exceed `k` years of CAF.
    CafTimes(u32),
    /// Financial debt must not exceed equity.
    Equity,
}

/// The borrowing capacity left by the rule (negative: already over the limit).
pub fn borrowing_capacity(rule: DebtRule, caf: Decimal, equity: Decimal, debt: Decimal) -> Decimal {
    match rule {
        DebtRule::CafTimes(k) => caf * Decimal::from(k) - debt,
        DebtRule::Equity => equity - debt,
    }
}

/// The verdict of the stated criteria: FRNG > 0, trésorerie nette > 0, capacité
/// d'endettement > 0. All met → 1 (low risk), one missed → 2, more → 3 (high risk).
pub fn risk_level(frng: Decimal, net_cash: Decimal, capacity: Decimal) -> u8 {
    let missed = [frng, net_cash, capacity]
        .iter()
        .filter(|x| **x <= Decimal::ZERO)
        .count();
    match missed {
        0 => 1,
        1 => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn textbook() -> (Balance, Income) {
        // Ressources stables 120 000 + 40 000 + 60 000 = 220 000 ; emplois 200 000 →
        // FRNG 20 000. BFR = 30 000 + 45 000 − 38 000 − 12 000 = 25 000.
        // Trésorerie = 3 000 − 8 000 = −5 000 = 20 000 − 25 000.
        let b = Balance {
            fixed_assets: dec!(200000),
            equity: dec!(120000),
            depreciation: dec!(40000),
            financial_debt: dec!(60000),
            stocks: dec!(30000),
            receivables: dec!(45000),
            payables: dec!(38000),
            tax_social_debt: dec!(12000),
            cash: dec!(3000),
            overdraft: dec!(8000),
        };
        // VA = 500 000 − 280 000 − 60 000 = 160 000 ; EBE = 160 000 + 0 − 6 000 − 110 000
        // = 44 000 ; RE = 44 000 − 15 000 = 29 000 ; RCAI = 29 000 − 3 000 = 26 000 ;
        // RN = 26 000 − 6 500 = 19 500 ; CAF = 19 500 + 15 000 = 34 500
        // = 44 000 − 3 000 − 6 500.
        let i = Income {
            sales: dec!(500000),
            purchases: dec!(280000),
            external: dec!(60000),
            subsidies: dec!(0),
            taxes: dec!(6000),
            staff: dec!(110000),
            depreciation: dec!(15000),
            interest: dec!(3000),
            income_tax: dec!(6500),
        };
        (b, i)
    }

    #[test]
    fn textbook_balance_sheet() {
        let (b, _) = textbook();
        assert_eq!(b.frng(), dec!(20000));
        assert_eq!(b.bfr(), dec!(25000));
        assert_eq!(b.net_cash(), dec!(-5000));
        assert_eq!(b.frng() - b.bfr(), b.net_cash());
        assert_eq!(b.total_assets(), b.total_liabilities());
        assert_eq!(b.balancing_cash(), dec!(3000));
    }

    #[test]
    fn textbook_income_statement() {
        let (b, i) = textbook();
        assert_eq!(i.value_added(), dec!(160000));
        assert_eq!(i.ebe(), dec!(44000));
        assert_eq!(i.net_result(), dec!(19500));
        assert_eq!(i.caf_additive(), dec!(34500));
        assert_eq!(i.caf_subtractive(), dec!(34500));
        // 4 × 34 500 − 60 000 = 78 000 ; 3 × → 43 500 ; equity 120 000 − 60 000.
        let caf = i.caf_additive();
        assert_eq!(
            borrowing_capacity(DebtRule::CafTimes(4), caf, b.equity, b.financial_debt),
            dec!(78000)
        );
        assert_eq!(
            borrowing_capacity(DebtRule::CafTimes(3), caf, b.equity, b.financial_debt),
            dec!(43500)
        );
        assert_eq!(
            borrowing_capacity(DebtRule::Equity, caf, b.equity, b.financial_debt),
            dec!(60000)
        );
        assert_eq!(risk_level(b.frng(), b.net_cash(), dec!(78000)), 2);
    }
}

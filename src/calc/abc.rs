//! ABC (Pareto) analysis of a customer portfolio: sort by decreasing CA, shares,
//! cumulative shares, classes.
//!
//! Rounding: every displayed share is rounded half away from zero to 0,01 %. The
//! cumulative share of CA is the *exact* cumulative CA divided by the total, rounded
//! only for display, so the last one is exactly 100,00 % whatever the shares' own
//! roundings (the rounded shares themselves may add up to 99,99 % or 100,01 %).
//! Classes are decided on the exact values (cross-multiplied, no division).
//!
//! Ties: customers with the same CA keep the order in which they were given (stable
//! sort) and a tie group is never split between two classes: it takes the class of its
//! first member. The first customer is always in class A (with one dominant customer
//! whose share exceeds the A threshold, class A is that customer alone).

use crate::num::round::round_half_away;
use rust_decimal::Decimal;

/// Decimals of every displayed share.
pub const SHARE_DP: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    A,
    B,
    C,
}

impl Class {
    pub fn letter(self) -> &'static str {
        match self {
            Class::A => "A",
            Class::B => "B",
            Class::C => "C",
        }
    }
}

/// How the class boundaries are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// A while the cumulative share of CA stays ≤ `a` %, B while ≤ `b` %, C after.
    CumulativeCa { a: Decimal, b: Decimal },
    /// A while the cumulative share of customers stays ≤ `a` %, B while ≤ `b` %
    /// (20 / 50 for the « 20 % / 30 % / 50 % » reading), C after.
    CumulativeCustomers { a: Decimal, b: Decimal },
    /// Ranks 1 to `a` in A, `a + 1` to `b` in B, the rest in C.
    Rank { a: usize, b: usize },
    /// The plain 20/80 reading: the first `a` % of customers in A, all others in B.
    Pareto { a: Decimal },
}

/// One line of the sorted table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Position of the customer in the given (unsorted) list.
    pub index: usize,
    /// 1-based rank by decreasing CA.
    pub rank: usize,
    pub ca: Decimal,
    pub cumulative_ca: Decimal,
    /// Share of the total CA, rounded to 0,01 %.
    pub share: Decimal,
    /// Exact cumulative CA ÷ total, rounded to 0,01 %.
    pub cumulative_share: Decimal,
    /// rank ÷ n, rounded to 0,01 %.
    pub cumulative_customers: Decimal,
    pub class: Class,
}

/// Totals of one class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassSummary {
    pub class: Class,
    pub customers: usize,
    pub ca: Decimal,
    /// Share of the *total* CA, rounded to 0,01 %.
    pub share: Decimal,
    /// Share of the customers, rounded to 0,01 %.
    pub customer_share: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub total: Decimal,
    pub rows: Vec<Row>,
    pub classes: Vec<ClassSummary>,
}

impl Analysis {
    pub fn class(&self, c: Class) -> Option<&ClassSummary> {
        self.classes.iter().find(|s| s.class == c)
    }
}

fn pct(part: Decimal, whole: Decimal) -> Decimal {
    round_half_away(part * Decimal::ONE_HUNDRED / whole, SHARE_DP)
}

/// The class of the customer at 0-based position `i` of the sorted list, before ties.
fn raw_class(cut: Cut, i: usize, n: usize, cumulative: Decimal, total: Decimal) -> Class {
    let hundred = Decimal::ONE_HUNDRED;
    let rank = Decimal::from(i + 1);
    let n_dec = Decimal::from(n);
    let at_most = |threshold: Decimal, value_times_100: Decimal, whole: Decimal| {
        value_times_100 <= threshold * whole
    };
    let class = match cut {
        Cut::CumulativeCa { a, b } => {
            if at_most(a, cumulative * hundred, total) {
                Class::A
            } else if at_most(b, cumulative * hundred, total) {
                Class::B
            } else {
                Class::C
            }
        }
        Cut::CumulativeCustomers { a, b } => {
            if at_most(a, rank * hundred, n_dec) {
                Class::A
            } else if at_most(b, rank * hundred, n_dec) {
                Class::B
            } else {
                Class::C
            }
        }
        Cut::Rank { a, b } => {
            if i < a {
                Class::A
            } else if i < b {
                Class::B
            } else {
                Class::C
            }
        }
        Cut::Pareto { a } => {
            if at_most(a, rank * hundred, n_dec) {
                Class::A
            } else {
                Class::B
            }
        }
    };
    if i == 0 {
        Class::A
    } else {
        class
    }
}

/// The analysis of the CA list `cas` (in the given order). `None` for an empty list or a
/// total that is not positive.
pub fn analyse(cas: &[Decimal], cut: Cut) -> Option<Analysis> {
    let n = cas.len();
    let total: Decimal = cas
        .iter()
        .try_fold(Decimal::ZERO, |s, x| s.checked_add(*x))?;
    if n == 0 || total <= Decimal::ZERO || cas.iter().any(|x| x.is_sign_negative()) {
        return None;
    }
    // Stable: equal CA keep their given order.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| cas[j].cmp(&cas[i]));
    let mut rows = Vec::with_capacity(n);
    let mut cumulative = Decimal::ZERO;
    for (i, &index) in order.iter().enumerate() {
        let ca = cas[index];
        cumulative += ca;
        let mut class = raw_class(cut, i, n, cumulative, total);
        if let Some(prev) = rows.last() {
            let prev: &Row = prev;
            if prev.ca == ca {
                class = prev.class;
            }
        }
        rows.push(Row {
            index,
            rank: i + 1,
            ca,
            cumulative_ca: cumulative,
            share: pct(ca, total),
            cumulative_share: pct(cumulative, total),
            cumulative_customers: pct(Decimal::from(i + 1), Decimal::from(n)),
            class,
        });
    }
    let mut classes = Vec::new();
    for c in [Class::A, Class::B, Class::C] {
        let members: Vec<&Row> = rows.iter().filter(|r| r.class == c).collect();
        if members.is_empty() {
            continue;
        }
        let ca: Decimal = members.iter().map(|r| r.ca).sum();
        classes.push(ClassSummary {
            class: c,
            customers: members.len(),
            ca,
            share: pct(ca, total),
            customer_share: pct(Decimal::from(members.len()), Decimal::from(n)),
        });
    }
    Some(Analysis {
        total,
        rows,
        classes,
    })
}

/// What a student gets by cumulating in the given order, without sorting first: the
/// classes of the *unsorted* list (for the known mistake « cumul avant tri »).
pub fn unsorted_classes(cas: &[Decimal], cut: Cut) -> Option<Vec<Class>> {
    let total: Decimal = cas
        .iter()
        .try_fold(Decimal::ZERO, |s, x| s.checked_add(*x))?;
    if cas.is_empty() || total <= Decimal::ZERO {
        return None;
    }
    let mut cumulative = Decimal::ZERO;
    Some(
        cas.iter()
            .enumerate()
            .map(|(i, ca)| {
                cumulative += *ca;
                raw_class(cut, i, cas.len(), cumulative, total)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    const DEFAULT: Cut = Cut::CumulativeCa {
        a: dec!(80),
        b: dec!(95),
    };

    /// The Imprimerie Lefort case of the S522 chapter (exercise 2), by hand: total
    /// 500 000 €; cumulative 36, 60, 78 (A), 86, 91, 94,8 (B), 97, 98,5, 99,5, 100 (C).
    #[test]
    fn textbook_case() {
        let cas = [
            dec!(19000),
            dec!(7500),
            dec!(120000),
            dec!(180000),
            dec!(40000),
            dec!(2500),
            dec!(90000),
            dec!(25000),
            dec!(5000),
            dec!(11000),
        ];
        let an = analyse(&cas, DEFAULT).unwrap();
        assert_eq!(an.total, dec!(500000));
        let cum: Vec<Decimal> = an.rows.iter().map(|r| r.cumulative_share).collect();
        assert_eq!(
            cum,
            [
                dec!(36),
                dec!(60),
                dec!(78),
                dec!(86),
                dec!(91),
                dec!(94.8),
                dec!(97),
                dec!(98.5),
                dec!(99.5),
                dec!(100)
            ]
        );
        let a = an.class(Class::A).unwrap();
        assert_eq!((a.customers, a.ca, a.share), (3, dec!(390000), dec!(78)));
        let b = an.class(Class::B).unwrap();
        assert_eq!((b.customers, b.ca, b.share), (3, dec!(84000), dec!(16.8)));
        let c = an.class(Class::C).unwrap();
        assert_eq!((c.customers, c.ca, c.share), (4, dec!(26000), dec!(5.2)));
        assert_eq!(an.rows[0].index, 3);
    }

    #[test]
    fn one_dominant_customer_is_class_a_alone() {
        let cas = [dec!(900), dec!(30), dec!(30), dec!(20), dec!(20)];
        let an = analyse(&cas, DEFAULT).unwrap();
        // 90 % > 80 %: by the threshold alone A would be empty; the first customer is A.
        assert_eq!(an.rows[0].class, Class::A);
        assert_eq!(an.class(Class::A).unwrap().customers, 1);
        // 93 % then 96 % (tie with 93 % → B), 98 %, 100 %.
        assert_eq!(an.rows[1].class, Class::B);
        assert_eq!(an.rows[2].class, Class::B, "tie group not split");
        assert_eq!(an.rows[3].class, Class::C);
    }

    #[test]
    fn ties_stay_together_and_keep_given_order() {
        // 40, 40, 20 of 100: cumulative 40, 80, 100 → the tie ends at 80 %: A, A, C.
        let cas = [dec!(20), dec!(40), dec!(40)];
        let an = analyse(&cas, DEFAULT).unwrap();
        assert_eq!(
            an.rows.iter().map(|r| r.index).collect::<Vec<_>>(),
            [1, 2, 0]
        );
        assert_eq!(an.rows[1].class, Class::A);
        // 50, 25, 25: cumulative 50 (A), 75 (A), 100 → the tie takes A for both.
        let an = analyse(&[dec!(25), dec!(50), dec!(25)], DEFAULT).unwrap();
        assert!(an.rows.iter().all(|r| r.class == Class::A));
    }

    #[test]
    fn flat_portfolio() {
        // Ten equal customers: one tie group, all in A (no concentration at all).
        let cas = [dec!(1000); 10];
        let an = analyse(&cas, DEFAULT).unwrap();
        assert_eq!(an.classes.len(), 1);
        assert_eq!(an.class(Class::A).unwrap().share, dec!(100));
        assert_eq!(an.rows[9].cumulative_share, dec!(100));
        // By share of customers, same: the tie group is never split.
        let an = analyse(
            &cas,
            Cut::CumulativeCustomers {
                a: dec!(20),
                b: dec!(50),
            },
        )
        .unwrap();
        assert_eq!(an.classes.len(), 1);
    }

    #[test]
    fn customer_share_and_rank_cuts() {
        let cas: Vec<Decimal> = (1..=10).map(|k| Decimal::from(k * 100)).collect();
        let an = analyse(
            &cas,
            Cut::CumulativeCustomers {
                a: dec!(20),
                b: dec!(50),
            },
        )
        .unwrap();
        let sizes: Vec<usize> = an.classes.iter().map(|c| c.customers).collect();
        assert_eq!(sizes, [2, 3, 5]);
        // 1000 + 900 = 1900 of 5500 = 34,545… → 34,55 %.
        assert_eq!(an.class(Class::A).unwrap().share, dec!(34.55));
        let an = analyse(&cas, Cut::Rank { a: 3, b: 6 }).unwrap();
        let sizes: Vec<usize> = an.classes.iter().map(|c| c.customers).collect();
        assert_eq!(sizes, [3, 3, 4]);
        let an = analyse(&cas, Cut::Pareto { a: dec!(20) }).unwrap();
        let sizes: Vec<usize> = an.classes.iter().map(|c| c.customers).collect();
        assert_eq!(sizes, [2, 8]);
    }

    #[test]
    fn degenerate_inputs() {
        assert!(analyse(&[], DEFAULT).is_none());
        assert!(analyse(&[Decimal::ZERO], DEFAULT).is_none());
        assert!(analyse(&[dec!(-5), dec!(10)], DEFAULT).is_none());
    }
}

//! Scoring a customer or prospect file: marks from brackets, weighted scores, segments
//! and ranks (S432).
//!
//! The course computes a score as the weighted sum Σ note × coefficient; some textbooks
//! divide it by the sum of the coefficients to get a mark on the same scale as the
//! notes. Both are offered ([`Aggregation`]); ranks follow either a tie-break (an
//! ordered list of keys) or the sports "ex aequo" rule (1, 2, 2, 4).

use crate::num::round::round_half_away;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// How the weighted marks are combined into one score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregation {
    /// Σ note × coefficient (the course's formula).
    WeightedSum,
    /// Σ note × coefficient ÷ Σ coefficients, rounded to 2 decimals.
    WeightedMean,
}

/// The mark of `value` on a grid of lower bounds: `bounds[i]` is the smallest value
/// that earns mark `i + 2` (mark 1 is below `bounds[0]`). Bounds must increase.
/// A higher value earns a higher mark (frequency, amount, a prospect's size).
pub fn mark_from_lower_bounds(value: Decimal, bounds: &[Decimal]) -> u32 {
    1 + bounds.iter().filter(|b| value >= **b).count() as u32
}

/// The mark of a recency in days on a grid of upper bounds: `limits[i]` is the first
/// number of days that no longer earns mark `top - i` (a purchase less than
/// `limits[0]` days ago earns the top mark). The more recent, the better.
pub fn recency_mark(days: Decimal, limits: &[Decimal]) -> u32 {
    let top = limits.len() as u32 + 1;
    top - limits.iter().filter(|l| days >= **l).count() as u32
}

/// Σ marks × weights, or that sum divided by Σ weights and rounded to 2 decimals
/// (half away from zero). `None` when the weights sum to zero or the sum overflows.
pub fn weighted_score(marks: &[Decimal], weights: &[Decimal], how: Aggregation) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    for (m, w) in marks.iter().zip(weights) {
        sum = sum.checked_add(m.checked_mul(*w)?)?;
    }
    match how {
        Aggregation::WeightedSum => Some(sum),
        Aggregation::WeightedMean => {
            let total: Decimal = weights.iter().copied().sum();
            if total.is_zero() {
                return None;
            }
            Some(round_half_away(sum.checked_div(total)?, 2))
        }
    }
}

/// The segment of a score against decreasing thresholds: 0 if `score >= thresholds[0]`,
/// 1 if it reaches `thresholds[1]`, …, `thresholds.len()` below the last one. A score
/// equal to a threshold belongs to the higher segment.
pub fn segment(score: Decimal, thresholds: &[Decimal]) -> usize {
    thresholds
        .iter()
        .position(|t| score >= *t)
        .unwrap_or(thresholds.len())
}

/// How equal scores are ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TieRule {
    /// Equal scores are separated by the tie-break keys (larger first, in order).
    Break,
    /// Equal scores share the best rank and the next rank is skipped (1, 2, 2, 4).
    Shared,
}

/// Ranks (1 = best) of individuals by decreasing score. With [`TieRule::Break`],
/// `tie_keys[i]` lists individual `i`'s tie-break values (compared larger first, key by
/// key); individuals still equal after every key share a rank.
pub fn ranks(scores: &[Decimal], tie_keys: &[Vec<Decimal>], rule: TieRule) -> Vec<usize> {
    let better = |a: usize, b: usize| -> Ordering {
        match scores[b].cmp(&scores[a]) {
            Ordering::Equal if rule == TieRule::Break => {
                let (ka, kb) = (&tie_keys[a], &tie_keys[b]);
                kb.cmp(ka)
            }
            o => o,
        }
    };
    (0..scores.len())
        .map(|i| {
            1 + (0..scores.len())
                .filter(|&j| better(j, i) == Ordering::Less)
                .count()
        })
        .collect()
}

/// Whether two individuals would still share a rank under [`TieRule::Break`].
pub fn has_unbroken_tie(scores: &[Decimal], tie_keys: &[Vec<Decimal>]) -> bool {
    let r = ranks(scores, tie_keys, TieRule::Break);
    let mut sorted = r.clone();
    sorted.sort_unstable();
    sorted.dedup();
    sorted.len() != r.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn brackets_of_the_course() {
        // Barème du chapitre S432 : récence < 30 j → 5 ; 30–59 → 4 ; 60–119 → 3 ;
        // 120–179 → 2 ; 180 et plus → 1.
        let limits = [dec!(30), dec!(60), dec!(120), dec!(180)];
        assert_eq!(recency_mark(dec!(12), &limits), 5);
        assert_eq!(recency_mark(dec!(30), &limits), 4);
        assert_eq!(recency_mark(dec!(150), &limits), 2);
        assert_eq!(recency_mark(dec!(210), &limits), 1);
        let amounts = [dec!(2000), dec!(5000), dec!(10000), dec!(20000)];
        assert_eq!(mark_from_lower_bounds(dec!(18500), &amounts), 4);
        assert_eq!(mark_from_lower_bounds(dec!(1400), &amounts), 1);
        assert_eq!(mark_from_lower_bounds(dec!(20000), &amounts), 5);
    }

    #[test]
    fn relais_du_lac() {
        // 4 × 2 + 3 × 2 + 3 × 4 = 26 ; moyenne 26 / 10 = 2,6.
        let marks = [dec!(2), dec!(2), dec!(4)];
        let w = [dec!(4), dec!(3), dec!(3)];
        assert_eq!(
            weighted_score(&marks, &w, Aggregation::WeightedSum),
            Some(dec!(26))
        );
        assert_eq!(
            weighted_score(&marks, &w, Aggregation::WeightedMean),
            Some(dec!(2.6))
        );
    }

    #[test]
    fn ties() {
        let s = [dec!(30), dec!(40), dec!(30), dec!(20)];
        let keys = vec![vec![dec!(1)], vec![dec!(0)], vec![dec!(5)], vec![dec!(0)]];
        assert_eq!(ranks(&s, &keys, TieRule::Shared), vec![2, 1, 2, 4]);
        assert_eq!(ranks(&s, &keys, TieRule::Break), vec![3, 1, 2, 4]);
        assert!(!has_unbroken_tie(&s, &keys));
        assert_eq!(segment(dec!(40), &[dec!(40), dec!(25)]), 0);
        assert_eq!(segment(dec!(39), &[dec!(40), dec!(25)]), 1);
        assert_eq!(segment(dec!(10), &[dec!(40), dec!(25)]), 2);
    }
}

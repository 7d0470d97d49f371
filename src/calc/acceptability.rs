//! Psychological price (prix d'acceptabilité) from a survey (S443).
//!
//! Each respondent gives a « prix maximum » (at this price and above, too expensive) and a
//! « prix minimum » (at this price and below, too cheap to be of good quality). At a
//! candidate price, the « trop cher » share is the increasing cumulation of the maximum
//! prices (from the lowest price up to it), the « pas assez cher » share the decreasing
//! cumulation of the minimum prices (from the highest price down to it); the acceptors
//! are the others. The psychological (optimal) price has the most acceptors.
//!
//! Shares are in percent of the respondents, rounded to 0,01 %; the acceptors' share is
//! 100 − % trop cher − % pas assez cher, from the rounded shares.

use crate::num::round::round_half_away;
use rust_decimal::Decimal;

/// One candidate price of the survey with its two answer counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answers {
    pub price: Decimal,
    /// Respondents whose « prix maximum » is this price.
    pub max_count: i64,
    /// Respondents whose « prix minimum » is this price.
    pub min_count: i64,
}

/// One line of the worked table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row {
    pub price: Decimal,
    pub max_count: i64,
    pub min_count: i64,
    /// Increasing cumulation of the maximum prices: respondents finding it too expensive.
    pub too_expensive: i64,
    /// Decreasing cumulation of the minimum prices: respondents finding it too cheap.
    pub too_cheap: i64,
    pub too_expensive_pct: Decimal,
    pub too_cheap_pct: Decimal,
    pub acceptors: i64,
    pub acceptors_pct: Decimal,
}

/// `count` in percent of `total`, rounded half away from zero to 0,01 %. `total` must be
/// positive and `count` not negative.
///
/// Computed in integers: a survey table has a hundred shares, and a `Decimal` division
/// each was a tenth of the generation time. The result is the very `Decimal` (value and
/// scale, hence the JSON text) of `round_half_away(count × 100 ÷ total, 2)`: an integer
/// when the share is whole, else hundredths (`12,50` stays `12.50`); a test checks it
/// against that formula.
pub fn share(count: i64, total: i64) -> Decimal {
    if count.checked_mul(20_000).is_none() {
        // Beyond any survey: the formula itself.
        return round_half_away(
            Decimal::from(count) * Decimal::ONE_HUNDRED / Decimal::from(total),
            2,
        );
    }
    if (count * 100) % total == 0 {
        Decimal::from(count * 100 / total)
    } else {
        // Half away from zero: ⌊(2·c·10 000 + t) / 2t⌋ for c ≥ 0.
        Decimal::new((20_000 * count + total) / (2 * total), 2)
    }
}

/// [`share`] of many counts over one total. When the total divides 10 000, as the drawn
/// sample sizes do, each share is exact in hundredths of a percent: a multiplication,
/// where `share` divides twice (divisions are slow, and a table has a score of shares).
pub struct Shares {
    total: i64,
    /// 10 000 / total, when exact.
    per_count: Option<i64>,
}

impl Shares {
    /// Shares of `total` people (positive).
    pub fn of(total: i64) -> Shares {
        Shares {
            total,
            per_count: (10_000 % total == 0).then(|| 10_000 / total),
        }
    }

    /// `share(count, total)`, the same value and scale.
    pub fn share(&self, count: i64) -> Decimal {
        match self.per_count {
            Some(per) if (0..=i64::MAX / 10_000).contains(&count) => {
                let hundredths = count * per;
                if hundredths % 100 == 0 {
                    Decimal::from(hundredths / 100)
                } else {
                    Decimal::new(hundredths, 2)
                }
            }
            _ => share(count, self.total),
        }
    }
}

/// Increasing cumulation: element `i` is the sum of the first `i + 1` counts.
pub fn cumulate_up(counts: impl IntoIterator<Item = i64>) -> Vec<i64> {
    let counts = counts.into_iter();
    let mut out = Vec::with_capacity(counts.size_hint().0);
    let mut acc = 0i64;
    for c in counts {
        acc += c;
        out.push(acc);
    }
    out
}

/// Decreasing cumulation: element `i` is the sum of the counts from the `i`-th on.
pub fn cumulate_down<I>(counts: I) -> Vec<i64>
where
    I: IntoIterator<Item = i64>,
    I::IntoIter: DoubleEndedIterator,
{
    let mut out = cumulate_up(counts.into_iter().rev());
    out.reverse();
    out
}

/// The worked table for `respondents` people, prices in increasing order.
pub fn table(respondents: i64, answers: &[Answers]) -> Vec<Row> {
    let up = cumulate_up(answers.iter().map(|a| a.max_count));
    let down = cumulate_down(answers.iter().map(|a| a.min_count));
    let shares = Shares::of(respondents);
    answers
        .iter()
        .zip(up.iter().zip(&down))
        .map(|(a, (&te, &tc))| {
            let too_expensive_pct = shares.share(te);
            let too_cheap_pct = shares.share(tc);
            Row {
                price: a.price,
                max_count: a.max_count,
                min_count: a.min_count,
                too_expensive: te,
                too_cheap: tc,
                too_expensive_pct,
                too_cheap_pct,
                acceptors: respondents - te - tc,
                acceptors_pct: Decimal::ONE_HUNDRED - too_expensive_pct - too_cheap_pct,
            }
        })
        .collect()
}

/// Respondents accepting each price (neither too expensive nor too cheap), as in
/// [`table`] from the answer counts alone (`max_counts[i]`, `min_counts[i]` at the `i`-th
/// price): what telling whether a drawn survey has a clear optimum needs (a third of the
/// drawn surveys do not and are drawn again, before their prices and shares are made).
pub fn acceptors(respondents: i64, max_counts: &[i64], min_counts: &[i64]) -> Vec<i64> {
    let mut too_cheap: i64 = min_counts.iter().sum();
    let mut too_expensive = 0;
    max_counts
        .iter()
        .zip(min_counts)
        .map(|(&max_count, &min_count)| {
            too_expensive += max_count;
            let accepting = respondents - too_expensive - too_cheap;
            too_cheap -= min_count;
            accepting
        })
        .collect()
}

/// Index of the unique largest value, `None` on a tie or when there is none. Takes the
/// values as they are computed (a survey's acceptors, counts cumulated the wrong way)
/// rather than collected first.
pub fn unique_argmax<T: PartialOrd>(values: impl IntoIterator<Item = T>) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    let mut tie = false;
    for (i, v) in values.into_iter().enumerate() {
        match &best {
            None => best = Some((i, v)),
            Some((_, b)) if v > *b => {
                best = Some((i, v));
                tie = false;
            }
            Some((_, b)) if v == *b => tie = true,
            _ => {}
        }
    }
    if tie {
        None
    } else {
        best.map(|(i, _)| i)
    }
}

/// Index of the psychological price: the unique row with the most acceptors.
pub fn optimal(rows: &[Row]) -> Option<usize> {
    unique_argmax(rows.iter().map(|r| r.acceptors))
}

/// Shares `total` in multiples of `unit` proportionally to `weights` (largest remainders,
/// ties to the lower index). `total` must be a multiple of `unit` and some weight positive,
/// none negative.
pub fn apportion(total: i64, unit: i64, weights: &[i64]) -> Vec<i64> {
    let units = total / unit;
    let sum: i64 = weights.iter().sum();
    // (units, remainder) of units·w/sum for each weight, exact integers.
    let mut shares: Vec<(i64, i64)> = weights
        .iter()
        .map(|w| (units * w / sum, units * w % sum))
        .collect();
    let left = units - shares.iter().map(|s| s.0).sum::<i64>();
    // The remainders add up to `left` times `sum` and each is below `sum`, so more than
    // `left` of them are positive: the `left` largest get one unit more each, picked one
    // at a time (a survey has a few units left over at most nine weights; sorting them
    // all was a tenth of drawing a survey, perf). A remainder given its unit is set to
    // zero, so it is not picked again.
    for _ in 0..left {
        let (mut best, mut largest) = (None, 0);
        for (i, &(_, r)) in shares.iter().enumerate() {
            // Strictly larger: ties go to the lower index.
            if r > largest {
                (best, largest) = (Some(i), r);
            }
        }
        let b = best.expect("moins d'unités restantes que de restes positifs");
        shares[b] = (shares[b].0 + 1, 0);
    }
    shares.into_iter().map(|(c, _)| c * unit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn textbook() -> Vec<Answers> {
        let prices = [dec!(10), dec!(12), dec!(14), dec!(16), dec!(18), dec!(20)];
        let max = [0, 10, 30, 70, 60, 30];
        let min = [40, 80, 50, 20, 10, 0];
        (0..6)
            .map(|i| Answers {
                price: prices[i],
                max_count: max[i],
                min_count: min[i],
            })
            .collect()
    }

    #[test]
    fn textbook_table_hand_checked() {
        // 200 respondents. Maximum prices 0, 10, 30, 70, 60, 30 cumulated upwards:
        // 0, 10, 40, 110, 170, 200 → 0 %, 5 %, 20 %, 55 %, 85 %, 100 %.
        // Minimum prices 40, 80, 50, 20, 10, 0 cumulated downwards (from 20 €):
        // 200, 160, 80, 30, 10, 0 → 100 %, 80 %, 40 %, 15 %, 5 %, 0 %.
        // Acceptors 100 − both: 0, 15, 40, 30, 10, 0 % → optimum 14 € with 40 % = 80 people.
        let rows = table(200, &textbook());
        let te: Vec<i64> = rows.iter().map(|r| r.too_expensive).collect();
        let tc: Vec<i64> = rows.iter().map(|r| r.too_cheap).collect();
        assert_eq!(te, vec![0, 10, 40, 110, 170, 200]);
        assert_eq!(tc, vec![200, 160, 80, 30, 10, 0]);
        let pct: Vec<Decimal> = rows.iter().map(|r| r.acceptors_pct).collect();
        assert_eq!(
            pct,
            vec![dec!(0), dec!(15), dec!(40), dec!(30), dec!(10), dec!(0)]
        );
        assert_eq!(rows[3].too_expensive_pct, dec!(55));
        assert_eq!(rows[3].too_cheap_pct, dec!(15));
        let (max, min): (Vec<i64>, Vec<i64>) = textbook()
            .iter()
            .map(|a| (a.max_count, a.min_count))
            .unzip();
        assert_eq!(acceptors(200, &max, &min), vec![0, 30, 80, 60, 20, 0]);
        let best = optimal(&rows).unwrap();
        assert_eq!(rows[best].price, dec!(14));
        assert_eq!(rows[best].acceptors, 80);
    }

    #[test]
    fn shares_round_to_hundredths() {
        // 1/300 = 0,3333…% → 0,33 %; 2/300 = 0,6666…% → 0,67 %; 1/8 of 100 = 12,5 %.
        assert_eq!(share(1, 300), dec!(0.33));
        assert_eq!(share(2, 300), dec!(0.67));
        assert_eq!(share(25, 200), dec!(12.5));
        assert_eq!(share(1, 8).to_string(), "12.50");
        assert_eq!(share(50, 200).to_string(), "25");
    }

    /// The integer computation gives the same `Decimal`, scale included, as the formula
    /// with a decimal division, over every count and total of a survey's size.
    #[test]
    fn shares_equal_the_decimal_formula() {
        for total in (1..=400).chain([999, 1000, 1999, 2000, 3998, 4000]) {
            for count in 0..=2 * total {
                let formula = round_half_away(
                    Decimal::from(count) * Decimal::ONE_HUNDRED / Decimal::from(total),
                    2,
                );
                let fast = share(count, total);
                assert_eq!(fast.to_string(), formula.to_string(), "{count} / {total}");
            }
        }
        // Counts too large for the integer computation take the formula.
        let big = i64::MAX / 3;
        assert_eq!(share(big, big), dec!(100));
        assert_eq!(share(big, 3 * big).to_string(), "33.33");
    }

    #[test]
    fn ties_have_no_optimum() {
        assert_eq!(unique_argmax([1, 3, 3, 2]), None);
        assert_eq!(unique_argmax([1, 3, 2, 3, 4]), Some(4));
        assert_eq!(unique_argmax(Vec::<i64>::new()), None);
        assert_eq!(unique_argmax([4, 3, 3]), Some(0));
    }

    #[test]
    fn apportion_hand_checked() {
        // 200 in units of 5 = 40 units over weights 1, 2, 3, 2 (sum 8): exact 5, 10, 15, 10 units.
        assert_eq!(apportion(200, 5, &[1, 2, 3, 2]), vec![25, 50, 75, 50]);
        // 10 units over 1, 1, 1: 3, 3, 3 and one left to the first (ties → lower index).
        assert_eq!(apportion(10, 1, &[1, 1, 1]), vec![4, 3, 3]);
        // Zero weights get nothing: 7 over 0, 1, 2 → 2,33 and 4,67 → 2 + 5 (larger remainder).
        assert_eq!(apportion(7, 1, &[0, 1, 2]), vec![0, 2, 5]);
    }

    proptest! {
        #[test]
        fn table_invariants(
            max in proptest::collection::vec(0i64..200, 2..10),
            min in proptest::collection::vec(0i64..200, 2..10),
        ) {
            let k = max.len().min(min.len());
            let (max, min) = (&max[..k], &min[..k]);
            let n = max.iter().sum::<i64>().max(min.iter().sum::<i64>()).max(1);
            let answers: Vec<Answers> = (0..k)
                .map(|i| Answers { price: Decimal::from(10 + i as i64), max_count: max[i], min_count: min[i] })
                .collect();
            let rows = table(n, &answers);
            let counts: Vec<i64> = rows.iter().map(|r| r.acceptors).collect();
            let (max, min): (Vec<i64>, Vec<i64>) =
                answers.iter().map(|a| (a.max_count, a.min_count)).unzip();
            prop_assert_eq!(acceptors(n, &max, &min), counts);
            for r in &rows {
                prop_assert_eq!(r.acceptors_pct + r.too_expensive_pct + r.too_cheap_pct, dec!(100));
                prop_assert_eq!(r.acceptors + r.too_expensive + r.too_cheap, n);
            }
            for w in rows.windows(2) {
                prop_assert!(w[0].too_expensive <= w[1].too_expensive);
                prop_assert!(w[0].too_expensive_pct <= w[1].too_expensive_pct);
                prop_assert!(w[0].too_cheap >= w[1].too_cheap);
            }
            prop_assert_eq!(rows[k - 1].too_expensive, max.iter().sum::<i64>());
            prop_assert_eq!(rows[0].too_cheap, min.iter().sum::<i64>());
            if let Some(b) = optimal(&rows) {
                prop_assert!(rows.iter().enumerate().all(|(i, r)| i == b || r.acceptors < rows[b].acceptors));
            }
        }

        #[test]
        fn shares_of_one_total_are_the_shares(
            total in prop_oneof![prop::sample::select(vec![1i64, 8, 16, 200, 250, 400, 500, 625, 2000, 10_000]), 1i64..3000],
            count in prop_oneof![0i64..5000, 0i64..i64::MAX],
        ) {
            let expected = share(count, total);
            let got = Shares::of(total).share(count);
            prop_assert_eq!(got, expected);
            prop_assert_eq!(got.to_string(), expected.to_string());
        }

        #[test]
        fn apportion_matches_the_sorted_remainders(
            units in 1i64..500, unit in prop::sample::select(vec![1i64, 5, 10]),
            weights in proptest::collection::vec(0i64..20, 1..10)
        ) {
            prop_assume!(weights.iter().any(|w| *w > 0));
            // The textbook method: sort the remainders (largest first, ties to the lower
            // index) and give one more unit to each in turn.
            let total = units * unit;
            let sum: i64 = weights.iter().sum();
            let mut counts: Vec<i64> = weights.iter().map(|w| units * w / sum).collect();
            let mut left = units - counts.iter().sum::<i64>();
            let mut order: Vec<usize> = (0..weights.len()).collect();
            order.sort_by_key(|&i| (std::cmp::Reverse(units * weights[i] % sum), i));
            for &i in order.iter().cycle() {
                if left == 0 {
                    break;
                }
                if weights[i] > 0 {
                    counts[i] += 1;
                    left -= 1;
                }
            }
            let expected: Vec<i64> = counts.iter().map(|c| c * unit).collect();
            prop_assert_eq!(apportion(total, unit, &weights), expected);
        }

        #[test]
        fn apportion_sums_to_total(
            units in 1i64..500, unit in prop::sample::select(vec![1i64, 5, 10]),
            weights in proptest::collection::vec(0i64..20, 1..10)
        ) {
            prop_assume!(weights.iter().any(|w| *w > 0));
            let counts = apportion(units * unit, unit, &weights);
            prop_assert_eq!(counts.iter().sum::<i64>(), units * unit);
            for (c, w) in counts.iter().zip(&weights) {
                prop_assert_eq!(c % unit, 0);
                if *w == 0 { prop_assert_eq!(*c, 0); }
            }
        }
    }
}

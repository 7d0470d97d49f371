//! The precision a question asks for, read from its wording ("à 0,0001 près", "arrondi au
//! centime", "à l'unité"): a fair marker accepts half a unit of that place, no more.
//!
//! Version-1 codes were printed with a tolerance of one hundredth whatever the precision
//! asked; they regenerate byte for byte, so the marker reads the precision from the
//! prompt and tightens their tolerance to it. Version-2 questions declare a tolerance that
//! already agrees (checked by `tests/grading.rs`).

use rust_decimal::Decimal;
use std::str::FromStr;

/// Words naming a place, as the statements write them.
const PLACES: &[(&str, Decimal)] = &[
    ("au centime", Decimal::from_parts(1, 0, 0, false, 2)),
    ("au centième", Decimal::from_parts(1, 0, 0, false, 2)),
    ("à deux décimales", Decimal::from_parts(1, 0, 0, false, 2)),
    ("au dixième", Decimal::from_parts(1, 0, 0, false, 1)),
    ("à une décimale", Decimal::from_parts(1, 0, 0, false, 1)),
    ("à l'unité", Decimal::ONE),
    ("à l’unité", Decimal::ONE),
    ("à l'euro près", Decimal::ONE),
    ("à l’euro près", Decimal::ONE),
    ("au jour", Decimal::ONE),
    ("au mois", Decimal::ONE),
];

/// The place a prompt asks the answer to, if it says one: "à 0,01 près", "à 0,01 année
/// près", "arrondi à 0,0001 %", "arrondie à 0,01", "au centime"… The first statement
/// of a precision in the prompt wins.
pub fn stated(prompt: &str) -> Option<Decimal> {
    let mut best: Option<(usize, Decimal)> = None;
    let mut consider = |at: usize, place: Decimal| {
        if best.is_none_or(|(b, _)| at < b) {
            best = Some((at, place));
        }
    };
    for (words, place) in PLACES {
        if let Some(at) = prompt.find(words) {
            consider(at, *place);
        }
    }
    // "à 0,01 … près" and "arrondi(e) à 0,01": a number written with a decimal comma
    // whose digits are all zeros but a final 1.
    for (at, _) in prompt.match_indices("à 0,") {
        let rest = &prompt[at + "à ".len()..];
        let number: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',')
            .collect();
        let Ok(place) = Decimal::from_str(&number.replace(',', ".")) else {
            continue;
        };
        let is_place = number.ends_with('1')
            && number[..number.len() - 1]
                .chars()
                .all(|c| c == '0' || c == ',');
        let after = &rest[number.len()..];
        let before = &prompt[..at];
        let named = after.trim_start().starts_with("près")
            || after
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.starts_with("près"))
            || before.trim_end().ends_with("arrondi")
            || before.trim_end().ends_with("arrondie")
            || before.trim_end().ends_with("arrondis")
            || before.trim_end().ends_with("arrondies");
        if is_place && named {
            consider(at, place);
        }
    }
    best.map(|(_, place)| place)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn prompts_of_the_generated_types() {
        // Wordings taken from generated questions (MRG-22, CEC-11, EMP2-11, CDT2-11…).
        let cases = [
            (
                "Calculez le coefficient multiplicateur (à 0,0001 près).",
                Some(dec!(0.0001)),
            ),
            (
                "En combien d'années … (à 0,01 année près) ?",
                Some(dec!(0.01)),
            ),
            (
                "Calculez le taux périodique, arrondi à 0,0001\u{a0}%.",
                Some(dec!(0.0001)),
            ),
            ("Calculez t1, arrondie à 0,01.", Some(dec!(0.01))),
            (
                "Calculez le coût d'une visite, arrondi au centime.",
                Some(dec!(0.01)),
            ),
            (
                "Combien de ventes faut-il, arrondi à l'unité supérieure ?",
                Some(Decimal::ONE),
            ),
            (
                "Calculez la charge en heures, arrondie au centième d'heure.",
                Some(dec!(0.01)),
            ),
            (
                "Calculez la date, arrondie au jour le plus proche.",
                Some(Decimal::ONE),
            ),
            ("Calculez le taux de marque.", None),
            ("Un taux de 0,5 % près de Lyon.", None),
            ("Le prix passe à 0,95 € près de la caisse.", None),
        ];
        for (prompt, want) in cases {
            assert_eq!(stated(prompt), want, "{prompt}");
        }
    }
}

//! Property tests of the expression evaluator.

use clientele::expr::{eval_str, Expr};
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

fn no_vars(_: &str) -> Option<Decimal> {
    None
}

proptest! {
    #[test]
    fn parse_never_panics_on_arbitrary_strings(s in any::<String>()) {
        let _ = Expr::parse(&s);
    }

    #[test]
    fn parse_and_eval_never_panic_on_grammar_like_strings(
        s in "[0-9a-z_+*/^(),. -]{0,120}",
    ) {
        if let Ok(e) = Expr::parse(&s) {
            let _ = e.eval(&|_| Some(Decimal::new(7, 1)));
            let _ = e.eval(&|_| Some(Decimal::ZERO));
            let _ = e.eval(&no_vars);
        }
    }

    #[test]
    fn add_then_subtract_is_identity(a in -1_000_000i64..1_000_000, b in -1_000_000i64..1_000_000) {
        prop_assume!(b != 0);
        // Literals have no sign: a negative number is a parenthesised unary minus.
        let src = format!("({a}) + ({b}) - ({b})");
        prop_assert_eq!(eval_str(&src, &no_vars).unwrap(), Decimal::from(a));
        let vars = |name: &str| match name {
            "a" => Some(Decimal::from(a)),
            "b" => Some(Decimal::from(b)),
            _ => None,
        };
        prop_assert_eq!(eval_str("a + b - b", &vars).unwrap(), Decimal::from(a));
        prop_assert_eq!(eval_str("a * b / b", &vars).unwrap(), Decimal::from(a));
    }

    #[test]
    fn arrondi2_matches_rust_decimal(m in any::<i64>(), scale in 0u32..=12) {
        let x = Decimal::new(m, scale);
        let vars = |name: &str| (name == "x").then_some(x);
        prop_assert_eq!(
            eval_str("arrondi2(x)", &vars).unwrap(),
            x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        );
        prop_assert_eq!(
            eval_str("tronque2(x)", &vars).unwrap(),
            x.round_dp_with_strategy(2, RoundingStrategy::ToZero)
        );
    }

    #[test]
    fn literal_roundtrip(m in 0i64..i64::MAX, scale in 0u32..=18) {
        let x = Decimal::new(m, scale);
        prop_assert_eq!(eval_str(&x.to_string(), &no_vars).unwrap(), x);
    }
}

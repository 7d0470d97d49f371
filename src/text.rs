//! Small French text helpers shared by statements and reports.

/// "net commercial" → "Net commercial".
pub fn capitalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_capitalised(&mut out, s);
    out
}

/// Appends `s` capitalised to `out`, for text built in one buffer.
pub fn push_capitalised(out: &mut String, s: &str) {
    let mut c = s.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_uppercase());
        out.push_str(c.as_str());
    }
}

/// "Négoce de vins" → "négoce de vins".
pub fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "a", "a et b", "a, b et c".
pub fn french_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

/// French plural of a noun phrase's first word ("cagette de cerises" → "cagettes de cerises").
pub fn plural(noun: &str) -> String {
    let mut out = String::with_capacity(noun.len() + 1);
    push_plural(&mut out, noun);
    out
}

/// Appends [`plural`]`(noun)` to `out`.
pub fn push_plural(out: &mut String, noun: &str) {
    let (head, tail) = match noun.find(' ') {
        Some(i) => noun.split_at(i),
        None => (noun, ""),
    };
    out.push_str(head);
    if head.ends_with("eau") {
        out.push('x');
    } else if !(head.ends_with('s') || head.ends_with('x') || head.ends_with('z')) {
        out.push('s');
    }
    out.push_str(tail);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(plural("cagette"), "cagettes");
        assert_eq!(plural("lot de 3"), "lots de 3");
        assert_eq!(plural("colis"), "colis");
        assert_eq!(plural("tonneau"), "tonneaux");
    }

    #[test]
    fn lists_and_case() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(french_list(&v(&["a"])), "a");
        assert_eq!(french_list(&v(&["a", "b"])), "a et b");
        assert_eq!(french_list(&v(&["a", "b", "c"])), "a, b et c");
        assert_eq!(capitalise("écart"), "Écart");
        assert_eq!(lowercase_first("Négoce"), "négoce");
    }
}

//! Instance codes such as `NAP-7Q4K2X`, printed on every statement.
//!
//! Scheme: `PREFIX[VERSION]-SEED CHECK[-HASH]`.
//! - `PREFIX`: the type's letters from the catalog (`NAP` = prix/net-a-payer);
//! - `VERSION`: absent for version 1, else the type's output version (`NAP2-…`), so
//!   that a type whose output must change keeps regenerating its old codes;
//! - `SEED`: the seed in Crockford base 32 (digits and capitals without I, L, O, U);
//! - `CHECK`: one base-32 character, a weighted sum of the seed digits mod 32, which
//!   catches a mistyped character or two swapped neighbours;
//! - `HASH`: present only when a teacher fixed parameters (`--set`): four base-32
//!   characters of a hash of those parameters, so that `correct` can tell whether it was
//!   given the same `--set` values.
//!
//! Decoding is case-insensitive and reads `O` as `0` and `I`/`L` as `1`.

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A decoded code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub prefix: String,
    pub version: u32,
    pub seed: u64,
    pub params_hash: Option<String>,
}

fn base32(mut n: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(ALPHABET[(n % 32) as usize]);
        n /= 32;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII")
}

fn digit(c: char) -> Option<u64> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    ALPHABET
        .iter()
        .position(|&a| a as char == c)
        .map(|p| p as u64)
}

fn check_char(digits: &str) -> char {
    let sum: u64 = digits
        .chars()
        .enumerate()
        .map(|(i, c)| (i as u64 + 1) * digit(c).unwrap_or(0))
        .sum();
    ALPHABET[(sum % 32) as usize] as char
}

/// A short stable hash (FNV-1a) of the fixed parameters, as four base-32 characters.
pub fn params_hash(canonical: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in canonical.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (0..4)
        .map(|i| ALPHABET[((h >> (5 * i)) & 31) as usize] as char)
        .collect()
}

pub fn encode(prefix: &str, version: u32, seed: u64, params_hash: Option<&str>) -> String {
    let digits = base32(seed);
    let check = check_char(&digits);
    let mut code = String::with_capacity(24);
    code.push_str(prefix);
    if version > 1 {
        crate::push_text!(code, version);
    }
    crate::push_text!(code, '-', digits, check);
    if let Some(h) = params_hash {
        crate::push_text!(code, '-', h);
    }
    code
}

/// Why a code could not be read (French, for the student who typed it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeError(pub String);

impl std::fmt::Display for CodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CodeError {}

pub fn decode(code: &str) -> Result<Code, CodeError> {
    let code = code.trim();
    let bad = |why: &str| CodeError(format!("Code d'exercice « {code} » illisible : {why}."));
    let mut parts = code.split('-');
    let head = parts.next().unwrap_or("");
    let body = parts
        .next()
        .ok_or_else(|| bad("il manque le tiret, par exemple NAP-7Q4K2X"))?;
    let hash = parts.next().map(str::to_ascii_uppercase);
    if parts.next().is_some() {
        return Err(bad("trop de tirets"));
    }
    let letters: String = head
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let version_text = &head[letters.len()..];
    if letters.is_empty() {
        return Err(bad("il doit commencer par les lettres du type d'exercice"));
    }
    let version = if version_text.is_empty() {
        1
    } else {
        version_text
            .parse::<u32>()
            .ok()
            .filter(|v| *v >= 2)
            .ok_or_else(|| bad("numéro de version invalide"))?
    };
    if body.len() < 2 || body.len() > 14 {
        return Err(bad("la partie après le tiret n'a pas la bonne longueur"));
    }
    // The last character, which may be typed as a non-ASCII letter: split on its boundary.
    let last = body.char_indices().last().map_or(0, |(i, _)| i);
    let (digits, check) = body.split_at(last);
    let mut seed: u64 = 0;
    for c in digits.chars() {
        let d = digit(c).ok_or_else(|| bad(&format!("le caractère « {c} » n'est pas permis")))?;
        seed = seed
            .checked_mul(32)
            .and_then(|s| s.checked_add(d))
            .ok_or_else(|| bad("nombre trop grand"))?;
    }
    let check_given = check.chars().next().and_then(digit);
    if check_given != digit(check_char(digits)) {
        return Err(bad(
            "la clé de contrôle ne correspond pas (faute de frappe ?)",
        ));
    }
    if let Some(h) = &hash {
        if h.len() != 4 || h.chars().any(|c| digit(c).is_none()) {
            return Err(bad("la dernière partie doit avoir quatre caractères"));
        }
    }
    Ok(Code {
        prefix: letters.to_ascii_uppercase(),
        version,
        seed,
        params_hash: hash,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hand_checked_encoding() {
        // 7 = "7"; check = 1 × 7 = 7 → "7".
        assert_eq!(encode("NAP", 1, 7, None), "NAP-77");
        // 1000 = 31 × 32 + 8 → "Z8"; check = 1 × 31 + 2 × 8 = 47 ≡ 15 → "F".
        assert_eq!(encode("NAP", 1, 1000, None), "NAP-Z8F");
        assert_eq!(encode("MRG", 2, 0, None), "MRG2-00");
    }

    #[test]
    fn typos_are_caught() {
        assert!(decode("NAP-Z8F").is_ok());
        assert!(decode("NAP-Z9F").is_err());
        assert!(decode("NAP-8ZF").is_err());
        assert!(decode("nap-z8f").is_ok());
        assert!(decode("NAPZ8F").is_err());
        assert!(decode("").is_err());
        assert!(decode("NAP-ZZZZZZZZZZZZZZ").is_err());
        assert!(decode("NAP1-Z8F").is_err());
        // A non-ASCII last character is refused, not a panic (proptest found « a-¡ »).
        assert!(decode("a-¡").is_err());
        assert!(decode("A-0é").is_err());
    }

    proptest! {
        #[test]
        fn roundtrip(seed in any::<u64>(), version in 1u32..5, hashed in any::<bool>()) {
            let h = params_hash(&seed.to_string());
            let code = encode("NAP", version, seed, hashed.then_some(h.as_str()));
            let back = decode(&code).unwrap();
            prop_assert_eq!(back, Code { prefix: "NAP".into(), version, seed, params_hash: hashed.then_some(h) });
        }

        #[test]
        fn decode_never_panics(s in ".{0,30}") {
            let _ = decode(&s);
        }
    }
}

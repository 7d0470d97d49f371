//! Each student's seeds, from the sheet's base seed and the student's identifier.
//!
//! The hash must never change, or a regenerated sheet would no longer match the one
//! handed out: std's `DefaultHasher` makes no such promise, so this is FNV-1a 64
//! (offset basis 0xcbf29ce484222325, prime 0x100000001b3, as published by Fowler, Noll
//! and Vo) followed by the SplitMix64 finaliser, which spreads FNV's weak low bits.

/// Seeds stay below 32^6 so that a code keeps six base-32 characters.
pub const SEED_SPACE: u64 = 1 << 30;

pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The seed of exercise `index` (0-based) for `student_id`. `salt` is 0 except to
/// separate two students whose seeds collide (see [`super::sheet`]).
pub fn student_seed(base: u64, student_id: &str, index: usize, salt: u32) -> u64 {
    // Unit separators keep « 1 » + « 23 » apart from « 12 » + « 3 ».
    let text = format!("{base}\u{1f}{student_id}\u{1f}{index}\u{1f}{salt}");
    splitmix64(fnv1a64(text.as_bytes())) % SEED_SPACE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_published_test_vectors() {
        // FNV-1a 64 of "" and "a", from the reference test suite.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn seeds_are_pinned() {
        // A change here changes every sheet already handed out: never update casually.
        // The seeds behind tests/data/devoir/reponses.csv (codes NAP-4SEAVBH,
        // NAP-2TTSS53 and TVA-B31WWGG).
        assert_eq!(student_seed(2026, "E001", 0, 0), 160_901_995);
        assert_eq!(student_seed(2026, "E002", 0, 0), 95_250_213);
        assert_eq!(student_seed(2026, "E001", 1, 0), 372_306_832);
        assert_ne!(
            student_seed(2026, "E001", 0, 0),
            student_seed(2026, "E002", 0, 0)
        );
        assert_ne!(
            student_seed(2026, "E001", 0, 0),
            student_seed(2026, "E001", 1, 0)
        );
        assert_ne!(
            student_seed(2026, "E001", 0, 0),
            student_seed(2027, "E001", 0, 0)
        );
    }
}

//! Certificate numbers: 10 characters of Crockford's base 32, shown as `XXXX-XXXX-XX`.
//!
//! 50 random bits: with the lookup rate limit, guessing a valid number is hopeless. The
//! alphabet has no I, L, O or U, so a number read aloud or copied by hand survives: a typed
//! `O` is read as `0`, and `I` or `L` as `1`; case, spaces and dashes do not matter.

use rand::Rng;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH: usize = 10;

/// A new random number, from the operating system's random source.
pub fn generate() -> String {
    let mut rng = rand::rngs::OsRng;
    let raw: String = (0..LENGTH)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    format(&raw)
}

/// The number in its canonical form, or `None` when `input` cannot be one.
pub fn normalise(input: &str) -> Option<String> {
    let mut raw = String::with_capacity(LENGTH);
    for c in input.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\u{a0}' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
            _ => return None,
        };
        raw.push(c);
        if raw.len() > LENGTH {
            return None;
        }
    }
    (raw.len() == LENGTH).then(|| format(&raw))
}

fn format(raw: &str) -> String {
    format!("{}-{}-{}", &raw[..4], &raw[4..8], &raw[8..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_number_is_in_canonical_form_and_numbers_differ() {
        let a = generate();
        assert_eq!(a.len(), 12);
        assert_eq!(normalise(&a).as_deref(), Some(a.as_str()));
        let many: std::collections::HashSet<String> = (0..1000).map(|_| generate()).collect();
        assert_eq!(many.len(), 1000);
    }

    #[test]
    fn typing_mistakes_that_are_unambiguous_are_forgiven() {
        assert_eq!(normalise("k7qf 9m2x ht").as_deref(), Some("K7QF-9M2X-HT"));
        assert_eq!(normalise("K7QF-9M2X-HT").as_deref(), Some("K7QF-9M2X-HT"));
        assert_eq!(normalise("OIL0-0000-00").as_deref(), Some("0110-0000-00"));
    }

    #[test]
    fn anything_else_is_not_a_number() {
        for bad in [
            "",
            "K7QF-9M2X-H",
            "K7QF-9M2X-HTT",
            "K7QF-9M2X-HU",
            "<script>",
            "K7QF-9M2X-H\u{e9}",
        ] {
            assert_eq!(normalise(bad), None, "{bad}");
        }
    }
}

//! Codes people type from paper: one-time sign-in codes and cohort join codes.
//!
//! Drawn from 31 characters that cannot be mistaken for one another when printed (no 0/O,
//! 1/I/L), case-insensitive, and typed with or without the dash.

use rand::Rng;
use rand::rngs::OsRng;

const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A one-time code such as `K7QM-3XTA`: 8 characters, about 40 bits. Sign-in throttling makes
/// guessing hopeless, and the code ends at first use or after [`ONE_TIME_CODE_DAYS`].
pub fn one_time_code() -> String {
    grouped(&random(8))
}

/// How long a printed one-time code stays usable.
pub const ONE_TIME_CODE_DAYS: i64 = 30;

/// A cohort join code such as `MHX-42P`: 6 characters, read aloud in a classroom.
pub fn join_code() -> String {
    let code = random(6);
    format!("{}-{}", &code[..3], &code[3..])
}

/// A typed code as stored: upper case, without spaces or dashes.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A random token for a cookie (a trusted browser): 32 bytes, as 64 hex digits.
pub fn token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `text` has the shape of a [`token`] (anything else a browser sends is ignored).
pub fn is_token(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

fn random(len: usize) -> String {
    let mut rng = OsRng;
    (0..len)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

fn grouped(code: &str) -> String {
    format!("{}-{}", &code[..4], &code[4..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_unambiguous_characters() {
        for _ in 0..200 {
            let code = normalise(&one_time_code());
            assert_eq!(code.len(), 8);
            assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "{code}");
            assert!(!code.contains(['0', 'O', '1', 'I', 'L']));
        }
        assert_eq!(normalise(&join_code()).len(), 6);
    }

    #[test]
    fn typed_codes_forgive_case_spaces_and_dashes() {
        assert_eq!(normalise(" k7qm - 3xta "), "K7QM3XTA");
    }

    #[test]
    fn tokens_have_the_shape_they_are_checked_for() {
        let token = token();
        assert!(is_token(&token), "{token}");
        assert_ne!(token, super::token());
        assert!(!is_token("not-a-token"));
        assert!(!is_token(&"g".repeat(64)));
    }

    #[test]
    fn codes_differ() {
        let codes: std::collections::HashSet<_> = (0..1000).map(|_| one_time_code()).collect();
        assert_eq!(codes.len(), 1000);
    }
}

//! The one rule for the names used in addresses (module slugs, lesson names).

/// A slug is 1 to 64 characters of lowercase ASCII letters, digits and single hyphens,
/// so it reads the same in every address and file system.
pub fn is_valid_slug(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

#[cfg(test)]
mod tests {
    use super::is_valid_slug;

    #[test]
    fn slugs_are_lowercase_words_joined_by_hyphens() {
        for good in ["a", "01-intro", "droits-de-l-enfant"] {
            assert!(is_valid_slug(good), "{good}");
        }
        for bad in [
            "",
            "Intro",
            "é",
            "a b",
            "-a",
            "a-",
            "a--b",
            "a/b",
            "..",
            &"a".repeat(65),
        ] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }
}

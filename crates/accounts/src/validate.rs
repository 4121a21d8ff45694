//! What a username, a display name, a password or a cohort name may be.
//!
//! Checked on the server for every input; the forms say the same rules in words.

use crate::Error;

pub const USERNAME_MIN: usize = 3;
pub const USERNAME_MAX: usize = 32;
pub const DISPLAY_NAME_MAX: usize = 60;
pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;
pub const COHORT_NAME_MAX: usize = 80;

/// A username as stored: lower case, 3 to 32 of `a-z 0-9 . _ -`, starting with a letter or digit.
pub fn username(input: &str) -> Result<String, Error> {
    let name = input.trim().to_lowercase();
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c);
    let len = name.chars().count();
    if !(USERNAME_MIN..=USERNAME_MAX).contains(&len)
        || !name.chars().all(allowed)
        || !name.starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        return Err(Error::UsernameFormat);
    }
    Ok(name)
}

/// A display name (which may be a pseudonym): trimmed, inner runs of spaces made one, 1 to 60
/// characters, and none of the invisible characters that could hide or reorder text.
pub fn display_name(input: &str) -> Result<String, Error> {
    free_text(input, DISPLAY_NAME_MAX, Error::DisplayNameLength)
}

/// A cohort's name: the same rules as a display name, up to 80 characters.
pub fn cohort_name(input: &str) -> Result<String, Error> {
    free_text(input, COHORT_NAME_MAX, Error::CohortNameLength)
}

fn free_text(input: &str, max: usize, too_long: Error) -> Result<String, Error> {
    if input.chars().any(forbidden) {
        return Err(Error::ForbiddenCharacters);
    }
    let text = input.split_whitespace().collect::<Vec<_>>().join(" ");
    let len = text.chars().count();
    if len == 0 || len > max {
        return Err(too_long);
    }
    Ok(text)
}

/// A new password: 8 to 128 characters, typed the same twice. No other rule: length is what
/// makes a password strong, and rules about symbols make people write passwords down.
pub fn new_password(password: &str, confirmation: &str) -> Result<(), Error> {
    let len = password.chars().count();
    if !(PASSWORD_MIN..=PASSWORD_MAX).contains(&len) {
        return Err(Error::PasswordLength);
    }
    if password.chars().any(|c| c.is_control()) {
        return Err(Error::ForbiddenCharacters);
    }
    if password != confirmation {
        return Err(Error::PasswordsDiffer);
    }
    Ok(())
}

/// Control characters (tab and new line included: a name is one line), the replacement
/// character left by invalid UTF-8, and the bidirectional controls that can make text read
/// differently from how it is stored.
fn forbidden(c: char) -> bool {
    c.is_control()
        || c == '\u{FFFD}'
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_folded_to_lower_case_and_checked() {
        assert_eq!(username("  Moussa.K ").unwrap(), "moussa.k");
        for bad in [
            "ab",
            "a b c",
            "élève",
            "-abc",
            "x".repeat(33).as_str(),
            "~deleted-1",
        ] {
            assert!(matches!(username(bad), Err(Error::UsernameFormat)), "{bad}");
        }
    }

    #[test]
    fn display_names_are_tidied_and_bounded() {
        assert_eq!(
            display_name("  Aminata   Traoré ").unwrap(),
            "Aminata Traoré"
        );
        assert!(matches!(display_name("   "), Err(Error::DisplayNameLength)));
        assert!(matches!(
            display_name(&"é".repeat(61)),
            Err(Error::DisplayNameLength)
        ));
        assert!(display_name(&"é".repeat(60)).is_ok());
    }

    #[test]
    fn hidden_and_control_characters_are_refused() {
        for bad in [
            "a\u{0}b",
            "a\nb",
            "a\u{202E}b",
            "a\u{FFFD}",
            "x\u{2067}y",
            "a\tb",
        ] {
            assert!(
                matches!(display_name(bad), Err(Error::ForbiddenCharacters)),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn passwords_need_length_and_the_same_twice() {
        assert!(matches!(
            new_password("court", "court"),
            Err(Error::PasswordLength)
        ));
        assert!(matches!(
            new_password("assez long", "assez lonG"),
            Err(Error::PasswordsDiffer)
        ));
        assert!(new_password("phrase de passe", "phrase de passe").is_ok());
        assert!(matches!(
            new_password(&"a".repeat(129), &"a".repeat(129)),
            Err(Error::PasswordLength)
        ));
    }
}

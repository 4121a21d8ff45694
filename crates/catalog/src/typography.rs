//! French typography: the spaces that keep `; : ! ?` and `« »` on the line of their word.
//!
//! Authors type ordinary spaces; the renderer turns the ones before `; : ! ? »` and after `«`
//! into no-break spaces (U+00A0), so that a phone never wraps a colon or a question mark alone
//! onto the next line. U+00A0 rather than the narrower U+202F: it is in every font of every
//! phone the learners use, so it can never show as an empty box, and it is what keeps the line
//! together that matters here, not the width of the space.

use std::borrow::Cow;

/// The no-break space put before `; : ! ? »` and after `«`.
pub const NO_BREAK_SPACE: char = '\u{a0}';

/// Punctuation that a French space joins to the word before it.
fn joins_previous(c: char) -> bool {
    matches!(c, ';' | ':' | '!' | '?' | '»')
}

/// Whether a language's text gets French spacing.
pub(crate) fn is_french(lang: &str) -> bool {
    lang == "fr" || lang.starts_with("fr-")
}

/// `text` with each run of ordinary spaces before `; : ! ? »`, or after `«`, made one
/// no-break space. Nothing else changes: a colon without a space before it (`10:30`,
/// `https:`) stays as it is.
pub fn french_spaces(text: &str) -> Cow<'_, str> {
    if !text.contains(' ') {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != ' ' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        let after_guillemet = start > 0 && chars[start - 1] == '«';
        let before_punctuation = chars.get(i).copied().is_some_and(joins_previous);
        if after_guillemet || before_punctuation {
            out.push(NO_BREAK_SPACE);
            changed = true;
        } else {
            out.extend(&chars[start..i]);
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_before_high_punctuation_no_longer_break() {
        assert_eq!(
            french_spaces("Que faire ? Ceci : un ; deux !"),
            "Que faire\u{a0}? Ceci\u{a0}: un\u{a0}; deux\u{a0}!"
        );
    }

    #[test]
    fn spaces_inside_guillemets_no_longer_break() {
        assert_eq!(
            french_spaces("Il dit : « Il a 17 ans »."),
            "Il dit\u{a0}: «\u{a0}Il a 17 ans\u{a0}»."
        );
    }

    #[test]
    fn several_spaces_become_one_and_other_spaces_stay() {
        assert_eq!(french_spaces("mot   ?"), "mot\u{a0}?");
        assert_eq!(french_spaces("un deux trois"), "un deux trois");
    }

    #[test]
    fn punctuation_without_a_space_is_left_alone() {
        for text in ["https://example.org", "à 10:30", "Vrai/Faux?", "l’âge"] {
            assert_eq!(french_spaces(text), text);
            assert!(matches!(french_spaces(text), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn only_french_gets_french_spacing() {
        assert!(is_french("fr"));
        assert!(!is_french("en"));
    }
}

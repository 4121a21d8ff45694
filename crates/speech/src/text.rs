//! Shared helpers: language codes, whitespace, word scanning, word counting.

/// Processing language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    Fr,
    En,
    /// Any other language: only whitespace is normalised.
    Other,
}

impl Lang {
    /// "fr", "fr-FR", "FR" → Fr; "en", "en-GB" → En; anything else → Other.
    pub(crate) fn from_code(code: &str) -> Lang {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("fr") {
            Lang::Fr
        } else if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Other
        }
    }

    /// Picks the French or English text.
    pub(crate) fn pick(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Fr => fr,
            _ => en,
        }
    }
}

/// Collapses every run of whitespace (non-breaking spaces included) to one space.
pub(crate) fn normalize_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Number of words in prepared text (whitespace-separated runs holding a letter or digit).
pub fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Character at index `i`, if any.
pub(crate) fn at(chars: &[char], i: usize) -> Option<char> {
    chars.get(i).copied()
}

/// Character before index `i`.
pub(crate) fn before(chars: &[char], i: usize) -> Option<char> {
    i.checked_sub(1).and_then(|j| chars.get(j).copied())
}

/// True when `i` starts a word (the previous character is no letter or digit).
pub(crate) fn word_start(chars: &[char], i: usize) -> bool {
    before(chars, i).is_none_or(|c| !c.is_alphanumeric())
}

/// End of the letter run starting at `i`.
pub(crate) fn letters_end(chars: &[char], i: usize) -> usize {
    let mut j = i;
    while chars.get(j).is_some_and(|c| c.is_alphabetic()) {
        j += 1;
    }
    j
}

/// End of the ASCII digit run at `i`.
pub(crate) fn digits_end(chars: &[char], i: usize) -> usize {
    let mut j = i;
    while chars.get(j).is_some_and(|c| c.is_ascii_digit()) {
        j += 1;
    }
    j
}

/// Skips whitespace from `i`.
pub(crate) fn skip_spaces(chars: &[char], i: usize) -> usize {
    let mut j = i;
    while chars.get(j).is_some_and(|c| c.is_whitespace()) {
        j += 1;
    }
    j
}

/// True when `pat` occurs at index `i` (a space in the pattern matches any space).
pub(crate) fn matches_at(chars: &[char], i: usize, pat: &str) -> bool {
    let mut j = i;
    for p in pat.chars() {
        match chars.get(j) {
            Some(&c) if c == p || (p == ' ' && c.is_whitespace()) => j += 1,
            _ => return false,
        }
    }
    true
}

/// String of `chars[a..b]` (bounds checked).
pub(crate) fn slice(chars: &[char], a: usize, b: usize) -> String {
    let b = b.min(chars.len());
    if a >= b {
        return String::new();
    }
    chars[a..b].iter().collect()
}

/// Lower case without accents, to compare words.
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            '’' | 'ʼ' | '‘' => '\'',
            other => other,
        })
        .collect()
}

/// Upper-cases the first letter.
pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_accept_regions_and_case() {
        assert_eq!(Lang::from_code("fr"), Lang::Fr);
        assert_eq!(Lang::from_code("FR-fr"), Lang::Fr);
        assert_eq!(Lang::from_code("en_GB"), Lang::En);
        assert_eq!(Lang::from_code("bm"), Lang::Other);
        assert_eq!(Lang::from_code(""), Lang::Other);
    }

    #[test]
    fn whitespace_is_collapsed_including_no_break_spaces() {
        assert_eq!(normalize_whitespace("  a\u{a0}\u{202f}b\n\tc "), "a b c");
    }

    #[test]
    fn words_ignore_lone_punctuation() {
        assert_eq!(words("Un, deux ; trois D.N.P.E.F ."), 4);
        assert_eq!(words(""), 0);
    }

    #[test]
    fn fold_removes_case_and_accents() {
        assert_eq!(fold("Défense’É"), "defense'e");
    }

    #[test]
    fn scanning_helpers_stay_in_bounds() {
        let c: Vec<char> = "ab 12".chars().collect();
        assert_eq!(letters_end(&c, 0), 2);
        assert_eq!(digits_end(&c, 3), 5);
        assert_eq!(before(&c, 0), None);
        assert!(matches_at(&c, 1, "b 1"));
        assert!(!matches_at(&c, 4, "23"));
        assert_eq!(slice(&c, 3, 99), "12");
        assert_eq!(slice(&c, 4, 2), "");
    }
}

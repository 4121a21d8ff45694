//! Suffixes glued to digits: ordinals ("1er", "2e", "2nde", "21st"), English plural of years
//! ("1990s").

use crate::text::{Lang, before, letters_end, slice};

/// What follows the digits.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Suffix {
    None,
    /// Ordinal; `plural`: "1ers", "2es".
    Ordinal {
        feminine: bool,
        plural: bool,
    },
    /// "2nd"/"2nde" in French.
    Second {
        feminine: bool,
        plural: bool,
    },
    /// "1990s".
    Plural,
}

/// Ordinal suffix glued to the digits and followed by a non-letter.
pub(super) fn suffix(chars: &[char], i: usize, lang: Lang) -> (Suffix, usize) {
    let e = letters_end(chars, i);
    if e == i {
        return (Suffix::None, i);
    }
    let word = slice(chars, i, e);
    let n_is_one = before(chars, i) == Some('1')
        && !before(chars, i.saturating_sub(1)).is_some_and(|c| c.is_ascii_digit());
    let n_is_two = before(chars, i) == Some('2')
        && !before(chars, i.saturating_sub(1)).is_some_and(|c| c.is_ascii_digit());
    let found = match lang {
        Lang::Fr => match word.as_str() {
            "er" | "ᵉʳ" if n_is_one => Some(Suffix::Ordinal {
                feminine: false,
                plural: false,
            }),
            "ers" if n_is_one => Some(Suffix::Ordinal {
                feminine: false,
                plural: true,
            }),
            "re" | "ère" | "ʳᵉ" if n_is_one => Some(Suffix::Ordinal {
                feminine: true,
                plural: false,
            }),
            "res" | "ères" if n_is_one => Some(Suffix::Ordinal {
                feminine: true,
                plural: true,
            }),
            "e" | "ᵉ" | "ème" | "eme" | "è" => Some(Suffix::Ordinal {
                feminine: false,
                plural: false,
            }),
            "es" | "èmes" | "emes" => Some(Suffix::Ordinal {
                feminine: false,
                plural: true,
            }),
            "nd" if n_is_two => Some(Suffix::Second {
                feminine: false,
                plural: false,
            }),
            "nde" if n_is_two => Some(Suffix::Second {
                feminine: true,
                plural: false,
            }),
            "nds" if n_is_two => Some(Suffix::Second {
                feminine: false,
                plural: true,
            }),
            "ndes" if n_is_two => Some(Suffix::Second {
                feminine: true,
                plural: true,
            }),
            _ => None,
        },
        _ => match word.as_str() {
            "st" | "nd" | "rd" | "th" => Some(Suffix::Ordinal {
                feminine: false,
                plural: false,
            }),
            "s" => Some(Suffix::Plural),
            _ => None,
        },
    };
    match found {
        Some(s) => (s, e),
        None => (Suffix::None, i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, at: usize, lang: Lang) -> (Suffix, usize) {
        let chars: Vec<char> = text.chars().collect();
        suffix(&chars, at, lang)
    }

    #[test]
    fn french_suffixes_depend_on_the_number() {
        assert!(
            read("1er", 1, Lang::Fr)
                == (
                    Suffix::Ordinal {
                        feminine: false,
                        plural: false
                    },
                    3
                )
        );
        assert!(read("11er", 2, Lang::Fr) == (Suffix::None, 2));
        assert!(
            read("1re", 1, Lang::Fr)
                == (
                    Suffix::Ordinal {
                        feminine: true,
                        plural: false
                    },
                    3
                )
        );
        assert!(
            read("2nde", 1, Lang::Fr)
                == (
                    Suffix::Second {
                        feminine: true,
                        plural: false
                    },
                    4
                )
        );
        assert!(read("3nde", 1, Lang::Fr) == (Suffix::None, 1));
        assert!(
            read("4es", 1, Lang::Fr)
                == (
                    Suffix::Ordinal {
                        feminine: false,
                        plural: true
                    },
                    3
                )
        );
        assert!(read("4ans", 1, Lang::Fr) == (Suffix::None, 1));
    }

    #[test]
    fn english_suffixes() {
        assert!(
            read("21st", 2, Lang::En)
                == (
                    Suffix::Ordinal {
                        feminine: false,
                        plural: false
                    },
                    4
                )
        );
        assert!(read("1990s", 4, Lang::En) == (Suffix::Plural, 5));
        assert!(read("5km", 1, Lang::En) == (Suffix::None, 1));
    }
}

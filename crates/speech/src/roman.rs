//! Roman numerals: reading numbers ("XXVI" → 26) and Roman ordinals
//! ("XXe siècle" → "vingtième siècle", "IIe" → "deuxième", "XXth" → "twentieth").

use crate::numbers;
use crate::text::{Lang, at, letters_end, slice, word_start};

/// Value of a canonical Roman numeral (all upper or all lower case), 1–3999.
pub(crate) fn parse(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 15 {
        return None;
    }
    let upper = text.to_ascii_uppercase();
    if upper != text && text.to_ascii_lowercase() != text {
        return None;
    }
    let mut total: u32 = 0;
    let mut prev = 0;
    for c in upper.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0 && total < 4000 && to_roman(total) == upper).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// Roman numeral made only of I, V, X (at least two letters to count without context).
pub(crate) fn plain_value(token: &str) -> Option<u32> {
    if token.chars().count() >= 2 && token.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        parse(token)
    } else {
        None
    }
}

/// Replaces Roman ordinals ("XXe", "Ier", "XXth") with words.
pub(crate) fn apply(text: &str, lang: Lang) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if word_start(&chars, i) && matches!(chars[i], 'I' | 'V' | 'X') {
            let end = letters_end(&chars, i);
            if !at(&chars, end).is_some_and(|c| c.is_ascii_digit())
                && let Some(words) = ordinal_word(&slice(&chars, i, end), lang)
            {
                out.push_str(&words);
                i = end;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn ordinal_word(word: &str, lang: Lang) -> Option<String> {
    let split = word
        .char_indices()
        .find(|&(_, c)| !matches!(c, 'I' | 'V' | 'X'))
        .map(|(i, _)| i)?;
    let (number, suffix) = word.split_at(split);
    let n = u64::from(parse(number)?);
    let (feminine, plural) = match (lang, suffix) {
        (Lang::Fr, "er") if n == 1 => (false, false),
        (Lang::Fr, "re" | "ère") if n == 1 => (true, false),
        (Lang::Fr, "e" | "ème" | "ᵉ") if n > 1 => (false, false),
        (Lang::Fr, "es" | "èmes") if n > 1 => (false, true),
        (Lang::En, "st" | "nd" | "rd" | "th") => (false, false),
        _ => return None,
    };
    let words = numbers::ordinal(n, lang, feminine);
    Some(if plural { format!("{words}s") } else { words })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_canonical_numerals_only() {
        assert_eq!(parse("II"), Some(2));
        assert_eq!(parse("xxvi"), Some(26));
        assert_eq!(parse("vii"), Some(7));
        assert_eq!(parse("MCMXCIX"), Some(1999));
        assert_eq!(parse("IIII"), None);
        assert_eq!(parse("Ii"), None);
        assert_eq!(parse("IC"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("ABC"), None);
    }

    #[test]
    fn centuries_and_roman_ordinals_in_french() {
        assert_eq!(apply("au XXe siècle", Lang::Fr), "au vingtième siècle");
        assert_eq!(apply("la IIe partie", Lang::Fr), "la deuxième partie");
        assert_eq!(apply("le XIXe siècle", Lang::Fr), "le dix-neuvième siècle");
        assert_eq!(apply("François Ier", Lang::Fr), "François premier");
        assert_eq!(apply("la Ire", Lang::Fr), "la première");
    }

    #[test]
    fn english_roman_ordinals_and_untouched_words() {
        assert_eq!(apply("the XXth century", Lang::En), "the twentieth century");
        assert_eq!(apply("I think", Lang::En), "I think");
        assert_eq!(apply("Ie Ve", Lang::En), "Ie Ve");
        assert_eq!(apply("Vie et Xavier", Lang::Fr), "Vie et Xavier");
    }

    #[test]
    fn plain_values_need_two_letters() {
        assert_eq!(plain_value("II"), Some(2));
        assert_eq!(plain_value("I"), None);
        assert_eq!(plain_value("CD"), None);
    }
}

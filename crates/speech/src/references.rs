//! Legal references: "art. 8(2)(e)(vii)", "articles 1 to 3", "§ 2.1", and Roman numerals after
//! a keyword ("Additional Protocol II", "Phase II", "Title III").

use crate::numbers::cardinal;
use crate::roman;
use crate::text::{
    Lang, at, capitalize, digits_end, fold, letters_end, matches_at, skip_spaces, slice, word_start,
};

/// Words that announce a Roman numeral.
const ROMAN_KEYWORDS: &[&str] = &[
    "protocole",
    "protocoles",
    "additionnel",
    "additionnels",
    "phase",
    "titre",
    "chapitre",
    "livre",
    "annexe",
    "partie",
    "section",
    "tome",
    "volume",
    "niveau",
    "article",
    "protocol",
    "protocols",
    "additional",
    "title",
    "chapter",
    "book",
    "annex",
    "part",
    "level",
];

/// Words that link Roman numerals in a list.
const ROMAN_LINKS: &[&str] = &["et", "ou", "and", "or", ","];

/// Applies every reference rule.
pub(crate) fn apply(text: &str, lang: Lang) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    let mut last_roman_end: Option<usize> = None;
    while i < chars.len() {
        if word_start(&chars, i) {
            if let Some((spoken, next)) = article(&chars, i, lang) {
                out.push_str(&spoken);
                i = next;
                continue;
            }
            if chars[i] == '§' {
                let (spoken, next) = paragraph_sign(&chars, i, lang);
                out.push_str(&spoken);
                i = next;
                continue;
            }
            if let Some((spoken, next)) = keyword_roman(&chars, i, lang, last_roman_end) {
                out.push_str(&spoken);
                last_roman_end = Some(next);
                i = next;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// One reference: number, sub-number after a point, parts in brackets.
struct Reference {
    number: String,
    sub: Option<String>,
    parts: Vec<String>,
}

fn parse_reference(chars: &[char], i: usize) -> Option<(Reference, usize)> {
    let end = digits_end(chars, i);
    if end == i || end - i > 6 {
        return None;
    }
    let mut reference = Reference {
        number: slice(chars, i, end),
        sub: None,
        parts: Vec::new(),
    };
    let mut j = end;
    if at(chars, j) == Some('.') && at(chars, j + 1).is_some_and(|c| c.is_ascii_digit()) {
        let e = digits_end(chars, j + 1);
        reference.sub = Some(slice(chars, j + 1, e));
        j = e;
    }
    while at(chars, j) == Some('(') {
        let mut k = j + 1;
        while at(chars, k).is_some_and(char::is_alphanumeric) && k - j <= 8 {
            k += 1;
        }
        if k == j + 1 || at(chars, k) != Some(')') {
            break;
        }
        reference.parts.push(slice(chars, j + 1, k));
        j = k + 1;
    }
    Some((reference, j))
}

/// `paragraphs`: the first numeric part is a paragraph ("art. 8(2)").
fn speak_reference(r: &Reference, lang: Lang, paragraphs: bool) -> String {
    let number = |s: &str| {
        s.parse::<u64>()
            .map(|n| cardinal(n, lang))
            .unwrap_or_default()
    };
    let mut out = number(&r.number);
    if let Some(sub) = &r.sub {
        out.push_str(" point ");
        out.push_str(&number(sub));
    }
    let mut seen_letter = false;
    for (k, part) in r.parts.iter().enumerate() {
        out.push_str(", ");
        if part.chars().all(|c| c.is_ascii_digit()) {
            if k == 0 && paragraphs {
                out.push_str(lang.pick("paragraphe ", "paragraph "));
            }
            out.push_str(&number(part));
            continue;
        }
        let lower = part.to_lowercase();
        match roman::parse(&lower) {
            Some(n) if part.len() > 1 || seen_letter => out.push_str(&cardinal(n.into(), lang)),
            _ => {
                seen_letter = true;
                out.push_str(&lower);
            }
        }
    }
    out
}

/// "art.", "Art.", "article(s)" followed by one or more references.
fn article(chars: &[char], i: usize, lang: Lang) -> Option<(String, usize)> {
    let heads = [
        ("arts.", true),
        ("Arts.", true),
        ("art.", false),
        ("Art.", false),
        ("articles", true),
        ("Articles", true),
        ("article", false),
        ("Article", false),
    ];
    let (head, plural) = heads.iter().find(|(h, _)| matches_at(chars, i, h))?;
    let after = i + head.chars().count();
    if at(chars, after).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let start = skip_spaces(chars, after);
    let (first, mut j) = parse_reference(chars, start)?;
    let mut spoken = vec![speak_reference(&first, lang, true)];
    let mut had_parts = !first.parts.is_empty();
    // Rest of the list.
    loop {
        let k = skip_spaces(chars, j);
        let (link, after_link) = if at(chars, k) == Some(',') {
            (",".to_string(), k + 1)
        } else {
            let e = letters_end(chars, k);
            let word = slice(chars, k, e);
            if !["et", "à", "ou", "and", "to", "or"].contains(&word.as_str()) {
                break;
            }
            (word, e)
        };
        let n = skip_spaces(chars, after_link);
        if n == after_link {
            break;
        }
        let Some((next, e)) = parse_reference(chars, n) else {
            break;
        };
        let link = if link == "," {
            ",".to_string()
        } else if had_parts {
            format!(", {link}")
        } else {
            format!(" {link}")
        };
        had_parts = !next.parts.is_empty();
        spoken.push(format!("{link} {}", speak_reference(&next, lang, true)));
        j = e;
    }
    let word = if *plural || spoken.len() > 1 {
        "articles"
    } else {
        "article"
    };
    let word = if head.starts_with('A') {
        capitalize(word)
    } else {
        word.to_string()
    };
    Some((format!("{word} {}", spoken.concat()), j))
}

/// "§ 2.1" → "paragraph two point one".
fn paragraph_sign(chars: &[char], i: usize, lang: Lang) -> (String, usize) {
    let mut j = i + 1;
    let mut plural = false;
    if at(chars, j) == Some('§') {
        plural = true;
        j += 1;
    }
    let word = match (lang, plural) {
        (Lang::Fr, false) => "paragraphe",
        (Lang::Fr, true) => "paragraphes",
        (_, false) => "paragraph",
        (_, true) => "paragraphs",
    };
    let start = skip_spaces(chars, j);
    match parse_reference(chars, start) {
        Some((r, end)) => {
            // Parts are not paragraphs.
            (format!("{word} {}", speak_reference(&r, lang, false)), end)
        }
        None => (format!("{word} "), j),
    }
}

/// Roman numeral after a keyword ("Additional Protocol II") or in its list ("I and II").
fn keyword_roman(
    chars: &[char],
    i: usize,
    lang: Lang,
    last_roman_end: Option<usize>,
) -> Option<(String, usize)> {
    let end = letters_end(chars, i);
    if end == i || at(chars, end).is_some_and(|c| c.is_ascii_digit() || c == '\'') {
        return None;
    }
    let token = slice(chars, i, end);
    // Only I, V, X, L, C ("MIX", "CD" stay words); a single letter: I, V, X.
    let allowed = if token.chars().count() == 1 {
        "IVX"
    } else {
        "IVXLC"
    };
    if !token.chars().all(|c| allowed.contains(c)) {
        return None;
    }
    let value = roman::parse(&token)?;
    // Previous word.
    let mut p = i;
    while p > 0 && chars[p - 1].is_whitespace() {
        p -= 1;
    }
    if p == i {
        return None;
    }
    let prev_end = p;
    let prev_start = if chars.get(prev_end - 1) == Some(&',') {
        prev_end - 1
    } else {
        let mut s = prev_end;
        while s > 0 && chars[s - 1].is_alphabetic() {
            s -= 1;
        }
        s
    };
    let prev = slice(chars, prev_start, prev_end);
    let folded = fold(&prev);
    let after_keyword = ROMAN_KEYWORDS.contains(&folded.as_str());
    let in_list = ROMAN_LINKS.contains(&folded.as_str()) && {
        let mut q = prev_start;
        while q > 0 && chars[q - 1].is_whitespace() {
            q -= 1;
        }
        last_roman_end == Some(q)
    };
    // The English pronoun "I" is read "one" only after a capitalised keyword.
    if lang == Lang::En && token == "I" {
        let capital = prev.chars().next().is_some_and(char::is_uppercase) || folded == "additional";
        if !(after_keyword && capital) {
            return None;
        }
    }
    (after_keyword || in_list).then(|| (cardinal(value.into(), lang), end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_with_paragraph_letter_and_roman_point() {
        assert_eq!(
            apply("art. 8(2)(e)(vii)", Lang::Fr),
            "article huit, paragraphe deux, e, sept"
        );
        assert_eq!(
            apply("art. 8(2)(e)(vii)", Lang::En),
            "article eight, paragraph two, e, seven"
        );
        assert_eq!(apply("Art. 38", Lang::Fr), "Article trente-huit");
        assert_eq!(
            apply("art. 4(3)(c)", Lang::Fr),
            "article quatre, paragraphe trois, c"
        );
        assert_eq!(apply("art. 3(a)", Lang::En), "article three, a");
    }

    #[test]
    fn article_lists_and_ranges_are_plural() {
        assert_eq!(apply("art. 1 à 4", Lang::Fr), "articles un à quatre");
        assert_eq!(apply("articles 1 à 3", Lang::Fr), "articles un à trois");
        assert_eq!(
            apply("art. 1, 2 et 4", Lang::Fr),
            "articles un, deux et quatre"
        );
        assert_eq!(
            apply("art. 8(2)(b)(xxvi) and 8(2)(e)(vii)", Lang::En),
            "articles eight, paragraph two, b, twenty-six, and eight, paragraph two, e, seven"
        );
        assert_eq!(
            apply("art. 37 and 40", Lang::En),
            "articles thirty-seven and forty"
        );
    }

    #[test]
    fn paragraph_sign_reads_dotted_numbers() {
        assert_eq!(apply("§ 2.1", Lang::Fr), "paragraphe deux point un");
        assert_eq!(
            apply("§ 7.25", Lang::En),
            "paragraph seven point twenty-five"
        );
        assert_eq!(apply("§§ 3", Lang::Fr), "paragraphes trois");
        assert_eq!(apply("§ 2(a)", Lang::En), "paragraph two, a");
    }

    #[test]
    fn roman_numerals_after_keywords() {
        assert_eq!(
            apply("Protocole additionnel II", Lang::Fr),
            "Protocole additionnel deux"
        );
        assert_eq!(
            apply("Additional Protocol II", Lang::En),
            "Additional Protocol two"
        );
        assert_eq!(
            apply("Protocoles additionnels I et II", Lang::Fr),
            "Protocoles additionnels un et deux"
        );
        assert_eq!(
            apply("Protocols I and II", Lang::En),
            "Protocols one and two"
        );
        assert_eq!(
            apply("Phase II, Titre III", Lang::Fr),
            "Phase deux, Titre trois"
        );
    }

    #[test]
    fn pronoun_i_and_words_are_left_alone() {
        assert_eq!(
            apply("In this section I explain", Lang::En),
            "In this section I explain"
        );
        assert_eq!(apply("and I think", Lang::En), "and I think");
        assert_eq!(apply("la partie MIX", Lang::Fr), "la partie MIX");
        assert_eq!(apply("article premier", Lang::Fr), "article premier");
        assert_eq!(apply("l'article L", Lang::Fr), "l'article L");
    }
}

//! Pass that replaces the numbers of a text with words: thousands separators, decimals,
//! ordinals (1er, 2e, 1st), percentages, English years and dates.

use super::suffix::{Suffix, suffix};
use super::{MAX, cardinal, digits, english_plural, english_year, ordinal};
use crate::text::{Lang, at, before, digits_end, matches_at, skip_spaces, slice};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Replaces every number with its reading.
pub(crate) fn apply(text: &str, lang: Lang) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_ascii_digit() {
            out.push(c);
            i += 1;
            continue;
        }
        let (spoken, next) = read(&chars, i, lang, &out);
        // Minus sign: "-5" at a word start.
        if (out.ends_with('-') || out.ends_with('−'))
            && before(&chars, i.saturating_sub(1)).is_none_or(|p| p.is_whitespace() || p == '(')
        {
            out.pop();
            out.push_str(lang.pick("moins ", "minus "));
        }
        if out.chars().last().is_some_and(char::is_alphanumeric) {
            out.push(' ');
        }
        out.push_str(&spoken);
        if at(&chars, next).is_some_and(char::is_alphanumeric) {
            out.push(' ');
        }
        i = next;
    }
    out
}

fn is_group_separator(c: char, lang: Lang) -> bool {
    match lang {
        Lang::Fr => c == ' ' || c == '\u{202f}' || c == '\u{a0}' || c == '\u{2009}',
        _ => c == ',' || c == '\u{202f}' || c == '\u{a0}' || c == '\u{2009}',
    }
}

/// Reads the number starting at `start`; returns its reading and the index after it.
fn read(chars: &[char], start: usize, lang: Lang, out: &str) -> (String, usize) {
    let mut end = digits_end(chars, start);
    let mut integer = slice(chars, start, end);
    let mut grouped = false;
    if integer.len() <= 3 {
        // Thousands separators: exactly three digits after each separator.
        while at(chars, end).is_some_and(|c| is_group_separator(c, lang))
            && digits_end(chars, end + 1) == end + 4
        {
            integer.push_str(&slice(chars, end + 1, end + 4));
            end += 4;
            grouped = true;
        }
    }
    // Parts after the comma or point.
    let decimal_mark = lang.pick(",", ".");
    let mut decimal: Option<String> = None;
    let mut dotted: Vec<String> = Vec::new();
    if matches_at(chars, end, decimal_mark)
        && at(chars, end + 1).is_some_and(|c| c.is_ascii_digit())
    {
        let e = digits_end(chars, end + 1);
        decimal = Some(slice(chars, end + 1, e));
        end = e;
    }
    // "module 5.20", "IDDRS 5.20": a numbering, not a decimal.
    if lang == Lang::En && decimal.is_some() && numbering_context(out) {
        dotted.extend(decimal.take());
    }
    while at(chars, end) == Some('.') && at(chars, end + 1).is_some_and(|c| c.is_ascii_digit()) {
        let e = digits_end(chars, end + 1);
        dotted.push(slice(chars, end + 1, e));
        end = e;
    }
    let (suffix, after_suffix) = if decimal.is_none() && dotted.is_empty() {
        suffix(chars, end, lang)
    } else {
        (Suffix::None, end)
    };
    end = after_suffix;
    // Percentage.
    let p = skip_spaces(chars, end);
    let percent = at(chars, p) == Some('%');
    if percent {
        end = p + 1;
    }

    let value = integer.parse::<u64>().ok().filter(|&n| n <= MAX);
    let leading_zero = integer.len() > 1 && integer.starts_with('0');
    let mut spoken = match value {
        Some(n) if !leading_zero => speak_integer(
            n,
            &integer,
            grouped,
            suffix,
            decimal.is_some() || !dotted.is_empty(),
            lang,
        ),
        _ => digits(&integer, lang),
    };
    if let Some(frac) = decimal {
        spoken.push(' ');
        spoken.push_str(lang.pick("virgule", "point"));
        spoken.push(' ');
        spoken.push_str(&fraction(&frac, lang));
        // In English a second point numbers.
    }
    for part in &dotted {
        spoken.push_str(" point ");
        spoken.push_str(&segment(part, lang));
    }
    if percent {
        spoken.push_str(lang.pick(" pour cent", " per cent"));
    }
    // English date.
    let day = value.filter(|n| (1..=31).contains(n) && integer.len() <= 2);
    if lang == Lang::En
        && !percent
        && suffix == Suffix::None
        && !grouped
        && let Some(n) = day
    {
        let m = skip_spaces(chars, end);
        if m > end && MONTHS_EN.iter().any(|month| month_at(chars, m, month)) {
            let tail: String = out.trim_end().chars().rev().take(4).collect();
            let the = if tail.to_lowercase().starts_with("eht") {
                ""
            } else {
                "the "
            };
            spoken = format!("{the}{} of", ordinal(n, lang, false));
        }
    }
    (spoken, end)
}

/// Words after which "5.20" numbers.
const NUMBERING_WORDS: &[&str] = &[
    "module",
    "modules",
    "section",
    "sections",
    "chapter",
    "chapters",
    "paragraph",
    "paragraphs",
    "para",
    "version",
    "standard",
    "standards",
    "rule",
    "rules",
    "annex",
    "item",
    "clause",
    "step",
    "principle",
    "principles",
    "page",
    "pages",
];

fn numbering_context(out: &str) -> bool {
    let prev = out
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let word: String = prev.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = word.chars().count() >= 2 && word.chars().all(char::is_uppercase);
    acronym || NUMBERING_WORDS.contains(&word.to_lowercase().as_str())
}

fn month_at(chars: &[char], i: usize, month: &str) -> bool {
    matches_at(chars, i, month)
        && !at(chars, i + month.chars().count()).is_some_and(char::is_alphabetic)
}

fn speak_integer(
    n: u64,
    text: &str,
    grouped: bool,
    suffix: Suffix,
    has_fraction: bool,
    lang: Lang,
) -> String {
    let plural = |s: String, yes: bool| if yes { format!("{s}s") } else { s };
    match suffix {
        Suffix::Ordinal {
            feminine,
            plural: p,
        } => plural(ordinal(n, lang, feminine), p),
        Suffix::Second {
            feminine,
            plural: p,
        } => plural(if feminine { "seconde" } else { "second" }.to_string(), p),
        Suffix::Plural => {
            let words = english_year(n).unwrap_or_else(|| cardinal(n, lang));
            english_plural(&words)
        }
        Suffix::None => {
            let is_year = lang == Lang::En && !grouped && !has_fraction && text.len() == 4;
            match english_year(n).filter(|_| is_year) {
                Some(year) => year,
                None => cardinal(n, lang),
            }
        }
    }
}

/// Decimal part: "virgule cinquante" in French, digit by digit in English.
fn fraction(frac: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return digits(frac, lang);
    }
    let zeros = frac.len() - frac.trim_start_matches('0').len();
    let rest = &frac[zeros..];
    let mut parts: Vec<String> = Vec::new();
    if zeros > 0 {
        parts.push(digits(&frac[..zeros], lang));
    }
    if !rest.is_empty() {
        parts.push(segment(rest, lang));
    }
    parts.join(" ")
}

/// Section number segment.
fn segment(part: &str, lang: Lang) -> String {
    match part.parse::<u64>() {
        Ok(n) if part.len() <= 3 && !(part.len() > 1 && part.starts_with('0')) => cardinal(n, lang),
        _ => digits(part, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(s: &str) -> String {
        apply(s, Lang::Fr)
    }
    fn en(s: &str) -> String {
        apply(s, Lang::En)
    }

    #[test]
    fn french_numbers_in_a_sentence() {
        assert_eq!(fr("15 ans et 18 ans"), "quinze ans et dix-huit ans");
        assert_eq!(fr("1 000 enfants"), "mille enfants");
        assert_eq!(fr("1\u{202f}500\u{a0}000"), "un million cinq cent mille");
        assert_eq!(fr("1,5 %"), "un virgule cinq pour cent");
        assert_eq!(fr("0,05"), "zéro virgule zéro cinq");
        assert_eq!(fr("module 5.20"), "module cinq point vingt");
        assert_eq!(fr("en 2002."), "en deux mille deux.");
    }

    #[test]
    fn french_ordinals_with_suffixes() {
        assert_eq!(fr("le 1er mai"), "le premier mai");
        assert_eq!(fr("la 1re fois"), "la première fois");
        assert_eq!(fr("la 2e leçon"), "la deuxième leçon");
        assert_eq!(fr("les 3es"), "les troisièmes");
        assert_eq!(fr("la 2nde"), "la seconde");
        assert_eq!(fr("21e"), "vingt et unième");
    }

    #[test]
    fn english_numbers_years_and_dates() {
        assert_eq!(en("15%"), "fifteen per cent");
        assert_eq!(en("1,000 children"), "one thousand children");
        assert_eq!(en("in 1999"), "in nineteen ninety-nine");
        assert_eq!(en("in 2013"), "in two thousand and thirteen");
        assert_eq!(en("3.14"), "three point one four");
        assert_eq!(en("module 5.20"), "module five point twenty");
        assert_eq!(en("(IDDRS 5.20)"), "(IDDRS five point twenty)");
        assert_eq!(en("the 1990s"), "the nineteen nineties");
        assert_eq!(
            en("on 30 June 2023"),
            "on the thirtieth of June two thousand and twenty-three"
        );
        assert_eq!(en("the 4 May"), "the fourth of May");
        assert_eq!(en("1st, 2nd, 3rd, 4th"), "first, second, third, fourth");
        assert_eq!(en("1,2"), "one,two");
    }

    #[test]
    fn letters_glued_to_digits_are_separated() {
        assert_eq!(fr("A4"), "A quatre");
        assert_eq!(en("G5 Sahel"), "G five Sahel");
        assert_eq!(en("16-year-old"), "sixteen-year-old");
        assert_eq!(fr("-5 degrés"), "moins cinq degrés");
    }

    #[test]
    fn huge_and_zero_padded_numbers_are_read_digit_by_digit() {
        let huge = format!("1{}", "0".repeat(30));
        let spoken = fr(&huge);
        assert!(spoken.starts_with("un zéro zéro"));
        assert_eq!(spoken.split(' ').count(), 31);
        assert_eq!(en("007"), "zero zero seven");
    }
}

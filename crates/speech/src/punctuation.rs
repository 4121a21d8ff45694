//! Punctuation and symbols, in two passes: `pre` (before numbers: spaces, apostrophes, "/",
//! "&", dashes and ranges) and `post` (at the end: quotes, brackets, bullets, arrows, leftover
//! symbols, and merged punctuation so that espeak-ng pauses).

use crate::text::{Lang, at, before};

const DASHES: &[char] = &['–', '—', '―', '‒'];

/// Grouping spaces between digits kept as a narrow no-break space (U+202F).
pub(crate) const DIGIT_GROUP: char = '\u{202f}';

/// First pass.
pub(crate) fn pre(text: &str, lang: Lang) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    for (i, &c) in chars.iter().enumerate() {
        let prev = before(&chars, i);
        let next = at(&chars, i + 1);
        match c {
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            '\u{2010}' | '\u{2011}' => out.push('-'),
            '’' | 'ʼ' | '‘' | '′' => out.push('\''),
            c if c.is_whitespace() => {
                if c != ' ' && !c.is_control() && digit(prev) && digit(next) {
                    out.push(DIGIT_GROUP);
                } else {
                    out.push(' ');
                }
            }
            '/' => {
                let letters =
                    prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic);
                if letters && !out.ends_with(lang.pick("et", "and")) {
                    out.push_str(lang.pick(" ou ", " or "));
                } else {
                    out.push(' ');
                }
            }
            '&' => out.push_str(lang.pick(" et ", " and ")),
            '…' => out.push('.'),
            c if DASHES.contains(&c) || (c == '-' && digit(prev) && digit(next)) => {
                if digit(last_non_space(&out)) && digit(next_non_space(&chars, i + 1)) {
                    out.push_str(lang.pick(" à ", " to "));
                } else {
                    out.push_str(", ");
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn last_non_space(out: &str) -> Option<char> {
    out.chars().rev().find(|c| !c.is_whitespace())
}

fn next_non_space(chars: &[char], i: usize) -> Option<char> {
    chars.get(i..)?.iter().copied().find(|c| !c.is_whitespace())
}

/// Marks that merge, strongest first.
const MARKS: [char; 6] = ['?', '!', '.', ':', ';', ','];

/// Last pass.
pub(crate) fn post(text: &str, lang: Lang) -> String {
    let mapped = map_symbols(text, lang);
    merge_marks(&mapped, lang)
}

/// Indices of quotes around a short term (two words at most, no punctuation):
/// 'No “weapon test”' reads without a pause; quoted speech keeps its pauses.
fn silent_quotes(chars: &[char]) -> Vec<bool> {
    let mut silent = vec![false; chars.len()];
    for (i, &c) in chars.iter().enumerate() {
        let close = match c {
            '«' => '»',
            '“' | '„' => '”',
            '‹' => '›',
            '"' if before(chars, i).is_none_or(|p| !p.is_alphanumeric()) => '"',
            _ => continue,
        };
        let Some(len) = chars[i + 1..].iter().take(80).position(|&d| d == close) else {
            continue;
        };
        let inner: String = chars[i + 1..i + 1 + len].iter().collect();
        let short = inner.split_whitespace().count() <= 2;
        if short && !inner.trim().is_empty() && !inner.contains(['.', '!', '?', ':', ';', ',']) {
            silent[i] = true;
            silent[i + 1 + len] = true;
        }
    }
    silent
}

fn map_symbols(text: &str, lang: Lang) -> String {
    let chars: Vec<char> = text.chars().collect();
    let silent = silent_quotes(&chars);
    let mut out = String::with_capacity(text.len() + 16);
    for (i, &c) in chars.iter().enumerate() {
        if silent.get(i).copied().unwrap_or(false) {
            out.push(' ');
            continue;
        }
        let prev = before(&chars, i);
        let next = at(&chars, i + 1);
        let spaced = prev.is_none_or(char::is_whitespace) && next.is_none_or(char::is_whitespace);
        match c {
            '(' | ')' | '[' | ']' | '{' | '}' | '«' | '»' | '“' | '”' | '„' | '‹' | '›' | '"' => {
                out.push_str(" , ")
            }
            c if DASHES.contains(&c) => out.push_str(" , "),
            '-' if spaced => out.push_str(" , "),
            '•' | '◦' | '▪' | '▫' | '‣' | '·' | '☐' | '☑' | '☒' | '□' | '■' | '✓' | '✔' | '✗'
            | '✘' | '←' | '↔' => out.push_str(" , "),
            '→' | '⇒' | '➔' | '➜' | '⟶' => {
                out.push_str(lang.pick(" , puis ", " , then "))
            }
            '=' if spaced => out.push_str(lang.pick(" égale ", " equals ")),
            '+' if spaced => out.push_str(" plus "),
            '%' => out.push_str(lang.pick(" pour cent ", " per cent ")),
            '‰' => out.push_str(lang.pick(" pour mille ", " per thousand ")),
            '§' => out.push_str(lang.pick(" paragraphe ", " paragraph ")),
            '°' => out.push_str(lang.pick(" degrés ", " degrees ")),
            '€' => out.push_str(" euros "),
            '$' => out.push_str(" dollars "),
            '£' => out.push_str(lang.pick(" livres ", " pounds ")),
            '*' | '#' | '|' | '_' | '~' | '`' | '^' | '\\' | '<' | '>' | '=' | '+' | '/' | '&' => {
                out.push(' ')
            }
            // Box-drawing characters ("├──").
            '\u{2500}'..='\u{257f}' => out.push(' '),
            c if c == DIGIT_GROUP || c.is_whitespace() || c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A mark is "free" unless it sits between two letters or digits ("D.N.P.E.F").
fn merge_marks(text: &str, lang: Lang) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // Capital letter at a sentence start.
    let mut capital = true;
    while i < chars.len() {
        let c = chars[i];
        let free_mark =
            MARKS.contains(&c) && !(c != ',' && word(before(&chars, i)) && word(at(&chars, i + 1)));
        if !(free_mark || c.is_whitespace()) {
            if capital && c.is_alphanumeric() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            capital = false;
            i += 1;
            continue;
        }
        // Run of spaces and free marks.
        let mut j = i;
        let mut strongest: Option<usize> = None;
        while j < chars.len() {
            let d = chars[j];
            if d.is_whitespace() {
                j += 1;
                continue;
            }
            let free = MARKS.contains(&d)
                && !(d != ',' && word(before(&chars, j)) && word(at(&chars, j + 1)));
            if !free {
                break;
            }
            if let Some(rank) = MARKS.iter().position(|&m| m == d) {
                strongest = Some(strongest.map_or(rank, |s| s.min(rank)));
            }
            j += 1;
        }
        let at_start = out.trim_end().is_empty();
        let at_end = j >= chars.len();
        match strongest {
            _ if at_start => {}
            // Useless final comma.
            Some(rank) if at_end && matches!(MARKS[rank], ',' | ';') => {}
            Some(rank) => {
                let mark = MARKS[rank];
                let trimmed = out.trim_end().len();
                out.truncate(trimmed);
                if lang == Lang::Fr && matches!(mark, '?' | '!' | ':' | ';') {
                    out.push(' ');
                }
                out.push(mark);
                capital = matches!(mark, '.' | '!' | '?');
                if !at_end {
                    out.push(' ');
                }
            }
            None if !at_end => out.push(' '),
            None => {}
        }
        i = j;
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str, lang: Lang) -> String {
        post(&pre(s, lang), lang)
    }

    #[test]
    fn french_quotes_become_pauses() {
        assert_eq!(
            clean(
                "Un soldat dit\u{a0}: «\u{202f}La Convention dit quinze ans.\u{202f}» Il se trompe.",
                Lang::Fr
            ),
            "Un soldat dit : La Convention dit quinze ans. Il se trompe."
        );
        assert_eq!(
            clean("il dit « oui, bien sûr » et part", Lang::Fr),
            "Il dit, oui, bien sûr, et part"
        );
        assert_eq!(
            clean("« Il était volontaire » n'est pas", Lang::Fr),
            "Il était volontaire, n'est pas"
        );
        assert_eq!(
            clean("No “weapon test”: the role", Lang::En),
            "No weapon test: the role"
        );
        assert_eq!(
            clean("the \"benefit\" of it", Lang::En),
            "The benefit of it"
        );
    }

    #[test]
    fn dashes_slashes_and_ampersands() {
        assert_eq!(
            clean("Mali – Nations unies", Lang::Fr),
            "Mali, Nations unies"
        );
        assert_eq!(
            clean("fille/garçon & mère", Lang::Fr),
            "Fille ou garçon et mère"
        );
        assert_eq!(clean("boy/girl", Lang::En), "Boy or girl");
        assert_eq!(clean("et/ou", Lang::Fr), "Et ou");
        assert_eq!(pre("15–17", Lang::Fr), "15 à 17");
        assert_eq!(pre("1990-1999", Lang::En), "1990 to 1999");
        assert_eq!(pre("SC/13324", Lang::En), "SC 13324");
        assert_eq!(pre("1\u{a0}000", Lang::Fr), "1\u{202f}000");
    }

    #[test]
    fn brackets_ellipses_and_leftover_symbols() {
        assert_eq!(
            clean("le document (photo, nom, date) ? oui", Lang::Fr),
            "Le document, photo, nom, date ? Oui"
        );
        assert_eq!(
            clean("Âge dit : ……… Âge estimé", Lang::Fr),
            "Âge dit. Âge estimé"
        );
        assert_eq!(
            clean("Fille ☐ Garçon ☐ — Âge", Lang::Fr),
            "Fille, Garçon, Âge"
        );
        assert_eq!(clean("**gras** # | _x_", Lang::En), "Gras x");
        assert_eq!(clean("A → B", Lang::Fr), "A, puis B");
        assert_eq!(clean("├── images │ └── x", Lang::Fr), "Images x");
        assert_eq!(clean("Why?  Because!", Lang::En), "Why? Because!");
    }

    #[test]
    fn spelled_acronyms_keep_their_dots() {
        assert_eq!(
            clean("à la D.N.P.E.F, ; et", Lang::Fr),
            "À la D.N.P.E.F ; et"
        );
        assert_eq!(clean("the U.N. the", Lang::En), "The U.N. The");
    }

    #[test]
    fn only_punctuation_gives_empty_text() {
        assert_eq!(clean(" ,;:. ( ) « » — ", Lang::Fr), "");
    }
}

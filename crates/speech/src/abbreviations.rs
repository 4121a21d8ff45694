//! Common abbreviations: "etc.", "p. ex.", "c.-à-d.", "M.", "Mme", "n°", "e.g.", "i.e.",
//! "No.", and a few units after a number ("km", "kg", "h").

use crate::text::{Lang, at, before, digits_end, matches_at, skip_spaces, word_start};

/// When an abbreviation applies.
#[derive(Clone, Copy, PartialEq)]
enum When {
    /// Anywhere.
    Any,
    /// Before a proper name (capital letter).
    BeforeName,
    /// Before a number.
    BeforeNumber,
    /// After a number (unit); `one` is the singular form.
    AfterNumber { one: &'static str },
}

struct Abbr {
    from: &'static str,
    to: &'static str,
    when: When,
}

const fn abbr(from: &'static str, to: &'static str, when: When) -> Abbr {
    Abbr { from, to, when }
}

use When::{AfterNumber, Any, BeforeName, BeforeNumber};

/// Longest first where patterns overlap.
const FRENCH: &[Abbr] = &[
    abbr("c.-à-d.", "c'est-à-dire", Any),
    abbr("c-à-d", "c'est-à-dire", Any),
    abbr("c.à.d.", "c'est-à-dire", Any),
    abbr("p. ex.", "par exemple", Any),
    abbr("p.ex.", "par exemple", Any),
    abbr("P. ex.", "Par exemple", Any),
    abbr("etc.", "et cétéra", Any),
    abbr("etc", "et cétéra", Any),
    abbr("cf.", "voir", Any),
    abbr("env.", "environ", Any),
    abbr("MM.", "messieurs", BeforeName),
    abbr("M.", "monsieur", BeforeName),
    abbr("Mmes", "mesdames", BeforeName),
    abbr("Mme", "madame", BeforeName),
    abbr("Mlle", "mademoiselle", BeforeName),
    abbr("Dr", "docteur", BeforeName),
    abbr("Pr", "professeur", BeforeName),
    abbr("Me", "maître", BeforeName),
    abbr("n°s", "numéros", BeforeNumber),
    abbr("nos", "numéros", BeforeNumber),
    abbr("n°", "numéro", BeforeNumber),
    abbr("nº", "numéro", BeforeNumber),
    abbr("N°", "numéro", BeforeNumber),
    abbr("Nº", "numéro", BeforeNumber),
    abbr("no", "numéro", BeforeNumber),
    abbr("al.", "alinéa", BeforeNumber),
    abbr("pp.", "pages", BeforeNumber),
    abbr("p.", "page", BeforeNumber),
    abbr("chap.", "chapitre", BeforeNumber),
    abbr("vol.", "volume", BeforeNumber),
    abbr("km", "kilomètres", AfterNumber { one: "kilomètre" }),
    abbr("kg", "kilos", AfterNumber { one: "kilo" }),
    abbr("min", "minutes", AfterNumber { one: "minute" }),
    abbr("h", "heures", AfterNumber { one: "heure" }),
];

const ENGLISH: &[Abbr] = &[
    abbr("e.g.", "for example", Any),
    abbr("E.g.", "For example", Any),
    abbr("i.e.", "that is", Any),
    abbr("I.e.", "That is", Any),
    abbr("etc.", "et cetera", Any),
    abbr("etc", "et cetera", Any),
    abbr("cf.", "compare", Any),
    abbr("vs.", "versus", Any),
    abbr("approx.", "approximately", Any),
    abbr("Mrs.", "Missus", BeforeName),
    abbr("Mrs", "Missus", BeforeName),
    abbr("Mr.", "Mister", BeforeName),
    abbr("Mr", "Mister", BeforeName),
    abbr("Ms.", "Miz", BeforeName),
    abbr("Ms", "Miz", BeforeName),
    abbr("Dr.", "Doctor", BeforeName),
    abbr("Dr", "Doctor", BeforeName),
    abbr("Prof.", "Professor", BeforeName),
    abbr("Nos.", "numbers", BeforeNumber),
    abbr("No.", "number", BeforeNumber),
    abbr("no.", "number", BeforeNumber),
    abbr("n°", "number", BeforeNumber),
    abbr("paras.", "paragraphs", BeforeNumber),
    abbr("para.", "paragraph", BeforeNumber),
    abbr("pp.", "pages", BeforeNumber),
    abbr("p.", "page", BeforeNumber),
    abbr("ch.", "chapter", BeforeNumber),
    abbr("vol.", "volume", BeforeNumber),
    abbr("km", "kilometres", AfterNumber { one: "kilometre" }),
    abbr("kg", "kilograms", AfterNumber { one: "kilogram" }),
    abbr("min", "minutes", AfterNumber { one: "minute" }),
];

/// Expands abbreviations.
pub(crate) fn apply(text: &str, lang: Lang) -> String {
    let table = match lang {
        Lang::Fr => FRENCH,
        Lang::En => ENGLISH,
        Lang::Other => return text.to_string(),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    'scan: while i < chars.len() {
        let after_digit = before(&chars, i).is_some_and(|c| c.is_ascii_digit());
        if word_start(&chars, i) || after_digit {
            for a in table {
                if after_digit && !matches!(a.when, AfterNumber { .. }) {
                    continue;
                }
                if let Some((spoken, next)) = try_abbr(&chars, i, a) {
                    out.push_str(&spoken);
                    i = next;
                    continue 'scan;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn try_abbr(chars: &[char], i: usize, a: &Abbr) -> Option<(String, usize)> {
    if !matches_at(chars, i, a.from) {
        return None;
    }
    let end = i + a.from.chars().count();
    let last = a.from.chars().last()?;
    let next = at(chars, end);
    let glued = match a.when {
        AfterNumber { .. } => next.is_some_and(char::is_alphabetic),
        _ => next.is_some_and(char::is_alphanumeric),
    };
    if last.is_alphanumeric() && glued {
        return None;
    }
    let mut spoken = a.to.to_string();
    match a.when {
        Any => {
            // "etc." ending a sentence keeps its stop.
            if last == '.' {
                let n = skip_spaces(chars, end);
                if n >= chars.len() || (n > end && chars[n].is_uppercase()) {
                    spoken.push('.');
                }
            }
        }
        BeforeName => {
            let n = skip_spaces(chars, end);
            if n == end || !at(chars, n).is_some_and(char::is_uppercase) {
                return None;
            }
        }
        BeforeNumber => {
            let n = skip_spaces(chars, end);
            if !at(chars, n).is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
        }
        AfterNumber { one } => {
            let mut p = i;
            if before(chars, p).is_some_and(char::is_whitespace) {
                p -= 1;
            }
            if !before(chars, p).is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            let mut s = p - 1;
            while s > 0 && chars[s - 1].is_ascii_digit() {
                s -= 1;
            }
            let single = digits_end(chars, s) == p
                && p - s == 1
                && chars[s] == '1'
                && !before(chars, s).is_some_and(|c| c == ',' || c == '.');
            if single {
                spoken = one.to_string();
            }
            if p == i {
                spoken.insert(0, ' ');
            }
        }
    }
    Some((spoken, end))
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
    fn french_abbreviations() {
        assert_eq!(fr("des papiers, etc. et"), "des papiers, et cétéra et");
        assert_eq!(fr("des papiers, etc. Puis"), "des papiers, et cétéra. Puis");
        assert_eq!(fr("p. ex. un acte"), "par exemple un acte");
        assert_eq!(fr("c.-à-d. un enfant"), "c'est-à-dire un enfant");
        assert_eq!(
            fr("M. Diarra et Mme Keïta"),
            "monsieur Diarra et madame Keïta"
        );
        assert_eq!(
            fr("Convention n° 182, no 3"),
            "Convention numéro 182, numéro 3"
        );
        assert_eq!(
            fr("à 5 km, 1 km, 14h30"),
            "à 5 kilomètres, 1 kilomètre, 14 heures30"
        );
    }

    #[test]
    fn french_words_that_look_like_abbreviations_stay() {
        assert_eq!(fr("M. le chef"), "M. le chef");
        assert_eq!(fr("Me voici, no comment"), "Me voici, no comment");
        assert_eq!(fr("le chemin"), "le chemin");
        assert_eq!(fr("un h et hmm"), "un h et hmm");
        assert_eq!(fr("metc."), "metc.");
    }

    #[test]
    fn english_abbreviations() {
        assert_eq!(
            en("e.g. a birth certificate"),
            "for example a birth certificate"
        );
        assert_eq!(en("i.e. a child"), "that is a child");
        assert_eq!(en("Convention No. 182"), "Convention number 182");
        assert_eq!(en("Mr Diarra"), "Mister Diarra");
        assert_eq!(en("No. I refuse"), "No. I refuse");
        assert_eq!(en("no one"), "no one");
    }
}

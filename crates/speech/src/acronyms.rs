//! Acronyms: expansion of an acronym defined in the glossary at its first use
//! ("National Directorate …, D.N.P.E.F,"), then spelling letter by letter with dots
//! ("D.N.P.E.F"); acronyms said as words (UNICEF, MINUSMA…) are left as they are.

use std::collections::HashSet;

use crate::glossary::Glossary;
use crate::numbers::cardinal;
use crate::roman;
use crate::text::{Lang, at, before, fold, letters_end, skip_spaces, slice};

/// Acronyms pronounced as words.
pub(crate) const SPOKEN_AS_WORDS: &[&str] = &[
    "UNICEF", "UNESCO", "UNOWAS", "UNAIDS", "ONUSIDA", "OTAN", "NATO", "MINUSMA", "MINUSCA",
    "MONUSCO", "CEDEAO", "ECOWAS", "SIDA", "AIDS", "OCHA", "AQMI", "MUJAO", "COVID", "INTERPOL",
    "FRONTEX", "ASEAN", "OPEC", "OPEP", "UNITA",
];

/// Beyond this length, an all-capitals word is a shouted word, not an acronym.
const MAX_ACRONYM_LEN: usize = 7;

/// An acronym found in the text.
struct Token {
    start: usize,
    end: usize,
    /// Without the plural "s".
    base: String,
    plural: bool,
}

/// Runs of capital letters (at least 2), with an optional plural "s".
fn token_at(chars: &[char], i: usize) -> Option<Token> {
    if before(chars, i).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let end = letters_end(chars, i);
    if at(chars, end).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let word = slice(chars, i, end);
    let (base, plural) = match word.strip_suffix('s') {
        Some(b) => (b.to_string(), true),
        None => (word.clone(), false),
    };
    let caps = base.chars().count() >= 2 && base.chars().all(char::is_uppercase);
    caps.then_some(Token {
        start: i,
        end,
        base,
        plural,
    })
}

/// The acronym is said as a word.
pub(crate) fn is_word_acronym(base: &str) -> bool {
    SPOKEN_AS_WORDS.contains(&base)
}

/// Spells "DNPEF" → "D.N.P.E.F"; English plural "N.G.O's".
pub(crate) fn spell(base: &str, plural: bool, lang: Lang) -> String {
    let letters: Vec<String> = base.chars().map(String::from).collect();
    let mut out = letters.join(".");
    if plural && lang == Lang::En {
        out.push_str("'s");
    }
    out
}

/// Inserts the expansion at the first use of each glossary acronym.
pub(crate) fn expand(text: &str, lang: Lang, glossary: &Glossary) -> String {
    if glossary.is_empty() {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 64);
    let mut seen: HashSet<String> = HashSet::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(token) = token_at(&chars, i) else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        let word = slice(&chars, token.start, token.end);
        if !is_word_acronym(&token.base) && seen.insert(token.base.clone()) {
            let expansion = glossary
                .expansion(&word)
                .or_else(|| glossary.expansion(&token.base));
            if let Some(expansion) = expansion
                && !defined_in_place(&chars, &token, expansion)
            {
                if token.plural
                    || (lang == Lang::Fr && after_plural_determiner(&chars, token.start))
                {
                    out.push_str(&pluralize(expansion, lang));
                } else {
                    out.push_str(expansion);
                }
                out.push_str(", ");
                out.push_str(&word);
                out.push(',');
                i = token.end;
                continue;
            }
        }
        out.push_str(&word);
        i = token.end;
    }
    out
}

/// French plural determiners ("les ONG").
const PLURAL_DETERMINERS: &[&str] = &[
    "les",
    "des",
    "aux",
    "ces",
    "ses",
    "leurs",
    "nos",
    "vos",
    "plusieurs",
    "certaines",
    "certains",
];

fn after_plural_determiner(chars: &[char], start: usize) -> bool {
    let mut e = start;
    while e > 0 && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && chars[s - 1].is_alphabetic() {
        s -= 1;
    }
    e < start && PLURAL_DETERMINERS.contains(&slice(chars, s, e).to_lowercase().as_str())
}

/// Pluralises the noun (and its adjectives) before the first complement:
/// "organisation non gouvernementale" → "organisations non gouvernementales";
/// "non-governmental organisation" → "non-governmental organisations".
pub(crate) fn pluralize(expansion: &str, lang: Lang) -> String {
    let words: Vec<&str> = expansion.split(' ').collect();
    let stops_fr = [
        "de", "du", "des", "pour", "à", "au", "aux", "en", "sur", "contre", "et",
    ];
    let stops_en = ["of", "for", "on", "in", "to", "against", "with", "from"];
    let is_stop = |w: &str| match lang {
        Lang::Fr => {
            stops_fr.contains(&w)
                || w.starts_with("d'")
                || w.starts_with("d’")
                || w.starts_with("l'")
                || w.starts_with("l’")
        }
        _ => stops_en.contains(&w),
    };
    let head_len = words.iter().position(|w| is_stop(w)).unwrap_or(words.len());
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    let plural_fr = |w: &str| {
        if w == "non" || w.ends_with(['s', 'x', 'z']) {
            w.to_string()
        } else if let Some(stem) = w.strip_suffix("al") {
            format!("{stem}aux")
        } else if w.ends_with("eau") {
            format!("{w}x")
        } else {
            format!("{w}s")
        }
    };
    let plural_en = |w: &str| {
        let vowel_y = ["ay", "ey", "oy", "uy"].iter().any(|e| w.ends_with(e));
        let consonant_y = w.len() > 1 && w.ends_with('y') && !vowel_y;
        if w.ends_with('s') {
            w.to_string()
        } else if consonant_y {
            format!("{}ies", &w[..w.len() - 1])
        } else if w.ends_with("ch") || w.ends_with("sh") || w.ends_with('x') {
            format!("{w}es")
        } else {
            format!("{w}s")
        }
    };
    match lang {
        Lang::Fr => {
            for w in out.iter_mut().take(head_len) {
                *w = plural_fr(w);
            }
        }
        _ => {
            if let Some(w) = head_len.checked_sub(1).and_then(|k| out.get_mut(k)) {
                *w = plural_en(w);
            }
        }
    }
    out.join(" ")
}

/// The text already gives the expansion: "Forces … (FDS)", "FDS (Forces …)", "FDS: Forces …".
fn defined_in_place(chars: &[char], token: &Token, expansion: &str) -> bool {
    let mut p = token.start;
    while p > 0 && chars[p - 1].is_whitespace() {
        p -= 1;
    }
    let q = skip_spaces(chars, token.end);
    if before(chars, p) == Some('(') && at(chars, q) == Some(')') {
        return true;
    }
    if at(chars, q).is_some_and(|c| "(,:–—-".contains(c)) {
        let r = skip_spaces(chars, q + 1);
        let first = fold(expansion.split_whitespace().next().unwrap_or(""));
        let next = fold(&slice(chars, r, r + first.chars().count()));
        if !first.is_empty() && next == first {
            return true;
        }
    }
    let from = token.start.saturating_sub(expansion.chars().count() + 8);
    let preceding = fold(&slice(chars, from, token.start));
    let preceding = preceding.trim_end_matches(|c: char| c.is_whitespace() || c == '(' || c == ',');
    preceding.ends_with(&fold(expansion))
}

/// Spells the remaining acronyms; reads lone Roman numerals ("II"); lowers shouted words.
pub(crate) fn spell_all(text: &str, lang: Lang, glossary: &Glossary) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 32);
    let mut i = 0;
    while i < chars.len() {
        let Some(token) = token_at(&chars, i) else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        let word = slice(&chars, token.start, token.end);
        let defined =
            glossary.expansion(&word).is_some() || glossary.expansion(&token.base).is_some();
        if is_word_acronym(&token.base) {
            out.push_str(&word);
        } else if let Some(n) = roman::plain_value(&word).filter(|_| !defined) {
            out.push_str(&cardinal(n.into(), lang));
        } else if token.base.chars().count() > MAX_ACRONYM_LEN && !defined {
            out.push_str(&word.to_lowercase());
        } else {
            out.push_str(&spell(&token.base, token.plural, lang));
        }
        i = token.end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> Glossary {
        Glossary::from_markdown(
            "- **FDS** : Forces de défense et de sécurité.\n- **NGO**: non-governmental organisation.\n- **UNICEF** : Fonds des Nations unies pour l'enfance.",
        )
    }

    #[test]
    fn first_use_is_expanded_then_spelled() {
        let g = glossary();
        let text = expand("Les FDS protègent. Les FDS aident.", Lang::Fr, &g);
        assert_eq!(
            text,
            "Les Forces de défense et de sécurité, FDS, protègent. Les FDS aident."
        );
        assert_eq!(
            spell_all(&text, Lang::Fr, &g),
            "Les Forces de défense et de sécurité, F.D.S, protègent. Les F.D.S aident."
        );
    }

    #[test]
    fn acronym_defined_in_place_is_not_expanded_again() {
        let g = glossary();
        let text = "les Forces de défense et de sécurité (FDS) et les FDS";
        assert_eq!(expand(text, Lang::Fr, &g), text);
        let text = "FDS : Forces de défense et de sécurité";
        assert_eq!(expand(text, Lang::Fr, &g), text);
        let text = "NGO: non-governmental organisation";
        assert_eq!(expand(text, Lang::En, &g), text);
    }

    #[test]
    fn plural_uses_pluralise_the_expansion() {
        let g = Glossary::from_markdown(
            "- **ONG** : organisation non gouvernementale.\n- **NGO**: non-governmental organisation.",
        );
        assert_eq!(
            expand("les ONG aident", Lang::Fr, &g),
            "les organisations non gouvernementales, ONG, aident"
        );
        assert_eq!(
            expand("two NGOs help", Lang::En, &g),
            "two non-governmental organisations, NGOs, help"
        );
        assert_eq!(
            pluralize("Comité international de la Croix-Rouge", Lang::Fr),
            "Comités internationaux de la Croix-Rouge"
        );
        assert_eq!(
            pluralize("International Committee of the Red Cross", Lang::En),
            "International Committees of the Red Cross"
        );
        assert_eq!(pluralize("armed party", Lang::En), "armed parties");
    }

    #[test]
    fn word_acronyms_and_unknown_acronyms() {
        let g = glossary();
        assert_eq!(expand("l'UNICEF", Lang::Fr, &g), "l'UNICEF");
        assert_eq!(
            spell_all("l'UNICEF et l'ONU", Lang::Fr, &g),
            "l'UNICEF et l'O.N.U"
        );
        assert_eq!(
            spell_all("the UN and NGOs", Lang::En, &g),
            "the U.N and N.G.O's"
        );
        assert_eq!(
            spell_all("Protocol II", Lang::En, &Glossary::empty()),
            "Protocol two"
        );
        assert_eq!(
            spell_all("IMPORTANT et A4 et I", Lang::Fr, &g),
            "important et A4 et I"
        );
    }
}

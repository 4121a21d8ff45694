//! Glossary of acronyms learnt from the text of a lesson or of a module glossary:
//! "Defence and Security Forces (FDS)", "FDS (Forces …)", "FDS: Forces …", "DNPEF, Direction …".

use std::collections::BTreeMap;

use crate::markdown;
use crate::text::{fold, normalize_whitespace};

/// Acronyms and their long form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Glossary {
    entries: BTreeMap<String, String>,
}

/// At most this many words before "(ACRONYM)".
const MAX_WORDS: usize = 15;

/// Characters read on each side of an acronym.
const WINDOW: usize = 400;

impl Glossary {
    /// Empty glossary: no acronym is expanded (they are still spelled).
    pub fn empty() -> Glossary {
        Glossary::default()
    }

    /// Learns the acronyms that a Markdown text (lesson, job aid or glossary) defines.
    /// The first definition of an acronym wins.
    pub fn from_markdown(markdown: &str) -> Glossary {
        let mut glossary = Glossary::empty();
        for block in markdown::blocks(markdown) {
            glossary.learn(&block);
        }
        glossary
    }

    /// Long form of an acronym ("NGOs" falls back to "NGO").
    pub fn expansion(&self, acronym: &str) -> Option<&str> {
        self.entries
            .get(acronym)
            .or_else(|| {
                acronym
                    .strip_suffix('s')
                    .and_then(|base| self.entries.get(base))
            })
            .map(String::as_str)
    }

    /// Adds the acronyms of another glossary that this one lacks (this one's win).
    pub fn merge(&mut self, other: &Glossary) {
        for (k, v) in &other.entries {
            self.entries.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }

    /// True when no acronym is known.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn insert(&mut self, acronym: &str, expansion: &str) {
        let expansion = clean(expansion);
        if expansion.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            self.entries.entry(acronym.to_string()).or_insert(expansion);
        }
    }

    fn learn(&mut self, block: &str) {
        let chars: Vec<char> = block.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let starts = i == 0 || !chars[i - 1].is_alphanumeric();
            if !starts || !chars[i].is_alphabetic() {
                i += 1;
                continue;
            }
            let end = (i..chars.len())
                .find(|&j| !chars[j].is_alphabetic())
                .unwrap_or(chars.len());
            let word: String = chars[i..end].iter().collect();
            let letters = acronym_letters(&word);
            if !letters.is_empty() && !chars.get(end).is_some_and(|c| c.is_ascii_digit()) {
                // Bounded windows around the acronym.
                let before: String = chars[i.saturating_sub(WINDOW)..i].iter().collect();
                let after: String = chars[end..(end + WINDOW).min(chars.len())].iter().collect();
                if let Some(exp) = entry_form(&before, &after, &letters)
                    .or_else(|| inside_brackets(&before, &after, &letters))
                    .or_else(|| before_brackets(&after, &letters))
                {
                    self.insert(&word, &exp);
                }
            }
            i = end;
        }
    }
}

/// Letters of an acronym ("NGOs" → N, G, O), empty if it is not one.
fn acronym_letters(word: &str) -> Vec<char> {
    let base = word.strip_suffix('s').unwrap_or(word);
    if base.chars().count() >= 2 && base.chars().all(char::is_uppercase) {
        fold(base).chars().collect()
    } else {
        Vec::new()
    }
}

/// Removes final brackets and punctuation.
fn clean(expansion: &str) -> String {
    let mut text = normalize_whitespace(expansion);
    while let Some(open) = text.rfind('(') {
        if !text.trim_end().ends_with(')') {
            break;
        }
        text.truncate(open);
    }
    text.trim_matches(|c: char| c.is_whitespace() || ",;:.".contains(c) || c == '"')
        .to_string()
}

/// Initials of the words ("Croix-Rouge" → c, r; "l'enfant" → e; "Children's" → c).
fn initials(words: &[&str]) -> Vec<char> {
    let mut out = Vec::new();
    for w in words {
        let pieces: Vec<&str> = w.split(['\'', '’']).collect();
        let last = pieces.len().saturating_sub(1);
        for (k, piece) in pieces.iter().enumerate() {
            // Elision and possessive.
            let elided = k < last && piece.chars().count() <= 2;
            let possessive = k == last && k > 0 && *piece == "s";
            if elided || possessive {
                continue;
            }
            for part in piece.split('-') {
                if let Some(c) = fold(part).chars().find(|c| c.is_alphabetic()) {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// The acronym letters read in order among the initials, the first one leading.
fn strict_match(words: &[&str], letters: &[char]) -> bool {
    let init = initials(words);
    if init.first() != letters.first() {
        return false;
    }
    let mut it = init.iter().copied();
    letters.iter().all(|l| it.any(|c| c == *l))
}

/// Every acronym letter is an initial, in any order (acronym from another language),
/// and the first word is capitalised.
fn loose_match(words: &[&str], letters: &[char]) -> bool {
    if !words
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return false;
    }
    let mut pool = initials(words);
    letters
        .iter()
        .all(|l| match pool.iter().position(|c| c == l) {
            Some(p) => {
                pool.remove(p);
                true
            }
            None => false,
        })
}

/// "Defence and Security Forces (FDS)": looks for the words before the bracket.
fn inside_brackets(before: &str, after: &str, letters: &[char]) -> Option<String> {
    let before = before.trim_end().strip_suffix('(')?;
    if !after.trim_start().starts_with(')') {
        return None;
    }
    let clause = before
        .rsplit(['.', ';', ':', '(', ')', '«', '»', '"', '“', '”'])
        .next()?;
    let all: Vec<&str> = clause.split_whitespace().collect();
    let words = &all[all.len().saturating_sub(MAX_WORDS)..];
    let n = words.len();
    let candidate = |k: usize| &words[n - k..];
    (1..=n)
        .find(|&k| strict_match(candidate(k), letters))
        .or_else(|| (1..=n).find(|&k| loose_match(candidate(k), letters)))
        .map(|k| candidate(k).join(" "))
}

/// "DNPEF (Direction nationale …)": the bracket that follows the acronym.
fn before_brackets(after: &str, letters: &[char]) -> Option<String> {
    let inner = after.trim_start().strip_prefix('(')?;
    let inner = &inner[..inner.find(')')?];
    let words: Vec<&str> = inner.split_whitespace().collect();
    let ok = words.len() >= 2 && (strict_match(&words, letters) || loose_match(&words, letters));
    ok.then(|| inner.to_string())
}

/// "FDS: Forces …" or "DNPEF, Direction …" at the start of a clause, up to the full stop.
fn entry_form(before: &str, after: &str, letters: &[char]) -> Option<String> {
    let head = before.trim_end();
    if !(head.is_empty() || head.ends_with([':', ';', '.'])) {
        return None;
    }
    let rest = after.trim_start();
    let (sep, rest) = rest.split_at(rest.chars().next()?.len_utf8());
    if !matches!(sep, ":" | "," | "–" | "—") {
        return None;
    }
    let stop = sentence_end(rest);
    let expansion = clean(&rest[..stop]);
    let words: Vec<&str> = expansion.split_whitespace().collect();
    let accepted = match sep {
        ":" | "–" | "—" => !words.is_empty(),
        _ => words.len() >= 2 && (strict_match(&words, letters) || loose_match(&words, letters)),
    };
    accepted.then_some(expansion)
}

/// End of the first sentence (full stop before a space, semicolon, end).
fn sentence_end(text: &str) -> usize {
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if c == ';' || (c == '.' && next.is_none_or(char::is_whitespace)) {
            return i;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_the_glossary_list_form() {
        let g = Glossary::from_markdown(
            "## Les sigles\n\n- **DNPEF** : Direction nationale de la promotion de l’enfant et de la famille (Bamako).\n- **FDS**: Defence and Security Forces (from the French).\n",
        );
        assert_eq!(
            g.expansion("DNPEF"),
            Some("Direction nationale de la promotion de l’enfant et de la famille")
        );
        assert_eq!(g.expansion("FDS"), Some("Defence and Security Forces"));
        assert_eq!(g.expansion("XYZ"), None);
    }

    #[test]
    fn learns_the_bracket_forms() {
        let g = Glossary::from_markdown(
            "Adama veut s’engager dans les Forces de défense et de sécurité (FDS). \
             The National Movement for the Liberation of Azawad (MNLA) and non-governmental organisations (NGOs). \
             La DRPFEF (Direction régionale de la promotion de la femme, de l’enfant et de la famille) aide.",
        );
        assert_eq!(g.expansion("FDS"), Some("Forces de défense et de sécurité"));
        assert_eq!(
            g.expansion("MNLA"),
            Some("National Movement for the Liberation of Azawad")
        );
        assert_eq!(g.expansion("NGOs"), Some("non-governmental organisations"));
        assert_eq!(
            g.expansion("DRPFEF"),
            Some("Direction régionale de la promotion de la femme, de l’enfant et de la famille")
        );
    }

    #[test]
    fn learns_the_comma_form_of_job_aids_and_tables() {
        let g = Glossary::from_markdown(
            "Sigles : DNPEF, Direction nationale de la promotion de l’enfant et de la famille. CICR, Comité international de la Croix-Rouge.\n\n| Bamako | DNPEF, National Directorate for the Promotion of Children and the Family | x |\n|---|---|---|\n",
        );
        assert_eq!(
            g.expansion("DNPEF"),
            Some("Direction nationale de la promotion de l’enfant et de la famille")
        );
        assert_eq!(
            g.expansion("CICR"),
            Some("Comité international de la Croix-Rouge")
        );
    }

    #[test]
    fn ignores_brackets_that_are_not_definitions() {
        let g =
            Glossary::from_markdown("Le Protocole II (1977) et le Mali (FDS) ; la DNPEF (Bamako).");
        assert!(g.is_empty(), "{g:?}");
    }

    #[test]
    fn merge_keeps_existing_entries() {
        let mut a = Glossary::from_markdown("- **FDS** : Forces de défense et de sécurité.");
        let b = Glossary::from_markdown(
            "- **FDS** : autre chose.\n- **CPI** : Cour pénale internationale.",
        );
        a.merge(&b);
        assert_eq!(a.entries.len(), 2);
        assert_eq!(a.expansion("FDS"), Some("Forces de défense et de sécurité"));
    }
}

//! Advice for authors: what the content check warns about without refusing the content.
//!
//! Each rule is a plain function on a lesson's Markdown or a question's options, so it can be
//! tested alone; the loader applies them and keeps the warnings beside the catalogue. A
//! warning never stops the platform: it tells a trainer what would make a page easier to read
//! or a question fairer.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::markdown;
use crate::problem::line_at;

/// Words of body text a lesson should not go over: five minutes of reading, on a phone.
pub const LESSON_MAX_WORDS: usize = 300;

/// How much longer than every wrong option the right one must be to give itself away.
const LONGEST_BY_FAR: f64 = 1.5;

/// The prose of a Markdown text, each piece with the byte offset where its event starts.
/// Code blocks, inline code and images are left out.
fn prose(markdown: &str) -> Vec<(String, usize)> {
    let mut pieces = Vec::new();
    let mut hidden = 0usize;
    for (event, range) in Parser::new_ext(markdown, markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. }) => hidden += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Image) => hidden = hidden.saturating_sub(1),
            Event::Text(text) if hidden == 0 => pieces.push((text.to_string(), range.start)),
            Event::SoftBreak | Event::HardBreak => pieces.push((" ".into(), range.start)),
            Event::End(
                TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough | TagEnd::Link,
            ) => {}
            Event::End(_) => pieces.push((" ".into(), range.start)),
            _ => {}
        }
    }
    pieces
}

/// The number of words in the body text of a lesson (headings, lists, tables and callouts
/// count; code and image descriptions do not).
pub fn word_count(markdown: &str) -> usize {
    let text: String = prose(markdown).into_iter().map(|(t, _)| t).collect();
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A word written in capitals that reads as an acronym: two letters or more, all capitals
/// (digits allowed after the first letter), not a Roman numeral such as `II` or `IV`.
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && !word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// An acronym used in a text before it is spelled out, and the 1-based line of that use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnexplainedAcronym {
    pub acronym: String,
    pub line: usize,
}

/// Acronyms whose first use in `markdown` is not spelled out. An acronym is spelled out when
/// its first use stands in brackets after its words — `Forces de défense et de sécurité (FDS)`
/// — or is followed by its words in brackets — `FDS (Forces de défense et de sécurité)`.
pub fn unexplained_acronyms(markdown: &str) -> Vec<UnexplainedAcronym> {
    let pieces = prose(markdown);
    let mut text = String::new();
    // (offset in `text`, offset in `markdown`) where each piece starts.
    let mut starts = Vec::with_capacity(pieces.len());
    for (piece, source) in &pieces {
        starts.push((text.len(), *source));
        text.push_str(piece);
    }
    let mut seen: Vec<String> = Vec::new();
    let mut found = Vec::new();
    let mut word_start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
            continue;
        }
        let Some(start) = word_start.take() else {
            continue;
        };
        let word = &text[start..i];
        if !is_acronym(word) || seen.iter().any(|s| s == word) {
            continue;
        }
        seen.push(word.to_string());
        let before = text[..start].trim_end_matches(['*', '_']);
        let after = text[i..].trim_start_matches(['*', '_']);
        let in_brackets = before.ends_with('(');
        let then_words = after.trim_start().starts_with('(');
        if !in_brackets && !then_words {
            let source = starts
                .iter()
                .rev()
                .find(|(at, _)| *at <= start)
                .map_or(0, |(_, source)| *source);
            found.push(UnexplainedAcronym {
                acronym: word.to_string(),
                line: line_at(markdown, source),
            });
        }
    }
    found
}

/// Whether the one right option of a single-answer question is much the longest, so that a
/// learner could pick it without reading: at least one and a half times the longest wrong one.
pub fn right_is_longest_by_far(options: &[&str], correct: &[bool]) -> bool {
    let length = |s: &str| s.chars().count() as f64;
    let right: Vec<f64> = options
        .iter()
        .zip(correct)
        .filter(|(_, c)| **c)
        .map(|(o, _)| length(o))
        .collect();
    let longest_wrong = options
        .iter()
        .zip(correct)
        .filter(|(_, c)| !**c)
        .map(|(o, _)| length(o))
        .fold(0.0, f64::max);
    matches!(right.as_slice(), [r] if longest_wrong > 0.0 && *r >= LONGEST_BY_FAR * longest_wrong)
}

/// Whether the (or a) right option is strictly the longest of all options: the cue a learner
/// learns to follow when it happens more often than chance.
pub fn right_is_longest(options: &[&str], correct: &[bool]) -> bool {
    let length = |s: &str| s.chars().count();
    let longest_right = options
        .iter()
        .zip(correct)
        .filter(|(_, c)| **c)
        .map(|(o, _)| length(o))
        .max();
    let longest_wrong = options
        .iter()
        .zip(correct)
        .filter(|(_, c)| !**c)
        .map(|(o, _)| length(o))
        .max();
    matches!((longest_right, longest_wrong), (Some(r), Some(w)) if r > w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_in_prose_but_not_in_code() {
        let markdown = "## Deux âges\n\nUn **enfant** a moins de 18 ans.\n\n```\nnot counted here\n```\n\n- un ;\n- deux\n";
        // Deux âges / Un enfant a moins de 18 ans / un deux: `;` alone is not a word.
        assert_eq!(word_count(markdown), 11);
    }

    #[test]
    fn an_acronym_in_brackets_after_its_words_is_spelled_out() {
        let markdown = "Les Forces de défense et de sécurité (**FDS**) protègent. Les FDS aident.";
        assert_eq!(unexplained_acronyms(markdown), []);
        assert_eq!(
            unexplained_acronyms("Le MRM (mécanisme de surveillance) vérifie."),
            []
        );
    }

    #[test]
    fn an_acronym_used_bare_first_is_reported_once_with_its_line() {
        let markdown = "Premier paragraphe.\n\nLes FDS protègent.\n\nLes Forces de défense et de sécurité (FDS).\n";
        assert_eq!(
            unexplained_acronyms(markdown),
            [UnexplainedAcronym {
                acronym: "FDS".into(),
                line: 3
            }]
        );
    }

    #[test]
    fn roman_numerals_code_and_ordinary_words_are_not_acronyms() {
        let markdown = "Le Protocole additionnel II et l’article IV. Un mot. A. `DNPEF` en code.";
        assert_eq!(unexplained_acronyms(markdown), []);
        assert!(is_acronym("MINUSMA"));
        assert!(!is_acronym("A4"), "a paper size, not an acronym");
        assert!(is_acronym("ÉTAT"));
        assert!(!is_acronym("Mali"));
    }

    #[test]
    fn a_right_option_twice_as_long_as_the_others_gives_itself_away() {
        let options = [
            "Non",
            "Oui, parce qu’il a moins de 18 ans et qu’un groupe l’utilise",
            "Peut-être",
        ];
        assert!(right_is_longest_by_far(&options, &[false, true, false]));
        assert!(right_is_longest(&options, &[false, true, false]));
        assert!(!right_is_longest_by_far(&options, &[true, false, false]));
        let even = ["Le remettre à la DRPFEF", "Le garder au camp une nuit"];
        assert!(!right_is_longest_by_far(&even, &[true, false]));
        assert!(!right_is_longest(&even, &[true, false]));
    }
}

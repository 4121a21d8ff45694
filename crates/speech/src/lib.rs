//! Speech text: turns a lesson's Markdown into plain text that the offline speech engine
//! espeak-ng reads well, in French (`"fr"`) and English (`"en"`).
//!
//! 1. [`sections`] splits the lesson at `##` headings and makes readable text of it;
//! 2. [`Glossary::from_markdown`] learns the acronyms the lesson (or glossary) defines;
//! 3. [`prepare`] normalises the text for the voice: numbers, article references, Roman
//!    numerals, acronyms, abbreviations, punctuation;
//! 4. [`words`] counts words, to predict durations.
//!
//! ```
//! let lesson = "## Exemple\n\nAdama, 16 ans, veut entrer dans les Forces de défense et de sécurité (FDS).";
//! let glossary = speech::Glossary::from_markdown(lesson);
//! let section = &speech::sections(lesson, "fr")[0];
//! assert_eq!(
//!     speech::prepare(&section.text, "fr", &glossary),
//!     "Exemple. Adama, seize ans, veut entrer dans les Forces de défense et de sécurité, F.D.S."
//! );
//! ```

mod abbreviations;
mod acronyms;
mod espeak;
mod glossary;
mod markdown;
mod numbers;
mod punctuation;
mod references;
mod roman;
mod text;

pub use glossary::Glossary;
pub use text::words;

use text::{Lang, normalize_whitespace};

/// A lesson section: the text under a `##` heading (or before the first one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// `##` heading of the section; `None` for the start of the lesson. In a quiz it is the
    /// question's or scenario's identifier (`ages-texte-18`), which is not read.
    pub title: Option<String>,
    /// Readable plain text (the heading included, except a quiz identifier).
    pub text: String,
}

/// Splits a lesson, job aid or quiz into readable sections.
///
/// The `+++` (TOML) or `---` (YAML) front matter is skipped, but its `title` opens the first
/// section. Headings, paragraphs, list items (with a final stop) and table cells (row by row,
/// separated by commas) are kept; emphasis, link and image syntax (their text stays), HTML
/// and `[x]` boxes go. Empty sections are omitted. `lang` picks the callout words.
pub fn sections(markdown: &str, lang: &str) -> Vec<Section> {
    markdown::sections(markdown, Lang::from_code(lang))
}

/// What the voice reads for a quiz question (before [`prepare`]): the stem, then each
/// option in the order the page shows them, after the letter shown beside it ("Réponse A :
/// …"). It is given only the words a learner sees: never which option is right, nor
/// feedback or explanation.
pub fn question(stem: &str, options: &[(&str, &str)], lang: &str) -> String {
    let (word, colon) = match Lang::from_code(lang) {
        Lang::Fr => ("Réponse", " :"),
        _ => ("Answer", ":"),
    };
    let mut text = end_with_stop(stem.trim());
    for (letter, option) in options {
        text.push_str(&format!(" {word} {letter}{colon} "));
        text.push_str(&end_with_stop(option.trim()));
    }
    text
}

/// `text` with a final full stop unless it already ends a sentence, so the voice pauses.
fn end_with_stop(text: &str) -> String {
    if text.ends_with(['.', '?', '!', '…', ':']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// Normalises a text for espeak-ng.
///
/// `lang` is `"fr"` or `"en"`; for any other language only whitespace is normalised.
/// Numbers, ordinals, percentages, years and references ("art. 8(2)(e)", "§ 2.1") are
/// written in words; glossary acronyms are expanded at their first use, then spelled
/// ("D.N.P.E.F"); abbreviations are expanded; punctuation becomes pauses. Never panics.
pub fn prepare(text: &str, lang: &str, glossary: &Glossary) -> String {
    let lang = Lang::from_code(lang);
    if lang == Lang::Other {
        return normalize_whitespace(text);
    }
    let text = acronyms::expand(text, lang, glossary);
    let text = punctuation::pre(&text, lang);
    let text = abbreviations::apply(&text, lang);
    let text = references::apply(&text, lang);
    let text = roman::apply(&text, lang);
    let text = numbers::apply(&text, lang);
    let text = acronyms::spell_all(&text, lang, glossary);
    let text = punctuation::post(&text, lang);
    let text = espeak::apply(&text, lang);
    normalize_whitespace(&text)
}

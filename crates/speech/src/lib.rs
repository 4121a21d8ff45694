//! Texte à dire : transforme le Markdown d'une leçon en texte brut que le moteur de synthèse
//! hors ligne espeak-ng lit bien, en français (`"fr"`) et en anglais (`"en"`).
//!
//! 1. [`sections`] découpe la leçon aux titres `##` et en tire un texte lisible ;
//! 2. [`Glossary::from_markdown`] apprend les sigles que la leçon (ou le glossaire) définit ;
//! 3. [`prepare`] normalise le texte pour la voix : nombres, références d'articles, chiffres
//!    romains, sigles, abréviations, ponctuation ;
//! 4. [`words`] compte les mots, pour prévoir la durée.
//!
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

/// Une section de leçon : le texte sous un titre `##` (ou avant le premier).
/// A lesson section: the text under a `##` heading (or before the first one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Titre `##` de la section ; `None` pour le début de la leçon. Pour un quiz, c'est
    /// l'identifiant de la question ou du cas (`ages-texte-18`), qui n'est pas lu.
    /// `##` heading of the section; `None` for the start of the lesson. In a quiz it is the
    /// question's or scenario's identifier (`ages-texte-18`), which is not read.
    pub title: Option<String>,
    /// Texte brut lisible (le titre compris, sauf un identifiant de quiz).
    /// Readable plain text (the heading included, except a quiz identifier).
    pub text: String,
}

/// Découpe une leçon, une fiche pratique ou un quiz en sections lisibles.
///
/// L'en-tête `+++` (TOML) ou `---` (YAML) est sauté, mais son `title` ouvre la première
/// section. Titres, paragraphes, éléments de liste (avec un point final), cellules de tableau
/// (rangée par rangée, séparées par des virgules) sont gardés ; l'emphase, la syntaxe des
/// liens et des images (leur texte reste), le HTML et les cases `[x]` disparaissent. Les
/// sections vides sont omises. `lang` choisit les mots des encadrés (« Remarque. », "Note.").
///
/// Splits a lesson, job aid or quiz into readable sections.
///
/// The `+++` (TOML) or `---` (YAML) front matter is skipped, but its `title` opens the first
/// section. Headings, paragraphs, list items (with a final stop) and table cells (row by row,
/// separated by commas) are kept; emphasis, link and image syntax (their text stays), HTML
/// and `[x]` boxes go. Empty sections are omitted. `lang` picks the callout words.
pub fn sections(markdown: &str, lang: &str) -> Vec<Section> {
    markdown::sections(markdown, Lang::from_code(lang))
}

/// Normalise un texte pour espeak-ng.
///
/// `lang` vaut `"fr"` ou `"en"` ; pour toute autre langue, seuls les espaces sont
/// normalisés. Les nombres, ordinaux, pourcentages, années et références (« art. 8(2)(e) »,
/// « § 2.1 ») passent en toutes lettres ; les sigles du glossaire sont développés à leur
/// premier emploi puis épelés (« D.N.P.E.F ») ; les abréviations sont développées ; la
/// ponctuation devient des pauses. Ne panique sur aucune entrée.
///
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

//! A text in every language of the course.
//!
//! The loader builds one only from what it has read, in the course's language order, and
//! reports every missing translation as a problem before a catalogue exists. So once loaded,
//! reading a text in a language of the course always finds it, and callers get a plain
//! reference instead of an `Option` to handle at every call site. A language the course does
//! not have (which the pages never ask for) reads as the first one, French.

use std::collections::BTreeMap;

/// One value per language; never empty, the course's first language first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translations<T> {
    first: (String, T),
    rest: Vec<(String, T)>,
}

impl<T> Translations<T> {
    /// The values in `languages` order; `None` when `texts` has none of them (the loader has
    /// then reported why). Languages not in `languages` are left out.
    pub fn in_order(mut texts: BTreeMap<String, T>, languages: &[String]) -> Option<Self> {
        let mut ordered = languages
            .iter()
            .filter_map(|lang| texts.remove(lang).map(|text| (lang.clone(), text)));
        let first = ordered.next()?;
        Some(Translations {
            first,
            rest: ordered.collect(),
        })
    }

    /// A text in one language only (tests, and courses written in one language).
    pub fn one(lang: impl Into<String>, text: T) -> Self {
        Translations {
            first: (lang.into(), text),
            rest: Vec::new(),
        }
    }

    /// The text in `lang`, or in the first language when the course has no `lang`.
    pub fn get(&self, lang: &str) -> &T {
        self.rest
            .iter()
            .find(|(l, _)| l == lang)
            .map_or(&self.first.1, |(_, text)| text)
    }

    /// Whether the text exists in `lang` itself (not through the fallback).
    pub fn has(&self, lang: &str) -> bool {
        self.iter().any(|(l, _)| l == lang)
    }

    /// Every language and its text, the first language first.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        std::iter::once(&self.first)
            .chain(&self.rest)
            .map(|(lang, text)| (lang.as_str(), text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn languages() -> Vec<String> {
        vec!["fr".into(), "en".into()]
    }

    #[test]
    fn texts_come_in_the_course_language_order_whatever_the_map_order() {
        let map = BTreeMap::from([("en".to_string(), "Child"), ("fr".to_string(), "Enfant")]);
        let texts = Translations::in_order(map, &languages()).unwrap();
        let order: Vec<&str> = texts.iter().map(|(lang, _)| lang).collect();
        assert_eq!(order, ["fr", "en"]);
        assert_eq!(*texts.get("en"), "Child");
        assert_eq!(*texts.get("fr"), "Enfant");
    }

    #[test]
    fn a_language_the_course_does_not_have_reads_as_the_first() {
        let map = BTreeMap::from([("en".to_string(), "Child"), ("fr".to_string(), "Enfant")]);
        let texts = Translations::in_order(map, &languages()).unwrap();
        assert_eq!(*texts.get("bm"), "Enfant");
        assert!(!texts.has("bm"));
        assert!(texts.has("en"));
    }

    #[test]
    fn no_text_in_any_course_language_makes_none() {
        let map = BTreeMap::from([("de".to_string(), "Kind")]);
        assert_eq!(Translations::in_order(map, &languages()), None);
        assert_eq!(
            Translations::<&str>::in_order(BTreeMap::new(), &languages()),
            None
        );
    }
}

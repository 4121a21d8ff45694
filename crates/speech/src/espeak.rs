//! Fixes found by listening to espeak-ng 1.51 ("fr" and "en" voices): a few words the engine
//! misreads are rewritten. Each rule says what espeak-ng did.

use crate::text::Lang;

/// (misread, rewritten).
const FRENCH: &[(&str, &str)] = &[
    // "dix-neuvième": espeak-ng drops the liaison, saying [dinœvjɛm]; "diz-" restores [z].
    ("dix-neuvième", "diz-neuvième"),
    // "centième", "trentième": espeak-ng reads "ti" as in "nation", saying [sɑ̃sjɛm];
    // doubling the t gives [sɑ̃tjɛm].
    ("entième", "enttième"),
    // "quarantième", "cinquantième", "soixantième": the same mistake [-ɑ̃sjɛm].
    ("antième", "anttième"),
    // "huitième": espeak-ng says [ɥisjɛm]; "huittième" gives [ɥitjɛm].
    ("huitième", "huittième"),
    // "Coulibaly": espeak-ng takes the word for English and switches to the English voice;
    // "Coulibali" reads [kulibali].
    ("Coulibaly", "Coulibali"),
];

/// Applies the language's fixes.
pub(crate) fn apply(text: &str, lang: Lang) -> String {
    let table: &[(&str, &str)] = match lang {
        Lang::Fr => FRENCH,
        _ => &[],
    };
    let mut out = text.to_string();
    for (from, to) in table {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_ordinals_that_espeak_misreads_are_respelled() {
        assert_eq!(
            apply("le dix-neuvième siècle", Lang::Fr),
            "le diz-neuvième siècle"
        );
        assert_eq!(
            apply("le centième, le trentième", Lang::Fr),
            "le centtième, le trenttième"
        );
        assert_eq!(apply("le soixantième", Lang::Fr), "le soixanttième");
        assert_eq!(apply("le dix-huitième", Lang::Fr), "le dix-huittième");
        assert_eq!(apply("sentiment", Lang::Fr), "sentiment");
        assert_eq!(
            apply("le sergent Coulibaly", Lang::Fr),
            "le sergent Coulibali"
        );
    }

    #[test]
    fn english_is_unchanged() {
        assert_eq!(apply("the hundredth", Lang::En), "the hundredth");
    }
}

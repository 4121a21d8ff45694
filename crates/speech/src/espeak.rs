//! Corrections trouvées en écoutant espeak-ng 1.51 (voix « fr » et « en ») : on réécrit
//! quelques mots que le moteur lit mal. Chaque règle dit ce qu'espeak-ng faisait.
//! Fixes found by listening to espeak-ng 1.51 ("fr" and "en" voices): a few words the engine
//! misreads are rewritten. Each rule says what espeak-ng did.

use crate::text::Lang;

/// (mal lu, réécrit) — (misread, rewritten).
const FRENCH: &[(&str, &str)] = &[
    // « dix-neuvième » : espeak-ng perd la liaison et dit « di-neuvième » [dinœvjɛm] ;
    // « diz-neuvième » donne [diznœvjɛm]. Vaut aussi pour « quatre-vingt-dix-neuvième ».
    // "dix-neuvième": espeak-ng drops the liaison, saying [dinœvjɛm]; "diz-" restores [z].
    ("dix-neuvième", "diz-neuvième"),
    // « centième », « trentième » : espeak-ng lit « ti » comme dans « nation » et dit
    // « censième » [sɑ̃sjɛm] ; « centtième » donne [sɑ̃tjɛm].
    // "centième", "trentième": espeak-ng reads "ti" as in "nation", saying [sɑ̃sjɛm];
    // doubling the t gives [sɑ̃tjɛm].
    ("entième", "enttième"),
    // « quarantième », « cinquantième », « soixantième » : même faute [-ɑ̃sjɛm].
    // "quarantième", "cinquantième", "soixantième": the same mistake [-ɑ̃sjɛm].
    ("antième", "anttième"),
    // « huitième » : espeak-ng dit « huisième » [ɥisjɛm] ; « huittième » donne [ɥitjɛm].
    // "huitième": espeak-ng says [ɥisjɛm]; "huittième" gives [ɥitjɛm].
    ("huitième", "huittième"),
    // « Coulibaly » : espeak-ng croit le mot anglais et passe à la voix anglaise
    // « (en)ku:l'i:b@li(fr) » ; « Coulibali » se lit [kulibali].
    // "Coulibaly": espeak-ng takes the word for English and switches to the English voice;
    // "Coulibali" reads [kulibali].
    ("Coulibaly", "Coulibali"),
];

/// Applique les corrections de la langue. / Applies the language's fixes.
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

//! Public behaviour of `prepare`, `sections`, `Glossary` and `words`, sentence by sentence.

use speech::{Glossary, prepare, sections, words};

fn fr(text: &str) -> String {
    prepare(text, "fr", &Glossary::empty())
}

fn en(text: &str) -> String {
    prepare(text, "en", &Glossary::empty())
}

#[test]
fn french_cardinals_follow_french_agreement_rules() {
    assert_eq!(fr("21 enfants"), "Vingt et un enfants");
    assert_eq!(
        fr("80 ans, 81 ans, 200 ans, 201 ans"),
        "Quatre-vingts ans, quatre-vingt-un ans, deux cents ans, deux cent un ans"
    );
    assert_eq!(fr("2000 et 3000"), "Deux mille et trois mille");
    assert_eq!(
        fr("999 999 999"),
        "Neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf"
    );
}

#[test]
fn french_thousands_separators_may_be_any_space() {
    assert_eq!(fr("1 000 enfants"), "Mille enfants");
    assert_eq!(fr("1\u{202f}500 enfants"), "Mille cinq cents enfants");
    assert_eq!(fr("12\u{a0}000 soldats"), "Douze mille soldats");
}

#[test]
fn english_cardinals_are_british_with_and() {
    assert_eq!(en("120 children"), "One hundred and twenty children");
    assert_eq!(en("1,001 nights"), "One thousand and one nights");
    assert_eq!(en("In 2002, Mali"), "In two thousand and two, Mali");
}

#[test]
fn decimals_use_a_comma_in_french_and_a_point_in_english() {
    assert_eq!(fr("2,5 ans"), "Deux virgule cinq ans");
    assert_eq!(en("2.5 years"), "Two point five years");
}

#[test]
fn percentages_are_read_in_both_languages() {
    assert_eq!(fr("15 % des enfants"), "Quinze pour cent des enfants");
    assert_eq!(fr("80\u{202f}%"), "Quatre-vingts pour cent");
    assert_eq!(en("15% of children"), "Fifteen per cent of children");
}

#[test]
fn years_are_pairs_in_english_and_cardinals_in_french() {
    assert_eq!(en("in 1999"), "In nineteen ninety-nine");
    assert_eq!(en("Convention (1989)"), "Convention, nineteen eighty-nine");
    assert_eq!(fr("en 1999"), "En mille neuf cent quatre-vingt-dix-neuf");
    assert_eq!(
        en("on 16 May 2002"),
        "On the sixteenth of May two thousand and two"
    );
}

#[test]
fn ordinals_are_read_in_words() {
    assert_eq!(
        fr("le 1er mai, la 1re fois, la 2e leçon"),
        "Le premier mai, la première fois, la deuxième leçon"
    );
    assert_eq!(
        en("the 1st and 2nd time, the 3rd, the 21st"),
        "The first and second time, the third, the twenty-first"
    );
    assert_eq!(fr("la IIe partie"), "La deuxième partie");
}

#[test]
fn centuries_in_roman_numerals_become_ordinals() {
    assert_eq!(fr("au XXe siècle"), "Au vingtième siècle");
    assert_eq!(fr("au XXIe siècle"), "Au vingt et unième siècle");
    assert_eq!(en("the XIXth century"), "The nineteenth century");
}

#[test]
fn espeak_fixes_respell_ordinals_that_espeak_misreads() {
    assert_eq!(fr("au XIXe siècle"), "Au diz-neuvième siècle");
    assert_eq!(fr("le 100e jour"), "Le centtième jour");
    assert_eq!(fr("le 18e jour"), "Le dix-huittième jour");
}

#[test]
fn article_reference_reads_paragraph_and_points_in_french() {
    assert_eq!(
        fr("Statut de Rome, art. 8(2)(e)(vii)."),
        "Statut de Rome, article huit, paragraphe deux, e, sept."
    );
    assert_eq!(
        fr("Art. 38 de la Convention"),
        "Article trente-huit de la Convention"
    );
    assert_eq!(fr("les articles 1 à 3"), "Les articles un à trois");
    assert_eq!(
        fr("Principes de Paris (2007), § 2.1"),
        "Principes de Paris, deux mille sept, paragraphe deux point un"
    );
}

#[test]
fn article_reference_reads_paragraph_and_points_in_english() {
    assert_eq!(
        en("Rome Statute, art. 8(2)(e)(vii)."),
        "Rome Statute, article eight, paragraph two, e, seven."
    );
    assert_eq!(en("art. 1 to 4"), "Articles one to four");
    assert_eq!(en("§ 7.25"), "Paragraph seven point twenty-five");
}

#[test]
fn roman_numerals_after_keywords_are_cardinals() {
    assert_eq!(
        fr("le Protocole additionnel II (1977)"),
        "Le Protocole additionnel deux, mille neuf cent soixante-dix-sept"
    );
    assert_eq!(en("Additional Protocol II"), "Additional Protocol two");
    assert_eq!(fr("Phase II et Titre III"), "Phase deux et Titre trois");
}

#[test]
fn english_pronoun_and_french_preposition_are_not_numbers() {
    assert_eq!(en("I think I can"), "I think I can");
    assert_eq!(en("Part I"), "Part one");
    assert_eq!(
        fr("de 15 à 17 ans, à Bamako"),
        "De quinze à dix-sept ans, à Bamako"
    );
}

#[test]
fn glossary_acronym_is_expanded_on_first_use_then_spelled() {
    let glossary = Glossary::from_markdown(
        "- **DNPEF** : Direction nationale de la promotion de l’enfant et de la famille (Bamako).",
    );
    assert_eq!(
        prepare(
            "Appelez la DNPEF. La DNPEF reçoit l'enfant.",
            "fr",
            &glossary
        ),
        "Appelez la Direction nationale de la promotion de l'enfant et de la famille, D.N.P.E.F. La D.N.P.E.F reçoit l'enfant."
    );
}

#[test]
fn acronym_defined_in_the_text_is_not_expanded_twice() {
    let lesson =
        "Adama veut entrer dans les Forces de défense et de sécurité (FDS). Les FDS refusent.";
    let glossary = Glossary::from_markdown(lesson);
    assert_eq!(
        glossary.expansion("FDS"),
        Some("Forces de défense et de sécurité")
    );
    assert_eq!(
        prepare(lesson, "fr", &glossary),
        "Adama veut entrer dans les Forces de défense et de sécurité, F.D.S. Les F.D.S refusent."
    );
}

#[test]
fn glossary_learns_the_three_written_forms() {
    let g = Glossary::from_markdown(
        "La DRPFEF (Direction régionale de la promotion de la femme, de l’enfant et de la famille) aide. \
         Le Comité international de la Croix-Rouge (CICR) cherche.\n\n- **FDS** : Forces de défense et de sécurité.",
    );
    assert_eq!(
        g.expansion("DRPFEF"),
        Some("Direction régionale de la promotion de la femme, de l’enfant et de la famille")
    );
    assert_eq!(
        g.expansion("CICR"),
        Some("Comité international de la Croix-Rouge")
    );
    assert_eq!(g.expansion("FDS"), Some("Forces de défense et de sécurité"));
}

#[test]
fn word_acronyms_are_left_untouched_and_others_spelled() {
    let g = Glossary::from_markdown("- **UNICEF** : Fonds des Nations unies pour l’enfance.");
    assert_eq!(
        prepare("L'UNICEF, la MINUSMA, l'OTAN et l'ONU.", "fr", &g),
        "L'UNICEF, la MINUSMA, l'OTAN et l'O.N.U."
    );
    assert_eq!(en("NATO, ECOWAS and the UN"), "NATO, ECOWAS and the U.N");
    assert_eq!(en("child-protection NGOs"), "Child-protection N.G.O's");
}

#[test]
fn common_abbreviations_are_expanded() {
    assert_eq!(
        fr("Un papier, p. ex. un acte, etc."),
        "Un papier, par exemple un acte, et cétéra."
    );
    assert_eq!(
        fr("M. Diarra et Mme Keïta, c.-à-d. deux chefs"),
        "Monsieur Diarra et madame Keïta, c'est-à-dire deux chefs"
    );
    assert_eq!(
        fr("Convention n° 182"),
        "Convention numéro cent quatre-vingt-deux"
    );
    assert_eq!(
        en("e.g. a record, i.e. proof, No. 3"),
        "For example a record, that is proof, number three"
    );
}

#[test]
fn french_punctuation_and_quotes_become_pauses() {
    assert_eq!(
        fr("Un soldat dit\u{a0}: «\u{a0}La Convention dit 15 ans.\u{a0}» Il se trompe\u{202f}!"),
        "Un soldat dit : La Convention dit quinze ans. Il se trompe !"
    );
    assert_eq!(
        fr("Mali – Nations unies — juillet"),
        "Mali, Nations unies, juillet"
    );
    assert_eq!(fr("fille/garçon & famille…"), "Fille ou garçon et famille.");
    assert_eq!(en("boy/girl & family…"), "Boy or girl and family.");
    assert_eq!(fr("document → chef"), "Document, puis chef");
}

#[test]
fn sections_split_a_lesson_at_level_two_headings() {
    let md = "+++\ntitle = \"Le bénéfice du doute\"\nsources = [\"art. 3\"]\n+++\n\n## La règle\n\nEn cas de doute, c’est un **enfant**.\n\n## Vérifier\n\n1. Cherchez un [document](x.md)\n2. Écoutez la famille\n\n| Méthode | Fiable ? |\n|---|---|\n| Document | Oui |\n";
    let s = sections(md, "fr");
    assert_eq!(s.len(), 3);
    assert_eq!(s[0].title, None);
    assert_eq!(s[0].text, "Le bénéfice du doute.");
    assert_eq!(s[1].title.as_deref(), Some("La règle"));
    assert_eq!(s[1].text, "La règle. En cas de doute, c’est un enfant.");
    assert_eq!(
        s[2].text,
        "Vérifier. 1. Cherchez un document. 2. Écoutez la famille. Méthode, Fiable ? Document, Oui."
    );
    assert_eq!(
        prepare(&s[2].text, "fr", &Glossary::empty())
            .split(". ")
            .nth(1),
        Some("Un")
    );
}

#[test]
fn other_languages_only_get_whitespace_normalised() {
    assert_eq!(
        prepare("  art. 8(2)\u{a0} 15 %  ", "bm", &Glossary::empty()),
        "art. 8(2) 15 %"
    );
}

#[test]
fn words_counts_the_words_of_prepared_text() {
    let prepared = fr("Les FDS ont 15 ans.");
    assert_eq!(prepared, "Les F.D.S ont quinze ans.");
    assert_eq!(words(&prepared), 5);
}

#[test]
fn odd_input_never_panics() {
    let huge = format!("{} enfants", "1".repeat(40));
    let odd = [
        "",
        " ",
        ".,;:!?«»()[]—–…",
        "((((((",
        "art.",
        "art. (",
        "art. 8(",
        "art. 8(2)(",
        "§",
        "§§ §",
        "1e30 10^30",
        "1000000000000000000000000000000",
        huge.as_str(),
        "1,,,2..3 %%% 4 000 000 000 000 000",
        "🙂 ñ 中文 العربية \u{200b}\u{feff}\u{ad}",
        "XXXXXXXXXXXXXXXXXXXXe IIII MMMMMCM",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "M. Mme n° No. e.g. etc",
        "-5 -- - 15-17 1–",
        "\"\"\"“”„",
    ];
    let glossary =
        Glossary::from_markdown("- **A** : b.\n- **FDS** : (x).\n- **DNPEF** :\n(DNPEF)\nDNPEF (");
    for text in odd {
        for lang in ["fr", "en", "xx"] {
            let out = prepare(text, lang, &glossary);
            let _ = words(&out);
            let _ = sections(text, lang);
        }
    }
    // No quadratic cost on a long text.
    let long = format!(
        "{} {} {}",
        "DNPEF (".repeat(5000),
        "a".repeat(50_000),
        "« art. 8(2) ".repeat(5000)
    );
    let started = std::time::Instant::now();
    let _ = prepare(&long, "fr", &Glossary::from_markdown(&long));
    let _ = sections(&long, "en");
    assert!(
        started.elapsed().as_secs() < 20,
        "too slow: {:?}",
        started.elapsed()
    );
    let spoken = fr("1000000000000000000000000000000");
    assert!(spoken.starts_with("Un zéro zéro"), "{spoken}");
    assert!(!spoken.chars().any(|c| c.is_ascii_digit()));
}

#[test]
fn a_question_is_read_with_its_options_in_the_order_and_letters_shown() {
    let text = speech::question(
        "Quel texte fixe 18 ans ?",
        &[
            ("A", "La Convention"),
            ("B", "Le Protocole facultatif de 2000"),
        ],
        "fr",
    );
    assert_eq!(
        text,
        "Quel texte fixe 18 ans ? Réponse A : La Convention. Réponse B : Le Protocole facultatif de 2000."
    );
    assert_eq!(
        fr(&text),
        "Quel texte fixe dix-huit ans ? Réponse A : La Convention. Réponse B : Le Protocole facultatif de deux mille."
    );
    let english = speech::question("Which text says 18", &[("A", "The Convention.")], "en");
    assert_eq!(english, "Which text says 18. Answer A: The Convention.");
}

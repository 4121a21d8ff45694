//! The loader against small fixture trees: a good one, and each kind of broken one with the
//! exact message a trainer would read.

use std::fs;
use std::path::{Path, PathBuf};

use catalog::{Catalog, Problems, load};

fn languages() -> Vec<String> {
    vec!["fr".into(), "en".into()]
}

/// A content tree in a temporary folder.
struct Tree {
    dir: tempfile::TempDir,
}

impl Tree {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    fn write(&self, path: &str, text: &str) -> &Self {
        let path = self.root().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    fn remove(&self, path: &str) -> &Self {
        fs::remove_file(self.root().join(path)).unwrap();
        self
    }

    fn load(&self) -> Result<Catalog, Problems> {
        load(&self.root(), &languages())
    }

    /// The problems as printed, with the temporary folder's path taken off.
    fn problems(&self) -> Vec<String> {
        let problems = self.load().expect_err("the tree should be refused");
        let prefix = format!("{}/", self.root().display());
        problems
            .0
            .iter()
            .map(|p| p.to_string().replace(&prefix, ""))
            .collect()
    }
}

fn module_toml(slug: &str, order: u32) -> String {
    format!(
        "slug = \"{slug}\"\norder = {order}\nminutes = 20\n\n[title]\nfr = \"Titre {slug}\"\nen = \"Title {slug}\"\n\n[summary]\nfr = \"Résumé\"\nen = \"Summary\"\n"
    )
}

fn lesson(title: &str, body: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\nsources = [\"Convention relative aux droits de l’enfant, art. 38\"]\n+++\n{body}"
    )
}

/// Two modules, the second listed first on disk, with links between lessons and an image.
fn good_tree() -> Tree {
    let tree = Tree::new();
    tree.write("a-second/module.toml", &module_toml("second", 2))
        .write("a-second/01-only.fr.md", &lesson("Seule", "Voir [le début](../b-first/01-start.fr.md#fin)."))
        .write("a-second/01-only.en.md", &lesson("Only", "See [the start](../b-first/01-start.en.md)."))
        .write("b-first/module.toml", &module_toml("first", 1))
        .write(
            "b-first/01-start.fr.md",
            &lesson(
                "Début",
                "## Les âges\n\n- 15 ans\n- 18 ans\n\n| Âge | Règle |\n|---|---|\n| 15 | seuil |\n\n> [!WARNING]\n> Attention.\n\n![Carte](images/map.png)\n\n[Suite](02-next.fr.md) et [site](https://example.org).\n",
            ),
        )
        .write("b-first/01-start.en.md", &lesson("Start", "## Ages\n\n![Map](images/map.png)\n"))
        .write("b-first/02-next.fr.md", &lesson("Suite", "Texte."))
        .write("b-first/02-next.en.md", &lesson("Next", "Text."))
        .write("b-first/10-last.fr.md", &lesson("Fin", "Texte."))
        .write("b-first/10-last.en.md", &lesson("End", "Text."))
        .write("b-first/images/map.png", "png")
        .write("README.md", "Guide for trainers; not a module.");
    tree
}

#[test]
fn a_good_tree_loads_modules_in_order_with_lessons_in_number_order() {
    let catalog = good_tree().load().expect("the good tree loads");
    let slugs: Vec<&str> = catalog.modules().iter().map(|m| m.slug.as_str()).collect();
    assert_eq!(slugs, ["first", "second"]);
    let first = catalog.module("first").unwrap();
    let lessons: Vec<&str> = first.lessons.iter().map(|l| l.slug.as_str()).collect();
    assert_eq!(lessons, ["01-start", "02-next", "10-last"]);
    assert_eq!(first.text("en").title, "Title first");
    assert_eq!(first.text("fr").summary, "Résumé");
    assert_eq!(first.minutes, 20);
    assert_eq!(first.lesson("02-next").unwrap().0, 1);
}

#[test]
fn a_lesson_renders_headings_lists_tables_callouts_images_and_links() {
    let catalog = good_tree().load().unwrap();
    let lesson = catalog
        .module("first")
        .unwrap()
        .lesson("01-start")
        .unwrap()
        .1;
    let fr = lesson.text("fr");
    assert_eq!(fr.title, "Début");
    assert_eq!(
        fr.sources,
        ["Convention relative aux droits de l’enfant, art. 38"]
    );
    for expected in [
        "<h2>Les âges</h2>",
        "<li>15 ans</li>",
        "<table>",
        "<td>seuil</td>",
        "<blockquote class=\"markdown-alert-warning\">",
        "<img src=\"/media/first/images/map.png\" alt=\"Carte\">",
        "<a href=\"/modules/first/02-next\"",
        "<a href=\"https://example.org\" rel=\"noopener noreferrer\">",
    ] {
        assert!(
            fr.html.contains(expected),
            "missing {expected} in {}",
            fr.html
        );
    }
    let module = catalog.module("first").unwrap();
    assert_eq!(module.assets.keys().collect::<Vec<_>>(), ["images/map.png"]);
}

#[test]
fn a_link_to_a_lesson_of_another_module_keeps_its_anchor() {
    let catalog = good_tree().load().unwrap();
    let html = &catalog.module("second").unwrap().lessons[0].text("fr").html;
    assert!(
        html.contains("href=\"/modules/first/01-start#fin\""),
        "{html}"
    );
}

#[test]
fn a_missing_lesson_translation_is_reported_on_the_file_that_exists() {
    let tree = good_tree();
    tree.remove("b-first/02-next.en.md");
    assert_eq!(
        tree.problems(),
        ["b-first/02-next.fr.md:1: missing translation: no 02-next.en.md beside this file"]
    );
}

#[test]
fn a_missing_module_translation_names_the_field_and_its_line() {
    let tree = good_tree();
    tree.write(
        "b-first/module.toml",
        &module_toml("first", 1).replace("en = \"Summary\"\n", ""),
    );
    assert_eq!(
        tree.problems(),
        ["b-first/module.toml:9: missing translation: summary.en"]
    );
}

#[test]
fn a_duplicate_slug_names_both_modules() {
    let tree = good_tree();
    tree.write("a-second/module.toml", &module_toml("first", 2));
    let problems = tree.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("b-first/module.toml:1: duplicate slug `first`: already used by "),
        "{problems:?}"
    );
    assert!(problems[0].ends_with("a-second"), "{problems:?}");
}

#[test]
fn a_broken_internal_link_is_reported_on_its_line() {
    let tree = good_tree();
    tree.write(
        "b-first/02-next.fr.md",
        &lesson("Suite", "Un.\n\nDeux [ici](03-nowhere.fr.md).\n"),
    );
    assert_eq!(
        tree.problems(),
        ["b-first/02-next.fr.md:7: broken link: `03-nowhere.fr.md` does not exist"]
    );
}

#[test]
fn a_missing_image_is_reported_on_its_line() {
    let tree = good_tree();
    tree.remove("b-first/images/map.png");
    assert_eq!(
        tree.problems(),
        [
            // The reference language first.
            "b-first/01-start.fr.md:17: missing image: `images/map.png` does not exist",
            "b-first/01-start.en.md:7: missing image: `images/map.png` does not exist",
        ]
    );
}

#[test]
fn malformed_front_matter_is_reported_with_the_parser_message_and_line() {
    let tree = good_tree();
    tree.write(
        "b-first/10-last.en.md",
        "+++\ntitle = \"End\"\nsources = [\"unclosed\n+++\nText.\n",
    );
    let problems = tree.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("b-first/10-last.en.md:3: malformed front matter: "),
        "{problems:?}"
    );
}

#[test]
fn an_unknown_front_matter_field_is_refused() {
    let tree = good_tree();
    tree.write(
        "b-first/10-last.en.md",
        "+++\ntitle = \"End\"\ntitel = \"typo\"\n+++\nText.\n",
    );
    let problems = tree.problems();
    assert!(
        problems[0]
            .starts_with("b-first/10-last.en.md:3: malformed front matter: unknown field `titel`"),
        "{problems:?}"
    );
}

#[test]
fn a_lesson_without_front_matter_is_refused() {
    let tree = good_tree();
    tree.write("b-first/10-last.en.md", "# End\n\nText.\n");
    assert_eq!(
        tree.problems(),
        [
            "b-first/10-last.en.md:1: missing front matter: the file must start with a line `+++`, the title, and another `+++`"
        ]
    );
}

#[test]
fn a_lesson_in_an_unknown_language_or_badly_named_is_refused() {
    let tree = good_tree();
    tree.write("b-first/02-next.de.md", &lesson("Weiter", "Text."))
        .write("b-first/Intro.fr.md", &lesson("Intro", "Texte."));
    assert_eq!(
        tree.problems(),
        [
            "b-first/02-next.de.md:1: unknown language `de` (the platform's languages are: fr, en)",
            "b-first/Intro.fr.md:1: lesson file names start with their number and use lowercase letters, digits and hyphens: 01-intro.fr.md",
        ]
    );
}

#[test]
fn a_module_without_module_toml_or_lessons_is_refused() {
    let tree = good_tree();
    tree.write("c-empty/notes.txt", "nothing");
    assert_eq!(
        tree.problems(),
        [
            "c-empty/module.toml:1: missing module.toml: every module folder needs one",
            "c-empty/module.toml:1: this module has no lessons"
        ]
    );
}

#[test]
fn every_problem_in_a_tree_is_listed_at_once() {
    let tree = good_tree();
    tree.remove("b-first/02-next.en.md")
        .remove("b-first/images/map.png");
    tree.write("a-second/module.toml", &module_toml("Second Module", 2));
    let problems = tree.problems();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(
        problems[0].contains("invalid slug `Second Module`"),
        "{problems:?}"
    );
}

#[test]
fn a_missing_content_folder_is_a_problem_not_a_panic() {
    let problems = load(Path::new("/nonexistent/content"), &languages()).unwrap_err();
    assert!(
        problems
            .to_string()
            .starts_with("/nonexistent/content:1: cannot read the content folder"),
        "{problems}"
    );
}

#[test]
fn hostile_markdown_cannot_run_script() {
    let hostile = [
        "<script>alert(1)</script>",
        "<img src=x onerror=\"alert(1)\">",
        "[click](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)></svg>",
        "<div style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">x</div>",
        "<object data=\"x.swf\"></object><embed src=\"x\">",
        "<form action=\"https://evil.example\"><input></form>",
        "![x](javascript:alert(1))",
    ]
    .join("\n\n");
    let tree = good_tree();
    tree.write("b-first/10-last.fr.md", &lesson("Fin", &hostile));
    let catalog = tree.load().expect("hostile HTML is cleaned, not refused");
    let html = &catalog
        .module("first")
        .unwrap()
        .lesson("10-last")
        .unwrap()
        .1
        .text("fr")
        .html;
    let lower = html.to_lowercase();
    for forbidden in [
        "<script",
        "onerror",
        "onload",
        "onclick",
        "javascript:",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<input",
        "style=",
    ] {
        assert!(!lower.contains(forbidden), "{forbidden} survived in {html}");
    }
    assert!(
        html.contains(">click</a>") || html.contains("click"),
        "the link text stays: {html}"
    );
}

/// `b-first` of the good tree, with objectives in module.toml and listed by its first lesson.
fn tree_with_objectives(fr_ids: &str, en_ids: &str) -> Tree {
    let tree = good_tree();
    let toml = format!(
        "{}\n[objectives]\nages = {{ fr = \"Dire les âges\", en = \"State the ages\" }}\ndoute = {{ fr = \"Appliquer le doute\", en = \"Apply the doubt\" }}\n",
        module_toml("first", 1)
    );
    let with = |title: &str, ids: &str| {
        format!("+++\ntitle = \"{title}\"\nobjectives = [{ids}]\n+++\nTexte.\n")
    };
    tree.write("b-first/module.toml", &toml)
        .write("b-first/01-start.fr.md", &with("Début", fr_ids))
        .write("b-first/01-start.en.md", &with("Start", en_ids));
    tree
}

#[test]
fn a_lesson_lists_the_objectives_it_teaches() {
    let catalog = tree_with_objectives("\"doute\", \"ages\"", "\"doute\", \"ages\"")
        .load()
        .expect("loads");
    let module = catalog.module("first").unwrap();
    let (_, lesson) = module.lesson("01-start").unwrap();
    assert_eq!(
        lesson.objectives,
        ["doute", "ages"],
        "in the lesson's order"
    );
    assert_eq!(
        module.objective("doute").unwrap().text("en"),
        "Apply the doubt"
    );
    assert!(module.lesson("02-next").unwrap().1.objectives.is_empty());
}

#[test]
fn a_lesson_objective_must_exist_and_be_the_same_in_every_language() {
    let problems = tree_with_objectives("\"ages\", \"age\"", "\"ages\"").problems();
    assert_eq!(
        problems,
        [
            "b-first/01-start.fr.md:3: unknown objective `age`: declare it in module.toml under [objectives]",
            "b-first/01-start.en.md:3: the objectives differ between languages: expected [ages, age]",
        ]
    );
}

#[test]
fn a_job_aid_loads_in_every_language_and_is_not_a_lesson() {
    let tree = good_tree();
    tree.write(
        "b-first/job-aid.fr.md",
        &lesson("Fiche : les âges", "1. Demander un document.\n"),
    )
    .write(
        "b-first/job-aid.en.md",
        &lesson("Job aid: ages", "1. Ask for a document.\n"),
    );
    let catalog = tree.load().expect("loads");
    let module = catalog.module("first").unwrap();
    assert_eq!(module.lessons.len(), 3, "the job aid is not a lesson");
    let aid = module.job_aid.as_ref().expect("a job aid");
    assert_eq!(aid.text("en").title, "Job aid: ages");
    assert!(
        aid.text("fr")
            .html
            .contains("<li>Demander un document.</li>")
    );
    assert!(catalog.module("second").unwrap().job_aid.is_none());
}

#[test]
fn a_job_aid_needs_every_language_and_no_objectives() {
    let tree = good_tree();
    tree.write(
        "b-first/job-aid.fr.md",
        "+++\ntitle = \"Fiche\"\nobjectives = [\"ages\"]\n+++\nTexte.\n",
    );
    assert_eq!(
        tree.problems(),
        [
            "b-first/job-aid.fr.md:1: missing translation: no job-aid.en.md beside this file",
            "b-first/job-aid.fr.md:2: a job aid has no objectives: remove the `objectives` line",
        ]
    );
}

#[test]
fn a_glossary_loads_like_a_job_aid_and_lessons_link_to_it() {
    let tree = good_tree();
    tree.write(
        "b-first/glossary.fr.md",
        &lesson("Glossaire", "**FDS** : Forces de défense et de sécurité.\n"),
    )
    .write(
        "b-first/glossary.en.md",
        &lesson("Glossary", "**FDS**: Defence and Security Forces.\n"),
    )
    .write(
        "b-first/02-next.fr.md",
        &lesson(
            "Suite",
            "Voir le [glossaire](glossary.fr.md) et la [fiche](job-aid.fr.md).",
        ),
    )
    .write("b-first/job-aid.fr.md", &lesson("Fiche", "1. Un.\n"))
    .write("b-first/job-aid.en.md", &lesson("Job aid", "1. One.\n"))
    .write(
        "a-second/01-only.en.md",
        &lesson("Only", "See [the words](../b-first/glossary.en.md)."),
    );
    let catalog = tree.load().expect("loads");
    let module = catalog.module("first").unwrap();
    assert_eq!(module.lessons.len(), 3, "the glossary is not a lesson");
    let glossary = module.glossary.as_ref().expect("a glossary");
    assert_eq!(glossary.text("en").title, "Glossary");
    let next = &module.lesson("02-next").unwrap().1.text("fr").html;
    assert!(next.contains("href=\"/glossary/first\""), "{next}");
    assert!(next.contains("href=\"/job-aid/first\""), "{next}");
    let only = catalog.module("second").unwrap().lessons[0].text("en");
    assert!(
        only.html.contains("href=\"/glossary/first\""),
        "{}",
        only.html
    );
    assert!(catalog.module("second").unwrap().glossary.is_none());
}

#[test]
fn a_glossary_needs_every_language_and_no_objectives() {
    let tree = good_tree();
    tree.write(
        "b-first/glossary.en.md",
        "+++\ntitle = \"Glossary\"\nobjectives = [\"ages\"]\n+++\nWords.\n",
    );
    assert_eq!(
        tree.problems(),
        [
            "b-first/glossary.en.md:1: missing translation: no glossary.fr.md beside this file",
            "b-first/glossary.en.md:2: a glossary has no objectives: remove the `objectives` line",
        ]
    );
}

#[test]
fn french_text_gets_no_break_spaces_but_code_addresses_and_english_do_not() {
    let tree = good_tree();
    tree.write(
        "b-first/02-next.fr.md",
        &lesson(
            "Que faire ?",
            "Il dit : « J’ai 18 ans ». Vraiment ?\n\n`a : b` et [lien](https://example.org/?q=a%20:b).\n\n![Carte : les régions](images/map.png)\n",
        ),
    )
    .write(
        "b-first/02-next.en.md",
        &lesson("What now ?", "He says : \"I am 18\" ?\n"),
    );
    let catalog = tree.load().expect("loads");
    let lesson = catalog
        .module("first")
        .unwrap()
        .lesson("02-next")
        .unwrap()
        .1;
    let fr = lesson.text("fr");
    assert_eq!(fr.title, "Que faire\u{a0}?");
    for expected in [
        "Il dit&nbsp;: «&nbsp;J’ai 18 ans&nbsp;». Vraiment&nbsp;?",
        "<code>a : b</code>",
        "href=\"https://example.org/?q=a%20:b\"",
        "alt=\"Carte : les régions\"",
    ] {
        assert!(fr.html.contains(expected), "{expected} in {}", fr.html);
    }
    let en = lesson.text("en");
    assert_eq!(en.title, "What now ?");
    assert!(en.html.contains("He says : “I am 18” ?"), "{}", en.html);
}

#[test]
fn the_check_warns_about_long_lessons_bare_acronyms_and_answer_cues_without_refusing() {
    let tree = good_tree();
    let long = "mot ".repeat(301);
    tree.write(
        "b-first/02-next.fr.md",
        &lesson("Suite", &format!("Les FDS protègent.\n\n{long}\n")),
    );
    let catalog = tree.load().expect("warnings do not refuse the content");
    let prefix = format!("{}/", tree.root().display());
    let warnings: Vec<String> = catalog
        .warnings()
        .iter()
        .map(|w| w.to_string().replace(&prefix, ""))
        .collect();
    assert_eq!(
        warnings,
        [
            "b-first/02-next.fr.md:5: warning: this lesson has 304 words of text, more than 300: cut it, or split it into two lessons",
            "b-first/02-next.fr.md:5: warning: acronym `FDS` is not spelled out in this lesson: write its words the first time, then the acronym in brackets",
        ]
    );
}

//! Quiz files against the loader: a good quiz with every question type, then each mistake a
//! trainer can make, with the exact `path:line: message` they read.

use std::fs;
use std::path::PathBuf;

use catalog::quiz::{Order, QuestionType, ShowAnswers};
use catalog::{Catalog, Problems, QuizKind, load};

struct Tree {
    dir: tempfile::TempDir,
}

impl Tree {
    fn root(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    fn write(&self, path: &str, text: &str) -> &Self {
        let path = self.root().join("m").join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    fn load(&self) -> Result<Catalog, Problems> {
        load(&self.root(), &["fr".to_string(), "en".to_string()])
    }

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

const MODULE: &str = r#"slug = "m"
order = 1
minutes = 10
pass_mark = 75

[objectives]
ages = { fr = "Citer les âges", en = "State the ages" }
agir = { fr = "Savoir agir", en = "Know what to do" }

[quiz]
draw = 1
attempts = 2
wait_minutes = 5
order = "fixed"
show_answers = "after-last-attempt"

[title]
fr = "Module"
en = "Module"

[summary]
fr = "Résumé"
en = "Summary"
"#;

const QUIZ_FR: &str = "+++
title = \"Quiz\"
+++

## age-recrutement
objective: ages
source: Protocole facultatif, art. 4

Quel âge minimum pour un groupe armé ?

- [ ] 15 ans
  > Non : c’est l’âge de la Convention.
- [x] 18 ans

Le Protocole fixe 18 ans.

## vrai-faux
objective: ages
type: true-false
source: CDE, art. 38

La Convention dit 15 ans.

- [x] Vrai
- [ ] Faux

Oui, 15 ans.

# poste

Un jeune homme se présente au poste.

![Le poste](poste.svg)

## que-faire
objective: agir
type: multiple
source: Principes de Paris, 7.

Que faites-vous ? Cochez toutes les bonnes réponses.

- [x] Vérifier
- [ ] Renvoyer
- [x] Prévenir

Il faut vérifier et prévenir.
";

const QUIZ_EN: &str = "+++
title = \"Quiz\"
+++

## age-recrutement
objective: ages
source: Optional Protocol, art. 4

What is the minimum age for an armed group?

- [ ] 15
  > No: that is the Convention's age.
- [x] 18

The Protocol sets 18.

## vrai-faux
objective: ages
type: true-false
source: CRC, art. 38

The Convention says 15.

- [x] True
- [ ] False

Yes, 15.

# poste

A young man comes to the checkpoint.

![The checkpoint](poste.svg)

## que-faire
objective: agir
type: multiple
source: Paris Principles, 7.

What do you do? Tick every right answer.

- [x] Check
- [ ] Send away
- [x] Alert

Check and alert.
";

fn pretest(lang: &str) -> String {
    let (right, wrong) = if lang == "fr" {
        ("Oui", "Non")
    } else {
        ("Yes", "No")
    };
    format!(
        "+++\ntitle = \"Pre\"\n+++\n\n## pre-ages\nobjective: ages\nsource: CRC\n\n15?\n\n- [x] {right}\n- [ ] {wrong}\n\nBecause.\n\n## pre-agir\nobjective: agir\nsource: PP\n\nAct?\n\n- [ ] {wrong}\n- [x] {right}\n\nBecause.\n"
    )
}

fn good() -> Tree {
    let tree = Tree {
        dir: tempfile::tempdir().unwrap(),
    };
    tree.write("module.toml", MODULE)
        .write("01-a.fr.md", "+++\ntitle = \"A\"\n+++\nTexte.\n")
        .write("01-a.en.md", "+++\ntitle = \"A\"\n+++\nText.\n")
        .write("poste.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        .write("quiz.fr.md", QUIZ_FR)
        .write("quiz.en.md", QUIZ_EN)
        .write("pretest.fr.md", &pretest("fr"))
        .write("pretest.en.md", &pretest("en"));
    tree
}

#[test]
fn a_good_quiz_loads_with_every_question_type_and_its_settings() {
    let catalog = good().load().expect("good quiz");
    let module = catalog.module("m").unwrap();
    assert_eq!(module.settings.pass_mark, 75);
    assert_eq!(module.settings.draw, Some(1));
    assert_eq!(module.settings.attempts, Some(2));
    assert_eq!(module.settings.wait_minutes, 5);
    assert_eq!(module.settings.order, Order::Fixed);
    assert_eq!(module.settings.show_answers, ShowAnswers::AfterLastAttempt);
    assert_eq!(module.objectives.len(), 2);
    assert_eq!(
        module.objective("ages").unwrap().texts.get("fr"),
        "Citer les âges"
    );

    let quiz = module.quiz.as_ref().unwrap();
    assert_eq!(quiz.kind, QuizKind::Quiz);
    let kinds: Vec<QuestionType> = quiz.questions.iter().map(|q| q.kind).collect();
    assert_eq!(
        kinds,
        vec![
            QuestionType::Single,
            QuestionType::TrueFalse,
            QuestionType::Multiple
        ]
    );
    assert_eq!(quiz.questions[0].correct, vec![false, true]);
    assert_eq!(quiz.questions[2].correct, vec![true, false, true]);
    assert_eq!(quiz.questions[2].scenario, Some(0));
    assert_eq!(quiz.questions[0].scenario, None);

    let fr = &quiz.questions[0].texts.get("fr");
    // French text gets its no-break spaces from the renderer.
    assert_eq!(
        fr.stem,
        "<p>Quel âge minimum pour un groupe armé&nbsp;?</p>\n"
    );
    assert_eq!(fr.options[0].html, "15 ans");
    assert_eq!(
        fr.options[0].feedback.as_deref(),
        Some("<p>Non&nbsp;: c’est l’âge de la Convention.</p>\n")
    );
    assert_eq!(fr.options[1].feedback, None);
    assert_eq!(fr.source, "Protocole facultatif, art. 4");
    assert!(fr.explanation.contains("Le Protocole fixe 18 ans."));
    let en = &quiz.questions[0].texts.get("en");
    assert_eq!(en.options[1].html, "18");
    // The scenario's image is served like a lesson's.
    assert!(
        quiz.scenarios[0]
            .html
            .get("fr")
            .contains("src=\"/media/m/poste.svg\"")
    );
    assert!(module.assets.contains_key("poste.svg"));

    let pretest = module.pretest.as_ref().unwrap();
    assert_eq!(pretest.kind, QuizKind::Pretest);
    assert_eq!(pretest.questions.len(), 2);
}

#[test]
fn a_question_without_a_right_answer_is_reported_at_its_line() {
    let tree = good();
    tree.write(
        "quiz.fr.md",
        &QUIZ_FR.replace("- [x] 18 ans", "- [ ] 18 ans"),
    );
    assert_eq!(
        tree.problems(),
        vec!["m/quiz.fr.md:5: question without a right answer: mark the right option `- [x]`"]
    );
}

#[test]
fn an_unknown_objective_is_reported() {
    let tree = good();
    tree.write(
        "quiz.en.md",
        &QUIZ_EN.replacen("objective: ages", "objective: age", 1),
    );
    assert_eq!(
        tree.problems(),
        vec![
            "m/quiz.en.md:5: unknown objective `age`: declare it in module.toml under [objectives]"
        ]
    );
}

#[test]
fn duplicate_ids_are_reported_in_a_file_and_between_quiz_and_pretest() {
    let tree = good();
    tree.write(
        "quiz.fr.md",
        &QUIZ_FR.replace("## vrai-faux", "## age-recrutement"),
    );
    assert_eq!(
        tree.problems(),
        vec!["m/quiz.fr.md:17: duplicate question id `age-recrutement`: already used on line 5"]
    );
    let tree = good();
    tree.write(
        "pretest.fr.md",
        &pretest("fr").replace("pre-ages", "vrai-faux"),
    )
    .write(
        "pretest.en.md",
        &pretest("en").replace("pre-ages", "vrai-faux"),
    );
    assert_eq!(
        tree.problems(),
        vec![
            "m/pretest.en.md:1: duplicate question id `vrai-faux`: the quiz already has it; the pre-test asks different questions"
        ]
    );
}

#[test]
fn languages_must_ask_the_same_questions_with_the_same_answers() {
    let tree = good();
    tree.write(
        "quiz.en.md",
        &QUIZ_EN.replace("## vrai-faux", "## true-false"),
    );
    let problems = tree.problems();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("m/quiz.en.md:1: the questions differ between languages"),
        "{problems:?}"
    );

    let tree = good();
    tree.write(
        "quiz.en.md",
        &QUIZ_EN.replace("- [x] True\n- [ ] False", "- [ ] True\n- [x] False"),
    );
    assert_eq!(
        tree.problems(),
        vec![
            "m/quiz.en.md:17: the right answers differ between languages: tick the same options of `vrai-faux` in every language"
        ]
    );

    let tree = good();
    tree.write("quiz.en.md", &QUIZ_EN.replace("- [ ] Send away\n", ""));
    assert_eq!(
        tree.problems(),
        vec![
            "m/quiz.en.md:35: the questions differ between languages: `que-faire` must have the same objective, type, scenario and number of options in every language"
        ]
    );

    let tree = good();
    fs::remove_file(tree.root().join("m/quiz.en.md")).unwrap();
    assert_eq!(
        tree.problems(),
        vec!["m/quiz.fr.md:1: missing translation: no quiz.en.md beside this file"]
    );
}

#[test]
fn draw_cannot_ask_more_than_the_bank_holds() {
    let tree = good();
    tree.write("module.toml", &MODULE.replace("draw = 1", "draw = 2"));
    assert_eq!(
        tree.problems(),
        vec![
            "m/module.toml:11: not enough questions for objective `agir`: draw asks 2 per attempt, the quiz has 1"
        ]
    );
}

#[test]
fn each_broken_question_gets_its_own_message() {
    let broken = "+++
title = \"Quiz\"
+++

## no-meta

Texte ?

- [x] Oui
- [ ] Non

Parce que.

## two-right
objective: ages
type: single
source: CDE

Texte ?

- [x] Oui
- [x] Non

Parce que.

## tf
objective: ages
type: true-false
source: CDE

Texte ?

- [x] Vrai
- [ ] Faux
- [ ] Peut-être

Parce que.

## weird
objective: ages
type: essay
source: CDE

Texte ?

- [x] Oui

## Bad Id
objective: ages
source: CDE

Texte ?

- [x] Oui
- [ ] Non

Parce que.
";
    let tree = good();
    tree.write("quiz.fr.md", broken)
        .write("module.toml", &MODULE.replace("draw = 1\n", ""));
    assert_eq!(
        tree.problems(),
        vec![
            "m/quiz.fr.md:5: missing objective: add a line `objective: <id>` under the question's `##` line",
            "m/quiz.fr.md:5: missing source: add a line `source: <text and article>` under the question's `##` line",
            "m/quiz.fr.md:14: a single-answer question has one right option: mark only one `- [x]`, or add `type: multiple`",
            "m/quiz.fr.md:26: a true-false question has exactly two options, one marked `- [x]`",
            "m/quiz.fr.md:41: unknown question type `essay`: use single, multiple or true-false",
            "m/quiz.fr.md:39: a question needs at least two options, each on a line `- [ ] …` or `- [x] …`",
            "m/quiz.fr.md:39: missing explanation: write it after the options",
            "m/quiz.fr.md:48: invalid id `Bad Id`: use lowercase letters, digits and hyphens",
        ]
    );
}

#[test]
fn a_quiz_needs_a_pass_mark_and_a_pretest_needs_a_quiz() {
    let tree = good();
    tree.write("module.toml", &MODULE.replace("pass_mark = 75\n", ""));
    assert_eq!(
        tree.problems(),
        vec![
            "m/module.toml:1: missing pass_mark: a module with a quiz needs `pass_mark = <0 to 100>`"
        ]
    );
    let tree = good();
    fs::remove_file(tree.root().join("m/quiz.fr.md")).unwrap();
    fs::remove_file(tree.root().join("m/quiz.en.md")).unwrap();
    assert_eq!(
        tree.problems(),
        vec!["m/pretest.en.md:1: a pre-test needs a quiz: write quiz.<language>.md beside it"]
    );
}

#[test]
fn hostile_markdown_in_a_question_is_made_harmless() {
    let tree = good();
    tree.write(
        "quiz.fr.md",
        &QUIZ_FR.replace(
            "Quel âge minimum pour un groupe armé ?",
            "Quel âge <script>alert(1)</script> <img src=x onerror=alert(1)> [lien](javascript:alert(1)) ?",
        ),
    );
    let catalog = tree.load().unwrap();
    let stem = &catalog
        .module("m")
        .unwrap()
        .quiz
        .as_ref()
        .unwrap()
        .questions[0]
        .texts
        .get("fr")
        .stem;
    assert!(!stem.contains("<script"), "{stem}");
    assert!(!stem.contains("onerror"), "{stem}");
    assert!(!stem.contains("javascript:"), "{stem}");
}

#[test]
fn objectives_need_every_language() {
    let tree = good();
    tree.write(
        "module.toml",
        &MODULE.replace(", en = \"Know what to do\"", ""),
    );
    assert_eq!(
        tree.problems(),
        vec!["m/module.toml:8: missing translation: objectives.agir.en"]
    );
}

#[test]
fn the_check_warns_about_wrong_options_without_feedback_and_a_right_option_far_the_longest() {
    let tree = good();
    let cue = QUIZ_FR.replace(
        "- [x] 18 ans\n",
        "- [x] 18 ans, même pour un volontaire qui le demande\n",
    );
    tree.write("quiz.fr.md", &cue);
    let catalog = tree.load().expect("warnings do not refuse the quiz");
    let prefix = format!("{}/", tree.root().display());
    let warnings: Vec<String> = catalog
        .warnings()
        .iter()
        .map(|w| w.to_string().replace(&prefix, ""))
        .filter(|w| w.contains("quiz.fr.md"))
        .collect();
    assert_eq!(
        warnings,
        [
            "m/quiz.fr.md:5: warning: in `age-recrutement` the right option is much the longest: a learner can pick it without reading; shorten it or give the wrong options as much detail",
            "m/quiz.fr.md:25: warning: a wrong option of `vrai-faux` has no feedback: add a line `  > …` under it that says why it is wrong",
            "m/quiz.fr.md:43: warning: a wrong option of `que-faire` has no feedback: add a line `  > …` under it that says why it is wrong",
        ]
    );
}

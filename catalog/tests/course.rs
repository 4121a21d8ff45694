//! The shipped course (`content/`): three modules, each complete in French and English —
//! lessons with their objectives and sources, a pre-test and a quiz bank covering every
//! objective, scenario questions, and a printable job aid. The loader's own checks (ids,
//! translations, right answers, links) run first: `load` refuses a tree with any problem.

use std::collections::BTreeSet;
use std::path::PathBuf;

use catalog::{Catalog, Module, Quiz, load};

const LANGUAGES: [&str; 2] = ["fr", "en"];

fn course() -> Catalog {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content");
    let languages: Vec<String> = LANGUAGES.iter().map(|l| l.to_string()).collect();
    load(&root, &languages).unwrap_or_else(|problems| panic!("content/ has problems:\n{problems}"))
}

#[test]
fn the_course_has_its_three_modules_in_order() {
    let course = course();
    let slugs: Vec<&str> = course.modules().iter().map(|m| m.slug.as_str()).collect();
    assert_eq!(
        slugs,
        ["droit-et-enfants", "principes-de-paris", "age-et-remise"]
    );
}

#[test]
fn every_lesson_states_two_or_three_objectives_and_names_its_sources() {
    for module in course().modules() {
        let count = module.lessons.len();
        assert!(
            (4..=5).contains(&count),
            "{}: {count} lessons, not 4 or 5",
            module.slug
        );
        for lesson in &module.lessons {
            let at = format!("{}/{}", module.slug, lesson.slug);
            let n = lesson.objectives.len();
            assert!((2..=3).contains(&n), "{at}: {n} objectives, not 2 or 3");
            for lang in LANGUAGES {
                let text = lesson
                    .text(lang)
                    .unwrap_or_else(|| panic!("{at}: no {lang} text"));
                assert!(!text.sources.is_empty(), "{at}.{lang}: no sources");
                assert!(
                    text.sources
                        .iter()
                        .all(|s| s.chars().any(|c| c.is_ascii_digit())),
                    "{at}.{lang}: every source names an article, paragraph, year or number: {:?}",
                    text.sources
                );
            }
        }
        let taught: BTreeSet<&str> = module
            .lessons
            .iter()
            .flat_map(|l| l.objectives.iter().map(String::as_str))
            .collect();
        for objective in &module.objectives {
            assert!(
                taught.contains(objective.id.as_str()),
                "{}: objective `{}` is taught by no lesson",
                module.slug,
                objective.id
            );
        }
    }
}

/// Every objective of `module` has at least `min` questions in `quiz`.
fn assert_covers(module: &Module, quiz: &Quiz, min: usize, what: &str) {
    for objective in &module.objectives {
        let n = quiz
            .questions
            .iter()
            .filter(|q| q.objective == objective.id)
            .count();
        assert!(
            n >= min,
            "{} {what}: objective `{}` has {n} question(s), fewer than {min}",
            module.slug,
            objective.id
        );
    }
    for question in &quiz.questions {
        for lang in LANGUAGES {
            let text = &question.texts[lang];
            assert!(
                !text.explanation.trim().is_empty(),
                "{}: no explanation",
                question.id
            );
            assert!(!text.source.trim().is_empty(), "{}: no source", question.id);
        }
    }
}

#[test]
fn every_module_has_a_pretest_and_a_quiz_bank_covering_every_objective() {
    for module in course().modules() {
        let quiz = module
            .quiz
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no quiz", module.slug));
        let pretest = module
            .pretest
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no pre-test", module.slug));
        assert!(
            quiz.questions.len() >= 12,
            "{}: a bank of {} questions, fewer than 12",
            module.slug,
            quiz.questions.len()
        );
        assert_covers(
            module,
            quiz,
            module.settings.draw.unwrap_or(1) as usize,
            "quiz",
        );
        assert_covers(module, pretest, 1, "pre-test");
        assert!(
            !quiz.scenarios.is_empty(),
            "{}: the quiz has no scenario",
            module.slug
        );
        for scenario in 0..quiz.scenarios.len() {
            let questions = quiz
                .questions
                .iter()
                .filter(|q| q.scenario == Some(scenario))
                .count();
            assert!(
                questions >= 2,
                "{}: a scenario with {questions} question(s)",
                module.slug
            );
        }
    }
}

#[test]
fn every_module_has_a_one_page_job_aid_in_both_languages() {
    for module in course().modules() {
        let aid = module
            .job_aid
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no job aid", module.slug));
        for lang in LANGUAGES {
            let text = aid
                .text(lang)
                .unwrap_or_else(|| panic!("{}: no {lang} job aid", module.slug));
            assert!(
                !text.sources.is_empty(),
                "{}.{lang}: the job aid names no source",
                module.slug
            );
            // One A4 page holds about 350 words at the print size; the browser test prints it.
            let words = text.html.split_whitespace().count();
            assert!(
                words <= 420,
                "{}.{lang}: the job aid has {words} words",
                module.slug
            );
        }
    }
}

//! Builds a module's quiz and pre-test from their files in every language, and checks them
//! against each other and against `module.toml`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use super::parse::{self as quiz_parse, ParsedQuiz};
use crate::Translations;
use crate::advice;
use crate::front_matter::ModuleMeta;
use crate::markdown::{Reference, Resolved};
use crate::problem::{Problem, Warning, line_of_key};
use crate::quiz::{Objective, Question, QuestionType, Quiz, QuizKind, Scenario};

/// Reads `files` (language → path) into one quiz. `None` when any file has a problem.
pub(crate) fn build(
    kind: QuizKind,
    files: &BTreeMap<String, PathBuf>,
    languages: &[String],
    objectives: &[Objective],
    resolve: &mut dyn FnMut(Reference, &str) -> Resolved,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Warning>,
) -> Option<Quiz> {
    let before = problems.len();
    let file_name = kind.code();
    for lang in languages.iter().filter(|l| !files.contains_key(*l)) {
        let (_, present) = files.iter().next()?;
        problems.push(Problem::new(
            present,
            1,
            format!("missing translation: no {file_name}.{lang}.md beside this file"),
        ));
    }
    let known: BTreeSet<&str> = objectives.iter().map(|o| o.id.as_str()).collect();
    let mut parsed: Vec<(&String, &PathBuf, ParsedQuiz)> = Vec::new();
    for lang in languages {
        let Some(path) = files.get(lang) else {
            continue;
        };
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                problems.push(Problem::new(
                    path,
                    1,
                    format!("cannot read this file as UTF-8 text: {e}"),
                ));
                continue;
            }
        };
        let Some(quiz) = quiz_parse::parse(path, lang, &text, resolve, problems) else {
            continue;
        };
        check_ids(path, &quiz, problems);
        advise(path, &quiz, warnings);
        for q in &quiz.questions {
            if !known.contains(q.objective.as_str()) {
                problems.push(Problem::new(
                    path,
                    q.line,
                    format!(
                        "unknown objective `{}`: declare it in module.toml under [objectives]",
                        q.objective
                    ),
                ));
            }
        }
        parsed.push((lang, path, quiz));
    }
    if problems.len() > before {
        return None;
    }
    let (_, _, reference) = parsed.first()?;
    for (_, path, other) in &parsed[1..] {
        compare(path, reference, other, problems);
    }
    if problems.len() > before {
        return None;
    }
    let reference = &parsed[0].2;
    let scenarios = reference
        .scenarios
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Some(Scenario {
                id: s.id.clone(),
                html: per_language(&parsed, languages, |quiz| quiz.scenarios[i].html.clone())?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let questions = reference
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            Some(Question {
                id: q.id.clone(),
                objective: q.objective.clone(),
                kind: q.kind,
                scenario: q.scenario,
                correct: q.correct.clone(),
                texts: per_language(&parsed, languages, |quiz| quiz.questions[i].text.clone())?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Quiz {
        kind,
        titles: per_language(&parsed, languages, |quiz| quiz.title.clone())?,
        scenarios,
        questions,
    })
}

/// One value per language read, taken from each language's parsed file by `part`.
fn per_language<T>(
    parsed: &[(&String, &PathBuf, ParsedQuiz)],
    languages: &[String],
    part: impl Fn(&ParsedQuiz) -> T,
) -> Option<Translations<T>> {
    let texts = parsed
        .iter()
        .map(|(lang, _, quiz)| ((*lang).clone(), part(quiz)))
        .collect();
    Translations::in_order(texts, languages)
}

/// Warns about a cue that gives the answer away, and a wrong option that does not say why
/// it is wrong.
fn advise(path: &Path, quiz: &ParsedQuiz, warnings: &mut Vec<Warning>) {
    for q in &quiz.questions {
        let options: Vec<&str> = q.text.options.iter().map(|o| o.text.as_str()).collect();
        if q.kind == QuestionType::Single && advice::right_is_longest_by_far(&options, &q.correct) {
            warnings.push(Warning::new(
                path,
                q.line,
                format!(
                    "in `{}` the right option is much the longest: a learner can pick it without reading; shorten it or give the wrong options as much detail",
                    q.id
                ),
            ));
        }
        for ((option, right), line) in q.text.options.iter().zip(&q.correct).zip(&q.option_lines) {
            if !right && option.feedback.is_none() {
                warnings.push(Warning::new(
                    path,
                    *line,
                    format!(
                        "a wrong option of `{}` has no feedback: add a line `  > …` under it that says why it is wrong",
                        q.id
                    ),
                ));
            }
        }
    }
}

/// Question and scenario ids are unique in a file.
fn check_ids(path: &Path, quiz: &ParsedQuiz, problems: &mut Vec<Problem>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let all = quiz
        .scenarios
        .iter()
        .map(|s| (s.id.as_str(), s.line))
        .chain(quiz.questions.iter().map(|q| (q.id.as_str(), q.line)));
    let mut all: Vec<(&str, usize)> = all.collect();
    all.sort_by_key(|(_, line)| *line);
    for (id, line) in all {
        if let Some(first) = seen.insert(id, line) {
            problems.push(Problem::new(
                path,
                line,
                format!("duplicate question id `{id}`: already used on line {first}"),
            ));
        }
    }
}

/// Another language's file must ask the same questions with the same answers.
fn compare(path: &Path, reference: &ParsedQuiz, other: &ParsedQuiz, problems: &mut Vec<Problem>) {
    let ids = |quiz: &ParsedQuiz| -> Vec<String> {
        quiz.scenarios
            .iter()
            .map(|s| format!("# {}", s.id))
            .chain(quiz.questions.iter().map(|q| format!("## {}", q.id)))
            .collect()
    };
    if ids(reference) != ids(other) {
        let expected: Vec<&str> = reference.questions.iter().map(|q| q.id.as_str()).collect();
        problems.push(Problem::new(
            path,
            1,
            format!(
                "the questions differ between languages: this file must have the same scenarios and questions, in the same order, as the reference language ({})",
                expected.join(", ")
            ),
        ));
        return;
    }
    for (r, o) in reference.questions.iter().zip(&other.questions) {
        if r.objective != o.objective
            || r.kind != o.kind
            || r.scenario != o.scenario
            || r.correct.len() != o.correct.len()
        {
            problems.push(Problem::new(
                path,
                o.line,
                format!(
                    "the questions differ between languages: `{}` must have the same objective, type, scenario and number of options in every language",
                    o.id
                ),
            ));
        } else if r.correct != o.correct {
            problems.push(Problem::new(
                path,
                o.line,
                format!(
                    "the right answers differ between languages: tick the same options of `{}` in every language",
                    o.id
                ),
            ));
        }
    }
}

/// Checks that need the module as a whole: pass mark, pre-test beside a quiz, ids shared
/// between quiz and pre-test, enough questions for `draw`.
pub(crate) fn check_module(
    toml_path: &Path,
    toml_text: &str,
    meta: &ModuleMeta,
    files: &BTreeMap<QuizKind, BTreeMap<String, PathBuf>>,
    quizzes: &BTreeMap<QuizKind, Quiz>,
    problems: &mut Vec<Problem>,
) {
    let has_quiz = files.contains_key(&QuizKind::Quiz);
    if has_quiz && meta.pass_mark.is_none() {
        problems.push(Problem::new(
            toml_path,
            1,
            "missing pass_mark: a module with a quiz needs `pass_mark = <0 to 100>`",
        ));
    }
    if let Some(pretest_files) = files.get(&QuizKind::Pretest)
        && !has_quiz
        && let Some(path) = pretest_files.values().next()
    {
        problems.push(Problem::new(
            path,
            1,
            "a pre-test needs a quiz: write quiz.<language>.md beside it",
        ));
    }
    if let (Some(quiz), Some(pretest)) = (
        quizzes.get(&QuizKind::Quiz),
        quizzes.get(&QuizKind::Pretest),
    ) {
        let in_quiz: BTreeSet<&str> = quiz.questions.iter().map(|q| q.id.as_str()).collect();
        for q in &pretest.questions {
            if in_quiz.contains(q.id.as_str())
                && let Some(path) = files[&QuizKind::Pretest].values().next()
            {
                problems.push(Problem::new(
                    path,
                    1,
                    format!(
                        "duplicate question id `{}`: the quiz already has it; the pre-test asks different questions",
                        q.id
                    ),
                ));
            }
        }
    }
    if let (Some(n), Some(quiz)) = (meta.quiz.draw, quizzes.get(&QuizKind::Quiz)) {
        let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
        for q in &quiz.questions {
            *counts.entry(&q.objective).or_default() += 1;
        }
        for (objective, count) in counts {
            if count < n {
                problems.push(Problem::new(
                    toml_path,
                    line_of_key(toml_text, "draw"),
                    format!(
                        "not enough questions for objective `{objective}`: draw asks {n} per attempt, the quiz has {count}"
                    ),
                ));
            }
        }
    }
}

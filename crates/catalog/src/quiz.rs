//! Quizzes and pre-tests: the questions as loaded, which of them an attempt asks, and grading.
//!
//! Everything here is pure: an attempt's questions are a function of the quiz, the module's
//! settings and a seed, so the server can recompute them at submission instead of storing them,
//! and grading is a function of those questions and the answers given. Reading the files is
//! in [`parse`] (one file in one language) and [`check`] (every language of a module's quiz,
//! against each other and `module.toml`).

pub(crate) mod check;
pub(crate) mod parse;

use std::collections::{BTreeMap, BTreeSet};

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;

use crate::Translations;

/// Whether the quiz is the end-of-module quiz or the pre-test taken before the lessons.
///
/// With the `database` feature (the crates that store attempts turn it on), the `kind` columns
/// read and write it as its [`QuizKind::code`]: one list of these words for the files, the
/// addresses and the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "database",
    derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum),
    sea_orm(
        rs_type = "String",
        db_type = "String(sea_orm::sea_query::StringLen::None)"
    )
)]
pub enum QuizKind {
    #[cfg_attr(feature = "database", sea_orm(string_value = "quiz"))]
    Quiz,
    #[cfg_attr(feature = "database", sea_orm(string_value = "pretest"))]
    Pretest,
}

impl QuizKind {
    /// The code used in addresses and in the database.
    pub fn code(self) -> &'static str {
        match self {
            QuizKind::Quiz => "quiz",
            QuizKind::Pretest => "pretest",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "quiz" => Some(QuizKind::Quiz),
            "pretest" => Some(QuizKind::Pretest),
            _ => None,
        }
    }
}

/// Question order in an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Order {
    /// Questions and options in a new order for each attempt.
    #[default]
    Shuffled,
    /// As written: a trainer can lead a group through the quiz together.
    Fixed,
}

/// When a learner may see the right answers and explanations of an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ShowAnswers {
    AtOnce,
    #[default]
    AfterPassing,
    AfterLastAttempt,
}

/// A module's quiz rules, from `module.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizSettings {
    /// Score (%) needed to pass.
    pub pass_mark: u8,
    /// Questions drawn per objective in each attempt; `None` asks every question.
    pub draw: Option<u32>,
    /// Attempts allowed; `None` for no limit.
    pub attempts: Option<u32>,
    /// Minutes between the end of one attempt and the start of the next.
    pub wait_minutes: u32,
    pub order: Order,
    pub show_answers: ShowAnswers,
}

impl Default for QuizSettings {
    fn default() -> Self {
        Self {
            pass_mark: 80,
            draw: None,
            attempts: None,
            wait_minutes: 0,
            order: Order::default(),
            show_answers: ShowAnswers::default(),
        }
    }
}

/// A learning objective that questions test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Objective {
    pub id: String,
    /// The objective's wording by language.
    pub texts: Translations<String>,
}

impl Objective {
    pub fn text(&self, lang: &str) -> &str {
        self.texts.get(lang)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionType {
    /// One right option among several.
    Single,
    /// Select all that apply: right when exactly the right options are ticked.
    Multiple,
    /// Two options, one right.
    TrueFalse,
}

impl QuestionType {
    /// True when the learner ticks one option (radio buttons).
    pub fn is_single_answer(self) -> bool {
        !matches!(self, QuestionType::Multiple)
    }
}

/// A quiz or a pre-test, in every language.
#[derive(Debug, Clone)]
pub struct Quiz {
    pub kind: QuizKind,
    pub titles: Translations<String>,
    pub scenarios: Vec<Scenario>,
    pub questions: Vec<Question>,
}

/// A short case that several questions are about.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub id: String,
    /// Sanitised HTML by language.
    pub html: Translations<String>,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub objective: String,
    pub kind: QuestionType,
    /// Index into [`Quiz::scenarios`] when the question belongs to a scenario.
    pub scenario: Option<usize>,
    /// For each option (in file order), whether it is right.
    pub correct: Vec<bool>,
    pub texts: Translations<QuestionText>,
}

/// A question's words in one language; every HTML field is sanitised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionText {
    pub stem: String,
    /// The stem as plain text, for trainers' tables and exports.
    pub stem_text: String,
    pub options: Vec<Choice>,
    pub explanation: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub html: String,
    /// The option as plain text, for trainers' tables and exports.
    pub text: String,
    /// Shown to a learner who chose this option, when answers may be shown.
    pub feedback: Option<String>,
}

/// The letter a quiz page shows before the option in position `shown` (0 → `A`), which
/// the voice says too ("Réponse A : …"). Past `Z` it counts on (`AA`, `AB`…).
pub fn option_letter(shown: usize) -> String {
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    if shown < 26 {
        letter(shown).to_string()
    } else {
        format!("{}{}", letter(shown / 26 - 1), letter(shown))
    }
}

/// One question as an attempt asks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    /// Index into [`Quiz::questions`].
    pub question: usize,
    /// `options[shown position] = option index in the file`.
    pub options: Vec<usize>,
}

/// Why a set of answers cannot be graded. Only a forged or stale form gets here: the page's
/// form cannot produce these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("an answer names a question that this attempt does not ask")]
    UnknownQuestion,
    #[error("an answer names an option that the question does not have")]
    UnknownOption,
    #[error("a question that takes one answer got several")]
    SeveralAnswers,
    #[error("a question has no answer")]
    Missing,
}

/// The result of grading one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graded {
    /// Whether each drawn question was answered right, in the attempt's order.
    pub right: Vec<bool>,
    /// Share of right questions, in %, rounded down (so `score >= pass_mark` is exact).
    pub score: u8,
}

impl Quiz {
    /// The questions an attempt asks, in the order it asks them. The same seed gives the same
    /// draw. A pre-test asks every question; a quiz with `draw = N` asks N per objective.
    pub fn draw(&self, settings: &QuizSettings, seed: u64) -> Vec<Drawn> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let shuffled = settings.order == Order::Shuffled;
        let per_objective = match self.kind {
            QuizKind::Quiz => settings.draw,
            QuizKind::Pretest => None,
        };
        let chosen: BTreeSet<usize> = match per_objective {
            None => (0..self.questions.len()).collect(),
            Some(n) => {
                let mut by_objective: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
                for (i, q) in self.questions.iter().enumerate() {
                    by_objective.entry(&q.objective).or_default().push(i);
                }
                let mut chosen = BTreeSet::new();
                for candidates in by_objective.values() {
                    let n = (n as usize).min(candidates.len());
                    if shuffled {
                        chosen.extend(candidates.choose_multiple(&mut rng, n).copied());
                    } else {
                        chosen.extend(candidates.iter().take(n).copied());
                    }
                }
                chosen
            }
        };
        // A scenario's questions stay together, in file order, after its text.
        let mut units: Vec<Vec<usize>> = Vec::new();
        let mut unit_of_scenario: BTreeMap<usize, usize> = BTreeMap::new();
        for &i in &chosen {
            match self.questions[i].scenario {
                Some(s) => match unit_of_scenario.get(&s) {
                    Some(&u) => units[u].push(i),
                    None => {
                        unit_of_scenario.insert(s, units.len());
                        units.push(vec![i]);
                    }
                },
                None => units.push(vec![i]),
            }
        }
        if shuffled {
            units.shuffle(&mut rng);
        }
        units
            .into_iter()
            .flatten()
            .map(|i| {
                let question = &self.questions[i];
                let mut options: Vec<usize> = (0..question.correct.len()).collect();
                if shuffled && question.kind != QuestionType::TrueFalse {
                    options.shuffle(&mut rng);
                }
                Drawn {
                    question: i,
                    options,
                }
            })
            .collect()
    }

    /// Grades `answers`: for each drawn question (same order), the shown positions ticked.
    pub fn grade(
        &self,
        drawn: &[Drawn],
        answers: &[BTreeSet<usize>],
    ) -> Result<Graded, AnswerError> {
        if answers.len() != drawn.len() {
            return Err(AnswerError::UnknownQuestion);
        }
        let mut right = Vec::with_capacity(drawn.len());
        for (d, ticked) in drawn.iter().zip(answers) {
            let question = self
                .questions
                .get(d.question)
                .ok_or(AnswerError::UnknownQuestion)?;
            if ticked.iter().any(|&p| p >= d.options.len()) {
                return Err(AnswerError::UnknownOption);
            }
            if question.kind.is_single_answer() {
                match ticked.len() {
                    0 => return Err(AnswerError::Missing),
                    1 => {}
                    _ => return Err(AnswerError::SeveralAnswers),
                }
            }
            let is_right = d
                .options
                .iter()
                .enumerate()
                .all(|(shown, &option)| ticked.contains(&shown) == question.correct[option]);
            right.push(is_right);
        }
        Ok(Graded {
            score: score(right.iter().filter(|r| **r).count(), right.len()),
            right,
        })
    }

    /// Objectives in the order the quiz first tests them.
    pub fn objectives(&self) -> Vec<&str> {
        let mut seen = Vec::new();
        for q in &self.questions {
            if !seen.contains(&q.objective.as_str()) {
                seen.push(&q.objective);
            }
        }
        seen
    }
}

/// `right` out of `total` as a percentage, rounded down; 0 for an empty quiz.
pub fn score(right: usize, total: usize) -> u8 {
    if total == 0 {
        return 0;
    }
    let percent = right.min(total) * 100 / total;
    u8::try_from(percent).unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str, objective: &str, kind: QuestionType, correct: &[bool]) -> Question {
        let text = QuestionText {
            stem: format!("<p>{id}?</p>"),
            stem_text: format!("{id}?"),
            options: correct
                .iter()
                .enumerate()
                .map(|(i, _)| Choice {
                    html: format!("option {i}"),
                    text: format!("option {i}"),
                    feedback: None,
                })
                .collect(),
            explanation: "<p>because</p>".into(),
            source: "CRC art. 38".into(),
        };
        Question {
            id: id.into(),
            objective: objective.into(),
            kind,
            scenario: None,
            correct: correct.to_vec(),
            texts: Translations::one("fr", text),
        }
    }

    fn bank() -> Quiz {
        let mut questions = vec![
            question("a1", "a", QuestionType::Single, &[false, true, false]),
            question(
                "a2",
                "a",
                QuestionType::Multiple,
                &[true, false, true, false],
            ),
            question("a3", "a", QuestionType::TrueFalse, &[true, false]),
            question("b1", "b", QuestionType::Single, &[true, false]),
            question("b2", "b", QuestionType::Single, &[false, false, true]),
            question("b3", "b", QuestionType::Multiple, &[true, true, false]),
        ];
        questions[4].scenario = Some(0);
        questions[5].scenario = Some(0);
        Quiz {
            kind: QuizKind::Quiz,
            titles: Translations::one("fr", String::new()),
            scenarios: vec![Scenario {
                id: "case".into(),
                html: Translations::one("fr", String::new()),
            }],
            questions,
        }
    }

    fn settings(draw: Option<u32>, order: Order) -> QuizSettings {
        QuizSettings {
            draw,
            order,
            ..QuizSettings::default()
        }
    }

    /// The right answers for a draw, as shown positions.
    fn right_answers(quiz: &Quiz, drawn: &[Drawn]) -> Vec<BTreeSet<usize>> {
        drawn
            .iter()
            .map(|d| {
                d.options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| quiz.questions[d.question].correct[**o])
                    .map(|(shown, _)| shown)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_fixed_quiz_asks_every_question_as_written() {
        let quiz = bank();
        let drawn = quiz.draw(&settings(None, Order::Fixed), 7);
        let order: Vec<usize> = drawn.iter().map(|d| d.question).collect();
        assert_eq!(order, vec![0, 1, 2, 3, 4, 5]);
        assert!(
            drawn
                .iter()
                .all(|d| d.options.windows(2).all(|w| w[0] < w[1]))
        );
    }

    #[test]
    fn the_same_seed_draws_the_same_attempt_and_others_differ() {
        let quiz = bank();
        let s = settings(Some(2), Order::Shuffled);
        assert_eq!(quiz.draw(&s, 42), quiz.draw(&s, 42));
        let mut distinct: Vec<Vec<Drawn>> = Vec::new();
        for seed in 0..20 {
            let drawn = quiz.draw(&s, seed);
            if !distinct.contains(&drawn) {
                distinct.push(drawn);
            }
        }
        assert!(
            distinct.len() > 3,
            "20 seeds gave only {} different attempts",
            distinct.len()
        );
    }

    #[test]
    fn options_are_lettered_from_a() {
        let letters: Vec<String> = [0, 1, 2, 25, 26, 27].map(option_letter).into();
        assert_eq!(letters, ["A", "B", "C", "Z", "AA", "AB"]);
    }

    #[test]
    fn draw_takes_n_per_objective_and_keeps_a_scenario_together() {
        let quiz = bank();
        for seed in 0..50 {
            let drawn = quiz.draw(&settings(Some(2), Order::Shuffled), seed);
            assert_eq!(drawn.len(), 4);
            for objective in ["a", "b"] {
                let n = drawn
                    .iter()
                    .filter(|d| quiz.questions[d.question].objective == objective)
                    .count();
                assert_eq!(n, 2, "seed {seed}");
            }
            let positions: Vec<usize> = drawn
                .iter()
                .enumerate()
                .filter(|(_, d)| quiz.questions[d.question].scenario.is_some())
                .map(|(i, _)| i)
                .collect();
            assert!(
                positions.windows(2).all(|w| w[1] == w[0] + 1),
                "seed {seed}: {positions:?}"
            );
            let true_false = drawn.iter().find(|d| d.question == 2);
            assert!(true_false.is_none_or(|d| d.options == vec![0, 1]));
        }
    }

    #[test]
    fn fixed_order_with_draw_takes_the_first_questions_of_each_objective() {
        let quiz = bank();
        let drawn = quiz.draw(&settings(Some(1), Order::Fixed), 3);
        let order: Vec<usize> = drawn.iter().map(|d| d.question).collect();
        assert_eq!(order, vec![0, 3]);
    }

    #[test]
    fn a_pretest_asks_every_question_whatever_the_draw() {
        let mut quiz = bank();
        quiz.kind = QuizKind::Pretest;
        assert_eq!(quiz.draw(&settings(Some(1), Order::Shuffled), 1).len(), 6);
    }

    #[test]
    fn grading_counts_whole_questions_and_rounds_down() {
        let quiz = bank();
        let drawn = quiz.draw(&settings(None, Order::Fixed), 0);
        let mut answers = right_answers(&quiz, &drawn);
        assert_eq!(quiz.grade(&drawn, &answers).unwrap().score, 100);
        // Half of a multiple-choice question is wrong.
        answers[1] = BTreeSet::from([0]);
        let graded = quiz.grade(&drawn, &answers).unwrap();
        assert_eq!(graded.right, vec![true, false, true, true, true, true]);
        assert_eq!(graded.score, 83);
        answers[0] = BTreeSet::from([0]);
        assert_eq!(quiz.grade(&drawn, &answers).unwrap().score, 66);
        assert_eq!(score(2, 3), 66);
        assert_eq!(score(0, 0), 0);
    }

    #[test]
    fn grading_refuses_forged_answers() {
        let quiz = bank();
        let drawn = quiz.draw(&settings(None, Order::Fixed), 0);
        let good = right_answers(&quiz, &drawn);
        let mut missing = good.clone();
        missing[0].clear();
        assert_eq!(quiz.grade(&drawn, &missing), Err(AnswerError::Missing));
        let mut several = good.clone();
        several[0] = BTreeSet::from([0, 1]);
        assert_eq!(
            quiz.grade(&drawn, &several),
            Err(AnswerError::SeveralAnswers)
        );
        let mut out_of_range = good.clone();
        out_of_range[3] = BTreeSet::from([2]);
        assert_eq!(
            quiz.grade(&drawn, &out_of_range),
            Err(AnswerError::UnknownOption)
        );
        assert_eq!(
            quiz.grade(&drawn, &good[..5]),
            Err(AnswerError::UnknownQuestion)
        );
        // A multiple-choice question may be left blank: it is wrong, not refused.
        let mut blank = good.clone();
        blank[1].clear();
        assert!(!quiz.grade(&drawn, &blank).unwrap().right[1]);
    }
}

//! Property tests of grading: for any quiz, any draw and any valid answers, the score stays
//! between 0 and 100 and does not depend on the order of the questions or of the options.

use std::collections::BTreeSet;

use catalog::quiz::{Choice, Drawn, Order, Question, QuestionText, QuestionType, Quiz, QuizKind};
use catalog::{QuizSettings, Translations};
use proptest::prelude::*;

/// A question: for each option, whether it is right (at least one is).
fn question_strategy() -> impl Strategy<Value = Vec<bool>> {
    prop::collection::vec(any::<bool>(), 2..6).prop_map(|mut correct| {
        if !correct.contains(&true) {
            correct[0] = true;
        }
        correct
    })
}

fn build(questions: &[Vec<bool>]) -> Quiz {
    Quiz {
        kind: QuizKind::Quiz,
        titles: Translations::one("fr", String::new()),
        scenarios: Vec::new(),
        questions: questions
            .iter()
            .enumerate()
            .map(|(i, correct)| Question {
                id: format!("q{i}"),
                objective: format!("o{}", i % 3),
                kind: if correct.iter().filter(|c| **c).count() == 1 {
                    QuestionType::Single
                } else {
                    QuestionType::Multiple
                },
                scenario: None,
                correct: correct.clone(),
                texts: Translations::one(
                    "fr",
                    QuestionText {
                        stem: String::new(),
                        stem_text: String::new(),
                        options: correct
                            .iter()
                            .map(|_| Choice {
                                html: String::new(),
                                text: String::new(),
                                feedback: None,
                            })
                            .collect(),
                        explanation: String::new(),
                        source: String::new(),
                    },
                ),
            })
            .collect(),
    }
}

/// Valid answers for a draw, from random picks: one option for a single-answer question,
/// any set for a multiple one.
fn answers_for(quiz: &Quiz, drawn: &[Drawn], picks: &[u32]) -> Vec<BTreeSet<usize>> {
    drawn
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let pick = picks[i % picks.len()] as usize;
            let n = d.options.len();
            if quiz.questions[d.question].kind.is_single_answer() {
                BTreeSet::from([pick % n])
            } else {
                (0..n).filter(|p| pick >> p & 1 == 1).collect()
            }
        })
        .collect()
}

fn quiz_and_answers() -> impl Strategy<Value = (Vec<Vec<bool>>, u64, Vec<u32>, bool)> {
    (
        prop::collection::vec(question_strategy(), 1..12),
        any::<u64>(),
        prop::collection::vec(any::<u32>(), 1..12),
        any::<bool>(),
    )
}

proptest! {
    #[test]
    fn score_stays_between_0_and_100_and_matches_the_right_count(
        (questions, seed, picks, shuffled) in quiz_and_answers()
    ) {
        let quiz = build(&questions);
        let settings = QuizSettings {
            order: if shuffled { Order::Shuffled } else { Order::Fixed },
            ..QuizSettings::default()
        };
        let drawn = quiz.draw(&settings, seed);
        let answers = answers_for(&quiz, &drawn, &picks);
        let graded = quiz.grade(&drawn, &answers).unwrap();
        prop_assert!(graded.score <= 100);
        let right = graded.right.iter().filter(|r| **r).count();
        prop_assert_eq!(usize::from(graded.score), right * 100 / drawn.len());
    }

    #[test]
    fn score_does_not_depend_on_question_order(
        (questions, seed, picks, _) in quiz_and_answers(),
        rotation in 0usize..12,
    ) {
        let quiz = build(&questions);
        let drawn = quiz.draw(&QuizSettings::default(), seed);
        let answers = answers_for(&quiz, &drawn, &picks);
        let graded = quiz.grade(&drawn, &answers).unwrap();
        let k = rotation % drawn.len();
        let mut drawn2 = drawn.clone();
        let mut answers2 = answers.clone();
        drawn2.rotate_left(k);
        answers2.rotate_left(k);
        drawn2.reverse();
        answers2.reverse();
        let graded2 = quiz.grade(&drawn2, &answers2).unwrap();
        prop_assert_eq!(graded.score, graded2.score);
    }

    #[test]
    fn score_does_not_depend_on_option_order(
        (questions, seed, picks, _) in quiz_and_answers(),
        rotation in 0usize..6,
    ) {
        let quiz = build(&questions);
        let drawn = quiz.draw(&QuizSettings { order: Order::Fixed, ..QuizSettings::default() }, seed);
        let answers = answers_for(&quiz, &drawn, &picks);
        let graded = quiz.grade(&drawn, &answers).unwrap();
        // Show each question's options rotated, and tick the same options at their new places.
        let mut drawn2 = drawn.clone();
        let mut answers2 = Vec::new();
        for (d, ticked) in drawn2.iter_mut().zip(&answers) {
            let n = d.options.len();
            let k = rotation % n;
            d.options.rotate_left(k);
            answers2.push(ticked.iter().map(|&p| (p + n - k) % n).collect::<BTreeSet<usize>>());
        }
        let graded2 = quiz.grade(&drawn2, &answers2).unwrap();
        prop_assert_eq!(graded.right, graded2.right);
        prop_assert_eq!(graded.score, graded2.score);
    }

    #[test]
    fn ticking_every_right_option_scores_100(
        (questions, seed, _, shuffled) in quiz_and_answers()
    ) {
        let quiz = build(&questions);
        let settings = QuizSettings {
            order: if shuffled { Order::Shuffled } else { Order::Fixed },
            ..QuizSettings::default()
        };
        let drawn = quiz.draw(&settings, seed);
        let answers: Vec<BTreeSet<usize>> = drawn
            .iter()
            .map(|d| {
                d.options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| quiz.questions[d.question].correct[**o])
                    .map(|(shown, _)| shown)
                    .collect()
            })
            .collect();
        prop_assert_eq!(quiz.grade(&drawn, &answers).unwrap().score, 100);
    }
}

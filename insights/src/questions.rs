//! Question analysis for one module's quiz: what the cohort gets wrong, so the trainer knows
//! what to teach again.
//!
//! Each learner counts once per question, with their **first** answer to it: later attempts
//! follow the feedback and would hide what the lessons left unclear.

use std::collections::{BTreeMap, HashMap};

use catalog::{Module, Quiz, QuizKind};
use learning::entity::{quiz_answer, quiz_attempt};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionFigures {
    pub id: String,
    pub objective: String,
    /// Learners who answered it.
    pub answered: usize,
    pub right: usize,
    /// `right / answered`, 0–1; `None` when nobody answered.
    pub share_right: Option<f64>,
    /// The wrong option (its place in the file) chosen most often, and by how many learners.
    pub top_wrong: Option<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveFigures {
    pub id: String,
    pub answered: usize,
    pub right: usize,
    pub share_right: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// In the file's order.
    pub questions: Vec<QuestionFigures>,
    /// In `module.toml`'s order.
    pub objectives: Vec<ObjectiveFigures>,
}

/// Each learner's first answer to each question of `kind` in `module`:
/// question id → learner → (right, options chosen).
pub(crate) async fn first_answers(
    db: &impl ConnectionTrait,
    module: &Module,
    kind: QuizKind,
    learners: &[i64],
) -> Result<HashMap<String, HashMap<i64, (bool, Vec<usize>)>>> {
    let mut attempts: Vec<quiz_attempt::Model> = Vec::new();
    for chunk in learners.chunks(10_000) {
        attempts.extend(
            quiz_attempt::Entity::find()
                .filter(quiz_attempt::Column::AccountId.is_in(chunk.iter().copied()))
                .filter(quiz_attempt::Column::Module.eq(module.slug.as_str()))
                .filter(quiz_attempt::Column::Kind.eq(kind.code()))
                .order_by_asc(quiz_attempt::Column::Number)
                .all(db)
                .await?,
        );
    }
    attempts.sort_by_key(|a| (a.account_id, a.number));
    let owner: HashMap<i64, (i64, i32)> = attempts
        .iter()
        .map(|a| (a.id, (a.account_id, a.number)))
        .collect();
    let ids: Vec<i64> = attempts.iter().map(|a| a.id).collect();
    let mut answers: Vec<quiz_answer::Model> = Vec::new();
    for chunk in ids.chunks(10_000) {
        answers.extend(
            quiz_answer::Entity::find()
                .filter(quiz_answer::Column::AttemptId.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    // Earliest attempt first, so the first answer seen for (question, learner) is kept.
    answers.sort_by_key(|a| {
        owner
            .get(&a.attempt_id)
            .map(|(_, n)| *n)
            .unwrap_or(i32::MAX)
    });
    let mut first: HashMap<String, HashMap<i64, (bool, Vec<usize>)>> = HashMap::new();
    for answer in answers {
        let Some((account, _)) = owner.get(&answer.attempt_id) else {
            continue;
        };
        let chosen = answer
            .chosen
            .split(',')
            .filter_map(|p| p.trim().parse().ok())
            .collect();
        first
            .entry(answer.question)
            .or_default()
            .entry(*account)
            .or_insert((answer.is_right, chosen));
    }
    Ok(first)
}

/// The analysis of `module`'s quiz for `learners`.
pub async fn questions(
    db: &impl ConnectionTrait,
    module: &Module,
    learners: &[i64],
) -> Result<Analysis> {
    let quiz = module.quiz.as_ref().ok_or(Error::NotFound)?;
    let first = first_answers(db, module, QuizKind::Quiz, learners).await?;
    Ok(analyse(module, quiz, &first))
}

pub(crate) fn analyse(
    module: &Module,
    quiz: &Quiz,
    first: &HashMap<String, HashMap<i64, (bool, Vec<usize>)>>,
) -> Analysis {
    let empty = HashMap::new();
    let questions: Vec<QuestionFigures> =
        quiz.questions
            .iter()
            .map(|q| {
                let answers = first.get(&q.id).unwrap_or(&empty);
                let right = answers.values().filter(|(r, _)| *r).count();
                let mut wrong_counts: BTreeMap<usize, usize> = BTreeMap::new();
                for (is_right, chosen) in answers.values() {
                    if *is_right {
                        continue;
                    }
                    for &option in chosen {
                        if q.correct.get(option) == Some(&false) {
                            *wrong_counts.entry(option).or_default() += 1;
                        }
                    }
                }
                // The most chosen; on a tie, the first in the file.
                let top_wrong = wrong_counts.into_iter().fold(
                    None,
                    |best: Option<(usize, usize)>, (option, n)| match best {
                        Some((_, m)) if m >= n => best,
                        _ => Some((option, n)),
                    },
                );
                QuestionFigures {
                    id: q.id.clone(),
                    objective: q.objective.clone(),
                    answered: answers.len(),
                    right,
                    share_right: share(right, answers.len()),
                    top_wrong,
                }
            })
            .collect();
    let objectives = module
        .objectives
        .iter()
        .map(|o| {
            let (answered, right) = questions
                .iter()
                .filter(|q| q.objective == o.id)
                .fold((0, 0), |(a, r), q| (a + q.answered, r + q.right));
            ObjectiveFigures {
                id: o.id.clone(),
                answered,
                right,
                share_right: share(right, answered),
            }
        })
        .collect();
    Analysis {
        questions,
        objectives,
    }
}

pub(crate) fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

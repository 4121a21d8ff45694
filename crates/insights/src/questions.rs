//! Question analysis for one module's quiz: what the cohort gets wrong, so the trainer knows
//! what to teach again.
//!
//! Each learner counts once per question asked in their **first** attempt: later attempts
//! follow the feedback and would hide what the lessons left unclear. The counting is done by
//! the database (one aggregate query), so it costs the same for 20 learners or 10,000. Every
//! cohort at once reads the running tally of first answers instead (see [`crate::Scope`]).

use std::collections::{BTreeMap, HashMap};

use catalog::{Module, Quiz, QuizKind};
use learning::entity::{answer_tally, quiz_answer, quiz_attempt};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::{Error, Result, Scope, members_of};

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

/// How the first attempts of `kind` in `module` by the learners of `cohorts` were answered:
/// question id → (right, options chosen as written, e.g. `0,2`) → number of learners.
pub(crate) type Counts = HashMap<String, HashMap<(bool, String), usize>>;

pub(crate) async fn first_attempt_answers(
    db: &impl ConnectionTrait,
    module: &Module,
    kind: QuizKind,
    scope: Scope<'_>,
) -> Result<Counts> {
    let cohorts = match scope {
        Scope::Cohorts(cohorts) => cohorts,
        Scope::Every => return tallied(db, module, kind).await,
    };
    let first_attempts = Query::select()
        .column(quiz_attempt::Column::Id)
        .from(quiz_attempt::Entity)
        .and_where(quiz_attempt::Column::Module.eq(module.slug.as_str()))
        .and_where(quiz_attempt::Column::Kind.eq(kind))
        .and_where(quiz_attempt::Column::Number.eq(1))
        .and_where(quiz_attempt::Column::AccountId.in_subquery(members_of(cohorts)))
        .to_owned();
    let rows: Vec<(String, bool, String, i64)> = quiz_answer::Entity::find()
        .select_only()
        .column(quiz_answer::Column::Question)
        .column(quiz_answer::Column::IsRight)
        .column(quiz_answer::Column::Chosen)
        .column_as(quiz_answer::Column::AttemptId.count(), "n")
        .filter(quiz_answer::Column::AttemptId.in_subquery(first_attempts))
        .group_by(quiz_answer::Column::Question)
        .group_by(quiz_answer::Column::IsRight)
        .group_by(quiz_answer::Column::Chosen)
        .into_tuple()
        .all(db)
        .await?;
    Ok(counted(rows))
}

/// The same counts for every cohort, from the running tally: one row per answer given.
async fn tallied(db: &impl ConnectionTrait, module: &Module, kind: QuizKind) -> Result<Counts> {
    let rows: Vec<(String, bool, String, i64)> = answer_tally::Entity::find()
        .select_only()
        .column(answer_tally::Column::Question)
        .column(answer_tally::Column::IsRight)
        .column(answer_tally::Column::Chosen)
        .column(answer_tally::Column::Learners)
        .filter(answer_tally::Column::Module.eq(module.slug.as_str()))
        .filter(answer_tally::Column::Kind.eq(kind))
        .into_tuple()
        .all(db)
        .await?;
    Ok(counted(rows))
}

fn counted(rows: Vec<(String, bool, String, i64)>) -> Counts {
    let mut counts: Counts = HashMap::new();
    for (question, right, chosen, n) in rows {
        *counts
            .entry(question)
            .or_default()
            .entry((right, chosen))
            .or_default() += usize::try_from(n).unwrap_or(0);
    }
    counts
}

/// The analysis of `module`'s quiz for the learners in `scope`.
pub async fn questions(
    db: &impl ConnectionTrait,
    module: &Module,
    scope: Scope<'_>,
) -> Result<Analysis> {
    let quiz = module.quiz.as_ref().ok_or(Error::NotFound)?;
    let counts = first_attempt_answers(db, module, QuizKind::Quiz, scope).await?;
    Ok(analyse(module, quiz, &counts))
}

pub(crate) fn analyse(module: &Module, quiz: &Quiz, counts: &Counts) -> Analysis {
    let empty = HashMap::new();
    let questions: Vec<QuestionFigures> =
        quiz.questions
            .iter()
            .map(|q| {
                let answers = counts.get(&q.id).unwrap_or(&empty);
                let answered = answers.values().sum();
                let right = answers
                    .iter()
                    .filter(|((r, _), _)| *r)
                    .map(|(_, n)| n)
                    .sum();
                let mut wrong_counts: BTreeMap<usize, usize> = BTreeMap::new();
                for ((is_right, chosen), n) in answers {
                    if *is_right {
                        continue;
                    }
                    for option in chosen
                        .split(',')
                        .filter_map(|p| p.trim().parse::<usize>().ok())
                    {
                        if q.correct.get(option) == Some(&false) {
                            *wrong_counts.entry(option).or_default() += n;
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
                    answered,
                    right,
                    share_right: share(right, answered),
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

//! Pre-test against post-test: what the cohort knew before the lessons and after them.
//!
//! The post-test is each learner's **first** quiz attempt: taken once, after the lessons, like
//! the pre-test before them. Later attempts, after feedback, would overstate the gain. Only
//! learners who took both count in the means; the shares per objective count every first
//! attempt of each test.

use std::collections::BTreeMap;

use catalog::{Module, QuizKind};
use learning::entity::quiz_attempt;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::questions::{Counts, first_attempt_answers, share};
use crate::{Error, Learner, Result, mean, members_of};

/// Groups smaller than this are not shown in the breakdown by affiliation, so that a figure
/// never stands for one or two people who could be recognised.
pub const SMALLEST_GROUP: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct LearnerGain {
    pub learner: Learner,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

impl LearnerGain {
    pub fn gain(&self) -> Option<i16> {
        Some(i16::from(self.after?) - i16::from(self.before?))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveGain {
    pub id: String,
    /// Share of pre-test answers right, 0–1.
    pub before: Option<f64>,
    /// Share of first-attempt quiz answers right, 0–1.
    pub after: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupGain {
    /// `fds`, `armed_movement`, `other`.
    pub affiliation: String,
    /// Learners who took both tests.
    pub learners: usize,
    /// `None` when the group is smaller than [`SMALLEST_GROUP`].
    pub before: Option<f64>,
    pub after: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Gain {
    /// Learners who took both tests.
    pub both: usize,
    /// Mean scores (0–100) of those learners.
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub objectives: Vec<ObjectiveGain>,
    pub groups: Vec<GroupGain>,
    pub learners: Vec<LearnerGain>,
}

impl Gain {
    pub fn gain(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }
}

/// The comparison for the learners of `cohorts` (`learners`, as [`crate::learners`] lists
/// them).
pub async fn gain(
    db: &impl ConnectionTrait,
    module: &Module,
    cohorts: &[i64],
    learners: Vec<Learner>,
) -> Result<Gain> {
    if module.quiz.is_none() || module.pretest.is_none() {
        return Err(Error::NotFound);
    }
    // Each learner's first attempt at each test: (account, kind) → score.
    let rows: Vec<(i64, String, i16)> = quiz_attempt::Entity::find()
        .select_only()
        .column(quiz_attempt::Column::AccountId)
        .column(quiz_attempt::Column::Kind)
        .column(quiz_attempt::Column::Score)
        .filter(quiz_attempt::Column::AccountId.in_subquery(members_of(cohorts)))
        .filter(quiz_attempt::Column::Module.eq(module.slug.as_str()))
        .filter(quiz_attempt::Column::Number.eq(1))
        .into_tuple()
        .all(db)
        .await?;
    let first: BTreeMap<(i64, String), i16> = rows
        .into_iter()
        .map(|(account, kind, score)| ((account, kind), score))
        .collect();
    let score = |account: i64, kind: QuizKind| {
        first
            .get(&(account, kind.code().to_string()))
            .map(|s| learning::percent(*s))
    };
    let per_learner: Vec<LearnerGain> = learners
        .into_iter()
        .map(|learner| LearnerGain {
            before: score(learner.account_id, QuizKind::Pretest),
            after: score(learner.account_id, QuizKind::Quiz),
            learner,
        })
        .collect();
    let both: Vec<&LearnerGain> = per_learner.iter().filter(|l| l.gain().is_some()).collect();
    let before = mean(both.iter().filter_map(|l| l.before).map(f64::from));
    let after = mean(both.iter().filter_map(|l| l.after).map(f64::from));

    let pre_answers = first_attempt_answers(db, module, QuizKind::Pretest, cohorts).await?;
    let post_answers = first_attempt_answers(db, module, QuizKind::Quiz, cohorts).await?;
    let by_objective = |kind: QuizKind, answers: &Counts, objective: &str| {
        let quiz = module.quiz_of(kind)?;
        let (right, all) = quiz
            .questions
            .iter()
            .filter(|q| q.objective == objective)
            .filter_map(|q| answers.get(&q.id))
            .flat_map(|counts| counts.iter())
            .fold((0, 0), |(r, n), ((is_right, _), count)| {
                (r + if *is_right { *count } else { 0 }, n + count)
            });
        share(right, all)
    };
    let objectives = module
        .objectives
        .iter()
        .map(|o| ObjectiveGain {
            id: o.id.clone(),
            before: by_objective(QuizKind::Pretest, &pre_answers, &o.id),
            after: by_objective(QuizKind::Quiz, &post_answers, &o.id),
        })
        .collect();
    let mut groups: BTreeMap<String, Vec<&LearnerGain>> = BTreeMap::new();
    for l in &both {
        groups
            .entry(l.learner.affiliation.clone())
            .or_default()
            .push(l);
    }
    let groups = groups
        .into_iter()
        .map(|(affiliation, members)| {
            let shown = members.len() >= SMALLEST_GROUP;
            GroupGain {
                learners: members.len(),
                before: shown
                    .then(|| mean(members.iter().filter_map(|l| l.before).map(f64::from)))
                    .flatten(),
                after: shown
                    .then(|| mean(members.iter().filter_map(|l| l.after).map(f64::from)))
                    .flatten(),
                affiliation,
            }
        })
        .collect();
    Ok(Gain {
        both: both.len(),
        before,
        after,
        objectives,
        groups,
        learners: per_learner,
    })
}

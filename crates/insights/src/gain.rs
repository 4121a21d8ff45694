//! Pre-test against post-test: what the cohort knew before the lessons and after them.
//!
//! The post-test is each learner's **first** quiz attempt: taken once, after the lessons, like
//! the pre-test before them. Later attempts, after feedback, would overstate the gain. Only
//! learners who took both count in the means; the shares per objective count every first
//! attempt of each test.

use std::collections::BTreeMap;

use accounts::Affiliation;
use accounts::entity::account;
use catalog::{Module, QuizKind};
use learning::entity::module_progress;
use sea_orm::sea_query::{Expr, ExprTrait, Func, JoinType, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::questions::{Counts, first_attempt_answers, share};
use crate::{Error, Learner, Result, Scope};

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
    pub affiliation: Affiliation,
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

/// The comparison for the learners in `scope`. The means and the groups are counted by the
/// database from the running summary (one row per affiliation comes back), whatever the
/// number of learners; `learners` (one cohort's, as [`crate::learners`] lists them) get a line
/// each, and every cohort at once passes none.
pub async fn gain(
    db: &impl ConnectionTrait,
    module: &Module,
    scope: Scope<'_>,
    learners: Vec<Learner>,
) -> Result<Gain> {
    if module.quiz.is_none() || module.pretest.is_none() {
        return Err(Error::NotFound);
    }
    let per_learner = learner_scores(db, module, scope, learners).await?;
    // Per affiliation, over the learners who took both tests: how many, and the sums of
    // their pre-test and first quiz scores.
    let both_tests = Query::select()
        .column((account::Entity, account::Column::Affiliation))
        .expr(Expr::cust("COUNT(*)"))
        .expr(Func::sum(Expr::col((
            module_progress::Entity,
            module_progress::Column::PretestScore,
        ))))
        .expr(Func::sum(Expr::col((
            module_progress::Entity,
            module_progress::Column::FirstScore,
        ))))
        .from(module_progress::Entity)
        .join(
            JoinType::InnerJoin,
            account::Entity,
            Expr::col((account::Entity, account::Column::Id))
                .equals((module_progress::Entity, module_progress::Column::AccountId)),
        )
        .and_where(
            Expr::col((module_progress::Entity, module_progress::Column::Module))
                .eq(module.slug.as_str()),
        )
        .and_where(
            Expr::col((
                module_progress::Entity,
                module_progress::Column::PretestScore,
            ))
            .is_not_null(),
        )
        .and_where(
            Expr::col((module_progress::Entity, module_progress::Column::FirstScore)).is_not_null(),
        )
        .and_where(
            Expr::col((module_progress::Entity, module_progress::Column::AccountId))
                .in_subquery(scope.members()),
        )
        .group_by_col((account::Entity, account::Column::Affiliation))
        .to_owned();
    // Keyed by the code so that the groups come in the same (alphabetical) order everywhere.
    let mut sums: BTreeMap<&'static str, (Affiliation, usize, i64, i64)> = BTreeMap::new();
    for row in db.query_all(&both_tests).await? {
        let affiliation: Affiliation = row.try_get_by_index(0)?;
        let n: i64 = row.try_get_by_index(1)?;
        let before: i64 = row.try_get_by_index(2)?;
        let after: i64 = row.try_get_by_index(3)?;
        sums.insert(affiliation.code(), (affiliation, n as usize, before, after));
    }
    let mean_of = |sum: i64, n: usize| (n > 0).then(|| sum as f64 / n as f64);
    let both: usize = sums.values().map(|(_, n, _, _)| n).sum();
    let before = mean_of(sums.values().map(|(_, _, b, _)| b).sum(), both);
    let after = mean_of(sums.values().map(|(_, _, _, a)| a).sum(), both);
    let pre_answers = first_attempt_answers(db, module, QuizKind::Pretest, scope).await?;
    let post_answers = first_attempt_answers(db, module, QuizKind::Quiz, scope).await?;
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
    let groups = sums
        .into_values()
        .map(|(affiliation, n, before, after)| {
            let shown = n >= SMALLEST_GROUP;
            GroupGain {
                learners: n,
                before: shown.then(|| mean_of(before, n)).flatten(),
                after: shown.then(|| mean_of(after, n)).flatten(),
                affiliation,
            }
        })
        .collect();
    Ok(Gain {
        both,
        before,
        after,
        objectives,
        groups,
        learners: per_learner,
    })
}

/// Each of `learners` with their pre-test and first quiz scores.
async fn learner_scores(
    db: &impl ConnectionTrait,
    module: &Module,
    scope: Scope<'_>,
    learners: Vec<Learner>,
) -> Result<Vec<LearnerGain>> {
    if learners.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(i64, Option<i16>, Option<i16>)> = module_progress::Entity::find()
        .select_only()
        .column(module_progress::Column::AccountId)
        .column(module_progress::Column::PretestScore)
        .column(module_progress::Column::FirstScore)
        .filter(module_progress::Column::AccountId.in_subquery(scope.members()))
        .filter(module_progress::Column::Module.eq(module.slug.as_str()))
        .into_tuple()
        .all(db)
        .await?;
    let scores: BTreeMap<i64, (Option<i16>, Option<i16>)> = rows
        .into_iter()
        .map(|(account, before, after)| (account, (before, after)))
        .collect();
    Ok(learners
        .into_iter()
        .map(|learner| {
            let (before, after) = scores.get(&learner.account_id).copied().unwrap_or_default();
            LearnerGain {
                before: before.map(learning::percent),
                after: after.map(learning::percent),
                learner,
            }
        })
        .collect())
}

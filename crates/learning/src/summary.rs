//! Running summaries of what learners did, for the trainers' reports.
//!
//! A report over every cohort (10,000 learners) cannot read every lesson mark, attempt and
//! answer while a page loads. Two tables are kept up to date in the same transaction as the
//! rows they summarise, so they are never behind:
//!
//! - `module_progress`, one row per (learner, module) started: lessons read, best quiz score,
//!   whether passed, the pre-test score and the first quiz score. The progress matrix and the
//!   pre/post means read it.
//! - `answer_tally`: per (module, test, question, right or not, options chosen), how many
//!   learners gave that answer at their first attempt. Only learners who are in a cohort when
//!   they take it count (a trainer trying the quiz does not); the administrators' all-cohorts
//!   question analysis reads it.
//!
//! Each write is an upsert whose update is computed by the database from the row it holds
//! (`lessons_read + 1`, the larger score), so two requests of one learner at once both count.
//! [`rebuild`] recomputes both tables from the raw rows, after rows were inserted in bulk.

use std::collections::BTreeMap;

use catalog::QuizKind;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ConnectionTrait, EntityTrait, Set};

use crate::Result;
use crate::entity::{answer_tally, module_progress};

/// One more lesson of `module` read by `account` (called only when the lesson was new).
pub(crate) async fn lesson_marked(
    db: &impl ConnectionTrait,
    account: i64,
    module: &str,
) -> Result<()> {
    use module_progress::Column;
    module_progress::Entity::insert(row(account, module, 1))
        .on_conflict(
            OnConflict::columns([Column::AccountId, Column::Module])
                .value(
                    Column::LessonsRead,
                    Expr::col((module_progress::Entity, Column::LessonsRead)).add(1),
                )
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// An attempt just stored, as the summaries need it.
pub(crate) struct Attempt<'a> {
    pub account: i64,
    pub module: &'a str,
    pub kind: QuizKind,
    pub number: u32,
    pub score: i16,
    pub passed: bool,
    /// (question id, right, options chosen as stored)
    pub answers: Vec<(String, bool, String)>,
}

/// Folds a newly stored attempt into both summaries.
pub(crate) async fn attempt_recorded(
    db: &impl ConnectionTrait,
    attempt: &Attempt<'_>,
) -> Result<()> {
    use module_progress::Column;
    let quiz = attempt.kind == QuizKind::Quiz;
    let first = attempt.number == 1;
    let mut progress = row(attempt.account, attempt.module, 0);
    progress.best_score = Set(quiz.then_some(attempt.score));
    progress.passed = Set(quiz && attempt.passed);
    progress.pretest_score = Set((!quiz && first).then_some(attempt.score));
    progress.first_score = Set((quiz && first).then_some(attempt.score));
    module_progress::Entity::insert(progress)
        .on_conflict(
            OnConflict::columns([Column::AccountId, Column::Module])
                .value(
                    Column::BestScore,
                    Expr::cust(
                        "CASE WHEN module_progress.best_score IS NULL \
                         OR excluded.best_score > module_progress.best_score \
                         THEN excluded.best_score ELSE module_progress.best_score END",
                    ),
                )
                .value(
                    Column::Passed,
                    Expr::cust("module_progress.passed OR excluded.passed"),
                )
                .value(
                    Column::PretestScore,
                    Expr::cust("COALESCE(module_progress.pretest_score, excluded.pretest_score)"),
                )
                .value(
                    Column::FirstScore,
                    Expr::cust("COALESCE(module_progress.first_score, excluded.first_score)"),
                )
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    if first && in_a_cohort(db, attempt.account).await? {
        tally(db, attempt).await?;
    }
    Ok(())
}

/// Adds a first attempt's answers to `answer_tally`. The rows go in key order, so that two
/// submissions at once lock the rows they share in the same order (PostgreSQL).
async fn tally(db: &impl ConnectionTrait, attempt: &Attempt<'_>) -> Result<()> {
    use answer_tally::Column;
    let mut counts: BTreeMap<(&str, bool, &str), i64> = BTreeMap::new();
    for (question, right, chosen) in &attempt.answers {
        *counts.entry((question, *right, chosen)).or_default() += 1;
    }
    let rows = counts
        .into_iter()
        .map(|((question, right, chosen), n)| answer_tally::ActiveModel {
            module: Set(attempt.module.to_string()),
            kind: Set(attempt.kind),
            question: Set(question.to_string()),
            is_right: Set(right),
            chosen: Set(chosen.to_string()),
            learners: Set(n),
        });
    answer_tally::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([
                Column::Module,
                Column::Kind,
                Column::Question,
                Column::IsRight,
                Column::Chosen,
            ])
            .value(
                Column::Learners,
                Expr::cust("answer_tally.learners + excluded.learners"),
            )
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Whether `account` is a learner of some cohort (the table belongs to `accounts`, which this
/// crate does not depend on: named here).
async fn in_a_cohort(db: &impl ConnectionTrait, account: i64) -> Result<bool> {
    let member = Query::select()
        .expr(Expr::val(1))
        .from(Alias::new("cohort_member"))
        .and_where(Expr::col(Alias::new("account_id")).eq(account))
        .limit(1)
        .to_owned();
    Ok(db.query_one(&member).await?.is_some())
}

fn row(account: i64, module: &str, lessons_read: i32) -> module_progress::ActiveModel {
    module_progress::ActiveModel {
        account_id: Set(account),
        module: Set(module.to_string()),
        lessons_read: Set(lessons_read),
        best_score: Set(None),
        passed: Set(false),
        pretest_score: Set(None),
        first_score: Set(None),
    }
}

/// Recomputes both summaries from `lesson_read`, `quiz_attempt`, `quiz_answer` and the cohorts'
/// members, for rows inserted without going through this crate (the seed, test fixtures). The
/// same statements filled the tables when they were created (migration 000006).
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<()> {
    db.execute_unprepared("DELETE FROM module_progress").await?;
    db.execute_unprepared("DELETE FROM answer_tally").await?;
    db.execute_unprepared(FILL_MODULE_PROGRESS).await?;
    db.execute_unprepared(FILL_ANSWER_TALLY).await?;
    Ok(())
}

const FILL_MODULE_PROGRESS: &str = "\
INSERT INTO module_progress (account_id, module, lessons_read, best_score, passed, pretest_score, first_score)
SELECT account_id, module, SUM(lessons), MAX(best), MAX(passed) = 1, MAX(pre), MAX(first)
FROM (
  SELECT account_id, module, COUNT(*) AS lessons, CAST(NULL AS SMALLINT) AS best, 0 AS passed,
         CAST(NULL AS SMALLINT) AS pre, CAST(NULL AS SMALLINT) AS first
  FROM lesson_read GROUP BY account_id, module
  UNION ALL
  SELECT account_id, module, 0,
         MAX(CASE WHEN kind = 'quiz' THEN score END),
         MAX(CASE WHEN kind = 'quiz' AND passed THEN 1 ELSE 0 END),
         MAX(CASE WHEN kind = 'pretest' AND number = 1 THEN score END),
         MAX(CASE WHEN kind = 'quiz' AND number = 1 THEN score END)
  FROM quiz_attempt GROUP BY account_id, module
) done
GROUP BY account_id, module";

const FILL_ANSWER_TALLY: &str = "\
INSERT INTO answer_tally (module, kind, question, is_right, chosen, learners)
SELECT t.module, t.kind, a.question, a.is_right, a.chosen, COUNT(*)
FROM quiz_attempt t JOIN quiz_answer a ON a.attempt_id = t.id
WHERE t.number = 1 AND t.account_id IN (SELECT account_id FROM cohort_member)
GROUP BY t.module, t.kind, a.question, a.is_right, a.chosen";

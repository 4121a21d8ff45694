//! Lessons marked read and where each learner stands in each module.

use std::collections::{BTreeMap, BTreeSet};

use catalog::{Catalog, Module, QuizKind};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionSession,
    TransactionTrait, TryInsertResult,
};

use crate::attempts::Snapshot;
use crate::entity::{lesson_read, quiz_attempt};
use crate::{Error, Result};

/// Records that `account` has read a lesson. Marking it again changes nothing.
pub async fn mark_read(
    db: &(impl ConnectionTrait + TransactionTrait),
    module: &Module,
    lesson: &str,
    account: i64,
    now: i64,
) -> Result<()> {
    if module.lesson(lesson).is_none() {
        return Err(Error::NotFound);
    }
    let tx = db.begin().await?;
    let inserted = lesson_read::Entity::insert(lesson_read::ActiveModel {
        account_id: Set(account),
        module: Set(module.slug.clone()),
        lesson: Set(lesson.to_string()),
        read_at: Set(now),
    })
    .on_conflict_do_nothing_on([
        lesson_read::Column::AccountId,
        lesson_read::Column::Module,
        lesson_read::Column::Lesson,
    ])
    .exec_without_returning(&tx)
    .await?;
    if matches!(inserted, TryInsertResult::Inserted(n) if n > 0) {
        crate::summary::lesson_marked(&tx, account, &module.slug).await?;
    }
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleState {
    NotStarted,
    InProgress,
    /// Every lesson read and the quiz (if any) passed.
    Completed,
}

/// Where the learner should go next in a module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// The first lesson not yet read.
    Lesson(String),
    Quiz,
    Done,
}

/// One learner in one module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleProgress {
    pub module: String,
    pub lessons_total: usize,
    /// Lessons of the module marked read (lessons since removed from the module are ignored).
    pub lessons_read: BTreeSet<String>,
    pub has_quiz: bool,
    pub quiz_attempts: u32,
    pub best_score: Option<u8>,
    pub passed: bool,
    pub pretest_score: Option<u8>,
    pub state: ModuleState,
    pub next: NextStep,
}

impl ModuleProgress {
    /// Share of steps done (each lesson is a step, and passing the quiz is one), in %.
    pub fn percent(&self) -> u8 {
        let steps = self.lessons_total + usize::from(self.has_quiz);
        let done = self.lessons_read.len() + usize::from(self.passed);
        catalog::quiz::score(done, steps)
    }

    /// One module from what [`Snapshot::load`] read of it.
    pub fn of_snapshot(module: &Module, snapshot: &Snapshot) -> Self {
        let attempts: Vec<&quiz_attempt::Model> = snapshot.attempts.iter().collect();
        Self::build(
            module,
            snapshot.lessons_read.iter().cloned().collect(),
            &attempts,
        )
    }

    fn build(module: &Module, read: BTreeSet<String>, attempts: &[&quiz_attempt::Model]) -> Self {
        let lessons_read: BTreeSet<String> = read
            .into_iter()
            .filter(|l| module.lesson(l).is_some())
            .collect();
        let quiz: Vec<_> = attempts
            .iter()
            .filter(|a| a.kind == QuizKind::Quiz)
            .collect();
        let best_score = quiz.iter().map(|a| score_of(a)).max();
        let passed = quiz.iter().any(|a| a.passed);
        let pretest_score = attempts
            .iter()
            .find(|a| a.kind == QuizKind::Pretest)
            .map(|a| score_of(a));
        let has_quiz = module.quiz.is_some();
        let all_read = lessons_read.len() == module.lessons.len();
        let state = if all_read && (passed || !has_quiz) {
            ModuleState::Completed
        } else if lessons_read.is_empty() && quiz.is_empty() && pretest_score.is_none() {
            ModuleState::NotStarted
        } else {
            ModuleState::InProgress
        };
        let next = match module
            .lessons
            .iter()
            .find(|l| !lessons_read.contains(&l.slug))
        {
            Some(lesson) => NextStep::Lesson(lesson.slug.clone()),
            None if has_quiz && !passed => NextStep::Quiz,
            None => NextStep::Done,
        };
        ModuleProgress {
            module: module.slug.clone(),
            lessons_total: module.lessons.len(),
            lessons_read,
            has_quiz,
            quiz_attempts: u32::try_from(quiz.len()).unwrap_or(u32::MAX),
            best_score,
            passed,
            pretest_score,
            state,
            next,
        }
    }
}

fn score_of(attempt: &quiz_attempt::Model) -> u8 {
    crate::percent(attempt.score)
}

/// Every module of the catalogue for one learner, in teaching order. Two queries.
pub async fn overview(
    db: &impl ConnectionTrait,
    catalog: &Catalog,
    account: i64,
) -> Result<Vec<ModuleProgress>> {
    let reads = lesson_read::Entity::find()
        .filter(lesson_read::Column::AccountId.eq(account))
        .all(db)
        .await?;
    let attempts = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::AccountId.eq(account))
        .all(db)
        .await?;
    let mut read_by_module: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in reads {
        read_by_module.entry(r.module).or_default().insert(r.lesson);
    }
    Ok(catalog
        .modules()
        .iter()
        .map(|module| {
            let mine: Vec<&quiz_attempt::Model> = attempts
                .iter()
                .filter(|a| a.module == module.slug)
                .collect();
            ModuleProgress::build(
                module,
                read_by_module.remove(&module.slug).unwrap_or_default(),
                &mine,
            )
        })
        .collect())
}

/// One module for one learner.
pub async fn of_module(
    db: &impl ConnectionTrait,
    module: &Module,
    account: i64,
) -> Result<ModuleProgress> {
    let snapshot = Snapshot::load(db, &module.slug, account).await?;
    Ok(ModuleProgress::of_snapshot(module, &snapshot))
}

/// Everything this crate holds about one learner, for their personal-data download.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LearningData {
    /// (module, lesson, Unix time)
    pub lessons_read: Vec<(String, String, i64)>,
    pub attempts: Vec<AttemptData>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct AttemptData {
    pub module: String,
    /// Written as its code (`quiz`, `pretest`), as stored.
    #[serde(serialize_with = "kind_code")]
    pub kind: QuizKind,
    pub number: i32,
    pub submitted_at: i64,
    pub score: i16,
    pub passed: bool,
    /// (question id, options ticked as places in the file, right)
    pub answers: Vec<(String, String, bool)>,
}

fn kind_code<S: serde::Serializer>(kind: &QuizKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.code())
}

pub async fn personal_data(db: &impl ConnectionTrait, account: i64) -> Result<LearningData> {
    use crate::entity::quiz_answer;
    use sea_orm::QueryOrder;

    let lessons_read = lesson_read::Entity::find()
        .filter(lesson_read::Column::AccountId.eq(account))
        .order_by_asc(lesson_read::Column::ReadAt)
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.module, r.lesson, r.read_at))
        .collect();
    let attempts = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::AccountId.eq(account))
        .order_by_asc(quiz_attempt::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = attempts.iter().map(|a| a.id).collect();
    let answers = quiz_answer::Entity::find()
        .filter(quiz_answer::Column::AttemptId.is_in(ids))
        .order_by_asc(quiz_answer::Column::Position)
        .all(db)
        .await?;
    Ok(LearningData {
        lessons_read,
        attempts: attempts
            .into_iter()
            .map(|a| AttemptData {
                answers: answers
                    .iter()
                    .filter(|x| x.attempt_id == a.id)
                    .map(|x| (x.question.clone(), x.chosen.clone(), x.is_right))
                    .collect(),
                module: a.module,
                kind: a.kind,
                number: a.number,
                submitted_at: a.submitted_at,
                score: a.score,
                passed: a.passed,
            })
            .collect(),
    })
}

//! The progress matrix: learners × modules.

use std::collections::HashMap;

use accounts::entity::cohort_member;
use catalog::{Catalog, Module};
use learning::entity::{lesson_read, quiz_attempt};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::{Learner, Result, members_of};

/// Where one learner stands in one module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    NotStarted,
    InProgress,
    Passed,
}

impl State {
    /// Where a learner stands in `module` from what they did there: `lessons` read, whether
    /// one of their quiz attempts passed, and whether they did anything at all (a pre-test
    /// counts). Passed means every lesson read and the quiz passed (or no quiz).
    pub fn of(module: &Module, lessons: i64, quiz_passed: bool, active: bool) -> State {
        let all_read = lessons as usize >= module.lessons.len();
        let passed = quiz_passed || module.quiz.is_none();
        if passed && all_read {
            State::Passed
        } else if lessons == 0 && !active {
            State::NotStarted
        } else {
            State::InProgress
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            State::NotStarted => "not-started",
            State::InProgress => "in-progress",
            State::Passed => "passed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub state: State,
    pub best_score: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub learner: Learner,
    /// One per module of the catalogue, in teaching order.
    pub cells: Vec<Cell>,
}

/// Per module: how many learners started it and passed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Total {
    pub started: usize,
    pub passed: usize,
}

impl Total {
    /// Counts one learner who is in `state`.
    fn count(&mut self, state: State) {
        self.started += usize::from(state != State::NotStarted);
        self.passed += usize::from(state == State::Passed);
    }
}

/// Lessons read per (learner, module) by the learners of `cohorts`: one aggregate query.
async fn lessons_read(
    db: &impl ConnectionTrait,
    cohorts: &[i64],
) -> Result<Vec<(i64, String, i64)>> {
    Ok(lesson_read::Entity::find()
        .select_only()
        .column(lesson_read::Column::AccountId)
        .column(lesson_read::Column::Module)
        .column_as(lesson_read::Column::Lesson.count(), "n")
        .filter(lesson_read::Column::AccountId.in_subquery(members_of(cohorts)))
        .group_by(lesson_read::Column::AccountId)
        .group_by(lesson_read::Column::Module)
        .into_tuple()
        .all(db)
        .await?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// Module slugs, in teaching order.
    pub modules: Vec<String>,
    pub rows: Vec<Row>,
    pub totals: Vec<Total>,
}

/// The matrix of `learners` (the members of `cohorts`) over every module of `catalog`. Two
/// aggregate queries, whatever the number of attempts: lessons read per (learner, module),
/// and per (learner, module, test) the best score and whether passed.
pub async fn matrix(
    db: &impl ConnectionTrait,
    catalog: &Catalog,
    cohorts: &[i64],
    learners: Vec<Learner>,
) -> Result<Matrix> {
    let mut read: HashMap<(i64, String), i64> = HashMap::new();
    let mut quiz: HashMap<(i64, String), (i16, bool)> = HashMap::new();
    let mut pretest: HashMap<(i64, String), ()> = HashMap::new();
    {
        read.extend(
            lessons_read(db, cohorts)
                .await?
                .into_iter()
                .map(|(a, m, n)| ((a, m), n)),
        );
        let rows: Vec<(i64, String, String, i16, i32)> = quiz_attempt::Entity::find()
            .select_only()
            .column(quiz_attempt::Column::AccountId)
            .column(quiz_attempt::Column::Module)
            .column(quiz_attempt::Column::Kind)
            .column_as(quiz_attempt::Column::Score.max(), "best")
            .column_as(
                Expr::cust("MAX(CASE WHEN passed THEN 1 ELSE 0 END)"),
                "passed",
            )
            .filter(quiz_attempt::Column::AccountId.in_subquery(members_of(cohorts)))
            .group_by(quiz_attempt::Column::AccountId)
            .group_by(quiz_attempt::Column::Module)
            .group_by(quiz_attempt::Column::Kind)
            .into_tuple()
            .all(db)
            .await?;
        for (account, module, kind, best, passed) in rows {
            if kind == "quiz" {
                quiz.insert((account, module), (best, passed != 0));
            } else {
                pretest.insert((account, module), ());
            }
        }
    }
    let modules = catalog.modules();
    let mut totals = vec![Total::default(); modules.len()];
    let rows = learners
        .into_iter()
        .map(|learner| {
            let cells = modules
                .iter()
                .enumerate()
                .map(|(i, module)| {
                    let key = (learner.account_id, module.slug.clone());
                    let lessons = read.get(&key).copied().unwrap_or(0);
                    let attempt = quiz.get(&key).copied();
                    let state = State::of(
                        module,
                        lessons,
                        attempt.is_some_and(|(_, p)| p),
                        attempt.is_some() || pretest.contains_key(&key),
                    );
                    totals[i].count(state);
                    Cell {
                        state,
                        best_score: attempt.map(|(best, _)| learning::percent(best)),
                    }
                })
                .collect();
            Row { learner, cells }
        })
        .collect();
    Ok(Matrix {
        modules: modules.iter().map(|m| m.slug.clone()).collect(),
        rows,
        totals,
    })
}

/// One cohort's line in the overview of many cohorts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortTotals {
    pub cohort_id: i64,
    pub learners: usize,
    /// One per module of the catalogue, in teaching order.
    pub totals: Vec<Total>,
}

/// Many cohorts at once (every cohort, for an administrator): no row per learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// Module slugs, in teaching order.
    pub modules: Vec<String>,
    /// By cohort id.
    pub cohorts: Vec<CohortTotals>,
    /// Learners of any of the cohorts, each counted once.
    pub learners: usize,
    /// Per module, each learner counted once even when in two cohorts.
    pub totals: Vec<Total>,
}

/// The totals of `cohorts` without a row per learner: per cohort its learners and, per
/// module, how many started and passed; and the same over all of them, each learner once.
/// Three queries, none of them listing names: the memberships, lessons read per (learner,
/// module), and per (learner, module) whether a quiz attempt passed. Counting per cohort in
/// the database was tried and was slower on both databases: a union of reads and attempts
/// grouped per learner (SQLite sorts 250,000 rows), and correlated subqueries per member
/// (PostgreSQL runs three subplans per member and module).
pub async fn overview(
    db: &impl ConnectionTrait,
    catalog: &Catalog,
    cohorts: &[i64],
) -> Result<Overview> {
    let modules = catalog.modules();
    let column: HashMap<&str, usize> = modules
        .iter()
        .enumerate()
        .map(|(i, m)| (m.slug.as_str(), i))
        .collect();
    let memberships: Vec<(i64, i64)> = cohort_member::Entity::find()
        .select_only()
        .column(cohort_member::Column::CohortId)
        .column(cohort_member::Column::AccountId)
        .filter(cohort_member::Column::CohortId.is_in(cohorts.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    // Per (learner, module column): lessons read, and whether a quiz attempt passed (None:
    // no attempt at all, pre-test included).
    let mut done: HashMap<(i64, usize), (i64, Option<bool>)> = HashMap::new();
    for (account, module, n) in lessons_read(db, cohorts).await? {
        if let Some(&i) = column.get(module.as_str()) {
            done.entry((account, i)).or_default().0 = n;
        }
    }
    let attempts: Vec<(i64, String, i32)> = quiz_attempt::Entity::find()
        .select_only()
        .column(quiz_attempt::Column::AccountId)
        .column(quiz_attempt::Column::Module)
        .column_as(
            Expr::cust("MAX(CASE WHEN kind = 'quiz' AND passed THEN 1 ELSE 0 END)"),
            "passed",
        )
        .filter(quiz_attempt::Column::AccountId.in_subquery(members_of(cohorts)))
        .group_by(quiz_attempt::Column::AccountId)
        .group_by(quiz_attempt::Column::Module)
        .into_tuple()
        .all(db)
        .await?;
    for (account, module, passed) in attempts {
        if let Some(&i) = column.get(module.as_str()) {
            done.entry((account, i)).or_default().1 = Some(passed != 0);
        }
    }
    let state = |account: i64, i: usize| {
        let (lessons, passed) = done.get(&(account, i)).copied().unwrap_or_default();
        State::of(&modules[i], lessons, passed == Some(true), passed.is_some())
    };
    let add = |totals: &mut [Total], account: i64| {
        for (i, total) in totals.iter_mut().enumerate() {
            total.count(state(account, i));
        }
    };
    let mut lines: Vec<CohortTotals> = cohorts
        .iter()
        .map(|&cohort_id| CohortTotals {
            cohort_id,
            learners: 0,
            totals: vec![Total::default(); modules.len()],
        })
        .collect();
    // Every cohort has a line, an empty one too.
    lines.sort_by_key(|c| c.cohort_id);
    lines.dedup_by_key(|c| c.cohort_id);
    let mut totals = vec![Total::default(); modules.len()];
    let mut counted = std::collections::HashSet::new();
    for (cohort, account) in memberships {
        if let Ok(line) = lines.binary_search_by_key(&cohort, |c| c.cohort_id) {
            lines[line].learners += 1;
            add(&mut lines[line].totals, account);
        }
        if counted.insert(account) {
            add(&mut totals, account);
        }
    }
    Ok(Overview {
        modules: modules.iter().map(|m| m.slug.clone()).collect(),
        cohorts: lines,
        learners: counted.len(),
        totals,
    })
}

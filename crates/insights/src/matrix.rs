//! The progress matrix: learners × modules.

use std::collections::HashMap;

use accounts::entity::cohort_member;
use catalog::{Catalog, Module};
use learning::entity::module_progress;
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

    /// Where a learner stands from their summary row for `module` (lessons read, passed), or
    /// `None` when they have none: nothing done there yet.
    fn of_summary(module: &Module, row: Option<(i32, bool)>) -> State {
        match row {
            Some((lessons, passed)) => State::of(module, lessons.into(), passed, true),
            None => State::of(module, 0, false, false),
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
    /// Counts `learners` who are in `state`.
    fn count(&mut self, state: State, learners: usize) {
        if state != State::NotStarted {
            self.started += learners;
        }
        if state == State::Passed {
            self.passed += learners;
        }
    }
}

/// Totals per module counted from groups of summary rows (lessons read, passed, how many
/// learners), the learners without a row then counted as not started: what the database
/// returns for many learners at once, counted by the same rule as the matrix.
struct Counting<'a> {
    modules: &'a [Module],
    totals: Vec<Total>,
    /// Per module, the learners counted from a summary row so far.
    with_row: Vec<usize>,
}

impl<'a> Counting<'a> {
    fn new(modules: &'a [Module]) -> Self {
        Self {
            modules,
            totals: vec![Total::default(); modules.len()],
            with_row: vec![0; modules.len()],
        }
    }

    /// `learners` whose row for module `i` has `lessons` read and `passed`.
    fn group(&mut self, i: usize, lessons: i32, passed: bool, learners: usize) {
        let state = State::of_summary(&self.modules[i], Some((lessons, passed)));
        self.totals[i].count(state, learners);
        self.with_row[i] += learners;
    }

    /// The totals of `learners` in all, those without a row included.
    fn finish(mut self, learners: usize) -> Vec<Total> {
        for (i, total) in self.totals.iter_mut().enumerate() {
            let state = State::of_summary(&self.modules[i], None);
            total.count(state, learners.saturating_sub(self.with_row[i]));
        }
        self.totals
    }
}

/// Per (learner, module started) of the learners of `cohorts`: lessons read, best quiz score,
/// whether passed. One query on the running summary (`learning::summary`).
async fn started(
    db: &impl ConnectionTrait,
    cohorts: &[i64],
) -> Result<Vec<(i64, String, i32, Option<i16>, bool)>> {
    Ok(module_progress::Entity::find()
        .select_only()
        .column(module_progress::Column::AccountId)
        .column(module_progress::Column::Module)
        .column(module_progress::Column::LessonsRead)
        .column(module_progress::Column::BestScore)
        .column(module_progress::Column::Passed)
        .filter(module_progress::Column::AccountId.in_subquery(members_of(cohorts)))
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

/// The matrix of `learners` (the members of `cohorts`) over every module of `catalog`. One
/// query, whatever the number of attempts: the summary row of each (learner, module) started.
pub async fn matrix(
    db: &impl ConnectionTrait,
    catalog: &Catalog,
    cohorts: &[i64],
    learners: Vec<Learner>,
) -> Result<Matrix> {
    let done: HashMap<(i64, String), (i32, Option<i16>, bool)> = started(db, cohorts)
        .await?
        .into_iter()
        .map(|(account, module, lessons, best, passed)| {
            ((account, module), (lessons, best, passed))
        })
        .collect();
    let modules = catalog.modules();
    let mut totals = vec![Total::default(); modules.len()];
    let rows = learners
        .into_iter()
        .map(|learner| {
            let cells = modules
                .iter()
                .enumerate()
                .map(|(i, module)| {
                    let row = done.get(&(learner.account_id, module.slug.clone()));
                    let state = State::of_summary(
                        module,
                        row.map(|&(lessons, _, passed)| (lessons, passed)),
                    );
                    totals[i].count(state, 1);
                    Cell {
                        state,
                        best_score: row.and_then(|(_, best, _)| best.map(learning::percent)),
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
/// The database counts the learners of each (cohort, module, lessons read, passed) from the
/// running summary, a few thousand rows come back whatever the number of learners, and each
/// count is turned into a state here, by the same rule as the matrix. Four queries, none of
/// them listing names.
pub async fn overview(
    db: &impl ConnectionTrait,
    catalog: &Catalog,
    cohorts: &[i64],
) -> Result<Overview> {
    use sea_orm::sea_query::{Alias, Expr, ExprTrait, JoinType, Query};
    let modules = catalog.modules();
    let column: HashMap<&str, usize> = modules
        .iter()
        .enumerate()
        .map(|(i, m)| (m.slug.as_str(), i))
        .collect();
    let in_cohorts = || cohort_member::Column::CohortId.is_in(cohorts.iter().copied());
    let mut lines: Vec<CohortTotals> = cohorts
        .iter()
        .map(|&cohort_id| CohortTotals {
            cohort_id,
            learners: 0,
            totals: Vec::new(),
        })
        .collect();
    // Every cohort has a line, an empty one too.
    lines.sort_by_key(|c| c.cohort_id);
    lines.dedup_by_key(|c| c.cohort_id);
    let sizes: Vec<(i64, i64)> = cohort_member::Entity::find()
        .select_only()
        .column(cohort_member::Column::CohortId)
        .column_as(cohort_member::Column::AccountId.count(), "n")
        .filter(in_cohorts())
        .group_by(cohort_member::Column::CohortId)
        .into_tuple()
        .all(db)
        .await?;
    for (cohort, n) in sizes {
        if let Ok(line) = lines.binary_search_by_key(&cohort, |c| c.cohort_id) {
            lines[line].learners = n as usize;
        }
    }
    // (cohort, module, lessons read, passed, learners) for the learners who started.
    let member = Alias::new("m");
    let progress = Alias::new("p");
    let per_cohort = Query::select()
        .column((member.clone(), cohort_member::Column::CohortId))
        .column((progress.clone(), module_progress::Column::Module))
        .column((progress.clone(), module_progress::Column::LessonsRead))
        .column((progress.clone(), module_progress::Column::Passed))
        .expr(Expr::cust("COUNT(*)"))
        .from_as(cohort_member::Entity, member.clone())
        .join_as(
            JoinType::InnerJoin,
            module_progress::Entity,
            progress.clone(),
            Expr::col((progress.clone(), module_progress::Column::AccountId))
                .equals((member.clone(), cohort_member::Column::AccountId)),
        )
        .and_where(
            Expr::col((member.clone(), cohort_member::Column::CohortId))
                .is_in(cohorts.iter().copied()),
        )
        .group_by_col((member.clone(), cohort_member::Column::CohortId))
        .group_by_col((progress.clone(), module_progress::Column::Module))
        .group_by_col((progress.clone(), module_progress::Column::LessonsRead))
        .group_by_col((progress.clone(), module_progress::Column::Passed))
        .to_owned();
    let mut counting: Vec<Counting> = lines.iter().map(|_| Counting::new(modules)).collect();
    for row in db.query_all(&per_cohort).await? {
        let cohort: i64 = row.try_get_by_index(0)?;
        let module: String = row.try_get_by_index(1)?;
        let lessons: i32 = row.try_get_by_index(2)?;
        let passed: bool = row.try_get_by_index(3)?;
        let n: i64 = row.try_get_by_index(4)?;
        let (Ok(line), Some(&i)) = (
            lines.binary_search_by_key(&cohort, |c| c.cohort_id),
            column.get(module.as_str()),
        ) else {
            continue;
        };
        counting[line].group(i, lessons, passed, n as usize);
    }
    for (line, counting) in lines.iter_mut().zip(counting) {
        line.totals = counting.finish(line.learners);
    }
    // The same over every learner of the cohorts, each once.
    let learners: i64 = cohort_member::Entity::find()
        .select_only()
        .column_as(Expr::cust("COUNT(DISTINCT account_id)"), "n")
        .filter(in_cohorts())
        .into_tuple()
        .one(db)
        .await?
        .unwrap_or(0);
    let learners = learners as usize;
    let grouped: Vec<(String, i32, bool, i64)> = module_progress::Entity::find()
        .select_only()
        .column(module_progress::Column::Module)
        .column(module_progress::Column::LessonsRead)
        .column(module_progress::Column::Passed)
        .column_as(module_progress::Column::AccountId.count(), "n")
        .filter(module_progress::Column::AccountId.in_subquery(members_of(cohorts)))
        .group_by(module_progress::Column::Module)
        .group_by(module_progress::Column::LessonsRead)
        .group_by(module_progress::Column::Passed)
        .into_tuple()
        .all(db)
        .await?;
    let mut all = Counting::new(modules);
    for (module, lessons, passed, n) in grouped {
        if let Some(&i) = column.get(module.as_str()) {
            all.group(i, lessons, passed, n as usize);
        }
    }
    let totals = all.finish(learners);
    Ok(Overview {
        modules: modules.iter().map(|m| m.slug.clone()).collect(),
        cohorts: lines,
        learners,
        totals,
    })
}

//! The progress matrix: learners × modules.

use std::collections::HashMap;

use catalog::Catalog;
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
        let rows: Vec<(i64, String, i64)> = lesson_read::Entity::find()
            .select_only()
            .column(lesson_read::Column::AccountId)
            .column(lesson_read::Column::Module)
            .column_as(lesson_read::Column::Lesson.count(), "n")
            .filter(lesson_read::Column::AccountId.in_subquery(members_of(cohorts)))
            .group_by(lesson_read::Column::AccountId)
            .group_by(lesson_read::Column::Module)
            .into_tuple()
            .all(db)
            .await?;
        read.extend(rows.into_iter().map(|(a, m, n)| ((a, m), n)));
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
                    let all_read = lessons as usize >= module.lessons.len();
                    let passed =
                        attempt.is_some_and(|(_, p)| p) || (module.quiz.is_none() && all_read);
                    let state = if passed && all_read {
                        State::Passed
                    } else if lessons == 0 && attempt.is_none() && !pretest.contains_key(&key) {
                        State::NotStarted
                    } else {
                        State::InProgress
                    };
                    if state != State::NotStarted {
                        totals[i].started += 1;
                    }
                    if state == State::Passed {
                        totals[i].passed += 1;
                    }
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

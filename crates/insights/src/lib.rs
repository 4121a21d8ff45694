//! What a trainer sees of a cohort, computed from what learners did.
//!
//! - [`matrix`]: learners × modules, each cell not started / in progress / passed with the
//!   best score, and totals per module. Aggregated in SQL, so it scales with the number of
//!   learners, not of attempts.
//! - [`questions`]: for one module's quiz, the share of learners who answered each question
//!   right at their first attempt, the wrong option chosen most, and results per objective.
//! - [`gain`]: pre-test against post-test (the first quiz attempt), per learner, per
//!   objective, and per affiliation category without naming anyone.
//!
//! Every query filters by a subquery on the cohorts' members and aggregates in the database,
//! so a report costs a handful of queries whatever the number of learners or attempts. The
//! progress and the pre/post scores are read from `module_progress`, and the answers of
//! every cohort at once from `answer_tally`: running summaries that `learning::summary`
//! keeps up to date as learners read and answer.
//! - [`csv`]: what the screens show, as CSV a spreadsheet opens (accents, formulas defused).

pub mod csv;
pub mod gain;
pub mod matrix;
pub mod questions;

use accounts::Affiliation;
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no such module or quiz")]
    NotFound,
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("csv: {0}")]
    Csv(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A cohort's learner, as the trainer's tables name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learner {
    pub account_id: i64,
    pub name: String,
    pub username: String,
    pub affiliation: Affiliation,
}

/// Whose answers a question analysis or a pre/post comparison counts.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// The current learners of these cohorts (a trainer's cohort).
    Cohorts(&'a [i64]),
    /// The learners of every cohort, an administrator's view. The answers are counted from
    /// the running tally (`learning::summary`), in which a learner counts who was in a cohort
    /// when they took the test: reading every answer of 10,000 learners takes too long.
    Every,
}

impl Scope<'_> {
    /// The learners in scope, as a subquery.
    fn members(self) -> SelectStatement {
        use accounts::entity::cohort_member;
        match self {
            Scope::Cohorts(cohorts) => members_of(cohorts),
            Scope::Every => Query::select()
                .column(cohort_member::Column::AccountId)
                .from(cohort_member::Entity)
                .to_owned(),
        }
    }
}

/// `SELECT account_id FROM cohort_member WHERE cohort_id IN (…)`: the learners of
/// `cohorts`, as a subquery, so that the database filters without a list of ids.
pub fn members_of(cohorts: &[i64]) -> SelectStatement {
    use accounts::entity::cohort_member;
    Query::select()
        .column(cohort_member::Column::AccountId)
        .from(cohort_member::Entity)
        .and_where(cohort_member::Column::CohortId.is_in(cohorts.iter().copied()))
        .to_owned()
}

/// The learners of `cohorts` (one cohort, or every cohort for "all"), by name. Deleted
/// accounts stay, anonymised, so that the figures still count them. One query.
pub async fn learners(db: &impl ConnectionTrait, cohorts: &[i64]) -> Result<Vec<Learner>> {
    use accounts::entity::account;
    let rows: Vec<(i64, String, String, Affiliation)> = account::Entity::find()
        .select_only()
        .column(account::Column::Id)
        .column(account::Column::DisplayName)
        .column(account::Column::Username)
        .column(account::Column::Affiliation)
        .filter(account::Column::Id.in_subquery(members_of(cohorts)))
        .into_tuple()
        .all(db)
        .await?;
    let mut found: Vec<Learner> = rows
        .into_iter()
        .map(|(account_id, name, username, affiliation)| Learner {
            account_id,
            name,
            username,
            affiliation,
        })
        .collect();
    found.sort_by(|a, b| {
        (a.name.to_lowercase(), a.account_id).cmp(&(b.name.to_lowercase(), b.account_id))
    });
    Ok(found)
}

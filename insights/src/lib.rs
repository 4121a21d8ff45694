//! What a trainer sees of a cohort, computed from what learners did.
//!
//! - [`matrix`]: learners × modules, each cell not started / in progress / passed with the
//!   best score, and totals per module. Aggregated in SQL, so it scales with the number of
//!   learners, not of attempts.
//! - [`questions`]: for one module's quiz, the share of learners who answered each question
//!   right on their first try, the wrong option chosen most, and results per objective.
//! - [`gain`]: pre-test against post-test (the first quiz attempt), per learner, per
//!   objective, and per affiliation category without naming anyone.
//! - [`csv`]: what the screens show, as CSV a spreadsheet opens (accents, formulas defused).

pub mod csv;
pub mod gain;
pub mod matrix;
pub mod questions;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

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
    /// `fds`, `armed_movement` or `other`.
    pub affiliation: String,
}

/// The learners of `cohorts` (one cohort, or every cohort for "all"), by name. Deleted
/// accounts stay, anonymised, so that the figures still count them.
pub async fn learners(db: &impl ConnectionTrait, cohorts: &[i64]) -> Result<Vec<Learner>> {
    use accounts::entity::{account, cohort_member};
    let ids: Vec<i64> = cohort_member::Entity::find()
        .filter(cohort_member::Column::CohortId.is_in(cohorts.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.account_id)
        .collect();
    let mut found: Vec<Learner> = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(10_000) {
        found.extend(
            account::Entity::find()
                .filter(account::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?
                .into_iter()
                .map(|a| Learner {
                    account_id: a.id,
                    name: a.display_name,
                    username: a.username,
                    affiliation: a.affiliation,
                }),
        );
    }
    found.sort_by(|a, b| {
        (a.name.to_lowercase(), a.account_id).cmp(&(b.name.to_lowercase(), b.account_id))
    });
    found.dedup_by_key(|l| l.account_id);
    Ok(found)
}

/// The arithmetic mean, or `None` for nothing.
pub fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

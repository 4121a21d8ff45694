//! What a learner has done and what they may do next.
//!
//! Lessons marked read, quiz and pre-test attempts with every answer given, and the progress
//! drawn from them. Questions and grading come from `catalog` (pure); this crate adds the
//! rules that need the database: which attempt is next, when it may start, recording it once.
//! Nothing here knows about Leptos or HTTP.

pub mod attempts;
pub mod entity;
pub mod progress;
pub mod summary;

pub use attempts::{Availability, Reveal, Submitted};
pub use progress::{ModuleProgress, ModuleState, NextStep};

use catalog::quiz::AnswerError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no such module, lesson or quiz")]
    NotFound,
    #[error("read every lesson of the module before the quiz")]
    LessonsNotRead,
    #[error("no attempt left")]
    NoAttemptsLeft,
    #[error("the next attempt opens at {0}")]
    TooSoon(i64),
    #[error("the pre-test is taken once, before the quiz")]
    PretestClosed,
    #[error("this attempt is not the next one: reload the quiz")]
    StaleAttempt,
    #[error("{0}")]
    Answers(#[from] AnswerError),
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A stored score (a SMALLINT column) as the percentage it is, 0 to 100.
pub fn percent(stored: i16) -> u8 {
    u8::try_from(stored.clamp(0, 100)).unwrap_or(0)
}

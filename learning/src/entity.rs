//! The tables this crate owns (see `migration/src/m20261129_000003_create_progress.rs`).

pub mod lesson_read;
pub mod quiz_answer;
pub mod quiz_attempt;

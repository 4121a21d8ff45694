//! The tables this crate owns (see `migration/src/m20261129_000003_create_progress.rs`, and
//! `m20261130_000006_read_models.rs` for the two running summaries).

pub mod answer_tally;
pub mod lesson_read;
pub mod module_progress;
pub mod quiz_answer;
pub mod quiz_attempt;

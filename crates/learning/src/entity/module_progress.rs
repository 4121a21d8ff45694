use sea_orm::entity::prelude::*;

/// One learner in one module they have started, kept up to date with `lesson_read` and
/// `quiz_attempt` (see [`crate::summary`]).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "module_progress")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub module: String,
    pub lessons_read: i32,
    /// Best quiz score; `None` before the first quiz attempt.
    pub best_score: Option<i16>,
    /// Whether a quiz attempt passed.
    pub passed: bool,
    /// The (only) pre-test's score.
    pub pretest_score: Option<i16>,
    /// The first quiz attempt's score (the post-test).
    pub first_score: Option<i16>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

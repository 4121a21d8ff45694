use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz_attempt")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub account_id: i64,
    pub module: String,
    pub kind: catalog::QuizKind,
    /// 1 for the first attempt.
    pub number: i32,
    pub submitted_at: i64,
    pub score: i16,
    pub passed: bool,
    pub questions: i32,
    pub right_answers: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

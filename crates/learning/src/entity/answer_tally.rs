use sea_orm::entity::prelude::*;

/// How many learners gave one answer to one question at their first attempt (see
/// [`crate::summary`]).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "answer_tally")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub module: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: catalog::QuizKind,
    #[sea_orm(primary_key, auto_increment = false)]
    pub question: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub is_right: bool,
    /// Options ticked, as places in the file (`0,2`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub chosen: String,
    pub learners: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz_answer")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub attempt_id: i64,
    /// The question's place in the attempt, from 0.
    #[sea_orm(primary_key, auto_increment = false)]
    pub position: i32,
    /// The question's id in the quiz file.
    pub question: String,
    /// The options ticked, as their places in the file (from 0), comma-separated; empty when none.
    pub chosen: String,
    pub is_right: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

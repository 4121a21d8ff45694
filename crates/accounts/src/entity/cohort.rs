use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cohort")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    /// `None` when the trainer has turned joining by code off.
    #[sea_orm(unique)]
    pub join_code: Option<String>,
    pub created_at: i64,
    pub archived_at: Option<i64>,
    /// Where the in-person sessions take place, if any.
    pub place: Option<String>,
    /// `YYYY-MM-DD`.
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

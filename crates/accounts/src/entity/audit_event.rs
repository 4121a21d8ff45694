use sea_orm::entity::prelude::*;

/// Who did what to which account, and when. Ids only: a deleted account's name leaves no copy.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: i64,
    /// `None` for the server's own command line.
    pub actor_id: Option<i64>,
    pub action: String,
    pub account_id: Option<i64>,
    pub cohort_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

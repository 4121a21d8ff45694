use sea_orm::entity::prelude::*;

/// A browser that signed in to this account before (see `sign_in`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "trusted_device")]
pub struct Model {
    /// SHA-256 of the `device` cookie's token, hex.
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: i64,
    pub last_sign_in_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session")]
pub struct Model {
    /// SHA-256 of the session id, in hex. The id itself is only ever in the visitor's cookie.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id_hash: String,
    /// Copied out of `data` so that deleting an account or resetting its password can end
    /// its sessions.
    pub account_id: Option<i64>,
    pub data: String,
    pub expires_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

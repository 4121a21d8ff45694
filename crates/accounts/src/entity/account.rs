use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "account")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub username: String,
    pub display_name: String,
    pub role: crate::Role,
    pub affiliation: crate::Affiliation,
    pub lang: String,
    pub password_hash: Option<String>,
    /// Argon2 hash of the one-time code printed on a slip, until it is used.
    pub code_hash: Option<String>,
    pub code_expires_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Set when an administrator deleted the account: the row stays, anonymised, so that the
    /// cohort's figures still count it.
    pub deleted_at: Option<i64>,
    /// The last sign-in (password, one-time code or joining); `None` before the first. The
    /// retention period counts from it (`crate::retention`).
    pub last_sign_in_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

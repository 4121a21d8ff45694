//! Accounts, by subject: creating them (`create`), what proves who someone is
//! (`credentials`: one-time codes, passwords), deleting them (`deletion`), and what the
//! platform holds about a person (`personal_data`). This file holds what they share and the
//! administrators' list.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::Error;
use crate::entity::account;

mod create;
mod credentials;
mod deletion;
mod personal_data;

pub use create::*;
pub use credentials::*;
pub use deletion::*;
pub use personal_data::*;

pub(crate) use deletion::anonymise;

async fn live(db: &impl ConnectionTrait, account_id: i64) -> Result<account::Model, Error> {
    account::Entity::find_by_id(account_id)
        .one(db)
        .await?
        .filter(|a| a.deleted_at.is_none())
        .ok_or(Error::NotFound)
}

/// One row of the administrators' list of accounts.
#[derive(Debug, Clone, Serialize)]
pub struct AccountRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: crate::Role,
}

pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<AccountRow>, Error> {
    Ok(account::Entity::find()
        .filter(account::Column::DeletedAt.is_null())
        .order_by_asc(account::Column::Username)
        .all(db)
        .await?
        .into_iter()
        .map(|a| AccountRow {
            id: a.id,
            username: a.username,
            display_name: a.display_name,
            role: a.role,
        })
        .collect())
}

pub async fn find(db: &impl ConnectionTrait, account_id: i64) -> Result<account::Model, Error> {
    live(db, account_id).await
}

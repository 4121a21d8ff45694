//! Sessions kept in the database, so that every server process behind a load balancer sees
//! the same ones; the cookie (managed by `tower-sessions`) holds only a random 128-bit id.
//!
//! The table keeps the SHA-256 of the id, never the id: a copy of the database opens no
//! session. Each record also notes its account, so that deleting an account or issuing a new
//! one-time code ends that person's sessions everywhere.

use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

use crate::entity::session;
use crate::now;

/// Keys the web layer keeps in a session.
pub mod keys {
    /// The signed-in account's id.
    pub const ACCOUNT_ID: &str = "account_id";
    /// When the person signed in (Unix seconds), for the absolute time-out.
    pub const SIGNED_IN_AT: &str = "signed_in_at";
    /// Signed in with a one-time code and has not chosen a password yet.
    pub const MUST_SET_PASSWORD: &str = "must_set_password";
    /// The slips of the last accounts a trainer created, until printed and cleared.
    pub const SLIPS: &str = "slips";
}

#[derive(Debug, Clone)]
pub struct DbSessionStore {
    db: DatabaseConnection,
}

impl DbSessionStore {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// Removes expired sessions; the server runs this every hour.
    pub async fn delete_expired(&self) -> Result<u64, sea_orm::DbErr> {
        Ok(session::Entity::delete_many()
            .filter(session::Column::ExpiresAt.lte(now()))
            .exec(&self.db)
            .await?
            .rows_affected)
    }
}

/// Ends every session of an account but `keep` (the one that asked), in every process.
pub async fn end_other_sessions(
    db: &impl sea_orm::ConnectionTrait,
    account_id: i64,
    keep: Option<&Id>,
) -> Result<u64, sea_orm::DbErr> {
    let mut delete =
        session::Entity::delete_many().filter(session::Column::AccountId.eq(account_id));
    if let Some(keep) = keep {
        delete = delete.filter(session::Column::IdHash.ne(id_hash(keep)));
    }
    Ok(delete.exec(db).await?.rows_affected)
}

fn id_hash(id: &Id) -> String {
    hex::encode(Sha256::digest(id.0.to_le_bytes()))
}

fn backend(error: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(error.to_string())
}

fn row(record: &Record) -> session_store::Result<session::ActiveModel> {
    let data = serde_json::to_string(&record.data)
        .map_err(|e| session_store::Error::Encode(e.to_string()))?;
    Ok(session::ActiveModel {
        id_hash: Set(id_hash(&record.id)),
        account_id: Set(record
            .data
            .get(keys::ACCOUNT_ID)
            .and_then(serde_json::Value::as_i64)),
        data: Set(data),
        expires_at: Set(record.expiry_date.unix_timestamp()),
    })
}

#[async_trait::async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // A collision of two random 128-bit ids will not happen, but costs one lookup to rule out.
        while session::Entity::find_by_id(id_hash(&record.id))
            .one(&self.db)
            .await
            .map_err(backend)?
            .is_some()
        {
            record.id = Id::default();
        }
        session::Entity::insert(row(record)?)
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        session::Entity::insert(row(record)?)
            .on_conflict(
                OnConflict::column(session::Column::IdHash)
                    .update_columns([
                        session::Column::AccountId,
                        session::Column::Data,
                        session::Column::ExpiresAt,
                    ])
                    .to_owned(),
            )
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let found = session::Entity::find_by_id(id_hash(id))
            .filter(session::Column::ExpiresAt.gt(now()))
            .one(&self.db)
            .await
            .map_err(backend)?;
        let Some(found) = found else {
            return Ok(None);
        };
        let data = serde_json::from_str(&found.data)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        let expiry_date = time::OffsetDateTime::from_unix_timestamp(found.expires_at)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        session::Entity::delete_by_id(id_hash(id))
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

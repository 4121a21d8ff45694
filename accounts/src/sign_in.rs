//! Signing in with a username and a password or one-time code, slowed after repeated failures.
//!
//! Failures are counted per account (the username as typed, known or not) and per client
//! address, in the database so that every server process counts the same. After
//! [`ACCOUNT_LIMIT`] failures on an account, or [`ADDRESS_LIMIT`] from one address, within
//! [`WINDOW`] seconds, each further attempt waits a minute, then two, four… up to an hour,
//! and is refused without checking the password. A success clears the account's count.
//!
//! Wrong cohort join codes are counted the same way per address ([`JOIN_LIMIT`]), so that
//! codes cannot be found by trying them all.
//!
//! An unknown username and a wrong password give the same error after the same work: two
//! Argon2 checks (password and one-time code) either way.

use std::net::IpAddr;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};

use crate::entity::{account, sign_in_throttle};
use crate::{Error, codes, now, password};

pub const ACCOUNT_LIMIT: i32 = 5;
/// High enough for a classroom behind one address, where many people mistype at once.
pub const ADDRESS_LIMIT: i32 = 60;
/// Wrong cohort join codes from one address (see `people::join`).
pub const JOIN_LIMIT: i32 = 30;
/// Seconds over which failures add up.
pub const WINDOW: i64 = 15 * 60;
const LONGEST_WAIT: i64 = 60 * 60;

/// How the account was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignedIn {
    Password(account::Model),
    /// A one-time code: the code is now spent and the person must choose a password.
    OneTimeCode(account::Model),
}

pub async fn sign_in(
    db: &DatabaseConnection,
    username: &str,
    secret: &str,
    address: Option<IpAddr>,
) -> Result<SignedIn, Error> {
    let username: String = username.trim().to_lowercase().chars().take(64).collect();
    let keys = keys(&username, address);
    if blocked(db, &keys).await? {
        return Err(Error::TooManyAttempts);
    }
    let now = now();
    let found = account::Entity::find()
        .filter(account::Column::Username.eq(username.as_str()))
        .filter(account::Column::DeletedAt.is_null())
        .one(db)
        .await?;
    let password_hash = found.as_ref().and_then(|a| a.password_hash.as_deref());
    let code_hash = found
        .as_ref()
        .filter(|a| a.code_expires_at.is_some_and(|t| t > now))
        .and_then(|a| a.code_hash.as_deref());
    let by_password = password::verify(password_hash, secret).await?;
    let by_code = password::verify(code_hash, &codes::normalise(secret)).await?;
    match found {
        Some(a) if by_password => {
            clear(db, &keys[0]).await?;
            Ok(SignedIn::Password(a))
        }
        Some(a) if by_code => {
            clear(db, &keys[0]).await?;
            let mut active: account::ActiveModel = a.clone().into();
            active.code_hash = Set(None);
            active.code_expires_at = Set(None);
            active.updated_at = Set(now);
            let a = active.update(db).await?;
            Ok(SignedIn::OneTimeCode(a))
        }
        _ => {
            record_failure(db, &keys[0], ACCOUNT_LIMIT).await?;
            if let Some(key) = keys.get(1) {
                record_failure(db, key, ADDRESS_LIMIT).await?;
            }
            Err(Error::BadCredentials)
        }
    }
}

fn keys(username: &str, address: Option<IpAddr>) -> Vec<String> {
    let mut keys = vec![format!("account:{username}")];
    if let Some(address) = address {
        keys.push(format!("address:{address}"));
    }
    keys
}

pub(crate) async fn blocked(db: &impl ConnectionTrait, keys: &[String]) -> Result<bool, Error> {
    Ok(sign_in_throttle::Entity::find()
        .filter(sign_in_throttle::Column::Key.is_in(keys.iter().cloned()))
        .filter(sign_in_throttle::Column::BlockedUntil.gt(now()))
        .one(db)
        .await?
        .is_some())
}

/// Counts one failure atomically (concurrent failures are all counted, on SQLite and
/// PostgreSQL), then blocks the key if it went over `limit`.
pub(crate) async fn record_failure(
    db: &DatabaseConnection,
    key: &str,
    limit: i32,
) -> Result<(), Error> {
    use sign_in_throttle::Column as C;
    let now = now();
    let tx = db.begin().await?;
    sign_in_throttle::Entity::insert(sign_in_throttle::ActiveModel {
        key: Set(key.to_string()),
        failures: Set(0),
        first_failure_at: Set(now),
        blocked_until: Set(0),
    })
    .on_conflict_do_nothing_on([C::Key])
    .exec(&tx)
    .await?;
    let stale = Expr::col(C::FirstFailureAt).lt(now - WINDOW);
    sign_in_throttle::Entity::update_many()
        .col_expr(
            C::Failures,
            Expr::case(stale.clone(), 1)
                .finally(Expr::col(C::Failures).add(1))
                .into(),
        )
        .col_expr(
            C::FirstFailureAt,
            Expr::case(stale, now)
                .finally(Expr::col(C::FirstFailureAt))
                .into(),
        )
        .filter(C::Key.eq(key))
        .exec(&tx)
        .await?;
    let row = sign_in_throttle::Entity::find_by_id(key.to_string())
        .one(&tx)
        .await?;
    if let Some(row) = row.filter(|r| r.failures >= limit) {
        let wait = wait_after(row.failures - limit);
        sign_in_throttle::Entity::update_many()
            .col_expr(C::BlockedUntil, Expr::value(now + wait))
            .filter(C::Key.eq(key))
            .exec(&tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Forgets the failure counts that no longer slow anyone down: no wait in force, and counting
/// started more than [`WINDOW`] seconds ago (the next failure would start again from one). They
/// hold usernames as typed and client addresses: kept no longer than they serve. Returns how
/// many went.
pub async fn forget_stale(db: &impl ConnectionTrait, now: i64) -> Result<u64, Error> {
    use sign_in_throttle::Column as C;
    Ok(sign_in_throttle::Entity::delete_many()
        .filter(C::FirstFailureAt.lt(now - WINDOW))
        .filter(C::BlockedUntil.lte(now))
        .exec(db)
        .await?
        .rows_affected)
}

/// Seconds to wait after `over` failures beyond the limit: 1 minute, doubling, up to an hour.
pub fn wait_after(over: i32) -> i64 {
    Ord::min(60_i64 << over.clamp(0, 6), LONGEST_WAIT)
}

async fn clear(db: &impl ConnectionTrait, key: &str) -> Result<(), Error> {
    sign_in_throttle::Entity::delete_by_id(key.to_string())
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_up_to_an_hour() {
        assert_eq!(wait_after(0), 60);
        assert_eq!(wait_after(1), 120);
        assert_eq!(wait_after(5), 1920);
        assert_eq!(wait_after(6), 3600);
        assert_eq!(wait_after(60), 3600);
    }
}

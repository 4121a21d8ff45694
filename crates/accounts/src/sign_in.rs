//! Signing in with a username and a password or one-time code, slowed after repeated failures
//! without letting a stranger lock a person out.
//!
//! - **Per account**: after [`ACCOUNT_LIMIT`] failures within [`WINDOW`] seconds, each
//!   further attempt waits a minute, then two, four… up to an hour, and is refused without
//!   checking the password. A success clears the count.
//! - **Trusted browsers** (OWASP's device cookies): a browser that signed in to an account
//!   before holds a random token ([`Attempt::device`]); its attempts on that account are
//!   counted under the token, not the account, so failures typed elsewhere never lock it out,
//!   and it is not slowed per address either.
//! - **Per address**: past [`ADDRESS_LIMIT`] failures from one address (a classroom behind one
//!   NAT), attempts from it are not refused but spaced, one every [`ADDRESS_SPACING`]
//!   seconds, each waiting its turn: guessing across many usernames becomes slow, and a right
//!   password typed there still gets in. Only a queue longer than [`LONGEST_QUEUE`] seconds is
//!   refused. Wrong cohort join codes are paced the same way ([`JOIN_LIMIT`]).
//! - **Counted before the work**: a failure is reserved (counted) before Argon2 runs and given
//!   back on success, so simultaneous wrong passwords cannot all be checked while the count
//!   lags; hashing itself is bounded for the whole process (`password`).
//!
//! Counts live in the database so that every server process counts the same. An unknown
//! username and a wrong password give the same error after the same work: two Argon2 checks
//! (password and one-time code) either way.

use std::net::IpAddr;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};
use sha2::{Digest, Sha256};

use crate::audit::{self, Action};
use crate::entity::{account, sign_in_throttle, trusted_device};
use crate::{Error, codes, now, password};

pub const ACCOUNT_LIMIT: i32 = 5;
/// High enough for a classroom behind one address, where many people mistype at once.
pub const ADDRESS_LIMIT: i32 = 60;
/// Wrong cohort join codes from one address (see `people::join`).
pub const JOIN_LIMIT: i32 = 30;
/// Seconds over which failures add up.
pub const WINDOW: i64 = 15 * 60;
const LONGEST_WAIT: i64 = 60 * 60;
/// Seconds between two attempts from an address past its limit.
pub const ADDRESS_SPACING: i64 = 2;
/// The longest an attempt from a paced address waits for its turn before it is refused.
pub const LONGEST_QUEUE: i64 = 30;
/// Days a browser stays trusted after its last sign-in to the account.
pub const DEVICE_DAYS: i64 = 90;

/// How the account was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignedIn {
    Password(account::Model),
    /// A one-time code: the code is now spent and the person must choose a password.
    OneTimeCode(account::Model),
}

impl SignedIn {
    pub fn account(&self) -> &account::Model {
        match self {
            SignedIn::Password(a) | SignedIn::OneTimeCode(a) => a,
        }
    }
}

/// What a sign-in form brings.
#[derive(Debug, Clone, Copy)]
pub struct Attempt<'a> {
    pub username: &'a str,
    pub secret: &'a str,
    /// The client's address, when known.
    pub address: Option<IpAddr>,
    /// The browser's `device` cookie, if it has one.
    pub device: Option<&'a str>,
}

/// A successful sign-in, and the device token the browser keeps from now on (the one it
/// sent, or a new one).
#[derive(Debug, Clone)]
pub struct Opened {
    pub signed_in: SignedIn,
    pub device: String,
}

pub async fn sign_in(db: &DatabaseConnection, attempt: Attempt<'_>) -> Result<Opened, Error> {
    // No real username holds a control character; PostgreSQL refuses NUL in text, and the
    // username as typed becomes the throttling key.
    let username: String = attempt
        .username
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_control())
        .take(64)
        .collect();
    let now = now();
    let found = account::Entity::find()
        .filter(account::Column::Username.eq(username.as_str()))
        .filter(account::Column::DeletedAt.is_null())
        .one(db)
        .await?;
    let device = attempt.device.filter(|t| codes::is_token(t));
    let trusted = match (&found, device) {
        (Some(a), Some(token)) => is_trusted(db, a.id, token, now).await?,
        _ => false,
    };
    let key = match device {
        Some(token) if trusted => format!("device:{}", token_hash(token)),
        _ => format!("account:{username}"),
    };
    let Reserved::Counted { starts_wait } = reserve(db, &key, ACCOUNT_LIMIT).await? else {
        return Err(Error::TooManyAttempts);
    };
    let address_key = attempt
        .address
        .filter(|_| !trusted)
        .map(|a| format!("address:{a}"));
    if let Some(address_key) = &address_key {
        pace(db, address_key, ADDRESS_LIMIT).await?;
    }

    let password_hash = found.as_ref().and_then(|a| a.password_hash.as_deref());
    let code_hash = found
        .as_ref()
        .filter(|a| a.code_expires_at.is_some_and(|t| t > now))
        .and_then(|a| a.code_hash.as_deref());
    let checked = async {
        let by_password = password::verify(password_hash, attempt.secret).await?;
        // A right password needs no second hash (the answer tells it anyway); a wrong one is
        // checked against the code too, or a dummy, so that every failure takes as long.
        let by_code =
            !by_password && password::verify(code_hash, &codes::normalise(attempt.secret)).await?;
        Ok::<_, Error>((by_password, by_code))
    };
    let reserved = [Some(key.as_str()), address_key.as_deref()];
    let (by_password, by_code) = unless_busy(db, &reserved, checked.await).await?;
    let signed_in = match found {
        Some(a) if by_password => SignedIn::Password(a),
        Some(a) if by_code => {
            let mut active: account::ActiveModel = a.clone().into();
            active.code_hash = Set(None);
            active.code_expires_at = Set(None);
            active.updated_at = Set(now);
            SignedIn::OneTimeCode(active.update(db).await?)
        }
        other => {
            let account = other.map(|a| a.id);
            audit::record(db, None, Action::SignInFailed, account, None).await?;
            if starts_wait {
                audit::record(db, None, Action::SignInLocked, account, None).await?;
            }
            return Err(Error::BadCredentials);
        }
    };
    clear(db, &key).await?;
    if let Some(address_key) = &address_key {
        give_back(db, address_key).await?;
    }
    let device = match device {
        Some(token) => token.to_string(),
        None => codes::token(),
    };
    trust(db, signed_in.account().id, &device, now).await?;
    crate::retention::signed_in(db, signed_in.account().id, now).await?;
    Ok(Opened { signed_in, device })
}

/// SHA-256 of a device token, hex: what the database keeps.
fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

async fn is_trusted(
    db: &impl ConnectionTrait,
    account_id: i64,
    token: &str,
    now: i64,
) -> Result<bool, Error> {
    Ok(
        trusted_device::Entity::find_by_id((token_hash(token), account_id))
            .one(db)
            .await?
            .is_some_and(|d| d.last_sign_in_at > now - DEVICE_DAYS * 86_400),
    )
}

async fn trust(
    db: &impl ConnectionTrait,
    account_id: i64,
    token: &str,
    now: i64,
) -> Result<(), Error> {
    use trusted_device::Column as C;
    trusted_device::Entity::insert(trusted_device::ActiveModel {
        token_hash: Set(token_hash(token)),
        account_id: Set(account_id),
        last_sign_in_at: Set(now),
    })
    .on_conflict(
        sea_orm::sea_query::OnConflict::columns([C::TokenHash, C::AccountId])
            .update_column(C::LastSignInAt)
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// What [`reserve`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reserved {
    /// Counted: the attempt may be checked. `starts_wait`: it reached the limit, and the
    /// attempts after it wait (a lockout, if this one fails too).
    Counted { starts_wait: bool },
    /// A wait is in force: refused unchecked, and not counted.
    Refused,
}

/// Counts one failure for `key` in advance, unless a wait is in force. The attempt that
/// reaches `limit` is still checked, and starts the wait for the ones after it. One
/// transaction: the update locks the row, so simultaneous attempts are counted one by one.
pub(crate) async fn reserve(
    db: &DatabaseConnection,
    key: &str,
    limit: i32,
) -> Result<Reserved, Error> {
    use sign_in_throttle::Column as C;
    let now = now();
    let tx = db.begin().await?;
    ensure_row(&tx, key, now).await?;
    let counted = count_one(&tx, key, now, Some(C::BlockedUntil.lte(now))).await?;
    if counted == 0 {
        tx.commit().await?;
        return Ok(Reserved::Refused);
    }
    let row = sign_in_throttle::Entity::find_by_id(key.to_string())
        .one(&tx)
        .await?;
    let failures = row.map_or(0, |r| r.failures);
    // At the limit, or past it once the previous wait has ended: this attempt is checked and
    // the next wait, twice as long each time, starts now.
    let starts_wait = failures >= limit;
    if starts_wait {
        block(&tx, key, now + wait_after(failures - limit)).await?;
    }
    tx.commit().await?;
    Ok(Reserved::Counted { starts_wait })
}

/// Adds one to `key`'s count in the database (starting again from one when the count began
/// more than [`WINDOW`] seconds ago), where `only_if` holds. Returns the rows changed.
async fn count_one(
    db: &impl ConnectionTrait,
    key: &str,
    now: i64,
    only_if: Option<sea_orm::sea_query::SimpleExpr>,
) -> Result<u64, Error> {
    use sign_in_throttle::Column as C;
    let stale = Expr::col(C::FirstFailureAt).lt(now - WINDOW);
    let mut update = sign_in_throttle::Entity::update_many()
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
        .filter(C::Key.eq(key));
    if let Some(condition) = only_if {
        update = update.filter(condition);
    }
    Ok(update.exec(db).await?.rows_affected)
}

async fn ensure_row(db: &impl ConnectionTrait, key: &str, now: i64) -> Result<(), Error> {
    sign_in_throttle::Entity::insert(sign_in_throttle::ActiveModel {
        key: Set(key.to_string()),
        failures: Set(0),
        first_failure_at: Set(now),
        blocked_until: Set(0),
    })
    .on_conflict_do_nothing_on([sign_in_throttle::Column::Key])
    .exec(db)
    .await?;
    Ok(())
}

async fn block(db: &impl ConnectionTrait, key: &str, until: i64) -> Result<(), Error> {
    sign_in_throttle::Entity::update_many()
        .col_expr(sign_in_throttle::Column::BlockedUntil, Expr::value(until))
        .filter(sign_in_throttle::Column::Key.eq(key))
        .exec(db)
        .await?;
    Ok(())
}

/// Counts one attempt from an address in advance and, past `limit`, makes it wait its turn:
/// one attempt every [`ADDRESS_SPACING`] seconds (the turn handed out is kept in
/// `blocked_until`). Refuses only when the queue is longer than [`LONGEST_QUEUE`] seconds.
pub(crate) async fn pace(db: &DatabaseConnection, key: &str, limit: i32) -> Result<(), Error> {
    let now = now();
    let tx = db.begin().await?;
    ensure_row(&tx, key, now).await?;
    count_one(&tx, key, now, None).await?;
    let row = sign_in_throttle::Entity::find_by_id(key.to_string())
        .one(&tx)
        .await?;
    let Some(row) = row.filter(|r| r.failures > limit) else {
        tx.commit().await?;
        return Ok(());
    };
    let turn = Ord::max(row.blocked_until, now);
    if turn - now > LONGEST_QUEUE {
        tx.commit().await?;
        return Err(Error::TooManyAttempts);
    }
    block(&tx, key, turn + ADDRESS_SPACING).await?;
    tx.commit().await?;
    if turn > now {
        tokio::time::sleep(std::time::Duration::from_secs((turn - now) as u64)).await;
    }
    Ok(())
}

/// Gives back an attempt counted in advance by [`pace`] that turned out right.
/// A password check the server was too busy to make ([`Error::Busy`]) is no failure of the
/// person typing: the turns it `reserved` are given back before the refusal goes on.
pub(crate) async fn unless_busy<T>(
    db: &impl ConnectionTrait,
    reserved: &[Option<&str>],
    checked: Result<T, Error>,
) -> Result<T, Error> {
    if let Err(Error::Busy) = checked {
        for key in reserved.iter().flatten() {
            give_back(db, key).await?;
        }
    }
    checked
}

pub(crate) async fn give_back(db: &impl ConnectionTrait, key: &str) -> Result<(), Error> {
    use sign_in_throttle::Column as C;
    sign_in_throttle::Entity::update_many()
        .col_expr(C::Failures, Expr::col(C::Failures).sub(1))
        .filter(C::Key.eq(key))
        .filter(C::Failures.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

/// Forgets the failure counts that no longer slow anyone down: no wait in force, and counting
/// started more than [`WINDOW`] seconds ago (the next failure would start again from one). They
/// hold usernames as typed and client addresses: kept no longer than they serve. Browsers not
/// seen for [`DEVICE_DAYS`] are forgotten too. Returns how many rows went.
pub async fn forget_stale(db: &impl ConnectionTrait, now: i64) -> Result<u64, Error> {
    use sign_in_throttle::Column as C;
    let counts = sign_in_throttle::Entity::delete_many()
        .filter(C::FirstFailureAt.lt(now - WINDOW))
        .filter(C::BlockedUntil.lte(now))
        .exec(db)
        .await?
        .rows_affected;
    let devices = trusted_device::Entity::delete_many()
        .filter(trusted_device::Column::LastSignInAt.lt(now - DEVICE_DAYS * 86_400))
        .exec(db)
        .await?
        .rows_affected;
    Ok(counts + devices)
}

/// Seconds to wait after `over` failures beyond the limit: 1 minute, doubling, up to an hour.
pub fn wait_after(over: i32) -> i64 {
    Ord::min(60_i64 << over.clamp(0, 6), LONGEST_WAIT)
}

pub(crate) async fn clear(db: &impl ConnectionTrait, key: &str) -> Result<(), Error> {
    sign_in_throttle::Entity::delete_by_id(key.to_string())
        .exec(db)
        .await?;
    Ok(())
}

/// Forgets every browser trusted for an account (the account is deleted).
pub(crate) async fn forget_devices(
    db: &impl ConnectionTrait,
    account_id: i64,
) -> Result<(), Error> {
    trusted_device::Entity::delete_many()
        .filter(trusted_device::Column::AccountId.eq(account_id))
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

//! What proves who someone is, and their preferences: one-time codes for a forgotten
//! password, setting and changing the password, the preferred language, and ending sessions.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};

use super::{Slip, live};
use crate::audit::{self, Action};
use crate::entity::{account, session};
use crate::{Error, codes, now, password, validate};

/// A new one-time code for someone who forgot their password. Their old password stops
/// working and their sessions end.
pub async fn issue_code(
    db: &DatabaseConnection,
    actor: Option<i64>,
    account_id: i64,
) -> Result<Slip, Error> {
    let found = live(db, account_id).await?;
    let code = codes::one_time_code();
    let hash = password::hash(&codes::normalise(&code)).await?;
    let tx = db.begin().await?;
    let mut active: account::ActiveModel = found.clone().into();
    active.password_hash = Set(None);
    active.code_hash = Set(Some(hash));
    active.code_expires_at = Set(Some(now() + codes::ONE_TIME_CODE_DAYS * 86_400));
    active.updated_at = Set(now());
    active.update(&tx).await?;
    end_sessions(&tx, account_id).await?;
    audit::record(&tx, actor, Action::CodeIssued, Some(account_id), None).await?;
    tx.commit().await?;
    Ok(Slip {
        username: found.username,
        display_name: found.display_name,
        code,
    })
}

/// Sets the password (after a one-time code, or to change it). The one-time code is spent.
pub async fn set_password(
    db: &DatabaseConnection,
    account_id: i64,
    new: &str,
    confirmation: &str,
) -> Result<(), Error> {
    validate::new_password(new, confirmation)?;
    let found = live(db, account_id).await?;
    let hash = password::hash(new).await?;
    let tx = db.begin().await?;
    let mut active: account::ActiveModel = found.into();
    active.password_hash = Set(Some(hash));
    active.code_hash = Set(None);
    active.code_expires_at = Set(None);
    active.updated_at = Set(now());
    active.update(&tx).await?;
    audit::record(
        &tx,
        Some(account_id),
        Action::PasswordSet,
        Some(account_id),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A person changes their own password. `current` is the password they type to prove it is
/// them; `None` only right after signing in with a one-time code (they have none yet). Wrong
/// guesses of the current password are slowed like sign-ins (a stolen session cannot try them
/// all). Every other session of the account ends, in every server process; `keep` (the
/// session that asked) stays.
pub async fn change_password(
    db: &DatabaseConnection,
    account_id: i64,
    current: Option<&str>,
    new: &str,
    confirmation: &str,
    keep: Option<&tower_sessions::session::Id>,
) -> Result<(), Error> {
    validate::new_password(new, confirmation)?;
    if let Some(current) = current {
        let found = live(db, account_id).await?;
        let key = format!("password:{account_id}");
        let reserved = crate::sign_in::reserve(db, &key, crate::sign_in::ACCOUNT_LIMIT).await?;
        if reserved == crate::sign_in::Reserved::Refused {
            return Err(Error::TooManyAttempts);
        }
        let checked = password::verify(found.password_hash.as_deref(), current).await;
        if !crate::sign_in::unless_busy(db, &[Some(&key)], checked).await? {
            return Err(Error::CurrentPasswordWrong);
        }
        crate::sign_in::clear(db, &key).await?;
    }
    set_password(db, account_id, new, confirmation).await?;
    crate::session_store::end_other_sessions(db, account_id, keep).await?;
    Ok(())
}

/// Keeps the language the person chose as their preference (applied at their next sign-in,
/// on any device).
pub async fn set_language(
    db: &DatabaseConnection,
    account_id: i64,
    lang: &str,
) -> Result<(), Error> {
    let found = live(db, account_id).await?;
    if found.lang != lang {
        let mut active: account::ActiveModel = found.into();
        active.lang = Set(lang.to_string());
        active.updated_at = Set(now());
        active.update(db).await?;
    }
    Ok(())
}

/// Ends every session of an account, in every server process.
pub async fn end_sessions(db: &impl ConnectionTrait, account_id: i64) -> Result<u64, Error> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::AccountId.eq(account_id))
        .exec(db)
        .await?
        .rows_affected)
}

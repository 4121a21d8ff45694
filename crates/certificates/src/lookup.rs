//! Finding certificates: the public check by number (rate-limited), a learner's own, a
//! cohort's; and revoking one.

use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use crate::entity::{certificate, verify_throttle};
use crate::{Certificate, Error, Result, number};

/// Lookups allowed per client address in each window.
pub const LOOKUPS_PER_WINDOW: i32 = 20;
pub const WINDOW_SECONDS: i64 = 60;

/// Counts one lookup by `client`; refuses it beyond [`LOOKUPS_PER_WINDOW`] in the current
/// window. Kept in the database so that every server process shares the count.
pub async fn throttle(db: &impl ConnectionTrait, client: &str, now: i64) -> Result<()> {
    use verify_throttle::Column as C;
    verify_throttle::Entity::insert(verify_throttle::ActiveModel {
        key: Set(client.to_string()),
        window_start: Set(now),
        lookups: Set(0),
    })
    .on_conflict(OnConflict::column(C::Key).do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    // A window that has ended starts again.
    verify_throttle::Entity::update_many()
        .col_expr(C::WindowStart, Expr::value(now))
        .col_expr(C::Lookups, Expr::value(0))
        .filter(C::Key.eq(client))
        .filter(C::WindowStart.lte(now - WINDOW_SECONDS))
        .exec(db)
        .await?;
    let counted = verify_throttle::Entity::update_many()
        .col_expr(C::Lookups, Expr::col(C::Lookups).add(1))
        .filter(C::Key.eq(client))
        .filter(C::Lookups.lt(LOOKUPS_PER_WINDOW))
        .exec(db)
        .await?;
    if counted.rows_affected == 0 {
        return Err(Error::TooManyLookups);
    }
    Ok(())
}

/// Forgets the counts of windows that have ended (the next lookup would start a new one): they
/// hold client addresses, kept no longer than they serve. Returns how many went.
pub async fn forget_stale(db: &impl ConnectionTrait, now: i64) -> Result<u64> {
    Ok(verify_throttle::Entity::delete_many()
        .filter(verify_throttle::Column::WindowStart.lte(now - WINDOW_SECONDS))
        .exec(db)
        .await?
        .rows_affected)
}

/// The certificate with this number, typed as a person would; `None` when there is none or
/// the text cannot be a number.
pub async fn by_number(db: &impl ConnectionTrait, typed: &str) -> Result<Option<Certificate>> {
    let Some(number) = number::normalise(typed) else {
        return Ok(None);
    };
    Ok(certificate::Entity::find()
        .filter(certificate::Column::Number.eq(number))
        .one(db)
        .await?)
}

/// A learner's certificates, oldest first.
pub async fn of_account(db: &impl ConnectionTrait, account: i64) -> Result<Vec<Certificate>> {
    Ok(certificate::Entity::find()
        .filter(certificate::Column::AccountId.eq(account))
        .order_by_asc(certificate::Column::IssuedAt)
        .order_by_asc(certificate::Column::Id)
        .all(db)
        .await?)
}

/// The certificates of a cohort's learners, by learner then date.
pub async fn of_cohort(db: &impl ConnectionTrait, cohort: i64) -> Result<Vec<Certificate>> {
    use accounts::entity::cohort_member;
    let members: Vec<i64> = cohort_member::Entity::find()
        .filter(cohort_member::Column::CohortId.eq(cohort))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.account_id)
        .collect();
    Ok(certificate::Entity::find()
        .filter(certificate::Column::AccountId.is_in(members))
        .order_by_asc(certificate::Column::Name)
        .order_by_asc(certificate::Column::AccountId)
        .order_by_asc(certificate::Column::IssuedAt)
        .all(db)
        .await?)
}

/// Revokes `number` with a reason, by account `by`. Whether `by` may do so is the caller's
/// decision (an administrator, or a trainer of the learner's cohort).
pub async fn revoke(
    db: &impl ConnectionTrait,
    number: &str,
    reason: &str,
    by: i64,
    now: i64,
) -> Result<Certificate> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::ReasonMissing);
    }
    let found = by_number(db, number).await?.ok_or(Error::NotFound)?;
    if found.revoked_at.is_some() {
        return Err(Error::AlreadyRevoked);
    }
    let reason: String = reason.chars().take(500).collect();
    certificate::Entity::update_many()
        .col_expr(certificate::Column::RevokedAt, Expr::value(now))
        .col_expr(certificate::Column::RevokedReason, Expr::value(reason))
        .col_expr(certificate::Column::RevokedBy, Expr::value(by))
        .filter(certificate::Column::Id.eq(found.id))
        .filter(certificate::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    accounts::audit::record(
        db,
        Some(by),
        accounts::audit::Action::CertificateRevoked,
        Some(found.account_id),
        None,
    )
    .await
    .map_err(|e| match e {
        accounts::Error::Database(e) => Error::Database(e),
        other => Error::Key(other.to_string()),
    })?;
    by_number(db, &found.number).await?.ok_or(Error::NotFound)
}

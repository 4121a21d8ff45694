//! Attendance at a cohort's in-person classes: recording who was there, and reading it back
//! for the cohort page and the attendance sheet.
//!
//! A "class" here is a training day or half-day in a room. The tables keep their first names
//! (`attendance_session`, and `session_id` in `attendance_present`): renaming them would cost
//! a migration and nothing a user sees; the code says "class" so that "session" means only a
//! sign-in session.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde::Serialize;

use crate::audit::{self, Action};
use crate::entity::{attendance_present, attendance_session};
use crate::{Error, cohorts, now, validate};

/// One in-person class of a cohort, as recorded: when, what, and who of the cohort was there.
#[derive(Debug, Clone, Serialize)]
pub struct Class {
    pub id: i64,
    pub held_on: String,
    pub topic: String,
    /// Account ids of the learners present.
    pub present: Vec<i64>,
}

/// Records an in-person class of a cohort: its date, its topic, and which of the cohort's
/// learners were present (anyone else in `present` is refused: `NotFound`). Returns its id.
pub async fn record(
    db: &DatabaseConnection,
    cohort_id: i64,
    by: i64,
    held_on: &str,
    topic: &str,
    present: &[i64],
) -> Result<i64, Error> {
    let held_on = cohorts::date(held_on)?.ok_or(Error::DateFormat)?;
    let topic = validate::cohort_name(topic)?;
    let members = cohorts::member_ids(db, cohort_id).await?;
    if present.iter().any(|p| !members.contains(p)) {
        return Err(Error::NotFound);
    }
    let tx = db.begin().await?;
    let session = attendance_session::ActiveModel {
        cohort_id: Set(cohort_id),
        held_on: Set(held_on),
        topic: Set(topic),
        recorded_at: Set(now()),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    let mut present = present.to_vec();
    present.sort_unstable();
    present.dedup();
    for account_id in present {
        attendance_present::ActiveModel {
            session_id: Set(session.id),
            account_id: Set(account_id),
        }
        .insert(&tx)
        .await?;
    }
    audit::record(
        &tx,
        Some(by),
        Action::AttendanceRecorded,
        None,
        Some(cohort_id),
    )
    .await?;
    tx.commit().await?;
    Ok(session.id)
}

/// A cohort's classes, latest first.
pub async fn classes(db: &impl ConnectionTrait, cohort_id: i64) -> Result<Vec<Class>, Error> {
    let sessions = attendance_session::Entity::find()
        .filter(attendance_session::Column::CohortId.eq(cohort_id))
        .order_by_desc(attendance_session::Column::HeldOn)
        .order_by_desc(attendance_session::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    let present = attendance_present::Entity::find()
        .filter(attendance_present::Column::SessionId.is_in(ids))
        .all(db)
        .await?;
    Ok(sessions
        .into_iter()
        .map(|s| Class {
            id: s.id,
            present: present
                .iter()
                .filter(|p| p.session_id == s.id)
                .map(|p| p.account_id)
                .collect(),
            held_on: s.held_on,
            topic: s.topic,
        })
        .collect())
}

//! The audit log: who created, changed, reset or deleted which account, and when. It keeps an
//! event for the period of `crate::retention`.

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;

use crate::entity::{account, audit_event, cohort};
use crate::{Error, now};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Action {
    AccountCreated,
    JoinedWithCode,
    PasswordSet,
    CodeIssued,
    AccountDeleted,
    CohortCreated,
    CohortChanged,
    CohortArchived,
    CohortReopened,
    TrainerAdded,
    AttendanceRecorded,
    LearnerMoved,
    SignInFailed,
    SignInLocked,
    CertificateRevoked,
    /// The retention period anonymised an account nobody had signed in to.
    AccountExpired,
    RetentionChanged,
}

impl Action {
    pub fn code(self) -> &'static str {
        match self {
            Action::AccountCreated => "account-created",
            Action::JoinedWithCode => "joined-with-code",
            Action::PasswordSet => "password-set",
            Action::CodeIssued => "code-issued",
            Action::AccountDeleted => "account-deleted",
            Action::CohortCreated => "cohort-created",
            Action::CohortChanged => "cohort-changed",
            Action::CohortArchived => "cohort-archived",
            Action::CohortReopened => "cohort-reopened",
            Action::TrainerAdded => "trainer-added",
            Action::AttendanceRecorded => "attendance-recorded",
            Action::LearnerMoved => "learner-moved",
            Action::SignInFailed => "sign-in-failed",
            Action::SignInLocked => "sign-in-locked",
            Action::CertificateRevoked => "certificate-revoked",
            Action::AccountExpired => "account-expired",
            Action::RetentionChanged => "retention-changed",
        }
    }
}

pub async fn record(
    db: &impl ConnectionTrait,
    actor: Option<i64>,
    action: Action,
    account: Option<i64>,
    cohort: Option<i64>,
) -> Result<(), Error> {
    audit_event::ActiveModel {
        at: Set(now()),
        actor_id: Set(actor),
        action: Set(action.code().to_string()),
        account_id: Set(account),
        cohort_id: Set(cohort),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// One line of the log as an administrator reads it, with usernames as they are now (a
/// deleted account shows as such, its name gone).
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub at: i64,
    pub actor: Option<String>,
    pub action: String,
    pub account: Option<String>,
    pub cohort: Option<String>,
}

/// The latest `limit` events, newest first.
pub async fn latest(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<Entry>, Error> {
    let events = audit_event::Entity::find()
        .order_by_desc(audit_event::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let people = events
        .iter()
        .flat_map(|e| [e.actor_id, e.account_id])
        .flatten();
    let usernames = usernames(db, people.collect()).await?;
    let cohort_ids: Vec<i64> = events.iter().filter_map(|e| e.cohort_id).collect();
    let cohorts: HashMap<i64, String> = cohort::Entity::find()
        .filter(cohort::Column::Id.is_in(cohort_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let name = |id: Option<i64>| id.map(|id| usernames.get(&id).cloned().unwrap_or_default());
    Ok(events
        .into_iter()
        .map(|e| Entry {
            at: e.at,
            actor: name(e.actor_id),
            action: e.action,
            account: name(e.account_id),
            cohort: e.cohort_id.and_then(|id| cohorts.get(&id).cloned()),
        })
        .collect())
}

/// Events about one account, for its owner's personal-data export.
pub async fn about(db: &impl ConnectionTrait, account_id: i64) -> Result<Vec<Entry>, Error> {
    let events = audit_event::Entity::find()
        .filter(audit_event::Column::AccountId.eq(account_id))
        .order_by_asc(audit_event::Column::Id)
        .all(db)
        .await?;
    let me = account::Entity::find_by_id(account_id)
        .one(db)
        .await?
        .map(|a| a.username);
    Ok(events
        .into_iter()
        .map(|e| Entry {
            at: e.at,
            // Who acted is the platform's business; the learner sees their own name or a role.
            actor: if e.actor_id == Some(account_id) {
                me.clone()
            } else {
                None
            },
            action: e.action,
            account: me.clone(),
            cohort: None,
        })
        .collect())
}

/// These accounts' usernames by id (deleted ones as `~deleted-<id>`).
async fn usernames(
    db: &impl ConnectionTrait,
    ids: Vec<i64>,
) -> Result<HashMap<i64, String>, Error> {
    Ok(account::Entity::find()
        .filter(account::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.username))
        .collect())
}

//! Everything the platform holds about one person, as they may read and download it.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;

use super::live;
use crate::audit;
use crate::entity::{cohort, cohort_member, cohort_trainer, session};
use crate::{Affiliation, Error, Role, now};

/// Everything the platform holds about one person, as they may read and download it.
#[derive(Debug, Clone, Serialize)]
pub struct PersonalData {
    pub username: String,
    pub display_name: String,
    #[serde(serialize_with = "role_code")]
    pub role: Role,
    #[serde(serialize_with = "affiliation_code")]
    pub affiliation: Affiliation,
    pub language: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub has_password: bool,
    pub one_time_code_pending: bool,
    pub cohorts: Vec<CohortMembership>,
    pub sessions: Vec<SessionInfo>,
    pub history: Vec<audit::Entry>,
}

/// The download writes a role or an affiliation as its code (`learner`, `fds`), as stored.
fn role_code<S: serde::Serializer>(role: &Role, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(role.code())
}

fn affiliation_code<S: serde::Serializer>(a: &Affiliation, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(a.code())
}

#[derive(Debug, Clone, Serialize)]
pub struct CohortMembership {
    pub cohort: String,
    pub role: String,
    pub since: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionInfo {
    pub expires_at: i64,
}

pub async fn personal_data(
    db: &impl ConnectionTrait,
    account_id: i64,
) -> Result<PersonalData, Error> {
    let a = live(db, account_id).await?;
    let names: HashMap<i64, String> = cohort::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let mut cohorts = Vec::new();
    for m in cohort_member::Entity::find()
        .filter(cohort_member::Column::AccountId.eq(account_id))
        .all(db)
        .await?
    {
        cohorts.push(CohortMembership {
            cohort: names.get(&m.cohort_id).cloned().unwrap_or_default(),
            role: "learner".into(),
            since: m.added_at,
        });
    }
    for t in cohort_trainer::Entity::find()
        .filter(cohort_trainer::Column::AccountId.eq(account_id))
        .all(db)
        .await?
    {
        cohorts.push(CohortMembership {
            cohort: names.get(&t.cohort_id).cloned().unwrap_or_default(),
            role: "trainer".into(),
            since: t.added_at,
        });
    }
    let sessions = session::Entity::find()
        .filter(session::Column::AccountId.eq(account_id))
        .filter(session::Column::ExpiresAt.gt(now()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| SessionInfo {
            expires_at: s.expires_at,
        })
        .collect();
    Ok(PersonalData {
        has_password: a.password_hash.is_some(),
        one_time_code_pending: a.code_hash.is_some(),
        username: a.username,
        display_name: a.display_name,
        role: a.role,
        affiliation: a.affiliation,
        language: a.lang,
        created_at: a.created_at,
        updated_at: a.updated_at,
        cohorts,
        sessions,
        history: audit::about(db, account_id).await?,
    })
}

//! Cohorts as far as accounts need them: who trains them, who is in them, how to join.
//! (Dates, modules and attendance come with the trainers' side of the platform.)

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde::Serialize;

use crate::audit::{self, Action};
use crate::entity::{account, cohort, cohort_member, cohort_trainer};
use crate::{Error, codes, now, validate};

#[derive(Debug, Clone, Serialize)]
pub struct CohortSummary {
    pub id: i64,
    pub name: String,
    pub join_code: Option<String>,
    pub members: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub account_id: i64,
    pub username: String,
    pub display_name: String,
    /// Still holds an unused one-time code.
    pub code_pending: bool,
}

/// Creates a cohort with a fresh join code, run by `trainer`.
pub async fn create(
    db: &DatabaseConnection,
    trainer: i64,
    name: &str,
) -> Result<cohort::Model, Error> {
    let name = validate::cohort_name(name)?;
    let tx = db.begin().await?;
    let created = cohort::ActiveModel {
        name: Set(name),
        join_code: Set(Some(unique_join_code(&tx).await?)),
        created_at: Set(now()),
        archived_at: Set(None),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    cohort_trainer::ActiveModel {
        cohort_id: Set(created.id),
        account_id: Set(trainer),
        added_at: Set(now()),
    }
    .insert(&tx)
    .await?;
    audit::record(
        &tx,
        Some(trainer),
        Action::CohortCreated,
        None,
        Some(created.id),
    )
    .await?;
    tx.commit().await?;
    Ok(created)
}

async fn unique_join_code(db: &impl ConnectionTrait) -> Result<String, Error> {
    loop {
        let code = codes::join_code();
        let taken = cohort::Entity::find()
            .filter(cohort::Column::JoinCode.eq(codes::normalise(&code)))
            .one(db)
            .await?
            .is_some();
        if !taken {
            return Ok(codes::normalise(&code));
        }
    }
}

/// The open (not archived) cohort whose join code was typed, if any.
pub async fn by_join_code(
    db: &impl ConnectionTrait,
    typed: &str,
) -> Result<Option<cohort::Model>, Error> {
    let code = codes::normalise(typed);
    if code.is_empty() {
        return Ok(None);
    }
    Ok(cohort::Entity::find()
        .filter(cohort::Column::JoinCode.eq(code))
        .filter(cohort::Column::ArchivedAt.is_null())
        .one(db)
        .await?)
}

/// The cohorts a trainer runs; every cohort for an administrator (`all`).
pub async fn list(
    db: &impl ConnectionTrait,
    trainer: i64,
    all: bool,
) -> Result<Vec<CohortSummary>, Error> {
    let mut query = cohort::Entity::find().order_by_asc(cohort::Column::Name);
    if !all {
        let mine: Vec<i64> = cohort_trainer::Entity::find()
            .filter(cohort_trainer::Column::AccountId.eq(trainer))
            .all(db)
            .await?
            .into_iter()
            .map(|t| t.cohort_id)
            .collect();
        query = query.filter(cohort::Column::Id.is_in(mine));
    }
    let cohorts = query.all(db).await?;
    let mut out = Vec::with_capacity(cohorts.len());
    for c in cohorts {
        let members = cohort_member::Entity::find()
            .filter(cohort_member::Column::CohortId.eq(c.id))
            .all(db)
            .await?
            .len();
        out.push(CohortSummary {
            id: c.id,
            name: c.name,
            join_code: c.join_code.map(|code| display_join_code(&code)),
            members,
        });
    }
    Ok(out)
}

/// A join code as printed: `MHX-42P`.
pub fn display_join_code(stored: &str) -> String {
    if stored.len() == 6 {
        format!("{}-{}", &stored[..3], &stored[3..])
    } else {
        stored.to_string()
    }
}

pub async fn get(db: &impl ConnectionTrait, cohort_id: i64) -> Result<CohortSummary, Error> {
    let c = cohort::Entity::find_by_id(cohort_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let members = members(db, cohort_id).await?.len();
    Ok(CohortSummary {
        id: c.id,
        name: c.name,
        join_code: c.join_code.map(|code| display_join_code(&code)),
        members,
    })
}

/// The cohort's learners (deleted accounts left out), by display name.
pub async fn members(db: &impl ConnectionTrait, cohort_id: i64) -> Result<Vec<Member>, Error> {
    let ids: Vec<i64> = cohort_member::Entity::find()
        .filter(cohort_member::Column::CohortId.eq(cohort_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.account_id)
        .collect();
    let now = now();
    let mut members: Vec<Member> = account::Entity::find()
        .filter(account::Column::Id.is_in(ids))
        .filter(account::Column::DeletedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|a| Member {
            account_id: a.id,
            username: a.username,
            display_name: a.display_name,
            code_pending: a.code_hash.is_some() && a.code_expires_at.is_some_and(|t| t > now),
        })
        .collect();
    members.sort_by(|a, b| a.display_name.cmp(&b.display_name));
    Ok(members)
}

pub(crate) async fn add_member(
    db: &impl ConnectionTrait,
    cohort_id: i64,
    account_id: i64,
) -> Result<(), Error> {
    cohort_member::ActiveModel {
        cohort_id: Set(cohort_id),
        account_id: Set(account_id),
        added_at: Set(now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

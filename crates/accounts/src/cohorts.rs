//! Cohorts: who trains them, who is in them, how to join, where and when they run, which
//! modules they follow, and archiving.
//!
//! Over 400 lines because a cohort has several small subjects that share its checks (who
//! trains it, whether it is archived, its join code): creating and listing, members, settings,
//! co-trainers and moving a learner. Attendance, a subject of its own, is in `attendance`.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde::Serialize;

use crate::audit::{self, Action};
use crate::entity::{account, cohort, cohort_member, cohort_module, cohort_trainer};
use crate::{Error, Role, codes, now, validate};

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

/// The account ids of the cohort's members, deleted accounts included.
pub(crate) async fn member_ids(
    db: &impl ConnectionTrait,
    cohort_id: i64,
) -> Result<Vec<i64>, Error> {
    Ok(cohort_member::Entity::find()
        .filter(cohort_member::Column::CohortId.eq(cohort_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.account_id)
        .collect())
}

/// The cohort's learners (deleted accounts left out), by display name.
pub async fn members(db: &impl ConnectionTrait, cohort_id: i64) -> Result<Vec<Member>, Error> {
    let ids = member_ids(db, cohort_id).await?;
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

/// Adds a learner to a cohort that is not archived: an archived cohort takes no learner by any
/// path (join code, pasted list, move). One statement, so that a cohort archived meanwhile
/// cannot take one either.
pub(crate) async fn add_member(
    db: &impl ConnectionTrait,
    cohort_id: i64,
    account_id: i64,
) -> Result<(), Error> {
    use sea_orm::sea_query::{Expr, OnConflict, Query};
    let insert = Query::insert()
        .into_table(cohort_member::Entity)
        .columns([
            cohort_member::Column::CohortId,
            cohort_member::Column::AccountId,
            cohort_member::Column::AddedAt,
        ])
        .select_from(
            Query::select()
                .column(cohort::Column::Id)
                .expr(Expr::val(account_id))
                .expr(Expr::val(now()))
                .from(cohort::Entity)
                .and_where(cohort::Column::Id.eq(cohort_id))
                .and_where(cohort::Column::ArchivedAt.is_null())
                .to_owned(),
        )
        .map_err(|e| Error::Internal(format!("membership insert: {e}")))?
        .on_conflict(
            OnConflict::columns([
                cohort_member::Column::CohortId,
                cohort_member::Column::AccountId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .to_owned();
    db.execute(&insert).await?;
    let member = cohort_member::Entity::find_by_id((cohort_id, account_id))
        .one(db)
        .await?;
    member.map(|_| ()).ok_or(Error::CohortArchived)
}

/// What a trainer sets on a cohort.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub name: String,
    /// Empty for none.
    pub place: String,
    /// `YYYY-MM-DD`, or empty.
    pub starts_on: String,
    pub ends_on: String,
    /// Module slugs (already checked against the catalogue); empty: every module.
    pub modules: Vec<String>,
    /// Whether learners may join with the cohort's code.
    pub join_open: bool,
}

/// Where and when a cohort runs, and what it follows.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Details {
    pub place: Option<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub modules: Vec<String>,
    pub archived: bool,
    /// Display names of its trainers.
    pub trainers: Vec<String>,
}

/// The years a training date may fall in: a typo such as `0202` or `20260` is refused rather
/// than stored (it would sort and print as nonsense in reports and on sheets).
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A date typed as `YYYY-MM-DD`, checked; `None` for an empty field.
pub(crate) fn date(text: &str) -> Result<Option<String>, Error> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let parsed = time::Date::parse(text, &format).map_err(|_| Error::DateFormat)?;
    if !YEARS.contains(&parsed.year()) {
        return Err(Error::DateOutOfRange);
    }
    Ok(Some(text.to_string()))
}

/// Changes a cohort's name, place, dates, modules and whether its code is open. `by` is the
/// trainer or administrator (checked by the caller), for the audit log.
pub async fn update(
    db: &DatabaseConnection,
    cohort_id: i64,
    by: i64,
    settings: Settings,
) -> Result<(), Error> {
    let name = validate::cohort_name(&settings.name)?;
    let place = settings
        .place
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if place.chars().count() > 80 {
        return Err(Error::PlaceLength);
    }
    if !place.is_empty() {
        validate::cohort_name(&place).map_err(|e| match e {
            Error::CohortNameLength => Error::PlaceLength,
            other => other,
        })?;
    }
    let (starts_on, ends_on) = (date(&settings.starts_on)?, date(&settings.ends_on)?);
    if let (Some(start), Some(end)) = (&starts_on, &ends_on)
        && end < start
    {
        return Err(Error::DatesOrder);
    }
    let tx = db.begin().await?;
    let found = cohort::Entity::find_by_id(cohort_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let join_code = match (settings.join_open, found.join_code.clone()) {
        (false, _) => None,
        (true, Some(code)) => Some(code),
        (true, None) => Some(unique_join_code(&tx).await?),
    };
    let mut row: cohort::ActiveModel = found.into();
    row.name = Set(name);
    row.place = Set((!place.is_empty()).then_some(place));
    row.starts_on = Set(starts_on);
    row.ends_on = Set(ends_on);
    row.join_code = Set(join_code);
    row.update(&tx).await?;
    cohort_module::Entity::delete_many()
        .filter(cohort_module::Column::CohortId.eq(cohort_id))
        .exec(&tx)
        .await?;
    let mut modules = settings.modules;
    modules.sort();
    modules.dedup();
    for module in modules {
        cohort_module::ActiveModel {
            cohort_id: Set(cohort_id),
            module: Set(module),
        }
        .insert(&tx)
        .await?;
    }
    audit::record(&tx, Some(by), Action::CohortChanged, None, Some(cohort_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Archives a cohort (nobody joins it any more; its figures stay readable), or reopens it.
pub async fn set_archived(
    db: &DatabaseConnection,
    cohort_id: i64,
    by: i64,
    archived: bool,
) -> Result<(), Error> {
    let found = cohort::Entity::find_by_id(cohort_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let mut row: cohort::ActiveModel = found.into();
    row.archived_at = Set(archived.then(now));
    row.update(db).await?;
    let action = if archived {
        Action::CohortArchived
    } else {
        Action::CohortReopened
    };
    audit::record(db, Some(by), action, None, Some(cohort_id)).await?;
    Ok(())
}

/// Adds a co-trainer by username: an existing trainer's or administrator's account.
pub async fn add_trainer(
    db: &DatabaseConnection,
    cohort_id: i64,
    by: i64,
    username: &str,
) -> Result<(), Error> {
    let trainer = account::Entity::find()
        .filter(account::Column::Username.eq(username.trim().to_lowercase()))
        .filter(account::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .filter(|a| matches!(a.role, Role::Trainer | Role::Admin))
        .ok_or(Error::TrainerUnknown)?;
    cohort_trainer::Entity::insert(cohort_trainer::ActiveModel {
        cohort_id: Set(cohort_id),
        account_id: Set(trainer.id),
        added_at: Set(now()),
    })
    .on_conflict(
        sea_orm::sea_query::OnConflict::columns([
            cohort_trainer::Column::CohortId,
            cohort_trainer::Column::AccountId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    audit::record(
        db,
        Some(by),
        Action::TrainerAdded,
        Some(trainer.id),
        Some(cohort_id),
    )
    .await?;
    Ok(())
}

/// The modules a cohort follows, by slug; empty: every module.
pub async fn modules(db: &impl ConnectionTrait, cohort_id: i64) -> Result<Vec<String>, Error> {
    Ok(cohort_module::Entity::find()
        .filter(cohort_module::Column::CohortId.eq(cohort_id))
        .order_by_asc(cohort_module::Column::Module)
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.module)
        .collect())
}

/// A cohort's place, dates, modules, state and trainers.
pub async fn details(db: &impl ConnectionTrait, cohort_id: i64) -> Result<Details, Error> {
    let found = cohort::Entity::find_by_id(cohort_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let modules = modules(db, cohort_id).await?;
    let trainer_ids: Vec<i64> = cohort_trainer::Entity::find()
        .filter(cohort_trainer::Column::CohortId.eq(cohort_id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.account_id)
        .collect();
    let trainers = account::Entity::find()
        .filter(account::Column::Id.is_in(trainer_ids))
        .order_by_asc(account::Column::DisplayName)
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.display_name)
        .collect();
    Ok(Details {
        place: found.place,
        starts_on: found.starts_on,
        ends_on: found.ends_on,
        modules,
        archived: found.archived_at.is_some(),
        trainers,
    })
}

/// Moves an existing learner, by username, into a cohort: they join it, and leave the other
/// cohorts that `by` trains (cohorts of other trainers keep them: not `by`'s to change).
///
/// Whose learner it is decides: an administrator moves anyone; a trainer moves a learner who
/// is in no cohort, or only in cohorts this trainer also trains. A learner of someone else's
/// cohort is answered as unknown, exactly as a username nobody has, so that usernames of other
/// trainers' learners cannot be probed (moving one would hand over their attempts, their
/// certificates and their sign-in).
pub async fn move_learner(
    db: &DatabaseConnection,
    cohort_id: i64,
    by: i64,
    username: &str,
) -> Result<(), Error> {
    let learner = account::Entity::find()
        .filter(account::Column::Username.eq(username.trim().to_lowercase()))
        .filter(account::Column::DeletedAt.is_null())
        .filter(account::Column::Role.eq(Role::Learner))
        .one(db)
        .await?
        .ok_or(Error::LearnerUnknown)?;
    let mover = account::Entity::find_by_id(by)
        .one(db)
        .await?
        .ok_or(Error::Forbidden)?;
    let trains: Vec<i64> = cohort_trainer::Entity::find()
        .filter(cohort_trainer::Column::AccountId.eq(by))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.cohort_id)
        .collect();
    let tx = db.begin().await?;
    let current: Vec<i64> = cohort_member::Entity::find()
        .filter(cohort_member::Column::AccountId.eq(learner.id))
        .all(&tx)
        .await?
        .into_iter()
        .map(|m| m.cohort_id)
        .collect();
    let is_admin = mover.role == Role::Admin;
    if !is_admin && current.iter().any(|c| !trains.contains(c)) {
        return Err(Error::LearnerUnknown);
    }
    let leaving: Vec<i64> = trains.into_iter().filter(|c| *c != cohort_id).collect();
    cohort_member::Entity::delete_many()
        .filter(cohort_member::Column::AccountId.eq(learner.id))
        .filter(cohort_member::Column::CohortId.is_in(leaving))
        .exec(&tx)
        .await?;
    add_member(&tx, cohort_id, learner.id).await?;
    audit::record(
        &tx,
        Some(by),
        Action::LearnerMoved,
        Some(learner.id),
        Some(cohort_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

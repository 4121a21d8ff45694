use std::collections::BTreeMap;

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::routes::cohort_href;

use crate::errors::AppError;

/// Changes a cohort's name, place, dates, the modules it follows and whether its join code is
/// open; for its trainers and administrators. Each module is a checkbox `modules[<slug>]`.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn update_cohort(
    cohort_id: i64,
    name: String,
    #[server(default)] place: String,
    #[server(default)] starts_on: String,
    #[server(default)] ends_on: String,
    #[server(default)] modules: BTreeMap<String, String>,
    #[server(default)] join_open: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::ssr::caller;
    use crate::context::catalog;
    use crate::context::db;
    use crate::errors::Problem;

    let db = db()?;
    let by = caller().await?.require_trainer_of(&db, cohort_id).await?;
    let catalog = catalog()?;
    let modules: Vec<String> = modules.into_values().collect();
    if modules.iter().any(|m| catalog.module(m).is_none()) {
        return Err(AppError::Invalid(Problem::ModuleUnknown));
    }
    accounts::cohorts::update(
        &db,
        cohort_id,
        by,
        accounts::cohorts::Settings {
            name,
            place,
            starts_on,
            ends_on,
            modules,
            join_open: join_open.is_some(),
        },
    )
    .await?;
    leptos_axum::redirect(&cohort_href(cohort_id));
    Ok(())
}

/// Archives a cohort (`archived = true`) or reopens it.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn archive_cohort(cohort_id: i64, archived: bool) -> Result<(), AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;

    let db = db()?;
    let by = caller().await?.require_trainer_of(&db, cohort_id).await?;
    accounts::cohorts::set_archived(&db, cohort_id, by, archived).await?;
    leptos_axum::redirect(&cohort_href(cohort_id));
    Ok(())
}

/// Adds a co-trainer to a cohort, by username.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn add_cohort_trainer(cohort_id: i64, username: String) -> Result<(), AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;

    let db = db()?;
    let by = caller().await?.require_trainer_of(&db, cohort_id).await?;
    accounts::cohorts::add_trainer(&db, cohort_id, by, &username).await?;
    leptos_axum::redirect(&cohort_href(cohort_id));
    Ok(())
}

/// Records an in-person session: date, topic, and each learner present as a checkbox
/// `present[<account id>]`.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn record_attendance(
    cohort_id: i64,
    held_on: String,
    topic: String,
    #[server(default)] present: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;
    use crate::errors::Problem;

    let db = db()?;
    let by = caller().await?.require_trainer_of(&db, cohort_id).await?;
    let present = present
        .values()
        .map(|id| id.parse::<i64>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| AppError::Invalid(Problem::BadInput))?;
    accounts::attendance::record(&db, cohort_id, by, &held_on, &topic, &present)
        .await
        .map_err(|e| match e {
            accounts::Error::NotFound => AppError::Invalid(Problem::BadInput),
            other => other.into(),
        })?;
    leptos_axum::redirect(&format!("{}#attendance", cohort_href(cohort_id)));
    Ok(())
}

/// Moves an existing learner into the cohort, by username (see `accounts::cohorts::move_learner`).
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn move_learner(cohort_id: i64, username: String) -> Result<(), AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;

    let db = db()?;
    let by = caller().await?.require_trainer_of(&db, cohort_id).await?;
    accounts::cohorts::move_learner(&db, cohort_id, by, &username).await?;
    leptos_axum::redirect(&cohort_href(cohort_id));
    Ok(())
}

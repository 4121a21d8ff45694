use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::CohortCard;

/// The cohorts the trainer runs (every cohort for an administrator).
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_cohorts() -> Result<Vec<CohortCard>, AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;
    use crate::serverfns::cohorts::ssr::card;

    let caller = caller().await?;
    let id = caller.require_trainer()?;
    let all = caller.require_admin().is_ok();
    let cohorts = accounts::cohorts::list(&db()?, id, all).await?;
    Ok(cohorts.into_iter().map(card).collect())
}

use leptos::prelude::*;

use crate::errors::AppError;

/// Creates a cohort run by the caller, with a fresh join code, and opens its page.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn create_cohort(name: String) -> Result<(), AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;

    let trainer = caller().await?.require_trainer()?;
    let cohort = accounts::cohorts::create(&db()?, trainer, &name).await?;
    leptos_axum::redirect(&crate::routes::cohort_href(cohort.id));
    Ok(())
}

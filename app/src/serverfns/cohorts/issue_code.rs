use leptos::prelude::*;

use crate::errors::AppError;

/// A new one-time code for a learner of the cohort who forgot their password. Their old
/// password stops working and their sessions end.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn issue_code(cohort_id: i64, account_id: i64) -> Result<(), AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;
    use crate::serverfns::cohorts::ssr::keep_slips;

    let db = db()?;
    let actor = caller()
        .await?
        .require_manager_of(&db, cohort_id, account_id)
        .await?;
    let slip = accounts::people::issue_code(&db, Some(actor), account_id).await?;
    keep_slips(vec![slip]).await?;
    leptos_axum::redirect("/slips");
    Ok(())
}

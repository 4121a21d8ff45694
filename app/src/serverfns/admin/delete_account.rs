use leptos::prelude::*;

use crate::errors::AppError;

/// Deletes an account once the administrator ticked the confirmation: its name, username,
/// password and sessions go; it stays in its cohorts' figures as an anonymous learner.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn delete_account(account_id: i64, confirm: Option<String>) -> Result<(), AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;
    use crate::errors::Problem;

    let admin = caller().await?.require_admin()?;
    if confirm.as_deref() != Some("yes") {
        return Err(AppError::Invalid(Problem::ConfirmationMissing));
    }
    accounts::people::delete(&db()?, admin, account_id).await?;
    leptos_axum::redirect(&crate::routes::done_href(
        "/admin",
        crate::routes::Done::Deleted,
    ));
    Ok(())
}

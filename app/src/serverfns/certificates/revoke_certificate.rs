use leptos::prelude::*;

use crate::errors::AppError;

/// Revokes a certificate with a reason: an administrator, or a trainer of a cohort the
/// learner is in. Then shows the certificate's public page, which now says revoked.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn revoke_certificate(number: String, reason: String) -> Result<(), AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;
    use crate::routes::verify_href;

    let caller = caller().await?;
    // Only trainers and administrators go further, so that nobody else learns which numbers
    // exist from the answer.
    caller.require_trainer()?;
    let db = db()?;
    let found = certificates::lookup::by_number(&db, &number)
        .await?
        .ok_or(AppError::NotFound)?;
    let by = caller
        .require_manager_of_learner(&db, found.account_id)
        .await?;
    let revoked =
        certificates::lookup::revoke(&db, &found.number, &reason, by, accounts::now()).await?;
    tracing::info!(number = %revoked.number, by, "certificate revoked");
    leptos_axum::redirect(&verify_href(&revoked.number));
    Ok(())
}

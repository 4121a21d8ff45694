use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::SlipSheet;

/// The slips the trainer made last, to print, with the address people type to reach the
/// platform.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_slips() -> Result<SlipSheet, AppError> {
    use crate::serverfns::cohorts::ssr::kept_slips;

    crate::auth::ssr::caller().await?.require_trainer()?;
    let parts = expect_context::<http::request::Parts>();
    let address = parts
        .headers
        .get(http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default()
        .to_string();
    Ok(SlipSheet {
        address,
        slips: kept_slips().await?,
    })
}

/// Forgets the printed slips: their codes then exist only on paper.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn clear_slips() -> Result<(), AppError> {
    use accounts::session_store::keys;

    let session = crate::auth::ssr::session().await?;
    crate::auth::ssr::caller_of(&session)
        .await?
        .require_trainer()?;
    let _: Option<serde_json::Value> = session
        .remove(keys::SLIPS)
        .await
        .map_err(AppError::internal)?;
    leptos_axum::redirect("/trainer");
    Ok(())
}

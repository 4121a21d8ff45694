use leptos::prelude::*;

use crate::errors::AppError;

/// Ends the session on the server (in every process) and removes the cookie.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn sign_out() -> Result<(), AppError> {
    let session = crate::auth::ssr::session().await?;
    session.flush().await.map_err(AppError::internal)?;
    leptos_axum::redirect("/");
    Ok(())
}

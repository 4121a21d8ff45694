use leptos::prelude::*;

use crate::errors::AppError;

/// Chooses a password: after signing in with a one-time code, or to change it.
#[server]
pub async fn set_password(password: String, confirmation: String) -> Result<(), AppError> {
    use crate::auth::ssr::{caller_of, db, session};
    use accounts::session_store::keys;

    let session = session().await?;
    let id = caller_of(&session).await?.signed_in()?;
    accounts::people::set_password(&db()?, id, &password, &confirmation).await?;
    session
        .insert(keys::MUST_SET_PASSWORD, false)
        .await
        .map_err(AppError::internal)?;
    leptos_axum::redirect("/account?done=password");
    Ok(())
}

use leptos::prelude::*;

use crate::errors::AppError;

/// Chooses a password: after signing in with a one-time code, or to change it. Changing it
/// asks for the current one (not right after a one-time code: there is none yet), and ends
/// every other session of the account; this one stays.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn set_password(
    #[server(default)] current: String,
    password: String,
    confirmation: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::{caller_of, session};
    use crate::context::db;
    use accounts::Caller;
    use accounts::session_store::keys;

    let session = session().await?;
    let caller = caller_of(&session).await?;
    let id = caller.signed_in()?;
    let after_code = matches!(
        caller,
        Caller::Account {
            must_set_password: true,
            ..
        }
    );
    let current = (!after_code).then_some(current.as_str());
    let this = session.id();
    accounts::people::change_password(&db()?, id, current, &password, &confirmation, this.as_ref())
        .await?;
    session
        .insert(keys::MUST_SET_PASSWORD, false)
        .await
        .map_err(AppError::internal)?;
    leptos_axum::redirect(&crate::routes::done_href(
        "/account",
        crate::routes::Done::Password,
    ));
    Ok(())
}

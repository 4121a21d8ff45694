use leptos::prelude::*;

use crate::errors::AppError;

/// A learner joins a cohort with the code their trainer gave, choosing a username, a name
/// (which may be a pseudonym) and a password; they are signed in at once.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn join(
    join_code: String,
    username: String,
    display_name: String,
    affiliation: Option<String>,
    password: String,
    confirmation: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::{client_address, session, start};
    use crate::context::db;
    use crate::i18n::ssr::request_lang;

    let parts = expect_context::<http::request::Parts>();
    let lang = request_lang(&parts.headers);
    let account = accounts::people::join(
        &db()?,
        accounts::people::Joining {
            join_code: &join_code,
            username: &username,
            display_name: &display_name,
            affiliation: affiliation.as_deref().unwrap_or_default(),
            password: &password,
            confirmation: &confirmation,
            lang: lang.code(),
            address: client_address().await,
        },
    )
    .await?;
    start(&session().await?, account.id, false).await?;
    leptos_axum::redirect("/");
    Ok(())
}

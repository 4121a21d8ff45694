use leptos::prelude::*;

use crate::errors::AppError;

/// Ends the session on the server (in every process) and removes the cookie. On a shared
/// phone the next person must find nothing of this one: the browser is told to drop what the
/// site kept (`Clear-Site-Data`: the caches, the saved modules, the outbox, the service
/// worker), which the page script has also asked the service worker to do.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn sign_out() -> Result<(), AppError> {
    let session = crate::auth::ssr::session().await?;
    session.flush().await.map_err(AppError::internal)?;
    expect_context::<leptos_axum::ResponseOptions>().insert_header(
        http::HeaderName::from_static("clear-site-data"),
        http::HeaderValue::from_static("\"cache\", \"storage\""),
    );
    leptos_axum::redirect("/");
    Ok(())
}

use leptos::prelude::*;

use crate::errors::AppError;

/// Signs in with a username and a password or one-time code. A one-time code leads to
/// choosing a password; anything wrong gives the same message, whether the username exists
/// or not.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn sign_in(username: String, password: String) -> Result<(), AppError> {
    use crate::auth::ssr::{client_address, device_cookie, device_token, session, start};
    use crate::context::db;
    use crate::serverfns::account::ssr::{home_of, use_language_of};
    use accounts::sign_in::{Attempt, SignedIn};

    let db = db()?;
    let parts = expect_context::<http::request::Parts>();
    let device = device_token(&parts.headers);
    let attempt = Attempt {
        username: &username,
        secret: &password,
        address: client_address().await,
        device: device.as_deref(),
    };
    let opened = accounts::sign_in::sign_in(&db, attempt).await?;
    let cookie = device_cookie(&opened.device, crate::context::secure_cookies());
    expect_context::<leptos_axum::ResponseOptions>().append_header(
        http::header::SET_COOKIE,
        http::HeaderValue::from_str(&cookie).map_err(AppError::internal)?,
    );
    let session = session().await?;
    let (account, must_set_password) = match opened.signed_in {
        SignedIn::Password(account) => (account, false),
        SignedIn::OneTimeCode(account) => (account, true),
    };
    start(&session, account.id, must_set_password).await?;
    use_language_of(&account.lang)?;
    leptos_axum::redirect(if must_set_password {
        "/account/password"
    } else {
        home_of(account.role)
    });
    Ok(())
}

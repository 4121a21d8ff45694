use leptos::prelude::*;

use crate::i18n::Lang;

use crate::errors::AppError;

/// Keeps the visitor's language in a cookie (and, when signed in, as the account's preferred
/// language, which applies at each sign-in) and returns the language now in force.
///
/// Called from a plain form: without JavaScript the browser posts it and is sent back to the
/// page it came from, now in the new language; with JavaScript the page re-renders in place.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn set_language(lang: Lang) -> Result<String, AppError> {
    use crate::i18n::ssr::lang_cookie;
    use http::{HeaderValue, header::SET_COOKIE};

    let response = expect_context::<leptos_axum::ResponseOptions>();
    let cookie = HeaderValue::from_str(&lang_cookie(lang)).map_err(AppError::internal)?;
    response.append_header(SET_COOKIE, cookie);
    // Signed in: it becomes the account's preferred language.
    if let accounts::Caller::Account { id, .. } = crate::auth::ssr::caller().await? {
        accounts::people::set_language(&crate::context::db()?, id, lang.code()).await?;
    }
    Ok(lang.code().to_string())
}

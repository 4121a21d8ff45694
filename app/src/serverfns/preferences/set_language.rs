use leptos::prelude::*;

use crate::errors::AppError;

/// Keeps the visitor's language in a cookie and returns the language now in force.
///
/// Called from a plain form: without JavaScript the browser posts it and is sent back to the
/// page it came from, now in the new language; with JavaScript the page re-renders in place.
#[server]
pub async fn set_language(lang: String) -> Result<String, AppError> {
    use crate::i18n::{Lang, ssr::lang_cookie};
    use http::{HeaderValue, header::SET_COOKIE};

    let lang = Lang::parse(&lang).unwrap_or_default();
    let response = expect_context::<leptos_axum::ResponseOptions>();
    let cookie = HeaderValue::from_str(&lang_cookie(lang)).map_err(AppError::internal)?;
    response.append_header(SET_COOKIE, cookie);
    Ok(lang.code().to_string())
}

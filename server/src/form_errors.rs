//! Gives server functions' refusals their meaning on the wire.
//!
//! A server function answers an error with a `500` and the `AppError` as JSON. This layer
//! reads that error and:
//! - for a call from the app's JavaScript, sets the status the error deserves (401, 403, 400,
//!   429…), keeping the body the app reads;
//! - for a plain form posted without JavaScript (the browser accepts `text/html`), sends the
//!   browser back to the form's page with `?error=<code>`, where the page shows the message in
//!   the visitor's language. Leptos alone would send it back with no message.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::header::{ACCEPT, CONTENT_LENGTH, LOCATION, REFERER};
use http::{HeaderValue, Method, StatusCode};

use app::errors::AppError;

const SERVER_FN_ERROR: &str = "serverfnerror";

pub async fn layer(request: Request, next: Next) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let plain_form = request
        .headers()
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let back_to = request
        .headers()
        .get(REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(same_site_path)
        .unwrap_or_else(|| "/".to_string());
    let response = next.run(request).await;
    if !response.headers().contains_key(SERVER_FN_ERROR) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    let error: AppError = serde_json::from_slice(&bytes).unwrap_or(AppError::Internal);
    if plain_form {
        parts.status = StatusCode::SEE_OTHER;
        parts.headers.remove(SERVER_FN_ERROR);
        parts.headers.remove(CONTENT_LENGTH);
        let location = format!("{back_to}?error={}", error.form_code());
        if let Ok(value) = HeaderValue::from_str(&location) {
            parts.headers.insert(LOCATION, value);
        }
        Response::from_parts(parts, Body::empty())
    } else {
        parts.status =
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        Response::from_parts(parts, Body::from(bytes))
    }
}

/// The path of a Referer, without its query, if it is a path on this site.
fn same_site_path(referer: &str) -> Option<String> {
    let path = match referer.split_once("://") {
        Some((_, rest)) => &rest[rest.find('/')?..],
        None => referer,
    };
    let path = path.split(['?', '#']).next()?;
    (path.starts_with('/') && !path.starts_with("//")).then(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_path_of_this_site_is_kept() {
        assert_eq!(
            same_site_path("http://localhost:3000/join?error=x#top").as_deref(),
            Some("/join")
        );
        assert_eq!(same_site_path("/sign-in").as_deref(), Some("/sign-in"));
        assert_eq!(same_site_path("http://a.example").as_deref(), None);
        assert_eq!(same_site_path("//evil.example/x").as_deref(), None);
    }
}

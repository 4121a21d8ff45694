//! What the routes outside Leptos share (a person's data, a report as CSV, certificate PDFs):
//! who is calling ([`RequestCaller`]), one error type that renders itself ([`FileError`]), and
//! the headers of a file to keep ([`attachment`]). A handler returns
//! `Result<Response, FileError>` and uses `?`.

use accounts::Caller;
use app::auth::ssr::resolve;
use app::errors::AppError;
use axum::extract::FromRequestParts;
use axum::response::{IntoResponse, Response};
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use http::request::Parts;
use http::{HeaderValue, StatusCode};
use tower_sessions::Session;

use crate::state::AppState;

/// The person behind the request's session cookie (anonymous without one).
pub struct RequestCaller(pub Caller);

impl FromRequestParts<AppState> for RequestCaller {
    type Rejection = FileError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, FileError> {
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|(_, why)| FileError::internal(why))?;
        let caller = resolve(&session, &state.db, state.session_limits).await?;
        Ok(Self(caller))
    }
}

impl RequestCaller {
    /// The signed-in account's id, else "sign in first".
    pub fn account(&self) -> Result<i64, FileError> {
        self.0
            .account()
            .map(|(id, _)| id)
            .map_err(|_| FileError::SIGN_IN_FIRST)
    }
}

/// Why a file was not sent. A refusal says so in both languages (these routes answer a link
/// or a download, not a page in the visitor's language); a failure is logged with its causes
/// and shown as a bare 500.
#[derive(Debug)]
pub enum FileError {
    Refused(StatusCode, &'static str),
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

impl FileError {
    pub const SIGN_IN_FIRST: Self = Self::Refused(
        StatusCode::UNAUTHORIZED,
        "Connectez-vous d’abord. / Sign in first.",
    );

    pub fn not_found(text: &'static str) -> Self {
        Self::Refused(StatusCode::NOT_FOUND, text)
    }

    pub fn internal(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self::Internal(cause.into())
    }
}

impl From<AppError> for FileError {
    fn from(error: AppError) -> Self {
        let status =
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        match error {
            AppError::SignInRequired => Self::SIGN_IN_FIRST,
            AppError::Forbidden => Self::Refused(status, "Accès refusé. / Access refused."),
            AppError::NotFound => Self::not_found("Introuvable. / Not found."),
            AppError::Invalid(_) | AppError::PasswordChangeRequired => {
                Self::Refused(status, "Erreur. / Error.")
            }
            AppError::Internal | AppError::Transport => Self::internal(error),
        }
    }
}

impl IntoResponse for FileError {
    fn into_response(self) -> Response {
        match self {
            Self::Refused(status, text) => (status, text).into_response(),
            Self::Internal(error) => {
                tracing::error!(error = %Chain(&*error), "a file could not be sent");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        }
    }
}

/// An error and its causes, on one line: `outer: cause: root cause`.
struct Chain<'a>(&'a (dyn std::error::Error + 'static));

impl std::fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut cause = self.0.source();
        while let Some(error) = cause {
            write!(f, ": {error}")?;
            cause = error.source();
        }
        Ok(())
    }
}

/// A file to download: its type, `attachment` under `filename` (kept to ASCII letters,
/// digits, `-` and `.`), and never stored by a browser or a proxy.
pub fn attachment(body: Vec<u8>, content_type: &'static str, filename: &str) -> Response {
    let name: String = filename
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
        .collect();
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Outer(std::io::Error);

    impl std::fmt::Display for Outer {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("outer")
        }
    }

    impl std::error::Error for Outer {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn a_failure_is_logged_with_every_cause() {
        let error = Outer(std::io::Error::other("disk full"));
        assert_eq!(Chain(&error).to_string(), "outer: disk full");
    }

    #[test]
    fn a_download_name_keeps_only_safe_characters() {
        let response = attachment(vec![], "text/csv; charset=utf-8", "progress-\"7\r\n;x.csv");
        assert_eq!(
            response.headers()[CONTENT_DISPOSITION],
            "attachment; filename=\"progress-7x.csv\""
        );
        assert_eq!(response.headers()[CACHE_CONTROL], "no-store");
    }

    #[test]
    fn refusals_keep_their_status_and_failures_are_a_bare_500() {
        let refused = FileError::from(AppError::Forbidden).into_response();
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        let failed = FileError::from(AppError::Internal).into_response();
        assert_eq!(failed.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            FileError::SIGN_IN_FIRST.into_response().status(),
            StatusCode::UNAUTHORIZED
        );
    }
}

//! `/account/data.json`: the signed-in person's data, as a file to keep.

use app::auth::ssr::{SessionLimits, resolve};
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};
use sea_orm::DatabaseConnection;
use tower_sessions::Session;

pub async fn download(
    State(db): State<DatabaseConnection>,
    State(limits): State<SessionLimits>,
    session: Session,
) -> Response {
    let caller = match resolve(&session, &db, limits).await {
        Ok(caller) => caller,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let Ok((id, _)) = caller.account() else {
        return (
            StatusCode::UNAUTHORIZED,
            "Connectez-vous d’abord. / Sign in first.",
        )
            .into_response();
    };
    let data = match accounts::people::personal_data(&db, id).await {
        Ok(data) => data,
        Err(error) => {
            tracing::error!(%error, "personal data export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let learning = match learning::progress::personal_data(&db, id).await {
        Ok(learning) => learning,
        Err(error) => {
            tracing::error!(%error, "personal data export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut value = serde_json::to_value(&data).unwrap_or_default();
    value["learning"] = serde_json::to_value(&learning).unwrap_or_default();
    let body = serde_json::to_string_pretty(&value).unwrap_or_default();
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert(
        CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"mes-donnees.json\""),
    );
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

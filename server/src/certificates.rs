//! Certificate files: a learner's certificate as a PDF, all of a cohort's in one PDF for
//! printing, and the public key that verifies their QR codes (`/certificates/public-key`).
//!
//! A PDF goes to its learner, an administrator, or a trainer of a cohort the learner is in;
//! anyone else gets 404, so numbers cannot be probed here. A revoked certificate is not
//! printed again (410).

use app::auth::ssr::{SessionLimits, resolve};
use app::serverfns::certificates::ssr::Certifier;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use certificates::document::{self, Languages};
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};
use sea_orm::DatabaseConnection;
use serde::Deserialize;
use tower_sessions::Session;

#[derive(Debug, Deserialize)]
pub struct Format {
    /// `fr`, `en` or `both` (the default).
    lang: Option<String>,
}

impl Format {
    fn languages(&self) -> Languages {
        match self.lang.as_deref() {
            Some("fr") => Languages::French,
            Some("en") => Languages::English,
            _ => Languages::Bilingual,
        }
    }
}

const SIGN_IN_FIRST: &str = "Connectez-vous d’abord. / Sign in first.";
const NOT_FOUND: &str = "Attestation introuvable. / Certificate not found.";

/// `GET /certificates/public-key`: the Ed25519 public key, for anyone who checks codes
/// with their own tools.
pub async fn public_key(State(certifier): State<Certifier>) -> Response {
    let body = serde_json::json!({
        "algorithm": "Ed25519",
        "public_key": certifier.keys.public_key_text(),
        "encoding": "base64url, 32 bytes, no padding",
        "code": "base64url(message) '.' base64url(signature); message = lines CR1, number, module, YYYY-MM-DD, name",
    });
    let mut response = axum::Json(body).into_response();
    response.headers_mut().insert(
        CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    response
}

/// `GET /certificates/<number>.pdf?lang=fr|en|both`.
pub async fn download(
    State(db): State<DatabaseConnection>,
    State(limits): State<SessionLimits>,
    State(certifier): State<Certifier>,
    Path(file): Path<String>,
    Query(format): Query<Format>,
    session: Session,
) -> Response {
    let Some(number) = file.strip_suffix(".pdf") else {
        return (StatusCode::NOT_FOUND, NOT_FOUND).into_response();
    };
    let Ok(caller) = resolve(&session, &db, limits).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok((me, _)) = caller.account() else {
        return (StatusCode::UNAUTHORIZED, SIGN_IN_FIRST).into_response();
    };
    let found = match certificates::lookup::by_number(&db, number).await {
        Ok(Some(found)) => found,
        Ok(None) => return (StatusCode::NOT_FOUND, NOT_FOUND).into_response(),
        Err(error) => return internal(error),
    };
    let allowed = found.account_id == me
        || caller
            .require_manager_of_learner(&db, found.account_id)
            .await
            .is_ok();
    if !allowed {
        return (StatusCode::NOT_FOUND, NOT_FOUND).into_response();
    }
    if found.revoked_at.is_some() {
        return (
            StatusCode::GONE,
            "Cette attestation a été révoquée. / This certificate has been revoked.",
        )
            .into_response();
    }
    let filename = format!("attestation-{}.pdf", found.number);
    pdf_response(certifier, vec![found], format.languages(), &filename).await
}

/// `GET /trainer/cohorts/<id>/certificates.pdf`: every valid certificate of the cohort's
/// learners, one page each, for its trainers and administrators.
pub async fn cohort_download(
    State(db): State<DatabaseConnection>,
    State(limits): State<SessionLimits>,
    State(certifier): State<Certifier>,
    Path(id): Path<i64>,
    Query(format): Query<Format>,
    session: Session,
) -> Response {
    let Ok(caller) = resolve(&session, &db, limits).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if caller.account().is_err() {
        return (StatusCode::UNAUTHORIZED, SIGN_IN_FIRST).into_response();
    }
    if caller.require_trainer_of(&db, id).await.is_err() {
        return (
            StatusCode::NOT_FOUND,
            "Groupe introuvable. / Cohort not found.",
        )
            .into_response();
    }
    let found: Vec<_> = match certificates::lookup::of_cohort(&db, id).await {
        Ok(found) => found
            .into_iter()
            .filter(|c| c.revoked_at.is_none())
            .collect(),
        Err(error) => return internal(error),
    };
    if found.is_empty() {
        return (
            StatusCode::NOT_FOUND,
            "Aucune attestation dans ce groupe. / No certificate in this cohort.",
        )
            .into_response();
    }
    pdf_response(
        certifier,
        found,
        format.languages(),
        &format!("attestations-groupe-{id}.pdf"),
    )
    .await
}

/// Renders on a blocking thread (tens of milliseconds per page) and sends the file.
async fn pdf_response(
    certifier: Certifier,
    found: Vec<certificates::Certificate>,
    languages: Languages,
    filename: &str,
) -> Response {
    let rendered = tokio::task::spawn_blocking(move || {
        document::pdf(&found, &certifier.keys, &certifier.public_url, languages)
    })
    .await;
    let bytes = match rendered {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(error)) => return internal(error),
        Err(error) => return internal(error),
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}

fn internal(error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "certificate file failed");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

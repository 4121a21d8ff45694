//! Certificate files: a learner's certificate as a PDF, all of a cohort's in one PDF for
//! printing, and the public key that verifies their QR codes (`/certificates/public-key`).
//!
//! A PDF goes to its learner, an administrator, or a trainer of a cohort the learner is in;
//! anyone else gets 404, so numbers cannot be probed here. A revoked certificate is not
//! printed again (410).

use app::serverfns::certificates::ssr::Certifier;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use certificates::document::{self, Languages};
use http::header::CACHE_CONTROL;
use http::{HeaderValue, StatusCode};
use sea_orm::DatabaseConnection;
use serde::Deserialize;

use crate::downloads::{FileError, RequestCaller, attachment};

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
#[tracing::instrument(skip_all)]
pub async fn download(
    State(db): State<DatabaseConnection>,
    State(certifier): State<Certifier>,
    Path(file): Path<String>,
    Query(format): Query<Format>,
    caller: RequestCaller,
) -> Result<Response, FileError> {
    let number = file
        .strip_suffix(".pdf")
        .ok_or(FileError::not_found(NOT_FOUND))?;
    let me = caller.account()?;
    let found = certificates::lookup::by_number(&db, number)
        .await
        .map_err(FileError::internal)?
        .ok_or(FileError::not_found(NOT_FOUND))?;
    let allowed = found.account_id == me
        || caller
            .0
            .require_manager_of_learner(&db, found.account_id)
            .await
            .is_ok();
    if !allowed {
        return Err(FileError::not_found(NOT_FOUND));
    }
    if found.revoked_at.is_some() {
        return Err(FileError::Refused(
            StatusCode::GONE,
            "Cette attestation a été révoquée. / This certificate has been revoked.",
        ));
    }
    let filename = format!("attestation-{}.pdf", found.number);
    pdf_response(certifier, vec![found], format.languages(), &filename).await
}

/// `GET /trainer/cohorts/<id>/certificates.pdf`: every valid certificate of the cohort's
/// learners, one page each, for its trainers and administrators.
#[tracing::instrument(skip_all)]
pub async fn cohort_download(
    State(db): State<DatabaseConnection>,
    State(certifier): State<Certifier>,
    Path(id): Path<i64>,
    Query(format): Query<Format>,
    caller: RequestCaller,
) -> Result<Response, FileError> {
    caller.account()?;
    if caller.0.require_trainer_of(&db, id).await.is_err() {
        return Err(FileError::not_found(
            "Groupe introuvable. / Cohort not found.",
        ));
    }
    let found: Vec<_> = certificates::lookup::of_cohort(&db, id)
        .await
        .map_err(FileError::internal)?
        .into_iter()
        .filter(|c| c.revoked_at.is_none())
        .collect();
    if found.is_empty() {
        return Err(FileError::not_found(
            "Aucune attestation dans ce groupe. / No certificate in this cohort.",
        ));
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
) -> Result<Response, FileError> {
    let bytes = tokio::task::spawn_blocking(move || {
        document::pdf(&found, &certifier.keys, &certifier.public_url, languages)
    })
    .await
    .map_err(FileError::internal)?
    .map_err(FileError::internal)?;
    Ok(attachment(bytes, "application/pdf", filename))
}

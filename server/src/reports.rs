//! `GET /trainer/cohorts/<id>/report.csv?kind=…`: a trainer report as CSV, built by the same
//! code as its page (`app::serverfns::reports::ssr::build`), so it holds exactly what the
//! screen shows. Same scope: the cohort's trainers and administrators (`all`: administrators).

use std::sync::Arc;

use app::auth::ssr::{SessionLimits, resolve};
use app::errors::AppError;
use app::i18n::Lang;
use app::model::ReportQuery;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use catalog::Catalog;
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};
use sea_orm::DatabaseConnection;
use serde::Deserialize;
use tower_sessions::Session;

/// The export's language; the rest of the query string is the page's `ReportQuery`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CsvLang {
    lang: String,
}

pub async fn csv(
    State(db): State<DatabaseConnection>,
    State(limits): State<SessionLimits>,
    State(catalog): State<Arc<Catalog>>,
    Path(cohort): Path<String>,
    query: Result<Query<ReportQuery>, QueryRejection>,
    lang: Result<Query<CsvLang>, QueryRejection>,
    session: Session,
) -> Response {
    let (Ok(Query(mut query)), Ok(Query(CsvLang { lang }))) = (query, lang) else {
        return (
            StatusCode::BAD_REQUEST,
            "Adresse d’export incorrecte. / This export address is not valid.",
        )
            .into_response();
    };
    let Ok(caller) = resolve(&session, &db, limits).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    query.cohort = cohort;
    let lang = Lang::parse(&lang).unwrap_or_default();
    let report =
        match app::serverfns::reports::ssr::build(&db, &catalog, &caller, &query, lang).await {
            Ok(report) => report,
            Err(error) => {
                let status = StatusCode::from_u16(error.status())
                    .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                let text = match error {
                    AppError::SignInRequired => "Connectez-vous d’abord. / Sign in first.",
                    AppError::Forbidden => "Accès refusé. / Access refused.",
                    AppError::NotFound => "Introuvable. / Not found.",
                    _ => "Erreur. / Error.",
                };
                return (status, text).into_response();
            }
        };
    let rows = app::serverfns::reports::ssr::csv_rows(&report);
    let bytes = match insights::csv::write(&rows, lang.code()) {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "csv export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let name = format!("{}-{}.csv", query.kind, query.cohort);
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
        .collect();
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}

//! `GET /trainer/cohorts/<id>/report.csv?kind=…`: a trainer report as CSV, built by the same
//! code as its page (`app::serverfns::reports::ssr::build`), so it holds exactly what the
//! screen shows. Same scope: the cohort's trainers and administrators (`all`: administrators).

use std::sync::Arc;

use app::i18n::Lang;
use app::model::ReportQuery;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use catalog::Catalog;
use http::StatusCode;
use sea_orm::DatabaseConnection;
use serde::Deserialize;

use crate::downloads::{FileError, RequestCaller, attachment};

/// The export's language; the rest of the query string is the page's `ReportQuery`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CsvLang {
    lang: String,
}

#[tracing::instrument(skip_all)]
pub async fn csv(
    State(db): State<DatabaseConnection>,
    State(catalog): State<Arc<Catalog>>,
    Path(cohort): Path<String>,
    query: Result<Query<ReportQuery>, QueryRejection>,
    lang: Result<Query<CsvLang>, QueryRejection>,
    RequestCaller(caller): RequestCaller,
) -> Result<Response, FileError> {
    let (Ok(Query(mut query)), Ok(Query(CsvLang { lang }))) = (query, lang) else {
        return Err(FileError::Refused(
            StatusCode::BAD_REQUEST,
            "Adresse d’export incorrecte. / This export address is not valid.",
        ));
    };
    query.cohort = cohort;
    let lang = Lang::parse(&lang).unwrap_or_default();
    let report = app::serverfns::reports::ssr::build(&db, &catalog, &caller, &query, lang).await?;
    let rows = app::serverfns::reports::ssr::csv_rows(&report);
    let bytes = insights::csv::write(&rows, lang.code()).map_err(FileError::internal)?;
    let name = format!("{}-{}.csv", query.kind, query.cohort);
    Ok(attachment(bytes, "text/csv; charset=utf-8", &name))
}

//! `/account/data.json`: the signed-in person's data, as a file to keep.

use axum::extract::State;
use axum::response::Response;
use sea_orm::DatabaseConnection;

use crate::downloads::{FileError, RequestCaller, attachment};

#[tracing::instrument(skip_all)]
pub async fn download(
    State(db): State<DatabaseConnection>,
    caller: RequestCaller,
) -> Result<Response, FileError> {
    let id = caller.account()?;
    let data = accounts::people::personal_data(&db, id)
        .await
        .map_err(FileError::internal)?;
    let learning = learning::progress::personal_data(&db, id)
        .await
        .map_err(FileError::internal)?;
    let mut value = serde_json::to_value(&data).map_err(FileError::internal)?;
    value["learning"] = serde_json::to_value(&learning).map_err(FileError::internal)?;
    let body = serde_json::to_vec_pretty(&value).map_err(FileError::internal)?;
    Ok(attachment(
        body,
        "application/json; charset=utf-8",
        "mes-donnees.json",
    ))
}

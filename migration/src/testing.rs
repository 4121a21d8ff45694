//! A fresh, migrated SQLite database in a temporary folder, for the tests of the crates that
//! own tables (`accounts`, `learning`, `certificates`, `insights`). Only with the `testing`
//! feature, which those crates enable as a dev-dependency: never in the server.

use sea_orm_migration::sea_orm::{Database, DatabaseConnection};

use crate::{Migrator, MigratorTrait};

/// A database with every migration applied. The folder is removed when the second value
/// drops: keep it as long as the connection.
pub async fn database() -> (DatabaseConnection, tempfile::TempDir) {
    up_to(None).await
}

/// A database with only the first `steps` migrations, to test data written before a later one.
pub async fn database_up_to(steps: u32) -> (DatabaseConnection, tempfile::TempDir) {
    up_to(Some(steps)).await
}

async fn up_to(steps: Option<u32>) -> (DatabaseConnection, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
    let db = Database::connect(url).await.expect("SQLite opens");
    Migrator::up(&db, steps).await.expect("the migrations run");
    (db, dir)
}

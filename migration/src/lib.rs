//! The database schema, as an ordered list of migrations.
//!
//! Kept apart from the app and the server so the schema has one home. Migrations use
//! sea-orm's portable schema helpers so that each one runs on SQLite and on PostgreSQL.

pub use sea_orm_migration::prelude::*;

#[cfg(feature = "testing")]
pub mod testing;

mod m20261129_000001_create_setting;
mod m20261129_000002_create_accounts;
mod m20261129_000003_create_progress;
mod m20261129_000004_create_certificates;
mod m20261129_000005_cohort_settings;
mod m20261130_000006_read_models;
mod m20261202_000007_trusted_devices;
mod m20261202_000008_retention;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_create_setting::Migration),
            Box::new(m20261129_000002_create_accounts::Migration),
            Box::new(m20261129_000003_create_progress::Migration),
            Box::new(m20261129_000004_create_certificates::Migration),
            Box::new(m20261129_000005_cohort_settings::Migration),
            Box::new(m20261130_000006_read_models::Migration),
            Box::new(m20261202_000007_trusted_devices::Migration),
            Box::new(m20261202_000008_retention::Migration),
        ]
    }
}

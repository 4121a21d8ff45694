//! Trainers' reports on a cohort (or on all cohorts, for administrators): the progress
//! matrix, the question analysis and the pre-test/post-test comparison of a module, one
//! learner's record, and the attendance sheet. The page and its CSV export
//! (`server/src/reports.rs`) build the same [`Report`](crate::model::Report) from the same
//! query, through [`ssr::build`]: who may see what is decided there, once, and each report
//! (`reports/<kind>.rs`) only turns figures into the tables of `reports/table.rs`.

use leptos::prelude::*;

use crate::i18n::Lang;

use crate::errors::AppError;
use crate::model::{Report, ReportQuery};

#[cfg(feature = "ssr")]
mod attendance;
#[cfg(feature = "ssr")]
mod gain;
#[cfg(feature = "ssr")]
mod learner;
#[cfg(feature = "ssr")]
mod progress;
#[cfg(feature = "ssr")]
mod questions;
#[cfg(feature = "ssr")]
mod table;

/// The report `query` asks for, for its cohort's trainers and administrators only.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_report(lang: Lang, query: ReportQuery) -> Result<Report, AppError> {
    use crate::auth::ssr::caller;
    use crate::context::catalog;
    use crate::context::db;

    let caller = caller().await?;
    let catalog = catalog()?;
    ssr::build(&db()?, &catalog, &caller, &query, lang).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    //! Building reports; shared by the page's server function and the CSV export.

    use catalog::Catalog;
    use sea_orm::{DatabaseConnection, EntityTrait};

    use crate::errors::AppError;
    use crate::i18n::{Lang, tr};
    use crate::model::{Report, ReportKind, ReportQuery};

    pub use super::table::{csv_rows, decimal, percent};

    /// Which learners a report covers, parsed once from the query's `cohort`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Scope {
        /// One cohort, for its trainers and administrators.
        Cohort(i64),
        /// Every cohort (`all`), for administrators: figures per cohort, no names.
        All,
    }

    /// What every report is built from: the checked scope, its cohorts and name, the query
    /// and the language.
    pub struct Context<'a> {
        pub db: &'a DatabaseConnection,
        pub catalog: &'a Catalog,
        pub caller: &'a accounts::Caller,
        pub query: &'a ReportQuery,
        pub scope: Scope,
        /// The cohorts covered: one, or all of them.
        pub cohorts: Vec<i64>,
        /// The cohort's name, or "all cohorts".
        pub name: String,
        pub lang: Lang,
    }

    impl Context<'_> {
        /// Whose answers the figures count: every cohort reads the running tallies.
        pub fn who(&self) -> insights::Scope<'_> {
            match self.scope {
                Scope::All => insights::Scope::Every,
                Scope::Cohort(_) => insights::Scope::Cohorts(&self.cohorts),
            }
        }

        /// The one cohort of a report that has no all-cohorts version, else "not found".
        pub fn one_cohort(&self) -> Result<i64, AppError> {
            match self.scope {
                Scope::Cohort(id) => Ok(id),
                Scope::All => Err(AppError::NotFound),
            }
        }

        /// The module the query names, else "not found".
        pub fn module(&self) -> Result<&catalog::Module, AppError> {
            self.catalog
                .module(&self.query.module)
                .ok_or(AppError::NotFound)
        }
    }

    /// Checks that `caller` may see `query`'s cohort, then builds the report.
    pub async fn build(
        db: &DatabaseConnection,
        catalog: &Catalog,
        caller: &accounts::Caller,
        query: &ReportQuery,
        lang: Lang,
    ) -> Result<Report, AppError> {
        let (scope, cohorts, name) = scope(db, caller, &query.cohort, lang).await?;
        let context = Context {
            db,
            catalog,
            caller,
            query,
            scope,
            cohorts,
            name,
            lang,
        };
        match query.report_kind().ok_or(AppError::NotFound)? {
            ReportKind::Progress => super::progress::report(&context).await,
            ReportKind::Questions => super::questions::report(&context).await,
            ReportKind::Gain => super::gain::report(&context).await,
            ReportKind::Learner => super::learner::report(&context).await,
            ReportKind::Attendance => super::attendance::report(&context).await,
        }
    }

    /// The scope a report covers, its cohorts and its name: one cohort for its trainers and
    /// administrators, or every cohort (`all`) for administrators only.
    async fn scope(
        db: &DatabaseConnection,
        caller: &accounts::Caller,
        cohort: &str,
        lang: Lang,
    ) -> Result<(Scope, Vec<i64>, String), AppError> {
        use accounts::entity::cohort;
        if cohort == "all" {
            caller.require_admin()?;
            let all = cohort::Entity::find()
                .all(db)
                .await
                .map_err(AppError::internal)?;
            return Ok((
                Scope::All,
                all.into_iter().map(|c| c.id).collect(),
                tr(lang, "report-all-cohorts"),
            ));
        }
        caller.require_trainer()?;
        let id: i64 = cohort.parse().map_err(|_| AppError::NotFound)?;
        caller.require_trainer_of(db, id).await?;
        let found = accounts::cohorts::get(db, id).await?;
        Ok((Scope::Cohort(id), vec![id], found.name))
    }
}

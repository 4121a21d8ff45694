use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::JobAidPage;

/// A module's printable job aid, or `NotFound` when the module has none. Public, like lessons.
#[server]
pub async fn get_job_aid(lang: String, module: String) -> Result<JobAidPage, AppError> {
    use super::ssr::{catalog, job_aid_page, lang as parse_lang};

    let catalog = catalog()?;
    job_aid_page(&catalog, &module, parse_lang(&lang))
}

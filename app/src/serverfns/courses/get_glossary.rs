use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::JobAidPage;

/// A module's glossary, or `NotFound` when the module has none. Public, like lessons.
#[server]
pub async fn get_glossary(lang: String, module: String) -> Result<JobAidPage, AppError> {
    use super::ssr::{catalog, glossary_page, lang as parse_lang};

    let catalog = catalog()?;
    glossary_page(&catalog, &module, parse_lang(&lang))
}

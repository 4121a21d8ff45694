use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::ModuleOutline;

/// One module and its lessons, or `NotFound`.
#[server]
pub async fn get_module(lang: String, module: String) -> Result<ModuleOutline, AppError> {
    use super::ssr::{catalog, lang as parse_lang, module_outline};
    let catalog = catalog()?;
    module_outline(&catalog, &module, parse_lang(&lang))
}

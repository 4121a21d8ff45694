use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::ModuleCard;

/// The modules, in teaching order, in language `lang`.
#[server]
pub async fn list_modules(lang: String) -> Result<Vec<ModuleCard>, AppError> {
    use super::ssr::{catalog, lang as parse_lang, module_cards};
    let catalog = catalog()?;
    module_cards(&catalog, parse_lang(&lang))
}

use leptos::prelude::*;

use crate::i18n::Lang;

use crate::errors::AppError;
use crate::model::SidePageContent;

/// A module's glossary, or `NotFound` when the module has none. Public, like lessons.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_glossary(lang: Lang, module: String) -> Result<SidePageContent, AppError> {
    use super::ssr::glossary_page;
    use crate::context::catalog;

    let catalog = catalog()?;
    glossary_page(&catalog, &module, lang)
}

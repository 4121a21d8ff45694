use leptos::prelude::*;

use crate::i18n::Lang;

use crate::errors::AppError;
use crate::model::ModuleCard;

/// The modules, in teaching order, in language `lang`; with the learner's progress in each
/// when signed in.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_modules(lang: Lang) -> Result<Vec<ModuleCard>, AppError> {
    use super::ssr::module_card;
    use crate::context::catalog;
    use crate::context::db;
    use crate::serverfns::learning::ssr::{learner, progress_view};

    let catalog = catalog()?;
    let progress = match learner().await {
        Some(account) => Some(learning::progress::overview(&db()?, &catalog, account).await?),
        None => None,
    };
    Ok(catalog
        .modules()
        .iter()
        .enumerate()
        .map(|(i, module)| {
            let view = progress.as_ref().map(|all| progress_view(module, &all[i]));
            module_card(module, lang, view)
        })
        .collect())
}

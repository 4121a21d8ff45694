use leptos::prelude::*;

use crate::i18n::Lang;

use crate::errors::AppError;
use crate::model::LessonContent;

/// One lesson with its neighbours, or `NotFound`; for a learner, whether it is marked read.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_lesson(
    lang: Lang,
    module: String,
    lesson: String,
) -> Result<LessonContent, AppError> {
    use super::ssr::lesson_page;
    use crate::context::catalog;
    use crate::context::db;
    use crate::serverfns::learning::ssr::learner;

    let catalog = catalog()?;
    let found = catalog.module(&module).ok_or(AppError::NotFound)?;
    let read = match learner().await {
        Some(account) => Some(
            learning::progress::of_module(&db()?, found, account)
                .await?
                .lessons_read
                .contains(&lesson),
        ),
        None => None,
    };
    lesson_page(&catalog, &module, &lesson, lang, read)
}

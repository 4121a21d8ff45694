use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::LessonPage;

/// One lesson with its neighbours, or `NotFound`; for a learner, whether it is marked read.
#[server]
pub async fn get_lesson(
    lang: String,
    module: String,
    lesson: String,
) -> Result<LessonPage, AppError> {
    use super::ssr::{catalog, lang as parse_lang, lesson_page};
    use crate::auth::ssr::db;
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
    lesson_page(&catalog, &module, &lesson, parse_lang(&lang), read)
}

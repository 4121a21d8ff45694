use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::LessonPage;

/// One lesson with its neighbours, or `NotFound`.
#[server]
pub async fn get_lesson(
    lang: String,
    module: String,
    lesson: String,
) -> Result<LessonPage, AppError> {
    use super::ssr::{catalog, lang as parse_lang, lesson_page};
    let catalog = catalog()?;
    lesson_page(&catalog, &module, &lesson, parse_lang(&lang))
}

use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::ModuleOutline;

/// One module, its lessons, its quiz and pre-test; with the learner's progress when signed in.
#[server]
pub async fn get_module(lang: String, module: String) -> Result<ModuleOutline, AppError> {
    use super::ssr::{catalog, lang as parse_lang, lesson_links, module_card};
    use crate::auth::ssr::db;
    use crate::serverfns::learning::ssr::{learner, progress_view, quiz_entry};
    use catalog::QuizKind;

    let catalog = catalog()?;
    let lang = parse_lang(&lang);
    let module = catalog.module(&module).ok_or(AppError::NotFound)?;
    let account = learner().await;
    let db = db()?;
    let progress = match account {
        Some(account) => Some(learning::progress::of_module(&db, module, account).await?),
        None => None,
    };
    let read = progress
        .as_ref()
        .map(|p| {
            module
                .lessons
                .iter()
                .map(|l| p.lessons_read.contains(&l.slug))
                .collect()
        })
        .unwrap_or_default();
    Ok(ModuleOutline {
        card: module_card(
            module,
            lang,
            progress.as_ref().map(|p| progress_view(module, p)),
        )?,
        lessons: lesson_links(module, lang)?,
        read,
        quiz: quiz_entry(&db, module, QuizKind::Quiz, account, lang).await?,
        pretest: quiz_entry(&db, module, QuizKind::Pretest, account, lang).await?,
    })
}

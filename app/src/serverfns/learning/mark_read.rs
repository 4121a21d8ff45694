use leptos::prelude::*;

use crate::errors::AppError;

/// Marks a lesson read for the signed-in learner, then goes on: to the next lesson, or to the
/// module page (where the quiz is) after the last one. Marking it again changes nothing.
/// `for_account` as for [`super::submit_quiz`]: the outbox's replay under another account is
/// refused.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn mark_read(
    module: String,
    lesson: String,
    #[server(default)] for_account: Option<i64>,
) -> Result<(), AppError> {
    use crate::auth::ssr::caller;
    use crate::context::catalog;
    use crate::context::db;
    use crate::routes::{lesson_href, module_href};

    let (account, _) = caller().await?.account()?;
    super::ssr::same_account(for_account, account)?;
    let catalog = catalog()?;
    let found = catalog.module(&module).ok_or(AppError::NotFound)?;
    learning::progress::mark_read(&db()?, found, &lesson, account, accounts::now()).await?;
    crate::serverfns::certificates::ssr::issue_after(account, &found.slug).await;
    let next = found
        .lesson(&lesson)
        .and_then(|(i, _)| found.lessons.get(i + 1))
        .map(|l| lesson_href(&found.slug, &l.slug));
    leptos_axum::redirect(&next.unwrap_or_else(|| format!("{}#tests", module_href(&found.slug))));
    Ok(())
}

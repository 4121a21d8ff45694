use leptos::prelude::*;

use crate::errors::AppError;

/// Records attempt `attempt` of a module's quiz or pre-test, graded here on the server, then
/// shows its result. Each answer is `<question place>-<option place>` as the form showed
/// them (the form names each field `answers[q<question>]` for one answer and
/// `answers[q<question>o<option>]` for ticks; only the values count). Submitting the same
/// attempt again (a double click, the back button, a phone's outbox replaying it late)
/// records nothing more and shows the same result. `for_account`, which the page script adds,
/// is the account the answers were given under: sent later from the outbox while someone
/// else is signed in, they are refused and stay on the phone.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn submit_quiz(
    module: String,
    kind: String,
    attempt: u32,
    #[server(default)] answers: std::collections::BTreeMap<String, String>,
    #[server(default)] for_account: Option<i64>,
) -> Result<(), AppError> {
    use super::ssr::kind as parse_kind;
    use crate::auth::ssr::caller;
    use crate::context::catalog;
    use crate::context::db;
    use crate::errors::Problem;
    use crate::routes::attempt_href;

    let (account, _) = caller().await?.account()?;
    super::ssr::same_account(for_account, account)?;
    let catalog = catalog()?;
    let kind = parse_kind(&kind)?;
    let found = catalog.module(&module).ok_or(AppError::NotFound)?;
    if answers.len() > 1000 {
        return Err(AppError::Invalid(Problem::AnswersInvalid));
    }
    let picks = answers
        .values()
        .map(|a| {
            let (q, o) = a.split_once('-')?;
            Some((q.parse().ok()?, o.parse().ok()?))
        })
        .collect::<Option<Vec<(usize, usize)>>>()
        .ok_or(AppError::Invalid(Problem::AnswersInvalid))?;
    let db = db()?;
    let submitted =
        learning::attempts::submit(&db, found, kind, account, attempt, &picks, accounts::now())
            .await?;
    // Only a pass recorded now can complete the module (a replay changes nothing).
    if submitted.passed && submitted.recorded_now {
        crate::serverfns::certificates::ssr::issue_after(account, &found.slug).await;
    }
    leptos_axum::redirect(&attempt_href(&found.slug, kind.code(), submitted.number));
    Ok(())
}

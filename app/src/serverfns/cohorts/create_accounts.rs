use leptos::prelude::*;

use crate::errors::AppError;

/// Creates learner accounts in a cohort from a pasted list of names, then opens the sheet of
/// slips to print. One bad name refuses the whole list.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn create_accounts(
    cohort_id: i64,
    names: String,
    affiliation: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;
    use crate::i18n::ssr::request_lang;
    use crate::serverfns::cohorts::ssr::keep_slips;

    let db = db()?;
    let trainer = caller().await?.require_trainer_of(&db, cohort_id).await?;
    let lang = request_lang(&expect_context::<http::request::Parts>().headers);
    let slips = accounts::people::bulk_create(
        &db,
        trainer,
        cohort_id,
        &names,
        affiliation.as_deref().unwrap_or_default(),
        lang.code(),
    )
    .await?;
    keep_slips(slips).await?;
    leptos_axum::redirect("/slips");
    Ok(())
}

use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::CohortDetail;

/// A cohort and its learners, for its trainers and administrators only.
#[server]
pub async fn get_cohort(cohort_id: i64) -> Result<CohortDetail, AppError> {
    use crate::auth::ssr::{caller, db};
    use crate::model::MemberRow;
    use crate::serverfns::cohorts::ssr::card;

    let db = db()?;
    caller().await?.require_trainer_of(&db, cohort_id).await?;
    let summary = accounts::cohorts::get(&db, cohort_id).await?;
    let members = accounts::cohorts::members(&db, cohort_id).await?;
    Ok(CohortDetail {
        card: card(summary),
        members: members
            .into_iter()
            .map(|m| MemberRow {
                account_id: m.account_id,
                username: m.username,
                display_name: m.display_name,
                code_pending: m.code_pending,
            })
            .collect(),
    })
}

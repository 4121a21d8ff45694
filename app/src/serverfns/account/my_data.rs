use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::{HistoryEvent, Membership, PersonalDataView};

/// Everything the platform holds about the signed-in person.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn my_data() -> Result<PersonalDataView, AppError> {
    use crate::auth::ssr::{caller, when};
    use crate::context::db;

    let (id, role) = caller().await?.account()?;
    let db = db()?;
    let data = accounts::people::personal_data(&db, id).await?;
    let periods = accounts::retention::periods(&db).await?;
    let idle = crate::context::session_limits().idle;
    Ok(PersonalDataView {
        retention: periods.into(),
        idle_hours: idle.as_secs().div_ceil(3600).max(1) as u32,
        username: data.username,
        display_name: data.display_name,
        role: role.into(),
        affiliation: data.affiliation.into(),
        language: data.language,
        created: when(data.created_at),
        has_password: data.has_password,
        cohorts: data
            .cohorts
            .into_iter()
            .map(|c| Membership {
                cohort: c.cohort,
                role: c.role,
                since: when(c.since),
            })
            .collect(),
        open_sessions: data.sessions.len(),
        history: data
            .history
            .into_iter()
            .map(|e| HistoryEvent {
                at: when(e.at),
                action: e.action,
            })
            .collect(),
    })
}

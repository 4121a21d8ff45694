use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::AdminView;

/// Every live account, the latest 200 audit events and the retention periods.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn admin_overview() -> Result<AdminView, AppError> {
    use crate::auth::ssr::{caller, when};
    use crate::context::db;
    use crate::model::{AccountRow, AuditRow};

    caller().await?.require_admin()?;
    let db = db()?;
    let accounts = accounts::people::list(&db).await?;
    let audit = accounts::audit::latest(&db, 200).await?;
    let periods = accounts::retention::periods(&db).await?;
    let anonymised_next = accounts::retention::due(&db, accounts::now()).await?;
    Ok(AdminView {
        anonymised_next,
        retention: periods.into(),
        accounts: accounts
            .into_iter()
            .map(|a| AccountRow {
                id: a.id,
                username: a.username,
                display_name: a.display_name,
                role: a.role.into(),
            })
            .collect(),
        audit: audit
            .into_iter()
            .map(|e| AuditRow {
                at: when(e.at),
                actor: e.actor.unwrap_or_else(|| "server".into()),
                action: e.action,
                account: e.account.unwrap_or_default(),
                cohort: e.cohort.unwrap_or_default(),
            })
            .collect(),
    })
}

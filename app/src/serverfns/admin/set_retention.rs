use leptos::prelude::*;

use crate::errors::AppError;

/// Sets how long an unused account is kept before it is anonymised (empty or 0: never) and
/// how long the audit log keeps an event, both in days. Applied by the next hourly sweep.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn set_retention(inactive_days: String, audit_days: String) -> Result<(), AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;

    let admin = caller().await?.require_admin()?;
    let periods = accounts::retention::Periods::parse(&inactive_days, &audit_days)?;
    accounts::retention::set_periods(&db()?, admin, periods).await?;
    leptos_axum::redirect(&crate::routes::done_href(
        "/admin",
        crate::routes::Done::Retention,
    ));
    Ok(())
}

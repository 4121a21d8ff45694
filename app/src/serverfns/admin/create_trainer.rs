use leptos::prelude::*;

use crate::errors::AppError;

/// Creates a trainer's account with a one-time code, shown on a slip.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn create_trainer(username: String, display_name: String) -> Result<(), AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;
    use crate::serverfns::cohorts::ssr::keep_slips;
    use accounts::people::NewAccount;
    use accounts::{Affiliation, Role};

    let admin = caller().await?.require_admin()?;
    let (_, slip) = accounts::people::create_with_code(
        &db()?,
        Some(admin),
        NewAccount {
            username: Some(&username),
            display_name: &display_name,
            role: Role::Trainer,
            affiliation: Affiliation::Other,
            lang: "fr",
        },
    )
    .await?;
    keep_slips(vec![slip]).await?;
    leptos_axum::redirect("/slips");
    Ok(())
}

use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::UserInfo;

/// Who is signed in, if anyone (for the header and the pages' menus).
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn current_user() -> Result<Option<UserInfo>, AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;
    use accounts::Caller;

    let Caller::Account {
        id,
        role,
        must_set_password,
    } = caller().await?
    else {
        return Ok(None);
    };
    let account = accounts::people::find(&db()?, id).await?;
    Ok(Some(UserInfo {
        id,
        username: account.username,
        display_name: account.display_name,
        role: role.into(),
        must_set_password,
    }))
}

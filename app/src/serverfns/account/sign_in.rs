use leptos::prelude::*;

use crate::errors::AppError;

/// Signs in with a username and a password or one-time code. A one-time code leads to
/// choosing a password; anything wrong gives the same message, whether the username exists
/// or not.
#[server]
pub async fn sign_in(username: String, password: String) -> Result<(), AppError> {
    use crate::auth::ssr::{client_address, db, session, start};
    use crate::serverfns::account::ssr::{home_of, use_language_of};
    use accounts::sign_in::SignedIn;

    let db = db()?;
    let signed =
        accounts::sign_in::sign_in(&db, &username, &password, client_address().await).await?;
    let session = session().await?;
    let (account, must_set_password) = match signed {
        SignedIn::Password(account) => (account, false),
        SignedIn::OneTimeCode(account) => (account, true),
    };
    start(&session, account.id, must_set_password).await?;
    use_language_of(&account.lang)?;
    leptos_axum::redirect(if must_set_password {
        "/account/password"
    } else {
        home_of(&account.role)
    });
    Ok(())
}

//! Signing in and out, joining with a cohort code, passwords, and the person's own data.

mod current_user;
mod join;
mod my_data;
mod set_password;
mod sign_in;
mod sign_out;

pub use current_user::*;
pub use join::*;
pub use my_data::*;
pub use set_password::*;
pub use sign_in::*;
pub use sign_out::*;

#[cfg(feature = "ssr")]
pub mod ssr {
    use http::{HeaderValue, header::SET_COOKIE};
    use leptos::prelude::expect_context;

    use crate::errors::AppError;
    use crate::i18n::{Lang, ssr::lang_cookie};

    /// After sign-in, the interface speaks the account's language.
    pub fn use_language_of(code: &str) -> Result<(), AppError> {
        if let Some(lang) = Lang::parse(code) {
            let cookie = HeaderValue::from_str(&lang_cookie(lang)).map_err(AppError::internal)?;
            expect_context::<leptos_axum::ResponseOptions>().append_header(SET_COOKIE, cookie);
        }
        Ok(())
    }

    /// Where a person lands after signing in.
    pub fn home_of(role: accounts::Role) -> &'static str {
        match role {
            accounts::Role::Trainer => "/trainer",
            accounts::Role::Admin => "/admin",
            accounts::Role::Learner => "/",
        }
    }
}

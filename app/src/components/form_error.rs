//! The message under a form when the server refused it.
//!
//! Every form is a plain form (islands mode: no page is hydrated), so a refused form comes
//! back to its page with `?error=<code>` (see the server's `form_errors` layer), which is read
//! here. The message is in the visitor's language and nothing changed on the server.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::errors::AppError;
use crate::i18n::{tr, use_lang};

#[component]
pub fn FormError() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let shown = move || {
        query
            .read()
            .get("error")
            .and_then(|code| AppError::from_form_code(&code))
    };
    move || {
        shown().map(|error| {
            let key = error.message_key();
            view! {
                <p class="form-error" role="alert" data-error=error.form_code()>
                    {tr(lang.get(), &key)}
                </p>
            }
        })
    }
}

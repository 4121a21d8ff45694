//! The message under a form when the server refused it.
//!
//! With JavaScript the action's error is shown at once; without it the server sent the
//! browser back to the form with `?error=<code>` (see the server's `form_errors` layer),
//! which is read here. Either way the message is in the visitor's language and the form is
//! shown again, unchanged on the server.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::errors::AppError;
use crate::i18n::{tr, use_lang};

#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let shown = move || {
        error.get().or_else(|| {
            query
                .read()
                .get("error")
                .and_then(|code| AppError::from_form_code(&code))
        })
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

/// The error of a server action's last run, as a signal for [`FormError`].
pub fn action_error<I, O>(action: ServerAction<I>) -> Signal<Option<AppError>>
where
    I: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || {
        action
            .value()
            .get()
            .and_then(|r: Result<O, AppError>| r.err())
    })
}

/// Changes each time `action` succeeds, and only then: a page whose forms come back to it
/// reloads its data from this (with JavaScript, a redirect to the page one is on does not
/// load it again), and a refused form keeps what the person typed.
pub fn last_success<I, O>(action: ServerAction<I>) -> Memo<usize>
where
    I: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Memo::new(move |previous: Option<&usize>| {
        let ok = action
            .value()
            .with(|v: &Option<Result<O, AppError>>| matches!(v, Some(Ok(_))));
        let version = action.version().get();
        if ok {
            version
        } else {
            previous.copied().unwrap_or(0)
        }
    })
}

//! What a visitor sees when a page cannot be shown: a short message in their language and a
//! way home, with the right HTTP status. Never the cause.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::errors::{AppError, set_page_status};
use crate::i18n::{tr, use_lang};

#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    set_page_status(error.status());
    let lang = use_lang();
    let (title, text) = match error {
        AppError::NotFound => ("not-found-title", "not-found-text"),
        AppError::Internal | AppError::Transport => ("error-title", "error-text"),
    };
    view! {
        <Title text=move || tr(lang.get(), title) />
        <section class="error-page" data-status=error.status()>
            <h1>{move || tr(lang.get(), title)}</h1>
            <p>{move || tr(lang.get(), text)}</p>
            <p>
                <a class="button" href="/">{move || tr(lang.get(), "back-home")}</a>
            </p>
        </section>
    }
}

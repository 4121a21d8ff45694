//! The frame of every page: a header with the site name and language switch, the main
//! content, and a footer.

use leptos::prelude::*;

use crate::components::language_switch::LanguageSwitch;
use crate::i18n::{tr, use_lang};

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let lang = use_lang();
    view! {
        <a class="skip-link" href="#main">{move || tr(lang.get(), "skip-to-content")}</a>
        <header class="site-header">
            <a class="brand" href="/">{move || tr(lang.get(), "site-name")}</a>
            <LanguageSwitch />
        </header>
        <main id="main">{children()}</main>
        <footer class="site-footer">
            <p>{move || tr(lang.get(), "footer-text")}</p>
        </footer>
    }
}

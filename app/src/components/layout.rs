//! The frame of every page: a header with the site name and language switch, the main
//! content, and a footer.

use leptos::prelude::*;

use crate::components::language_switch::LanguageSwitch;
use crate::i18n::{tr, use_lang};
use crate::serverfns::account::current_user;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let lang = use_lang();
    view! {
        <a class="skip-link" href="#main">{move || tr(lang.get(), "skip-to-content")}</a>
        <header class="site-header">
            <a class="brand" href="/">{move || tr(lang.get(), "site-name")}</a>
            <UserMenu />
            <LanguageSwitch />
        </header>
        <main id="main">{children()}</main>
        <footer class="site-footer">
            <p>{move || tr(lang.get(), "footer-text")}</p>
        </footer>
    }
}

/// Sign-in link, or the signed-in person's pages. Only what their role can use is shown; the
/// server checks again on every request.
#[component]
fn UserMenu() -> impl IntoView {
    let lang = use_lang();
    let user = Resource::new(|| (), |_| current_user());
    view! {
        <nav class="user-menu" aria-label=move || tr(lang.get(), "account-menu")>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(user)) => {
                            let trainer = user.is_trainer();
                            let admin = user.is_admin();
                            view! {
                                {trainer.then(|| view! { <a href="/trainer">{move || tr(lang.get(), "trainer-title")}</a> })}
                                {admin.then(|| view! { <a href="/admin">{move || tr(lang.get(), "admin-title")}</a> })}
                                <a href="/certificates">{move || tr(lang.get(), "certificates-menu")}</a>
                                <a href="/account" class="me">{user.display_name}</a>
                            }
                                .into_any()
                        }
                        _ => view! { <a href="/sign-in">{move || tr(lang.get(), "sign-in-action")}</a> }.into_any(),
                    }
                })}
            </Transition>
        </nav>
    }
}

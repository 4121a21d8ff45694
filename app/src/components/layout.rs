//! The frame of every page: a header with the site name and language switch, the main
//! content, and a footer.

use leptos::prelude::*;

use crate::components::language_switch::LanguageSwitch;
use crate::i18n::t;
use crate::serverfns::account::current_user;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">
            {t("skip-to-content")}
        </a>
        <header class="site-header">
            <a class="brand" href="/">
                {t("site-name")}
            </a>
            <UserMenu />
            <LanguageSwitch />
        </header>
        <main id="main">{children()}</main>
        <footer class="site-footer">
            <p>{t("footer-text")}</p>
        </footer>
    }
}

/// Sign-in link, or the signed-in person's pages. Only what their role can use is shown; the
/// server checks again on every request.
#[component]
fn UserMenu() -> impl IntoView {
    let user = Resource::new(|| (), |_| current_user());
    view! {
        <nav class="user-menu" aria-label=t("account-menu")>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(user)) => {
                            let trainer = user.is_trainer();
                            let admin = user.is_admin();
                            view! {
                                {trainer
                                    .then(|| view! { <a href="/trainer">{t("trainer-title")}</a> })}
                                {admin.then(|| view! { <a href="/admin">{t("admin-title")}</a> })}
                                <a href="/certificates">{t("certificates-menu")}</a>
                                <a href="/account" class="me">
                                    {user.display_name}
                                </a>
                            }
                                .into_any()
                        }
                        _ => view! { <a href="/sign-in">{t("sign-in-action")}</a> }.into_any(),
                    }
                })}
            </Transition>
        </nav>
    }
}

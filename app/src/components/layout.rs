//! The frame of every page: a header with the site name and language switch, the main
//! content, and a footer. With offline use on, it also loads the page script
//! (`server/offline/page.js`) and holds what that script shows: the offline banner, the
//! answers waiting in the outbox, the notice that they were sent. All hidden until the script
//! shows them, so a page without JavaScript is as it was.

use leptos::prelude::*;
use leptos_meta::{Link, Meta};

use crate::components::language_switch::LanguageSwitch;
use crate::i18n::{t, use_lang};
use crate::routes::{OFFLINE_HREF, manifest_href};
use crate::serverfns::account::current_user;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <OfflineScript />
        <a class="skip-link" href="#main">
            {t("skip-to-content")}
        </a>
        <header class="site-header">
            <a class="brand" href="/">
                {t("site-name")}
            </a>
            <UserMenu />
            <LanguageSwitch />
            <a class="outbox-badge" href=OFFLINE_HREF data-outbox hidden>
                {t("outbox-waiting")}
                " "
                <strong data-outbox-count>"0"</strong>
                <span data-outbox-sign-in hidden>
                    " — "
                    {t("outbox-sign-in")}
                </span>
            </a>
        </header>
        <p class="offline-banner" role="status" data-offline-banner hidden>
            {t("offline-banner")}
        </p>
        <p class="offline-sent" role="status" data-offline-sent hidden>
            {t("offline-sent")}
            " "
            <a href="/">{t("offline-see-result")}</a>
        </p>
        <p class="offline-refused" role="alert" data-offline-refused hidden>
            {t("offline-refused")}
            " "
            <a href="/">{t("offline-see-why")}</a>
        </p>
        <main id="main">{children()}</main>
        <footer class="site-footer">
            <p>{t("footer-text")}</p>
        </footer>
    }
}

/// The manifest (add to home screen) and the page script, when offline use is on.
#[component]
fn OfflineScript() -> impl IntoView {
    let lang = use_lang().get_untracked();
    crate::context::offline_script_href().map(|src| {
        view! {
            <Link rel="manifest" href=manifest_href(lang.code()) />
            <Meta name="theme-color" content="#0b5394" />
            <script src=src defer></script>
        }
    })
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
                                // The page script tags the outbox's answers with this account.
                                <a href="/account" class="me" data-account=user.id.to_string()>
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

//! `/offline`: what a phone with no network shows for a page it has not saved, and where the
//! outbox's answers wait (the service worker keeps this page in each language it is used in).
//! The list of saved modules is filled in by the page script from what the phone holds.

use leptos::prelude::*;

use crate::components::page_title::PageTitle;
use crate::i18n::t;

#[component]
pub fn OfflinePage() -> impl IntoView {
    view! {
        <PageTitle text=t("offline-title") />
        <h1>{t("offline-heading")}</h1>
        <p class="notice" data-outbox-explain hidden>
            {t("outbox-explain")}
        </p>
        <p>{t("offline-text")}</p>
        <ul class="saved-list" data-saved-list hidden></ul>
        <p data-saved-none>{t("offline-saved-none")}</p>
        <p>
            <a class="button" href="/">
                {t("offline-home")}
            </a>
        </p>
    }
}

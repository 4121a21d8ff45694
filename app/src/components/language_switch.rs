//! The FR/EN switch: one small form per other language.
//!
//! The form posts to the server function, which sets the cookie and sends the browser back to
//! the same page, now in the chosen language (a plain form: the header is no island).

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::i18n::{Lang, t, tr, use_lang};
use crate::serverfns::preferences::SetLanguage;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<SetLanguage>::new();
    view! {
        <nav class="lang-switch" aria-label=t("switch-language")>
            {move || {
                let current = lang.get();
                Lang::all()
                    .into_iter()
                    .filter(|other| *other != current)
                    .map(|other| {
                        view! {
                            <ActionForm action=action>
                                <input type="hidden" name="lang" value=other.code() />
                                <button type="submit" lang=other.code()>
                                    {tr(other, "language-name")}
                                </button>
                            </ActionForm>
                        }
                    })
                    .collect_view()
            }}
        </nav>
    }
}

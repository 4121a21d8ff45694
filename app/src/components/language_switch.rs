//! The FR/EN switch: one small form per other language.
//!
//! Without JavaScript the form posts to the server function, which sets the cookie and sends
//! the browser back to the same page. With JavaScript the action runs in place and the page
//! re-renders in the new language without a full load.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::i18n::{Lang, tr, use_lang};
use crate::serverfns::preferences::SetLanguage;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<SetLanguage>::new();
    Effect::new(move |_| {
        if let Some(Ok(code)) = action.value().get()
            && let Some(chosen) = Lang::parse(&code)
        {
            lang.set(chosen);
        }
    });
    view! {
        <nav class="lang-switch" aria-label=move || tr(lang.get(), "switch-language")>
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

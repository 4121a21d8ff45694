//! The certificate code check on `/verify`, done by the browser itself.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{CodeCheck, CodeState, VerifyKit};

/// The labels of what a certificate says, in the page's language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactLabels {
    pub name: String,
    pub module: String,
    pub date: String,
    pub issuer: String,
}

/// The code check's words, in the page's language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeWords {
    pub label: String,
    pub submit: String,
    pub valid: String,
    pub tampered: String,
    pub malformed: String,
    pub valid_note: String,
    pub checked_offline: String,
    pub facts: FactLabels,
}

/// The code form. Without JavaScript it goes to the server (`/verify?code=…`), which checks
/// the code as it renders the page. Once hydrated, the page checks the signature itself with
/// the kit it came with (the public key, titles and month names) and the browser's Web Crypto,
/// so a code can be checked with no connection; where the browser has no Ed25519, the form
/// goes to the server as without JavaScript.
#[island]
pub fn CodeCheckForm(kit: VerifyKit, words: CodeWords, typed: String) -> impl IntoView {
    let typed = RwSignal::new(typed);
    let result: RwSignal<Option<CodeCheck>> = RwSignal::new(None);
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| crate::islands::mark_hydrated());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = typed.get_untracked();
        let kit = kit.clone();
        leptos::task::spawn_local(async move {
            match crate::offline_check::check(&code, &kit).await {
                Some(checked) => {
                    hide_server_verdict();
                    result.set(Some(checked));
                }
                None => {
                    if let Some(form) = form.get_untracked() {
                        let _ = form.submit();
                    }
                }
            }
        });
    };
    let CodeWords {
        label,
        submit,
        valid,
        tampered,
        malformed,
        valid_note,
        checked_offline,
        facts,
    } = words;
    view! {
        <form class="form" method="get" action="/verify" node_ref=form on:submit=on_submit>
            <div class="field">
                <label for="code">{label}</label>
                <textarea
                    id="code"
                    name="code"
                    rows="4"
                    spellcheck="false"
                    autocomplete="off"
                    required
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                ></textarea>
            </div>
            <button type="submit" class="button primary">
                {submit}
            </button>
        </form>
        {move || {
            result
                .get()
                .map(|checked| {
                    let title = match checked.state {
                        CodeState::Valid => valid.clone(),
                        CodeState::Tampered => tampered.clone(),
                        CodeState::Revoked | CodeState::Malformed => malformed.clone(),
                    };
                    let is_valid = checked.state == CodeState::Valid;
                    // Offline, a code is genuine or not: only the server knows of a revocation.
                    view! {
                        <div
                            class="verdict"
                            data-state=checked.state.code()
                            data-offline="true"
                            role="status"
                        >
                            <p class="verdict-title">{title}</p>
                            {is_valid
                                .then(|| {
                                    view! {
                                        <Facts
                                            labels=facts.clone()
                                            name=checked.name.clone()
                                            title=checked.title.clone()
                                            date=checked.date.clone()
                                            issuer=None
                                        />
                                        <p class="meta">{valid_note.clone()}</p>
                                    }
                                })}
                            <p class="meta">{checked_offline.clone()}</p>
                        </div>
                    }
                })
        }}
    }
}

/// What a certificate says, as a short definition list (the server's verdicts use it too).
#[component]
pub fn Facts(
    labels: FactLabels,
    name: String,
    title: String,
    date: String,
    issuer: Option<String>,
) -> impl IntoView {
    view! {
        <dl class="facts">
            <dt>{labels.name}</dt>
            <dd data-field="name">{name}</dd>
            <dt>{labels.module}</dt>
            <dd data-field="title">{title}</dd>
            <dt>{labels.date}</dt>
            <dd data-field="date">{date}</dd>
            {issuer
                .map(|issuer| {
                    view! {
                        <dt>{labels.issuer}</dt>
                        <dd data-field="issuer">{issuer}</dd>
                    }
                })}
        </dl>
    }
}

/// A code sent to the server (`/verify?code=…`) has its verdict below the form; a code
/// checked here replaces it.
fn hide_server_verdict() {
    #[cfg(feature = "hydrate")]
    if let Ok(Some(old)) = leptos::prelude::document().query_selector(".verdict[data-from=server]")
    {
        old.remove();
    }
}

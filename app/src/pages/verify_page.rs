//! `/verify` and `/verify/:number`: anyone, without signing in, checks a certificate.
//!
//! - By number: the server says valid, revoked (with the date) or unknown (rate-limited).
//! - By code (what the QR code holds, or typed from paper): with JavaScript the page checks
//!   the signature itself, with the public key it received on load, and calls no server;
//!   without JavaScript the form goes to the server, which makes the same check.
//!   A scanned QR code opens `/verify?code=…`, which the server checks as it renders.

use crate::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::form_error::{FormError, action_error};
use crate::components::loaded::loaded;
use crate::i18n::{tr, tr_args, use_lang};
use crate::model::{CertificateCheck, CodeCheck, VerifyKit};
use crate::serverfns::certificates::{
    RevokeCertificate, check_certificate, get_verify_kit, verify_code,
};

#[component]
pub fn VerifyPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let number = move || query.read().get("number").filter(|n| !n.trim().is_empty());
    let code = move || query.read().get("code").filter(|c| !c.trim().is_empty());
    view! {
        <PageTitle text=move || tr(lang.get(), "verify-title") />
        <h1>{move || tr(lang.get(), "verify-title")}</h1>
        <p class="intro">{move || tr(lang.get(), "verify-intro")}</p>
        <section class="verify-number">
            <h2>{move || tr(lang.get(), "verify-number-heading")}</h2>
            <form class="form" method="get" action="/verify">
                <div class="field">
                <label for="number">{move || tr(lang.get(), "verify-number-label")}</label>
                <input id="number" name="number" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" required prop:value=move || number().unwrap_or_default() />
                </div>
                <button type="submit" class="button primary">{move || tr(lang.get(), "verify-number-submit")}</button>
            </form>
            {move || number().map(|number| view! { <NumberCheck number /> })}
        </section>
        <CodeSection code=code() />
    }
}

/// `/verify/:number`: the public check of one number, and the revoke form for those who may.
#[component]
pub fn VerifyNumberPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let number = move || params.read().get("number").unwrap_or_default();
    view! {
        <PageTitle text=move || tr(lang.get(), "verify-title") />
        <p class="breadcrumb"><a href="/verify">{move || tr(lang.get(), "verify-title")}</a></p>
        <h1>{move || tr(lang.get(), "verify-number-heading")}</h1>
        {move || view! { <NumberCheck number=number() /> }}
    }
}

#[component]
fn NumberCheck(number: String) -> impl IntoView {
    let lang = use_lang();
    let check = Resource::new(
        move || (lang.get(), number.clone()),
        |(lang, number)| check_certificate(lang.code().to_string(), number),
    );
    loaded(check, |check| view! { <CheckView check /> })
}

#[component]
fn CheckView(check: CertificateCheck) -> impl IntoView {
    let lang = use_lang();
    let state = check.state.clone();
    let verdict = match state.as_str() {
        "valid" => "verify-valid",
        "revoked" => "verify-revoked",
        _ => "verify-unknown",
    };
    let number = check.number.clone();
    let revoked_on = check.revoked_on.clone().unwrap_or_default();
    let known = state != "unknown";
    view! {
        <div class="verdict" data-state=state.clone() role="status">
            <p class="verdict-title">
                {move || tr_args(lang.get(), verdict, &[("number", number.clone()), ("date", revoked_on.clone())])}
            </p>
            {known.then(|| view! { <Facts name=check.name.clone() title=check.title.clone() date=check.date.clone() issuer=Some(check.issuer.clone()) /> })}
        </div>
        {check.can_revoke.then(|| view! { <RevokeForm number=check.number.clone() /> })}
    }
}

/// What a certificate says, as a short definition list.
#[component]
fn Facts(name: String, title: String, date: String, issuer: Option<String>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <dl class="facts">
            <dt>{move || tr(lang.get(), "verify-name")}</dt>
            <dd data-field="name">{name}</dd>
            <dt>{move || tr(lang.get(), "verify-module")}</dt>
            <dd data-field="title">{title}</dd>
            <dt>{move || tr(lang.get(), "verify-date")}</dt>
            <dd data-field="date">{date}</dd>
            {issuer.map(|issuer| view! {
                <dt>{move || tr(lang.get(), "verify-issuer")}</dt>
                <dd data-field="issuer">{issuer}</dd>
            })}
        </dl>
    }
}

#[component]
fn RevokeForm(number: String) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<RevokeCertificate>::new();
    view! {
        <section class="revoke">
            <h2>{move || tr(lang.get(), "revoke-heading")}</h2>
            <FormError error=action_error(action) />
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="number" value=number />
                <div class="field">
                    <label for="reason">{move || tr(lang.get(), "revoke-reason")}</label>
                    <textarea id="reason" name="reason" rows="2" maxlength="500"></textarea>
                </div>
                <button type="submit" class="button danger">{move || tr(lang.get(), "revoke-submit")}</button>
            </ActionForm>
        </section>
    }
}

/// The code check. The kit (public key, titles, month names) comes with the page, so that
/// once it has loaded, checking a code needs no connection.
#[component]
fn CodeSection(code: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let kit = Resource::new(
        move || lang.get(),
        |lang| get_verify_kit(lang.code().to_string()),
    );
    let from_server = code.clone().map(|code| {
        Resource::new(
            move || (lang.get(), code.clone()),
            |(lang, code)| verify_code(lang.code().to_string(), code),
        )
    });
    let typed = RwSignal::new(code.clone().unwrap_or_default());
    let offline: RwSignal<Option<CodeCheck>> = RwSignal::new(None);
    let checked_here = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        // Without the kit (still loading) the form simply goes to the server.
        let Some(Ok(kit)) = kit.get_untracked() else {
            return;
        };
        ev.prevent_default();
        let code = typed.get_untracked();
        let lang = lang.get_untracked();
        leptos::task::spawn_local(async move {
            match crate::offline_check::check(&code, &kit).await {
                Some(result) => {
                    offline.set(Some(result));
                    checked_here.set(true);
                }
                // This browser cannot check Ed25519: ask the server.
                None => {
                    if let Ok(result) = verify_code(lang.code().to_string(), code).await {
                        offline.set(Some(result));
                        checked_here.set(false);
                    }
                }
            }
        });
    };
    view! {
        <section class="verify-code">
            <h2>{move || tr(lang.get(), "verify-code-heading")}</h2>
            <p>{move || tr(lang.get(), "verify-code-help")}</p>
            <form class="form" method="get" action="/verify" on:submit=on_submit>
                <div class="field">
                <label for="code">{move || tr(lang.get(), "verify-code-label")}</label>
                <textarea id="code" name="code" rows="4" spellcheck="false" autocomplete="off" required
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))></textarea>
                </div>
                <button type="submit" class="button primary">{move || tr(lang.get(), "verify-code-submit")}</button>
            </form>
            // The kit, loaded with the page; nothing to show.
            <Transition fallback=|| ()>{move || Suspend::new(async move { kit.await.ok().map(|_: VerifyKit| ()) })}</Transition>
            {move || offline.get().map(|result| view! { <CodeResult result offline=checked_here.get() /> })}
            {from_server.map(|check| {
                view! {
                    <Show when=move || offline.get().is_none()>
                        {loaded(check, |result| view! { <CodeResult result offline=false /> })}
                    </Show>
                }
            })}
        </section>
    }
}

#[component]
fn CodeResult(result: CodeCheck, offline: bool) -> impl IntoView {
    let lang = use_lang();
    let key = match result.state.as_str() {
        "valid" => "code-valid",
        "revoked" => "code-revoked",
        "tampered" => "code-tampered",
        _ => "code-malformed",
    };
    let valid = result.state == "valid";
    let revoked = (result.state == "revoked").then(|| {
        let args = [
            ("number", result.number.clone()),
            ("date", result.date.clone()),
        ];
        view! { <p>{move || tr_args(lang.get(), "verify-revoked", &args)}</p> }
    });
    view! {
        <div class="verdict" data-state=result.state.clone() data-offline=offline.to_string() role="status">
            <p class="verdict-title">{move || tr(lang.get(), key)}</p>
            {revoked}
            {valid.then(|| view! { <Facts name=result.name.clone() title=result.title.clone() date=result.date.clone() issuer=None /> })}
            {valid.then(|| view! { <p class="meta">{move || tr(lang.get(), "code-valid-note")}</p> })}
            {offline.then(|| view! { <p class="meta">{move || tr(lang.get(), "code-checked-offline")}</p> })}
        </div>
    }
}

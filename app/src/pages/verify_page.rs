//! `/verify` and `/verify/:number`: anyone, without signing in, checks a certificate.
//!
//! - By number: the server says valid, revoked (with the date) or unknown (rate-limited).
//! - By code (what the QR code holds, or typed from paper): with JavaScript the page's one
//!   island checks the signature itself, with the public key it received on load, and calls
//!   no server; without JavaScript the form goes to the server, which makes the same check.
//!   A scanned QR code opens `/verify?code=…`, which the server checks as it renders.

use crate::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::form_error::FormError;
use crate::components::island_scripts::IslandScripts;
use crate::components::loaded::loaded;
use crate::i18n::{Lang, t, tr, tr_args, use_lang};
use crate::islands::code_check::{CodeCheckForm, CodeWords, FactLabels, Facts};
use crate::model::{CertificateCheck, CodeCheck, CodeState, NumberState, VerifyKit};
use crate::serverfns::certificates::{
    RevokeCertificate, check_certificate, get_verify_kit, verify_code,
};

#[component]
pub fn VerifyPage() -> impl IntoView {
    let query = use_query_map();
    let number = move || query.read().get("number").filter(|n| !n.trim().is_empty());
    let code = move || query.read().get("code").filter(|c| !c.trim().is_empty());
    view! {
        <PageTitle text=t("verify-title") />
        <h1>{t("verify-title")}</h1>
        <p class="intro">{t("verify-intro")}</p>
        <section class="verify-number">
            <h2>{t("verify-number-heading")}</h2>
            <form class="form" method="get" action="/verify">
                <div class="field">
                    <label for="number">{t("verify-number-label")}</label>
                    <input
                        id="number"
                        name="number"
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck="false"
                        maxlength="40"
                        required
                        prop:value=move || number().unwrap_or_default()
                    />
                </div>
                <button type="submit" class="button primary">
                    {t("verify-number-submit")}
                </button>
            </form>
            {move || number().map(|number| view! { <NumberCheck number /> })}
        </section>
        <CodeSection code=code() />
    }
}

/// `/verify/:number`: the public check of one number, and the revoke form for those who may.
#[component]
pub fn VerifyNumberPage() -> impl IntoView {
    let params = use_params_map();
    let number = move || params.read().get("number").unwrap_or_default();
    view! {
        <PageTitle text=t("verify-title") />
        <p class="breadcrumb">
            <a href="/verify">{t("verify-title")}</a>
        </p>
        <h1>{t("verify-number-heading")}</h1>
        {move || view! { <NumberCheck number=number() /> }}
    }
}

#[component]
fn NumberCheck(number: String) -> impl IntoView {
    let lang = use_lang();
    let check = Resource::new(
        move || (lang.get(), number.clone()),
        |(lang, number)| check_certificate(lang, number),
    );
    loaded(check, |check| view! { <CheckView check /> })
}

#[component]
fn CheckView(check: CertificateCheck) -> impl IntoView {
    let lang = use_lang();
    let state = check.state;
    let verdict = match state {
        NumberState::Valid => "verify-valid",
        NumberState::Revoked => "verify-revoked",
        NumberState::Unknown => "verify-unknown",
    };
    let number = check.number.clone();
    let revoked_on = check.revoked_on.clone().unwrap_or_default();
    let known = state != NumberState::Unknown;
    view! {
        <div class="verdict" data-state=state.code() role="status">
            <p class="verdict-title">
                {move || tr_args(
                    lang.get(),
                    verdict,
                    &[("number", number.clone()), ("date", revoked_on.clone())],
                )}
            </p>
            {known
                .then(|| {
                    view! {
                        <Facts
                            labels=fact_labels(lang.get_untracked())
                            name=check.name.clone()
                            title=check.title.clone()
                            date=check.date.clone()
                            issuer=Some(check.issuer.clone())
                        />
                    }
                })}
        </div>
        {check.can_revoke.then(|| view! { <RevokeForm number=check.number.clone() /> })}
    }
}

#[component]
fn RevokeForm(number: String) -> impl IntoView {
    let action = ServerAction::<RevokeCertificate>::new();
    view! {
        <section class="revoke">
            <h2>{t("revoke-heading")}</h2>
            <FormError />
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="number" value=number />
                <div class="field">
                    <label for="reason">{t("revoke-reason")}</label>
                    <textarea id="reason" name="reason" rows="2" maxlength="500"></textarea>
                </div>
                <button type="submit" class="button danger">
                    {t("revoke-submit")}
                </button>
            </ActionForm>
        </section>
    }
}

/// The code check: the form is an island that checks codes in the browser, with the kit
/// (public key, titles, month names) the page came with, so that once the page has loaded,
/// checking a code needs no connection. A code in the address (`?code=…`, what a scanned QR
/// code opens, or the form sent without JavaScript) is checked here, on the server.
#[component]
fn CodeSection(code: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let kit = Resource::new(move || lang.get(), get_verify_kit);
    let from_server = code.clone().map(|code| {
        Resource::new(
            move || (lang.get(), code.clone()),
            |(lang, code)| verify_code(lang, code),
        )
    });
    let typed = code.unwrap_or_default();
    view! {
        <section class="verify-code">
            <h2>{t("verify-code-heading")}</h2>
            <p>{t("verify-code-help")}</p>
            {loaded(
                kit,
                move |kit: VerifyKit| {
                    let lang = lang.get_untracked();
                    view! {
                        <CodeCheckForm kit words=code_words(lang) typed=typed.clone() />
                        <IslandScripts />
                    }
                },
            )}
            {from_server.map(|check| loaded(check, |result| view! { <CodeResult result /> }))}
        </section>
    }
}

/// What the code check island shows, in `lang`.
fn code_words(lang: Lang) -> CodeWords {
    CodeWords {
        label: tr(lang, "verify-code-label"),
        submit: tr(lang, "verify-code-submit"),
        valid: tr(lang, "code-valid"),
        tampered: tr(lang, "code-tampered"),
        malformed: tr(lang, "code-malformed"),
        valid_note: tr(lang, "code-valid-note"),
        checked_offline: tr(lang, "code-checked-offline"),
        facts: fact_labels(lang),
    }
}

fn fact_labels(lang: Lang) -> FactLabels {
    FactLabels {
        name: tr(lang, "verify-name"),
        module: tr(lang, "verify-module"),
        date: tr(lang, "verify-date"),
        issuer: tr(lang, "verify-issuer"),
    }
}

/// The server's verdict on a code; the island removes it when it checks another one.
#[component]
fn CodeResult(result: CodeCheck) -> impl IntoView {
    let lang = use_lang();
    let key = match result.state {
        CodeState::Valid => "code-valid",
        CodeState::Revoked => "code-revoked",
        CodeState::Tampered => "code-tampered",
        CodeState::Malformed => "code-malformed",
    };
    let valid = result.state == CodeState::Valid;
    let revoked = (result.state == CodeState::Revoked).then(|| {
        let args = [
            ("number", result.number.clone()),
            ("date", result.date.clone()),
        ];
        view! { <p>{move || tr_args(lang.get(), "verify-revoked", &args)}</p> }
    });
    view! {
        <div
            class="verdict"
            data-state=result.state.code()
            data-offline="false"
            data-from="server"
            role="status"
        >
            <p class="verdict-title">{move || tr(lang.get(), key)}</p>
            {revoked}
            {valid
                .then(|| {
                    view! {
                        <Facts
                            labels=fact_labels(lang.get_untracked())
                            name=result.name.clone()
                            title=result.title.clone()
                            date=result.date.clone()
                            issuer=None
                        />
                    }
                })}
            {valid.then(|| view! { <p class="meta">{t("code-valid-note")}</p> })}
        </div>
    }
}

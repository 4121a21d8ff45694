use crate::components::page_title::PageTitle;
use leptos::prelude::*;

use crate::components::loaded::loaded;
use crate::i18n::{t, tr, tr_n, use_lang};
use crate::model::{CertificateCard, CertificateKind};
use crate::serverfns::certificates::my_certificates;

/// `/certificates`: the signed-in learner's certificates, each to download as a PDF (in the
/// page's language or in both) and with its public verification page.
#[component]
pub fn CertificatesPage() -> impl IntoView {
    let lang = use_lang();
    let list = Resource::new(move || lang.get(), my_certificates);
    view! {
        <PageTitle text=t("certificates-title") />
        <h1>{t("certificates-title")}</h1>
        {loaded(list, |cards| view! { <CertificateList cards /> })}
    }
}

#[component]
fn CertificateList(cards: Vec<CertificateCard>) -> impl IntoView {
    let lang = use_lang();
    if cards.is_empty() {
        return view! { <p class="intro">{t("certificates-none")}</p> }.into_any();
    }
    view! {
        <ul class="certificates">
            {cards
                .into_iter()
                .map(|card| {
                    let kind_key = match card.kind {
                        CertificateKind::Course => "certificate-kind-course",
                        CertificateKind::Module => "certificate-kind-module",
                    };
                    let score = i64::from(card.score);
                    view! {
                        <li
                            class="certificate-card"
                            data-number=card.number.clone()
                            data-revoked=card.revoked.to_string()
                        >
                            <p class="meta">{move || tr(lang.get(), kind_key)}</p>
                            <h2>{card.title}</h2>
                            <p>
                                {card.date} " · "
                                {move || tr_n(lang.get(), "certificate-score", &[("score", score)])}
                            </p>
                            <p class="certificate-number">
                                {t("certificate-number")} " " <strong>{card.number.clone()}</strong>
                            </p>
                            {card
                                .revoked
                                .then(|| {
                                    view! {
                                        <p class="form-error">{t("certificate-revoked-badge")}</p>
                                    }
                                })}
                            <details class="certificate-code">
                                <summary>{t("certificate-code")}</summary>
                                <p class="hint">{t("certificate-code-help")}</p>
                                <p>
                                    <code>{card.code.clone()}</code>
                                </p>
                                <p>
                                    <a href=card.code_href>{t("certificate-code-check")}</a>
                                </p>
                            </details>
                            <p class="actions">
                                <a class="button primary" href=card.pdf_href download>
                                    {t("certificate-download")}
                                </a>
                                <a class="button" href=card.bilingual_href download>
                                    {t("certificate-download-both")}
                                </a>
                                <a class="button" href=card.verify_href>
                                    {t("certificate-verify-page")}
                                </a>
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

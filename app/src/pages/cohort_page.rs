//! `/trainer/cohorts/:id`: a cohort's page for its trainers. This file holds the page and its
//! overview (join code, reports, learners); each form is a component of its own in
//! `cohort_page/`: settings, co-trainers, moving a learner and archiving (`settings.rs`),
//! attendance (`attendance.rs`), and adding learners from a list (`add_learners.rs`). Every
//! form is a plain form that posts to its server function, which sends the browser back here
//! (with `?error=` when it refused).

mod add_learners;
mod attendance;
mod settings;

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::form_error::FormError;
use crate::components::loaded::loaded;
use crate::components::page_title::PageTitle;
use crate::errors::AppError;
use crate::i18n::{t, tr, use_lang};
use crate::model::{CohortCertificate, CohortDetail, MemberRow, ReportKind};
use crate::routes::{cohort_certificates_href, cohort_report_href, learner_report_href};
use crate::serverfns::cohorts::{IssueCode, get_cohort};

#[component]
pub fn CohortPage() -> impl IntoView {
    let params = use_params_map();
    let lang = use_lang();
    let cohort = Resource::new(
        move || {
            let id = params
                .read()
                .get("id")
                .and_then(|id| id.parse::<i64>().ok());
            (id, lang.get())
        },
        |(id, lang)| async move {
            match id {
                Some(id) => get_cohort(id, lang).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! { {loaded(cohort, move |detail| view! { <CohortView detail /> })} }
}

#[component]
fn CohortView(detail: CohortDetail) -> impl IntoView {
    let cohort_id = detail.card.id;
    let name = detail.card.name.clone();
    view! {
        <PageTitle text=name.clone() />
        <p class="breadcrumb">
            <a href="/trainer">{t("trainer-title")}</a>
        </p>
        <h1>{name}</h1>
        {detail
            .card
            .join_code
            .clone()
            .map(|code| {
                view! {
                    <p class="join-code">
                        {t("cohort-join-code")} " "
                        <strong data-join-code=code.clone()>{code.clone()}</strong>
                    </p>
                }
            })}
        <nav class="report-links" aria-label=t("report-links")>
            <a class="button" href=cohort_report_href(cohort_id, ReportKind::Progress)>
                {t("report-progress-link")}
            </a>
            {detail
                .reports
                .iter()
                .map(|link| {
                    view! {
                        <a class="button" href=link.href.clone()>
                            {link.title.clone()}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
        <h2>{t("cohort-learners")}</h2>
        <FormError />
        <Members cohort_id members=detail.members.clone() />
        <settings::CohortSettings detail=detail.clone() />
        <attendance::Attendance detail=detail.clone() />
        <Certificates cohort_id certificates=detail.certificates />
        <add_learners::AddLearners cohort_id />
    }
}

/// The cohort's learners, each with a link to their record and a form for a new one-time code.
#[component]
fn Members(cohort_id: i64, members: Vec<MemberRow>) -> impl IntoView {
    let lang = use_lang();
    let issue = ServerAction::<IssueCode>::new();
    view! {
        <table class="table">
            <thead>
                <tr>
                    <th>{t("display-name-label")}</th>
                    <th>{t("username-label")}</th>
                    <th>{t("cohort-password")}</th>
                </tr>
            </thead>
            <tbody>
                {members
                    .into_iter()
                    .map(|m| {
                        let pending = if m.code_pending {
                            "cohort-code-pending"
                        } else {
                            "cohort-code-used"
                        };
                        view! {
                            <tr>
                                <td>
                                    <a href=learner_report_href(
                                        cohort_id,
                                        m.account_id,
                                    )>{m.display_name}</a>
                                </td>
                                <td>{m.username}</td>
                                <td>
                                    {move || tr(lang.get(), pending)}
                                    <ActionForm action=issue attr:class="inline">
                                        <input type="hidden" name="cohort_id" value=cohort_id />
                                        <input type="hidden" name="account_id" value=m.account_id />
                                        <button type="submit" class="button small">
                                            {t("cohort-new-code")}
                                        </button>
                                    </ActionForm>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The certificates of the cohort's learners, and all of them in one PDF to print.
#[component]
fn Certificates(cohort_id: i64, certificates: Vec<CohortCertificate>) -> impl IntoView {
    view! {
        <section class="cohort-certificates">
            <h2>{t("cohort-certificates")}</h2>
            {if certificates.is_empty() {
                view! { <p>{t("cohort-certificates-none")}</p> }.into_any()
            } else {
                view! {
                    <p>
                        <a class="button" href=cohort_certificates_href(cohort_id) download>
                            {t("cohort-certificates-pdf")}
                        </a>
                    </p>
                    <ul class="certificate-list">
                        {certificates
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <li class:revoked=c.revoked>
                                        <a href=c.verify_href>{c.number}</a>
                                        " · "
                                        {c.name}
                                        " · "
                                        {c.title}
                                        {c
                                            .revoked
                                            .then(|| {
                                                view! {
                                                    " · "
                                                    <strong>{t("certificate-revoked-badge")}</strong>
                                                }
                                            })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::form_error::{FormError, action_error};
use crate::components::loaded::loaded;
use crate::errors::AppError;
use crate::i18n::{tr, use_lang};
use crate::model::{CohortDetail, cohort_certificates_href};
use crate::serverfns::cohorts::{CreateAccounts, IssueCode, get_cohort};

/// `/trainer/cohorts/:id`: the join code, the learners, and adding learners from a list.
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
                Some(id) => get_cohort(id, lang.code().to_string()).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! { {loaded(cohort, |detail| view! { <CohortView detail /> })} }
}

#[component]
fn CohortView(detail: CohortDetail) -> impl IntoView {
    let lang = use_lang();
    let create = ServerAction::<CreateAccounts>::new();
    let issue = ServerAction::<IssueCode>::new();
    let cohort_id = detail.card.id;
    let name = detail.card.name.clone();
    view! {
        <Title text=name.clone() />
        <p class="breadcrumb"><a href="/trainer">{move || tr(lang.get(), "trainer-title")}</a></p>
        <h1>{name}</h1>
        {detail.card.join_code.map(|code| view! {
            <p class="join-code">
                {move || tr(lang.get(), "cohort-join-code")} " "
                <strong data-join-code=code.clone()>{code.clone()}</strong>
            </p>
        })}
        <nav class="report-links" aria-label=move || tr(lang.get(), "report-links")>
            <a class="button" href=format!("/trainer/cohorts/{cohort_id}/progress")>{move || tr(lang.get(), "report-progress-link")}</a>
            {detail.reports.iter().map(|link| view! { <a class="button" href=link.href.clone()>{link.title.clone()}</a> }).collect_view()}
        </nav>
        <h2>{move || tr(lang.get(), "cohort-learners")}</h2>
        <FormError error=action_error(issue) />
        <table class="table">
            <thead>
                <tr>
                    <th>{move || tr(lang.get(), "display-name-label")}</th>
                    <th>{move || tr(lang.get(), "username-label")}</th>
                    <th>{move || tr(lang.get(), "cohort-password")}</th>
                </tr>
            </thead>
            <tbody>
                {detail
                    .members
                    .into_iter()
                    .map(|m| {
                        let pending = if m.code_pending { "cohort-code-pending" } else { "cohort-code-used" };
                        view! {
                            <tr>
                                <td><a href=format!("/trainer/cohorts/{cohort_id}/learners/{}", m.account_id)>{m.display_name}</a></td>
                                <td>{m.username}</td>
                                <td>
                                    {move || tr(lang.get(), pending)}
                                    <ActionForm action=issue attr:class="inline">
                                        <input type="hidden" name="cohort_id" value=cohort_id />
                                        <input type="hidden" name="account_id" value=m.account_id />
                                        <button type="submit" class="button small">{move || tr(lang.get(), "cohort-new-code")}</button>
                                    </ActionForm>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <section class="cohort-certificates">
            <h2>{move || tr(lang.get(), "cohort-certificates")}</h2>
            {if detail.certificates.is_empty() {
                view! { <p>{move || tr(lang.get(), "cohort-certificates-none")}</p> }.into_any()
            } else {
                view! {
                    <p>
                        <a class="button" href=cohort_certificates_href(cohort_id) download>
                            {move || tr(lang.get(), "cohort-certificates-pdf")}
                        </a>
                    </p>
                    <ul class="certificate-list">
                        {detail
                            .certificates
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <li class:revoked=c.revoked>
                                        <a href=c.verify_href>{c.number}</a>
                                        " · " {c.name} " · " {c.title}
                                        {c.revoked.then(|| view! { " · " <strong>{move || tr(lang.get(), "certificate-revoked-badge")}</strong> })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
        <section>
            <h2>{move || tr(lang.get(), "bulk-title")}</h2>
            <p>{move || tr(lang.get(), "bulk-intro")}</p>
            <FormError error=action_error(create) />
            <ActionForm action=create attr:class="form">
                <input type="hidden" name="cohort_id" value=cohort_id />
                <div class="field">
                    <label for="field-names">{move || tr(lang.get(), "bulk-names-label")}</label>
                    <p class="hint" id="field-names-hint">{move || tr(lang.get(), "bulk-names-hint")}</p>
                    <textarea id="field-names" name="names" rows="10" required=true aria-describedby="field-names-hint"></textarea>
                </div>
                <div class="field">
                    <label for="field-affiliation">{move || tr(lang.get(), "affiliation-label")}</label>
                    <select id="field-affiliation" name="affiliation" required=true>
                        {["fds", "armed_movement", "other"].into_iter().map(|code| {
                            let key = format!("affiliation-{code}");
                            view! { <option value=code>{move || tr(lang.get(), &key)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button primary">{move || tr(lang.get(), "bulk-action")}</button>
            </ActionForm>
        </section>
    }
}

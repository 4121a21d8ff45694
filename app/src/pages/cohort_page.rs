use crate::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::form_error::FormError;
use crate::components::loaded::loaded;
use crate::errors::AppError;
use crate::i18n::{t, tr, use_lang};
use crate::model::{ClassLine, CohortDetail, ModuleChoice, ReportQuery};
use crate::routes::{cohort_certificates_href, cohort_report_href, report_href};
use crate::serverfns::cohorts::{
    AddCohortTrainer, ArchiveCohort, CreateAccounts, IssueCode, MoveLearner, RecordAttendance,
    UpdateCohort, get_cohort,
};

/// The forms of the cohort page that come back to it (each posts, and the server sends the
/// browser back to the page, with `?error=` when it refused).
#[derive(Clone, Copy)]
struct CohortActions {
    update: ServerAction<UpdateCohort>,
    archive: ServerAction<ArchiveCohort>,
    add: ServerAction<AddCohortTrainer>,
    enrol: ServerAction<MoveLearner>,
    record: ServerAction<RecordAttendance>,
}

impl CohortActions {
    fn new() -> Self {
        CohortActions {
            update: ServerAction::new(),
            archive: ServerAction::new(),
            add: ServerAction::new(),
            enrol: ServerAction::new(),
            record: ServerAction::new(),
        }
    }
}

/// `/trainer/cohorts/:id`: the join code, the learners, and adding learners from a list.
#[component]
pub fn CohortPage() -> impl IntoView {
    let params = use_params_map();
    let lang = use_lang();
    let actions = CohortActions::new();
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
    view! { {loaded(cohort, move |detail| view! { <CohortView detail actions /> })} }
}

#[component]
fn CohortView(detail: CohortDetail, actions: CohortActions) -> impl IntoView {
    let lang = use_lang();
    let create = ServerAction::<CreateAccounts>::new();
    let issue = ServerAction::<IssueCode>::new();
    let cohort_id = detail.card.id;
    let name = detail.card.name.clone();
    let settings = view! { <CohortSettings detail=detail.clone() actions /> };
    let attendance = view! { <Attendance detail=detail.clone() record=actions.record /> };
    view! {
        <PageTitle text=name.clone() />
        <p class="breadcrumb"><a href="/trainer">{t("trainer-title")}</a></p>
        <h1>{name}</h1>
        {detail.card.join_code.map(|code| view! {
            <p class="join-code">
                {t("cohort-join-code")} " "
                <strong data-join-code=code.clone()>{code.clone()}</strong>
            </p>
        })}
        <nav class="report-links" aria-label=t("report-links")>
            <a class="button" href=cohort_report_href(cohort_id, "progress")>{t("report-progress-link")}</a>
            {detail.reports.iter().map(|link| view! { <a class="button" href=link.href.clone()>{link.title.clone()}</a> }).collect_view()}
        </nav>
        <h2>{t("cohort-learners")}</h2>
        <FormError />
        <table class="table">
            <thead>
                <tr>
                    <th>{t("display-name-label")}</th>
                    <th>{t("username-label")}</th>
                    <th>{t("cohort-password")}</th>
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
                                <td><a href=report_href(&ReportQuery { kind: "learner".into(), cohort: cohort_id.to_string(), account: m.account_id, ..Default::default() })>{m.display_name}</a></td>
                                <td>{m.username}</td>
                                <td>
                                    {move || tr(lang.get(), pending)}
                                    <ActionForm action=issue attr:class="inline">
                                        <input type="hidden" name="cohort_id" value=cohort_id />
                                        <input type="hidden" name="account_id" value=m.account_id />
                                        <button type="submit" class="button small">{t("cohort-new-code")}</button>
                                    </ActionForm>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        {settings}
        {attendance}
        <section class="cohort-certificates">
            <h2>{t("cohort-certificates")}</h2>
            {if detail.certificates.is_empty() {
                view! { <p>{t("cohort-certificates-none")}</p> }.into_any()
            } else {
                view! {
                    <p>
                        <a class="button" href=cohort_certificates_href(cohort_id) download>
                            {t("cohort-certificates-pdf")}
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
                                        {c.revoked.then(|| view! { " · " <strong>{t("certificate-revoked-badge")}</strong> })}
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
            <h2>{t("bulk-title")}</h2>
            <p>{t("bulk-intro")}</p>
            <FormError />
            <ActionForm action=create attr:class="form">
                <input type="hidden" name="cohort_id" value=cohort_id />
                <div class="field">
                    <label for="field-names">{t("bulk-names-label")}</label>
                    <p class="hint" id="field-names-hint">{t("bulk-names-hint")}</p>
                    <textarea id="field-names" name="names" rows="10" required=true aria-describedby="field-names-hint"></textarea>
                </div>
                <div class="field">
                    <label for="field-affiliation">{t("affiliation-label")}</label>
                    <select id="field-affiliation" name="affiliation" required=true>
                        {["fds", "armed_movement", "other"].into_iter().map(|code| {
                            let key = format!("affiliation-{code}");
                            view! { <option value=code>{move || tr(lang.get(), &key)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button primary">{t("bulk-action")}</button>
            </ActionForm>
        </section>
    }
}

/// Name, place, dates, modules, join code, archive and co-trainers: plain forms that work
/// without JavaScript.
#[component]
fn CohortSettings(detail: CohortDetail, actions: CohortActions) -> impl IntoView {
    let lang = use_lang();
    let CohortActions {
        update,
        archive,
        add,
        enrol,
        ..
    } = actions;
    let id = detail.card.id;
    let archived = detail.archived;
    view! {
        {archived.then(|| view! { <p class="notice" data-archived="true">{t("cohort-archived-note")}</p> })}
        <details class="cohort-settings">
            <summary>{t("cohort-settings")}</summary>
            <FormError />
            <ActionForm action=update attr:class="form">
                <input type="hidden" name="cohort_id" value=id />
                <div class="field">
                    <label for="cohort-name">{t("cohort-name-label")}</label>
                    <input id="cohort-name" name="name" maxlength="80" required value=detail.card.name.clone() />
                </div>
                <div class="field">
                    <label for="cohort-place">{t("cohort-place")}</label>
                    <input id="cohort-place" name="place" maxlength="80" value=detail.place.clone() />
                </div>
                <div class="field">
                    <label for="cohort-starts">{t("cohort-starts")}</label>
                    <input id="cohort-starts" name="starts_on" type="date" value=detail.starts_on.clone() />
                </div>
                <div class="field">
                    <label for="cohort-ends">{t("cohort-ends")}</label>
                    <input id="cohort-ends" name="ends_on" type="date" value=detail.ends_on.clone() />
                </div>
                <fieldset class="field choices">
                    <legend>{t("cohort-modules")}</legend>
                    <p class="hint">{t("cohort-modules-hint")}</p>
                    {detail.modules.iter().map(|ModuleChoice { slug, title, followed }| view! {
                        <label class="choice">
                            <input type="checkbox" name=format!("modules[{slug}]") value=slug.clone() checked=*followed />
                            {title.clone()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <label class="choice">
                    <input type="checkbox" name="join_open" value="on" checked=detail.card.join_code.is_some() />
                    {t("cohort-join-open")}
                </label>
                <button type="submit" class="button primary">{t("cohort-save")}</button>
            </ActionForm>
            <h3>{t("cohort-trainers")}</h3>
            <ul>{detail.trainers.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}</ul>
            <FormError />
            <ActionForm action=add attr:class="form">
                <input type="hidden" name="cohort_id" value=id />
                <div class="field">
                    <label for="cohort-trainer">{t("cohort-add-trainer")}</label>
                    <input id="cohort-trainer" name="username" required autocomplete="off" autocapitalize="none" />
                </div>
                <button type="submit" class="button">{t("cohort-add-trainer-action")}</button>
            </ActionForm>
            <h3>{t("cohort-move-learner")}</h3>
            <FormError />
            <ActionForm action=enrol attr:class="form">
                <input type="hidden" name="cohort_id" value=id />
                <div class="field">
                    <label for="cohort-move">{t("cohort-move-learner-label")}</label>
                    <input id="cohort-move" name="username" required autocomplete="off" autocapitalize="none" />
                </div>
                <button type="submit" class="button">{t("cohort-move-learner-action")}</button>
            </ActionForm>
            <ActionForm action=archive attr:class="form">
                <input type="hidden" name="cohort_id" value=id />
                <input type="hidden" name="archived" value=(!archived).to_string() />
                <button type="submit" class="button danger">
                    {move || tr(lang.get(), if archived { "cohort-reopen" } else { "cohort-archive" })}
                </button>
            </ActionForm>
        </details>
    }
}

/// The in-person sessions: a form (date, topic, who was present) and the sessions recorded.
#[component]
fn Attendance(detail: CohortDetail, record: ServerAction<RecordAttendance>) -> impl IntoView {
    let lang = use_lang();
    let id = detail.card.id;
    let members = detail.members.len() as i64;
    view! {
        <section id="attendance" class="attendance">
            <h2>{t("attendance-title")}</h2>
            <p><a href=cohort_report_href(id, "attendance")>{t("attendance-sheet-link")}</a></p>
            {if detail.classes.is_empty() {
                view! { <p>{t("attendance-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="sessions">
                        {detail.classes.iter().map(|ClassLine { held_on, topic, present }| {
                            let args = vec![
                                ("date", held_on.clone()),
                                ("topic", topic.clone()),
                                ("present", present.to_string()),
                                ("members", members.to_string()),
                            ];
                            view! { <li>{move || crate::i18n::tr_args(lang.get(), "attendance-row", &args)}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <FormError />
            <ActionForm action=record attr:class="form">
                <input type="hidden" name="cohort_id" value=id />
                <div class="field">
                    <label for="attendance-date">{t("attendance-date")}</label>
                    <input id="attendance-date" name="held_on" type="date" required />
                </div>
                <div class="field">
                    <label for="attendance-topic">{t("attendance-topic")}</label>
                    <input id="attendance-topic" name="topic" maxlength="80" required />
                </div>
                <fieldset class="field choices">
                    <legend>{t("attendance-present")}</legend>
                    {detail.members.iter().map(|m| view! {
                        <label class="choice">
                            <input type="checkbox" name=format!("present[{}]", m.account_id) value=m.account_id.to_string() />
                            {m.display_name.clone()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="button primary">{t("attendance-record")}</button>
            </ActionForm>
        </section>
    }
}

use crate::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::field::Field;
use crate::components::form_error::FormError;
use crate::components::loaded::loaded;
use crate::i18n::{t, tr, tr_n, use_lang};
use crate::model::{AdminView, RetentionView};
use crate::routes::{Done, done_in};
use crate::serverfns::admin::{CreateTrainer, DeleteAccount, SetRetention, admin_overview};
use leptos_router::hooks::use_query_map;

/// `/admin`: every account (with deletion), new trainers, the retention periods and the audit
/// log.
#[component]
pub fn AdminPage() -> impl IntoView {
    let retention = ServerAction::<SetRetention>::new();
    let overview = Resource::new(|| (), |_| admin_overview());
    let query = use_query_map();
    let saved = move || done_in(&query.read()) == Some(Done::Retention);
    view! {
        <PageTitle text=t("admin-title") />
        <h1>{t("admin-title")}</h1>
        <Show when=saved>
            <p class="notice" role="status">
                {t("admin-retention-done")}
            </p>
        </Show>
        {loaded(overview, move |view| view! { <Overview view retention /> })}
    }
}

/// The periods in force, what they will do next, and the form that changes them.
#[component]
fn Retention(view: RetentionView, due: u64, action: ServerAction<SetRetention>) -> impl IntoView {
    let lang = use_lang();
    let inactive = view.inactive_days;
    let audit = i64::from(view.audit_days);
    view! {
        <section id="retention">
            <h2>{t("admin-retention")}</h2>
            <p>{t("admin-retention-intro")}</p>
            <ul class="retention">
                <li>
                    {move || match inactive {
                        Some(days) => {
                            tr_n(
                                lang.get(),
                                "admin-retention-inactive-on",
                                &[("days", i64::from(days))],
                            )
                        }
                        None => tr(lang.get(), "admin-retention-inactive-off"),
                    }}
                </li>
                <li>{move || tr_n(lang.get(), "admin-retention-audit", &[("days", audit)])}</li>
                <li>{move || tr_n(lang.get(), "admin-retention-due", &[("count", due as i64)])}</li>
            </ul>
            <FormError />
            <ActionForm action attr:class="form">
                <Field
                    name="inactive_days"
                    label="admin-retention-inactive-label"
                    hint="admin-retention-inactive-hint"
                    kind="number"
                    maxlength=4
                    required=false
                    value=inactive.map(|d| d.to_string()).unwrap_or_default()
                />
                <Field
                    name="audit_days"
                    label="admin-retention-audit-label"
                    hint="admin-retention-audit-hint"
                    kind="number"
                    maxlength=4
                    value=view.audit_days.to_string()
                />
                <button type="submit" class="button primary">
                    {t("admin-retention-action")}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Overview(view: AdminView, retention: ServerAction<SetRetention>) -> impl IntoView {
    let lang = use_lang();
    let delete = ServerAction::<DeleteAccount>::new();
    let create = ServerAction::<CreateTrainer>::new();
    view! {
        <section>
            <h2>{t("admin-accounts")}</h2>
            <FormError />
            <table class="table">
                <thead>
                    <tr>
                        <th>{t("username-label")}</th>
                        <th>{t("display-name-label")}</th>
                        <th>{t("role-label")}</th>
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    {view
                        .accounts
                        .into_iter()
                        .map(|a| {
                            let role = format!("role-{}", a.role.code());
                            view! {
                                <tr>
                                    <td>{a.username}</td>
                                    <td>{a.display_name}</td>
                                    <td>{move || tr(lang.get(), &role)}</td>
                                    <td>
                                        <ActionForm action=delete attr:class="inline">
                                            <input type="hidden" name="account_id" value=a.id />
                                            <label class="confirm">
                                                <input type="checkbox" name="confirm" value="yes" />
                                                {t("admin-delete-confirm")}
                                            </label>
                                            <button type="submit" class="button small danger">
                                                {t("admin-delete")}
                                            </button>
                                        </ActionForm>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
        <section>
            <h2>{t("admin-new-trainer")}</h2>
            <FormError />
            <ActionForm action=create attr:class="form">
                <Field name="display_name" label="display-name-label" maxlength=60 />
                <Field name="username" label="username-label" hint="username-hint" maxlength=32 />
                <button type="submit" class="button primary">
                    {t("admin-new-trainer-action")}
                </button>
            </ActionForm>
        </section>
        <Retention view=view.retention due=view.anonymised_next action=retention />
        <section>
            <h2>{t("admin-audit")}</h2>
            <table class="table audit">
                <thead>
                    <tr>
                        <th>{t("audit-when")}</th>
                        <th>{t("audit-who")}</th>
                        <th>{t("audit-what")}</th>
                        <th>{t("audit-account")}</th>
                        <th>{t("audit-cohort")}</th>
                    </tr>
                </thead>
                <tbody>
                    {view
                        .audit
                        .into_iter()
                        .map(|e| {
                            let key = format!("audit-{}", e.action);
                            view! {
                                <tr>
                                    <td>{e.at}</td>
                                    <td>{e.actor}</td>
                                    <td>{move || tr(lang.get(), &key)}</td>
                                    <td>{e.account}</td>
                                    <td>{e.cohort}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

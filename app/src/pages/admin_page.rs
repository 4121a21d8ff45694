use crate::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::field::Field;
use crate::components::form_error::{FormError, action_error};
use crate::components::loaded::loaded;
use crate::i18n::{tr, use_lang};
use crate::model::AdminView;
use crate::serverfns::admin::{CreateTrainer, DeleteAccount, admin_overview};

/// `/admin`: every account (with deletion), new trainers, and the audit log.
#[component]
pub fn AdminPage() -> impl IntoView {
    let lang = use_lang();
    let overview = Resource::new(|| (), |_| admin_overview());
    view! {
        <PageTitle text=move || tr(lang.get(), "admin-title") />
        <h1>{move || tr(lang.get(), "admin-title")}</h1>
        {loaded(overview, |view| view! { <Overview view /> })}
    }
}

#[component]
fn Overview(view: AdminView) -> impl IntoView {
    let lang = use_lang();
    let delete = ServerAction::<DeleteAccount>::new();
    let create = ServerAction::<CreateTrainer>::new();
    view! {
        <section>
            <h2>{move || tr(lang.get(), "admin-accounts")}</h2>
            <FormError error=action_error(delete) />
            <table class="table">
                <thead>
                    <tr>
                        <th>{move || tr(lang.get(), "username-label")}</th>
                        <th>{move || tr(lang.get(), "display-name-label")}</th>
                        <th>{move || tr(lang.get(), "role-label")}</th>
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    {view
                        .accounts
                        .into_iter()
                        .map(|a| {
                            let role = format!("role-{}", a.role);
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
                                                {move || tr(lang.get(), "admin-delete-confirm")}
                                            </label>
                                            <button type="submit" class="button small danger">{move || tr(lang.get(), "admin-delete")}</button>
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
            <h2>{move || tr(lang.get(), "admin-new-trainer")}</h2>
            <FormError error=action_error(create) />
            <ActionForm action=create attr:class="form">
                <Field name="display_name" label="display-name-label" maxlength=60 />
                <Field name="username" label="username-label" hint="username-hint" maxlength=32 />
                <button type="submit" class="button primary">{move || tr(lang.get(), "admin-new-trainer-action")}</button>
            </ActionForm>
        </section>
        <section>
            <h2>{move || tr(lang.get(), "admin-audit")}</h2>
            <table class="table audit">
                <thead>
                    <tr>
                        <th>{move || tr(lang.get(), "audit-when")}</th>
                        <th>{move || tr(lang.get(), "audit-who")}</th>
                        <th>{move || tr(lang.get(), "audit-what")}</th>
                        <th>{move || tr(lang.get(), "audit-account")}</th>
                        <th>{move || tr(lang.get(), "audit-cohort")}</th>
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

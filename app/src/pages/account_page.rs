use crate::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::loaded::loaded;
use crate::i18n::{tr, tr_n, use_lang};
use crate::model::PersonalDataView;
use crate::serverfns::account::{SignOut, my_data};

/// `/account`: everything the platform holds about the signed-in person, a download of it,
/// the password, and signing out.
#[component]
pub fn AccountPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| my_data());
    let query = use_query_map();
    let done = move || query.read().get("done").is_some_and(|d| d == "password");
    view! {
        <PageTitle text=move || tr(lang.get(), "account-title") />
        <h1>{move || tr(lang.get(), "account-title")}</h1>
        <Show when=done>
            <p class="notice" role="status">{move || tr(lang.get(), "password-done")}</p>
        </Show>
        {loaded(data, |data| view! { <PersonalData data /> })}
    }
}

#[component]
fn PersonalData(data: PersonalDataView) -> impl IntoView {
    let lang = use_lang();
    let sign_out = ServerAction::<SignOut>::new();
    let affiliation = format!("affiliation-{}", data.affiliation);
    let role = format!("role-{}", data.role);
    let yes_no = if data.has_password { "yes" } else { "no" };
    let kept = match (data.role == "admin", data.retention.inactive_days) {
        (true, _) => ("account-kept-admin", 0),
        (false, Some(days)) => ("account-kept-inactive", i64::from(days)),
        (false, None) => ("account-kept-forever", 0),
    };
    let audit_days = i64::from(data.retention.audit_days);
    let idle_hours = i64::from(data.idle_hours);
    view! {
        <section>
            <h2>{move || tr(lang.get(), "account-held-title")}</h2>
            <p>{move || tr(lang.get(), "account-held-intro")}</p>
            <dl class="facts">
                <dt>{move || tr(lang.get(), "username-label")}</dt>
                <dd>{data.username}</dd>
                <dt>{move || tr(lang.get(), "display-name-label")}</dt>
                <dd>{data.display_name}</dd>
                <dt>{move || tr(lang.get(), "role-label")}</dt>
                <dd>{move || tr(lang.get(), &role)}</dd>
                <dt>{move || tr(lang.get(), "affiliation-label")}</dt>
                <dd>{move || tr(lang.get(), &affiliation)}</dd>
                <dt>{move || tr(lang.get(), "language-label")}</dt>
                <dd>{data.language}</dd>
                <dt>{move || tr(lang.get(), "account-created")}</dt>
                <dd>{data.created}</dd>
                <dt>{move || tr(lang.get(), "account-has-password")}</dt>
                <dd>{move || tr(lang.get(), yes_no)}</dd>
                <dt>{move || tr(lang.get(), "account-sessions")}</dt>
                <dd>{data.open_sessions}</dd>
            </dl>
            <h3>{move || tr(lang.get(), "account-cohorts")}</h3>
            <ul>
                {data
                    .cohorts
                    .into_iter()
                    .map(|(cohort, role, since)| {
                        let role = format!("role-{role}");
                        view! { <li>{cohort} " · " {move || tr(lang.get(), &role)} " · " {since}</li> }
                    })
                    .collect_view()}
            </ul>
            <h3>{move || tr(lang.get(), "account-history")}</h3>
            <ul>
                {data
                    .history
                    .into_iter()
                    .map(|(at, action)| {
                        let key = format!("audit-{action}");
                        view! { <li>{at} " · " {move || tr(lang.get(), &key)}</li> }
                    })
                    .collect_view()}
            </ul>
            <p>
                <a class="button" href="/account/data.json" download="mes-donnees.json">
                    {move || tr(lang.get(), "account-download")}
                </a>
            </p>
        </section>
        <section id="kept">
            <h2>{move || tr(lang.get(), "account-kept-title")}</h2>
            <ul>
                <li>{move || tr_n(lang.get(), kept.0, &[("days", kept.1)])}</li>
                <li>{move || tr_n(lang.get(), "account-kept-audit", &[("days", audit_days)])}</li>
                <li>{move || tr_n(lang.get(), "account-kept-sessions", &[("hours", idle_hours)])}</li>
            </ul>
        </section>
        <section>
            <h2>{move || tr(lang.get(), "password-heading")}</h2>
            <p><a class="button" href="/account/password">{move || tr(lang.get(), "password-change")}</a></p>
        </section>
        <section>
            <ActionForm action=sign_out>
                <button type="submit" class="button">{move || tr(lang.get(), "sign-out-action")}</button>
            </ActionForm>
        </section>
    }
}

use crate::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::loaded::loaded;
use crate::i18n::{t, tr, tr_n, use_lang};
use crate::model::{HistoryEvent, Membership, PersonalDataView, Role};
use crate::routes::{Done, done_in};
use crate::serverfns::account::{SignOut, my_data};

/// `/account`: everything the platform holds about the signed-in person, a download of it,
/// the password, and signing out.
#[component]
pub fn AccountPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| my_data());
    let query = use_query_map();
    let done = move || done_in(&query.read()) == Some(Done::Password);
    view! {
        <PageTitle text=t("account-title") />
        <h1>{t("account-title")}</h1>
        <Show when=done>
            <p class="notice" role="status">
                {t("password-done")}
            </p>
        </Show>
        {loaded(data, |data| view! { <PersonalData data /> })}
    }
}

#[component]
fn PersonalData(data: PersonalDataView) -> impl IntoView {
    let lang = use_lang();
    let sign_out = ServerAction::<SignOut>::new();
    let affiliation = format!("affiliation-{}", data.affiliation.code());
    let role = format!("role-{}", data.role.code());
    let yes_no = if data.has_password { "yes" } else { "no" };
    let kept = match (data.role == Role::Admin, data.retention.inactive_days) {
        (true, _) => ("account-kept-admin", 0),
        (false, Some(days)) => ("account-kept-inactive", i64::from(days)),
        (false, None) => ("account-kept-forever", 0),
    };
    let audit_days = i64::from(data.retention.audit_days);
    let idle_hours = i64::from(data.idle_hours);
    view! {
        <section>
            <h2>{t("account-held-title")}</h2>
            <p>{t("account-held-intro")}</p>
            <dl class="facts">
                <dt>{t("username-label")}</dt>
                <dd>{data.username}</dd>
                <dt>{t("display-name-label")}</dt>
                <dd>{data.display_name}</dd>
                <dt>{t("role-label")}</dt>
                <dd>{move || tr(lang.get(), &role)}</dd>
                <dt>{t("affiliation-label")}</dt>
                <dd>{move || tr(lang.get(), &affiliation)}</dd>
                <dt>{t("language-label")}</dt>
                <dd>{data.language}</dd>
                <dt>{t("account-created")}</dt>
                <dd>{data.created}</dd>
                <dt>{t("account-has-password")}</dt>
                <dd>{move || tr(lang.get(), yes_no)}</dd>
                <dt>{t("account-sessions")}</dt>
                <dd>{data.open_sessions}</dd>
            </dl>
            <h3>{t("account-cohorts")}</h3>
            <ul>
                {data
                    .cohorts
                    .into_iter()
                    .map(|Membership { cohort, role, since }| {
                        let role = format!("role-{role}");
                        view! {
                            <li>{cohort} " · " {move || tr(lang.get(), &role)} " · " {since}</li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h3>{t("account-history")}</h3>
            <ul>
                {data
                    .history
                    .into_iter()
                    .map(|HistoryEvent { at, action }| {
                        let key = format!("audit-{action}");
                        view! { <li>{at} " · " {move || tr(lang.get(), &key)}</li> }
                    })
                    .collect_view()}
            </ul>
            <p>
                <a class="button" href="/account/data.json" download="mes-donnees.json">
                    {t("account-download")}
                </a>
            </p>
        </section>
        <section id="kept">
            <h2>{t("account-kept-title")}</h2>
            <ul>
                <li>{move || tr_n(lang.get(), kept.0, &[("days", kept.1)])}</li>
                <li>{move || tr_n(lang.get(), "account-kept-audit", &[("days", audit_days)])}</li>
                <li>
                    {move || tr_n(lang.get(), "account-kept-sessions", &[("hours", idle_hours)])}
                </li>
            </ul>
        </section>
        <section>
            <h2>{t("password-heading")}</h2>
            <p>
                <a class="button" href="/account/password">
                    {t("password-change")}
                </a>
            </p>
        </section>
        // The page script warns before signing out if answers still wait on the phone.
        <section data-sign-out-warning=t("offline-sign-out-warning")>
            <ActionForm action=sign_out>
                <button type="submit" class="button">
                    {t("sign-out-action")}
                </button>
            </ActionForm>
        </section>
    }
}

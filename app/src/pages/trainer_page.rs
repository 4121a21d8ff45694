use crate::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::field::Field;
use crate::components::form_error::FormError;
use crate::components::loaded::loaded;
use crate::i18n::{t, tr_n, use_lang};
use crate::serverfns::cohorts::{CreateCohort, list_cohorts};

/// `/trainer`: the cohorts the trainer runs, and a new one.
#[component]
pub fn TrainerPage() -> impl IntoView {
    let lang = use_lang();
    let cohorts = Resource::new(|| (), |_| list_cohorts());
    let create = ServerAction::<CreateCohort>::new();
    let user = Resource::new(|| (), |_| crate::serverfns::account::current_user());
    view! {
        <PageTitle text=t("trainer-title") />
        <h1>{t("trainer-title")}</h1>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let admin = matches!(user.await, Ok(Some(u)) if u.is_admin());
                admin
                    .then(|| {
                        view! {
                            <p>
                                <a class="button" href="/trainer/cohorts/all/progress">
                                    {t("report-all-progress")}
                                </a>
                            </p>
                        }
                    })
            })}
        </Transition>
        {loaded(
            cohorts,
            move |cohorts| {
                view! {
                    <ul class="cards">
                        {cohorts
                            .into_iter()
                            .map(|c| {
                                let members = c.members as i64;
                                view! {
                                    <li class="card">
                                        <h2>
                                            <a href=crate::routes::cohort_href(c.id)>{c.name}</a>
                                        </h2>
                                        <p class="meta">
                                            {move || tr_n(
                                                lang.get(),
                                                "cohort-members",
                                                &[("count", members)],
                                            )}
                                        </p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            },
        )}
        <section>
            <h2>{t("cohort-create-title")}</h2>
            <FormError />
            <ActionForm action=create attr:class="form">
                <Field name="name" label="cohort-name-label" hint="cohort-name-hint" maxlength=80 />
                <button type="submit" class="button primary">
                    {t("cohort-create-action")}
                </button>
            </ActionForm>
        </section>
    }
}

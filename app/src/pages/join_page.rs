use crate::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::field::{AffiliationChoice, Field, NewPasswordFields};
use crate::components::form_error::FormError;
use crate::i18n::t;
use crate::serverfns::account::Join;

/// `/join`: a learner joins a cohort with the code their trainer gave. No email, no phone.
#[component]
pub fn JoinPage() -> impl IntoView {
    let action = ServerAction::<Join>::new();
    view! {
        <PageTitle text=t("join-title") />
        <h1>{t("join-title")}</h1>
        <p class="intro">{t("join-intro")}</p>
        <FormError />
        <ActionForm action=action attr:class="form">
            <Field name="join_code" label="join-code-label" hint="join-code-hint" maxlength=16 />
            <Field
                name="display_name"
                label="display-name-label"
                hint="display-name-hint"
                autocomplete="nickname"
                maxlength=60
            />
            <Field
                name="username"
                label="username-label"
                hint="username-hint"
                autocomplete="username"
                maxlength=32
            />
            <AffiliationChoice />
            <NewPasswordFields />
            <button type="submit" class="button primary">
                {t("join-action")}
            </button>
        </ActionForm>
    }
}

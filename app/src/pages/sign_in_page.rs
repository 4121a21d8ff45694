use crate::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::field::Field;
use crate::components::form_error::FormError;
use crate::i18n::t;
use crate::serverfns::account::SignIn;

/// `/sign-in`: username and password, or the one-time code from a slip.
#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    view! {
        <PageTitle text=t("sign-in-title") />
        <h1>{t("sign-in-title")}</h1>
        <FormError />
        <ActionForm action=action attr:class="form">
            <Field name="username" label="username-label" autocomplete="username" maxlength=64 />
            <Field
                name="password"
                label="password-or-code-label"
                hint="password-or-code-hint"
                kind="password"
                autocomplete="current-password"
                maxlength=128
            />
            <button type="submit" class="button primary">
                {t("sign-in-action")}
            </button>
        </ActionForm>
        <p class="aside">{t("sign-in-no-account")} " " <a href="/join">{t("join-title")}</a></p>
    }
}

use crate::components::page_title::PageTitle;
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::field::Field;
use crate::components::form_error::{FormError, action_error};
use crate::i18n::{tr, use_lang};
use crate::serverfns::account::SetPassword;

/// `/account/password`: choose a password (after a one-time code) or change it.
#[component]
pub fn PasswordPage() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<SetPassword>::new();
    view! {
        <PageTitle text=move || tr(lang.get(), "password-title") />
        <h1>{move || tr(lang.get(), "password-title")}</h1>
        <p class="intro">{move || tr(lang.get(), "password-intro")}</p>
        <FormError error=action_error(action) />
        <ActionForm action=action attr:class="form">
            <Field name="password" label="new-password-label" hint="password-hint" kind="password" autocomplete="new-password" maxlength=128 />
            <Field name="confirmation" label="confirm-password-label" kind="password" autocomplete="new-password" maxlength=128 />
            <button type="submit" class="button primary">{move || tr(lang.get(), "password-action")}</button>
        </ActionForm>
    }
}

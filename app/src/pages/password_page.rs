use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::field::{Field, NewPasswordFields};
use crate::components::form_error::FormError;
use crate::components::loaded::loaded;
use crate::components::page_title::PageTitle;
use crate::i18n::t;
use crate::serverfns::account::{SetPassword, current_user};

/// `/account/password`: choose a password (after a one-time code) or change it, which asks
/// for the current one.
#[component]
pub fn PasswordPage() -> impl IntoView {
    let action = ServerAction::<SetPassword>::new();
    let user = Resource::new(|| (), |_| current_user());
    view! {
        <PageTitle text=t("password-title") />
        <h1>{t("password-title")}</h1>
        <p class="intro">{t("password-intro")}</p>
        <FormError />
        {loaded(
            user,
            move |user| {
                let asks_current = user.is_some_and(|u| !u.must_set_password);
                view! {
                    <ActionForm action=action attr:class="form">
                        {asks_current
                            .then(|| {
                                view! {
                                    <Field
                                        name="current"
                                        label="current-password-label"
                                        kind="password"
                                        autocomplete="current-password"
                                        maxlength=128
                                    />
                                }
                            })}
                        <NewPasswordFields />
                        <button type="submit" class="button primary">
                            {t("password-action")}
                        </button>
                    </ActionForm>
                }
            },
        )}
    }
}

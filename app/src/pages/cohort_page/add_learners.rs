//! Adding learners from a pasted list: each gets an account and a one-time code to print.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::form_error::FormError;
use crate::i18n::{t, tr, use_lang};
use crate::model::Affiliation;
use crate::serverfns::cohorts::CreateAccounts;

#[component]
pub fn AddLearners(cohort_id: i64) -> impl IntoView {
    let lang = use_lang();
    let create = ServerAction::<CreateAccounts>::new();
    view! {
        <section>
            <h2>{t("bulk-title")}</h2>
            <p>{t("bulk-intro")}</p>
            <FormError />
            <ActionForm action=create attr:class="form">
                <input type="hidden" name="cohort_id" value=cohort_id />
                <div class="field">
                    <label for="field-names">{t("bulk-names-label")}</label>
                    <p class="hint" id="field-names-hint">
                        {t("bulk-names-hint")}
                    </p>
                    <textarea
                        id="field-names"
                        name="names"
                        rows="10"
                        required=true
                        aria-describedby="field-names-hint"
                    ></textarea>
                </div>
                <div class="field">
                    <label for="field-affiliation">{t("affiliation-label")}</label>
                    <select id="field-affiliation" name="affiliation" required=true>
                        {Affiliation::ALL
                            .iter()
                            .map(|a| {
                                let code = a.code();
                                let key = format!("affiliation-{code}");
                                view! { <option value=code>{move || tr(lang.get(), &key)}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" class="button primary">
                    {t("bulk-action")}
                </button>
            </ActionForm>
        </section>
    }
}

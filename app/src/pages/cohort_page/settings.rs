//! The cohort's settings, behind one "settings" disclosure: name, place, dates, modules and
//! join code; co-trainers; moving a learner in; archiving. One component per form.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::field::Field;
use crate::components::form_error::FormError;
use crate::i18n::{t, tr, use_lang};
use crate::model::{CohortDetail, ModuleChoice};
use crate::serverfns::cohorts::{AddCohortTrainer, ArchiveCohort, MoveLearner, UpdateCohort};

#[component]
pub fn CohortSettings(detail: CohortDetail) -> impl IntoView {
    let id = detail.card.id;
    let archived = detail.archived;
    view! {
        {archived
            .then(|| {
                view! {
                    <p class="notice" data-archived="true">
                        {t("cohort-archived-note")}
                    </p>
                }
            })}
        <details class="cohort-settings">
            <summary>{t("cohort-settings")}</summary>
            <FormError />
            <SettingsForm detail=detail.clone() />
            <h3>{t("cohort-trainers")}</h3>
            <ul>
                {detail
                    .trainers
                    .iter()
                    .map(|name| view! { <li>{name.clone()}</li> })
                    .collect_view()}
            </ul>
            <FormError />
            <AddTrainerForm id />
            <h3>{t("cohort-move-learner")}</h3>
            <FormError />
            <MoveLearnerForm id />
            <ArchiveForm id archived />
        </details>
    }
}

/// Name, place, dates, the modules followed and whether the join code is open.
#[component]
fn SettingsForm(detail: CohortDetail) -> impl IntoView {
    let update = ServerAction::<UpdateCohort>::new();
    view! {
        <ActionForm action=update attr:class="form">
            <input type="hidden" name="cohort_id" value=detail.card.id />
            <Field
                name="name"
                id="cohort-name"
                label="cohort-name-label"
                maxlength=80
                words=true
                value=detail.card.name.clone()
            />
            <Field
                name="place"
                id="cohort-place"
                label="cohort-place"
                maxlength=80
                words=true
                required=false
                value=detail.place.clone()
            />
            <Field
                name="starts_on"
                id="cohort-starts"
                label="cohort-starts"
                kind="date"
                required=false
                value=detail.starts_on.clone()
            />
            <Field
                name="ends_on"
                id="cohort-ends"
                label="cohort-ends"
                kind="date"
                required=false
                value=detail.ends_on.clone()
            />
            <fieldset class="field choices">
                <legend>{t("cohort-modules")}</legend>
                <p class="hint">{t("cohort-modules-hint")}</p>
                {detail
                    .modules
                    .iter()
                    .map(|ModuleChoice { slug, title, followed }| {
                        view! {
                            <label class="choice">
                                <input
                                    type="checkbox"
                                    name=format!("modules[{slug}]")
                                    value=slug.clone()
                                    checked=*followed
                                />
                                {title.clone()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label class="choice">
                <input
                    type="checkbox"
                    name="join_open"
                    value="on"
                    checked=detail.card.join_code.is_some()
                />
                {t("cohort-join-open")}
            </label>
            <button type="submit" class="button primary">
                {t("cohort-save")}
            </button>
        </ActionForm>
    }
}

/// A co-trainer, by username.
#[component]
fn AddTrainerForm(id: i64) -> impl IntoView {
    let add = ServerAction::<AddCohortTrainer>::new();
    view! {
        <ActionForm action=add attr:class="form">
            <input type="hidden" name="cohort_id" value=id />
            <Field name="username" id="cohort-trainer" label="cohort-add-trainer" />
            <button type="submit" class="button">
                {t("cohort-add-trainer-action")}
            </button>
        </ActionForm>
    }
}

/// An existing learner, by username, moved into this cohort.
#[component]
fn MoveLearnerForm(id: i64) -> impl IntoView {
    let enrol = ServerAction::<MoveLearner>::new();
    view! {
        <ActionForm action=enrol attr:class="form">
            <input type="hidden" name="cohort_id" value=id />
            <Field name="username" id="cohort-move" label="cohort-move-learner-label" />
            <button type="submit" class="button">
                {t("cohort-move-learner-action")}
            </button>
        </ActionForm>
    }
}

/// Archives the cohort (nobody joins it any more), or reopens it.
#[component]
fn ArchiveForm(id: i64, archived: bool) -> impl IntoView {
    let lang = use_lang();
    let archive = ServerAction::<ArchiveCohort>::new();
    view! {
        <ActionForm action=archive attr:class="form">
            <input type="hidden" name="cohort_id" value=id />
            <input type="hidden" name="archived" value=(!archived).to_string() />
            <button type="submit" class="button danger">
                {move || tr(lang.get(), if archived { "cohort-reopen" } else { "cohort-archive" })}
            </button>
        </ActionForm>
    }
}

//! Attendance at the cohort's in-person classes: the classes recorded, and a form for a new
//! one (date, topic, who was present).

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::field::Field;
use crate::components::form_error::FormError;
use crate::i18n::{t, tr_args, use_lang};
use crate::model::{ClassLine, CohortDetail, ReportKind};
use crate::routes::cohort_report_href;
use crate::serverfns::cohorts::RecordAttendance;

#[component]
pub fn Attendance(detail: CohortDetail) -> impl IntoView {
    let lang = use_lang();
    let id = detail.card.id;
    let members = detail.members.len() as i64;
    view! {
        <section id="attendance" class="attendance">
            <h2>{t("attendance-title")}</h2>
            <p>
                <a href=cohort_report_href(
                    id,
                    ReportKind::Attendance,
                )>{t("attendance-sheet-link")}</a>
            </p>
            {if detail.classes.is_empty() {
                view! { <p>{t("attendance-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="sessions">
                        {detail
                            .classes
                            .iter()
                            .map(|ClassLine { held_on, topic, present }| {
                                let args = vec![
                                    ("date", held_on.clone()),
                                    ("topic", topic.clone()),
                                    ("present", present.to_string()),
                                    ("members", members.to_string()),
                                ];
                                view! {
                                    <li>{move || tr_args(lang.get(), "attendance-row", &args)}</li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <FormError />
            <RecordForm detail />
        </section>
    }
}

/// A class held: its date, its topic, and the learners present.
#[component]
fn RecordForm(detail: CohortDetail) -> impl IntoView {
    let record = ServerAction::<RecordAttendance>::new();
    view! {
        <ActionForm action=record attr:class="form">
            <input type="hidden" name="cohort_id" value=detail.card.id />
            <Field name="held_on" id="attendance-date" label="attendance-date" kind="date" />
            <Field
                name="topic"
                id="attendance-topic"
                label="attendance-topic"
                maxlength=80
                words=true
            />
            <fieldset class="field choices">
                <legend>{t("attendance-present")}</legend>
                {detail
                    .members
                    .iter()
                    .map(|m| {
                        view! {
                            <label class="choice">
                                <input
                                    type="checkbox"
                                    name=format!("present[{}]", m.account_id)
                                    value=m.account_id.to_string()
                                />
                                {m.display_name.clone()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <button type="submit" class="button primary">
                {t("attendance-record")}
            </button>
        </ActionForm>
    }
}

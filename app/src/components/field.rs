//! A labelled form field: large, one per line, with an optional hint under the label.

use leptos::prelude::*;

use crate::i18n::{t, tr, use_lang};
use crate::model::Affiliation;

#[component]
pub fn Field(
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = 120)] maxlength: u32,
    #[prop(default = true)] required: bool,
    /// What the field holds when the page opens (the setting in force, say).
    #[prop(optional, into)]
    value: Option<String>,
    /// The element's id, when a page needs its own; else `field-<name>`.
    #[prop(optional)]
    id: Option<&'static str>,
    /// The field holds words people write (a name, a place): the phone may capitalise and
    /// correct them. Otherwise (usernames, codes) it must not.
    #[prop(default = false)]
    words: bool,
) -> impl IntoView {
    let lang = use_lang();
    let id = id.map_or_else(|| format!("field-{name}"), str::to_string);
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{move || tr(lang.get(), label)}</label>
            {hint
                .map(|key| {
                    view! {
                        <p class="hint" id=hint_id.clone()>
                            {move || tr(lang.get(), key)}
                        </p>
                    }
                })}
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                autocapitalize=(!words).then_some("none")
                spellcheck=(!words).then_some("false")
                maxlength=maxlength
                required=required
                value=value
                aria-describedby=hint.map(|_| hint_id.clone())
            />
        </div>
    }
}

/// A new password and its confirmation, as joining and choosing a password ask for them.
#[component]
pub fn NewPasswordFields() -> impl IntoView {
    view! {
        <Field
            name="password"
            label="new-password-label"
            hint="password-hint"
            kind="password"
            autocomplete="new-password"
            maxlength=128
        />
        <Field
            name="confirmation"
            label="confirm-password-label"
            kind="password"
            autocomplete="new-password"
            maxlength=128
        />
    }
}

/// The learner's affiliation, as three large radio buttons.
#[component]
pub fn AffiliationChoice() -> impl IntoView {
    let lang = use_lang();
    view! {
        <fieldset class="field choices">
            <legend>{t("affiliation-label")}</legend>
            <p class="hint">{t("affiliation-hint")}</p>
            {Affiliation::ALL
                .iter()
                .map(|a| {
                    let code = a.code();
                    let key = format!("affiliation-{code}");
                    view! {
                        <label class="choice">
                            <input type="radio" name="affiliation" value=code required=true />
                            <span>{move || tr(lang.get(), &key)}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

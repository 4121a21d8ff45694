//! The quiz form that shows a phone one question at a time.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The stepper's buttons, in the page's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepperWords {
    pub previous: String,
    pub next: String,
    pub submit: String,
    pub sending: String,
}

/// The quiz form around server-rendered `children`: the hidden fields, then one
/// `<div class="step">` per question (its scenario and its fieldset).
///
/// Without JavaScript every question shows and the form posts as it is. Once hydrated, the
/// page shows one step at a time; "Next" waits until the question shown is answered
/// (`multiple[i]`: a tick-all question counts as answered, none ticked is an answer). The
/// answers stay in the form until the server has them: the form still posts, in full.
#[island]
pub fn QuizStepper(
    /// Where the form posts (the server function's address).
    action: String,
    /// One entry per question: whether it is a tick-all question.
    multiple: Vec<bool>,
    words: StepperWords,
    children: Children,
) -> impl IntoView {
    let total = multiple.len();
    let stepping = RwSignal::new(false);
    let current = RwSignal::new(0usize);
    let answered = RwSignal::new(multiple);
    let sending = RwSignal::new(false);
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        stepping.set(total > 1);
        // Back from the result page, the browser may restore this page as it was left.
        let _ = window_event_listener(leptos::ev::pageshow, move |_| sending.set(false));
        crate::islands::mark_hydrated();
    });
    Effect::new(move |_| {
        let shown = stepping.get().then(|| current.get());
        if let Some(form) = form.get() {
            dom::show_only(&form, shown);
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(i) = dom::step_of(&ev) {
            answered.update(|a| {
                if let Some(done) = a.get_mut(i) {
                    *done = true;
                }
            });
        }
    };
    let show_previous = move || stepping.get() && current.get() > 0;
    let show_next = move || stepping.get() && current.get() + 1 < total;
    let show_submit = move || !stepping.get() || current.get() + 1 >= total;
    let StepperWords {
        previous,
        next,
        submit,
        sending: sending_word,
    } = words;
    view! {
        <form
            class="quiz-form"
            method="post"
            action=action
            node_ref=form
            on:change=on_change
            on:submit=move |_| sending.set(true)
        >
            {children()}
            <div class="quiz-nav">
                <Show when=show_previous>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| current.update(|c| *c = c.saturating_sub(1))
                    >
                        {previous.clone()}
                    </button>
                </Show>
                <Show when=show_next>
                    <button
                        type="button"
                        class="button primary"
                        disabled=move || {
                            !answered.with(|a| a.get(current.get()).copied().unwrap_or(false))
                        }
                        on:click=move |_| current.update(|c| *c += 1)
                    >
                        {next.clone()}
                    </button>
                </Show>
                <Show when=show_submit>
                    <button type="submit" class="button primary" disabled=move || sending.get()>
                        {
                            let (submit, sending_word) = (submit.clone(), sending_word.clone());
                            move || {
                                if sending.get() { sending_word.clone() } else { submit.clone() }
                            }
                        }
                    </button>
                </Show>
            </div>
        </form>
    }
}

#[cfg(feature = "hydrate")]
mod dom {
    use wasm_bindgen::JsCast;

    /// Hides every step but `shown` (all show with `None`).
    pub fn show_only(form: &web_sys::HtmlFormElement, shown: Option<usize>) {
        let Ok(steps) = form.query_selector_all(".step") else {
            return;
        };
        for i in 0..steps.length() {
            let Some(step) = steps
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let hidden = shown.is_some_and(|s| s != i as usize);
            let _ = step.class_list().toggle_with_force("step-hidden", hidden);
        }
    }

    /// The index of the step an input event came from.
    pub fn step_of(ev: &web_sys::Event) -> Option<usize> {
        let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
        target
            .closest(".step")
            .ok()??
            .get_attribute("data-step")?
            .parse()
            .ok()
    }
}

#[cfg(not(feature = "hydrate"))]
mod dom {
    //! On the server nothing moves: every step shows.
    pub fn show_only<T>(_form: &T, _shown: Option<usize>) {}
    pub fn step_of<T>(_ev: &T) -> Option<usize> {
        None
    }
}

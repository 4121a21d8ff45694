//! Where a learner stands in a module: a bar, the state in words, and the best score.

use leptos::prelude::*;

use crate::i18n::{tr, tr_n, use_lang};
use crate::model::ProgressView;

#[component]
pub fn ProgressBar(progress: ProgressView) -> impl IntoView {
    let lang = use_lang();
    let ProgressView {
        percent,
        state,
        best_score,
        ..
    } = progress;
    let state_key = format!("progress-{}", state.code());
    let label = move || {
        tr_n(
            lang.get(),
            "progress-percent",
            &[("percent", i64::from(percent))],
        )
    };
    view! {
        <div class="progress" data-state=state.code()>
            <p class="progress-state">
                <strong>{move || tr(lang.get(), &state_key)}</strong>
                " · "
                {label}
                {best_score
                    .map(|score| {
                        view! {
                            " · "
                            {move || tr_n(
                                lang.get(),
                                "progress-best-score",
                                &[("score", i64::from(score))],
                            )}
                        }
                    })}
            </p>
            <progress max="100" value=percent.to_string() aria-label=label></progress>
        </div>
    }
}

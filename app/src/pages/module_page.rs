use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::loaded::loaded;
use crate::i18n::{tr, tr_n, use_lang};
use crate::model::ModuleOutline;
use crate::serverfns::courses::get_module;

/// `/modules/:module`: a module's description and its lessons in order.
#[component]
pub fn ModulePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let outline = Resource::new(
        move || (lang.get(), params.read().get("module").unwrap_or_default()),
        |(lang, module)| get_module(lang.code().to_string(), module),
    );
    loaded(outline, |outline| view! { <ModuleView outline /> })
}

#[component]
fn ModuleView(outline: ModuleOutline) -> impl IntoView {
    let lang = use_lang();
    let ModuleOutline { card, lessons } = outline;
    let first = lessons.first().map(|l| l.href.clone());
    let count = i64::from(card.lesson_count);
    let minutes = i64::from(card.minutes);
    let title = card.title.clone();
    view! {
        <Title text=title />
        <nav class="breadcrumb" aria-label=move || tr(lang.get(), "breadcrumb")>
            <a href="/">{move || tr(lang.get(), "breadcrumb-home")}</a>
        </nav>
        <h1>{card.title}</h1>
        <p class="intro">{card.summary}</p>
        <p class="meta">
            {move || tr_n(lang.get(), "module-minutes", &[("minutes", minutes)])} " · "
            {move || tr_n(lang.get(), "module-lessons", &[("count", count)])}
        </p>
        {first
            .map(|href| {
                view! {
                    <p>
                        <a class="button primary" href=href>{move || tr(lang.get(), "module-start")}</a>
                    </p>
                }
            })}
        <h2>{move || tr(lang.get(), "module-lessons-heading")}</h2>
        <ol class="lesson-list">
            {lessons
                .into_iter()
                .map(|lesson| view! { <li><a href=lesson.href>{lesson.title}</a></li> })
                .collect_view()}
        </ol>
    }
}

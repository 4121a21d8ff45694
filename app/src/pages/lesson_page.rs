use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use leptos::form::ActionForm;

use crate::components::form_error::FormError;
use crate::components::listen::{Listen, ListenSpeed, Listening};
use crate::components::loaded::loaded;
use crate::i18n::{t, tr, tr_n, use_lang};
use crate::model::LessonContent as Lesson;
use crate::serverfns::courses::get_lesson;
use crate::serverfns::learning::MarkRead;

/// `/modules/:module/:lesson`: one lesson, its sources, and the way to the next one.
#[component]
pub fn LessonPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let lesson = Resource::new(
        move || {
            let params = params.read();
            (
                lang.get(),
                params.get("module").unwrap_or_default(),
                params.get("lesson").unwrap_or_default(),
            )
        },
        |(lang, module, lesson)| get_lesson(lang, module, lesson),
    );
    loaded(lesson, |lesson| view! { <LessonView lesson /> })
}

#[component]
fn LessonView(lesson: Lesson) -> impl IntoView {
    let lang = use_lang();
    let Lesson {
        module,
        title,
        objectives,
        intro,
        sections,
        audio,
        audio_in,
        sources,
        number,
        total,
        previous,
        next,
        module_slug,
        lesson_slug,
        read,
    } = lesson;
    let (number, total) = (i64::from(number), i64::from(total));
    let has_sources = !sources.is_empty();
    let has_objectives = !objectives.is_empty();
    view! {
        <PageTitle text=title.clone() />
        <nav class="breadcrumb" aria-label=t("breadcrumb")>
            <a href="/">{t("breadcrumb-home")}</a>
            " › "
            <a href=module.href.clone()>{module.title.clone()}</a>
        </nav>
        <article class="lesson">
            <p class="meta">
                {move || tr_n(
                    lang.get(),
                    "lesson-position",
                    &[("number", number), ("total", total)],
                )}
            </p>
            <h1>{title}</h1>
            {audio
                .map(|clip| {
                    view! {
                        <Listen clip what=Listening::Lesson />
                        <ListenSpeed />
                    }
                })}
            {audio_in
                .into_iter()
                .map(|(code, clip)| {
                    view! { <Listen clip what=Listening::Lesson spoken_in=code /> }
                })
                .collect_view()}
            <Show when=move || has_objectives>
                <section class="objectives">
                    <h2>{t("lesson-objectives")}</h2>
                    <ul>
                        {objectives
                            .clone()
                            .into_iter()
                            .map(|o| view! { <li>{o}</li> })
                            .collect_view()}
                    </ul>
                </section>
            </Show>
            <div class="lesson-body">
                <div inner_html=intro></div>
                {sections
                    .into_iter()
                    .map(|section| {
                        view! {
                            <section class="lesson-section">
                                <div inner_html=section.heading></div>
                                {section
                                    .audio
                                    .map(|clip| view! { <Listen clip what=Listening::Section /> })}
                                {section
                                    .audio_in
                                    .into_iter()
                                    .map(|(code, clip)| {
                                        view! {
                                            <Listen clip what=Listening::Section spoken_in=code />
                                        }
                                    })
                                    .collect_view()}
                                <div inner_html=section.body></div>
                            </section>
                        }
                    })
                    .collect_view()}
            </div>
            <Show when=move || has_sources>
                <section class="sources">
                    <h2>{t("lesson-sources")}</h2>
                    <ul>
                        {sources
                            .clone()
                            .into_iter()
                            .map(|source| view! { <li>{source}</li> })
                            .collect_view()}
                    </ul>
                </section>
            </Show>
            {read.map(|read| view! { <MarkReadForm module=module_slug lesson=lesson_slug read /> })}
        </article>
        <nav class="pager" aria-label=t("lesson-pager")>
            {previous
                .map(|p| {
                    view! {
                        <a class="button" rel="prev" href=p.href>
                            <span class="pager-label">{t("lesson-previous")}</span>
                            <span class="pager-title">{p.title}</span>
                        </a>
                    }
                })}
            {match next {
                Some(n) => {
                    view! {
                        <a class="button primary" rel="next" href=n.href>
                            <span class="pager-label">{t("lesson-next")}</span>
                            <span class="pager-title">{n.title}</span>
                        </a>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <a class="button primary" href=module.href>
                            {t("lesson-back-to-module")}
                        </a>
                    }
                        .into_any()
                }
            }}
        </nav>
    }
}

/// The button at the end of a lesson: "I have read this lesson", which records it and goes on.
#[component]
fn MarkReadForm(module: String, lesson: String, read: bool) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<MarkRead>::new();
    view! {
        <section class="mark-read">
            <FormError />
            {read.then(|| view! { <p class="done-note">{t("lesson-read-already")}</p> })}
            <ActionForm action=action>
                <input type="hidden" name="module" value=module />
                <input type="hidden" name="lesson" value=lesson />
                <button type="submit" class=if read { "button" } else { "button primary" }>
                    {move || tr(
                        lang.get(),
                        if read { "lesson-read-continue" } else { "lesson-mark-read" },
                    )}
                </button>
            </ActionForm>
        </section>
    }
}

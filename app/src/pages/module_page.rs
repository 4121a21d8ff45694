use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::loaded::loaded;
use crate::components::progress::ProgressBar;
use crate::i18n::{t, tr, tr_n, use_lang};
use crate::model::{EntryState, ModuleAudio, ModuleOutline, ProgressState, QuizEntry, TestKind};
use crate::serverfns::courses::get_module;

/// `/modules/:module`: a module's description, the pre-test, its lessons in order (read ones
/// ticked), and its quiz with the attempts made.
#[component]
pub fn ModulePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let outline = Resource::new(
        move || (lang.get(), params.read().get("module").unwrap_or_default()),
        |(lang, module)| get_module(lang, module),
    );
    loaded(outline, |outline| view! { <ModuleView outline /> })
}

#[component]
fn ModuleView(outline: ModuleOutline) -> impl IntoView {
    let lang = use_lang();
    let ModuleOutline {
        card,
        lessons,
        read,
        quiz,
        pretest,
        job_aid,
        glossary,
        certificate,
        audio,
    } = outline;
    let slug = card.slug.clone();
    let first = lessons.first().map(|l| l.href.clone());
    let count = i64::from(card.lesson_count);
    let minutes = i64::from(card.minutes);
    let title = card.title.clone();
    let start = match &card.progress {
        Some(p) if p.state != ProgressState::NotStarted => {
            Some((p.continue_href.clone(), "module-continue"))
        }
        _ => first.map(|href| (href, "module-start")),
    };
    view! {
        <PageTitle text=title />
        <nav class="breadcrumb" aria-label=t("breadcrumb")>
            <a href="/">{t("breadcrumb-home")}</a>
        </nav>
        <h1>{card.title}</h1>
        <p class="intro">{card.summary}</p>
        <p class="meta">
            {move || tr_n(lang.get(), "module-minutes", &[("minutes", minutes)])} " · "
            {move || tr_n(lang.get(), "module-lessons", &[("count", count)])}
        </p>
        {card.progress.map(|progress| view! { <ProgressBar progress /> })}
        {pretest
            .filter(|p| p.state == EntryState::Open || !p.attempts.is_empty())
            .map(|entry| view! { <QuizEntryView entry /> })}
        {start
            .map(|(href, key)| {
                view! {
                    <p>
                        <a class="button primary" href=href>
                            {move || tr(lang.get(), key)}
                        </a>
                    </p>
                }
            })}
        <h2>{t("module-lessons-heading")}</h2>
        <ol class="lesson-list">
            {lessons
                .into_iter()
                .enumerate()
                .map(|(i, lesson)| {
                    let done = read.get(i).copied().unwrap_or(false);
                    view! {
                        <li class:read=done>
                            <a href=lesson.href>{lesson.title}</a>
                            {done
                                .then(|| {
                                    view! { <span class="read-mark">{t("lesson-read-mark")}</span> }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        {glossary
            .map(|glossary| {
                view! {
                    <p class="glossary-link">
                        {t("module-glossary")} " " <a href=glossary.href>{glossary.title}</a>
                    </p>
                }
            })}
        <div id="tests">{quiz.map(|entry| view! { <QuizEntryView entry /> })}</div>
        {certificate
            .map(|href| {
                view! {
                    <section class="module-certificate">
                        <h2>{t("module-certificate")}</h2>
                        <p>
                            <a class="button primary" href=href download>
                                {t("certificate-download")}
                            </a>
                            " "
                            <a class="button" href="/certificates">
                                {t("certificates-title")}
                            </a>
                        </p>
                    </section>
                }
            })}
        {job_aid
            .map(|aid| {
                view! {
                    <section class="job-aid-link">
                        <h2>{t("module-job-aid")}</h2>
                        <p>
                            <a class="button" href=aid.href>
                                {aid.title}
                            </a>
                        </p>
                    </section>
                }
            })}
        <SaveOffline module=slug audio />
    }
}

/// "Save for offline use": hidden, shown and worked by the page script
/// (`server/offline/page.js`) on a phone whose browser has service workers. Without
/// JavaScript the module page is as it was.
#[component]
fn SaveOffline(module: String, audio: Option<ModuleAudio>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section
            class="offline-save"
            data-offline-save=module
            data-kb=t("size-kb")
            data-mb=t("size-mb")
            hidden
        >
            <h2>{t("offline-save-heading")}</h2>
            <p>{t("offline-save-text")}</p>
            {audio
                .map(|audio| {
                    let label = move || match audio.bytes {
                        Some(bytes) => {
                            let size = i64::try_from(bytes.div_ceil(1000)).unwrap_or(i64::MAX);
                            tr_n(lang.get(), "offline-with-audio", &[("size", size)])
                        }
                        None => tr(lang.get(), "offline-with-audio-plain"),
                    };
                    view! {
                        <label class="option" data-audio>
                            <input type="checkbox" name="audio" />
                            <span>{label}</span>
                        </label>
                    }
                })}
            <p>
                <button type="button" class="button primary" data-save>
                    {t("offline-save")}
                </button>
            </p>
            <p class="meta" data-saving hidden>
                {t("offline-saving")}
            </p>
            <p class="form-error" data-save-failed hidden>
                {t("offline-save-failed")}
            </p>
            <p data-saved-status hidden>
                {t("offline-saved")}
                " "
                <strong data-saved-size></strong>
                ", "
                <span data-saved-date></span>
                <span data-saved-audio hidden>
                    ", "
                    {t("offline-saved-audio")}
                </span>
            </p>
            <p>
                <button type="button" class="button" data-remove hidden>
                    {t("offline-remove")}
                </button>
            </p>
        </section>
    }
}

/// The quiz or the pre-test: what it is, whether it can be taken now, and the attempts made.
#[component]
fn QuizEntryView(entry: QuizEntry) -> impl IntoView {
    let lang = use_lang();
    let QuizEntry {
        kind,
        href,
        title,
        pass_mark,
        state,
        opens_at,
        attempts_left,
        attempts,
    } = entry;
    let is_quiz = kind == TestKind::Quiz;
    let pass_mark = i64::from(pass_mark);
    let heading = if is_quiz {
        "quiz-heading"
    } else {
        "pretest-heading"
    };
    let intro = if is_quiz {
        "quiz-intro"
    } else {
        "pretest-intro"
    };
    let state_key = format!("quiz-state-{}", state.code());
    let open = state == EntryState::Open;
    let signed_out = state == EntryState::SignIn;
    view! {
        <section class="quiz-entry" data-kind=kind.code() data-state=state.code()>
            <h2>{move || tr(lang.get(), heading)}</h2>
            <p>
                <strong>{title}</strong>
            </p>
            <p>{move || tr_n(lang.get(), intro, &[("mark", pass_mark)])}</p>
            {attempts_left
                .map(|left| {
                    view! {
                        <p class="meta">
                            {move || tr_n(
                                lang.get(),
                                "quiz-attempts-left",
                                &[("count", i64::from(left))],
                            )}
                        </p>
                    }
                })}
            {(!attempts.is_empty())
                .then(|| {
                    view! {
                        <ul class="attempts">
                            {attempts
                                .into_iter()
                                .map(|a| {
                                    let (number, score) = (i64::from(a.number), i64::from(a.score));
                                    let verdict = if !is_quiz {
                                        "attempt-done"
                                    } else if a.passed {
                                        "attempt-passed"
                                    } else {
                                        "attempt-failed"
                                    };
                                    view! {
                                        <li>
                                            <a href=a
                                                .href>
                                                {move || tr_n(
                                                    lang.get(),
                                                    "attempt-line",
                                                    &[("number", number), ("score", score)],
                                                )}
                                            </a>
                                            " · "
                                            {move || tr(lang.get(), verdict)}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            {if open {
                view! {
                    <a class="button primary" href=href>
                        {move || tr(
                            lang.get(),
                            if is_quiz { "quiz-start" } else { "pretest-start" },
                        )}
                    </a>
                }
                    .into_any()
            } else if signed_out {
                view! {
                    <p>
                        <a href="/sign-in">{t("quiz-state-sign-in")}</a>
                    </p>
                }
                    .into_any()
            } else {
                let opens = opens_at.clone().unwrap_or_default();
                view! {
                    <p class="quiz-state">
                        {move || crate::i18n::tr_args(
                            lang.get(),
                            &state_key,
                            &[("time", opens.clone())],
                        )}
                    </p>
                }
                    .into_any()
            }}
        </section>
    }
}

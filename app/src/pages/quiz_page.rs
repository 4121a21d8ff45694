use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use crate::components::form_error::FormError;
use crate::components::island_scripts::IslandScripts;
use crate::components::listen::{Listen, Listening};
use crate::components::loaded::loaded;
use crate::i18n::{t, tr, tr_args, tr_n, use_lang};
use crate::islands::quiz_stepper::{QuizStepper, StepperWords};
use crate::model::{FormQuestion, QuizForm, TestKind};
use crate::serverfns::learning::{SubmitQuiz, get_quiz};

/// `/modules/:module/test/:kind`: the next attempt of the quiz or pre-test, as one plain form.
/// With JavaScript, a phone shows one question at a time (the page's one island); the answers
/// stay in the form until the server has recorded them.
#[component]
pub fn QuizPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let form = Resource::new(
        move || {
            let params = params.read();
            (
                lang.get(),
                params.get("module").unwrap_or_default(),
                params.get("kind").unwrap_or_default(),
            )
        },
        |(lang, module, kind)| get_quiz(lang, module, kind),
    );
    loaded(form, |form| view! { <QuizView form /> })
}

#[component]
fn QuizView(form: QuizForm) -> impl IntoView {
    let lang = use_lang();
    let QuizForm {
        module,
        module_slug,
        kind,
        title,
        pass_mark,
        number,
        entry,
        questions,
    } = form;
    let pass_mark = i64::from(pass_mark);
    let is_quiz = kind == TestKind::Quiz;
    view! {
        <PageTitle text=title.clone() />
        <nav class="breadcrumb" aria-label=t("breadcrumb")>
            <a href="/">{t("breadcrumb-home")}</a>
            " › "
            <a href=module.href.clone()>{module.title.clone()}</a>
        </nav>
        <h1>{title}</h1>
        <p class="intro">
            {move || tr_n(
                lang.get(),
                if is_quiz { "quiz-intro" } else { "pretest-intro" },
                &[("mark", pass_mark)],
            )}
        </p>
        {match number {
            Some(number) => {
                view! {
                    <QuizFormView
                        module=module_slug
                        kind
                        number
                        questions
                        attempts_left=entry.attempts_left
                    />
                }
                    .into_any()
            }
            None => {
                let key = format!("quiz-state-{}", entry.state.code());
                let opens = entry.opens_at.clone().unwrap_or_default();
                view! {
                    <p class="quiz-state" data-state=entry.state.code()>
                        {move || tr_args(lang.get(), &key, &[("time", opens.clone())])}
                    </p>
                    <p>
                        <a class="button" href=module.href>
                            {t("quiz-back-to-module")}
                        </a>
                    </p>
                }
                    .into_any()
            }
        }}
    }
}

/// The form itself: server-rendered questions inside the [`QuizStepper`] island, which
/// posts them as a plain form with or without JavaScript.
#[component]
fn QuizFormView(
    module: String,
    kind: TestKind,
    number: u32,
    questions: Vec<FormQuestion>,
    attempts_left: Option<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let total = questions.len();
    let number_i = i64::from(number);
    let multiple: Vec<bool> = questions.iter().map(|q| q.multiple).collect();
    let now = lang.get_untracked();
    let words = StepperWords {
        previous: tr(now, "quiz-previous"),
        next: tr(now, "quiz-next"),
        submit: tr(now, "quiz-submit"),
        sending: tr(now, "quiz-sending"),
    };
    let post_to = <SubmitQuiz as ServerFn>::url().to_string();
    view! {
        <p class="meta">
            {move || tr_n(lang.get(), "quiz-attempt-number", &[("number", number_i)])}
            {attempts_left
                .map(|left| {
                    view! {
                        " · "
                        {move || tr_n(
                            lang.get(),
                            "quiz-attempts-left",
                            &[("count", i64::from(left))],
                        )}
                    }
                })}
        </p>
        <FormError />
        <QuizStepper action=post_to multiple words>
            <input type="hidden" name="module" value=module />
            <input type="hidden" name="kind" value=kind.code() />
            <input type="hidden" name="attempt" value=number.to_string() />
            {questions
                .into_iter()
                .enumerate()
                .map(|(i, question)| {
                    let position = (
                        i64::try_from(i).unwrap_or(0) + 1,
                        i64::try_from(total).unwrap_or(0),
                    );
                    view! {
                        <div class="step" data-step=i.to_string()>
                            {question
                                .scenario
                                .map(|html| view! { <div class="scenario" inner_html=html></div> })}
                            {question
                                .scenario_audio
                                .map(|clip| view! { <Listen clip what=Listening::Scenario /> })}
                            <fieldset class="question" data-question=i.to_string()>
                                <legend>
                                    {move || tr_n(
                                        lang.get(),
                                        "quiz-question-position",
                                        &[("number", position.0), ("total", position.1)],
                                    )}
                                </legend>
                                <div class="stem" inner_html=question.stem></div>
                                {question
                                    .audio
                                    .map(|clip| view! { <Listen clip what=Listening::Question /> })}
                                {question
                                    .multiple
                                    .then(|| view! { <p class="hint">{t("quiz-tick-all")}</p> })}
                                {question
                                    .options
                                    .into_iter()
                                    .enumerate()
                                    .map(|(p, html)| {
                                        let (kind, name) = if question.multiple {
                                            ("checkbox", format!("answers[q{i}o{p}]"))
                                        } else {
                                            ("radio", format!("answers[q{i}]"))
                                        };
                                        view! {
                                            <label class="option">
                                                <input
                                                    type=kind
                                                    name=name
                                                    value=format!("{i}-{p}")
                                                    required=!question.multiple
                                                />
                                                <span class="option-letter">
                                                    {catalog::quiz::option_letter(p)}
                                                </span>
                                                <span inner_html=html></span>
                                            </label>
                                        }
                                    })
                                    .collect_view()}
                            </fieldset>
                        </div>
                    }
                })
                .collect_view()}
        </QuizStepper>
        <IslandScripts />
    }
}

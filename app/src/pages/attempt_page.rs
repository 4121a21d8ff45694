use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::loaded::loaded;
use crate::i18n::{t, tr, tr_n, use_lang};
use crate::model::{AttemptView, ResultQuestion, TestKind};
use crate::serverfns::learning::get_attempt;

/// `/modules/:module/test/:kind/:number`: the result of an attempt. The score and, for each
/// question, the answer given; the right answer, the explanation and its source when the
/// module's rule allows.
#[component]
pub fn AttemptPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let attempt = Resource::new(
        move || {
            let params = params.read();
            (
                lang.get(),
                params.get("module").unwrap_or_default(),
                params.get("kind").unwrap_or_default(),
                params
                    .get("number")
                    .and_then(|n| n.parse::<u32>().ok())
                    .unwrap_or(0),
            )
        },
        |(lang, module, kind, number)| get_attempt(lang, module, kind, number),
    );
    loaded(attempt, |attempt| view! { <AttemptResult attempt /> })
}

#[component]
fn AttemptResult(attempt: AttemptView) -> impl IntoView {
    let lang = use_lang();
    let AttemptView {
        module,
        kind,
        title,
        number,
        score,
        pass_mark,
        passed,
        right,
        questions_total,
        revealed,
        questions,
        quiz_href,
    } = attempt;
    let is_quiz = kind == TestKind::Quiz;
    let (score, pass_mark) = (i64::from(score), i64::from(pass_mark));
    let (right, total, number) = (
        i64::from(right),
        i64::from(questions_total),
        i64::from(number),
    );
    let verdict = if !is_quiz {
        "result-pretest"
    } else if passed {
        "result-passed"
    } else {
        "result-failed"
    };
    view! {
        <PageTitle text=title.clone() />
        <nav class="breadcrumb" aria-label=t("breadcrumb")>
            <a href="/">{t("breadcrumb-home")}</a>
            " › "
            <a href=module.href.clone()>{module.title.clone()}</a>
        </nav>
        <h1>{title}</h1>
        <section
            class="result"
            class:passed=passed
            class:failed=is_quiz && !passed
            data-passed=passed.to_string()
        >
            <p class="meta">
                {move || tr_n(lang.get(), "quiz-attempt-number", &[("number", number)])}
            </p>
            <p class="score">{move || tr_n(lang.get(), "result-score", &[("score", score)])}</p>
            <p>{move || tr_n(lang.get(), "result-right", &[("right", right), ("total", total)])}</p>
            <p class="verdict">
                <strong>{move || tr_n(lang.get(), verdict, &[("mark", pass_mark)])}</strong>
            </p>
        </section>
        {(!revealed).then(|| view! { <p class="hint">{t("result-answers-later")}</p> })}
        <ol class="results">
            {questions.into_iter().map(|question| view! { <ResultItem question /> }).collect_view()}
        </ol>
        <p class="actions">
            {(is_quiz && !passed)
                .then(|| {
                    view! {
                        <a class="button primary" href=quiz_href>
                            {t("result-try-again")}
                        </a>
                    }
                })} <a class="button" href=module.href>
                {t("quiz-back-to-module")}
            </a>
        </p>
    }
}

#[component]
fn ResultItem(question: ResultQuestion) -> impl IntoView {
    let lang = use_lang();
    let ResultQuestion {
        scenario,
        stem,
        right,
        options,
        explanation,
        source,
        objective,
    } = question;
    view! {
        <li
            class="result-question"
            class:right=right
            class:wrong=!right
            data-right=right.to_string()
        >
            {scenario.map(|html| view! { <div class="scenario" inner_html=html></div> })}
            <div class="stem" inner_html=stem></div>
            <p class="mark">
                <strong>
                    {move || tr(
                        lang.get(),
                        if right { "result-question-right" } else { "result-question-wrong" },
                    )}
                </strong>
            </p>
            <ul class="result-options">
                {options
                    .into_iter()
                    .map(|option| {
                        let class = match (option.chosen, option.right) {
                            (_, Some(true)) => "option-right",
                            (true, Some(false)) => "option-wrong",
                            _ => "",
                        };
                        view! {
                            <li class=class data-chosen=option.chosen.to_string()>
                                <span inner_html=option.html></span>
                                {option
                                    .chosen
                                    .then(|| {
                                        view! {
                                            " "
                                            <em>{t("result-your-answer")}</em>
                                        }
                                    })}
                                {option
                                    .right
                                    .filter(|r| *r)
                                    .map(|_| {
                                        view! {
                                            " "
                                            <strong>{t("result-right-answer")}</strong>
                                        }
                                    })}
                                {option
                                    .feedback
                                    .map(|html| {
                                        view! { <div class="feedback" inner_html=html></div> }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {explanation
                .map(|html| {
                    view! {
                        <div class="explanation">
                            <div inner_html=html></div>
                            {source
                                .map(|s| {
                                    view! { <p class="source">{t("result-source")} " " {s}</p> }
                                })}
                        </div>
                    }
                })}
            {(!right && !objective.is_empty())
                .then(|| {
                    view! { <p class="hint">{t("result-objective")} " " {objective.clone()}</p> }
                })}
        </li>
    }
}

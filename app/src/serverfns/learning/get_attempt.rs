use leptos::prelude::*;

use crate::i18n::Lang;

use crate::errors::AppError;
use crate::model::AttemptView;

/// One of the signed-in learner's attempts: score, passed or not, and for each question the
/// answer given; the right answer, explanation and source when the module's rule allows.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_attempt(
    lang: Lang,
    module: String,
    kind: String,
    number: u32,
) -> Result<AttemptView, AppError> {
    use super::ssr::kind as parse_kind;
    use crate::auth::ssr::caller;
    use crate::context::catalog;
    use crate::context::db;
    use crate::model::{ResultOption, ResultQuestion};
    use crate::routes::quiz_href;
    use crate::serverfns::courses::ssr::module_link;
    use learning::Reveal;

    let (account, _) = caller().await?.account()?;
    let catalog = catalog()?;
    let kind = parse_kind(&kind)?;
    let found = catalog.module(&module).ok_or(AppError::NotFound)?;
    let quiz = found.quiz_of(kind).ok_or(AppError::NotFound)?;
    let record = learning::attempts::record(&db()?, found, kind, account, number)
        .await?
        .ok_or(AppError::NotFound)?;
    let revealed = record.reveal == Reveal::Answers;
    let mut previous_scenario = None;
    let mut questions = Vec::new();
    for answer in &record.answers {
        // A question removed from the content since the attempt is left out of the detail;
        // the score stays as recorded.
        let Some(question) = quiz.questions.iter().find(|q| q.id == answer.question) else {
            continue;
        };
        let text = question.texts.get(lang.code());
        let scenario = match question.scenario {
            Some(s) if previous_scenario != Some(s) => {
                Some(quiz.scenarios[s].html.get(lang.code()).clone())
            }
            _ => None,
        };
        previous_scenario = question.scenario;
        let options = text
            .options
            .iter()
            .enumerate()
            .map(|(i, option)| {
                let chosen = answer.chosen.contains(&i);
                ResultOption {
                    html: option.html.clone(),
                    chosen,
                    right: revealed.then(|| question.correct.get(i).copied().unwrap_or(false)),
                    feedback: if revealed && chosen {
                        option.feedback.clone()
                    } else {
                        None
                    },
                }
            })
            .collect();
        questions.push(ResultQuestion {
            scenario,
            stem: text.stem.clone(),
            right: answer.right,
            options,
            explanation: revealed.then(|| text.explanation.clone()),
            source: revealed.then(|| text.source.clone()),
            objective: found
                .objective(&question.objective)
                .map(|o| o.text(lang.code()).to_string())
                .unwrap_or_default(),
        });
    }
    let attempt = &record.attempt;
    Ok(AttemptView {
        module: module_link(found, lang),
        kind: super::ssr::test_kind(kind),
        title: quiz.titles.get(lang.code()).clone(),
        number,
        score: learning::percent(attempt.score),
        pass_mark: found.settings.pass_mark,
        passed: attempt.passed,
        right: u32::try_from(attempt.right_answers).unwrap_or(0),
        questions_total: u32::try_from(attempt.questions).unwrap_or(0),
        revealed,
        questions,
        quiz_href: quiz_href(&found.slug, kind.code()),
    })
}

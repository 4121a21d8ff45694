use leptos::prelude::*;

use crate::i18n::Lang;

use crate::errors::AppError;
use crate::model::QuizForm;

/// The next attempt of a module's quiz or pre-test for the signed-in learner: its questions in
/// the order shown, and never which options are right. When no attempt may start now, the
/// form has no questions and `entry.state` says why.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_quiz(lang: Lang, module: String, kind: String) -> Result<QuizForm, AppError> {
    use super::ssr::{kind as parse_kind, quiz_entry};
    use crate::auth::ssr::caller;
    use crate::context::catalog;
    use crate::context::db;
    use crate::model::FormQuestion;
    use crate::serverfns::courses::ssr::module_link;
    use learning::Availability;
    use learning::attempts::Snapshot;

    let (account, _) = caller().await?.account()?;
    let catalog = catalog()?;
    let kind = parse_kind(&kind)?;
    let found = catalog.module(&module).ok_or(AppError::NotFound)?;
    let quiz = found.quiz_of(kind).ok_or(AppError::NotFound)?;
    let snapshot = Snapshot::load(&db()?, &found.slug, account).await?;
    let now = accounts::now();
    let entry = quiz_entry(found, kind, Some(&snapshot), lang, now).ok_or(AppError::NotFound)?;
    let number = match snapshot.availability(found, kind, now) {
        Availability::Open { number } => Some(number),
        _ => None,
    };
    let mut questions = Vec::new();
    if let Some(number) = number {
        let mut previous_scenario = None;
        let listening = crate::context::listening();
        for drawn in learning::attempts::draw(found, kind, account, number)? {
            let question = &quiz.questions[drawn.question];
            let text = question.texts.get(lang.code());
            let scenario = match question.scenario {
                Some(s) if previous_scenario != Some(s) => {
                    Some(quiz.scenarios[s].html.get(lang.code()).clone())
                }
                _ => None,
            };
            previous_scenario = question.scenario;
            let scenario_audio = match (&scenario, question.scenario, &listening) {
                (Some(_), Some(s), Some(listening)) => {
                    listening.scenario(&found.slug, kind, s, lang.code())
                }
                _ => None,
            };
            let audio = listening.as_ref().and_then(|l| {
                l.question(
                    &found.slug,
                    kind,
                    drawn.question,
                    &drawn.options,
                    lang.code(),
                )
            });
            questions.push(FormQuestion {
                scenario,
                scenario_audio,
                audio,
                stem: text.stem.clone(),
                multiple: !question.kind.is_single_answer(),
                options: drawn
                    .options
                    .iter()
                    .map(|&o| text.options[o].html.clone())
                    .collect(),
            });
        }
    }
    Ok(QuizForm {
        module: module_link(found, lang),
        module_slug: found.slug.clone(),
        kind: super::ssr::test_kind(kind),
        title: entry.title.clone(),
        pass_mark: found.settings.pass_mark,
        number,
        entry,
        questions,
    })
}

use leptos::prelude::*;

use crate::i18n::Lang;

use crate::errors::AppError;
use crate::model::ModuleOutline;

/// One module, its lessons, its quiz and pre-test; with the learner's progress when signed in.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_module(lang: Lang, module: String) -> Result<ModuleOutline, AppError> {
    use super::ssr::{glossary_link, job_aid_link, lesson_links, module_card};
    use crate::context::catalog;
    use crate::context::db;
    use crate::model::ModuleAudio;
    use crate::serverfns::learning::ssr::{learner, progress_view, quiz_entry};
    use catalog::QuizKind;
    use learning::attempts::Snapshot;

    let catalog = catalog()?;
    let module = catalog.module(&module).ok_or(AppError::NotFound)?;
    // What the learner has done in the module, read once for the progress and both tests.
    let account = learner().await;
    let snapshot = match account {
        Some(account) => Some(Snapshot::load(&db()?, &module.slug, account).await?),
        None => None,
    };
    let progress = snapshot
        .as_ref()
        .map(|s| learning::ModuleProgress::of_snapshot(module, s));
    let now = accounts::now();
    let read = progress
        .as_ref()
        .map(|p| {
            module
                .lessons
                .iter()
                .map(|l| p.lessons_read.contains(&l.slug))
                .collect()
        })
        .unwrap_or_default();
    Ok(ModuleOutline {
        card: module_card(
            module,
            lang,
            progress.as_ref().map(|p| progress_view(module, p)),
        ),
        lessons: lesson_links(module, lang),
        read,
        quiz: quiz_entry(module, QuizKind::Quiz, snapshot.as_ref(), lang, now),
        pretest: quiz_entry(module, QuizKind::Pretest, snapshot.as_ref(), lang, now),
        job_aid: job_aid_link(module, lang),
        glossary: glossary_link(module, lang),
        certificate: match (account, &progress) {
            (Some(account), Some(p)) if p.state == learning::ModuleState::Completed => {
                certificates::lookup::of_account(&db()?, account)
                    .await?
                    .into_iter()
                    .find(|c| {
                        c.kind == certificates::Kind::Module
                            && c.module == module.slug
                            && c.revoked_at.is_none()
                    })
                    .map(|c| crate::routes::certificate_pdf_href(&c.number, lang.code()))
            }
            _ => None,
        },
        audio: crate::context::listening().map(|listening| ModuleAudio {
            bytes: module
                .lessons
                .iter()
                .filter_map(|l| listening.lesson(&module.slug, &l.slug, lang.code()))
                .map(|audio| {
                    audio
                        .clips()
                        .map(|clip| clip.size.map(|s| s.bytes))
                        .sum::<Option<u64>>()
                })
                .sum(),
        }),
    })
}

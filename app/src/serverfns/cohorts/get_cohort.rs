use leptos::prelude::*;

use crate::i18n::Lang;

use crate::errors::AppError;
use crate::model::CohortDetail;

/// A cohort, its learners and their certificates, for its trainers and administrators only.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_cohort(
    cohort_id: i64,
    #[server(default)] lang: Lang,
) -> Result<CohortDetail, AppError> {
    use crate::auth::ssr::caller;
    use crate::context::db;
    use crate::model::{ClassLine, CohortCertificate, MemberRow, ModuleChoice, ReportKind};
    use crate::routes::{module_report_href, verify_href};
    use crate::serverfns::cohorts::ssr::card;
    let db = db()?;
    caller().await?.require_trainer_of(&db, cohort_id).await?;
    let summary = accounts::cohorts::get(&db, cohort_id).await?;
    let members = accounts::cohorts::members(&db, cohort_id).await?;
    let certificates = certificates::lookup::of_cohort(&db, cohort_id)
        .await?
        .into_iter()
        .map(|c| CohortCertificate {
            verify_href: verify_href(&c.number),
            title: c.title(lang.code()),
            revoked: c.revoked_at.is_some(),
            name: c.name,
            number: c.number,
        })
        .collect();
    let catalog = crate::context::catalog()?;
    let mut reports = Vec::new();
    for module in catalog.modules() {
        let title = module.text(lang.code()).title.clone();
        if module.quiz.is_some() {
            reports.push(crate::model::LessonLink {
                href: module_report_href(cohort_id, ReportKind::Questions, &module.slug),
                title: crate::i18n::tr_args(
                    lang,
                    "report-questions-link",
                    &[("module", title.clone())],
                ),
            });
        }
        if module.quiz.is_some() && module.pretest.is_some() {
            reports.push(crate::model::LessonLink {
                href: module_report_href(cohort_id, ReportKind::Gain, &module.slug),
                title: crate::i18n::tr_args(lang, "report-gain-link", &[("module", title)]),
            });
        }
    }
    let details = accounts::cohorts::details(&db, cohort_id).await?;
    let modules = catalog
        .modules()
        .iter()
        .map(|m| {
            let title = m.text(lang.code()).title.clone();
            ModuleChoice {
                slug: m.slug.clone(),
                title,
                followed: details.modules.contains(&m.slug),
            }
        })
        .collect();
    let classes = accounts::attendance::classes(&db, cohort_id)
        .await?
        .into_iter()
        .map(|c| ClassLine {
            present: c.present.len(),
            held_on: c.held_on,
            topic: c.topic,
        })
        .collect();
    Ok(CohortDetail {
        classes,
        place: details.place.unwrap_or_default(),
        starts_on: details.starts_on.unwrap_or_default(),
        ends_on: details.ends_on.unwrap_or_default(),
        modules,
        archived: details.archived,
        trainers: details.trainers,
        reports,
        certificates,
        card: card(summary),
        members: members
            .into_iter()
            .map(|m| MemberRow {
                account_id: m.account_id,
                username: m.username,
                display_name: m.display_name,
                code_pending: m.code_pending,
            })
            .collect(),
    })
}

//! The attendance sheet: each learner × each in-person session, in date order, with the
//! sessions each attended and how many came to each session. One cohort only.

use super::ssr::Context;
use super::table::{cell, figure, frame, good_or_bad};
use crate::errors::AppError;
use crate::i18n::{tr, tr_args};
use crate::model::{Bar, Chart, Report, ReportTable};

pub async fn report(context: &Context<'_>) -> Result<Report, AppError> {
    let (db, lang) = (context.db, context.lang);
    let cohort = context.one_cohort()?;
    let mut sessions = accounts::attendance::classes(db, cohort).await?;
    sessions.reverse();
    let learners = insights::learners(db, &context.cohorts).await?;
    let label = |s: &accounts::attendance::Class| format!("{} · {}", s.held_on, s.topic);
    let mut header = vec![tr(lang, "report-learner")];
    header.extend(sessions.iter().map(label));
    header.push(tr(lang, "report-attended"));
    let rows = learners
        .iter()
        .map(|l| {
            let mut cells = vec![cell(l.name.clone())];
            let mut attended = 0;
            for session in &sessions {
                let here = session.present.contains(&l.account_id);
                attended += usize::from(here);
                let word = if here {
                    "report-present"
                } else {
                    "report-absent"
                };
                cells.push(good_or_bad(here, tr(lang, word)));
            }
            cells.push(cell(format!("{attended} / {}", sessions.len())));
            cells
        })
        .collect();
    // Only the cohort's current learners count: someone moved out is not "present".
    let present_now = |s: &accounts::attendance::Class| {
        learners
            .iter()
            .filter(|l| s.present.contains(&l.account_id))
            .count()
    };
    let mut footer = vec![tr(lang, "report-total")];
    footer.extend(sessions.iter().map(|s| {
        tr_args(
            lang,
            "report-present-count",
            &[("count", present_now(s).to_string())],
        )
    }));
    footer.push(String::new());
    let count = learners.len().max(1) as f64;
    let chart = Chart {
        heading: tr(lang, "report-chart-attendance"),
        bars: sessions
            .iter()
            .map(|s| Bar {
                label: label(s),
                value: 100.0 * present_now(s) as f64 / count,
                compare: None,
            })
            .collect(),
        legend: None,
    };
    let title = tr_args(
        lang,
        "report-attendance-title",
        &[("cohort", context.name.clone())],
    );
    Ok(Report {
        summary: vec![
            figure(tr(lang, "report-sessions"), sessions.len()),
            figure(tr(lang, "report-learners"), learners.len()),
        ],
        charts: if sessions.is_empty() {
            Vec::new()
        } else {
            vec![chart]
        },
        tables: vec![ReportTable {
            heading: tr(lang, "report-attendance-table"),
            header,
            rows,
            footer,
        }],
        ..frame(context, title)
    })
}

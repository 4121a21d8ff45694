//! The pre-test/post-test comparison of a module: mean scores before and after, per
//! objective, per group (hidden when too small to stay anonymous), and per learner.

use super::ssr::{Context, Scope};
use super::table::{
    cell, decimal, figure, frame, header, module_links, objective_text, percent, title_of,
};
use crate::errors::AppError;
use crate::i18n::{tr, tr_args};
use crate::model::{Bar, Chart, Report, ReportTable};

pub async fn report(context: &Context<'_>) -> Result<Report, AppError> {
    let lang = context.lang;
    let module = context.module()?;
    // All cohorts at once: figures only, no list of thousands of names.
    let learners = match context.scope {
        Scope::All => Vec::new(),
        Scope::Cohort(_) => insights::learners(context.db, &context.cohorts).await?,
    };
    let g = insights::gain::gain(context.db, module, context.who(), learners).await?;
    let score = |v: Option<f64>| v.map(|v| decimal(v, lang)).unwrap_or_else(|| "—".into());
    let share = |v: Option<f64>| {
        v.map(|v| percent(100.0 * v, lang))
            .unwrap_or_else(|| "—".into())
    };
    let summary = vec![
        figure(tr(lang, "report-both-tests"), g.both),
        figure(tr(lang, "report-mean-before"), score(g.before)),
        figure(tr(lang, "report-mean-after"), score(g.after)),
        figure(tr(lang, "report-gain"), score(g.gain())),
    ];
    let objective_rows = g
        .objectives
        .iter()
        .map(|o| {
            vec![
                cell(objective_text(module, &o.id, lang)),
                cell(share(o.before)),
                cell(share(o.after)),
            ]
        })
        .collect();
    let group_rows = g
        .groups
        .iter()
        .map(|grp| {
            let hidden = grp.before.is_none();
            vec![
                cell(tr(lang, &format!("affiliation-{}", grp.affiliation.code()))),
                cell(grp.learners.to_string()),
                cell(if hidden {
                    tr(lang, "report-group-hidden")
                } else {
                    score(grp.before)
                }),
                cell(if hidden {
                    String::new()
                } else {
                    score(grp.after)
                }),
            ]
        })
        .collect();
    let learner_rows = g
        .learners
        .iter()
        .map(|l| {
            let n = |v: Option<u8>| {
                v.map(|v| percent(f64::from(v), lang))
                    .unwrap_or_else(|| "—".into())
            };
            vec![
                cell(l.learner.name.clone()),
                cell(n(l.before)),
                cell(n(l.after)),
                cell(
                    l.gain()
                        .map(|d| format!("{d:+}"))
                        .unwrap_or_else(|| "—".into()),
                ),
            ]
        })
        .collect();
    let bars = g
        .objectives
        .iter()
        .map(|o| Bar {
            label: objective_text(module, &o.id, lang),
            value: 100.0 * o.before.unwrap_or(0.0),
            compare: Some(100.0 * o.after.unwrap_or(0.0)),
        })
        .collect();
    let before_after = (tr(lang, "report-before"), tr(lang, "report-after"));
    let title = tr_args(
        lang,
        "report-gain-title",
        &[
            ("cohort", context.name.clone()),
            ("module", title_of(module, lang)),
        ],
    );
    Ok(Report {
        modules: module_links(context.catalog, context.query, lang, |m| {
            m.quiz.is_some() && m.pretest.is_some()
        }),
        summary,
        charts: vec![
            Chart {
                heading: tr(lang, "report-chart-gain"),
                bars,
                legend: Some(before_after.clone()),
            },
            Chart {
                heading: tr(lang, "report-chart-groups"),
                // Only the groups large enough to show.
                bars: g
                    .groups
                    .iter()
                    .filter_map(|grp| {
                        Some(Bar {
                            label: tr(lang, &format!("affiliation-{}", grp.affiliation.code())),
                            value: grp.before?,
                            compare: grp.after,
                        })
                    })
                    .collect(),
                legend: Some(before_after.clone()),
            },
        ],
        tables: vec![
            ReportTable {
                heading: tr(lang, "report-objectives-table"),
                header: vec![
                    tr(lang, "report-objective"),
                    before_after.0.clone(),
                    before_after.1.clone(),
                ],
                rows: objective_rows,
                footer: Vec::new(),
            },
            ReportTable {
                heading: tr(lang, "report-groups-table"),
                header: header(
                    lang,
                    [
                        "report-affiliation",
                        "report-learners",
                        "report-before",
                        "report-after",
                    ],
                ),
                rows: group_rows,
                footer: Vec::new(),
            },
            ReportTable {
                heading: tr(lang, "report-learners-table"),
                header: header(
                    lang,
                    [
                        "report-learner",
                        "report-before",
                        "report-after",
                        "report-gain",
                    ],
                ),
                rows: learner_rows,
                footer: Vec::new(),
            },
        ],
        ..frame(context, title)
    })
}

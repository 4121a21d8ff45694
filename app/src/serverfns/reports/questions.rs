//! The question analysis of a module's quiz: for each question and each objective, how many
//! answered and the share right, and the wrong option chosen most (first answers only).

use super::ssr::Context;
use super::table::{
    cell, figure, frame, header, level, module_links, objective_text, percent, title_of,
};
use crate::errors::AppError;
use crate::i18n::{tr, tr_args};
use crate::model::{Bar, Chart, Report, ReportCell, ReportTable};

pub async fn report(context: &Context<'_>) -> Result<Report, AppError> {
    let lang = context.lang;
    let module = context.module()?;
    let quiz = module.quiz.as_ref().ok_or(AppError::NotFound)?;
    let analysis = insights::questions::questions(context.db, module, context.who()).await?;
    let share = |s: Option<f64>| s.map(|s| percent(100.0 * s, lang)).unwrap_or_default();
    let rows = analysis
        .questions
        .iter()
        .zip(&quiz.questions)
        .map(|(figures, question)| {
            let text = question.texts.get(lang.code());
            let stem = text.stem_text.clone();
            let top_wrong = figures
                .top_wrong
                .and_then(|(option, n)| {
                    let label = text.options.get(option)?.text.clone();
                    Some(tr_args(
                        lang,
                        "report-top-wrong-cell",
                        &[("option", label), ("count", n.to_string())],
                    ))
                })
                .unwrap_or_default();
            vec![
                cell(stem),
                cell(objective_text(module, &figures.objective, lang)),
                cell(figures.answered.to_string()),
                ReportCell {
                    state: figures.share_right.map(|s| level(s).into()),
                    ..cell(share(figures.share_right))
                },
                cell(top_wrong),
            ]
        })
        .collect();
    let objective_rows = analysis
        .objectives
        .iter()
        .map(|o| {
            vec![
                cell(objective_text(module, &o.id, lang)),
                cell(o.answered.to_string()),
                cell(share(o.share_right)),
            ]
        })
        .collect();
    let question_bars = analysis
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            Some(Bar {
                label: tr_args(lang, "report-question-n", &[("n", (i + 1).to_string())]),
                value: 100.0 * q.share_right?,
                compare: None,
            })
        })
        .collect();
    let objective_bars = analysis
        .objectives
        .iter()
        .filter_map(|o| {
            Some(Bar {
                label: objective_text(module, &o.id, lang),
                value: 100.0 * o.share_right?,
                compare: None,
            })
        })
        .collect();
    let title = tr_args(
        lang,
        "report-questions-title",
        &[
            ("cohort", context.name.clone()),
            ("module", title_of(module, lang)),
        ],
    );
    Ok(Report {
        modules: module_links(context.catalog, context.query, lang, |m| m.quiz.is_some()),
        summary: vec![figure(
            tr(lang, "report-first-answers"),
            tr(lang, "report-first-answers-why"),
        )],
        charts: vec![
            Chart {
                heading: tr(lang, "report-chart-questions"),
                bars: question_bars,
                legend: None,
            },
            Chart {
                heading: tr(lang, "report-chart-objectives"),
                bars: objective_bars,
                legend: None,
            },
        ],
        tables: vec![
            ReportTable {
                heading: tr(lang, "report-questions-table"),
                header: header(
                    lang,
                    [
                        "report-question",
                        "report-objective",
                        "report-answered",
                        "report-right",
                        "report-top-wrong",
                    ],
                ),
                rows,
                footer: Vec::new(),
            },
            ReportTable {
                heading: tr(lang, "report-objectives-table"),
                header: header(lang, ["report-objective", "report-answers", "report-right"]),
                rows: objective_rows,
                footer: Vec::new(),
            },
        ],
        ..frame(context, title)
    })
}

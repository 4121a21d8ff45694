//! The progress matrix: each learner × each module the cohort follows, filtered and sorted as
//! the trainer asks; for all cohorts, one line per cohort instead of every learner.

use std::collections::HashMap;

use catalog::Module;
use insights::matrix::{Cell, CohortTotals, Matrix, State};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::ssr::{Context, Scope};
use super::table::{cell, figure, frame, passed_chart, percent, title_of, total_cell};
use crate::errors::AppError;
use crate::i18n::{tr, tr_args};
use crate::model::{
    ModuleChoice, Report, ReportCell, ReportFilter, ReportKind, ReportQuery, ReportTable,
    StateFilter,
};
use crate::routes::{cohort_report_href, learner_report_href};

pub async fn report(context: &Context<'_>) -> Result<Report, AppError> {
    let Scope::Cohort(cohort) = context.scope else {
        return of_cohorts(context).await;
    };
    let (db, catalog, query, lang) = (context.db, context.catalog, context.query, context.lang);
    let learners = insights::learners(db, &context.cohorts).await?;
    let mut matrix = insights::matrix::matrix(db, catalog, &context.cohorts, learners).await?;
    keep_learners(&mut matrix, query);
    if let Some(column) = matrix.modules.iter().position(|m| *m == query.sort) {
        matrix
            .rows
            .sort_by_key(|r| std::cmp::Reverse(r.cells[column].best_score));
    }
    // Only the modules the cohort follows, when its trainer chose some.
    let followed = accounts::cohorts::modules(db, cohort).await?;
    let keep: Vec<bool> = matrix
        .modules
        .iter()
        .map(|m| followed.is_empty() || followed.contains(m))
        .collect();
    fn kept<T>(items: Vec<T>, keep: &[bool]) -> Vec<T> {
        items
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .map(|(item, _)| item)
            .collect()
    }
    for row in &mut matrix.rows {
        row.cells = kept(std::mem::take(&mut row.cells), &keep);
    }
    matrix.totals = kept(std::mem::take(&mut matrix.totals), &keep);
    let modules: Vec<&Module> = kept(catalog.modules().iter().collect(), &keep);
    let mut header = vec![tr(lang, "report-learner"), tr(lang, "report-affiliation")];
    header.extend(modules.iter().map(|m| title_of(m, lang)));
    let rows: Vec<Vec<ReportCell>> = matrix
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                ReportCell {
                    text: row.learner.name.clone(),
                    state: None,
                    href: Some(learner_report_href(cohort, row.learner.account_id)),
                },
                cell(tr(
                    lang,
                    &format!("affiliation-{}", row.learner.affiliation.code()),
                )),
            ];
            cells.extend(row.cells.iter().map(|c| state_cell(c, lang)));
            cells
        })
        .collect();
    let mut footer = vec![
        tr_args(
            lang,
            "report-total-learners",
            &[("count", matrix.rows.len().to_string())],
        ),
        String::new(),
    ];
    footer.extend(matrix.totals.iter().map(|t| total_cell(t, lang)));
    let chart = passed_chart(
        modules.iter().copied(),
        &matrix.totals,
        matrix.rows.len(),
        lang,
    );
    Ok(Report {
        summary: vec![figure(tr(lang, "report-learners"), matrix.rows.len())],
        charts: vec![chart],
        tables: vec![ReportTable {
            heading: tr(lang, "report-progress-table"),
            header,
            rows,
            footer,
        }],
        filter: Some(ReportFilter {
            modules: modules
                .iter()
                .map(|m| ModuleChoice {
                    slug: m.slug.clone(),
                    title: title_of(m, lang),
                    followed: true,
                })
                .collect(),
            query: query.clone(),
        }),
        ..frame(context, title(context))
    })
}

fn title(context: &Context<'_>) -> String {
    tr_args(
        context.lang,
        "report-progress-title",
        &[("cohort", context.name.clone())],
    )
}

/// "Passed · 85 %": a learner's state in a module, with the best score once there is one.
fn state_cell(c: &Cell, lang: crate::i18n::Lang) -> ReportCell {
    let state = tr(lang, &format!("report-state-{}", c.state.code()));
    ReportCell {
        text: match c.best_score {
            Some(score) => format!("{state} · {}", percent(f64::from(score), lang)),
            None => state,
        },
        state: Some(c.state.code().into()),
        href: None,
    }
}

/// Only the learners in the state the trainer filtered on, in the module filtered on.
fn keep_learners(matrix: &mut Matrix, query: &ReportQuery) {
    let Some(column) = matrix
        .modules
        .iter()
        .position(|m| *m == query.filter_module)
    else {
        return;
    };
    let keep = |state: State| match query.state_filter() {
        Some(StateFilter::NotPassed) => state != State::Passed,
        Some(StateFilter::Passed) => state == State::Passed,
        Some(StateFilter::InProgress) => state == State::InProgress,
        Some(StateFilter::NotStarted) => state == State::NotStarted,
        None => true,
    };
    matrix.rows.retain(|r| keep(r.cells[column].state));
}

/// All cohorts: one row per cohort (learners, and per module passed of started), not ten
/// thousand learners on one page.
async fn of_cohorts(context: &Context<'_>) -> Result<Report, AppError> {
    use accounts::entity::cohort;
    let (db, catalog, lang) = (context.db, context.catalog, context.lang);
    let names: HashMap<i64, String> = cohort::Entity::find()
        .filter(cohort::Column::Id.is_in(context.cohorts.iter().copied()))
        .all(db)
        .await
        .map_err(AppError::internal)?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let overview = insights::matrix::overview(db, catalog, &context.cohorts).await?;
    let mut lines: Vec<(String, &CohortTotals)> = overview
        .cohorts
        .iter()
        .map(|c| (names.get(&c.cohort_id).cloned().unwrap_or_default(), c))
        .collect();
    lines.sort_by(|a, b| (&a.0, a.1.cohort_id).cmp(&(&b.0, b.1.cohort_id)));
    let modules = catalog.modules();
    let mut header = vec![tr(lang, "report-cohort"), tr(lang, "report-learners")];
    header.extend(modules.iter().map(|m| title_of(m, lang)));
    let rows = lines
        .into_iter()
        .map(|(cohort_name, line)| {
            let mut cells = vec![
                ReportCell {
                    text: cohort_name,
                    state: None,
                    href: Some(cohort_report_href(line.cohort_id, ReportKind::Progress)),
                },
                cell(line.learners.to_string()),
            ];
            cells.extend(line.totals.iter().map(|t| cell(total_cell(t, lang))));
            cells
        })
        .collect();
    let mut footer = vec![tr(lang, "report-total"), overview.learners.to_string()];
    footer.extend(overview.totals.iter().map(|t| total_cell(t, lang)));
    let chart = passed_chart(modules.iter(), &overview.totals, overview.learners, lang);
    Ok(Report {
        summary: vec![figure(tr(lang, "report-learners"), overview.learners)],
        charts: vec![chart],
        tables: vec![ReportTable {
            heading: tr(lang, "report-cohorts-table"),
            header,
            rows,
            footer,
        }],
        ..frame(context, title(context))
    })
}

//! What every report builds with: cells, numbers in the reader's language, links back and to
//! the CSV export, the charts of passes, and the report's frame. The CSV holds each cell's text,
//! so a figure written here is the same on screen and in the spreadsheet.

use catalog::{Catalog, Module};

use super::ssr::{Context, Scope};
use crate::i18n::{Lang, tr, tr_args};
use crate::model::{Bar, Chart, Figure, LessonLink, Report, ReportCell, ReportQuery};
use crate::routes::{cohort_href, report_csv_href, report_href};

/// A report with its title, the link back and the export address; no figures yet. Each
/// report fills in the rest with `Report { tables, ..frame(context, title) }`.
pub fn frame(context: &Context<'_>, title: String) -> Report {
    Report {
        title,
        back: back(context),
        modules: Vec::new(),
        summary: Vec::new(),
        charts: Vec::new(),
        tables: Vec::new(),
        csv_href: report_csv_href(context.query, context.lang.code()),
        filter: None,
    }
}

fn back(context: &Context<'_>) -> LessonLink {
    LessonLink {
        href: match context.scope {
            Scope::All => "/trainer".into(),
            Scope::Cohort(id) => cohort_href(id),
        },
        title: context.name.clone(),
    }
}

pub fn title_of(module: &Module, lang: Lang) -> String {
    module.text(lang.code()).title.clone()
}

pub fn objective_text(module: &Module, id: &str, lang: Lang) -> String {
    module
        .objective(id)
        .map_or(id, |o| o.text(lang.code()))
        .to_string()
}

/// Links to this report for each module that has what it needs.
pub fn module_links(
    catalog: &Catalog,
    query: &ReportQuery,
    lang: Lang,
    needs: impl Fn(&Module) -> bool,
) -> Vec<LessonLink> {
    catalog
        .modules()
        .iter()
        .filter(|m| needs(m))
        .map(|m| LessonLink {
            href: report_href(&ReportQuery {
                module: m.slug.clone(),
                ..query.clone()
            }),
            title: title_of(m, lang),
        })
        .collect()
}

/// "85 %" / "85%".
pub fn percent(value: f64, lang: Lang) -> String {
    tr_args(
        lang,
        "report-percent",
        &[("value", format!("{}", value.round() as i64))],
    )
}

/// "37,5" / "37.5".
pub fn decimal(value: f64, lang: Lang) -> String {
    // Each language says its decimal mark in its messages, so a new language needs no code.
    format!("{value:.1}").replace('.', &tr(lang, "report-decimal-mark"))
}

/// A key figure: "Learners: 24".
pub fn figure(label: String, value: impl ToString) -> Figure {
    Figure {
        label,
        value: value.to_string(),
    }
}

pub fn cell(text: impl Into<String>) -> ReportCell {
    ReportCell {
        text: text.into(),
        state: None,
        href: None,
    }
}

/// A cell coloured by whether something went well (`high`) or not (`low`).
pub fn good_or_bad(good: bool, text: String) -> ReportCell {
    ReportCell {
        state: Some(if good { "high" } else { "low" }.into()),
        ..cell(text)
    }
}

/// A share's colour band: what to teach again (under 50 %), to watch, or known.
pub fn level(share: f64) -> &'static str {
    if share < 0.5 {
        "low"
    } else if share < 0.75 {
        "mid"
    } else {
        "high"
    }
}

/// "3 passed of 5 started", for a module's total.
pub fn total_cell(total: &insights::matrix::Total, lang: Lang) -> String {
    tr_args(
        lang,
        "report-total-cell",
        &[
            ("passed", total.passed.to_string()),
            ("started", total.started.to_string()),
        ],
    )
}

/// The share of `learners` who passed each module.
pub fn passed_chart<'a>(
    modules: impl Iterator<Item = &'a Module>,
    totals: &[insights::matrix::Total],
    learners: usize,
    lang: Lang,
) -> Chart {
    let count = learners.max(1) as f64;
    Chart {
        heading: tr(lang, "report-chart-passed"),
        bars: modules
            .zip(totals)
            .map(|(m, t)| Bar {
                label: title_of(m, lang),
                value: 100.0 * t.passed as f64 / count,
                compare: None,
            })
            .collect(),
        legend: None,
    }
}

/// The header of a table, from its message keys.
pub fn header<const N: usize>(lang: Lang, keys: [&str; N]) -> Vec<String> {
    keys.map(|k| tr(lang, k)).to_vec()
}

/// Every table of the report as CSV rows: a heading line, the header, the rows, the
/// footer, and a blank line between tables.
pub fn csv_rows(report: &Report) -> Vec<Vec<String>> {
    let mut rows = vec![vec![report.title.clone()]];
    for Figure { label, value } in &report.summary {
        rows.push(vec![label.clone(), value.clone()]);
    }
    for table in &report.tables {
        rows.push(Vec::new());
        rows.push(vec![table.heading.clone()]);
        rows.push(table.header.clone());
        rows.extend(
            table
                .rows
                .iter()
                .map(|r| r.iter().map(|c| c.text.clone()).collect()),
        );
        if !table.footer.is_empty() {
            rows.push(table.footer.clone());
        }
    }
    rows
}

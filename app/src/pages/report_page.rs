//! `/trainer/cohorts/:id/progress`, `…/questions/:module`, `…/gain/:module`,
//! `…/learners/:account` and `…/attendance`: a trainer's reports, as tables and charts, each with its CSV export.
//! `:id` may be `all` for an administrator.

use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::bar_chart::BarChart;
use crate::components::loaded::loaded;
use crate::i18n::{t, tr, use_lang};
use crate::model::{
    Figure, ModuleChoice, Report, ReportFilter, ReportKind, ReportQuery, ReportTable, StateFilter,
};
use crate::serverfns::reports::get_report;

fn report_page(kind: ReportKind) -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let report = Resource::new(
        move || {
            let p = params.read();
            let q = query.read();
            let get = |k: &str| q.get(k).unwrap_or_default();
            let query = ReportQuery {
                kind: kind.code().into(),
                cohort: p.get("id").unwrap_or_default(),
                module: p.get("module").unwrap_or_default(),
                account: p.get("account").and_then(|a| a.parse().ok()).unwrap_or(0),
                sort: get("sort"),
                filter_module: get("filter_module"),
                filter_state: get("filter_state"),
            };
            (lang.get(), query)
        },
        |(lang, query)| get_report(lang, query),
    );
    loaded(report, |report| view! { <ReportView report /> })
}

#[component]
pub fn ProgressReportPage() -> impl IntoView {
    report_page(ReportKind::Progress)
}

#[component]
pub fn QuestionsReportPage() -> impl IntoView {
    report_page(ReportKind::Questions)
}

#[component]
pub fn GainReportPage() -> impl IntoView {
    report_page(ReportKind::Gain)
}

#[component]
pub fn LearnerReportPage() -> impl IntoView {
    report_page(ReportKind::Learner)
}

#[component]
pub fn AttendanceReportPage() -> impl IntoView {
    report_page(ReportKind::Attendance)
}

#[component]
fn ReportView(report: Report) -> impl IntoView {
    view! {
        <PageTitle text=report.title.clone() />
        <p class="breadcrumb">
            <a href=report.back.href.clone()>{report.back.title.clone()}</a>
        </p>
        <h1>{report.title.clone()}</h1>
        {(!report.modules.is_empty())
            .then(|| {
                view! {
                    <nav class="report-modules" aria-label=t("report-modules")>
                        {report
                            .modules
                            .iter()
                            .map(|m| {
                                view! {
                                    <a class="button small" href=m.href.clone()>
                                        {m.title.clone()}
                                    </a>
                                }
                            })
                            .collect_view()}
                    </nav>
                }
            })}
        {report
            .filter
            .clone()
            .map(|ReportFilter { modules, query }| view! { <ProgressFilter modules query /> })}
        <dl class="facts summary">
            {report
                .summary
                .iter()
                .map(|Figure { label, value }| {
                    view! {
                        <dt>{label.clone()}</dt>
                        <dd>{value.clone()}</dd>
                    }
                })
                .collect_view()}
        </dl>
        <p>
            <a class="button" href=report.csv_href.clone() download>
                {t("report-csv")}
            </a>
        </p>
        {report
            .charts
            .into_iter()
            .filter(|c| !c.bars.is_empty())
            .map(|chart| view! { <BarChart chart /> })
            .collect_view()}
        {report.tables.into_iter().map(|table| view! { <TableView table /> }).collect_view()}
    }
}

#[component]
fn TableView(table: ReportTable) -> impl IntoView {
    view! {
        <h2>{table.heading}</h2>
        <div class="table-scroll">
            <table class="table report">
                <thead>
                    <tr>
                        {table
                            .header
                            .into_iter()
                            .map(|h| view! { <th scope="col">{h}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {table
                        .rows
                        .into_iter()
                        .map(|row| {
                            view! {
                                <tr>
                                    {row
                                        .into_iter()
                                        .map(|cell| {
                                            let state = cell.state.clone().unwrap_or_default();
                                            match cell.href {
                                                Some(href) => {
                                                    view! {
                                                        <td data-state=state>
                                                            <a href=href>{cell.text}</a>
                                                        </td>
                                                    }
                                                        .into_any()
                                                }
                                                None => {
                                                    view! { <td data-state=state>{cell.text}</td> }.into_any()
                                                }
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
                {(!table.footer.is_empty())
                    .then(|| {
                        view! {
                            <tfoot>
                                <tr>
                                    {table
                                        .footer
                                        .into_iter()
                                        .map(|f| view! { <td>{f}</td> })
                                        .collect_view()}
                                </tr>
                            </tfoot>
                        }
                    })}
            </table>
        </div>
    }
}

/// Sort and filter the matrix with a plain GET form (works without JavaScript).
#[component]
fn ProgressFilter(modules: Vec<ModuleChoice>, query: ReportQuery) -> impl IntoView {
    let lang = use_lang();
    view! {
        <form class="form report-filter" method="get">
            <div class="field">
                <label for="filter_module">{t("report-filter-module")}</label>
                <select id="filter_module" name="filter_module">
                    <option value="">{t("report-filter-any")}</option>
                    {modules
                        .iter()
                        .map(|ModuleChoice { slug, title, .. }| {
                            view! {
                                <option value=slug.clone() selected=*slug == query.filter_module>
                                    {title.clone()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter_state">{t("report-filter-state")}</label>
                <select id="filter_state" name="filter_state">
                    {StateFilter::ALL
                        .iter()
                        .map(|&s| {
                            let key = format!("report-filter-{}", s.code());
                            view! {
                                <option value=s.code() selected=query.state_filter() == Some(s)>
                                    {move || tr(lang.get(), &key)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="sort">{t("report-sort")}</label>
                <select id="sort" name="sort">
                    <option value="name">{t("report-sort-name")}</option>
                    {modules
                        .iter()
                        .map(|ModuleChoice { slug, title, .. }| {
                            view! {
                                <option value=slug.clone() selected=*slug == query.sort>
                                    {title.clone()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="button primary">
                {t("report-apply")}
            </button>
        </form>
    }
}

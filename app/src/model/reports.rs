//! The trainers' reports: the query read from the address, and the tables and charts built.

use serde::{Deserialize, Serialize};

use super::{LessonLink, ModuleChoice};
use crate::words::words;

words! {
    /// The five trainer reports. The address carries the word; it is parsed once, by
    /// [`ReportQuery::report_kind`].
    ReportKind {
        Progress => "progress",
        Questions => "questions",
        Gain => "gain",
        Learner => "learner",
        Attendance => "attendance",
    }
}

/// Which trainer report to build, from its address: the page and its CSV export read the same
/// query, so the file holds exactly what the screen shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportQuery {
    /// A [`ReportKind`]'s word, as typed in the address (an unknown one is a 404).
    #[serde(default)]
    pub kind: String,
    /// A cohort id, or `all` (administrators).
    #[serde(default)]
    pub cohort: String,
    /// The module of a question analysis or a pre/post comparison.
    #[serde(default)]
    pub module: String,
    /// The learner of a learner report.
    #[serde(default)]
    pub account: i64,
    /// Progress: `name` (default) or a module slug (best score first).
    #[serde(default)]
    pub sort: String,
    /// Progress: show only learners in `state` for `filter_module`.
    #[serde(default)]
    pub filter_module: String,
    /// A [`StateFilter`]'s word, as typed in the address (anything else filters nothing).
    #[serde(default)]
    pub filter_state: String,
}

words! {
    /// Which learners the progress report keeps for its filter's module; the address carries
    /// the word (`filter_state=not-passed`), and no word keeps everyone.
    StateFilter {
        NotPassed => "not-passed",
        Passed => "passed",
        InProgress => "in-progress",
        NotStarted => "not-started",
    }
}

impl ReportQuery {
    /// The learners the progress filter keeps, if the address names a filter.
    pub fn state_filter(&self) -> Option<StateFilter> {
        StateFilter::parse(&self.filter_state)
    }

    /// The report asked for, if the address names one.
    pub fn report_kind(&self) -> Option<ReportKind> {
        ReportKind::parse(&self.kind)
    }

    /// The query for report `kind` of one cohort, with no other choice made.
    pub fn of_cohort(kind: ReportKind, cohort_id: i64) -> Self {
        ReportQuery {
            kind: kind.code().into(),
            cohort: cohort_id.to_string(),
            ..Default::default()
        }
    }
}

/// One cell of a report table: its text (also what the CSV holds), and optionally a state
/// for its colour and a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportCell {
    pub text: String,
    pub state: Option<String>,
    pub href: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportTable {
    pub heading: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<ReportCell>>,
    /// Totals under the rows, if any.
    pub footer: Vec<String>,
}

/// One bar of a chart: a share or a score out of 100, and optionally a second one to compare
/// (before and after).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub compare: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    pub heading: String,
    pub bars: Vec<Bar>,
    /// What the two bars are, when there are two: ("Avant", "Après").
    pub legend: Option<(String, String)>,
}

/// A trainer report as a page shows it and its CSV export holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub title: String,
    /// Back to the cohort (or the trainer page for all cohorts).
    pub back: LessonLink,
    /// The cohort's modules, each with the address of this report for it.
    pub modules: Vec<LessonLink>,
    /// Key figures.
    pub summary: Vec<Figure>,
    pub charts: Vec<Chart>,
    pub tables: Vec<ReportTable>,
    pub csv_href: String,
    /// The progress report's filter form.
    pub filter: Option<ReportFilter>,
}

/// A key figure of a report: "Learners: 24".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub label: String,
    pub value: String,
}

/// The progress report's filter form: the modules to choose from and the query shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFilter {
    pub modules: Vec<ModuleChoice>,
    pub query: ReportQuery,
}

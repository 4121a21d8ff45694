//! What the server functions send to the browser: plain data in one language, kept apart from
//! the catalogue and database types on the server.

use serde::{Deserialize, Serialize};

/// A module as listed on the home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    pub lesson_count: u32,
}

/// A module's page: its description and its lessons in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleOutline {
    pub card: ModuleCard,
    pub lessons: Vec<LessonLink>,
}

/// A link to a lesson (or, in a lesson, to its module).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonLink {
    pub href: String,
    pub title: String,
}

/// Everything a lesson page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonPage {
    pub module: LessonLink,
    pub title: String,
    /// Sanitised when the catalogue was loaded.
    pub html: String,
    pub sources: Vec<String>,
    /// 1-based position of the lesson in its module.
    pub number: u32,
    pub total: u32,
    pub previous: Option<LessonLink>,
    pub next: Option<LessonLink>,
}

pub fn module_href(module: &str) -> String {
    format!("/modules/{module}")
}

pub fn lesson_href(module: &str, lesson: &str) -> String {
    format!("/modules/{module}/{lesson}")
}

/// The signed-in person, as the header and the pages need them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserInfo {
    pub username: String,
    pub display_name: String,
    /// `learner`, `trainer` or `admin`.
    pub role: String,
    pub must_set_password: bool,
}

impl UserInfo {
    pub fn is_trainer(&self) -> bool {
        matches!(self.role.as_str(), "trainer" | "admin")
    }
    pub fn is_admin(&self) -> bool {
        self.role == "admin"
    }
}

/// What the platform holds about the signed-in person, for their "my data" page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalDataView {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub affiliation: String,
    pub language: String,
    pub created: String,
    pub has_password: bool,
    /// (cohort, role in it, since)
    pub cohorts: Vec<(String, String, String)>,
    pub open_sessions: usize,
    /// (when, what)
    pub history: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortCard {
    pub id: i64,
    pub name: String,
    pub join_code: Option<String>,
    pub members: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRow {
    pub account_id: i64,
    pub username: String,
    pub display_name: String,
    pub code_pending: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortDetail {
    pub card: CohortCard,
    pub members: Vec<MemberRow>,
}

/// One printed slip: username and one-time code for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipView {
    pub username: String,
    pub display_name: String,
    pub code: String,
}

/// The sheet of slips: where to go, and one slip per person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipSheet {
    /// The platform's address as the trainer reached it (`formation.example.ml`).
    pub address: String,
    pub slips: Vec<SlipView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub account: String,
    pub cohort: String,
}

/// The administrators' page: accounts and the latest audit events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminView {
    pub accounts: Vec<AccountRow>,
    pub audit: Vec<AuditRow>,
}

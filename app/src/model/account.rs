//! The signed-in person and what the platform holds about them (`/account`).

use serde::{Deserialize, Serialize};

use super::{Affiliation, RetentionView, Role};

/// The signed-in person, as the header and the pages need them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserInfo {
    /// The account's number: the page script tags the outbox's answers with it.
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub must_set_password: bool,
}

impl UserInfo {
    pub fn is_trainer(&self) -> bool {
        matches!(self.role, Role::Trainer | Role::Admin)
    }
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }
}

/// What the platform holds about the signed-in person, for their "my data" page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalDataView {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub affiliation: Affiliation,
    pub language: String,
    pub created: String,
    pub has_password: bool,
    pub cohorts: Vec<Membership>,
    pub open_sessions: usize,
    pub history: Vec<HistoryEvent>,
    pub retention: RetentionView,
    /// A session closes after this many hours with no request (rounded up).
    pub idle_hours: u32,
}

/// A cohort the person is in, as their data page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub cohort: String,
    /// `learner` or `trainer` in that cohort.
    pub role: String,
    /// Written out.
    pub since: String,
}

/// What the audit log holds about the person: when, and the action's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEvent {
    pub at: String,
    pub action: String,
}

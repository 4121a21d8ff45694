//! The administrator's page: accounts, the audit log and the retention periods.

use serde::{Deserialize, Serialize};

use super::Role;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
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
    pub retention: RetentionView,
    /// Accounts the next hourly sweep will anonymise with these periods.
    pub anonymised_next: u64,
}

/// How long the platform keeps accounts nobody uses, and its audit log (both in days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionView {
    /// `None`: no account is anonymised for being unused.
    pub inactive_days: Option<u32>,
    pub audit_days: u32,
}

#[cfg(feature = "ssr")]
impl From<accounts::retention::Periods> for RetentionView {
    fn from(periods: accounts::retention::Periods) -> Self {
        RetentionView {
            inactive_days: periods.inactive_days,
            audit_days: periods.audit_days,
        }
    }
}

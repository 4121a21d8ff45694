//! The accounts' tables (`migration::m20261129_000002_create_accounts` and later), and the
//! instance settings (`setting`), as sea-orm entities.

pub mod account;
pub mod attendance_present;
pub mod attendance_session;
pub mod audit_event;
pub mod cohort;
pub mod cohort_member;
pub mod cohort_module;
pub mod cohort_trainer;
pub mod session;
pub mod setting;
pub mod sign_in_throttle;
pub mod trusted_device;

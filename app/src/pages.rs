//! One component per route.

pub mod account_page;
pub mod admin_page;
pub mod attempt_page;
pub mod certificates_page;
pub mod cohort_page;
pub mod glossary_page;
pub mod home_page;
pub mod job_aid_page;
pub mod join_page;
pub mod lesson_page;
pub mod module_page;
pub mod not_found_page;
pub mod offline_page;
pub mod password_page;
pub mod quiz_page;
pub mod report_page;
pub mod sign_in_page;
pub mod slips_page;
pub mod trainer_page;
pub mod verify_page;

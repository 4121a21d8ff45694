//! Server functions, grouped by domain, one per file. Each checks its input on the server;
//! server-only helpers sit in a `ssr` module beside the functions that use them.

pub mod account;
pub mod admin;
pub mod certificates;
pub mod cohorts;
pub mod courses;
pub mod learning;
pub mod preferences;
pub mod reports;

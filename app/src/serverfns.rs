//! Server functions, grouped by domain, one per file. Each checks its input on the server;
//! server-only helpers sit in a `ssr` module beside the functions that use them.
//!
//! Every server function carries `tracing::instrument(skip_all)` under `#[server]`: a span
//! per call, named after the function, inside the request's span. `skip_all` because
//! arguments hold passwords and learners' names, which never go into a log.

pub mod account;
pub mod admin;
pub mod certificates;
pub mod cohorts;
pub mod courses;
pub mod learning;
pub mod preferences;
pub mod reports;

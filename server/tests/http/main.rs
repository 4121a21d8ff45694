//! The server's integration tests, through the real router. One test binary for all of them:
//! each binary links the whole stack (Leptos, sea-orm, sqlx), so one link instead of five
//! saves minutes of build and gigabytes of disk. nextest still runs every test in its own
//! process (see `.config/nextest.toml`).

#[macro_use]
mod support;

mod access;
mod audio;
mod backups;
mod certificates;
mod concurrency;
mod hostile;
mod offline;
mod processes;
mod quizzes;
mod reports;
mod retention;
mod routes;
mod sessions;
mod takeover;
mod timeouts;
mod weight;

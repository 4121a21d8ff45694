//! The platform's server: configuration, database, router and start-up, as a library so that
//! the integration tests drive exactly what the binary runs.

pub mod account_data;
pub mod assets;
pub mod audio;
pub mod backup;
pub mod certificates;
pub mod config;
pub mod content;
pub mod db;
pub mod demo;
pub mod downloads;
pub mod form_errors;
pub mod offline;
pub mod recordings;
pub mod reports;
pub mod router;
pub mod security;
pub mod seed;
pub mod startup;
pub mod state;

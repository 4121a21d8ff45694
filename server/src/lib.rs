//! The platform's server: configuration, database, router and start-up, as a library so that
//! the integration tests drive exactly what the binary runs.

pub mod config;
pub mod content;
pub mod db;
pub mod router;
pub mod startup;
pub mod state;

//! The administrators' side: every account, deletion, trainers' accounts and the audit log.

mod create_trainer;
mod delete_account;
mod overview;

pub use create_trainer::*;
pub use delete_account::*;
pub use overview::*;

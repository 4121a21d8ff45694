//! The administrators' side: every account, deletion, trainers' accounts, the audit log and
//! the retention periods.

mod create_trainer;
mod delete_account;
mod overview;
mod set_retention;

pub use create_trainer::*;
pub use delete_account::*;
pub use overview::*;
pub use set_retention::*;

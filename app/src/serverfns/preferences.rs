//! A visitor's preferences that need no account.

mod set_language;

pub use set_language::*;

//! Pieces shared by several pages.

pub mod error_view;
pub mod language_switch;
pub mod layout;
pub mod loaded;

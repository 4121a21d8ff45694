//! Pieces shared by several pages.

pub mod bar_chart;
pub mod error_view;
pub mod field;
pub mod form_error;
pub mod island_scripts;
pub mod language_switch;
pub mod layout;
pub mod listen;
pub mod loaded;
pub mod page_title;
pub mod progress;

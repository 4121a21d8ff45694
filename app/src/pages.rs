//! One component per route.

pub mod home_page;
pub mod lesson_page;
pub mod module_page;
pub mod not_found_page;

//! What the server functions send to the browser: plain data in one language, kept apart from
//! the catalogue and database types on the server.

use serde::{Deserialize, Serialize};

/// A module as listed on the home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    pub lesson_count: u32,
}

/// A module's page: its description and its lessons in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleOutline {
    pub card: ModuleCard,
    pub lessons: Vec<LessonLink>,
}

/// A link to a lesson (or, in a lesson, to its module).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonLink {
    pub href: String,
    pub title: String,
}

/// Everything a lesson page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonPage {
    pub module: LessonLink,
    pub title: String,
    /// Sanitised when the catalogue was loaded.
    pub html: String,
    pub sources: Vec<String>,
    /// 1-based position of the lesson in its module.
    pub number: u32,
    pub total: u32,
    pub previous: Option<LessonLink>,
    pub next: Option<LessonLink>,
}

pub fn module_href(module: &str) -> String {
    format!("/modules/{module}")
}

pub fn lesson_href(module: &str, lesson: &str) -> String {
    format!("/modules/{module}/{lesson}")
}

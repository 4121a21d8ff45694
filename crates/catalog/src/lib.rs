//! The course catalogue: every module under `content/`, loaded once at start into typed data.
//!
//! Like mdBook's `load_book`, [`load`] reads the whole tree, renders each lesson once with
//! pulldown-cmark, sanitises the HTML with ammonia and checks every link, image and translation.
//! A broken tree yields every [`Problem`] found, each as `path:line: message`; the loader never
//! panics on bad content. Nothing here knows about HTTP or the database.

pub mod advice;
mod front_matter;
mod loader;
mod markdown;
mod problem;
pub mod quiz;
mod slug;
mod translations;
pub mod typography;

use std::collections::BTreeMap;
use std::path::PathBuf;

pub use loader::{GLOSSARY, JOB_AID, load};
pub use problem::{Problem, Problems, Warning};
pub use quiz::{Objective, Quiz, QuizKind, QuizSettings};
pub use slug::is_valid_slug;
pub use translations::Translations;

/// Everything the platform teaches, in every supported language.
#[derive(Debug, Clone)]
pub struct Catalog {
    languages: Vec<String>,
    modules: Vec<Module>,
    warnings: Vec<Warning>,
}

impl Catalog {
    /// Modules in teaching order.
    pub fn modules(&self) -> &[Module] {
        &self.modules
    }

    pub fn module(&self, slug: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.slug == slug)
    }

    /// The languages every module and lesson is written in; the first is the default.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    /// What the content check advises without refusing the content (see [`advice`]), in the
    /// order the files were read.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}

/// One course module: a folder under `content/` with a `module.toml` and its lessons.
#[derive(Debug, Clone)]
pub struct Module {
    pub slug: String,
    pub dir: PathBuf,
    pub order: u32,
    pub minutes: u32,
    /// The quiz rules: pass mark, draw, attempts, wait, order, when answers show.
    pub settings: QuizSettings,
    /// The learning objectives the lessons teach and the questions test.
    pub objectives: Vec<Objective>,
    /// The end-of-module quiz; a module without one is completed when its lessons are read.
    pub quiz: Option<Quiz>,
    /// The pre-test, a parallel form of the quiz taken before the lessons.
    pub pretest: Option<Quiz>,
    pub texts: Translations<ModuleText>,
    pub lessons: Vec<Lesson>,
    /// The printable one-page job aid (`job-aid.<lang>.md`), if the module has one.
    pub job_aid: Option<Page>,
    /// The module's short glossary (`glossary.<lang>.md`), if it has one; lessons link to it.
    pub glossary: Option<Page>,
    /// Files the lessons link to (images, documents), by their path relative to `dir`.
    pub assets: BTreeMap<String, PathBuf>,
}

impl Module {
    /// The module's title and summary in `lang`.
    pub fn text(&self, lang: &str) -> &ModuleText {
        self.texts.get(lang)
    }

    /// The quiz or the pre-test.
    pub fn quiz_of(&self, kind: QuizKind) -> Option<&Quiz> {
        match kind {
            QuizKind::Quiz => self.quiz.as_ref(),
            QuizKind::Pretest => self.pretest.as_ref(),
        }
    }

    pub fn objective(&self, id: &str) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.id == id)
    }

    /// The lesson with this slug and its position (0-based) in the module.
    pub fn lesson(&self, slug: &str) -> Option<(usize, &Lesson)> {
        self.lessons
            .iter()
            .enumerate()
            .find(|(_, l)| l.slug == slug)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleText {
    pub title: String,
    pub summary: String,
}

/// One lesson, in every language.
#[derive(Debug, Clone)]
pub struct Lesson {
    /// The file name without its language and extension, e.g. `01-who-is-a-child`.
    pub slug: String,
    /// Ids of the module's objectives this lesson teaches, the same in every language.
    pub objectives: Vec<String>,
    pub texts: Translations<LessonText>,
}

impl Lesson {
    pub fn text(&self, lang: &str) -> &LessonText {
        self.texts.get(lang)
    }
}

/// A page of a module beside its lessons, written like a lesson without objectives and not
/// counted as read: the job aid (a one-page summary for the field, printed on A4) or the
/// glossary (the module's words and acronyms).
#[derive(Debug, Clone)]
pub struct Page {
    pub texts: Translations<LessonText>,
}

impl Page {
    pub fn text(&self, lang: &str) -> &LessonText {
        self.texts.get(lang)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonText {
    pub title: String,
    /// Sanitised HTML, safe to insert into a page as is.
    pub html: String,
    pub sources: Vec<String>,
}

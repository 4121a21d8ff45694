//! The course as pages show it: module cards and outlines, lessons, job aids and glossaries.

use serde::{Deserialize, Serialize};

use super::{ProgressView, QuizEntry};

/// A module as listed on the home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    pub lesson_count: u32,
    /// Where the signed-in learner stands; `None` for a visitor.
    pub progress: Option<ProgressView>,
}

/// A module's page: its description and its lessons in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleOutline {
    pub card: ModuleCard,
    pub lessons: Vec<LessonLink>,
    /// For each lesson, whether the signed-in learner marked it read (empty for a visitor).
    pub read: Vec<bool>,
    pub quiz: Option<QuizEntry>,
    pub pretest: Option<QuizEntry>,
    /// The printable job aid, when the module has one.
    pub job_aid: Option<LessonLink>,
    /// The module's glossary, when it has one.
    pub glossary: Option<LessonLink>,
    /// The signed-in learner's certificate for this module: its PDF in the page's language.
    pub certificate: Option<String>,
    /// The lessons' clips, which saving the module for offline use may add; `None` when the
    /// server has no voice.
    pub audio: Option<ModuleAudio>,
}

/// What the lessons' clips (whole and per section, Opus) weigh together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleAudio {
    /// `None` while some clip is not made yet.
    pub bytes: Option<u64>,
}

/// A link to a lesson (or, in a lesson, to its module).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonLink {
    pub href: String,
    pub title: String,
}

/// Everything a lesson page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonContent {
    pub module: LessonLink,
    pub title: String,
    /// What the lesson teaches, worded in the page's language.
    pub objectives: Vec<String>,
    /// The lesson's HTML before its first `##` heading (sanitised when the catalogue was
    /// loaded, like every HTML field here).
    pub intro: String,
    /// The rest, one part per `##` heading, each with its clip when there is audio.
    pub sections: Vec<LessonSection>,
    /// The whole lesson read aloud.
    pub audio: Option<Clip>,
    /// The whole lesson recorded in other languages: (language code, clip).
    pub audio_in: Vec<(String, Clip)>,
    pub sources: Vec<String>,
    /// 1-based position of the lesson in its module.
    pub number: u32,
    pub total: u32,
    pub previous: Option<LessonLink>,
    pub next: Option<LessonLink>,
    /// Module and lesson slugs, for the "mark as read" form.
    pub module_slug: String,
    pub lesson_slug: String,
    /// `Some(read)` for a signed-in learner, `None` for a visitor.
    pub read: Option<bool>,
}

/// A `##` section of a lesson.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonSection {
    /// Its `<h2>` element.
    pub heading: String,
    pub body: String,
    pub audio: Option<Clip>,
    /// The section recorded in other languages: (language code, clip).
    pub audio_in: Vec<(String, Clip)>,
}

/// A clip of the voice reading a lesson, a section or a question, as a player shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clip {
    /// Ogg Opus, the small file every recent browser plays.
    pub opus: String,
    /// MP3, for browsers and phones that do not play Opus.
    pub mp3: String,
    /// Its length and the Opus file's size, once the clip has been made (a clip is made
    /// at start or on its first request; a page never waits for it).
    pub size: Option<ClipSize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClipSize {
    pub seconds: u32,
    pub bytes: u64,
}

/// A lesson's clips: the whole lesson, and one per `##` section in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonAudio {
    pub whole: Clip,
    pub sections: Vec<Clip>,
    /// Trainers' recordings in languages the lesson has no text in (Bambara).
    pub others: Vec<SpokenIn>,
}

impl LessonAudio {
    /// The lesson's clips in its own language: the whole lesson, then each section.
    pub fn clips(&self) -> impl Iterator<Item = &Clip> {
        std::iter::once(&self.whole).chain(&self.sections)
    }
}

/// A lesson recorded in a language it is not written in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpokenIn {
    /// The language's code (`bm`).
    pub lang: String,
    pub whole: Option<Clip>,
    /// One per `##` section, `None` where that section is not recorded.
    pub sections: Vec<Option<Clip>>,
}

/// A module's printable one-page job aid, or its glossary: a page beside the lessons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SidePageContent {
    pub module: LessonLink,
    pub title: String,
    /// Sanitised when the catalogue was loaded.
    pub html: String,
    pub sources: Vec<String>,
}

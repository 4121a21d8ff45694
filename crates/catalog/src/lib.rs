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

/// A lesson's HTML cut at its `##` headings, so that a page can put something (a player)
/// under each heading. Joined again, the pieces are the HTML unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlSections<'a> {
    /// What comes before the first `<h2>` (often nothing).
    pub intro: &'a str,
    /// Each section: its `<h2>…</h2>`, then what follows it up to the next one.
    pub sections: Vec<(&'a str, &'a str)>,
}

impl LessonText {
    /// The sections of [`LessonText::html`]. The HTML is ammonia's serialisation, where a
    /// `<` in text is always written `&lt;`: a literal `<h2>` can only be a heading's tag.
    pub fn sections(&self) -> HtmlSections<'_> {
        let html = self.html.as_str();
        let mut starts: Vec<usize> = html.match_indices("<h2>").map(|(i, _)| i).collect();
        let intro = &html[..starts.first().copied().unwrap_or(html.len())];
        starts.push(html.len());
        let sections = starts
            .windows(2)
            .map(|pair| {
                let part = &html[pair[0]..pair[1]];
                match part.find("</h2>") {
                    Some(end) => part.split_at(end + "</h2>".len()),
                    None => (part, ""),
                }
            })
            .collect();
        HtmlSections { intro, sections }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> LessonText {
        LessonText {
            title: "t".into(),
            html: html.into(),
            sources: vec![],
        }
    }

    #[test]
    fn sections_cut_at_each_heading_and_join_back_to_the_html() {
        let html = "<p>intro</p>\n<h2>One</h2>\n<p>a</p>\n<h2>Two &lt;h2&gt;</h2>\n<p>b</p>\n";
        let lesson = text(html);
        let parts = lesson.sections();
        assert_eq!(parts.intro, "<p>intro</p>\n");
        assert_eq!(
            parts.sections,
            vec![
                ("<h2>One</h2>", "\n<p>a</p>\n"),
                ("<h2>Two &lt;h2&gt;</h2>", "\n<p>b</p>\n")
            ]
        );
        let joined: String = std::iter::once(parts.intro)
            .chain(parts.sections.iter().flat_map(|(h, b)| [*h, *b]))
            .collect();
        assert_eq!(joined, html);
    }

    #[test]
    fn a_lesson_without_headings_is_all_intro() {
        let lesson = text("<p>only</p>");
        let parts = lesson.sections();
        assert_eq!(parts.intro, "<p>only</p>");
        assert!(parts.sections.is_empty());
        assert_eq!(text("").sections().intro, "");
    }
}

//! Reading the course catalogue: modules and lessons in the visitor's language.

mod get_glossary;
mod get_job_aid;
mod get_lesson;
mod get_module;
mod list_modules;

pub use get_glossary::*;
pub use get_job_aid::*;
pub use get_lesson::*;
pub use get_module::*;
pub use list_modules::*;

#[cfg(feature = "ssr")]
pub mod ssr {
    //! Turning catalogue entries into the data a page shows.

    use catalog::{Catalog, Module};

    use crate::errors::AppError;
    use crate::i18n::Lang;
    use crate::model::{
        LessonContent, LessonLink, LessonSection, ModuleCard, ProgressView, SidePageContent,
    };
    use crate::routes::{glossary_href, job_aid_href, lesson_href, module_href};

    pub fn module_card(module: &Module, lang: Lang, progress: Option<ProgressView>) -> ModuleCard {
        let text = module.text(lang.code());
        ModuleCard {
            slug: module.slug.clone(),
            title: text.title.clone(),
            summary: text.summary.clone(),
            minutes: module.minutes,
            lesson_count: module.lessons.len() as u32,
            progress,
        }
    }

    /// A link back to `module`, titled in `lang`.
    pub fn module_link(module: &Module, lang: Lang) -> LessonLink {
        LessonLink {
            href: module_href(&module.slug),
            title: module.text(lang.code()).title.clone(),
        }
    }

    pub fn lesson_links(module: &Module, lang: Lang) -> Vec<LessonLink> {
        (0..module.lessons.len())
            .map(|i| lesson_link(module, i, lang))
            .collect()
    }

    pub fn lesson_page(
        catalog: &Catalog,
        module: &str,
        lesson: &str,
        lang: Lang,
        read: Option<bool>,
    ) -> Result<LessonContent, AppError> {
        let module = catalog.module(module).ok_or(AppError::NotFound)?;
        let (index, found) = module.lesson(lesson).ok_or(AppError::NotFound)?;
        let text = found.text(lang.code());
        let objectives = found
            .objectives
            .iter()
            .filter_map(|id| module.objective(id))
            .map(|objective| objective.text(lang.code()).to_string())
            .collect();
        let parts = text.sections();
        let audio = crate::context::listening()
            .and_then(|l| l.lesson(&module.slug, &found.slug, lang.code()))
            .filter(|a| a.sections.len() == parts.sections.len());
        let others = audio.iter().flat_map(|a| a.others.iter());
        let sections = parts
            .sections
            .iter()
            .enumerate()
            .map(|(i, (heading, body))| LessonSection {
                heading: heading.to_string(),
                body: body.to_string(),
                audio: audio.as_ref().map(|a| a.sections[i].clone()),
                audio_in: others
                    .clone()
                    .filter_map(|o| Some((o.lang.clone(), o.sections.get(i)?.clone()?)))
                    .collect(),
            })
            .collect();
        let audio_in = others
            .filter_map(|o| Some((o.lang.clone(), o.whole.clone()?)))
            .collect();
        Ok(LessonContent {
            module: module_link(module, lang),
            title: text.title.clone(),
            objectives,
            intro: parts.intro.to_string(),
            sections,
            audio: audio.map(|a| a.whole),
            audio_in,
            sources: text.sources.clone(),
            number: index as u32 + 1,
            total: module.lessons.len() as u32,
            previous: index.checked_sub(1).map(|i| lesson_link(module, i, lang)),
            next: (index + 1 < module.lessons.len()).then(|| lesson_link(module, index + 1, lang)),
            module_slug: module.slug.clone(),
            lesson_slug: found.slug.clone(),
            read,
        })
    }

    /// The link to `module`'s job aid, titled in `lang`, when it has one.
    pub fn job_aid_link(module: &Module, lang: Lang) -> Option<LessonLink> {
        let text = module.job_aid.as_ref()?.text(lang.code());
        Some(LessonLink {
            href: job_aid_href(&module.slug),
            title: text.title.clone(),
        })
    }

    /// The link to `module`'s glossary, titled in `lang`, when it has one.
    pub fn glossary_link(module: &Module, lang: Lang) -> Option<LessonLink> {
        let text = module.glossary.as_ref()?.text(lang.code());
        Some(LessonLink {
            href: glossary_href(&module.slug),
            title: text.title.clone(),
        })
    }

    pub fn job_aid_page(
        catalog: &Catalog,
        module: &str,
        lang: Lang,
    ) -> Result<SidePageContent, AppError> {
        page(catalog, module, lang, |m| m.job_aid.as_ref())
    }

    /// The module's glossary, the words and acronyms its lessons link to.
    pub fn glossary_page(
        catalog: &Catalog,
        module: &str,
        lang: Lang,
    ) -> Result<SidePageContent, AppError> {
        page(catalog, module, lang, |m| m.glossary.as_ref())
    }

    /// A page beside the lessons (job aid or glossary) in `lang`; `NotFound` when the module
    /// has none.
    fn page(
        catalog: &Catalog,
        module: &str,
        lang: Lang,
        which: impl Fn(&Module) -> Option<&catalog::Page>,
    ) -> Result<SidePageContent, AppError> {
        let module = catalog.module(module).ok_or(AppError::NotFound)?;
        let text = which(module).ok_or(AppError::NotFound)?.text(lang.code());
        Ok(SidePageContent {
            module: module_link(module, lang),
            title: text.title.clone(),
            html: text.html.clone(),
            sources: text.sources.clone(),
        })
    }

    pub fn lesson_link(module: &Module, index: usize, lang: Lang) -> LessonLink {
        let lesson = &module.lessons[index];
        LessonLink {
            href: lesson_href(&module.slug, &lesson.slug),
            title: lesson.text(lang.code()).title.clone(),
        }
    }
}

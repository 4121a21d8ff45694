//! A learner's own progress: marking lessons read, taking the quiz and the pre-test, and
//! reading the result of an attempt.

mod get_attempt;
mod get_quiz;
mod mark_read;
mod submit_quiz;

pub use get_attempt::*;
pub use get_quiz::*;
pub use mark_read::*;
pub use submit_quiz::*;

#[cfg(feature = "ssr")]
pub mod ssr {
    //! Turning progress and attempts into what the pages show.

    use catalog::{Module, QuizKind};
    use learning::attempts::Snapshot;
    use learning::{Availability, ModuleProgress, ModuleState, NextStep};

    use crate::auth::ssr::{caller, when};
    use crate::errors::AppError;
    use crate::i18n::Lang;
    use crate::model::{AttemptLink, EntryState, ProgressState, ProgressView, QuizEntry, TestKind};
    use crate::routes::{attempt_href, lesson_href, module_href, quiz_href};

    /// The catalogue's kind of quiz, as the pages name it.
    pub fn test_kind(kind: QuizKind) -> TestKind {
        match kind {
            QuizKind::Quiz => TestKind::Quiz,
            QuizKind::Pretest => TestKind::Pretest,
        }
    }

    /// The signed-in account that may learn now, or `None` for a visitor (or someone who still
    /// owes a password: they see the course as a visitor until they choose one).
    pub async fn learner() -> Option<i64> {
        caller().await.ok()?.account().ok().map(|(id, _)| id)
    }

    /// Answers kept on a phone name the account they were given under; sent while another
    /// account is signed in, they are refused (and stay on the phone for their owner).
    pub fn same_account(given_under: Option<i64>, caller: i64) -> Result<(), AppError> {
        match given_under {
            Some(owner) if owner != caller => {
                Err(AppError::Invalid(crate::errors::Problem::OtherAccount))
            }
            _ => Ok(()),
        }
    }

    pub fn progress_view(module: &Module, progress: &ModuleProgress) -> ProgressView {
        let state = match progress.state {
            ModuleState::NotStarted => ProgressState::NotStarted,
            ModuleState::InProgress => ProgressState::InProgress,
            ModuleState::Completed => ProgressState::Completed,
        };
        let continue_href = match &progress.next {
            NextStep::Lesson(lesson) => lesson_href(&module.slug, lesson),
            NextStep::Quiz => quiz_href(&module.slug, QuizKind::Quiz.code()),
            NextStep::Done => module_href(&module.slug),
        };
        ProgressView {
            percent: progress.percent(),
            state,
            best_score: progress.best_score,
            lessons_read: progress.lessons_read.len() as u32,
            continue_href,
        }
    }

    /// The quiz or pre-test of `module` as its page lists it, or `None` when it has none.
    /// `snapshot` is what the database holds of the signed-in learner in the module; `None`
    /// for a visitor.
    pub fn quiz_entry(
        module: &Module,
        kind: QuizKind,
        snapshot: Option<&Snapshot>,
        lang: Lang,
        now: i64,
    ) -> Option<QuizEntry> {
        let quiz = module.quiz_of(kind)?;
        let mut entry = QuizEntry {
            kind: test_kind(kind),
            href: quiz_href(&module.slug, kind.code()),
            title: quiz.titles.get(lang.code()).clone(),
            pass_mark: module.settings.pass_mark,
            state: EntryState::SignIn,
            opens_at: None,
            attempts_left: None,
            attempts: Vec::new(),
        };
        let Some(snapshot) = snapshot else {
            return Some(entry);
        };
        entry.attempts = snapshot
            .of_kind(kind)
            .map(|a| {
                let number = u32::try_from(a.number).unwrap_or(0);
                AttemptLink {
                    number,
                    score: learning::percent(a.score),
                    passed: a.passed,
                    href: attempt_href(&module.slug, kind.code(), number),
                }
            })
            .collect();
        if kind == QuizKind::Quiz {
            let used = entry.attempts.len() as u32;
            entry.attempts_left = module
                .settings
                .attempts
                .map(|limit| limit.saturating_sub(used));
        }
        entry.state = match snapshot.availability(module, kind, now) {
            Availability::Open { .. } => EntryState::Open,
            Availability::LessonsNotRead { .. } => EntryState::LessonsNotRead,
            Availability::Wait { until } => {
                entry.opens_at = Some(when(until));
                EntryState::Wait
            }
            Availability::NoAttemptsLeft => EntryState::NoAttemptsLeft,
            Availability::PretestClosed => EntryState::Closed,
        };
        Some(entry)
    }

    pub fn kind(code: &str) -> Result<QuizKind, AppError> {
        QuizKind::parse(code).ok_or(AppError::NotFound)
    }
}

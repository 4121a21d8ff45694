//! A learner's progress, the quiz form and a graded attempt.

use serde::{Deserialize, Serialize};

use super::{EntryState, LessonLink, ProgressState, TestKind};

/// A learner's progress in one module, as the home and module pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressView {
    pub percent: u8,
    pub state: ProgressState,
    pub best_score: Option<u8>,
    pub lessons_read: u32,
    /// Where "continue" leads: the first lesson not read, the quiz, or the module.
    pub continue_href: String,
}

/// The quiz or pre-test of a module, as its page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizEntry {
    pub kind: TestKind,
    pub href: String,
    pub title: String,
    pub pass_mark: u8,
    pub state: EntryState,
    /// When `wait`: the time the next attempt opens, as shown to people.
    pub opens_at: Option<String>,
    pub attempts_left: Option<u32>,
    pub attempts: Vec<AttemptLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptLink {
    pub number: u32,
    pub score: u8,
    pub passed: bool,
    pub href: String,
}

/// An attempt to answer, without the answer key: only what the learner must see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizForm {
    pub module: LessonLink,
    pub module_slug: String,
    pub kind: TestKind,
    pub title: String,
    pub pass_mark: u8,
    /// The attempt this form submits; `None` when the learner cannot start one now.
    pub number: Option<u32>,
    pub entry: QuizEntry,
    pub questions: Vec<FormQuestion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormQuestion {
    /// The scenario's text, on the first question of the scenario only.
    pub scenario: Option<String>,
    pub stem: String,
    /// Ticks several (checkboxes) rather than one (radio buttons).
    pub multiple: bool,
    /// Option labels, in the order shown (sanitised HTML).
    pub options: Vec<String>,
    /// The question and its options read aloud, in that order, after their letters.
    pub audio: Option<super::Clip>,
    /// The scenario read aloud, beside its text.
    pub scenario_audio: Option<super::Clip>,
}

/// A submitted attempt, with what the module's rules let the learner see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptView {
    pub module: LessonLink,
    pub kind: TestKind,
    pub title: String,
    pub number: u32,
    pub score: u8,
    pub pass_mark: u8,
    pub passed: bool,
    pub right: u32,
    pub questions_total: u32,
    /// Right answers, explanations and feedback are shown.
    pub revealed: bool,
    pub questions: Vec<ResultQuestion>,
    /// The quiz page (to try again, or to see why not).
    pub quiz_href: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultQuestion {
    pub scenario: Option<String>,
    pub stem: String,
    pub right: bool,
    pub options: Vec<ResultOption>,
    pub explanation: Option<String>,
    pub source: Option<String>,
    pub objective: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultOption {
    pub html: String,
    pub chosen: bool,
    /// Whether the option is right; `None` when answers are not shown yet.
    pub right: Option<bool>,
    /// The option's feedback, when chosen and answers are shown.
    pub feedback: Option<String>,
}

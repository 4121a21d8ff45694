//! What the server functions send to the browser: plain data in one language, kept apart from
//! the catalogue and database types on the server.

use serde::{Deserialize, Serialize};

use crate::words::words;

words! {
    /// What an account may do.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    Role { Learner => "learner", Trainer => "trainer", Admin => "admin" }
}

#[cfg(feature = "ssr")]
impl From<accounts::Role> for Role {
    fn from(role: accounts::Role) -> Self {
        match role {
            accounts::Role::Learner => Role::Learner,
            accounts::Role::Trainer => Role::Trainer,
            accounts::Role::Admin => Role::Admin,
        }
    }
}

words! {
    /// Which test of a module: the quiz that counts, or the pre-test taken before the lessons.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    TestKind { Quiz => "quiz", Pretest => "pretest" }
}

words! {
    /// Where a learner stands in a module.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    ProgressState {
        NotStarted => "not-started",
        InProgress => "in-progress",
        Completed => "completed",
    }
}

words! {
    /// Whether a quiz or pre-test can be taken now, and if not, why.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    EntryState {
        Open => "open",
        /// A visitor: sign in to take it.
        SignIn => "sign-in",
        LessonsNotRead => "lessons-not-read",
        /// The next attempt opens later (`QuizEntry::opens_at`).
        Wait => "wait",
        NoAttemptsLeft => "no-attempts-left",
        /// The pre-test is over once the quiz has been tried.
        Closed => "closed",
    }
}

words! {
    /// What a certificate is for: one module, or the whole course.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    CertificateKind { Module => "module", Course => "course" }
}

words! {
    /// What the public check of a certificate number found.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    NumberState { Valid => "valid", Revoked => "revoked", Unknown => "unknown" }
}

words! {
    /// What checking a certificate's code found.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    CodeState {
        Valid => "valid",
        /// Genuine, but revoked since: only the server knows.
        Revoked => "revoked",
        /// The signature does not match.
        Tampered => "tampered",
        /// Not a code at all.
        Malformed => "malformed",
    }
}

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
    /// Sanitised when the catalogue was loaded.
    pub html: String,
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

/// A module's printable one-page job aid, or its glossary: a page beside the lessons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SidePageContent {
    pub module: LessonLink,
    pub title: String,
    /// Sanitised when the catalogue was loaded.
    pub html: String,
    pub sources: Vec<String>,
}

/// The signed-in person, as the header and the pages need them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserInfo {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub must_set_password: bool,
}

impl UserInfo {
    pub fn is_trainer(&self) -> bool {
        matches!(self.role, Role::Trainer | Role::Admin)
    }
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }
}

/// What the platform holds about the signed-in person, for their "my data" page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalDataView {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub affiliation: String,
    pub language: String,
    pub created: String,
    pub has_password: bool,
    pub cohorts: Vec<Membership>,
    pub open_sessions: usize,
    pub history: Vec<HistoryEvent>,
    pub retention: RetentionView,
    /// A session closes after this many hours with no request (rounded up).
    pub idle_hours: u32,
}

/// A cohort the person is in, as their data page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub cohort: String,
    /// `learner` or `trainer` in that cohort.
    pub role: String,
    /// Written out.
    pub since: String,
}

/// What the audit log holds about the person: when, and the action's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEvent {
    pub at: String,
    pub action: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortCard {
    pub id: i64,
    pub name: String,
    pub join_code: Option<String>,
    pub members: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRow {
    pub account_id: i64,
    pub username: String,
    pub display_name: String,
    pub code_pending: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortDetail {
    pub card: CohortCard,
    pub members: Vec<MemberRow>,
    /// The certificates of the cohort's learners (revoked ones too, marked).
    pub certificates: Vec<CohortCertificate>,
    /// Links to the question analysis and pre/post comparison of each module that has them.
    pub reports: Vec<LessonLink>,
    pub place: String,
    pub starts_on: String,
    pub ends_on: String,
    /// Every module, and whether the cohort follows it.
    pub modules: Vec<ModuleChoice>,
    pub archived: bool,
    pub trainers: Vec<String>,
    /// Recorded in-person classes, latest first.
    pub classes: Vec<ClassLine>,
}

/// A module on the cohort's form: ticked when the cohort follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleChoice {
    pub slug: String,
    pub title: String,
    pub followed: bool,
}

/// One recorded in-person class of a cohort, as its page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassLine {
    pub held_on: String,
    pub topic: String,
    /// How many of the cohort's learners were there.
    pub present: usize,
}

/// One certificate in a cohort's list, linking to its public page (where it can be revoked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortCertificate {
    pub number: String,
    pub name: String,
    pub title: String,
    pub revoked: bool,
    pub verify_href: String,
}

/// One printed slip: username and one-time code for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipView {
    pub username: String,
    pub display_name: String,
    pub code: String,
}

/// The sheet of slips: where to go, and one slip per person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipSheet {
    /// The platform's address as the trainer reached it (`formation.example.ml`).
    pub address: String,
    pub slips: Vec<SlipView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub account: String,
    pub cohort: String,
}

/// The administrators' page: accounts and the latest audit events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminView {
    pub accounts: Vec<AccountRow>,
    pub audit: Vec<AuditRow>,
    pub retention: RetentionView,
    /// Accounts the next hourly sweep will anonymise with these periods.
    pub anonymised_next: u64,
}

/// How long the platform keeps accounts nobody uses, and its audit log (both in days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionView {
    /// `None`: no account is anonymised for being unused.
    pub inactive_days: Option<u32>,
    pub audit_days: u32,
}

#[cfg(feature = "ssr")]
impl From<accounts::retention::Periods> for RetentionView {
    fn from(periods: accounts::retention::Periods) -> Self {
        RetentionView {
            inactive_days: periods.inactive_days,
            audit_days: periods.audit_days,
        }
    }
}

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

/// One of the learner's certificates, as their certificates page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateCard {
    pub number: String,
    pub kind: CertificateKind,
    pub title: String,
    /// Written out in the page's language: "29 novembre 2026".
    pub date: String,
    pub score: u8,
    pub revoked: bool,
    /// The PDF in the page's language, and in both languages.
    pub pdf_href: String,
    pub bilingual_href: String,
    /// The public page that says whether it is valid.
    pub verify_href: String,
    /// The signed code its QR code holds, to share as text (a message, a form).
    pub code: String,
    /// The verification page for that code (what the QR code opens).
    pub code_href: String,
}

/// What the public check of a certificate number shows: only the name as issued, the module,
/// the date and the issuing body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateCheck {
    /// The number as the visitor typed it, in canonical form when it is one.
    pub number: String,
    pub state: NumberState,
    pub name: String,
    pub title: String,
    pub date: String,
    pub issuer: String,
    /// When it was revoked, written out.
    pub revoked_on: Option<String>,
    /// The signed-in administrator or trainer of the learner may revoke it.
    pub can_revoke: bool,
}

/// A module's (or the course's) title in the page's language, by its slug.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleTitle {
    pub slug: String,
    pub title: String,
}

/// What the offline check needs, sent once with the page: the public key and the titles of
/// the modules a code may name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyKit {
    pub public_key: String,
    /// Every module's title in the page's language, the course's included.
    pub titles: Vec<ModuleTitle>,
    /// Month names in the page's language, January first, to write the date out offline.
    pub months: Vec<String>,
}

/// The result of checking a code (what a certificate's QR code holds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeCheck {
    /// When `Revoked`, `date` is the day it was revoked.
    pub state: CodeState,
    pub number: String,
    pub name: String,
    pub title: String,
    pub date: String,
}

impl CodeCheck {
    /// A code that is not genuine (`Tampered`) or not a code (`Malformed`): nothing it claims
    /// is shown.
    pub fn refused(state: CodeState) -> Self {
        Self {
            state,
            number: String::new(),
            name: String::new(),
            title: String::new(),
            date: String::new(),
        }
    }
}

/// Which trainer report to build, from its address: the page and its CSV export read the same
/// query, so the file holds exactly what the screen shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportQuery {
    /// `progress`, `questions`, `gain`, `learner` or `attendance`.
    #[serde(default)]
    pub kind: String,
    /// A cohort id, or `all` (administrators).
    #[serde(default)]
    pub cohort: String,
    /// The module of a question analysis or a pre/post comparison.
    #[serde(default)]
    pub module: String,
    /// The learner of a learner report.
    #[serde(default)]
    pub account: i64,
    /// Progress: `name` (default) or a module slug (best score first).
    #[serde(default)]
    pub sort: String,
    /// Progress: show only learners in `state` for `filter_module`.
    #[serde(default)]
    pub filter_module: String,
    /// `not-passed`, `passed`, `in-progress` or `not-started`.
    #[serde(default)]
    pub filter_state: String,
}

/// One cell of a report table: its text (also what the CSV holds), and optionally a state
/// for its colour and a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportCell {
    pub text: String,
    pub state: Option<String>,
    pub href: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportTable {
    pub heading: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<ReportCell>>,
    /// Totals under the rows, if any.
    pub footer: Vec<String>,
}

/// One bar of a chart: a share or a score out of 100, and optionally a second one to compare
/// (before and after).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub compare: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    pub heading: String,
    pub bars: Vec<Bar>,
    /// What the two bars are, when there are two: ("Avant", "Après").
    pub legend: Option<(String, String)>,
}

/// A trainer report as a page shows it and its CSV export holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub title: String,
    /// Back to the cohort (or the trainer page for all cohorts).
    pub back: LessonLink,
    /// The cohort's modules, each with the address of this report for it.
    pub modules: Vec<LessonLink>,
    /// Key figures.
    pub summary: Vec<Figure>,
    pub charts: Vec<Chart>,
    pub tables: Vec<ReportTable>,
    pub csv_href: String,
    /// The progress report's filter form.
    pub filter: Option<ReportFilter>,
}

/// A key figure of a report: "Learners: 24".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub label: String,
    pub value: String,
}

/// The progress report's filter form: the modules to choose from and the query shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFilter {
    pub modules: Vec<ModuleChoice>,
    pub query: ReportQuery,
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    /// The word serde sends is the word pages and addresses use, for every value.
    fn same_words<T: Serialize + Copy>(all: &[T], code: fn(T) -> &'static str) {
        for value in all {
            let sent = serde_json::to_string(value).unwrap();
            assert_eq!(sent, format!("\"{}\"", code(*value)));
        }
    }

    #[test]
    fn each_state_travels_as_its_word() {
        same_words(Role::ALL, Role::code);
        same_words(TestKind::ALL, TestKind::code);
        same_words(ProgressState::ALL, ProgressState::code);
        same_words(EntryState::ALL, EntryState::code);
        same_words(CertificateKind::ALL, CertificateKind::code);
        same_words(NumberState::ALL, NumberState::code);
        same_words(CodeState::ALL, CodeState::code);
        assert_eq!(
            EntryState::parse("lessons-not-read"),
            Some(EntryState::LessonsNotRead)
        );
        assert_eq!(EntryState::parse("Open"), None);
    }
}

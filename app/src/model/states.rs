//! The closed sets of words that cross to the browser: roles, affiliations, kinds and states.
//! Each travels as its code (see `words!`), the same word its `data-state` and messages use.

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
    /// The learner's side, shown to them and used for group figures.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    Affiliation { Fds => "fds", ArmedMovement => "armed_movement", Other => "other" }
}

#[cfg(feature = "ssr")]
impl From<accounts::Affiliation> for Affiliation {
    fn from(a: accounts::Affiliation) -> Self {
        match a {
            accounts::Affiliation::Fds => Affiliation::Fds,
            accounts::Affiliation::ArmedMovement => Affiliation::ArmedMovement,
            accounts::Affiliation::Other => Affiliation::Other,
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

#[cfg(feature = "ssr")]
impl From<certificates::Kind> for CertificateKind {
    fn from(kind: certificates::Kind) -> Self {
        match kind {
            certificates::Kind::Module => CertificateKind::Module,
            certificates::Kind::Course => CertificateKind::Course,
        }
    }
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

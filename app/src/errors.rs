//! The one error type a visitor may see.
//!
//! Server functions return `Result<_, AppError>`. Each variant has a status code and a message
//! key translated on the page; the cause of an internal error goes to the server log, never to
//! the page or the wire.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::words::words;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The module, lesson or page asked for does not exist.
    #[error("not found")]
    NotFound,
    /// Something failed on the server; details are in its log.
    #[error("internal error")]
    Internal,
    /// The request never reached the server function, or its answer was unreadable.
    #[error("request failed")]
    Transport,
    /// The page or action needs a signed-in account.
    #[error("sign in first")]
    SignInRequired,
    /// Signed in with a one-time code: choose a password first.
    #[error("choose a password first")]
    PasswordChangeRequired,
    /// The caller's role or cohorts do not reach this.
    #[error("forbidden")]
    Forbidden,
    /// The input cannot be accepted; nothing was changed. The form says why.
    #[error("invalid input: {0:?}")]
    Invalid(Problem),
}

words! {
    /// What was wrong with a form, in words the visitor can act on. Each has a message
    /// `problem-<code>` in every language, and travels in the address (`?error=<code>`) when a
    /// form was posted without JavaScript. In a server function's JSON answer it is the
    /// variant's name.
    #[derive(Serialize, Deserialize)]
    Problem {
        UsernameFormat => "username-format",
        UsernameTaken => "username-taken",
        DisplayNameLength => "display-name-length",
        ForbiddenCharacters => "forbidden-characters",
        PasswordLength => "password-length",
        PasswordsDiffer => "passwords-differ",
        JoinCodeUnknown => "join-code-unknown",
        BadCredentials => "bad-credentials",
        TooManyAttempts => "too-many-attempts",
        AffiliationMissing => "affiliation-missing",
        NoNames => "no-names",
        TooManyNames => "too-many-names",
        CohortNameLength => "cohort-name-length",
        CannotDeleteSelf => "cannot-delete-self",
        ConfirmationMissing => "confirmation-missing",
        BadInput => "bad-input",
        LessonsNotRead => "lessons-not-read",
        NoAttemptsLeft => "no-attempts-left",
        TooSoon => "too-soon",
        PretestClosed => "pretest-closed",
        StaleAttempt => "stale-attempt",
        AnswersInvalid => "answers-invalid",
        TooManyLookups => "too-many-lookups",
        ReasonMissing => "reason-missing",
        AlreadyRevoked => "already-revoked",
        DateFormat => "date-format",
        DatesOrder => "dates-order",
        PlaceLength => "place-length",
        TrainerUnknown => "trainer-unknown",
        ModuleUnknown => "module-unknown",
        LearnerUnknown => "learner-unknown",
        CohortArchived => "cohort-archived",
        CurrentPasswordWrong => "current-password-wrong",
        DateOutOfRange => "date-out-of-range",
        RetentionRange => "retention-range",
        Busy => "busy",
        OtherAccount => "other-account",
    }
}

impl Problem {
    /// The message key in the Fluent files.
    pub fn message_key(self) -> String {
        format!("problem-{}", self.code())
    }

    pub fn all() -> &'static [Problem] {
        Self::ALL
    }
}

impl AppError {
    /// The error a plain form post was sent back with (`?error=<code>`), if the code is one.
    pub fn from_form_code(code: &str) -> Option<AppError> {
        Some(match code {
            "sign-in-required" => AppError::SignInRequired,
            "password-change-required" => AppError::PasswordChangeRequired,
            "forbidden" => AppError::Forbidden,
            "not-found" => AppError::NotFound,
            "internal" => AppError::Internal,
            other => AppError::Invalid(Problem::parse(other)?),
        })
    }

    /// The message key that explains this error in one sentence.
    pub fn message_key(&self) -> String {
        match self {
            AppError::Invalid(problem) => problem.message_key(),
            AppError::SignInRequired => "sign-in-required-text".into(),
            AppError::PasswordChangeRequired => "password-change-required-text".into(),
            AppError::Forbidden => "forbidden-text".into(),
            AppError::NotFound => "not-found-text".into(),
            AppError::Internal | AppError::Transport => "error-text".into(),
        }
    }

    /// The `?error=` code a plain form post is sent back with.
    pub fn form_code(&self) -> &'static str {
        match self {
            AppError::Invalid(problem) => problem.code(),
            AppError::SignInRequired => "sign-in-required",
            AppError::PasswordChangeRequired => "password-change-required",
            AppError::Forbidden => "forbidden",
            AppError::NotFound => "not-found",
            AppError::Internal | AppError::Transport => "internal",
        }
    }
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Internal | AppError::Transport => 500,
            AppError::SignInRequired | AppError::PasswordChangeRequired => 401,
            AppError::Forbidden => 403,
            AppError::Invalid(
                Problem::TooManyAttempts | Problem::TooManyLookups | Problem::Busy,
            ) => 429,
            AppError::Invalid(_) => 400,
        }
    }

    /// Logs `cause` on the server and returns the error the visitor sees.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        AppError::Internal
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        tracing::warn!(error = %value, "server function failed");
        match value {
            // The form's fields could not be read (missing, malformed, not UTF-8): the
            // visitor's problem, not a failure of the server.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::Invalid(Problem::BadInput)
            }
            _ => AppError::Transport,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<accounts::Error> for AppError {
    fn from(error: accounts::Error) -> Self {
        use accounts::Error as E;
        let problem = match error {
            E::UsernameFormat => Problem::UsernameFormat,
            E::UsernameTaken => Problem::UsernameTaken,
            E::DisplayNameLength => Problem::DisplayNameLength,
            E::ForbiddenCharacters => Problem::ForbiddenCharacters,
            E::PasswordLength => Problem::PasswordLength,
            E::PasswordsDiffer => Problem::PasswordsDiffer,
            E::JoinCodeUnknown => Problem::JoinCodeUnknown,
            E::BadCredentials => Problem::BadCredentials,
            E::TooManyAttempts => Problem::TooManyAttempts,
            E::AffiliationMissing => Problem::AffiliationMissing,
            E::NoNames => Problem::NoNames,
            E::TooManyNames { .. } => Problem::TooManyNames,
            E::CohortNameLength => Problem::CohortNameLength,
            E::CannotDeleteSelf => Problem::CannotDeleteSelf,
            E::DateFormat => Problem::DateFormat,
            E::DatesOrder => Problem::DatesOrder,
            E::PlaceLength => Problem::PlaceLength,
            E::TrainerUnknown => Problem::TrainerUnknown,
            E::LearnerUnknown => Problem::LearnerUnknown,
            E::CohortArchived => Problem::CohortArchived,
            E::CurrentPasswordWrong => Problem::CurrentPasswordWrong,
            E::DateOutOfRange => Problem::DateOutOfRange,
            E::RetentionRange => Problem::RetentionRange,
            E::Busy => Problem::Busy,
            E::SignInRequired => return AppError::SignInRequired,
            E::PasswordChangeRequired => return AppError::PasswordChangeRequired,
            E::Forbidden => return AppError::Forbidden,
            E::NotFound => return AppError::NotFound,
            E::Database(cause) => return AppError::internal(cause),
            E::Internal(cause) => return AppError::internal(cause),
        };
        AppError::Invalid(problem)
    }
}

#[cfg(feature = "ssr")]
impl From<learning::Error> for AppError {
    fn from(error: learning::Error) -> Self {
        use learning::Error as E;
        AppError::Invalid(match error {
            E::NotFound => return AppError::NotFound,
            E::Database(cause) => return AppError::internal(cause),
            E::LessonsNotRead => Problem::LessonsNotRead,
            E::NoAttemptsLeft => Problem::NoAttemptsLeft,
            E::TooSoon(_) => Problem::TooSoon,
            E::PretestClosed => Problem::PretestClosed,
            E::StaleAttempt => Problem::StaleAttempt,
            E::Answers(cause) => {
                tracing::info!(%cause, "quiz answers refused");
                Problem::AnswersInvalid
            }
        })
    }
}

#[cfg(feature = "ssr")]
impl From<insights::Error> for AppError {
    fn from(error: insights::Error) -> Self {
        match error {
            insights::Error::NotFound => AppError::NotFound,
            other => AppError::internal(other),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<certificates::Error> for AppError {
    fn from(error: certificates::Error) -> Self {
        use certificates::Error as E;
        AppError::Invalid(match error {
            E::NotFound => return AppError::NotFound,
            E::TooManyLookups => Problem::TooManyLookups,
            E::ReasonMissing => Problem::ReasonMissing,
            E::AlreadyRevoked => Problem::AlreadyRevoked,
            E::Learning(cause) => return cause.into(),
            E::Database(cause) => return AppError::internal(cause),
            E::Key(cause) => return AppError::internal(cause),
            E::Pdf(cause) => return AppError::internal(cause),
        })
    }
}

/// Sets the HTTP status of the page being rendered on the server; nothing in the browser.
pub fn set_page_status(status: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(code)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(status),
    ) {
        response.set_status(code);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}

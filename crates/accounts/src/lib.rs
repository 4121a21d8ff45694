//! Who may do what on the platform.
//!
//! Accounts (learners, trainers, administrators) with no email or phone number, cohorts' trainers
//! and members, one-time codes, sign-in with throttling, server-side sessions shared by every
//! server process through the database, the audit log, and the personal-data export.
//!
//! Nothing here knows about Leptos or HTTP: the app's server functions call these functions
//! and turn [`Error`] into a message in the visitor's language.

pub mod attendance;
pub mod audit;
pub mod codes;
pub mod cohorts;
pub mod entity;
pub mod password;
pub mod people;
pub mod policy;
pub mod retention;
pub mod session_store;
pub mod sign_in;
pub mod validate;

pub use policy::Caller;

use serde::{Deserialize, Serialize};

/// What an account may do. The `role` column holds its [`Role::code`], and the entity reads
/// it as this enum (a value the database should never hold is an error, not a learner).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    sea_orm::EnumIter,
    sea_orm::DeriveActiveEnum,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(sea_orm::sea_query::StringLen::None)"
)]
pub enum Role {
    #[sea_orm(string_value = "learner")]
    Learner,
    #[sea_orm(string_value = "trainer")]
    Trainer,
    #[sea_orm(string_value = "admin")]
    Admin,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Trainer => "trainer",
            Role::Admin => "admin",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Role::Learner, Role::Trainer, Role::Admin]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

/// The learner's side, used only for figures about groups, never to name anyone. The
/// `affiliation` column holds its [`Affiliation::code`], read as this enum like [`Role`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    sea_orm::EnumIter,
    sea_orm::DeriveActiveEnum,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(sea_orm::sea_query::StringLen::None)"
)]
pub enum Affiliation {
    #[sea_orm(string_value = "fds")]
    Fds,
    #[sea_orm(string_value = "armed_movement")]
    ArmedMovement,
    #[sea_orm(string_value = "other")]
    Other,
}

impl Affiliation {
    pub const ALL: [Affiliation; 3] = [
        Affiliation::Fds,
        Affiliation::ArmedMovement,
        Affiliation::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Affiliation::Fds => "fds",
            Affiliation::ArmedMovement => "armed_movement",
            Affiliation::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// Why a request was refused. Each variant but [`Error::Database`] is the user's to fix and
/// has a message in every language (the app maps them).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the username must be 3 to 32 letters, digits, dots, dashes or underscores")]
    UsernameFormat,
    #[error("this username is taken")]
    UsernameTaken,
    #[error("the name must be 1 to 60 characters")]
    DisplayNameLength,
    #[error("the text holds characters that are not allowed")]
    ForbiddenCharacters,
    #[error("the password must be 8 to 128 characters")]
    PasswordLength,
    #[error("the two passwords differ")]
    PasswordsDiffer,
    #[error("no open cohort has this join code")]
    JoinCodeUnknown,
    #[error("unknown username or wrong password")]
    BadCredentials,
    #[error("too many failed sign-ins")]
    TooManyAttempts,
    #[error("choose an affiliation")]
    AffiliationMissing,
    #[error("the list holds no name")]
    NoNames,
    #[error("the list holds more than {max} names")]
    TooManyNames { max: usize },
    #[error("the cohort name must be 1 to 80 characters")]
    CohortNameLength,
    #[error("an administrator cannot delete their own account")]
    CannotDeleteSelf,
    #[error("a date is written YYYY-MM-DD")]
    DateFormat,
    #[error("the end date comes before the start date")]
    DatesOrder,
    #[error("the place must be at most 80 characters")]
    PlaceLength,
    #[error("no trainer has this username")]
    TrainerUnknown,
    #[error("no learner has this username")]
    LearnerUnknown,
    #[error("this cohort is archived: it takes no new learner")]
    CohortArchived,
    #[error("the current password is wrong")]
    CurrentPasswordWrong,
    #[error("the date is outside 2000-2100")]
    DateOutOfRange,
    #[error("a period is a whole number of days from 30 to 3650")]
    RetentionRange,
    /// Passwords could not be checked in time: too many at once on this server.
    #[error("the server is busy: try again in a moment")]
    Busy,
    #[error("sign in first")]
    SignInRequired,
    #[error("set your password first")]
    PasswordChangeRequired,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("internal: {0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Unix seconds now.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

#[cfg(test)]
mod tests {
    use sea_orm::{ActiveEnum, Iterable};

    use super::{Affiliation, Role};

    /// Each word is written twice, for the column (`string_value`) and for pages and exports
    /// (`code`): they must be the same word, or stored rows would no longer read.
    #[test]
    fn the_column_word_is_the_code_for_every_role_and_affiliation() {
        for role in Role::iter() {
            assert_eq!(role.to_value(), role.code());
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        for affiliation in Affiliation::iter() {
            assert_eq!(affiliation.to_value(), affiliation.code());
            assert_eq!(Affiliation::parse(affiliation.code()), Some(affiliation));
        }
    }
}

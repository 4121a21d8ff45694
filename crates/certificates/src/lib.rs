//! Certificates that anyone can verify.
//!
//! - [`issue`]: a certificate is issued when a learner completes a module, and a course
//!   certificate when every module is completed; a unique index makes it idempotent.
//! - [`number`]: unguessable numbers that are easy to type (Crockford base 32).
//! - [`signing`]: the Ed25519 key (made on first start, kept in a file outside the repository
//!   and the database) and the compact signed payload the QR code carries for offline checks.
//! - [`lookup`]: the public check by number, its rate limit, revocation, and the lists a
//!   learner or a trainer sees.
//! - [`document`]: the rows turned into PDF pages by `certificate_pdf`.

pub mod document;
pub mod entity;
pub mod issue;
pub mod lookup;
pub mod number;
pub mod signing;

pub use entity::certificate::Model as Certificate;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no such certificate")]
    NotFound,
    #[error("too many lookups: wait a minute and try again")]
    TooManyLookups,
    #[error("a reason is needed to revoke a certificate")]
    ReasonMissing,
    #[error("this certificate is already revoked")]
    AlreadyRevoked,
    #[error("signing key: {0}")]
    Key(String),
    #[error("pdf: {0}")]
    Pdf(#[from] certificate_pdf::Error),
    #[error("progress: {0}")]
    Learning(#[from] learning::Error),
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What a certificate is for: one module, or the whole course. The `kind` column holds its
/// [`Kind::code`], read as this enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sea_orm::EnumIter, sea_orm::DeriveActiveEnum)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(sea_orm::sea_query::StringLen::None)"
)]
pub enum Kind {
    #[sea_orm(string_value = "module")]
    Module,
    #[sea_orm(string_value = "course")]
    Course,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Module => "module",
            Kind::Course => "course",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "module" => Some(Kind::Module),
            "course" => Some(Kind::Course),
            _ => None,
        }
    }
}

/// The `module` column of a course certificate, and the module field of its signed payload.
pub const COURSE: &str = "course";

/// The course's title on its certificate, by language.
pub fn course_title(lang: &str) -> &'static str {
    match lang {
        "en" => "Child protection in armed conflict: the full course",
        _ => "La protection de l’enfant dans les conflits armés : la formation complète",
    }
}

pub(crate) fn now() -> i64 {
    accounts::now()
}

#[cfg(test)]
mod tests {
    use sea_orm::{ActiveEnum, Iterable};

    /// The `kind` column's word is the code pages and exports use, for every kind (of
    /// certificates, and of quizzes, which `learning` stores the same way).
    #[test]
    fn the_column_word_is_the_code_for_every_kind() {
        for kind in super::Kind::iter() {
            assert_eq!(kind.to_value(), kind.code());
        }
        for kind in catalog::QuizKind::iter() {
            assert_eq!(kind.to_value(), kind.code());
        }
    }
}

//! What the server functions send to the browser: plain data in one language, kept apart from
//! the catalogue and database types on the server.
//!
//! One file per area, as the pages are; every type is re-exported here, so pages import
//! `crate::model::X` whatever file holds it.

mod account;
mod admin;
mod certificates;
mod cohorts;
mod course;
mod learning;
mod reports;
mod states;

pub use account::*;
pub use admin::*;
pub use certificates::*;
pub use cohorts::*;
pub use course::*;
pub use learning::*;
pub use reports::*;
pub use states::*;

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use serde::Serialize;

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
        same_words(Affiliation::ALL, Affiliation::code);
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

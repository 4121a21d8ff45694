//! A trainer's cohorts: members, classes, the attendance sheet and certificate slips.

use serde::{Deserialize, Serialize};

use super::LessonLink;

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

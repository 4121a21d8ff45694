//! Certificates: the learner's list, the public check of a number, the verification kit.

use serde::{Deserialize, Serialize};

use super::{CertificateKind, CodeState, NumberState};

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

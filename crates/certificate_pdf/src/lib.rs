//! Certificates as PDF.
//!
//! Turns certificate data into a printable A4-landscape PDF, one page per certificate, French
//! first and English second (or one language alone). The document is meant to be framed and
//! trusted at a checkpoint: fonts are embedded (subsetted DejaVu, so every French accent shows
//! on any reader), and a QR code plus a printed address lead to the online verification.
//!
//! This crate knows nothing of HTTP, databases or signing: the caller supplies the signed
//! payload to put in the QR code and the address to print.
//!
//! ```
//! use certificate_pdf::{Certificate, Kind, Languages, render};
//!
//! let certificate = Certificate {
//!     number: "K7QF-9M2X-HT".into(),
//!     name: "Awa Traoré".into(),
//!     kind: Kind::Module,
//!     title_fr: "Protection de l’enfance dans les conflits armés".into(),
//!     title_en: "Child protection in armed conflict".into(),
//!     date: time::Date::from_calendar_date(2026, time::Month::November, 29).expect("a valid date"),
//!     score: 85,
//!     issuer: "Direction nationale de la promotion de l’enfant et de la famille".into(),
//!     qr_payload: "https://example.org/verify/K7QF-9M2X-HT?sig=abc".into(),
//!     verify_url: "https://example.org/verify/K7QF-9M2X-HT".into(),
//! };
//! let pdf = render(&[certificate], Languages::Bilingual)?;
//! assert!(pdf.starts_with(b"%PDF-"));
//! # Ok::<(), certificate_pdf::Error>(())
//! ```

mod draw;
mod fonts;
mod layout;
mod qr;
mod text;
mod wording;

use krilla::Document;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;

use crate::qr::{QrFailure, QrMatrix};

/// What a certificate says. All strings are plain text, never markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    /// The certificate number, e.g. "K7QF-9M2X-HT".
    pub number: String,
    /// The learner's display name as issued. Untrusted: control and bidi-override characters
    /// are removed before drawing; an over-long name is shrunk, then cut with "…".
    pub name: String,
    pub kind: Kind,
    /// Title of the module (or course) in French.
    pub title_fr: String,
    /// Title of the module (or course) in English.
    pub title_en: String,
    /// Date of issue.
    pub date: time::Date,
    /// Score in percent, 0 to 100.
    pub score: u8,
    /// The issuing body, e.g. "Direction nationale de la promotion de l’enfant et de la famille".
    pub issuer: String,
    /// Text encoded in the QR code (typically a URL with a signed payload, 150 to 300 ASCII
    /// characters; at most about 660 bytes fit a QR code that still scans at 30 mm).
    pub qr_payload: String,
    /// Address printed in small type under the QR code, for those without a scanner.
    pub verify_url: String,
}

/// What was completed: the wording differs ("réussi le module" / "terminé la formation").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Module,
    Course,
}

/// Which languages appear on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Languages {
    /// French first and larger, English under each line, smaller, in grey italics.
    #[default]
    Bilingual,
    French,
    English,
}

/// Why a batch of certificates could not be rendered. Nothing is rendered if any certificate
/// is invalid, so a trainer never prints half a cohort without noticing.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("no certificate to render")]
    NoCertificates,
    /// The QR payload does not fit a QR code that can be read once printed at 30 mm.
    #[error("certificate #{index}: QR payload of {len} bytes is too long to encode")]
    QrPayloadTooLong { index: usize, len: usize },
    #[error("certificate #{index}: QR payload cannot be encoded: {reason}")]
    QrPayload { index: usize, reason: String },
    #[error("certificate #{index}: score {score} is above 100")]
    ScoreOutOfRange { index: usize, score: u8 },
    /// Nothing printable is left of the name once control characters are removed.
    #[error("certificate #{index}: the learner's name is empty")]
    EmptyName { index: usize },
    /// The PDF writer failed (not expected for any input; reported rather than panicking).
    #[error("PDF generation failed: {0}")]
    Pdf(String),
}

/// One A4-landscape page per certificate, in order, in one PDF (a trainer prints a whole
/// cohort at once).
///
/// Every certificate is checked before anything is drawn; `index` in an error is the
/// certificate's position in `certificates`.
pub fn render(certificates: &[Certificate], languages: Languages) -> Result<Vec<u8>, Error> {
    if certificates.is_empty() {
        return Err(Error::NoCertificates);
    }
    let codes = certificates
        .iter()
        .enumerate()
        .map(|(index, certificate)| validate(index, certificate))
        .collect::<Result<Vec<_>, _>>()?;

    let page_settings = PageSettings::from_wh(layout::PAGE_WIDTH, layout::PAGE_HEIGHT)
        .ok_or_else(|| Error::Pdf("invalid page size".into()))?;
    let mut document = Document::new();
    document.set_metadata(metadata(certificates, languages));
    for (certificate, code) in certificates.iter().zip(codes) {
        let page_layout = layout::layout(certificate, code, languages);
        let mut page = document.start_page_with(page_settings.clone());
        let mut surface = page.surface();
        draw::draw_page(&mut surface, &page_layout);
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| Error::Pdf(e.to_string()))
}

/// Checks what layout cannot repair and encodes the QR code (the one step that can fail).
fn validate(index: usize, certificate: &Certificate) -> Result<QrMatrix, Error> {
    if certificate.score > 100 {
        return Err(Error::ScoreOutOfRange {
            index,
            score: certificate.score,
        });
    }
    if text::clean(&certificate.name).is_empty() {
        return Err(Error::EmptyName { index });
    }
    QrMatrix::encode(&certificate.qr_payload).map_err(|failure| match failure {
        QrFailure::TooLong => Error::QrPayloadTooLong {
            index,
            len: certificate.qr_payload.len(),
        },
        QrFailure::Other(reason) => Error::QrPayload { index, reason },
    })
}

/// Document title and language, shown by viewers and read by screen readers. No creation
/// date, so the same input always gives the same bytes.
fn metadata(certificates: &[Certificate], languages: Languages) -> Metadata {
    let heading = wording::heading(certificates.first().map_or(Kind::Module, |c| c.kind));
    let (language, heading) = match languages {
        Languages::English => ("en", heading.en),
        Languages::Bilingual | Languages::French => ("fr", heading.fr),
    };
    let title = match certificates {
        [single] => format!("{heading} – {}", text::clean(&single.name)),
        many => format!("{heading} ({})", many.len()),
    };
    Metadata::new()
        .title(title)
        .language(language.to_owned())
        .creator("certificate_pdf".to_owned())
}

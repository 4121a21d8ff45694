//! Certificates as PDF pages: the row, the signed payload for the QR code, and the address
//! a reader can open to check it online.

use crate::signing::{Keys, Payload};
use crate::{Certificate, Kind, Result};

pub use certificate_pdf::Languages;

/// The payload a certificate's QR code carries, signed.
pub fn payload(certificate: &Certificate) -> Payload {
    Payload {
        number: certificate.number.clone(),
        module: certificate.module.clone(),
        date: certificate.date(),
        name: certificate.name.clone(),
    }
}

/// `public_url` is the platform's address as readers reach it, without a trailing slash.
pub fn verify_url(public_url: &str, certificate: &Certificate) -> String {
    format!("{public_url}/verify/{}", certificate.number)
}

/// What the QR code holds: the verification page with the signed code in its address, so
/// that a phone without JavaScript gets the server's check and one with JavaScript can check
/// it again offline.
pub fn qr_text(public_url: &str, keys: &Keys, certificate: &Certificate) -> String {
    format!(
        "{public_url}/verify?code={}",
        keys.sign(&payload(certificate))
    )
}

/// One page per certificate, in order.
pub fn pdf(
    certificates: &[Certificate],
    keys: &Keys,
    public_url: &str,
    languages: Languages,
) -> Result<Vec<u8>> {
    let pages: Vec<certificate_pdf::Certificate> = certificates
        .iter()
        .map(|c| certificate_pdf::Certificate {
            number: c.number.clone(),
            name: c.name.clone(),
            kind: match c.kind {
                Kind::Course => certificate_pdf::Kind::Course,
                Kind::Module => certificate_pdf::Kind::Module,
            },
            title_fr: c.title("fr"),
            title_en: c.title("en"),
            date: c.date(),
            score: u8::try_from(c.score).unwrap_or(0),
            issuer: c.issuer.clone(),
            qr_payload: qr_text(public_url, keys, c),
            verify_url: verify_url(public_url, c),
        })
        .collect();
    Ok(certificate_pdf::render(&pages, languages)?)
}

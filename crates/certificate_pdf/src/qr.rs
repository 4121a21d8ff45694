//! The verification QR code: encoding the payload into a module matrix.

use qrcode::types::QrError;
use qrcode::{EcLevel, QrCode, Version};

/// Modules of light margin a reader needs around the symbol (ISO/IEC 18004).
pub(crate) const QUIET_ZONE_MODULES: usize = 4;

/// The largest QR version we print. At the fixed printed size (about 30 mm) a version 20 symbol
/// (97 modules) already has 0.31 mm modules, the limit of what a phone at a checkpoint reads
/// from an office print. Beyond that the code would print but not scan, so we refuse it.
const MAX_VERSION: i16 = 20;

/// A square matrix of dark/light modules, without its quiet zone.
#[derive(Debug, Clone)]
pub(crate) struct QrMatrix {
    width: usize,
    dark: Vec<bool>,
}

/// Why a payload cannot become a printable QR code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum QrFailure {
    TooLong,
    Other(String),
}

impl QrMatrix {
    /// Encodes `payload` as bytes with medium error correction (15 % of the symbol can be
    /// smudged or folded and it still reads), the usual compromise for printed documents.
    pub(crate) fn encode(payload: &str) -> Result<Self, QrFailure> {
        let code =
            QrCode::with_error_correction_level(payload, EcLevel::M).map_err(|e| match e {
                QrError::DataTooLong => QrFailure::TooLong,
                other => QrFailure::Other(other.to_string()),
            })?;
        match code.version() {
            Version::Normal(v) if v <= MAX_VERSION => {}
            _ => return Err(QrFailure::TooLong),
        }
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        Ok(Self {
            width: code.width(),
            dark,
        })
    }

    /// Modules per side, without the quiet zone.
    pub(crate) fn width(&self) -> usize {
        self.width
    }

    /// Horizontal runs of dark modules as `(row, first column, length)`.
    ///
    /// Drawing one rectangle per run rather than per module keeps the path short and leaves no
    /// hairline seams between neighbouring modules in anti-aliasing viewers.
    pub(crate) fn dark_runs(&self) -> Vec<(usize, usize, usize)> {
        let mut runs = Vec::new();
        for (row, modules) in self.dark.chunks(self.width.max(1)).enumerate() {
            let mut col = 0;
            while col < modules.len() {
                if modules[col] {
                    let start = col;
                    while col < modules.len() && modules[col] {
                        col += 1;
                    }
                    runs.push((row, start, col - start));
                } else {
                    col += 1;
                }
            }
        }
        runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typical_verification_url_encodes() {
        let payload = format!(
            "https://example.org/verify/K7QF-9M2X-HT?sig={}",
            "A".repeat(200)
        );
        let qr = QrMatrix::encode(&payload).expect("encodes");
        assert!(qr.width() >= 21 && qr.width() <= 97);
        assert!(!qr.dark_runs().is_empty());
    }

    #[test]
    fn runs_cover_exactly_the_dark_modules() {
        let qr = QrMatrix::encode("hello").expect("encodes");
        let covered: usize = qr.dark_runs().iter().map(|r| r.2).sum();
        assert_eq!(covered, qr.dark.iter().filter(|d| **d).count());
    }

    #[test]
    fn an_oversized_payload_is_refused() {
        assert_eq!(
            QrMatrix::encode(&"x".repeat(3000)).err(),
            Some(QrFailure::TooLong)
        );
        // Encodable by the QR standard, but not at a size a phone can read on paper.
        assert_eq!(
            QrMatrix::encode(&"x".repeat(1500)).err(),
            Some(QrFailure::TooLong)
        );
    }
}

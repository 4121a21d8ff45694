//! The fixed wording of a certificate, in French and English, and date formatting.
//!
//! Kept apart from layout so a translator can review every string in one place.

use time::{Date, Month};

use crate::Kind;

/// A text in both languages; the layout picks one or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Bilingual {
    pub(crate) fr: String,
    pub(crate) en: String,
}

impl Bilingual {
    fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            fr: fr.into(),
            en: en.into(),
        }
    }
}

pub(crate) fn heading(kind: Kind) -> Bilingual {
    match kind {
        Kind::Module => Bilingual::new("Attestation de réussite", "Certificate of achievement"),
        Kind::Course => Bilingual::new(
            "Attestation de fin de formation",
            "Certificate of course completion",
        ),
    }
}

pub(crate) fn awarded_to() -> Bilingual {
    // "Attestation" is feminine, hence "décernée".
    Bilingual::new("décernée à", "awarded to")
}

pub(crate) fn achievement(kind: Kind) -> Bilingual {
    match kind {
        Kind::Module => Bilingual::new("pour avoir réussi le module", "for passing the module"),
        Kind::Course => Bilingual::new(
            "pour avoir terminé la formation",
            "for completing the course",
        ),
    }
}

/// "le 29 novembre 2026 · score 85 %" / "on 29 November 2026 · score 85%".
/// French puts a no-break space before "%" so the sign never starts a line on its own.
pub(crate) fn date_and_score(date: Date, score: u8) -> Bilingual {
    Bilingual::new(
        format!("le {} · score {score}\u{a0}%", date_fr(date)),
        format!("on {} · score {score}%", date_en(date)),
    )
}

/// Label before the certificate number.
pub(crate) fn number_label() -> Bilingual {
    Bilingual::new("N°", "No.")
}

pub(crate) fn verify_hint() -> Bilingual {
    Bilingual::new(
        "Vérifiez ce document : scannez le code ou ouvrez l’adresse.",
        "Verify this document: scan the code or open the address.",
    )
}

/// "29 novembre 2026"; the first of the month is "1er" in French.
pub(crate) fn date_fr(date: Date) -> String {
    let day = match date.day() {
        1 => "1er".to_owned(),
        d => d.to_string(),
    };
    format!("{day} {} {}", month_fr(date.month()), date.year())
}

/// "29 November 2026" (day first, as in British usage, which reads unambiguously in Mali).
pub(crate) fn date_en(date: Date) -> String {
    format!("{} {} {}", date.day(), date.month(), date.year())
}

fn month_fr(month: Month) -> &'static str {
    match month {
        Month::January => "janvier",
        Month::February => "février",
        Month::March => "mars",
        Month::April => "avril",
        Month::May => "mai",
        Month::June => "juin",
        Month::July => "juillet",
        Month::August => "août",
        Month::September => "septembre",
        Month::October => "octobre",
        Month::November => "novembre",
        Month::December => "décembre",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: Month, d: u8) -> Date {
        Date::from_calendar_date(y, m, d).expect("valid test date")
    }

    #[test]
    fn french_dates_use_french_month_names_and_1er() {
        assert_eq!(date_fr(date(2026, Month::November, 29)), "29 novembre 2026");
        assert_eq!(date_fr(date(2027, Month::August, 1)), "1er août 2027");
        assert_eq!(date_fr(date(2027, Month::February, 3)), "3 février 2027");
    }

    #[test]
    fn english_dates_put_the_day_first() {
        assert_eq!(date_en(date(2026, Month::November, 29)), "29 November 2026");
    }

    #[test]
    fn score_line_has_a_no_break_space_before_percent_in_french_only() {
        let line = date_and_score(date(2026, Month::November, 29), 85);
        assert_eq!(line.fr, "le 29 novembre 2026 · score 85\u{a0}%");
        assert_eq!(line.en, "on 29 November 2026 · score 85%");
    }
}

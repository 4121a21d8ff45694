//! Writes the review samples: one PDF per language mode and per edge case.
//!
//! ```text
//! cargo run -p certificate_pdf --example pdf_samples -- /tmp/certs
//! ```
//!
//! Then look at them, e.g. `pdftoppm -png -r 60 /tmp/certs/bilingual.pdf /tmp/certs/bilingual`.

use std::path::PathBuf;

use certificate_pdf::{Certificate, Kind, Languages, render};

fn sample() -> Certificate {
    Certificate {
        number: "K7QF-9M2X-HT".into(),
        name: "Aminata Coulibaly".into(),
        kind: Kind::Module,
        title_fr: "Protection de l’enfance dans les conflits armés".into(),
        title_en: "Child protection in armed conflict".into(),
        date: time::Date::from_calendar_date(2026, time::Month::November, 29)
            .expect("a valid date"),
        score: 85,
        issuer: "Direction nationale de la promotion de l’enfant et de la famille".into(),
        qr_payload: format!(
            "https://example.org/verify/K7QF-9M2X-HT?s={}",
            "Q".repeat(230)
        ),
        verify_url: "https://example.org/verify/K7QF-9M2X-HT".into(),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args_os()
            .nth(1)
            .unwrap_or_else(|| "/tmp/certs".into()),
    );
    std::fs::create_dir_all(&dir)?;

    let hostile = Certificate {
        name: format!("\u{202E}<script>alert(1)</script>\u{7} {}", "Abdoulaye Ag Mohamed Ousmane ".repeat(7)),
        title_fr: "Les six violations graves commises contre les enfants en temps de conflit armé : \
                   identification, documentation, signalement et orientation vers les services de protection \
                   de l’enfance, « sans délai » et dans le respect de l’intérêt supérieur de l’enfant"
            .into(),
        title_en: "The six grave violations against children in times of armed conflict: identification, \
                   documentation, reporting and referral to child protection services, without delay and in \
                   the best interests of the child"
            .into(),
        ..sample()
    };
    let course = Certificate {
        kind: Kind::Course,
        name: "Sergent-chef Moussa Keïta".into(),
        title_fr: "Formation des formateurs : droits de l’enfant et conflits armés".into(),
        title_en: "Training of trainers: child rights and armed conflict".into(),
        date: time::Date::from_calendar_date(2027, time::Month::August, 1).expect("a valid date"),
        score: 100,
        ..sample()
    };

    let extreme = Certificate {
        name: "W".repeat(200),
        issuer: "Ministère de la Promotion de la Femme, de l’Enfant et de la Famille ".repeat(3),
        verify_url: format!("https://verification.example.org/{}", "x".repeat(150)),
        number: "K7QF-9M2X-HT-0000-1111-2222-3333".into(),
        ..hostile.clone()
    };
    let cohort = vec![
        sample(),
        Certificate {
            name: "Moussa Keïta".into(),
            number: "B2C4-7XQ9-LM".into(),
            ..sample()
        },
        Certificate {
            name: "Fatoumata Touré".into(),
            number: "Z9T3-4KQP-RW".into(),
            ..sample()
        },
    ];

    // Names written in Arabic script and in N'Ko, alone and mixed with Latin letters.
    let scripts = ["مريم ديالو", "ߊߡߌߣߊߕߊ ߞߊߡߊߙߊ", "Mariam مريم Diallo"]
        .map(|name| Certificate {
            name: name.into(),
            ..sample()
        })
        .to_vec();

    let samples = [
        ("bilingual", vec![sample()], Languages::Bilingual),
        ("french", vec![sample()], Languages::French),
        ("english", vec![sample()], Languages::English),
        ("hostile", vec![hostile.clone()], Languages::Bilingual),
        ("hostile_french", vec![hostile], Languages::French),
        ("course", vec![course.clone()], Languages::Bilingual),
        ("course_english", vec![course], Languages::English),
        ("extreme", vec![extreme], Languages::Bilingual),
        ("cohort", cohort, Languages::Bilingual),
        ("scripts", scripts, Languages::Bilingual),
    ];
    for (name, certificates, languages) in samples {
        let pdf = render(&certificates, languages)?;
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, &pdf)?;
        println!("{} ({} bytes)", path.display(), pdf.len());
    }
    Ok(())
}

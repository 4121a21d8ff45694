//! Times certificate rendering and writes a sample.
//!
//! ```text
//! cargo run --release -p certificate_pdf --example pdf_bench -- /tmp/certificate.pdf
//! ```
//!
//! Renders one bilingual certificate 200 times, prints
//! `certificate pdf: N bytes, median X ms, p95 Y ms`, then writes the sample PDF to the path
//! given as first argument (if any).

use std::time::{Duration, Instant};

use certificate_pdf::{Certificate, Kind, Languages, render};

const RUNS: usize = 200;

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
            "https://example.org/verify/K7QF-9M2X-HT?c={}&s={}",
            "eyJuIjoiSzdRRi05TTJYLUhUIiwiZCI6IjIwMjYtMTEtMjkiLCJzIjo4NX0",
            "MEUCIQDx3k9fL2pQ7vR8sT1uW4yZ6aB0cD2eF4gH6iJ8kL0mNwIgQ5rS7tU9vW1xY3zA5bC7dE9fG1hI3jK5lM7nO9pQ1rS3tU5vW7xY9zA1bC3dE5fG7"
        ),
        verify_url: "https://example.org/verify/K7QF-9M2X-HT".into(),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let certificates = [sample()];
    // One untimed run so font parsing (done once per process) is not counted.
    let pdf = render(&certificates, Languages::Bilingual)?;

    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let pdf = render(&certificates, Languages::Bilingual);
            let elapsed = start.elapsed();
            std::hint::black_box(pdf).map(|_| elapsed)
        })
        .collect::<Result<_, _>>()?;
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(times[RUNS / 2]);
    let p95 = ms(times[RUNS * 95 / 100]);
    println!(
        "certificate pdf: {} bytes, median {median:.2} ms, p95 {p95:.2} ms",
        pdf.len()
    );

    if let Some(path) = std::env::args_os().nth(1) {
        std::fs::write(&path, &pdf)?;
        eprintln!("wrote {}", path.to_string_lossy());
    }
    Ok(())
}

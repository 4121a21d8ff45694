//! End-to-end checks on the PDF bytes, read back with poppler's command-line tools
//! (`pdftotext`, `pdfinfo`, `pdffonts`; package poppler-utils, installed by the setup script),
//! so the tests see what a reader sees rather than what we meant to write.

use std::io::Write;
use std::process::Command;

use certificate_pdf::{Certificate, Error, Kind, Languages, render};

fn sample() -> Certificate {
    Certificate {
        number: "K7QF-9M2X-HT".into(),
        name: "Aminata Coulibaly".into(),
        kind: Kind::Module,
        title_fr: "Droits et protection de l’enfance en conflit armé".into(),
        title_en: "Child rights and protection in armed conflict".into(),
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

fn named(name: &str, number: &str) -> Certificate {
    Certificate {
        name: name.into(),
        number: number.into(),
        ..sample()
    }
}

/// Runs a poppler tool on the PDF (written to a temporary file) and returns its stdout.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("temp file");
    file.write_all(pdf).expect("write temp PDF");
    let output = Command::new(tool)
        .args(args)
        .arg(file.path())
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} (install poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The text a reader extracts, no-break spaces read as plain spaces. (pdftotext already
/// prints U+00A0 as a space, although the PDF's ToUnicode map has it: the no-break space
/// before "%" is pinned by the wording unit tests instead.)
fn text_of(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-enc", "UTF-8"], pdf).replace('\u{a0}', " ")
}

fn text_of_page(pdf: &[u8], page: usize) -> String {
    let page = page.to_string();
    poppler(
        "pdftotext",
        &["-enc", "UTF-8", "-f", &page, "-l", &page],
        pdf,
    )
    .replace('\u{a0}', " ")
}

fn page_count(pdf: &[u8]) -> usize {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports a page count")
}

/// Font rows from `pdffonts`: `(name, embedded)`.
fn fonts_of(pdf: &[u8]) -> Vec<(String, bool)> {
    poppler("pdffonts", &[], pdf)
        .lines()
        .skip(2)
        .map(|row| {
            let columns: Vec<&str> = row.split_whitespace().collect();
            // name, type (one or two words), encoding, emb, sub, uni, object, generation
            let embedded = columns.len() >= 6 && columns[columns.len() - 5] == "yes";
            (
                columns.first().copied().unwrap_or_default().to_owned(),
                embedded,
            )
        })
        .collect()
}

/// Word boxes `(xMin, yMin, xMax, yMax, word)` as `pdftotext -bbox` reports them.
fn word_boxes(pdf: &[u8]) -> Vec<(f32, f32, f32, f32, String)> {
    let html = poppler("pdftotext", &["-bbox"], pdf);
    html.lines()
        .filter_map(|line| line.trim().strip_prefix("<word "))
        .map(|word| {
            let attribute = |name: &str| -> f32 {
                let start = word.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
                let end = start + word[start..].find('"').expect("closing quote");
                word[start..end].parse().expect("a number")
            };
            let text = word
                .split_once('>')
                .map(|(_, rest)| rest.trim_end_matches("</word>"))
                .unwrap_or_default();
            (
                attribute("xMin"),
                attribute("yMin"),
                attribute("xMax"),
                attribute("yMax"),
                text.to_owned(),
            )
        })
        .collect()
}

#[test]
fn extracted_text_holds_the_certificate_data_with_accents_intact() {
    let pdf = render(&[sample()], Languages::Bilingual).expect("renders");
    let text = text_of(&pdf);
    for expected in [
        "Aminata Coulibaly",
        "Droits et protection de l’enfance en conflit armé",
        "Child rights and protection in armed conflict",
        "K7QF-9M2X-HT",
        // The issuer is set in capitals, as a letterhead.
        "DIRECTION NATIONALE DE LA PROMOTION DE L’ENFANT ET DE LA FAMILLE",
        "Attestation de réussite",
        "Certificate of achievement",
        "décernée à",
        "pour avoir réussi le module",
        "le 29 novembre 2026 · score 85 %",
        "on 29 November 2026 · score 85%",
        "N° / No.",
        "https://example.org/verify/K7QF-9M2X-HT",
        "Vérifiez ce document : scannez le code ou ouvrez l’adresse.",
        "Verify this document: scan the code or open the address.",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
}

#[test]
fn french_only_and_english_only_show_a_single_language() {
    let french = text_of(&render(&[sample()], Languages::French).expect("renders"));
    assert!(french.contains("Attestation de réussite") && french.contains("N° K7QF-9M2X-HT"));
    assert!(
        !french.contains("Certificate") && !french.contains("Child rights"),
        "{french}"
    );

    let english = text_of(&render(&[sample()], Languages::English).expect("renders"));
    assert!(english.contains("Certificate of achievement") && english.contains("No. K7QF-9M2X-HT"));
    assert!(english.contains("awarded to") && english.contains("on 29 November 2026"));
    assert!(
        !english.contains("Attestation") && !english.contains("décernée"),
        "{english}"
    );
}

#[test]
fn a_course_certificate_uses_the_course_wording() {
    let course = Certificate {
        kind: Kind::Course,
        ..sample()
    };
    let text = text_of(&render(&[course], Languages::Bilingual).expect("renders"));
    for expected in [
        "Attestation de fin de formation",
        "Certificate of course completion",
        "pour avoir terminé la formation",
        "for completing the course",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    assert!(!text.contains("réussi le module"));
}

#[test]
fn fonts_are_embedded_and_no_standard_font_is_referenced() {
    let pdf = render(&[sample()], Languages::Bilingual).expect("renders");
    let bytes = String::from_utf8_lossy(&pdf);
    assert!(
        bytes.contains("/FontFile2") || bytes.contains("/FontFile3"),
        "no embedded font program"
    );
    for standard in [
        "/Helvetica",
        "/Times",
        "/Courier",
        "/Symbol",
        "/ZapfDingbats",
    ] {
        assert!(
            !bytes.contains(&format!("/BaseFont {standard}")),
            "references {standard}"
        );
    }
    let fonts = fonts_of(&pdf);
    assert!(!fonts.is_empty(), "pdffonts lists no font");
    assert!(
        fonts.iter().all(|(_, embedded)| *embedded),
        "a font is not embedded: {fonts:?}"
    );
}

#[test]
fn only_the_faces_a_page_uses_are_embedded() {
    // The italic serves only the English lines of a bilingual certificate.
    let names = |languages| {
        let pdf = render(&[sample()], languages).expect("renders");
        fonts_of(&pdf)
            .into_iter()
            .map(|(name, _)| name)
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(names(Languages::Bilingual).contains("DejaVuSerif-Italic"));
    assert!(
        !names(Languages::French).contains("Italic"),
        "{}",
        names(Languages::French)
    );
}

#[test]
fn one_page_per_certificate_in_order() {
    let certificates = [
        named("Aminata Coulibaly", "AAAA-1111-AA"),
        named("Moussa Keïta", "BBBB-2222-BB"),
        named("Fatoumata Touré", "CCCC-3333-CC"),
    ];
    let pdf = render(&certificates, Languages::Bilingual).expect("renders");
    assert_eq!(page_count(&pdf), 3);
    for (page, certificate) in certificates.iter().enumerate() {
        let text = text_of_page(&pdf, page + 1);
        assert!(
            text.contains(&certificate.name),
            "page {} lacks {}",
            page + 1,
            certificate.name
        );
        assert!(text.contains(&certificate.number));
    }
    let single = render(&certificates[..1], Languages::French).expect("renders");
    assert_eq!(page_count(&single), 1);
}

#[test]
fn hostile_names_render_as_plain_text_without_reordering_characters() {
    let long_name: String = "Abdoulaye Ag Mohamed Ousmane Maïga "
        .repeat(6)
        .chars()
        .take(200)
        .collect();
    assert_eq!(long_name.chars().count(), 200);
    let certificates = [
        named("<script>alert(1)</script>", "AAAA-1111-AA"),
        named(&long_name, "BBBB-2222-BB"),
        named("Awa\u{202E} Traoré\u{7}\u{2066}\u{200F}", "CCCC-3333-CC"),
    ];
    let pdf = render(&certificates, Languages::Bilingual).expect("hostile names render");
    assert_eq!(
        page_count(&pdf),
        3,
        "each certificate still takes exactly one page"
    );

    let script = text_of_page(&pdf, 1);
    assert!(script.contains("<script>alert(1)</script>"), "{script}");

    let long = text_of_page(&pdf, 2);
    let name_line = long
        .lines()
        .find(|l| l.starts_with("Abdoulaye Ag Mohamed"))
        .expect("name drawn");
    assert!(
        name_line.ends_with('…'),
        "long name not shortened: {name_line:?}"
    );
    assert!(name_line.chars().count() < 200);

    let bidi = text_of_page(&pdf, 3);
    assert!(bidi.contains("Awa Traoré"), "{bidi}");
    let all = text_of(&pdf);
    for forbidden in ['\u{202E}', '\u{7}', '\u{2066}', '\u{200F}'] {
        assert!(
            !all.contains(forbidden),
            "U+{:04X} survived",
            forbidden as u32
        );
    }
}

#[test]
fn every_word_stays_inside_the_frame() {
    let long_title = "Les six violations graves commises contre les enfants en temps de conflit armé : \
                      identification, documentation, signalement et orientation vers les services de protection";
    let hard = Certificate {
        name: "W".repeat(200),
        title_fr: long_title.into(),
        title_en: long_title.into(),
        issuer: "Ministère de la Promotion de la Femme, de l’Enfant et de la Famille ".repeat(3),
        verify_url: format!("https://verification.example.org/{}", "x".repeat(150)),
        ..sample()
    };
    for languages in [Languages::Bilingual, Languages::French, Languages::English] {
        let pdf = render(std::slice::from_ref(&hard), languages).expect("renders");
        let words = word_boxes(&pdf);
        assert!(words.len() > 20);
        // The inner frame line is 29 pt from the paper edge on a 842 × 595 pt page.
        for (x_min, y_min, x_max, y_max, word) in words {
            assert!(
                x_min > 29.0 && y_min > 29.0,
                "{word:?} crosses the frame at top/left"
            );
            assert!(
                x_max < 813.0 && y_max < 566.0,
                "{word:?} crosses the frame at bottom/right"
            );
        }
    }
}

#[test]
fn one_certificate_weighs_at_most_100_kb() {
    for languages in [Languages::Bilingual, Languages::French, Languages::English] {
        let pdf = render(&[sample()], languages).expect("renders");
        assert!(pdf.len() <= 100 * 1024, "{} bytes", pdf.len());
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let first = render(&[sample()], Languages::Bilingual).expect("renders");
    let second = render(&[sample()], Languages::Bilingual).expect("renders");
    assert!(first == second, "rendering is not deterministic");
}

#[test]
fn an_empty_batch_is_an_error() {
    assert!(matches!(
        render(&[], Languages::Bilingual),
        Err(Error::NoCertificates)
    ));
}

#[test]
fn an_oversized_qr_payload_is_an_error_naming_the_certificate() {
    let too_long = Certificate {
        qr_payload: "x".repeat(3000),
        ..sample()
    };
    assert!(matches!(
        render(std::slice::from_ref(&too_long), Languages::Bilingual),
        Err(Error::QrPayloadTooLong {
            index: 0,
            len: 3000
        })
    ));
    assert!(matches!(
        render(&[sample(), too_long], Languages::French),
        Err(Error::QrPayloadTooLong { index: 1, .. })
    ));
}

#[test]
fn data_no_layout_can_fix_is_an_error() {
    let score = Certificate {
        score: 101,
        ..sample()
    };
    assert!(matches!(
        render(&[score], Languages::Bilingual),
        Err(Error::ScoreOutOfRange {
            index: 0,
            score: 101
        })
    ));
    let nameless = named("\u{202E}\u{7} \n", "AAAA-1111-AA");
    assert!(matches!(
        render(&[nameless], Languages::Bilingual),
        Err(Error::EmptyName { index: 0 })
    ));
}

#[test]
fn odd_but_valid_input_renders_without_panicking() {
    let odd = [
        named("مريم ديالو", "AR"),
        named("ߊߡߌߣߊߕߊ 🙂 Ñandú", "NKO"),
        Certificate {
            title_fr: String::new(),
            title_en: String::new(),
            issuer: String::new(),
            ..sample()
        },
        Certificate {
            title_fr: "é".repeat(10_000),
            verify_url: String::new(),
            number: String::new(),
            ..sample()
        },
        Certificate {
            score: 0,
            date: time::Date::MIN,
            ..sample()
        },
        Certificate {
            score: 100,
            date: time::Date::MAX,
            qr_payload: String::new(),
            ..sample()
        },
    ];
    for languages in [Languages::Bilingual, Languages::French, Languages::English] {
        let pdf = render(&odd, languages).expect("renders");
        assert_eq!(page_count(&pdf), odd.len());
    }
}

/// Decodes the printed QR code with zbarimg (package zbar-tools, not installed on CI):
/// `cargo test -p certificate_pdf -- --ignored`.
#[test]
#[ignore = "needs zbarimg from zbar-tools"]
fn the_printed_qr_code_scans_back_to_the_payload() {
    let certificate = sample();
    let pdf = render(std::slice::from_ref(&certificate), Languages::Bilingual).expect("renders");
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf_path = dir.path().join("certificate.pdf");
    std::fs::write(&pdf_path, &pdf).expect("write PDF");
    let png_stem = dir.path().join("certificate");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "150", "-singlefile"])
        .arg(&pdf_path)
        .arg(&png_stem)
        .status()
        .expect("run pdftoppm");
    assert!(status.success());
    let output = Command::new("zbarimg")
        .args(["-q", "--raw"])
        .arg(png_stem.with_extension("png"))
        .output()
        .expect("run zbarimg");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        certificate.qr_payload
    );
}

/// A name in Arabic or N'Ko script is drawn with letters (not empty boxes: the face has them,
/// so its text comes back out) and centred on the page like a Latin one, measured as shaped.
/// (`pdftotext -bbox` gives right-to-left words with their letters in visual order.)
#[test]
fn names_in_arabic_and_nko_script_are_drawn_and_centred() {
    for name in ["مريم ديالو", "ߊߡߌߣߊߕߊ ߞߊߡߊߙߊ", "Awa Traoré"] {
        let pdf = render(&[named(name, "AAAA-1111-AA")], Languages::French).expect("renders");
        let parts: Vec<(&str, String)> = name
            .split(' ')
            .map(|part| (part, part.chars().rev().collect()))
            .collect();
        let words: Vec<_> = word_boxes(&pdf)
            .into_iter()
            .filter(|w| parts.iter().any(|(part, rev)| w.4 == *part || w.4 == *rev))
            .collect();
        assert_eq!(
            words.len(),
            parts.len(),
            "each part of {name:?} drawn once: {words:?}"
        );
        let left = words.iter().map(|w| w.0).fold(f32::MAX, f32::min);
        let right = words.iter().map(|w| w.2).fold(f32::MIN, f32::max);
        let centre = (left + right) / 2.0;
        // A4 landscape: 841.89 pt wide.
        assert!(
            (centre - 841.89 / 2.0).abs() < 3.0,
            "{name:?} spans {left}–{right}, centred at {centre}"
        );
    }
}

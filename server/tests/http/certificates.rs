//! Certificates over HTTP, on SQLite and PostgreSQL: issued when a learner completes a module,
//! downloaded as a PDF by the learner and the cohort's trainer only, checked by anyone on the
//! public page (valid, revoked, unknown; rate-limited), checked from the QR code's signed code
//! without JavaScript, revoked by the cohort's trainer, and verified by `server certificate
//! verify`. A hostile display name stays text.

use accounts::{Role, cohorts, people};
use app::serverfns::certificates::{CheckCertificate, RevokeCertificate};
use certificates::entity::certificate;
use certificates::signing::{Keys, Payload};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::quizzes::{answers, body, catalog, read_lessons};
use crate::support::{ISSUER, PASSWORD, TestApp, account, form, joining};
use catalog::QuizKind;

/// A cohort "Gao" with its trainer, another trainer, an administrator, and a learner (with a
/// hostile display name) who has completed module `first`. Returns (learner id, cohort id,
/// learner cookie, trainer cookie, other trainer cookie, certificate number).
struct World {
    cohort: i64,
    learner: String,
    trainer: String,
    other: String,
    number: String,
}

const NAME: &str = "Awa <script>alert(1)</script>";

async fn world(app: &TestApp) -> World {
    let db = app.db().await;
    let trainer = account(&db, "trainer", Role::Trainer).await;
    let other = account(&db, "other", Role::Trainer).await;
    let cohort = cohorts::create(&db, trainer, "Gao").await.unwrap().id;
    cohorts::create(&db, other, "Kidal").await.unwrap();
    let code = cohorts::get(&db, cohort).await.unwrap().join_code.unwrap();
    let awa = people::join(&db, joining(&code, "awa", NAME))
        .await
        .unwrap()
        .id;
    let learner = app.sign_in("awa", PASSWORD).await;
    read_lessons(app, &learner).await;
    assert_eq!(
        certificate::Entity::find().count(&db).await.unwrap(),
        0,
        "not before the quiz"
    );
    let passed = app
        .call::<app::serverfns::learning::SubmitQuiz>(
            &body(
                QuizKind::Quiz,
                1,
                &answers(&catalog(), QuizKind::Quiz, awa, 1, true),
            ),
            Some(&learner),
        )
        .await;
    assert!(passed.status().is_success() || passed.status().is_redirection());
    let issued = certificate::Entity::find().all(&db).await.unwrap();
    assert_eq!(
        issued.len(),
        1,
        "one certificate, issued when the quiz was passed"
    );
    World {
        cohort,
        trainer: app.sign_in("trainer", PASSWORD).await,
        other: app.sign_in("other", PASSWORD).await,
        learner,
        number: issued[0].number.clone(),
    }
}

async fn text(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String) {
    let response = app.get_as(path, cookie).await;
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn bytes(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String, Vec<u8>) {
    let response = app.get_as(path, cookie).await;
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, kind, response.bytes().await.unwrap().to_vec())
}

/// The number of pages, as poppler's `pdfinfo` reads them (the setup script installs it).
fn pages(pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo (poppler-utils)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reads the page count")
}

async fn completing_a_module_issues_a_certificate_the_learner_downloads(app: &TestApp) {
    let w = world(app).await;
    let (status, html) = text(app, "/certificates", Some(&w.learner)).await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&w.number) && html.contains("Premier module"),
        "{html}"
    );
    assert!(html.contains(&format!("/certificates/{}.pdf?lang=fr", w.number)));
    let (_, html) = text(app, "/modules/first", Some(&w.learner)).await;
    assert!(
        html.contains("Votre attestation"),
        "the module page offers it"
    );

    // Marking a lesson read again, or replaying the quiz, issues nothing more.
    read_lessons(app, &w.learner).await;
    let db = app.db().await;
    assert_eq!(certificate::Entity::find().count(&db).await.unwrap(), 1);

    let (status, kind, pdf) = bytes(
        app,
        &format!("/certificates/{}.pdf?lang=fr", w.number),
        Some(&w.learner),
    )
    .await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    assert!(
        pdf.starts_with(b"%PDF") && pdf.len() < 100_000,
        "{} bytes",
        pdf.len()
    );
    assert!(
        String::from_utf8_lossy(&pdf).contains("/FontFile2"),
        "fonts embedded"
    );

    // The cohort's trainer may download it; another trainer, another learner or a
    // visitor may not (and learns nothing from a 404).
    let path = format!("/certificates/{}.pdf", w.number);
    assert_eq!(bytes(app, &path, Some(&w.trainer)).await.0, 200);
    assert_eq!(bytes(app, &path, Some(&w.other)).await.0, 404);
    assert_eq!(bytes(app, &path, None).await.0, 401);
    assert_eq!(
        bytes(app, "/certificates/0000-0000-00.pdf", Some(&w.learner))
            .await
            .0,
        404
    );

    // The cohort's PDF, for printing.
    let cohort_pdf = format!("/trainer/cohorts/{}/certificates.pdf", w.cohort);
    let (status, kind, pdf) = bytes(app, &cohort_pdf, Some(&w.trainer)).await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    assert_eq!(pages(&pdf), 1);
    assert_eq!(bytes(app, &cohort_pdf, Some(&w.other)).await.0, 404);
    assert_eq!(bytes(app, &cohort_pdf, Some(&w.learner)).await.0, 404);
    let (_, html) = text(
        app,
        &format!("/trainer/cohorts/{}", w.cohort),
        Some(&w.trainer),
    )
    .await;
    assert!(html.contains(&cohort_pdf) && html.contains(&w.number));
}

async fn anyone_checks_a_number_and_sees_only_what_the_certificate_says(app: &TestApp) {
    let w = world(app).await;
    let (status, html) = text(app, &format!("/verify/{}", w.number), None).await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!("L’attestation {} est valide", w.number)),
        "{html}"
    );
    assert!(html.contains("Premier module") && html.contains(ISSUER));
    assert!(
        html.contains("Awa &lt;script&gt;alert(1)&lt;/script&gt;"),
        "the name as text"
    );
    assert!(!html.contains("<script>alert(1)"), "never as markup");
    assert!(
        !html.contains(">awa<") && !html.contains("100 %"),
        "no username, no score"
    );
    assert!(!html.contains("Révoquer"), "a visitor cannot revoke");

    // Typed by hand, in lower case with spaces, through the plain form.
    let typed = w.number.to_lowercase().replace('-', " ");
    let (_, html) = text(
        app,
        &format!("/verify?number={}", typed.replace(' ', "+")),
        None,
    )
    .await;
    assert!(html.contains("est valide"), "{html}");
    let (_, html) = text(app, "/verify/K7QF-9M2X-HT", None).await;
    assert!(html.contains("Aucune attestation ne porte le numéro K7QF-9M2X-HT"));
}

async fn lookups_are_rate_limited(app: &TestApp) {
    let _w = world(app).await;
    let body = form(&[("lang", "fr"), ("number", "0000-0000-00")]);
    for _ in 0..certificates::lookup::LOOKUPS_PER_WINDOW {
        assert_eq!(
            app.call::<CheckCertificate>(&body, None).await.status(),
            200
        );
    }
    let refused = app.call::<CheckCertificate>(&body, None).await;
    assert_eq!(refused.status(), 429);
    let (status, html) = text(app, "/verify/0000-0000-00", None).await;
    assert_eq!(status, 429);
    assert!(html.contains("Trop de vérifications"), "{html}");
}

async fn the_cohort_trainer_revokes_and_the_check_says_revoked(app: &TestApp) {
    let w = world(app).await;
    let reason = |r: &str| form(&[("number", &w.number), ("reason", r)]);
    assert_eq!(
        app.call::<RevokeCertificate>(&reason("x"), Some(&w.learner))
            .await
            .status(),
        403
    );
    assert_eq!(
        app.call::<RevokeCertificate>(&reason("x"), Some(&w.other))
            .await
            .status(),
        403
    );
    assert_eq!(
        app.call::<RevokeCertificate>(&reason("x"), None)
            .await
            .status(),
        401
    );
    let empty = app
        .call::<RevokeCertificate>(&reason("  "), Some(&w.trainer))
        .await;
    assert_eq!(empty.status(), 400);
    let (_, html) = text(app, &format!("/verify/{}", w.number), Some(&w.trainer)).await;
    assert!(html.contains("est valide") && html.contains("Révoquer cette attestation"));

    let done = app
        .call::<RevokeCertificate>(&reason("Délivrée par erreur"), Some(&w.trainer))
        .await;
    assert!(
        done.status().is_success() || done.status().is_redirection(),
        "{}",
        done.status()
    );
    let (_, html) = text(app, &format!("/verify/{}", w.number), None).await;
    assert!(html.contains("a été révoquée le"), "{html}");
    assert!(
        !html.contains("Délivrée par erreur"),
        "the reason is not public"
    );
    let again = app
        .call::<RevokeCertificate>(&reason("encore"), Some(&w.trainer))
        .await;
    assert_eq!(again.status(), 400);
    let path = format!("/certificates/{}.pdf", w.number);
    assert_eq!(
        bytes(app, &path, Some(&w.learner)).await.0,
        410,
        "not printed again"
    );

    // The QR code's signed code is still genuine, but the server knows better than the
    // phone: it says revoked, with the date, and shows nothing the code claims.
    let db = app.db().await;
    let cert = certificates::lookup::by_number(&db, &w.number)
        .await
        .unwrap()
        .unwrap();
    let keys = Keys::load(&app.data_dir().join("keys/certificate-signing.key")).unwrap();
    let code = keys.sign(&certificates::document::payload(&cert));
    let (status, html) = text(app, &format!("/verify?code={code}"), None).await;
    assert_eq!(status, 200);
    assert!(html.contains("data-state=\"revoked\""), "{html}");
    assert!(
        html.contains("l’attestation a été révoquée") && html.contains("a été révoquée le"),
        "{html}"
    );
    assert!(
        !html.contains("Awa &lt;script&gt;"),
        "the name is not shown for a revoked one"
    );
    let log = accounts::audit::latest(&db, 5).await.unwrap();
    assert!(
        log.iter().any(|e| e.action == "certificate-revoked"),
        "{log:?}"
    );
}

async fn the_qr_code_is_checked_without_javascript_and_tampering_is_caught(app: &TestApp) {
    let w = world(app).await;
    let db = app.db().await;
    let cert = certificates::lookup::by_number(&db, &w.number)
        .await
        .unwrap()
        .unwrap();
    let keys = Keys::load(&app.data_dir().join("keys/certificate-signing.key")).unwrap();
    let code = keys.sign(&certificates::document::payload(&cert));

    // The public key, as published, is the one that signs.
    let (status, json) = text(app, "/certificates/public-key", None).await;
    assert_eq!(status, 200);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["public_key"], keys.public_key_text());

    // What a phone without JavaScript opens when it scans the QR code.
    let (status, html) = text(app, &format!("/verify?code={code}"), None).await;
    assert_eq!(status, 200);
    assert!(html.contains("Le code est authentique"), "{html}");
    assert!(html.contains("Premier module") && html.contains("Awa &lt;script&gt;"));

    let mut forged = certificates::document::payload(&cert);
    forged.name = "Someone Else".into();
    let forged_code = tampered(&code, &forged);
    let (_, html) = text(app, &format!("/verify?code={forged_code}"), None).await;
    assert!(html.contains("Ce code n’est pas authentique"), "{html}");
    assert!(!html.contains("Someone Else"), "a forged name is not shown");
    let (_, html) = text(app, "/verify?code=hello", None).await;
    assert!(html.contains("n’est pas un code d’attestation"));
}

on_every_database!(
    completing_a_module_issues_a_certificate_the_learner_downloads,
    anyone_checks_a_number_and_sees_only_what_the_certificate_says,
    lookups_are_rate_limited,
    the_cohort_trainer_revokes_and_the_check_says_revoked,
    the_qr_code_is_checked_without_javascript_and_tampering_is_caught
);

/// The code with its message replaced by `payload`'s, the signature kept.
fn tampered(code: &str, payload: &Payload) -> String {
    let (_, signature) = code.split_once('.').unwrap();
    let other = Keys::load_or_create(&tempfile::tempdir().unwrap().path().join("k")).unwrap();
    let (message, _) = other
        .sign(payload)
        .split_once('.')
        .map(|(m, s)| (m.to_string(), s.to_string()))
        .unwrap();
    format!("{message}.{signature}")
}

#[test]
fn the_command_line_verifies_a_code_with_the_servers_key() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("certificate-signing.key");
    let keys = Keys::load_or_create(&key).unwrap();
    let payload = Payload {
        number: "K7QF-9M2X-HT".into(),
        module: "first".into(),
        date: time::Date::from_calendar_date(2026, time::Month::November, 29).unwrap(),
        name: "Awa Koné".into(),
    };
    let code = keys.sign(&payload);
    let run = |code: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .args(["certificate", "verify", code])
            .env("CERTIFICATE_KEY_FILE", &key)
            .output()
            .unwrap()
    };
    let good = run(&format!("http://platform.test/verify?code={code}"));
    let out = String::from_utf8_lossy(&good.stdout);
    assert!(good.status.success(), "{out}");
    assert!(
        out.contains("genuine")
            && out.contains("name: Awa Koné")
            && out.contains("date: 2026-11-29")
    );
    let mut forged = payload.clone();
    forged.date = time::Date::from_calendar_date(2025, time::Month::November, 29).unwrap();
    let bad = run(&tampered(&code, &forged));
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stdout).contains("NOT genuine"));
}

//! Offline use over HTTP, on SQLite and PostgreSQL: the service worker and what it is given
//! (this build's files, `no-cache`), the manifests, the list a saved module stores, the
//! outbox's late replays (the stored result, nothing added), answers refused under another
//! account, sign-out's `Clear-Site-Data`, and the kill switch.

use crate::quizzes::{answers, body, catalog, page, read_lessons};
use crate::support::{PASSWORD, TestApp, account, fixture_content, form, spawn_app_with};
use accounts::Role;
use app::serverfns::account::SignOut;
use app::serverfns::learning::{MarkRead, SubmitQuiz};
use catalog::QuizKind;
use learning::entity::{lesson_read, quiz_answer, quiz_attempt};
use leptos::server_fn::ServerFn;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

async fn counts(db: &DatabaseConnection) -> (u64, u64, u64) {
    (
        quiz_attempt::Entity::find().count(db).await.unwrap(),
        quiz_answer::Entity::find().count(db).await.unwrap(),
        lesson_read::Entity::find().count(db).await.unwrap(),
    )
}

/// What the outbox sends: the form as the page posted it, with the page script's
/// `for_account`, asking for HTML and naming the form's page as the referrer.
async fn replay<S: ServerFn>(
    app: &TestApp,
    fields: &str,
    account: i64,
    cookie: Option<&str>,
    from_page: &str,
) -> reqwest::Response {
    let body = format!(
        "{fields}&{}",
        form(&[("for_account", &account.to_string())])
    );
    app.post_plain_form::<S>(&body, cookie, from_page).await
}

async fn json(response: reqwest::Response) -> serde_json::Value {
    serde_json::from_str(&response.text().await.unwrap()).unwrap()
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

async fn the_worker_and_the_pages_name_this_build(app: &TestApp) {
    let worker = app.get("/sw.js").await;
    assert_eq!(worker.status(), 200);
    assert_eq!(worker.headers()["cache-control"], "no-cache");
    assert!(
        worker.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    let worker = worker.text().await.unwrap();
    assert!(!worker.contains("__"), "every blank filled in");
    assert!(worker.contains(SubmitQuiz::PATH) && worker.contains(MarkRead::PATH));
    assert!(
        worker.contains(
            r#"const NEVER = ["/account","/trainer","/admin","/slips","/certificates","/api"];"#
        ),
        "the worker never keeps the private areas"
    );
    // The test site has no hash file: the plain names.
    for file in ["/pkg/app.css", "/pkg/app.js", "/pkg/app.wasm"] {
        assert!(worker.contains(&format!("\"{file}\"")), "{file}");
    }
    let version = worker
        .split("const VERSION = '")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap();
    assert_eq!(version.len(), 16, "{version}");

    // Every page loads the page script and links the manifest of its language.
    let (status, home) = page(app, "/", "", "fr").await;
    assert_eq!(status, 200);
    let script = home
        .split("<script src=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    assert!(
        script.starts_with("/offline-") && script.ends_with(".js"),
        "{script}"
    );
    assert!(
        worker.contains(&format!("\"{script}\"")),
        "the worker keeps the page script"
    );
    assert!(
        home.contains("<link href=\"/manifest.fr.webmanifest\" rel=\"manifest\">"),
        "{home}"
    );
    let (_, english) = page(app, "/modules/first", "", "en").await;
    assert!(english.contains("<link href=\"/manifest.en.webmanifest\" rel=\"manifest\">"));
    assert!(
        english.contains("data-offline-save=\"first\""),
        "the save offer"
    );
    assert!(english.contains("Save for offline use"));

    let response = app.get(&script).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("serviceWorker.register('/sw.js')")
    );
    assert_eq!(app.get("/offline-0000.js").await.status(), 404);

    // Pages say their language (the worker keeps a copy per language) and allow the worker.
    let response = app.get_in("/modules/first/01-start", "en").await;
    assert_eq!(response.headers()["content-language"], "en");
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(policy.contains("worker-src 'self'") && policy.contains("manifest-src 'self'"));
    assert_eq!(
        app.get_in("/", "fr").await.headers()["content-language"],
        "fr"
    );
}

async fn the_manifests_and_icons_make_an_installable_app(app: &TestApp) {
    for (lang, name) in [
        ("fr", "Droits de l’enfant dans les conflits armés"),
        ("en", "Child rights in armed conflict"),
    ] {
        let response = app.get(&format!("/manifest.{lang}.webmanifest")).await;
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.headers()["content-type"],
            "application/manifest+json"
        );
        let manifest = json(response).await;
        assert_eq!(manifest["lang"], lang);
        assert_eq!(manifest["name"], name);
        assert_eq!(manifest["start_url"], "/");
        assert_eq!(manifest["display"], "standalone");
        let icons = manifest["icons"].as_array().unwrap();
        assert_eq!(icons.len(), 2);
        for icon in icons {
            let response = app.get(icon["src"].as_str().unwrap()).await;
            assert_eq!(response.status(), 200);
            assert_eq!(response.headers()["content-type"], "image/png");
            let bytes = response.bytes().await.unwrap();
            assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
            // The size the manifest states is the image's (IHDR width).
            let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
            assert_eq!(icon["sizes"], format!("{width}x{width}"));
        }
    }
    assert_eq!(app.get("/manifest.de.webmanifest").await.status(), 404);
}

async fn a_saved_module_lists_its_course_pages_and_nothing_private(app: &TestApp) {
    let response = app.get_in("/offline/first.json", "en").await;
    assert_eq!(response.status(), 200);
    let list = json(response).await;
    assert_eq!(list["lang"], "en");
    assert_eq!(list["href"], "/modules/first");
    let pages: Vec<&str> = list["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    for expected in [
        "/modules/first/01-start",
        "/modules/first/02-next",
        "/job-aid/first",
        "/glossary/first",
        "/modules/first/test/quiz",
        "/modules/first/test/pretest",
        "/modules/first",
        "/",
        "/offline",
    ] {
        assert!(pages.contains(&expected), "{expected} in {pages:?}");
    }
    let unique: std::collections::BTreeSet<_> = pages.iter().collect();
    assert_eq!(unique.len(), pages.len(), "each page once: {pages:?}");
    for page in &pages {
        for private in server::router::PRIVATE {
            assert!(!page.starts_with(private), "{page}");
        }
    }
    let files = list["files"].as_array().unwrap();
    assert!(!files.is_empty());
    for file in files {
        let response = app.get(file.as_str().unwrap()).await;
        assert_eq!(response.status(), 200, "{file}");
    }
    // One clip for each lesson and one per section, in each format.
    let opus = list["audio"]["opus"].as_array().unwrap();
    assert!(opus.len() >= 2, "{opus:?}");
    assert_eq!(opus.len(), list["audio"]["mp3"].as_array().unwrap().len());
    let french = json(app.get_in("/offline/first.json", "fr").await).await;
    assert_eq!(french["lang"], "fr");
    assert_ne!(french["title"], list["title"]);
    assert_ne!(
        french["audio"]["opus"], list["audio"]["opus"],
        "each language its voice"
    );
    assert_eq!(app.get("/offline/nope.json").await.status(), 404);
    assert_eq!(app.get("/offline/first").await.status(), 404);
}

async fn a_late_replay_returns_the_stored_attempt_and_adds_nothing(app: &TestApp) {
    let db = app.db().await;
    let catalog = catalog();
    let awa = account(&db, "awa", Role::Learner).await;
    let cookie = app.sign_in("awa", PASSWORD).await;
    read_lessons(app, &cookie).await;
    let quiz = "/modules/first/test/quiz";
    let first = body(
        QuizKind::Quiz,
        1,
        &answers(&catalog, QuizKind::Quiz, awa, 1, false),
    );
    let sent = replay::<SubmitQuiz>(app, &first, awa, Some(&cookie), quiz).await;
    assert_eq!(location(&sent), "/modules/first/test/quiz/1");
    // The learner goes on online and passes attempt 2.
    let second = body(
        QuizKind::Quiz,
        2,
        &answers(&catalog, QuizKind::Quiz, awa, 2, true),
    );
    let sent = replay::<SubmitQuiz>(app, &second, awa, Some(&cookie), quiz).await;
    assert_eq!(location(&sent), "/modules/first/test/quiz/2");
    let before = counts(&db).await;
    assert_eq!(before, (2, 6, 2));

    // Hours later the phone replays attempt 1 (twice, from two tabs), and a lesson read.
    let right_now = body(
        QuizKind::Quiz,
        1,
        &answers(&catalog, QuizKind::Quiz, awa, 1, true),
    );
    for _ in 0..2 {
        let late = replay::<SubmitQuiz>(app, &right_now, awa, Some(&cookie), quiz).await;
        assert_eq!(
            location(&late),
            "/modules/first/test/quiz/1",
            "its stored result"
        );
    }
    let read = form(&[("module", "first"), ("lesson", "01-start")]);
    let late = replay::<MarkRead>(app, &read, awa, Some(&cookie), "/modules/first/01-start").await;
    assert_eq!(location(&late), "/modules/first/02-next");
    assert_eq!(counts(&db).await, before, "nothing added");
    let (_, result) = page(app, "/modules/first/test/quiz/1", &cookie, "fr").await;
    assert!(
        result.contains("data-passed=\"false\""),
        "the first recording stands"
    );
}

async fn answers_kept_for_one_account_are_refused_under_another(app: &TestApp) {
    let db = app.db().await;
    let catalog = catalog();
    let awa = account(&db, "awa", Role::Learner).await;
    let _binta = account(&db, "binta", Role::Learner).await;
    let awa_cookie = app.sign_in("awa", PASSWORD).await;
    read_lessons(app, &awa_cookie).await;
    let before = counts(&db).await;
    let fields = body(
        QuizKind::Quiz,
        1,
        &answers(&catalog, QuizKind::Quiz, awa, 1, true),
    );
    let quiz = "/modules/first/test/quiz";

    // Awa's session expired: the outbox's replay is asked to sign in, and kept.
    let expired = replay::<SubmitQuiz>(app, &fields, awa, None, quiz).await;
    assert_eq!(location(&expired), format!("{quiz}?error=sign-in-required"));
    // Binta signed in on the same phone: refused with its own reason, nothing recorded.
    let binta = app.sign_in("binta", PASSWORD).await;
    let other = replay::<SubmitQuiz>(app, &fields, awa, Some(&binta), quiz).await;
    assert_eq!(location(&other), format!("{quiz}?error=other-account"));
    let read = form(&[("module", "first"), ("lesson", "01-start")]);
    let other = replay::<MarkRead>(app, &read, awa, Some(&binta), "/modules/first/01-start").await;
    assert_eq!(
        location(&other),
        "/modules/first/01-start?error=other-account"
    );
    assert_eq!(counts(&db).await, before);
    // Awa signs in again: sent, recorded once. (Had the form been refused, its page would
    // say why, in words.)
    let awa_again = app.sign_in("awa", PASSWORD).await;
    let (_, shown) = page(
        app,
        &format!("{quiz}?error=other-account"),
        &awa_again,
        "en",
    )
    .await;
    assert!(
        shown.contains("given under another account"),
        "the reason, in words: {shown}"
    );
    let sent = replay::<SubmitQuiz>(app, &fields, awa, Some(&awa_again), quiz).await;
    assert_eq!(location(&sent), "/modules/first/test/quiz/1");
    assert_eq!(counts(&db).await.0, before.0 + 1);
}

async fn signing_out_tells_the_browser_to_drop_what_the_site_kept(app: &TestApp) {
    let db = app.db().await;
    account(&db, "awa", Role::Learner).await;
    let cookie = app.sign_in("awa", PASSWORD).await;
    let response = app
        .post_plain_form::<SignOut>("", Some(&cookie), "/account")
        .await;
    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(
        response.headers()["clear-site-data"],
        "\"cache\", \"storage\""
    );
    // The account page holds the warning the script shows before signing out.
    let again = app.sign_in("awa", PASSWORD).await;
    let (_, html) = page(app, "/account", &again, "fr").await;
    assert!(html.contains("data-sign-out-warning=\"Des réponses n’ont pas encore été envoyées."));
    assert!(
        html.contains("data-account=\""),
        "the page script's account tag"
    );
}

async fn the_kill_switch_unregisters_the_worker_and_drops_the_script(app: &TestApp) {
    let off = spawn_app_with(&app.backend, fixture_content(), |s| s.offline = false)
        .await
        .unwrap();
    let worker = off.get("/sw.js").await;
    assert_eq!(worker.headers()["cache-control"], "no-cache");
    let worker = worker.text().await.unwrap();
    assert!(worker.contains("self.registration.unregister()"));
    assert!(!worker.contains("addEventListener('fetch'"));
    let (_, home) = page(&off, "/", "", "fr").await;
    assert!(!home.contains("<script src"), "no page script");
    assert!(!home.contains("manifest"));
    off.cleanup().await;
}

on_every_database!(
    the_worker_and_the_pages_name_this_build,
    the_manifests_and_icons_make_an_installable_app,
    a_saved_module_lists_its_course_pages_and_nothing_private,
    a_late_replay_returns_the_stored_attempt_and_adds_nothing,
    answers_kept_for_one_account_are_refused_under_another,
    signing_out_tells_the_browser_to_drop_what_the_site_kept,
    the_kill_switch_unregisters_the_worker_and_drops_the_script
);

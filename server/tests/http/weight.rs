//! What a page costs on the wire: the lesson's text once and, on pages without an island, no
//! script but the small deferred offline script; the islands loader on the two pages that
//! have one; content-hashed `/pkg` files
//! cached for a year, pages revalidated, so that a new build's pages name only its own files.

use crate::support::{PASSWORD, TestApp, account, fixture_content, spawn_app_with};
use accounts::Role;

async fn text(response: reqwest::Response) -> String {
    response.text().await.expect("a text body")
}

/// Nothing that would make a browser download or run code but the offline page script
/// (`server/offline/page.js`, a few kilobytes, deferred). Leptos's renderer always writes one
/// small inline script that declares its (here empty) lists of serialised data: empty, it
/// shows that nothing was serialised, the lesson body included.
fn assert_no_script(page: &str, what: &str) {
    let sources: Vec<&str> = page
        .split("<script src=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(
        sources.len() == 1 && sources[0].starts_with("/offline-") && sources[0].ends_with(".js"),
        "{what} loads {sources:?}"
    );
    for sign in [
        "type=\"module\"",
        "modulepreload",
        ".wasm",
        "/pkg/app.js",
        "leptos-island",
    ] {
        assert!(!page.contains(sign), "{what} carries `{sign}`: {page}");
    }
    assert!(
        page.contains("__RESOLVED_RESOURCES=[];"),
        "{what} serialises data: {page}"
    );
    assert_eq!(
        page.matches("<script").count(),
        3,
        "{what}: only Leptos's empty lists and the offline script: {page}"
    );
}

/// A site as a release build leaves it: hashed names and the hash file.
fn built_site(hashes: [&str; 3]) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let [js, wasm, css] = hashes;
    std::fs::write(
        pkg.join(format!("app.{js}.js")),
        "export default function () {}",
    )
    .unwrap();
    std::fs::write(pkg.join(format!("app.{wasm}.wasm")), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(pkg.join(format!("app.{css}.css")), "body { color: #222; }").unwrap();
    std::fs::write(
        site.path().join("hash.txt"),
        format!("js: {js}\nwasm: {wasm}\ncss: {css}\n"),
    )
    .unwrap();
    site
}

async fn a_lesson_carries_its_text_once_and_no_script(app: &TestApp) {
    for lang in ["fr", "en"] {
        let page = text(app.get_in("/modules/first/01-start", lang).await).await;
        let sentence = if lang == "fr" {
            "Texte avec une image"
        } else {
            "Text with an image"
        };
        assert_eq!(
            page.matches(sentence).count(),
            1,
            "the lesson body once in {lang}: {page}"
        );
        assert_no_script(&page, "a lesson");
    }
    for path in [
        "/",
        "/modules/first",
        "/sign-in",
        "/join",
        "/glossary/first",
        "/job-aid/first",
        "/no/such/page",
    ] {
        assert_no_script(&text(app.get(path).await).await, path);
    }
}

async fn the_two_pages_with_an_island_load_the_islands_script(app: &TestApp) {
    let verify = text(app.get("/verify").await).await;
    assert_eq!(verify.matches("<leptos-island").count(), 1, "{verify}");
    assert!(
        verify.contains("data-component=\"CodeCheckForm"),
        "{verify}"
    );
    assert_eq!(
        verify.matches("<script type=\"module\" nonce=").count(),
        1,
        "one loader: {verify}"
    );
    // The island's props travel in the page: the key and the words, nothing private.
    assert!(
        verify.contains("public_key") && verify.contains("Vérifier le code"),
        "{verify}"
    );

    let db = app.db().await;
    account(&db, "awa", Role::Learner).await;
    let cookie = app.sign_in("awa", PASSWORD).await;
    crate::quizzes::read_lessons(app, &cookie).await;
    let (status, quiz) = crate::quizzes::page(app, "/modules/first/test/quiz", &cookie, "en").await;
    assert_eq!(status, 200);
    assert_eq!(quiz.matches("<leptos-island").count(), 1, "{quiz}");
    assert!(quiz.contains("data-component=\"QuizStepper"), "{quiz}");
    assert!(
        quiz.contains("Next question") && quiz.contains("Send my answers"),
        "{quiz}"
    );
    assert_eq!(
        quiz.matches("class=\"step\"").count(),
        3,
        "one step per question"
    );
    assert!(
        quiz.contains("method=\"post\" action=\"/api/"),
        "a plain form: {quiz}"
    );
    // No resource hint: a browser with JavaScript off fetches a preload too, and the wasm
    // would cost it 100 KB for nothing.
    for page in [&verify, &quiz] {
        assert!(
            !page.contains("rel=\"preload\"") && !page.contains("modulepreload"),
            "a hint that a browser without JavaScript would follow: {page}"
        );
    }
}

async fn hashed_files_are_immutable_and_pages_are_revalidated(app: &TestApp) {
    // `app` is the plain (unhashed) site of the other tests: its /pkg is revalidated.
    let site = app.data_dir().join("site/pkg");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("app.css"), "body {}").unwrap();
    let plain = app.get("/pkg/app.css").await;
    assert_eq!(
        plain.headers()["cache-control"],
        "public, max-age=0, must-revalidate"
    );

    let old = built_site(["Js1", "Wasm1", "Css1"]);
    let new = built_site(["Js2", "Wasm2", "Css2"]);
    let backend = app.backend.clone();
    let old_path = old.path().to_path_buf();
    let first = spawn_app_with(&backend, fixture_content(), |s| s.site_root = old_path)
        .await
        .unwrap();
    for file in ["app.Js1.js", "app.Wasm1.wasm", "app.Css1.css"] {
        let response = first.get(&format!("/pkg/{file}")).await;
        assert_eq!(response.status(), 200, "{file}");
        assert_eq!(
            response.headers()["cache-control"],
            "public, max-age=31536000, immutable",
            "{file}"
        );
    }
    let page = first.get("/verify").await;
    assert_eq!(page.headers()["cache-control"], "private, no-cache");
    let page = text(page).await;
    assert!(page.contains("href=\"/pkg/app.Css1.css\""), "{page}");
    // The islands loader names the build's script and wasm (without resource hints, the
    // names are the loader's arguments).
    assert!(
        page.contains("\"app.Js1\"") && page.contains("\"app.Wasm1\""),
        "{page}"
    );
    assert!(!page.contains("app.css"), "{page}");
    let lesson = text(first.get("/modules/first/01-start").await).await;
    assert!(lesson.contains("href=\"/pkg/app.Css1.css\""), "{lesson}");

    // The next build: its pages name its own files, and the old ones are gone.
    let new_path = new.path().to_path_buf();
    let second = spawn_app_with(&backend, fixture_content(), |s| s.site_root = new_path)
        .await
        .unwrap();
    let page = text(second.get("/verify").await).await;
    assert!(
        page.contains("/pkg/app.Css2.css")
            && page.contains("\"app.Js2\"")
            && page.contains("\"app.Wasm2\""),
        "{page}"
    );
    assert!(!page.contains("Js1") && !page.contains("Wasm1"), "{page}");
    assert_eq!(second.get("/pkg/app.Wasm1.wasm").await.status(), 404);
    first.cleanup().await;
    second.cleanup().await;
}

on_every_database!(
    a_lesson_carries_its_text_once_and_no_script,
    the_two_pages_with_an_island_load_the_islands_script,
    hashed_files_are_immutable_and_pages_are_revalidated
);

//! The platform through its real router, on SQLite and (when configured) PostgreSQL.

use crate::support::{TestApp, spawn_app};
use migration::MigratorTrait;
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};

async fn body(response: reqwest::Response) -> String {
    response.text().await.expect("a text body")
}

/// Words that would betray internals on a page.
fn assert_no_internals(page: &str) {
    for leak in [
        "panicked",
        "RUST_BACKTRACE",
        "DbErr",
        "sqlx",
        "Internal(",
        "src/",
        ".rs:",
    ] {
        assert!(!page.contains(leak), "the page shows `{leak}`");
    }
}

async fn health_says_the_database_answers(app: &TestApp) {
    let response = app.get("/health").await;
    assert_eq!(response.status(), 200);
    let json: serde_json::Value = serde_json::from_str(&body(response).await).unwrap();
    assert_eq!(json["database"], "ok");
}

async fn every_migration_is_applied_at_start(app: &TestApp) {
    let db = Database::connect(app.database_url.as_str()).await.unwrap();
    let applied = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT version FROM seaql_migrations",
        ))
        .await
        .unwrap();
    assert_eq!(applied.len(), migration::Migrator::migrations().len());
    db.execute_unprepared("SELECT key, value, updated_at FROM setting")
        .await
        .expect("the setting table exists");
    drop(db);
}

async fn the_home_page_lists_the_modules_in_french_by_default(app: &TestApp) {
    let response = app.get("/").await;
    assert_eq!(response.status(), 200);
    let page = body(response).await;
    assert!(page.contains("<html lang=\"fr\""), "{page}");
    assert!(page.contains("Modules de formation"));
    let first = page.find("Premier module").expect("first module listed");
    let second = page.find("Second module").expect("second module listed");
    assert!(first < second, "modules in teaching order");
    assert!(page.contains("2 leçons") && page.contains("1 leçon") && page.contains("15 min"));
    assert!(page.contains("href=\"/modules/first\""));
}

async fn a_module_page_lists_its_lessons_in_order(app: &TestApp) {
    let response = app.get("/modules/first").await;
    assert_eq!(response.status(), 200);
    let page = body(response).await;
    let start = page
        .find("href=\"/modules/first/01-start\"")
        .expect("first lesson linked");
    let next = page
        .find("href=\"/modules/first/02-next\"")
        .expect("second lesson linked");
    assert!(start < next);
    assert!(
        page.contains("Commencer la première leçon")
            && page.contains("Le résumé du premier module.")
    );
}

async fn a_lesson_states_its_objectives_in_the_page_language(app: &TestApp) {
    let page = body(app.get("/modules/first/01-start").await).await;
    let heading = page
        .find("Dans cette leçon, vous apprenez à")
        .expect("objectives shown");
    let second = page
        .find("<li>Second objectif</li>")
        .expect("second objective");
    let first = page
        .find("<li>Premier objectif</li>")
        .expect("first objective");
    assert!(
        heading < second && second < first,
        "in the lesson's order, above the text"
    );
    assert!(second < page.find("Une section").unwrap());
    let english = body(app.get_in("/modules/first/01-start", "en").await).await;
    assert!(
        english.contains("In this lesson, you learn to")
            && english.contains("<li>First objective</li>")
    );
    let other = body(app.get("/modules/first/02-next").await).await;
    assert!(
        !other.contains("vous apprenez à"),
        "no objectives, no heading"
    );
}

async fn a_module_links_to_its_printable_job_aid(app: &TestApp) {
    let module = body(app.get("/modules/first").await).await;
    assert!(module.contains("href=\"/job-aid/first\""), "{module}");
    assert!(
        module.contains("Fiche pratique à imprimer") && module.contains("Fiche du premier module")
    );
    let second = body(app.get("/modules/second").await).await;
    assert!(
        !second.contains("/job-aid/"),
        "a module without a job aid links to none"
    );

    let response = app.get("/job-aid/first").await;
    assert_eq!(response.status(), 200);
    let page = body(response).await;
    assert!(page.contains("<h1>Fiche du premier module</h1>"), "{page}");
    assert!(page.contains("<li>Demander un document.</li>") && page.contains("Source A, art. 1"));
    assert!(page.contains("page A4"), "says how to print it");
    let english = body(app.get_in("/job-aid/first", "en").await).await;
    assert!(english.contains("<h1>First module job aid</h1>"));
    for missing in ["/job-aid/second", "/job-aid/nope"] {
        let response = app.get(missing).await;
        assert_eq!(response.status(), 404, "{missing}");
        assert!(body(response).await.contains("Page introuvable"));
    }
}

async fn a_module_glossary_opens_at_its_address_with_french_spacing(app: &TestApp) {
    let module = body(app.get("/modules/first").await).await;
    assert!(
        module.contains("href=\"/glossary/first\"")
            && module.contains("Glossaire du premier module"),
        "{module}"
    );
    let second = body(app.get("/modules/second").await).await;
    assert!(
        !second.contains("/glossary/"),
        "a module without a glossary links to none"
    );
    let response = app.get("/glossary/first").await;
    assert_eq!(response.status(), 200);
    let page = body(response).await;
    assert!(
        page.contains("<h1>Glossaire du premier module</h1>"),
        "{page}"
    );
    assert!(
        page.contains("<strong>FDS</strong>&nbsp;: Forces de défense et de sécurité."),
        "{page}"
    );
    assert!(page.contains("Glossaire") && page.contains("Source A, art. 1"));
    let english = body(app.get_in("/glossary/first", "en").await).await;
    assert!(
        english.contains("<h1>First module glossary</h1>")
            && english.contains("<strong>FDS</strong>: Defence")
    );
    for missing in ["/glossary/second", "/glossary/nope"] {
        let response = app.get(missing).await;
        assert_eq!(response.status(), 404, "{missing}");
    }
}

async fn a_revalidated_asset_costs_a_bare_304(app: &TestApp) {
    let pkg = app.data_dir().join("site/pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("app.css"), "body { color: #222; }").unwrap();
    let first = app.get("/pkg/app.css").await;
    assert_eq!(first.status(), 200);
    assert!(
        first.headers().contains_key("content-security-policy"),
        "the cached response has them"
    );
    let modified = first.headers()["last-modified"]
        .to_str()
        .unwrap()
        .to_string();
    let again = app
        .client
        .get(format!("{}/pkg/app.css", app.base))
        .header("if-modified-since", modified)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    for header in [
        "content-security-policy",
        "x-frame-options",
        "permissions-policy",
    ] {
        assert!(
            !again.headers().contains_key(header),
            "a 304 repeats no {header}"
        );
    }
}

async fn unknown_addresses_get_a_404_page_in_the_visitors_language(app: &TestApp) {
    for path in [
        "/no/such/page",
        "/modules/nope",
        "/modules/first/99-nope",
        "/modules/first/..%2F..%2Fetc",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let page = body(response).await;
        assert!(page.contains("Page introuvable"), "{path}: {page}");
        assert_no_internals(&page);
        let english = body(app.get_in(path, "en").await).await;
        assert!(english.contains("Page not found"), "{path}");
    }
}

on_every_database!(
    health_says_the_database_answers,
    every_migration_is_applied_at_start,
    the_home_page_lists_the_modules_in_french_by_default,
    a_module_page_lists_its_lessons_in_order,
    a_lesson_states_its_objectives_in_the_page_language,
    a_module_links_to_its_printable_job_aid,
    a_module_glossary_opens_at_its_address_with_french_spacing,
    a_revalidated_asset_costs_a_bare_304,
    unknown_addresses_get_a_404_page_in_the_visitors_language
);

#[tokio::test]
async fn sqlite_runs_in_wal_mode() {
    let app = spawn_app(&crate::support::Backend::Sqlite).await;
    let db = Database::connect(app.database_url.as_str()).await.unwrap();
    let row = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA journal_mode",
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.try_get::<String>("", "journal_mode").unwrap(), "wal");
}

#[tokio::test]
async fn a_first_visit_follows_accept_language_and_the_cookie_wins_after() {
    let app = spawn_app(&crate::support::Backend::Sqlite).await;
    let page = body(app.get_in("/", "en-US,en;q=0.8").await).await;
    assert!(
        page.contains("<html lang=\"en\"")
            && page.contains("Training modules")
            && page.contains("First module")
    );
    let page = body(app.get_in("/", "de-DE").await).await;
    assert!(
        page.contains("<html lang=\"fr\""),
        "an unsupported language falls back to French"
    );
    let response = app
        .client
        .get(format!("{}/", app.base))
        .header("accept-language", "en")
        .header("cookie", "lang=fr")
        .send()
        .await
        .unwrap();
    assert!(body(response).await.contains("Modules de formation"));
}

#[tokio::test]
async fn the_language_form_without_javascript_sets_the_cookie_and_returns_to_the_page() {
    let app = spawn_app(&crate::support::Backend::Sqlite).await;
    let referer = format!("{}/modules/first", app.base);
    let response = app
        .language_form("lang=en")
        .header("accept", "text/html")
        .header("referer", &referer)
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_redirection(),
        "status {}",
        response.status()
    );
    // leptos_axum appends an empty query (where it would carry an error) to the way back.
    assert_eq!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .trim_end_matches('?'),
        referer
    );
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("lang=en;"), "{cookie}");

    let page = body(
        app.client
            .get(&referer)
            .header("cookie", "lang=en")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("First module") && page.contains("Lessons"));
}

#[tokio::test]
async fn an_unknown_language_in_the_form_keeps_french() {
    let app = spawn_app(&crate::support::Backend::Sqlite).await;
    let response = app.language_form("lang=%3Cscript%3E").send().await.unwrap();
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.starts_with("lang=fr;"), "{cookie}");
}

#[tokio::test]
async fn a_lesson_page_shows_the_lesson_its_sources_and_the_next_lesson() {
    let app = spawn_app(&crate::support::Backend::Sqlite).await;
    let response = app.get("/modules/first/01-start").await;
    assert_eq!(response.status(), 200);
    let page = body(response).await;
    for expected in [
        "<h1>Début du premier</h1>",
        "<h2>Une section</h2>",
        "src=\"/media/first/images/timeline.svg\"",
        "href=\"/modules/first/02-next\"",
        "Source A, art. 1",
        "Leçon 1 sur 2",
        "Leçon suivante",
        "<title>Début du premier</title>",
    ] {
        assert!(page.contains(expected), "missing {expected}");
    }
    let last = body(app.get_in("/modules/first/02-next", "en").await).await;
    assert!(
        last.contains("Lesson 2 of 2")
            && last.contains("Previous lesson")
            && last.contains("Back to the module")
    );
    assert!(
        !last.contains("rel=\"next\""),
        "the last lesson has no next lesson"
    );
}

#[tokio::test]
async fn only_files_that_lessons_reference_are_served() {
    let app = spawn_app(&crate::support::Backend::Sqlite).await;
    let image = app.get("/media/first/images/timeline.svg").await;
    assert_eq!(image.status(), 200);
    assert_eq!(image.headers()["content-type"], "image/svg+xml");
    for path in [
        "/media/first/images/secret.txt",
        "/media/first/module.toml",
        "/media/first/..%2F02-second%2Fmodule.toml",
        "/media/nope/images/timeline.svg",
    ] {
        assert_eq!(app.get(path).await.status(), 404, "{path}");
    }
}

#[tokio::test]
async fn pages_are_compressed_for_clients_that_accept_brotli() {
    let app = spawn_app(&crate::support::Backend::Sqlite).await;
    let response = app
        .client
        .get(format!("{}/", app.base))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-encoding"], "br");
    assert_eq!(response.headers()["cache-control"], "private, no-cache");
}

#[tokio::test]
async fn an_oversized_request_body_is_refused() {
    let app = spawn_app(&crate::support::Backend::Sqlite).await;
    let response = app
        .language_form(format!("lang={}", "x".repeat(200 * 1024)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
}

#[tokio::test]
async fn the_server_refuses_to_start_on_broken_content_and_lists_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    crate::support::copy_dir(&crate::support::fixture_content(), &content);
    std::fs::remove_file(content.join("01-first/02-next.en.md")).unwrap();
    std::fs::remove_file(content.join("01-first/images/timeline.svg")).unwrap();
    let error =
        crate::support::spawn_app_with_content(&crate::support::Backend::Sqlite, content.clone())
            .await
            .err()
            .expect("the start fails");
    let message = format!("{error:#}");
    let prefix = content.display().to_string();
    assert!(
        message.contains(&format!(
            "{prefix}/01-first/02-next.fr.md:1: missing translation"
        )),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "{prefix}/01-first/01-start.en.md:8: missing image"
        )),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "{prefix}/01-first/01-start.fr.md:8: missing image"
        )),
        "{message}"
    );
}

#[test]
fn content_check_exits_zero_on_good_content_and_one_on_problems() {
    let good = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["content", "check"])
        .arg(crate::support::fixture_content())
        .output()
        .unwrap();
    assert!(good.status.success());
    assert!(String::from_utf8_lossy(&good.stdout).contains(
        "2 modules, 3 lessons, 1 quizzes, 1 pre-tests, 5 questions, 1 job aids, 0 recordings, in fr, en: no problems"
    ));

    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    crate::support::copy_dir(&crate::support::fixture_content(), &content);
    std::fs::write(
        content.join("02-second/01-only.en.md"),
        "+++\ntitle = \n+++\n",
    )
    .unwrap();
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["content", "check"])
        .arg(&content)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("02-second/01-only.en.md:2: malformed front matter"),
        "{stderr}"
    );
    assert!(stderr.contains("1 problem(s) found"), "{stderr}");
}

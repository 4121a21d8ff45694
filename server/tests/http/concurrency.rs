//! Many people opening the same pages at once, as a classroom does when a session starts. The
//! server runs on several worker threads here, as in production: a page that read a reactive
//! value after its owner had gone (the page title) failed only when a request moved between
//! threads, never one request at a time.

use crate::support::{Backend, spawn_app};

/// Every page whose title is its only reactive text (no data loaded), and a few that load
/// data, as an anonymous visitor sees them (the signed-in pages answer with an error page,
/// which sets its own title).
const PAGES: &[&str] = &[
    "/sign-in",
    "/join",
    "/no-such-page",
    "/verify",
    "/account",
    "/account/password",
    "/certificates",
    "/trainer",
    "/admin",
    "/slips",
    "/",
    "/modules/first",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pages_opened_by_many_people_at_once_never_fail() {
    let app = spawn_app(&Backend::Sqlite).await;
    let mut failures = Vec::new();
    for page in PAGES {
        for _round in 0..8 {
            let requests = (0..16).map(|_| app.get(page));
            for response in futures::future::join_all(requests).await {
                if response.status().is_server_error() {
                    failures.push(format!("{page}: {}", response.status()));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} requests failed: {failures:?}",
        failures.len(),
        PAGES.len() * 8 * 16
    );
    app.cleanup().await;
}

//! Issuing, looking up and revoking against a real SQLite database and the server's fixture
//! content (module `first` has a quiz, module `second` only a lesson). The server's tests run
//! the same over HTTP on SQLite and PostgreSQL.

use std::path::Path;

use accounts::people::{self, NewAccount};
use accounts::{Affiliation, Role};
use catalog::{Catalog, Module, QuizKind};
use certificates::entity::certificate;
use certificates::{Error, issue, lookup, number};
use learning::{attempts, progress};
use migration::testing::database;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

const NOW: i64 = 1_800_000_000;
const ISSUER: &str = "Direction nationale de la promotion de l’enfant et de la famille";

fn catalog() -> Catalog {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../server/tests/fixtures/content");
    catalog::load(&root, &["fr".to_string(), "en".to_string()]).expect("fixture content")
}

async fn learner(db: &DatabaseConnection, username: &str, display_name: &str) -> i64 {
    let (account, _) = people::create_with_code(
        db,
        None,
        NewAccount {
            username: Some(username),
            display_name,
            role: Role::Learner,
            affiliation: Affiliation::Fds,
            lang: "fr",
        },
    )
    .await
    .unwrap();
    account.id
}

/// Reads every lesson of `module`, and passes its quiz if it has one.
async fn complete(db: &DatabaseConnection, module: &Module, account: i64) {
    for lesson in &module.lessons {
        progress::mark_read(db, module, &lesson.slug, account, NOW)
            .await
            .unwrap();
    }
    let Some(quiz) = module.quiz_of(QuizKind::Quiz) else {
        return;
    };
    let drawn = attempts::draw(module, QuizKind::Quiz, account, 1).unwrap();
    let mut picks = Vec::new();
    for (i, d) in drawn.iter().enumerate() {
        let question = &quiz.questions[d.question];
        for (place, &option) in d.options.iter().enumerate() {
            if question.correct[option] {
                picks.push((i, place));
            }
        }
    }
    let submitted = attempts::submit(db, module, QuizKind::Quiz, account, 1, &picks, NOW)
        .await
        .unwrap();
    assert!(submitted.passed);
}

async fn count(db: &DatabaseConnection) -> u64 {
    certificate::Entity::find().count(db).await.unwrap()
}

#[tokio::test]
async fn completing_a_module_issues_one_certificate_and_completing_again_changes_nothing() {
    let (db, _dir) = database().await;
    let catalog = catalog();
    let awa = learner(&db, "awa", "Awa Koné").await;
    let first = catalog.module("first").unwrap();

    // Nothing before the module is completed.
    progress::mark_read(&db, first, "01-start", awa, NOW)
        .await
        .unwrap();
    assert!(
        issue::after_progress(&db, &catalog, awa, "first", ISSUER)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(count(&db).await, 0);

    complete(&db, first, awa).await;
    let issued = issue::after_progress(&db, &catalog, awa, "first", ISSUER)
        .await
        .unwrap();
    assert_eq!(
        issued.len(),
        1,
        "the module's certificate, not yet the course's"
    );
    let cert = &issued[0];
    assert_eq!(cert.name, "Awa Koné");
    assert_eq!(
        (cert.kind.code(), cert.module.as_str()),
        ("module", "first")
    );
    assert_eq!(cert.score, 100);
    assert_eq!(cert.issuer, ISSUER);
    assert_eq!(cert.title("fr"), "Premier module");
    assert_eq!(cert.title("en"), "First module");
    assert_eq!(
        number::normalise(&cert.number).as_deref(),
        Some(cert.number.as_str())
    );

    for _ in 0..3 {
        let again = issue::after_progress(&db, &catalog, awa, "first", ISSUER)
            .await
            .unwrap();
        assert_eq!(again[0].number, cert.number, "the same certificate");
    }
    assert_eq!(count(&db).await, 1);
}

#[tokio::test]
async fn completing_every_module_issues_the_course_certificate_once() {
    let (db, _dir) = database().await;
    let catalog = catalog();
    let awa = learner(&db, "awa", "Awa").await;
    complete(&db, catalog.module("first").unwrap(), awa).await;
    issue::after_progress(&db, &catalog, awa, "first", ISSUER)
        .await
        .unwrap();
    complete(&db, catalog.module("second").unwrap(), awa).await;
    let issued = issue::after_progress(&db, &catalog, awa, "second", ISSUER)
        .await
        .unwrap();
    let kinds: Vec<&str> = issued.iter().map(|c| c.kind.code()).collect();
    assert_eq!(kinds, ["module", "course"]);
    assert_eq!(issued[1].module, certificates::COURSE);
    assert_eq!(issued[1].score, 100, "the mean of the modules' scores");
    issue::after_progress(&db, &catalog, awa, "first", ISSUER)
        .await
        .unwrap();
    assert_eq!(count(&db).await, 3);
    let mine = lookup::of_account(&db, awa).await.unwrap();
    assert_eq!(mine.len(), 3);
}

#[tokio::test]
async fn simultaneous_completions_issue_one_certificate() {
    let (db, _dir) = database().await;
    let catalog = catalog();
    let awa = learner(&db, "awa", "Awa").await;
    complete(&db, catalog.module("first").unwrap(), awa).await;
    // Eight calls polled together: their queries interleave on the pool's connections.
    let runs = (0..8).map(|_| issue::after_progress(&db, &catalog, awa, "first", ISSUER));
    let numbers: std::collections::BTreeSet<String> = futures::future::join_all(runs)
        .await
        .into_iter()
        .map(|issued| issued.unwrap()[0].number.clone())
        .collect();
    assert_eq!(numbers.len(), 1);
    assert_eq!(count(&db).await, 1);
}

#[tokio::test]
async fn a_hostile_display_name_is_cleaned_before_it_is_issued() {
    let (db, _dir) = database().await;
    let catalog = catalog();
    // Accounts refuse such names; a row written another way (an import, an old version) must
    // still not reach a certificate as is.
    let eve = learner(&db, "eve", "<script>alert(1)</script>").await;
    let name = format!(
        "<script>alert(1)</script>\u{202E}gnp.exe\u{7}{}",
        "A".repeat(300)
    );
    accounts::entity::account::Entity::update_many()
        .col_expr(
            accounts::entity::account::Column::DisplayName,
            sea_orm::sea_query::Expr::value(name),
        )
        .exec(&db)
        .await
        .unwrap();
    complete(&db, catalog.module("first").unwrap(), eve).await;
    let cert = &issue::after_progress(&db, &catalog, eve, "first", ISSUER)
        .await
        .unwrap()[0];
    assert!(
        cert.name.starts_with("<script>alert(1)</script>gnp.exe"),
        "kept as text: {}",
        cert.name
    );
    assert!(!cert.name.contains('\u{202E}') && !cert.name.contains('\u{7}'));
    assert!(cert.name.chars().count() <= 121 && cert.name.ends_with('…'));
}

#[tokio::test]
async fn a_certificate_is_found_by_its_number_as_typed_and_revoked_with_a_reason() {
    let (db, _dir) = database().await;
    let catalog = catalog();
    let awa = learner(&db, "awa", "Awa").await;
    complete(&db, catalog.module("first").unwrap(), awa).await;
    let cert = issue::after_progress(&db, &catalog, awa, "first", ISSUER)
        .await
        .unwrap()
        .remove(0);
    let typed = cert.number.to_lowercase().replace('-', " ");
    assert_eq!(
        lookup::by_number(&db, &typed).await.unwrap().unwrap().id,
        cert.id
    );
    assert!(
        lookup::by_number(&db, "0000-0000-00")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        lookup::by_number(&db, "not a number")
            .await
            .unwrap()
            .is_none()
    );

    assert!(matches!(
        lookup::revoke(&db, &cert.number, "  ", 1, NOW).await,
        Err(Error::ReasonMissing)
    ));
    assert!(
        lookup::by_number(&db, &cert.number)
            .await
            .unwrap()
            .unwrap()
            .revoked_at
            .is_none(),
        "nothing changed"
    );
    let revoked = lookup::revoke(&db, &cert.number, "Issued by mistake", 1, NOW + 5)
        .await
        .unwrap();
    assert_eq!(revoked.revoked_at, Some(NOW + 5));
    assert_eq!(revoked.revoked_reason.as_deref(), Some("Issued by mistake"));
    assert!(matches!(
        lookup::revoke(&db, &cert.number, "again", 1, NOW + 9).await,
        Err(Error::AlreadyRevoked)
    ));
    assert!(matches!(
        lookup::revoke(&db, "0000-0000-00", "x", 1, NOW).await,
        Err(Error::NotFound)
    ));
}

#[tokio::test]
async fn lookups_are_limited_per_client_and_window() {
    let (db, _dir) = database().await;
    for _ in 0..lookup::LOOKUPS_PER_WINDOW {
        lookup::throttle(&db, "203.0.113.7", NOW).await.unwrap();
    }
    assert!(matches!(
        lookup::throttle(&db, "203.0.113.7", NOW + 1).await,
        Err(Error::TooManyLookups)
    ));
    lookup::throttle(&db, "198.51.100.2", NOW + 1)
        .await
        .expect("another client is not affected");
    lookup::throttle(&db, "203.0.113.7", NOW + lookup::WINDOW_SECONDS)
        .await
        .expect("a new window");
}

#[tokio::test]
async fn ended_lookup_windows_are_forgotten() {
    use certificates::entity::verify_throttle;
    let (db, _dir) = database().await;
    lookup::throttle(&db, "203.0.113.7", NOW).await.unwrap();
    lookup::throttle(&db, "198.51.100.2", NOW + 30)
        .await
        .unwrap();
    let end = NOW + lookup::WINDOW_SECONDS;
    assert_eq!(lookup::forget_stale(&db, end - 1).await.unwrap(), 0);
    assert_eq!(lookup::forget_stale(&db, end).await.unwrap(), 1);
    let kept: Vec<String> = verify_throttle::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.key)
        .collect();
    assert_eq!(kept, ["198.51.100.2"], "a window still running is kept");
    lookup::throttle(&db, "203.0.113.7", end)
        .await
        .expect("a forgotten client starts a new window");
}

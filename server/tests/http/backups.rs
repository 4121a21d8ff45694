//! `server backup` and `server restore` on SQLite, as an operator runs them: a backup taken
//! while learners submit quizzes holds every submission answered before it started, with all
//! its answers; the restored platform answers the same reports; a restore never overwrites a
//! database unless told to, and then keeps the old one.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use accounts::cohorts;
use app::serverfns::learning::SubmitQuiz;
use catalog::QuizKind;
use learning::entity::{quiz_answer, quiz_attempt};
use sea_orm::{ColumnTrait, Database, EntityTrait, PaginatorTrait, QueryFilter};

use crate::processes::{command_with, start_with};
use crate::quizzes::{answers, body, catalog, read_lessons};
use crate::support::{
    Backend, PASSWORD, account, fixture_content, joining, spawn_app_with_content,
};

/// The fixture course without its attempt limit, so that learners can submit for as long as
/// the test needs.
fn unlimited_content() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else if entry.file_name() == "module.toml" {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                let kept: Vec<&str> = text
                    .lines()
                    .filter(|l| !l.starts_with("attempts = "))
                    .collect();
                std::fs::write(target, kept.join("\n") + "\n").unwrap();
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&fixture_content(), dir.path());
    dir
}

/// Runs the server binary's `args` with the given database and data folder (and the signing
/// key there, unless the test app's own is named).
async fn task(url: &str, data: &Path, content: &Path, args: &[&str]) -> (bool, String) {
    let mut command = command_with(url, data, content);
    let test_app_key = data.join("keys/certificate-signing.key");
    if test_app_key.exists() {
        command.env("CERTIFICATE_KEY_FILE", test_app_key);
    }
    command.args(args);
    let out = tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn sqlite_url(dir: &Path) -> String {
    format!("sqlite://{}?mode=rwc", dir.join("platform.db").display())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_under_load_restores_every_answered_submission() {
    let content = unlimited_content();
    let app = Arc::new(
        spawn_app_with_content(&Backend::Sqlite, content.path().to_path_buf())
            .await
            .unwrap(),
    );
    let db = app.db().await;
    let trainer = account(&db, "trainer", accounts::Role::Trainer).await;
    let cohort = cohorts::create(&db, trainer, "Gao").await.unwrap().id;
    let code = cohorts::get(&db, cohort).await.unwrap().join_code.unwrap();
    let mut learners = Vec::new();
    for i in 0..6 {
        let username = format!("learner{i}");
        let name = format!("Apprenant {i}");
        let id = accounts::people::join(&db, joining(&code, &username, &name))
            .await
            .unwrap()
            .id;
        let cookie = app.sign_in(&username, PASSWORD).await;
        read_lessons(&app, &cookie).await;
        learners.push((id, cookie));
    }
    let trainer_cookie = app.sign_in("trainer", PASSWORD).await;

    // The load: every learner submits attempt after attempt; each answered one is noted with
    // the moment its answer arrived.
    let stop = Arc::new(AtomicBool::new(false));
    let answered = Arc::new(Mutex::new(Vec::<(i64, u32, Instant)>::new()));
    let catalog = Arc::new(catalog());
    let mut load = Vec::new();
    for (id, cookie) in learners {
        let (app, stop, answered, catalog) =
            (app.clone(), stop.clone(), answered.clone(), catalog.clone());
        load.push(tokio::spawn(async move {
            let mut number = 1;
            while !stop.load(Ordering::SeqCst) {
                let form = body(
                    QuizKind::Quiz,
                    number,
                    &answers(&catalog, QuizKind::Quiz, id, number, false),
                );
                let response = app.call::<SubmitQuiz>(&form, Some(&cookie)).await;
                let status = response.status();
                assert!(status.is_success() || status.is_redirection(), "{status}");
                answered.lock().unwrap().push((id, number, Instant::now()));
                number += 1;
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;

    let backups = tempfile::tempdir().unwrap();
    let first = backups.path().join("under-load.db");
    let started = Instant::now();
    let (ok, out) = task(
        &app.database_url,
        app.data_dir(),
        content.path(),
        &["backup", &first.to_string_lossy()],
    )
    .await;
    let finished = Instant::now();
    assert!(ok && out.contains("Backup written"), "{out}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, Ordering::SeqCst);
    for task in load {
        task.await.unwrap();
    }
    let answered = answered.lock().unwrap().clone();
    let before: Vec<_> = answered.iter().filter(|a| a.2 < started).collect();
    let after = answered.iter().filter(|a| a.2 > finished).count();
    assert!(
        !before.is_empty() && after > 0,
        "the backup ran under load: {} submissions before it, {after} after",
        before.len()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for file in [first.clone(), server::backup::key_beside(&first)] {
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{} is for its owner only", file.display());
        }
    }

    // Restored into an empty data folder: every submission answered before the backup is
    // there once, with all its answers, and the signing key came back.
    let restored = tempfile::tempdir().unwrap();
    let url = sqlite_url(restored.path());
    let (ok, out) = task(
        &url,
        restored.path(),
        content.path(),
        &["restore", &first.to_string_lossy()],
    )
    .await;
    assert!(ok && out.contains("Restored"), "{out}");
    let copy = Database::connect(url.as_str()).await.unwrap();
    for (account, number, _) in &before {
        let attempts = quiz_attempt::Entity::find()
            .filter(quiz_attempt::Column::AccountId.eq(*account))
            .filter(quiz_attempt::Column::Number.eq(*number as i32))
            .all(&copy)
            .await
            .unwrap();
        assert_eq!(attempts.len(), 1, "attempt {number} of learner {account}");
        let stored = quiz_answer::Entity::find()
            .filter(quiz_answer::Column::AttemptId.eq(attempts[0].id))
            .count(&copy)
            .await
            .unwrap();
        assert_eq!(stored, attempts[0].questions as u64, "every answer of it");
    }
    assert_eq!(
        std::fs::read(restored.path().join("certificate-signing.key")).unwrap(),
        std::fs::read(app.data_dir().join("keys/certificate-signing.key")).unwrap()
    );

    // A quiet backup, restored and served by another process, answers the same reports.
    let second = backups.path().join("quiet.db");
    let (ok, out) = task(
        &app.database_url,
        app.data_dir(),
        content.path(),
        &["backup", &second.to_string_lossy()],
    )
    .await;
    assert!(ok, "{out}");
    let quiet = tempfile::tempdir().unwrap();
    let quiet_url = sqlite_url(quiet.path());
    let (ok, out) = task(
        &quiet_url,
        quiet.path(),
        content.path(),
        &["restore", &second.to_string_lossy()],
    )
    .await;
    assert!(ok, "{out}");
    let server = start_with(&quiet_url, quiet.path(), content.path());
    for report in [
        format!("/trainer/cohorts/{cohort}/report.csv?kind=progress&lang=fr"),
        format!("/trainer/cohorts/{cohort}/report.csv?kind=questions&module=first&lang=fr"),
    ] {
        let original = app.get_as(&report, Some(&trainer_cookie)).await;
        assert_eq!(original.status(), 200);
        let original = original.text().await.unwrap();
        let copy = app
            .client
            .get(format!("{}{report}", server.base))
            .header("cookie", &trainer_cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(copy.status(), 200, "{report}");
        assert_eq!(copy.text().await.unwrap(), original, "{report}");
        assert!(
            !report.contains("progress") || original.contains("Apprenant 5"),
            "{original}"
        );
    }

    // Restoring again over a database refuses without --replace, and changes nothing; with
    // it, the old database is kept beside the new one.
    drop(server);
    let before_bytes = std::fs::read(quiet.path().join("platform.db")).unwrap();
    let (ok, out) = task(
        &quiet_url,
        quiet.path(),
        content.path(),
        &["restore", &first.to_string_lossy()],
    )
    .await;
    assert!(!ok && out.contains("--replace"), "{out}");
    assert_eq!(
        std::fs::read(quiet.path().join("platform.db")).unwrap(),
        before_bytes
    );
    let (ok, out) = task(
        &quiet_url,
        quiet.path(),
        content.path(),
        &["restore", "--replace", &first.to_string_lossy()],
    )
    .await;
    assert!(ok, "{out}");
    let kept: Vec<PathBuf> = std::fs::read_dir(quiet.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("platform.db.before-restore-"))
        .collect();
    assert!(!kept.is_empty(), "the replaced database is kept");

    // A damaged file is refused before anything is touched.
    let damaged = backups.path().join("damaged.db");
    std::fs::write(&damaged, b"SQLite format 3\0 but not really").unwrap();
    let (ok, out) = task(
        &quiet_url,
        quiet.path(),
        content.path(),
        &["restore", "--replace", &damaged.to_string_lossy()],
    )
    .await;
    assert!(!ok && out.contains("not a sound backup"), "{out}");
}

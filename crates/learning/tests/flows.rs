//! Progress and attempts against a real (SQLite) database and the server's fixture content.
//! The server's tests run the same rules over HTTP on SQLite and PostgreSQL.

use std::path::Path;

use accounts::people::{self, NewAccount};
use accounts::{Affiliation, Role};
use catalog::{Catalog, Module, QuizKind};
use learning::attempts::{self, Reveal};
use learning::entity::{quiz_answer, quiz_attempt};
use learning::{Availability, Error, ModuleState, NextStep, progress};
use migration::testing::database;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

const NOW: i64 = 1_800_000_000;

fn catalog() -> Catalog {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../server/tests/fixtures/content");
    catalog::load(&root, &["fr".to_string(), "en".to_string()]).expect("fixture content")
}

async fn learner(db: &DatabaseConnection, username: &str) -> i64 {
    let (account, _) = people::create_with_code(
        db,
        None,
        NewAccount {
            username: Some(username),
            display_name: "Awa",
            role: Role::Learner,
            affiliation: Affiliation::Fds,
            lang: "fr",
        },
    )
    .await
    .unwrap();
    account.id
}

/// Picks (question place, shown option place) for attempt `number`: all right, or all wrong.
fn picks(
    module: &Module,
    kind: QuizKind,
    account: i64,
    number: u32,
    right: bool,
) -> Vec<(usize, usize)> {
    let quiz = module.quiz_of(kind).unwrap();
    let drawn = attempts::draw(module, kind, account, number).unwrap();
    let mut picks = Vec::new();
    for (i, d) in drawn.iter().enumerate() {
        let question = &quiz.questions[d.question];
        let shown: Vec<usize> = (0..d.options.len())
            .filter(|&p| question.correct[d.options[p]] == right)
            .collect();
        if question.kind.is_single_answer() {
            picks.push((i, shown[0]));
        } else {
            picks.extend(shown.into_iter().map(|p| (i, p)));
        }
    }
    picks
}

async fn read_all(db: &DatabaseConnection, module: &Module, account: i64) {
    for lesson in &module.lessons {
        progress::mark_read(db, module, &lesson.slug, account, NOW)
            .await
            .unwrap();
    }
}

async fn counts(db: &DatabaseConnection) -> (u64, u64) {
    (
        quiz_attempt::Entity::find().count(db).await.unwrap(),
        quiz_answer::Entity::find().count(db).await.unwrap(),
    )
}

#[tokio::test]
async fn progress_follows_lessons_read_and_the_quiz() {
    let (db, _dir) = database().await;
    let catalog = catalog();
    let module = catalog.module("first").unwrap();
    let awa = learner(&db, "awa").await;

    let start = progress::overview(&db, &catalog, awa).await.unwrap();
    assert_eq!(start.len(), 2);
    assert_eq!(start[0].state, ModuleState::NotStarted);
    assert_eq!(start[0].percent(), 0);
    assert_eq!(start[0].next, NextStep::Lesson("01-start".into()));

    progress::mark_read(&db, module, "01-start", awa, NOW)
        .await
        .unwrap();
    progress::mark_read(&db, module, "01-start", awa, NOW + 5)
        .await
        .unwrap();
    let p = progress::of_module(&db, module, awa).await.unwrap();
    assert_eq!(p.state, ModuleState::InProgress);
    assert_eq!(p.lessons_read.len(), 1);
    assert_eq!(p.percent(), 33);
    assert_eq!(p.next, NextStep::Lesson("02-next".into()));
    assert_eq!(
        attempts::availability(&db, module, QuizKind::Quiz, awa, NOW)
            .await
            .unwrap(),
        Availability::LessonsNotRead { remaining: 1 }
    );

    progress::mark_read(&db, module, "02-next", awa, NOW)
        .await
        .unwrap();
    let p = progress::of_module(&db, module, awa).await.unwrap();
    assert_eq!(p.next, NextStep::Quiz);
    assert_eq!(p.percent(), 66);

    // A failed attempt: answers hidden until the learner passes.
    let failed = attempts::submit(
        &db,
        module,
        QuizKind::Quiz,
        awa,
        1,
        &picks(module, QuizKind::Quiz, awa, 1, false),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(
        (failed.score, failed.passed, failed.recorded_now),
        (0, false, true)
    );
    let record = attempts::record(&db, module, QuizKind::Quiz, awa, 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.reveal, Reveal::RightOrWrong);
    assert_eq!(record.answers.len(), 3);
    assert!(record.answers.iter().all(|a| !a.right));

    let passed = attempts::submit(
        &db,
        module,
        QuizKind::Quiz,
        awa,
        2,
        &picks(module, QuizKind::Quiz, awa, 2, true),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!((passed.score, passed.passed), (100, true));
    let p = progress::of_module(&db, module, awa).await.unwrap();
    assert_eq!(p.state, ModuleState::Completed);
    assert_eq!(p.best_score, Some(100));
    assert_eq!(p.quiz_attempts, 2);
    assert_eq!(p.percent(), 100);
    assert_eq!(p.next, NextStep::Done);
    let record = attempts::record(&db, module, QuizKind::Quiz, awa, 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        record.reveal,
        Reveal::Answers,
        "after passing, earlier attempts show the answers"
    );
    let mut last_attempt = module.clone();
    last_attempt.settings.show_answers = catalog::quiz::ShowAnswers::AfterLastAttempt;
    last_attempt.settings.attempts = Some(3);
    let record = attempts::record(&db, &last_attempt, QuizKind::Quiz, awa, 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        record.reveal,
        Reveal::Answers,
        "after-last-attempt shows the answers to a learner who passed before the last attempt"
    );

    // The second module has no quiz: reading its lesson completes it.
    let second = catalog.module("second").unwrap();
    read_all(&db, second, awa).await;
    let all = progress::overview(&db, &catalog, awa).await.unwrap();
    assert_eq!(all[1].state, ModuleState::Completed);
    assert!(matches!(
        progress::mark_read(&db, module, "99-nope", awa, NOW).await,
        Err(Error::NotFound)
    ));
}

#[tokio::test]
async fn a_replayed_submission_is_recorded_once() {
    let (db, _dir) = database().await;
    let catalog = catalog();
    let module = catalog.module("first").unwrap();
    let awa = learner(&db, "awa").await;
    read_all(&db, module, awa).await;
    let right = picks(module, QuizKind::Quiz, awa, 1, true);
    let wrong = picks(module, QuizKind::Quiz, awa, 1, false);
    let first = attempts::submit(&db, module, QuizKind::Quiz, awa, 1, &right, NOW)
        .await
        .unwrap();
    let again = attempts::submit(&db, module, QuizKind::Quiz, awa, 1, &wrong, NOW + 1)
        .await
        .unwrap();
    assert!(first.recorded_now);
    assert!(!again.recorded_now);
    assert_eq!(again.score, first.score, "the first recording stands");
    assert_eq!(counts(&db).await, (1, 3));
}

#[tokio::test]
async fn attempts_are_limited_and_spaced() {
    let (db, _dir) = database().await;
    let mut catalog_module = catalog().module("first").unwrap().clone();
    catalog_module.settings.attempts = Some(2);
    catalog_module.settings.wait_minutes = 10;
    let module = &catalog_module;
    let awa = learner(&db, "awa").await;
    read_all(&db, module, awa).await;
    let kind = QuizKind::Quiz;
    attempts::submit(
        &db,
        module,
        kind,
        awa,
        1,
        &picks(module, kind, awa, 1, false),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(
        attempts::availability(&db, module, kind, awa, NOW + 60)
            .await
            .unwrap(),
        Availability::Wait { until: NOW + 600 }
    );
    assert!(matches!(
        attempts::submit(&db, module, kind, awa, 2, &picks(module, kind, awa, 2, true), NOW + 60).await,
        Err(Error::TooSoon(until)) if until == NOW + 600
    ));
    attempts::submit(
        &db,
        module,
        kind,
        awa,
        2,
        &picks(module, kind, awa, 2, false),
        NOW + 600,
    )
    .await
    .unwrap();
    assert_eq!(
        attempts::availability(&db, module, kind, awa, NOW + 6000)
            .await
            .unwrap(),
        Availability::NoAttemptsLeft
    );
    assert!(matches!(
        attempts::submit(
            &db,
            module,
            kind,
            awa,
            3,
            &picks(module, kind, awa, 3, true),
            NOW + 6000
        )
        .await,
        Err(Error::NoAttemptsLeft)
    ));
    assert_eq!(counts(&db).await, (2, 6));
    // After the last attempt the rule "after-passing" still hides the answers: never passed.
    let record = attempts::record(&db, module, kind, awa, 2)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.reveal, Reveal::RightOrWrong);
    catalog_module.settings.show_answers = catalog::quiz::ShowAnswers::AfterLastAttempt;
    let record = attempts::record(&db, &catalog_module, kind, awa, 2)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.reveal, Reveal::Answers);
}

#[tokio::test]
async fn forged_answers_are_refused_and_change_nothing() {
    let (db, _dir) = database().await;
    let catalog = catalog();
    let module = catalog.module("first").unwrap();
    let awa = learner(&db, "awa").await;
    let kind = QuizKind::Quiz;
    let good = picks(module, kind, awa, 1, true);
    // The lessons are not read yet.
    assert!(matches!(
        attempts::submit(&db, module, kind, awa, 1, &good, NOW).await,
        Err(Error::LessonsNotRead)
    ));
    read_all(&db, module, awa).await;
    let mut unknown_question = good.clone();
    unknown_question.push((7, 0));
    let mut unknown_option = good.clone();
    unknown_option.push((0, 9));
    let missing: Vec<_> = good.iter().copied().filter(|(q, _)| *q != 0).collect();
    let mut several = good.clone();
    several.push((0, (good[0].1 + 1) % 3));
    for (forged, expected) in [
        (unknown_question, "UnknownQuestion"),
        (unknown_option, "UnknownOption"),
        (missing, "Missing"),
        (several, "SeveralAnswers"),
    ] {
        let refused = attempts::submit(&db, module, kind, awa, 1, &forged, NOW).await;
        assert!(
            matches!(&refused, Err(Error::Answers(e)) if format!("{e:?}") == expected),
            "{expected}: {refused:?}"
        );
    }
    assert!(matches!(
        attempts::submit(&db, module, kind, awa, 4, &good, NOW).await,
        Err(Error::StaleAttempt)
    ));
    assert_eq!(counts(&db).await, (0, 0));
    assert!(
        attempts::submit(&db, module, kind, awa, 1, &good, NOW)
            .await
            .unwrap()
            .passed
    );
}

#[tokio::test]
async fn the_pretest_is_taken_once_before_the_quiz() {
    let (db, _dir) = database().await;
    let catalog = catalog();
    let module = catalog.module("first").unwrap();
    let awa = learner(&db, "awa").await;
    let ali = learner(&db, "ali").await;
    let kind = QuizKind::Pretest;
    assert_eq!(
        attempts::availability(&db, module, kind, awa, NOW)
            .await
            .unwrap(),
        Availability::Open { number: 1 }
    );
    let done = attempts::submit(
        &db,
        module,
        kind,
        awa,
        1,
        &picks(module, kind, awa, 1, true),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(
        (done.score, done.passed),
        (100, false),
        "a pre-test is never 'passed'"
    );
    assert_eq!(
        attempts::availability(&db, module, kind, awa, NOW)
            .await
            .unwrap(),
        Availability::PretestClosed
    );
    let p = progress::of_module(&db, module, awa).await.unwrap();
    assert_eq!(p.pretest_score, Some(100));
    assert_eq!(p.state, ModuleState::InProgress);
    assert!(!p.passed);
    assert_eq!(
        attempts::record(&db, module, kind, awa, 1)
            .await
            .unwrap()
            .unwrap()
            .reveal,
        Reveal::Answers
    );

    // Someone who went straight to the quiz can no longer take the pre-test.
    read_all(&db, module, ali).await;
    attempts::submit(
        &db,
        module,
        QuizKind::Quiz,
        ali,
        1,
        &picks(module, QuizKind::Quiz, ali, 1, false),
        NOW,
    )
    .await
    .unwrap();
    assert!(matches!(
        attempts::submit(
            &db,
            module,
            kind,
            ali,
            1,
            &picks(module, kind, ali, 1, true),
            NOW
        )
        .await,
        Err(Error::PretestClosed)
    ));
}

#[test]
fn each_attempt_has_its_own_draw_and_the_same_attempt_the_same() {
    let catalog = catalog();
    let module = catalog.module("first").unwrap();
    let a = attempts::draw(module, QuizKind::Quiz, 1, 1).unwrap();
    assert_eq!(a, attempts::draw(module, QuizKind::Quiz, 1, 1).unwrap());
    let different = (2..20).any(|n| attempts::draw(module, QuizKind::Quiz, 1, n).unwrap() != a);
    assert!(different);
}

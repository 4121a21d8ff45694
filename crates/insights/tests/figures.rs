#![allow(clippy::type_complexity)] // tuples of expected figures read best inline
//! The figures against a small fixture computed by hand (see the table in each test). The
//! attempts are written straight into the tables, with the options chosen by their place in
//! the quiz file, so that every share and mean below can be checked on paper.
//!
//! Module `first` (fixture content): quiz q-single (objective un; options A wrong, B right,
//! C wrong), q-multiple (deux; D right, E wrong, F right), q-tf (deux; Vrai right, Faux);
//! pre-test p-un (un; G right, H), p-deux (deux; I, J right). Module `second`: one lesson, no
//! quiz.

use std::path::Path;

use accounts::people::{self, NewAccount};
use accounts::{Affiliation, Role, cohorts};
use catalog::{Catalog, QuizKind};
use insights::Scope;
use insights::matrix::State;
use learning::entity::{lesson_read, quiz_answer, quiz_attempt};
use migration::{Migrator, MigratorTrait};
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};

/// The migrations before the running summaries (`module_progress`, `answer_tally`) were added.
const BEFORE_SUMMARIES: u32 = 5;

async fn database() -> (DatabaseConnection, tempfile::TempDir) {
    let (db, dir) = migration::testing::database_up_to(BEFORE_SUMMARIES).await;
    // The rows are written through today's account entity, which has this later column.
    use sea_orm::ConnectionTrait;
    db.execute_unprepared("ALTER TABLE account ADD COLUMN last_sign_in_at BIGINT")
        .await
        .unwrap();
    (db, dir)
}

fn catalog() -> Catalog {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../server/tests/fixtures/content");
    catalog::load(&root, &["fr".to_string(), "en".to_string()]).expect("fixture content")
}

struct Fixture {
    db: DatabaseConnection,
    _dir: tempfile::TempDir,
    cohort: i64,
    other_cohort: i64,
}

async fn learner(db: &DatabaseConnection, code: &str, name: &str, affiliation: &str) -> i64 {
    let joined = people::join(
        db,
        people::Joining {
            join_code: code,
            username: &name.to_lowercase(),
            display_name: name,
            affiliation,
            password: "une phrase de passe",
            confirmation: "une phrase de passe",
            lang: "fr",
            address: None,
        },
    )
    .await
    .unwrap();
    joined.id
}

async fn read(db: &DatabaseConnection, account: i64, module: &str, lessons: &[&str]) {
    for lesson in lessons {
        lesson_read::Entity::insert(lesson_read::ActiveModel {
            account_id: Set(account),
            module: Set(module.into()),
            lesson: Set((*lesson).into()),
            read_at: Set(1),
        })
        .exec_without_returning(db)
        .await
        .unwrap();
    }
}

/// One attempt: `answers` are (question id, options chosen, right).
async fn attempt(
    db: &DatabaseConnection,
    account: i64,
    kind: &str,
    number: i32,
    score: i16,
    answers: &[(&str, &str, bool)],
) {
    let right = answers.iter().filter(|a| a.2).count() as i32;
    let inserted = quiz_attempt::Entity::insert(quiz_attempt::ActiveModel {
        account_id: Set(account),
        module: Set("first".into()),
        kind: Set(QuizKind::parse(kind).expect("the fixture's kinds are quiz or pretest")),
        number: Set(number),
        submitted_at: Set(i64::from(number)),
        score: Set(score),
        passed: Set(kind == "quiz" && score >= 60),
        questions: Set(answers.len() as i32),
        right_answers: Set(right),
        ..Default::default()
    })
    .exec(db)
    .await
    .unwrap();
    for (position, (question, chosen, is_right)) in answers.iter().enumerate() {
        quiz_answer::Entity::insert(quiz_answer::ActiveModel {
            attempt_id: Set(inserted.last_insert_id),
            position: Set(position as i32),
            question: Set((*question).into()),
            chosen: Set((*chosen).into()),
            is_right: Set(*is_right),
        })
        .exec_without_returning(db)
        .await
        .unwrap();
    }
}

/// The learners: name, in the cohort (else in the other one), affiliation, lessons read in
/// `first` and in `second`.
#[rustfmt::skip]
const LEARNERS: [(&str, bool, &str, &[&str], &[&str]); 6] = [
    ("Awa", true, "fds", &["01-start", "02-next"], &[]),
    ("Bintou", true, "fds", &["01-start"], &[]),
    ("Chaka", true, "fds", &[], &[]),
    ("Daouda", true, "armed_movement", &["01-start", "02-next"], &["01-only"]),
    ("Ely", true, "armed_movement", &["01-start", "02-next"], &[]),
    ("Zara", false, "fds", &["01-start", "02-next"], &[]),
];

/// Every attempt at `first`: learner, kind, number, score, and the answers as (question,
/// options chosen, right).
type Answers = &'static [(&'static str, &'static str, bool)];
#[rustfmt::skip]
const ATTEMPTS: &[(&str, &str, i32, i16, Answers)] = &[
    ("Awa", "pretest", 1, 0, &[("p-un", "1", false), ("p-deux", "0", false)]),
    ("Bintou", "pretest", 1, 0, &[("p-un", "1", false), ("p-deux", "0", false)]),
    ("Chaka", "pretest", 1, 50, &[("p-un", "0", true), ("p-deux", "0", false)]),
    ("Ely", "pretest", 1, 100, &[("p-un", "0", true), ("p-deux", "1", true)]),
    ("Zara", "pretest", 1, 0, &[("p-un", "1", false), ("p-deux", "0", false)]),
    ("Awa", "quiz", 1, 33, &[("q-single", "0", false), ("q-multiple", "2", false), ("q-tf", "0", true)]),
    ("Awa", "quiz", 2, 100, &[("q-single", "1", true), ("q-multiple", "0,2", true), ("q-tf", "0", true)]),
    ("Bintou", "quiz", 1, 0, &[("q-single", "2", false), ("q-multiple", "0,1", false), ("q-tf", "1", false)]),
    ("Chaka", "quiz", 1, 66, &[("q-single", "1", true), ("q-multiple", "0", false), ("q-tf", "0", true)]),
    ("Daouda", "quiz", 1, 66, &[("q-single", "0", false), ("q-multiple", "0,2", true), ("q-tf", "0", true)]),
    ("Ely", "quiz", 1, 100, &[("q-single", "1", true), ("q-multiple", "0,2", true), ("q-tf", "0", true)]),
    ("Zara", "quiz", 1, 100, &[("q-single", "1", true), ("q-multiple", "0,2", true), ("q-tf", "0", true)]),
];

/// | learner | affiliation | read (first) | pre-test p-un, p-deux → score | quiz attempt 1 → score | later |
/// |---|---|---|---|---|---|
/// | Awa | fds | both | H ✗, I ✗ → 0 | A ✗, F ✗, Vrai ✓ → 33 | #2 all right → 100 |
/// | Bintou | fds | 01-start | H ✗, I ✗ → 0 | C ✗, D+E ✗, Faux ✗ → 0 | |
/// | Chaka | fds | — | G ✓, I ✗ → 50 | B ✓, D ✗, Vrai ✓ → 66 | |
/// | Daouda | armed_movement | both, and `second` | — | A ✗, D+F ✓, Vrai ✓ → 66 | |
/// | Ely | armed_movement | both | G ✓, J ✓ → 100 | all right → 100 | |
/// A learner of another cohort (Zara) has done everything: they must never count. The rows
/// are [`LEARNERS`] and [`ATTEMPTS`].
async fn fixture() -> Fixture {
    let (db, dir) = database().await;
    let (trainer, _) = people::create_with_code(
        &db,
        None,
        NewAccount {
            username: Some("formateur"),
            display_name: "Formateur",
            role: Role::Trainer,
            affiliation: Affiliation::Other,
            lang: "fr",
        },
    )
    .await
    .unwrap();
    let cohort = cohorts::create(&db, trainer.id, "Gao").await.unwrap();
    let other = cohorts::create(&db, trainer.id, "Kidal").await.unwrap();
    let code = cohort.join_code.clone().unwrap();
    let other_code = other.join_code.clone().unwrap();
    let mut ids = std::collections::HashMap::new();
    for (name, in_cohort, affiliation, read_first, read_second) in LEARNERS {
        let join_code = if in_cohort { &code } else { &other_code };
        let id = learner(&db, join_code, name, affiliation).await;
        read(&db, id, "first", read_first).await;
        read(&db, id, "second", read_second).await;
        ids.insert(name, id);
    }
    for (name, kind, number, score, answers) in ATTEMPTS {
        attempt(&db, ids[name], kind, *number, *score, answers).await;
    }
    // The rows above went straight into the tables of a database from before the running
    // summaries: the migration that adds them fills them from those rows, as on an upgrade.
    Migrator::up(&db, None).await.unwrap();
    Fixture {
        db,
        _dir: dir,
        cohort: cohort.id,
        other_cohort: other.id,
    }
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[tokio::test]
async fn the_matrix_gives_each_learner_state_and_best_score_with_totals() {
    let f = fixture().await;
    let catalog = catalog();
    let learners = insights::learners(&f.db, &[f.cohort]).await.unwrap();
    let names: Vec<&str> = learners.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["Awa", "Bintou", "Chaka", "Daouda", "Ely"],
        "by name, the other cohort left out"
    );
    let m = insights::matrix::matrix(&f.db, &catalog, &[f.cohort], learners)
        .await
        .unwrap();
    assert_eq!(m.modules, ["first", "second"]);
    let first: Vec<(State, Option<u8>)> = m
        .rows
        .iter()
        .map(|r| (r.cells[0].state, r.cells[0].best_score))
        .collect();
    assert_eq!(
        first,
        [
            (State::Passed, Some(100)),
            (State::InProgress, Some(0)),
            (State::InProgress, Some(66)),
            (State::Passed, Some(66)),
            (State::Passed, Some(100)),
        ]
    );
    let second: Vec<State> = m.rows.iter().map(|r| r.cells[1].state).collect();
    assert_eq!(
        second,
        [
            State::NotStarted,
            State::NotStarted,
            State::NotStarted,
            State::Passed,
            State::NotStarted
        ]
    );
    assert_eq!((m.totals[0].started, m.totals[0].passed), (5, 3));
    assert_eq!((m.totals[1].started, m.totals[1].passed), (1, 1));
    // Both cohorts at once ("all cohorts" for an administrator).
    let all = insights::learners(&f.db, &[f.cohort, f.other_cohort])
        .await
        .unwrap();
    let m = insights::matrix::matrix(&f.db, &catalog, &[f.cohort, f.other_cohort], all)
        .await
        .unwrap();
    assert_eq!(m.totals[0].passed, 4);
}

#[tokio::test]
async fn question_analysis_counts_first_attempts_and_the_wrong_option_chosen_most() {
    let f = fixture().await;
    let catalog = catalog();
    let a = insights::questions::questions(
        &f.db,
        catalog.module("first").unwrap(),
        Scope::Cohorts(&[f.cohort]),
    )
    .await
    .unwrap();
    let q: Vec<(&str, usize, usize, Option<(usize, usize)>)> = a
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.answered, q.right, q.top_wrong))
        .collect();
    assert_eq!(
        q,
        [
            // First attempts: Awa A, Bintou C, Chaka B, Daouda A, Ely B → 2 of 5; A twice
            // (Awa's second attempt, all right, does not count).
            ("q-single", 5, 2, Some((0, 2))),
            // Awa F only, Bintou D+E, Chaka D only: wrong, but only E is a wrong option.
            ("q-multiple", 5, 2, Some((1, 1))),
            ("q-tf", 5, 4, Some((1, 1))),
        ]
    );
    assert!(close(a.questions[0].share_right, 0.4));
    assert!(close(a.questions[2].share_right, 0.8));
    let o: Vec<(&str, usize, usize)> = a
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), o.answered, o.right))
        .collect();
    assert_eq!(o, [("deux", 10, 6), ("un", 5, 2)]);
}

#[tokio::test]
async fn pre_and_post_test_means_gains_objectives_and_small_groups() {
    let f = fixture().await;
    let catalog = catalog();
    let learners = insights::learners(&f.db, &[f.cohort]).await.unwrap();
    let g = insights::gain::gain(
        &f.db,
        catalog.module("first").unwrap(),
        Scope::Cohorts(&[f.cohort]),
        learners,
    )
    .await
    .unwrap();
    // Both tests: Awa 0→33, Bintou 0→0, Chaka 50→66, Ely 100→100 (Daouda took no pre-test).
    assert_eq!(g.both, 4);
    assert!(close(g.before, 37.5), "{:?}", g.before);
    assert!(close(g.after, 49.75), "{:?}", g.after);
    assert!(close(g.gain(), 12.25));
    let per: Vec<(&str, Option<u8>, Option<u8>, Option<i16>)> = g
        .learners
        .iter()
        .map(|l| (l.learner.name.as_str(), l.before, l.after, l.gain()))
        .collect();
    assert_eq!(
        per,
        [
            ("Awa", Some(0), Some(33), Some(33)),
            ("Bintou", Some(0), Some(0), Some(0)),
            ("Chaka", Some(50), Some(66), Some(16)),
            ("Daouda", None, Some(66), None),
            ("Ely", Some(100), Some(100), Some(0)),
        ]
    );
    // Per objective, every first attempt of each test: un before p-un 2/4 (Awa, Bintou,
    // Chaka, Ely), after q-single 2/5 (Daouda too); deux before p-deux 1/4, after
    // q-multiple 2/5 + q-tf 4/5 = 6/10.
    let o: Vec<(&str, Option<f64>, Option<f64>)> = g
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), o.before, o.after))
        .collect();
    assert_eq!(
        o,
        [
            ("deux", Some(0.25), Some(0.6)),
            ("un", Some(0.5), Some(0.4))
        ]
    );
    // By affiliation: three FDS learners are shown; one armed-movement learner is not.
    let groups: Vec<(&str, usize, Option<f64>)> = g
        .groups
        .iter()
        .map(|g| (g.affiliation.code(), g.learners, g.after))
        .collect();
    assert_eq!(
        groups,
        [("armed_movement", 1, None), ("fds", 3, Some(33.0))]
    );
    assert!(close(g.groups[1].before, 50.0 / 3.0));
}

#[tokio::test]
async fn many_cohorts_are_counted_per_cohort_and_each_learner_once() {
    let f = fixture().await;
    let catalog = catalog();
    // Ely is also in the other cohort: counted in both lines, once in the totals.
    let ely = insights::learners(&f.db, &[f.cohort])
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.name == "Ely")
        .unwrap();
    accounts::entity::cohort_member::Entity::insert(accounts::entity::cohort_member::ActiveModel {
        cohort_id: Set(f.other_cohort),
        account_id: Set(ely.account_id),
        added_at: Set(1),
    })
    .exec_without_returning(&f.db)
    .await
    .unwrap();
    let o = insights::matrix::overview(&f.db, &catalog, &[f.cohort, f.other_cohort])
        .await
        .unwrap();
    assert_eq!(o.modules, ["first", "second"]);
    let lines: Vec<(i64, usize, Vec<(usize, usize)>)> = o
        .cohorts
        .iter()
        .map(|c| {
            let totals = c.totals.iter().map(|t| (t.started, t.passed)).collect();
            (c.cohort_id, c.learners, totals)
        })
        .collect();
    assert_eq!(
        lines,
        [
            // As the one-cohort matrix: first 3 passed of 5 started; second 1 of 1.
            (f.cohort, 5, vec![(5, 3), (1, 1)]),
            // Zara and Ely both passed the first module.
            (f.other_cohort, 2, vec![(2, 2), (0, 0)]),
        ]
    );
    assert_eq!(o.learners, 6, "Ely once");
    let totals: Vec<(usize, usize)> = o.totals.iter().map(|t| (t.started, t.passed)).collect();
    assert_eq!(totals, [(6, 4), (1, 1)]);
    // The same figures as the matrix of every learner.
    let all = insights::learners(&f.db, &[f.cohort, f.other_cohort])
        .await
        .unwrap();
    let m = insights::matrix::matrix(&f.db, &catalog, &[f.cohort, f.other_cohort], all)
        .await
        .unwrap();
    assert_eq!(m.totals, o.totals);
    assert_eq!(m.rows.len(), o.learners);
}

#[tokio::test]
async fn the_gain_of_many_cohorts_is_counted_without_listing_learners() {
    let f = fixture().await;
    let catalog = catalog();
    let first = catalog.module("first").unwrap();
    let one = insights::gain::gain(&f.db, first, Scope::Cohorts(&[f.cohort]), Vec::new())
        .await
        .unwrap();
    assert!(one.learners.is_empty(), "no learner listed");
    assert_eq!(one.both, 4);
    assert!(close(one.before, 37.5) && close(one.after, 49.75));
    // With Zara (fds, 0 → 100): five learners took both tests.
    let both = [f.cohort, f.other_cohort];
    let g = insights::gain::gain(&f.db, first, Scope::Cohorts(&both), Vec::new())
        .await
        .unwrap();
    assert_eq!(g.both, 5);
    assert!(close(g.before, 30.0), "{:?}", g.before);
    assert!(close(g.after, 59.8), "{:?}", g.after);
    let groups: Vec<(&str, usize, Option<f64>, Option<f64>)> = g
        .groups
        .iter()
        .map(|g| (g.affiliation.code(), g.learners, g.before, g.after))
        .collect();
    assert_eq!(groups[0], ("armed_movement", 1, None, None));
    assert_eq!((groups[1].0, groups[1].1), ("fds", 4));
    assert!(close(groups[1].2, 12.5) && close(groups[1].3, 49.75));
}

#[tokio::test]
async fn every_cohort_reads_the_running_tally_with_the_same_figures() {
    let f = fixture().await;
    let catalog = catalog();
    let first = catalog.module("first").unwrap();
    let both = [f.cohort, f.other_cohort];
    let every = insights::questions::questions(&f.db, first, Scope::Every)
        .await
        .unwrap();
    let listed = insights::questions::questions(&f.db, first, Scope::Cohorts(&both))
        .await
        .unwrap();
    assert_eq!(every, listed);
    // With Zara (all right at her first attempt): q-single 3 right of 6, A still chosen twice.
    let q: Vec<(&str, usize, usize, Option<(usize, usize)>)> = every
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.answered, q.right, q.top_wrong))
        .collect();
    assert_eq!(
        q,
        [
            ("q-single", 6, 3, Some((0, 2))),
            ("q-multiple", 6, 3, Some((1, 1))),
            ("q-tf", 6, 5, Some((1, 1))),
        ]
    );
    let every = insights::gain::gain(&f.db, first, Scope::Every, Vec::new())
        .await
        .unwrap();
    let listed = insights::gain::gain(&f.db, first, Scope::Cohorts(&both), Vec::new())
        .await
        .unwrap();
    assert_eq!(every, listed);
    // Pre-test per objective with Zara: un 2/5, deux 1/5.
    let o: Vec<(&str, Option<f64>)> = every
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), o.before))
        .collect();
    assert_eq!(o, [("deux", Some(0.2)), ("un", Some(0.4))]);
}

//! No trainer can take over another trainer's learner. The attack this closes: trainer B
//! "moved" a learner of trainer A's cohort into B's own cohort, and from then on every "a
//! trainer of this learner" check passed for B: the learner's attempts, certificate,
//! one-time code (which ended the learner's sessions) and so their account. The rule now: a
//! trainer moves only a learner who is in no cohort, or only in cohorts this trainer also
//! trains; an administrator moves anyone. Tested in both directions, on both databases.

use crate::support::{PASSWORD, TestApp, account, form, joining};
use accounts::entity::cohort_member;
use accounts::people;
use accounts::{Role, cohorts};
use app::serverfns::cohorts as cohort_fns;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

struct Side {
    cohort: i64,
    learner: i64,
    cookie: String,
}

/// A trainer with a cohort and one learner who joined it with its code.
async fn side(app: &TestApp, trainer: &str, learner: &str) -> Side {
    let db = app.db().await;
    let trainer_id = account(&db, trainer, Role::Trainer).await;
    let cohort = cohorts::create(&db, trainer_id, &format!("Cohorte {trainer}"))
        .await
        .unwrap();
    let code = cohort.join_code.clone().unwrap();
    let learner_id = people::join(&db, joining(&code, learner, learner))
        .await
        .unwrap()
        .id;
    Side {
        cohort: cohort.id,
        learner: learner_id,
        cookie: app.sign_in(trainer, PASSWORD).await,
    }
}

async fn cohorts_of(app: &TestApp, learner: i64) -> Vec<i64> {
    let mut ids: Vec<i64> = cohort_member::Entity::find()
        .filter(cohort_member::Column::AccountId.eq(learner))
        .all(&app.db().await)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.cohort_id)
        .collect();
    ids.sort();
    ids
}

/// `by` tries the whole chain on `victim`, a learner of the other side: move them into their
/// own cohort, then read their record and give them a new code from it. Every step is refused
/// and nothing changes.
async fn chain_is_refused(app: &TestApp, by: &Side, victim: &Side, username: &str) {
    let body = form(&[
        ("cohort_id", &by.cohort.to_string()),
        ("username", username),
    ]);
    let moved = app
        .call::<cohort_fns::MoveLearner>(&body, Some(&by.cookie))
        .await;
    assert_eq!(moved.status(), 400, "the move is refused");
    let text = moved.text().await.unwrap();
    assert!(
        text.contains("LearnerUnknown") || text.contains("learner-unknown"),
        "{text}"
    );
    assert_eq!(
        cohorts_of(app, victim.learner).await,
        vec![victim.cohort],
        "the learner stays where they were"
    );
    let record = app
        .get_as(
            &format!("/trainer/cohorts/{}/learners/{}", by.cohort, victim.learner),
            Some(&by.cookie),
        )
        .await;
    assert_eq!(
        record.status(),
        404,
        "their record is not reachable through the other cohort"
    );
    let code = app
        .call::<cohort_fns::IssueCode>(
            &form(&[
                ("cohort_id", &by.cohort.to_string()),
                ("account_id", &victim.learner.to_string()),
            ]),
            Some(&by.cookie),
        )
        .await;
    assert!(
        code.status() == 404 || code.status() == 403,
        "no one-time code for someone else's learner: {}",
        code.status()
    );
    let victim_session = app.sign_in(username, PASSWORD).await;
    let still = app.get_as("/account", Some(&victim_session)).await;
    assert_eq!(still.status(), 200, "the learner is still signed in");
}

async fn a_trainer_cannot_move_another_trainers_learner_in_either_direction(app: &TestApp) {
    let a = side(app, "trainer.a", "awa").await;
    let b = side(app, "trainer.b", "binta").await;
    chain_is_refused(app, &b, &a, "awa").await;
    chain_is_refused(app, &a, &b, "binta").await;
}

async fn a_learner_in_no_cohort_or_in_a_shared_cohort_can_be_moved(app: &TestApp) {
    let a = side(app, "trainer.a", "awa").await;
    let b = side(app, "trainer.b", "binta").await;
    let db = app.db().await;
    // Awa leaves every cohort (her cohort was a trial): anyone may take her in.
    cohort_member::Entity::delete_many()
        .filter(cohort_member::Column::AccountId.eq(a.learner))
        .exec(&db)
        .await
        .unwrap();
    let body = form(&[("cohort_id", &b.cohort.to_string()), ("username", "awa")]);
    let moved = app
        .call::<cohort_fns::MoveLearner>(&body, Some(&b.cookie))
        .await;
    assert!(
        moved.status().is_success() || moved.status().is_redirection(),
        "{}",
        moved.status()
    );
    assert_eq!(cohorts_of(app, a.learner).await, vec![b.cohort]);

    // Binta's cohort gets trainer A as co-trainer: A trains all her cohorts now.
    let trainer_b = account_id(app, "trainer.b").await;
    cohorts::add_trainer(&db, b.cohort, trainer_b, "trainer.a")
        .await
        .unwrap();
    let body = form(&[("cohort_id", &a.cohort.to_string()), ("username", "binta")]);
    let moved = app
        .call::<cohort_fns::MoveLearner>(&body, Some(&a.cookie))
        .await;
    assert!(
        moved.status().is_success() || moved.status().is_redirection(),
        "{}",
        moved.status()
    );
    assert_eq!(
        cohorts_of(app, b.learner).await,
        vec![a.cohort],
        "she left the cohort A trains and joined A's"
    );
}

async fn an_administrator_moves_any_learner(app: &TestApp) {
    let a = side(app, "trainer.a", "awa").await;
    let b = side(app, "trainer.b", "binta").await;
    let db = app.db().await;
    account(&db, "chef", Role::Admin).await;
    let admin = app.sign_in("chef", PASSWORD).await;
    let body = form(&[("cohort_id", &b.cohort.to_string()), ("username", "awa")]);
    let moved = app
        .call::<cohort_fns::MoveLearner>(&body, Some(&admin))
        .await;
    assert!(
        moved.status().is_success() || moved.status().is_redirection(),
        "{}",
        moved.status()
    );
    let mut expected = vec![a.cohort, b.cohort];
    expected.sort();
    assert_eq!(
        cohorts_of(app, a.learner).await,
        expected,
        "she joins; the administrator trains neither cohort, so she leaves none"
    );
}

async fn an_archived_cohort_takes_no_learner_by_any_path(app: &TestApp) {
    let a = side(app, "trainer.a", "awa").await;
    let db = app.db().await;
    let code = cohorts::get(&db, a.cohort)
        .await
        .unwrap()
        .join_code
        .unwrap();
    let trainer_a = account_id(app, "trainer.a").await;
    // A learner in no cohort, for the move.
    let loose = account(&db, "seydou", Role::Learner).await;
    cohorts::set_archived(&db, a.cohort, trainer_a, true)
        .await
        .unwrap();

    let body = form(&[("cohort_id", &a.cohort.to_string()), ("username", "seydou")]);
    let moved = app
        .call::<cohort_fns::MoveLearner>(&body, Some(&a.cookie))
        .await;
    assert_eq!(moved.status(), 400, "no move into an archived cohort");
    assert!(cohorts_of(app, loose).await.is_empty());

    let body = form(&[
        ("cohort_id", &a.cohort.to_string()),
        ("names", "Fanta Keïta"),
        ("affiliation", "fds"),
    ]);
    let listed = app
        .call::<cohort_fns::CreateAccounts>(&body, Some(&a.cookie))
        .await;
    assert_eq!(
        listed.status(),
        400,
        "no pasted list into an archived cohort"
    );
    assert_eq!(cohorts::members(&db, a.cohort).await.unwrap().len(), 1);

    let joined = people::join(&db, joining(&code, "fanta", "Fanta")).await;
    assert!(
        joined.is_err(),
        "no joining an archived cohort with its code"
    );
    assert_eq!(cohorts::members(&db, a.cohort).await.unwrap().len(), 1);
}

on_every_database!(
    a_trainer_cannot_move_another_trainers_learner_in_either_direction,
    a_learner_in_no_cohort_or_in_a_shared_cohort_can_be_moved,
    an_administrator_moves_any_learner,
    an_archived_cohort_takes_no_learner_by_any_path
);

async fn account_id(app: &TestApp, username: &str) -> i64 {
    use accounts::entity::account;
    account::Entity::find()
        .filter(account::Column::Username.eq(username))
        .one(&app.db().await)
        .await
        .unwrap()
        .unwrap()
        .id
}

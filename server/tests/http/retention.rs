//! The retention periods as people meet them: an administrator sets them on `/admin` (and a
//! wrong period changes nothing), a learner reads them on their personal-data page, the sweep
//! anonymises an unused account as deletion does, and a server process applies them when it
//! starts.

use std::time::Duration;

use accounts::entity::{account, audit_event};
use accounts::{Role, cohorts, retention};
use app::serverfns::admin::SetRetention;
use sea_orm::{ColumnTrait, Database, EntityTrait, PaginatorTrait, QueryFilter};

use crate::processes::start_with;
use crate::support::{PASSWORD, TestApp, account, fixture_content, form, joining};

const DAY: i64 = 86_400;

fn periods(inactive: &str, audit: &str) -> String {
    form(&[("inactive_days", inactive), ("audit_days", audit)])
}

async fn an_administrator_sets_the_periods_and_a_learner_reads_them(app: &TestApp) {
    let db = app.db().await;
    account(&db, "chef", Role::Admin).await;
    let trainer = account(&db, "formateur", Role::Trainer).await;
    let cohort = cohorts::create(&db, trainer, "Mopti").await.unwrap();
    let code = cohort.join_code.unwrap();
    accounts::people::join(&db, joining(&code, "awa", "Awa"))
        .await
        .unwrap();
    let admin = app.sign_in("chef", PASSWORD).await;
    let learner = app.sign_in("awa", PASSWORD).await;

    // Off until an administrator sets it, and said so on both pages.
    let page = app
        .get_as("/admin", Some(&admin))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Désactivée : aucun compte n’est anonymisé"),
        "{page}"
    );
    assert!(page.contains("Le journal garde chaque événement 365 jours."));
    let mine = app
        .get_as("/account", Some(&learner))
        .await
        .text()
        .await
        .unwrap();
    assert!(mine.contains("Votre compte est gardé jusqu’à ce qu’un administrateur le supprime."));
    assert!(mine.contains("L’historique du compte garde chaque événement 365 jours."));
    assert!(mine.contains("Une connexion se ferme après 2 heures sans activité."));

    // Periods the form refuses change nothing, and say why in the visitor's language.
    for (inactive, audit) in [
        ("10", "365"),
        ("90", "29"),
        ("90", ""),
        ("abc", "365"),
        ("-90", "365"),
        ("90", "3651"),
        ("90.5", "365"),
    ] {
        let response = app
            .call::<SetRetention>(&periods(inactive, audit), Some(&admin))
            .await;
        assert_eq!(response.status(), 400, "{inactive} / {audit}");
        assert!(response.text().await.unwrap().contains("RetentionRange"));
    }
    assert_eq!(
        retention::periods(&db).await.unwrap(),
        retention::Periods::default()
    );

    // Saved without JavaScript, shown back with the number of accounts it will anonymise.
    let response = app
        .post_plain_form::<SetRetention>(&periods("90", "400"), Some(&admin), "/admin")
        .await;
    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(response.headers()["location"], "/admin?done=retention");
    let page = app
        .get_as("/admin?done=retention", Some(&admin))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Les durées de conservation sont enregistrées."));
    assert!(page.contains("Un compte sans connexion pendant 90 jours est anonymisé."));
    assert!(page.contains("Le journal garde chaque événement 400 jours."));
    assert!(
        page.contains("aucun compte ne sera anonymisé"),
        "everyone signed in today"
    );
    assert!(page.contains(r#"name="inactive_days""#) && page.contains(r#"value="90""#));
    assert!(
        page.contains("Durées de conservation changées"),
        "the change is in the log"
    );

    let english = format!("{learner}; lang=en");
    let mine = app
        .get_as("/account", Some(&english))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        mine.contains("If you do not sign in for 90 days, your account is anonymised"),
        "{mine}"
    );
    assert!(mine.contains("The account history keeps each event for 400 days."));
    let theirs = app
        .get_as("/account", Some(&admin))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        theirs.contains("Un compte d’administrateur est gardé"),
        "administrators are never swept"
    );

    // 0 turns it off again.
    let response = app
        .call::<SetRetention>(&periods("0", "400"), Some(&admin))
        .await;
    assert!(response.status().is_success() || response.status().is_redirection());
    assert_eq!(retention::periods(&db).await.unwrap().inactive_days, None);
}

async fn an_unused_account_is_anonymised_once_however_many_processes_sweep(app: &TestApp) {
    let db = app.db().await;
    let admin = account(&db, "chef", Role::Admin).await;
    let trainer = account(&db, "formateur", Role::Trainer).await;
    let cohort = cohorts::create(&db, trainer, "Mopti").await.unwrap();
    let code = cohort.join_code.unwrap();
    let gone = accounts::people::join(&db, joining(&code, "awa", "Awa"))
        .await
        .unwrap()
        .id;
    let kept = accounts::people::join(&db, joining(&code, "binta", "Binta"))
        .await
        .unwrap()
        .id;
    let old_cookie = app.sign_in("awa", PASSWORD).await;
    retention::set_periods(
        &db,
        admin,
        retention::Periods {
            inactive_days: Some(90),
            audit_days: 365,
        },
    )
    .await
    .unwrap();
    let now = accounts::now();
    // Binta signed in on day 60; nobody else did after day 0.
    retention::signed_in(&db, kept, now + 60 * DAY)
        .await
        .unwrap();

    assert_eq!(
        retention::sweep(&db, now + 89 * DAY)
            .await
            .unwrap()
            .anonymised,
        0
    );
    let later = now + 91 * DAY;
    assert_eq!(
        retention::due(&db, later).await.unwrap(),
        2,
        "awa and the trainer"
    );
    // Two server processes sweeping at the same moment.
    let (a, b) = tokio::join!(retention::sweep(&db, later), retention::sweep(&db, later));
    assert_eq!(a.unwrap().anonymised + b.unwrap().anonymised, 2);
    assert_eq!(retention::sweep(&db, later).await.unwrap().anonymised, 0);

    let row = account::Entity::find_by_id(gone)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.username.starts_with("~deleted-") && row.display_name.is_empty());
    assert!(row.password_hash.is_none() && row.deleted_at.is_some());
    assert_eq!(
        row.affiliation,
        accounts::Affiliation::Fds,
        "kept for the cohort's figures"
    );
    let members = accounts::entity::cohort_member::Entity::find()
        .filter(accounts::entity::cohort_member::Column::AccountId.eq(gone))
        .count(&db)
        .await
        .unwrap();
    assert_eq!(members, 1, "still counted in the cohort");
    for id in [kept, admin] {
        let row = account::Entity::find_by_id(id)
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert!(row.deleted_at.is_none(), "account {id} is kept");
    }
    let trainer_row = account::Entity::find_by_id(trainer)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert!(
        trainer_row.deleted_at.is_some(),
        "a trainer who never came back is swept too"
    );
    let expired = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("account-expired"))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(expired.len(), 2, "logged once each: {expired:?}");
    assert!(expired.iter().all(|e| e.actor_id.is_none()));

    // The session opened before is gone, and the old password opens nothing.
    let page = app.get_as("/account", Some(&old_cookie)).await;
    assert_eq!(page.status(), 401);
    let body = form(&[("username", "awa"), ("password", PASSWORD)]);
    let response = app
        .call::<app::serverfns::account::SignIn>(&body, None)
        .await;
    assert_eq!(response.status(), 400);
}

async fn the_audit_log_keeps_each_event_for_its_period(app: &TestApp) {
    let db = app.db().await;
    let admin = account(&db, "chef", Role::Admin).await;
    retention::set_periods(
        &db,
        admin,
        retention::Periods {
            inactive_days: None,
            audit_days: 30,
        },
    )
    .await
    .unwrap();
    let events = audit_event::Entity::find().count(&db).await.unwrap();
    assert!(events >= 2, "account created, periods changed");
    let now = accounts::now();
    assert_eq!(
        retention::sweep(&db, now + 29 * DAY)
            .await
            .unwrap()
            .audit_removed,
        0
    );
    let swept = retention::sweep(&db, now + 31 * DAY).await.unwrap();
    assert_eq!(swept.audit_removed, events);
    assert_eq!(swept.anonymised, 0, "no inactivity period is set");
    assert_eq!(audit_event::Entity::find().count(&db).await.unwrap(), 0);
}

on_every_database!(
    an_administrator_sets_the_periods_and_a_learner_reads_them,
    an_unused_account_is_anonymised_once_however_many_processes_sweep,
    the_audit_log_keeps_each_event_for_its_period
);

/// A server process applies the periods as soon as it starts (and then every hour).
#[tokio::test]
async fn a_server_process_applies_the_periods_when_it_starts() {
    let data = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", data.path().join("r.db").display());
    let db = server::db::connect(&url).await.unwrap();
    let admin = account(&db, "chef", Role::Admin).await;
    let unused = account(&db, "oublie", Role::Learner).await;
    retention::set_periods(
        &db,
        admin,
        retention::Periods {
            inactive_days: Some(30),
            audit_days: 365,
        },
    )
    .await
    .unwrap();
    retention::signed_in(&db, unused, accounts::now() - 31 * DAY)
        .await
        .unwrap();
    db.close().await.unwrap();

    let _server = start_with(&url, data.path(), &fixture_content());
    let db = Database::connect(url.as_str()).await.unwrap();
    let mut anonymised = false;
    for _ in 0..100 {
        let row = account::Entity::find_by_id(unused)
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        if row.deleted_at.is_some() {
            anonymised = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        anonymised,
        "the account unused for 31 days was anonymised at start"
    );
    let row = account::Entity::find_by_id(admin)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.deleted_at.is_none());
}

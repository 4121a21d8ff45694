//! Trainer reports over HTTP, on SQLite and PostgreSQL: the progress matrix changes when a
//! learner passes, filters and sorts; the question analysis and the pre/post comparison show
//! their figures; the CSV export holds what the screen shows, with accents and formulas
//! defused; and another trainer's cohort is refused on every page, function and export.

use accounts::{Role, cohorts, people};
use app::model::ReportQuery;
use app::serverfns::cohorts::{
    AddCohortTrainer, ArchiveCohort, MoveLearner, RecordAttendance, UpdateCohort,
};
use app::serverfns::reports::GetReport;
use catalog::QuizKind;

use crate::quizzes::{answers, body, catalog, read_lessons};
use crate::support::{PASSWORD, TestApp, account, form};

struct World {
    cohort: i64,
    trainer: String,
    other: String,
    admin: String,
    learner: String,
    awa: i64,
    bob: i64,
}

/// Cohort "Gao": Awa takes the pre-test, reads module `first` and passes its quiz; Bob, whose
/// display name looks like a spreadsheet formula, has done nothing.
async fn world(app: &TestApp) -> World {
    let db = app.db().await;
    let trainer = account(&db, "trainer", Role::Trainer).await;
    let other = account(&db, "other", Role::Trainer).await;
    account(&db, "admin", Role::Admin).await;
    let cohort = cohorts::create(&db, trainer, "Gao").await.unwrap().id;
    cohorts::create(&db, other, "Kidal").await.unwrap();
    let code = cohorts::get(&db, cohort).await.unwrap().join_code.unwrap();
    let join = |username: &'static str, display_name: &'static str| people::Joining {
        join_code: Box::leak(code.clone().into_boxed_str()),
        username,
        display_name,
        affiliation: "fds",
        password: PASSWORD,
        confirmation: PASSWORD,
        lang: "fr",
        address: None,
    };
    let awa = people::join(&db, join("awa", "Awa Traoré"))
        .await
        .unwrap()
        .id;
    let bob = people::join(&db, join("bob", "=HYPERLINK(\"http://x\")"))
        .await
        .unwrap()
        .id;
    let learner = app.sign_in("awa", PASSWORD).await;
    let catalog = catalog();
    let pre = app
        .call::<app::serverfns::learning::SubmitQuiz>(
            &body(
                QuizKind::Pretest,
                1,
                &answers(&catalog, QuizKind::Pretest, awa, 1, false),
            ),
            Some(&learner),
        )
        .await;
    assert!(
        pre.status().is_success() || pre.status().is_redirection(),
        "{}",
        pre.status()
    );
    World {
        cohort,
        trainer: app.sign_in("trainer", PASSWORD).await,
        other: app.sign_in("other", PASSWORD).await,
        admin: app.sign_in("admin", PASSWORD).await,
        learner,
        awa,
        bob,
    }
}

async fn pass(app: &TestApp, w: &World) {
    read_lessons(app, &w.learner).await;
    let passed = app
        .call::<app::serverfns::learning::SubmitQuiz>(
            &body(
                QuizKind::Quiz,
                1,
                &answers(&catalog(), QuizKind::Quiz, w.awa, 1, true),
            ),
            Some(&w.learner),
        )
        .await;
    assert!(passed.status().is_success() || passed.status().is_redirection());
}

async fn text(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String) {
    let response = app.get_as(path, cookie).await;
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn the_matrix_changes_when_a_learner_passes_and_filters(app: &TestApp) {
    let w = world(app).await;
    let path = format!("/trainer/cohorts/{}/progress", w.cohort);
    let (status, html) = text(app, &path, Some(&w.trainer)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Progression — Gao"), "{html}");
    assert!(
        html.contains("data-state=\"in-progress\""),
        "Awa took the pre-test"
    );
    assert!(html.contains("0 réussi(s) sur 1 commencé(s)"), "{html}");

    pass(app, &w).await;
    let (_, html) = text(app, &path, Some(&w.trainer)).await;
    assert!(html.contains("Réussi · 100\u{a0}%"), "{html}");
    assert!(html.contains("1 réussi(s) sur 1 commencé(s)"));
    assert!(html.contains(&format!("/trainer/cohorts/{}/learners/{}", w.cohort, w.awa)));
    assert!(html.contains("<svg"), "a chart drawn on the server");

    // "Not passed module 1": Bob only.
    let (_, html) = text(
        app,
        &format!("{path}?filter_module=first&filter_state=not-passed"),
        Some(&w.trainer),
    )
    .await;
    assert!(
        html.contains("HYPERLINK") && !html.contains("Awa Traoré"),
        "{html}"
    );
    assert!(html.contains("1 apprenant(s)"));
    // Sorted by the module's best score: Awa first.
    let (_, html) = text(app, &format!("{path}?sort=first"), Some(&w.trainer)).await;
    assert!(html.find("Awa Traoré").unwrap() < html.find("HYPERLINK").unwrap());

    // The learner's page: lessons read and every answer given.
    let (status, html) = text(
        app,
        &format!("/trainer/cohorts/{}/learners/{}", w.cohort, w.awa),
        Some(&w.trainer),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("2 / 2")
            && html.contains("Quelle est la bonne réponse ?")
            && html.contains("Bonne B"),
        "{html}"
    );
}

async fn the_csv_holds_what_the_screen_shows_with_formulas_defused(app: &TestApp) {
    let w = world(app).await;
    pass(app, &w).await;
    let response = app
        .get_as(
            &format!(
                "/trainer/cohorts/{}/report.csv?kind=progress&lang=fr",
                w.cohort
            ),
            Some(&w.trainer),
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let csv = response.text().await.unwrap();
    assert!(
        csv.starts_with('\u{feff}'),
        "a byte-order mark for spreadsheets"
    );
    assert!(
        csv.contains("Awa Traoré;Forces de défense et de sécurité (FDS);Réussi · 100\u{a0}%"),
        "{csv}"
    );
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""),
        "the formula is text: {csv}"
    );
    assert!(csv.contains("1 réussi(s) sur 1 commencé(s)"));
    let english = app
        .get_as(
            &format!(
                "/trainer/cohorts/{}/report.csv?kind=progress&lang=en",
                w.cohort
            ),
            Some(&w.trainer),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        english.contains("Awa Traoré,Forces de défense et de sécurité (FDS)")
            || english.contains("Awa Traoré,Defence"),
        "{english}"
    );

    let questions = app
        .get_as(
            &format!(
                "/trainer/cohorts/{}/report.csv?kind=questions&module=first&lang=fr",
                w.cohort
            ),
            Some(&w.trainer),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        questions.contains("Quelle est la bonne réponse ?;Premier objectif;1;100\u{a0}%"),
        "{questions}"
    );
}

async fn question_analysis_and_pre_post_show_their_figures(app: &TestApp) {
    let w = world(app).await;
    pass(app, &w).await;
    let (status, html) = text(
        app,
        &format!("/trainer/cohorts/{}/questions/first", w.cohort),
        Some(&w.trainer),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Quelle est la bonne réponse ?") && html.contains("Premier objectif"),
        "{html}"
    );
    let (status, html) = text(
        app,
        &format!("/trainer/cohorts/{}/gain/first", w.cohort),
        Some(&w.trainer),
    )
    .await;
    assert_eq!(status, 200);
    // Awa: 0 at the pre-test (all wrong), 100 at her first quiz attempt.
    assert!(
        html.contains("<dd>0,0</dd>") && html.contains("<dd>100,0</dd>"),
        "{html}"
    );
    assert!(
        html.contains("Moins de 3 personnes"),
        "one FDS learner: not shown"
    );
    let (status, _) = text(
        app,
        &format!("/trainer/cohorts/{}/gain/second", w.cohort),
        Some(&w.trainer),
    )
    .await;
    assert_eq!(status, 404, "a module without a pre-test has no comparison");
}

async fn all_cohorts_show_figures_per_cohort_and_no_names(app: &TestApp) {
    let w = world(app).await;
    pass(app, &w).await;
    let (status, html) = text(app, "/trainer/cohorts/all/progress", Some(&w.admin)).await;
    assert_eq!(status, 200);
    // Gao: Awa passed, Bob did nothing; Kidal has nobody yet and still has its line.
    let gao = &html[html.find(">Gao<").expect("Gao's line")..];
    assert!(
        gao.contains(">2</td><td data-state=\"\">1 réussi(s) sur 1 commencé(s)</td>"),
        "{html}"
    );
    let kidal = &html[html.find(">Kidal<").expect("Kidal's line")..];
    assert!(
        kidal.contains(">0</td><td data-state=\"\">0 réussi(s) sur 0 commencé(s)</td>"),
        "{html}"
    );
    assert!(
        !html.contains("Awa Traoré") && !html.contains("HYPERLINK"),
        "no names: {html}"
    );
    let (status, html) = text(app, "/trainer/cohorts/all/gain/first", Some(&w.admin)).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("<dd>0,0</dd>") && html.contains("<dd>100,0</dd>"),
        "{html}"
    );
    assert!(!html.contains("Awa Traoré"), "no names: {html}");
}

async fn another_trainers_cohort_is_refused_everywhere(app: &TestApp) {
    let w = world(app).await;
    let c = w.cohort;
    let pages = [
        format!("/trainer/cohorts/{c}/progress"),
        format!("/trainer/cohorts/{c}/questions/first"),
        format!("/trainer/cohorts/{c}/gain/first"),
        format!("/trainer/cohorts/{c}/learners/{}", w.bob),
        format!("/trainer/cohorts/{c}/report.csv?kind=progress&lang=fr"),
        format!("/trainer/cohorts/{c}/report.csv?kind=questions&module=first&lang=fr"),
        format!("/trainer/cohorts/{c}/report.csv?kind=gain&module=first&lang=fr"),
        format!(
            "/trainer/cohorts/{c}/report.csv?kind=learner&account={}&lang=fr",
            w.bob
        ),
        "/trainer/cohorts/all/progress".to_string(),
        "/trainer/cohorts/all/report.csv?kind=progress&lang=fr".to_string(),
    ];
    for path in &pages {
        let all = path.contains("/all/");
        for (who, cookie, expected) in [
            ("other trainer", Some(&w.other), 403),
            ("learner", Some(&w.learner), 403),
            ("visitor", None, 401),
            (
                "cohort trainer",
                Some(&w.trainer),
                if all { 403 } else { 200 },
            ),
            ("administrator", Some(&w.admin), 200),
        ] {
            let (status, body) = text(app, path, cookie.map(String::as_str)).await;
            assert_eq!(status, expected, "{path} as {who}: {body}");
        }
    }
    let query = |cohort: &str| {
        let q = ReportQuery {
            kind: "progress".into(),
            cohort: cohort.into(),
            ..Default::default()
        };
        form(&[
            ("lang", "fr"),
            ("query[kind]", &q.kind),
            ("query[cohort]", &q.cohort),
        ])
    };
    assert_eq!(
        app.call::<GetReport>(&query(&c.to_string()), Some(&w.other))
            .await
            .status(),
        403
    );
    assert_eq!(
        app.call::<GetReport>(&query(&c.to_string()), Some(&w.trainer))
            .await
            .status(),
        200
    );
    // A learner of another cohort is not found through this one.
    let (status, _) = text(
        app,
        &format!("/trainer/cohorts/{c}/learners/999999"),
        Some(&w.trainer),
    )
    .await;
    assert_eq!(status, 404);
}

async fn a_trainer_sets_place_dates_modules_and_code_adds_a_trainer_and_archives(app: &TestApp) {
    let w = world(app).await;
    let c = w.cohort.to_string();
    let page = format!("/trainer/cohorts/{c}");
    let settings = |starts: &str, ends: &str, module: &str| {
        form(&[
            ("cohort_id", &c),
            ("name", "Gao, bataillon 2"),
            ("place", "Camp de Gao"),
            ("starts_on", starts),
            ("ends_on", ends),
            (&format!("modules[{module}]"), module),
        ])
    };
    let saved = app
        .call::<UpdateCohort>(
            &settings("2027-03-01", "2027-03-15", "first"),
            Some(&w.trainer),
        )
        .await;
    assert!(
        saved.status().is_success() || saved.status().is_redirection(),
        "{}",
        saved.status()
    );
    let (_, html) = text(app, &page, Some(&w.trainer)).await;
    assert!(
        html.contains("Gao, bataillon 2")
            && html.contains("value=\"Camp de Gao\"")
            && html.contains("value=\"2027-03-15\""),
        "{html}"
    );
    assert!(
        !html.contains("data-join-code"),
        "joining by code turned off"
    );
    let db = app.db().await;
    let details = accounts::cohorts::details(&db, w.cohort).await.unwrap();
    assert_eq!(details.modules, ["first"]);
    let (_, html) = text(app, &format!("{page}/progress"), Some(&w.trainer)).await;
    assert!(
        html.contains("<th scope=\"col\">Premier module</th>"),
        "{html}"
    );
    assert!(
        !html.contains("<th scope=\"col\">Second module</th>"),
        "only the modules it follows"
    );

    // Refused, each with its message; nothing changes.
    for (body, problem) in [
        (settings("15/03/2027", "", "first"), "DateFormat"),
        (settings("2027-03-15", "2027-03-01", "first"), "DatesOrder"),
        (settings("0202-03-15", "", "first"), "DateOutOfRange"),
        (
            settings("2027-03-01", "2207-03-15", "first"),
            "DateOutOfRange",
        ),
        (settings("", "", "no-such-module"), "ModuleUnknown"),
    ] {
        let refused = app.call::<UpdateCohort>(&body, Some(&w.trainer)).await;
        assert_eq!(refused.status(), 400);
        assert!(refused.text().await.unwrap().contains(problem));
    }
    assert_eq!(
        accounts::cohorts::details(&db, w.cohort)
            .await
            .unwrap()
            .starts_on
            .as_deref(),
        Some("2027-03-01")
    );
    assert_eq!(
        app.call::<UpdateCohort>(&settings("", "", "first"), Some(&w.other))
            .await
            .status(),
        403
    );

    // A co-trainer: the other trainer now sees the cohort.
    assert_eq!(text(app, &page, Some(&w.other)).await.0, 403);
    let unknown = app
        .call::<AddCohortTrainer>(
            &form(&[("cohort_id", &c), ("username", "awa")]),
            Some(&w.trainer),
        )
        .await;
    assert_eq!(unknown.status(), 400, "a learner is not a trainer");
    let added = app
        .call::<AddCohortTrainer>(
            &form(&[("cohort_id", &c), ("username", "other")]),
            Some(&w.trainer),
        )
        .await;
    assert!(added.status().is_success() || added.status().is_redirection());
    assert_eq!(text(app, &page, Some(&w.other)).await.0, 200);

    // Archived: nobody joins; the figures stay readable; reopened.
    let archived = app
        .call::<ArchiveCohort>(
            &form(&[("cohort_id", &c), ("archived", "true")]),
            Some(&w.trainer),
        )
        .await;
    assert!(archived.status().is_success() || archived.status().is_redirection());
    let (_, html) = text(app, &page, Some(&w.trainer)).await;
    assert!(html.contains("data-archived=\"true\""));
    assert_eq!(
        text(app, &format!("{page}/progress"), Some(&w.trainer))
            .await
            .0,
        200
    );
    app.call::<ArchiveCohort>(
        &form(&[("cohort_id", &c), ("archived", "false")]),
        Some(&w.trainer),
    )
    .await;
    let (_, html) = text(app, &page, Some(&w.trainer)).await;
    assert!(!html.contains("data-archived=\"true\""));
}

async fn a_trainer_records_who_attended_a_session(app: &TestApp) {
    let w = world(app).await;
    let c = w.cohort.to_string();
    let awa = w.awa.to_string();
    let body = |date: &str, present: &str| {
        form(&[
            ("cohort_id", &c),
            ("held_on", date),
            ("topic", "Les Principes de Paris"),
            (&format!("present[{present}]"), present),
        ])
    };
    let saved = app
        .call::<RecordAttendance>(&body("2027-03-02", &awa), Some(&w.trainer))
        .await;
    assert!(
        saved.status().is_success() || saved.status().is_redirection(),
        "{}",
        saved.status()
    );
    let (_, html) = text(app, &format!("/trainer/cohorts/{c}"), Some(&w.trainer)).await;
    assert!(
        html.contains("2027-03-02 · Les Principes de Paris · 1 présent(s) sur 2"),
        "{html}"
    );
    // Refused, nothing recorded: a bad date, someone not in the cohort, another trainer.
    assert_eq!(
        app.call::<RecordAttendance>(&body("2 mars", &awa), Some(&w.trainer))
            .await
            .status(),
        400
    );
    assert_eq!(
        app.call::<RecordAttendance>(&body("2027-03-03", "999999"), Some(&w.trainer))
            .await
            .status(),
        400
    );
    assert_eq!(
        app.call::<RecordAttendance>(&body("2027-03-03", &awa), Some(&w.other))
            .await
            .status(),
        403
    );
    let db = app.db().await;
    assert_eq!(
        accounts::attendance::classes(&db, w.cohort)
            .await
            .unwrap()
            .len(),
        1
    );

    // A second session, Bob only, recorded earlier in time: the sheet reads by date.
    let bob = w.bob.to_string();
    app.call::<RecordAttendance>(&body("2027-03-01", &bob), Some(&w.trainer))
        .await;
    let sheet = format!("/trainer/cohorts/{c}/attendance");
    let (status, html) = text(app, &sheet, Some(&w.trainer)).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.find("2027-03-01 · Les Principes de Paris").unwrap()
            < html.find("2027-03-02 · Les Principes de Paris").unwrap(),
        "{html}"
    );
    assert!(html.contains("<svg"), "a chart of each session");
    let csv = app
        .get_as(
            &format!("/trainer/cohorts/{c}/report.csv?kind=attendance&lang=fr"),
            Some(&w.trainer),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.contains("Apprenant;2027-03-01 · Les Principes de Paris;2027-03-02 · Les Principes de Paris;Séances suivies"), "{csv}");
    assert!(csv.contains("Awa Traoré;Absent;Présent;1 / 2"), "{csv}");
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\";Présent;Absent;1 / 2"),
        "{csv}"
    );
    assert!(csv.contains("Total;1 présent(s);1 présent(s);"), "{csv}");
    let english = app
        .get_as(
            &format!("/trainer/cohorts/{c}/report.csv?kind=attendance&lang=en"),
            Some(&w.trainer),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        english.contains("Awa Traoré,Absent,Present,1 / 2"),
        "{english}"
    );
    // Only the cohort's trainers and administrators; never for all cohorts at once.
    assert_eq!(text(app, &sheet, Some(&w.other)).await.0, 403);
    assert_eq!(text(app, &sheet, Some(&w.learner)).await.0, 403);
    assert_eq!(text(app, &sheet, Some(&w.admin)).await.0, 200);
    assert_eq!(
        text(app, "/trainer/cohorts/all/attendance", Some(&w.admin))
            .await
            .0,
        404
    );
}

async fn a_trainer_moves_an_existing_learner_into_another_cohort(app: &TestApp) {
    let w = world(app).await;
    let db = app.db().await;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let trainer = accounts::entity::account::Entity::find()
        .filter(accounts::entity::account::Column::Username.eq("trainer"))
        .one(&db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let second = cohorts::create(&db, trainer, "Tombouctou")
        .await
        .unwrap()
        .id;
    let s = second.to_string();
    let moved = app
        .call::<MoveLearner>(
            &form(&[("cohort_id", &s), ("username", "bob")]),
            Some(&w.trainer),
        )
        .await;
    assert!(
        moved.status().is_success() || moved.status().is_redirection(),
        "{}",
        moved.status()
    );
    let in_second = cohorts::members(&db, second).await.unwrap();
    let in_first = cohorts::members(&db, w.cohort).await.unwrap();
    assert!(in_second.iter().any(|m| m.username == "bob"));
    assert!(
        !in_first.iter().any(|m| m.username == "bob"),
        "moved out of the trainer's other cohort"
    );
    // Refused, nothing changed: an unknown learner, a trainer's name, another trainer.
    for username in ["nobody", "other"] {
        let refused = app
            .call::<MoveLearner>(
                &form(&[("cohort_id", &s), ("username", username)]),
                Some(&w.trainer),
            )
            .await;
        assert_eq!(refused.status(), 400, "{username}");
        assert!(refused.text().await.unwrap().contains("LearnerUnknown"));
    }
    let other = app
        .call::<MoveLearner>(
            &form(&[("cohort_id", &w.cohort.to_string()), ("username", "awa")]),
            Some(&w.other),
        )
        .await;
    assert_eq!(other.status(), 403);
    assert_eq!(cohorts::members(&db, second).await.unwrap().len(), 1);
}

on_every_database!(
    the_matrix_changes_when_a_learner_passes_and_filters,
    the_csv_holds_what_the_screen_shows_with_formulas_defused,
    question_analysis_and_pre_post_show_their_figures,
    all_cohorts_show_figures_per_cohort_and_no_names,
    another_trainers_cohort_is_refused_everywhere,
    a_trainer_sets_place_dates_modules_and_code_adds_a_trainer_and_archives,
    a_trainer_records_who_attended_a_session,
    a_trainer_moves_an_existing_learner_into_another_cohort
);

/// PostgreSQL's JIT compiled the all-cohorts report queries for longer than they ran: the
/// server's connections turn it off.
#[tokio::test]
#[cfg_attr(
    not(test_database),
    ignore = "TEST_DATABASE_URL was not set when the tests were built"
)]
async fn postgres_connections_run_without_jit() {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    let app = crate::support::spawn_app(&crate::support::postgres()).await;
    let db = server::db::connect(&app.database_url).await.unwrap();
    let row = db
        .query_one_raw(Statement::from_string(DbBackend::Postgres, "SHOW jit"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.try_get_by_index::<String>(0).unwrap(), "off");
    app.cleanup().await;
}

/// The reports read running summaries (`learning::summary`) written with each lesson read
/// and each attempt: they hold what recomputing them from the rows gives, a lesson read
/// twice counts once, and a trainer trying the quiz (in no cohort) is not in the tally of
/// answers that the all-cohorts analysis reads.
async fn running_summaries_hold_what_the_rows_give(app: &TestApp) {
    use accounts::entity::account as account_entity;
    use learning::entity::{answer_tally, module_progress};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let w = world(app).await;
    pass(app, &w).await;
    let catalog = catalog();
    let db = app.db().await;
    let bob = app.sign_in("bob", PASSWORD).await;
    read_lessons(app, &bob).await;
    read_lessons(app, &bob).await;
    let submit = |kind, account, right, cookie: String| {
        let catalog = &catalog;
        async move {
            let sent = app
                .call::<app::serverfns::learning::SubmitQuiz>(
                    &body(kind, 1, &answers(catalog, kind, account, 1, right)),
                    Some(&cookie),
                )
                .await;
            assert!(sent.status().is_success() || sent.status().is_redirection());
        }
    };
    submit(QuizKind::Quiz, w.bob, false, bob.clone()).await;
    let trainer = account_entity::Entity::find()
        .filter(account_entity::Column::Username.eq("trainer"))
        .one(&db)
        .await
        .unwrap()
        .unwrap()
        .id;
    read_lessons(app, &w.trainer).await;
    submit(QuizKind::Quiz, trainer, true, w.trainer.clone()).await;

    let snapshot = || async {
        let progress = module_progress::Entity::find()
            .order_by_asc(module_progress::Column::AccountId)
            .order_by_asc(module_progress::Column::Module)
            .all(&db)
            .await
            .unwrap();
        let tally = answer_tally::Entity::find()
            .order_by_asc(answer_tally::Column::Kind)
            .order_by_asc(answer_tally::Column::Question)
            .order_by_asc(answer_tally::Column::IsRight)
            .order_by_asc(answer_tally::Column::Chosen)
            .all(&db)
            .await
            .unwrap();
        (progress, tally)
    };
    let (progress, tally) = snapshot().await;
    let row = |account: i64| {
        let r = progress
            .iter()
            .find(|r| r.account_id == account && r.module == "first")
            .unwrap();
        (
            r.lessons_read,
            r.best_score,
            r.passed,
            r.pretest_score,
            r.first_score,
        )
    };
    assert_eq!(row(w.awa), (2, Some(100), true, Some(0), Some(100)));
    assert_eq!(row(w.bob), (2, Some(0), false, None, Some(0)));
    assert_eq!(row(trainer), (2, Some(100), true, None, Some(100)));
    // Each quiz question: Awa right, Bob wrong, the trainer left out.
    let quiz = catalog.module("first").unwrap().quiz.as_ref().unwrap();
    for question in &quiz.questions {
        let counted: Vec<(bool, i64)> = tally
            .iter()
            .filter(|t| t.kind == QuizKind::Quiz && t.question == question.id)
            .map(|t| (t.is_right, t.learners))
            .collect();
        assert_eq!(
            counted.iter().map(|(_, n)| n).sum::<i64>(),
            2,
            "{counted:?}"
        );
        assert!(counted.contains(&(true, 1)), "{counted:?}");
    }
    assert_eq!(
        tally
            .iter()
            .filter(|t| t.kind == QuizKind::Pretest)
            .map(|t| t.learners)
            .sum::<i64>(),
        i64::try_from(
            learning::attempts::draw(
                catalog.module("first").unwrap(),
                QuizKind::Pretest,
                w.awa,
                1
            )
            .unwrap()
            .len(),
        )
        .unwrap(),
        "Awa's pre-test only"
    );
    learning::summary::rebuild(&db).await.unwrap();
    assert_eq!(snapshot().await, (progress, tally));
}

on_every_database!(running_summaries_hold_what_the_rows_give);

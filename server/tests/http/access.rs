//! Who may call what: every server function and route that touches accounts, against an
//! anonymous visitor, a learner, a trainer of another cohort, the cohort's trainer and an
//! administrator. The server decides, whatever the page shows.

use crate::support::{PASSWORD, TestApp, account, form};
use accounts::people;
use accounts::{Role, cohorts};
use app::serverfns::{
    account as account_fns, admin, certificates as certificate_fns, cohorts as cohort_fns, courses,
    learning, reports,
};
use leptos::server_fn::ServerFn;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Actor {
    Anonymous,
    Learner,
    OtherTrainer,
    Trainer,
    Admin,
}

use Actor::*;

const EVERYONE: &[Actor] = &[Anonymous, Learner, OtherTrainer, Trainer, Admin];
const SIGNED_IN: &[Actor] = &[Learner, OtherTrainer, Trainer, Admin];
const TRAINERS: &[Actor] = &[OtherTrainer, Trainer, Admin];
const COHORT: &[Actor] = &[Trainer, Admin];
const ADMIN: &[Actor] = &[Admin];

struct World {
    cohort: i64,
    learner: i64,
    victim: i64,
    doomed: i64,
    cookies: Vec<(Actor, Option<String>)>,
    /// The clip of the fixture course's first section, in French.
    audio_key: String,
    /// The clip of its quiz's first question, options in the file's order, in French.
    question_audio_key: String,
}

async fn world(app: &TestApp) -> World {
    let db = app.db().await;
    let trainer = account(&db, "trainer", Role::Trainer).await;
    let other = account(&db, "other", Role::Trainer).await;
    account(&db, "admin", Role::Admin).await;
    let cohort = cohorts::create(&db, trainer, "Gao").await.unwrap().id;
    cohorts::create(&db, other, "Kidal").await.unwrap();
    let code = cohorts::get(&db, cohort).await.unwrap().join_code.unwrap();
    let join = |username: &'static str| people::Joining {
        join_code: Box::leak(code.clone().into_boxed_str()),
        username,
        display_name: username,
        affiliation: "fds",
        password: PASSWORD,
        confirmation: PASSWORD,
        lang: "fr",
        address: None,
    };
    let learner = people::join(&db, join("learner")).await.unwrap().id;
    for actor in EVERYONE {
        certificate_for(&db, learner, *actor).await;
    }
    let victim = people::join(&db, join("victim")).await.unwrap().id;
    let doomed = people::join(&db, join("doomed")).await.unwrap().id;
    let mut cookies = vec![(Anonymous, None)];
    for (actor, name) in [
        (Learner, "learner"),
        (OtherTrainer, "other"),
        (Trainer, "trainer"),
        (Admin, "admin"),
    ] {
        cookies.push((actor, Some(app.sign_in(name, PASSWORD).await)));
    }
    let audio_key = crate::support::lesson_audio_keys(&crate::support::fixture_content())
        .await
        .swap_remove(0)
        .1;
    World {
        cohort,
        learner,
        victim,
        doomed,
        cookies,
        audio_key,
        question_audio_key: crate::support::question_audio_key(&crate::support::fixture_content())
            .await,
    }
}

fn certificate_number(actor: Actor) -> String {
    format!("TEST-0000-0{}", actor as u8)
}

/// A certificate of the learner's, arranged straight in the database, for `actor` to try.
async fn certificate_for(db: &sea_orm::DatabaseConnection, learner: i64, actor: Actor) {
    use sea_orm::{ActiveValue::Set, EntityTrait};
    certificates::entity::certificate::Entity::insert(
        certificates::entity::certificate::ActiveModel {
            number: Set(certificate_number(actor)),
            account_id: Set(learner),
            kind: Set(certificates::Kind::Module),
            module: Set(format!("test-{}", actor as u8)),
            name: Set("learner".into()),
            titles: Set("{}".into()),
            score: Set(100),
            issuer: Set("Test".into()),
            issued_at: Set(accounts::now()),
            ..Default::default()
        },
    )
    .exec(db)
    .await
    .unwrap();
}

/// What a check sends.
enum Request {
    Page(String),
    Call(&'static str, String),
}

fn call<S: ServerFn>(body: String) -> Request {
    Request::Call(S::PATH, body)
}

fn checks(w: &World, actor: Actor) -> Vec<(&'static str, Request, &'static [Actor])> {
    let cohort = w.cohort.to_string();
    let tag = format!("{actor:?}").to_lowercase();
    // Each caller tries to revoke a certificate of their own (the learner's), so that one
    // caller's success does not change what the next one sees.
    let number = certificate_number(actor);
    vec![
        ("home page", Request::Page("/".into()), EVERYONE),
        ("sign-in page", Request::Page("/sign-in".into()), EVERYONE),
        ("join page", Request::Page("/join".into()), EVERYONE),
        // Offline use: the worker, the manifest, the offline page and what saving a module
        // stores hold only the public course (server/src/offline.rs).
        ("service worker", Request::Page("/sw.js".into()), EVERYONE),
        (
            "web app manifest",
            Request::Page("/manifest.fr.webmanifest".into()),
            EVERYONE,
        ),
        ("offline page", Request::Page("/offline".into()), EVERYONE),
        (
            "saved module list",
            Request::Page("/offline/first.json".into()),
            EVERYONE,
        ),
        (
            "lesson audio",
            Request::Page(format!("/audio/{}.opus", w.audio_key)),
            EVERYONE,
        ),
        // It says only what the quiz page shows (never the answer key), under a name that
        // is a hash of those words; like the lessons, it is public.
        (
            "quiz question audio",
            Request::Page(format!("/audio/{}.opus", w.question_audio_key)),
            EVERYONE,
        ),
        ("account page", Request::Page("/account".into()), SIGNED_IN),
        (
            "password page",
            Request::Page("/account/password".into()),
            EVERYONE,
        ),
        (
            "data download",
            Request::Page("/account/data.json".into()),
            SIGNED_IN,
        ),
        ("trainer page", Request::Page("/trainer".into()), TRAINERS),
        (
            "cohort page",
            Request::Page(format!("/trainer/cohorts/{cohort}")),
            COHORT,
        ),
        ("slips page", Request::Page("/slips".into()), TRAINERS),
        ("admin page", Request::Page("/admin".into()), ADMIN),
        (
            "list_modules",
            call::<courses::ListModules>(form(&[("lang", "fr")])),
            EVERYONE,
        ),
        (
            "current_user",
            call::<account_fns::CurrentUser>(String::new()),
            EVERYONE,
        ),
        (
            "my_data",
            call::<account_fns::MyData>(String::new()),
            SIGNED_IN,
        ),
        (
            "quiz page",
            Request::Page("/modules/first/test/quiz".into()),
            SIGNED_IN,
        ),
        (
            "get_quiz",
            call::<learning::GetQuiz>(form(&[
                ("lang", "fr"),
                ("module", "first"),
                ("kind", "pretest"),
            ])),
            SIGNED_IN,
        ),
        (
            "mark_read",
            call::<learning::MarkRead>(form(&[("module", "first"), ("lesson", "01-start")])),
            SIGNED_IN,
        ),
        (
            "submit_quiz",
            call::<learning::SubmitQuiz>(form(&[
                ("module", "first"),
                ("kind", "pretest"),
                ("attempt", "1"),
                ("answers[q0]", "0-0"),
                ("answers[q1]", "1-0"),
            ])),
            SIGNED_IN,
        ),
        (
            "certificates page",
            Request::Page("/certificates".into()),
            SIGNED_IN,
        ),
        ("verify page", Request::Page("/verify".into()), EVERYONE),
        (
            "my_certificates",
            call::<certificate_fns::MyCertificates>(form(&[("lang", "fr")])),
            SIGNED_IN,
        ),
        (
            "check_certificate",
            call::<certificate_fns::CheckCertificate>(form(&[("lang", "fr"), ("number", &number)])),
            EVERYONE,
        ),
        (
            "get_verify_kit",
            call::<certificate_fns::GetVerifyKit>(form(&[("lang", "fr")])),
            EVERYONE,
        ),
        (
            "verify_code",
            call::<certificate_fns::VerifyCode>(form(&[("lang", "fr"), ("code", "x.y")])),
            EVERYONE,
        ),
        (
            "revoke_certificate",
            call::<certificate_fns::RevokeCertificate>(form(&[
                ("number", &number),
                ("reason", "test"),
            ])),
            COHORT,
        ),
        (
            "progress report",
            Request::Page(format!("/trainer/cohorts/{cohort}/progress")),
            COHORT,
        ),
        (
            "question analysis",
            Request::Page(format!("/trainer/cohorts/{cohort}/questions/first")),
            COHORT,
        ),
        (
            "report export",
            Request::Page(format!(
                "/trainer/cohorts/{cohort}/report.csv?kind=gain&module=first"
            )),
            COHORT,
        ),
        (
            "attendance sheet",
            Request::Page(format!("/trainer/cohorts/{cohort}/attendance")),
            COHORT,
        ),
        (
            "all cohorts' progress",
            Request::Page("/trainer/cohorts/all/progress".into()),
            ADMIN,
        ),
        (
            "get_report",
            call::<reports::GetReport>(form(&[
                ("lang", "fr"),
                ("query[kind]", "progress"),
                ("query[cohort]", &cohort),
            ])),
            COHORT,
        ),
        (
            "list_cohorts",
            call::<cohort_fns::ListCohorts>(String::new()),
            TRAINERS,
        ),
        (
            "create_cohort",
            call::<cohort_fns::CreateCohort>(form(&[("name", &format!("Cohorte {tag}"))])),
            TRAINERS,
        ),
        (
            "get_cohort",
            call::<cohort_fns::GetCohort>(form(&[("cohort_id", &cohort)])),
            COHORT,
        ),
        (
            "create_accounts",
            call::<cohort_fns::CreateAccounts>(form(&[
                ("cohort_id", &cohort),
                ("names", &format!("Nouveau {tag}")),
                ("affiliation", "other"),
            ])),
            COHORT,
        ),
        (
            "issue_code",
            call::<cohort_fns::IssueCode>(form(&[
                ("cohort_id", &cohort),
                ("account_id", &w.victim.to_string()),
            ])),
            COHORT,
        ),
        (
            "update_cohort",
            call::<cohort_fns::UpdateCohort>(form(&[
                ("cohort_id", &cohort),
                ("name", "Gao"),
                ("join_open", "on"),
            ])),
            COHORT,
        ),
        (
            "archive_cohort",
            call::<cohort_fns::ArchiveCohort>(form(&[
                ("cohort_id", &cohort),
                ("archived", "false"),
            ])),
            COHORT,
        ),
        (
            "add_cohort_trainer",
            call::<cohort_fns::AddCohortTrainer>(form(&[
                ("cohort_id", &cohort),
                ("username", "admin"),
            ])),
            COHORT,
        ),
        (
            "move_learner",
            call::<cohort_fns::MoveLearner>(form(&[
                ("cohort_id", &cohort),
                ("username", "victim"),
            ])),
            COHORT,
        ),
        (
            "record_attendance",
            call::<cohort_fns::RecordAttendance>(form(&[
                ("cohort_id", &cohort),
                ("held_on", "2027-03-02"),
                ("topic", "Séance"),
            ])),
            COHORT,
        ),
        (
            "get_slips",
            call::<cohort_fns::GetSlips>(String::new()),
            TRAINERS,
        ),
        (
            "admin_overview",
            call::<admin::AdminOverview>(String::new()),
            ADMIN,
        ),
        (
            "create_trainer",
            call::<admin::CreateTrainer>(form(&[
                ("username", &format!("new.{tag}")),
                ("display_name", "Nouveau formateur"),
            ])),
            ADMIN,
        ),
        (
            "delete_account",
            call::<admin::DeleteAccount>(form(&[
                ("account_id", &w.doomed.to_string()),
                ("confirm", "yes"),
            ])),
            ADMIN,
        ),
        (
            "set_retention",
            call::<admin::SetRetention>(form(&[("inactive_days", ""), ("audit_days", "365")])),
            ADMIN,
        ),
        // Last: changing the password ends the caller's other sessions.
        (
            "set_password",
            call::<account_fns::SetPassword>(form(&[
                ("current", PASSWORD),
                ("password", PASSWORD),
                ("confirmation", PASSWORD),
            ])),
            SIGNED_IN,
        ),
    ]
}

async fn every_function_and_route_checks_role_and_cohort(app: &TestApp) {
    let w = world(app).await;
    let mut failures = Vec::new();
    for (actor, cookie) in &w.cookies {
        for (name, request, allowed) in checks(&w, *actor) {
            let response = match &request {
                Request::Page(path) => app.get_as(path, cookie.as_deref()).await,
                Request::Call(path, body) => app.post(path, body, cookie.as_deref(), &[]).await,
            };
            let status = response.status().as_u16();
            let expected_allowed = allowed.contains(actor);
            let was_allowed = status < 400;
            let refused_properly = matches!(status, 401 | 403);
            if expected_allowed != was_allowed || (!was_allowed && !refused_properly) {
                failures.push(format!("{name} as {actor:?}: status {status}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    let _ = w.learner;
}

async fn a_learner_sees_only_their_own_data(app: &TestApp) {
    let w = world(app).await;
    let learner = w
        .cookies
        .iter()
        .find(|(a, _)| *a == Learner)
        .unwrap()
        .1
        .clone();
    let response = app.get_as("/account/data.json", learner.as_deref()).await;
    assert_eq!(response.status(), 200);
    assert!(
        response
            .headers()
            .get("content-disposition")
            .is_some_and(|v| v.to_str().unwrap().contains("attachment"))
    );
    let data: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(data["username"], "learner");
    assert_eq!(data["cohorts"][0]["cohort"], "Gao");
    let text = data.to_string();
    assert!(
        !text.contains("victim") && !text.contains("argon2"),
        "{text}"
    );
}

on_every_database!(
    every_function_and_route_checks_role_and_cohort,
    a_learner_sees_only_their_own_data
);

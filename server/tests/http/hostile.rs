//! Hostile input, on SQLite and PostgreSQL: more than 500 requests that put markup, quotes,
//! formulas, control characters, odd encodings and oversized bodies into every field a person
//! can type (names, cohort fields, attendance topics, bulk lists, quiz answers, certificate
//! codes, paths), and that try every role against another role's data and every kind of
//! cross-site request. The bar: no 5xx; no payload unescaped anywhere in any page (title and
//! attributes included) that shows it, in French and English; nothing allowed that should be
//! refused; and nothing in the database changed by a refused request.

use accounts::{Role, cohorts, people};
use app::serverfns::{
    account as account_fns, admin, certificates as certificate_fns, cohorts as cohort_fns, learning,
};
use leptos::server_fn::ServerFn;
use sea_orm::EntityTrait;

use crate::support::{PASSWORD, TestApp, account, form, joining};

/// What a person might type, and the piece of it that must never reach a page as it is
/// (empty: no markup, only "no 5xx and refused or stored" is checked).
const PAYLOADS: &[(&str, &str)] = &[
    ("<script>alert(1)</script>", "<script>alert(1)"),
    (
        "</title><meta http-equiv=refresh content=0;url=https://evil.example>",
        "<meta http-equiv=refresh",
    ),
    ("\"><img src=x onerror=alert(1)>", "<img src=x"),
    ("\" autofocus onfocus=\"alert(1)", "=\"\" autofocus"),
    ("' autofocus onfocus='alert(1)", "='' autofocus"),
    ("<svg/onload=alert(1)>", "<svg/onload"),
    ("<iframe src=javascript:alert(1)>", "<iframe src=javascript"),
    ("Awa <b>Traoré</b> & fils", "<b>Traoré</b>"),
    ("=HYPERLINK(\"http://x\")", ""),
    ("＝1+1", ""),
    ("'; DROP TABLE account; --", ""),
    ("{{7*7}} ${7*7} %s %n", ""),
    ("\u{202e}gnp.exe", ""),
    ("a\u{0}b\u{7}c", ""),
    ("../../../etc/passwd", ""),
    ("%3Cscript%3Ealert(1)%3C/script%3E", ""),
];

/// An over-long field: well past every limit.
fn long() -> String {
    "Ω".repeat(5_000)
}

struct World {
    cohort: i64,
    other_cohort: i64,
    trainer: String,
    other: String,
    admin: String,
    learner: String,
    learner_id: i64,
}

async fn world(app: &TestApp) -> World {
    let db = app.db().await;
    let trainer = account(&db, "trainer", Role::Trainer).await;
    let other = account(&db, "other", Role::Trainer).await;
    account(&db, "admin", Role::Admin).await;
    let cohort = cohorts::create(&db, trainer, "Gao").await.unwrap().id;
    let other_cohort = cohorts::create(&db, other, "Kidal").await.unwrap().id;
    let code = cohorts::get(&db, cohort).await.unwrap().join_code.unwrap();
    let learner_id = people::join(&db, joining(&code, "learner", "Apprenant"))
        .await
        .unwrap()
        .id;
    World {
        cohort,
        other_cohort,
        trainer: app.sign_in("trainer", PASSWORD).await,
        other: app.sign_in("other", PASSWORD).await,
        admin: app.sign_in("admin", PASSWORD).await,
        learner: app.sign_in("learner", PASSWORD).await,
        learner_id,
    }
}

/// Everything a refused request could change, as text to compare.
async fn fingerprint(app: &TestApp) -> String {
    use accounts::entity::{
        account, attendance_present, attendance_session, cohort, cohort_member, cohort_trainer,
    };
    let db = app.db().await;
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        account::Entity::find().all(&db).await.unwrap(),
        cohort::Entity::find().all(&db).await.unwrap(),
        cohort_member::Entity::find().all(&db).await.unwrap(),
        cohort_trainer::Entity::find().all(&db).await.unwrap(),
        attendance_session::Entity::find().all(&db).await.unwrap(),
        attendance_present::Entity::find().all(&db).await.unwrap(),
        ::learning::entity::quiz_attempt::Entity::find()
            .all(&db)
            .await
            .unwrap(),
        certificates::entity::certificate::Entity::find()
            .all(&db)
            .await
            .unwrap(),
    )
}

/// Tallies what was sent and what went wrong.
#[derive(Default)]
struct Run {
    sent: usize,
    failures: Vec<String>,
}

impl Run {
    /// Checks one answer: never a 5xx, never a payload as it was typed.
    async fn look(&mut self, label: &str, response: reqwest::Response) -> u16 {
        self.sent += 1;
        let status = response.status().as_u16();
        let html = response
            .headers()
            .get("content-type")
            .is_some_and(|v| v.to_str().unwrap_or_default().starts_with("text/html"));
        let body = response.text().await.unwrap_or_default();
        if status >= 500 {
            self.failures.push(format!("{label}: status {status}"));
        }
        if html {
            for (_, marker) in PAYLOADS.iter().filter(|(_, m)| !m.is_empty()) {
                if body.contains(marker) {
                    self.failures
                        .push(format!("{label}: `{marker}` unescaped in the page"));
                }
            }
        }
        status
    }

    /// A request that must be refused (401, 403, 404 or 422-like 4xx), never allowed.
    async fn refused(&mut self, label: &str, response: reqwest::Response) {
        let status = self.look(label, response).await;
        if status < 400 {
            self.failures
                .push(format!("{label}: allowed ({status}), must be refused"));
        }
    }
}

fn encoded(text: &str) -> String {
    form(&[("x", text)])[2..].to_string()
}

async fn hostile_input_breaks_nothing_leaks_nothing_and_changes_nothing(app: &TestApp) {
    let w = world(app).await;
    let mut run = Run::default();
    let cohort = w.cohort.to_string();
    let other_cohort = w.other_cohort.to_string();
    let long = long();
    let mut typed: Vec<&str> = PAYLOADS.iter().map(|(p, _)| *p).collect();
    typed.push(&long);

    // 1. Allowed callers type hostile text into every field: stored or refused with a
    //    message, never a 5xx.
    let code = cohorts::get(&app.db().await, w.cohort)
        .await
        .unwrap()
        .join_code
        .unwrap();
    for (i, payload) in typed.iter().enumerate() {
        let n = i.to_string();
        let username = format!("hostile{i}");
        let body = form(&[
            ("join_code", &code),
            ("username", &username),
            ("display_name", payload),
            ("affiliation", "fds"),
            ("password", PASSWORD),
            ("confirmation", PASSWORD),
        ]);
        run.look(
            "join with a hostile name",
            app.call::<account_fns::Join>(&body, None).await,
        )
        .await;
        let body = form(&[
            ("join_code", payload),
            ("username", payload),
            ("display_name", payload),
            ("password", payload),
            ("confirmation", payload),
        ]);
        run.look(
            "join with hostile everything",
            app.call::<account_fns::Join>(&body, None).await,
        )
        .await;
        let body = form(&[("username", payload), ("password", payload)]);
        run.look(
            "sign in with hostile text",
            app.call::<account_fns::SignIn>(&body, None).await,
        )
        .await;
        let body = form(&[("name", payload)]);
        run.look(
            "create a cohort",
            app.call::<cohort_fns::CreateCohort>(&body, Some(&w.other))
                .await,
        )
        .await;
        let body = form(&[
            ("cohort_id", &other_cohort),
            ("name", payload),
            ("place", payload),
            ("starts_on", "2027-01-01"),
            ("ends_on", "2027-01-31"),
            ("join_open", "on"),
        ]);
        run.look(
            "update a cohort",
            app.call::<cohort_fns::UpdateCohort>(&body, Some(&w.other))
                .await,
        )
        .await;
        let body = form(&[
            ("cohort_id", &other_cohort),
            ("name", "Kidal"),
            ("starts_on", payload),
            ("ends_on", payload),
            (&format!("modules[{payload}]"), payload),
        ]);
        run.look(
            "hostile cohort dates",
            app.call::<cohort_fns::UpdateCohort>(&body, Some(&w.other))
                .await,
        )
        .await;
        let day = format!("2027-02-{:02}", i + 1);
        let body = form(&[
            ("cohort_id", &cohort),
            ("held_on", &day),
            ("topic", payload),
            (&format!("present[{}]", w.learner_id), "on"),
            ("present[x]", payload),
        ]);
        run.look(
            "record attendance",
            app.call::<cohort_fns::RecordAttendance>(&body, Some(&w.trainer))
                .await,
        )
        .await;
        let body = form(&[
            ("cohort_id", &cohort),
            ("held_on", payload),
            ("topic", "Séance"),
        ]);
        run.look(
            "attendance on a hostile date",
            app.call::<cohort_fns::RecordAttendance>(&body, Some(&w.trainer))
                .await,
        )
        .await;
        let names = format!("{payload}\nBulk {n}\n{payload}, chef");
        let body = form(&[
            ("cohort_id", &cohort),
            ("names", &names),
            ("affiliation", "other"),
        ]);
        run.look(
            "a bulk list",
            app.call::<cohort_fns::CreateAccounts>(&body, Some(&w.trainer))
                .await,
        )
        .await;
        let body = form(&[
            ("cohort_id", &cohort),
            ("names", "Bulk"),
            ("affiliation", payload),
        ]);
        run.look(
            "a bulk list's affiliation",
            app.call::<cohort_fns::CreateAccounts>(&body, Some(&w.trainer))
                .await,
        )
        .await;
        let body = form(&[("username", &format!("t.{i}")), ("display_name", payload)]);
        run.look(
            "create a trainer",
            app.call::<admin::CreateTrainer>(&body, Some(&w.admin))
                .await,
        )
        .await;
        let body = form(&[
            ("module", "first"),
            ("kind", "pretest"),
            ("attempt", &(i + 1).to_string()),
            ("answers[q0]", payload),
            (&format!("answers[{payload}]"), "0-0"),
        ]);
        run.look(
            "quiz answers",
            app.call::<learning::SubmitQuiz>(&body, Some(&w.learner))
                .await,
        )
        .await;
        let body = form(&[("module", payload), ("kind", payload), ("attempt", payload)]);
        run.look(
            "a quiz that is not there",
            app.call::<learning::SubmitQuiz>(&body, Some(&w.learner))
                .await,
        )
        .await;
        let body = form(&[("module", payload), ("lesson", payload)]);
        run.look(
            "mark a lesson read",
            app.call::<learning::MarkRead>(&body, Some(&w.learner))
                .await,
        )
        .await;
        let body = form(&[("lang", "fr"), ("number", payload)]);
        run.look(
            "check a certificate",
            app.call::<certificate_fns::CheckCertificate>(&body, None)
                .await,
        )
        .await;
        let body = form(&[("lang", "fr"), ("code", payload)]);
        run.look(
            "verify a code",
            app.call::<certificate_fns::VerifyCode>(&body, None).await,
        )
        .await;
        // Addresses carry the short payloads (an over-long one is refused by the client).
        let e = encoded(payload);
        let paths = if payload.len() > 1_000 {
            Vec::new()
        } else {
            vec![
                format!("/verify?code={e}"),
                format!("/verify?number={e}"),
                format!("/modules/{e}"),
                format!("/modules/first/{e}"),
                format!("/modules/first/test/{e}"),
                format!("/glossary/{e}"),
                format!("/trainer/cohorts/{e}/progress"),
                format!("/trainer/cohorts/{cohort}/questions/{e}"),
                format!(
                    "/trainer/cohorts/{cohort}/progress?filter_module={e}&sort={e}&filter_state={e}"
                ),
                format!("/trainer/cohorts/{cohort}/report.csv?kind={e}&module={e}&lang={e}"),
                format!("/{e}"),
            ]
        };
        for path in paths {
            run.look(
                "GET a hostile address",
                app.get_as(&path, Some(&w.trainer)).await,
            )
            .await;
        }
    }

    // 2. Every page that shows a name, a cohort field or a topic, as each role and in both
    //    languages: hostile text escaped everywhere (the title included).
    let db = app.db().await;
    let members = cohorts::members(&db, w.cohort).await.unwrap();
    assert!(
        members.len() > PAYLOADS.len(),
        "the hostile names were stored: {}",
        members.len()
    );
    let mut pages = vec![
        "/trainer".to_string(),
        format!("/trainer/cohorts/{cohort}"),
        format!("/trainer/cohorts/{cohort}/progress"),
        format!("/trainer/cohorts/{cohort}/questions/first"),
        format!("/trainer/cohorts/{cohort}/gain/first"),
        format!("/trainer/cohorts/{cohort}/attendance"),
        format!("/trainer/cohorts/{other_cohort}"),
        "/slips".to_string(),
    ];
    for member in &members {
        pages.push(format!(
            "/trainer/cohorts/{cohort}/learners/{}",
            member.account_id
        ));
    }
    for lang in ["fr", "en"] {
        for page in &pages {
            let owner = if page.contains(&other_cohort) {
                &w.other
            } else {
                &w.trainer
            };
            let response = app
                .client
                .get(format!("{}{page}", app.base))
                .header("cookie", format!("{owner}; lang={lang}"))
                .send()
                .await
                .unwrap();
            run.look(&format!("{page} ({lang})"), response).await;
        }
        for page in ["/admin", "/trainer/cohorts/all/progress"] {
            let response = app
                .client
                .get(format!("{}{page}", app.base))
                .header("cookie", format!("{}; lang={lang}", w.admin))
                .send()
                .await
                .unwrap();
            run.look(&format!("{page} as admin ({lang})"), response)
                .await;
        }
    }
    // The hostile learners' own pages.
    for i in [0, 2, 3, 5, 6, 7] {
        let username = format!("hostile{i}");
        let cookie = app.sign_in(&username, PASSWORD).await;
        for page in [
            "/",
            "/account",
            "/certificates",
            "/modules/first",
            "/account/data.json",
        ] {
            run.look(
                &format!("{page} as {username}"),
                app.get_as(page, Some(&cookie)).await,
            )
            .await;
        }
    }

    // 3. Refused requests: every role against another's data, anonymous callers, and
    //    cross-site requests with a valid cookie. None may change anything.
    let before = fingerprint(app).await;
    let victim = members
        .iter()
        .find(|m| m.username.starts_with("hostile"))
        .unwrap();
    let victim_id = victim.account_id.to_string();
    for payload in &typed {
        let attempts: Vec<(&str, &'static str, String)> = vec![
            (
                "update another's cohort",
                cohort_fns::UpdateCohort::PATH,
                form(&[("cohort_id", &cohort), ("name", payload)]),
            ),
            (
                "attendance in another's cohort",
                cohort_fns::RecordAttendance::PATH,
                form(&[
                    ("cohort_id", &cohort),
                    ("held_on", "2027-05-01"),
                    ("topic", payload),
                ]),
            ),
            (
                "a bulk list in another's cohort",
                cohort_fns::CreateAccounts::PATH,
                form(&[("cohort_id", &cohort), ("names", payload)]),
            ),
            (
                "move another's learner",
                cohort_fns::MoveLearner::PATH,
                form(&[("cohort_id", &other_cohort), ("username", &victim.username)]),
            ),
            (
                "a code for another's learner",
                cohort_fns::IssueCode::PATH,
                form(&[("cohort_id", &cohort), ("account_id", &victim_id)]),
            ),
            (
                "archive another's cohort",
                cohort_fns::ArchiveCohort::PATH,
                form(&[("cohort_id", &cohort), ("archived", "true")]),
            ),
            (
                "join another's cohort as its trainer",
                cohort_fns::AddCohortTrainer::PATH,
                form(&[("cohort_id", &cohort), ("username", "other")]),
            ),
            (
                "delete an account",
                admin::DeleteAccount::PATH,
                form(&[("account_id", &victim_id), ("confirm", "yes")]),
            ),
            (
                "create a trainer",
                admin::CreateTrainer::PATH,
                form(&[("username", "intrus"), ("display_name", payload)]),
            ),
        ];
        for (label, path, body) in &attempts {
            run.refused(
                &format!("{label} (other trainer)"),
                app.post(path, body, Some(&w.other), &[]).await,
            )
            .await;
            run.refused(
                &format!("{label} (learner)"),
                app.post(path, body, Some(&w.learner), &[]).await,
            )
            .await;
            run.refused(
                &format!("{label} (anonymous)"),
                app.post(path, body, None, &[]).await,
            )
            .await;
        }
        // Cross-site: the cohort's own trainer's cookie, sent by another site.
        let body = form(&[("cohort_id", &cohort), ("name", payload)]);
        for headers in [
            &[("sec-fetch-site", "cross-site")][..],
            &[("sec-fetch-site", "same-site")][..],
            &[("origin", "https://evil.example")][..],
            &[("origin", "null")][..],
        ] {
            run.refused(
                &format!("cross-site update {headers:?}"),
                app.post(
                    cohort_fns::UpdateCohort::PATH,
                    &body,
                    Some(&w.trainer),
                    headers,
                )
                .await,
            )
            .await;
        }
        // A forged session cookie.
        let forged = format!("session={}", encoded(payload));
        run.refused(
            "a forged session",
            app.post(cohort_fns::UpdateCohort::PATH, &body, Some(&forged), &[])
                .await,
        )
        .await;
    }

    // 4. Sizes and encodings.
    let huge = "a".repeat(3 * 1024 * 1024);
    run.refused(
        "a 3 MB body",
        app.post(
            cohort_fns::CreateCohort::PATH,
            &form(&[("name", &huge)]),
            Some(&w.other),
            &[],
        )
        .await,
    )
    .await;
    for body in [
        "name=%FF%FE%FD",
        "name=%C0%AE%C0%AE",
        "name=%",
        "name",
        "=&=&=",
        "name=a&name=b&name=c",
        "cohort_id=99999999999999999999999&name=x",
    ] {
        run.refused(
            &format!("body `{body}` on another's cohort"),
            app.post(cohort_fns::UpdateCohort::PATH, body, Some(&w.other), &[])
                .await,
        )
        .await;
    }
    for content_type in [
        "text/plain",
        "application/json",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded; charset=utf-7",
    ] {
        let response = app
            .client
            .post(format!("{}{}", app.base, cohort_fns::UpdateCohort::PATH))
            .header("content-type", content_type)
            .header("cookie", &w.other)
            .body(form(&[("cohort_id", &cohort), ("name", "x")]))
            .send()
            .await
            .unwrap();
        run.refused(&format!("content type {content_type}"), response)
            .await;
    }
    for path in [
        "/modules/%C0%AE%C0%AE/",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/pkg/..%2f..%2fCargo.toml",
        "/trainer/cohorts/-1/progress",
        "/trainer/cohorts/1e9/learners/0",
    ] {
        let response = app.get_as(path, Some(&w.other)).await;
        run.look(&format!("GET {path}"), response).await;
    }
    let response = app
        .client
        .get(format!("{}/", app.base))
        .header("accept-language", "<script>alert(1)</script>;q=abc, ÿÿ")
        .send()
        .await
        .unwrap();
    run.look("a hostile Accept-Language", response).await;

    assert_eq!(
        fingerprint(app).await,
        before,
        "a refused request changed the database"
    );
    assert!(run.sent >= 500, "only {} hostile requests", run.sent);
    assert!(
        run.failures.is_empty(),
        "{} of {} requests: {:#?}",
        run.failures.len(),
        run.sent,
        run.failures
    );
}

on_every_database!(hostile_input_breaks_nothing_leaks_nothing_and_changes_nothing);

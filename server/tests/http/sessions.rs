//! Sessions and attacks: rotation, sign-out, time-outs, cross-site requests, throttling,
//! security headers, body limits, bad input, logs, and sessions shared by two processes.

use std::time::Duration;

use crate::support::{Backend, TestApp, fixture_content, form, session_cookie, spawn_app_with};
use accounts::entity::{account, cohort, session};
use accounts::people::{self, NewAccount};
use accounts::{Affiliation, Role, cohorts};
use app::serverfns::{account as account_fns, cohorts as cohort_fns};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const PASSWORD: &str = "une phrase de passe";

async fn trainer(app: &TestApp) -> i64 {
    let db = app.db().await;
    let (created, _) = people::create_with_code(
        &db,
        None,
        NewAccount {
            username: Some("trainer"),
            display_name: "Trainer",
            role: Role::Trainer,
            affiliation: Affiliation::Other,
            lang: "fr",
        },
    )
    .await
    .unwrap();
    people::set_password(&db, created.id, PASSWORD, PASSWORD)
        .await
        .unwrap();
    created.id
}

async fn cohort_count(app: &TestApp) -> u64 {
    cohort::Entity::find().count(&app.db().await).await.unwrap()
}

async fn status_of_account_page(app: &TestApp, cookie: &str) -> u16 {
    app.get_as("/account", Some(cookie)).await.status().as_u16()
}

async fn changing_a_password_asks_for_the_current_one_and_ends_the_other_sessions(app: &TestApp) {
    trainer(app).await;
    let here = app.sign_in("trainer", PASSWORD).await;
    let elsewhere = app.sign_in("trainer", PASSWORD).await;
    let change = |current: &str| {
        form(&[
            ("current", current),
            ("password", "une autre phrase"),
            ("confirmation", "une autre phrase"),
        ])
    };
    for wrong in ["", "pas le bon mot de passe"] {
        let response = app
            .call::<account_fns::SetPassword>(&change(wrong), Some(&here))
            .await;
        assert_eq!(response.status(), 400, "current password {wrong:?}");
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("CurrentPasswordWrong")
        );
    }
    assert_eq!(
        status_of_account_page(app, &elsewhere).await,
        200,
        "a refused change ends nothing"
    );
    let response = app
        .call::<account_fns::SetPassword>(&change(PASSWORD), Some(&here))
        .await;
    assert!(response.status().is_success(), "{}", response.status());
    assert_eq!(
        status_of_account_page(app, &here).await,
        200,
        "this browser stays signed in"
    );
    assert_eq!(
        status_of_account_page(app, &elsewhere).await,
        401,
        "the other session ended"
    );
    app.sign_in("trainer", "une autre phrase").await;
}

async fn a_cross_site_post_with_a_valid_cookie_is_refused_and_changes_nothing(app: &TestApp) {
    trainer(app).await;
    let cookie = app.sign_in("trainer", PASSWORD).await;
    let body = form(&[("name", "Cohorte piégée")]);
    let path = <cohort_fns::CreateCohort as leptos::server_fn::ServerFn>::PATH;
    for attack in [
        [
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ],
        [
            ("origin", "https://evil.example"),
            ("x-no-fetch-metadata", "1"),
        ],
        [("origin", "null"), ("x-no-fetch-metadata", "1")],
        [("sec-fetch-site", "same-site"), ("x-other", "1")],
    ] {
        let response = app.post(path, &body, Some(&cookie), &attack).await;
        assert_eq!(response.status(), 403, "{attack:?}");
    }
    // The language form and sign-out are state-changing too.
    let response = app
        .post(
            <account_fns::SignOut as leptos::server_fn::ServerFn>::PATH,
            "",
            Some(&cookie),
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(response.status(), 403);
    assert_eq!(cohort_count(app).await, 0);
    assert_eq!(
        status_of_account_page(app, &cookie).await,
        200,
        "still signed in"
    );
    // The same request from the site itself goes through.
    let response = app
        .post(
            path,
            &body,
            Some(&cookie),
            &[("sec-fetch-site", "same-origin")],
        )
        .await;
    assert!(response.status().is_success(), "{}", response.status());
    assert_eq!(cohort_count(app).await, 1);
}

async fn signing_in_gives_a_new_session_id_every_time(app: &TestApp) {
    trainer(app).await;
    // A session id planted before sign-in (fixation) is not the one signed in.
    let planted = "session=AAAAAAAAAAAAAAAAAAAAAA";
    let body = form(&[("username", "trainer"), ("password", PASSWORD)]);
    let response = app.call::<account_fns::SignIn>(&body, Some(planted)).await;
    let first = session_cookie(&response).expect("a new cookie");
    assert_ne!(first, planted);
    let response = app.call::<account_fns::SignIn>(&body, Some(&first)).await;
    let second = session_cookie(&response).expect("a new cookie");
    assert_ne!(second, first);
    assert_eq!(status_of_account_page(app, &second).await, 200);
    assert_eq!(
        status_of_account_page(app, &first).await,
        401,
        "the old id is dead"
    );
}

async fn signing_out_ends_the_session_on_the_server(app: &TestApp) {
    let id = trainer(app).await;
    let cookie = app.sign_in("trainer", PASSWORD).await;
    assert_eq!(status_of_account_page(app, &cookie).await, 200);
    let response = app.call::<account_fns::SignOut>("", Some(&cookie)).await;
    assert!(response.status().is_success());
    let removal = response.headers().get_all("set-cookie").iter().any(|v| {
        v.to_str().unwrap().starts_with("session=") && v.to_str().unwrap().contains("Max-Age=0")
    });
    assert!(removal, "the cookie is removed");
    // Even a copy of the old cookie opens nothing.
    assert_eq!(status_of_account_page(app, &cookie).await, 401);
    let left = session::Entity::find()
        .filter(session::Column::AccountId.eq(id))
        .count(&app.db().await)
        .await
        .unwrap();
    assert_eq!(left, 0);
}

async fn repeated_failures_are_slowed_with_a_clear_message(app: &TestApp) {
    trainer(app).await;
    let wrong = form(&[("username", "trainer"), ("password", "pas le bon")]);
    let unknown = form(&[("username", "nobody"), ("password", "pas le bon")]);
    let first_wrong = app.call::<account_fns::SignIn>(&wrong, None).await;
    let first_unknown = app.call::<account_fns::SignIn>(&unknown, None).await;
    assert_eq!(first_wrong.status(), first_unknown.status());
    assert_eq!(first_wrong.status(), 400);
    let (a, b) = (
        first_wrong.text().await.unwrap(),
        first_unknown.text().await.unwrap(),
    );
    assert_eq!(
        a, b,
        "the same answer for an unknown username and a wrong password"
    );
    for _ in 1..accounts::sign_in::ACCOUNT_LIMIT {
        app.call::<account_fns::SignIn>(&wrong, None).await;
    }
    let right = form(&[("username", "trainer"), ("password", PASSWORD)]);
    let response = app.call::<account_fns::SignIn>(&right, None).await;
    assert_eq!(response.status(), 429);
    assert!(session_cookie(&response).is_none());
    // Without JavaScript: back to the form, which says it in the visitor's language.
    let response = app
        .post_plain_form::<account_fns::SignIn>(&right, None, "/sign-in")
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(location, "/sign-in?error=too-many-attempts");
    let page = app.get_in(&location, "fr").await.text().await.unwrap();
    assert!(page.contains("Trop d’essais"), "{page}");
    let page = app.get_in(&location, "en").await.text().await.unwrap();
    assert!(page.contains("Too many tries"), "{page}");
}

async fn every_response_carries_the_security_headers(app: &TestApp) {
    trainer(app).await;
    let cookie = app.sign_in("trainer", PASSWORD).await;
    let big = "x".repeat(100 * 1024);
    let responses = vec![
        ("page", app.get("/").await),
        ("404 page", app.get("/nowhere").await),
        ("health", app.get("/health").await),
        ("static", app.get("/pkg/missing.js").await),
        ("refused page", app.get("/admin").await),
        (
            "download",
            app.get_as("/account/data.json", Some(&cookie)).await,
        ),
        (
            "server function",
            app.call::<account_fns::CurrentUser>("", None).await,
        ),
        (
            "body too large",
            app.post("/api/anything", &big, None, &[]).await,
        ),
        (
            "cross-site refusal",
            app.post(
                "/api/anything",
                "",
                None,
                &[("sec-fetch-site", "cross-site")],
            )
            .await,
        ),
    ];
    for (name, response) in responses {
        let h = response.headers();
        let csp = h
            .get("content-security-policy")
            .map(|v| v.to_str().unwrap().to_string());
        let csp = csp.unwrap_or_else(|| panic!("{name}: no CSP"));
        assert!(
            csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
            "{name}: {csp}"
        );
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("*"),
            "{name}: {csp}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff", "{name}");
        assert_eq!(h["referrer-policy"], "same-origin", "{name}");
        assert_eq!(h["x-frame-options"], "DENY", "{name}");
        assert!(
            h.get("strict-transport-security").is_none(),
            "{name}: no HSTS over http"
        );
    }
    // Pages about someone are never stored; the course is (revalidated).
    let account = app.get_as("/account", Some(&cookie)).await;
    assert_eq!(account.headers()["cache-control"], "no-store");
    let called = app
        .call::<account_fns::CurrentUser>("", Some(&cookie))
        .await;
    assert_eq!(called.headers()["cache-control"], "no-store");
    assert_eq!(
        app.get("/").await.headers()["cache-control"],
        "private, no-cache"
    );
    // A page's policy allows its own inline hydration script by nonce, and only that (the
    // offline script is a file, allowed as 'self').
    let response = app.get("/").await;
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap()
        .to_string();
    let page = response.text().await.unwrap();
    let inline_scripts = page.matches("<script").count() - page.matches("<script src=").count();
    let with_nonce = page.matches(&format!("nonce=\"{nonce}\"")).count();
    assert!(
        inline_scripts > 0 && with_nonce >= inline_scripts,
        "{inline_scripts} scripts, {with_nonce} with the nonce"
    );
    let again = app.get("/").await;
    assert_ne!(
        again.headers()["content-security-policy"].to_str().unwrap(),
        csp,
        "a fresh nonce per page"
    );
}

async fn bad_input_gets_a_clear_message_and_changes_nothing(app: &TestApp) {
    let id = trainer(app).await;
    let db = app.db().await;
    let cohort = cohorts::create(&db, id, "Gao").await.unwrap();
    let code = cohort.join_code.unwrap();
    let before = account::Entity::find().count(&db).await.unwrap();
    let good = |field: &str, value: &str| {
        let mut pairs = vec![
            ("join_code", code.as_str()),
            ("username", "awa"),
            ("display_name", "Awa"),
            ("affiliation", "fds"),
            ("password", PASSWORD),
            ("confirmation", PASSWORD),
        ];
        for pair in pairs.iter_mut() {
            if pair.0 == field {
                pair.1 = Box::leak(value.to_string().into_boxed_str());
            }
        }
        form(&pairs)
    };
    let long_name = "N".repeat(61);
    let cases = [
        (good("display_name", &long_name), "display-name-length"),
        (good("display_name", "Awa\u{7}"), "forbidden-characters"),
        (good("display_name", "Awa\u{202E}"), "forbidden-characters"),
        (good("username", "trainer"), "username-taken"),
        (good("username", "a b"), "username-format"),
        (good("join_code", "ZZZ-999"), "join-code-unknown"),
        (good("confirmation", "autre"), "passwords-differ"),
        (good("password", "court"), "password-length"),
        // Invalid UTF-8 in the form body: read as U+FFFD, which no name may hold.
        (
            good("display_name", "Awa").replace("Awa", "Aw%FF%FE"),
            "forbidden-characters",
        ),
        ("username=awa".to_string(), "bad-input"),
    ];
    for (body, code) in &cases {
        let response = app.call::<account_fns::Join>(body, None).await;
        assert_eq!(response.status(), 400, "{code}");
        let error: app::errors::AppError =
            serde_json::from_str(&response.text().await.unwrap()).unwrap();
        assert_eq!(error.form_code(), *code);
        let response = app
            .post_plain_form::<account_fns::Join>(body, None, "/join")
            .await;
        assert_eq!(response.status(), 303, "{code}");
        assert_eq!(
            response.headers()["location"],
            format!("/join?error={code}")
        );
    }
    // The messages read in both languages.
    let page = app
        .get_in("/join?error=username-taken", "fr")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Ce nom d’utilisateur est déjà pris"),
        "{page}"
    );
    let page = app
        .get_in("/join?error=username-taken", "en")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("This username is taken"), "{page}");
    assert_eq!(account::Entity::find().count(&db).await.unwrap(), before);
    // And the right form goes through.
    let response = app
        .call::<account_fns::Join>(&good("username", "awa"), None)
        .await;
    assert!(response.status().is_success(), "{}", response.status());
    assert_eq!(
        account::Entity::find().count(&db).await.unwrap(),
        before + 1
    );
}

async fn the_language_chosen_while_signed_in_is_kept_for_the_next_sign_in(app: &TestApp) {
    trainer(app).await;
    let cookie = app.sign_in("trainer", PASSWORD).await;
    let response = app
        .post(
            <app::serverfns::preferences::SetLanguage as leptos::server_fn::ServerFn>::PATH,
            "lang=en",
            Some(&cookie),
            &[],
        )
        .await;
    assert!(response.status().is_success());
    let body = form(&[("username", "trainer"), ("password", PASSWORD)]);
    let response = app.call::<account_fns::SignIn>(&body, None).await;
    let lang = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("lang="));
    assert!(
        lang.is_some_and(|l| l.starts_with("lang=en")),
        "the account now prefers English"
    );
}

async fn a_one_time_code_leads_to_choosing_a_password_and_nothing_else(app: &TestApp) {
    let id = trainer(app).await;
    let db = app.db().await;
    let cohort = cohorts::create(&db, id, "Gao").await.unwrap();
    let cookie = app.sign_in("trainer", PASSWORD).await;
    let body = form(&[
        ("cohort_id", &cohort.id.to_string()),
        ("names", "Aminata Traoré\nOumar"),
        ("affiliation", "fds"),
    ]);
    let response = app
        .call::<cohort_fns::CreateAccounts>(&body, Some(&cookie))
        .await;
    assert!(response.status().is_success());
    let slips = app.get_as("/slips", Some(&cookie)).await;
    assert_eq!(
        slips.headers()["cache-control"],
        "no-store",
        "never kept by the browser"
    );
    let sheet = slips.text().await.unwrap();
    assert!(
        sheet.contains("aminata.traore") && sheet.contains("Oumar"),
        "{sheet}"
    );
    let code = sheet
        .split("class=\"slip-code\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_string();
    // The codes wait for printing in the trainer's session, in the database: sealed.
    let rows = session::Entity::find().all(&app.db().await).await.unwrap();
    assert!(!rows.is_empty());
    for row in &rows {
        assert!(
            !row.data.contains(&code),
            "a one-time code in clear at rest: {}",
            row.data
        );
        assert!(!row.data.contains("aminata"), "{}", row.data);
    }
    let body = form(&[("username", "aminata.traore"), ("password", &code)]);
    let response = app.call::<account_fns::SignIn>(&body, None).await;
    assert_eq!(response.headers()["location"], "/account/password");
    let learner = session_cookie(&response).unwrap();
    assert_eq!(
        status_of_account_page(app, &learner).await,
        401,
        "a password first"
    );
    let body = form(&[
        ("password", "ma phrase à moi"),
        ("confirmation", "ma phrase à moi"),
    ]);
    let response = app
        .call::<account_fns::SetPassword>(&body, Some(&learner))
        .await;
    assert!(response.status().is_success());
    assert_eq!(status_of_account_page(app, &learner).await, 200);
    app.sign_in("aminata.traore", "ma phrase à moi").await;
}

on_every_database!(
    changing_a_password_asks_for_the_current_one_and_ends_the_other_sessions,
    a_cross_site_post_with_a_valid_cookie_is_refused_and_changes_nothing,
    signing_in_gives_a_new_session_id_every_time,
    signing_out_ends_the_session_on_the_server,
    repeated_failures_are_slowed_with_a_clear_message,
    every_response_carries_the_security_headers,
    bad_input_gets_a_clear_message_and_changes_nothing,
    the_language_chosen_while_signed_in_is_kept_for_the_next_sign_in,
    a_one_time_code_leads_to_choosing_a_password_and_nothing_else
);

#[tokio::test]
async fn an_idle_session_ends() {
    let app = spawn_app_with(&Backend::Sqlite, fixture_content(), |s| {
        s.session_limits.idle = Duration::from_secs(2);
    })
    .await
    .unwrap();
    trainer(&app).await;
    let cookie = app.sign_in("trainer", PASSWORD).await;
    assert_eq!(status_of_account_page(&app, &cookie).await, 200);
    tokio::time::sleep(Duration::from_millis(3100)).await;
    assert_eq!(status_of_account_page(&app, &cookie).await, 401);
}

#[tokio::test]
async fn a_session_ends_after_the_absolute_limit_even_when_active() {
    let app = spawn_app_with(&Backend::Sqlite, fixture_content(), |s| {
        s.session_limits.absolute = Duration::from_secs(3);
    })
    .await
    .unwrap();
    trainer(&app).await;
    let cookie = app.sign_in("trainer", PASSWORD).await;
    for _ in 0..2 {
        assert_eq!(status_of_account_page(&app, &cookie).await, 200);
        tokio::time::sleep(Duration::from_millis(1000)).await;
    }
    tokio::time::sleep(Duration::from_millis(2100)).await;
    assert_eq!(status_of_account_page(&app, &cookie).await, 401);
}

#[tokio::test]
async fn cookies_are_secure_behind_https_and_always_httponly_and_samesite() {
    let app = spawn_app_with(&Backend::Sqlite, fixture_content(), |s| {
        s.secure_cookies = true;
    })
    .await
    .unwrap();
    trainer(&app).await;
    let body = form(&[("username", "trainer"), ("password", PASSWORD)]);
    let response = app.call::<account_fns::SignIn>(&body, None).await;
    let set = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("session="))
        .unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Secure"),
        "{set}"
    );
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000",
        "https only, from now on"
    );
    let device = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("device="))
        .expect("a device cookie");
    assert!(
        device.contains("HttpOnly") && device.contains("Secure"),
        "{device}"
    );
}

#[tokio::test]
async fn behind_a_proxy_failures_are_counted_per_forwarded_address() {
    let app = spawn_app_with(&Backend::Sqlite, fixture_content(), |s| {
        s.client_ip_header = Some("x-forwarded-for".into());
        s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await
    .unwrap();
    let attempt = |user: String, address: &'static str| {
        let app = &app;
        async move {
            let body = form(&[("username", &user), ("password", "x")]);
            // The client forges a first entry; the proxy appends the real one.
            let forwarded = format!("192.0.2.1, {address}");
            app.post(
                <account_fns::SignIn as leptos::server_fn::ServerFn>::PATH,
                &body,
                None,
                &[("x-forwarded-for", forwarded.as_str())],
            )
            .await
            .status()
            .as_u16()
        }
    };
    for i in 0..accounts::sign_in::ADDRESS_LIMIT {
        assert_eq!(attempt(format!("user{i}"), "203.0.113.7").await, 400);
    }
    // Past the limit the address's attempts take turns (not refused): the second waits.
    let start = std::time::Instant::now();
    assert_eq!(attempt("someone".into(), "203.0.113.7").await, 400);
    assert_eq!(attempt("someone2".into(), "203.0.113.7").await, 400);
    assert!(
        start.elapsed() >= Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
    let start = std::time::Instant::now();
    assert_eq!(
        attempt("someone".into(), "198.51.100.4").await,
        400,
        "another client is not slowed"
    );
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
}

#[tokio::test]
async fn a_client_address_header_without_a_trusted_proxy_refuses_to_start() {
    let started = spawn_app_with(&Backend::Sqlite, fixture_content(), |s| {
        s.client_ip_header = Some("x-forwarded-for".into());
    })
    .await;
    let error = started.err().expect("the server refuses to start");
    assert!(error.to_string().contains("TRUSTED_PROXIES"), "{error}");
}

#[tokio::test]
async fn a_forged_header_from_a_client_that_is_no_proxy_changes_nothing() {
    // The header is configured, but the test client (127.0.0.1) is not the proxy: what it
    // writes in the header is ignored, and every lookup counts against its own address.
    let app = spawn_app_with(&Backend::Sqlite, fixture_content(), |s| {
        s.client_ip_header = Some("x-forwarded-for".into());
        s.trusted_proxies = vec!["192.0.2.254".parse().unwrap()];
    })
    .await
    .unwrap();
    let path =
        <app::serverfns::certificates::CheckCertificate as leptos::server_fn::ServerFn>::PATH;
    let body = form(&[("lang", "fr"), ("number", "AAAA-BBBB-CC")]);
    let mut statuses = Vec::new();
    for i in 0..certificates::lookup::LOOKUPS_PER_WINDOW + 1 {
        let forged = format!("198.51.100.{i}");
        let response = app
            .post(path, &body, None, &[("x-forwarded-for", forged.as_str())])
            .await;
        statuses.push(response.status().as_u16());
    }
    assert!(
        statuses[..statuses.len() - 1].iter().all(|s| *s == 200),
        "{statuses:?}"
    );
    assert_eq!(
        statuses.last(),
        Some(&429),
        "forged addresses do not get past the lookup limit: {statuses:?}"
    );
    // Garbage or no header from a real client: still counted (against its address).
    let response = app
        .post(path, &body, None, &[("x-forwarded-for", "nonsense")])
        .await;
    assert_eq!(response.status(), 429);
    let response = app.post(path, &body, None, &[]).await;
    assert_eq!(response.status(), 429);
}

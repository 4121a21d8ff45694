//! The real `server` binary, as operators run it: the first administrator from the command
//! line, two processes sharing sessions through PostgreSQL, and logs free of secrets.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

use crate::support::{fixture_content, form, session_cookie};
use app::serverfns::account as account_fns;
use leptos::server_fn::ServerFn;

const SERVER: &str = env!("CARGO_BIN_EXE_server");

/// A running `server` process; what it printed is kept in `output`.
pub(crate) struct Process {
    child: Child,
    pub(crate) base: String,
    output: Arc<Mutex<String>>,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn command(database_url: &str, data_dir: &Path) -> Command {
    command_with(database_url, data_dir, &fixture_content())
}

/// The server binary with its settings; `content` is the course it serves.
pub(crate) fn command_with(database_url: &str, data_dir: &Path, content: &Path) -> Command {
    let mut command = Command::new(SERVER);
    command
        .env("DATABASE_URL", database_url)
        .env("DATA_DIR", data_dir)
        .env("CONTENT_DIR", content)
        .env("LEPTOS_SITE_ROOT", data_dir.join("site"))
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("RUST_LOG", "debug")
        .env_remove("PLATFORM_DEMO");
    command
}

fn start(database_url: &str, data_dir: &Path) -> Process {
    start_with(database_url, data_dir, &fixture_content())
}

pub(crate) fn start_with(database_url: &str, data_dir: &Path, content: &Path) -> Process {
    let mut child = command_with(database_url, data_dir, content)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the server binary starts");
    let output = Arc::new(Mutex::new(String::new()));
    let mut stderr = child.stderr.take().unwrap();
    let sink = output.clone();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = stderr.read(&mut buffer) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
    });
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let base = loop {
        let line = lines
            .next()
            .expect("the server prints its address")
            .unwrap();
        output.lock().unwrap().push_str(&line);
        if let Some(address) = line.strip_prefix("The platform is running at ") {
            break address.trim().to_string();
        }
    };
    let sink = output.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            sink.lock().unwrap().push_str(&line);
        }
    });
    Process {
        child,
        base,
        output,
    }
}

/// `server account create`, returning the one-time code it prints.
fn create_admin(database_url: &str, data_dir: &Path, username: &str) -> String {
    let out = command(database_url, data_dir)
        .args(["account", "create", username, "--role", "admin"])
        .output()
        .expect("the command runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text.lines()
        .find_map(|l| l.strip_prefix("One-time code: "))
        .expect("the code is printed")
        .trim()
        .to_string()
}

async fn post(base: &str, path: &str, body: &str, cookie: Option<&str>) -> reqwest::Response {
    let mut request = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{base}{path}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_string());
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

async fn account_page(base: &str, cookie: &str) -> u16 {
    reqwest::Client::new()
        .get(format!("{base}/account"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// First sign-in with the code, then a password; returns the session cookie.
async fn first_sign_in(base: &str, username: &str, code: &str, password: &str) -> String {
    let body = form(&[("username", username), ("password", code)]);
    let response = post(base, account_fns::SignIn::PATH, &body, None).await;
    let cookie = session_cookie(&response).expect("signed in with the code");
    let body = form(&[("password", password), ("confirmation", password)]);
    let response = post(base, account_fns::SetPassword::PATH, &body, Some(&cookie)).await;
    assert!(response.status().is_success(), "{}", response.status());
    cookie
}

#[tokio::test]
async fn the_first_administrator_comes_from_the_command_line_and_logs_hold_no_secret() {
    let data = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", data.path().join("p.db").display());
    let code = create_admin(&url, data.path(), "chef");
    let server = start(&url, data.path());
    let password = "secret phrase that must not leak";
    let cookie = first_sign_in(&server.base, "chef", &code, password).await;
    assert_eq!(account_page(&server.base, &cookie).await, 200);
    let body = form(&[("username", "chef"), ("password", password)]);
    let response = post(&server.base, account_fns::SignIn::PATH, &body, None).await;
    let second = session_cookie(&response).unwrap();
    let body = form(&[
        ("username", "chef"),
        ("password", "a wrong one, also secret"),
    ]);
    post(&server.base, account_fns::SignIn::PATH, &body, None).await;
    let admin_page = reqwest::Client::new()
        .get(format!("{}/admin", server.base))
        .header("cookie", &second)
        .send()
        .await
        .unwrap();
    assert_eq!(admin_page.status(), 200);

    let log = server.output.lock().unwrap().clone();
    assert!(log.contains("running at"), "the log was captured: {log}");
    for secret in [
        password,
        "a wrong one, also secret",
        code.as_str(),
        &code.replace('-', ""),
        cookie.trim_start_matches("session="),
        second.trim_start_matches("session="),
        "$argon2",
    ] {
        assert!(!log.contains(secret), "the log holds `{secret}`");
    }
}

#[tokio::test]
#[cfg_attr(
    not(test_database),
    ignore = "TEST_DATABASE_URL was not set when the tests were built"
)]
async fn two_server_processes_on_one_postgresql_share_sessions() {
    let admin_url = crate::support::postgres_url();
    let name = format!("t_platform_procs_{}", std::process::id());
    let admin = sea_orm::Database::connect(admin_url.as_str())
        .await
        .unwrap();
    use sea_orm::ConnectionTrait;
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .await
        .unwrap();
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await
        .unwrap();
    let url = format!("{}/{name}", admin_url.rsplit_once('/').unwrap().0);
    let data = tempfile::tempdir().unwrap();
    let code = create_admin(&url, data.path(), "chef");
    let one = start(&url, data.path());
    let two = start(&url, data.path());
    assert_ne!(one.base, two.base);

    let cookie = first_sign_in(&one.base, "chef", &code, "phrase de passe commune").await;
    assert_eq!(account_page(&one.base, &cookie).await, 200);
    assert_eq!(
        account_page(&two.base, &cookie).await,
        200,
        "made on one, valid on two"
    );
    let response = post(&two.base, account_fns::SignOut::PATH, "", Some(&cookie)).await;
    assert!(response.status().is_success());
    assert_eq!(
        account_page(&one.base, &cookie).await,
        401,
        "ended on two, ended on one"
    );

    drop(one);
    drop(two);
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .await
        .unwrap();
}

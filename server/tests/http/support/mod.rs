//! `spawn_app()`: the real router on port 0 with a fresh database, SQLite always and
//! PostgreSQL too when `TEST_DATABASE_URL` is set (at build time: see `build.rs`).

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::server_fn::ServerFn;
use sea_orm::{ConnectionTrait, Database};
use server::config::Settings;
use server::startup::Application;

/// A database a test runs against.
#[derive(Debug, Clone)]
pub enum Backend {
    Sqlite,
    Postgres(String),
}

/// The PostgreSQL database named by `TEST_DATABASE_URL`. Only PostgreSQL tests call it, and
/// they are built as ignored unless the variable was set at build time (`build.rs`): set then
/// but not now is a mistake worth a clear panic, not a silent pass.
pub fn postgres() -> Backend {
    Backend::Postgres(postgres_url())
}

/// `TEST_DATABASE_URL`, for the tests that make databases of their own on that server.
pub fn postgres_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|url| url.starts_with("postgres"))
        .expect("TEST_DATABASE_URL names a PostgreSQL database (it did when the tests were built)")
}

/// Two tests for each test function `name(app: &TestApp)`: `name::sqlite` and
/// `name::postgres`. The PostgreSQL twin is ignored (a runner reports it skipped) when
/// `TEST_DATABASE_URL` was not set at build time. Each builds exactly one app, and nextest
/// runs each test in its own process, as production runs one app per process: two Leptos
/// apps built in one process now and then left a request waiting forever.
///
/// The test functions are plain functions beside the call, so that rustfmt, clippy and an
/// editor see their bodies.
#[macro_export]
macro_rules! on_every_database {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                let app = $crate::support::spawn_app(&$crate::support::Backend::Sqlite).await;
                super::$name(&app).await;
                app.cleanup().await;
            }

            #[tokio::test]
            #[cfg_attr(not(test_database), ignore = "TEST_DATABASE_URL was not set when the tests were built")]
            async fn postgres() {
                let app = $crate::support::spawn_app(&$crate::support::postgres()).await;
                super::$name(&app).await;
                app.cleanup().await;
            }
        }
    )*};
}

pub fn fixture_content() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content")
}

pub struct TestApp {
    pub base: String,
    pub database_url: String,
    pub client: reqwest::Client,
    pub backend: Backend,
    postgres_db: Option<String>,
    _data: tempfile::TempDir,
}

impl TestApp {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("the server answers")
    }

    pub async fn get_in(&self, path: &str, accept_language: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .header("accept-language", accept_language)
            .send()
            .await
            .expect("the server answers")
    }

    /// The language switch's form post (`application/x-www-form-urlencoded`), ready to send.
    pub fn language_form(&self, body: impl Into<reqwest::Body>) -> reqwest::RequestBuilder {
        self.client
            .post(format!(
                "{}{}",
                self.base,
                app::serverfns::preferences::SetLanguage::PATH
            ))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
    }

    /// The test's database, for arranging accounts and checking what a request changed.
    /// The app's data folder (its signing key is under `keys/`).
    pub fn data_dir(&self) -> &std::path::Path {
        self._data.path()
    }

    pub async fn db(&self) -> sea_orm::DatabaseConnection {
        Database::connect(self.database_url.as_str())
            .await
            .expect("connect to the test database")
    }

    /// Calls a server function as the app's JavaScript does (form-encoded, not asking for
    /// HTML), with a session cookie or none.
    pub async fn call<S: ServerFn>(&self, body: &str, cookie: Option<&str>) -> reqwest::Response {
        self.post(S::PATH, body, cookie, &[]).await
    }

    /// Posts a form body to `path` with extra headers.
    pub async fn post(
        &self,
        path: &str,
        body: &str,
        cookie: Option<&str>,
        headers: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_string());
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("the server answers")
    }

    /// Posts a server function's form as a browser without JavaScript does.
    pub async fn post_plain_form<S: ServerFn>(
        &self,
        body: &str,
        cookie: Option<&str>,
        from_page: &str,
    ) -> reqwest::Response {
        let referer = format!("{}{from_page}", self.base);
        self.post(
            S::PATH,
            body,
            cookie,
            &[
                ("accept", "text/html,application/xhtml+xml"),
                ("referer", &referer),
            ],
        )
        .await
    }

    pub async fn get_as(&self, path: &str, cookie: Option<&str>) -> reqwest::Response {
        let mut request = self.client.get(format!("{}{path}", self.base));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send().await.expect("the server answers")
    }

    /// Signs in and returns the `session=…` cookie to send back.
    pub async fn sign_in(&self, username: &str, password: &str) -> String {
        let body = form(&[("username", username), ("password", password)]);
        let response = self
            .call::<app::serverfns::account::SignIn>(&body, None)
            .await;
        assert!(
            response.status().is_success(),
            "sign-in of {username}: {}",
            response.status()
        );
        session_cookie(&response).expect("a session cookie")
    }

    /// Drops the test's PostgreSQL database; SQLite's goes with its temporary folder.
    pub async fn cleanup(self) {
        if let (Backend::Postgres(admin_url), Some(name)) = (&self.backend, &self.postgres_db) {
            let admin = Database::connect(admin_url.as_str())
                .await
                .expect("connect to PostgreSQL");
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .await
                .expect("drop the test database");
        }
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

pub async fn spawn_app(backend: &Backend) -> TestApp {
    spawn_app_with_content(backend, fixture_content())
        .await
        .expect("the fixture app starts")
}

pub async fn spawn_app_with_content(
    backend: &Backend,
    content_dir: PathBuf,
) -> anyhow::Result<TestApp> {
    spawn_app_with(backend, content_dir, |_| {}).await
}

/// The app with settings changed by `adjust` (short time-outs, secure cookies…).
pub async fn spawn_app_with(
    backend: &Backend,
    content_dir: PathBuf,
    adjust: impl FnOnce(&mut Settings),
) -> anyhow::Result<TestApp> {
    let data = tempfile::tempdir()?;
    let (database_url, postgres_db) = match backend {
        Backend::Sqlite => (
            format!(
                "sqlite://{}?mode=rwc",
                data.path().join("test.db").display()
            ),
            None,
        ),
        Backend::Postgres(admin_url) => {
            let name = format!(
                "t_platform_{}_{}_{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::SeqCst),
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)?
                    .subsec_nanos()
            );
            let admin = Database::connect(admin_url.as_str()).await?;
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await?;
            let (prefix, _) = admin_url
                .rsplit_once('/')
                .expect("a database URL has a path");
            (format!("{prefix}/{name}"), Some(name))
        }
    };
    let mut settings = Settings {
        addr: "127.0.0.1:0".parse()?,
        database_url: database_url.clone(),
        content_dir,
        data_dir: data.path().to_path_buf(),
        site_root: data.path().join("site"),
        secure_cookies: false,
        session_limits: Default::default(),
        demo: false,
        client_ip_header: None,
        trusted_proxies: Vec::new(),
        issuing_body: ISSUER.into(),
        public_url: "http://platform.test".into(),
        certificate_key_file: data.path().join("keys/certificate-signing.key"),
        header_read_timeout: std::time::Duration::from_secs(15),
        audio_cache: Some(data.path().join("audio")),
        // Each test asks for the clips it needs; none makes the whole course.
        audio_prepare: false,
        offline: true,
    };
    adjust(&mut settings);
    let app = Application::build(&settings).await?;
    let base = format!("http://{}", app.addr());
    tokio::spawn(app.serve());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    Ok(TestApp {
        base,
        database_url,
        client,
        backend: backend.clone(),
        postgres_db,
        _data: data,
    })
}

/// `a=1&b=2`, encoded.
pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The `session=…` pair a response sets, if any.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("session="))
        .map(|v| v.split(';').next().unwrap_or_default().to_string())
}

pub const PASSWORD: &str = "une phrase de passe";

/// The issuing body the test apps print on certificates.
pub const ISSUER: &str = "Direction nationale de la promotion de l’enfant et de la famille";

/// The join form of a learner who types `code`, with the tests' password, in French.
pub fn joining<'a>(
    code: &'a str,
    username: &'a str,
    display_name: &'a str,
) -> accounts::people::Joining<'a> {
    accounts::people::Joining {
        join_code: code,
        username,
        display_name,
        affiliation: "fds",
        password: PASSWORD,
        confirmation: PASSWORD,
        lang: "fr",
        address: None,
    }
}

/// An account with a password (no code pending), arranged straight in the database.
pub async fn account(
    db: &sea_orm::DatabaseConnection,
    username: &str,
    role: accounts::Role,
) -> i64 {
    let (created, _) = accounts::people::create_with_code(
        db,
        None,
        accounts::people::NewAccount {
            username: Some(username),
            display_name: username,
            role,
            affiliation: accounts::Affiliation::Fds,
            lang: "fr",
        },
    )
    .await
    .unwrap();
    accounts::people::set_password(db, created.id, PASSWORD, PASSWORD)
        .await
        .unwrap();
    created.id
}

/// A copy of a content folder, to change a file without touching the original.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A voice on an empty cache, to compute audio keys as the server does (the cache goes when
/// the first value is dropped).
pub async fn key_voice() -> (tempfile::TempDir, voice::Voice) {
    let cache = tempfile::tempdir().unwrap();
    let voice = voice::Voice::detect(cache.path().to_path_buf(), voice::Settings::default())
        .await
        .expect("espeak-ng, opus-tools and lame are installed (scripts/setup.sh)");
    (cache, voice)
}

/// The audio keys of the first lesson's sections of the course in `content` (French first),
/// computed as the server computes them.
pub async fn lesson_audio_keys(content: &std::path::Path) -> Vec<(String, String)> {
    let catalog = server::content::load(content).expect("the course loads");
    let (_keys_dir, voice) = key_voice().await;
    let first = &catalog.modules()[0];
    server::audio::lesson_sections(&catalog)
        .unwrap()
        .into_iter()
        .filter(|s| s.module == first.slug && s.lesson == first.lessons[0].slug)
        // The `##` sections; the opening is heard with the whole lesson.
        .filter(|s| s.title.is_some())
        .map(|s| (s.lang.clone(), voice.key(&s.lang, &s.text)))
        .collect()
}

/// The audio key of the first question of the first module's quiz in `content`, its options
/// in the file's order, in French, computed as the server computes it.
pub async fn question_audio_key(content: &std::path::Path) -> String {
    let catalog = server::content::load(content).expect("the course loads");
    let (_keys_dir, voice) = key_voice().await;
    let module = &catalog.modules()[0];
    let text = module.quiz_of(catalog::QuizKind::Quiz).unwrap().questions[0]
        .texts
        .get("fr");
    let glossary = server::audio::module_glossary(module, "fr").unwrap();
    let order: Vec<usize> = (0..text.options.len()).collect();
    voice.key(
        "fr",
        &server::audio::question_text(text, &order, "fr", &glossary),
    )
}

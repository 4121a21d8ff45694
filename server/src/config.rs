//! Typed settings, read once from the environment with defaults that run the platform locally.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;

/// Where the platform listens, stores and reads.
#[derive(Debug, Clone)]
pub struct Settings {
    pub addr: SocketAddr,
    /// `sqlite://…` (the default, under `data_dir`) or `postgres://…`.
    pub database_url: String,
    pub content_dir: PathBuf,
    /// Git-ignored folder for the embedded database and, later, keys.
    pub data_dir: PathBuf,
    /// What cargo-leptos built: `pkg/` with the wasm, JavaScript and CSS.
    pub site_root: PathBuf,
    /// Cookies get `Secure` when the public address is `https://…` (`PUBLIC_URL`).
    pub secure_cookies: bool,
    /// Idle and absolute session time-outs (`SESSION_IDLE_SECONDS`, default 2 hours;
    /// `SESSION_ABSOLUTE_SECONDS`, default 12 hours).
    pub session_limits: app::auth::ssr::SessionLimits,
    /// `PLATFORM_DEMO=1`: create the demo trainer and print its credentials at start.
    pub demo: bool,
    /// `CLIENT_IP_HEADER`: behind a reverse proxy or load balancer, the header holding the
    /// client's address (`x-forwarded-for`), for sign-in throttling per address.
    pub client_ip_header: Option<String>,
}

impl Settings {
    /// Reads `LEPTOS_SITE_ADDR`, `DATABASE_URL`, `CONTENT_DIR`, `DATA_DIR` and `LEPTOS_SITE_ROOT`.
    pub fn from_env() -> anyhow::Result<Self> {
        let var = |name: &str, default: &str| {
            std::env::var(name)
                .ok()
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| default.to_string())
        };
        let seconds = |name: &str, default: u64| -> anyhow::Result<std::time::Duration> {
            let text = var(name, &default.to_string());
            let secs: u64 = text
                .parse()
                .with_context(|| format!("{name} `{text}` is not a number of seconds"))?;
            Ok(std::time::Duration::from_secs(secs.max(1)))
        };
        let addr = var("LEPTOS_SITE_ADDR", "127.0.0.1:3000");
        let addr = addr.parse().with_context(|| {
            format!("LEPTOS_SITE_ADDR `{addr}` is not an address like 127.0.0.1:3000")
        })?;
        let data_dir = PathBuf::from(var("DATA_DIR", "data"));
        let default_db = format!(
            "sqlite://{}?mode=rwc",
            data_dir.join("platform.db").display()
        );
        Ok(Self {
            addr,
            database_url: var("DATABASE_URL", &default_db),
            content_dir: PathBuf::from(var("CONTENT_DIR", "content")),
            data_dir,
            site_root: PathBuf::from(var("LEPTOS_SITE_ROOT", "target/site")),
            secure_cookies: var("PUBLIC_URL", "").starts_with("https://"),
            session_limits: app::auth::ssr::SessionLimits {
                idle: seconds("SESSION_IDLE_SECONDS", 2 * 3600)?,
                absolute: seconds("SESSION_ABSOLUTE_SECONDS", 12 * 3600)?,
            },
            demo: var("PLATFORM_DEMO", "") == "1",
            client_ip_header: Some(var("CLIENT_IP_HEADER", ""))
                .filter(|h| !h.is_empty())
                .map(|h| h.to_ascii_lowercase()),
        })
    }
}

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
    /// `TRUSTED_PROXIES`: the addresses of those proxies, comma-separated; the header is
    /// believed only on requests that come from one of them. Required with the header.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// `ISSUING_BODY`: the name printed on new certificates as their issuer.
    pub issuing_body: String,
    /// `PUBLIC_URL`: the platform's address as readers reach it (printed on certificates and
    /// in their QR codes), without a trailing slash. Default: `http://<LEPTOS_SITE_ADDR>`.
    pub public_url: String,
    /// `CERTIFICATE_KEY_FILE`: the Ed25519 key that signs certificates, made on first start.
    /// Outside the repository and the database; processes that share a database share it.
    /// Default: `<DATA_DIR>/certificate-signing.key`.
    pub certificate_key_file: PathBuf,
    /// `HEADER_READ_SECONDS` (default 15): a client that has not sent a whole request head
    /// in this time is disconnected, so half-sent requests cannot hold connections open.
    /// A request head is under 2 KB: about 0.1 s at 250 kbit/s, plus round trips.
    pub header_read_timeout: std::time::Duration,
    /// `AUDIO_CACHE_DIR`: where lesson clips made by the offline voice are kept (default
    /// `<DATA_DIR>/audio`); `AUDIO=off` serves no audio.
    pub audio_cache: Option<PathBuf>,
    /// `AUDIO_PREPARE` (default `on`): make every lesson's clips in the background after
    /// start, one at a time (about two minutes for the shipped course on two cores, once:
    /// they stay in the cache). `off` makes each clip on its first request only.
    pub audio_prepare: bool,
    /// Offline use (service worker, saved modules, outbox); `OFFLINE=off` is the kill switch:
    /// phones that have the worker drop it the next time they are online.
    pub offline: bool,
}

/// The issuing body printed on certificates when `ISSUING_BODY` is not set.
pub const DEFAULT_ISSUING_BODY: &str =
    "Plateforme de formation sur la protection de l’enfant dans les conflits armés";

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
        let public_url = var("PUBLIC_URL", &format!("http://{addr}"))
            .trim_end_matches('/')
            .to_string();
        let audio_cache = (var("AUDIO", "on") != "off").then(|| {
            PathBuf::from(var(
                "AUDIO_CACHE_DIR",
                &data_dir.join("audio").to_string_lossy(),
            ))
        });
        let default_db = format!(
            "sqlite://{}?mode=rwc",
            data_dir.join("platform.db").display()
        );
        Ok(Self {
            issuing_body: var("ISSUING_BODY", DEFAULT_ISSUING_BODY),
            certificate_key_file: PathBuf::from(var(
                "CERTIFICATE_KEY_FILE",
                &data_dir.join("certificate-signing.key").to_string_lossy(),
            )),
            secure_cookies: public_url.starts_with("https://"),
            public_url,
            addr,
            database_url: var("DATABASE_URL", &default_db),
            content_dir: PathBuf::from(var("CONTENT_DIR", "content")),
            data_dir,
            site_root: PathBuf::from(var("LEPTOS_SITE_ROOT", "target/site")),
            session_limits: app::auth::ssr::SessionLimits {
                idle: seconds("SESSION_IDLE_SECONDS", 2 * 3600)?,
                absolute: seconds("SESSION_ABSOLUTE_SECONDS", 12 * 3600)?,
            },
            demo: var("PLATFORM_DEMO", "") == "1",
            header_read_timeout: seconds("HEADER_READ_SECONDS", 15)?,
            audio_cache,
            audio_prepare: var("AUDIO_PREPARE", "on") != "off",
            offline: var("OFFLINE", "on") != "off",
            client_ip_header: Some(var("CLIENT_IP_HEADER", ""))
                .filter(|h| !h.is_empty())
                .map(|h| h.to_ascii_lowercase()),
            trusted_proxies: var("TRUSTED_PROXIES", "")
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| {
                    a.parse()
                        .with_context(|| format!("TRUSTED_PROXIES: `{a}` is not an IP address"))
                })
                .collect::<anyhow::Result<_>>()?,
        })
    }

    /// Settings that cannot work together: a client-address header with no proxy to trust
    /// would let anyone who reaches the server choose their own address.
    pub fn check(&self) -> anyhow::Result<()> {
        if self.client_ip_header.is_some() && self.trusted_proxies.is_empty() {
            anyhow::bail!(
                "CLIENT_IP_HEADER is set but TRUSTED_PROXIES is empty: list the addresses of \
                 the proxies that set the header (comma-separated)"
            );
        }
        Ok(())
    }
}

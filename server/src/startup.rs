//! Building the application from settings and serving it.

use std::sync::Arc;

use anyhow::Context;
use leptos::config::{Env, LeptosOptions};
use tokio::net::TcpListener;

use crate::config::Settings;
use crate::state::AppState;

/// A bound, ready-to-serve platform.
pub struct Application {
    listener: TcpListener,
    router: axum::Router,
}

impl Application {
    /// Loads the content, connects to the database (applying migrations) and binds the port.
    /// Port 0 picks a free one, which is what the tests use.
    pub async fn build(settings: &Settings) -> anyhow::Result<Self> {
        settings.check()?;
        let catalog = crate::content::load(&settings.content_dir).map_err(|problems| {
            anyhow::anyhow!(
                "the content in {} has problems:\n{problems}",
                settings.content_dir.display()
            )
        })?;
        let db = crate::db::connect(&settings.database_url).await?;
        let keys = certificates::signing::Keys::load_or_create(&settings.certificate_key_file)
            .with_context(|| {
                format!(
                    "the certificate signing key {}",
                    settings.certificate_key_file.display()
                )
            })?;
        let listener = TcpListener::bind(settings.addr)
            .await
            .with_context(|| format!("listening on {}", settings.addr))?;
        let leptos_options = LeptosOptions::builder()
            .output_name("app")
            .site_root(settings.site_root.to_string_lossy().to_string())
            .site_pkg_dir("pkg")
            .site_addr(listener.local_addr()?)
            .env(Env::PROD)
            .build();
        let state = AppState {
            leptos_options,
            db,
            catalog: Arc::new(catalog),
            session_limits: settings.session_limits,
            secure_cookies: settings.secure_cookies,
            client_ip_header: app::auth::ssr::ClientIpHeader {
                header: settings.client_ip_header.clone(),
                trusted_proxies: settings.trusted_proxies.clone(),
            },
            certifier: app::serverfns::certificates::ssr::Certifier {
                keys: Arc::new(keys),
                issuer: settings.issuing_body.clone(),
                public_url: settings.public_url.clone(),
            },
        };
        if settings.demo {
            demo_trainer(&state.db).await?;
        }
        tokio::spawn(sweep(state.db.clone()));
        Ok(Self {
            listener,
            router: crate::router::build(state),
        })
    }

    pub fn addr(&self) -> std::net::SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes the requests under way.
    pub async fn serve(self) -> anyhow::Result<()> {
        let service = self
            .router
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        axum::serve(self.listener, service)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .context("serving")
    }
}

/// The demo mode of `run.sh`: a trainer account with a fresh password, printed, and a cohort
/// to join.
async fn demo_trainer(db: &sea_orm::DatabaseConnection) -> anyhow::Result<()> {
    let password = accounts::codes::one_time_code().to_lowercase();
    let join_code = accounts::people::ensure_demo_trainer(db, DEMO_TRAINER, &password)
        .await
        .context("creating the demo trainer")?;
    println!("Demo trainer: username `{DEMO_TRAINER}`, password `{password}`");
    println!("Demo cohort join code (for learners, at /join): {join_code}");
    Ok(())
}

pub const DEMO_TRAINER: &str = "formateur";

/// Every hour, removes expired sessions and the throttling counts that no longer slow anyone
/// down (they hold client addresses); any server process may do it.
async fn sweep(db: sea_orm::DatabaseConnection) {
    let store = accounts::session_store::DbSessionStore::new(db.clone());
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        if let Err(error) = store.delete_expired().await {
            tracing::warn!(%error, "could not remove expired sessions");
        }
        let now = accounts::now();
        if let Err(error) = accounts::sign_in::forget_stale(&db, now).await {
            tracing::warn!(%error, "could not remove stale sign-in counts");
        }
        if let Err(error) = certificates::lookup::forget_stale(&db, now).await {
            tracing::warn!(%error, "could not remove stale lookup counts");
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = terminate => {} }
}

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
    header_read_timeout: std::time::Duration,
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
        let mut leptos_options = LeptosOptions::builder()
            .output_name("app")
            .site_root(settings.site_root.to_string_lossy().to_string())
            .site_pkg_dir("pkg")
            .site_addr(listener.local_addr()?)
            .env(Env::PROD)
            .build();
        let built = crate::assets::find(&settings.site_root, "app");
        // Leptos's islands loader reads the hash file itself, relative to the binary unless
        // the path is absolute (which `find` makes it).
        if let Some(hash_file) = &built.hash_file {
            leptos_options.hash_files = true;
            leptos_options.hash_file = hash_file.to_string_lossy().into();
        }
        let audio = match &settings.audio_cache {
            Some(cache) => crate::audio::Library::open(&catalog, cache.clone())
                .await?
                .map(Arc::new),
            None => None,
        };
        if settings.audio_prepare
            && let Some(library) = &audio
        {
            tokio::spawn(library.clone().prepare_lessons());
        }
        let offline = Arc::new(crate::offline::Offline::new(
            &built.names,
            "pkg",
            &settings.content_dir,
            settings.offline,
        ));
        let state = AppState {
            audio,
            offline,
            leptos_options,
            built,
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
            crate::demo::start(&state.db).await?;
        }
        tokio::spawn(sweep(state.db.clone()));
        Ok(Self {
            listener,
            router: crate::router::build(state),
            header_read_timeout: settings.header_read_timeout,
        })
    }

    pub fn addr(&self) -> std::net::SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes the requests under way (for at most
    /// `SHUTDOWN_GRACE`).
    ///
    /// Its own accept loop rather than `axum::serve`, which gives hyper no timer and so no
    /// header-read timeout: a client that sends half a request head and waits would hold a
    /// connection (and its memory) for ever. The request timeout (`router`) starts only once
    /// the head is read.
    pub async fn serve(self) -> anyhow::Result<()> {
        use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
        use tower::Service;

        let mut make_service = self
            .router
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        let mut builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
        builder
            .http1()
            .timer(TokioTimer::new())
            .header_read_timeout(self.header_read_timeout);
        builder.http2().timer(TokioTimer::new());
        let graceful = hyper_util::server::graceful::GracefulShutdown::new();
        let shutdown = shutdown_signal();
        tokio::pin!(shutdown);
        loop {
            let (stream, peer) = tokio::select! {
                accepted = self.listener.accept() => match accepted {
                    Ok(accepted) => accepted,
                    Err(error) => {
                        // Out of file descriptors, say: wait instead of spinning.
                        tracing::warn!(%error, "could not accept a connection");
                        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                        continue;
                    }
                },
                () = &mut shutdown => break,
            };
            let Ok(service) = make_service.call(peer).await;
            let service = hyper_util::service::TowerToHyperService::new(service);
            let connection = builder
                .serve_connection_with_upgrades(TokioIo::new(stream), service)
                .into_owned();
            let connection = graceful.watch(connection);
            tokio::spawn(async move {
                if let Err(error) = connection.await {
                    tracing::debug!(%error, %peer, "connection ended with an error");
                }
            });
        }
        drop(self.listener);
        if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown())
            .await
            .is_err()
        {
            tracing::warn!("requests still under way after {SHUTDOWN_GRACE:?}; stopping");
        }
        Ok(())
    }
}

/// How long requests under way may take to finish once the server is asked to stop.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(30);

/// At start and then every hour: removes expired sessions and the throttling counts that no
/// longer slow anyone down (they hold client addresses), and applies the retention periods
/// (`accounts::retention`). Any server process may do it, several at once.
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
        match accounts::retention::sweep(&db, now).await {
            Ok(swept) if swept != Default::default() => tracing::info!(
                anonymised = swept.anonymised,
                audit_removed = swept.audit_removed,
                "retention periods applied"
            ),
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "could not apply the retention periods"),
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

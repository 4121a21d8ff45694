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
        let catalog = crate::content::load(&settings.content_dir).map_err(|problems| {
            anyhow::anyhow!(
                "the content in {} has problems:\n{problems}",
                settings.content_dir.display()
            )
        })?;
        let db = crate::db::connect(&settings.database_url).await?;
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
        };
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

//! What every request handler can reach.

use std::sync::Arc;

use app::auth::ssr::SessionLimits;
use axum::extract::FromRef;
use catalog::Catalog;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    /// The built files under `/pkg` and their names.
    pub built: crate::assets::Built,
    pub db: DatabaseConnection,
    pub catalog: Arc<Catalog>,
    pub session_limits: SessionLimits,
    pub secure_cookies: bool,
    pub client_ip_header: app::auth::ssr::ClientIpHeader,
    /// The certificate signing key, the issuing body and the public address.
    pub certifier: app::serverfns::certificates::ssr::Certifier,
    /// The lesson clips that may be served; `None` when audio is off or the voice is missing.
    pub audio: Option<Arc<crate::audio::Library>>,
    /// The service worker and the page script of offline use.
    pub offline: Arc<crate::offline::Offline>,
}

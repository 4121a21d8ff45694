//! What the server gives every page and server function: one [`ServerContext`], provided once
//! per request by the router (`server/src/router.rs`), and read only through the functions
//! here. A page or server function never calls `use_context` for these itself.

use std::sync::Arc;

use catalog::Catalog;
use leptos::prelude::use_context;
use sea_orm::DatabaseConnection;

use crate::app::AssetNames;
use crate::auth::ssr::{ClientIpHeader, SecureCookies, SessionLimits};
use crate::errors::AppError;
use crate::model::{Clip, LessonAudio};
use crate::serverfns::certificates::ssr::Certifier;

/// The server's shared state, as the app sees it.
#[derive(Clone)]
pub struct ServerContext {
    pub db: DatabaseConnection,
    /// The course, loaded and checked at start.
    pub catalog: Arc<Catalog>,
    /// The certificate signing key, the issuing body and the public address.
    pub certifier: Certifier,
    pub session_limits: SessionLimits,
    pub client_ip_header: ClientIpHeader,
    pub secure_cookies: SecureCookies,
    /// The built files under `/pkg`, by their hashed names.
    pub assets: AssetNames,
    /// The lessons and questions read aloud; `None` when the server runs without audio.
    pub listening: Option<Arc<dyn Listening>>,
    /// The offline page script's address (`/offline-<hash>.js`); `None` when offline use
    /// is off (the kill switch), and pages then load no script for it.
    pub offline_script: Option<String>,
}

/// The spoken course, as pages ask for it: which clips exist for a lesson or a question.
/// The server implements it (`server/src/audio.rs`), where the voice and its cache live;
/// a page never waits for a clip to be made.
pub trait Listening: Send + Sync {
    /// The clips of a lesson in `lang`: the whole lesson, and one per `##` section (as many
    /// as [`catalog::LessonText::sections`] cuts), or `None` when it has none.
    fn lesson(&self, module: &str, lesson: &str, lang: &str) -> Option<LessonAudio>;
    /// A quiz question read with its options in the order shown (`order[shown] = option
    /// in the file`), each after its letter.
    fn question(
        &self,
        module: &str,
        kind: catalog::QuizKind,
        question: usize,
        order: &[usize],
        lang: &str,
    ) -> Option<Clip>;
    /// The text of a scenario (the case that its questions follow).
    fn scenario(
        &self,
        module: &str,
        kind: catalog::QuizKind,
        scenario: usize,
        lang: &str,
    ) -> Option<Clip>;
}

fn context() -> Result<Arc<ServerContext>, AppError> {
    use_context::<Arc<ServerContext>>()
        .ok_or_else(|| AppError::internal("no server context: not rendered by the router"))
}

pub fn db() -> Result<DatabaseConnection, AppError> {
    Ok(context()?.db.clone())
}

/// The catalogue the server loaded at start.
pub fn catalog() -> Result<Arc<Catalog>, AppError> {
    Ok(context()?.catalog.clone())
}

pub fn certifier() -> Result<Certifier, AppError> {
    Ok(context()?.certifier.clone())
}

/// The session limits in force (the defaults outside a request).
pub fn session_limits() -> SessionLimits {
    context().map_or_else(|_| SessionLimits::default(), |c| c.session_limits)
}

/// Which forwarding header, if any, names the client's address.
pub fn client_ip_header() -> ClientIpHeader {
    context().map_or_else(
        |_| ClientIpHeader::default(),
        |c| c.client_ip_header.clone(),
    )
}

pub fn secure_cookies() -> SecureCookies {
    context().map_or_else(|_| SecureCookies::default(), |c| c.secure_cookies)
}

/// The stylesheet's address under `pkg_dir`, by the build's names; `None` outside a request
/// (the names then are the plain ones).
pub fn stylesheet_href(pkg_dir: &str) -> Option<String> {
    context().ok().map(|c| c.assets.stylesheet_href(pkg_dir))
}

/// The offline page script's address, when offline use is on (and `None`, quietly, when the
/// router lists the routes at start, outside any request).
pub fn offline_script_href() -> Option<String> {
    use_context::<Arc<ServerContext>>()?.offline_script.clone()
}

/// The spoken course, when the server has a voice.
pub fn listening() -> Option<Arc<dyn Listening>> {
    context().ok()?.listening.clone()
}

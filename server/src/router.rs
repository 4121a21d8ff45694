//! Every route of the platform, in one place.
//!
//! Pages and server functions come from the app's Leptos routes; the rest is here: the health
//! check, lesson images, and the built wasm/JS/CSS under `/pkg`. Responses are compressed
//! (brotli or gzip) for slow mobile connections.

use std::sync::Arc;

use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use catalog::Catalog;
use http::header::CACHE_CONTROL;
use http::{HeaderValue, StatusCode};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use sea_orm::DatabaseConnection;
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::state::AppState;
use accounts::session_store::DbSessionStore;
use axum::middleware::{from_fn, from_fn_with_state};
use http::header::CONTENT_SECURITY_POLICY;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// Largest request body accepted; the forms of the platform are far smaller.
const BODY_LIMIT: usize = 64 * 1024;

/// Files whose names do not change with their content (lesson images, a development build's
/// `/pkg`) are revalidated: a 304 costs a few hundred bytes.
const ASSET_CACHE: &str = "public, max-age=0, must-revalidate";
/// A release build's `/pkg` files are named by their content hash: they never change.
const HASHED_CACHE: &str = "public, max-age=31536000, immutable";
/// Pages depend on the visitor's language cookie: never share them between visitors.
const PAGE_CACHE: &str = "private, no-cache";

pub fn build(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let limits = state.session_limits;
    let leptos_options = state.leptos_options.clone();
    // The stylesheet's address, for the pages the server writes without Leptos.
    let stylesheet: std::sync::Arc<str> = state
        .built
        .names
        .stylesheet_href(&leptos_options.site_pkg_dir)
        .into();
    // What every page and server function reads (app::context), built once and shared by
    // every request: a reference count per request, not a copy of each field.
    let server_context = std::sync::Arc::new(app::context::ServerContext {
        db: state.db.clone(),
        catalog: state.catalog.clone(),
        certifier: state.certifier.clone(),
        session_limits: limits,
        client_ip_header: state.client_ip_header.clone(),
        secure_cookies: app::auth::ssr::SecureCookies(state.secure_cookies),
        assets: state.built.names.clone(),
        listening: state
            .audio
            .clone()
            .map(|library| library as std::sync::Arc<dyn app::context::Listening>),
        offline_script: state.offline.page_script_href.clone(),
    });
    let context = move || {
        provide_context(server_context.clone());
        provide_context(leptos_options.clone());
        page_policy_header();
    };
    let sessions = SessionManagerLayer::new(DbSessionStore::new(state.db.clone()))
        .with_name("session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.secure_cookies)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::seconds(
            limits.idle.as_secs() as i64,
        )));
    let options = state.leptos_options.clone();
    let pkg_dir = std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir);
    let pkg_cache = if state.built.hash_file.is_some() {
        HASHED_CACHE
    } else {
        ASSET_CACHE
    };
    let pkg = Router::new()
        .nest_service(
            "/pkg",
            ServeDir::new(pkg_dir)
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static(pkg_cache),
        ));
    let assets = Router::new()
        .route("/media/{module}/{*path}", get(media))
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static(ASSET_CACHE),
        ))
        .merge(pkg);
    Router::new()
        .route("/health", get(health))
        .merge(crate::offline::routes(&state.offline))
        // Its own cache lifetime (a year: the names are hashes), so not under `assets`.
        .route("/audio/{file}", get(crate::audio::route))
        // Offline use: the worker, the pages' script, the manifests and icons, and what saving
        // a module stores (server/src/offline.rs).
        .route("/sw.js", get(crate::offline::worker))
        .route("/icons/{file}", get(crate::offline::icon))
        .route("/offline/{file}", get(crate::offline::module_list))
        .route("/account/data.json", get(crate::account_data::download))
        .route(
            "/certificates/public-key",
            get(crate::certificates::public_key),
        )
        .route("/certificates/{file}", get(crate::certificates::download))
        .route("/trainer/cohorts/{id}/report.csv", get(crate::reports::csv))
        .route(
            "/trainer/cohorts/{id}/certificates.pdf",
            get(crate::certificates::cohort_download),
        )
        .merge(assets)
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            context, shell,
        ))
        .layer(from_fn(crate::form_errors::layer))
        .layer(sessions)
        .layer(from_fn_with_state(
            stylesheet.clone(),
            crate::security::refuse_cross_site,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            CACHE_CONTROL,
            HeaderValue::from_static(PAGE_CACHE),
        ))
        .layer(from_fn(private_responses))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        // Not audio: Opus and MP3 do not shrink, and a compressed response loses its
        // Content-Length and Accept-Ranges, which players need to seek.
        .layer(
            CompressionLayer::new()
                .compress_when(DefaultPredicate::new().and(NotForContentType::const_new("audio/"))),
        )
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(CatchPanicLayer::custom(move |payload| {
            panic_page(payload, &stylesheet)
        }))
        // Whatever is logged while a request is handled names its method and path.
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        // Outermost, so that refusals, body-limit errors and panic pages get them too.
        .layer(from_fn_with_state(
            crate::security::Transport {
                https: state.secure_cookies,
            },
            crate::security::headers,
        ))
        .with_state(state)
}

/// The span around a request: its method and path, never its query string (a certificate
/// code there carries a learner's name) nor its headers (the session cookie).
fn request_span(request: &Request) -> tracing::Span {
    tracing::info_span!("request", method = %request.method(), path = request.uri().path())
}

/// The longest a request may take, reading its body included (a client that sends half a
/// request and waits holds a connection and memory).
const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// The areas whose responses are about someone (their account, a trainer's cohorts and
/// reports, printed codes, administration) or answer a server function: never stored by a
/// browser or a proxy, not even for the back button on a shared phone, and never kept by the
/// service worker (`server/src/offline.rs` gives it this list).
pub const PRIVATE: [&str; 6] = [
    "/account",
    "/trainer",
    "/admin",
    "/slips",
    "/certificates",
    "/api",
];

/// Whether `path` is in one of the [`PRIVATE`] areas.
fn is_private(path: &str) -> bool {
    path != "/certificates/public-key"
        && PRIVATE.iter().any(|area| {
            path.strip_prefix(area)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
}

async fn private_responses(request: Request, next: axum::middleware::Next) -> Response {
    let private = is_private(request.uri().path());
    let mut response = next.run(request).await;
    if private {
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Gives a page the Content-Security-Policy that allows its own inline hydration script (by
/// the nonce Leptos put on it) and nothing else inline, and says the page's language.
fn page_policy_header() {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&crate::security::page_policy(&nonce.to_string())) {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
    // The page's language, which the service worker keeps its saved copy under.
    response.insert_header(
        http::header::CONTENT_LANGUAGE,
        HeaderValue::from_static(app::i18n::initial_lang().code()),
    );
}

/// A bug must not take the server down or show its insides: the panic goes to the log and the
/// visitor gets a short page in both languages (the request's language is not known here).
fn panic_page(payload: Box<dyn std::any::Any + Send + 'static>, stylesheet: &str) -> Response {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    tracing::error!(panic = %message, "a request handler panicked");
    let page = [
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<title>Une erreur est survenue</title><link rel=\"stylesheet\" href=\"",
        stylesheet,
        "\"></head>",
        "<body><main><h1>Une erreur est survenue</h1><p>Le serveur n’a pas pu répondre. Réessayez dans un moment.</p>",
        "<h2 lang=\"en\">Something went wrong</h2><p lang=\"en\">The server could not answer. Please try again in a moment.</p>",
        "<p><a class=\"button\" href=\"/\">Retour à l’accueil / Home</a></p></main></body></html>",
    ]
    .concat();
    let mut response = (
        StatusCode::INTERNAL_SERVER_ERROR,
        axum::response::Html(page),
    )
        .into_response();
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Whether the server and its database answer: 200, or 503 when the database does not.
async fn health(State(db): State<DatabaseConnection>) -> Response {
    match db.ping().await {
        Ok(()) => (
            StatusCode::OK,
            axum::Json(serde_json::json!({ "status": "ok", "database": "ok" })),
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "health check: the database does not answer");
            let body = serde_json::json!({ "status": "unavailable", "database": "unavailable" });
            (StatusCode::SERVICE_UNAVAILABLE, axum::Json(body)).into_response()
        }
    }
}

/// A file that a lesson links to. Only files the loader found referenced are served.
async fn media(
    State(catalog): State<Arc<Catalog>>,
    Path((module, path)): Path<(String, String)>,
    request: Request,
) -> Response {
    let Some(file) = catalog.module(&module).and_then(|m| m.assets.get(&path)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match ServeFile::new(file).oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_about_someone_are_private_and_the_course_is_not() {
        for path in [
            "/account",
            "/account/password",
            "/trainer/cohorts/3/progress",
            "/admin",
            "/slips",
            "/certificates",
            "/certificates/K7QF.pdf",
            "/api/sign_in123",
        ] {
            assert!(is_private(path), "{path}");
        }
        for path in [
            "/",
            "/modules/first/01-start",
            "/job-aid/first",
            "/verify",
            "/certificates/public-key",
            "/accounts-of-nobody",
            "/pkg/app.css",
        ] {
            assert!(!is_private(path), "{path}");
        }
    }

    #[tokio::test]
    async fn a_panic_becomes_a_500_page_in_both_languages_without_its_message() {
        let response = panic_page(
            Box::new("index out of bounds: secret detail at src/x.rs:1"),
            "/pkg/app.css",
        );
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        let page = String::from_utf8(body.to_vec()).unwrap();
        assert!(page.contains("Une erreur est survenue") && page.contains("Something went wrong"));
        assert!(!page.contains("secret detail") && !page.contains("src/x.rs"));
    }
}

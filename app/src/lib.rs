//! The platform's user interface (Leptos) and the server functions it calls.
//!
//! Built twice: with `ssr` for the server, where pages are rendered to HTML and server
//! functions run; with `hydrate` for the browser's wasm bundle, which carries the interface and
//! nothing else. Everything server-only sits behind `#[cfg(feature = "ssr")]` in a `ssr` module.

// Leptos views are deeply nested types; the result page needs more than the default 128.
#![recursion_limit = "256"]

pub mod app;
pub mod auth;
pub mod components;
pub mod errors;
pub mod i18n;
pub mod model;
pub mod offline_check;
pub mod pages;
pub mod serverfns;

pub use app::{App, shell};

/// The wasm entry point: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // A server function that redirects (sign-in, sign-out, new accounts) loads the next page
    // in full, so that everything on it reflects the new session. Set before the router sets
    // its own client-side hook, which then stays unused.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|location: &str| {
        let _ = leptos::prelude::window().location().set_href(location);
    });
    leptos::mount::hydrate_body(App);
}

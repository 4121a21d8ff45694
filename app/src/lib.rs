//! The platform's user interface (Leptos) and the server functions it calls.
//!
//! Built twice, in Leptos's islands mode: with `ssr` for the server, where every page is
//! rendered to HTML and server functions run; with `hydrate` for the browser's wasm bundle,
//! which holds the [`islands`] and what they use, nothing else. Pages, components, server
//! functions and the Fluent strings exist only in the server build, so a `tr()` in an island
//! does not compile: an island gets its strings, already translated, as props.

// Leptos views are deeply nested types; the result page needs more than the default 128.
#![recursion_limit = "256"]

#[cfg(feature = "ssr")]
pub mod app;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod components;
#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
pub mod errors;
#[cfg(feature = "ssr")]
pub mod i18n;
pub mod islands;
pub mod model;
pub mod offline_check;
#[cfg(feature = "ssr")]
pub mod pages;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod serverfns;
mod words;

#[cfg(feature = "ssr")]
pub use app::{App, shell};

/// The wasm entry point, called by the islands script on pages that have an island: sets up
/// the reactive system; the script then hydrates each `<leptos-island>` on the page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}

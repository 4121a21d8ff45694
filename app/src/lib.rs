//! The platform's user interface (Leptos) and the server functions it calls.
//!
//! Built twice: with `ssr` for the server, where pages are rendered to HTML and server
//! functions run; with `hydrate` for the browser's wasm bundle, which carries the interface and
//! nothing else. Everything server-only sits behind `#[cfg(feature = "ssr")]` in a `ssr` module.

pub mod app;
pub mod components;
pub mod errors;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod serverfns;

pub use app::{App, shell};

/// The wasm entry point: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}

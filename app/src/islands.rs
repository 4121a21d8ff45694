//! The only code that runs in the browser: Leptos islands.
//!
//! Every page is rendered on the server and works as plain links and forms. An island is a
//! part of a page that does better with code in the browser; its HTML comes from the server
//! like the rest, and the wasm takes it over where JavaScript runs. The rule for adding one:
//!
//! - it must earn its bytes (`scripts/bench.sh` prints the bundle; the test command fails past
//!   150 KB of wasm and JavaScript, brotli);
//! - everything it shows without JavaScript must still work without it (a plain form inside);
//! - it gets its strings already translated, as props: the Fluent files and `tr()` exist only
//!   in the server build;
//! - its props are serialised into the page, so they hold nothing the reader may not see;
//! - the page that holds it adds [`crate::components::island_scripts::IslandScripts`], which
//!   loads the wasm; pages without islands load none.

pub mod code_check;
pub mod quiz_stepper;

/// Marks the page as taken over (`<body data-hydrated="true">`), for the browser tests and
/// for anyone curious; called from an effect, which only ever runs in the browser.
pub fn mark_hydrated() {
    #[cfg(feature = "hydrate")]
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}

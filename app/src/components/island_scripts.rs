//! The script that loads the wasm and hydrates the page's islands.
//!
//! Only a page that holds an island includes it (at the end of its content), so that every
//! other page, a lesson first, downloads no script and no wasm at all.

use leptos::prelude::*;

/// The islands loader: a `modulepreload` of the JavaScript, a `preload` of the wasm and the
/// small inline module (with the page's nonce) that starts them. The file names carry their
/// content hash when the build made them (see the server's `assets` module).
#[component]
pub fn IslandScripts() -> impl IntoView {
    use_context::<LeptosOptions>()
        .map(|options| view! { <HydrationScripts options islands=true /> })
}

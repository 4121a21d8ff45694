//! The script that loads the wasm and hydrates the page's islands.
//!
//! Only a page that holds an island includes it (at the end of its content), so that every
//! other page, a lesson first, downloads no script and no wasm at all.

use leptos::prelude::*;

/// Leptos's islands loader (the small inline module, with the page's nonce, that imports the
/// JavaScript, which fetches the wasm and hydrates each island), without the two resource
/// hints `HydrationScripts` writes before it: a `preload` is fetched even by a browser with
/// JavaScript off, which would download the whole wasm for nothing. With JavaScript the
/// wasm then starts once the page is idle, a round trip later. The file names carry their
/// content hash when the build made them (see the server's `assets` module).
#[component]
pub fn IslandScripts() -> impl IntoView {
    let options = use_context::<LeptosOptions>()?;
    let rendered = view! { <HydrationScripts options=options.clone() islands=true /> }.to_html();
    let Some(loader) = module_script(&rendered) else {
        // A Leptos that writes its loader differently: keep all of it, hints included.
        return Some(view! { <HydrationScripts options islands=true /> }.into_any());
    };
    let nonce = leptos::nonce::use_nonce();
    Some(view! { <script type="module" nonce=nonce inner_html=loader></script> }.into_any())
}

/// The text of the first `<script>` element in `html`.
fn module_script(html: &str) -> Option<String> {
    let open = html.find("<script")?;
    let body = open + html[open..].find('>')? + 1;
    let close = body + html[body..].find("</script>")?;
    Some(html[body..close].to_string())
}

#[cfg(test)]
mod tests {
    use super::module_script;

    #[test]
    fn the_loader_is_kept_and_the_hints_dropped() {
        let html = r#"<link rel="modulepreload" href="/pkg/app.js"><link rel="preload" href="/pkg/app.wasm" as="fetch"><script type="module" nonce="n">(() => { if (a && b) go(); })()</script>"#;
        assert_eq!(
            module_script(html).as_deref(),
            Some("(() => { if (a && b) go(); })()")
        );
        assert_eq!(module_script("<link rel=preload>"), None);
    }
}

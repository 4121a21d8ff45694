//! What every response and every state-changing request goes through: security headers, and
//! the refusal of cross-site requests (CSRF).
//!
//! CSRF: a browser says where a request comes from. `Sec-Fetch-Site` (all current browsers)
//! must be `same-origin` (or `none`: typed by the user); failing that header, `Origin` must
//! match `Host`. A request with neither comes from outside a browser, which carries no
//! victim's cookie, and passes. This is the check Go's `http.CrossOriginProtection` and
//! OWASP's "verifying origin with standard headers" describe. It covers server functions and
//! plain form posts alike, with no token to thread through every form; session cookies are
//! also `SameSite=Lax`.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, HOST, ORIGIN, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};

/// The policy for pages: scripts only from this site or inline with this response's nonce
/// (Leptos's hydration script), wasm allowed to compile, styles only from this site.
pub fn page_policy(nonce: &str) -> String {
    policy(&format!("'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"))
}

/// Kept short: it travels on every response, 304s included, and a repeat visit is four of
/// them. No `font-src`: the platform uses the phone's own fonts, and `default-src 'none'`
/// refuses any other.
fn policy(script_src: &str) -> String {
    format!(
        "default-src 'none'; script-src {script_src}; style-src 'self'; img-src 'self' data:; \
         media-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; \
         form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
}

/// How the platform is reached, for the headers that depend on it.
#[derive(Debug, Clone, Copy)]
pub struct Transport {
    /// `PUBLIC_URL` is `https://…`: browsers are told to use https only (HSTS).
    pub https: bool,
}

/// Adds the security headers to every response, error pages and panics included. A page's
/// own policy (with its nonce) is kept; anything else gets the policy without inline scripts.
pub async fn headers(
    axum::extract::State(transport): axum::extract::State<Transport>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    // A 304 tells the browser to reuse the response it cached, headers included: repeating
    // them would only cost bytes on every revalidation (three per page on slow data).
    if response.status() == http::StatusCode::NOT_MODIFIED {
        return response;
    }
    let headers = response.headers_mut();
    if !headers.contains_key(CONTENT_SECURITY_POLICY)
        && let Ok(value) = HeaderValue::from_str(&policy("'self' 'wasm-unsafe-eval'"))
    {
        headers.insert(CONTENT_SECURITY_POLICY, value);
    }
    let fixed: [(HeaderName, &'static str); 5] = [
        (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (X_FRAME_OPTIONS, "DENY"),
        // Same-origin: the forms that work without JavaScript come back to their page by the
        // Referer, and no address leaves the site.
        (REFERRER_POLICY, "same-origin"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=()",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if transport.https {
        headers.insert(
            http::header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}

/// Refuses a state-changing request that a browser says came from another site. The state is
/// the stylesheet's address, for the refusal page.
pub async fn refuse_cross_site(
    axum::extract::State(stylesheet): axum::extract::State<std::sync::Arc<str>>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe || !cross_site(request.headers()) {
        return next.run(request).await;
    }
    tracing::warn!(path = %request.uri().path(), "refused a cross-site request");
    refusal_page(&stylesheet)
}

pub fn cross_site(headers: &HeaderMap) -> bool {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    if let Some(site) = text(HeaderName::from_static("sec-fetch-site")) {
        return !matches!(site, "same-origin" | "none");
    }
    match (text(ORIGIN), text(HOST)) {
        (Some(origin), Some(host)) => {
            let origin_host = origin.split_once("://").map(|(_, rest)| rest);
            origin_host != Some(host)
        }
        (Some(_), None) => true,
        (None, _) => false,
    }
}

fn refusal_page(stylesheet: &str) -> Response {
    let page = [
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<title>Demande refusée</title><link rel=\"stylesheet\" href=\"",
        stylesheet,
        "\"></head>",
        "<body><main><h1>Demande refusée</h1><p>Cette demande venait d’un autre site. Rien n’a été modifié.</p>",
        "<h2 lang=\"en\">Request refused</h2><p lang=\"en\">This request came from another site. Nothing was changed.</p>",
        "<p><a class=\"button\" href=\"/\">Retour à l’accueil / Home</a></p></main></body></html>",
    ]
    .concat();
    let mut response = (StatusCode::FORBIDDEN, axum::response::Html(page)).into_response();
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| (HeaderName::from_static(k), HeaderValue::from_static(v)))
            .collect()
    }

    #[test]
    fn browsers_saying_cross_site_are_refused() {
        assert!(cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(cross_site(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(!cross_site(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!cross_site(&headers(&[("sec-fetch-site", "none")])));
    }

    #[test]
    fn without_fetch_metadata_the_origin_must_be_this_host() {
        let same = headers(&[
            ("origin", "http://localhost:3000"),
            ("host", "localhost:3000"),
        ]);
        assert!(!cross_site(&same));
        let other = headers(&[
            ("origin", "https://evil.example"),
            ("host", "localhost:3000"),
        ]);
        assert!(cross_site(&other));
        assert!(cross_site(&headers(&[("origin", "null"), ("host", "a")])));
        assert!(!cross_site(&headers(&[("host", "localhost:3000")])));
    }
}

//! Offline use on the phone: the service worker (`/sw.js`), the small script every page loads
//! to register it (`/offline-<hash>.js`), the web app manifests (`/manifest.<lang>.webmanifest`)
//! and their icons, and the list of what saving a module stores (`/offline/<module>.json`).
//!
//! The two scripts are plain JavaScript kept in `server/offline/`, compiled into the binary and
//! completed here with the build's names: the worker's version is a hash of the built files'
//! names, both scripts and the course folder, so a new release (code or content) is a new
//! worker, which re-saves the saved modules and drops the old copies. `OFFLINE=off` is the
//! kill switch: pages stop loading the script and `/sw.js` becomes a worker that deletes its
//! caches and unregisters itself.

use std::path::Path;
use std::sync::Arc;

use app::app::AssetNames;
use app::i18n::{Lang, tr};
use axum::extract::{Path as UrlPath, Request, State};
use axum::response::{IntoResponse, Response};
use catalog::{Catalog, QuizKind};
use http::header::{CACHE_CONTROL, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};
use leptos::server_fn::ServerFn;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::state::AppState;

const WORKER: &str = include_str!("../offline/sw.js");
const PAGE_SCRIPT: &str = include_str!("../offline/page.js");
const ICON_192: &[u8] = include_bytes!("../offline/icon-192.png");
const ICON_512: &[u8] = include_bytes!("../offline/icon-512.png");

/// The worker that replaces a worker when offline use is switched off: it deletes what the
/// phone kept (but the outbox, which may hold answers) and unregisters itself.
const KILL_SWITCH: &str = "'use strict';\n\
self.addEventListener('install', () => self.skipWaiting());\n\
self.addEventListener('activate', (event) => event.waitUntil(caches.keys()\n\
  .then((names) => Promise.all(names.map((name) => caches.delete(name))))\n\
  .then(() => self.registration.unregister())));\n";

/// The scripts as this build serves them.
#[derive(Debug, Clone)]
pub struct Offline {
    /// A hash of everything a saved page depends on.
    pub version: String,
    /// `/offline-<hash>.js`, or `None` when offline use is off.
    pub page_script_href: Option<String>,
    page_script: String,
    worker: String,
}

/// The server functions whose forms go through the outbox, in the order the worker expects.
fn outbox_paths() -> [&'static str; 2] {
    [
        app::serverfns::learning::SubmitQuiz::PATH,
        app::serverfns::learning::MarkRead::PATH,
    ]
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".into())
}

/// The page script as it travels: without its comment lines and indentation, which every
/// page's first visit would otherwise pay for (the file in `server/offline/` keeps them).
/// Only whole lines go: a line that is a `//` comment or a one-line `/** … */`.
fn without_comment_lines(script: &str) -> String {
    script
        .lines()
        .map(str::trim)
        .filter(|line| {
            !(line.is_empty()
                || line.starts_with("//")
                || (line.starts_with("/*") && line.ends_with("*/")))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn short_hash(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hex::encode(&hasher.finalize()[..8])
}

/// A hash of the course folder's files (names and bytes), so that a corrected lesson is a
/// new version. Read once at start; a folder that cannot be read counts as empty.
fn content_fingerprint(dir: &Path) -> String {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut hasher = Sha256::new();
    for file in files {
        hasher.update(
            file.strip_prefix(dir)
                .unwrap_or(&file)
                .to_string_lossy()
                .as_bytes(),
        );
        hasher.update(std::fs::read(&file).unwrap_or_default());
    }
    hex::encode(&hasher.finalize()[..8])
}

impl Offline {
    /// The scripts for the build named by `names` under `/<pkg_dir>`, for the course in
    /// `content_dir`; `enabled: false` is the kill switch.
    pub fn new(names: &AssetNames, pkg_dir: &str, content_dir: &Path, enabled: bool) -> Self {
        let outbox = json(&outbox_paths());
        let sign_out = json(&app::serverfns::account::SignOut::PATH);
        let page_script = without_comment_lines(PAGE_SCRIPT)
            .replace("__OUTBOX__", &outbox)
            .replace("__SIGN_OUT__", &sign_out);
        let page_script_href = format!("/offline-{}.js", short_hash(&[page_script.as_bytes()]));
        let css = format!("/{pkg_dir}/{}", names.css);
        let build = [
            css,
            format!("/{pkg_dir}/{}", names.js),
            format!("/{pkg_dir}/{}", names.wasm),
            page_script_href.clone(),
        ];
        let version = short_hash(&[
            names.css.as_bytes(),
            names.js.as_bytes(),
            names.wasm.as_bytes(),
            page_script.as_bytes(),
            WORKER.as_bytes(),
            content_fingerprint(content_dir).as_bytes(),
        ]);
        let worker = if enabled {
            WORKER
                .replace("__VERSION__", &version)
                .replace("__BUILD__", &json(&build))
                .replace("__OUTBOX__", &outbox)
                .replace("__SIGN_OUT__", &sign_out)
                .replace("__NEVER__", &json(&crate::router::PRIVATE))
        } else {
            KILL_SWITCH.to_string()
        };
        Self {
            version,
            page_script_href: enabled.then_some(page_script_href),
            page_script,
            worker,
        }
    }
}

fn with_type(
    body: impl Into<axum::body::Body>,
    content_type: &'static str,
    cache: &'static str,
) -> Response {
    let mut response = Response::new(body.into());
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

/// `/sw.js`: revalidated on every check (`no-cache`), so a release reaches the phones the
/// next time they are online.
pub async fn worker(State(offline): State<Arc<Offline>>) -> Response {
    with_type(
        offline.worker.clone(),
        "text/javascript; charset=utf-8",
        "no-cache",
    )
}

/// `/offline-<hash>.js`: named by its content, so kept for a year.
async fn page_script(State(offline): State<Arc<Offline>>) -> Response {
    with_type(
        offline.page_script.clone(),
        "text/javascript; charset=utf-8",
        "public, max-age=31536000, immutable",
    )
}

/// The routes at the root whose names are known only at start: the page script (named by
/// its hash, absent when offline use is off) and one manifest per language.
pub fn routes(offline: &Offline) -> axum::Router<AppState> {
    let mut router = axum::Router::new();
    if let Some(href) = &offline.page_script_href {
        router = router.route(href, axum::routing::get(page_script));
    }
    for lang in Lang::all() {
        router = router.route(
            &app::routes::manifest_href(lang.code()),
            axum::routing::get(move || async move { manifest(lang) }),
        );
    }
    router
}

/// `/icons/<size>.png`, the home-screen icons.
pub async fn icon(UrlPath(file): UrlPath<String>) -> Response {
    let bytes = match file.as_str() {
        "192.png" => ICON_192,
        "512.png" => ICON_512,
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    with_type(bytes, "image/png", "public, max-age=86400")
}

#[derive(Serialize)]
struct Manifest {
    name: String,
    short_name: String,
    description: String,
    lang: &'static str,
    dir: &'static str,
    start_url: &'static str,
    scope: &'static str,
    display: &'static str,
    background_color: &'static str,
    theme_color: &'static str,
    icons: [ManifestIcon; 2],
}

#[derive(Serialize)]
struct ManifestIcon {
    src: &'static str,
    sizes: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
}

/// `/manifest.<lang>.webmanifest`: what the phone's home screen shows. One file per
/// language, since a browser fetches it without the visitor's cookie.
fn manifest(lang: Lang) -> Response {
    let icon = |src, sizes| ManifestIcon {
        src,
        sizes,
        kind: "image/png",
        purpose: "any maskable",
    };
    let manifest = Manifest {
        name: tr(lang, "site-name"),
        short_name: tr(lang, "app-short-name"),
        description: tr(lang, "app-description"),
        lang: lang.code(),
        dir: "ltr",
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#0b5394",
        icons: [
            icon("/icons/192.png", "192x192"),
            icon("/icons/512.png", "512x512"),
        ],
    };
    with_type(
        json(&manifest),
        "application/manifest+json",
        "public, max-age=86400",
    )
}

/// What saving a module stores, in the visitor's language.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct SavedModule {
    pub module: String,
    pub lang: &'static str,
    pub title: String,
    pub href: String,
    /// Pages, as the learner gets them (kept per language).
    pub pages: Vec<String>,
    /// The pages that change when the learner submits a test (the next attempt's number,
    /// the progress): the tests, the module page, the home page.
    pub tests: Vec<String>,
    /// Images and other files the lessons show.
    pub files: Vec<String>,
    /// The lessons' clips (whole and per section), in each format; saved only if ticked.
    pub audio: AudioFiles,
}

#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct AudioFiles {
    pub opus: Vec<String>,
    pub mp3: Vec<String>,
}

/// The list for `module` in `lang`. Only the course's public pages: nothing about anyone
/// but the learner's own quiz pages, which the phone fetches with their session.
pub fn saved_module(
    catalog: &Catalog,
    listening: Option<&dyn app::context::Listening>,
    module: &str,
    lang: Lang,
) -> Option<SavedModule> {
    use app::routes::{glossary_href, job_aid_href, lesson_href, module_href, quiz_href};
    let found = catalog.module(module)?;
    let slug = &found.slug;
    let href = module_href(slug);
    let tests: Vec<String> = [QuizKind::Pretest, QuizKind::Quiz]
        .into_iter()
        .filter(|kind| found.quiz_of(*kind).is_some())
        .map(|kind| quiz_href(slug, kind.code()))
        .chain([href.clone(), "/".to_string()])
        .collect();
    let mut pages: Vec<String> = found
        .lessons
        .iter()
        .map(|l| lesson_href(slug, &l.slug))
        .collect();
    pages.extend(found.job_aid.as_ref().map(|_| job_aid_href(slug)));
    pages.extend(found.glossary.as_ref().map(|_| glossary_href(slug)));
    pages.extend(tests.iter().cloned());
    pages.push(app::routes::OFFLINE_HREF.into());
    let files = found
        .assets
        .keys()
        .map(|path| format!("/media/{slug}/{path}"))
        .collect();
    let mut audio = AudioFiles::default();
    for lesson in &found.lessons {
        let Some(clips) = listening.and_then(|l| l.lesson(slug, &lesson.slug, lang.code())) else {
            continue;
        };
        for clip in clips.clips() {
            audio.opus.push(clip.opus.clone());
            audio.mp3.push(clip.mp3.clone());
        }
    }
    Some(SavedModule {
        module: slug.clone(),
        lang: lang.code(),
        title: found.text(lang.code()).title.clone(),
        href,
        pages,
        tests,
        files,
        audio,
    })
}

/// `/offline/<module>.json`: public, like the lessons it lists.
pub async fn module_list(
    State(state): State<AppState>,
    UrlPath(file): UrlPath<String>,
    request: Request,
) -> Response {
    let Some(module) = file.strip_suffix(".json") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let lang = app::i18n::ssr::request_lang(request.headers());
    let listening = state
        .audio
        .as_deref()
        .map(|library| library as &dyn app::context::Listening);
    match saved_module(&state.catalog, listening, module, lang) {
        Some(list) => {
            let mut response = with_type(json(&list), "application/json", "no-cache");
            response.headers_mut().insert(
                http::header::VARY,
                HeaderValue::from_static("Cookie, Accept-Language"),
            );
            response
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> AssetNames {
        AssetNames {
            css: "app.c1.css".into(),
            js: "app.j1.js".into(),
            wasm: "app.w1.wasm".into(),
        }
    }

    #[test]
    fn the_worker_names_this_build_and_a_new_build_is_a_new_version() {
        let content = tempfile::tempdir().unwrap();
        std::fs::write(content.path().join("a.md"), "un").unwrap();
        let first = Offline::new(&names(), "pkg", content.path(), true);
        assert!(
            first
                .worker
                .contains(&format!("const VERSION = '{}'", first.version))
        );
        for file in ["/pkg/app.c1.css", "/pkg/app.j1.js", "/pkg/app.w1.wasm"] {
            assert!(first.worker.contains(file), "{file}");
        }
        assert!(!first.worker.contains("__"), "every blank is filled");
        let href = first.page_script_href.clone().unwrap();
        assert!(first.worker.contains(&href));
        assert!(
            first
                .page_script
                .contains(app::serverfns::learning::SubmitQuiz::PATH)
        );

        let mut other = names();
        other.wasm = "app.w2.wasm".into();
        let rebuilt = Offline::new(&other, "pkg", content.path(), true);
        assert_ne!(rebuilt.version, first.version, "new wasm");
        std::fs::write(content.path().join("a.md"), "deux").unwrap();
        let corrected = Offline::new(&names(), "pkg", content.path(), true);
        assert_ne!(corrected.version, first.version, "corrected lesson");
        assert_eq!(
            corrected.page_script_href, first.page_script_href,
            "same script"
        );
    }

    #[test]
    fn the_page_script_travels_without_its_comment_lines() {
        let served = without_comment_lines(PAGE_SCRIPT);
        assert!(
            served.len() < PAGE_SCRIPT.len() * 9 / 10,
            "{} of {}",
            served.len(),
            PAGE_SCRIPT.len()
        );
        assert!(
            served
                .lines()
                .all(|l| !l.starts_with("//") && !l.starts_with("/**"))
        );
        // Code stays, strings and all (a `//` inside a line is not a comment line).
        assert!(served.contains("navigator.serviceWorker.register('/sw.js')"));
        assert_eq!(
            without_comment_lines("  // a\n  let a = 'x // y';\n  /** b */\n  f(a);\n"),
            "let a = 'x // y';\nf(a);"
        );
    }

    #[test]
    fn the_kill_switch_serves_a_worker_that_unregisters_and_no_page_script() {
        let content = tempfile::tempdir().unwrap();
        let off = Offline::new(&names(), "pkg", content.path(), false);
        assert!(off.worker.contains("unregister()"));
        assert!(!off.worker.contains("fetch"));
        assert_eq!(off.page_script_href, None);
    }
}

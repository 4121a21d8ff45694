//! The files cargo-leptos built under `/pkg`, and how long browsers may keep them.
//!
//! A release build names them by their content (`app.<hash>.wasm`, `.js`, `.css`) and lists
//! the hashes in `hash.txt`. Such a name never changes meaning, so `/pkg` is served as
//! immutable for a year: a repeat visit fetches the page and nothing else. A page is never
//! cached without revalidation (`no-cache`), so a browser that loads a page of a new build
//! gets the new build's names; an old build's files are no longer on the server. Without a
//! hash file (a development build, the tests' fake sites) the names are plain and `/pkg` is
//! revalidated on every use.

use std::path::{Path, PathBuf};

use app::app::AssetNames;

/// What `/pkg` holds and how to name it in pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    pub names: AssetNames,
    /// The hash file the names came from, absolute (Leptos's islands loader reads it too).
    pub hash_file: Option<PathBuf>,
}

/// Where a hash file may be: in the site folder (a deployment that copies the site and the
/// binary apart), else beside the running binary (where cargo-leptos writes it).
fn candidates(site_root: &Path) -> Vec<PathBuf> {
    let mut found = vec![site_root.join("hash.txt")];
    if let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
    {
        found.push(dir.join("hash.txt"));
    }
    found
}

/// The names for `output` (`app`) in the site at `site_root`.
pub fn find(site_root: &Path, output: &str) -> Built {
    candidates(site_root)
        .into_iter()
        .find_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let names = parse(&text, output)?;
            // A hash file from another build than the site's files is no use.
            let pkg = site_root.join("pkg");
            let complete = [&names.css, &names.js, &names.wasm]
                .iter()
                .all(|name| pkg.join(name).is_file());
            complete.then(|| Built {
                names,
                hash_file: Some(std::path::absolute(&path).unwrap_or(path)),
            })
        })
        .unwrap_or_else(|| Built {
            names: AssetNames::plain(output),
            hash_file: None,
        })
}

/// Reads `js: …`, `wasm: …` and `css: …` lines; `None` unless all three are there.
fn parse(text: &str, output: &str) -> Option<AssetNames> {
    let hash = |kind: &str| {
        text.lines()
            .filter_map(|line| line.split_once(':'))
            .find(|(k, _)| k.trim() == kind)
            .map(|(_, h)| h.trim().to_string())
            .filter(|h| {
                !h.is_empty()
                    && h.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
    };
    Some(AssetNames {
        css: format!("{output}.{}.css", hash("css")?),
        js: format!("{output}.{}.js", hash("js")?),
        wasm: format!("{output}.{}.wasm", hash("wasm")?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_file_names_the_three_files() {
        let names = parse("js: AbC-1\nwasm: d_E2\ncss: f3\n", "app").unwrap();
        assert_eq!(names.js, "app.AbC-1.js");
        assert_eq!(names.wasm, "app.d_E2.wasm");
        assert_eq!(names.css, "app.f3.css");
    }

    #[test]
    fn a_partial_or_strange_hash_file_is_not_used() {
        assert_eq!(parse("js: a\nwasm: b\n", "app"), None);
        assert_eq!(parse("js: a\nwasm: b\ncss: ../x\n", "app"), None);
        assert_eq!(parse("", "app"), None);
    }

    #[test]
    fn without_a_matching_build_the_names_are_plain() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("pkg")).unwrap();
        // Names files that are not in the site: ignored.
        std::fs::write(site.path().join("hash.txt"), "js: a\nwasm: b\ncss: c\n").unwrap();
        let built = find(site.path(), "app");
        assert_eq!(built.names.css, "app.css");
        assert_eq!(built.hash_file, None);
        for name in ["app.a.js", "app.b.wasm", "app.c.css"] {
            std::fs::write(site.path().join("pkg").join(name), "x").unwrap();
        }
        let built = find(site.path(), "app");
        assert_eq!(built.names.wasm, "app.b.wasm");
        assert_eq!(built.hash_file, Some(site.path().join("hash.txt")));
    }
}

//! Runs the whole course (`CONTENT_DIR`, by default `../../content`) through `sections` and
//! `prepare`, and checks that the prepared text keeps no digits and no Markdown syntax.

use std::path::{Path, PathBuf};

fn content_dir() -> PathBuf {
    match std::env::var_os("CONTENT_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content")),
    }
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// `fr` or `en` from the name (`x.fr.md`); `None` for a file without a language (README).
fn language(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_str()?;
    if name.ends_with(".fr.md") {
        Some("fr")
    } else if name.ends_with(".en.md") {
        Some("en")
    } else {
        None
    }
}

fn is_lesson(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

fn problems(prepared: &str) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(c) = prepared.chars().find(char::is_ascii_digit) {
        found.push(format!("digit {c:?}"));
    }
    for bad in ["(", ")", "*", "#", "|", "](", "[", "]", "`", "<", ">"] {
        if prepared.contains(bad) {
            found.push(format!("{bad:?}"));
        }
    }
    found
}

#[test]
fn every_course_file_prepares_to_clean_speech() {
    let dir = content_dir();
    assert!(
        dir.is_dir(),
        "content directory {} does not exist: set CONTENT_DIR to the course's content/ folder",
        dir.display()
    );
    let mut files = Vec::new();
    markdown_files(&dir, &mut files);
    assert!(!files.is_empty(), "no .md file under {}", dir.display());
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in &files {
        // The README (trainer's guide) has no language: it is read as French.
        let lang = language(path).unwrap_or("fr");
        let markdown =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut glossary = speech::Glossary::from_markdown(&markdown);
        let module_glossary = path.with_file_name(format!("glossary.{lang}.md"));
        if let Ok(text) = std::fs::read_to_string(module_glossary) {
            glossary.merge(&speech::Glossary::from_markdown(&text));
        }
        let sections = speech::sections(&markdown, lang);
        if is_lesson(path) && sections.is_empty() {
            failures.push(format!("{}: no section", path.display()));
        }
        for section in &sections {
            let prepared = speech::prepare(&section.text, lang, &glossary);
            let found = problems(&prepared);
            if !found.is_empty() {
                failures.push(format!(
                    "{} [{}]: {}\n    {prepared}",
                    path.display(),
                    section.title.as_deref().unwrap_or("-"),
                    found.join(", ")
                ));
            }
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "{} problem(s) in {checked} files:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

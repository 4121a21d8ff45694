//! The translation files: every language has exactly the reference's keys, and every key the
//! code asks for exists.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::Entry;

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

fn keys(lang: &str) -> BTreeSet<String> {
    let path = locales_dir().join(lang).join("main.ftl");
    let source = fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
    resource
        .body
        .into_iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name),
            _ => None,
        })
        .collect()
}

fn languages() -> Vec<String> {
    let mut languages: Vec<String> = fs::read_dir(locales_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    languages.sort();
    languages
}

#[test]
fn every_language_has_the_same_keys_as_french() {
    let reference = keys("fr");
    assert!(reference.len() > 20);
    for lang in languages() {
        let found = keys(&lang);
        let missing: Vec<_> = reference.difference(&found).collect();
        let extra: Vec<_> = found.difference(&reference).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, extra {extra:?}"
        );
    }
}

/// Every `tr(…, "key")` and `tr_n(…, "key", …)` in the source names a key of the reference file.
#[test]
fn every_key_used_in_the_code_exists() {
    let reference = keys("fr");
    let mut used = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = fs::read_to_string(&path).unwrap();
                // Field labels and hints are keys too.
                for prop in ["label=\"", "hint=\""] {
                    for (start, _) in source.match_indices(prop) {
                        let rest = &source[start + prop.len()..];
                        if let Some(end) = rest.find('"') {
                            used.insert(rest[..end].to_string());
                        }
                    }
                }
                for call in ["tr(", "tr_n(", "tr_args("] {
                    for (start, _) in source.match_indices(call) {
                        let is_word_start = source[..start]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                        if !is_word_start {
                            continue;
                        }
                        let rest = &source[start + call.len()..];
                        if let Some(after_comma) =
                            rest.find(',').map(|i| rest[i + 1..].trim_start())
                            && let Some(literal) = after_comma.strip_prefix('"')
                            && let Some(end) = literal.find('"')
                        {
                            used.insert(literal[..end].to_string());
                        }
                    }
                }
            }
        }
    }
    // The error page picks its keys in a match; they are listed there as plain literals.
    for key in [
        "not-found-title",
        "not-found-text",
        "error-title",
        "error-text",
        "sign-in-required-title",
        "password-change-required-title",
        "forbidden-title",
        "invalid-title",
        "back-home",
    ] {
        used.insert(key.to_string());
    }
    // Keys made from codes: every refusal's message, roles, affiliations, audit actions.
    for problem in app::errors::Problem::all() {
        used.insert(problem.message_key());
    }
    for code in [
        "sign-in-required",
        "password-change-required",
        "forbidden",
        "not-found",
        "internal",
    ] {
        let error = app::errors::AppError::from_form_code(code).expect("a known code");
        used.insert(error.message_key());
    }
    // Progress and quiz states, and keys that pages choose between in an `if`.
    for state in ["not-started", "in-progress", "completed"] {
        used.insert(format!("progress-{state}"));
    }
    for state in ["not-started", "in-progress", "passed"] {
        used.insert(format!("report-state-{state}"));
    }
    for state in ["not-passed", "passed", "in-progress", "not-started"] {
        used.insert(format!("report-filter-{state}"));
    }
    for month in 1..=12 {
        used.insert(format!("month-{month}"));
    }
    for key in [
        "certificate-kind-module",
        "certificate-kind-course",
        "verify-valid",
        "verify-revoked",
        "verify-unknown",
        "code-valid",
        "code-tampered",
        "code-malformed",
        "report-answer-right",
        "report-answer-wrong",
        "report-pretest",
        "report-quiz",
    ] {
        used.insert(key.to_string());
    }
    for state in [
        "sign-in",
        "open",
        "lessons-not-read",
        "wait",
        "no-attempts-left",
        "closed",
    ] {
        used.insert(format!("quiz-state-{state}"));
    }
    for key in [
        "lesson-mark-read",
        "lesson-read-continue",
        "module-review",
        "module-continue",
        "module-start",
        "quiz-heading",
        "pretest-heading",
        "quiz-intro",
        "pretest-intro",
        "attempt-done",
        "attempt-passed",
        "attempt-failed",
        "quiz-start",
        "pretest-start",
        "quiz-sending",
        "quiz-submit",
        "result-pretest",
        "result-passed",
        "result-failed",
        "result-question-right",
        "result-question-wrong",
    ] {
        used.insert(key.to_string());
    }
    for role in ["learner", "trainer", "admin"] {
        used.insert(format!("role-{role}"));
    }
    for affiliation in ["fds", "armed_movement", "other"] {
        used.insert(format!("affiliation-{affiliation}"));
    }
    for action in [
        "account-created",
        "joined-with-code",
        "password-set",
        "code-issued",
        "account-deleted",
        "cohort-created",
        "cohort-changed",
        "cohort-archived",
        "cohort-reopened",
        "trainer-added",
        "attendance-recorded",
        "learner-moved",
    ] {
        used.insert(format!("audit-{action}"));
    }
    assert!(used.len() > 15, "the scan found the calls: {used:?}");
    let unknown: Vec<_> = used.difference(&reference).collect();
    assert!(
        unknown.is_empty(),
        "keys used but not translated: {unknown:?}"
    );
}

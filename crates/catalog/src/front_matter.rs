//! Parsing of `module.toml` and of the `+++` front matter at the top of each lesson.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::problem::{Problem, line_at};
use crate::quiz::{Order, ShowAnswers};

/// `module.toml`, as a trainer writes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ModuleMeta {
    pub slug: String,
    pub order: u32,
    pub minutes: u32,
    #[serde(default)]
    pub pass_mark: Option<u8>,
    pub title: BTreeMap<String, String>,
    pub summary: BTreeMap<String, String>,
    /// Learning objective id → language → wording.
    #[serde(default)]
    pub objectives: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    pub quiz: QuizMeta,
}

/// The `[quiz]` table of `module.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuizMeta {
    pub draw: Option<u32>,
    pub attempts: Option<u32>,
    #[serde(default)]
    pub wait_minutes: u32,
    #[serde(default)]
    pub order: Order,
    #[serde(default)]
    pub show_answers: ShowAnswers,
}

/// The front matter of one lesson file (and of the job aid, which has no objectives).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LessonMeta {
    pub title: String,
    #[serde(default)]
    pub sources: Vec<String>,
    /// Ids from the module's `[objectives]` that this lesson teaches, shown at its top.
    #[serde(default)]
    pub objectives: Vec<String>,
}

/// Parses a TOML text, turning a syntax or type error into a located problem.
/// `first_line` is the file line on which `text` starts.
pub(crate) fn parse_toml<T: for<'de> Deserialize<'de>>(
    path: &Path,
    text: &str,
    first_line: usize,
) -> Result<T, Problem> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |span| line_at(text, span.start));
        let message = e.message().trim().to_string();
        Problem::new(
            path,
            first_line + line - 1,
            format!("malformed front matter: {message}"),
        )
    })
}

/// A lesson split into its front matter and its Markdown body.
pub(crate) struct Split<'a> {
    pub meta: &'a str,
    pub body: &'a str,
    /// The file line on which the body starts.
    pub body_line: usize,
}

const FENCE: &str = "+++";

/// Splits `+++ … +++` from the top of a lesson file.
pub(crate) fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let missing = || {
        Problem::new(
            path,
            1,
            "missing front matter: the file must start with a line `+++`, the title, and another `+++`",
        )
    };
    let first_end = text.find('\n').ok_or_else(missing)?;
    if text[..first_end].trim_end() != FENCE {
        return Err(missing());
    }
    let rest = &text[first_end + 1..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == FENCE {
            let meta = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = line_at(text, first_end + 1 + offset + line.len());
            return Ok(Split {
                meta,
                body,
                body_line,
            });
        }
        offset += line.len();
    }
    Err(Problem::new(
        path,
        1,
        "malformed front matter: no closing `+++` line",
    ))
}

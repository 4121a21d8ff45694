//! Reads one quiz file (`quiz.fr.md`, `pretest.en.md`) in one language.
//!
//! The format is line-based so that every problem has its line (see `content/README.md`):
//! `# id` starts a scenario, `## id` a question; `key: value` lines follow the question's
//! heading; then the question text, the options (`- [x]` right, `- [ ]` wrong, an indented
//! `> …` under an option is its feedback) and the explanation. Text parts are Markdown,
//! rendered and sanitised like lessons.
//!
//! Over 400 lines: one line-based reader with a message for every mistake a trainer can make,
//! each pointing at its line.

use std::path::Path;

use serde::Deserialize;

use crate::front_matter;
use crate::markdown::{self, Reference, Resolved};
use crate::problem::Problem;
use crate::quiz::{Choice, QuestionText, QuestionType};
use crate::slug::is_valid_slug;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizMeta {
    title: String,
}

/// A quiz file in one language, before the languages are compared.
#[derive(Debug)]
pub(crate) struct ParsedQuiz {
    pub title: String,
    pub scenarios: Vec<ParsedScenario>,
    pub questions: Vec<ParsedQuestion>,
}

#[derive(Debug)]
pub(crate) struct ParsedScenario {
    pub id: String,
    pub line: usize,
    pub html: String,
}

#[derive(Debug)]
pub(crate) struct ParsedQuestion {
    pub id: String,
    pub line: usize,
    pub objective: String,
    pub kind: QuestionType,
    /// Index into [`ParsedQuiz::scenarios`].
    pub scenario: Option<usize>,
    pub correct: Vec<bool>,
    /// The file line of each option, for the advice.
    pub option_lines: Vec<usize>,
    pub text: QuestionText,
}

/// A numbered line of the file.
#[derive(Clone, Copy)]
struct Line<'a> {
    number: usize,
    text: &'a str,
}

/// Parses `text` (the whole file at `path`). Returns `None` only when the file cannot be read
/// at all (no front matter); other problems are pushed and the question is left out.
pub(crate) fn parse(
    path: &Path,
    lang: &str,
    text: &str,
    resolve: &mut dyn FnMut(Reference, &str) -> Resolved,
    problems: &mut Vec<Problem>,
) -> Option<ParsedQuiz> {
    let split = front_matter::split(path, text)
        .map_err(|p| problems.push(p))
        .ok()?;
    let meta: QuizMeta = front_matter::parse_toml(path, split.meta, 2)
        .map_err(|p| problems.push(p))
        .ok()?;
    if meta.title.trim().is_empty() {
        problems.push(Problem::new(path, 2, "the quiz needs a title"));
    }
    let lines: Vec<Line> = split
        .body
        .lines()
        .enumerate()
        .map(|(i, text)| Line {
            number: split.body_line + i,
            text,
        })
        .collect();

    let mut quiz = ParsedQuiz {
        title: crate::loader::typeset(lang, meta.title.trim()),
        scenarios: Vec::new(),
        questions: Vec::new(),
    };
    let mut i = 0;
    // Text before the first heading is an error unless blank.
    while i < lines.len() && heading(lines[i].text).is_none() {
        if !lines[i].text.trim().is_empty() {
            problems.push(Problem::new(
                path,
                lines[i].number,
                "text before the first question: start each question with a line `## question-id`",
            ));
            break;
        }
        i += 1;
    }
    while i < lines.len() && heading(lines[i].text).is_none() {
        i += 1;
    }
    let mut scenario: Option<usize> = None;
    while i < lines.len() {
        let Some((level, id)) = heading(lines[i].text) else {
            i += 1;
            continue;
        };
        let start = lines[i];
        let end = (i + 1..lines.len())
            .find(|&j| heading(lines[j].text).is_some())
            .unwrap_or(lines.len());
        let block = &lines[i + 1..end];
        if !is_valid_slug(id) {
            problems.push(Problem::new(
                path,
                start.number,
                format!("invalid id `{id}`: use lowercase letters, digits and hyphens"),
            ));
        }
        if level == 1 {
            let body = join(block);
            if body.trim().is_empty() {
                problems.push(Problem::new(
                    path,
                    start.number,
                    "this scenario has no text: describe the case under its `#` line",
                ));
            }
            let html = markdown::render(path, lang, &body, start.number + 1, resolve, problems);
            scenario = Some(quiz.scenarios.len());
            quiz.scenarios.push(ParsedScenario {
                id: id.to_string(),
                line: start.number,
                html,
            });
        } else if let Some(question) = parse_question(
            path,
            lang,
            id,
            start.number,
            block,
            scenario,
            resolve,
            problems,
        ) {
            quiz.questions.push(question);
        }
        i = end;
    }
    for (index, s) in quiz.scenarios.iter().enumerate() {
        if !quiz.questions.iter().any(|q| q.scenario == Some(index)) {
            problems.push(Problem::new(
                path,
                s.line,
                "this scenario has no question: put `## question-id` lines under it",
            ));
        }
    }
    if quiz.questions.is_empty() && quiz.scenarios.is_empty() {
        problems.push(Problem::new(
            path,
            split.body_line,
            "this quiz has no question: start each question with a line `## question-id`",
        ));
    }
    Some(quiz)
}

/// `# id` → (1, id); `## id` → (2, id); anything else (including `###`) → None.
fn heading(line: &str) -> Option<(u8, &str)> {
    if let Some(rest) = line.strip_prefix("## ") {
        Some((2, rest.trim()))
    } else {
        line.strip_prefix("# ").map(|rest| (1, rest.trim()))
    }
}

fn join(lines: &[Line]) -> String {
    let mut text = String::new();
    for line in lines {
        text.push_str(line.text);
        text.push('\n');
    }
    text
}

/// `- [x] text` → (true, text); `- [ ] text` → (false, text).
fn option_line(line: &str) -> Option<(bool, &str)> {
    let rest = line
        .strip_prefix("- [")
        .or_else(|| line.strip_prefix("* ["))?;
    let (mark, text) = rest.split_at_checked(2)?;
    let right = match mark {
        "x]" | "X]" => true,
        " ]" => false,
        _ => return None,
    };
    Some((right, text.trim()))
}

const KEYS: [&str; 3] = ["objective", "type", "source"];

fn meta_line(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    KEYS.contains(&key).then(|| (key, value.trim()))
}

#[allow(clippy::too_many_arguments)]
fn parse_question(
    path: &Path,
    lang: &str,
    id: &str,
    line: usize,
    block: &[Line],
    scenario: Option<usize>,
    resolve: &mut dyn FnMut(Reference, &str) -> Resolved,
    problems: &mut Vec<Problem>,
) -> Option<ParsedQuestion> {
    let before = problems.len();
    let problem = |at: usize, message: String| Problem::new(path, at, message);
    let mut objective = None;
    let mut kind_code: Option<(&str, usize)> = None;
    let mut source = None;
    let mut i = 0;
    while i < block.len() {
        let Some((key, value)) = meta_line(block[i].text) else {
            break;
        };
        match key {
            "objective" => objective = Some(value.to_string()),
            "type" => kind_code = Some((value, block[i].number)),
            _ => source = Some(value.to_string()),
        }
        i += 1;
    }
    // The question text runs to the first option.
    let stem_start = i;
    while i < block.len() && option_line(block[i].text).is_none() {
        i += 1;
    }
    let stem_lines = &block[stem_start..i];
    // Options, each with its continuation and feedback lines.
    struct Draft {
        right: bool,
        line: usize,
        text: String,
        feedback: String,
        feedback_line: usize,
    }
    let mut drafts: Vec<Draft> = Vec::new();
    while i < block.len() {
        let text = block[i].text;
        if let Some((right, label)) = option_line(text) {
            drafts.push(Draft {
                right,
                line: block[i].number,
                text: label.to_string(),
                feedback: String::new(),
                feedback_line: block[i].number,
            });
        } else if text.trim().is_empty() {
            // Blank lines may separate options.
        } else if text.starts_with([' ', '\t']) {
            let draft = drafts.last_mut().expect("options started");
            let inner = text.trim_start();
            if let Some(feedback) = inner.strip_prefix('>') {
                if draft.feedback.is_empty() {
                    draft.feedback_line = block[i].number;
                }
                draft
                    .feedback
                    .push_str(feedback.strip_prefix(' ').unwrap_or(feedback));
                draft.feedback.push('\n');
            } else {
                draft.text.push(' ');
                draft.text.push_str(inner);
            }
        } else {
            break;
        }
        i += 1;
    }
    let explanation_lines = &block[i..];

    let objective = objective.filter(|o| !o.is_empty());
    if objective.is_none() {
        problems.push(problem(
            line,
            "missing objective: add a line `objective: <id>` under the question's `##` line".into(),
        ));
    }
    let source = source.filter(|s| !s.is_empty());
    if source.is_none() {
        problems.push(problem(
            line,
            "missing source: add a line `source: <text and article>` under the question's `##` line"
                .into(),
        ));
    }
    if join(stem_lines).trim().is_empty() {
        problems.push(problem(line, "the question has no text".into()));
    }
    let right_count = drafts.iter().filter(|d| d.right).count();
    let kind = match kind_code {
        None if right_count > 1 => QuestionType::Multiple,
        None | Some(("single", _)) => QuestionType::Single,
        Some(("multiple", _)) => QuestionType::Multiple,
        Some(("true-false", _)) => QuestionType::TrueFalse,
        Some((other, at)) => {
            problems.push(problem(
                at,
                format!("unknown question type `{other}`: use single, multiple or true-false"),
            ));
            QuestionType::Single
        }
    };
    if drafts.len() < 2 {
        problems.push(problem(
            line,
            "a question needs at least two options, each on a line `- [ ] …` or `- [x] …`".into(),
        ));
    } else if right_count == 0 {
        problems.push(problem(
            line,
            "question without a right answer: mark the right option `- [x]`".into(),
        ));
    } else if kind == QuestionType::Single && right_count > 1 {
        problems.push(problem(
            line,
            "a single-answer question has one right option: mark only one `- [x]`, or add `type: multiple`"
                .into(),
        ));
    } else if kind == QuestionType::TrueFalse && (drafts.len() != 2 || right_count != 1) {
        problems.push(problem(
            line,
            "a true-false question has exactly two options, one marked `- [x]`".into(),
        ));
    }
    if drafts.iter().any(|d| d.text.is_empty()) {
        let at = drafts
            .iter()
            .find(|d| d.text.is_empty())
            .map_or(line, |d| d.line);
        problems.push(problem(at, "an option has no text".into()));
    }
    if join(explanation_lines).trim().is_empty() {
        problems.push(problem(
            line,
            "missing explanation: write it after the options".into(),
        ));
    }

    let stem = markdown::render(
        path,
        lang,
        &join(stem_lines),
        stem_lines.first().map_or(line, |l| l.number),
        resolve,
        problems,
    );
    let explanation = markdown::render(
        path,
        lang,
        &join(explanation_lines),
        explanation_lines.first().map_or(line, |l| l.number),
        resolve,
        problems,
    );
    let options = drafts
        .iter()
        .map(|d| Choice {
            html: inline(&markdown::render(
                path, lang, &d.text, d.line, resolve, problems,
            )),
            text: markdown::plain_text(&d.text),
            feedback: (!d.feedback.trim().is_empty()).then(|| {
                markdown::render(path, lang, &d.feedback, d.feedback_line, resolve, problems)
            }),
        })
        .collect();
    if problems.len() > before {
        return None;
    }
    Some(ParsedQuestion {
        id: id.to_string(),
        line,
        objective: objective?,
        kind,
        scenario,
        correct: drafts.iter().map(|d| d.right).collect(),
        option_lines: drafts.iter().map(|d| d.line).collect(),
        text: QuestionText {
            stem_text: markdown::plain_text(&join(stem_lines)),
            stem,
            options,
            explanation,
            source: source?,
        },
    })
}

/// An option's label is one paragraph: drop the `<p>` around it so it sits in a `<label>`.
fn inline(html: &str) -> String {
    let trimmed = html.trim();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|rest| rest.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => trimmed.to_string(),
    }
}

//! Trainers' recordings beside the lessons, in each module's `recordings/` folder:
//!
//! - `<lesson>.<language>.<part>.<ogg|opus|mp3|wav>`, where `<part>` is `all` (the whole
//!   lesson) or a section's number (`1` is the lesson's first `##` heading);
//! - `<quiz|pretest>.<language>.<question id>.<ext>`: a quiz question read with its options
//!   and their letters, as written. Only for a quiz whose `order` is `fixed`: shuffled, the
//!   options and their letters change at each attempt and the recording would not match
//!   (the generated voice reads each order as shown);
//! - beside each, `<name>.hash`: the SHA-256 of the text it says, written by
//!   `server content stamp` once a trainer has listened to it.
//!
//! A recording in a course language replaces the generated voice for that part. One in
//! another language (Bambara: `bm`) is offered beside the lesson's French text ("Écouter en
//! bambara"), and its hash is of the French text. Only recordings whose file is sound, whose
//! section exists and whose hash matches the text today are played: anything else is a
//! problem for `server content check` (`path:line: message`) and a warning at start, and the
//! generated voice plays instead. Nothing stale is ever played.

use std::path::{Path, PathBuf};

use catalog::quiz::Order;
use catalog::{Catalog, Module, Problem, QuizKind};
use sha2::{Digest, Sha256};

/// The folder of a module that holds its recordings.
pub const FOLDER: &str = "recordings";

/// The files taken, by extension (the format itself is told by the first bytes).
const EXTENSIONS: [&str; 4] = ["ogg", "opus", "mp3", "wav"];

/// What a recording says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The whole lesson.
    Whole,
    /// The lesson's `n`-th `##` section, from 1.
    Section(usize),
    /// The question at this index of the quiz or pre-test, with its options as written.
    Question(QuizKind, usize),
}

/// A recording that may be played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recording {
    pub module: String,
    /// The lesson's slug; for a question, its id.
    pub lesson: String,
    pub lang: String,
    pub part: Part,
    pub path: PathBuf,
}

/// The course's recordings: those that may be played, and what is wrong with the others.
#[derive(Debug, Default)]
pub struct Found {
    pub usable: Vec<Recording>,
    pub problems: Vec<Problem>,
}

/// One file of a `recordings/` folder, understood from its name.
struct Candidate {
    /// The lesson's slug, or the question's id.
    of: String,
    lang: String,
    part: Part,
    path: PathBuf,
    /// The text it should say, and where that text starts (for messages).
    text: String,
    text_at: (PathBuf, usize),
}

/// Every recording of `catalog`, checked.
pub fn scan(catalog: &Catalog) -> Found {
    let mut found = Found::default();
    for module in catalog.modules() {
        for candidate in candidates(catalog, module, &mut found.problems) {
            match check(&candidate) {
                Ok(()) => found.usable.push(Recording {
                    module: module.slug.clone(),
                    lesson: candidate.of,
                    lang: candidate.lang,
                    part: candidate.part,
                    path: candidate.path,
                }),
                Err(problem) => found.problems.push(problem),
            }
        }
    }
    found
}

/// `server content stamp`: writes the hash of the text it says beside each recording that
/// has none yet, or beside each of `only` (to accept a recording again after a change that
/// does not alter what it says). Returns the hash files written.
pub fn stamp(catalog: &Catalog, only: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    let mut ignored = Vec::new();
    let wanted = |path: &Path| {
        only.iter()
            .any(|o| o.canonicalize().ok() == path.canonicalize().ok())
    };
    for module in catalog.modules() {
        for candidate in candidates(catalog, module, &mut ignored) {
            let hash_file = hash_path(&candidate.path);
            let chosen = if only.is_empty() {
                !hash_file.exists()
            } else {
                wanted(&candidate.path)
            };
            if chosen && sniff(&candidate.path).is_ok() {
                std::fs::write(&hash_file, format!("{}\n", text_hash(&candidate.text)))?;
                written.push(hash_file);
            }
        }
    }
    Ok(written)
}

/// The hash file beside a recording: `x.fr.2.mp3` → `x.fr.2.hash`.
fn hash_path(recording: &Path) -> PathBuf {
    recording.with_extension("hash")
}

fn text_hash(text: &str) -> String {
    hex::encode(Sha256::digest(text.trim().as_bytes()))
}

/// The recordings of `module` whose name names an existing part of a lesson; the others are
/// reported in `problems`.
fn candidates(catalog: &Catalog, module: &Module, problems: &mut Vec<Problem>) -> Vec<Candidate> {
    let dir = module.dir.join(FOLDER);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.starts_with('.')
            || name.ends_with(".hash")
            || name.eq_ignore_ascii_case("README.md")
        {
            continue;
        }
        match candidate(catalog, module, &path, name) {
            Ok(candidate) => out.push(candidate),
            Err(message) => problems.push(Problem::new(&path, 1, message)),
        }
    }
    out
}

fn candidate(
    catalog: &Catalog,
    module: &Module,
    path: &Path,
    name: &str,
) -> Result<Candidate, String> {
    const NAMING: &str = "a recording is named <lesson>.<language>.<all or section number>.\
                          <ogg, opus, mp3 or wav>, e.g. 01-intro.fr.2.mp3, or \
                          quiz.<language>.<question id>.<…> (content/README.md)";
    let parts: Vec<&str> = name.split('.').collect();
    let [lesson, lang, part, extension] = parts[..] else {
        return Err(NAMING.to_string());
    };
    if !EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str()) {
        return Err(format!(
            "`.{extension}` is not taken: send an MP3, a WAV or a WhatsApp voice message \
             (.ogg, .opus); {NAMING}"
        ));
    }
    let valid_lang = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
    if !valid_lang {
        return Err(format!(
            "`{lang}` is not a language code (two or three small letters: fr, en, bm); {NAMING}"
        ));
    }
    if let Some(kind) = QuizKind::parse(lesson) {
        return question(catalog, module, kind, lang, part, path);
    }
    module
        .lesson(lesson)
        .ok_or_else(|| format!("this module has no lesson `{lesson}`"))?;
    let part = match part {
        "all" => Part::Whole,
        n => match n.parse::<usize>() {
            Ok(n) if n >= 1 => Part::Section(n),
            _ => {
                return Err(format!(
                    "`{part}` is neither `all` nor a section number; {NAMING}"
                ));
            }
        },
    };
    // A language the course is not written in says the first language's text.
    let text_lang = if catalog.languages().iter().any(|l| l == lang) {
        lang
    } else {
        catalog.languages()[0].as_str()
    };
    let markdown_path = module.dir.join(format!("{lesson}.{text_lang}.md"));
    let markdown = std::fs::read_to_string(&markdown_path).map_err(|e| {
        format!(
            "cannot read the lesson's text {}: {e}",
            markdown_path.display()
        )
    })?;
    let sections: Vec<speech::Section> = speech::sections(&markdown, text_lang)
        .into_iter()
        .filter(|s| s.title.is_some())
        .collect();
    let (text, line) = match part {
        Part::Whole => {
            let all = speech::sections(&markdown, text_lang);
            let text = all.iter().map(|s| s.text.as_str()).collect::<Vec<_>>();
            (text.join("\n"), 1)
        }
        Part::Section(n) => {
            let Some(section) = sections.get(n - 1) else {
                return Err(format!(
                    "section {n} does not exist: the lesson `{lesson}` has {} `##` section(s)",
                    sections.len()
                ));
            };
            (section.text.clone(), heading_line(&markdown, n))
        }
        Part::Question(..) => unreachable!("a question's recording is read by `question`"),
    };
    Ok(Candidate {
        of: lesson.to_string(),
        lang: lang.to_string(),
        part,
        path: path.to_path_buf(),
        text,
        text_at: (markdown_path, line),
    })
}

/// A recording of question `id` of the module's `kind` (quiz or pre-test) in `lang`: what it
/// says is the question and its options, each after its letter, as the file writes them.
fn question(
    catalog: &Catalog,
    module: &Module,
    kind: QuizKind,
    lang: &str,
    id: &str,
    path: &Path,
) -> Result<Candidate, String> {
    let quiz = module
        .quiz_of(kind)
        .ok_or_else(|| format!("this module has no {}", kind.code()))?;
    if !catalog.languages().iter().any(|l| l == lang) {
        return Err(format!(
            "a question is recorded in a language of the course ({}): the learner answers it \
             as it is written",
            catalog.languages().join(", ")
        ));
    }
    let index = quiz
        .questions
        .iter()
        .position(|q| q.id == id)
        .ok_or_else(|| format!("the {} has no question `{id}`", kind.code()))?;
    if module.settings.order != Order::Fixed {
        return Err(format!(
            "the {} shows its questions and options in a new order at each attempt (`order = \
             \"shuffled\"` in module.toml), so a recording that reads them as written would \
             not match what the learner sees: set `order = \"fixed\"` to use it (the \
             generated voice plays meanwhile)",
            kind.code()
        ));
    }
    let written = quiz.questions[index].texts.get(lang);
    let mut text = written.stem_text.clone();
    for (i, option) in written.options.iter().enumerate() {
        text.push_str(&format!(
            "\n{}. {}",
            catalog::quiz::option_letter(i),
            option.text
        ));
    }
    let quiz_path = module.dir.join(format!("{}.{lang}.md", kind.code()));
    let line = std::fs::read_to_string(&quiz_path)
        .ok()
        .and_then(|markdown| {
            markdown
                .lines()
                .position(|l| l.trim_end() == format!("## {id}"))
                .map(|i| i + 1)
        })
        .unwrap_or(1);
    Ok(Candidate {
        of: id.to_string(),
        lang: lang.to_string(),
        part: Part::Question(kind, index),
        path: path.to_path_buf(),
        text,
        text_at: (quiz_path, line),
    })
}

/// The line of the `n`-th `##` heading (from 1) in a lesson's Markdown.
fn heading_line(markdown: &str, n: usize) -> usize {
    markdown
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("## "))
        .nth(n - 1)
        .map_or(1, |(i, _)| i + 1)
}

/// Whether a candidate may be played: sound, stamped, and stamped for today's text.
fn check(candidate: &Candidate) -> Result<(), Problem> {
    let path = &candidate.path;
    sniff(path).map_err(|message| Problem::new(path, 1, message))?;
    let hash_file = hash_path(path);
    let Ok(stamped) = std::fs::read_to_string(&hash_file) else {
        return Err(Problem::new(
            path,
            1,
            "not stamped yet: listen to it, then run `server content stamp` to record which \
             text it says (until then the generated voice plays)",
        ));
    };
    if stamped.trim() != text_hash(&candidate.text) {
        let (text_path, line) = &candidate.text_at;
        let what = match candidate.part {
            Part::Whole => "the lesson".to_string(),
            Part::Section(n) => format!("section {n}"),
            Part::Question(..) => format!("question `{}`", candidate.of),
        };
        return Err(Problem::new(
            text_path,
            *line,
            format!(
                "{what} changed after {} was recorded: record it again (or, if it still says \
                 the same, run `server content stamp {}`); until then the generated voice plays",
                path.display(),
                path.display()
            ),
        ));
    }
    Ok(())
}

/// Whether the file at `path` is a recording the voice can convert, by its size and first
/// bytes.
fn sniff(path: &Path) -> Result<voice::Recorded, String> {
    use std::io::Read;

    let unreadable = |e: std::io::Error| format!("cannot be read: {e}");
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > voice::MAX_RECORDING_BYTES {
        return Err(format!(
            "{size} bytes: a recording takes at most {} MB (two minutes of a phone's \
             recording is far less)",
            voice::MAX_RECORDING_BYTES / 1024 / 1024
        ));
    }
    let mut head = Vec::with_capacity(voice::SNIFF_BYTES);
    std::fs::File::open(path)
        .map_err(unreadable)?
        .take(voice::SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(unreadable)?;
    voice::Recorded::sniff(&head).ok_or_else(|| {
        "cannot be read as sound: it is not an Ogg Opus, MP3 or WAV file (send an MP3, a WAV \
         or a WhatsApp voice message)"
            .to_string()
    })
}

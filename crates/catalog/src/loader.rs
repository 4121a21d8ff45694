//! Reads `content/` into a [`Catalog`], collecting every problem instead of stopping at the first.
//!
//! One file, on purpose: it is one pass over the content folder (modules, lessons, pages,
//! quizzes, links between them) whose steps share the problem list and the link table; the
//! pieces with a subject of their own already live apart (`front_matter`, `markdown`,
//! `advice`, `quiz::parse`, `quiz::check`).

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::advice;
use crate::front_matter::{self, LessonMeta, ModuleMeta};
use crate::markdown::{self, Reference, Resolved};
use crate::problem::{Problem, Problems, Warning, line_of_key};
use crate::quiz::check as quizzes;
use crate::quiz::{Objective, QuizKind, QuizSettings};
use crate::slug::is_valid_slug;
use crate::typography;
use crate::{Catalog, Lesson, LessonText, Module, ModuleText, Page, Translations};

const MODULE_FILE: &str = "module.toml";
/// The file name (before `.<lang>.md`) of a module's printable job aid.
pub const JOB_AID: &str = "job-aid";
/// The file name (before `.<lang>.md`) of a module's glossary.
pub const GLOSSARY: &str = "glossary";

/// Site addresses of the Markdown files a lesson may link to, by normalised path.
type Links = HashMap<PathBuf, String>;

/// A module folder after the first pass: its metadata and which lesson files exist.
struct Draft {
    dir: PathBuf,
    meta: ModuleMeta,
    /// Lesson name → language → file.
    lessons: BTreeMap<String, BTreeMap<String, PathBuf>>,
    /// `quiz.<lang>.md` and `pretest.<lang>.md`: kind → language → file.
    quizzes: BTreeMap<QuizKind, BTreeMap<String, PathBuf>>,
    /// `job-aid.<lang>.md`: language → file.
    job_aid: BTreeMap<String, PathBuf>,
    /// `glossary.<lang>.md`: language → file.
    glossary: BTreeMap<String, PathBuf>,
}

/// What a module folder holds besides `module.toml`, by kind of file.
#[derive(Default)]
struct Files {
    lessons: BTreeMap<String, ByLanguage>,
    quizzes: BTreeMap<QuizKind, ByLanguage>,
    job_aid: ByLanguage,
    glossary: ByLanguage,
}

/// Loads every module under `root`. `languages` lists the languages each module and lesson
/// must be written in, the default first.
pub fn load(root: &Path, languages: &[String]) -> Result<Catalog, Problems> {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut drafts = Vec::new();
    match module_dirs(root) {
        Ok(dirs) => {
            for dir in dirs {
                if let Some(draft) = read_module(&dir, languages, &mut problems) {
                    drafts.push(draft);
                }
            }
        }
        Err(e) => problems.push(Problem::new(
            root,
            1,
            format!("cannot read the content folder: {e}"),
        )),
    }
    check_unique_slugs(&drafts, &mut problems);
    let links = links(&drafts);
    let mut modules: Vec<Module> = drafts
        .into_iter()
        .filter_map(|draft| {
            build_module(root, draft, languages, &links, &mut problems, &mut warnings)
        })
        .collect();
    modules.sort_by(|a, b| (a.order, &a.slug).cmp(&(b.order, &b.slug)));
    if problems.is_empty() {
        Ok(Catalog {
            languages: languages.to_vec(),
            modules,
            warnings,
        })
    } else {
        Err(Problems(problems))
    }
}

/// Where each lesson, job aid and glossary file is shown on the site.
fn links(drafts: &[Draft]) -> Links {
    let mut links = Links::new();
    for draft in drafts {
        let slug = &draft.meta.slug;
        for (name, files) in &draft.lessons {
            for path in files.values() {
                links.insert(normalise(path), format!("/modules/{slug}/{name}"));
            }
        }
        for path in draft.job_aid.values() {
            links.insert(normalise(path), format!("/job-aid/{slug}"));
        }
        for path in draft.glossary.values() {
            links.insert(normalise(path), format!("/glossary/{slug}"));
        }
    }
    links
}

/// Module folders in name order; folders starting with `.` or `_` are ignored.
fn module_dirs(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut dirs = Vec::new();
    for entry in fs::read_dir(root)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if entry.file_type()?.is_dir() && !name.starts_with('.') && !name.starts_with('_') {
            dirs.push(entry.path());
        }
    }
    dirs.sort();
    Ok(dirs)
}

fn read_module(dir: &Path, languages: &[String], problems: &mut Vec<Problem>) -> Option<Draft> {
    let toml_path = dir.join(MODULE_FILE);
    let meta = match fs::read_to_string(&toml_path) {
        Ok(text) => match front_matter::parse_toml::<ModuleMeta>(&toml_path, &text, 1) {
            Ok(meta) => {
                check_module_meta(&toml_path, &text, &meta, languages, problems);
                Some(meta)
            }
            Err(problem) => {
                problems.push(problem);
                None
            }
        },
        Err(_) => {
            problems.push(Problem::new(
                &toml_path,
                1,
                "missing module.toml: every module folder needs one",
            ));
            None
        }
    };
    let files = module_files(dir, languages, problems);
    if files.lessons.is_empty() {
        problems.push(Problem::new(&toml_path, 1, "this module has no lessons"));
    }
    meta.map(|meta| Draft {
        dir: dir.to_path_buf(),
        meta,
        lessons: files.lessons,
        quizzes: files.quizzes,
        job_aid: files.job_aid,
        glossary: files.glossary,
    })
}

fn check_module_meta(
    path: &Path,
    text: &str,
    meta: &ModuleMeta,
    languages: &[String],
    problems: &mut Vec<Problem>,
) {
    if !is_valid_slug(&meta.slug) {
        problems.push(Problem::new(
            path,
            line_of_key(text, "slug"),
            format!(
                "invalid slug `{}`: use lowercase letters, digits and hyphens",
                meta.slug
            ),
        ));
    }
    if meta.pass_mark.is_some_and(|mark| mark > 100) {
        problems.push(Problem::new(
            path,
            line_of_key(text, "pass_mark"),
            "pass_mark must be between 0 and 100",
        ));
    }
    for (id, texts) in &meta.objectives {
        let line = line_of_key(text, id);
        if !is_valid_slug(id) {
            problems.push(Problem::new(
                path,
                line,
                format!("invalid objective id `{id}`: use lowercase letters, digits and hyphens"),
            ));
        }
        for lang in languages {
            if texts.get(lang).is_none_or(|t| t.trim().is_empty()) {
                problems.push(Problem::new(
                    path,
                    line,
                    format!("missing translation: objectives.{id}.{lang}"),
                ));
            }
        }
        for lang in texts.keys().filter(|l| !languages.contains(l)) {
            problems.push(Problem::new(path, line, unknown_language(lang, languages)));
        }
    }
    if meta.quiz.draw == Some(0) {
        problems.push(Problem::new(
            path,
            line_of_key(text, "draw"),
            "draw must be at least 1 (or leave it out to ask every question)",
        ));
    }
    if meta.quiz.attempts == Some(0) {
        problems.push(Problem::new(
            path,
            line_of_key(text, "attempts"),
            "attempts must be at least 1 (or leave it out for no limit)",
        ));
    }
    for (field, texts) in [("title", &meta.title), ("summary", &meta.summary)] {
        for lang in languages {
            if texts.get(lang).is_none_or(|t| t.trim().is_empty()) {
                problems.push(Problem::new(
                    path,
                    line_of_table(text, field),
                    format!("missing translation: {field}.{lang}"),
                ));
            }
        }
        for lang in texts.keys().filter(|l| !languages.contains(l)) {
            problems.push(Problem::new(
                path,
                line_of_table(text, field),
                unknown_language(lang, languages),
            ));
        }
    }
}

/// The line of `[table]` or of `table = …`.
fn line_of_table(text: &str, table: &str) -> usize {
    let header = format!("[{table}]");
    text.lines()
        .position(|l| l.trim() == header)
        .map_or_else(|| line_of_key(text, table), |i| i + 1)
}

fn unknown_language(lang: &str, languages: &[String]) -> String {
    format!(
        "unknown language `{lang}` (the platform's languages are: {})",
        languages.join(", ")
    )
}

/// Lesson files by lesson name and language: `01-intro.fr.md` is lesson `01-intro` in French.
type ByLanguage = BTreeMap<String, PathBuf>;

fn module_files(dir: &Path, languages: &[String], problems: &mut Vec<Problem>) -> Files {
    let mut files = Files::default();
    let Ok(entries) = fs::read_dir(dir) else {
        problems.push(Problem::new(dir, 1, "cannot read this module folder"));
        return files;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name.strip_suffix(".md") else {
            continue;
        };
        let Some((lesson, lang)) = stem.rsplit_once('.') else {
            problems.push(Problem::new(
                &path,
                1,
                "lesson file names end in the language: 01-intro.fr.md",
            ));
            continue;
        };
        if !languages.iter().any(|l| l == lang) {
            problems.push(Problem::new(&path, 1, unknown_language(lang, languages)));
            continue;
        }
        if let Some(kind) = QuizKind::parse(lesson) {
            files
                .quizzes
                .entry(kind)
                .or_default()
                .insert(lang.to_string(), path);
            continue;
        }
        if lesson == JOB_AID {
            files.job_aid.insert(lang.to_string(), path);
            continue;
        }
        if lesson == GLOSSARY {
            files.glossary.insert(lang.to_string(), path);
            continue;
        }
        let numbered = lesson
            .split_once('-')
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if !numbered || !is_valid_slug(lesson) {
            problems.push(Problem::new(
                &path,
                1,
                "lesson file names start with their number and use lowercase letters, digits and hyphens: 01-intro.fr.md",
            ));
            continue;
        }
        files
            .lessons
            .entry(lesson.to_string())
            .or_default()
            .insert(lang.to_string(), path);
    }
    files
}

fn check_unique_slugs(drafts: &[Draft], problems: &mut Vec<Problem>) {
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    for draft in drafts {
        if let Some(first) = seen.insert(&draft.meta.slug, &draft.dir) {
            let path = draft.dir.join(MODULE_FILE);
            let line = fs::read_to_string(&path).map_or(1, |t| line_of_key(&t, "slug"));
            problems.push(Problem::new(
                &path,
                line,
                format!(
                    "duplicate slug `{}`: already used by {}",
                    draft.meta.slug,
                    first.display()
                ),
            ));
        }
    }
}

fn build_module(
    root: &Path,
    draft: Draft,
    languages: &[String],
    links: &Links,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Warning>,
) -> Option<Module> {
    let Draft {
        dir,
        meta,
        lessons: files,
        quizzes: quiz_files,
        job_aid: job_aid_files,
        glossary: glossary_files,
    } = draft;
    let known_objectives: Vec<&str> = meta.objectives.keys().map(String::as_str).collect();
    let mut references = References {
        root,
        dir: &dir,
        slug: &meta.slug,
        links,
        assets: BTreeMap::new(),
    };
    let mut lessons = Vec::new();
    let mut names: Vec<&String> = files.keys().collect();
    names.sort_by_key(|name| (lesson_number(name), name.to_string()));
    for name in names {
        let by_lang = &files[name];
        for lang in languages.iter().filter(|l| !by_lang.contains_key(*l)) {
            let (_, present) = by_lang
                .iter()
                .next()
                .expect("a lesson name comes from at least one file");
            problems.push(Problem::new(
                present,
                1,
                format!("missing translation: no {name}.{lang}.md beside this file"),
            ));
        }
        let mut texts = BTreeMap::new();
        let mut objectives: Option<Vec<String>> = None;
        // The default language first: the others must list the same objectives.
        for lang in languages {
            let Some(path) = by_lang.get(lang) else {
                continue;
            };
            let mut resolve = |kind: Reference, dest: &str| references.resolve(kind, dest);
            if let Some(read) = read_lesson(path, lang, &mut resolve, problems) {
                check_lesson_objectives(
                    path,
                    &read.objectives,
                    &known_objectives,
                    &objectives,
                    problems,
                );
                advise_on_lesson(path, &read, warnings);
                objectives.get_or_insert(read.objectives);
                texts.insert(lang.clone(), read.text);
            }
        }
        // No text in any language: each file's problem is already reported.
        if let Some(texts) = Translations::in_order(texts, languages) {
            lessons.push(Lesson {
                slug: name.clone(),
                objectives: objectives.unwrap_or_default(),
                texts,
            });
        }
    }
    let mut pages =
        [(JOB_AID, &job_aid_files), (GLOSSARY, &glossary_files)].map(|(kind, files)| {
            let mut resolve = |kind: Reference, dest: &str| references.resolve(kind, dest);
            build_page(kind, files, languages, &mut resolve, problems)
        });
    let glossary = pages[1].take();
    let job_aid = pages[0].take();
    let objectives: Vec<Objective> = meta
        .objectives
        .iter()
        .filter_map(|(id, texts)| {
            let typeset = texts
                .iter()
                .map(|(lang, text)| (lang.clone(), typeset(lang, text.trim())))
                .collect();
            // An objective with no wording has been reported by `check_module_meta`.
            Some(Objective {
                id: id.clone(),
                texts: Translations::in_order(typeset, languages)?,
            })
        })
        .collect();
    let mut quizzes = BTreeMap::new();
    for (kind, by_lang) in &quiz_files {
        let mut resolve = |kind: Reference, dest: &str| references.resolve(kind, dest);
        if let Some(quiz) = quizzes::build(
            *kind,
            by_lang,
            languages,
            &objectives,
            &mut resolve,
            problems,
            warnings,
        ) {
            quizzes.insert(*kind, quiz);
        }
    }
    let toml_path = dir.join(MODULE_FILE);
    let toml_text = fs::read_to_string(&toml_path).unwrap_or_default();
    quizzes::check_module(
        &toml_path,
        &toml_text,
        &meta,
        &quiz_files,
        &quizzes,
        problems,
    );
    let settings = QuizSettings {
        pass_mark: meta.pass_mark.unwrap_or(QuizSettings::default().pass_mark),
        draw: meta.quiz.draw,
        attempts: meta.quiz.attempts,
        wait_minutes: meta.quiz.wait_minutes,
        order: meta.quiz.order,
        show_answers: meta.quiz.show_answers,
    };
    let texts = languages
        .iter()
        .filter_map(|lang| {
            let title = typeset(lang, meta.title.get(lang)?.trim());
            let summary = typeset(lang, meta.summary.get(lang)?.trim());
            Some((lang.clone(), ModuleText { title, summary }))
        })
        .collect();
    let Some(texts) = Translations::in_order(texts, languages) else {
        // `check_module_meta` has reported the missing title and summary.
        return None;
    };
    let assets = references.assets;
    Some(Module {
        slug: meta.slug,
        dir,
        order: meta.order,
        minutes: meta.minutes,
        settings,
        objectives,
        quiz: quizzes.remove(&QuizKind::Quiz),
        pretest: quizzes.remove(&QuizKind::Pretest),
        texts,
        lessons,
        job_aid,
        glossary,
        assets,
    })
}

/// A title or a short text in `lang`, with French spacing when it is French.
pub(crate) fn typeset(lang: &str, text: &str) -> String {
    if typography::is_french(lang) {
        typography::french_spaces(text).into_owned()
    } else {
        text.to_string()
    }
}

/// Warns about a lesson too long to read in five minutes on a phone, or an acronym the
/// learner meets before its words.
fn advise_on_lesson(path: &Path, read: &Read, warnings: &mut Vec<Warning>) {
    let words = advice::word_count(&read.body);
    if words > advice::LESSON_MAX_WORDS {
        warnings.push(Warning::new(
            path,
            read.body_line,
            format!(
                "this lesson has {words} words of text, more than {}: cut it, or split it into two lessons",
                advice::LESSON_MAX_WORDS
            ),
        ));
    }
    for found in advice::unexplained_acronyms(&read.body) {
        warnings.push(Warning::new(
            path,
            read.body_line + found.line - 1,
            format!(
                "acronym `{}` is not spelled out in this lesson: write its words the first time, then the acronym in brackets",
                found.acronym
            ),
        ));
    }
}

/// Reads `<kind>.<lang>.md` (the job aid or the glossary) in every language; `None` when
/// the module has none.
fn build_page(
    kind: &str,
    files: &ByLanguage,
    languages: &[String],
    resolve: &mut dyn FnMut(Reference, &str) -> Resolved,
    problems: &mut Vec<Problem>,
) -> Option<Page> {
    let (_, present) = files.iter().next()?;
    for lang in languages.iter().filter(|l| !files.contains_key(*l)) {
        problems.push(Problem::new(
            present,
            1,
            format!("missing translation: no {kind}.{lang}.md beside this file"),
        ));
    }
    let what = if kind == JOB_AID {
        "a job aid"
    } else {
        "a glossary"
    };
    let mut texts = BTreeMap::new();
    for (lang, path) in files {
        if let Some(read) = read_lesson(path, lang, resolve, problems) {
            if !read.objectives.is_empty() {
                problems.push(Problem::new(
                    path,
                    2,
                    format!("{what} has no objectives: remove the `objectives` line"),
                ));
            }
            texts.insert(lang.clone(), read.text);
        }
    }
    Translations::in_order(texts, languages).map(|texts| Page { texts })
}

/// A lesson's `objectives` name objectives of the module, and the same in every language.
fn check_lesson_objectives(
    path: &Path,
    ids: &[String],
    known: &[&str],
    reference: &Option<Vec<String>>,
    problems: &mut Vec<Problem>,
) {
    let line = fs::read_to_string(path).map_or(2, |t| line_of_key(&t, "objectives"));
    for id in ids.iter().filter(|id| !known.contains(&id.as_str())) {
        problems.push(Problem::new(
            path,
            line,
            format!("unknown objective `{id}`: declare it in module.toml under [objectives]"),
        ));
    }
    if let Some(reference) = reference
        && reference != ids
    {
        problems.push(Problem::new(
            path,
            line,
            format!(
                "the objectives differ between languages: expected [{}]",
                reference.join(", ")
            ),
        ));
    }
}

fn lesson_number(name: &str) -> u64 {
    name.split('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(u64::MAX)
}

/// One lesson (or job aid, or glossary) file as read.
struct Read {
    text: LessonText,
    /// The objective ids its front matter lists.
    objectives: Vec<String>,
    /// The Markdown body and the file line it starts on, for the advice.
    body: String,
    body_line: usize,
}

fn read_lesson(
    path: &Path,
    lang: &str,
    resolve: &mut dyn FnMut(Reference, &str) -> Resolved,
    problems: &mut Vec<Problem>,
) -> Option<Read> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            problems.push(Problem::new(
                path,
                1,
                format!("cannot read this file as UTF-8 text: {e}"),
            ));
            return None;
        }
    };
    let split = front_matter::split(path, &text)
        .map_err(|p| problems.push(p))
        .ok()?;
    let meta: LessonMeta = front_matter::parse_toml(path, split.meta, 2)
        .map_err(|p| problems.push(p))
        .ok()?;
    if meta.title.trim().is_empty() {
        problems.push(Problem::new(path, 2, "the lesson needs a title"));
    }
    let html = markdown::render(path, lang, split.body, split.body_line, resolve, problems);
    Some(Read {
        text: LessonText {
            title: typeset(lang, meta.title.trim()),
            html,
            sources: meta.sources,
        },
        objectives: meta.objectives,
        body: split.body.to_string(),
        body_line: split.body_line,
    })
}

/// What a module's links and images are checked against while it is built, and the files
/// they reference (served under `/media/<slug>/`).
struct References<'a> {
    root: &'a Path,
    /// The module's folder.
    dir: &'a Path,
    slug: &'a str,
    links: &'a Links,
    assets: BTreeMap<String, PathBuf>,
}

impl References<'_> {
    /// Decides what a link or image in one of the module's files becomes.
    fn resolve(&mut self, kind: Reference, dest: &str) -> Resolved {
        resolve_reference(self, kind, dest)
    }
}

/// Decides what a link or image in one of the module's files becomes.
fn resolve_reference(references: &mut References<'_>, kind: Reference, dest: &str) -> Resolved {
    let (root, dir, slug, links) = (
        references.root,
        references.dir,
        references.slug,
        references.links,
    );
    let assets = &mut references.assets;
    if dest.is_empty() {
        return Resolved::Broken("empty link".into());
    }
    if dest.starts_with('#') || dest.starts_with('/') || has_scheme(dest) {
        return Resolved::Keep;
    }
    let (file, fragment) = match dest.find(['#', '?']) {
        Some(i) => dest.split_at(i),
        None => (dest, ""),
    };
    let target = normalise(&dir.join(file));
    let missing = |what: &str| Resolved::Broken(format!("{what}: `{dest}` does not exist"));
    if !target.starts_with(normalise(root)) {
        return Resolved::Broken(format!(
            "broken link: `{dest}` points outside the content folder"
        ));
    }
    if file.ends_with(".md") {
        return match links.get(&target) {
            Some(href) => Resolved::Rewrite(format!("{href}{fragment}")),
            None => missing("broken link"),
        };
    }
    if !target.is_file() {
        return missing(if kind == Reference::Image {
            "missing image"
        } else {
            "broken link"
        });
    }
    match target.strip_prefix(normalise(dir)) {
        Ok(relative) => {
            let relative = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let url = format!("/media/{slug}/{relative}");
            assets.insert(relative, target);
            Resolved::Rewrite(url)
        }
        Err(_) => Resolved::Broken(format!(
            "`{dest}` is outside this module's folder: put the file beside the lesson"
        )),
    }
}

/// `https:`, `mailto:` and the like: a letter, then letters, digits, `+`, `-` or `.`, then `:`.
fn has_scheme(dest: &str) -> bool {
    let Some((scheme, _)) = dest.split_once(':') else {
        return false;
    };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Resolves `.` and `..` without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

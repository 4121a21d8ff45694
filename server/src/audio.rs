//! Lesson audio: what the voice says for each section of each lesson, in each language, and
//! making those clips (`server audio generate`), and serving them (`/audio/<key>.opus`).
//!
//! The text comes from the lesson's own Markdown file (`speech` prepares it for espeak-ng,
//! with the acronyms the lesson and its module's glossary define); the clips are made and
//! cached by `voice`, keyed by a hash of that text, so a corrected sentence gets new audio.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use app::routes::audio_href;
use axum::body::Body;
use axum::extract::{Path as UrlPath, Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use catalog::quiz::option_letter;
use catalog::{Catalog, GLOSSARY, Module, QuizKind};

use crate::recordings::Part;
use tower::ServiceExt;
use tower_http::services::ServeFile;

/// One clip to make: a section of a lesson in one language, as the voice will say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spoken {
    pub module: String,
    pub lesson: String,
    pub lang: String,
    /// 0 for the lesson's opening (before its first `##`), then one per section.
    pub section: usize,
    pub title: Option<String>,
    /// The prepared text, what the voice reads.
    pub text: String,
}

/// Every section of every lesson of `catalog`, in every language, in course order.
pub fn lesson_sections(catalog: &Catalog) -> anyhow::Result<Vec<Spoken>> {
    let mut spoken = Vec::new();
    for module in catalog.modules() {
        for lang in catalog.languages() {
            let module_glossary = module_glossary(module, lang)?;
            for lesson in &module.lessons {
                let path = module.dir.join(format!("{}.{lang}.md", lesson.slug));
                let markdown = std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let mut glossary = speech::Glossary::from_markdown(&markdown);
                glossary.merge(&module_glossary);
                for (section, part) in speech::sections(&markdown, lang).into_iter().enumerate() {
                    spoken.push(Spoken {
                        module: module.slug.clone(),
                        lesson: lesson.slug.clone(),
                        lang: lang.clone(),
                        section,
                        title: part.title,
                        text: speech::prepare(&part.text, lang, &glossary),
                    });
                }
            }
        }
    }
    Ok(spoken)
}

/// Every clip a lesson page offers, in course order: for each lesson and language, the whole
/// lesson first (`section` 0, no title: its opening, then every section), then each `##`
/// section (1, 2, …). The opening alone has no clip of its own: it is often the title only.
pub fn lesson_clips(catalog: &Catalog) -> anyhow::Result<Vec<Spoken>> {
    let mut clips = Vec::new();
    let mut lesson: Vec<Spoken> = Vec::new();
    let same =
        |a: &Spoken, b: &Spoken| (&a.module, &a.lesson, &a.lang) == (&b.module, &b.lesson, &b.lang);
    let finish = |lesson: &mut Vec<Spoken>, clips: &mut Vec<Spoken>| {
        let Some(first) = lesson.first() else {
            return;
        };
        let whole = lesson
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        clips.push(Spoken {
            section: 0,
            title: None,
            text: whole,
            ..first.clone()
        });
        let sections = lesson.drain(..).filter(|p| p.title.is_some());
        clips.extend(sections.enumerate().map(|(i, part)| Spoken {
            section: i + 1,
            ..part
        }));
    };
    for part in lesson_sections(catalog)? {
        if lesson.last().is_some_and(|last| !same(last, &part)) {
            finish(&mut lesson, &mut clips);
        }
        lesson.push(part);
    }
    finish(&mut lesson, &mut clips);
    Ok(clips)
}

/// The acronyms the module's glossary page defines in `lang` (none when it has no glossary).
pub fn module_glossary(module: &Module, lang: &str) -> anyhow::Result<speech::Glossary> {
    if module.glossary.is_none() {
        return Ok(speech::Glossary::empty());
    }
    let path = module.dir.join(format!("{GLOSSARY}.{lang}.md"));
    let markdown = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(speech::Glossary::from_markdown(&markdown))
}

/// What making every clip of a course cost and weighs, per module and language. `parts` and
/// `lessons` count whole lessons (section 0 of [`lesson_clips`]), what a learner listens to;
/// any other clip counts in `sections`.
#[derive(Debug, Default)]
pub struct Figures {
    /// (module, language) → totals.
    pub parts: BTreeMap<(String, String), Totals>,
    /// (module, lesson, language) → totals, to tell what listening to one lesson downloads.
    pub lessons: BTreeMap<(String, String, String), Totals>,
    /// The `##` sections' clips, cut from the same text: what they add on disk.
    pub sections: Totals,
    pub elapsed: Duration,
    /// Clips actually made (the rest came from the cache).
    pub generated: u64,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Totals {
    pub clips: usize,
    pub words: usize,
    pub seconds: f64,
    pub opus_bytes: u64,
    pub mp3_bytes: u64,
}

impl Totals {
    fn add(&mut self, words: usize, clip: &voice::Clip) {
        self.clips += 1;
        self.words += words;
        self.seconds += f64::from(clip.seconds);
        self.opus_bytes += clip.opus_bytes;
        self.mp3_bytes += clip.mp3_bytes;
    }
}

/// Makes (or finds in the cache) the clip of every section in `spoken`, as many at once as
/// `voice` allows, and adds up what they weigh.
pub async fn generate(
    voice: &std::sync::Arc<voice::Voice>,
    spoken: &[Spoken],
) -> anyhow::Result<Figures> {
    let started = Instant::now();
    let before = voice.generated();
    let mut tasks = tokio::task::JoinSet::new();
    for (i, part) in spoken.iter().enumerate() {
        let voice = voice.clone();
        let (lang, text) = (part.lang.clone(), part.text.clone());
        tasks.spawn(async move { (i, voice.clip(&lang, &text).await) });
    }
    let mut clips = vec![None; spoken.len()];
    while let Some(done) = tasks.join_next().await {
        let (i, clip) = done.context("a clip task stopped")?;
        let part = &spoken[i];
        let clip = clip.with_context(|| {
            format!(
                "{}/{} section {} ({})",
                part.module, part.lesson, part.section, part.lang
            )
        })?;
        clips[i] = Some(clip);
    }
    let mut figures = Figures {
        elapsed: started.elapsed(),
        generated: voice.generated() - before,
        ..Default::default()
    };
    for (part, clip) in spoken.iter().zip(clips.iter().flatten()) {
        let words = speech::words(&part.text);
        if part.section != 0 {
            figures.sections.add(words, clip);
            continue;
        }
        figures
            .parts
            .entry((part.module.clone(), part.lang.clone()))
            .or_default()
            .add(words, clip);
        figures
            .lessons
            .entry((part.module.clone(), part.lesson.clone(), part.lang.clone()))
            .or_default()
            .add(words, clip);
    }
    Ok(figures)
}

/// `server audio generate`: makes every lesson's clips (whole and per section) into `cache`
/// and prints the figures.
pub async fn generate_command(content_dir: &Path, cache: &Path) -> anyhow::Result<()> {
    let catalog = crate::content::load(content_dir).map_err(|problems| {
        anyhow::anyhow!("the content has problems (run `server content check`):\n{problems}")
    })?;
    let spoken = lesson_clips(&catalog)?;
    let voice = std::sync::Arc::new(
        voice::Voice::detect(cache.to_path_buf(), voice::Settings::default()).await?,
    );
    let figures = generate(&voice, &spoken).await?;
    println!("engine: {}", voice.engine());
    println!(
        "{:<28} {:>4} {:>6} {:>7} {:>9} {:>9} {:>6}",
        "module", "lang", "clips", "minutes", "Opus KB", "MP3 KB", "wpm"
    );
    let mut all = Totals::default();
    for ((module, lang), t) in &figures.parts {
        println!(
            "{module:<28} {lang:>4} {:>6} {:>7.1} {:>9.0} {:>9.0} {:>6.0}",
            t.clips,
            t.seconds / 60.0,
            t.opus_bytes as f64 / 1024.0,
            t.mp3_bytes as f64 / 1024.0,
            t.words as f64 / (t.seconds / 60.0).max(f64::EPSILON),
        );
        all.clips += t.clips;
        all.seconds += t.seconds;
        all.opus_bytes += t.opus_bytes;
        all.mp3_bytes += t.mp3_bytes;
    }
    println!(
        "whole course: {} clips, {:.1} min, Opus {:.1} MB, MP3 {:.1} MB",
        all.clips,
        all.seconds / 60.0,
        all.opus_bytes as f64 / 1e6,
        all.mp3_bytes as f64 / 1e6
    );
    let sections = &figures.sections;
    println!(
        "and each lesson cut at its sections: {} clips, {:.1} min, Opus {:.1} MB, MP3 {:.1} MB",
        sections.clips,
        sections.seconds / 60.0,
        sections.opus_bytes as f64 / 1e6,
        sections.mp3_bytes as f64 / 1e6
    );
    println!(
        "made {} clips in {:.1} s ({} from the cache)",
        figures.generated,
        figures.elapsed.as_secs_f64(),
        (all.clips + sections.clips) as u64 - figures.generated
    );
    // The first lesson of the course in its first language, as a learner would start.
    let first = spoken
        .first()
        .map(|s| (s.module.clone(), s.lesson.clone(), s.lang.clone()));
    if let Some(((module, lesson, lang), t)) =
        first.and_then(|key| figures.lessons.get_key_value(&key))
    {
        println!(
            "listening to one lesson ({module}/{lesson}, {lang}): {:.0} KB of Opus for {:.1} min, \
             its whole-lesson player (MP3 {:.0} KB)",
            t.opus_bytes as f64 / 1024.0,
            t.seconds / 60.0,
            t.mp3_bytes as f64 / 1024.0
        );
    }
    Ok(())
}

/// The clips the platform may serve, by key: every lesson whole and section by section,
/// every quiz and pre-test question with its options in each order a draw can show them,
/// and every scenario, in every language. Only these keys are answered; anything else is a
/// 404, as for images. Pages ask it which clips exist ([`app::context::Listening`]).
pub struct Library {
    voice: Arc<voice::Voice>,
    /// key → (language, prepared text) of every generated clip.
    texts: HashMap<String, (String, String)>,
    /// key → a trainer's recording (see `recordings.rs`).
    recorded: HashMap<String, PathBuf>,
    /// (module, lesson) → recordings in languages the course is not written in.
    spoken_in: HashMap<(String, String), Vec<OtherKeys>>,
    /// The length and size of each clip made so far, read from the cache once: a key never
    /// names another sound, so a page needs no file read for a clip it has seen made.
    sizes: std::sync::RwLock<HashMap<String, app::model::ClipSize>>,
    /// (module, lesson, language) → its clips' keys.
    lessons: HashMap<(String, String, String), LessonKeys>,
    /// A question → the key of each order of its options.
    questions: HashMap<InQuiz, HashMap<Vec<usize>, String>>,
    /// A scenario → key.
    scenarios: HashMap<InQuiz, String>,
}

/// A question or scenario of a quiz: (module, kind, index, language).
type InQuiz = (String, QuizKind, usize, String);

struct LessonKeys {
    whole: String,
    /// One per `##` section, in order.
    sections: Vec<String>,
}

/// A lesson's recordings in a language it has no text in.
struct OtherKeys {
    lang: String,
    whole: Option<String>,
    /// By section, from 0.
    sections: BTreeMap<usize, String>,
}

/// A question with more options than this is read in the file's order only (720 orders of
/// six options are still cheap to name; the course's questions have three or four).
const MAX_SHUFFLED_OPTIONS: usize = 6;

impl Library {
    /// The voice (espeak-ng and the encoders) and the key of every clip of `catalog`.
    /// `None`, with a warning, when the voice's programs are missing: the platform then runs
    /// without audio rather than not at all.
    pub async fn open(catalog: &Catalog, cache: PathBuf) -> anyhow::Result<Option<Library>> {
        let voice = match voice::Voice::detect(cache, voice::Settings::default()).await {
            Ok(voice) => Arc::new(voice),
            Err(error) => {
                tracing::warn!(%error, "lesson audio is off");
                return Ok(None);
            }
        };
        let started = Instant::now();
        let mut library = Library {
            voice,
            texts: HashMap::new(),
            recorded: HashMap::new(),
            spoken_in: HashMap::new(),
            sizes: Default::default(),
            lessons: HashMap::new(),
            questions: HashMap::new(),
            scenarios: HashMap::new(),
        };
        library.add_lessons(catalog)?;
        library.add_quizzes(catalog)?;
        library.add_recordings(catalog).await;
        tracing::info!(
            clips = library.texts.len(),
            lessons = library.lessons.len(),
            questions = library.questions.len(),
            ms = started.elapsed().as_millis() as u64,
            "audio ready; clips are made in the background or on first request"
        );
        Ok(Some(library))
    }

    /// Names `text`'s clip in `lang` and returns its key; empty or too long text has none.
    fn add(&mut self, lang: &str, text: String) -> Option<String> {
        if text.trim().is_empty() || text.chars().count() > voice::MAX_CHARS {
            return None;
        }
        let key = self.voice.key(lang, &text);
        self.texts.insert(key.clone(), (lang.to_string(), text));
        Some(key)
    }

    fn add_lessons(&mut self, catalog: &Catalog) -> anyhow::Result<()> {
        let mut current: Option<((String, String, String), LessonKeys)> = None;
        for clip in lesson_clips(catalog)? {
            let key = self.add(&clip.lang, clip.text);
            if clip.section == 0 {
                if let Some((at, keys)) = current.take() {
                    self.lessons.insert(at, keys);
                }
                // A lesson too long to say at once has no clips at all.
                current = key.map(|whole| {
                    let at = (clip.module, clip.lesson, clip.lang);
                    let sections = Vec::new();
                    (at, LessonKeys { whole, sections })
                });
            } else if let (Some((_, keys)), Some(key)) = (&mut current, key) {
                keys.sections.push(key);
            }
        }
        if let Some((at, keys)) = current {
            self.lessons.insert(at, keys);
        }
        Ok(())
    }

    /// Trainers' recordings win over the generated voice; those that cannot be played
    /// (stale, unstamped, unreadable, for no section) are logged and left out.
    async fn add_recordings(&mut self, catalog: &Catalog) {
        let found = crate::recordings::scan(catalog);
        for problem in &found.problems {
            tracing::warn!(%problem, "a recording is not played");
        }
        for recording in found.usable {
            let bytes = match tokio::fs::read(&recording.path).await {
                Ok(bytes) => bytes,
                Err(error) => {
                    tracing::warn!(%error, path = %recording.path.display(), "cannot read");
                    continue;
                }
            };
            let key = self.voice.recording_key(&bytes);
            self.recorded.insert(key.clone(), recording.path.clone());
            if let Part::Question(kind, index) = recording.part {
                // As written: the only order a quiz with a fixed order shows.
                let options = catalog
                    .module(&recording.module)
                    .and_then(|m| m.quiz_of(kind))
                    .and_then(|quiz| quiz.questions.get(index))
                    .map_or(0, |q| q.texts.get(&recording.lang).options.len());
                let at = (recording.module, kind, index, recording.lang);
                if let Some(orders) = self.questions.get_mut(&at) {
                    orders.insert((0..options).collect(), key);
                }
                continue;
            }
            let at = (recording.module, recording.lesson, recording.lang);
            if catalog.languages().contains(&at.2) {
                let Some(keys) = self.lessons.get_mut(&at) else {
                    continue;
                };
                match recording.part {
                    Part::Whole => keys.whole = key,
                    Part::Section(n) => {
                        if let Some(slot) = keys.sections.get_mut(n - 1) {
                            *slot = key;
                        }
                    }
                    Part::Question(..) => {}
                }
                continue;
            }
            let (module, lesson, lang) = at;
            let others = self.spoken_in.entry((module, lesson)).or_default();
            let index = match others.iter().position(|o| o.lang == lang) {
                Some(index) => index,
                None => {
                    others.push(OtherKeys {
                        lang,
                        whole: None,
                        sections: BTreeMap::new(),
                    });
                    others.len() - 1
                }
            };
            match recording.part {
                Part::Whole => others[index].whole = Some(key),
                Part::Section(n) => {
                    others[index].sections.insert(n - 1, key);
                }
                Part::Question(..) => {}
            }
        }
    }

    fn add_quizzes(&mut self, catalog: &Catalog) -> anyhow::Result<()> {
        for module in catalog.modules() {
            for lang in catalog.languages() {
                let glossary = module_glossary(module, lang)?;
                for kind in [QuizKind::Quiz, QuizKind::Pretest] {
                    let Some(quiz) = module.quiz_of(kind) else {
                        continue;
                    };
                    self.add_scenarios(module, kind, quiz, lang, &glossary)?;
                    for (index, question) in quiz.questions.iter().enumerate() {
                        let text = question.texts.get(lang);
                        let mut orders = HashMap::new();
                        for order in orders_of(text.options.len()) {
                            let spoken = question_text(text, &order, lang, &glossary);
                            if let Some(key) = self.add(lang, spoken) {
                                orders.insert(order, key);
                            }
                        }
                        let at = (module.slug.clone(), kind, index, lang.clone());
                        self.questions.insert(at, orders);
                    }
                }
            }
        }
        Ok(())
    }

    /// A scenario's text is its `#` section of the quiz file (read by `speech`, which keeps
    /// the case and leaves out the Markdown).
    fn add_scenarios(
        &mut self,
        module: &Module,
        kind: QuizKind,
        quiz: &catalog::Quiz,
        lang: &str,
        glossary: &speech::Glossary,
    ) -> anyhow::Result<()> {
        if quiz.scenarios.is_empty() {
            return Ok(());
        }
        let path = module.dir.join(format!("{}.{lang}.md", kind.code()));
        let markdown = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let sections = speech::sections(&markdown, lang);
        for (index, scenario) in quiz.scenarios.iter().enumerate() {
            let Some(section) = sections
                .iter()
                .find(|s| s.title.as_deref() == Some(scenario.id.as_str()))
            else {
                tracing::warn!(scenario = scenario.id, path = %path.display(), "no text to read");
                continue;
            };
            let prepared = speech::prepare(&section.text, lang, glossary);
            if let Some(key) = self.add(lang, prepared) {
                let at = (module.slug.clone(), kind, index, lang.to_string());
                self.scenarios.insert(at, key);
            }
        }
        Ok(())
    }

    /// The clip with this key, made now if it is not in the cache yet (once, however many
    /// ask at the same time); `None` for a key that is not a clip of the course.
    pub async fn clip(&self, key: &str) -> Option<anyhow::Result<voice::Clip>> {
        let made = if let Some(path) = self.recorded.get(key) {
            self.voice.recording(path).await
        } else {
            let (lang, text) = self.texts.get(key)?;
            self.voice.clip(lang, text).await
        };
        Some(made.map_err(anyhow::Error::from))
    }

    /// Makes every lesson's clips that the cache lacks, one at a time, so that a page can
    /// show their length and size and a tap plays at once; the other core stays free for
    /// requests. Questions are made on their first request (they have many orders).
    pub async fn prepare_lessons(self: Arc<Self>) {
        let started = Instant::now();
        let recorded_elsewhere = self
            .spoken_in
            .values()
            .flatten()
            .flat_map(|o| o.whole.iter().chain(o.sections.values()));
        let mut keys: Vec<&String> = self
            .lessons
            .values()
            .flat_map(|l| std::iter::once(&l.whole).chain(&l.sections))
            .chain(recorded_elsewhere)
            .collect();
        keys.sort();
        let before = self.voice.generated();
        for key in &keys {
            if let Some(Err(error)) = self.clip(key).await {
                tracing::warn!(
                    error = format!("{error:#}"),
                    key,
                    "cannot make a lesson clip"
                );
            }
        }
        tracing::info!(
            clips = keys.len(),
            made = self.voice.generated() - before,
            seconds = started.elapsed().as_secs(),
            "lesson audio made"
        );
    }

    /// A clip as a page links to it, with its length and size when it is already made.
    fn link(&self, key: &str) -> app::model::Clip {
        app::model::Clip {
            opus: audio_href(key, "opus"),
            mp3: audio_href(key, "mp3"),
            size: self.size(key),
        }
    }

    /// A clip's length and size, from memory once the cache has had it.
    fn size(&self, key: &str) -> Option<app::model::ClipSize> {
        let known = self.sizes.read().unwrap_or_else(|e| e.into_inner());
        if let Some(size) = known.get(key) {
            return Some(*size);
        }
        drop(known);
        let clip = self.voice.cached_key(key)?;
        let size = app::model::ClipSize {
            seconds: clip.seconds.round() as u32,
            bytes: clip.opus_bytes,
        };
        let mut known = self.sizes.write().unwrap_or_else(|e| e.into_inner());
        known.insert(key.to_string(), size);
        Some(size)
    }
}

impl app::context::Listening for Library {
    fn lesson(&self, module: &str, lesson: &str, lang: &str) -> Option<app::model::LessonAudio> {
        let keys = self
            .lessons
            .get(&(module.to_string(), lesson.to_string(), lang.to_string()))?;
        let others = self
            .spoken_in
            .get(&(module.to_string(), lesson.to_string()))
            .into_iter()
            .flatten()
            .map(|other| app::model::SpokenIn {
                lang: other.lang.clone(),
                whole: other.whole.as_deref().map(|k| self.link(k)),
                sections: (0..keys.sections.len())
                    .map(|i| other.sections.get(&i).map(|k| self.link(k)))
                    .collect(),
            })
            .collect();
        Some(app::model::LessonAudio {
            whole: self.link(&keys.whole),
            sections: keys.sections.iter().map(|k| self.link(k)).collect(),
            others,
        })
    }

    fn question(
        &self,
        module: &str,
        kind: QuizKind,
        question: usize,
        order: &[usize],
        lang: &str,
    ) -> Option<app::model::Clip> {
        let orders = self
            .questions
            .get(&(module.to_string(), kind, question, lang.to_string()))?;
        Some(self.link(orders.get(order)?))
    }

    fn scenario(
        &self,
        module: &str,
        kind: QuizKind,
        scenario: usize,
        lang: &str,
    ) -> Option<app::model::Clip> {
        let key = self
            .scenarios
            .get(&(module.to_string(), kind, scenario, lang.to_string()))?;
        Some(self.link(key))
    }
}

/// What the voice says for a question shown with its options in `order` (`order[shown] =
/// option in the file`): the stem, then each option after the letter the page shows. Built
/// from the words on the page only, so it never tells which option is right.
pub fn question_text(
    text: &catalog::quiz::QuestionText,
    order: &[usize],
    lang: &str,
    glossary: &speech::Glossary,
) -> String {
    let letters: Vec<String> = (0..order.len()).map(option_letter).collect();
    let options: Vec<(&str, &str)> = order
        .iter()
        .zip(&letters)
        .map(|(&o, letter)| (letter.as_str(), text.options[o].text.as_str()))
        .collect();
    speech::prepare(
        &speech::question(&text.stem_text, &options, lang),
        lang,
        glossary,
    )
}

/// Every order in which `n` options can be shown (`order[shown] = option in the file`);
/// past [`MAX_SHUFFLED_OPTIONS`], the file's order only.
fn orders_of(n: usize) -> Vec<Vec<usize>> {
    let identity: Vec<usize> = (0..n).collect();
    if n > MAX_SHUFFLED_OPTIONS {
        return vec![identity];
    }
    let mut all = Vec::new();
    permute(&mut identity.clone(), 0, &mut all);
    all
}

fn permute(items: &mut Vec<usize>, from: usize, all: &mut Vec<Vec<usize>>) {
    if from + 1 >= items.len() {
        all.push(items.clone());
        return;
    }
    for i in from..items.len() {
        items.swap(from, i);
        permute(items, from + 1, all);
        items.swap(from, i);
    }
}

/// `/audio/<key>.opus` or `.mp3`: a lesson section's clip. Served with its length and
/// `Accept-Ranges` (the player seeks with Range requests), never compressed again (see the
/// router's compression predicate), and cached for a year: a changed text has a new key.
pub async fn route(
    State(library): State<Option<Arc<Library>>>,
    UrlPath(file): UrlPath<String>,
    request: Request,
) -> Response {
    let Some(library) = library else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some((key, extension)) = file.rsplit_once('.') else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // Each format's type and file, chosen once.
    let (content_type, file_of): (&str, fn(voice::Clip) -> PathBuf) = match extension {
        "opus" => ("audio/ogg", |clip| clip.opus),
        "mp3" => ("audio/mpeg", |clip| clip.mp3),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let path = match library.clip(key).await {
        None => return StatusCode::NOT_FOUND.into_response(),
        Some(Ok(clip)) => file_of(clip),
        Some(Err(error)) => {
            tracing::error!(error = format!("{error:#}"), key, "cannot make a clip");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let mut response = match ServeFile::new(path).oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    if response.status().is_success() {
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(AUDIO_CACHE));
    }
    response
}

/// Clips are named by the hash of what they say: they never change under their name.
const AUDIO_CACHE: &str = "public, max-age=31536000, immutable";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_read_in_every_order_a_draw_can_show() {
        assert_eq!(orders_of(0), vec![Vec::<usize>::new()]);
        assert_eq!(orders_of(1), vec![vec![0]]);
        let three = orders_of(3);
        assert_eq!(three.len(), 6);
        let distinct: std::collections::HashSet<_> = three.iter().collect();
        assert_eq!(distinct.len(), 6);
        assert!(three.iter().all(|o| {
            let mut sorted = o.clone();
            sorted.sort();
            sorted == vec![0, 1, 2]
        }));
        assert_eq!(orders_of(6).len(), 720);
        assert_eq!(orders_of(7), vec![(0..7).collect::<Vec<_>>()]);
    }

    fn course() -> Catalog {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        crate::content::load(&dir).expect("the shipped course loads")
    }

    #[test]
    fn every_lesson_of_the_course_has_spoken_sections_in_every_language() {
        let catalog = course();
        let spoken = lesson_sections(&catalog).unwrap();
        for module in catalog.modules() {
            for lesson in &module.lessons {
                for lang in catalog.languages() {
                    let parts: Vec<&Spoken> = spoken
                        .iter()
                        .filter(|s| s.module == module.slug && s.lesson == lesson.slug)
                        .filter(|s| &s.lang == lang)
                        .collect();
                    let at = format!("{}/{} ({lang})", module.slug, lesson.slug);
                    assert!(parts.len() >= 2, "{at}: {} sections", parts.len());
                    for part in parts {
                        assert!(speech::words(&part.text) >= 2, "{at}: {:?}", part.text);
                        assert!(!part.text.chars().any(|c| c.is_ascii_digit()), "{at}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_section_reads_the_acronyms_its_module_glossary_defines() {
        let spoken = lesson_sections(&course()).unwrap();
        // Lessons use FDS; whichever section says it first spells it after its expansion.
        let first = spoken
            .iter()
            .find(|s| s.lang == "fr" && s.text.contains("F.D.S"))
            .expect("a French section mentions the FDS");
        assert!(
            first.text.contains("défense et de sécurité"),
            "{}",
            first.text
        );
    }

    /// Every lesson (whole and each `##` section), every question in every order of its
    /// options and every scenario of the shipped course has a clip in French and English,
    /// and no question's text holds its explanation or an option's feedback.
    #[tokio::test]
    async fn the_whole_shipped_course_can_be_listened_to() {
        use app::context::Listening;

        let catalog = course();
        let cache = tempfile::tempdir().unwrap();
        let library = Library::open(&catalog, cache.path().to_path_buf())
            .await
            .unwrap()
            .expect("espeak-ng, opus-tools and lame are installed (scripts/setup.sh)");
        let text_of = |clip: &app::model::Clip| {
            let key = clip
                .opus
                .trim_start_matches("/audio/")
                .trim_end_matches(".opus");
            library.texts[key].1.clone()
        };
        for module in catalog.modules() {
            for lang in catalog.languages() {
                let glossary = module_glossary(module, lang).unwrap();
                for lesson in &module.lessons {
                    let audio = library
                        .lesson(&module.slug, &lesson.slug, lang)
                        .unwrap_or_else(|| panic!("{}/{} {lang}", module.slug, lesson.slug));
                    let sections = lesson.text(lang).sections().sections.len();
                    assert_eq!(audio.sections.len(), sections, "{} {lang}", lesson.slug);
                    assert!(audio.whole.size.is_none(), "nothing is made until asked");
                    let whole = text_of(&audio.whole);
                    for section in &audio.sections {
                        assert!(whole.contains(&text_of(section)), "{}", lesson.slug);
                    }
                }
                for kind in [QuizKind::Quiz, QuizKind::Pretest] {
                    let quiz = module.quiz_of(kind).unwrap();
                    for (index, question) in quiz.questions.iter().enumerate() {
                        let text = question.texts.get(lang);
                        let at = format!("{} {} {lang}", module.slug, question.id);
                        for order in orders_of(text.options.len()) {
                            let clip = library
                                .question(&module.slug, kind, index, &order, lang)
                                .unwrap_or_else(|| panic!("{at} {order:?}"));
                            let spoken = text_of(&clip);
                            // The first words of a text as the voice would say them.
                            let opening = |t: &str, chars: usize| -> String {
                                let said = speech::prepare(&without_tags(t), lang, &glossary);
                                said.chars().take(chars).collect()
                            };
                            assert!(spoken.starts_with(&opening(&text.stem_text, 24)), "{at}");
                            let hidden = std::iter::once(text.explanation.as_str())
                                .chain(text.options.iter().filter_map(|o| o.feedback.as_deref()));
                            for secret in hidden.filter(|t| t.chars().count() > 60) {
                                let secret = opening(secret, 50);
                                assert!(!spoken.contains(&secret), "{at}: {secret}");
                            }
                        }
                        // Another order is another text: the letters follow the page.
                        let file_order: Vec<usize> = (0..text.options.len()).collect();
                        let reversed: Vec<usize> = file_order.iter().rev().copied().collect();
                        let [a, b] = [&file_order, &reversed].map(|order| {
                            text_of(
                                &library
                                    .question(&module.slug, kind, index, order, lang)
                                    .unwrap(),
                            )
                        });
                        assert_ne!(a, b, "{at}");
                    }
                    for (index, scenario) in quiz.scenarios.iter().enumerate() {
                        assert!(
                            library.scenario(&module.slug, kind, index, lang).is_some(),
                            "{} {} {lang}",
                            module.slug,
                            scenario.id
                        );
                    }
                }
            }
        }
    }

    /// The text of sanitised HTML, for comparing (tags dropped, entities left as they are).
    fn without_tags(html: &str) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text
    }

    #[tokio::test]
    async fn one_lesson_makes_clips_as_long_as_its_words_predict() {
        let catalog = course();
        let first = &catalog.modules()[0];
        let spoken: Vec<Spoken> = lesson_clips(&catalog)
            .unwrap()
            .into_iter()
            .filter(|s| s.module == first.slug && s.lesson == first.lessons[0].slug)
            .collect();
        let sections = first.lessons[0].text("fr").sections().sections.len();
        assert_eq!(
            spoken.len(),
            2 * (1 + sections),
            "whole and sections, two languages"
        );
        let cache = tempfile::tempdir().unwrap();
        let voice = std::sync::Arc::new(
            voice::Voice::detect(cache.path().to_path_buf(), voice::Settings::default())
                .await
                .expect("espeak-ng, opus-tools and lame are installed (scripts/setup.sh)"),
        );
        let figures = generate(&voice, &spoken).await.unwrap();
        assert_eq!(figures.generated, spoken.len() as u64);
        assert_eq!(figures.sections.clips, 2 * sections);
        // espeak-ng at -s 150 says about 162 words a minute in French and 141 in English.
        for ((_, lang), totals) in &figures.parts {
            assert_eq!(totals.clips, 1, "{lang}: one whole lesson");
            let per_minute = if lang == "fr" { 162.0 } else { 141.0 };
            let predicted = totals.words as f64 / per_minute * 60.0;
            let ratio = totals.seconds / predicted;
            assert!((0.8..=1.2).contains(&ratio), "{lang}: {ratio:.2}");
            assert!(totals.opus_bytes > 0 && totals.mp3_bytes > totals.opus_bytes);
        }
        // Cut at its sections, the lesson says the same thing (its opening aside).
        let whole: f64 = figures.parts.values().map(|t| t.seconds).sum();
        let ratio = figures.sections.seconds / whole;
        assert!(
            (0.85..=1.0).contains(&ratio),
            "sections / whole: {ratio:.2}"
        );
        let again = generate(&voice, &spoken).await.unwrap();
        assert_eq!(
            again.generated, 0,
            "the second time, every clip is in the cache"
        );
    }
}

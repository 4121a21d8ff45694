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
use axum::body::Body;
use axum::extract::{Path as UrlPath, Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use catalog::{Catalog, GLOSSARY, Module};
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

/// The acronyms the module's glossary page defines in `lang` (none when it has no glossary).
fn module_glossary(module: &Module, lang: &str) -> anyhow::Result<speech::Glossary> {
    if module.glossary.is_none() {
        return Ok(speech::Glossary::empty());
    }
    let path = module.dir.join(format!("{GLOSSARY}.{lang}.md"));
    let markdown = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(speech::Glossary::from_markdown(&markdown))
}

/// What making every clip of a course cost and weighs, per module and language.
#[derive(Debug, Default)]
pub struct Figures {
    /// (module, language) → totals.
    pub parts: BTreeMap<(String, String), Totals>,
    /// (module, lesson, language) → totals, to tell what listening to one lesson downloads.
    pub lessons: BTreeMap<(String, String, String), Totals>,
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

/// `server audio generate`: makes every lesson clip into `cache` and prints the figures.
pub async fn generate_command(content_dir: &Path, cache: &Path) -> anyhow::Result<()> {
    let catalog = crate::content::load(content_dir).map_err(|problems| {
        anyhow::anyhow!("the content has problems (run `server content check`):\n{problems}")
    })?;
    let spoken = lesson_sections(&catalog)?;
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
    println!(
        "made {} clips in {:.1} s ({} from the cache)",
        figures.generated,
        figures.elapsed.as_secs_f64(),
        all.clips as u64 - figures.generated
    );
    // The first lesson of the course in its first language, as a learner would start.
    let first = spoken
        .first()
        .map(|s| (s.module.clone(), s.lesson.clone(), s.lang.clone()));
    if let Some(((module, lesson, lang), t)) =
        first.and_then(|key| figures.lessons.get_key_value(&key))
    {
        println!(
            "listening to one lesson ({module}/{lesson}, {lang}): {:.0} KB of Opus for {:.1} min \
             ({} sections; MP3 {:.0} KB)",
            t.opus_bytes as f64 / 1024.0,
            t.seconds / 60.0,
            t.clips,
            t.mp3_bytes as f64 / 1024.0
        );
    }
    Ok(())
}

/// The clips the platform may serve: every lesson section of the course, by key. Only these
/// keys are answered; anything else is a 404, as for images.
pub struct Library {
    voice: Arc<voice::Voice>,
    by_key: HashMap<String, (String, String)>,
}

impl Library {
    /// The voice (espeak-ng and the encoders) and the key of every section of `catalog`.
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
        let by_key: HashMap<_, _> = lesson_sections(catalog)?
            .into_iter()
            .map(|s| (voice.key(&s.lang, &s.text), (s.lang, s.text)))
            .collect();
        tracing::info!(
            sections = by_key.len(),
            ms = started.elapsed().as_millis() as u64,
            "lesson audio ready; clips are made on first request"
        );
        Ok(Some(Library { voice, by_key }))
    }

    /// The clip with this key, made now if it is not in the cache yet (once, however many
    /// ask at the same time); `None` for a key that is not a section of the course.
    pub async fn clip(&self, key: &str) -> Option<anyhow::Result<voice::Clip>> {
        let (lang, text) = self.by_key.get(key)?;
        Some(
            self.voice
                .clip(lang, text)
                .await
                .map_err(anyhow::Error::from),
        )
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

    #[tokio::test]
    async fn one_lesson_makes_clips_as_long_as_its_words_predict() {
        let catalog = course();
        let spoken: Vec<Spoken> = lesson_sections(&catalog)
            .unwrap()
            .into_iter()
            .filter(|s| s.module == catalog.modules()[0].slug && s.section < 2)
            .filter(|s| s.lesson == catalog.modules()[0].lessons[0].slug)
            .collect();
        assert_eq!(spoken.len(), 4, "two sections in two languages");
        let cache = tempfile::tempdir().unwrap();
        let voice = std::sync::Arc::new(
            voice::Voice::detect(cache.path().to_path_buf(), voice::Settings::default())
                .await
                .expect("espeak-ng, opus-tools and lame are installed (scripts/setup.sh)"),
        );
        let figures = generate(&voice, &spoken).await.unwrap();
        assert_eq!(figures.generated, 4);
        // espeak-ng at -s 150 says about 162 words a minute in French and 141 in English.
        for ((_, lang), totals) in &figures.parts {
            let per_minute = if lang == "fr" { 162.0 } else { 141.0 };
            let predicted = totals.words as f64 / per_minute * 60.0;
            let ratio = totals.seconds / predicted;
            assert!((0.8..=1.2).contains(&ratio), "{lang}: {ratio:.2}");
            assert!(totals.opus_bytes > 0 && totals.mp3_bytes > totals.opus_bytes);
        }
        let again = generate(&voice, &spoken).await.unwrap();
        assert_eq!(
            again.generated, 0,
            "the second time, every clip is in the cache"
        );
    }
}

//! Voice: reads a prepared text aloud with the offline engine espeak-ng and keeps the result
//! as two small audio files, Opus (for browsers that play it) and MP3 (for the others), in a
//! cache directory. A clip is never generated twice: its file name is a hash of everything
//! that shapes the sound (engine version, voice, speed, bitrates, language, text).
//!
//! Needs three programs, from the Debian packages of the same names except `opusenc`:
//! `espeak-ng`, `opusenc` (package `opus-tools`) and `lame`. [`Voice::detect`] checks them.
//!
//! ```no_run
//! # async fn demo() -> Result<(), voice::Error> {
//! let voice = voice::Voice::detect("/var/cache/voice".into(), voice::Settings::default()).await?;
//! let clip = voice.clip("fr", "Bonjour. Cette leçon dure dix minutes.").await?;
//! println!("{} s, {} bytes of Opus", clip.seconds, clip.opus_bytes);
//! # Ok(()) }
//! ```

mod cache;
mod error;
mod generate;
mod process;
mod recorded;
mod settings;
mod wav;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

pub use error::Error;
pub use recorded::{MAX_RECORDING_BYTES, Recorded, SNIFF_BYTES};
pub use settings::Settings;
pub use wav::WavError;

/// The longest text one clip accepts, in characters (about 20 minutes of speech).
pub const MAX_CHARS: usize = 20_000;

/// Names the cache format. Change it whenever an encoder option changes (see
/// `generate.rs`): every key changes with it, so no old clip is served as a new one.
const FORMAT: &str = "voice-clip/1";

/// The same for a recording's key.
const RECORDING_FORMAT: &str = "voice-recording/1";

/// One spoken text, as files in the cache directory.
#[derive(Clone, Debug, PartialEq)]
pub struct Clip {
    /// The cache key (32 hex digits); also the files' stem.
    pub key: String,
    /// `<cache>/<key>.opus`: Ogg Opus, mono.
    pub opus: PathBuf,
    /// `<cache>/<key>.mp3`: MPEG-2 Layer III, 16 kHz mono, constant bitrate.
    pub mp3: PathBuf,
    /// Duration in seconds, from espeak-ng's WAV.
    pub seconds: f32,
    /// Size of the Opus file.
    pub opus_bytes: u64,
    /// Size of the MP3 file.
    pub mp3_bytes: u64,
}

/// The speaking engine with its cache. Share one per process (e.g. in an `Arc`): the
/// single-flight locks and the bound on concurrent generations live in it.
pub struct Voice {
    dir: PathBuf,
    settings: Settings,
    engine: String,
    /// One async lock per key being made, so that concurrent requests for one clip make it
    /// once. An entry is removed when nobody holds or awaits it.
    locks: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// Bounds how many clips are made at once (each uses about one core).
    permits: tokio::sync::Semaphore,
    generated: AtomicU64,
}

impl Voice {
    /// Checks that `espeak-ng`, `opusenc` and `lame` run (`--version`), records
    /// espeak-ng's version, creates `cache_dir` and removes temporary files that a crashed
    /// process left in it. Fails with [`Error::MissingProgram`] (naming the Debian package)
    /// or [`Error::BrokenProgram`] if a program does not run, and with
    /// [`Error::InvalidSettings`] if `settings` are out of range.
    pub async fn detect(cache_dir: PathBuf, settings: Settings) -> Result<Voice, Error> {
        settings.check()?;
        let engine = engine_name(&process::version(process::ESPEAK).await?);
        process::version(process::OPUSENC).await?;
        process::version(process::OPUSDEC).await?;
        process::version(process::LAME).await?;
        tokio::fs::create_dir_all(&cache_dir)
            .await
            .map_err(Error::io(&cache_dir))?;
        cache::sweep(&cache_dir).await;
        let parallel = std::thread::available_parallelism().map_or(1, |n| n.get());
        tracing::debug!(engine, parallel, dir = %cache_dir.display(), "voice ready");
        Ok(Voice {
            dir: cache_dir,
            settings,
            engine,
            locks: Mutex::new(HashMap::new()),
            permits: tokio::sync::Semaphore::new(parallel),
            generated: AtomicU64::new(0),
        })
    }

    /// espeak-ng's version, e.g. `eSpeak NG text-to-speech: 1.51`; part of every key.
    pub fn engine(&self) -> &str {
        &self.engine
    }

    /// How many clips this `Voice` has generated (cache hits do not count).
    pub fn generated(&self) -> u64 {
        self.generated.load(Ordering::Relaxed)
    }

    /// The cache key of a text: the first 32 hex digits of a SHA-256 over the format tag,
    /// the engine version, the espeak-ng voice, the speed, both bitrates, the language and
    /// the text (each length-prefixed, so no two different inputs run together alike).
    pub fn key(&self, lang: &str, text: &str) -> String {
        let voice = espeak_voice(lang).unwrap_or("");
        let s = &self.settings;
        let fields = [
            FORMAT,
            &self.engine,
            voice,
            &s.speed.to_string(),
            &s.opus_kbps.to_string(),
            &s.mp3_kbps.to_string(),
            lang,
            text,
        ];
        let mut hash = Sha256::new();
        for field in fields {
            hash.update((field.len() as u64).to_le_bytes());
            hash.update(field.as_bytes());
        }
        let mut key = hex::encode(hash.finalize());
        key.truncate(32);
        key
    }

    /// The clip if it is already in the cache; never generates. For pages that must not
    /// wait. Returns `None` for a language or text that [`Voice::clip`] would refuse.
    pub fn cached(&self, lang: &str, text: &str) -> Option<Clip> {
        espeak_voice(lang).ok()?;
        check_text(text).ok()?;
        cache::lookup(&self.dir, &self.key(lang, text))
    }

    /// The clip with this key if it is in the cache (a key that [`Voice::key`] made).
    pub fn cached_key(&self, key: &str) -> Option<Clip> {
        cache::lookup(&self.dir, key)
    }

    /// The clip for `text` in `lang` (`"fr"` or `"en"`): from the cache if it is there,
    /// otherwise made now (espeak-ng, then opusenc and lame) and stored. Concurrent calls
    /// for the same clip make it once; at most one clip per core is made at a time.
    pub async fn clip(&self, lang: &str, text: &str) -> Result<Clip, Error> {
        let voice = espeak_voice(lang)?;
        check_text(text)?;
        let key = self.key(lang, text);
        self.make(&key, generate::Input::Speak { voice, text })
            .await
    }

    /// The cache key of a recording: a hash of its bytes and the encoders' settings, so a
    /// re-recorded file gets a new key (and address) and the old sound is never served.
    pub fn recording_key(&self, bytes: &[u8]) -> String {
        let s = &self.settings;
        let mut hash = Sha256::new();
        for field in [
            RECORDING_FORMAT,
            &s.opus_kbps.to_string(),
            &s.mp3_kbps.to_string(),
        ] {
            hash.update((field.len() as u64).to_le_bytes());
            hash.update(field.as_bytes());
        }
        hash.update(bytes);
        let mut key = hex::encode(hash.finalize());
        key.truncate(32);
        key
    }

    /// A trainer's recording at `path`, converted to the same two formats as a generated
    /// clip (from the cache if it is there). Fails with [`Error::NotAudio`] for a file that
    /// is not Ogg Opus, MP3 or WAV and [`Error::TooLarge`] past [`MAX_RECORDING_BYTES`].
    pub async fn recording(&self, path: &std::path::Path) -> Result<Clip, Error> {
        let bytes = read_recording(path).await?;
        let format =
            Recorded::sniff(&bytes[..bytes.len().min(recorded::SNIFF_BYTES)]).ok_or_else(|| {
                Error::NotAudio {
                    path: path.to_path_buf(),
                }
            })?;
        let key = self.recording_key(&bytes);
        self.make(&key, generate::Input::Recording { path, format })
            .await
    }

    /// The clip `key` from the cache, or made from `input` now: once however many ask at
    /// the same time, and at most one per core at once.
    async fn make(&self, key: &str, input: generate::Input<'_>) -> Result<Clip, Error> {
        if let Some(clip) = cache::lookup(&self.dir, key) {
            tracing::debug!(key, "clip from cache");
            return Ok(clip);
        }
        let lock = KeyLock::new(self, key);
        let _held = lock.lock.lock().await;
        // Whoever held the lock before may have just made it.
        if let Some(clip) = cache::lookup(&self.dir, key) {
            return Ok(clip);
        }
        let _permit = self.permits.acquire().await.expect("never closed");
        let job = generate::Job {
            dir: &self.dir,
            key,
            input,
            settings: &self.settings,
        };
        let clip = generate::generate(job).await?;
        self.generated.fetch_add(1, Ordering::Relaxed);
        Ok(clip)
    }
}

/// A recording's bytes, refused past [`MAX_RECORDING_BYTES`] before any is read.
async fn read_recording(path: &std::path::Path) -> Result<Vec<u8>, Error> {
    let bytes = tokio::fs::metadata(path)
        .await
        .map_err(Error::io(path))?
        .len();
    if bytes > MAX_RECORDING_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            bytes,
            max: MAX_RECORDING_BYTES,
        });
    }
    tokio::fs::read(path).await.map_err(Error::io(path))
}

/// A key's entry in [`Voice::locks`]; removes it on drop if nobody else uses it (also when
/// the `clip` future is cancelled).
struct KeyLock<'a> {
    voice: &'a Voice,
    key: &'a str,
    lock: Arc<tokio::sync::Mutex<()>>,
}

impl<'a> KeyLock<'a> {
    fn new(voice: &'a Voice, key: &'a str) -> KeyLock<'a> {
        let mut locks = voice.locks.lock().unwrap_or_else(|e| e.into_inner());
        let lock = locks.entry(key.to_string()).or_default().clone();
        KeyLock { voice, key, lock }
    }
}

impl Drop for KeyLock<'_> {
    fn drop(&mut self) {
        let mut locks = self.voice.locks.lock().unwrap_or_else(|e| e.into_inner());
        // Two references: the map's and ours. Clones are only made under the map's lock,
        // so nobody can be about to wait on this one.
        if Arc::strong_count(&self.lock) == 2 {
            locks.remove(self.key);
        }
    }
}

/// The espeak-ng voice for a language: French, and British English (the course's).
fn espeak_voice(lang: &str) -> Result<&'static str, Error> {
    match lang {
        "fr" => Ok("fr"),
        "en" => Ok("en-gb"),
        other => Err(Error::UnsupportedLanguage(other.to_string())),
    }
}

/// Refuses empty text (espeak-ng writes no file for it) and text over [`MAX_CHARS`].
fn check_text(text: &str) -> Result<(), Error> {
    if text.trim().is_empty() {
        return Err(Error::EmptyText);
    }
    let chars = text.chars().count();
    if chars > MAX_CHARS {
        return Err(Error::TooLong {
            chars,
            max: MAX_CHARS,
        });
    }
    Ok(())
}

/// `eSpeak NG text-to-speech: 1.51  Data at: /usr/lib/...` → `eSpeak NG text-to-speech:
/// 1.51`: the data path is not part of the engine's identity.
fn engine_name(version_line: &str) -> String {
    version_line
        .split("Data at:")
        .next()
        .unwrap_or(version_line)
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(engine: &str, settings: Settings) -> Voice {
        Voice {
            dir: PathBuf::from("/nonexistent"),
            settings,
            engine: engine.to_string(),
            locks: Mutex::new(HashMap::new()),
            permits: tokio::sync::Semaphore::new(1),
            generated: AtomicU64::new(0),
        }
    }

    #[test]
    fn a_new_engine_version_changes_every_key() {
        let old = voice("eSpeak NG text-to-speech: 1.51", Settings::default());
        let new = voice("eSpeak NG text-to-speech: 1.52", Settings::default());
        let text = "Bonjour.";
        assert_ne!(old.key("fr", text), new.key("fr", text));
        assert_eq!(old.key("fr", text), old.key("fr", text));
        assert_eq!(old.key("fr", text).len(), 32);
        assert!(old.key("fr", text).bytes().all(|b| b.is_ascii_hexdigit()));
    }

    #[test]
    fn fields_cannot_run_into_each_other() {
        let v = voice("e", Settings::default());
        assert_ne!(v.key("fr", "ab"), v.key("fra", "b"));
        assert_ne!(v.key("fr", "x"), v.key("en", "x"));
    }

    #[test]
    fn the_engine_name_drops_the_data_path() {
        let line =
            "eSpeak NG text-to-speech: 1.51  Data at: /usr/lib/x86_64-linux-gnu/espeak-ng-data";
        assert_eq!(engine_name(line), "eSpeak NG text-to-speech: 1.51");
        assert_eq!(engine_name("eSpeak NG 1.52"), "eSpeak NG 1.52");
    }

    #[test]
    fn text_is_bounded_in_characters_not_bytes() {
        assert!(check_text(&"é".repeat(MAX_CHARS)).is_ok());
        assert!(matches!(
            check_text(&"a".repeat(MAX_CHARS + 1)),
            Err(Error::TooLong { chars: 20_001, .. })
        ));
        assert!(matches!(check_text(" \n\t"), Err(Error::EmptyText)));
    }
}

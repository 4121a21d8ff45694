//! The cache directory's layout: `<key>.opus`, `<key>.mp3` and `<key>.txt` (the sidecar,
//! which holds the duration and is renamed into place last, so it marks a complete entry),
//! plus temporary files named `.tmp-<key>-<pid>-<n>.<ext>` while a clip is being made.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use crate::Clip;

/// Prefix of every temporary file; nothing else in the directory starts with it.
const TEMP_PREFIX: &str = ".tmp-";

/// Temporary files older than this were left by a crashed process: no generation lasts
/// this long (three programs of at most two minutes each).
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// The final paths of one entry.
pub(crate) struct Entry {
    pub opus: PathBuf,
    pub mp3: PathBuf,
    pub sidecar: PathBuf,
}

impl Entry {
    pub fn new(dir: &Path, key: &str) -> Entry {
        Entry {
            opus: dir.join(format!("{key}.opus")),
            mp3: dir.join(format!("{key}.mp3")),
            sidecar: dir.join(format!("{key}.txt")),
        }
    }
}

/// The sidecar's content: one `seconds=` line.
pub(crate) fn sidecar_text(seconds: f32) -> String {
    format!("seconds={seconds:.3}\n")
}

/// Reads a sidecar's duration; `None` if it is not one this crate wrote.
pub(crate) fn parse_sidecar(text: &str) -> Option<f32> {
    let value = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("seconds="))?;
    let seconds: f32 = value.trim().parse().ok()?;
    (seconds.is_finite() && seconds >= 0.0).then_some(seconds)
}

/// The complete entry for `key`, if there is one: a readable sidecar and two non-empty
/// audio files. Only looks at the file system (a few `stat`s and one small read).
pub(crate) fn lookup(dir: &Path, key: &str) -> Option<Clip> {
    let entry = Entry::new(dir, key);
    let seconds = parse_sidecar(&std::fs::read_to_string(&entry.sidecar).ok()?)?;
    let opus_bytes = non_empty_len(&entry.opus)?;
    let mp3_bytes = non_empty_len(&entry.mp3)?;
    Some(Clip {
        key: key.to_string(),
        opus: entry.opus,
        mp3: entry.mp3,
        seconds,
        opus_bytes,
        mp3_bytes,
    })
}

fn non_empty_len(path: &Path) -> Option<u64> {
    let meta = std::fs::metadata(path).ok()?;
    (meta.is_file() && meta.len() > 0).then_some(meta.len())
}

/// Temporary files for one generation, in the cache directory itself so that the final
/// `rename` stays on one file system (and so is atomic). Whatever is still there when this
/// is dropped (after an error, a time-out or a cancelled future) is removed.
pub(crate) struct Temp {
    pub wav: PathBuf,
    pub opus: PathBuf,
    pub mp3: PathBuf,
    pub sidecar: PathBuf,
}

impl Temp {
    pub fn new(dir: &Path, key: &str) -> Temp {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let stem = format!("{TEMP_PREFIX}{key}-{}-{n}", std::process::id());
        let path = |ext: &str| dir.join(format!("{stem}.{ext}"));
        Temp {
            wav: path("wav"),
            opus: path("opus"),
            mp3: path("mp3"),
            sidecar: path("txt"),
        }
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        for path in [&self.wav, &self.opus, &self.mp3, &self.sidecar] {
            match std::fs::remove_file(path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    tracing::warn!(path = %path.display(), error = %e, "cannot remove temporary file")
                }
            }
        }
    }
}

/// Removes temporary files that a crashed process left behind (older than an hour).
/// Errors are only logged: a stale file wastes space but is never taken for a clip.
pub(crate) async fn sweep(dir: &Path) {
    let Ok(mut entries) = tokio::fs::read_dir(dir).await else {
        return;
    };
    let now = SystemTime::now();
    while let Ok(Some(entry)) = entries.next_entry().await {
        if !entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            continue;
        }
        let Ok(modified) = entry.metadata().await.and_then(|m| m.modified()) else {
            continue;
        };
        if now.duration_since(modified).unwrap_or_default() > STALE_AFTER {
            let path = entry.path();
            match tokio::fs::remove_file(&path).await {
                Ok(()) => tracing::info!(path = %path.display(), "removed stale temporary file"),
                Err(e) => {
                    tracing::warn!(path = %path.display(), error = %e, "cannot remove stale temporary file")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sidecar_round_trips_and_rejects_garbage() {
        assert_eq!(parse_sidecar(&sidecar_text(12.3456)), Some(12.346));
        assert_eq!(parse_sidecar("seconds=abc\n"), None);
        assert_eq!(parse_sidecar("seconds=-1\n"), None);
        assert_eq!(parse_sidecar("seconds=NaN\n"), None);
        assert_eq!(parse_sidecar(""), None);
    }

    #[test]
    fn temporary_names_are_hidden_and_never_repeat() {
        let a = Temp::new(Path::new("/cache"), "abc");
        let b = Temp::new(Path::new("/cache"), "abc");
        assert_ne!(a.wav, b.wav);
        let name = a.opus.file_name().unwrap().to_string_lossy().to_string();
        assert!(name.starts_with(".tmp-abc-"), "{name}");
        assert_ne!(a.opus, Entry::new(Path::new("/cache"), "abc").opus);
    }
}

//! Helpers shared by the end-to-end tests.

use std::path::Path;

use voice::{Clip, Settings, Voice};

/// A `Voice` on `dir`; panics, naming the Debian packages, if a program is missing.
pub async fn voice_in(dir: &Path, settings: Settings) -> Voice {
    match Voice::detect(dir.to_path_buf(), settings).await {
        Ok(voice) => voice,
        Err(e) => panic!(
            "{e}\nThese tests need espeak-ng, opusenc and lame: \
             apt-get install -y espeak-ng opus-tools lame"
        ),
    }
}

/// A fresh cache directory, removed when dropped.
pub fn cache_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary directory")
}

/// The names in `dir`, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Asserts the Opus file is Ogg Opus, the MP3 file starts like an MP3, and sizes match.
pub fn assert_audio(clip: &Clip) {
    let opus = std::fs::read(&clip.opus).unwrap();
    assert!(opus.starts_with(b"OggS"), "Opus file is not Ogg");
    assert!(opus.windows(8).any(|w| w == b"OpusHead"), "no OpusHead");
    assert_eq!(opus.len() as u64, clip.opus_bytes);
    let mp3 = std::fs::read(&clip.mp3).unwrap();
    let frame_sync = mp3.len() > 1 && mp3[0] == 0xFF && mp3[1] & 0xE0 == 0xE0;
    assert!(
        mp3.starts_with(b"ID3") || frame_sync,
        "MP3 starts {:02x?}",
        &mp3[..4]
    );
    assert_eq!(mp3.len() as u64, clip.mp3_bytes);
    assert!(clip.seconds > 0.5, "{} s", clip.seconds);
}

/// Words as the speech crate counts them: whitespace-separated runs with a letter or digit.
pub fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Asserts that `seconds` is within 20 % of `words` read at `per_minute` words a minute.
pub fn assert_duration_near(seconds: f32, words: usize, per_minute: f32) {
    let expected = words as f32 * 60.0 / per_minute;
    let ratio = seconds / expected;
    assert!(
        (0.8..=1.2).contains(&ratio),
        "{seconds} s for {words} words; expected about {expected} s ({per_minute} words/min)"
    );
}

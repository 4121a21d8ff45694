//! End-to-end tests: they run the real espeak-ng, opusenc and lame. A missing program makes
//! them fail (with the Debian package's name), never pass.

mod common;

use std::path::Path;

use common::{assert_audio, assert_duration_near, cache_dir, files_in, voice_in, words};
use voice::{Error, Settings, Voice};

/// About 41 words of French lesson prose (short sentences).
const FRENCH_PARAGRAPH: &str = "Adama a seize ans. Il veut entrer dans l'armée pour aider sa \
    famille. Le recruteur lui dit qu'il est trop jeune. Au Mali, personne ne peut être recruté \
    avant dix-huit ans, même comme volontaire. Le recruteur l'oriente vers les services sociaux.";

/// About 43 words of English lesson prose.
const ENGLISH_PARAGRAPH: &str = "Mali ratified the optional protocol in two thousand and two. \
    In its declaration, Mali set the minimum age of recruitment at eighteen years, even for a \
    volunteer. An armed group never recruits or uses a person under eighteen, and every child \
    is protected.";

#[tokio::test]
async fn a_french_sentence_makes_an_ogg_opus_file_and_an_mp3() {
    let dir = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    let clip = voice
        .clip("fr", "Bonjour, cette leçon parle des enfants.")
        .await
        .unwrap();
    assert_audio(&clip);
    assert_eq!(clip.opus, dir.path().join(format!("{}.opus", clip.key)));
    assert_eq!(clip.mp3, dir.path().join(format!("{}.mp3", clip.key)));
    assert!(voice.engine().contains("eSpeak NG"), "{}", voice.engine());
}

#[tokio::test]
async fn an_english_sentence_makes_an_ogg_opus_file_and_an_mp3() {
    let dir = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    let clip = voice
        .clip("en", "Hello, this lesson is about children.")
        .await
        .unwrap();
    assert_audio(&clip);
}

#[tokio::test]
async fn a_french_paragraph_lasts_about_as_long_as_162_words_a_minute() {
    let dir = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    let clip = voice.clip("fr", FRENCH_PARAGRAPH).await.unwrap();
    assert_duration_near(clip.seconds, words(FRENCH_PARAGRAPH), 162.0);
}

#[tokio::test]
async fn an_english_paragraph_lasts_about_as_long_as_141_words_a_minute() {
    let dir = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    let clip = voice.clip("en", ENGLISH_PARAGRAPH).await.unwrap();
    assert_duration_near(clip.seconds, words(ENGLISH_PARAGRAPH), 141.0);
}

#[tokio::test]
async fn the_second_call_returns_the_cached_clip_without_regenerating() {
    let dir = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    let text = "Le recrutement des enfants est interdit.";
    assert_eq!(voice.cached("fr", text), None);
    let first = voice.clip("fr", text).await.unwrap();
    let modified = std::fs::metadata(&first.opus).unwrap().modified().unwrap();
    let second = voice.clip("fr", text).await.unwrap();
    assert_eq!(first, second);
    assert_eq!(voice.generated(), 1);
    assert_eq!(
        std::fs::metadata(&second.opus).unwrap().modified().unwrap(),
        modified
    );
    assert_eq!(voice.cached("fr", text), Some(first));
}

#[tokio::test]
async fn a_new_voice_on_the_same_directory_reuses_the_files() {
    let dir = cache_dir();
    let text = "Les filles sont aussi recrutées.";
    let first = voice_in(dir.path(), Settings::default())
        .await
        .clip("fr", text)
        .await
        .unwrap();
    let again = voice_in(dir.path(), Settings::default()).await;
    assert_eq!(again.cached("fr", text), Some(first.clone()));
    assert_eq!(again.clip("fr", text).await.unwrap(), first);
    assert_eq!(again.generated(), 0);
}

#[tokio::test]
async fn concurrent_calls_for_the_same_text_generate_once() {
    let dir = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    let text = "Un enfant libéré est d'abord une victime.";
    let (a, b, c) = tokio::join!(
        voice.clip("fr", text),
        voice.clip("fr", text),
        voice.clip("fr", text)
    );
    let (a, b, c) = (a.unwrap(), b.unwrap(), c.unwrap());
    assert_eq!(voice.generated(), 1);
    assert_eq!(a, b);
    assert_eq!(b, c);
    assert_eq!(files_in(dir.path()).len(), 3, "{:?}", files_in(dir.path()));
}

#[tokio::test]
async fn concurrent_calls_for_different_texts_all_generate() {
    let dir = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    let (a, b, c) = tokio::join!(
        voice.clip("fr", "Première phrase."),
        voice.clip("fr", "Deuxième phrase."),
        voice.clip("en", "Third sentence.")
    );
    let keys = [a.unwrap().key, b.unwrap().key, c.unwrap().key];
    assert_eq!(voice.generated(), 3);
    assert_ne!(keys[0], keys[1]);
    assert_eq!(files_in(dir.path()).len(), 9);
}

#[tokio::test]
async fn a_changed_sentence_gets_a_different_key_and_file() {
    let dir = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    let before = voice
        .clip("fr", "Le Mali a choisi dix-huit ans.")
        .await
        .unwrap();
    let after = voice
        .clip("fr", "Le Mali a choisi dix-huit ans !")
        .await
        .unwrap();
    assert_ne!(before.key, after.key);
    assert_ne!(before.opus, after.opus);
    assert!(before.opus.exists() && after.opus.exists());
    assert_eq!(voice.generated(), 2);
}

#[tokio::test]
async fn text_that_looks_like_options_or_shell_is_spoken_not_interpreted() {
    let dir = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    let text = "--help -v de -s 450 -w /tmp/voice-pwned.wav \"double\" 'single' \
                $(touch voice-pwned) `touch voice-pwned` ; rm -rf / | cat > out & \
                \nsecond line\n-- third line";
    let clip = voice.clip("en", text).await.unwrap();
    assert_audio(&clip);
    // Read as words (about 30 of them) it lasts many seconds; "--help" or "-s 450" taken
    // as options would print help and write nothing, or read far faster.
    assert!(clip.seconds > 8.0, "{} s", clip.seconds);
    assert!(!Path::new("voice-pwned").exists());
    assert!(!Path::new("/tmp/voice-pwned.wav").exists());
    assert_eq!(files_in(dir.path()).len(), 3, "{:?}", files_in(dir.path()));

    let dash = voice.clip("fr", "-5 degrés ce matin.").await.unwrap();
    assert_audio(&dash);
}

#[tokio::test]
async fn text_over_20000_characters_is_refused_and_nothing_is_written() {
    let dir = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    let text = "Une phrase. ".repeat(2000) + "x"; // 24 001 characters
    let err = voice.clip("fr", &text).await.unwrap_err();
    assert!(matches!(err, Error::TooLong { max: 20_000, .. }), "{err}");
    assert_eq!(voice.cached("fr", &text), None);
    assert_eq!(files_in(dir.path()), Vec::<String>::new());
    assert_eq!(voice.generated(), 0);
}

#[tokio::test]
async fn an_unsupported_language_or_empty_text_is_refused() {
    let dir = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    for lang in ["de", "", "FR", "en-US", "bm"] {
        let err = voice.clip(lang, "Bonjour.").await.unwrap_err();
        assert!(
            matches!(err, Error::UnsupportedLanguage(_)),
            "{lang}: {err}"
        );
    }
    let err = voice.clip("fr", " \n ").await.unwrap_err();
    assert!(matches!(err, Error::EmptyText), "{err}");
    assert_eq!(files_in(dir.path()), Vec::<String>::new());
}

#[tokio::test]
async fn the_key_changes_when_the_speed_or_a_bitrate_changes() {
    let dir = cache_dir();
    let base = voice_in(dir.path(), Settings::default()).await;
    let text = "Même texte.";
    let key = base.key("fr", text);
    assert_eq!(
        voice_in(dir.path(), Settings::default())
            .await
            .key("fr", text),
        key
    );
    let changes = [
        Settings {
            speed: 140,
            ..Settings::default()
        },
        Settings {
            opus_kbps: 16,
            ..Settings::default()
        },
        Settings {
            mp3_kbps: 32,
            ..Settings::default()
        },
    ];
    for settings in changes {
        let other = voice_in(dir.path(), settings.clone()).await;
        assert_ne!(other.key("fr", text), key, "{settings:?}");
    }
    assert_ne!(base.key("en", text), key);
}

#[tokio::test]
async fn out_of_range_settings_are_refused() {
    let dir = cache_dir();
    let settings = Settings {
        mp3_kbps: 20,
        ..Settings::default()
    };
    let err = Voice::detect(dir.path().to_path_buf(), settings)
        .await
        .err()
        .unwrap();
    assert!(matches!(err, Error::InvalidSettings(_)), "{err}");
}

#[tokio::test]
async fn an_entry_without_its_sidecar_is_made_again_not_served() {
    let dir = cache_dir();
    let text = "Au poste de contrôle, on vérifie l'âge.";
    let first = voice_in(dir.path(), Settings::default())
        .await
        .clip("fr", text)
        .await
        .unwrap();
    // As after a crash between two renames: the audio is there, the sidecar is not.
    let sidecar = dir.path().join(format!("{}.txt", first.key));
    std::fs::remove_file(&sidecar).unwrap();
    let voice = voice_in(dir.path(), Settings::default()).await;
    assert_eq!(voice.cached("fr", text), None);
    voice.clip("fr", text).await.unwrap();
    assert_eq!(voice.generated(), 1);
    // A sidecar that is not ours is not trusted either.
    std::fs::write(&sidecar, "garbage").unwrap();
    assert_eq!(voice.cached("fr", text), None);
}

#[tokio::test]
async fn only_the_three_finished_files_are_left_in_the_cache() {
    let dir = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    let clip = voice
        .clip("en", "Nothing else stays behind.")
        .await
        .unwrap();
    let key = &clip.key;
    assert_eq!(
        files_in(dir.path()),
        [
            format!("{key}.mp3"),
            format!("{key}.opus"),
            format!("{key}.txt")
        ]
    );
    let sidecar = std::fs::read_to_string(dir.path().join(format!("{key}.txt"))).unwrap();
    assert!(sidecar.starts_with("seconds="), "{sidecar}");
}

/// `seconds` is within `tolerance` seconds of `expected`.
fn assert_near(seconds: f32, expected: f32, tolerance: f32) {
    assert!(
        (seconds - expected).abs() <= tolerance,
        "{seconds} s, expected {expected} s"
    );
}

/// A WAV file of `seconds` of a 440 Hz tone, 16 kHz mono 16-bit, as a recorder app writes.
fn tone_wav(path: &Path, seconds: u32) {
    let rate = 16_000u32;
    let samples: Vec<i16> = (0..rate * seconds)
        .map(|i| ((i as f32 * 440.0 * std::f32::consts::TAU / rate as f32).sin() * 8000.0) as i16)
        .collect();
    let data = samples.len() as u32 * 2;
    let mut wav = Vec::new();
    wav.extend(b"RIFF");
    wav.extend((36 + data).to_le_bytes());
    wav.extend(b"WAVEfmt ");
    wav.extend(16u32.to_le_bytes());
    wav.extend(1u16.to_le_bytes()); // PCM
    wav.extend(1u16.to_le_bytes()); // mono
    wav.extend(rate.to_le_bytes());
    wav.extend((rate * 2).to_le_bytes());
    wav.extend(2u16.to_le_bytes());
    wav.extend(16u16.to_le_bytes());
    wav.extend(b"data");
    wav.extend(data.to_le_bytes());
    for s in samples {
        wav.extend(s.to_le_bytes());
    }
    std::fs::write(path, wav).unwrap();
}

#[tokio::test]
async fn a_recording_in_wav_mp3_or_ogg_opus_becomes_the_same_two_files() {
    let dir = cache_dir();
    let sources = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    let wav = sources.path().join("section.wav");
    tone_wav(&wav, 3);
    let from_wav = voice.recording(&wav).await.unwrap();
    assert_audio(&from_wav);
    assert_near(from_wav.seconds, 3.0, 0.05);
    // A phone's MP3 and a WhatsApp voice message (Ogg Opus): here, the files just made.
    let mp3 = sources.path().join("section.mp3");
    let ogg = sources.path().join("message.ogg");
    std::fs::copy(&from_wav.mp3, &mp3).unwrap();
    std::fs::copy(&from_wav.opus, &ogg).unwrap();
    for source in [&mp3, &ogg] {
        let clip = voice.recording(source).await.unwrap();
        assert_audio(&clip);
        assert_near(clip.seconds, 3.0, 0.15);
        assert_ne!(clip.key, from_wav.key, "another file, another key");
    }
    assert_eq!(voice.generated(), 3);
    let again = voice.recording(&wav).await.unwrap();
    assert_eq!(again, from_wav, "the same recording comes from the cache");
    assert_eq!(voice.generated(), 3);
    // Recorded again: new bytes, new key, so the old sound is never served for it.
    tone_wav(&wav, 2);
    let redone = voice.recording(&wav).await.unwrap();
    assert_ne!(redone.key, from_wav.key);
    assert_near(redone.seconds, 2.0, 0.05);
}

#[tokio::test]
async fn a_file_that_is_no_recording_or_too_large_is_refused_and_nothing_is_written() {
    let dir = cache_dir();
    let sources = cache_dir();
    let voice = voice_in(dir.path(), Settings::default()).await;
    let text = sources.path().join("notes.mp3");
    std::fs::write(&text, "## Ce n'est pas un son").unwrap();
    let m4a = sources.path().join("phone.m4a");
    std::fs::write(&m4a, b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00").unwrap();
    for path in [&text, &m4a] {
        let error = voice.recording(path).await.unwrap_err();
        assert!(matches!(error, Error::NotAudio { .. }), "{error}");
        assert!(
            error
                .to_string()
                .contains("not an Ogg Opus, MP3 or WAV file")
        );
    }
    let huge = sources.path().join("huge.wav");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(voice::MAX_RECORDING_BYTES + 1).unwrap();
    let error = voice.recording(&huge).await.unwrap_err();
    assert!(matches!(error, Error::TooLarge { .. }), "{error}");
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}

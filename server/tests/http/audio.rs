//! `/audio/<key>.opus|mp3`: lesson clips made by the offline voice, served only for sections
//! of the course, seekable (Range) and never compressed again.

use std::path::PathBuf;

use crate::support::{Backend, TestApp, spawn_app_with};

fn shipped_content() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content")
}

/// The platform on the shipped course with audio on, and the keys of its first lesson's
/// sections (French first), computed as the server computes them.
async fn with_audio() -> (TestApp, Vec<(String, String)>) {
    let app = spawn_app_with(&Backend::Sqlite, shipped_content(), |settings| {
        settings.audio_cache = Some(settings.data_dir.join("audio"));
    })
    .await
    .expect("the platform starts with audio");
    (
        app,
        crate::support::lesson_audio_keys(&shipped_content()).await,
    )
}

#[tokio::test]
async fn a_section_clip_is_served_in_both_formats_and_languages() {
    let (app, keys) = with_audio().await;
    assert!(keys.iter().any(|(lang, _)| lang == "fr"));
    assert!(keys.iter().any(|(lang, _)| lang == "en"));
    for (lang, key) in &keys {
        for (extension, content_type, magic) in [
            ("opus", "audio/ogg", &b"OggS"[..]),
            ("mp3", "audio/mpeg", &b"ID3"[..]),
        ] {
            let response = app.get(&format!("/audio/{key}.{extension}")).await;
            assert_eq!(response.status(), 200, "{lang} {extension}");
            assert_eq!(response.headers()["content-type"], content_type);
            assert_eq!(
                response.headers()["cache-control"],
                "public, max-age=31536000, immutable"
            );
            let body = response.bytes().await.unwrap();
            assert!(
                body.len() > 1000,
                "{lang} {extension}: {} bytes",
                body.len()
            );
            if extension == "opus" {
                assert!(body.starts_with(magic), "{lang}: an Ogg file");
            } else {
                assert!(
                    body.starts_with(magic) || (body[0] == 0xFF && body[1] & 0xE0 == 0xE0),
                    "{lang}: an MP3 file"
                );
            }
        }
    }
    app.cleanup().await;
}

#[tokio::test]
async fn a_range_request_gets_206_and_a_full_one_is_not_compressed() {
    let (app, keys) = with_audio().await;
    let url = format!("{}/audio/{}.opus", app.base, keys[0].1);
    let full = app
        .client
        .get(&url)
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(full.status(), 200);
    assert!(full.headers().get("content-encoding").is_none());
    assert_eq!(full.headers()["accept-ranges"], "bytes");
    let length: u64 = full.headers()["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(full.bytes().await.unwrap().len() as u64, length);
    let part = app
        .client
        .get(&url)
        .header("range", "bytes=100-199")
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(part.status(), 206);
    assert_eq!(
        part.headers()["content-range"],
        format!("bytes 100-199/{length}").as_str()
    );
    assert_eq!(part.bytes().await.unwrap().len(), 100);
    app.cleanup().await;
}

#[tokio::test]
async fn audio_that_is_no_section_of_the_course_is_404() {
    let (app, keys) = with_audio().await;
    let key = &keys[0].1;
    for path in [
        "/audio/00000000000000000000000000000000.opus".to_string(),
        format!("/audio/{key}.wav"),
        format!("/audio/{key}"),
        format!("/audio/{key}.txt"),
        "/audio/..%2F..%2Fplatform.db".to_string(),
        format!("/audio/{key}.opus/extra"),
    ] {
        assert_eq!(app.get(&path).await.status(), 404, "{path}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn with_audio_off_no_clip_is_served() {
    let app = spawn_app_with(&Backend::Sqlite, shipped_content(), |settings| {
        settings.audio_cache = None;
    })
    .await
    .unwrap();
    let keys = crate::support::lesson_audio_keys(&shipped_content()).await;
    let response = app.get(&format!("/audio/{}.opus", keys[0].1)).await;
    assert_eq!(response.status(), 404);
    app.cleanup().await;
}

#[tokio::test]
async fn a_corrected_sentence_gets_a_new_clip_and_the_old_one_is_gone() {
    let content = tempfile::tempdir().unwrap();
    crate::support::copy_dir(&shipped_content(), content.path());
    let before = crate::support::lesson_audio_keys(content.path()).await;
    let catalog = server::content::load(content.path()).unwrap();
    let first = &catalog.modules()[0];
    let lesson = first.dir.join(format!("{}.fr.md", first.lessons[0].slug));
    let text = std::fs::read_to_string(&lesson).unwrap();
    // The last paragraph of the lesson gets one more sentence.
    std::fs::write(
        &lesson,
        format!("{}\n\nUne phrase de plus.\n", text.trim_end()),
    )
    .unwrap();
    let after = crate::support::lesson_audio_keys(content.path()).await;
    let changed: Vec<_> = before.iter().zip(&after).filter(|(b, a)| b != a).collect();
    assert_eq!(changed.len(), 1, "only the changed section has a new key");
    let app = spawn_app_with(&Backend::Sqlite, content.path().to_path_buf(), |settings| {
        settings.audio_cache = Some(settings.data_dir.join("audio"));
    })
    .await
    .unwrap();
    let (old, new) = changed[0];
    assert_eq!(
        app.get(&format!("/audio/{}.opus", new.1)).await.status(),
        200
    );
    assert_eq!(
        app.get(&format!("/audio/{}.opus", old.1)).await.status(),
        404
    );
    app.cleanup().await;
}

/// A page's HTML in `lang`, for a visitor.
async fn page_html(app: &TestApp, path: &str, lang: &str) -> String {
    let cookie = format!("lang={lang}");
    app.get_as(path, Some(&cookie)).await.text().await.unwrap()
}

/// Every `/audio/…` address in a page, in order.
fn audio_links(html: &str) -> Vec<String> {
    html.match_indices("\"/audio/")
        .map(|(at, _)| {
            let rest = &html[at + 1..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

/// The first lesson of the shipped course: a large player for the whole lesson, then one
/// under each `##` heading, each `preload="none"` with the Opus file, its MP3 fallback and
/// a link that says, once the clip is made, how long it is and what it weighs.
#[tokio::test]
async fn a_lesson_page_has_a_player_for_the_lesson_and_each_section() {
    let (app, _) = with_audio().await;
    let catalog = server::content::load(&shipped_content()).unwrap();
    let module = &catalog.modules()[0];
    let lesson = &module.lessons[0];
    let path = format!("/modules/{}/{}", module.slug, lesson.slug);
    for (lang, listen, unit) in [("fr", "Écouter", "Ko"), ("en", "Listen", "KB")] {
        let sections = lesson.text(lang).sections().sections.len();
        let html = page_html(&app, &path, lang).await;
        let players = html.matches("<audio").count();
        assert_eq!(
            players,
            1 + sections,
            "{lang}: the lesson, then each section"
        );
        assert_eq!(html.matches("preload=\"none\"").count(), players, "{lang}");
        assert_eq!(html.matches("class=\"listen listen-lesson\"").count(), 1);
        assert!(
            html.find("listen-lesson").unwrap() < html.find("<h2>").unwrap(),
            "{lang}: the lesson's player comes before its first section"
        );
        let links = audio_links(&html);
        assert_eq!(links.len(), 3 * players, "{lang}: Opus, MP3 and the link");
        // Nothing was made yet (AUDIO_PREPARE is off in tests): the link says only "Listen".
        assert_eq!(
            html.matches(&format!(">{listen}</a>")).count(),
            players,
            "{lang}"
        );
        let whole = &links[0];
        assert!(whole.ends_with(".opus") && links[1].ends_with(".mp3"));
        let response = app.get(whole).await;
        assert_eq!(response.status(), 200);
        let bytes = response.bytes().await.unwrap().len() as u64;
        let html = page_html(&app, &path, lang).await;
        let kilobytes = bytes.div_ceil(1000);
        assert!(
            html.contains(&format!(", {kilobytes} {unit}</a>")) && html.contains(" min "),
            "{lang}: the made clip's size ({kilobytes} {unit}) and length: {html}"
        );
        assert!(html.contains(&format!(">{listen} — ")), "{lang}");
    }
    app.cleanup().await;
}

/// The quiz page: a player beside each question, whose clip reads that question's options in
/// the order this attempt shows them (the key names that text), and letters before options.
#[tokio::test]
async fn a_quiz_question_is_read_with_its_options_in_the_order_shown() {
    use accounts::Role;
    use catalog::QuizKind;

    let app = spawn_app_with(&Backend::Sqlite, crate::support::fixture_content(), |_| {})
        .await
        .unwrap();
    let db = app.db().await;
    let awa = crate::support::account(&db, "awa", Role::Learner).await;
    let cookie = app.sign_in("awa", crate::support::PASSWORD).await;
    crate::quizzes::read_lessons(&app, &cookie).await;
    let html = app
        .get_as(
            "/modules/first/test/quiz",
            Some(&format!("{cookie}; lang=fr")),
        )
        .await
        .text()
        .await
        .unwrap();
    let catalog = crate::quizzes::catalog();
    let module = catalog.module("first").unwrap();
    let quiz = module.quiz_of(QuizKind::Quiz).unwrap();
    let drawn = learning::attempts::draw(module, QuizKind::Quiz, awa, 1).unwrap();
    assert_eq!(html.matches("class=\"question\"").count(), drawn.len());
    assert_eq!(
        html.matches("aria-label=\"Écouter la question et ses réponses\"")
            .count(),
        drawn.len()
    );
    // The fixture's scenario `cas` is read beside its text, once.
    assert_eq!(html.matches("aria-label=\"Écouter le cas\"").count(), 1);
    assert!(html.contains("<span class=\"option-letter\">A</span>"));
    let (_cache, voice) = crate::support::key_voice().await;
    let glossary = server::audio::module_glossary(module, "fr").unwrap();
    let expected: Vec<String> = drawn
        .iter()
        .map(|d| {
            let text = quiz.questions[d.question].texts.get("fr");
            let spoken = server::audio::question_text(text, &d.options, "fr", &glossary);
            format!("/audio/{}.opus", voice.key("fr", &spoken))
        })
        .collect();
    let shown: Vec<&String> = audio_links(&html)
        .iter()
        .filter(|l| expected.contains(l))
        .map(|l| expected.iter().find(|e| *e == l).unwrap())
        .step_by(2)
        .collect();
    assert_eq!(shown, expected.iter().collect::<Vec<_>>());
    let response = app.get(&expected[0]).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "audio/ogg");
    app.cleanup().await;
}

/// A WAV file of `seconds` of a 440 Hz tone, 16 kHz mono 16-bit: a trainer's recording.
fn tone_wav(path: &std::path::Path, seconds: u32) {
    let rate = 16_000u32;
    let data = rate * seconds * 2;
    let mut wav = b"RIFF".to_vec();
    wav.extend((36 + data).to_le_bytes());
    wav.extend(b"WAVEfmt ");
    wav.extend(16u32.to_le_bytes());
    wav.extend([1u16, 1].iter().flat_map(|v| v.to_le_bytes()));
    wav.extend(rate.to_le_bytes());
    wav.extend((rate * 2).to_le_bytes());
    wav.extend([2u16, 16].iter().flat_map(|v| v.to_le_bytes()));
    wav.extend(b"data");
    wav.extend(data.to_le_bytes());
    for i in 0..rate * seconds {
        let sample =
            ((i as f32 * 440.0 * std::f32::consts::TAU / rate as f32).sin() * 8000.0) as i16;
        wav.extend(sample.to_le_bytes());
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, wav).unwrap();
}

/// The fixture course copied, with recordings of its first lesson: section 1 in French, and
/// the whole lesson in Bambara, both stamped.
fn recorded_content() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    crate::support::copy_dir(&crate::support::fixture_content(), &content);
    let recordings = content.join("01-first/recordings");
    tone_wav(&recordings.join("01-start.fr.1.wav"), 3);
    tone_wav(&recordings.join("01-start.bm.all.wav"), 2);
    let catalog = server::content::load(&content).unwrap();
    let stamped = server::recordings::stamp(&catalog, &[]).unwrap();
    assert_eq!(stamped.len(), 2, "{stamped:?}");
    (dir, content)
}

#[tokio::test]
async fn a_recording_wins_over_the_generated_voice_and_bambara_is_offered() {
    let (_dir, content) = recorded_content();
    let (_cache, voice) = crate::support::key_voice().await;
    let wav = std::fs::read(content.join("01-first/recordings/01-start.fr.1.wav")).unwrap();
    let recorded = format!("/audio/{}.opus", voice.recording_key(&wav));
    let app = spawn_app_with(&Backend::Sqlite, content.clone(), |_| {})
        .await
        .unwrap();
    let page = |lang| page_html(&app, "/modules/first/01-start", lang);
    let french = page("fr").await;
    let links = audio_links(&french);
    // The whole lesson, then Bambara's whole lesson, then section 1: recorded.
    assert_eq!(links.len(), 9, "{links:?}");
    assert_eq!(
        links[6], recorded,
        "section 1 plays the trainer's recording"
    );
    assert!(french.contains(">Écouter en bambara</a>"), "{french}");
    assert!(french.contains("aria-label=\"Écouter en bambara\""));
    let english = page("en").await;
    assert!(english.contains(">Listen in Bambara</a>"));
    assert!(
        !audio_links(&english).contains(&recorded),
        "the French recording is French"
    );
    let response = app.get(&recorded).await;
    assert_eq!(response.status(), 200);
    let body = response.bytes().await.unwrap();
    assert!(body.starts_with(b"OggS"));
    // Made now, its length shows on the page: the tone's three seconds.
    assert!(
        page("fr").await.contains("Écouter — 3 s, "),
        "the recording's length"
    );
    app.cleanup().await;
}

/// A question recorded by a trainer plays instead of the generated voice in a quiz whose
/// order is fixed (its options and letters as written); in a shuffled quiz, or for a question
/// that does not exist, or in a language the course is not written in, content check says
/// why and the generated voice plays.
#[tokio::test]
async fn a_recorded_question_plays_where_the_quiz_order_is_fixed() {
    use accounts::Role;

    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    crate::support::copy_dir(&crate::support::fixture_content(), &content);
    let recordings = content.join("01-first/recordings");
    for name in [
        "quiz.fr.q-single.wav",
        "quiz.fr.nope.wav",
        "quiz.bm.q-single.wav",
    ] {
        tone_wav(&recordings.join(name), 2);
    }
    let problems = |content: &std::path::Path| {
        let catalog = server::content::load(content).unwrap();
        server::recordings::stamp(&catalog, &[]).unwrap();
        server::recordings::scan(&catalog)
            .problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    // The fixture shuffles: the recording cannot match what a learner sees.
    let shuffled = problems(&content);
    let about = |name: &str, words: &str| {
        shuffled
            .iter()
            .any(|p| p.contains(name) && p.contains(words))
    };
    assert!(
        about("quiz.fr.q-single.wav", "order = \"fixed\""),
        "{shuffled:?}"
    );
    assert!(
        about("quiz.fr.nope.wav", "no question `nope`"),
        "{shuffled:?}"
    );
    assert!(
        about("quiz.bm.q-single.wav", "language of the course"),
        "{shuffled:?}"
    );

    let toml = content.join("01-first/module.toml");
    let fixed = std::fs::read_to_string(&toml)
        .unwrap()
        .replace("order = \"shuffled\"", "order = \"fixed\"");
    std::fs::write(&toml, fixed).unwrap();
    let now = problems(&content);
    assert!(
        !now.iter().any(|p| p.contains("quiz.fr.q-single.wav")),
        "{now:?}"
    );
    let (_cache, voice) = crate::support::key_voice().await;
    let wav = std::fs::read(recordings.join("quiz.fr.q-single.wav")).unwrap();
    let recorded = format!("/audio/{}.opus", voice.recording_key(&wav));
    let app = spawn_app_with(&Backend::Sqlite, content.clone(), |_| {})
        .await
        .unwrap();
    let db = app.db().await;
    crate::support::account(&db, "awa", Role::Learner).await;
    let cookie = app.sign_in("awa", crate::support::PASSWORD).await;
    crate::quizzes::read_lessons(&app, &cookie).await;
    let quiz = |lang: &str| {
        let cookie = format!("{cookie}; lang={lang}");
        let app = &app;
        async move {
            app.get_as("/modules/first/test/quiz", Some(&cookie))
                .await
                .text()
                .await
                .unwrap()
        }
    };
    let french = quiz("fr").await;
    assert_eq!(
        audio_links(&french).first(),
        Some(&recorded),
        "the first question, as written, plays the trainer's recording"
    );
    assert_eq!(
        french.matches(&recorded).count(),
        2,
        "the player and its link"
    );
    assert!(
        !quiz("en").await.contains(&recorded),
        "a French recording is French"
    );
    let response = app.get(&recorded).await;
    assert_eq!(response.status(), 200);
    assert!(response.bytes().await.unwrap().starts_with(b"OggS"));
    app.cleanup().await;
}

#[tokio::test]
async fn content_check_reports_stale_orphan_and_unreadable_recordings_and_none_plays() {
    let (_dir, content) = recorded_content();
    let recordings = content.join("01-first/recordings");
    // Section 1's text (and so the lesson's) changes after it was recorded and stamped.
    let lesson = content.join("01-first/01-start.fr.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(&lesson, text.replace("Texte avec", "Un texte corrigé avec")).unwrap();
    tone_wav(&recordings.join("01-start.fr.9.wav"), 1);
    std::fs::write(recordings.join("01-start.en.1.mp3"), "not a sound").unwrap();
    std::fs::write(recordings.join("01-start.fr.1.m4a"), "ftypM4A").unwrap();
    tone_wav(&recordings.join("02-next.fr.all.wav"), 1);
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["content", "check"])
        .arg(&content)
        .output()
        .unwrap();
    assert!(!check.status.success());
    let report = String::from_utf8_lossy(&check.stderr);
    let at = |name: &str| format!("{}:1:", recordings.join(name).display());
    for expected in [
        format!("{}:6: section 1 changed after", lesson.display()),
        format!("{} section 9 does not exist", at("01-start.fr.9.wav")),
        format!("{} cannot be read as sound", at("01-start.en.1.mp3")),
        format!("{} `.m4a` is not taken", at("01-start.fr.1.m4a")),
        format!("{} not stamped yet", at("02-next.fr.all.wav")),
        // The Bambara recording says the French text, which changed too.
        format!(
            "{}:1: the lesson changed after {} was recorded",
            lesson.display(),
            recordings.join("01-start.bm.all.wav").display()
        ),
    ] {
        assert!(report.contains(&expected), "{expected}\nin:\n{report}");
    }
    assert!(report.contains("6 problem(s) found"), "{report}");
    // The platform still starts, and section 1 plays the generated voice again.
    let app = spawn_app_with(&Backend::Sqlite, content.clone(), |_| {})
        .await
        .unwrap();
    let html = page_html(&app, "/modules/first/01-start", "fr").await;
    let (_cache, voice) = crate::support::key_voice().await;
    let wav = std::fs::read(recordings.join("01-start.fr.1.wav")).unwrap();
    let recorded = format!("/audio/{}.opus", voice.recording_key(&wav));
    assert!(
        !audio_links(&html).contains(&recorded),
        "a stale recording never plays"
    );
    assert!(
        !html.contains("Écouter en bambara"),
        "nor a stale one in another language"
    );
    // Stamped again (the trainer listened: it still says the same), it plays.
    let catalog = server::content::load(&content).unwrap();
    let again = server::recordings::stamp(&catalog, &[recordings.join("01-start.fr.1.wav")]);
    assert_eq!(again.unwrap().len(), 1);
    let found = server::recordings::scan(&catalog);
    assert!(
        found
            .usable
            .iter()
            .any(|r| r.path.ends_with("01-start.fr.1.wav")),
        "{:?}",
        found.problems
    );
    app.cleanup().await;
}

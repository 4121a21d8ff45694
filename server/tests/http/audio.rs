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
        let html = app
            .get_as(&path, Some(&format!("lang={lang}")))
            .await
            .text()
            .await
            .unwrap();
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
        let html = app
            .get_as(&path, Some(&format!("lang={lang}")))
            .await
            .text()
            .await
            .unwrap();
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
    let cache = tempfile::tempdir().unwrap();
    let voice = voice::Voice::detect(cache.path().to_path_buf(), voice::Settings::default())
        .await
        .unwrap();
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

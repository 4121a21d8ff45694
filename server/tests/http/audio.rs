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

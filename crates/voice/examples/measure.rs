//! Measures clip sizes, durations and generation time.
//!
//! ```text
//! cargo run --example measure -- OUT_DIR FILE...
//! ```
//!
//! Each FILE is one text (language `en` if its name contains `.en.`, else `fr`). OUT_DIR is
//! emptied first. For each bitrate pair the texts are generated one after another (the time
//! per minute of audio is then that of one clip on one core), then fetched again from the
//! cache; finally all texts are generated at once with the default settings, to show the
//! bound on concurrent generations at work.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use voice::{Settings, Voice};

/// (Opus kbit/s, MP3 kbit/s) pairs measured.
const PAIRS: [(u32, u32); 4] = [(10, 16), (12, 24), (16, 32), (24, 32)];

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out: PathBuf = args.next().ok_or("usage: measure OUT_DIR FILE...")?.into();
    let mut texts = Vec::new();
    for file in args {
        let lang = if file.contains(".en.") { "en" } else { "fr" };
        let text = std::fs::read_to_string(&file)?;
        texts.push((file, lang, text));
    }
    if texts.is_empty() {
        return Err("no text files given".into());
    }
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }

    println!(
        "{:<28} {:>6} {:>7} {:>7} {:>8} {:>7} {:>8} {:>7} {:>8} {:>8}",
        "text",
        "words",
        "opus",
        "mp3",
        "seconds",
        "opusKB",
        "opus k/s",
        "mp3KB",
        "mp3 k/s",
        "gen s"
    );
    for (opus_kbps, mp3_kbps) in PAIRS {
        let settings = Settings {
            opus_kbps,
            mp3_kbps,
            ..Settings::default()
        };
        let voice = Voice::detect(out.join(format!("o{opus_kbps}-m{mp3_kbps}")), settings).await?;
        let (mut audio, mut spent) = (0.0f64, 0.0f64);
        for (file, lang, text) in &texts {
            let started = Instant::now();
            let clip = voice.clip(lang, text).await?;
            let elapsed = started.elapsed().as_secs_f64();
            let seconds = f64::from(clip.seconds);
            let rate = |bytes: u64| bytes as f64 * 8.0 / 1000.0 / seconds;
            let name = std::path::Path::new(file)
                .file_name()
                .unwrap()
                .to_string_lossy();
            println!(
                "{:<28} {:>6} {:>7} {:>7} {:>8.1} {:>7.1} {:>8.1} {:>7.1} {:>8.1} {:>8.2}",
                &name[..name.len().min(28)],
                text.split_whitespace().count(),
                opus_kbps,
                mp3_kbps,
                seconds,
                clip.opus_bytes as f64 / 1000.0,
                rate(clip.opus_bytes),
                clip.mp3_bytes as f64 / 1000.0,
                rate(clip.mp3_bytes),
                elapsed,
            );
            println!("    {}", clip.opus.display());
            audio += seconds;
            spent += elapsed;
        }
        let started = Instant::now();
        for (_, lang, text) in &texts {
            voice.clip(lang, text).await?;
        }
        let hits = started.elapsed().as_secs_f64() * 1000.0;
        println!(
            "  => {:.1} s of generation per minute of audio, one at a time; {} cache hits in {:.2} ms",
            spent / (audio / 60.0),
            texts.len(),
            hits
        );
    }

    let voice = Arc::new(Voice::detect(out.join("batch"), Settings::default()).await?);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for (_, lang, text) in texts {
        let voice = Arc::clone(&voice);
        tasks.spawn(async move { voice.clip(lang, &text).await });
    }
    let mut audio = 0.0f64;
    while let Some(done) = tasks.join_next().await {
        audio += f64::from(done??.seconds);
    }
    let wall = started.elapsed().as_secs_f64();
    println!(
        "batch: {} clips, {:.1} min of audio in {:.1} s wall ({:.1} s per audio minute, {} at once)",
        voice.generated(),
        audio / 60.0,
        wall,
        wall / (audio / 60.0),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    Ok(())
}

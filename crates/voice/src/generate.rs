//! Making one clip: espeak-ng (or a recording's decoder) to a temporary WAV, then opusenc
//! and lame from it, then renaming the results into place.

use std::ffi::OsString;
use std::path::Path;
use std::time::Instant;

use tokio::io::AsyncReadExt;

use crate::cache::{self, Entry, Temp};
use crate::process::{self, ESPEAK, LAME, OPUSENC, TIMEOUT};
use crate::recorded::{self, Recorded};
use crate::{Clip, Error, Settings, wav};

/// What one generation needs to know.
pub(crate) struct Job<'a> {
    pub dir: &'a Path,
    pub key: &'a str,
    pub input: Input<'a>,
    pub settings: &'a Settings,
}

/// Where the sound comes from.
pub(crate) enum Input<'a> {
    /// espeak-ng reads `text` with `voice`.
    Speak { voice: &'a str, text: &'a str },
    /// A trainer's recording, decoded.
    Recording { path: &'a Path, format: Recorded },
}

/// Opus options besides the bitrate (the cache key's format tag must change with them).
/// Measured on a 151 s French passage (see `examples/measure.rs`):
/// - `--speech`: forces the speech tuning at low bitrates instead of the encoder's guess;
///   for espeak-ng's voice the guess was the same (identical output), but forcing it keeps
///   every clip encoded alike. At 10 and 12 kbit/s this gives SILK wideband (up to 8 kHz);
///   from 16 kbit/s, hybrid super-wideband (up to 12 kHz);
/// - `--framesize 60`: 60 ms frames instead of 20: a third of the packets, so less
///   per-packet and Ogg overhead: 6 % smaller at 12 kbit/s (204 KB instead of 218 KB) with
///   no measurable change in the decoded spectrum; latency does not matter for files;
/// - `--comp 10`: the slowest, best encoder search (the default, said explicitly): it is
///   paid once per clip;
/// - `--padding 0`: no 512 bytes reserved for tags that are never added (a fifth of a
///   two-second clip at 12 kbit/s).
const OPUS_OPTIONS: [&str; 7] = [
    "--speech",
    "--framesize",
    "60",
    "--comp",
    "10",
    "--padding",
    "0",
];

/// Runs the whole pipeline and returns the committed clip.
pub(crate) async fn generate(job: Job<'_>) -> Result<Clip, Error> {
    let started = Instant::now();
    let temp = Temp::new(job.dir, job.key);

    match job.input {
        Input::Speak { voice, text } => speak(voice, text, job.settings, &temp.wav).await?,
        Input::Recording { path, format } => recorded::decode(path, format, &temp.wav).await?,
    }
    let seconds = wav_seconds(&temp.wav).await?;

    let mut opus_args: Vec<OsString> = vec![
        "--quiet".into(),
        "--bitrate".into(),
        job.settings.opus_kbps.to_string().into(),
        "--downmix-mono".into(),
    ];
    opus_args.extend(OPUS_OPTIONS.iter().map(OsString::from));
    opus_args.extend([temp.wav.clone().into(), temp.opus.clone().into()]);
    process::run(OPUSENC, opus_args, None, TIMEOUT).await?;

    // MPEG-2 Layer III at 16 kHz, mono, constant bitrate (-b): a CBR file's duration and
    // seek positions are exact in every player, and --abr 24 came out 7 % larger. lame
    // low-passes at about 5.6 kHz at 16 and 24 kbit/s and not at all (8 kHz) at 32.
    // Replay-gain analysis is skipped: nothing reads it.
    let lame_args: Vec<OsString> = vec![
        "--quiet".into(),
        "-m".into(),
        "m".into(),
        "--resample".into(),
        "16".into(),
        "-b".into(),
        job.settings.mp3_kbps.to_string().into(),
        "--noreplaygain".into(),
        temp.wav.clone().into(),
        temp.mp3.clone().into(),
    ];
    process::run(LAME, lame_args, None, TIMEOUT).await?;

    // The clip returned now carries the duration exactly as a later cache hit reads it.
    let sidecar = cache::sidecar_text(seconds);
    let seconds = cache::parse_sidecar(&sidecar).unwrap_or(seconds);
    tokio::fs::write(&temp.sidecar, sidecar)
        .await
        .map_err(Error::io(&temp.sidecar))?;

    // Commit: flush each file to disk, then rename; the sidecar comes last because its
    // presence is what makes the entry complete.
    let entry = Entry::new(job.dir, job.key);
    let opus_bytes = commit(&temp.opus, &entry.opus).await?;
    let mp3_bytes = commit(&temp.mp3, &entry.mp3).await?;
    commit(&temp.sidecar, &entry.sidecar).await?;
    drop(temp); // removes the WAV

    let from = match job.input {
        Input::Speak { voice, .. } => voice.to_string(),
        Input::Recording { path, .. } => path.display().to_string(),
    };
    tracing::info!(
        key = job.key,
        from,
        seconds,
        opus_bytes,
        mp3_bytes,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "generated clip"
    );
    Ok(Clip {
        key: job.key.to_string(),
        opus: entry.opus,
        mp3: entry.mp3,
        seconds,
        opus_bytes,
        mp3_bytes,
    })
}

/// espeak-ng says `text` into a WAV file at `wav`.
async fn speak(voice: &str, text: &str, settings: &Settings, wav: &Path) -> Result<(), Error> {
    // The text goes on standard input, never on the command line, so nothing in it can be
    // taken for an option. NUL would end espeak-ng's C string early. A final newline ends
    // the last sentence.
    let mut input = text.replace('\0', " ");
    input.push('\n');
    let espeak_args: Vec<OsString> = vec![
        "-v".into(),
        voice.into(),
        "-s".into(),
        settings.speed.to_string().into(),
        "-b".into(), // the input is UTF-8
        "1".into(),
        "-w".into(),
        wav.into(),
        "--stdin".into(),
    ];
    process::run(ESPEAK, espeak_args, Some(input.as_bytes()), TIMEOUT).await?;
    Ok(())
}

/// Reads the WAV header (only the start of the file) and returns the duration.
async fn wav_seconds(path: &Path) -> Result<f32, Error> {
    let file = tokio::fs::File::open(path).await.map_err(Error::io(path))?;
    let len = file.metadata().await.map_err(Error::io(path))?.len();
    let mut head = Vec::new();
    file.take(wav::HEAD_BYTES)
        .read_to_end(&mut head)
        .await
        .map_err(Error::io(path))?;
    let info = wav::parse(&head, len).map_err(|source| Error::Wav {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(info.seconds() as f32)
}

/// Flushes `from` to disk and renames it to `to`; returns its size.
async fn commit(from: &Path, to: &Path) -> Result<u64, Error> {
    let file = tokio::fs::File::open(from).await.map_err(Error::io(from))?;
    file.sync_all().await.map_err(Error::io(from))?;
    let len = file.metadata().await.map_err(Error::io(from))?.len();
    drop(file);
    if len == 0 {
        // An empty file would never be taken from the cache; better to fail now.
        let empty = std::io::Error::other("the program wrote an empty file");
        return Err(Error::io(from)(empty));
    }
    tokio::fs::rename(from, to).await.map_err(Error::io(to))?;
    Ok(len)
}

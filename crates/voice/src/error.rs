//! The one error type of the crate.

use std::path::PathBuf;

use crate::wav::WavError;

/// Everything that can go wrong while detecting the programs or making a clip.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A program this crate needs is not installed (or cannot be executed).
    #[error(
        "the program `{program}` is missing: it was not found on PATH or cannot be run; \
         install the Debian package `{package}` (apt-get install -y {package})"
    )]
    MissingProgram {
        /// The program, e.g. `opusenc`.
        program: &'static str,
        /// The Debian package that provides it, e.g. `opus-tools`.
        package: &'static str,
    },

    /// A program is installed but `--version` did not work.
    #[error(
        "the program `{program}` is installed but does not work ({detail}); \
         reinstall the Debian package `{package}`"
    )]
    BrokenProgram {
        /// The program.
        program: &'static str,
        /// The Debian package that provides it.
        package: &'static str,
        /// What went wrong.
        detail: String,
    },

    /// Only French (`fr`) and English (`en`) are spoken.
    #[error("unsupported language `{0}`: only `fr` (French) and `en` (British English) are spoken")]
    UnsupportedLanguage(String),

    /// The text is longer than [`crate::MAX_CHARS`] characters.
    #[error("the text has {chars} characters; one clip takes at most {max}")]
    TooLong {
        /// Characters (Unicode scalar values) in the text.
        chars: usize,
        /// The limit.
        max: usize,
    },

    /// A recording is not an Ogg Opus, MP3 or WAV file (by its first bytes).
    #[error("{path} is not an Ogg Opus, MP3 or WAV file")]
    NotAudio {
        /// The recording.
        path: PathBuf,
    },

    /// A recording is larger than [`crate::MAX_RECORDING_BYTES`].
    #[error("{path} has {bytes} bytes; a recording takes at most {max}")]
    TooLarge {
        /// The recording.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit.
        max: u64,
    },

    /// The text is empty or only whitespace: there is nothing to say.
    #[error("the text is empty: there is nothing to say")]
    EmptyText,

    /// A setting is outside what the programs accept.
    #[error("invalid setting: {0}")]
    InvalidSettings(String),

    /// A program ran but exited with a failure.
    #[error("`{program}` failed ({status}): {stderr}")]
    Failed {
        /// The program.
        program: &'static str,
        /// Its exit status, in words.
        status: String,
        /// The end of what it wrote on standard error.
        stderr: String,
    },

    /// A program ran longer than its time limit and was killed.
    #[error("`{program}` did not finish within {seconds} s and was killed")]
    TimedOut {
        /// The program.
        program: &'static str,
        /// The time limit.
        seconds: u64,
    },

    /// espeak-ng wrote a WAV file whose header makes no sense.
    #[error("espeak-ng wrote an unreadable WAV file {path}: {source}")]
    Wav {
        /// The WAV file.
        path: PathBuf,
        /// What is wrong with its header.
        source: WavError,
    },

    /// Reading or writing a file (or talking to a program's pipes) failed.
    #[error("i/o error on {path}: {source}")]
    Io {
        /// The file or program concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Error {
    /// Wraps an i/o error with the path it concerns.
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}

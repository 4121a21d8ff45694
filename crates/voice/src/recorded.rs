//! Recordings a trainer made: which audio formats are taken, told by their first bytes (a
//! file's name can lie), and how each is decoded to the WAV that the encoders read.

use std::ffi::OsString;
use std::path::Path;

use crate::Error;
use crate::process::{self, LAME, OPUSDEC, TIMEOUT};

/// The largest recording taken, in bytes: two minutes of 48 kHz stereo WAV is 23 MB, of a
/// phone's MP3 or voice message far less.
pub const MAX_RECORDING_BYTES: u64 = 32 * 1024 * 1024;

/// The bytes [`Recorded::sniff`] needs.
pub const SNIFF_BYTES: usize = 64;

/// A recording's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    /// RIFF WAVE, as a computer or a recorder app writes it.
    Wav,
    /// MP3, with or without an ID3 tag.
    Mp3,
    /// Opus in Ogg: a WhatsApp voice message, or a file from a recorder app.
    OggOpus,
}

impl Recorded {
    /// The format of a file that starts with `head` (its first [`SNIFF_BYTES`] or fewer),
    /// or `None` if it is none of the three (an M4A, a video, a text, a broken file).
    pub fn sniff(head: &[u8]) -> Option<Recorded> {
        if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WAVE" {
            return Some(Recorded::Wav);
        }
        if head.starts_with(b"ID3")
            || (head.len() >= 2 && head[0] == 0xFF && head[1] & 0xE0 == 0xE0)
        {
            return Some(Recorded::Mp3);
        }
        // An Ogg page whose first packet is an Opus header.
        if head.starts_with(b"OggS") && head.windows(8).any(|w| w == b"OpusHead") {
            return Some(Recorded::OggOpus);
        }
        None
    }
}

/// Decodes `source` (in `format`) to a WAV file at `wav`.
pub(crate) async fn decode(source: &Path, format: Recorded, wav: &Path) -> Result<(), Error> {
    match format {
        Recorded::Wav => {
            tokio::fs::copy(source, wav)
                .await
                .map_err(Error::io(source))?;
        }
        Recorded::Mp3 => {
            let args: Vec<OsString> = vec![
                "--quiet".into(),
                "--decode".into(),
                source.into(),
                wav.into(),
            ];
            process::run(LAME, args, None, TIMEOUT).await?;
        }
        Recorded::OggOpus => {
            let args: Vec<OsString> = vec!["--quiet".into(), source.into(), wav.into()];
            process::run(OPUSDEC, args, None, TIMEOUT).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_their_first_bytes() {
        assert_eq!(
            Recorded::sniff(b"RIFF\x24\x00\x00\x00WAVEfmt "),
            Some(Recorded::Wav)
        );
        assert_eq!(Recorded::sniff(b"ID3\x04\x00"), Some(Recorded::Mp3));
        assert_eq!(Recorded::sniff(&[0xFF, 0xF3, 0x44]), Some(Recorded::Mp3));
        let mut ogg = b"OggS\x00\x02".to_vec();
        ogg.extend([0; 22]);
        ogg.extend(b"OpusHead\x01\x01");
        assert_eq!(Recorded::sniff(&ogg), Some(Recorded::OggOpus));
        // Ogg Vorbis, an M4A, text, nothing: not taken.
        let mut vorbis = b"OggS\x00\x02".to_vec();
        vorbis.extend([0; 22]);
        vorbis.extend(b"\x01vorbis");
        assert_eq!(Recorded::sniff(&vorbis), None);
        assert_eq!(Recorded::sniff(b"\x00\x00\x00\x20ftypM4A "), None);
        assert_eq!(Recorded::sniff(b"## Section"), None);
        assert_eq!(Recorded::sniff(b""), None);
    }
}

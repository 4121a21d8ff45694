//! Reading the header of a RIFF/WAVE file, enough to know how long it plays.
//!
//! The chunks are walked one by one (`fmt `, then any `LIST`, `fact`, ... until `data`):
//! the header is not assumed to be 44 bytes long.

/// What the header says about the sound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WavInfo {
    pub sample_rate: u32,
    pub channels: u16,
    pub bits_per_sample: u16,
    /// Bytes of sound: the `data` chunk's size, or what the file really holds after the
    /// chunk header if that is less (a writer that never fixed the size up).
    pub data_bytes: u64,
}

impl WavInfo {
    /// Duration in seconds: data bytes / (rate * channels * bytes per sample).
    pub fn seconds(&self) -> f64 {
        let bytes_per_sample = u64::from(self.bits_per_sample).div_ceil(8);
        let per_second = u64::from(self.sample_rate) * u64::from(self.channels) * bytes_per_sample;
        self.data_bytes as f64 / per_second as f64
    }
}

/// What is wrong with a WAV header.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WavError {
    /// The file does not start with `RIFF....WAVE`.
    #[error("not a RIFF/WAVE file")]
    NotWave,
    /// The header ends before a `fmt ` and a `data` chunk were found.
    #[error("the header ends before the `fmt ` and `data` chunks")]
    Truncated,
    /// `data` comes before `fmt `.
    #[error("the `data` chunk comes before the `fmt ` chunk")]
    DataBeforeFormat,
    /// The `fmt ` chunk is too short or describes no sound.
    #[error("bad `fmt ` chunk: {0}")]
    BadFormat(&'static str),
}

/// How many bytes of the file's start [`parse`] needs at most in practice.
pub(crate) const HEAD_BYTES: u64 = 64 * 1024;

/// Parses the header from `head`, the first bytes of a file of `file_len` bytes. `head` must
/// reach at least the start of the `data` chunk's sound.
pub(crate) fn parse(head: &[u8], file_len: u64) -> Result<WavInfo, WavError> {
    if head.len() < 12 || &head[0..4] != b"RIFF" || &head[8..12] != b"WAVE" {
        return Err(WavError::NotWave);
    }
    let mut format: Option<(u32, u16, u16)> = None;
    let mut at = 12usize;
    loop {
        let header = head.get(at..at + 8).ok_or(WavError::Truncated)?;
        let id = &header[0..4];
        let size = u32::from_le_bytes([header[4], header[5], header[6], header[7]]);
        let body = at + 8;
        if id == b"data" {
            let (sample_rate, channels, bits_per_sample) =
                format.ok_or(WavError::DataBeforeFormat)?;
            let present = file_len.saturating_sub(body as u64);
            return Ok(WavInfo {
                sample_rate,
                channels,
                bits_per_sample,
                data_bytes: u64::from(size).min(present),
            });
        }
        if id == b"fmt " {
            let chunk = head
                .get(body..body + size as usize)
                .ok_or(WavError::Truncated)?;
            format = Some(parse_format(chunk)?);
        }
        // Chunks are padded to an even length.
        at = body + size as usize + (size as usize & 1);
    }
}

fn parse_format(chunk: &[u8]) -> Result<(u32, u16, u16), WavError> {
    if chunk.len() < 16 {
        return Err(WavError::BadFormat("shorter than 16 bytes"));
    }
    let u16_at = |i: usize| u16::from_le_bytes([chunk[i], chunk[i + 1]]);
    let channels = u16_at(2);
    let sample_rate = u32::from_le_bytes([chunk[4], chunk[5], chunk[6], chunk[7]]);
    let bits_per_sample = u16_at(14);
    if channels == 0 {
        return Err(WavError::BadFormat("zero channels"));
    }
    if sample_rate == 0 {
        return Err(WavError::BadFormat("zero sample rate"));
    }
    if bits_per_sample == 0 {
        return Err(WavError::BadFormat("zero bits per sample"));
    }
    Ok((sample_rate, channels, bits_per_sample))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(id: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut out = id.to_vec();
        out.extend_from_slice(&(body.len() as u32).to_le_bytes());
        out.extend_from_slice(body);
        if body.len() % 2 == 1 {
            out.push(0);
        }
        out
    }

    fn fmt(rate: u32, channels: u16, bits: u16) -> Vec<u8> {
        let align = channels * bits / 8;
        let mut body = Vec::new();
        body.extend_from_slice(&1u16.to_le_bytes()); // PCM
        body.extend_from_slice(&channels.to_le_bytes());
        body.extend_from_slice(&rate.to_le_bytes());
        body.extend_from_slice(&(rate * u32::from(align)).to_le_bytes());
        body.extend_from_slice(&align.to_le_bytes());
        body.extend_from_slice(&bits.to_le_bytes());
        chunk(b"fmt ", &body)
    }

    fn riff(chunks: &[Vec<u8>]) -> Vec<u8> {
        let body: Vec<u8> = chunks.concat();
        let mut out = b"RIFF".to_vec();
        out.extend_from_slice(&(4 + body.len() as u32).to_le_bytes());
        out.extend_from_slice(b"WAVE");
        out.extend_from_slice(&body);
        out
    }

    #[test]
    fn a_handcrafted_header_with_an_odd_list_chunk_before_data_is_read() {
        // 22 050 Hz, mono, 16-bit: 44 100 bytes per second; 2 s of sound = 88 200 bytes.
        let sound = vec![0u8; 88_200];
        let file = riff(&[
            fmt(22_050, 1, 16),
            chunk(b"LIST", b"INFOISFT\x05\0\0\0odd!\0"), // odd length: padded
            chunk(b"data", &sound),
        ]);
        assert_ne!(
            file.len() - sound.len(),
            44,
            "the header is not the classic 44 bytes"
        );
        let info = parse(&file, file.len() as u64).unwrap();
        assert_eq!(
            info,
            WavInfo {
                sample_rate: 22_050,
                channels: 1,
                bits_per_sample: 16,
                data_bytes: 88_200
            }
        );
        assert!((info.seconds() - 2.0).abs() < 1e-9);
    }

    #[test]
    fn stereo_and_24_bit_count_in_the_duration() {
        // 48 kHz, 2 channels, 3 bytes a sample: 288 000 bytes per second.
        let file = riff(&[fmt(48_000, 2, 24), chunk(b"data", &vec![0u8; 144_000])]);
        let info = parse(&file, file.len() as u64).unwrap();
        assert!((info.seconds() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn only_the_header_is_needed_and_a_size_never_fixed_up_is_clamped_to_the_file() {
        let mut file = riff(&[fmt(16_000, 1, 16)]);
        file.extend_from_slice(b"data");
        file.extend_from_slice(&0x7fff_f000u32.to_le_bytes()); // streaming writers' size
        let head_len = file.len() as u64;
        // The file really holds 32 000 bytes of sound: one second.
        let info = parse(&file, head_len + 32_000).unwrap();
        assert_eq!(info.data_bytes, 32_000);
        assert!((info.seconds() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn files_that_are_not_wave_or_are_cut_short_are_refused() {
        assert_eq!(parse(b"OggS\0\0\0\0", 8), Err(WavError::NotWave));
        let no_data = riff(&[fmt(22_050, 1, 16)]);
        assert_eq!(parse(&no_data, 1000), Err(WavError::Truncated));
        let data_first = riff(&[chunk(b"data", &[0; 4]), fmt(22_050, 1, 16)]);
        assert_eq!(parse(&data_first, 1000), Err(WavError::DataBeforeFormat));
        let silent = riff(&[fmt(22_050, 0, 16), chunk(b"data", &[0; 4])]);
        assert_eq!(
            parse(&silent, 1000),
            Err(WavError::BadFormat("zero channels"))
        );
    }
}

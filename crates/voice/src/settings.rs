//! The settings that shape a clip's sound (and so are part of its key).

use crate::Error;

/// How the clips are made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Speaking rate, in espeak-ng's words per minute (`-s`, 80 to 450). Default 150.
    pub speed: u32,
    /// Opus bitrate in kbit/s (6 to 256). Default 12.
    pub opus_kbps: u32,
    /// MP3 bitrate in kbit/s, one of MPEG-2's at 16 kHz: 8, 16, 24, 32, 40, 48, 56, 64, 80,
    /// 96, 112, 128, 144 or 160. Default 24.
    pub mp3_kbps: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            speed: 150,
            opus_kbps: 12,
            mp3_kbps: 24,
        }
    }
}

/// Bitrates MPEG-2 Layer III allows at 16 kHz; lame would silently pick another one.
const MP3_KBPS: [u32; 14] = [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

impl Settings {
    pub(crate) fn check(&self) -> Result<(), Error> {
        let bad = |what: String| Err(Error::InvalidSettings(what));
        if !(80..=450).contains(&self.speed) {
            return bad(format!("speed {} is not within 80..=450", self.speed));
        }
        if !(6..=256).contains(&self.opus_kbps) {
            return bad(format!(
                "Opus bitrate {} is not within 6..=256",
                self.opus_kbps
            ));
        }
        if !MP3_KBPS.contains(&self.mp3_kbps) {
            return bad(format!(
                "MP3 bitrate {} is not one of {MP3_KBPS:?}",
                self.mp3_kbps
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_out_of_range_are_refused() {
        assert!(Settings::default().check().is_ok());
        let mp3_20 = Settings {
            mp3_kbps: 20,
            ..Settings::default()
        };
        assert!(matches!(mp3_20.check(), Err(Error::InvalidSettings(_))));
        let opus_5 = Settings {
            opus_kbps: 5,
            ..Settings::default()
        };
        assert!(opus_5.check().is_err());
    }
}

//! The vendored DejaVu faces, loaded once, each paired with the metrics used to measure text.
//!
//! krilla embeds (and subsets) a face only if a page draws with it, so a face that no layout
//! uses costs nothing in the PDF; it still costs binary size, hence only the faces below.

use std::sync::LazyLock;

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, GlyphId, MetadataProvider};

/// A font face: what krilla draws with and what we measure with, from the same bytes.
pub(crate) struct Face {
    pdf: krilla::text::Font,
    charmap: skrifa::charmap::Charmap<'static>,
    /// Advances in font units (unscaled), so one instance serves every font size.
    metrics: GlyphMetrics<'static>,
    /// The same face as rustybuzz reads it, to measure text that needs shaping.
    shaper: rustybuzz::Face<'static>,
    units_per_em: f32,
}

impl Face {
    /// Parses a vendored font. A failure here is a build defect (a corrupt file under
    /// `fonts/`), not a data error, so it panics with the file name.
    fn load(file: &str, bytes: &'static [u8]) -> Self {
        let font = FontRef::new(bytes)
            .unwrap_or_else(|e| panic!("vendored font fonts/{file} is not a valid font: {e}"));
        let units_per_em = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        assert!(
            units_per_em > 0.0,
            "vendored font fonts/{file} has no units per em"
        );
        let pdf = krilla::text::Font::new(bytes.into(), 0)
            .unwrap_or_else(|| panic!("krilla cannot read vendored font fonts/{file}"));
        let shaper = rustybuzz::Face::from_slice(bytes, 0)
            .unwrap_or_else(|| panic!("rustybuzz cannot read vendored font fonts/{file}"));
        Self {
            pdf,
            shaper,
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
        }
    }

    /// The handle krilla draws with (cheap to clone: reference-counted).
    pub(crate) fn pdf_font(&self) -> krilla::text::Font {
        self.pdf.clone()
    }

    /// Width of `text` set on one line at `size` points.
    ///
    /// Simple Latin text (see [`is_simple`]) sums nominal advances without kerning: shaping
    /// only ever tightens it, so this is a safe upper bound for "does it fit" and within a
    /// fraction of a point for centring. Other text (Arabic letters take joined forms, N'Ko
    /// too, marks combine) is shaped as krilla will draw it, and its shaped advances summed.
    /// A character the face lacks is measured as the `.notdef` box it will be drawn as.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = if text.chars().all(is_simple) {
            text.chars().map(|c| self.advance_units(c)).sum()
        } else {
            self.shaped_units(text)
        };
        units * size / self.units_per_em
    }

    /// The sum of the advances rustybuzz (krilla's shaper) gives `text`, in font units.
    fn shaped_units(&self, text: &str) -> f32 {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(&self.shaper, &[], buffer);
        shaped
            .glyph_positions()
            .iter()
            .map(|p| p.x_advance as f32)
            .sum()
    }

    /// Width of `text` on one line at `size` points with `tracking` (in em) added between
    /// characters, as drawn by [`Face::tracked_glyphs`].
    pub(crate) fn tracked_width(&self, text: &str, size: f32, tracking: f32) -> f32 {
        let gaps = text.chars().count().saturating_sub(1) as f32;
        self.width(text, size) + gaps * tracking * size
    }

    /// One glyph per character, each advanced by its width plus `tracking` em: letter-spacing,
    /// which krilla's shaper does not offer. No shaping happens, so callers use it only for
    /// text [`Face::can_track`] accepts. Each glyph maps back to its character, so copied or
    /// extracted text stays intact.
    pub(crate) fn tracked_glyphs(
        &self,
        text: &str,
        tracking: f32,
    ) -> Vec<krilla::text::KrillaGlyph> {
        text.char_indices()
            .map(|(start, c)| {
                let glyph = self.glyph(c);
                let advance =
                    self.metrics.advance_width(glyph).unwrap_or(0.0) / self.units_per_em + tracking;
                krilla::text::KrillaGlyph::new(
                    krilla::text::GlyphId::new(glyph.to_u32()),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    start..start + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }

    /// Whether `text` can be letter-spaced glyph by glyph: only precomposed Latin letters,
    /// digits and punctuation, which need no shaping (no combining marks, no joining scripts,
    /// no right-to-left text), and all present in the face.
    pub(crate) fn can_track(&self, text: &str) -> bool {
        text.chars()
            .all(|c| is_simple(c) && self.charmap.map(c).is_some())
    }

    /// How many characters of `text`, spaces aside, this face has no glyph for.
    pub(crate) fn missing(&self, text: &str) -> usize {
        text.chars()
            .filter(|c| !c.is_whitespace() && self.charmap.map(*c).is_none())
            .count()
    }

    fn glyph(&self, c: char) -> GlyphId {
        self.charmap.map(c).unwrap_or(GlyphId::NOTDEF)
    }

    fn advance_units(&self, c: char) -> f32 {
        self.metrics.advance_width(self.glyph(c)).unwrap_or(0.0)
    }
}

/// Latin letters with their accents precomposed, digits, punctuation and spaces: characters
/// that are drawn one glyph each, left to right, with no shaping.
fn is_simple(c: char) -> bool {
    matches!(c, ' '..='\u{2FF}' | '\u{2000}'..='\u{206F}') && !c.is_control()
}

macro_rules! vendored_face {
    ($file:literal) => {
        LazyLock::new(|| Face::load($file, include_bytes!(concat!("../fonts/", $file))))
    };
}

/// Headings and body text.
pub(crate) static SERIF: LazyLock<Face> = vendored_face!("DejaVuSerif.ttf");
/// The heading and the learner's name.
pub(crate) static SERIF_BOLD: LazyLock<Face> = vendored_face!("DejaVuSerif-Bold.ttf");
/// The English lines of a bilingual certificate, set apart from the French ones.
pub(crate) static SERIF_ITALIC: LazyLock<Face> = vendored_face!("DejaVuSerif-Italic.ttf");
/// Small print under the QR code, where a sans face stays legible at 7 pt.
pub(crate) static SANS: LazyLock<Face> = vendored_face!("DejaVuSans.ttf");
/// The certificate number and the verification address, which people copy by hand:
/// fixed width groups and a slashed zero keep 0/O and 1/I apart.
pub(crate) static MONO: LazyLock<Face> = vendored_face!("DejaVuSansMono.ttf");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vendored_face_loads_and_measures() {
        for face in [&*SERIF, &*SERIF_BOLD, &*SERIF_ITALIC, &*SANS, &*MONO] {
            let w = face.width("Attestation de réussite", 10.0);
            assert!(w > 50.0 && w < 200.0, "implausible width {w}");
        }
    }

    #[test]
    fn width_scales_linearly_with_size() {
        let small = SERIF.width("Bamako", 10.0);
        let large = SERIF.width("Bamako", 20.0);
        assert!((large - 2.0 * small).abs() < 0.01);
    }

    #[test]
    fn tracking_widens_by_the_gaps_between_characters() {
        let plain = SERIF.width("MALI", 10.0);
        assert!((SERIF.tracked_width("MALI", 10.0, 0.1) - (plain + 3.0)).abs() < 0.01);
        let glyphs = SERIF.tracked_glyphs("MALI", 0.1);
        let advance: f32 = glyphs.iter().map(|g| g.x_advance).sum();
        assert!((advance * 10.0 - (plain + 4.0)).abs() < 0.01);
    }

    #[test]
    fn only_simple_latin_text_is_tracked() {
        assert!(SERIF.can_track("DIRECTION DE L’ENFANT, KEÏTA & CO."));
        assert!(!SERIF.can_track("E\u{301}COLE"), "combining mark");
        assert!(!SERIF.can_track("مالي"), "joining script");
    }

    #[test]
    fn mono_advances_are_equal() {
        assert!((MONO.width("WWW", 10.0) - MONO.width("iii", 10.0)).abs() < 0.01);
    }
}

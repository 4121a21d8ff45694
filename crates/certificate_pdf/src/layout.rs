//! Where everything goes on the page, computed as plain data before anything is drawn.
//!
//! Keeping layout free of krilla lets the tests check geometry (nothing overlaps, nothing
//! leaves the frame) without parsing a PDF, and keeps drawing a dumb loop.
//!
//! Coordinates are PDF points (1/72 in) with the origin at the top left, y growing downwards,
//! as krilla's surface uses them. A text's `y` is its baseline.
//!
//! One file of about 800 lines, on purpose: it is one computation from the paper's edge to the
//! QR code, and the bilingual and one-language pages share every measure and constant in it;
//! most of its length is the geometry tests at the end.

use crate::fonts::{Face, MONO, SANS, SERIF, SERIF_BOLD, SERIF_ITALIC};
use crate::qr::{QUIET_ZONE_MODULES, QrMatrix};
use crate::text::{Fitted, clean, fit_line, fit_lines};
use crate::wording::{self, Bilingual};
use crate::{Certificate, Languages};

/// A4 landscape.
pub(crate) const PAGE_WIDTH: f32 = 842.0;
pub(crate) const PAGE_HEIGHT: f32 = 595.0;
const CENTRE_X: f32 = PAGE_WIDTH / 2.0;

/// The frame: a thick outer line and a thin inner one, inset from the paper edge far enough
/// that office printers (which cannot print the outer 5 mm or so) do not clip it.
pub(crate) const OUTER_FRAME_INSET: f32 = 22.0;
pub(crate) const OUTER_FRAME_WIDTH: f32 = 2.6;
pub(crate) const INNER_FRAME_INSET: f32 = 29.0;
pub(crate) const INNER_FRAME_WIDTH: f32 = 0.75;

/// Left and right edges of the content, well inside the frame.
const CONTENT_LEFT: f32 = 74.0;
const CONTENT_RIGHT: f32 = PAGE_WIDTH - 74.0;
/// The widest a centred line may be: narrower than the content so long lines keep a margin.
const TEXT_WIDTH: f32 = 600.0;
const NAME_WIDTH: f32 = 640.0;

/// Baseline of the issuer's name, the topmost text.
const ISSUER_BASELINE: f32 = 80.0;
/// The ornament under the issuer.
const ORNAMENT_Y: f32 = 97.0;
/// The central block (heading to date) is centred between these, and shrunk if it must be.
const STACK_TOP: f32 = 112.0;
/// Baseline of the lowest line on the page (number, small print under the QR code).
const BOTTOM_BASELINE: f32 = 543.0;

/// The QR symbol's side, quiet zone excluded: 30 mm, large enough for a phone to read a
/// 300-character payload from a laser print.
const QR_SIZE: f32 = 30.0 / 25.4 * 72.0;
/// The small print under the QR code never grows wider than this.
const QR_COLUMN_MAX_WIDTH: f32 = 270.0;

/// Vertical extent of a line of DejaVu text, as fractions of the font size.
const ASCENT: f32 = 0.93;
const DESCENT: f32 = 0.24;

/// Colours as 8-bit sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rgb(pub(crate) u8, pub(crate) u8, pub(crate) u8);

/// Deep navy: the frame, the heading and the ornaments. Prints well in greyscale too.
pub(crate) const NAVY: Rgb = Rgb(22, 48, 92);
/// Near-black for what must be read: the name, the title, the number.
const INK: Rgb = Rgb(26, 26, 30);
/// The English lines of a bilingual certificate and the small print.
const GREY: Rgb = Rgb(92, 96, 102);

/// A font, size and colour.
#[derive(Clone, Copy)]
struct Style {
    face: &'static Face,
    size: f32,
    color: Rgb,
}

impl Style {
    fn new(face: &'static Face, size: f32, color: Rgb) -> Self {
        Self { face, size, color }
    }
}

/// A line of text at its final place.
#[derive(Clone)]
pub(crate) struct PlacedText {
    pub(crate) text: String,
    pub(crate) face: &'static Face,
    pub(crate) size: f32,
    pub(crate) color: Rgb,
    pub(crate) x: f32,
    pub(crate) baseline: f32,
    /// Letter-spacing in em; non-zero only for text the face can track (see `Face::can_track`).
    pub(crate) tracking: f32,
}

#[cfg(test)]
impl PlacedText {
    pub(crate) fn width(&self) -> f32 {
        self.face
            .tracked_width(&self.text, self.size, self.tracking)
    }

    /// The box the line can ink: `(left, top, right, bottom)`.
    pub(crate) fn bounds(&self) -> (f32, f32, f32, f32) {
        (
            self.x,
            self.baseline - ASCENT * self.size,
            self.x + self.width(),
            self.baseline + DESCENT * self.size,
        )
    }
}

/// A straight line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rule {
    pub(crate) from: (f32, f32),
    pub(crate) to: (f32, f32),
    pub(crate) width: f32,
    pub(crate) color: Rgb,
}

/// A small filled diamond (lozenge), the ornament in the middle of a rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Diamond {
    pub(crate) centre: (f32, f32),
    pub(crate) half_width: f32,
    pub(crate) half_height: f32,
    pub(crate) color: Rgb,
}

/// The QR code: its matrix and where its top-left module goes.
#[derive(Debug, Clone)]
pub(crate) struct PlacedQr {
    pub(crate) matrix: QrMatrix,
    pub(crate) left: f32,
    pub(crate) top: f32,
    pub(crate) module: f32,
}

impl PlacedQr {
    pub(crate) fn size(&self) -> f32 {
        self.module * self.matrix.width() as f32
    }

    /// The symbol plus its quiet zone: no ink may fall in here.
    pub(crate) fn bounds_with_quiet_zone(&self) -> (f32, f32, f32, f32) {
        let quiet = self.module * QUIET_ZONE_MODULES as f32;
        (
            self.left - quiet,
            self.top - quiet,
            self.left + self.size() + quiet,
            self.top + self.size() + quiet,
        )
    }
}

/// Everything on one certificate page except the fixed frame.
pub(crate) struct PageLayout {
    pub(crate) texts: Vec<PlacedText>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) diamonds: Vec<Diamond>,
    pub(crate) qr: PlacedQr,
}

/// Lays out one certificate. The caller has already checked that the payload encodes.
pub(crate) fn layout(certificate: &Certificate, qr: QrMatrix, languages: Languages) -> PageLayout {
    let mut page = PageLayout {
        texts: Vec::new(),
        rules: Vec::new(),
        diamonds: Vec::new(),
        qr: place_qr(qr),
    };
    place_issuer(&mut page, &certificate.issuer);
    let stack_bottom = page.qr.bounds_with_quiet_zone().1 - 8.0;
    place_qr_caption(&mut page, certificate, languages);
    place_number(&mut page, &certificate.number, languages);
    let stack = central_stack(certificate, languages);
    stack.place(&mut page, STACK_TOP, stack_bottom);
    page
}

/// Letter-spacing of the issuer's name, in em.
const ISSUER_TRACKING: f32 = 0.09;

/// The issuing body, in letter-spaced capitals like an engraved letterhead, above a small
/// ornament.
fn place_issuer(page: &mut PageLayout, issuer: &str) {
    let issuer = clean(issuer).to_uppercase();
    // Tracking widens the line by a fixed ratio at any size: fit the untracked text to the
    // width divided by that ratio.
    let untracked = SERIF.width(&issuer, 1.0);
    let ratio = if untracked > 0.0 {
        SERIF.tracked_width(&issuer, 1.0, ISSUER_TRACKING) / untracked
    } else {
        1.0
    };
    let fitted = fit_line(&SERIF, &issuer, 10.5, 7.0, NAME_WIDTH / ratio);
    // A line cut with an ellipsis may have a different ratio: never let tracking overflow.
    let fits_tracked = fitted
        .lines
        .iter()
        .all(|l| SERIF.tracked_width(l, fitted.size, ISSUER_TRACKING) <= NAME_WIDTH);
    let tracking = if fits_tracked { ISSUER_TRACKING } else { 0.0 };
    let style = Style::new(&SERIF, fitted.size, NAVY);
    push_centred_tracked(page, &fitted, style, ISSUER_BASELINE, 0.0, tracking);
    ornament(page, ORNAMENT_Y);
}

/// A short rule broken by a diamond: the one flourish, separating letterhead from content.
fn ornament(page: &mut PageLayout, y: f32) {
    let (half_rule, gap) = (70.0, 9.0);
    let rule = |from: f32, to: f32| Rule {
        from: (from, y),
        to: (to, y),
        width: 0.6,
        color: NAVY,
    };
    page.rules
        .push(rule(CENTRE_X - gap - half_rule, CENTRE_X - gap));
    page.rules
        .push(rule(CENTRE_X + gap, CENTRE_X + gap + half_rule));
    page.diamonds.push(Diamond {
        centre: (CENTRE_X, y),
        half_width: 4.0,
        half_height: 3.0,
        color: NAVY,
    });
}

/// The QR code, bottom right, with its caption under it (placed by [`place_qr_caption`]).
/// The position depends on the caption's height, which is the same for every certificate
/// in a language mode, so it is computed from the caption's line sizes alone.
fn place_qr(matrix: QrMatrix) -> PlacedQr {
    let module = QR_SIZE / matrix.width().max(1) as f32;
    let quiet = module * QUIET_ZONE_MODULES as f32;
    let top = BOTTOM_BASELINE - caption_height() - quiet - QR_SIZE;
    // Horizontal position is settled once the caption width is known.
    PlacedQr {
        matrix,
        left: CONTENT_RIGHT - QR_SIZE,
        top,
        module,
    }
}

/// Caption lines under the QR code: the address, then the instruction (in each language).
const URL_SIZE: f32 = 7.0;
const HINT_SIZE: f32 = 7.0;
const HINT_SECONDARY_SIZE: f32 = 6.5;
const CAPTION_LEADING: f32 = 1.4;

/// From the top of the first caption line to the last baseline, at most (bilingual).
/// Single-language captions sit on the same bottom baseline and leave a little more air
/// under the code.
fn caption_height() -> f32 {
    ASCENT * URL_SIZE + CAPTION_LEADING * HINT_SIZE + CAPTION_LEADING * HINT_SECONDARY_SIZE
}

/// Centres the QR code and its caption on a common axis, the widest of them flush with the
/// right edge of the content.
fn place_qr_caption(page: &mut PageLayout, certificate: &Certificate, languages: Languages) {
    let url = fit_line(
        &MONO,
        &clean(&certificate.verify_url),
        URL_SIZE,
        5.0,
        QR_COLUMN_MAX_WIDTH,
    );
    let hint = wording::verify_hint();
    let mut lines = vec![(url, Style::new(&MONO, 0.0, INK))];
    for (text, primary) in pick(&hint, languages) {
        let (face, size, color) = if primary {
            (&*SANS, HINT_SIZE, INK)
        } else {
            (&*SANS, HINT_SECONDARY_SIZE, GREY)
        };
        lines.push((
            fit_line(face, text, size, 5.0, QR_COLUMN_MAX_WIDTH),
            Style::new(face, 0.0, color),
        ));
    }
    let widest = lines
        .iter()
        .flat_map(|(fitted, style)| {
            fitted
                .lines
                .iter()
                .map(|l| style.face.width(l, fitted.size))
        })
        .fold(page.qr.size(), f32::max);
    let axis = CONTENT_RIGHT - widest / 2.0;
    page.qr.left = axis - page.qr.size() / 2.0;

    // Bottom-up, so the last line always sits on the page's bottom baseline.
    let mut baseline = BOTTOM_BASELINE;
    for (fitted, style) in lines.iter().rev() {
        push_centred(
            page,
            fitted,
            Style {
                size: fitted.size,
                ..*style
            },
            baseline,
            axis - CENTRE_X,
        );
        baseline -= CAPTION_LEADING * fitted.size;
    }
}

/// "N° K7QF-9M2X-HT", bottom left: the label in the text face, the number in monospace.
fn place_number(page: &mut PageLayout, number: &str, languages: Languages) {
    let label = wording::number_label();
    let label = match languages {
        Languages::Bilingual => format!("{} / {}", label.fr, label.en),
        Languages::French => label.fr,
        Languages::English => label.en,
    };
    let label_style = Style::new(&SERIF, 10.5, GREY);
    let label_width = SERIF.width(&label, label_style.size) + SERIF.width(" ", label_style.size);
    page.texts.push(PlacedText {
        text: label,
        face: label_style.face,
        size: label_style.size,
        color: label_style.color,
        x: CONTENT_LEFT,
        baseline: BOTTOM_BASELINE,
        tracking: 0.0,
    });
    let available = page.qr.bounds_with_quiet_zone().0 - CONTENT_LEFT - label_width - 20.0;
    let number = fit_line(&MONO, &clean(number), 13.0, 7.0, available.min(300.0));
    page.texts.push(PlacedText {
        text: number.lines.into_iter().next().unwrap_or_default(),
        face: &MONO,
        size: number.size,
        color: INK,
        x: CONTENT_LEFT + label_width,
        baseline: BOTTOM_BASELINE,
        tracking: 0.0,
    });
}

/// Which language versions of a text to show: `(text, is_primary)`.
fn pick(text: &Bilingual, languages: Languages) -> Vec<(&str, bool)> {
    match languages {
        Languages::Bilingual => vec![(text.fr.as_str(), true), (text.en.as_str(), false)],
        Languages::French => vec![(text.fr.as_str(), true)],
        Languages::English => vec![(text.en.as_str(), true)],
    }
}

/// Appends fitted lines centred on `CENTRE_X + offset`, `LEADING` apart.
fn push_centred(page: &mut PageLayout, fitted: &Fitted, style: Style, baseline: f32, offset: f32) {
    push_centred_tracked(page, fitted, style, baseline, offset, 0.0);
}

/// [`push_centred`] with letter-spacing where the face can apply it (else none).
fn push_centred_tracked(
    page: &mut PageLayout,
    fitted: &Fitted,
    style: Style,
    baseline: f32,
    offset: f32,
    tracking: f32,
) {
    for (i, line) in fitted.lines.iter().enumerate() {
        let tracking = if style.face.can_track(line) {
            tracking
        } else {
            0.0
        };
        let width = style.face.tracked_width(line, style.size, tracking);
        page.texts.push(PlacedText {
            text: line.clone(),
            face: style.face,
            size: style.size,
            color: style.color,
            x: CENTRE_X + offset - width / 2.0,
            baseline: baseline + i as f32 * style.size * LEADING,
            tracking,
        });
    }
}

/// One element of the central block.
enum Item {
    /// Centred lines; `gap` is the space above the first line's ascent. A `stretchy` gap
    /// (between groups, not inside a French/English pair) grows when the page has room.
    Lines {
        fitted: Fitted,
        style: Style,
        gap: f32,
        stretchy: bool,
    },
    /// A centred hairline `gap` below the previous element.
    Rule { width: f32, gap: f32 },
}

/// The central block, heading to date, built top-down then placed as a whole.
struct Stack {
    items: Vec<Item>,
}

/// Line spacing inside a wrapped title, as a multiple of the font size.
const LEADING: f32 = 1.25;

impl Stack {
    /// Lines starting a group: the gap above them may stretch.
    fn group(&mut self, fitted: Fitted, style: Style, gap: f32) {
        let style = Style {
            size: fitted.size,
            ..style
        };
        self.items.push(Item::Lines {
            fitted,
            style,
            gap,
            stretchy: true,
        });
    }

    /// Lines that belong with the ones above (a translation): the gap stays tight.
    fn follow(&mut self, fitted: Fitted, style: Style, gap: f32) {
        let style = Style {
            size: fitted.size,
            ..style
        };
        self.items.push(Item::Lines {
            fitted,
            style,
            gap,
            stretchy: false,
        });
    }

    /// A French/English pair (or the one language asked for), each fitted on one line.
    fn pair(
        &mut self,
        text: &Bilingual,
        languages: Languages,
        primary: Style,
        secondary: Style,
        gap: f32,
    ) {
        for (i, (line, is_primary)) in pick(text, languages).into_iter().enumerate() {
            let style = if is_primary { primary } else { secondary };
            let fitted = fit_line(style.face, line, style.size, style.size * 0.6, TEXT_WIDTH);
            if i == 0 {
                self.group(fitted, style, gap);
            } else {
                self.follow(fitted, style, PAIR_GAP * style.size);
            }
        }
    }

    fn height(&self) -> f32 {
        self.items
            .iter()
            .map(|item| match item {
                Item::Lines {
                    fitted, style, gap, ..
                } => gap + lines_height(fitted.lines.len(), style.size),
                Item::Rule { gap, .. } => *gap,
            })
            .sum()
    }

    /// Sum of the gaps that may stretch.
    fn stretchy_gaps(&self) -> f32 {
        self.items
            .iter()
            .map(|item| match item {
                Item::Lines {
                    gap,
                    stretchy: true,
                    ..
                } => *gap,
                _ => 0.0,
            })
            .sum()
    }

    /// Places the block centred between `top` and `bottom`.
    ///
    /// If the block is short (one language, short title), the gaps between groups grow, up to
    /// double, to spend part of the spare room: the page then reads as a composed whole rather
    /// than a small block floating in white. If it is taller than the room, it is scaled down
    /// (sizes and gaps alike), so nothing ever collides with the QR code.
    fn place(self, page: &mut PageLayout, top: f32, bottom: f32) {
        let room = (bottom - top).max(1.0);
        let natural = self.height();
        let scale = if natural > room { room / natural } else { 1.0 };
        let stretchy = self.stretchy_gaps();
        let stretch = if natural < room && stretchy > 0.0 {
            (STRETCH_SHARE * (room - natural) / stretchy).min(1.0)
        } else {
            0.0
        };
        let mut y = top + (room - natural * scale - stretch * stretchy) / 2.0;
        for item in self.items {
            match item {
                Item::Lines {
                    fitted,
                    style,
                    gap,
                    stretchy,
                } => {
                    let gap = if stretchy { gap * (1.0 + stretch) } else { gap } * scale;
                    let size = style.size * scale;
                    let baseline = y + gap + ASCENT * size;
                    push_centred(page, &fitted, Style { size, ..style }, baseline, 0.0);
                    y += gap + lines_height(fitted.lines.len(), size);
                }
                Item::Rule { width, gap } => {
                    y += gap * scale;
                    let half = width * scale / 2.0;
                    page.rules.push(Rule {
                        from: (CENTRE_X - half, y),
                        to: (CENTRE_X + half, y),
                        width: 0.6,
                        color: NAVY,
                    });
                }
            }
        }
    }
}

/// Height of `count` lines at `size`, from the first ascent to the last descent.
fn lines_height(count: usize, size: f32) -> f32 {
    if count == 0 {
        return 0.0;
    }
    (ASCENT + DESCENT) * size + (count - 1) as f32 * LEADING * size
}

/// Share of the spare vertical room given to the gaps between groups (the rest is split
/// above and below the block).
const STRETCH_SHARE: f32 = 0.6;

/// Space between a French line and its English counterpart, as a fraction of the latter's size.
const PAIR_GAP: f32 = 0.15;

/// The face a learner's name is set in: the page's serif bold, unless DejaVu Sans has more of
/// the name's letters. The serif has no Arabic or N'Ko letters, which names in Mali may be
/// written in; the sans has both (and shapes them: joined Arabic letters, right to left).
fn name_face(name: &str) -> &'static Face {
    if SANS.missing(name) < SERIF_BOLD.missing(name) {
        &SANS
    } else {
        &SERIF_BOLD
    }
}

/// Heading, "awarded to", name, achievement, title, date and score.
fn central_stack(certificate: &Certificate, languages: Languages) -> Stack {
    // A single language has the page to itself: set it a little larger.
    let k = if languages == Languages::Bilingual {
        1.0
    } else {
        1.1
    };
    let secondary = |size: f32| Style::new(&SERIF_ITALIC, size, GREY);
    let mut stack = Stack { items: Vec::new() };

    let heading = wording::heading(certificate.kind);
    stack.pair(
        &heading,
        languages,
        Style::new(&SERIF_BOLD, 30.0 * k, NAVY),
        secondary(15.0),
        0.0,
    );

    let awarded = wording::awarded_to();
    stack.pair(
        &awarded,
        languages,
        Style::new(&SERIF, 13.0 * k, INK),
        secondary(10.5),
        20.0,
    );

    let name = clean(&certificate.name);
    let face = name_face(&name);
    let name = fit_line(face, &name, 34.0 * k, 16.0, NAME_WIDTH);
    let name_width = face.width(name.lines.first().map_or("", String::as_str), name.size);
    stack.group(name, Style::new(face, 0.0, INK), 8.0);
    stack.items.push(Item::Rule {
        width: (name_width + 60.0).clamp(220.0, NAME_WIDTH),
        gap: 7.0,
    });

    let achievement = wording::achievement(certificate.kind);
    stack.pair(
        &achievement,
        languages,
        Style::new(&SERIF, 13.0 * k, INK),
        secondary(10.5),
        14.0,
    );

    let titles = Bilingual {
        fr: clean(&certificate.title_fr),
        en: clean(&certificate.title_en),
    };
    for (i, (title, primary)) in pick(&titles, languages).into_iter().enumerate() {
        let (face, size, min, color) = if primary {
            (&*SERIF_BOLD, 19.0 * k, 14.0, INK)
        } else {
            (&*SERIF_ITALIC, 14.0, 11.0, GREY)
        };
        let fitted = fit_lines(face, title, size, min, TEXT_WIDTH, 2);
        if i == 0 {
            stack.group(fitted, Style::new(face, 0.0, color), 8.0);
        } else {
            let gap = 0.2 * fitted.size;
            stack.follow(fitted, Style::new(face, 0.0, color), gap);
        }
    }

    let date = wording::date_and_score(certificate.date, certificate.score);
    stack.pair(
        &date,
        languages,
        Style::new(&SERIF, 12.0 * k, INK),
        secondary(10.5),
        16.0,
    );
    stack
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;

    fn certificate(name: &str, title_fr: &str, title_en: &str) -> Certificate {
        Certificate {
            number: "K7QF-9M2X-HT".into(),
            name: name.into(),
            kind: Kind::Module,
            title_fr: title_fr.into(),
            title_en: title_en.into(),
            date: time::Date::from_calendar_date(2026, time::Month::November, 29).expect("date"),
            score: 85,
            issuer: "Direction nationale de la promotion de l’enfant et de la famille".into(),
            qr_payload: format!(
                "https://example.org/verify/K7QF-9M2X-HT?s={}",
                "Z".repeat(250)
            ),
            verify_url: "https://example.org/verify/K7QF-9M2X-HT".into(),
        }
    }

    fn lay_out(c: &Certificate, languages: Languages) -> PageLayout {
        layout(
            c,
            QrMatrix::encode(&c.qr_payload).expect("encodes"),
            languages,
        )
    }

    fn overlaps(a: (f32, f32, f32, f32), b: (f32, f32, f32, f32)) -> bool {
        a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
    }

    /// The worst cases the layout must survive without collisions.
    fn hard_cases() -> Vec<Certificate> {
        let long_title = "Protection de l’enfance dans les conflits armés : prévention du recrutement, \
                          libération, remise aux acteurs de protection et réintégration des enfants \
                          associés aux forces et groupes armés au Mali"
            .to_owned();
        vec![
            certificate("Awa Traoré", "Protection de l’enfance", "Child protection"),
            certificate(&"Mamadou Diarra ".repeat(14), &long_title, &long_title),
            certificate("W".repeat(200).as_str(), &"x".repeat(400), &"y".repeat(400)),
        ]
    }

    #[test]
    fn nothing_overlaps_and_everything_stays_inside_the_frame() {
        let frame = INNER_FRAME_INSET + INNER_FRAME_WIDTH;
        for c in hard_cases() {
            for languages in [Languages::Bilingual, Languages::French, Languages::English] {
                let page = lay_out(&c, languages);
                let quiet_zone = page.qr.bounds_with_quiet_zone();
                for (i, text) in page.texts.iter().enumerate() {
                    let b = text.bounds();
                    assert!(
                        b.0 > frame && b.1 > frame,
                        "{:?} leaves the frame",
                        text.text
                    );
                    assert!(
                        b.2 < PAGE_WIDTH - frame && b.3 < PAGE_HEIGHT - frame,
                        "{:?} leaves the frame",
                        text.text
                    );
                    assert!(
                        !overlaps(b, quiet_zone),
                        "{:?} is in the QR quiet zone",
                        text.text
                    );
                    for other in &page.texts[i + 1..] {
                        assert!(
                            !overlaps(b, other.bounds()),
                            "{:?} overlaps {:?}",
                            text.text,
                            other.text
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_qr_code_is_about_30_mm() {
        let page = lay_out(&hard_cases()[0], Languages::Bilingual);
        let mm = page.qr.size() / 72.0 * 25.4;
        assert!((29.0..=31.0).contains(&mm), "{mm} mm");
    }

    #[test]
    fn a_short_certificate_keeps_its_natural_sizes() {
        let page = lay_out(&hard_cases()[0], Languages::Bilingual);
        let name = page
            .texts
            .iter()
            .find(|t| t.text == "Awa Traoré")
            .expect("name placed");
        assert_eq!(name.size, 34.0);
    }

    #[test]
    fn a_name_in_arabic_or_nko_script_is_set_in_a_face_that_has_its_letters() {
        let face_of = |name: &str| {
            let page = lay_out(&certificate(name, "Titre", "Title"), Languages::Bilingual);
            let placed = page
                .texts
                .iter()
                .find(|t| t.text == name)
                .expect("name placed");
            (placed.face.missing(name), std::ptr::eq(placed.face, &*SANS))
        };
        assert_eq!(
            SERIF_BOLD.missing("مريم ديالو"),
            9,
            "the serif lacks Arabic"
        );
        assert_eq!(face_of("مريم ديالو"), (0, true));
        assert_eq!(face_of("ߊߡߌߣߊߕߊ"), (0, true));
        // Mixed with Latin letters, the sans still has them all.
        assert_eq!(face_of("Mariam مريم"), (0, true));
        assert_eq!(
            face_of("Awa Traoré"),
            (0, false),
            "Latin names keep the serif"
        );
        // Neither has the emoji: the face that lacks fewer letters.
        assert_eq!(face_of("ߊߡߌߣߊ 🙂"), (1, true));
        assert_eq!(face_of("Awa 🙂"), (1, false));
    }

    #[test]
    fn single_language_pages_show_only_that_language() {
        let c = hard_cases()[0].clone();
        let texts = |l| {
            lay_out(&c, l)
                .texts
                .into_iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join("\n")
        };
        let french = texts(Languages::French);
        assert!(french.contains("Attestation de réussite") && !french.contains("Certificate of"));
        let english = texts(Languages::English);
        assert!(english.contains("Certificate of achievement") && !english.contains("Attestation"));
        assert!(english.contains("No.") && !english.contains("N°"));
    }
}

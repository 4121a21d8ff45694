//! Turns a [`PageLayout`] into krilla drawing calls on one page.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::TextDirection;

use crate::layout::{
    Diamond, INNER_FRAME_INSET, INNER_FRAME_WIDTH, NAVY, OUTER_FRAME_INSET, OUTER_FRAME_WIDTH,
    PAGE_HEIGHT, PAGE_WIDTH, PageLayout, PlacedQr, PlacedText, Rgb, Rule,
};

pub(crate) fn draw_page(surface: &mut Surface<'_>, page: &PageLayout) {
    draw_frame(surface);
    for rule in &page.rules {
        draw_rule(surface, rule);
    }
    for diamond in &page.diamonds {
        draw_diamond(surface, diamond);
    }
    for text in &page.texts {
        draw_text(surface, text);
    }
    draw_qr(surface, &page.qr);
}

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

fn solid_fill(c: Rgb) -> Fill {
    Fill {
        paint: color(c).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn solid_stroke(c: Rgb, width: f32) -> Stroke {
    Stroke {
        paint: color(c).into(),
        width,
        ..Stroke::default()
    }
}

/// The double frame: thick outside, thin inside, like an engraved certificate border.
fn draw_frame(surface: &mut Surface<'_>) {
    for (inset, width) in [
        (OUTER_FRAME_INSET, OUTER_FRAME_WIDTH),
        (INNER_FRAME_INSET, INNER_FRAME_WIDTH),
    ] {
        let Some(rect) = Rect::from_ltrb(inset, inset, PAGE_WIDTH - inset, PAGE_HEIGHT - inset)
        else {
            continue;
        };
        let mut path = PathBuilder::new();
        path.push_rect(rect);
        if let Some(path) = path.finish() {
            surface.set_fill(None);
            surface.set_stroke(Some(solid_stroke(NAVY, width)));
            surface.draw_path(&path);
        }
    }
    surface.set_stroke(None);
}

fn draw_rule(surface: &mut Surface<'_>, rule: &Rule) {
    let mut path = PathBuilder::new();
    path.move_to(rule.from.0, rule.from.1);
    path.line_to(rule.to.0, rule.to.1);
    if let Some(path) = path.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(solid_stroke(rule.color, rule.width)));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}

fn draw_diamond(surface: &mut Surface<'_>, d: &Diamond) {
    let (x, y) = d.centre;
    let mut path = PathBuilder::new();
    path.move_to(x, y - d.half_height);
    path.line_to(x + d.half_width, y);
    path.line_to(x, y + d.half_height);
    path.line_to(x - d.half_width, y);
    path.close();
    if let Some(path) = path.finish() {
        surface.set_fill(Some(solid_fill(d.color)));
        surface.draw_path(&path);
    }
}

fn draw_text(surface: &mut Surface<'_>, text: &PlacedText) {
    if text.text.is_empty() {
        return;
    }
    surface.set_fill(Some(solid_fill(text.color)));
    let start = Point::from_xy(text.x, text.baseline);
    if text.tracking != 0.0 {
        let glyphs = text.face.tracked_glyphs(&text.text, text.tracking);
        surface.draw_glyphs(
            start,
            &glyphs,
            text.face.pdf_font(),
            &text.text,
            text.size,
            false,
        );
        return;
    }
    // Auto direction: a name in Arabic script still reads right to left. Bidi controls were
    // removed beforehand, so the text cannot force a direction onto anything else.
    surface.draw_text(
        start,
        text.face.pdf_font(),
        text.size,
        &text.text,
        false,
        TextDirection::Auto,
    );
}

/// The QR code as filled rectangles, one per horizontal run of dark modules, in pure black
/// for the best contrast a scanner can get.
fn draw_qr(surface: &mut Surface<'_>, qr: &PlacedQr) {
    let mut path = PathBuilder::new();
    for (row, col, len) in qr.matrix.dark_runs() {
        let x = qr.left + col as f32 * qr.module;
        let y = qr.top + row as f32 * qr.module;
        if let Some(rect) = Rect::from_xywh(x, y, len as f32 * qr.module, qr.module) {
            path.push_rect(rect);
        }
    }
    if let Some(path) = path.finish() {
        surface.set_stroke(None);
        surface.set_fill(Some(solid_fill(Rgb(0, 0, 0))));
        surface.draw_path(&path);
    }
}

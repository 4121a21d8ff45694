//! Plain-text preparation: cleaning untrusted strings, fitting them to a width, wrapping.
//!
//! Everything here measures with [`Face::width`], so what fits here fits on the page.

use crate::fonts::Face;

/// The ellipsis that marks a cut.
const ELLIPSIS: char = '…';

/// Removes what could disturb the page rather than show on it, and tidies spaces.
///
/// * Control characters (C0, DEL, C1) go; the whitespace ones among them (tab, newline…)
///   become a space (as do the Unicode line and paragraph separators), so "Awa\nTraoré"
///   does not turn into "AwaTraoré".
/// * Bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069,
///   U+200E, U+200F, U+061C) go, so a name cannot reorder or mirror the text after it.
/// * Runs of spaces collapse to one and the ends are trimmed. No-break spaces are kept: they
///   are French typography ("85 %", "« … »"), not layout tricks.
///
/// Everything else is kept verbatim: PDF text is not markup, "<script>" is just eight glyphs.
pub(crate) fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        let c = match c {
            c if is_bidi_control(c) => continue,
            '\u{2028}' | '\u{2029}' => ' ',
            c if c.is_control() && c.is_whitespace() => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    let trimmed_len = out.trim_end_matches(' ').len();
    out.truncate(trimmed_len);
    out
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Text broken into lines, at the font size chosen for it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fitted {
    pub(crate) lines: Vec<String>,
    pub(crate) size: f32,
}

/// Fits `text` on one line of `max_width`: the largest size up to `max_size` that fits, and
/// if even `min_size` is too wide, `min_size` with the end cut off behind an ellipsis.
pub(crate) fn fit_line(
    face: &Face,
    text: &str,
    max_size: f32,
    min_size: f32,
    max_width: f32,
) -> Fitted {
    let width_at_one_point = face.width(text, 1.0);
    let size = if width_at_one_point > 0.0 {
        (max_width / width_at_one_point).min(max_size)
    } else {
        max_size
    };
    if size >= min_size {
        // Round down to a tenth of a point so the PDF does not carry sizes like 23.456789.
        let size = (size * 10.0).floor() / 10.0;
        return Fitted {
            lines: vec![text.to_owned()],
            size,
        };
    }
    Fitted {
        lines: vec![ellipsize(face, text, min_size, max_width)],
        size: min_size,
    }
}

/// Fits `text` on at most `max_lines` lines of `max_width`, in this order of preference:
///
/// 1. one line, shrinking down to 85 % of `max_size` (a title reads best unbroken);
/// 2. wrapped at spaces into balanced lines (no lone last word), shrinking from `max_size`
///    towards `min_size` in half points;
/// 3. at `min_size`, the last line takes the rest of the text and is cut with an ellipsis.
///
/// A single word wider than a line is cut too, never overflows.
pub(crate) fn fit_lines(
    face: &Face,
    text: &str,
    max_size: f32,
    min_size: f32,
    max_width: f32,
    max_lines: usize,
) -> Fitted {
    if text.is_empty() {
        return Fitted {
            lines: Vec::new(),
            size: max_size,
        };
    }
    let one_line = fit_line(
        face,
        text,
        max_size,
        (0.85 * max_size).max(min_size),
        max_width,
    );
    if face.width(text, one_line.size) <= max_width {
        return one_line;
    }
    let max_lines = max_lines.max(1);
    let mut size = max_size;
    loop {
        if let Some(lines) = balanced_wrap(face, text, size, max_width, max_lines) {
            return Fitted { lines, size };
        }
        if size - 0.5 < min_size {
            let lines = wrap(face, text, size, max_width);
            return Fitted {
                lines: truncate_lines(face, lines, size, max_width, max_lines),
                size,
            };
        }
        size -= 0.5;
    }
}

/// Wraps onto as few lines as fit (at most `max_lines`), then narrows the wrapping width as
/// far as the line count allows, so the lines come out of similar length.
/// `None` if the text needs more lines or holds a word wider than `max_width`.
fn balanced_wrap(
    face: &Face,
    text: &str,
    size: f32,
    max_width: f32,
    max_lines: usize,
) -> Option<Vec<String>> {
    let fits = |lines: &[String], width: f32| lines.iter().all(|l| face.width(l, size) <= width);
    let greedy = wrap(face, text, size, max_width);
    if greedy.len() > max_lines || !fits(&greedy, max_width) {
        return None;
    }
    let count = greedy.len();
    let (mut narrow, mut wide) = (0.0_f32, max_width);
    for _ in 0..16 {
        let mid = (narrow + wide) / 2.0;
        let lines = wrap(face, text, size, mid);
        if lines.len() <= count && fits(&lines, mid) {
            wide = mid;
        } else {
            narrow = mid;
        }
    }
    Some(wrap(face, text, size, wide))
}

/// Keeps the first `max_lines` lines; the last one kept takes the rest of the text and is cut
/// with an ellipsis, and any over-long line is cut too.
fn truncate_lines(
    face: &Face,
    mut lines: Vec<String>,
    size: f32,
    max_width: f32,
    max_lines: usize,
) -> Vec<String> {
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(rest);
    }
    lines
        .into_iter()
        .map(|line| ellipsize(face, &line, size, max_width))
        .collect()
}

/// Greedy word wrap at ASCII spaces (a no-break space is, on purpose, not a break).
pub(crate) fn wrap(face: &Face, text: &str, size: f32, max_width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if current.is_empty() {
            current.push_str(word);
            continue;
        }
        let candidate_width =
            face.width(&current, size) + face.width(" ", size) + face.width(word, size);
        if candidate_width <= max_width {
            current.push(' ');
            current.push_str(word);
        } else {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// Returns `text` unchanged if it fits, else its longest prefix that fits followed by "…".
pub(crate) fn ellipsize(face: &Face, text: &str, size: f32, max_width: f32) -> String {
    if face.width(text, size) <= max_width {
        return text.to_owned();
    }
    let budget = max_width - face.width(&ELLIPSIS.to_string(), size);
    let mut kept = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = face.width(c.encode_utf8(&mut [0; 4]), size);
        if width + w > budget {
            break;
        }
        width += w;
        kept.push(c);
    }
    let mut kept = kept.trim_end().to_owned();
    kept.push(ELLIPSIS);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::SERIF;

    #[test]
    fn clean_drops_bidi_and_control_characters() {
        let hostile = "\u{202E}Awa\u{7} \u{2066}Traoré\u{2069}\u{200F}\u{1b}[31m";
        assert_eq!(clean(hostile), "Awa Traoré[31m");
    }

    #[test]
    fn clean_turns_line_breaks_into_single_spaces_and_trims() {
        assert_eq!(
            clean("  Awa\r\n\tTraoré \u{2028} Diallo  "),
            "Awa Traoré Diallo"
        );
    }

    #[test]
    fn clean_keeps_markup_and_no_break_spaces() {
        assert_eq!(
            clean("<script>alert(1)</script>"),
            "<script>alert(1)</script>"
        );
        assert_eq!(clean("«\u{a0}enfance\u{a0}»"), "«\u{a0}enfance\u{a0}»");
    }

    #[test]
    fn fit_line_keeps_the_largest_size_that_fits() {
        let fitted = fit_line(&SERIF, "Awa", 30.0, 10.0, 500.0);
        assert_eq!(fitted.size, 30.0);
        let fitted = fit_line(&SERIF, &"Awa ".repeat(20), 30.0, 10.0, 500.0);
        assert!(fitted.size < 30.0 && fitted.size >= 10.0);
        assert!(SERIF.width(&fitted.lines[0], fitted.size) <= 500.0);
    }

    #[test]
    fn fit_line_cuts_with_an_ellipsis_below_the_minimum_size() {
        let long = "Aminata ".repeat(40);
        let fitted = fit_line(&SERIF, &long, 30.0, 16.0, 500.0);
        assert_eq!(fitted.size, 16.0);
        assert!(fitted.lines[0].ends_with('…'));
        assert!(SERIF.width(&fitted.lines[0], 16.0) <= 500.0);
    }

    #[test]
    fn fit_lines_wraps_then_shrinks_then_cuts() {
        let title = "Protection de l’enfance dans les conflits armés";
        let one = fit_lines(&SERIF, title, 20.0, 14.0, 1000.0, 2);
        assert_eq!((one.lines.len(), one.size), (1, 20.0));
        let two = fit_lines(&SERIF, title, 20.0, 14.0, 300.0, 2);
        assert_eq!(two.lines.len(), 2);
        assert_eq!(two.lines.join(" "), title);
        let cut = fit_lines(&SERIF, &title.repeat(10), 20.0, 14.0, 300.0, 2);
        assert_eq!((cut.lines.len(), cut.size), (2, 14.0));
        assert!(cut.lines[1].ends_with('…'));
        assert!(cut.lines.iter().all(|l| SERIF.width(l, 14.0) <= 300.0));
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_not_overflowing() {
        let fitted = fit_lines(&SERIF, &"x".repeat(500), 20.0, 14.0, 200.0, 2);
        assert!(
            fitted
                .lines
                .iter()
                .all(|l| SERIF.width(l, fitted.size) <= 200.0)
        );
    }

    #[test]
    fn wrap_does_not_break_at_no_break_spaces() {
        let lines = wrap(&SERIF, "score\u{a0}85\u{a0}%", 20.0, 10.0);
        assert_eq!(lines.len(), 1);
    }

    #[test]
    fn empty_text_fits_without_panicking() {
        assert_eq!(
            fit_line(&SERIF, "", 30.0, 10.0, 100.0).lines,
            vec![String::new()]
        );
        assert!(fit_lines(&SERIF, "", 30.0, 10.0, 100.0, 2).lines.is_empty());
    }
}

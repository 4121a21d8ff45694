//! Rendering of pulldown-cmark events into readable blocks (headings, paragraphs, lists,
//! tables, callouts, quizzes).

use pulldown_cmark::{BlockQuoteKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::{Piece, front_matter};
use crate::text::{Lang, normalize_whitespace};

/// A quiz identifier.
fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Metadata line of a quiz question.
fn is_meta_line(line: &str) -> bool {
    let line = line.trim();
    ["objective:", "source:", "type:", "objectif:", "id:"]
        .iter()
        .any(|p| line.starts_with(p))
}

fn callout_label(kind: BlockQuoteKind, lang: Lang) -> &'static str {
    match kind {
        BlockQuoteKind::Note => lang.pick("Remarque.", "Note."),
        BlockQuoteKind::Tip => lang.pick("Conseil.", "Tip."),
        BlockQuoteKind::Important => "Important.",
        BlockQuoteKind::Warning => lang.pick("Attention.", "Warning."),
        BlockQuoteKind::Caution => lang.pick("Danger.", "Caution."),
    }
}

/// Adds a full stop when the block does not end with strong punctuation.
fn with_stop(text: &str) -> String {
    let text = text.trim_end();
    let core = text.trim_end_matches(|c: char| c.is_whitespace() || "»”’\"')]*_".contains(c));
    match core.chars().last() {
        None => String::new(),
        Some('.' | '!' | '?' | '…' | ':') => text.to_string(),
        Some(',' | ';') if core.len() == text.len() => {
            format!("{}.", text[..text.len() - 1].trim_end())
        }
        Some(_) => format!("{text}."),
    }
}

#[derive(Default)]
struct Renderer {
    lang: Option<Lang>,
    pieces: Vec<Piece>,
    block: String,
    heading: Option<(HeadingLevel, String)>,
    cell: Option<String>,
    row: Vec<String>,
    lists: Vec<Option<u64>>,
    links: Vec<bool>,
    skip_text: usize,
    seen_section: bool,
    meta_pending: bool,
    in_meta: bool,
}

/// Renders a document into pieces.
pub(super) fn render(markdown: &str, lang: Lang) -> Vec<Piece> {
    let (title, body) = front_matter(markdown);
    let mut r = Renderer {
        lang: Some(lang),
        ..Renderer::default()
    };
    if let Some(title) = title {
        r.push_block(&title);
    }
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_GFM;
    for event in Parser::new_ext(body, options) {
        r.event(event);
    }
    r.flush();
    r.pieces
}

impl Renderer {
    fn lang(&self) -> Lang {
        self.lang.unwrap_or(Lang::Other)
    }

    fn target(&mut self) -> &mut String {
        if let Some((_, text)) = self.heading.as_mut() {
            text
        } else if let Some(cell) = self.cell.as_mut() {
            cell
        } else {
            &mut self.block
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.skip_text == 0 {
            self.target().push_str(text);
        }
    }

    fn push_block(&mut self, text: &str) {
        let text = with_stop(&normalize_whitespace(text));
        if !text.is_empty() {
            self.pieces.push(Piece::Block(text));
        }
    }

    fn flush(&mut self) {
        let mut text = std::mem::take(&mut self.block);
        if self.in_meta {
            text = text
                .lines()
                .filter(|l| !is_meta_line(l))
                .collect::<Vec<_>>()
                .join("\n");
            self.in_meta = false;
        }
        self.push_block(&text);
    }

    fn end_heading(&mut self) {
        let Some((level, text)) = self.heading.take() else {
            return;
        };
        let text = normalize_whitespace(&text);
        if text.is_empty() {
            return;
        }
        let top = level <= HeadingLevel::H2;
        if top && is_identifier(&text) {
            self.pieces.push(Piece::Start(Some(text)));
            self.seen_section = true;
            self.meta_pending = true;
        } else if level == HeadingLevel::H2 || (level == HeadingLevel::H1 && self.seen_section) {
            self.pieces.push(Piece::Start(Some(text.clone())));
            self.seen_section = true;
            self.push_block(&text);
        } else {
            self.push_block(&text);
        }
    }

    fn end_row(&mut self) {
        let mut line = String::new();
        for cell in std::mem::take(&mut self.row) {
            if !line.is_empty() {
                line.push_str(if line.ends_with(['.', '!', '?']) {
                    " "
                } else {
                    ", "
                });
            }
            line.push_str(cell.trim_end_matches([',', ';']));
        }
        self.push_block(&line);
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {
                self.flush();
                self.in_meta = std::mem::take(&mut self.meta_pending);
            }
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some((level, String::new()));
            }
            Tag::BlockQuote(kind) => {
                self.flush();
                self.meta_pending = false;
                if let Some(kind) = kind {
                    let label = callout_label(kind, self.lang());
                    self.push_block(label);
                }
            }
            Tag::Item => {
                self.flush();
                if let Some(Some(n)) = self.lists.last_mut() {
                    self.block = format!("{n}. ");
                    *n += 1;
                }
            }
            Tag::List(start) => {
                self.flush();
                self.meta_pending = false;
                self.lists.push(start);
            }
            Tag::TableHead | Tag::TableRow => self.row.clear(),
            Tag::TableCell => self.cell = Some(String::new()),
            Tag::Link { link_type, .. } => {
                let hide = matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.links.push(hide);
                if hide {
                    self.skip_text += 1;
                }
            }
            Tag::Image { .. } => self.push_text(" "),
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Table(_) => {
                self.flush();
                self.meta_pending = false;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::TableCell => {
                let cell = normalize_whitespace(&self.cell.take().unwrap_or_default());
                if !cell.is_empty() {
                    self.pieces.push(Piece::Cell(cell.clone()));
                    self.row.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => self.end_row(),
            TagEnd::Link if self.links.pop() == Some(true) => {
                self.skip_text = self.skip_text.saturating_sub(1);
            }
            TagEnd::Image => self.push_text(" "),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::Table => self.flush(),
            _ => {}
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.push_text(&text),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_text(&text),
            Event::SoftBreak | Event::HardBreak => self.push_text("\n"),
            Event::Rule => self.flush(),
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
        }
    }
}

//! The one place that turns lesson Markdown into safe HTML.
//!
//! Links and images are resolved while the events stream by (so a broken one is reported on
//! its own line), then the HTML is passed through ammonia: raw HTML in a lesson can format
//! text but never run script.

use std::path::Path;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::problem::{Problem, line_at};
use crate::typography::{self, NO_BREAK_SPACE};

/// What a link or image in a lesson points to, once resolved.
pub(crate) enum Resolved {
    /// Leave the address as written (web addresses, anchors).
    Keep,
    /// Replace it with this site address.
    Rewrite(String),
    /// Report this message at the link's line.
    Broken(String),
}

/// Kinds of reference a lesson can make.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reference {
    Link,
    Image,
}

/// Classes that pulldown-cmark gives GitHub-style callouts (`> [!NOTE]`, `> [!WARNING]` …).
const CALLOUT_CLASSES: [&str; 5] = [
    "markdown-alert-note",
    "markdown-alert-tip",
    "markdown-alert-important",
    "markdown-alert-warning",
    "markdown-alert-caution",
];

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_GFM
        | Options::ENABLE_SMART_PUNCTUATION
}

static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder.add_allowed_classes("blockquote", CALLOUT_CLASSES);
    builder
});

/// Renders `body` (which starts on file line `body_line` of `path`, written in `lang`) to
/// sanitised HTML. French text gets its no-break spaces (see [`typography`]).
pub(crate) fn render(
    path: &Path,
    lang: &str,
    body: &str,
    body_line: usize,
    resolve: &mut dyn FnMut(Reference, &str) -> Resolved,
    problems: &mut Vec<Problem>,
) -> String {
    let mut events = Vec::new();
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = resolve_one(Reference::Link, dest_url, resolve, |message| {
                    problems.push(line_problem(path, body, body_line, range.start, message))
                });
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = resolve_one(Reference::Image, dest_url, resolve, |message| {
                    problems.push(line_problem(path, body, body_line, range.start, message))
                });
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            other => other,
        };
        events.push(event);
    }
    if typography::is_french(lang) {
        events = french_spacing(events);
    }
    let mut unsafe_html = String::with_capacity(body.len() * 2);
    html::push_html(&mut unsafe_html, events.into_iter());
    sanitise(&unsafe_html)
}

/// Where a text event stands: only prose gets French spacing, not code or an image's
/// description (which becomes an attribute).
fn is_prose_boundary(event: &Event<'_>, depth: &mut usize) {
    match event {
        Event::Start(Tag::CodeBlock(_) | Tag::Image { .. }) => *depth += 1,
        Event::End(TagEnd::CodeBlock | TagEnd::Image) => *depth = depth.saturating_sub(1),
        _ => {}
    }
}

/// Puts French no-break spaces into the prose of `events`. Adjacent text events are joined
/// first (smart punctuation splits them at quotes), so a space and the `?` after it are seen
/// together; a line break just before `; : ! ? »` or just after `«` becomes a no-break space.
fn french_spacing(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut joined: Vec<(Event<'_>, bool)> = Vec::with_capacity(events.len());
    let mut depth = 0;
    for event in events {
        is_prose_boundary(&event, &mut depth);
        let prose = depth == 0;
        if let Event::Text(text) = &event
            && prose
            && let Some((Event::Text(previous), true)) = joined.last_mut()
        {
            *previous = format!("{previous}{text}").into();
            continue;
        }
        joined.push((event, prose));
    }
    let text_at = |joined: &[(Event<'_>, bool)], i: Option<usize>| -> Option<String> {
        match joined.get(i?) {
            Some((Event::Text(text), true)) => Some(text.to_string()),
            _ => None,
        }
    };
    let mut out = Vec::with_capacity(joined.len());
    for i in 0..joined.len() {
        let event = match &joined[i] {
            (Event::Text(text), true) => {
                Event::Text(typography::french_spaces(text).into_owned().into())
            }
            (Event::SoftBreak, true) => {
                let before = text_at(&joined, i.checked_sub(1));
                let after = text_at(&joined, Some(i + 1));
                let joins = before.is_some_and(|t| t.ends_with('«'))
                    || after.is_some_and(|t| t.starts_with([';', ':', '!', '?', '»']));
                if joins {
                    Event::Text(NO_BREAK_SPACE.to_string().into())
                } else {
                    Event::SoftBreak
                }
            }
            (event, _) => event.clone(),
        };
        out.push(event);
    }
    out
}

/// Cleans HTML so that it can be inserted into a page: no script, no event handlers,
/// no `javascript:` addresses.
pub fn sanitise(html: &str) -> String {
    SANITISER.clean(html).to_string()
}

fn resolve_one<'a>(
    kind: Reference,
    dest: CowStr<'a>,
    resolve: &mut dyn FnMut(Reference, &str) -> Resolved,
    mut report: impl FnMut(String),
) -> CowStr<'a> {
    match resolve(kind, &dest) {
        Resolved::Keep => dest,
        Resolved::Rewrite(url) => url.into(),
        Resolved::Broken(message) => {
            report(message);
            dest
        }
    }
}

fn line_problem(
    path: &Path,
    body: &str,
    body_line: usize,
    offset: usize,
    message: String,
) -> Problem {
    Problem::new(path, body_line + line_at(body, offset) - 1, message)
}

/// The words of a Markdown text without its formatting, on one line: for tables and CSV
/// files, where HTML has no place.
pub(crate) fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod plain_text_tests {
    #[test]
    fn formatting_goes_and_words_stay() {
        assert_eq!(
            super::plain_text("Le **bénéfice** du *doute* : `18` ans.\nVrai [ou](x.md) faux ?"),
            "Le bénéfice du doute : 18 ans. Vrai ou faux ?"
        );
    }
}

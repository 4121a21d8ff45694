//! Markdown → readable text: `+++`/`---` front matter skipped (its `title` kept), headings,
//! paragraphs, lists, tables, `> [!NOTE]` callouts, quizzes (`## id` identifiers,
//! `objective:`/`source:`/`type:` lines, `[x]` boxes), splitting into sections at `##` headings.

mod render;

use render::render;

use crate::Section;
use crate::text::Lang;

/// Piece of text produced by the renderer.
pub(super) enum Piece {
    /// New section and its title.
    Start(Option<String>),
    /// Readable block (sentence, list item, table row).
    Block(String),
    /// Lone table cell (for the glossary).
    Cell(String),
}

/// Splits a lesson into sections.
pub(crate) fn sections(markdown: &str, lang: Lang) -> Vec<Section> {
    let mut out = Vec::new();
    let mut current = Section {
        title: None,
        text: String::new(),
    };
    for piece in render(markdown, lang) {
        match piece {
            Piece::Start(title) => {
                let done = std::mem::replace(
                    &mut current,
                    Section {
                        title,
                        text: String::new(),
                    },
                );
                if !done.text.is_empty() {
                    out.push(done);
                }
            }
            Piece::Block(text) => {
                if !current.text.is_empty() {
                    current.text.push(' ');
                }
                current.text.push_str(&text);
            }
            Piece::Cell(_) => {}
        }
    }
    if !current.text.is_empty() {
        out.push(current);
    }
    out
}

/// Every block and every cell, to learn the glossary.
pub(crate) fn blocks(markdown: &str) -> Vec<String> {
    render(markdown, Lang::Other)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Block(t) | Piece::Cell(t) => Some(t),
            Piece::Start(_) => None,
        })
        .collect()
}

/// Splits off the `+++ … +++` (TOML) or `--- … ---` (YAML) header; returns its title and body.
pub(super) fn front_matter(markdown: &str) -> (Option<String>, &str) {
    let text = markdown.trim_start_matches('\u{feff}');
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    let Some(delim) = ["+++", "---"]
        .into_iter()
        .find(|d| rest.lines().next().map(str::trim_end) == Some(*d))
    else {
        return (None, text);
    };
    let mut offset = start;
    let mut title = None;
    for (n, line) in text[start..].split_inclusive('\n').enumerate() {
        offset += line.len();
        let trimmed = line.trim_end();
        if n == 0 {
            continue;
        }
        if trimmed == delim || (delim == "---" && trimmed == "...") {
            return (title, &text[offset..]);
        }
        if title.is_none() {
            title = header_title(trimmed);
        }
    }
    (None, text)
}

/// `title = "…"` (TOML) or `title: …` (YAML), at the start of a line.
fn header_title(line: &str) -> Option<String> {
    let rest = line.strip_prefix("title")?.trim_start();
    let value = rest
        .strip_prefix('=')
        .or_else(|| rest.strip_prefix(':'))?
        .trim();
    let unquoted = if value.len() >= 2
        && ((value.starts_with('"') && value.ends_with('"'))
            || (value.starts_with('\'') && value.ends_with('\'')))
    {
        &value[1..value.len() - 1]
    } else {
        value
    };
    let title = unquoted.replace("\\\"", "\"").replace("\\\\", "\\");
    (!title.trim().is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_title_is_kept_and_the_rest_skipped() {
        let md = "+++\ntitle = \"Qui est un enfant ?\"\nsources = [\"art. 38\"]\n+++\n\nTexte.\n";
        let s = sections(md, Lang::Fr);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].title, None);
        assert_eq!(s[0].text, "Qui est un enfant ? Texte.");
        let yaml = "---\ntitle: Who is a child\n---\nText";
        assert_eq!(sections(yaml, Lang::En)[0].text, "Who is a child. Text.");
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        let s = sections("---\nnot closed", Lang::En);
        assert_eq!(s[0].text, "not closed.");
    }

    #[test]
    fn headings_split_sections_and_are_read() {
        let md =
            "# Titre\n\nIntro\n\n## Deux âges\n\nTexte *important*.\n\n### Sous-titre\n\n## Vide\n";
        let s = sections(md, Lang::Fr);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].text, "Titre. Intro.");
        assert_eq!(s[1].title.as_deref(), Some("Deux âges"));
        assert_eq!(s[1].text, "Deux âges. Texte important. Sous-titre.");
        assert_eq!(s[2].text, "Vide.");
    }

    #[test]
    fn lists_tables_links_images_and_callouts() {
        let md = "1. un\n2. deux ;\n\n- [voir](a.md)\n- ![Une frise](x.svg)\n\n| A | B |\n|---|---|\n| c. | d |\n\n> [!IMPORTANT]\n> Retenez 18 ans.\n\n<b>x</b> `code` <https://a.org>\n";
        let s = sections(md, Lang::Fr);
        assert_eq!(
            s[0].text,
            "1. un. 2. deux. voir. Une frise. A, B. c. d. Important. Retenez 18 ans. x code."
        );
    }

    #[test]
    fn quiz_questions_become_sections_without_metadata() {
        let md = "+++\ntitle = \"Quiz\"\n+++\n\n## ages-texte-18\nobjective: ages-15-18\nsource: Statut, art. 8\n\nQuel texte ?\n\n- [ ] La Convention\n  > Non : 15 ans.\n- [x] Le Protocole\n\nExplication.\n\n# poste\n\nLe cas.\n";
        let s = sections(md, Lang::Fr);
        assert_eq!(s.len(), 3);
        assert_eq!(s[1].title.as_deref(), Some("ages-texte-18"));
        assert_eq!(
            s[1].text,
            "Quel texte ? La Convention. Non : 15 ans. Le Protocole. Explication."
        );
        assert_eq!(s[2].title.as_deref(), Some("poste"));
        assert_eq!(s[2].text, "Le cas.");
    }

    #[test]
    fn odd_markdown_does_not_panic() {
        for md in [
            "",
            "+++",
            "+++\n+++",
            "## ",
            "|",
            "> [!NOTE]",
            "- [x]",
            "![](x)",
            "\u{feff}---\n---\n#",
        ] {
            let _ = sections(md, Lang::Fr);
            let _ = blocks(md);
        }
    }
}

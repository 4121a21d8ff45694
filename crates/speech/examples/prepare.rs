//! Prints the prepared sections of a Markdown file, to listen to them with espeak-ng.
//!
//! ```sh
//! cargo run --example prepare -- content/01-droit-et-enfants/01-les-ages-15-et-18.fr.md
//! cargo run --example prepare -- --plain FILE | espeak-ng -v fr -w /tmp/x.wav
//! ```
//!
//! The language comes from the name (`.fr.md`, `.en.md`) or `--lang fr|en`. The
//! `glossary.<lang>.md` beside the file completes the lesson's acronyms. `--plain` prints only
//! the text.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut path = None;
    let mut lang = None;
    let mut plain = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => lang = args.next(),
            "--plain" => plain = true,
            _ => path = Some(arg),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: prepare [--lang fr|en] [--plain] FILE.md");
        return ExitCode::FAILURE;
    };
    let path = Path::new(&path);
    let markdown = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let lang =
        lang.unwrap_or_else(|| if name.ends_with(".en.md") { "en" } else { "fr" }.to_string());
    let mut glossary = speech::Glossary::from_markdown(&markdown);
    let module_glossary = path.with_file_name(format!("glossary.{lang}.md"));
    if let Ok(text) = std::fs::read_to_string(&module_glossary) {
        glossary.merge(&speech::Glossary::from_markdown(&text));
    }
    let mut out = std::io::stdout().lock();
    let mut total = 0;
    for section in speech::sections(&markdown, &lang) {
        let prepared = speech::prepare(&section.text, &lang, &glossary);
        total += speech::words(&prepared);
        let written = if plain {
            writeln!(out, "{prepared}\n")
        } else {
            let title = section.title.as_deref().unwrap_or("(début / start)");
            writeln!(out, "## {title}\n{prepared}\n")
        };
        // Closed output: stop quietly.
        if written.is_err() {
            return ExitCode::SUCCESS;
        }
    }
    if !plain && writeln!(out, "-- {total} mots / words").is_err() {
        return ExitCode::SUCCESS;
    }
    ExitCode::SUCCESS
}

//! The player of a clip read by the voice: a plain `<audio controls preload="none">` with the
//! Opus file and its MP3 fallback, and a link to the file that says how long it is and what
//! it weighs ("Écouter — 2 min 28 s, 195 Ko"). It works without JavaScript, on old phones
//! (the link opens the phone's own player) and downloads nothing until the learner taps.

use leptos::prelude::*;

use crate::i18n::{Lang, tr, tr_args, use_lang};
use crate::model::{Clip, ClipSize};

/// What the player is for: it names the player for screen readers and sets its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listening {
    /// The whole lesson, at the top of the page: large.
    Lesson,
    /// One `##` section of a lesson, under its heading.
    Section,
    Question,
    Scenario,
}

impl Listening {
    fn label_key(self) -> &'static str {
        match self {
            Listening::Lesson => "listen-lesson",
            Listening::Section => "listen-section",
            Listening::Question => "listen-question",
            Listening::Scenario => "listen-scenario",
        }
    }

    fn class(self) -> &'static str {
        match self {
            Listening::Lesson => "listen listen-lesson",
            _ => "listen",
        }
    }
}

#[component]
pub fn Listen(clip: Clip, what: Listening) -> impl IntoView {
    let lang = use_lang();
    let Clip { opus, mp3, size } = clip;
    let label = move || tr(lang.get(), what.label_key());
    let link = move || file_label(lang.get(), size);
    view! {
        <div class=what.class()>
            <audio controls preload="none" aria-label=label>
                <source src=opus.clone() type="audio/ogg; codecs=opus" />
                <source src=mp3 type="audio/mpeg" />
            </audio>
            <a class="listen-file" href=opus download="">
                {link}
            </a>
        </div>
    }
}

/// "Écouter — 2 min 28 s, 195 Ko"; only "Écouter" while the clip's size is not known yet.
fn file_label(lang: Lang, size: Option<ClipSize>) -> String {
    let Some(ClipSize { seconds, bytes }) = size else {
        return tr(lang, "listen-file-plain");
    };
    let (minutes, seconds) = (seconds / 60, seconds % 60);
    let duration = if minutes == 0 {
        tr_args(lang, "listen-seconds", &[("seconds", seconds.to_string())])
    } else {
        tr_args(
            lang,
            "listen-minutes",
            &[
                ("minutes", minutes.to_string()),
                ("seconds", seconds.to_string()),
            ],
        )
    };
    // Kilobytes as a phone's file manager counts them, rounded up: never "0 Ko".
    let kilobytes = bytes.div_ceil(1000).max(1);
    tr_args(
        lang,
        "listen-file",
        &[("duration", duration), ("size", kilobytes.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> Lang {
        Lang::parse("fr").unwrap()
    }

    fn en() -> Lang {
        Lang::parse("en").unwrap()
    }

    fn sized(seconds: u32, bytes: u64) -> Option<ClipSize> {
        Some(ClipSize { seconds, bytes })
    }

    #[test]
    fn the_link_says_duration_and_size_in_the_page_language() {
        assert_eq!(
            file_label(fr(), sized(148, 194_600)),
            "Écouter — 2 min 28 s, 195 Ko"
        );
        assert_eq!(
            file_label(en(), sized(148, 194_600)),
            "Listen — 2 min 28 s, 195 KB"
        );
        assert_eq!(file_label(fr(), sized(45, 60_001)), "Écouter — 45 s, 61 Ko");
        assert_eq!(file_label(en(), sized(3, 10)), "Listen — 3 s, 1 KB");
        assert_eq!(file_label(fr(), None), "Écouter");
    }
}

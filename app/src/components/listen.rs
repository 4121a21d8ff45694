//! The player of a clip read by the voice: a plain `<audio controls preload="none">` with the
//! Opus file and its MP3 fallback, and a link to the file that says how long it is and what
//! it weighs ("Écouter — 2 min 28 s, 195 Ko"). It works without JavaScript, on old phones
//! (the link opens the phone's own player) and downloads nothing until the learner taps.

use leptos::prelude::*;

use crate::i18n::{Lang, tr, tr_args, tr_if_any, use_lang};
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

/// A player for `clip`. `spoken_in` is the code of the language it is spoken in when that is
/// not the page's (a trainer's recording in Bambara: "Écouter en bambara").
#[component]
pub fn Listen(
    clip: Clip,
    what: Listening,
    #[prop(optional)] spoken_in: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let Clip { opus, mp3, size } = clip;
    let language = spoken_in.clone();
    let label = move || match &language {
        Some(code) => in_language(lang.get(), code, None),
        None => tr(lang.get(), what.label_key()),
    };
    let link = move || match &spoken_in {
        Some(code) => in_language(lang.get(), code, size),
        None => file_label(lang.get(), size),
    };
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

/// "Écouter en bambara", with the file's length and size once they are known ("Écouter en
/// bambara — 1 min 30 s, 120 Ko"). A language without a name in the interface is shown by
/// its code.
fn in_language(lang: Lang, code: &str, size: Option<ClipSize>) -> String {
    let language = tr_if_any(lang, &format!("language-name-{code}")).unwrap_or(code.to_string());
    let Some(size) = size else {
        return tr_args(lang, "listen-in", &[("language", language)]);
    };
    let (duration, kilobytes) = duration_and_size(lang, size);
    tr_args(
        lang,
        "listen-file-in",
        &[
            ("language", language),
            ("duration", duration),
            ("size", kilobytes),
        ],
    )
}

/// "Écouter — 2 min 28 s, 195 Ko"; only "Écouter" while the clip's size is not known yet.
fn file_label(lang: Lang, size: Option<ClipSize>) -> String {
    let Some(size) = size else {
        return tr(lang, "listen-file-plain");
    };
    let (duration, kilobytes) = duration_and_size(lang, size);
    tr_args(
        lang,
        "listen-file",
        &[("duration", duration), ("size", kilobytes)],
    )
}

/// "2 min 28 s" and "195": the length, and the size in kilobytes.
fn duration_and_size(lang: Lang, ClipSize { seconds, bytes }: ClipSize) -> (String, String) {
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
    (duration, bytes.div_ceil(1000).max(1).to_string())
}

/// The playback speeds a learner may choose: slower for a learner who reads with
/// difficulty, faster for one who knows the subject.
const SPEEDS: [f32; 3] = [0.75, 1.0, 1.25];

/// "Vitesse : 0,75× 1× 1,25×", for every player of the page. Hidden: the page script
/// (`server/offline/page.js`) shows and works it, so without JavaScript the players are as
/// they were (their own menu may still offer a speed).
#[component]
pub fn ListenSpeed() -> impl IntoView {
    let lang = use_lang().get_untracked();
    let label = |speed: f32| {
        let text = format!("{speed}×");
        if lang.code() == "fr" {
            text.replace('.', ",")
        } else {
            text
        }
    };
    view! {
        <p class="listen-speed" data-speed hidden>
            <span>{tr(lang, "listen-speed")}</span>
            {SPEEDS
                .into_iter()
                .map(|speed| {
                    view! {
                        <button
                            type="button"
                            class="button"
                            data-rate=speed.to_string()
                            aria-pressed="false"
                        >
                            {label(speed)}
                        </button>
                    }
                })
                .collect_view()}
        </p>
    }
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

    #[test]
    fn a_recording_in_another_language_names_it() {
        assert_eq!(
            in_language(fr(), "bm", sized(90, 120_000)),
            "Écouter en bambara — 1 min 30 s, 120 Ko"
        );
        assert_eq!(in_language(en(), "bm", None), "Listen in Bambara");
        assert_eq!(in_language(fr(), "bm", None), "Écouter en bambara");
        // A language the interface has no name for is shown by its code.
        assert_eq!(in_language(fr(), "ff", None), "Écouter en ff");
    }
}

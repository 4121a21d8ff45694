//! The page's `<title>`, set in one place for every page.
//!
//! Two faults of leptos_meta's server side meet here. It writes the title into the head as it
//! is, without escaping, so a learner named `</title><meta http-equiv=refresh …>` could send
//! the trainer who opens their record elsewhere. And it reads the title's text only when the
//! first chunk of the page is ready, after the page's reactive owner may have gone: a title
//! made from a signal (`move || tr(lang.get(), …)`) then panicked ("no Arena is active") on
//! whichever worker thread picked the task up, and a classroom signing in at once saw error
//! pages. So on the server the text is read once, while the page renders, escaped, and handed
//! to leptos_meta as a plain string that needs no reactive system to read. In the browser the
//! text stays reactive (the language switch changes it in place) and goes to
//! `document.title`, which is text, not markup.

use leptos::prelude::*;
use leptos::text_prop::TextProp;
use leptos_meta::Title;

#[component]
pub fn PageTitle(#[prop(into)] text: TextProp) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let text = escape(&text.get());
    view! { <Title text /> }
}

/// The title's text as HTML text: `&`, `<` and `>` escaped (a `<title>` holds text only, and
/// the browser decodes these before showing it).
#[cfg(feature = "ssr")]
fn escape(text: &str) -> String {
    html_escape::encode_text(text).into_owned()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_title_is_text() {
        assert_eq!(
            escape("</title><meta http-equiv=refresh content=0;url=//x>"),
            "&lt;/title&gt;&lt;meta http-equiv=refresh content=0;url=//x&gt;"
        );
        assert_eq!(escape("Gao & Kidal"), "Gao &amp; Kidal");
        assert_eq!(escape("Cohorte « Mopti »"), "Cohorte « Mopti »");
    }
}

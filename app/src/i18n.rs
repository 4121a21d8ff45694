//! Languages and interface strings.
//!
//! The interface strings live in Fluent files under `app/locales/<code>/`; each folder found
//! there at build time is a language of the platform, French (the reference) first. Adding a
//! language means adding a folder there and a translation of every lesson under `content/`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use leptos::prelude::*;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "fr",
        // Fluent wraps arguments in invisible Unicode isolation marks by default; they end up
        // in titles and tests, and French and English need none.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The platform's languages as codes, the reference language first.
static LANGUAGES: LazyLock<Vec<(String, LanguageIdentifier)>> = LazyLock::new(|| {
    let mut languages: Vec<(String, LanguageIdentifier)> = LOCALES
        .locales()
        .map(|id| (id.to_string(), id.clone()))
        .collect();
    languages.sort_by_key(|(code, _)| (code != REFERENCE, code.clone()));
    languages
});

const REFERENCE: &str = "fr";

/// One of the platform's languages. Only [`Lang::parse`] and [`Lang::default`] make one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang(&'static str);

impl Lang {
    /// The language with this code (`fr`, `en`), if the platform has it.
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        LANGUAGES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(c, _)| Lang(c.as_str()))
    }

    /// The code, as used in `<html lang>`, cookies and file names.
    pub fn code(self) -> &'static str {
        self.0
    }

    /// Every language of the platform, the reference language first.
    pub fn all() -> Vec<Lang> {
        LANGUAGES.iter().map(|(c, _)| Lang(c.as_str())).collect()
    }

    fn id(self) -> &'static LanguageIdentifier {
        &LANGUAGES
            .iter()
            .find(|(c, _)| *c == self.0)
            .expect("a Lang is always in LANGUAGES")
            .1
    }
}

/// In a server function's arguments a language travels as its code. A code the platform does
/// not have reads as the reference language, as an unknown cookie does: a page asked for in
/// another language is still a page, never an error.
impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Ok(Lang::parse(&code).unwrap_or_default())
    }
}

impl Default for Lang {
    fn default() -> Self {
        Lang::parse(REFERENCE).expect("the reference language has a locales folder")
    }
}

/// The interface string `key` in `lang`.
pub fn tr(lang: Lang, key: &str) -> String {
    LOCALES.lookup(lang.id(), key)
}

/// The interface string `key` in `lang`, if there is one: for keys made from data, such as a
/// language's name (`language-name-bm`).
pub fn tr_if_any(lang: Lang, key: &str) -> Option<String> {
    LOCALES.try_lookup(lang.id(), key)
}

/// The interface string `key` in `lang`, with numeric arguments such as `count`.
pub fn tr_n(lang: Lang, key: &str, args: &[(&'static str, i64)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(*value)))
        .collect();
    LOCALES.lookup_with_args(lang.id(), key, &args)
}

/// The interface string `key` in `lang`, with text arguments such as `time`.
pub fn tr_args(lang: Lang, key: &str, args: &[(&'static str, String)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(value.clone())))
        .collect();
    LOCALES.lookup_with_args(lang.id(), key, &args)
}

/// The visitor's language, shared by every component; changing it re-renders the page.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// The interface string `key` in the page's language, for a view: `{t("lesson-next")}`.
/// Pages render on the server only (islands mode) and a language switch is a plain form that
/// reloads the page, so nothing needs to re-render when the language changes.
pub fn t(key: &str) -> String {
    tr(use_lang().get_untracked(), key)
}

/// The language the page was first rendered in: on the server, from the request; in the
/// browser, from the `<html lang>` the server wrote, so that hydration matches.
pub fn initial_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| ssr::request_lang(&parts.headers))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|code| Lang::parse(&code))
            .unwrap_or_default()
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    //! Choosing a visitor's language from the request.

    use super::{LANGUAGES, Lang};
    use fluent_langneg::{NegotiationStrategy, negotiate_languages, parse_accepted_languages};
    use http::HeaderMap;
    use http::header::{ACCEPT_LANGUAGE, COOKIE};

    /// The name of the cookie that keeps a visitor's choice of language.
    pub const COOKIE_NAME: &str = "lang";

    /// The visitor's chosen language (cookie), else the best match for `Accept-Language`,
    /// else the reference language.
    pub fn request_lang(headers: &HeaderMap) -> Lang {
        cookie_lang(headers)
            .or_else(|| accepted_lang(headers))
            .unwrap_or_default()
    }

    fn cookie_lang(headers: &HeaderMap) -> Option<Lang> {
        headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| cookie::Cookie::split_parse(value.to_owned()))
            .filter_map(Result::ok)
            .find(|c| c.name() == COOKIE_NAME)
            .and_then(|c| Lang::parse(c.value()))
    }

    fn accepted_lang(headers: &HeaderMap) -> Option<Lang> {
        let header = headers.get(ACCEPT_LANGUAGE)?.to_str().ok()?;
        let requested = parse_accepted_languages(header);
        let available: Vec<_> = LANGUAGES.iter().map(|(_, id)| id.clone()).collect();
        let chosen =
            negotiate_languages(&requested, &available, None, NegotiationStrategy::Filtering);
        chosen.first().and_then(|id| Lang::parse(&id.to_string()))
    }

    /// The `Set-Cookie` value that keeps `lang` for a year.
    pub fn lang_cookie(lang: Lang) -> String {
        cookie::Cookie::build((COOKIE_NAME, lang.code()))
            .path("/")
            .max_age(cookie::time::Duration::days(365))
            .same_site(cookie::SameSite::Lax)
            .http_only(true)
            .build()
            .to_string()
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use http::HeaderValue;

        fn headers(pairs: &[(http::HeaderName, &str)]) -> HeaderMap {
            let mut map = HeaderMap::new();
            for (name, value) in pairs {
                map.append(name.clone(), HeaderValue::from_str(value).unwrap());
            }
            map
        }

        #[test]
        fn a_first_visit_follows_accept_language() {
            assert_eq!(
                request_lang(&headers(&[(ACCEPT_LANGUAGE, "en-GB,en;q=0.9,fr;q=0.5")])).code(),
                "en"
            );
            assert_eq!(
                request_lang(&headers(&[(ACCEPT_LANGUAGE, "fr-ML,fr;q=0.9")])).code(),
                "fr"
            );
        }

        #[test]
        fn an_unknown_or_missing_language_falls_back_to_french() {
            assert_eq!(
                request_lang(&headers(&[(ACCEPT_LANGUAGE, "de-DE,ar")])).code(),
                "fr"
            );
            assert_eq!(
                request_lang(&headers(&[(ACCEPT_LANGUAGE, "%%%garbage")])).code(),
                "fr"
            );
            assert_eq!(request_lang(&HeaderMap::new()).code(), "fr");
        }

        #[test]
        fn the_cookie_wins_over_accept_language() {
            let h = headers(&[(ACCEPT_LANGUAGE, "fr"), (COOKIE, "theme=dark; lang=en")]);
            assert_eq!(request_lang(&h).code(), "en");
            let bad = headers(&[(ACCEPT_LANGUAGE, "en"), (COOKIE, "lang=xx")]);
            assert_eq!(request_lang(&bad).code(), "en");
        }

        #[test]
        fn the_cookie_lasts_a_year_for_the_whole_site() {
            let cookie = lang_cookie(Lang::parse("en").unwrap());
            for part in [
                "lang=en",
                "Path=/",
                "Max-Age=31536000",
                "SameSite=Lax",
                "HttpOnly",
            ] {
                assert!(cookie.contains(part), "{part} missing from {cookie}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_is_the_reference_and_english_is_present() {
        let codes: Vec<&str> = Lang::all().into_iter().map(Lang::code).collect();
        assert_eq!(codes.first(), Some(&"fr"));
        assert!(codes.contains(&"en"));
        assert_eq!(Lang::default().code(), "fr");
        assert_eq!(Lang::parse(" EN ").map(Lang::code), Some("en"));
        assert_eq!(Lang::parse("de"), None);
    }

    #[test]
    fn strings_are_translated_with_plurals() {
        let fr = Lang::parse("fr").unwrap();
        let en = Lang::parse("en").unwrap();
        assert_eq!(tr_n(fr, "module-lessons", &[("count", 1)]), "1 leçon");
        assert_eq!(tr_n(fr, "module-lessons", &[("count", 3)]), "3 leçons");
        assert_eq!(tr_n(en, "module-lessons", &[("count", 3)]), "3 lessons");
        assert_eq!(tr(en, "not-found-title"), "Page not found");
    }
}

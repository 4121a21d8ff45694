//! Every address the platform links to or redirects to, built in one place. The routes
//! themselves are declared in `app.rs` (pages) and `server/src/router.rs` (files); a change of
//! address is made here and there, and nowhere else.

use crate::model::{ReportKind, ReportQuery};
use crate::words::words;

words! {
    /// What a form did, said by the address it redirects to (`/account?done=password`) so that
    /// the page can confirm it, with or without JavaScript.
    Done { Password => "password", Retention => "retention", Deleted => "deleted" }
}

/// `path?done=…`: where a form sends the browser once it has done its work.
pub fn done_href(path: &str, done: Done) -> String {
    format!("{path}?done={}", done.code())
}

/// What the address of the current page says was done, if anything.
pub fn done_in(query: &leptos_router::params::ParamsMap) -> Option<Done> {
    query.get_str("done").and_then(Done::parse)
}

// The course.

pub fn module_href(module: &str) -> String {
    format!("/modules/{module}")
}

pub fn lesson_href(module: &str, lesson: &str) -> String {
    format!("/modules/{module}/{lesson}")
}

pub fn job_aid_href(module: &str) -> String {
    format!("/job-aid/{module}")
}

pub fn glossary_href(module: &str) -> String {
    format!("/glossary/{module}")
}

/// A clip of the voice (`/audio/<key>.opus` or `.mp3`), named by the hash of what it says.
pub fn audio_href(key: &str, extension: &str) -> String {
    format!("/audio/{key}.{extension}")
}

/// A module's quiz or pre-test (`kind`: `quiz`, `pretest`).
pub fn quiz_href(module: &str, kind: &str) -> String {
    format!("/modules/{module}/test/{kind}")
}

pub fn attempt_href(module: &str, kind: &str, number: u32) -> String {
    format!("/modules/{module}/test/{kind}/{number}")
}

/// The web app manifest for pages in `lang` (one per language: a browser fetches it without
/// the visitor's cookie).
pub fn manifest_href(lang: &str) -> String {
    format!("/manifest.{lang}.webmanifest")
}

/// The page a phone shows for a page it has not saved, when it has no network.
pub const OFFLINE_HREF: &str = "/offline";

// Certificates.

/// The public page that says whether certificate `number` is valid.
pub fn verify_href(number: &str) -> String {
    format!("/verify/{number}")
}

/// The check of a certificate's signed code (what its QR code opens). A code is base64url
/// and dots: nothing in it needs escaping in an address.
pub fn verify_code_href(code: &str) -> String {
    format!("/verify?code={code}")
}

/// The PDF of certificate `number` in `languages` (`fr`, `en` or `both`).
pub fn certificate_pdf_href(number: &str, languages: &str) -> String {
    format!("/certificates/{number}.pdf?lang={languages}")
}

// Trainers.

pub fn cohort_href(cohort_id: i64) -> String {
    format!("/trainer/cohorts/{cohort_id}")
}

/// Every valid certificate of a cohort's learners, one PDF to print.
pub fn cohort_certificates_href(cohort_id: i64) -> String {
    format!("/trainer/cohorts/{cohort_id}/certificates.pdf")
}

/// The report `query` asks for, on its page.
pub fn report_href(query: &ReportQuery) -> String {
    let base = format!("/trainer/cohorts/{}", query.cohort);
    match query.report_kind() {
        Some(ReportKind::Questions) => format!("{base}/questions/{}", query.module),
        Some(ReportKind::Gain) => format!("{base}/gain/{}", query.module),
        Some(ReportKind::Learner) => format!("{base}/learners/{}", query.account),
        Some(ReportKind::Attendance) => format!("{base}/attendance"),
        Some(ReportKind::Progress) | None => format!("{base}/progress"),
    }
}

/// One learner's record, for the trainers of `cohort_id`.
pub fn learner_report_href(cohort_id: i64, account: i64) -> String {
    report_href(&ReportQuery {
        account,
        ..ReportQuery::of_cohort(ReportKind::Learner, cohort_id)
    })
}

/// A module's report of one cohort (`kind`: questions or gain).
pub fn module_report_href(cohort_id: i64, kind: ReportKind, module: &str) -> String {
    report_href(&ReportQuery {
        module: module.into(),
        ..ReportQuery::of_cohort(kind, cohort_id)
    })
}

/// The report `kind` of one cohort, with no other choice made.
pub fn cohort_report_href(cohort_id: i64, kind: ReportKind) -> String {
    report_href(&ReportQuery::of_cohort(kind, cohort_id))
}

/// The report `query` asks for, as CSV in `lang` (a language code).
#[cfg(feature = "ssr")]
pub fn report_csv_href(query: &ReportQuery, lang: &str) -> String {
    let mut pairs = vec![("kind", query.kind.clone()), ("lang", lang.to_string())];
    for (key, value) in [
        ("module", &query.module),
        ("sort", &query.sort),
        ("filter_module", &query.filter_module),
        ("filter_state", &query.filter_state),
    ] {
        if !value.is_empty() {
            pairs.push((key, value.clone()));
        }
    }
    if query.account != 0 {
        pairs.push(("account", query.account.to_string()));
    }
    // Plain words and numbers: encoding them cannot fail.
    let encoded = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    format!("/trainer/cohorts/{}/report.csv?{encoded}", query.cohort)
}

//! Certificates: the learner's own list, the public check by number (rate-limited), the
//! offline check's key and titles, checking a code on the server (without JavaScript), and
//! revoking.

mod check_certificate;
mod get_verify_kit;
mod my_certificates;
mod revoke_certificate;
mod verify_code;

pub use check_certificate::*;
pub use get_verify_kit::*;
pub use my_certificates::*;
pub use revoke_certificate::*;
pub use verify_code::*;

#[cfg(feature = "ssr")]
pub mod ssr {
    //! The signing key and settings every certificate call needs, and issuing after progress.

    use std::sync::Arc;

    use catalog::Catalog;
    use certificates::signing::Keys;

    use crate::errors::AppError;
    use crate::i18n::{Lang, tr, tr_args};

    /// Given to every request by the server: the key, the issuing body, the public address.
    #[derive(Clone)]
    pub struct Certifier {
        pub keys: Arc<Keys>,
        /// The issuing body's name, as printed on new certificates (`ISSUING_BODY`).
        pub issuer: String,
        /// The platform's address as readers reach it, without a trailing slash (`PUBLIC_URL`).
        pub public_url: String,
    }

    /// Issues what the learner has earned in `module` after a lesson read or a quiz passed.
    /// A failure here is logged and never undoes the learner's progress, which is saved.
    pub async fn issue_after(account: i64, module: &str) {
        let result = async {
            let certifier = crate::context::certifier()?;
            let db = crate::context::db()?;
            let catalog = crate::context::catalog()?;
            certificates::issue::after_progress(&db, &catalog, account, module, &certifier.issuer)
                .await
                .map_err(AppError::from)
        }
        .await;
        if let Err(error) = result {
            tracing::error!(?error, account, module, "issuing a certificate failed");
        }
    }

    /// "29 novembre 2026" / "29 November 2026".
    pub fn long_date(date: time::Date, lang: Lang) -> String {
        tr_args(
            lang,
            "date-long",
            &[
                ("day", date.day().to_string()),
                (
                    "month",
                    tr(lang, &format!("month-{}", u8::from(date.month()))),
                ),
                ("year", date.year().to_string()),
            ],
        )
    }

    /// The title a code's module field stands for, in `lang`.
    pub fn title_of(catalog: &Catalog, module: &str, lang: Lang) -> Option<String> {
        if module == certificates::COURSE {
            return Some(certificates::course_title(lang.code()).to_string());
        }
        Some(catalog.module(module)?.text(lang.code()).title.clone())
    }
}

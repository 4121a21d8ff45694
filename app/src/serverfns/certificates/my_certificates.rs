use leptos::prelude::*;

use crate::i18n::Lang;

use crate::errors::AppError;
use crate::model::CertificateCard;

/// The signed-in learner's certificates, oldest first.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn my_certificates(lang: Lang) -> Result<Vec<CertificateCard>, AppError> {
    use super::ssr::long_date;
    use crate::auth::ssr::caller;
    use crate::context::certifier;
    use crate::context::db;
    use crate::routes::{certificate_pdf_href, verify_href};
    let (account, _) = caller().await?.account()?;
    let found = certificates::lookup::of_account(&db()?, account).await?;
    let keys = certifier()?.keys;
    Ok(found
        .into_iter()
        .map(|c| {
            let code = keys.sign(&certificates::document::payload(&c));
            CertificateCard {
                code_href: crate::routes::verify_code_href(&code),
                code,
                pdf_href: certificate_pdf_href(&c.number, lang.code()),
                bilingual_href: certificate_pdf_href(&c.number, "both"),
                verify_href: verify_href(&c.number),
                title: c.title(lang.code()),
                date: long_date(c.date(), lang),
                score: u8::try_from(c.score).unwrap_or(0),
                revoked: c.revoked_at.is_some(),
                kind: c.kind.into(),
                number: c.number,
            }
        })
        .collect())
}

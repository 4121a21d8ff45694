use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::CertificateCard;

/// The signed-in learner's certificates, oldest first.
#[server]
pub async fn my_certificates(lang: String) -> Result<Vec<CertificateCard>, AppError> {
    use super::ssr::{certifier, long_date};
    use crate::auth::ssr::{caller, db};
    use crate::model::{certificate_pdf_href, verify_href};
    use crate::serverfns::courses::ssr::lang as parse_lang;

    let (account, _) = caller().await?.account()?;
    let lang = parse_lang(&lang);
    let found = certificates::lookup::of_account(&db()?, account).await?;
    let keys = certifier()?.keys;
    Ok(found
        .into_iter()
        .map(|c| {
            let code = keys.sign(&certificates::document::payload(&c));
            CertificateCard {
                code_href: format!("/verify?code={code}"),
                code,
                pdf_href: certificate_pdf_href(&c.number, lang.code()),
                bilingual_href: certificate_pdf_href(&c.number, "both"),
                verify_href: verify_href(&c.number),
                title: c.title(lang.code()),
                date: long_date(c.date(), lang),
                score: u8::try_from(c.score).unwrap_or(0),
                revoked: c.revoked_at.is_some(),
                kind: c.kind,
                number: c.number,
            }
        })
        .collect())
}

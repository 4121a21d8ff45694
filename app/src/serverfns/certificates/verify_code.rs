use leptos::prelude::*;

use crate::i18n::Lang;

use crate::errors::AppError;
use crate::model::{CodeCheck, CodeState};

/// Checks a code on the server: the same check the page makes offline with JavaScript, for a
/// browser without it, and one the phone cannot make: the server has the database, so a
/// genuine code of a certificate revoked since is answered `revoked`, with the date.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn verify_code(lang: Lang, code: String) -> Result<CodeCheck, AppError> {
    use super::ssr::{long_date, title_of};
    use crate::context::catalog;
    use crate::context::certifier;
    use certificates::signing::{Invalid, verify};

    let catalog = catalog()?;
    let code: String = code.chars().take(2000).collect();
    Ok(match verify(&code, &certifier()?.keys.public_key()) {
        Ok(payload) => {
            let db = crate::context::db()?;
            let stored = certificates::lookup::by_number(&db, &payload.number).await?;
            if let Some(revoked_at) = stored.and_then(|c| c.revoked_at) {
                let on = time::OffsetDateTime::from_unix_timestamp(revoked_at)
                    .map(|t| long_date(t.date(), lang))
                    .unwrap_or_default();
                return Ok(CodeCheck {
                    state: CodeState::Revoked,
                    number: payload.number,
                    name: String::new(),
                    title: String::new(),
                    date: on,
                });
            }
            CodeCheck {
                state: CodeState::Valid,
                title: title_of(&catalog, &payload.module, lang).unwrap_or(payload.module),
                date: long_date(payload.date, lang),
                number: payload.number,
                name: payload.name,
            }
        }
        Err(Invalid::Signature) => CodeCheck::refused(CodeState::Tampered),
        Err(Invalid::Malformed) => CodeCheck::refused(CodeState::Malformed),
    })
}

use leptos::prelude::*;

use crate::errors::AppError;
use crate::model::CodeCheck;

/// Checks a code on the server: the same check the page makes offline with JavaScript, for a
/// browser without it. The answer depends only on the code and the public key.
#[server]
pub async fn verify_code(lang: String, code: String) -> Result<CodeCheck, AppError> {
    use super::ssr::{certifier, long_date, title_of};
    use crate::serverfns::courses::ssr::{catalog, lang as parse_lang};
    use certificates::signing::{Invalid, verify};

    let lang = parse_lang(&lang);
    let catalog = catalog()?;
    let code: String = code.chars().take(2000).collect();
    Ok(match verify(&code, &certifier()?.keys.public_key()) {
        Ok(payload) => CodeCheck {
            state: "valid".into(),
            title: title_of(&catalog, &payload.module, lang).unwrap_or(payload.module),
            date: long_date(payload.date, lang),
            number: payload.number,
            name: payload.name,
        },
        Err(Invalid::Signature) => CodeCheck::refused("tampered"),
        Err(Invalid::Malformed) => CodeCheck::refused("malformed"),
    })
}

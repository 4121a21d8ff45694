use leptos::prelude::*;

use crate::i18n::Lang;

use crate::errors::AppError;
use crate::model::{CertificateCheck, NumberState};

/// The public check of a certificate number: valid, revoked (with the date) or unknown, and
/// only the name as issued, the module, the date and the issuing body. No sign-in; each client
/// address may look up a limited number per minute, so numbers cannot be harvested.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn check_certificate(lang: Lang, number: String) -> Result<CertificateCheck, AppError> {
    use super::ssr::long_date;
    use crate::auth::ssr::{caller, client_address};
    use crate::context::db;
    let db = db()?;
    let client = client_address()
        .await
        .map_or_else(|| "unknown".to_string(), |a| a.to_string());
    certificates::lookup::throttle(&db, &client, accounts::now()).await?;
    let typed: String = number.chars().take(64).collect();
    let Some(found) = certificates::lookup::by_number(&db, &typed).await? else {
        return Ok(CertificateCheck {
            number: certificates::number::normalise(&typed).unwrap_or(typed),
            state: NumberState::Unknown,
            name: String::new(),
            title: String::new(),
            date: String::new(),
            issuer: String::new(),
            revoked_on: None,
            can_revoke: false,
        });
    };
    let can_revoke = match caller().await {
        Ok(caller) => caller
            .require_manager_of_learner(&db, found.account_id)
            .await
            .is_ok(),
        Err(_) => false,
    };
    let revoked_on = found
        .revoked_at
        .and_then(|at| time::OffsetDateTime::from_unix_timestamp(at).ok())
        .map(|at| long_date(at.date(), lang));
    Ok(CertificateCheck {
        state: if revoked_on.is_some() {
            NumberState::Revoked
        } else {
            NumberState::Valid
        },
        name: found.name.clone(),
        title: found.title(lang.code()),
        date: long_date(found.date(), lang),
        issuer: found.issuer.clone(),
        number: found.number,
        revoked_on,
        can_revoke,
    })
}

//! Checking a certificate's code in the browser, offline: the code is read with
//! `certificate_code` (the format the server signs with) and the Ed25519 signature is checked
//! by the browser's own Web Crypto, so no cryptography ships in the wasm bundle. Where Web
//! Crypto has no Ed25519 (older browsers), [`signature_ok`] says so and the page asks the
//! server instead.

use crate::model::{CodeCheck, CodeState, VerifyKit};

/// What the page shows for `code`, checked against the kit's public key; `None` when this
/// browser cannot check Ed25519 signatures.
pub async fn check(code: &str, kit: &VerifyKit) -> Option<CodeCheck> {
    let Some(decoded) = certificate_code::decode(code) else {
        return Some(CodeCheck::refused(CodeState::Malformed));
    };
    let key = certificate_code::decode_key(&kit.public_key)?;
    if !signature_ok(&key, &decoded.signature, &decoded.message).await? {
        return Some(CodeCheck::refused(CodeState::Tampered));
    }
    let payload = decoded.payload;
    let title = kit
        .titles
        .iter()
        .find(|t| t.slug == payload.module)
        .map_or_else(|| payload.module.clone(), |t| t.title.clone());
    Some(CodeCheck {
        state: CodeState::Valid,
        date: long_date(&payload.date, &kit.months),
        number: payload.number,
        name: payload.name,
        title,
    })
}

/// `2026-11-29` as "29 novembre 2026", with the page's month names.
fn long_date(iso: &str, months: &[String]) -> String {
    let mut parts = iso.split('-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    let month = month
        .parse::<usize>()
        .ok()
        .and_then(|m| months.get(m.checked_sub(1)?))
        .cloned()
        .unwrap_or_else(|| month.to_string());
    format!("{} {month} {year}", day.trim_start_matches('0'))
}

#[cfg(feature = "hydrate")]
async fn signature_ok(key: &[u8; 32], signature: &[u8; 64], message: &[u8]) -> Option<bool> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let key_data = js_sys::Uint8Array::from(key.as_slice());
    let usages = js_sys::Array::of1(&"verify".into());
    let imported = subtle
        .import_key_with_str("raw", &key_data, "Ed25519", false, &usages)
        .ok()?;
    let key: web_sys::CryptoKey = JsFuture::from(imported).await.ok()?.dyn_into().ok()?;
    let verified = subtle
        .verify_with_str_and_u8_array_and_u8_array("Ed25519", &key, signature, message)
        .ok()?;
    JsFuture::from(verified).await.ok()?.as_bool()
}

/// On the server nothing is checked here: the server answers with `verify_code`.
#[cfg(not(feature = "hydrate"))]
async fn signature_ok(_key: &[u8; 32], _signature: &[u8; 64], _message: &[u8]) -> Option<bool> {
    None
}

#[cfg(test)]
mod tests {
    use super::long_date;

    #[test]
    fn a_date_is_written_out_with_the_page_month_names() {
        let months: Vec<String> = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(long_date("2026-11-29", &months), "29 novembre 2026");
        assert_eq!(long_date("2026-02-03", &months), "3 février 2026");
        assert_eq!(long_date("nonsense", &months), "nonsense");
    }
}

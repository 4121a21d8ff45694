//! A certificate's code: `base64url(message) "." base64url(signature)`.
//!
//! The message is five lines: `CR1`, the number, the module (a slug, or `course`), the date
//! (`YYYY-MM-DD`) and the name as issued. The signature is Ed25519 over the message's bytes.
//! The server signs (crate `certificates`); the browser checks with the published public key
//! and the platform's Web Crypto, offline. Both read the code with this crate, so they cannot
//! disagree on the format.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;

const VERSION: &str = "CR1";

/// What a code says about a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    pub number: String,
    /// A module's slug, or `course`.
    pub module: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub name: String,
}

impl Payload {
    /// The bytes that are signed.
    pub fn message(&self) -> String {
        format!(
            "{VERSION}\n{}\n{}\n{}\n{}",
            self.number, self.module, self.date, self.name
        )
    }

    fn parse(message: &str) -> Option<Self> {
        let mut lines = message.splitn(5, '\n');
        if lines.next()? != VERSION {
            return None;
        }
        let number = lines.next()?.to_string();
        let module = lines.next()?.to_string();
        let date = lines.next()?.to_string();
        let name = lines.next()?.to_string();
        is_iso_date(&date).then_some(Self {
            number,
            module,
            date,
            name,
        })
    }
}

/// A code taken apart: what it says, the signed bytes, and the signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub payload: Payload,
    pub message: Vec<u8>,
    pub signature: [u8; 64],
}

/// Joins a message and its signature into a code.
pub fn encode(payload: &Payload, signature: &[u8; 64]) -> String {
    format!(
        "{}.{}",
        B64.encode(payload.message().as_bytes()),
        B64.encode(signature)
    )
}

/// Reads a code as typed, pasted or scanned: spaces and line breaks are ignored, and so is a
/// leading verification address (`…/verify?code=` or `…/verify#`). `None` when it is not a
/// certificate code.
pub fn decode(code: &str) -> Option<Decoded> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let code = code
        .rsplit_once("code=")
        .or_else(|| code.rsplit_once('#'))
        .map_or(code.as_str(), |(_, c)| c);
    let (message, signature) = code.split_once('.')?;
    let message = B64.decode(message).ok()?;
    let signature: [u8; 64] = B64.decode(signature).ok()?.try_into().ok()?;
    let payload = Payload::parse(std::str::from_utf8(&message).ok()?)?;
    Some(Decoded {
        payload,
        message,
        signature,
    })
}

/// A public key as published: 32 bytes, base64url without padding.
pub fn decode_key(text: &str) -> Option<[u8; 32]> {
    B64.decode(text.trim()).ok()?.try_into().ok()
}

pub fn encode_key(key: &[u8; 32]) -> String {
    B64.encode(key)
}

/// `YYYY-MM-DD` with a month 1–12 and a day 1–31 (the calendar is the signer's business).
fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize, max: u32| {
        s.len() == len
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
    };
    parts.len() == 3
        && number(parts[0], 4, 9999)
        && number(parts[1], 2, 12)
        && number(parts[2], 2, 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload() -> Payload {
        Payload {
            number: "K7QF-9M2X-HT".into(),
            module: "age-et-remise".into(),
            date: "2026-11-29".into(),
            name: "Aïssata Traoré".into(),
        }
    }

    #[test]
    fn a_code_reads_back_as_written_even_wrapped_or_behind_an_address() {
        let code = encode(&payload(), &[7; 64]);
        let decoded = decode(&code).unwrap();
        assert_eq!(decoded.payload, payload());
        assert_eq!(decoded.signature, [7; 64]);
        assert_eq!(decoded.message, payload().message().into_bytes());
        let wrapped = format!("https://x.example/verify#{}\n {}", &code[..30], &code[30..]);
        assert_eq!(decode(&wrapped).unwrap().payload, payload());
        let scanned = format!("https://x.example/verify?code={code}");
        assert_eq!(decode(&scanned).unwrap().payload, payload());
    }

    #[test]
    fn anything_else_is_not_a_code() {
        let code = encode(&payload(), &[7; 64]);
        let mut bad_date = payload();
        bad_date.date = "2026-13-01".into();
        for bad in [
            "",
            ".",
            "abc.def",
            &code[..code.len() - 2],
            &encode(&bad_date, &[7; 64]),
            &format!(
                "{}.{}",
                B64.encode("CR9\na\nb\n2026-01-01\nn"),
                B64.encode([0u8; 64])
            ),
        ] {
            assert_eq!(decode(bad), None, "{bad}");
        }
        assert_eq!(decode_key("short"), None);
        assert_eq!(decode_key(&encode_key(&[3; 32])), Some([3; 32]));
    }
}

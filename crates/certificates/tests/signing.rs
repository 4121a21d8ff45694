//! The signed payload of the QR code: a valid one verifies; changing any field, the
//! signature, or signing with another key fails; the key file is made once and kept.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use certificates::signing::{Invalid, Keys, Payload, parse_public_key, verify};

fn payload() -> Payload {
    Payload {
        number: "K7QF-9M2X-HT".into(),
        module: "age-et-remise".into(),
        date: time::Date::from_calendar_date(2026, time::Month::November, 29).unwrap(),
        name: "Aïssata Traoré".into(),
    }
}

fn keys() -> (Keys, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let keys = Keys::load_or_create(&dir.path().join("keys/certificate-signing.key")).unwrap();
    (keys, dir)
}

/// The code with its message's `line` (0-based) replaced, the signature kept.
fn tampered(code: &str, line: usize, value: &str) -> String {
    let (message, signature) = code.split_once('.').unwrap();
    let text = String::from_utf8(B64.decode(message).unwrap()).unwrap();
    let mut lines: Vec<&str> = text.splitn(5, '\n').collect();
    lines[line] = value;
    format!("{}.{signature}", B64.encode(lines.join("\n")))
}

#[test]
fn a_valid_payload_verifies_with_the_published_key() {
    let (keys, _dir) = keys();
    let code = keys.sign(&payload());
    let key = parse_public_key(&keys.public_key_text()).unwrap();
    assert_eq!(verify(&code, &key), Ok(payload()));
    // As scanned (the whole address), or copied from paper with spaces and line breaks.
    let scanned = format!("https://formation.example/verify#{code}");
    assert_eq!(verify(&scanned, &key), Ok(payload()));
    let copied = format!("{}\n {}", &code[..40], &code[40..]);
    assert_eq!(verify(&copied, &key), Ok(payload()));
}

#[test]
fn each_kind_of_tampering_fails() {
    let (keys, _dir) = keys();
    let key = keys.public_key();
    let code = keys.sign(&payload());
    for (line, value, what) in [
        (1, "K7QF-9M2X-HA", "number"),
        (2, "principes-de-paris", "module"),
        (3, "2026-11-30", "date"),
        (4, "Aïssata Traore", "name"),
    ] {
        assert_eq!(
            verify(&tampered(&code, line, value), &key),
            Err(Invalid::Signature),
            "{what}"
        );
    }
    // A changed signature.
    let (message, signature) = code.split_once('.').unwrap();
    let mut bytes = B64.decode(signature).unwrap();
    bytes[10] ^= 1;
    assert_eq!(
        verify(&format!("{message}.{}", B64.encode(bytes)), &key),
        Err(Invalid::Signature)
    );
}

#[test]
fn a_payload_signed_with_another_key_fails() {
    let (ours, _a) = keys();
    let (theirs, _b) = keys();
    assert_ne!(ours.public_key_text(), theirs.public_key_text());
    let forged = theirs.sign(&payload());
    assert_eq!(verify(&forged, &ours.public_key()), Err(Invalid::Signature));
}

#[test]
fn garbage_is_malformed_not_a_panic() {
    let (keys, _dir) = keys();
    let key = keys.public_key();
    let valid = keys.sign(&payload());
    for bad in [
        "",
        ".",
        "abc",
        "abc.def",
        "<script>alert(1)</script>",
        &valid[..valid.len() - 3],
        &tampered(&valid, 0, "CR9"),
        &tampered(&valid, 3, "2026-13-40"),
    ] {
        assert_eq!(verify(bad, &key), Err(Invalid::Malformed), "{bad}");
    }
    assert!(parse_public_key("not a key").is_none());
}

#[test]
fn the_key_is_made_once_kept_private_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("certificate-signing.key");
    let first = Keys::load_or_create(&path).unwrap();
    let again = Keys::load_or_create(&path).unwrap();
    assert_eq!(first.public_key_text(), again.public_key_text());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "only the server's user reads the key");
    }
    std::fs::write(&path, "garbage").unwrap();
    assert!(
        Keys::load_or_create(&path).is_err(),
        "a damaged key file stops the start"
    );
}

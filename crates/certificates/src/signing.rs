//! The Ed25519 key that signs certificates, and the compact payload a QR code carries.
//!
//! The key is made on first start and kept in a file (mode 0600) outside the repository and
//! the database: a stolen database backup cannot forge certificates. Several server processes
//! share it by pointing at the same file.
//!
//! The code's format is in `certificate_code`. It holds no secret and is checked with the
//! public key alone, offline, in the browser or with `server certificate verify`.

use std::fs;
use std::io::Write;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use rand::RngCore;

use crate::{Error, Result};

/// What a signed code says about a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    pub number: String,
    /// A module's slug, or [`crate::COURSE`].
    pub module: String,
    pub date: time::Date,
    pub name: String,
}

impl Payload {
    fn to_code(&self) -> certificate_code::Payload {
        certificate_code::Payload {
            number: self.number.clone(),
            module: self.module.clone(),
            date: iso_date(self.date),
            name: self.name.clone(),
        }
    }
}

/// Why a payload was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("this is not a certificate code")]
    Malformed,
    #[error("the signature does not match: the code was changed or not issued here")]
    Signature,
}

/// The signing key.
pub struct Keys {
    signing: SigningKey,
}

impl Keys {
    /// A 32-byte secret for `purpose`, derived from the signing key (SHA-256 over a purpose
    /// label and the key): other secrets that must stay out of the database (sealed printed
    /// slips) live in the same file, backed up and shared by processes with it.
    pub fn derived_secret(&self, purpose: &str) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        hasher.update(b"platform derived secret\0");
        hasher.update(purpose.as_bytes());
        hasher.update(b"\0");
        hasher.update(self.signing.to_bytes());
        hasher.finalize().into()
    }

    /// Reads the key at `path`, or makes one there if the file does not exist yet. Two
    /// processes starting at once agree: only one creates the file, the other reads it.
    pub fn load_or_create(path: &Path) -> Result<Self> {
        match fs::read_to_string(path) {
            Ok(text) => Self::parse(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Self::create(path),
            Err(e) => Err(Error::Key(format!("cannot read {}: {e}", path.display()))),
        }
    }

    /// Reads the key at `path`; never makes one (for tools that only check).
    pub fn load(path: &Path) -> Result<Self> {
        let text = fs::read_to_string(path)
            .map_err(|e| Error::Key(format!("cannot read {}: {e}", path.display())))?;
        Self::parse(&text)
    }

    fn create(path: &Path) -> Result<Self> {
        let mut seed = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut seed);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)
                .map_err(|e| Error::Key(format!("cannot create {}: {e}", dir.display())))?;
        }
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(path) {
            Ok(mut file) => {
                writeln!(file, "{}", B64.encode(seed))
                    .and_then(|()| file.sync_all())
                    .map_err(|e| Error::Key(format!("cannot write {}: {e}", path.display())))?;
                Ok(Self {
                    signing: SigningKey::from_bytes(&seed),
                })
            }
            // Another process made it between our read and our create.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Self::load_or_create(path),
            Err(e) => Err(Error::Key(format!("cannot create {}: {e}", path.display()))),
        }
    }

    fn parse(text: &str) -> Result<Self> {
        let bytes = B64
            .decode(text.trim())
            .map_err(|_| Error::Key("the key file is not base64".into()))?;
        let seed: [u8; 32] = bytes
            .try_into()
            .map_err(|_| Error::Key("the key file does not hold 32 bytes".into()))?;
        Ok(Self {
            signing: SigningKey::from_bytes(&seed),
        })
    }

    pub fn public_key(&self) -> VerifyingKey {
        self.signing.verifying_key()
    }

    /// The public key as published: 32 bytes in base64url without padding.
    pub fn public_key_text(&self) -> String {
        certificate_code::encode_key(self.public_key().as_bytes())
    }

    /// The payload, signed, as a code (see `certificate_code`).
    pub fn sign(&self, payload: &Payload) -> String {
        let payload = payload.to_code();
        let signature = self.signing.sign(payload.message().as_bytes());
        certificate_code::encode(&payload, &signature.to_bytes())
    }
}

/// A public key as published by [`Keys::public_key_text`].
pub fn parse_public_key(text: &str) -> Option<VerifyingKey> {
    VerifyingKey::from_bytes(&certificate_code::decode_key(text)?).ok()
}

/// Checks a code against `key`. Spaces, line breaks and a leading verification address
/// (`…/verify#`) are ignored (see `certificate_code::decode`).
pub fn verify(code: &str, key: &VerifyingKey) -> Result<Payload, Invalid> {
    let decoded = certificate_code::decode(code).ok_or(Invalid::Malformed)?;
    let date = parse_date(&decoded.payload.date).ok_or(Invalid::Malformed)?;
    key.verify(&decoded.message, &Signature::from_bytes(&decoded.signature))
        .map_err(|_| Invalid::Signature)?;
    Ok(Payload {
        number: decoded.payload.number,
        module: decoded.payload.module,
        date,
        name: decoded.payload.name,
    })
}

pub fn iso_date(date: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

fn parse_date(text: &str) -> Option<time::Date> {
    let mut parts = text.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = time::Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
    let day = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    time::Date::from_calendar_date(year, month, day).ok()
}

//! Argon2id hashing of passwords and one-time codes, off the async threads.
//!
//! Parameters are the `argon2` crate's defaults, which follow OWASP's recommendation for
//! Argon2id (19 MiB, 2 passes, 1 lane): about 30 ms per hash on this project's 2-core machine.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::rngs::OsRng;

use crate::Error;

/// Hashes `secret` with a fresh salt (PHC string format).
pub async fn hash(secret: &str) -> Result<String, Error> {
    let secret = secret.to_owned();
    blocking(move || hash_now(&secret)).await?
}

fn hash_now(secret: &str) -> Result<String, Error> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Internal(format!("hashing: {e}")))
}

/// Whether `secret` matches `stored`. With no stored hash (unknown username, no code issued),
/// a fixed dummy hash is checked instead, so that the answer takes the same time either way.
pub async fn verify(stored: Option<&str>, secret: &str) -> Result<bool, Error> {
    let known = stored.is_some();
    let stored = stored.unwrap_or(&DUMMY).to_owned();
    let secret = secret.to_owned();
    let matches = blocking(move || {
        PasswordHash::new(&stored)
            .map(|h| {
                Argon2::default()
                    .verify_password(secret.as_bytes(), &h)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await?;
    Ok(known && matches)
}

static DUMMY: LazyLock<String> =
    LazyLock::new(|| hash_now("no account has this password").expect("argon2 with defaults"));

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, Error> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Error::Internal(format!("hashing task: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_secret_only() {
        let stored = hash("phrase de passe").await.unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(!stored.contains("phrase"));
        assert!(verify(Some(&stored), "phrase de passe").await.unwrap());
        assert!(!verify(Some(&stored), "phrase de pass").await.unwrap());
        assert!(!verify(None, "no account has this password").await.unwrap());
        assert!(!verify(Some("not a hash"), "x").await.unwrap());
    }
}

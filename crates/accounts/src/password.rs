//! Argon2id hashing of passwords and one-time codes, off the async threads, with a bound.
//!
//! Parameters are the `argon2` crate's defaults, which follow OWASP's recommendation for
//! Argon2id (19 MiB, 2 passes, 1 lane): about 30 ms per hash on this project's 2-core machine.
//!
//! Each hash needs 19 MiB of working memory. Left alone, a flood of sign-ins ran one hash per
//! request at once (60 wrong passwords took the server from 407 MiB to 2 GiB, and the
//! allocator kept it). So the whole process runs at most [`in_flight`] hashes at a time, a
//! small multiple of the cores, each in one of as many working memories allocated once and
//! reused: the memory hashing can take is [`in_flight`] × 19 MiB, whatever comes in. A request
//! that waits longer than [`LONGEST_WAIT`] for its turn is refused with [`Error::Busy`] ("try
//! again in a moment"), never counted as a failed sign-in.

use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use argon2::password_hash::{Output, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use rand::rngs::OsRng;
use tokio::sync::Semaphore;

use crate::Error;

/// How long a hash may wait for its turn before the request is refused.
pub const LONGEST_WAIT: Duration = Duration::from_secs(20);

/// Hashes at once in this process: as many as the cores, at least two.
pub fn in_flight() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().max(2))
}

static TURNS: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(in_flight()));

/// Working memories not in use; never more than [`in_flight`] exist.
static MEMORY: Mutex<Vec<Vec<Block>>> = Mutex::new(Vec::new());

/// Hashes `secret` with a fresh salt (PHC string format).
pub async fn hash(secret: &str) -> Result<String, Error> {
    let secret = secret.to_owned();
    bounded(move |memory| hash_with(&secret, memory)).await?
}

/// Whether `secret` matches `stored`. With no stored hash (unknown username, no code issued),
/// a fixed dummy hash is checked instead, so that the answer takes the same time either way.
pub async fn verify(stored: Option<&str>, secret: &str) -> Result<bool, Error> {
    let known = stored.is_some();
    let stored = stored.unwrap_or(&DUMMY).to_owned();
    let secret = secret.to_owned();
    let matches = bounded(move |memory| matches(&stored, &secret, memory)).await?;
    Ok(known && matches)
}

fn hash_with(secret: &str, memory: &mut Vec<Block>) -> Result<String, Error> {
    let failed = |e: &dyn std::fmt::Display| Error::Internal(format!("hashing: {e}"));
    let salt = SaltString::generate(&mut OsRng);
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_bytes).map_err(|e| failed(&e))?;
    let params = Params::default();
    let (algorithm, version) = (Algorithm::Argon2id, Version::V0x13);
    let argon2 = Argon2::new(algorithm, version, params.clone());
    let output = compute(
        &argon2,
        secret,
        salt_bytes,
        Params::DEFAULT_OUTPUT_LEN,
        memory,
    )
    .map_err(|e| failed(&e))?;
    Ok(PasswordHash {
        algorithm: algorithm.ident(),
        version: Some(version.into()),
        params: (&params).try_into().map_err(|e| failed(&e))?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    }
    .to_string())
}

/// Recomputes the hash of `secret` with the stored salt and parameters and compares it in
/// constant time (`Output`'s equality). Anything unreadable is no match.
fn matches(stored: &str, secret: &str, memory: &mut Vec<Block>) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return false;
    };
    let (Ok(algorithm), Ok(params)) = (
        Algorithm::try_from(parsed.algorithm),
        Params::try_from(&parsed),
    ) else {
        return false;
    };
    let version = parsed
        .version
        .map_or(Ok(Version::default()), Version::try_from);
    let Ok(version) = version else {
        return false;
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt_bytes) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    let argon2 = Argon2::new(algorithm, version, params);
    compute(&argon2, secret, salt_bytes, expected.len(), memory)
        .is_ok_and(|computed| computed == expected)
}

/// Argon2 of `secret` with `salt`, `len` bytes long, in the given working memory (resized to
/// what `argon2`'s parameters need).
fn compute(
    argon2: &Argon2,
    secret: &str,
    salt: &[u8],
    len: usize,
    memory: &mut Vec<Block>,
) -> argon2::password_hash::Result<Output> {
    Output::init_with(len, |out| {
        let memory = sized(memory, argon2.params());
        argon2
            .hash_password_into_with_memory(secret.as_bytes(), salt, out, memory)
            .map_err(Into::into)
    })
}

/// The working memory, at the size `params` needs (the default's: already so).
fn sized<'m>(memory: &'m mut Vec<Block>, params: &Params) -> &'m mut [Block] {
    memory.resize(params.block_count(), Block::default());
    memory
}

static DUMMY: LazyLock<String> = LazyLock::new(|| {
    hash_with("no account has this password", &mut Vec::new()).expect("argon2 with defaults")
});

/// Runs `work` on a blocking thread once a turn and a working memory are free.
async fn bounded<T: Send + 'static>(
    work: impl FnOnce(&mut Vec<Block>) -> T + Send + 'static,
) -> Result<T, Error> {
    let turn = tokio::time::timeout(LONGEST_WAIT, TURNS.acquire())
        .await
        .map_err(|_| Error::Busy)?
        .map_err(|e| Error::Internal(format!("hashing turns: {e}")))?;
    let result = tokio::task::spawn_blocking(move || {
        let mut memory = take_memory();
        let result = work(&mut memory);
        MEMORY
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(memory);
        result
    })
    .await
    .map_err(|e| Error::Internal(format!("hashing task: {e}")));
    drop(turn);
    result
}

fn take_memory() -> Vec<Block> {
    MEMORY
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .pop()
        .unwrap_or_else(|| vec![Block::default(); Params::default().block_count()])
}

/// Working memories allocated so far (for the tests: never more than [`in_flight`]).
pub fn memories_allocated() -> usize {
    MEMORY.lock().unwrap_or_else(|e| e.into_inner()).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_secret_only() {
        let stored = hash("phrase de passe").await.unwrap();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(!stored.contains("phrase"));
        assert!(verify(Some(&stored), "phrase de passe").await.unwrap());
        assert!(!verify(Some(&stored), "phrase de pass").await.unwrap());
        assert!(!verify(None, "no account has this password").await.unwrap());
        assert!(!verify(Some("not a hash"), "x").await.unwrap());
    }

    #[test]
    fn hashes_made_by_the_crate_itself_still_verify() {
        use argon2::password_hash::PasswordHasher;
        let salt = SaltString::generate(&mut OsRng);
        let stored = Argon2::default()
            .hash_password(b"ancien mot", &salt)
            .unwrap()
            .to_string();
        assert!(matches(&stored, "ancien mot", &mut Vec::new()));
        assert!(!matches(&stored, "autre mot", &mut Vec::new()));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn a_flood_of_hashes_uses_a_bounded_number_of_working_memories() {
        let stored = hash("phrase de passe").await.unwrap();
        let tries: Vec<_> = (0..30)
            .map(|_| {
                let stored = stored.clone();
                tokio::spawn(async move { verify(Some(&stored), "faux").await })
            })
            .collect();
        for t in tries {
            assert!(!t.await.unwrap().unwrap());
        }
        let allocated = memories_allocated();
        assert!(
            (1..=in_flight()).contains(&allocated),
            "{allocated} working memories for {} turns",
            in_flight()
        );
    }
}

//! Trainers' cohorts as far as accounts go: create one, see its learners, add learners from a
//! list with printable slips, and give a learner a new one-time code.

mod create_accounts;
mod create_cohort;
mod get_cohort;
mod issue_code;
mod list_cohorts;
mod slips;
mod update_cohort;

pub use create_accounts::*;
pub use create_cohort::*;
pub use get_cohort::*;
pub use issue_code::*;
pub use list_cohorts::*;
pub use slips::*;
pub use update_cohort::*;

#[cfg(feature = "ssr")]
pub mod ssr {
    use accounts::people::Slip;
    use accounts::session_store::keys;

    use crate::errors::AppError;
    use crate::model::{CohortCard, SlipView};

    fn cipher() -> Result<chacha20poly1305::ChaCha20Poly1305, AppError> {
        use chacha20poly1305::KeyInit;
        let certifier = crate::context::certifier()?;
        let key = certifier.keys.derived_secret("printed slips");
        Ok(chacha20poly1305::ChaCha20Poly1305::new(&key.into()))
    }

    /// `nonce || ciphertext`, hex.
    fn seal(clear: &[u8]) -> Result<String, AppError> {
        use chacha20poly1305::aead::{Aead, AeadCore, OsRng};
        let nonce = chacha20poly1305::ChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = cipher()?
            .encrypt(&nonce, clear)
            .map_err(|_| AppError::internal("sealing slips"))?;
        let mut bytes = nonce.to_vec();
        bytes.extend(sealed);
        Ok(hex::encode(bytes))
    }

    fn open(sealed: &str) -> Option<Vec<u8>> {
        use chacha20poly1305::aead::Aead;
        let bytes = hex::decode(sealed).ok()?;
        if bytes.len() < 12 {
            return None;
        }
        let (nonce, body) = bytes.split_at(12);
        let nonce: [u8; 12] = nonce.try_into().ok()?;
        cipher().ok()?.decrypt(&nonce.into(), body).ok()
    }

    pub fn card(c: accounts::cohorts::CohortSummary) -> CohortCard {
        CohortCard {
            id: c.id,
            name: c.name,
            join_code: c.join_code,
            members: c.members,
        }
    }

    /// Keeps freshly made slips in the trainer's session until they print them and clear
    /// them. The session lives in the database, so the slips go there sealed
    /// (ChaCha20-Poly1305, with a key derived from the signing key file, which is outside the
    /// database): a copy of the database holds no usable one-time code.
    pub async fn keep_slips(slips: Vec<Slip>) -> Result<(), AppError> {
        let session = crate::auth::ssr::session().await?;
        let clear = serde_json::to_vec(&slips).map_err(AppError::internal)?;
        session
            .insert(keys::SLIPS, seal(&clear)?)
            .await
            .map_err(AppError::internal)
    }

    pub async fn kept_slips() -> Result<Vec<SlipView>, AppError> {
        let session = crate::auth::ssr::session().await?;
        let sealed: Option<String> = session.get(keys::SLIPS).await.ok().flatten();
        let slips: Vec<Slip> = match sealed {
            // Unreadable (sealed with another key, or an older format): nothing to print.
            Some(sealed) => open(&sealed)
                .and_then(|clear| serde_json::from_slice(&clear).ok())
                .unwrap_or_default(),
            None => Vec::new(),
        };
        Ok(slips
            .into_iter()
            .map(|s| SlipView {
                username: s.username,
                display_name: s.display_name,
                code: s.code,
            })
            .collect())
    }
}

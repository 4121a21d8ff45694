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

    pub fn card(c: accounts::cohorts::CohortSummary) -> CohortCard {
        CohortCard {
            id: c.id,
            name: c.name,
            join_code: c.join_code,
            members: c.members,
        }
    }

    /// Keeps freshly made slips in the trainer's session until they print them and clear
    /// them: the codes exist nowhere else in clear.
    pub async fn keep_slips(slips: Vec<Slip>) -> Result<(), AppError> {
        let session = crate::auth::ssr::session().await?;
        session
            .insert(keys::SLIPS, slips)
            .await
            .map_err(AppError::internal)
    }

    pub async fn kept_slips() -> Result<Vec<SlipView>, AppError> {
        let session = crate::auth::ssr::session().await?;
        let slips: Vec<Slip> = session
            .get(keys::SLIPS)
            .await
            .map_err(AppError::internal)?
            .unwrap_or_default();
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

//! Who the caller is and what they may reach. Every server function asks here first; pages
//! only hide what the caller cannot use.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entity::{account, cohort, cohort_member, cohort_trainer};
use crate::{Error, Role};

/// The person behind a request, as the session and the database say now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    Anonymous,
    Account {
        id: i64,
        role: Role,
        /// Signed in with a one-time code: only choosing a password (or signing out) is open.
        must_set_password: bool,
    },
}

impl Caller {
    /// The caller as the database knows them now: a deleted account is anonymous, and a role
    /// changed since sign-in takes effect at once.
    pub async fn resolve(
        db: &impl ConnectionTrait,
        account_id: Option<i64>,
        must_set_password: bool,
    ) -> Result<Self, Error> {
        let Some(id) = account_id else {
            return Ok(Caller::Anonymous);
        };
        let found = account::Entity::find_by_id(id).one(db).await?;
        Ok(match found {
            Some(a) if a.deleted_at.is_none() => Caller::Account {
                id,
                role: a.role,
                must_set_password,
            },
            _ => Caller::Anonymous,
        })
    }

    /// The signed-in account, if the caller may act (not still owing a password).
    pub fn account(&self) -> Result<(i64, Role), Error> {
        match *self {
            Caller::Anonymous => Err(Error::SignInRequired),
            Caller::Account {
                must_set_password: true,
                ..
            } => Err(Error::PasswordChangeRequired),
            Caller::Account { id, role, .. } => Ok((id, role)),
        }
    }

    /// The account id, for an action open to anyone signed in even with a one-time code.
    pub fn signed_in(&self) -> Result<i64, Error> {
        match *self {
            Caller::Anonymous => Err(Error::SignInRequired),
            Caller::Account { id, .. } => Ok(id),
        }
    }

    pub fn require_admin(&self) -> Result<i64, Error> {
        match self.account()? {
            (id, Role::Admin) => Ok(id),
            _ => Err(Error::Forbidden),
        }
    }

    /// Trainers and administrators.
    pub fn require_trainer(&self) -> Result<i64, Error> {
        match self.account()? {
            (id, Role::Trainer | Role::Admin) => Ok(id),
            _ => Err(Error::Forbidden),
        }
    }

    /// A trainer of this cohort, or an administrator. An unknown cohort is `NotFound` for an
    /// administrator and `Forbidden` for anyone else, so ids cannot be probed.
    pub async fn require_trainer_of(
        &self,
        db: &impl ConnectionTrait,
        cohort_id: i64,
    ) -> Result<i64, Error> {
        let (id, role) = self.account()?;
        match role {
            Role::Admin => match cohort::Entity::find_by_id(cohort_id).one(db).await? {
                Some(_) => Ok(id),
                None => Err(Error::NotFound),
            },
            Role::Trainer => match cohort_trainer::Entity::find_by_id((cohort_id, id))
                .one(db)
                .await?
            {
                Some(_) => Ok(id),
                None => Err(Error::Forbidden),
            },
            Role::Learner => Err(Error::Forbidden),
        }
    }

    /// An administrator, or a trainer of any cohort this learner is in (for acts that are
    /// not tied to one cohort, such as revoking the learner's certificate).
    pub async fn require_manager_of_learner(
        &self,
        db: &impl ConnectionTrait,
        account_id: i64,
    ) -> Result<i64, Error> {
        let (id, role) = self.account()?;
        match role {
            Role::Admin => Ok(id),
            Role::Trainer => {
                let cohorts: Vec<i64> = cohort_member::Entity::find()
                    .filter(cohort_member::Column::AccountId.eq(account_id))
                    .all(db)
                    .await?
                    .into_iter()
                    .map(|m| m.cohort_id)
                    .collect();
                let trains = cohort_trainer::Entity::find()
                    .filter(cohort_trainer::Column::AccountId.eq(id))
                    .filter(cohort_trainer::Column::CohortId.is_in(cohorts))
                    .one(db)
                    .await?;
                trains.map(|_| id).ok_or(Error::Forbidden)
            }
            Role::Learner => Err(Error::Forbidden),
        }
    }

    /// May act on this learner's account: an administrator, or a trainer of a cohort the
    /// learner is in (given as `cohort_id`).
    pub async fn require_manager_of(
        &self,
        db: &impl ConnectionTrait,
        cohort_id: i64,
        account_id: i64,
    ) -> Result<i64, Error> {
        let actor = self.require_trainer_of(db, cohort_id).await?;
        match cohort_member::Entity::find_by_id((cohort_id, account_id))
            .one(db)
            .await?
        {
            Some(_) => Ok(actor),
            None => Err(Error::NotFound),
        }
    }
}

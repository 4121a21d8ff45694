//! How long the platform keeps what it knows about people.
//!
//! Two periods, set by an administrator and kept in the `setting` table:
//! - **inactive accounts** (off unless set): an account, other than an administrator's, that has
//!   not signed in for that many days is anonymised exactly as a deletion does (name, username,
//!   password, codes, sessions and trusted browsers go; the row stays, nameless, in its
//!   cohorts' figures). An account that never signed in counts from its creation.
//! - **the audit log** (365 days unless set): older events are removed.
//!
//! [`sweep`] applies both; every server process runs it at start and then every hour. Each
//! account is anonymised by one conditional update, so two processes sweeping at once
//! anonymise it once and log it once.

use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Action};
use crate::entity::{account, audit_event, setting};
use crate::{Error, Role, now};

const INACTIVE_KEY: &str = "retention.inactive_days";
const AUDIT_KEY: &str = "retention.audit_days";

/// The audit log's period when no administrator chose one: a year of who did what.
pub const AUDIT_DAYS_DEFAULT: u32 = 365;
/// Shortest and longest period an administrator may set, in days, for either.
pub const MIN_DAYS: u32 = 30;
pub const MAX_DAYS: u32 = 3650;
/// Accounts anonymised per statement batch; the sweep goes on until none is left.
const BATCH: u64 = 200;

const DAY: i64 = 86_400;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Periods {
    /// Days without a sign-in after which an account is anonymised; `None`: never.
    pub inactive_days: Option<u32>,
    /// Days the audit log keeps an event.
    pub audit_days: u32,
}

impl Default for Periods {
    fn default() -> Self {
        Periods {
            inactive_days: None,
            audit_days: AUDIT_DAYS_DEFAULT,
        }
    }
}

impl Periods {
    /// Reads the administrator's form: `inactive` empty or `0` means off; both otherwise
    /// whole days from [`MIN_DAYS`] to [`MAX_DAYS`]. Anything else is refused.
    pub fn parse(inactive: &str, audit: &str) -> Result<Periods, Error> {
        let inactive = match inactive.trim() {
            "" | "0" => None,
            text => Some(days(text)?),
        };
        Ok(Periods {
            inactive_days: inactive,
            audit_days: days(audit.trim())?,
        })
    }
}

fn days(text: &str) -> Result<u32, Error> {
    text.parse::<u32>()
        .ok()
        .filter(|d| (MIN_DAYS..=MAX_DAYS).contains(d))
        .ok_or(Error::RetentionRange)
}

/// The periods in force (the defaults where none was set, or a stored value is unreadable).
pub async fn periods(db: &impl ConnectionTrait) -> Result<Periods, Error> {
    let stored = setting::Entity::find()
        .filter(setting::Column::Key.is_in([INACTIVE_KEY, AUDIT_KEY]))
        .all(db)
        .await?;
    let value = |key: &str| {
        stored
            .iter()
            .find(|s| s.key == key)
            .and_then(|s| s.value.parse::<u32>().ok())
    };
    let defaults = Periods::default();
    Ok(Periods {
        inactive_days: value(INACTIVE_KEY).filter(|d| *d > 0),
        audit_days: value(AUDIT_KEY).unwrap_or(defaults.audit_days),
    })
}

/// Keeps the periods an administrator chose, and logs the change.
pub async fn set_periods(
    db: &DatabaseConnection,
    actor: i64,
    periods: Periods,
) -> Result<(), Error> {
    let now = now();
    let tx = db.begin().await?;
    let rows = [
        (INACTIVE_KEY, periods.inactive_days.unwrap_or(0)),
        (AUDIT_KEY, periods.audit_days),
    ];
    for (key, value) in rows {
        setting::Entity::insert(setting::ActiveModel {
            key: Set(key.to_string()),
            value: Set(value.to_string()),
            updated_at: Set(now),
        })
        .on_conflict(
            OnConflict::column(setting::Column::Key)
                .update_columns([setting::Column::Value, setting::Column::UpdatedAt])
                .to_owned(),
        )
        .exec_without_returning(&tx)
        .await?;
    }
    audit::record(&tx, Some(actor), Action::RetentionChanged, None, None).await?;
    tx.commit().await?;
    Ok(())
}

/// What one sweep did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    pub anonymised: u64,
    pub audit_removed: u64,
}

/// Applies the periods in force at `now` (Unix seconds).
pub async fn sweep(db: &DatabaseConnection, now: i64) -> Result<Swept, Error> {
    let periods = periods(db).await?;
    let mut swept = Swept::default();
    if let Some(days) = periods.inactive_days {
        let cutoff = now - i64::from(days) * DAY;
        loop {
            let ids: Vec<i64> = account::Entity::find()
                .select_only()
                .column(account::Column::Id)
                .filter(inactive_since(cutoff))
                .order_by_asc(account::Column::Id)
                .limit(BATCH)
                .into_tuple()
                .all(db)
                .await?;
            let mut done = 0;
            for id in &ids {
                if crate::people::anonymise(db, *id, None, Action::AccountExpired).await? {
                    done += 1;
                }
            }
            swept.anonymised += done;
            // Fewer than a batch: nothing is left. None done: another process has them.
            if (ids.len() as u64) < BATCH || done == 0 {
                break;
            }
        }
    }
    let cutoff = now - i64::from(periods.audit_days) * DAY;
    swept.audit_removed = audit_event::Entity::delete_many()
        .filter(audit_event::Column::At.lt(cutoff))
        .exec(db)
        .await?
        .rows_affected;
    Ok(swept)
}

/// How many accounts the next sweep would anonymise, with the periods in force at `now`.
pub async fn due(db: &impl ConnectionTrait, now: i64) -> Result<u64, Error> {
    use sea_orm::PaginatorTrait;
    let Some(days) = periods(db).await?.inactive_days else {
        return Ok(0);
    };
    let cutoff = now - i64::from(days) * DAY;
    Ok(account::Entity::find()
        .filter(inactive_since(cutoff))
        .count(db)
        .await?)
}

/// Live accounts, administrators' apart, with no sign-in (or, never signed in, no creation)
/// since `cutoff`.
pub(crate) fn inactive_since(cutoff: i64) -> Condition {
    use account::Column as C;
    Condition::all()
        .add(C::DeletedAt.is_null())
        .add(C::Role.ne(Role::Admin))
        .add(
            Condition::any().add(C::LastSignInAt.lt(cutoff)).add(
                Condition::all()
                    .add(C::LastSignInAt.is_null())
                    .add(C::CreatedAt.lt(cutoff)),
            ),
        )
}

/// Records a sign-in (by password, one-time code or joining) for the retention period.
pub async fn signed_in(db: &impl ConnectionTrait, account_id: i64, at: i64) -> Result<(), Error> {
    account::Entity::update_many()
        .col_expr(account::Column::LastSignInAt, Expr::value(at))
        .filter(account::Column::Id.eq(account_id))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_takes_whole_days_in_range_and_empty_or_zero_for_off() {
        let parsed = |a: &str, b: &str| Periods::parse(a, b).ok();
        assert_eq!(
            parsed("", "365"),
            Some(Periods {
                inactive_days: None,
                audit_days: 365
            })
        );
        assert_eq!(parsed(" 0 ", "30").unwrap().inactive_days, None);
        assert_eq!(parsed("90", "3650").unwrap().inactive_days, Some(90));
        for (inactive, audit) in [
            ("29", "365"),
            ("3651", "365"),
            ("-30", "365"),
            ("90.0", "365"),
            ("quatre-vingt-dix", "365"),
            ("90", ""),
            ("90", "0"),
            ("90", "29"),
            ("99999999999", "365"),
        ] {
            assert!(
                matches!(Periods::parse(inactive, audit), Err(Error::RetentionRange)),
                "{inactive:?} / {audit:?}"
            );
        }
    }
}

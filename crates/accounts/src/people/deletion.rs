//! Deleting an account: the person's name, username, password and sessions go; the row stays
//! as an anonymous learner in its cohorts, so that the cohorts' figures still add up. The
//! retention sweep anonymises the same way.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

use super::{end_sessions, live};
use crate::audit::{self, Action};
use crate::entity::{account, cohort_trainer};
use crate::{Error, now};

/// Deletes an account: name, username, password and sessions go; the row stays as an
/// anonymous learner in its cohorts so that the cohorts' figures still add up.
pub async fn delete(db: &DatabaseConnection, actor: i64, account_id: i64) -> Result<(), Error> {
    if actor == account_id {
        return Err(Error::CannotDeleteSelf);
    }
    live(db, account_id).await?;
    if anonymise(db, account_id, Some(actor), Action::AccountDeleted).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// What deletion and the retention period both do, in one transaction: the account's name,
/// username, password and codes go, with its trainer places, sessions and trusted browsers;
/// `action` goes to the audit log. One conditional update: `false` when the account was
/// already anonymous (another request or server process got there first), and nothing is
/// logged twice.
pub(crate) async fn anonymise(
    db: &DatabaseConnection,
    account_id: i64,
    actor: Option<i64>,
    action: Action,
) -> Result<bool, Error> {
    use account::Column as C;
    use sea_orm::sea_query::Expr;
    let now = now();
    let tx = db.begin().await?;
    let changed = account::Entity::update_many()
        .col_expr(C::Username, Expr::value(format!("~deleted-{account_id}")))
        .col_expr(C::DisplayName, Expr::value(String::new()))
        .col_expr(C::PasswordHash, Expr::value(Option::<String>::None))
        .col_expr(C::CodeHash, Expr::value(Option::<String>::None))
        .col_expr(C::CodeExpiresAt, Expr::value(Option::<i64>::None))
        .col_expr(C::UpdatedAt, Expr::value(now))
        .col_expr(C::DeletedAt, Expr::value(Some(now)))
        .filter(C::Id.eq(account_id))
        .filter(C::DeletedAt.is_null())
        .exec(&tx)
        .await?
        .rows_affected;
    if changed == 0 {
        return Ok(false);
    }
    cohort_trainer::Entity::delete_many()
        .filter(cohort_trainer::Column::AccountId.eq(account_id))
        .exec(&tx)
        .await?;
    end_sessions(&tx, account_id).await?;
    crate::sign_in::forget_devices(&tx, account_id).await?;
    audit::record(&tx, actor, action, Some(account_id), None).await?;
    tx.commit().await?;
    Ok(true)
}

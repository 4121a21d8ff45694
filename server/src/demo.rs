//! The demo mode of the README's run command (`PLATFORM_DEMO=1`): a trainer account with a
//! fresh password, printed at start, and a cohort it runs, whose join code is printed too.
//! It belongs to the server, not to `accounts`: it is a way of starting the platform, made of
//! the ordinary account operations.

use accounts::entity::account;
use accounts::people::{self, NewAccount};
use accounts::{Affiliation, Role, cohorts};
use anyhow::Context as _;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

/// The demo trainer's username.
pub const DEMO_TRAINER: &str = "formateur";

/// Creates or refreshes the demo trainer and prints how to sign in and join.
pub async fn start(db: &DatabaseConnection) -> anyhow::Result<()> {
    let password = accounts::codes::one_time_code().to_lowercase();
    let join_code = ensure_trainer(db, DEMO_TRAINER, &password)
        .await
        .context("creating the demo trainer")?;
    println!("Demo trainer: username `{DEMO_TRAINER}`, password `{password}`");
    println!("Demo cohort join code (for learners, at /join): {join_code}");
    Ok(())
}

/// The trainer `username`, created when missing, with `password` set, and a cohort it runs
/// (the first one, else a new demo cohort). Returns the cohort's join code.
async fn ensure_trainer(
    db: &DatabaseConnection,
    username: &str,
    password: &str,
) -> Result<String, accounts::Error> {
    let existing = account::Entity::find()
        .filter(account::Column::Username.eq(username))
        .one(db)
        .await?;
    let id = match existing {
        Some(found) => found.id,
        None => {
            let new = NewAccount {
                username: Some(username),
                display_name: "Formateur de démonstration",
                role: Role::Trainer,
                affiliation: Affiliation::Other,
                lang: "fr",
            };
            people::create_with_code(db, None, new).await?.0.id
        }
    };
    people::set_password(db, id, password, password).await?;
    let cohort = match cohorts::list(db, id, false).await?.into_iter().next() {
        Some(found) => found,
        None => {
            let created = cohorts::create(db, id, "Cohorte de démonstration").await?;
            cohorts::get(db, created.id).await?
        }
    };
    Ok(cohort.join_code.unwrap_or_default())
}

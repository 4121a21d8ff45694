//! Retention: when each account last signed in, so that an administrator-set period can
//! anonymise accounts nobody uses any more (`accounts::retention`). The period itself is a row
//! of the `setting` table, which had never been used: it is made again with its time in Unix
//! seconds, as every other table keeps time.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Setting::Table).if_exists().to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Setting::Table)
                    .col(string_len(Setting::Key, 64).primary_key())
                    .col(text(Setting::Value))
                    .col(big_integer(Setting::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        // Null until the first sign-in: the account's creation time stands in for it. (Checked
        // first: a test that fills an older schema through today's entities adds it itself.)
        if !manager.has_column("account", "last_sign_in_at").await? {
            manager
                .alter_table(
                    Table::alter()
                        .table(Account::Table)
                        .add_column(big_integer_null(Account::LastSignInAt))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_event_at")
                    .table(AuditEvent::Table)
                    .col(AuditEvent::At)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_audit_event_at")
                    .table(AuditEvent::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Account::Table)
                    .drop_column(Account::LastSignInAt)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Setting::Table).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Setting::Table)
                    .col(string_len(Setting::Key, 64).primary_key())
                    .col(text(Setting::Value))
                    .col(timestamp_with_time_zone(Setting::UpdatedAt))
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Setting {
    Table,
    Key,
    Value,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    LastSignInAt,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    At,
}

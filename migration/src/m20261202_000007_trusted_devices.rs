//! Browsers that signed in to an account before (OWASP's "device cookies"): failures typed
//! elsewhere do not lock such a browser out of its own account.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TrustedDevice::Table)
                    .if_not_exists()
                    // SHA-256 of the cookie's random token, hex: the token itself is never stored.
                    .col(string_len(TrustedDevice::TokenHash, 64))
                    .col(big_integer(TrustedDevice::AccountId))
                    .col(big_integer(TrustedDevice::LastSignInAt))
                    .primary_key(
                        Index::create()
                            .col(TrustedDevice::TokenHash)
                            .col(TrustedDevice::AccountId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_trusted_device_account")
                            .from(TrustedDevice::Table, TrustedDevice::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TrustedDevice::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum TrustedDevice {
    Table,
    TokenHash,
    AccountId,
    LastSignInAt,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

//! Certificates: one per learner and module (and one per learner for the whole course).
//!
//! The unique index on (account, kind, module) makes issuing idempotent: completing a module
//! again, or two processes noticing the completion at once, inserts nothing new. The name,
//! titles, score and issuing body are copied in at issue, so that renaming an account or a
//! module later never changes a certificate already printed.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Certificate::Table)
                    .if_not_exists()
                    .col(pk_auto(Certificate::Id).big_integer())
                    .col(string_len_uniq(Certificate::Number, 16))
                    .col(big_integer(Certificate::AccountId))
                    .col(string_len(Certificate::Kind, 16))
                    .col(string_len(Certificate::Module, 64))
                    .col(string_len(Certificate::Name, 200))
                    .col(text(Certificate::Titles))
                    .col(small_integer(Certificate::Score))
                    .col(string_len(Certificate::Issuer, 200))
                    .col(big_integer(Certificate::IssuedAt))
                    .col(big_integer_null(Certificate::RevokedAt))
                    .col(string_len_null(Certificate::RevokedReason, 500))
                    .col(big_integer_null(Certificate::RevokedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_certificate_account")
                            .from(Certificate::Table, Certificate::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_certificate_once")
                    .table(Certificate::Table)
                    .col(Certificate::AccountId)
                    .col(Certificate::Kind)
                    .col(Certificate::Module)
                    .unique()
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VerifyThrottle::Table)
                    .if_not_exists()
                    .col(string_len(VerifyThrottle::Key, 128).primary_key())
                    .col(big_integer(VerifyThrottle::WindowStart))
                    .col(integer(VerifyThrottle::Lookups))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            VerifyThrottle::Table.into_iden(),
            Certificate::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Certificate {
    Table,
    Id,
    Number,
    AccountId,
    Kind,
    Module,
    Name,
    Titles,
    Score,
    Issuer,
    IssuedAt,
    RevokedAt,
    RevokedReason,
    RevokedBy,
}

/// Lookups on the public verification page, counted per client address and time window.
#[derive(DeriveIden)]
enum VerifyThrottle {
    Table,
    Key,
    WindowStart,
    Lookups,
}

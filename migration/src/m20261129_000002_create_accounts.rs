//! Accounts, cohorts (the part that accounts need: who trains and who learns in which cohort),
//! server-side sessions, the sign-in throttle and the audit log.
//!
//! Times are Unix seconds (`BIGINT`): the same on SQLite and PostgreSQL, cheap to compare and
//! to index.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Account::Table)
                    .if_not_exists()
                    .col(pk_auto(Account::Id).big_integer())
                    .col(string_len_uniq(Account::Username, 64))
                    .col(string_len(Account::DisplayName, 240))
                    .col(string_len(Account::Role, 16))
                    .col(string_len(Account::Affiliation, 16))
                    .col(string_len(Account::Lang, 8))
                    .col(text_null(Account::PasswordHash))
                    .col(text_null(Account::CodeHash))
                    .col(big_integer_null(Account::CodeExpiresAt))
                    .col(big_integer(Account::CreatedAt))
                    .col(big_integer(Account::UpdatedAt))
                    .col(big_integer_null(Account::DeletedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Cohort::Table)
                    .if_not_exists()
                    .col(pk_auto(Cohort::Id).big_integer())
                    .col(string_len(Cohort::Name, 240))
                    .col(string_len_null(Cohort::JoinCode, 16).unique_key())
                    .col(big_integer(Cohort::CreatedAt))
                    .col(big_integer_null(Cohort::ArchivedAt))
                    .to_owned(),
            )
            .await?;
        for (table, role) in [
            (CohortTrainer::Table.into_iden(), "trainer"),
            (CohortMember::Table.into_iden(), "member"),
        ] {
            manager
                .create_table(
                    Table::create()
                        .table(table.clone())
                        .if_not_exists()
                        .col(big_integer(Membership::CohortId))
                        .col(big_integer(Membership::AccountId))
                        .col(big_integer(Membership::AddedAt))
                        .primary_key(
                            Index::create()
                                .col(Membership::CohortId)
                                .col(Membership::AccountId),
                        )
                        .foreign_key(
                            ForeignKey::create()
                                .name(format!("fk_cohort_{role}_cohort"))
                                .from(table.clone(), Membership::CohortId)
                                .to(Cohort::Table, Cohort::Id)
                                .on_delete(ForeignKeyAction::Cascade),
                        )
                        .foreign_key(
                            ForeignKey::create()
                                .name(format!("fk_cohort_{role}_account"))
                                .from(table.clone(), Membership::AccountId)
                                .to(Account::Table, Account::Id)
                                .on_delete(ForeignKeyAction::Cascade),
                        )
                        .to_owned(),
                )
                .await?;
            manager
                .create_index(
                    Index::create()
                        .name(format!("idx_cohort_{role}_account"))
                        .table(table)
                        .col(Membership::AccountId)
                        .if_not_exists()
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .if_not_exists()
                    // SHA-256 of the cookie's id, hex: a copy of the table opens no session.
                    .col(string_len(Session::IdHash, 64).primary_key())
                    .col(big_integer_null(Session::AccountId))
                    .col(text(Session::Data))
                    .col(big_integer(Session::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_session_account", Session::AccountId),
            ("idx_session_expires", Session::ExpiresAt),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Session::Table)
                        .col(col)
                        .if_not_exists()
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(SignInThrottle::Table)
                    .if_not_exists()
                    .col(string_len(SignInThrottle::Key, 128).primary_key())
                    .col(integer(SignInThrottle::Failures))
                    .col(big_integer(SignInThrottle::FirstFailureAt))
                    .col(big_integer(SignInThrottle::BlockedUntil))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditEvent::Table)
                    .if_not_exists()
                    .col(pk_auto(AuditEvent::Id).big_integer())
                    .col(big_integer(AuditEvent::At))
                    .col(big_integer_null(AuditEvent::ActorId))
                    .col(string_len(AuditEvent::Action, 32))
                    .col(big_integer_null(AuditEvent::AccountId))
                    .col(big_integer_null(AuditEvent::CohortId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_event_account")
                    .table(AuditEvent::Table)
                    .col(AuditEvent::AccountId)
                    .if_not_exists()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditEvent::Table.into_iden(),
            SignInThrottle::Table.into_iden(),
            Session::Table.into_iden(),
            CohortMember::Table.into_iden(),
            CohortTrainer::Table.into_iden(),
            Cohort::Table.into_iden(),
            Account::Table.into_iden(),
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
    Username,
    DisplayName,
    Role,
    Affiliation,
    Lang,
    PasswordHash,
    CodeHash,
    CodeExpiresAt,
    CreatedAt,
    UpdatedAt,
    DeletedAt,
}

#[derive(DeriveIden)]
enum Cohort {
    Table,
    Id,
    Name,
    JoinCode,
    CreatedAt,
    ArchivedAt,
}

#[derive(DeriveIden)]
enum CohortTrainer {
    Table,
}

#[derive(DeriveIden)]
enum CohortMember {
    Table,
}

#[derive(DeriveIden)]
enum Membership {
    CohortId,
    AccountId,
    AddedAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    IdHash,
    AccountId,
    Data,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum SignInThrottle {
    Table,
    Key,
    Failures,
    FirstFailureAt,
    BlockedUntil,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Id,
    At,
    ActorId,
    Action,
    AccountId,
    CohortId,
}

//! What a trainer sets on a cohort besides its name: where and when it runs, which modules
//! it follows (none listed: all of them), and the attendance of its in-person sessions.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for column in [
            string_len_null(Cohort::Place, 80),
            string_len_null(Cohort::StartsOn, 10),
            string_len_null(Cohort::EndsOn, 10),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Cohort::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(CohortModule::Table)
                    .if_not_exists()
                    .col(big_integer(CohortModule::CohortId))
                    .col(string_len(CohortModule::Module, 64))
                    .primary_key(
                        Index::create()
                            .col(CohortModule::CohortId)
                            .col(CohortModule::Module),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_cohort_module_cohort")
                            .from(CohortModule::Table, CohortModule::CohortId)
                            .to(Cohort::Table, Cohort::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AttendanceSession::Table)
                    .if_not_exists()
                    .col(pk_auto(AttendanceSession::Id).big_integer())
                    .col(big_integer(AttendanceSession::CohortId))
                    .col(string_len(AttendanceSession::HeldOn, 10))
                    .col(string_len(AttendanceSession::Topic, 200))
                    .col(big_integer(AttendanceSession::RecordedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attendance_session_cohort")
                            .from(AttendanceSession::Table, AttendanceSession::CohortId)
                            .to(Cohort::Table, Cohort::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AttendancePresent::Table)
                    .if_not_exists()
                    .col(big_integer(AttendancePresent::SessionId))
                    .col(big_integer(AttendancePresent::AccountId))
                    .primary_key(
                        Index::create()
                            .col(AttendancePresent::SessionId)
                            .col(AttendancePresent::AccountId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attendance_present_session")
                            .from(AttendancePresent::Table, AttendancePresent::SessionId)
                            .to(AttendanceSession::Table, AttendanceSession::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AttendancePresent::Table.into_iden(),
            AttendanceSession::Table.into_iden(),
            CohortModule::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        for column in [Cohort::EndsOn, Cohort::StartsOn, Cohort::Place] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Cohort::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Cohort {
    Table,
    Id,
    Place,
    StartsOn,
    EndsOn,
}

#[derive(DeriveIden)]
enum CohortModule {
    Table,
    CohortId,
    Module,
}

#[derive(DeriveIden)]
enum AttendanceSession {
    Table,
    Id,
    CohortId,
    HeldOn,
    Topic,
    RecordedAt,
}

#[derive(DeriveIden)]
enum AttendancePresent {
    Table,
    SessionId,
    AccountId,
}

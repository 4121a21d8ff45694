//! Learning progress: lessons marked read, and every quiz or pre-test attempt with each answer.
//!
//! An attempt is unique per (account, module, kind, number): a double click or a replayed
//! form hits that constraint and is recorded once. Answers keep the question id and the
//! options ticked (file positions), so that trainers can analyse questions later even when the
//! attempt showed them shuffled.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LessonRead::Table)
                    .if_not_exists()
                    .col(big_integer(LessonRead::AccountId))
                    .col(string_len(LessonRead::Module, 64))
                    .col(string_len(LessonRead::Lesson, 128))
                    .col(big_integer(LessonRead::ReadAt))
                    .primary_key(
                        Index::create()
                            .col(LessonRead::AccountId)
                            .col(LessonRead::Module)
                            .col(LessonRead::Lesson),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_lesson_read_account")
                            .from(LessonRead::Table, LessonRead::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(QuizAttempt::Table)
                    .if_not_exists()
                    .col(pk_auto(QuizAttempt::Id).big_integer())
                    .col(big_integer(QuizAttempt::AccountId))
                    .col(string_len(QuizAttempt::Module, 64))
                    .col(string_len(QuizAttempt::Kind, 16))
                    .col(integer(QuizAttempt::Number))
                    .col(big_integer(QuizAttempt::SubmittedAt))
                    .col(small_integer(QuizAttempt::Score))
                    .col(boolean(QuizAttempt::Passed))
                    .col(integer(QuizAttempt::Questions))
                    .col(integer(QuizAttempt::RightAnswers))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_quiz_attempt_account")
                            .from(QuizAttempt::Table, QuizAttempt::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_quiz_attempt_unique")
                    .table(QuizAttempt::Table)
                    .col(QuizAttempt::AccountId)
                    .col(QuizAttempt::Module)
                    .col(QuizAttempt::Kind)
                    .col(QuizAttempt::Number)
                    .unique()
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_quiz_attempt_module")
                    .table(QuizAttempt::Table)
                    .col(QuizAttempt::Module)
                    .col(QuizAttempt::Kind)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(QuizAnswer::Table)
                    .if_not_exists()
                    .col(big_integer(QuizAnswer::AttemptId))
                    .col(integer(QuizAnswer::Position))
                    .col(string_len(QuizAnswer::Question, 128))
                    .col(string_len(QuizAnswer::Chosen, 64))
                    .col(boolean(QuizAnswer::IsRight))
                    .primary_key(
                        Index::create()
                            .col(QuizAnswer::AttemptId)
                            .col(QuizAnswer::Position),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_quiz_answer_attempt")
                            .from(QuizAnswer::Table, QuizAnswer::AttemptId)
                            .to(QuizAttempt::Table, QuizAttempt::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            QuizAnswer::Table.into_iden(),
            QuizAttempt::Table.into_iden(),
            LessonRead::Table.into_iden(),
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
enum LessonRead {
    Table,
    AccountId,
    Module,
    Lesson,
    ReadAt,
}

#[derive(DeriveIden)]
enum QuizAttempt {
    Table,
    Id,
    AccountId,
    Module,
    Kind,
    Number,
    SubmittedAt,
    Score,
    Passed,
    Questions,
    RightAnswers,
}

#[derive(DeriveIden)]
enum QuizAnswer {
    Table,
    AttemptId,
    Position,
    Question,
    Chosen,
    IsRight,
}

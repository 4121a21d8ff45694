//! Running figures kept beside the raw rows, so that a report over thousands of learners reads
//! a few thousand rows instead of every attempt and every answer.
//!
//! - `module_progress`: one row per (learner, module) the learner has started: lessons read,
//!   best quiz score, whether a quiz attempt passed, the first pre-test score and the first
//!   quiz score. Written in the same transaction as `lesson_read` and `quiz_attempt`.
//! - `answer_tally`: per (module, test, question, right or not, options chosen), how many
//!   learners gave that answer at their first attempt, counting learners who were in a cohort
//!   when they took it. The administrators' all-cohorts question analysis reads it.
//!
//! Both are filled here from the rows already stored. `learning::summary::rebuild` holds the
//! same statements for data inserted in bulk (the seed, test fixtures); this copy stays as it
//! ran, like every migration.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ModuleProgress::Table)
                    .if_not_exists()
                    .col(big_integer(ModuleProgress::AccountId))
                    .col(string_len(ModuleProgress::Module, 64))
                    .col(integer(ModuleProgress::LessonsRead).default(0))
                    .col(small_integer_null(ModuleProgress::BestScore))
                    .col(boolean(ModuleProgress::Passed).default(false))
                    .col(small_integer_null(ModuleProgress::PretestScore))
                    .col(small_integer_null(ModuleProgress::FirstScore))
                    .primary_key(
                        Index::create()
                            .col(ModuleProgress::AccountId)
                            .col(ModuleProgress::Module),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_module_progress_account")
                            .from(ModuleProgress::Table, ModuleProgress::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AnswerTally::Table)
                    .if_not_exists()
                    .col(string_len(AnswerTally::Module, 64))
                    .col(string_len(AnswerTally::Kind, 16))
                    .col(string_len(AnswerTally::Question, 128))
                    .col(boolean(AnswerTally::IsRight))
                    .col(string_len(AnswerTally::Chosen, 64))
                    .col(big_integer(AnswerTally::Learners).default(0))
                    .primary_key(
                        Index::create()
                            .col(AnswerTally::Module)
                            .col(AnswerTally::Kind)
                            .col(AnswerTally::Question)
                            .col(AnswerTally::IsRight)
                            .col(AnswerTally::Chosen),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(FILL_MODULE_PROGRESS).await?;
        db.execute_unprepared(FILL_ANSWER_TALLY).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AnswerTally::Table.into_iden(),
            ModuleProgress::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}

const FILL_MODULE_PROGRESS: &str = "\
INSERT INTO module_progress (account_id, module, lessons_read, best_score, passed, pretest_score, first_score)
SELECT account_id, module, SUM(lessons), MAX(best), MAX(passed) = 1, MAX(pre), MAX(first)
FROM (
  SELECT account_id, module, COUNT(*) AS lessons, CAST(NULL AS SMALLINT) AS best, 0 AS passed,
         CAST(NULL AS SMALLINT) AS pre, CAST(NULL AS SMALLINT) AS first
  FROM lesson_read GROUP BY account_id, module
  UNION ALL
  SELECT account_id, module, 0,
         MAX(CASE WHEN kind = 'quiz' THEN score END),
         MAX(CASE WHEN kind = 'quiz' AND passed THEN 1 ELSE 0 END),
         MAX(CASE WHEN kind = 'pretest' AND number = 1 THEN score END),
         MAX(CASE WHEN kind = 'quiz' AND number = 1 THEN score END)
  FROM quiz_attempt GROUP BY account_id, module
) done
GROUP BY account_id, module";

const FILL_ANSWER_TALLY: &str = "\
INSERT INTO answer_tally (module, kind, question, is_right, chosen, learners)
SELECT t.module, t.kind, a.question, a.is_right, a.chosen, COUNT(*)
FROM quiz_attempt t JOIN quiz_answer a ON a.attempt_id = t.id
WHERE t.number = 1 AND t.account_id IN (SELECT account_id FROM cohort_member)
GROUP BY t.module, t.kind, a.question, a.is_right, a.chosen";

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ModuleProgress {
    Table,
    AccountId,
    Module,
    LessonsRead,
    BestScore,
    Passed,
    PretestScore,
    FirstScore,
}

#[derive(DeriveIden)]
enum AnswerTally {
    Table,
    Module,
    Kind,
    Question,
    IsRight,
    Chosen,
    Learners,
}

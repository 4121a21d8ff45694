//! `server seed`: a large synthetic data set for measuring the trainers' reports — learners
//! in cohorts (one of them large), lessons read, and pre-test and quiz attempts with every
//! answer, drawn from the real course as learners would see it. Deterministic (seeded), so
//! two runs measure the same thing. Never run it on a real platform's database.

use catalog::{Catalog, Module, QuizKind};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait, TransactionTrait,
};

use accounts::Affiliation;
use accounts::entity::{account, cohort, cohort_member, cohort_trainer};
use learning::entity::{lesson_read, quiz_answer, quiz_attempt};

/// What to make.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub learners: usize,
    pub cohorts: usize,
    /// Learners in the first cohort (the large one the benchmark times).
    pub big_cohort: usize,
    /// Attempts to aim for, pre-tests included.
    pub attempts: usize,
}

#[derive(Debug, Default)]
pub struct Made {
    pub learners: usize,
    pub cohorts: usize,
    pub lessons_read: usize,
    pub attempts: usize,
    pub answers: usize,
    /// The large cohort's id.
    pub big_cohort: i64,
}

const BATCH: usize = 1000;

async fn insert_all<E, A>(db: &impl ConnectionTrait, rows: Vec<A>) -> anyhow::Result<()>
where
    E: EntityTrait,
    A: sea_orm::ActiveModelTrait<Entity = E> + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<A> = rows.by_ref().take(BATCH).collect();
        E::insert_many(batch).exec_without_returning(db).await?;
    }
    Ok(())
}

pub async fn seed(db: &DatabaseConnection, catalog: &Catalog, plan: Plan) -> anyhow::Result<Made> {
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let now = accounts::now();
    let tx = db.begin().await?;
    let base = account::Entity::find()
        .all(&tx)
        .await?
        .iter()
        .map(|a| a.id)
        .max()
        .unwrap_or(0);
    let trainer_id = base + 1;
    let mut accounts = vec![person(
        trainer_id,
        "seed.trainer",
        "Formateur de mesure",
        accounts::Role::Trainer,
        Affiliation::Other,
        now,
    )];
    let affiliations = [
        Affiliation::Fds,
        Affiliation::Fds,
        Affiliation::ArmedMovement,
        Affiliation::Other,
    ];
    for i in 0..plan.learners {
        let id = trainer_id + 1 + i as i64;
        let affiliation = affiliations[rng.gen_range(0..affiliations.len())];
        accounts.push(person(
            id,
            &format!("seed.{i:05}"),
            &format!("Apprenant {i:05}"),
            accounts::Role::Learner,
            affiliation,
            now,
        ));
    }
    insert_all(&tx, accounts).await?;

    let first_cohort = cohort::Entity::find()
        .all(&tx)
        .await?
        .iter()
        .map(|c| c.id)
        .max()
        .unwrap_or(0)
        + 1;
    let cohorts: Vec<cohort::ActiveModel> = (0..plan.cohorts)
        .map(|c| cohort::ActiveModel {
            id: Set(first_cohort + c as i64),
            name: Set(format!("Groupe de mesure {:03}", c + 1)),
            join_code: Set(None),
            created_at: Set(now),
            archived_at: Set(None),
            ..Default::default()
        })
        .collect();
    insert_all(&tx, cohorts).await?;
    let trainers: Vec<cohort_trainer::ActiveModel> = (0..plan.cohorts)
        .map(|c| cohort_trainer::ActiveModel {
            cohort_id: Set(first_cohort + c as i64),
            account_id: Set(trainer_id),
            added_at: Set(now),
        })
        .collect();
    insert_all(&tx, trainers).await?;
    let others = plan.cohorts.saturating_sub(1).max(1);
    let members: Vec<cohort_member::ActiveModel> = (0..plan.learners)
        .map(|i| {
            let cohort = if i < plan.big_cohort || plan.cohorts == 1 {
                0
            } else {
                1 + (i - plan.big_cohort) % others
            };
            cohort_member::ActiveModel {
                cohort_id: Set(first_cohort + cohort as i64),
                account_id: Set(trainer_id + 1 + i as i64),
                added_at: Set(now),
            }
        })
        .collect();
    insert_all(&tx, members).await?;

    // Attempts: per learner and module, a pre-test and 1–3 quiz attempts, until the plan's
    // number is reached; a learner gets better from one attempt to the next.
    let per_learner_module =
        plan.attempts as f64 / (plan.learners.max(1) * catalog.modules().len().max(1)) as f64;
    let mut made = Made {
        learners: plan.learners,
        cohorts: plan.cohorts,
        big_cohort: first_cohort,
        ..Made::default()
    };
    let mut reads = Vec::new();
    let mut attempts = Vec::new();
    let mut answers = Vec::new();
    let mut attempt_id = quiz_attempt::Entity::find()
        .all(&tx)
        .await?
        .iter()
        .map(|a| a.id)
        .max()
        .unwrap_or(0);
    for i in 0..plan.learners {
        let learner = trainer_id + 1 + i as i64;
        for module in catalog.modules() {
            let quiz_attempts = {
                let extra = (per_learner_module - 1.0).max(0.0);
                let whole = extra.floor() as usize;
                whole + usize::from(rng.gen_bool((extra - extra.floor()).clamp(0.0, 1.0)))
            };
            if made.attempts >= plan.attempts {
                break;
            }
            let lessons = if quiz_attempts > 0 {
                module.lessons.len()
            } else {
                rng.gen_range(0..=module.lessons.len())
            };
            for lesson in module.lessons.iter().take(lessons) {
                reads.push(lesson_read::ActiveModel {
                    account_id: Set(learner),
                    module: Set(module.slug.clone()),
                    lesson: Set(lesson.slug.clone()),
                    read_at: Set(now),
                });
            }
            let mut tries = vec![(QuizKind::Pretest, 1, 0.45)];
            tries.extend(
                (1..=quiz_attempts).map(|n| (QuizKind::Quiz, n as i32, 0.55 + 0.12 * n as f64)),
            );
            for (kind, number, skill) in tries {
                attempt_id += 1;
                let (score, passed, rows) =
                    answer(&mut rng, module, kind, learner, number, skill, attempt_id);
                made.answers += rows.len();
                attempts.push(quiz_attempt::ActiveModel {
                    id: Set(attempt_id),
                    account_id: Set(learner),
                    module: Set(module.slug.clone()),
                    kind: Set(kind),
                    number: Set(number),
                    submitted_at: Set(now - 3600 + i64::from(number)),
                    score: Set(score),
                    passed: Set(passed),
                    questions: Set(rows.len() as i32),
                    right_answers: Set(rows
                        .iter()
                        .filter(|r| matches!(r.is_right, Set(true)))
                        .count() as i32),
                });
                answers.extend(rows);
                made.attempts += 1;
            }
        }
    }
    made.lessons_read = reads.len();
    insert_all(&tx, reads).await?;
    insert_all(&tx, attempts).await?;
    insert_all(&tx, answers).await?;
    // The rows went in without `learning`'s functions: compute the reports' summaries.
    learning::summary::rebuild(&tx).await?;
    if tx.get_database_backend() == sea_orm::DbBackend::Postgres {
        // The ids above were chosen here: move PostgreSQL's counters past them.
        for table in ["account", "cohort", "quiz_attempt"] {
            tx.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .await?;
        }
    }
    tx.commit().await?;
    // As after any bulk load: give the query planners fresh statistics (PostgreSQL would
    // gather them itself a while later; SQLite only when asked).
    db.execute_unprepared("ANALYZE").await?;
    Ok(made)
}

fn person(
    id: i64,
    username: &str,
    name: &str,
    role: accounts::Role,
    affiliation: Affiliation,
    now: i64,
) -> account::ActiveModel {
    account::ActiveModel {
        id: Set(id),
        username: Set(username.into()),
        display_name: Set(name.into()),
        role: Set(role),
        affiliation: Set(affiliation),
        lang: Set("fr".into()),
        password_hash: Set(None),
        code_hash: Set(None),
        code_expires_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        deleted_at: Set(None),
        last_sign_in_at: Set(None),
    }
}

/// One attempt's answers: each drawn question right with probability `skill`; a wrong
/// answer picks one wrong option (the same ones more often, as real mistakes cluster).
#[allow(clippy::too_many_arguments)]
fn answer(
    rng: &mut ChaCha8Rng,
    module: &Module,
    kind: QuizKind,
    learner: i64,
    number: i32,
    skill: f64,
    attempt_id: i64,
) -> (i16, bool, Vec<quiz_answer::ActiveModel>) {
    let Some(quiz) = module.quiz_of(kind) else {
        return (0, false, Vec::new());
    };
    let drawn = learning::attempts::draw(module, kind, learner, number as u32).unwrap_or_default();
    let mut right = 0;
    let rows: Vec<quiz_answer::ActiveModel> = drawn
        .iter()
        .enumerate()
        .map(|(position, d)| {
            let question = &quiz.questions[d.question];
            let is_right = rng.gen_bool(skill.clamp(0.0, 1.0));
            let chosen: Vec<usize> = if is_right {
                (0..question.correct.len())
                    .filter(|&o| question.correct[o])
                    .collect()
            } else {
                let wrong: Vec<usize> = (0..question.correct.len())
                    .filter(|&o| !question.correct[o])
                    .collect();
                let pick = if rng.gen_bool(0.6) {
                    0
                } else {
                    rng.gen_range(0..wrong.len().max(1))
                };
                wrong.get(pick).copied().into_iter().collect()
            };
            right += usize::from(is_right);
            quiz_answer::ActiveModel {
                attempt_id: Set(attempt_id),
                position: Set(position as i32),
                question: Set(question.id.clone()),
                chosen: Set(chosen
                    .iter()
                    .map(|o| o.to_string())
                    .collect::<Vec<_>>()
                    .join(",")),
                is_right: Set(is_right),
            }
        })
        .collect();
    let score = if rows.is_empty() {
        0
    } else {
        (100 * right / rows.len()) as i16
    };
    let passed = kind == QuizKind::Quiz && score >= i16::from(module.settings.pass_mark);
    (score, passed, rows)
}

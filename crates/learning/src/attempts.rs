//! Quiz and pre-test attempts: which one is next, what it asks, recording it once, reading it.
//!
//! An attempt's questions are not stored when the quiz is shown: they are drawn from a seed made
//! of (account, module, kind, number), so showing the quiz writes nothing and the submission
//! recomputes exactly what was shown. The unique index on (account, module, kind, number)
//! makes a double click, a resubmitted form or a replayed request land once.
//!
//! Over 400 lines: availability, drawing, submitting and reading an attempt are the steps of
//! one record, and each relies on the same seed and unique index described above.

use std::collections::BTreeSet;

use catalog::quiz::{AnswerError, Drawn, ShowAnswers};
use catalog::{Module, Quiz, QuizKind};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    SqlErr, TransactionTrait,
};
use sha2::{Digest, Sha256};

use crate::entity::{quiz_answer, quiz_attempt};
use crate::{Error, Result};

/// Whether a learner may start an attempt now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Availability {
    /// Attempt `number` may be taken.
    Open {
        number: u32,
    },
    /// Lessons remain to be read first.
    LessonsNotRead {
        remaining: usize,
    },
    /// The next attempt opens at this Unix time.
    Wait {
        until: i64,
    },
    NoAttemptsLeft,
    /// The pre-test is taken once, before the first quiz attempt.
    PretestClosed,
}

/// The quiz (or pre-test) of a module, or `NotFound`.
pub fn quiz_of(module: &Module, kind: QuizKind) -> Result<&Quiz> {
    module.quiz_of(kind).ok_or(Error::NotFound)
}

/// The attempts of one kind already submitted, oldest first.
async fn submitted(
    db: &impl ConnectionTrait,
    module: &str,
    kind: QuizKind,
    account: i64,
) -> Result<Vec<quiz_attempt::Model>> {
    Ok(quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::AccountId.eq(account))
        .filter(quiz_attempt::Column::Module.eq(module))
        .filter(quiz_attempt::Column::Kind.eq(kind))
        .order_by_asc(quiz_attempt::Column::Number)
        .all(db)
        .await?)
}

/// What the database holds of one learner in one module: enough to decide what is next.
/// Two queries; everything after is computed.
pub struct Snapshot {
    /// Every attempt in the module, quiz and pre-test, oldest first.
    pub attempts: Vec<quiz_attempt::Model>,
    /// Lessons of the module marked read (slugs, possibly of lessons since removed).
    pub lessons_read: Vec<String>,
}

impl Snapshot {
    pub async fn load(db: &impl ConnectionTrait, module: &str, account: i64) -> Result<Self> {
        let attempts = quiz_attempt::Entity::find()
            .filter(quiz_attempt::Column::AccountId.eq(account))
            .filter(quiz_attempt::Column::Module.eq(module))
            .order_by_asc(quiz_attempt::Column::Number)
            .all(db)
            .await?;
        let lessons_read = crate::entity::lesson_read::Entity::find()
            .filter(crate::entity::lesson_read::Column::AccountId.eq(account))
            .filter(crate::entity::lesson_read::Column::Module.eq(module))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.lesson)
            .collect();
        Ok(Snapshot {
            attempts,
            lessons_read,
        })
    }

    pub fn of_kind(&self, kind: QuizKind) -> impl Iterator<Item = &quiz_attempt::Model> {
        self.attempts.iter().filter(move |a| a.kind == kind)
    }

    fn find(&self, kind: QuizKind, number: u32) -> Option<&quiz_attempt::Model> {
        self.of_kind(kind)
            .find(|a| i64::from(a.number) == i64::from(number))
    }

    /// What the learner may do now with the module's quiz or pre-test.
    pub fn availability(&self, module: &Module, kind: QuizKind, now: i64) -> Availability {
        let done: Vec<&quiz_attempt::Model> = self.of_kind(kind).collect();
        match kind {
            QuizKind::Pretest => {
                if self.attempts.is_empty() {
                    Availability::Open { number: 1 }
                } else {
                    Availability::PretestClosed
                }
            }
            QuizKind::Quiz => {
                let remaining = module
                    .lessons
                    .iter()
                    .filter(|l| !self.lessons_read.contains(&l.slug))
                    .count();
                if remaining > 0 {
                    return Availability::LessonsNotRead { remaining };
                }
                if module
                    .settings
                    .attempts
                    .is_some_and(|limit| done.len() >= limit as usize)
                {
                    return Availability::NoAttemptsLeft;
                }
                if let Some(last) = done.last() {
                    let until = last.submitted_at + i64::from(module.settings.wait_minutes) * 60;
                    if now < until {
                        return Availability::Wait { until };
                    }
                }
                let next = u32::try_from(done.len())
                    .unwrap_or(u32::MAX)
                    .saturating_add(1);
                Availability::Open { number: next }
            }
        }
    }
}

/// What the learner may do now with the module's quiz or pre-test.
pub async fn availability(
    db: &impl ConnectionTrait,
    module: &Module,
    kind: QuizKind,
    account: i64,
    now: i64,
) -> Result<Availability> {
    quiz_of(module, kind)?;
    Ok(Snapshot::load(db, &module.slug, account)
        .await?
        .availability(module, kind, now))
}

/// The seed of attempt `number`: the same attempt always shows the same questions.
pub fn seed(account: i64, module: &str, kind: QuizKind, number: u32) -> u64 {
    let digest = Sha256::digest(format!("{account}\n{module}\n{}\n{number}", kind.code()));
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    u64::from_le_bytes(bytes)
}

/// The questions attempt `number` asks, in order.
pub fn draw(module: &Module, kind: QuizKind, account: i64, number: u32) -> Result<Vec<Drawn>> {
    let quiz = quiz_of(module, kind)?;
    Ok(quiz.draw(&module.settings, seed(account, &module.slug, kind, number)))
}

/// The outcome of a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Submitted {
    pub number: u32,
    pub score: u8,
    pub passed: bool,
    /// False when this attempt had already been recorded (a double click, a replayed form):
    /// the first recording stands and nothing was written.
    pub recorded_now: bool,
}

/// Records attempt `number` with `picks`: pairs (question place in the attempt, option place
/// as shown). Refuses anything the page's form could not have sent, and changes nothing then.
pub async fn submit(
    db: &DatabaseConnection,
    module: &Module,
    kind: QuizKind,
    account: i64,
    number: u32,
    picks: &[(usize, usize)],
    now: i64,
) -> Result<Submitted> {
    let quiz = quiz_of(module, kind)?;
    let snapshot = Snapshot::load(db, &module.slug, account).await?;
    if let Some(existing) = snapshot.find(kind, number) {
        return Ok(replayed(existing));
    }
    let availability = snapshot.availability(module, kind, now);
    if availability != (Availability::Open { number }) {
        // The same attempt may have been recorded by a twin request since the first look.
        if let Some(existing) = find(db, &module.slug, kind, account, number).await? {
            return Ok(replayed(&existing));
        }
        return Err(match availability {
            Availability::Open { .. } => Error::StaleAttempt,
            Availability::LessonsNotRead { .. } => Error::LessonsNotRead,
            Availability::Wait { until } => Error::TooSoon(until),
            Availability::NoAttemptsLeft => Error::NoAttemptsLeft,
            Availability::PretestClosed => Error::PretestClosed,
        });
    }
    let drawn = quiz.draw(&module.settings, seed(account, &module.slug, kind, number));
    let mut answers = vec![BTreeSet::new(); drawn.len()];
    for &(question, option) in picks {
        answers
            .get_mut(question)
            .ok_or(AnswerError::UnknownQuestion)?
            .insert(option);
    }
    let graded = quiz.grade(&drawn, &answers)?;
    let passed = kind == QuizKind::Quiz && graded.score >= module.settings.pass_mark;
    let right_count = graded.right.iter().filter(|r| **r).count();

    let tx = db.begin().await?;
    let inserted = quiz_attempt::Entity::insert(quiz_attempt::ActiveModel {
        account_id: Set(account),
        module: Set(module.slug.clone()),
        kind: Set(kind),
        number: Set(i32::try_from(number).unwrap_or(i32::MAX)),
        submitted_at: Set(now),
        score: Set(i16::from(graded.score)),
        passed: Set(passed),
        questions: Set(i32::try_from(drawn.len()).unwrap_or(i32::MAX)),
        right_answers: Set(i32::try_from(right_count).unwrap_or(i32::MAX)),
        ..Default::default()
    })
    .exec(&tx)
    .await;
    let attempt_id = match inserted {
        Ok(result) => result.last_insert_id,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            // Another request recorded this attempt a moment ago: it stands.
            drop(tx);
            let existing = find(db, &module.slug, kind, account, number)
                .await?
                .ok_or(Error::StaleAttempt)?;
            return Ok(replayed(&existing));
        }
        Err(e) => return Err(e.into()),
    };
    // (question id, right, options ticked as places in the file)
    let given: Vec<(String, bool, String)> = drawn
        .iter()
        .zip(&answers)
        .zip(&graded.right)
        .map(|((d, ticked), right)| {
            let chosen: Vec<String> = ticked.iter().map(|&p| d.options[p].to_string()).collect();
            (
                quiz.questions[d.question].id.clone(),
                *right,
                chosen.join(","),
            )
        })
        .collect();
    let rows = given
        .iter()
        .enumerate()
        .map(
            |(position, (question, right, chosen))| quiz_answer::ActiveModel {
                attempt_id: Set(attempt_id),
                position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
                question: Set(question.clone()),
                chosen: Set(chosen.clone()),
                is_right: Set(*right),
            },
        );
    quiz_answer::Entity::insert_many(rows).exec(&tx).await?;
    crate::summary::attempt_recorded(
        &tx,
        &crate::summary::Attempt {
            account,
            module: &module.slug,
            kind,
            number,
            score: i16::from(graded.score),
            passed,
            answers: given,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Submitted {
        number,
        score: graded.score,
        passed,
        recorded_now: true,
    })
}

fn replayed(existing: &quiz_attempt::Model) -> Submitted {
    Submitted {
        number: u32::try_from(existing.number).unwrap_or(0),
        score: crate::percent(existing.score),
        passed: existing.passed,
        recorded_now: false,
    }
}

async fn find(
    db: &impl ConnectionTrait,
    module: &str,
    kind: QuizKind,
    account: i64,
    number: u32,
) -> Result<Option<quiz_attempt::Model>> {
    Ok(quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::AccountId.eq(account))
        .filter(quiz_attempt::Column::Module.eq(module))
        .filter(quiz_attempt::Column::Kind.eq(kind))
        .filter(quiz_attempt::Column::Number.eq(i32::try_from(number).unwrap_or(i32::MAX)))
        .one(db)
        .await?)
}

/// A recorded attempt with its answers, for the result page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptRecord {
    pub attempt: quiz_attempt::Model,
    /// In the order the attempt asked them.
    pub answers: Vec<AnswerRecord>,
    /// What the learner may see of the right answers.
    pub reveal: Reveal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRecord {
    pub question: String,
    /// Options ticked, as places in the file.
    pub chosen: Vec<usize>,
    pub right: bool,
}

impl From<quiz_answer::Model> for AnswerRecord {
    fn from(answer: quiz_answer::Model) -> Self {
        Self {
            chosen: answer
                .chosen
                .split(',')
                .filter_map(|p| p.trim().parse().ok())
                .collect(),
            question: answer.question,
            right: answer.is_right,
        }
    }
}

/// One attempt with its answers in the order it asked them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub attempt: quiz_attempt::Model,
    pub answers: Vec<AnswerRecord>,
}

/// Every quiz and pre-test attempt of `account`, oldest submission first, with its answers:
/// what a trainer's report on one learner lists.
pub async fn history(db: &impl ConnectionTrait, account: i64) -> Result<Vec<Taken>> {
    let attempts = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::AccountId.eq(account))
        .order_by_asc(quiz_attempt::Column::SubmittedAt)
        .all(db)
        .await?;
    let ids: Vec<i64> = attempts.iter().map(|a| a.id).collect();
    let answers = quiz_answer::Entity::find()
        .filter(quiz_answer::Column::AttemptId.is_in(ids))
        .order_by_asc(quiz_answer::Column::AttemptId)
        .order_by_asc(quiz_answer::Column::Position)
        .all(db)
        .await?;
    // Grouped in one pass, each attempt's in the order asked.
    let mut by_attempt: std::collections::HashMap<i64, Vec<AnswerRecord>> =
        std::collections::HashMap::new();
    for answer in answers {
        by_attempt
            .entry(answer.attempt_id)
            .or_default()
            .push(answer.into());
    }
    Ok(attempts
        .into_iter()
        .map(|attempt| Taken {
            answers: by_attempt.remove(&attempt.id).unwrap_or_default(),
            attempt,
        })
        .collect())
}

/// Whether the right answers, explanations and option feedback may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reveal {
    Answers,
    /// Only right or wrong for each question, until the module's rule allows more.
    RightOrWrong,
}

/// Attempt `number` of `account`, or `None`.
pub async fn record(
    db: &impl ConnectionTrait,
    module: &Module,
    kind: QuizKind,
    account: i64,
    number: u32,
) -> Result<Option<AttemptRecord>> {
    let Some(attempt) = find(db, &module.slug, kind, account, number).await? else {
        return Ok(None);
    };
    let answers = quiz_answer::Entity::find()
        .filter(quiz_answer::Column::AttemptId.eq(attempt.id))
        .order_by_asc(quiz_answer::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(AnswerRecord::from)
        .collect();
    let all = submitted(db, &module.slug, kind, account).await?;
    Ok(Some(AttemptRecord {
        reveal: reveal(module, kind, &all),
        attempt,
        answers,
    }))
}

/// The module's `show_answers` rule, given every attempt submitted so far. A pre-test shows its
/// answers at once: its questions are not the quiz's. "After the last attempt" also shows them
/// once the learner has passed: the explanations then reach both the learner who passed early
/// and the one who failed every attempt, and neither can carry them into an attempt that counts.
pub fn reveal(module: &Module, kind: QuizKind, attempts: &[quiz_attempt::Model]) -> Reveal {
    let show = match (kind, module.settings.show_answers) {
        (QuizKind::Pretest, _) | (_, ShowAnswers::AtOnce) => true,
        (_, ShowAnswers::AfterPassing) => attempts.iter().any(|a| a.passed),
        (_, ShowAnswers::AfterLastAttempt) => match module.settings.attempts {
            Some(limit) => attempts.len() >= limit as usize || attempts.iter().any(|a| a.passed),
            None => attempts.iter().any(|a| a.passed),
        },
    };
    if show {
        Reveal::Answers
    } else {
        Reveal::RightOrWrong
    }
}

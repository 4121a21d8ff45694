//! Issuing: after anything that may complete a module (marking its last lesson read, passing
//! its quiz), [`after_progress`] issues the module's certificate, and the course's when every
//! module is completed. Calling it again changes nothing.

use std::collections::BTreeMap;

use catalog::{Catalog, Module};
use learning::{ModuleProgress, ModuleState};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entity::certificate;
use crate::{COURSE, Certificate, Kind, Result, course_title, now, number};

/// Issues what `account` has earned in `module` (and the course certificate if that was the
/// last module). Returns the learner's certificates for that module and the course, whether
/// issued now or before.
pub async fn after_progress(
    db: &impl ConnectionTrait,
    catalog: &Catalog,
    account: i64,
    module: &str,
    issuer: &str,
) -> Result<Vec<Certificate>> {
    let Some(found) = catalog.module(module) else {
        return Ok(Vec::new());
    };
    // Already issued: nothing can change (and the course certificate, if due, was issued with
    // the module's that completed the course). One query on this common path.
    if let Some(existing) = find(db, account, Kind::Module, &found.slug).await? {
        let mut issued = vec![existing];
        issued.extend(find(db, account, Kind::Course, COURSE).await?);
        return Ok(issued);
    }
    let progress = learning::progress::of_module(db, found, account).await?;
    if progress.state != ModuleState::Completed {
        return Ok(Vec::new());
    }
    let name = display_name(db, account).await?;
    let mut issued = vec![
        issue(
            db,
            account,
            Kind::Module,
            &found.slug,
            &name,
            &titles(found),
            score(&progress),
            issuer,
        )
        .await?,
    ];
    let overview = learning::progress::overview(db, catalog, account).await?;
    if !overview.is_empty() && overview.iter().all(|p| p.state == ModuleState::Completed) {
        let mean =
            overview.iter().map(|p| u32::from(score(p))).sum::<u32>() / overview.len() as u32;
        let titles = catalog
            .languages()
            .iter()
            .map(|lang| (lang.clone(), course_title(lang).to_string()))
            .collect();
        issued.push(
            issue(
                db,
                account,
                Kind::Course,
                COURSE,
                &name,
                &titles,
                mean as u8,
                issuer,
            )
            .await?,
        );
    }
    Ok(issued)
}

/// The best quiz score; a module without a quiz is completed by reading, which counts as 100.
fn score(progress: &ModuleProgress) -> u8 {
    progress.best_score.unwrap_or(100)
}

fn titles(module: &Module) -> BTreeMap<String, String> {
    module
        .texts
        .iter()
        .map(|(lang, text)| (lang.to_string(), text.title.clone()))
        .collect()
}

/// The learner's display name, cleaned for a document: no control characters and no
/// bidirectional overrides (which could reorder what a page shows), at most 120 characters.
pub async fn display_name(db: &impl ConnectionTrait, account: i64) -> Result<String> {
    let row = accounts::entity::account::Entity::find_by_id(account)
        .one(db)
        .await?
        .ok_or(crate::Error::NotFound)?;
    Ok(clean_name(&row.display_name))
}

pub fn clean_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = cleaned.chars();
    let kept: String = chars.by_ref().take(120).collect();
    if chars.next().is_some() {
        format!("{kept}…")
    } else {
        kept
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[allow(clippy::too_many_arguments)]
async fn issue(
    db: &impl ConnectionTrait,
    account: i64,
    kind: Kind,
    module: &str,
    name: &str,
    titles: &BTreeMap<String, String>,
    score: u8,
    issuer: &str,
) -> Result<Certificate> {
    use certificate::Column as C;
    let existing = || find(db, account, kind, module);
    if let Some(found) = existing().await? {
        return Ok(found);
    }
    // A number already taken (one chance in 2^50 per pair) fails the unique index on number:
    // try again with another. The (account, kind, module) conflict is the idempotence.
    for _ in 0..3 {
        let row = certificate::ActiveModel {
            number: Set(number::generate()),
            account_id: Set(account),
            kind: Set(kind),
            module: Set(module.to_string()),
            name: Set(name.to_string()),
            titles: Set(serde_json::to_string(titles).unwrap_or_else(|_| "{}".into())),
            score: Set(i16::from(score)),
            issuer: Set(issuer.to_string()),
            issued_at: Set(now()),
            ..Default::default()
        };
        let inserted = certificate::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([C::AccountId, C::Kind, C::Module])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await;
        match inserted {
            Ok(_) => {}
            Err(e) if is_unique_violation(&e) => continue,
            Err(e) => return Err(e.into()),
        }
        if let Some(found) = existing().await? {
            return Ok(found);
        }
    }
    existing().await?.ok_or(crate::Error::NotFound)
}

/// The learner's certificate of this kind for this module, if issued.
async fn find(
    db: &impl ConnectionTrait,
    account: i64,
    kind: Kind,
    module: &str,
) -> Result<Option<Certificate>> {
    use certificate::Column as C;
    Ok(certificate::Entity::find()
        .filter(C::AccountId.eq(account))
        .filter(C::Kind.eq(kind))
        .filter(C::Module.eq(module))
        .one(db)
        .await?)
}

fn is_unique_violation(e: &sea_orm::DbErr) -> bool {
    matches!(
        e.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}

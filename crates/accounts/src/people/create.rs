//! Creating accounts: by a cohort's join code (the learner chooses a username and password),
//! from a trainer's pasted list or the command line (each with a one-time code), and the
//! usernames made from display names.

use std::collections::HashSet;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, SqlErr, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Action};
use crate::entity::account;
use crate::{Affiliation, Error, Role, codes, cohorts, now, password, validate};

/// Most names accepted in one list: a large classroom, and a bounded amount of hashing.
pub const MAX_NAMES: usize = 200;

/// What a trainer prints and hands to one person: the code is shown once and only its hash
/// is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slip {
    pub username: String,
    pub display_name: String,
    pub code: String,
}

/// An account to create with a one-time code (bulk lists, administrators' command line).
pub struct NewAccount<'a> {
    /// `None`: made from the display name.
    pub username: Option<&'a str>,
    pub display_name: &'a str,
    pub role: Role,
    pub affiliation: Affiliation,
    pub lang: &'a str,
}

/// Creates an account that signs in first with a one-time code.
pub async fn create_with_code(
    db: &DatabaseConnection,
    actor: Option<i64>,
    new: NewAccount<'_>,
) -> Result<(account::Model, Slip), Error> {
    let display_name = validate::display_name(new.display_name)?;
    let username = match new.username {
        Some(u) => validate::username(u)?,
        None => free_usernames(db, &[username_base(&display_name)])
            .await?
            .remove(0),
    };
    let code = new_code().await?;
    let tx = db.begin().await?;
    let (created, slip) = insert_with_code(
        &tx,
        username,
        display_name,
        new.role,
        new.affiliation,
        new.lang,
        code,
    )
    .await?;
    audit::record(&tx, actor, Action::AccountCreated, Some(created.id), None).await?;
    tx.commit().await?;
    Ok((created, slip))
}

/// A fresh one-time code and its hash, made before any transaction opens: hashing takes tens of
/// milliseconds, and a list of 200 names must not hold the database's write lock that long.
async fn new_code() -> Result<(String, String), Error> {
    let code = codes::one_time_code();
    let hash = password::hash(&codes::normalise(&code)).await?;
    Ok((code, hash))
}

async fn insert_with_code(
    db: &impl ConnectionTrait,
    username: String,
    display_name: String,
    role: Role,
    affiliation: Affiliation,
    lang: &str,
    (code, hash): (String, String),
) -> Result<(account::Model, Slip), Error> {
    let now = now();
    let created = account::ActiveModel {
        username: Set(username.clone()),
        display_name: Set(display_name.clone()),
        role: Set(role),
        affiliation: Set(affiliation),
        lang: Set(lang.to_string()),
        password_hash: Set(None),
        code_hash: Set(Some(hash)),
        code_expires_at: Set(Some(now + codes::ONE_TIME_CODE_DAYS * 86_400)),
        created_at: Set(now),
        updated_at: Set(now),
        deleted_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(taken)?;
    Ok((
        created,
        Slip {
            username,
            display_name,
            code,
        },
    ))
}

/// A learner joins a cohort with its code, choosing their own username and password.
pub struct Joining<'a> {
    pub join_code: &'a str,
    pub username: &'a str,
    pub display_name: &'a str,
    pub affiliation: &'a str,
    pub password: &'a str,
    pub confirmation: &'a str,
    pub lang: &'a str,
    /// The client's address: wrong join codes from one address are slowed down.
    pub address: Option<std::net::IpAddr>,
}

pub async fn join(db: &DatabaseConnection, form: Joining<'_>) -> Result<account::Model, Error> {
    let username = validate::username(form.username)?;
    let display_name = validate::display_name(form.display_name)?;
    let affiliation = Affiliation::parse(form.affiliation).ok_or(Error::AffiliationMissing)?;
    validate::new_password(form.password, form.confirmation)?;
    // Wrong codes from one address are paced, never refused while the queue is short: a
    // classroom behind one address still gets in with the right code.
    let key = form.address.map(|a| format!("join:{a}"));
    if let Some(key) = &key {
        crate::sign_in::pace(db, key, crate::sign_in::JOIN_LIMIT).await?;
    }
    let Some(cohort) = cohorts::by_join_code(db, form.join_code).await? else {
        return Err(Error::JoinCodeUnknown);
    };
    if let Some(key) = &key {
        crate::sign_in::give_back(db, key).await?;
    }
    let hash = password::hash(form.password).await?;
    let now = now();
    let tx = db.begin().await?;
    let created = account::ActiveModel {
        username: Set(username),
        display_name: Set(display_name),
        role: Set(Role::Learner),
        affiliation: Set(affiliation),
        lang: Set(form.lang.to_string()),
        password_hash: Set(Some(hash)),
        code_hash: Set(None),
        code_expires_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        deleted_at: Set(None),
        last_sign_in_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .map_err(taken)?;
    cohorts::add_member(&tx, cohort.id, created.id).await?;
    audit::record(
        &tx,
        Some(created.id),
        Action::JoinedWithCode,
        Some(created.id),
        Some(cohort.id),
    )
    .await?;
    tx.commit().await?;
    Ok(created)
}

/// A trainer's pasted list (one name per line, or a CSV whose first column is the name, with
/// or without a header) becomes learner accounts in the cohort, each with a one-time code.
/// All or nothing: one bad name refuses the whole list and creates no account.
pub async fn bulk_create(
    db: &DatabaseConnection,
    actor: i64,
    cohort_id: i64,
    list: &str,
    affiliation: &str,
    lang: &str,
) -> Result<Vec<Slip>, Error> {
    let affiliation = Affiliation::parse(affiliation).ok_or(Error::AffiliationMissing)?;
    let names = parse_name_list(list)?;
    let bases: Vec<String> = names.iter().map(|n| username_base(n)).collect();
    let usernames = free_usernames(db, &bases).await?;
    let mut codes = Vec::with_capacity(names.len());
    for _ in &names {
        codes.push(new_code().await?);
    }
    let tx = db.begin().await?;
    let mut slips = Vec::with_capacity(names.len());
    for ((name, username), code) in names.into_iter().zip(usernames).zip(codes) {
        let (created, slip) =
            insert_with_code(&tx, username, name, Role::Learner, affiliation, lang, code).await?;
        cohorts::add_member(&tx, cohort_id, created.id).await?;
        audit::record(
            &tx,
            Some(actor),
            Action::AccountCreated,
            Some(created.id),
            Some(cohort_id),
        )
        .await?;
        slips.push(slip);
    }
    tx.commit().await?;
    Ok(slips)
}

/// The display names in a pasted list, checked, in order.
pub fn parse_name_list(text: &str) -> Result<Vec<String>, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut names = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|_| Error::ForbiddenCharacters)?;
        let Some(first) = record.get(0).filter(|cell| !cell.is_empty()) else {
            continue;
        };
        if row == 0 && HEADERS.contains(&first.to_lowercase().as_str()) {
            continue;
        }
        names.push(validate::display_name(first)?);
        if names.len() > MAX_NAMES {
            return Err(Error::TooManyNames { max: MAX_NAMES });
        }
    }
    if names.is_empty() {
        return Err(Error::NoNames);
    }
    Ok(names)
}

const HEADERS: [&str; 5] = ["nom", "name", "display_name", "nom affiché", "display name"];

/// Cells are split on tabs (pasted from a spreadsheet), else on `;` (a CSV saved by a French
/// spreadsheet), else on `,` only under a header line: otherwise `Traoré, Aminata` is one name.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let header = first
        .split(',')
        .next()
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    if text.contains('\t') {
        b'\t'
    } else if text.contains(';') {
        b';'
    } else if first.contains(',') && HEADERS.contains(&header.as_str()) {
        b','
    } else {
        0x1f // the unit separator, which no pasted list holds
    }
}

/// A username made from a display name: `Aminata Traoré` → `aminata.traore`.
pub fn username_base(display_name: &str) -> String {
    let ascii = deunicode::deunicode(display_name).to_lowercase();
    let mut base = String::new();
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('.') {
            base.push('.');
        }
    }
    let mut base: String = base.trim_end_matches('.').chars().take(24).collect();
    base = base.trim_end_matches('.').to_string();
    if base.len() < validate::USERNAME_MIN {
        base = format!("apprenant.{base}")
            .trim_end_matches('.')
            .to_string();
    }
    base
}

/// For each base, the base itself or `base.2`, `base.3`… — free in the database and unique
/// within the list.
async fn free_usernames(db: &impl ConnectionTrait, bases: &[String]) -> Result<Vec<String>, Error> {
    let mut taken: HashSet<String> = HashSet::new();
    for base in bases.iter().collect::<HashSet<_>>() {
        let existing = account::Entity::find()
            .filter(account::Column::Username.starts_with(base.as_str()))
            .all(db)
            .await?;
        taken.extend(existing.into_iter().map(|a| a.username));
    }
    let mut out = Vec::with_capacity(bases.len());
    for base in bases {
        let mut candidate = base.clone();
        let mut n = 2;
        while taken.contains(&candidate) {
            candidate = format!("{base}.{n}");
            n += 1;
        }
        taken.insert(candidate.clone());
        out.push(candidate);
    }
    Ok(out)
}

fn taken(error: sea_orm::DbErr) -> Error {
    match error.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => Error::UsernameTaken,
        _ => Error::Database(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_made_from_names_in_plain_letters() {
        assert_eq!(username_base("Aminata Traoré"), "aminata.traore");
        assert_eq!(
            username_base("  Sgt. Oumar  Ag-Mohamed "),
            "sgt.oumar.ag.mohamed"
        );
        assert_eq!(username_base("Ké"), "apprenant.ke");
        assert_eq!(username_base("!!"), "apprenant");
        assert!(username_base(&"a".repeat(80)).len() <= 24);
        for name in [
            "Aminata Traoré",
            "Ké",
            "!!",
            "محمد",
            "a b c d e f g h i j k l m",
        ] {
            assert!(validate::username(&username_base(name)).is_ok(), "{name}");
        }
    }

    #[test]
    fn a_list_is_one_name_per_line_or_a_csv_first_column() {
        let names = parse_name_list("Nom;Unité\nAminata Traoré;2e RI\n\n  Oumar  ;\n").unwrap();
        assert_eq!(names, ["Aminata Traoré", "Oumar"]);
        let names = parse_name_list("Moussa\nTraoré, Fatoumata\n").unwrap();
        assert_eq!(names, ["Moussa", "Traoré, Fatoumata"]);
        let names = parse_name_list("name,unit\nMoussa,2e RI\n").unwrap();
        assert_eq!(names, ["Moussa"]);
        let names = parse_name_list("Awa\t2e RI\nIssa\t3e RI").unwrap();
        assert_eq!(names, ["Awa", "Issa"]);
        assert!(matches!(parse_name_list("\n \n"), Err(Error::NoNames)));
        assert!(matches!(
            parse_name_list("Moussa\nA\u{202E}B\n"),
            Err(Error::ForbiddenCharacters)
        ));
        let long = (0..=MAX_NAMES)
            .map(|i| format!("N{i}\n"))
            .collect::<String>();
        assert!(matches!(
            parse_name_list(&long),
            Err(Error::TooManyNames { .. })
        ));
    }
}

//! Accounts: creating them (by join code, in bulk from a list, or from the command line),
//! one-time codes, passwords, deletion, and what the platform holds about a person.

use std::collections::{HashMap, HashSet};

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, SqlErr, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Action};
use crate::entity::{account, cohort, cohort_member, cohort_trainer, session};
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
        role: Set(role.code().to_string()),
        affiliation: Set(affiliation.code().to_string()),
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
        role: Set(Role::Learner.code().to_string()),
        affiliation: Set(affiliation.code().to_string()),
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

/// A new one-time code for someone who forgot their password. Their old password stops
/// working and their sessions end.
pub async fn issue_code(
    db: &DatabaseConnection,
    actor: Option<i64>,
    account_id: i64,
) -> Result<Slip, Error> {
    let found = live(db, account_id).await?;
    let code = codes::one_time_code();
    let hash = password::hash(&codes::normalise(&code)).await?;
    let tx = db.begin().await?;
    let mut active: account::ActiveModel = found.clone().into();
    active.password_hash = Set(None);
    active.code_hash = Set(Some(hash));
    active.code_expires_at = Set(Some(now() + codes::ONE_TIME_CODE_DAYS * 86_400));
    active.updated_at = Set(now());
    active.update(&tx).await?;
    end_sessions(&tx, account_id).await?;
    audit::record(&tx, actor, Action::CodeIssued, Some(account_id), None).await?;
    tx.commit().await?;
    Ok(Slip {
        username: found.username,
        display_name: found.display_name,
        code,
    })
}

/// Sets the password (after a one-time code, or to change it). The one-time code is spent.
pub async fn set_password(
    db: &DatabaseConnection,
    account_id: i64,
    new: &str,
    confirmation: &str,
) -> Result<(), Error> {
    validate::new_password(new, confirmation)?;
    let found = live(db, account_id).await?;
    let hash = password::hash(new).await?;
    let tx = db.begin().await?;
    let mut active: account::ActiveModel = found.into();
    active.password_hash = Set(Some(hash));
    active.code_hash = Set(None);
    active.code_expires_at = Set(None);
    active.updated_at = Set(now());
    active.update(&tx).await?;
    audit::record(
        &tx,
        Some(account_id),
        Action::PasswordSet,
        Some(account_id),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A person changes their own password. `current` is the password they type to prove it is
/// them; `None` only right after signing in with a one-time code (they have none yet). Wrong
/// guesses of the current password are slowed like sign-ins (a stolen session cannot try them
/// all). Every other session of the account ends, in every server process; `keep` (the
/// session that asked) stays.
pub async fn change_password(
    db: &DatabaseConnection,
    account_id: i64,
    current: Option<&str>,
    new: &str,
    confirmation: &str,
    keep: Option<&tower_sessions::session::Id>,
) -> Result<(), Error> {
    validate::new_password(new, confirmation)?;
    if let Some(current) = current {
        let found = live(db, account_id).await?;
        let key = format!("password:{account_id}");
        let reserved = crate::sign_in::reserve(db, &key, crate::sign_in::ACCOUNT_LIMIT).await?;
        if reserved == crate::sign_in::Reserved::Refused {
            return Err(Error::TooManyAttempts);
        }
        let checked = password::verify(found.password_hash.as_deref(), current).await;
        if !crate::sign_in::unless_busy(db, &[Some(&key)], checked).await? {
            return Err(Error::CurrentPasswordWrong);
        }
        crate::sign_in::clear(db, &key).await?;
    }
    set_password(db, account_id, new, confirmation).await?;
    crate::session_store::end_other_sessions(db, account_id, keep).await?;
    Ok(())
}

/// Keeps the language the person chose as their preference (applied at their next sign-in,
/// on any device).
pub async fn set_language(
    db: &DatabaseConnection,
    account_id: i64,
    lang: &str,
) -> Result<(), Error> {
    let found = live(db, account_id).await?;
    if found.lang != lang {
        let mut active: account::ActiveModel = found.into();
        active.lang = Set(lang.to_string());
        active.updated_at = Set(now());
        active.update(db).await?;
    }
    Ok(())
}

/// Deletes an account: name, username, password and sessions go; the row stays as an
/// anonymous learner in its cohorts so that the cohorts' figures still add up.
pub async fn delete(db: &DatabaseConnection, actor: i64, account_id: i64) -> Result<(), Error> {
    if actor == account_id {
        return Err(Error::CannotDeleteSelf);
    }
    live(db, account_id).await?;
    if anonymise(db, account_id, Some(actor), Action::AccountDeleted).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// What deletion and the retention period both do, in one transaction: the account's name,
/// username, password and codes go, with its trainer places, sessions and trusted browsers;
/// `action` goes to the audit log. One conditional update: `false` when the account was
/// already anonymous (another request or server process got there first), and nothing is
/// logged twice.
pub(crate) async fn anonymise(
    db: &DatabaseConnection,
    account_id: i64,
    actor: Option<i64>,
    action: Action,
) -> Result<bool, Error> {
    use account::Column as C;
    use sea_orm::sea_query::Expr;
    let now = now();
    let tx = db.begin().await?;
    let changed = account::Entity::update_many()
        .col_expr(C::Username, Expr::value(format!("~deleted-{account_id}")))
        .col_expr(C::DisplayName, Expr::value(String::new()))
        .col_expr(C::PasswordHash, Expr::value(Option::<String>::None))
        .col_expr(C::CodeHash, Expr::value(Option::<String>::None))
        .col_expr(C::CodeExpiresAt, Expr::value(Option::<i64>::None))
        .col_expr(C::UpdatedAt, Expr::value(now))
        .col_expr(C::DeletedAt, Expr::value(Some(now)))
        .filter(C::Id.eq(account_id))
        .filter(C::DeletedAt.is_null())
        .exec(&tx)
        .await?
        .rows_affected;
    if changed == 0 {
        return Ok(false);
    }
    cohort_trainer::Entity::delete_many()
        .filter(cohort_trainer::Column::AccountId.eq(account_id))
        .exec(&tx)
        .await?;
    end_sessions(&tx, account_id).await?;
    crate::sign_in::forget_devices(&tx, account_id).await?;
    audit::record(&tx, actor, action, Some(account_id), None).await?;
    tx.commit().await?;
    Ok(true)
}

/// Ends every session of an account, in every server process.
pub async fn end_sessions(db: &impl ConnectionTrait, account_id: i64) -> Result<u64, Error> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::AccountId.eq(account_id))
        .exec(db)
        .await?
        .rows_affected)
}

async fn live(db: &impl ConnectionTrait, account_id: i64) -> Result<account::Model, Error> {
    account::Entity::find_by_id(account_id)
        .one(db)
        .await?
        .filter(|a| a.deleted_at.is_none())
        .ok_or(Error::NotFound)
}

fn taken(error: sea_orm::DbErr) -> Error {
    match error.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => Error::UsernameTaken,
        _ => Error::Database(error),
    }
}

/// The demo trainer of `run.sh`: created when missing, its password set to `password` (which
/// the run command prints), and a demo cohort it runs. Returns the cohort's join code.
pub async fn ensure_demo_trainer(
    db: &DatabaseConnection,
    username: &str,
    password_text: &str,
) -> Result<String, Error> {
    let existing = account::Entity::find()
        .filter(account::Column::Username.eq(username))
        .one(db)
        .await?;
    let id = match existing {
        Some(a) => a.id,
        None => {
            create_with_code(
                db,
                None,
                NewAccount {
                    username: Some(username),
                    display_name: "Formateur de démonstration",
                    role: Role::Trainer,
                    affiliation: Affiliation::Other,
                    lang: "fr",
                },
            )
            .await?
            .0
            .id
        }
    };
    set_password(db, id, password_text, password_text).await?;
    let cohorts = cohorts::list(db, id, false).await?;
    let cohort = match cohorts.into_iter().next() {
        Some(c) => c,
        None => {
            let c = cohorts::create(db, id, "Cohorte de démonstration").await?;
            cohorts::get(db, c.id).await?
        }
    };
    Ok(cohort.join_code.unwrap_or_default())
}

/// One row of the administrators' list of accounts.
#[derive(Debug, Clone, Serialize)]
pub struct AccountRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: String,
}

pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<AccountRow>, Error> {
    Ok(account::Entity::find()
        .filter(account::Column::DeletedAt.is_null())
        .order_by_asc(account::Column::Username)
        .all(db)
        .await?
        .into_iter()
        .map(|a| AccountRow {
            id: a.id,
            username: a.username,
            display_name: a.display_name,
            role: a.role,
        })
        .collect())
}

/// These accounts' usernames by id (deleted ones as `~deleted-<id>`).
pub async fn usernames(
    db: &impl ConnectionTrait,
    ids: Vec<i64>,
) -> Result<HashMap<i64, String>, Error> {
    Ok(account::Entity::find()
        .filter(account::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.username))
        .collect())
}

pub async fn find(db: &impl ConnectionTrait, account_id: i64) -> Result<account::Model, Error> {
    live(db, account_id).await
}

/// Everything the platform holds about one person, as they may read and download it.
#[derive(Debug, Clone, Serialize)]
pub struct PersonalData {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub affiliation: String,
    pub language: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub has_password: bool,
    pub one_time_code_pending: bool,
    pub cohorts: Vec<CohortMembership>,
    pub sessions: Vec<SessionInfo>,
    pub history: Vec<audit::Entry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CohortMembership {
    pub cohort: String,
    pub role: String,
    pub since: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionInfo {
    pub expires_at: i64,
}

pub async fn personal_data(
    db: &impl ConnectionTrait,
    account_id: i64,
) -> Result<PersonalData, Error> {
    let a = live(db, account_id).await?;
    let names: HashMap<i64, String> = cohort::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let mut cohorts = Vec::new();
    for m in cohort_member::Entity::find()
        .filter(cohort_member::Column::AccountId.eq(account_id))
        .all(db)
        .await?
    {
        cohorts.push(CohortMembership {
            cohort: names.get(&m.cohort_id).cloned().unwrap_or_default(),
            role: "learner".into(),
            since: m.added_at,
        });
    }
    for t in cohort_trainer::Entity::find()
        .filter(cohort_trainer::Column::AccountId.eq(account_id))
        .all(db)
        .await?
    {
        cohorts.push(CohortMembership {
            cohort: names.get(&t.cohort_id).cloned().unwrap_or_default(),
            role: "trainer".into(),
            since: t.added_at,
        });
    }
    let sessions = session::Entity::find()
        .filter(session::Column::AccountId.eq(account_id))
        .filter(session::Column::ExpiresAt.gt(now()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| SessionInfo {
            expires_at: s.expires_at,
        })
        .collect();
    Ok(PersonalData {
        has_password: a.password_hash.is_some(),
        one_time_code_pending: a.code_hash.is_some(),
        username: a.username,
        display_name: a.display_name,
        role: a.role,
        affiliation: a.affiliation,
        language: a.lang,
        created_at: a.created_at,
        updated_at: a.updated_at,
        cohorts,
        sessions,
        history: audit::about(db, account_id).await?,
    })
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

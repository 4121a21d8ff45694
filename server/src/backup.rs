//! `server backup <file>` and `server restore <file>`, for the embedded SQLite database.
//!
//! A backup is two files: the database, copied with `VACUUM INTO` (a consistent snapshot
//! taken inside one read transaction, so the server keeps running and writing meanwhile), and
//! the certificate signing key beside it as `<file>.key`. Both are readable by their owner
//! only: they hold the learners' names and answers, and the key signs certificates.
//!
//! Restoring checks the copy first, never deletes anything (the database it replaces is
//! renamed `….before-restore-<time>`), then applies the migrations, so a backup made by an
//! older version comes back at the current schema. PostgreSQL has its own tools (`pg_dump`,
//! `pg_restore`; see the README).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, EntityTrait, PaginatorTrait};

use crate::config::Settings;

/// What a backup or a restore wrote, for the operator.
#[derive(Debug)]
pub struct Copied {
    pub database: PathBuf,
    pub bytes: u64,
    pub key: Option<PathBuf>,
    pub accounts: u64,
    pub attempts: u64,
}

impl std::fmt::Display for Copied {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({} bytes, integrity checked: {} accounts, {} quiz attempts)",
            self.database.display(),
            self.bytes,
            self.accounts,
            self.attempts
        )?;
        match &self.key {
            Some(key) => write!(f, "; signing key: {}", key.display()),
            None => write!(f, "; no signing key"),
        }
    }
}

/// The key file that goes with a backup.
pub fn key_beside(backup: &Path) -> PathBuf {
    let mut name = backup.as_os_str().to_owned();
    name.push(".key");
    PathBuf::from(name)
}

/// Copies the running platform's database to `target` (which must not exist), and its
/// signing key to `<target>.key`.
pub async fn backup(settings: &Settings, target: &Path) -> anyhow::Result<Copied> {
    let source = sqlite_path(&settings.database_url)?;
    if !source.exists() {
        bail!("there is no database at {}", source.display());
    }
    // Made empty and owner-only first: VACUUM INTO accepts an empty file, and the copy is
    // never readable by others, even for a moment.
    create_private(target, &[])
        .with_context(|| format!("creating the backup file {}", target.display()))?;
    let written = async {
        let db = open(&source, "ro").await?;
        db.execute_unprepared(&format!(
            "VACUUM INTO {}",
            sql_text(&target.to_string_lossy())
        ))
        .await
        .context("copying the database (VACUUM INTO)")?;
        db.close().await?;
        anyhow::Ok(())
    }
    .await;
    if let Err(error) = written {
        let _ = std::fs::remove_file(target);
        return Err(error);
    }
    let (accounts, attempts) = check(target).await?;
    let key = if settings.certificate_key_file.exists() {
        let key = key_beside(target);
        let bytes = std::fs::read(&settings.certificate_key_file)
            .with_context(|| format!("reading {}", settings.certificate_key_file.display()))?;
        create_private(&key, &bytes).with_context(|| format!("writing {}", key.display()))?;
        Some(key)
    } else {
        None
    };
    Ok(Copied {
        database: target.to_path_buf(),
        bytes: std::fs::metadata(target)?.len(),
        key,
        accounts,
        attempts,
    })
}

/// Puts the backup `source` (and `<source>.key`, if there) in place of the platform's
/// database and key. The server must be stopped. An existing database is only replaced with
/// `replace`, and is then kept under another name.
pub async fn restore(settings: &Settings, source: &Path, replace: bool) -> anyhow::Result<Copied> {
    let target = sqlite_path(&settings.database_url)?;
    if !source.is_file() {
        bail!("there is no backup at {}", source.display());
    }
    check(source)
        .await
        .with_context(|| format!("{} is not a sound backup", source.display()))?;
    let stamp = accounts::now();
    if target.exists() {
        if !replace {
            bail!(
                "{} already holds a database. Stop the server, then run the restore again \
                 with --replace: the current database is kept as {}.before-restore-<time>",
                target.display(),
                target.display()
            );
        }
        for suffix in ["", "-wal", "-shm"] {
            let file = with_suffix(&target, suffix);
            if file.exists() {
                let aside = with_suffix(&target, &format!(".before-restore-{stamp}{suffix}"));
                std::fs::rename(&file, &aside)
                    .with_context(|| format!("moving {} aside", file.display()))?;
            }
        }
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
        crate::db::owner_only(dir, 0o700)?;
    }
    // Copied under a temporary name, then renamed: a restore cut short leaves no half file
    // where the server looks for its database.
    let partial = with_suffix(&target, ".restoring");
    let _ = std::fs::remove_file(&partial);
    let bytes = std::fs::read(source).with_context(|| format!("reading {}", source.display()))?;
    create_private(&partial, &bytes)?;
    std::fs::rename(&partial, &target)?;

    let key_source = key_beside(source);
    let key = if key_source.exists() {
        let key_target = &settings.certificate_key_file;
        let bytes = std::fs::read(&key_source)?;
        if key_target.exists() && std::fs::read(key_target)? != bytes {
            let aside = with_suffix(key_target, &format!(".before-restore-{stamp}"));
            std::fs::rename(key_target, &aside)?;
        }
        if !key_target.exists() {
            if let Some(dir) = key_target.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            create_private(key_target, &bytes)?;
        }
        Some(key_target.clone())
    } else {
        None
    };
    // The migrations bring an older backup to the current schema.
    let db = crate::db::connect(&settings.database_url).await?;
    let (accounts, attempts) = counts(&db).await?;
    db.close().await?;
    Ok(Copied {
        database: target,
        bytes: bytes.len() as u64,
        key,
        accounts,
        attempts,
    })
}

/// SQLite's integrity check on a database file; its number of accounts and attempts.
pub async fn check(file: &Path) -> anyhow::Result<(u64, u64)> {
    let db = open(file, "ro").await?;
    let rows = db
        .query_all_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "PRAGMA integrity_check",
        ))
        .await?;
    let verdict: Vec<String> = rows
        .iter()
        .filter_map(|row| row.try_get_by_index::<String>(0).ok())
        .collect();
    if verdict != ["ok"] {
        bail!("SQLite's integrity check failed: {}", verdict.join("; "));
    }
    let found = counts(&db).await?;
    db.close().await?;
    Ok(found)
}

async fn counts(db: &DatabaseConnection) -> anyhow::Result<(u64, u64)> {
    let accounts = accounts::entity::account::Entity::find().count(db).await?;
    let attempts = learning::entity::quiz_attempt::Entity::find()
        .count(db)
        .await?;
    Ok((accounts, attempts))
}

async fn open(file: &Path, mode: &str) -> anyhow::Result<DatabaseConnection> {
    let mut options =
        sea_orm::ConnectOptions::new(format!("sqlite://{}?mode={mode}", file.display()));
    options.sqlx_logging(false).max_connections(1);
    options.map_sqlx_sqlite_opts(|o| o.busy_timeout(std::time::Duration::from_secs(30)));
    Database::connect(options)
        .await
        .with_context(|| format!("opening {}", file.display()))
}

fn sqlite_path(url: &str) -> anyhow::Result<PathBuf> {
    match crate::db::sqlite_file(url) {
        Some(path) => Ok(PathBuf::from(path)),
        None if url.starts_with("postgres") => bail!(
            "the database is PostgreSQL: back it up with pg_dump and restore it with \
             pg_restore (see the README)"
        ),
        None => bail!("backups need a file database (sqlite://…)"),
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A new file, readable and writable by its owner only, holding `bytes`, flushed to disk.
fn create_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("{} exists already, or cannot be made", path.display()))?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(())
}

/// `text` as an SQL string literal.
fn sql_text(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_with_quotes_stays_one_sql_string() {
        assert_eq!(sql_text("/tmp/l'été.db"), "'/tmp/l''été.db'");
    }

    #[test]
    fn the_key_goes_beside_the_copy() {
        assert_eq!(
            key_beside(Path::new("/backups/2026-12-02.db")),
            PathBuf::from("/backups/2026-12-02.db.key")
        );
    }
}

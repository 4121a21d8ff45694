//! Connecting to the database and bringing its schema up to date.

use std::time::Duration;

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};

/// Connects to `url` and applies every pending migration.
///
/// SQLite runs in WAL mode (readers never wait for the writer) with a busy timeout, so that
/// concurrent requests queue for the write lock instead of failing.
pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    if let Some(path) = sqlite_file(url)
        && let Some(dir) = std::path::Path::new(path).parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("creating the data folder {}", dir.display()))?;
        owner_only(dir, 0o700)?;
    }
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(10));
    // PostgreSQL's JIT compiles a query whose estimated cost is high before running it: the
    // all-cohorts reports spent 350 ms compiling to run in 200. Short queries are all we have.
    options.map_sqlx_postgres_opts(|o| o.options([("jit", "off")]));
    options.map_sqlx_sqlite_opts(|o| {
        o.journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(10))
            .foreign_keys(true)
    });
    let db = Database::connect(options)
        .await
        .with_context(|| format!("connecting to the database ({})", redact(url)))?;
    Migrator::up(&db, None)
        .await
        .context("applying database migrations")?;
    // The database holds the learners' names and answers: readable by the server's user only
    // (its folder too, above), whatever the umask made of the files.
    if let Some(path) = sqlite_file(url) {
        for suffix in ["", "-wal", "-shm"] {
            let file = std::path::PathBuf::from(format!("{path}{suffix}"));
            if file.exists() {
                owner_only(&file, 0o600)?;
            }
        }
    }
    Ok(db)
}

/// Sets `path`'s permissions to `mode` (Unix; elsewhere nothing to do).
pub fn owner_only(path: &std::path::Path, mode: u32) -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
            .with_context(|| format!("making {} readable by its owner only", path.display()))?;
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// The file of a `sqlite://path?…` URL, if it is one (not `sqlite::memory:`).
pub fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("sqlite://")?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && !path.contains(":memory:")).then_some(path)
}

/// The URL without its password, for messages and logs: in the user part
/// (`postgres://app:secret@db/x`) and in the query (`?password=secret`, which PostgreSQL
/// URLs accept too).
pub fn redact(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let mut out = match (base.find("://"), base.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme && base[scheme + 3..at].contains(':') => {
            let credentials = &base[scheme + 3..at];
            let user = credentials.split(':').next().unwrap_or_default();
            format!("{}{}:***{}", &base[..scheme + 3], user, &base[at..])
        }
        _ => base.to_string(),
    };
    if let Some(query) = query {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((key, _)) if key.eq_ignore_ascii_case("password") => format!("{key}=***"),
                _ => pair.to_string(),
            })
            .collect();
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_password_never_reaches_a_message() {
        assert_eq!(
            redact("postgres://app@db:5432/x?sslmode=require&password=s3cret"),
            "postgres://app@db:5432/x?sslmode=require&password=***"
        );
        assert_eq!(
            redact("postgres://app:s3cret@db:5432/x"),
            "postgres://app:***@db:5432/x"
        );
        assert_eq!(
            redact("sqlite://data/platform.db?mode=rwc"),
            "sqlite://data/platform.db?mode=rwc"
        );
    }

    #[test]
    fn only_file_backed_sqlite_urls_need_a_folder() {
        assert_eq!(
            sqlite_file("sqlite://data/platform.db?mode=rwc"),
            Some("data/platform.db")
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://localhost/test"), None);
    }
}

//! `server`: runs the platform, or one of its command-line tasks.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use server::config::Settings;
use server::startup::Application;

#[derive(Parser)]
#[command(
    name = "server",
    about = "Training platform on child rights in armed conflict"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the platform (the default).
    Serve,
    /// Work with the course content.
    Content {
        #[command(subcommand)]
        command: ContentCommand,
    },
    /// Manage accounts from the server (the first administrator, say).
    Account {
        #[command(subcommand)]
        command: AccountCommand,
    },
    /// Fill the database with synthetic learners, cohorts and attempts, to measure the
    /// trainers' reports (`scripts/bench.sh`). Never on a real platform's database.
    Seed {
        #[arg(long, default_value_t = 10_000)]
        learners: usize,
        #[arg(long, default_value_t = 200)]
        cohorts: usize,
        /// Learners in the first, large cohort.
        #[arg(long, default_value_t = 500)]
        big_cohort: usize,
        #[arg(long, default_value_t = 100_000)]
        attempts: usize,
    },
    /// Copy the SQLite database while the platform runs (a consistent snapshot), with the
    /// certificate signing key beside it as `<file>.key`. PostgreSQL: use pg_dump.
    Backup {
        /// Where to write the copy; must not exist yet.
        file: PathBuf,
    },
    /// Put a backup back in place (stop the server first). The database it replaces is
    /// kept as `….before-restore-<time>`.
    Restore {
        /// A file written by `server backup`.
        file: PathBuf,
        /// Replace the database that is there now (it is renamed, not deleted).
        #[arg(long)]
        replace: bool,
    },
    /// Lesson audio made with the offline voice (espeak-ng).
    Audio {
        #[command(subcommand)]
        command: AudioCommand,
    },
    /// Work with certificates.
    Certificate {
        #[command(subcommand)]
        command: CertificateCommand,
    },
}

#[derive(Subcommand)]
enum AudioCommand {
    /// Make the clip of every lesson section in every language (those already in the cache
    /// are kept) and print what they weigh and what making them took.
    Generate {
        /// The clip cache (default: `<DATA_DIR>/audio`).
        #[arg(long)]
        cache: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum CertificateCommand {
    /// Check a certificate's code (what its QR code holds, or the printed code) with this
    /// server's public key, offline; exits 1 when it is not genuine.
    Verify {
        /// The code, or the whole address scanned from the QR code.
        code: String,
    },
}

#[derive(Subcommand)]
enum AccountCommand {
    /// Create an administrator's or trainer's account; prints a one-time code for its first
    /// sign-in, where its owner chooses a password.
    Create {
        /// 3 to 32 letters, digits, dots, dashes or underscores.
        username: String,
        /// `admin` or `trainer`.
        #[arg(long, default_value = "admin")]
        role: String,
        /// The name shown on the platform (may be a pseudonym).
        #[arg(long)]
        name: Option<String>,
    },
}

#[derive(Subcommand)]
enum ContentCommand {
    /// Check every module, lesson, link, image and translation; exits 1 on any problem.
    Check {
        /// The content folder (default: $CONTENT_DIR or ./content).
        dir: Option<PathBuf>,
    },
    /// Record which text each recording says (in `<recording>.hash` beside it): every
    /// recording without one, or the recordings named. Run it after listening to them.
    Stamp {
        /// Recordings to stamp again (default: every recording not stamped yet).
        recordings: Vec<PathBuf>,
        /// The content folder (default: $CONTENT_DIR or ./content).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        // Colours only on a terminal: a log file or journal gets plain `key=value` text.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .init();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(),
        Command::Content {
            command: ContentCommand::Check { dir },
        } => check_content(dir),
        Command::Content {
            command: ContentCommand::Stamp { recordings, dir },
        } => stamp_recordings(dir, &recordings),
        Command::Account {
            command:
                AccountCommand::Create {
                    username,
                    role,
                    name,
                },
        } => create_account(&username, &role, name.as_deref()),
        Command::Certificate {
            command: CertificateCommand::Verify { code },
        } => verify_certificate(&code),
        Command::Audio {
            command: AudioCommand::Generate { cache },
        } => generate_audio(cache),
        Command::Backup { file } => copy_task("Backup written", |settings| async move {
            server::backup::backup(&settings, &file).await
        }),
        Command::Restore { file, replace } => copy_task("Restored", |settings| async move {
            server::backup::restore(&settings, &file, replace).await
        }),
        Command::Seed {
            learners,
            cohorts,
            big_cohort,
            attempts,
        } => seed(server::seed::Plan {
            learners,
            cohorts: cohorts.max(1),
            big_cohort,
            attempts,
        }),
    }
}

/// `server audio generate`: every lesson clip into the cache, and the figures printed.
fn generate_audio(cache: Option<PathBuf>) -> ExitCode {
    let run = async {
        let settings = Settings::from_env()?;
        let cache = cache.unwrap_or_else(|| settings.data_dir.join("audio"));
        server::audio::generate_command(&settings.content_dir, &cache).await
    };
    run_task(run)
}

/// `server backup` and `server restore`: one task on the settings, its result printed.
fn copy_task<F, Fut>(done: &str, task: F) -> ExitCode
where
    F: FnOnce(Settings) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<server::backup::Copied>>,
{
    run_task(async {
        let copied = task(Settings::from_env()?).await?;
        println!("{done}: {copied}");
        Ok(())
    })
}

/// A command-line task on its own runtime: its error, with its causes, printed on failure.
fn run_task(task: impl std::future::Future<Output = anyhow::Result<()>>) -> ExitCode {
    match tokio::runtime::Runtime::new().map(|rt| rt.block_on(task)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(error)) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: cannot start the runtime: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `server seed`: applies the migrations, then adds the synthetic data set.
fn seed(plan: server::seed::Plan) -> ExitCode {
    let run = async {
        let settings = Settings::from_env()?;
        let catalog = server::content::load(&settings.content_dir)
            .map_err(|problems| anyhow::anyhow!("the content has problems:\n{problems}"))?;
        let db = server::db::connect(&settings.database_url).await?;
        let started = std::time::Instant::now();
        let made = server::seed::seed(&db, &catalog, plan).await?;
        println!(
            "seeded {} learners in {} cohorts (the large one: id {}), {} lessons read, {} attempts, {} answers, in {:.1}s",
            made.learners,
            made.cohorts,
            made.big_cohort,
            made.lessons_read,
            made.attempts,
            made.answers,
            started.elapsed().as_secs_f64()
        );
        anyhow::Ok(())
    };
    run_task(run)
}

/// `server certificate verify <code>`: the offline check, with the key in
/// `CERTIFICATE_KEY_FILE` (the server's own). Prints what the code says, or why it fails.
fn verify_certificate(code: &str) -> ExitCode {
    use certificates::signing::{Invalid, Keys, iso_date, verify};
    let settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("error: {error:#}");
            return ExitCode::FAILURE;
        }
    };
    let keys = match Keys::load(&settings.certificate_key_file) {
        Ok(keys) => keys,
        Err(error) => {
            eprintln!("error: {error} (the server makes its key on first start)");
            return ExitCode::FAILURE;
        }
    };
    match verify(code, &keys.public_key()) {
        Ok(payload) => {
            println!("genuine: signed by this platform's key and unchanged");
            println!("number: {}", payload.number);
            println!("module: {}", payload.module);
            println!("date: {}", iso_date(payload.date));
            println!("name: {}", payload.name);
            ExitCode::SUCCESS
        }
        Err(error @ (Invalid::Signature | Invalid::Malformed)) => {
            println!("NOT genuine: {error}");
            ExitCode::FAILURE
        }
    }
}

fn serve() -> ExitCode {
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        let settings = Settings::from_env()?;
        let app = Application::build(&settings).await?;
        println!("The platform is running at http://{}", app.addr());
        app.serve().await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn create_account(username: &str, role: &str, name: Option<&str>) -> ExitCode {
    use accounts::people::NewAccount;
    use accounts::{Affiliation, Role};

    let role = match Role::parse(role) {
        Some(role @ (Role::Admin | Role::Trainer)) => role,
        _ => {
            eprintln!("error: --role must be `admin` or `trainer`");
            return ExitCode::FAILURE;
        }
    };
    let result = tokio::runtime::Runtime::new()
        .map_err(anyhow::Error::from)
        .and_then(|runtime| {
            runtime.block_on(async {
                let settings = Settings::from_env()?;
                let db = server::db::connect(&settings.database_url).await?;
                let (_, slip) = accounts::people::create_with_code(
                    &db,
                    None,
                    NewAccount {
                        username: Some(username),
                        display_name: name.unwrap_or(username),
                        role,
                        affiliation: Affiliation::Other,
                        lang: "fr",
                    },
                )
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
                Ok::<_, anyhow::Error>(slip)
            })
        });
    match result {
        Ok(slip) => {
            println!("Account `{}` created ({}).", slip.username, role.code());
            println!("One-time code: {}", slip.code);
            println!(
                "Sign in at /sign-in with this code, then choose a password. It works once, for 30 days."
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// The content folder a command names, else `$CONTENT_DIR`, else `./content`.
fn content_dir(dir: Option<PathBuf>) -> PathBuf {
    dir.unwrap_or_else(|| {
        Settings::from_env()
            .map(|s| s.content_dir)
            .unwrap_or_else(|_| "content".into())
    })
}

/// `server content stamp`: writes the hash files of recordings, and says which.
fn stamp_recordings(dir: Option<PathBuf>, recordings: &[PathBuf]) -> ExitCode {
    let dir = content_dir(dir);
    let catalog = match server::content::load(&dir) {
        Ok(catalog) => catalog,
        Err(problems) => {
            eprintln!("{problems}");
            eprintln!("fix these first (`server content check`)");
            return ExitCode::FAILURE;
        }
    };
    match server::recordings::stamp(&catalog, recordings) {
        Ok(written) => {
            for file in &written {
                println!("stamped: {}", file.display());
            }
            println!("{} recording(s) stamped", written.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn check_content(dir: Option<PathBuf>) -> ExitCode {
    let dir = content_dir(dir);
    match server::content::load(&dir) {
        Ok(catalog) => {
            // Recordings that cannot be played: problems here, warnings at start (the
            // generated voice plays instead), so a trainer sees them before they matter.
            let recordings = server::recordings::scan(&catalog);
            if !recordings.problems.is_empty() {
                for problem in &recordings.problems {
                    eprintln!("{problem}");
                }
                eprintln!("{} problem(s) found", recordings.problems.len());
                return ExitCode::FAILURE;
            }
            let modules = catalog.modules();
            let lessons: usize = modules.iter().map(|m| m.lessons.len()).sum();
            let quizzes = modules.iter().filter(|m| m.quiz.is_some()).count();
            let pretests = modules.iter().filter(|m| m.pretest.is_some()).count();
            let questions: usize = modules
                .iter()
                .flat_map(|m| m.quiz.iter().chain(m.pretest.iter()))
                .map(|q| q.questions.len())
                .sum();
            let job_aids = modules.iter().filter(|m| m.job_aid.is_some()).count();
            // Advice, not problems: printed for the trainer, and the check still succeeds.
            for warning in catalog.warnings() {
                println!("{warning}");
            }
            let warnings = match catalog.warnings().len() {
                0 => String::new(),
                n => format!(" ({n} warning(s))"),
            };
            println!(
                "{}: {} modules, {} lessons, {} quizzes, {} pre-tests, {} questions, {} job aids, {} recordings, in {}: no problems{warnings}",
                dir.display(),
                modules.len(),
                lessons,
                quizzes,
                pretests,
                questions,
                job_aids,
                recordings.usable.len(),
                catalog.languages().join(", ")
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            eprintln!("{problems}");
            eprintln!("{} problem(s) found", problems.0.len());
            ExitCode::FAILURE
        }
    }
}

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
}

#[derive(Subcommand)]
enum ContentCommand {
    /// Check every module, lesson, link, image and translation; exits 1 on any problem.
    Check {
        /// The content folder (default: $CONTENT_DIR or ./content).
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
        .init();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(),
        Command::Content {
            command: ContentCommand::Check { dir },
        } => check_content(dir),
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

fn check_content(dir: Option<PathBuf>) -> ExitCode {
    let dir = dir.unwrap_or_else(|| {
        Settings::from_env()
            .map(|s| s.content_dir)
            .unwrap_or_else(|_| "content".into())
    });
    match server::content::load(&dir) {
        Ok(catalog) => {
            let lessons: usize = catalog.modules().iter().map(|m| m.lessons.len()).sum();
            println!(
                "{}: {} modules, {} lessons, in {}: no problems",
                dir.display(),
                catalog.modules().len(),
                lessons,
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

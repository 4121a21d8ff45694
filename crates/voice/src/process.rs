//! Running an external program with a time limit, optional standard input and captured
//! output. Arguments are passed as a list (no shell), so nothing in them is interpreted.

use std::ffi::OsStr;
use std::io::ErrorKind;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::process::Command;

use crate::Error;

/// A program this crate runs, with the Debian package that provides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Program {
    pub name: &'static str,
    pub package: &'static str,
}

pub(crate) const ESPEAK: Program = Program {
    name: "espeak-ng",
    package: "espeak-ng",
};
pub(crate) const OPUSENC: Program = Program {
    name: "opusenc",
    package: "opus-tools",
};
pub(crate) const OPUSDEC: Program = Program {
    name: "opusdec",
    package: "opus-tools",
};
pub(crate) const LAME: Program = Program {
    name: "lame",
    package: "lame",
};

/// Time limit for one run of espeak-ng, opusenc or lame. The longest accepted text
/// (20 000 characters, about 20 minutes of speech) takes a fraction of this.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(120);

/// Time limit for `--version`.
const VERSION_TIMEOUT: Duration = Duration::from_secs(10);

/// At most this many bytes of standard error are kept for an error message.
const STDERR_KEPT: usize = 2000;

/// Runs `program` with `args`, feeding it `stdin` (or nothing), and returns its standard
/// output. A program that outlives `timeout` is killed (and reaped) and reported as
/// [`Error::TimedOut`]; one that exits unsuccessfully is [`Error::Failed`]. If the future is
/// dropped early, the child is killed too (`kill_on_drop`).
pub(crate) async fn run<I, S>(
    program: Program,
    args: I,
    stdin: Option<&[u8]>,
    timeout: Duration,
) -> Result<Vec<u8>, Error>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut child = Command::new(program.name)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| spawn_error(program, e))?;

    let input = child.stdin.take();
    let feed = async move {
        if let (Some(mut pipe), Some(bytes)) = (input, stdin) {
            // A program that exits without reading all of its input breaks the pipe; its
            // exit status says what happened, so the write error itself is not reported.
            let _ = pipe.write_all(bytes).await;
            let _ = pipe.shutdown().await;
        }
    };
    let stdout = read_all(child.stdout.take());
    let stderr = read_all(child.stderr.take());

    let finished = tokio::time::timeout(timeout, async {
        let ((), out, err, status) = tokio::join!(feed, stdout, stderr, child.wait());
        (out, err, status)
    })
    .await;

    let Ok((out, err, status)) = finished else {
        // kill() sends SIGKILL and waits, so no zombie is left behind.
        let _ = child.kill().await;
        return Err(Error::TimedOut {
            program: program.name,
            seconds: timeout.as_secs(),
        });
    };
    let status = status.map_err(Error::io(program.name))?;
    let out = out.map_err(Error::io(program.name))?;
    if !status.success() {
        let err = err.unwrap_or_default();
        let start = err.len().saturating_sub(STDERR_KEPT);
        return Err(Error::Failed {
            program: program.name,
            status: status.to_string(),
            stderr: String::from_utf8_lossy(&err[start..]).trim().to_string(),
        });
    }
    Ok(out)
}

/// Runs `program --version` and returns the first line it printed (on standard output, or
/// on standard error for programs that print it there).
pub(crate) async fn version(program: Program) -> Result<String, Error> {
    match run(program, ["--version"], None, VERSION_TIMEOUT).await {
        Ok(out) => {
            let text = String::from_utf8_lossy(&out);
            let line = text.lines().map(str::trim).find(|l| !l.is_empty());
            line.map(str::to_string)
                .ok_or_else(|| Error::BrokenProgram {
                    program: program.name,
                    package: program.package,
                    detail: "`--version` printed nothing".to_string(),
                })
        }
        Err(e @ Error::MissingProgram { .. }) => Err(e),
        Err(e) => Err(Error::BrokenProgram {
            program: program.name,
            package: program.package,
            detail: e.to_string(),
        }),
    }
}

async fn read_all(pipe: Option<impl AsyncRead + Unpin>) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if let Some(mut pipe) = pipe {
        pipe.read_to_end(&mut bytes).await?;
    }
    Ok(bytes)
}

fn spawn_error(program: Program, e: std::io::Error) -> Error {
    match e.kind() {
        ErrorKind::NotFound | ErrorKind::PermissionDenied => Error::MissingProgram {
            program: program.name,
            package: program.package,
        },
        _ => Error::Io {
            path: program.name.into(),
            source: e,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAT: Program = Program {
        name: "cat",
        package: "coreutils",
    };
    const SLEEP: Program = Program {
        name: "sleep",
        package: "coreutils",
    };

    #[tokio::test]
    async fn standard_input_reaches_the_program_unchanged() {
        let text = "-n \"quoted\" $(echo no) ; rm -rf / \n second line";
        let out = run(CAT, [] as [&str; 0], Some(text.as_bytes()), TIMEOUT)
            .await
            .unwrap();
        assert_eq!(out, text.as_bytes());
    }

    #[tokio::test]
    async fn a_program_past_its_time_limit_is_killed() {
        let start = std::time::Instant::now();
        let err = run(SLEEP, ["30"], None, Duration::from_millis(200))
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::TimedOut {
                    program: "sleep",
                    ..
                }
            ),
            "{err}"
        );
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[tokio::test]
    async fn a_failing_program_reports_its_status_and_stderr() {
        let err = run(CAT, ["/no/such/file"], None, TIMEOUT)
            .await
            .unwrap_err();
        let Error::Failed { stderr, .. } = &err else {
            panic!("{err}")
        };
        assert!(stderr.contains("/no/such/file"), "{stderr}");
    }

    #[tokio::test]
    async fn a_missing_program_names_its_debian_package() {
        let missing = Program {
            name: "no-such-program-for-voice",
            package: "some-package",
        };
        let err = version(missing).await.unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, Error::MissingProgram { .. }), "{message}");
        assert!(message.contains("`no-such-program-for-voice`"), "{message}");
        assert!(
            message.contains("Debian package `some-package`"),
            "{message}"
        );
    }
}

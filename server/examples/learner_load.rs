//! Load generator for a whole learner's journey, run by `scripts/bench.sh` against a release
//! server: N learners, in classrooms of 20 behind one address each (127.0.0.x, as a NAT
//! would), sign in all at once (a learner told "busy, try again" waits 5 s and does), then
//! read a lesson, mark it read, open the quiz and submit it, again and again for the given time. Prints per step: requests, p50/p99, 5xx and other
//! failures; throughput; the server's memory; and a count check (every accepted submission
//! stored once, with all its answers). Then a sign-in flood: many wrong passwords for one
//! account at once, with the memory it costs and how long everyone else waits meanwhile.
//!
//! Usage:
//!   learner_load run <base-url> <database-url> <content-dir> <learners> <seconds> <server-pid> [accepted-file]
//!   learner_load verify <database-url> <accepted-file>
//!
//! With an accepted-file, every submission that got a success answer is appended to it as it
//! arrives (`account number`), so that after the server is killed `verify` can check that
//! each one is in the database, whole, and that SQLite's integrity check passes.

use std::collections::BTreeMap;
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use accounts::people::{self, NewAccount};
use accounts::{Affiliation, Role};
use catalog::QuizKind;
use learning::entity::{quiz_answer, quiz_attempt};
use sea_orm::{
    ColumnTrait, ConnectionTrait, Database, EntityTrait, PaginatorTrait, QueryFilter, Statement,
};

#[path = "support/load.rs"]
mod load;
use load::{PASSWORD, cpu_seconds, encode, percentile, rss_mib, session_cookie, submission};

const STEPS: [&str; 5] = ["sign in", "read lesson", "mark read", "quiz page", "submit"];
const CLASSROOM: usize = 20;
/// How long a simulated learner waits after "many people are signing in right now".
const BUSY_RETRY: Duration = Duration::from_secs(5);

/// What one step saw.
#[derive(Default)]
struct Step {
    latencies: Vec<Duration>,
    server_errors: u64,
    other_failures: u64,
}

#[derive(Default)]
struct Tally {
    steps: BTreeMap<&'static str, Step>,
    accepted: u64,
    questions: u64,
    /// Sign-ins answered "busy, try again" (429), each tried again after [`BUSY_RETRY`].
    busy: u64,
    /// How long this learner took to get in, retries included.
    signed_in_after: Option<Duration>,
    never_in: u64,
}

impl Tally {
    fn record(&mut self, step: &'static str, sent: Instant, outcome: &Result<u16, String>) {
        let entry = self.steps.entry(step).or_default();
        match outcome {
            Ok(status) if *status < 400 => entry.latencies.push(sent.elapsed()),
            Ok(status) if *status >= 500 => entry.server_errors += 1,
            _ => entry.other_failures += 1,
        }
    }
}

fn client_from(address: IpAddr) -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .local_address(address)
        .pool_max_idle_per_host(CLASSROOM)
        .timeout(Duration::from_secs(60))
        .build()?)
}

fn classroom_address(learner: usize) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(127, 0, 1, (1 + learner / CLASSROOM) as u8))
}

async fn post(
    client: &reqwest::Client,
    url: &str,
    cookie: Option<&str>,
    body: String,
) -> Result<reqwest::Response, String> {
    let mut request = client
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.map_err(|e| e.to_string())
}

async fn get(client: &reqwest::Client, url: &str, cookie: &str) -> Result<u16, String> {
    let response = client
        .get(url)
        .header("cookie", cookie)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    // Read the whole page, as a browser would.
    response.bytes().await.map_err(|e| e.to_string())?;
    Ok(status)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("run") if args.len() >= 8 => run(&args[2..]).await,
        Some("verify") if args.len() == 4 => verify(&args[2], &args[3]).await,
        _ => anyhow::bail!(
            "usage: learner_load run <base-url> <database-url> <content-dir> <learners> <seconds> <server-pid> [accepted-file]\n       learner_load verify <database-url> <accepted-file>"
        ),
    }
}

async fn run(args: &[String]) -> anyhow::Result<()> {
    let (base, database_url, content) = (args[0].clone(), args[1].clone(), args[2].clone());
    let learners: usize = args[3].parse()?;
    let seconds: u64 = args[4].parse()?;
    let server_pid: u32 = args[5].parse()?;
    let accepted_file = args.get(6).cloned();
    let catalog = Arc::new(
        catalog::load(content.as_ref(), &["fr".into(), "en".into()])
            .map_err(|e| anyhow::anyhow!("{e}"))?,
    );
    let module = catalog
        .modules()
        .iter()
        .find(|m| m.quiz.is_some())
        .ok_or_else(|| anyhow::anyhow!("no module with a quiz"))?
        .clone();
    let db = Database::connect(database_url.as_str()).await?;
    let sign_in_path = <app::serverfns::account::SignIn as leptos::server_fn::ServerFn>::PATH;
    let mark_read_path = <app::serverfns::learning::MarkRead as leptos::server_fn::ServerFn>::PATH;
    let submit_path = <app::serverfns::learning::SubmitQuiz as leptos::server_fn::ServerFn>::PATH;

    // Arrange the accounts in the database, 8 at a time (each password is hashed).
    let started = Instant::now();
    let run = std::process::id();
    let mut accounts = Vec::new();
    for chunk in (0..learners).collect::<Vec<_>>().chunks(8) {
        let batch = chunk.iter().map(|n| {
            let db = db.clone();
            async move {
                let username = format!("load{run}.{n}");
                let (account, _) = people::create_with_code(
                    &db,
                    None,
                    NewAccount {
                        username: Some(&username),
                        display_name: "Charge",
                        role: Role::Learner,
                        affiliation: Affiliation::Fds,
                        lang: "fr",
                    },
                )
                .await?;
                people::set_password(&db, account.id, PASSWORD, PASSWORD).await?;
                anyhow::Ok((account.id, username))
            }
        });
        for result in futures::future::join_all(batch).await {
            accounts.push(result?);
        }
    }
    let before_attempts = quiz_attempt::Entity::find().count(&db).await?;
    let before_answers = quiz_answer::Entity::find().count(&db).await?;
    println!(
        "  arranged {learners} accounts in {:.1}s; {} classrooms of up to {CLASSROOM}, one address each",
        started.elapsed().as_secs_f64(),
        learners.div_ceil(CLASSROOM)
    );
    let clients: Vec<reqwest::Client> = (0..learners.div_ceil(CLASSROOM))
        .map(|c| client_from(classroom_address(c * CLASSROOM)))
        .collect::<anyhow::Result<_>>()?;

    // The server's memory, sampled twice a second.
    let memory = Arc::new(Mutex::new((rss_mib(server_pid), 0.0_f64)));
    let sampler = {
        let memory = memory.clone();
        tokio::spawn(async move {
            loop {
                let now = rss_mib(server_pid);
                {
                    let mut m = memory.lock().unwrap();
                    m.1 = m.1.max(now);
                }
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        })
    };
    let accepted_log = match &accepted_file {
        Some(path) => Some(Arc::new(Mutex::new(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)?,
        ))),
        None => None,
    };

    let cpu_before = cpu_seconds(&server_pid.to_string());
    let start = Instant::now();
    let deadline = start + Duration::from_secs(seconds);
    let tasks = accounts
        .into_iter()
        .enumerate()
        .map(|(n, (account, username))| {
            let client = clients[n / CLASSROOM].clone();
            let (base, catalog, module, log) = (
                base.clone(),
                catalog.clone(),
                module.clone(),
                accepted_log.clone(),
            );
            tokio::spawn(async move {
                let mut tally = Tally::default();
                // As a person does when the page says the platform is busy: wait, try again.
                let arrived = Instant::now();
                let cookie = loop {
                    let sent = Instant::now();
                    let signed_in = post(
                        &client,
                        &format!("{base}{sign_in_path}"),
                        None,
                        format!(
                            "username={}&password={}",
                            encode(&username),
                            encode(PASSWORD)
                        ),
                    )
                    .await;
                    let status = signed_in.as_ref().map_or(0, |r| r.status().as_u16());
                    if status == 429 && Instant::now() + BUSY_RETRY < deadline {
                        tally.busy += 1;
                        tokio::time::sleep(BUSY_RETRY).await;
                        continue;
                    }
                    let cookie = signed_in.as_ref().ok().and_then(session_cookie);
                    let outcome = match (&signed_in, &cookie) {
                        (Err(error), _) => Err(error.clone()),
                        (Ok(_), Some(_)) => Ok(status),
                        (Ok(_), None) if status >= 500 => Ok(status),
                        (Ok(_), None) => Err(format!("no session ({status})")),
                    };
                    tally.record("sign in", sent, &outcome);
                    break cookie;
                };
                let Some(cookie) = cookie else {
                    tally.never_in += 1;
                    return tally;
                };
                tally.signed_in_after = Some(arrived.elapsed());
                let mark_url = format!("{base}{mark_read_path}");
                let mark = |lesson: &str| {
                    post(
                        &client,
                        &mark_url,
                        Some(&cookie),
                        format!("module={}&lesson={}", module.slug, lesson),
                    )
                };
                // Every lesson read once, so that the quiz is open.
                for lesson in &module.lessons {
                    let sent = Instant::now();
                    let outcome = mark(&lesson.slug).await.map(|r| r.status().as_u16());
                    tally.record("mark read", sent, &outcome);
                }
                let mut number = 1u32;
                let mut lesson = 0;
                while Instant::now() < deadline {
                    let slug = &module.lessons[lesson % module.lessons.len()].slug;
                    lesson += 1;
                    let sent = Instant::now();
                    let outcome = get(
                        &client,
                        &format!("{base}/modules/{}/{slug}", module.slug),
                        &cookie,
                    )
                    .await;
                    tally.record("read lesson", sent, &outcome);
                    let sent = Instant::now();
                    let outcome = mark(slug).await.map(|r| r.status().as_u16());
                    tally.record("mark read", sent, &outcome);
                    let sent = Instant::now();
                    let outcome = get(
                        &client,
                        &format!("{base}/modules/{}/test/quiz", module.slug),
                        &cookie,
                    )
                    .await;
                    tally.record("quiz page", sent, &outcome);
                    let sent = Instant::now();
                    let outcome = post(
                        &client,
                        &format!("{base}{submit_path}"),
                        Some(&cookie),
                        submission(&catalog, &module.slug, account, number),
                    )
                    .await
                    .map(|r| r.status().as_u16());
                    tally.record("submit", sent, &outcome);
                    if matches!(outcome, Ok(s) if s < 400) {
                        tally.accepted += 1;
                        tally.questions +=
                            learning::attempts::draw(&module, QuizKind::Quiz, account, number)
                                .map_or(0, |d| d.len() as u64);
                        if let Some(log) = &log {
                            let _ = writeln!(log.lock().unwrap(), "{account} {number}");
                        }
                        number += 1;
                    } else if outcome.is_err() {
                        // The server is gone (the crash run): wait instead of spinning.
                        tokio::time::sleep(Duration::from_millis(200)).await;
                    }
                }
                tally
            })
        });
    let mut total = Tally::default();
    for task in futures::future::join_all(tasks).await {
        let tally = task?;
        total.accepted += tally.accepted;
        total.questions += tally.questions;
        total.busy += tally.busy;
        total.never_in += tally.never_in;
        total.signed_in_after = total.signed_in_after.max(tally.signed_in_after);
        for (name, step) in tally.steps {
            let into = total.steps.entry(name).or_default();
            into.latencies.extend(step.latencies);
            into.server_errors += step.server_errors;
            into.other_failures += step.other_failures;
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    let server_cpu = cpu_seconds(&server_pid.to_string()) - cpu_before;
    let requests: usize = total.steps.values().map(|s| s.latencies.len()).sum();
    println!(
        "  {requests} requests answered in {elapsed:.1}s: {:.0} requests/s, {:.1} journeys/s (a journey: lesson, mark read, quiz page, submit); server CPU {server_cpu:.1}s",
        requests as f64 / elapsed,
        total.accepted as f64 / elapsed
    );
    println!(
        "  {:<12} {:>8} {:>10} {:>10} {:>6} {:>8}",
        "step", "answered", "p50 ms", "p99 ms", "5xx", "failed"
    );
    for name in STEPS {
        let Some(step) = total.steps.get_mut(name) else {
            continue;
        };
        step.latencies.sort();
        println!(
            "  {name:<12} {:>8} {:>10.1} {:>10.1} {:>6} {:>8}",
            step.latencies.len(),
            percentile(&step.latencies, 0.50),
            percentile(&step.latencies, 0.99),
            step.server_errors,
            step.other_failures
        );
    }
    println!(
        "  sign-in: {} answers \"busy, try again\" (429), each tried again {}s later; last learner in after {:.1}s; never in: {}",
        total.busy,
        BUSY_RETRY.as_secs(),
        total.signed_in_after.unwrap_or_default().as_secs_f64(),
        total.never_in
    );
    let (first, peak) = *memory.lock().unwrap();
    println!(
        "  server memory (RSS): {first:.0} MiB before, {peak:.0} MiB at the peak, {:.0} MiB after",
        rss_mib(server_pid)
    );
    if accepted_file.is_none() {
        let stored_attempts = quiz_attempt::Entity::find().count(&db).await? - before_attempts;
        let stored_answers = quiz_answer::Entity::find().count(&db).await? - before_answers;
        println!(
            "  count check: {} submissions accepted, {stored_attempts} stored; {} answers expected, {stored_answers} stored; lost {}, extra {}",
            total.accepted,
            total.questions,
            (total.accepted + total.questions).saturating_sub(stored_attempts + stored_answers),
            (stored_attempts + stored_answers).saturating_sub(total.accepted + total.questions)
        );
        flood(&base, sign_in_path, server_pid).await?;
    }
    sampler.abort();
    Ok(())
}

/// 300 wrong passwords for one account at once, from 15 addresses, while another learner
/// opens the home page every 100 ms: the memory it costs, and how long that learner waits.
async fn flood(base: &str, sign_in_path: &str, server_pid: u32) -> anyhow::Result<()> {
    const WRONG: usize = 300;
    let before = rss_mib(server_pid);
    let peak = Arc::new(Mutex::new(before));
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let probe = {
        let (base, done, peak) = (base.to_string(), done.clone(), peak.clone());
        tokio::spawn(async move {
            let client = client_from(IpAddr::V4(Ipv4Addr::new(127, 0, 2, 1))).unwrap();
            let mut waits = Vec::new();
            let mut failures = 0;
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                let sent = Instant::now();
                match get(&client, &format!("{base}/"), "").await {
                    Ok(200) => waits.push(sent.elapsed()),
                    _ => failures += 1,
                }
                let now = rss_mib(server_pid);
                {
                    let mut p = peak.lock().unwrap();
                    *p = p.max(now);
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            (waits, failures)
        })
    };
    let started = Instant::now();
    let attempts = (0..WRONG).map(|n| {
        let client = client_from(IpAddr::V4(Ipv4Addr::new(127, 0, 3, 1 + (n % 15) as u8)));
        let url = format!("{base}{sign_in_path}");
        async move {
            let client = client.map_err(|e| e.to_string())?;
            post(
                &client,
                &url,
                None,
                "username=flooded&password=not-the-password".to_string(),
            )
            .await
            .map(|r| r.status().as_u16())
        }
    });
    let outcomes = futures::future::join_all(attempts).await;
    let took = started.elapsed().as_secs_f64();
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let (mut waits, failures) = probe.await?;
    waits.sort();
    let server_errors = outcomes
        .iter()
        .filter(|o| matches!(o, Ok(s) if *s >= 500))
        .count();
    let refused = outcomes
        .iter()
        .filter(|o| matches!(o, Ok(s) if (400..500).contains(s)))
        .count();
    tokio::time::sleep(Duration::from_secs(5)).await;
    println!(
        "  sign-in flood: {WRONG} wrong passwords at once in {took:.1}s ({refused} refused, {server_errors} 5xx); RSS {before:.0} MiB before, {:.0} MiB at the peak, {:.0} MiB 5 s after; meanwhile the home page: {} answered, p50 {:.0} ms, p99 {:.0} ms, {failures} failed",
        *peak.lock().unwrap(),
        rss_mib(server_pid),
        waits.len(),
        percentile(&waits, 0.5),
        percentile(&waits, 0.99)
    );
    Ok(())
}

/// After a crash: every submission answered before it is stored once with all its answers,
/// and (SQLite) the database passes its integrity check.
async fn verify(database_url: &str, accepted_file: &str) -> anyhow::Result<()> {
    let db = Database::connect(database_url).await?;
    let text = std::fs::read_to_string(accepted_file)?;
    let (mut checked, mut missing, mut partial) = (0, 0, 0);
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        let (Some(Ok(account)), Some(Ok(number))) = (
            parts.next().map(str::parse::<i64>),
            parts.next().map(str::parse::<i32>),
        ) else {
            continue; // a line cut short by the kill
        };
        checked += 1;
        let attempts = quiz_attempt::Entity::find()
            .filter(quiz_attempt::Column::AccountId.eq(account))
            .filter(quiz_attempt::Column::Number.eq(number))
            .all(&db)
            .await?;
        match attempts.as_slice() {
            [attempt] => {
                let answers = quiz_answer::Entity::find()
                    .filter(quiz_answer::Column::AttemptId.eq(attempt.id))
                    .count(&db)
                    .await?;
                if answers != attempt.questions as u64 {
                    partial += 1;
                }
            }
            _ => missing += 1,
        }
    }
    // No attempt anywhere without all its answers (nothing half-written).
    let half_written = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT COUNT(*) FROM quiz_attempt a WHERE a.questions <> \
             (SELECT COUNT(*) FROM quiz_answer q WHERE q.attempt_id = a.id)",
        ))
        .await?
        .and_then(|row| row.try_get_by_index::<i64>(0).ok())
        .unwrap_or(-1);
    let integrity = if database_url.starts_with("sqlite") {
        db.query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "PRAGMA integrity_check",
        ))
        .await?
        .and_then(|row| row.try_get_by_index::<String>(0).ok())
        .unwrap_or_default()
    } else {
        "n/a (PostgreSQL)".into()
    };
    println!(
        "  after the kill: {checked} submissions had a success answer: {} stored whole, {missing} missing, {partial} with answers missing; attempts in the database without all their answers: {half_written}; integrity check: {integrity}",
        checked - missing - partial
    );
    Ok(())
}

//! Load generator for quiz submissions, run by `scripts/bench.sh` against a release server.
//!
//! Arranges N learners in the server's database, signs each in over HTTP and marks the
//! lessons read, then every learner submits attempt after attempt of the first module's quiz
//! for the given time, as the app's JavaScript does. Prints submissions per second, latency,
//! and a count check: every accepted submission must be in the database with all its answers.
//!
//! Usage: quiz_load <base-url> <database-url> <content-dir> [learners] [seconds] [server-pid]
//!
//! With the server's process id it also prints the CPU time each side used during the load
//! (both run on the same machine, so the generator's share is taken from the server).

use std::sync::Arc;
use std::time::{Duration, Instant};

use accounts::people::{self, NewAccount};
use accounts::{Affiliation, Role};
use catalog::QuizKind;
use learning::entity::{quiz_answer, quiz_attempt};
use sea_orm::{Database, EntityTrait, PaginatorTrait};

#[path = "support/load.rs"]
mod load;
use load::{PASSWORD, cores, cpu_seconds, encode, session_cookie, submission};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (base, database_url, content) = match &args[..] {
        [_, base, db, content, ..] => (base.clone(), db.clone(), content.clone()),
        _ => anyhow::bail!(
            "usage: quiz_load <base-url> <database-url> <content-dir> [learners] [seconds]"
        ),
    };
    let learners: usize = args.get(4).map_or(Ok(200), |n| n.parse())?;
    let seconds: u64 = args.get(5).map_or(Ok(10), |n| n.parse())?;
    let server_pid: Option<u32> = args.get(6).and_then(|p| p.parse().ok());
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
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(learners)
        .build()?;
    let submit_path = <app::serverfns::learning::SubmitQuiz as leptos::server_fn::ServerFn>::PATH;
    let sign_in_path = <app::serverfns::account::SignIn as leptos::server_fn::ServerFn>::PATH;
    let mark_read_path = <app::serverfns::learning::MarkRead as leptos::server_fn::ServerFn>::PATH;

    // Arrange: accounts in the database, then sign-in and lessons over HTTP, 8 at a time.
    let started = Instant::now();
    let run = std::process::id();
    let mut sessions = Vec::new();
    for chunk in (0..learners).collect::<Vec<_>>().chunks(8) {
        let batch = chunk.iter().map(|n| {
            let (db, client, base, module) =
                (db.clone(), client.clone(), base.clone(), module.clone());
            async move {
                let username = format!("bench{run}.{n}");
                let (account, _) = people::create_with_code(
                    &db,
                    None,
                    NewAccount {
                        username: Some(&username),
                        display_name: "Bench",
                        role: Role::Learner,
                        affiliation: Affiliation::Fds,
                        lang: "fr",
                    },
                )
                .await?;
                people::set_password(&db, account.id, PASSWORD, PASSWORD).await?;
                let response = client
                    .post(format!("{base}{sign_in_path}"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(format!(
                        "username={}&password={}",
                        encode(&username),
                        encode(PASSWORD)
                    ))
                    .send()
                    .await?;
                let cookie = session_cookie(&response).ok_or_else(|| {
                    anyhow::anyhow!("no session for {username}: {}", response.status())
                })?;
                for lesson in &module.lessons {
                    client
                        .post(format!("{base}{mark_read_path}"))
                        .header("content-type", "application/x-www-form-urlencoded")
                        .header("cookie", &cookie)
                        .body(format!("module={}&lesson={}", module.slug, lesson.slug))
                        .send()
                        .await?
                        .error_for_status()?;
                }
                anyhow::Ok((account.id, cookie))
            }
        });
        for result in futures::future::join_all(batch).await {
            sessions.push(result?);
        }
    }
    let before_attempts = quiz_attempt::Entity::find().count(&db).await?;
    let before_answers = quiz_answer::Entity::find().count(&db).await?;
    println!(
        "  arranged {learners} learners (accounts, sign-in, lessons read) in {:.1}s",
        started.elapsed().as_secs_f64()
    );

    // Load: each learner submits attempt after attempt until the time is up.
    let cpu_before = (
        cpu_seconds("self"),
        server_pid.map(|p| cpu_seconds(&p.to_string())),
    );
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let start = Instant::now();
    let tasks = sessions.into_iter().map(|(account, cookie)| {
        let (client, base, catalog, slug) = (
            client.clone(),
            base.clone(),
            catalog.clone(),
            module.slug.clone(),
        );
        tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut refused = 0u64;
            let mut questions = 0u64;
            let mut number = 1;
            while Instant::now() < deadline {
                let body = submission(&catalog, &slug, account, number);
                let sent = Instant::now();
                let response = client
                    .post(format!("{base}{submit_path}"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("cookie", &cookie)
                    .body(body)
                    .send()
                    .await;
                match response {
                    Ok(r) if r.status().as_u16() < 400 => {
                        latencies.push(sent.elapsed());
                        questions += learning::attempts::draw(
                            catalog.module(&slug).unwrap(),
                            QuizKind::Quiz,
                            account,
                            number,
                        )
                        .map_or(0, |d| d.len() as u64);
                        number += 1;
                    }
                    _ => refused += 1,
                }
            }
            (latencies, refused, questions)
        })
    });
    let mut latencies = Vec::new();
    let (mut refused, mut questions) = (0, 0);
    for task in futures::future::join_all(tasks).await {
        let (l, r, q) = task?;
        latencies.extend(l);
        refused += r;
        questions += q;
    }
    let elapsed = start.elapsed().as_secs_f64();
    let generator_cpu = cpu_seconds("self") - cpu_before.0;
    let server_cpu = server_pid.map(|p| cpu_seconds(&p.to_string()) - cpu_before.1.unwrap_or(0.0));
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    let accepted = latencies.len() as u64;
    let stored_attempts = quiz_attempt::Entity::find().count(&db).await? - before_attempts;
    let stored_answers = quiz_answer::Entity::find().count(&db).await? - before_answers;
    println!(
        "  {accepted} submissions accepted in {elapsed:.1}s: {:.0} submissions/s, p50 {:.1} ms, p99 {:.1} ms, {refused} refused or failed",
        accepted as f64 / elapsed,
        pct(0.50),
        pct(0.99)
    );
    if let Some(server_cpu) = server_cpu {
        println!(
            "  CPU during the load: server {server_cpu:.1}s ({:.2} ms per submission), load generator {generator_cpu:.1}s, of {:.0}s available on {} cores",
            server_cpu * 1000.0 / accepted.max(1) as f64,
            elapsed * cores(),
            cores()
        );
    }
    println!(
        "  stored: {stored_attempts} attempts (accepted {accepted}), {stored_answers} answers (expected {questions}); lost: {}",
        (accepted + questions).saturating_sub(stored_attempts + stored_answers)
    );
    Ok(())
}

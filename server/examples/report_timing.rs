//! Times the trainers' reports on a seeded database (`server seed`), as their pages build them
//! (queries, figures and formatting; not the HTML): the progress matrix, the question analysis
//! and the pre-test/post-test comparison of the first module, for the large cohort and for all
//! cohorts. Prints the median of 5 runs after one warm-up. Used by `scripts/bench.sh`.
//!
//!     report_timing <database-url> <content-dir> <large-cohort-id>

use std::time::{Duration, Instant};

use app::i18n::Lang;
use app::model::ReportQuery;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, url, content, cohort] = args.as_slice() else {
        anyhow::bail!("usage: report_timing <database-url> <content-dir> <large-cohort-id>");
    };
    let catalog = server::content::load(std::path::Path::new(content))
        .map_err(|p| anyhow::anyhow!("content: {p}"))?;
    let db = server::db::connect(url).await?;
    let module = catalog
        .modules()
        .iter()
        .find(|m| m.quiz.is_some() && m.pretest.is_some())
        .ok_or_else(|| anyhow::anyhow!("no module with a quiz and a pre-test"))?
        .slug
        .clone();
    let admin = accounts::Caller::Account {
        id: 0,
        role: accounts::Role::Admin,
        must_set_password: false,
    };
    for (scope, label) in [(cohort.as_str(), "large cohort"), ("all", "all cohorts")] {
        let mut line = Vec::new();
        for kind in ["progress", "questions", "gain"] {
            let query = ReportQuery {
                kind: kind.into(),
                cohort: scope.into(),
                module: module.clone(),
                ..Default::default()
            };
            let mut times: Vec<Duration> = Vec::new();
            for run in 0..6 {
                let started = Instant::now();
                let report = app::serverfns::reports::ssr::build(
                    &db,
                    &catalog,
                    &admin,
                    &query,
                    Lang::default(),
                )
                .await
                .map_err(|e| anyhow::anyhow!("{kind}: {e:?}"))?;
                std::hint::black_box(&report);
                if run > 0 {
                    times.push(started.elapsed());
                }
            }
            times.sort();
            line.push(format!(
                "{kind} {:.1} ms",
                times[times.len() / 2].as_secs_f64() * 1000.0
            ));
        }
        println!("  {label}: {}", line.join(", "));
    }
    Ok(())
}

//! What the load generators share: form encoding, session cookies, quiz forms, CPU time.
#![allow(dead_code)]

use catalog::{Catalog, QuizKind};

pub const PASSWORD: &str = "une phrase de passe";

/// The `session=…` pair a response sets.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("session="))
        .map(|v| v.split(';').next().unwrap_or_default().to_string())
}

pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The form of attempt `number`, answered right for even numbers and wrong for odd ones.
pub fn submission(catalog: &Catalog, module: &str, account: i64, number: u32) -> String {
    let module = catalog.module(module).expect("bench module");
    let quiz = module.quiz.as_ref().expect("bench module has a quiz");
    let right = number.is_multiple_of(2);
    let mut body = format!("module={}&kind=quiz&attempt={number}", module.slug);
    let drawn = learning::attempts::draw(module, QuizKind::Quiz, account, number).unwrap();
    for (i, d) in drawn.iter().enumerate() {
        let question = &quiz.questions[d.question];
        let shown: Vec<usize> = (0..d.options.len())
            .filter(|&p| question.correct[d.options[p]] == right)
            .collect();
        if question.kind.is_single_answer() {
            body.push_str(&format!(
                "&{}={i}-{}",
                encode(&format!("answers[q{i}]")),
                shown[0]
            ));
        } else {
            for p in shown {
                body.push_str(&format!(
                    "&{}={i}-{p}",
                    encode(&format!("answers[q{i}o{p}]"))
                ));
            }
        }
    }
    body
}

/// User + system CPU seconds of a process (`self` or a pid), from `/proc/<pid>/stat`.
pub fn cpu_seconds(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; 100 ticks/s.
    (ticks(11) + ticks(12)) / 100.0
}

pub fn cores() -> f64 {
    std::thread::available_parallelism().map_or(1.0, |n| n.get() as f64)
}

/// Resident memory of a process in MiB (`VmRSS` in `/proc/<pid>/status`), 0 when unknown.
pub fn rss_mib(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0)
}

/// The value at fraction `p` of sorted latencies, in milliseconds.
pub fn percentile(sorted: &[std::time::Duration], p: f64) -> f64 {
    sorted
        .get(((sorted.len() as f64 * p) as usize).min(sorted.len().saturating_sub(1)))
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

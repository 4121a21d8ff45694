//! Connections that never finish their request: a client that sends half a request head and
//! then waits must be disconnected after the header-read timeout, while others are served.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::{Backend, fixture_content, spawn_app_with};

#[tokio::test]
async fn a_half_sent_request_head_is_cut_off_and_others_are_served() {
    let app = spawn_app_with(&Backend::Sqlite, fixture_content(), |settings| {
        settings.header_read_timeout = Duration::from_secs(1);
    })
    .await
    .unwrap();
    let address = app.base.trim_start_matches("http://").to_string();

    // Ten slow clients, each stopping in the middle of its request head.
    let mut slow = Vec::new();
    for _ in 0..10 {
        let mut stream = TcpStream::connect(&address).await.unwrap();
        stream
            .write_all(b"GET / HTTP/1.1\r\nHost: platform.test\r\nUser-Agent: sl")
            .await
            .unwrap();
        slow.push(stream);
    }

    // Everybody else is still served meanwhile.
    assert_eq!(app.get("/").await.status(), 200);

    let started = Instant::now();
    for mut stream in slow {
        let mut buffer = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(6), stream.read_to_end(&mut buffer))
            .await
            .expect("the server closes a connection whose request head never ends");
        // Closed, or reset: either way no page was served for half a request.
        if read.is_ok() {
            let answer = String::from_utf8_lossy(&buffer);
            assert!(
                !answer.contains(" 200 "),
                "half a request head was answered: {answer}"
            );
        }
    }
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "cut off after {:?}",
        started.elapsed()
    );

    // A request whose head arrives slowly but in time is served.
    let mut stream = TcpStream::connect(&address).await.unwrap();
    stream.write_all(b"GET /health HTTP/1.1\r\n").await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    stream
        .write_all(b"Host: platform.test\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = String::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_string(&mut answer))
        .await
        .unwrap()
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

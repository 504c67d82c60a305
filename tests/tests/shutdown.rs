//! `bora serve` stopped by SIGTERM while endless loops run: it interrupts
//! them after its grace period and exits soon after (the loops would run
//! for ten minutes); the interruption is not recorded as the actions'
//! outcome, so after a restart their jobs are taken up again with the
//! safe-rerun rule: the safe-rerun task's loop runs again (and now hits the
//! restarted server's lower timeout ceiling), the other task's action fails
//! as not safe to run twice. On SQLite the restart takes the jobs at once;
//! on PostgreSQL once their lease (two minutes) has run out.

#![allow(clippy::unwrap_used)]

#[path = "../../engine/store/tests/common/pg.rs"]
mod pg;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use bora_tests::programs;
use serde_json::{Value, json};

/// The shutdown grace period of the first server, in seconds.
const GRACE: u64 = 1;
/// Generous bound on the exit after SIGTERM: the grace period and a few
/// seconds, far below the ten minutes the loops would run.
const EXIT_BOUND: Duration = Duration::from_secs(GRACE + 15);

/// One HTTP/1.1 request (a connection each): the status and the JSON body.
fn request(port: u16, method: &str, path: &str, body: Option<(&str, &[u8])>) -> (u16, Value) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let (ctype, payload) = body.unwrap_or(("text/plain", b""));
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\nConnection: close\r\n\
         Content-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        payload.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(payload).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw);
    let status = text.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = &text[text.find("\r\n\r\n").unwrap() + 4..];
    // Chunked answers: the JSON between the first and the last bracket.
    let json = match (body.find(['{', '[']), body.rfind(['}', ']'])) {
        (Some(a), Some(b)) if b >= a => serde_json::from_str(&body[a..=b]).unwrap_or(Value::Null),
        _ => Value::Null,
    };
    (status, json)
}

fn get(port: u16, path: &str) -> Value {
    let (status, body) = request(port, "GET", path, None);
    assert_eq!(status, 200, "GET {path}: {body}");
    body
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap()
}

/// A `bora serve` process, killed if a test fails before it stops.
struct Server {
    child: Child,
}

impl Server {
    fn start(port: u16, database: &str, flags: &[&str], stderr: &Path) -> Self {
        let log = std::fs::File::create(stderr).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_bora-under-test"))
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .args(["--database", database])
            .args(flags)
            .env("BORA_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        let server = Self { child };
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let up = TcpStream::connect(("127.0.0.1", port)).is_ok()
                && request(port, "GET", "/v2/workflows", None).0 == 200;
            if up {
                return server;
            }
            assert!(Instant::now() < deadline, "bora serve did not come up");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Sends SIGTERM and waits (up to `bound`) for the process to end.
    fn terminate(mut self, bound: Duration) -> (ExitStatus, Duration) {
        let sent = Instant::now();
        let killed = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return (status, sent.elapsed());
            }
            assert!(
                sent.elapsed() < bound,
                "bora serve still runs {bound:?} after SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Each task's name, state and its actions' results, sorted by name.
fn tasks(port: u16, execution: &str) -> Vec<(String, String, Vec<String>)> {
    let listed = get(port, &format!("/v2/executions/{execution}/tasks"));
    let mut out = Vec::new();
    for task in listed["tasks"].as_array().unwrap() {
        let id = task["id"].as_str().unwrap();
        let actions = get(port, &format!("/v2/tasks/{id}/action_executions"));
        let mut results = Vec::new();
        for action in actions["action_executions"].as_array().unwrap() {
            let one = get(
                port,
                &format!("/v2/action_executions/{}", action["id"].as_str().unwrap()),
            );
            let output: Value = one["output"]
                .as_str()
                .and_then(|s| serde_json::from_str(s).ok())
                .unwrap_or(Value::Null);
            results.push(format!("{}: {}", one["state"], output["result"]));
        }
        out.push((
            task["name"].as_str().unwrap().to_owned(),
            task["state"].as_str().unwrap().to_owned(),
            results,
        ));
    }
    out.sort();
    out
}

fn sigterm_interrupts_running_loops_and_their_jobs_resume(database: &str, patience: Duration) {
    let logs = tempfile::tempdir().unwrap();
    let port = free_port();
    let grace = GRACE.to_string();
    let first_log = logs.path().join("first.log");
    let server = Server::start(
        port,
        database,
        &["--shutdown-grace", &grace, "--action-threads", "2"],
        &first_log,
    );
    let (status, body) = request(
        port,
        "POST",
        "/v2/actions?name=t.loop&fuel=100000000000&timeout=600",
        Some(("application/wasm", programs::ENDLESS_LOOP)),
    );
    assert_eq!(status, 201, "{body}");
    let yaml = "---
version: '2.0'
spin:
  tasks:
    again:
      action: t.loop
      safe-rerun: true
    once:
      action: t.loop
";
    let (status, body) = request(
        port,
        "POST",
        "/v2/workflows",
        Some(("text/plain", yaml.as_bytes())),
    );
    assert_eq!(status, 201, "{body}");
    let start = json!({"workflow_name": "spin", "input": "{}"}).to_string();
    let (status, started) = request(
        port,
        "POST",
        "/v2/executions",
        Some(("application/json", start.as_bytes())),
    );
    assert_eq!(status, 201, "{started}");
    let id = started["id"].as_str().unwrap().to_owned();
    let deadline = Instant::now() + Duration::from_secs(60);
    while tasks(port, &id)
        .iter()
        .any(|(_, _, actions)| actions.is_empty())
    {
        assert!(Instant::now() < deadline, "the loops never started");
        std::thread::sleep(Duration::from_millis(50));
    }
    // Let the executor start both loops.
    std::thread::sleep(Duration::from_secs(1));

    let (status, took) = server.terminate(EXIT_BOUND);
    assert!(status.success(), "{status}");
    eprintln!("bora serve exited {took:?} after SIGTERM (grace {GRACE} s)");
    let log = std::fs::read_to_string(&first_log).unwrap();
    assert!(
        log.contains("interrupting the actions still running"),
        "the loops were not interrupted: {log}"
    );

    // Restarted with a lower timeout ceiling: a loop run again stops soon.
    let server = Server::start(
        port,
        database,
        &["--max-action-timeout", "2"],
        &logs.path().join("second.log"),
    );
    let deadline = Instant::now() + patience;
    let done = loop {
        let (_, ex) = request(port, "GET", &format!("/v2/executions/{id}"), None);
        let state = ex["state"].as_str().unwrap_or_default().to_owned();
        if state != "RUNNING" {
            break state;
        }
        assert!(
            Instant::now() < deadline,
            "the jobs were not taken up again"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(done, "ERROR");
    let tasks = tasks(port, &id);
    let (again, once) = (&tasks[0], &tasks[1]);
    assert_eq!(again.0, "again");
    assert_eq!(again.1, "ERROR", "{tasks:?}");
    // One action execution, run again after the restart (its first run
    // could not time out: its timeout was 600 s).
    assert_eq!(again.2.len(), 1, "{tasks:?}");
    assert!(
        again.2[0].contains("the action timed out after 2s"),
        "{tasks:?}"
    );
    assert_eq!(once.1, "ERROR", "{tasks:?}");
    assert_eq!(once.2.len(), 1, "{tasks:?}");
    assert!(
        once.2[0].contains("was redelivered, but action t.loop cannot be re-run safely"),
        "{tasks:?}"
    );
    // Nothing runs now: the second server stops at once.
    let (status, _) = server.terminate(EXIT_BOUND);
    assert!(status.success(), "{status}");
}

#[test]
fn sigterm_interrupts_running_loops_and_their_jobs_resume_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    sigterm_interrupts_running_loops_and_their_jobs_resume(&database, Duration::from_secs(60));
}

#[test]
fn sigterm_interrupts_running_loops_and_their_jobs_resume_on_postgres() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let Some(pg) = runtime.block_on(pg::TempPostgres::create("bora_shutdown")) else {
        return;
    };
    // The jobs stay leased by the stopped node for two minutes.
    sigterm_interrupts_running_loops_and_their_jobs_resume(&pg.url, Duration::from_secs(300));
    drop(pg);
}

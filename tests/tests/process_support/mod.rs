//! `bora serve` as a real process for the tests that stop, kill or freeze
//! it (shutdown, failover), with a minimal blocking HTTP/1.1 client (one
//! request per connection).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// One HTTP/1.1 request (a connection each): the status and the JSON body
/// (`Null` when there is none). A connection refused or cut gives status 0.
pub fn request(port: u16, method: &str, path: &str, body: Option<(&str, &[u8])>) -> (u16, Value) {
    let (status, _, json) = request_with(port, method, path, &[], body);
    (status, json)
}

/// [`request`] with extra headers; also gives the answer's head (status
/// line and headers, lower-cased).
pub fn request_with(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<(&str, &[u8])>,
) -> (u16, String, Value) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return (0, String::new(), Value::Null);
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
    let (ctype, payload) = body.unwrap_or(("text/plain", b""));
    let extra: String = headers
        .iter()
        .map(|(k, v)| format!("{k}: {v}\r\n"))
        .collect();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: */*\r\nConnection: close\r\n\
         {extra}Content-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        payload.len()
    );
    if stream.write_all(head.as_bytes()).is_err() || stream.write_all(payload).is_err() {
        return (0, String::new(), Value::Null);
    }
    let mut raw = Vec::new();
    if stream.read_to_end(&mut raw).is_err() {
        return (0, String::new(), Value::Null);
    }
    let text = String::from_utf8_lossy(&raw);
    let Some(status) = text.split_whitespace().nth(1).and_then(|s| s.parse().ok()) else {
        return (0, String::new(), Value::Null);
    };
    let split = text.find("\r\n\r\n");
    let answer_head = split.map_or("", |i| &text[..i]).to_ascii_lowercase();
    let body = split.map(|i| &text[i + 4..]).unwrap_or("");
    // Chunked answers: the JSON between the first and the last bracket.
    let json = match (body.find(['{', '[']), body.rfind(['}', ']'])) {
        (Some(a), Some(b)) if b >= a => serde_json::from_str(&body[a..=b]).unwrap_or(Value::Null),
        _ => Value::Null,
    };
    (status, answer_head, json)
}

/// A GET that must answer 200.
pub fn get(port: u16, path: &str) -> Value {
    let (status, body) = request(port, "GET", path, None);
    assert_eq!(status, 200, "GET {path}: {body}");
    body
}

/// Uploads workflow definitions (YAML).
pub fn create_workflows(port: u16, yaml: &str) {
    let (status, body) = request(
        port,
        "POST",
        "/v2/workflows",
        Some(("text/plain", yaml.as_bytes())),
    );
    assert_eq!(status, 201, "{body}");
}

/// Starts a workflow; returns the execution id.
pub fn start(port: u16, workflow: &str) -> String {
    let start = json!({"workflow_name": workflow, "input": "{}"}).to_string();
    let (status, started) = request(
        port,
        "POST",
        "/v2/executions",
        Some(("application/json", start.as_bytes())),
    );
    assert_eq!(status, 201, "{started}");
    started["id"].as_str().unwrap_or_default().to_owned()
}

/// An execution's state, or "" when the server does not answer.
pub fn state(port: u16, execution: &str) -> String {
    let (_, ex) = request(port, "GET", &format!("/v2/executions/{execution}"), None);
    ex["state"].as_str().unwrap_or_default().to_owned()
}

/// Waits (up to a minute, polling every 50 ms: each poll is a request,
/// spans and logs included) for an execution to leave RUNNING and IDLE;
/// its state then ("" when the server does not answer).
pub fn wait_finished(port: u16, execution: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let now = state(port, execution);
        if !matches!(now.as_str(), "RUNNING" | "IDLE" | "") || Instant::now() > deadline {
            return now;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free port: {e}"))
}

/// A `bora serve` process, killed if a test fails before it stops.
pub struct Server {
    pub child: Child,
    pub port: u16,
}

impl Server {
    /// Starts `bora serve` on `port` and waits until it answers.
    pub fn start(port: u16, database: &str, flags: &[&str], stderr: &Path) -> Self {
        Self::start_with_env(port, database, flags, &[], stderr)
    }

    /// [`Server::start`] with extra environment variables.
    pub fn start_with_env(
        port: u16,
        database: &str,
        flags: &[&str],
        env: &[(&str, &str)],
        stderr: &Path,
    ) -> Self {
        let server = Self::spawn(port, database, flags, env, stderr);
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            // 401: up, with authentication on.
            if matches!(request(port, "GET", "/v2/workflows", None).0, 200 | 401) {
                return server;
            }
            assert!(Instant::now() < deadline, "bora serve did not come up");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Starts `bora serve` without the api role and waits until its node
    /// runs (its log says so).
    pub fn start_headless(port: u16, database: &str, flags: &[&str], stderr: &Path) -> Self {
        let server = Self::spawn(port, database, flags, &[], stderr);
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let log = std::fs::read_to_string(stderr).unwrap_or_default();
            if log.contains("works without the api role") {
                return server;
            }
            assert!(Instant::now() < deadline, "bora serve did not start: {log}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn spawn(
        port: u16,
        database: &str,
        flags: &[&str],
        env: &[(&str, &str)],
        stderr: &Path,
    ) -> Self {
        let log = std::fs::File::create(stderr).unwrap_or_else(|e| panic!("log file: {e}"));
        let child = Command::new(env!("CARGO_BIN_EXE_bora-under-test"))
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .args(["--database", database])
            .args(flags)
            .env("BORA_LOG", "info,sqlx=warn")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start bora serve: {e}"));
        Self { child, port }
    }

    /// Sends a signal (`TERM`, `KILL`, `STOP`, `CONT`).
    pub fn signal(&self, name: &str) {
        let sent = Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status()
            .unwrap_or_else(|e| panic!("kill: {e}"));
        assert!(sent.success(), "kill -{name} failed");
    }

    /// Sends SIGTERM and waits (up to `bound`) for the process to end.
    pub fn terminate(mut self, bound: Duration) -> (ExitStatus, Duration) {
        let sent = Instant::now();
        self.signal("TERM");
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return (status, sent.elapsed());
            }
            assert!(
                sent.elapsed() < bound,
                "bora serve still runs {bound:?} after SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// SIGKILL, and reap the process.
    pub fn kill(mut self) {
        self.signal("KILL");
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Each task's name, state and its actions' states and results, sorted by
/// name.
pub fn tasks(port: u16, execution: &str) -> Vec<(String, String, Vec<String>)> {
    let listed = get(port, &format!("/v2/executions/{execution}/tasks"));
    let mut out = Vec::new();
    for task in listed["tasks"].as_array().cloned().unwrap_or_default() {
        let id = task["id"].as_str().unwrap_or_default();
        let actions = get(port, &format!("/v2/tasks/{id}/action_executions"));
        let mut results = Vec::new();
        for action in actions["action_executions"]
            .as_array()
            .cloned()
            .unwrap_or_default()
        {
            let one = get(
                port,
                &format!(
                    "/v2/action_executions/{}",
                    action["id"].as_str().unwrap_or_default()
                ),
            );
            let output: Value = one["output"]
                .as_str()
                .and_then(|s| serde_json::from_str(s).ok())
                .unwrap_or(Value::Null);
            results.push(format!("{}: {}", one["state"], output["result"]));
        }
        out.push((
            task["name"].as_str().unwrap_or_default().to_owned(),
            task["state"].as_str().unwrap_or_default().to_owned(),
            results,
        ));
    }
    out.sort();
    out
}

/// Runs the `bora` CLI (no configuration file); its stdout, which must come
/// with success.
pub fn bora_cli(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_bora-under-test"))
        .args(args)
        .env_remove("BORA_CONFIG")
        .output()
        .unwrap_or_else(|e| panic!("cannot run bora: {e}"));
    assert!(
        out.status.success(),
        "bora {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A new API token of `project` (an admin's with `admin`) in `database`:
/// its id and the token.
pub fn new_token(database: &str, project: &str, admin: bool) -> (String, String) {
    let mut args = vec![
        "token",
        "create",
        "--project",
        project,
        "--database",
        database,
        "-o",
        "json",
    ];
    if admin {
        args.push("--admin");
    }
    let made: Value =
        serde_json::from_str(&bora_cli(&args)).unwrap_or_else(|e| panic!("bora token create: {e}"));
    let text = |key: &str| made[key].as_str().map(str::to_owned);
    match (text("id"), text("token")) {
        (Some(id), Some(token)) => (id, token),
        _ => panic!("bora token create gave {made}"),
    }
}

/// A caller: the server's port and a token.
pub struct As<'a>(pub u16, pub &'a str);

impl As<'_> {
    pub fn call(&self, method: &str, path: &str, body: Option<(&str, &[u8])>) -> (u16, Value) {
        let bearer = format!("Bearer {}", self.1);
        let (status, _, json) =
            request_with(self.0, method, path, &[("Authorization", &bearer)], body);
        (status, json)
    }

    pub fn get(&self, path: &str) -> (u16, Value) {
        self.call("GET", path, None)
    }

    pub fn json(&self, method: &str, path: &str, body: &Value) -> (u16, Value) {
        let text = body.to_string();
        self.call(method, path, Some(("application/json", text.as_bytes())))
    }

    pub fn yaml(&self, method: &str, path: &str, text: &str) -> (u16, Value) {
        self.call(method, path, Some(("text/plain", text.as_bytes())))
    }

    /// Makes something; its answer, which must be a 201.
    pub fn made(&self, answer: (u16, Value)) -> Value {
        assert_eq!(answer.0, 201, "{}", answer.1);
        answer.1
    }
}

/// A one-route HTTP server that answers with the Authorization header it
/// got, and keeps each one.
pub fn hook_server() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let kept = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut auth = String::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some((name, value)) = line.split_once(':')
                    && name.eq_ignore_ascii_case("authorization")
                {
                    auth = value.trim().to_owned();
                }
            }
            kept.lock().unwrap().push(auth.clone());
            let body = format!("got {auth}");
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (port, seen)
}

/// The bytes of every file of the database (the SQLite file, its WAL).
pub fn database_bytes(dir: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("bora.sqlite"))
        {
            std::fs::File::open(&path)
                .unwrap()
                .read_to_end(&mut all)
                .unwrap();
        }
    }
    all
}

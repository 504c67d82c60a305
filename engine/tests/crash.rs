//! Durability: `bora serve` is killed with SIGKILL in the middle of a run of
//! sleeping tasks and started again on the same SQLite file; the execution
//! must complete, with every task recorded exactly once.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A minimal HTTP/1.1 client (the test needs a handful of requests only).
fn request(
    port: u16,
    method: &str,
    path: &str,
    body: Option<(&str, &str)>,
) -> Option<(u16, Value)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let (ctype, payload) = body.unwrap_or(("text/plain", ""));
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\nConnection: close\r\n\
         Content-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        payload.len()
    );
    stream.write_all(head.as_bytes()).ok()?;
    stream.write_all(payload.as_bytes()).ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8_lossy(&raw);
    let status: u16 = text.split_whitespace().nth(1)?.parse().ok()?;
    let body_start = text.find("\r\n\r\n")? + 4;
    let body = &text[body_start..];
    // Chunked responses: take the JSON between the first and last brace.
    let json = match (body.find(['{', '[']), body.rfind(['}', ']'])) {
        (Some(a), Some(b)) if b >= a => serde_json::from_str(&body[a..=b]).unwrap_or(Value::Null),
        _ => Value::Null,
    };
    Some((status, json))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(port: u16, database: &str) -> Server {
    // Wrapped at once, so the process is killed and reaped on every path.
    let server = Server(
        Command::new(env!("CARGO_BIN_EXE_bora"))
            .args([
                "serve",
                "--listen",
                &format!("127.0.0.1:{port}"),
                "--database",
                database,
            ])
            .env("BORA_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("bora serve starts"),
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if request(port, "GET", "/v2/workflows", None).is_some_and(|(s, _)| s == 200) {
            return server;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("bora serve did not come up on port {port}");
}

fn as_json(value: &Value) -> Value {
    match value {
        Value::String(s) => serde_json::from_str(s).unwrap_or(Value::Null),
        other => other.clone(),
    }
}

#[test]
fn killed_mid_run_the_execution_completes_after_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    let port = free_port();
    let server = serve(port, &database);

    let yaml = "version: '2.0'\nnap:\n  tasks:\n".to_owned()
        + "    a:\n      action: std.sleep seconds=1\n      on-success: [b, c]\n"
        + "    b:\n      action: std.sleep seconds=1\n      on-success: d\n"
        + "    c:\n      action: std.sleep seconds=1\n      on-success: d\n"
        + "    d:\n      join: all\n      action: std.sleep seconds=1\n      on-success: e\n"
        + "    e:\n      action: std.echo output=\"done\"\n      publish:\n        out: <% task().result %>\n";
    let (status, _) =
        request(port, "POST", "/v2/workflows", Some(("text/plain", &yaml))).expect("upload");
    assert_eq!(status, 201);
    let start = json!({"workflow_name": "nap", "input": "{}"}).to_string();
    let (status, exec) = request(
        port,
        "POST",
        "/v2/executions",
        Some(("application/json", &start)),
    )
    .expect("start");
    assert_eq!(status, 201, "{exec}");
    let id = exec["id"].as_str().expect("execution id").to_owned();

    // Mid-run: `a` done, `b` and `c` sleeping.
    std::thread::sleep(Duration::from_millis(1500));
    drop(server); // SIGKILL

    let _server = serve(port, &database);
    let deadline = Instant::now() + Duration::from_secs(60);
    let final_state = loop {
        let (_, exec) = request(port, "GET", &format!("/v2/executions/{id}"), None).expect("get");
        let state = exec["state"].as_str().unwrap_or_default().to_owned();
        if state == "SUCCESS" || state == "ERROR" || Instant::now() > deadline {
            break (state, exec);
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(final_state.0, "SUCCESS", "{}", final_state.1);
    assert_eq!(as_json(&final_state.1["output"]), json!({"out": "done"}));

    let (_, tasks) =
        request(port, "GET", &format!("/v2/executions/{id}/tasks"), None).expect("tasks");
    let mut names: Vec<String> = tasks["tasks"]
        .as_array()
        .expect("task list")
        .iter()
        .map(|t| {
            format!(
                "{}={}",
                t["name"].as_str().unwrap_or(""),
                t["state"].as_str().unwrap_or("")
            )
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "a=SUCCESS",
            "b=SUCCESS",
            "c=SUCCESS",
            "d=SUCCESS",
            "e=SUCCESS"
        ],
        "every task exactly once"
    );
}

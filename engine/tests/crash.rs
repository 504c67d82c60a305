//! Durability: `bora serve` is killed with SIGKILL in the middle of a run of
//! sleeping tasks and started again on the same SQLite file; the execution
//! must complete, with every task recorded exactly once. Actions that were
//! running at the crash run again only when their task is `safe-rerun`;
//! others fail (Mistral), and the task's `on-error` takes over.

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

/// Uploads `yaml` (one workflow named `name`) and starts it; the execution id.
fn start(port: u16, yaml: &str, name: &str) -> String {
    let (status, _) =
        request(port, "POST", "/v2/workflows", Some(("text/plain", yaml))).expect("upload");
    assert_eq!(status, 201);
    let start = json!({"workflow_name": name, "input": "{}"}).to_string();
    let (status, exec) = request(
        port,
        "POST",
        "/v2/executions",
        Some(("application/json", &start)),
    )
    .expect("start");
    assert_eq!(status, 201, "{exec}");
    exec["id"].as_str().expect("execution id").to_owned()
}

/// Polls the execution until it is SUCCESS or ERROR (or a minute passed).
fn wait_done(port: u16, id: &str) -> (String, Value) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (_, exec) = request(port, "GET", &format!("/v2/executions/{id}"), None).expect("get");
        let state = exec["state"].as_str().unwrap_or_default().to_owned();
        if state == "SUCCESS" || state == "ERROR" || Instant::now() > deadline {
            return (state, exec);
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The execution's tasks as `name=STATE`, sorted.
fn task_states(port: u16, id: &str) -> Vec<String> {
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
    names
}

/// The states of the action executions of the execution's task `name`.
fn action_states(port: u16, id: &str, name: &str) -> Vec<String> {
    let (_, tasks) =
        request(port, "GET", &format!("/v2/executions/{id}/tasks"), None).expect("tasks");
    let Some(task_id) = tasks["tasks"]
        .as_array()
        .expect("task list")
        .iter()
        .find(|t| t["name"] == name)
        .and_then(|t| t["id"].as_str())
        .map(str::to_owned)
    else {
        return Vec::new();
    };
    let (_, actions) = request(
        port,
        "GET",
        &format!("/v2/tasks/{task_id}/action_executions"),
        None,
    )
    .expect("action executions");
    actions["action_executions"]
        .as_array()
        .expect("action execution list")
        .iter()
        .map(|a| a["state"].as_str().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn killed_mid_run_the_execution_completes_after_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    let port = free_port();
    let server = serve(port, &database);

    // safe-rerun: the sleeps running at the crash run again.
    let yaml = "version: '2.0'\nnap:\n  task-defaults:\n    safe-rerun: true\n  tasks:\n"
        .to_owned()
        + "    a:\n      action: std.sleep seconds=1\n      on-success: [b, c]\n"
        + "    b:\n      action: std.sleep seconds=1\n      on-success: d\n"
        + "    c:\n      action: std.sleep seconds=1\n      on-success: d\n"
        + "    d:\n      join: all\n      action: std.sleep seconds=1\n      on-success: e\n"
        + "    e:\n      action: std.echo output=\"done\"\n      publish:\n        out: <% task().result %>\n";
    let id = start(port, &yaml, "nap");

    // Mid-run: `a` done, `b` and `c` sleeping.
    std::thread::sleep(Duration::from_millis(1500));
    drop(server); // SIGKILL

    let _server = serve(port, &database);
    let final_state = wait_done(port, &id);
    assert_eq!(final_state.0, "SUCCESS", "{}", final_state.1);
    assert_eq!(as_json(&final_state.1["output"]), json!({"out": "done"}));

    // The sleeps cut by the crash show as attempts of their own.
    for task in ["b", "c"] {
        let attempts = action_states(port, &id, task);
        assert_eq!(
            attempts.iter().filter(|s| *s == "SUCCESS").count(),
            1,
            "{task}: {attempts:?}"
        );
        assert!(
            attempts.iter().all(|s| s == "SUCCESS" || s == "ERROR"),
            "{task}: {attempts:?}"
        );
    }
    assert_eq!(
        task_states(port, &id),
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

#[test]
fn an_action_running_at_a_crash_fails_unless_its_task_is_safe_rerun() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    let port = free_port();
    let server = serve(port, &database);

    // Run again, `slow` would succeed and start `ran`.
    let yaml = "version: '2.0'\nonce:\n  tasks:\n".to_owned()
        + "    slow:\n      action: std.sleep seconds=5\n"
        + "      on-success: ran\n      on-error: handled\n"
        + "    ran:\n      action: std.echo output=\"ran\"\n"
        + "    handled:\n      action: std.echo output=\"handled\"\n";
    let id = start(port, &yaml, "once");

    // Crash while `slow` runs (its record, job and lease are stored with
    // the RUNNING task in one transaction).
    let deadline = Instant::now() + Duration::from_secs(30);
    while !task_states(port, &id).contains(&"slow=RUNNING".to_owned()) {
        assert!(Instant::now() < deadline, "slow never ran");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    drop(server); // SIGKILL

    let _server = serve(port, &database);
    let final_state = wait_done(port, &id);
    assert_eq!(final_state.0, "SUCCESS", "{}", final_state.1);
    assert_eq!(task_states(port, &id), ["handled=SUCCESS", "slow=ERROR"]);

    // One action execution, failed with the reason (never run twice).
    let (_, tasks) =
        request(port, "GET", &format!("/v2/executions/{id}/tasks"), None).expect("tasks");
    let task_id = tasks["tasks"]
        .as_array()
        .expect("task list")
        .iter()
        .find(|t| t["name"] == "slow")
        .and_then(|t| t["id"].as_str())
        .expect("slow's id")
        .to_owned();
    let (_, actions) = request(
        port,
        "GET",
        &format!("/v2/tasks/{task_id}/action_executions"),
        None,
    )
    .expect("action executions");
    let slow = actions["action_executions"]
        .as_array()
        .expect("action execution list");
    assert_eq!(slow.len(), 1, "{actions}");
    assert_eq!(slow[0]["state"], "ERROR", "{}", slow[0]);
    // Lists leave the output out; the action execution itself has it.
    let action_id = slow[0]["id"].as_str().expect("action id");
    let (_, action) = request(
        port,
        "GET",
        &format!("/v2/action_executions/{action_id}"),
        None,
    )
    .expect("action execution");
    let message = as_json(&action["output"])["result"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        message.starts_with("Request to run action std.sleep was redelivered")
            && message.contains("safe-rerun"),
        "{message}"
    );
}

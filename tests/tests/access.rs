//! Who may drive a real `bora serve`: API tokens (`--auth tokens`, `bora
//! token create|list|revoke`), the audit log (`bora audit`), the refusal of
//! state-changing requests from other sites' pages, and actions kept away
//! from Bora's own API. A revoked token is refused at once by a second node
//! on the same PostgreSQL when `BORA_TEST_POSTGRES_URL` is set.

use crate::pg;
use crate::process_support;

use std::path::Path;
use std::time::{Duration, Instant};

use crate::process_support::{
    Server, bora_cli, create_workflows, free_port, new_token, request, request_with,
};
use serde_json::{Value, json};

const WORKFLOW: &str = "---
version: '2.0'
hello:
  tasks:
    greet:
      action: std.echo output=hi
";

/// Runs the `bora` CLI; its stdout, which must come with success.
fn bora(args: &[&str]) -> String {
    bora_cli(args)
}

fn get_as(port: u16, path: &str, token: &str) -> u16 {
    let bearer = format!("Bearer {token}");
    request_with(port, "GET", path, &[("Authorization", &bearer)], None).0
}

fn start_execution(port: u16, headers: &[(&str, &str)], ctype: &str) -> (u16, Value) {
    let body = json!({"workflow_name": "hello"}).to_string();
    let (status, _, answer) = request_with(
        port,
        "POST",
        "/v2/executions",
        headers,
        Some((ctype, body.as_bytes())),
    );
    (status, answer)
}

/// Polls `check` for up to a minute.
fn eventually(what: &str, check: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !check() {
        assert!(Instant::now() < deadline, "{what}: not within a minute");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn tokens_gate_the_api_are_audited_and_revoked_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    let (id, token) = new_token(&database, "alpha", false);
    // The text form prints the token on its last line.
    let text = bora(&[
        "token",
        "create",
        "--project",
        "beta",
        "--database",
        &database,
    ]);
    let last = text.lines().last().unwrap();
    assert!(last.starts_with("bora_") && last.len() > 60, "{text}");

    let server = Server::start(
        free_port(),
        &database,
        &["--auth", "tokens"],
        &dir.path().join("serve.log"),
    );
    let port = server.port;
    let (status, body) = request(port, "GET", "/v2/workflows", None);
    assert_eq!(status, 401, "{body}");
    assert!(
        body["faultstring"]
            .as_str()
            .unwrap()
            .contains("Authentication required"),
        "{body}"
    );
    assert_eq!(get_as(port, "/v2/workflows", "bora_wrong"), 401);
    assert_eq!(get_as(port, "/metrics", "bora_wrong"), 401);
    assert_eq!(request(port, "GET", "/health", None).0, 200);
    assert_eq!(get_as(port, "/v2/workflows", &token), 200);
    let (status, _, _) = request_with(
        port,
        "GET",
        "/v2/executions",
        &[("X-Auth-Token", &token)],
        None,
    );
    assert_eq!(status, 200, "Mistral's X-Auth-Token");

    // The CLI client sends its --token.
    let url = format!("http://127.0.0.1:{port}");
    let yaml = dir.path().join("wf.yaml");
    std::fs::write(&yaml, WORKFLOW).unwrap();
    bora(&[
        "workflow",
        "create",
        yaml.to_str().unwrap(),
        "--url",
        &url,
        "--token",
        &token,
    ]);
    let bearer = format!("Bearer {token}");
    let (status, started) =
        start_execution(port, &[("Authorization", &bearer)], "application/json");
    assert_eq!(status, 201, "{started}");
    let execution = started["id"].as_str().unwrap().to_owned();

    // Who did what: the token, the request, what it made.
    let audit: Value = serde_json::from_str(&bora(&[
        "audit",
        "--database",
        &database,
        "--token",
        &id,
        "-o",
        "json",
    ]))
    .unwrap();
    let entries = audit.as_array().unwrap();
    let start = entries
        .iter()
        .find(|e| e["path"] == "/v2/executions")
        .unwrap_or_else(|| panic!("{audit}"));
    assert_eq!(start["method"], "POST");
    assert_eq!(start["status"], 201);
    assert_eq!(start["token_id"], id.as_str());
    assert_eq!(start["project"], "alpha");
    assert_eq!(start["target"], execution.as_str());
    assert!(
        entries.iter().any(|e| e["path"] == "/v2/workflows"),
        "{audit}"
    );

    eventually("the token's use is noted", || {
        let listed: Value = serde_json::from_str(&bora(&[
            "token",
            "list",
            "--database",
            &database,
            "-o",
            "json",
        ]))
        .unwrap();
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == id.as_str() && t["last_used_at"].is_string())
    });

    bora(&["token", "revoke", &id, "--database", &database]);
    assert_eq!(
        get_as(port, "/v2/workflows", &token),
        401,
        "revoked at once"
    );
    let listed = bora(&["token", "list", "--database", &database]);
    assert!(listed.contains(&id), "{listed}");
    drop(server);
}

#[test]
fn a_revoked_token_is_refused_by_every_node_at_once() {
    let Some(pg) = pg::TempPostgres::create_blocking("bora_access") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let flags = ["--auth", "tokens"];
    let a = Server::start(free_port(), &pg.url, &flags, &dir.path().join("a.log"));
    let b = Server::start(free_port(), &pg.url, &flags, &dir.path().join("b.log"));
    let (id, token) = new_token(&pg.url, "alpha", false);
    assert_eq!(get_as(a.port, "/v2/workflows", &token), 200);
    assert_eq!(get_as(b.port, "/v2/workflows", &token), 200);
    bora(&["token", "revoke", &id, "--database", &pg.url]);
    assert_eq!(get_as(a.port, "/v2/workflows", &token), 401);
    assert_eq!(get_as(b.port, "/v2/workflows", &token), 401);
    drop((a, b));
    drop(pg);
}

fn executions(port: u16) -> usize {
    let (_, listed) = request(port, "GET", "/v2/executions", None);
    listed["executions"].as_array().map_or(0, Vec::len)
}

#[test]
fn another_sites_page_cannot_drive_the_api() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    let server = Server::start(
        free_port(),
        &database,
        &["--cors-origin", "https://ops.example"],
        &dir.path().join("serve.log"),
    );
    let port = server.port;
    create_workflows(port, WORKFLOW);

    // A "simple" cross-site POST, as any page can send without asking.
    let evil = [("Origin", "https://evil.example")];
    let (status, body) = start_execution(port, &evil, "text/plain");
    assert_eq!(status, 403, "{body}");
    assert!(
        body["faultstring"]
            .as_str()
            .unwrap()
            .contains("https://evil.example"),
        "{body}"
    );
    let (status, _, _) = request_with(
        port,
        "POST",
        "/v2/workflows",
        &evil,
        Some(("text/plain", WORKFLOW.replace("hello", "evil").as_bytes())),
    );
    assert_eq!(status, 403);
    let fetch = [("Sec-Fetch-Site", "cross-site")];
    assert_eq!(start_execution(port, &fetch, "application/json").0, 403);
    // Not JSON, whoever sends it.
    let (status, body) = start_execution(port, &[], "text/plain");
    assert_eq!(status, 415, "{body}");
    assert!(
        body["faultstring"]
            .as_str()
            .unwrap()
            .contains("application/json")
    );
    assert_eq!(executions(port), 0, "nothing was started");

    // The dashboard (same origin) and a listed site may.
    let own = format!("http://127.0.0.1:{port}");
    assert_eq!(
        start_execution(port, &[("Origin", &own)], "application/json").0,
        201
    );
    let listed = [("Origin", "https://ops.example")];
    let (status, head, _) = request_with(
        port,
        "POST",
        "/v2/executions",
        &listed,
        Some((
            "application/json",
            json!({"workflow_name": "hello"}).to_string().as_bytes(),
        )),
    );
    assert_eq!(status, 201);
    assert!(
        head.contains("access-control-allow-origin: https://ops.example"),
        "{head}"
    );
    // A foreign page reads no answers either: no CORS header for it.
    let (_, head, _) = request_with(port, "GET", "/v2/executions", &evil, None);
    assert!(!head.contains("access-control-allow-origin"), "{head}");
    assert_eq!(executions(port), 2);
    drop(server);
}

#[test]
fn a_workflow_cannot_point_an_action_at_bora_itself() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    let server = Server::start(free_port(), &database, &[], &dir.path().join("serve.log"));
    let port = server.port;
    let yaml = format!(
        "---
version: '2.0'
hostile:
  tasks:
    own_api:
      action: std.http
      input:
        url: http://127.0.0.1:{port}/v2/executions
      limits:
        allowed-hosts: ['127.0.0.1', 'localhost']
    metadata:
      action: std.http
      input:
        url: http://169.254.169.254/latest/meta-data/
      limits:
        allowed-hosts: ['169.254.169.254']
"
    );
    create_workflows(port, &yaml);
    let body = json!({"workflow_name": "hostile"}).to_string();
    let (status, started) = request(
        port,
        "POST",
        "/v2/executions",
        Some(("application/json", body.as_bytes())),
    );
    assert_eq!(status, 201, "{started}");
    let id = started["id"].as_str().unwrap().to_owned();
    eventually("the execution ends", || {
        process_support::state(port, &id) == "ERROR"
    });
    let (_, tasks) = request(port, "GET", &format!("/v2/executions/{id}/tasks"), None);
    let tasks = tasks["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 2, "{tasks:?}");
    for task in tasks {
        assert_eq!(task["state"], "ERROR", "{task}");
        let info = task["state_info"].as_str().unwrap_or_default();
        assert!(info.contains("operator"), "{info}");
    }
    assert!(read(&dir.path().join("serve.log")).contains("denied"));
    drop(server);
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

//! What an operator and a retrying client rely on: `bora db status` and
//! `bora db migrate`, a node that refuses a store it was told not to
//! migrate, and a start repeated with the same client-chosen id.

use std::process::Command;

use crate::process_support::{Server, create_workflows, free_port, get, request};
use serde_json::json;

fn bora(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bora-under-test"))
        .args(args)
        .env("BORA_LOG", "warn")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn db_status_and_migrate_and_a_node_that_may_not_migrate() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("ops.sqlite").display());

    let (code, text) = bora(&["db", "status", "--database", &database]);
    assert_eq!(code, 1, "a fresh store is behind: {text}");
    assert!(text.contains("pending  0001 initial"), "{text}");
    assert!(text.contains("run `bora db migrate`"), "{text}");

    // Told not to migrate, a node refuses the store and says what to do.
    let (code, text) = bora(&[
        "serve",
        "--no-migrate",
        "--listen",
        &format!("127.0.0.1:{}", free_port()),
        "--database",
        &database,
    ]);
    assert_ne!(code, 0, "{text}");
    assert!(text.contains("run `bora db migrate`"), "{text}");
    assert_eq!(
        text.matches("schema is behind").count(),
        1,
        "said once: {text}"
    );

    let (code, text) = bora(&["db", "migrate", "--database", &database]);
    assert_eq!(code, 0, "{text}");
    let (code, text) = bora(&["db", "status", "--database", &database]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("schema is current"), "{text}");
    assert!(!text.contains("pending"), "{text}");

    // Now the same node starts.
    let server = Server::start(
        free_port(),
        &database,
        &["--no-migrate"],
        &dir.path().join("serve.log"),
    );
    get(server.port, "/v2/workflows");
}

#[test]
fn a_start_repeated_with_its_id_returns_the_same_execution() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("ids.sqlite").display());
    let server = Server::start(free_port(), &database, &[], &dir.path().join("serve.log"));
    create_workflows(
        server.port,
        "version: '2.0'\nonce:\n  tasks:\n    a:\n      action: std.noop\n",
    );
    let id = "6f1c1f9e-2a8b-4d3c-9d2e-5b7a9c1e0f42";
    let body = json!({"id": id, "workflow_name": "once"}).to_string();
    let post = || {
        request(
            server.port,
            "POST",
            "/v2/executions",
            Some(("application/json", body.as_bytes())),
        )
    };
    let (first, created) = post();
    assert_eq!(first, 201, "{created}");
    assert_eq!(created["id"], id);
    let (again, existing) = post();
    assert_eq!(again, 200, "a retried start is not a new one: {existing}");
    assert_eq!(existing["id"], id);
    let listed = get(server.port, "/v2/executions");
    let count = listed["executions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["workflow_name"] == "once")
        .count();
    assert_eq!(count, 1, "{listed}");
}

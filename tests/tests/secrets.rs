//! Secret environment values on a real `bora serve`: sealed at rest, opened
//! only inside the action that uses them, and shown as `***` everywhere
//! else. The test greps every output for the value: the API's answers, the
//! CLI's, the server's log, the action's printed and logged output, and the
//! database's own files; and rotates the key with `bora secrets rotate`.

use std::time::{Duration, Instant};

use crate::process_support::{
    Server, bora_cli, create_workflows, database_bytes, free_port, get, hook_server, request,
};
use serde_json::{Value, json};

const SECRET: &str = "S3cr3t-Value-7f4e2a";

fn workflow(hook: u16) -> String {
    format!(
        "---
version: '2.0'
uses_secret:
  tasks:
    call:
      action: std.http
      input:
        url: http://127.0.0.1:{hook}/hook
        headers:
          Authorization: Bearer <% env().token %>
      limits:
        allowed-hosts: ['127.0.0.1']
      publish:
        seen: <% task().result.content %>
      on-success: [echo]
    echo:
      action: std.echo
      input:
        output: <% env().token %>
      publish:
        echoed: <% task().result %>
        region: <% env().region %>
      on-success: [say]
    say:
      action: my.prints
      input:
        say: <% 'token ' + env().token %>
      publish:
        said: <% task().result.said %>
"
    )
}

fn post(port: u16, path: &str, body: &Value) -> (u16, Value) {
    let text = body.to_string();
    request(
        port,
        "POST",
        path,
        Some(("application/json", text.as_bytes())),
    )
}

/// Runs `uses_secret` with the environment `prod` to its end.
fn run(port: u16) -> (String, Value) {
    let (status, started) = post(
        port,
        "/v2/executions",
        &json!({"workflow_name": "uses_secret", "params": {"env": "prod"}}),
    );
    assert_eq!(status, 201, "{started}");
    let id = started["id"].as_str().unwrap().to_owned();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let execution = get(port, &format!("/v2/executions/{id}"));
        match execution["state"].as_str() {
            Some("SUCCESS") => return (id, execution),
            Some("ERROR") => panic!("the execution failed: {execution}"),
            _ => {}
        }
        assert!(Instant::now() < deadline, "not done within a minute");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Every answer about the execution and the environment, as text.
fn answers(port: u16, execution: &str) -> String {
    let mut paths = vec![
        "/v2/environments".to_owned(),
        "/v2/environments/prod".to_owned(),
        "/v2/executions".to_owned(),
        format!("/v2/executions/{execution}"),
        format!("/v2/executions/{execution}/tasks"),
        format!("/v2/executions/{execution}/report"),
        "/v2/tasks".to_owned(),
        "/v2/action_executions".to_owned(),
    ];
    let tasks = get(port, &format!("/v2/executions/{execution}/tasks"));
    for task in tasks["tasks"].as_array().unwrap() {
        let task = task["id"].as_str().unwrap();
        paths.push(format!("/v2/tasks/{task}"));
        paths.push(format!("/v2/tasks/{task}/action_executions"));
    }
    let actions = get(port, "/v2/action_executions");
    for action in actions["action_executions"].as_array().unwrap() {
        let action = action["id"].as_str().unwrap();
        paths.push(format!("/v2/action_executions/{action}"));
        paths.push(format!("/v2/action_executions/{action}/logs"));
    }
    let mut all = String::new();
    for path in paths {
        let (status, body) = request(port, "GET", &path, None);
        assert_eq!(status, 200, "GET {path}: {body}");
        all.push_str(&format!("{path}: {body}\n"));
    }
    all
}

/// An environment's variables (a JSON document in a string, as Mistral).
fn variables(env: &Value) -> Value {
    match &env["variables"] {
        Value::String(text) => serde_json::from_str(text).unwrap(),
        other => other.clone(),
    }
}

fn assert_no_secret(what: &str, text: &str) {
    assert!(!text.contains(SECRET), "{what} shows the secret:\n{text}");
}

fn upload_prints(port: u16) {
    let (status, body) = request(
        port,
        "POST",
        "/v2/actions?name=my.prints",
        Some(("application/wasm", bora_tests::programs::PRINTS)),
    );
    assert_eq!(status, 201, "{body}");
}

#[test]
fn a_secret_reaches_its_action_and_nothing_else_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    let log = dir.path().join("serve.log");
    let old_key = bora_cli(&["secrets", "new-key"]).trim().to_owned();
    let (hook, seen) = hook_server();
    let flags = [
        "--secret-key",
        &old_key,
        "--allow-private-egress",
        "127.0.0.1",
    ];
    let server = Server::start(free_port(), &database, &flags, &log);
    let port = server.port;
    let url = format!("http://127.0.0.1:{port}");

    // A secret needs a variable name of its own.
    let (status, clash) = post(
        port,
        "/v2/environments",
        &json!({"name": "x", "variables": {"token": 1}, "secrets": {"token": "v"}}),
    );
    assert_eq!(status, 400, "{clash}");
    let (status, env) = post(
        port,
        "/v2/environments",
        &json!({
            "name": "prod",
            "variables": {"region": "eu"},
            "secrets": {"token": SECRET}
        }),
    );
    assert_eq!(status, 201, "{env}");
    assert_eq!(variables(&env)["token"], "***", "{env}");
    create_workflows(port, &workflow(hook));
    upload_prints(port);

    let (execution, done) = run(port);
    // The action got the real value; what came back is masked.
    assert_eq!(*seen.lock().unwrap(), vec![format!("Bearer {SECRET}")]);
    let published = get(port, &format!("/v2/executions/{execution}"));
    let output: Value = match &published["output"] {
        Value::String(text) => serde_json::from_str(text).unwrap(),
        other => other.clone(),
    };
    assert_eq!(output["seen"], "got Bearer ***", "{done}");
    assert_eq!(output["echoed"], "***");
    assert_eq!(output["said"], "token ***");
    assert_eq!(output["region"], "eu");

    let api = answers(port, &execution);
    assert_no_secret("the API", &api);
    assert!(
        api.contains("said: token ***"),
        "the action's output: {api}"
    );
    for args in [
        vec!["env", "get", "prod"],
        vec!["env", "get", "prod", "-o", "json"],
        vec!["execution", "get", &execution, "-o", "json"],
        vec!["task", "list", &execution, "-o", "json"],
    ] {
        let mut full = args.clone();
        full.extend(["--url", &url]);
        assert_no_secret(&format!("bora {args:?}"), &bora_cli(&full));
    }

    // A client that sends the environment back as it read it keeps the
    // secret (`***` is not stored over it).
    let shown = get(port, "/v2/environments/prod");
    let (status, put) = request(
        port,
        "PUT",
        "/v2/environments",
        Some((
            "application/json",
            json!({"name": "prod", "variables": variables(&shown)})
                .to_string()
                .as_bytes(),
        )),
    );
    assert_eq!(status, 200, "{put}");
    server.terminate(Duration::from_secs(30));

    // Rotation: the new key first, the old one to open what it sealed.
    let new_key = bora_cli(&["secrets", "new-key"]).trim().to_owned();
    let both = format!("{new_key},{old_key}");
    let rotated = bora_cli(&[
        "secrets",
        "rotate",
        "--database",
        &database,
        "--secret-key",
        &both,
    ]);
    assert!(rotated.contains("1 environment"), "{rotated}");
    let flags = [
        "--secret-key",
        &new_key,
        "--allow-private-egress",
        "127.0.0.1",
    ];
    let server = Server::start(free_port(), &database, &flags, &log);
    let port = server.port;
    run(port);
    assert_eq!(seen.lock().unwrap().len(), 2);
    assert_eq!(seen.lock().unwrap()[1], format!("Bearer {SECRET}"));
    server.terminate(Duration::from_secs(30));

    let log = std::fs::read_to_string(&log).unwrap();
    assert_no_secret("the server's log", &log);
    let stored = database_bytes(dir.path());
    assert!(!stored.is_empty());
    assert!(
        !stored.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()),
        "the database holds the secret in clear"
    );
}

#[test]
fn without_a_key_a_secret_is_refused_with_the_way_to_configure_one() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    let server = Server::start(free_port(), &database, &[], &dir.path().join("serve.log"));
    let (status, answer) = post(
        server.port,
        "/v2/environments",
        &json!({"name": "prod", "secrets": {"token": SECRET}}),
    );
    assert_eq!(status, 400, "{answer}");
    assert!(answer.to_string().contains("--secret-key"), "{answer}");
    assert_no_secret("the refusal", &answer.to_string());
    let (status, answer) = post(
        server.port,
        "/v2/environments",
        &json!({"name": "prod", "secrets": {"token": 5}}),
    );
    assert_eq!(status, 400, "{answer}");
}

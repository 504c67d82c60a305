//! Per-project ceilings and project secrets on a real `bora serve --auth
//! tokens` (SQLite, and PostgreSQL when `BORA_TEST_POSTGRES_URL` is set):
//! `bora project limits` caps alpha's calls (fuel and memory asked above
//! fail naming the project's ceiling, allowed hosts are cut) and leaves
//! beta's alone; `bora secret set` gives alpha a secret that its workflows
//! reach with `secret('NAME')` (YAQL and Jinja), that beta cannot, and that
//! nothing shows: the API's answers, the CLI, the server's log and the
//! SQLite file are searched for the value.

use crate::pg;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::process_support::{
    As, Server, bora_cli, database_bytes, free_port, hook_server, new_token,
};
use serde_json::{Value, json};

const SECRET: &str = "Pr0ject-S3cret-91c3d7";

const LIMITED: &str = "---
version: '2.0'
limited:
  tasks:
    fuel:
      action: std.echo output='f'
      limits:
        fuel: 500000000
    memory:
      action: std.echo output='m'
      limits:
        memory: 67108864
    within:
      action: std.echo output='ok'
      limits:
        fuel: 100000000
        memory: 16777216
";

/// Two tasks reaching two local servers, each allowed all of 127.0.0.1.
fn reach(near: u16, far: u16) -> String {
    format!(
        "---
version: '2.0'
reach:
  tasks:
    near:
      action: std.http
      input:
        url: http://127.0.0.1:{near}/near
      limits:
        allowed-hosts: ['127.0.0.1']
    far:
      action: std.http
      input:
        url: http://127.0.0.1:{far}/far
      limits:
        allowed-hosts: ['*', '127.0.0.1']
"
    )
}

/// The secret in a header (YAQL) and in a printed text (Jinja).
fn uses_secret(hook: u16) -> String {
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
          Authorization: Bearer <% secret('api-token') %>
      limits:
        allowed-hosts: ['127.0.0.1']
      publish:
        seen: <% task().result.content %>
        reference: <% secret('api-token') %>
      on-success: [say]
    say:
      action: my.prints
      input:
        say: \"{{{{ 'token ' + secret('api-token') }}}}\"
      publish:
        said: <% task().result.said %>
"
    )
}

/// Runs `workflow` as the caller to its end; the execution's id and
/// each task's state and its action's result, by task name.
fn run(caller: &As, workflow: &str) -> (String, BTreeMap<String, (String, String)>) {
    let (status, started) = caller.json(
        "POST",
        "/v2/executions",
        &json!({"workflow_name": workflow}),
    );
    assert_eq!(status, 201, "{started}");
    let id = started["id"].as_str().unwrap().to_owned();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (_, execution) = caller.get(&format!("/v2/executions/{id}"));
        if matches!(execution["state"].as_str(), Some("SUCCESS" | "ERROR")) {
            break;
        }
        assert!(Instant::now() < deadline, "not done within a minute");
        std::thread::sleep(Duration::from_millis(100));
    }
    let (_, tasks) = caller.get(&format!("/v2/executions/{id}/tasks"));
    let mut out = BTreeMap::new();
    for task in tasks["tasks"].as_array().unwrap() {
        let task_id = task["id"].as_str().unwrap();
        let (_, actions) = caller.get(&format!("/v2/tasks/{task_id}/action_executions"));
        let mut results = Vec::new();
        for action in actions["action_executions"].as_array().unwrap() {
            let (_, one) = caller.get(&format!(
                "/v2/action_executions/{}",
                action["id"].as_str().unwrap()
            ));
            let output: Value = one["output"]
                .as_str()
                .and_then(|s| serde_json::from_str(s).ok())
                .unwrap_or(Value::Null);
            results.push(output["result"].to_string());
        }
        out.insert(
            task["name"].as_str().unwrap().to_owned(),
            (
                task["state"].as_str().unwrap().to_owned(),
                results.join(" | "),
            ),
        );
    }
    (id, out)
}

fn state<'a>(tasks: &'a BTreeMap<String, (String, String)>, name: &str) -> &'a str {
    &tasks[name].0
}

fn result<'a>(tasks: &'a BTreeMap<String, (String, String)>, name: &str) -> &'a str {
    &tasks[name].1
}

/// `bora secret set`, the value on stdin.
fn set_secret(database: &str, key: &str, project: &str, name: &str, value: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bora-under-test"))
        .args(["secret", "set", "--project", project, name])
        .args(["--database", database, "--secret-key", key])
        .env_remove("BORA_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{value}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "bora secret set: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(!said.contains(value), "{said}");
}

/// Every answer about alpha's execution, as text.
fn answers(caller: &As, execution: &str) -> String {
    let mut paths = vec![
        "/v2/executions".to_owned(),
        format!("/v2/executions/{execution}"),
        format!("/v2/executions/{execution}/tasks"),
        format!("/v2/executions/{execution}/report"),
        "/v2/tasks".to_owned(),
        "/v2/action_executions".to_owned(),
    ];
    let (_, tasks) = caller.get(&format!("/v2/executions/{execution}/tasks"));
    for task in tasks["tasks"].as_array().unwrap() {
        let task = task["id"].as_str().unwrap();
        paths.push(format!("/v2/tasks/{task}"));
        paths.push(format!("/v2/tasks/{task}/action_executions"));
    }
    let (_, actions) = caller.get("/v2/action_executions");
    for action in actions["action_executions"].as_array().unwrap() {
        let action = action["id"].as_str().unwrap();
        paths.push(format!("/v2/action_executions/{action}"));
        paths.push(format!("/v2/action_executions/{action}/logs"));
    }
    let mut all = String::new();
    for path in paths {
        let (status, body) = caller.get(&path);
        assert_eq!(status, 200, "GET {path}: {body}");
        all.push_str(&format!("{path}: {body}\n"));
    }
    all
}

fn assert_no_secret(what: &str, text: &str) {
    assert!(!text.contains(SECRET), "{what} shows the secret:\n{text}");
}

/// The whole scenario on one database; the server's log is `log`.
fn scenario(database: &str, log: &Path) {
    let key = bora_cli(&["secrets", "new-key"]).trim().to_owned();
    let (hook, seen) = hook_server();
    let (far, far_seen) = hook_server();
    let near_only = format!("127.0.0.1:{hook}");
    let set = bora_cli(&[
        "project",
        "limits",
        "alpha",
        "--max-fuel",
        "200000000",
        "--max-memory",
        "33554432",
        "--allowed-hosts",
        &near_only,
        "--database",
        database,
        "-o",
        "json",
    ]);
    let shown: Value = serde_json::from_str(&set).unwrap();
    assert_eq!(shown["max_fuel"], 200_000_000, "{shown}");
    assert_eq!(shown["allowed_hosts"], json!([near_only]), "{shown}");
    set_secret(database, &key, "alpha", "api-token", SECRET);

    let flags = [
        "--auth",
        "tokens",
        "--secret-key",
        &key,
        "--allow-private-egress",
        "127.0.0.1",
    ];
    let server = Server::start(free_port(), database, &flags, log);
    let port = server.port;
    let alpha_token = new_token(database, "alpha", false).1;
    let beta_token = new_token(database, "beta", false).1;
    let admin_token = new_token(database, "ops", true).1;
    let (alpha, beta, admin) = (
        As(port, &alpha_token),
        As(port, &beta_token),
        As(port, &admin_token),
    );
    admin.made(admin.call(
        "POST",
        "/v2/actions?name=my.prints&scope=public",
        Some(("application/wasm", bora_tests::programs::PRINTS)),
    ));
    for caller in [&alpha, &beta] {
        caller.made(caller.yaml("POST", "/v2/workflows", LIMITED));
        caller.made(caller.yaml("POST", "/v2/workflows", &reach(hook, far)));
        caller.made(caller.yaml("POST", "/v2/workflows", &uses_secret(hook)));
    }

    // Fuel and memory asked above alpha's ceilings fail, naming them.
    let (_, tasks) = run(&alpha, "limited");
    assert_eq!(state(&tasks, "fuel"), "ERROR", "{tasks:?}");
    assert!(
        result(&tasks, "fuel").contains(
            "fuel 500000000 is above project alpha's ceiling of 200000000 (an operator raises \
             it with `bora project limits alpha --max-fuel N`)"
        ),
        "{tasks:?}"
    );
    assert_eq!(state(&tasks, "memory"), "ERROR", "{tasks:?}");
    assert!(
        result(&tasks, "memory").contains("project alpha's ceiling of 33554432 bytes"),
        "{tasks:?}"
    );
    assert_eq!(state(&tasks, "within"), "SUCCESS", "{tasks:?}");
    let (_, tasks) = run(&beta, "limited");
    for task in ["fuel", "memory", "within"] {
        assert_eq!(state(&tasks, task), "SUCCESS", "beta: {tasks:?}");
    }

    // Alpha's hosts are cut to the near server's port; beta's are not.
    let (_, tasks) = run(&alpha, "reach");
    assert_eq!(state(&tasks, "near"), "SUCCESS", "{tasks:?}");
    assert_eq!(state(&tasks, "far"), "ERROR", "{tasks:?}");
    assert!(result(&tasks, "far").contains("project alpha"), "{tasks:?}");
    assert!(far_seen.lock().unwrap().is_empty(), "alpha reached far");
    let (_, tasks) = run(&beta, "reach");
    assert_eq!(state(&tasks, "near"), "SUCCESS", "{tasks:?}");
    assert_eq!(state(&tasks, "far"), "SUCCESS", "{tasks:?}");
    assert_eq!(far_seen.lock().unwrap().len(), 1);

    // Alpha's secret reaches its action, and only as `***` anything else.
    let before = seen.lock().unwrap().len();
    let (execution, tasks) = run(&alpha, "uses_secret");
    assert_eq!(state(&tasks, "call"), "SUCCESS", "{tasks:?}");
    assert_eq!(state(&tasks, "say"), "SUCCESS", "{tasks:?}");
    assert_eq!(seen.lock().unwrap()[before], format!("Bearer {SECRET}"));
    let (_, done) = alpha.get(&format!("/v2/executions/{execution}"));
    let output: Value = serde_json::from_str(done["output"].as_str().unwrap()).unwrap();
    assert_eq!(output["seen"], "got Bearer ***", "{output}");
    assert_eq!(output["said"], "token ***", "{output}");
    assert_eq!(output["reference"], "***", "{output}");
    let api = answers(&alpha, &execution);
    assert_no_secret("the API", &api);
    assert!(
        api.contains("said: token ***"),
        "the action's output: {api}"
    );

    // Beta has no such secret: its call fails, naming it.
    let (_, tasks) = run(&beta, "uses_secret");
    assert_eq!(state(&tasks, "call"), "ERROR", "{tasks:?}");
    assert!(
        result(&tasks, "call").contains("project beta has no secret api-token"),
        "{tasks:?}"
    );
    assert_eq!(
        seen.lock().unwrap().len(),
        before + 1,
        "beta reached the hook"
    );

    // The CLI shows names, never values.
    for (args, expected) in [
        (
            vec!["secret", "list", "--project", "alpha", "-o", "json"],
            "api-token",
        ),
        (vec!["project", "show", "alpha", "-o", "json"], "api-token"),
        (vec!["project", "list"], "alpha"),
    ] {
        let mut full = args.clone();
        full.extend(["--database", database]);
        let said = bora_cli(&full);
        assert_no_secret(&format!("bora {args:?}"), &said);
        assert!(said.contains(expected), "bora {args:?}: {said}");
    }
    let rotated = bora_cli(&[
        "secrets",
        "rotate",
        "--database",
        database,
        "--secret-key",
        &key,
    ]);
    assert!(rotated.contains("1 project secret"), "{rotated}");
    bora_cli(&[
        "secret",
        "delete",
        "--project",
        "alpha",
        "api-token",
        "--database",
        database,
    ]);
    let cleared = bora_cli(&[
        "project",
        "limits",
        "alpha",
        "--clear",
        "--database",
        database,
        "-o",
        "json",
    ]);
    let cleared: Value = serde_json::from_str(&cleared).unwrap();
    assert_eq!(cleared["max_fuel"], Value::Null, "{cleared}");
    assert_eq!(cleared["secrets"], json!([]), "{cleared}");
    server.terminate(Duration::from_secs(30));
    let log = std::fs::read_to_string(log).unwrap();
    assert_no_secret("the server's log", &log);
}

#[test]
fn project_ceilings_and_secrets_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    scenario(&database, &dir.path().join("serve.log"));
    let stored = database_bytes(dir.path());
    assert!(!stored.is_empty());
    assert!(
        !stored.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()),
        "the database holds the secret in clear"
    );
}

#[test]
fn project_ceilings_and_secrets_on_postgres() {
    let Some(pg) = pg::TempPostgres::create_blocking("bora_plimits") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    scenario(&pg.url, &dir.path().join("serve.log"));
    drop(pg);
}

#[test]
fn bad_project_settings_are_refused_with_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    for (args, wrong) in [
        (
            vec!["project", "limits", "alpha", "--max-fuel", "0"],
            "--max-fuel must be at least 1",
        ),
        (
            vec![
                "project",
                "limits",
                "alpha",
                "--allowed-hosts",
                "https://x.example",
            ],
            "no scheme",
        ),
        (
            vec!["project", "limits", " ", "--max-fuel", "5"],
            "must not be empty",
        ),
        (
            vec![
                "secret",
                "set",
                "--project",
                "alpha",
                "no way",
                "--value",
                "v",
            ],
            "not a secret name",
        ),
        (
            vec!["secret", "set", "--project", "alpha", "tok", "--value", "v"],
            "--secret-key",
        ),
        (
            vec!["secret", "delete", "--project", "alpha", "tok"],
            "no secret tok",
        ),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_bora-under-test"))
            .args(&args)
            .args(["--database", &database])
            .env_remove("BORA_CONFIG")
            .env_remove("BORA_SECRET_KEY")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "bora {args:?} succeeded");
        assert!(err.contains(wrong), "bora {args:?}: {err}");
    }
}

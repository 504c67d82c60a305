//! The client commands end to end: the `bora` command line (built from the
//! same code as `tests/src/bin/bora-under-test.rs`) against a server started
//! in-process, on SQLite and, with `BORA_TEST_POSTGRES_URL`, on PostgreSQL.
//! Also `bora run`'s choice of workflow and `--timeout`, the event stream
//! and the graph endpoint the live views read, and the dashboard's page.

use crate::api_support;

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use crate::api_support::{Server, servers};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::process::Command;

const WORKFLOWS: &str = r#"
version: '2.0'

cli_ok:
  input:
    - name: World
  tasks:
    greet:
      action: std.echo output="Hello, <% $.name %>"
      publish:
        greeting: <% task().result %>
      on-success: shout
    shout:
      action: std.echo output=<% $.greeting + '!' %>
      publish:
        loud: <% task().result %>
  output:
    greeting: <% $.loud %>

cli_bad:
  tasks:
    first:
      action: std.echo output=1
      on-success: boom
    boom:
      action: std.fail error_data="it broke"

cli_slow:
  tasks:
    nap:
      action: std.sleep seconds=1
      on-success: done
    done:
      action: std.noop

cli_env:
  tasks:
    check:
      action: std.echo output=<% env().broken %>
      fail-on: <% task().result %>
"#;

/// Runs the command line with `args` (plus `--url` when a server is given).
async fn bora(server: Option<&Server>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bora-under-test"));
    cmd.args(args)
        .env("BORA_LOG", "warn")
        .env_remove("BORA_URL")
        .stdin(std::process::Stdio::null());
    if let Some(server) = server {
        cmd.arg("--url").arg(format!("http://{}", server.addr));
    }
    let run = tokio::time::timeout(Duration::from_secs(120), cmd.output());
    run.await
        .expect("the command finishes")
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn ok(out: &Output) -> &Output {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        stdout(out),
        stderr(out)
    );
    out
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            stdout(out),
            stderr(out)
        )
    })
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write a test file");
    path.to_string_lossy().into_owned()
}

/// Uploads the test workflows through the CLI.
async fn upload(server: &Server, dir: &Path) {
    let file = write(dir, "wf.yaml", WORKFLOWS);
    let out = bora(Some(server), &["workflow", "create", &file]).await;
    let text = stdout(ok(&out));
    for name in ["cli_ok", "cli_bad", "cli_slow", "cli_env"] {
        assert!(text.contains(name), "{}: {text}", server.name);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_wait_prints_the_output_and_exits_by_the_final_state() {
    for server in servers().await {
        let dir = tempfile::tempdir().unwrap();
        upload(&server, dir.path()).await;

        let out = bora(
            Some(&server),
            &[
                "execution",
                "start",
                "cli_ok",
                "--input",
                r#"{"name": "Ann"}"#,
                "--wait",
            ],
        )
        .await;
        ok(&out);
        assert_eq!(
            json_of(&out),
            json!({"greeting": "Hello, Ann!"}),
            "{}",
            server.name
        );
        let progress = stderr(&out);
        assert!(progress.contains("SUCCESS   greet"), "{progress}");
        assert!(progress.contains("SUCCESS   shout"), "{progress}");
        assert!(progress.contains("cli_ok: SUCCESS"), "{progress}");

        let input = write(dir.path(), "input.json", r#"{"name": "Bob"}"#);
        let out = bora(
            Some(&server),
            &[
                "execution",
                "start",
                "cli_ok",
                "--input",
                &format!("@{input}"),
                "--wait",
                "-o",
                "json",
            ],
        )
        .await;
        let record = json_of(ok(&out));
        assert_eq!(record["state"], "SUCCESS", "{}", server.name);
        assert_eq!(
            api_support::inner(&record["output"]),
            json!({"greeting": "Hello, Bob!"})
        );

        let out = bora(Some(&server), &["execution", "start", "cli_bad", "--wait"]).await;
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}: {}",
            server.name,
            stderr(&out)
        );
        assert_eq!(stdout(&out), "", "a failure has no output to print");
        let progress = stderr(&out);
        assert!(progress.contains("SUCCESS   first"), "{progress}");
        assert!(progress.contains("ERROR     boom: "), "{progress}");
        assert!(progress.contains("it broke"), "{progress}");
        assert!(progress.contains("cli_bad: ERROR"), "{progress}");
        assert!(progress.contains("error: "), "{progress}");

        let out = bora(
            Some(&server),
            &["execution", "start", "cli_bad", "--wait", "-o", "json"],
        )
        .await;
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(json_of(&out)["state"], "ERROR");
        server.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watch_prints_the_task_states_until_the_end() {
    for server in servers().await {
        let dir = tempfile::tempdir().unwrap();
        upload(&server, dir.path()).await;
        let out = bora(
            Some(&server),
            &["execution", "start", "cli_slow", "-o", "json"],
        )
        .await;
        let started = json_of(ok(&out));
        let id = started["id"].as_str().unwrap().to_owned();
        assert_eq!(started["state"], "RUNNING");

        let out = bora(Some(&server), &["execution", "watch", &id]).await;
        let progress = stderr(ok(&out));
        assert!(
            progress.contains("SUCCESS   nap"),
            "{}: {progress}",
            server.name
        );
        assert!(progress.contains("SUCCESS   done"), "{progress}");
        assert!(progress.contains("execution SUCCESS"), "{progress}");
        let nap = progress.find("SUCCESS   nap").unwrap();
        let done = progress.find("SUCCESS   done").unwrap();
        assert!(nap < done, "tasks are printed as they finish: {progress}");

        // A finished failure: watch exits 1 at once.
        let out = bora(
            Some(&server),
            &["execution", "start", "cli_bad", "-o", "json"],
        )
        .await;
        let bad = json_of(ok(&out))["id"].as_str().unwrap().to_owned();
        server.wait_done(&bad).await;
        let out = bora(Some(&server), &["execution", "watch", &bad]).await;
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains("ERROR     boom"), "{}", stderr(&out));
        server.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_output_has_the_api_shapes_and_tables_are_readable() {
    for server in servers().await {
        let dir = tempfile::tempdir().unwrap();
        upload(&server, dir.path()).await;
        let out = bora(
            Some(&server),
            &["execution", "start", "cli_ok", "--wait", "-o", "json"],
        )
        .await;
        let id = json_of(ok(&out))["id"].as_str().unwrap().to_owned();

        let list = json_of(ok(&bora(
            Some(&server),
            &["workflow", "list", "-o", "json"],
        )
        .await));
        let names: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|w| w["name"].as_str())
            .collect();
        assert!(
            names.contains(&"cli_ok") && names.contains(&"cli_env"),
            "{names:?}"
        );

        let execs = json_of(ok(&bora(
            Some(&server),
            &["execution", "list", "-o", "json"],
        )
        .await));
        assert!(
            execs
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["id"] == id.as_str())
        );
        let filtered = json_of(ok(&bora(
            Some(&server),
            &["execution", "list", "--state", "error", "-o", "json"],
        )
        .await));
        assert!(filtered.as_array().unwrap().is_empty(), "{filtered}");

        let exec = json_of(ok(&bora(
            Some(&server),
            &["execution", "get", &id, "-o", "json"],
        )
        .await));
        assert_eq!(exec["workflow_name"], "cli_ok");
        let output = json_of(ok(&bora(Some(&server), &["execution", "output", &id]).await));
        assert_eq!(output, json!({"greeting": "Hello, World!"}));

        let tasks = json_of(ok(&bora(
            Some(&server),
            &["task", "list", &id, "-o", "json"],
        )
        .await));
        let tasks = tasks.as_array().unwrap();
        assert_eq!(tasks.len(), 2);
        assert_eq!(tasks[0]["name"], "greet");
        let task_id = tasks[0]["id"].as_str().unwrap();
        let task = json_of(ok(&bora(
            Some(&server),
            &["task", "get", task_id, "-o", "json"],
        )
        .await));
        assert_eq!(api_support::inner(&task["result"]), json!("Hello, World"));

        let table = stdout(ok(&bora(Some(&server), &["task", "list", &id]).await));
        let header = table.lines().next().unwrap();
        assert!(
            header.starts_with("ID") && header.contains("Name") && header.contains("State"),
            "{table}"
        );
        assert!(
            table
                .lines()
                .any(|l| l.contains("shout") && l.contains("SUCCESS")),
            "{table}"
        );

        let out = bora(Some(&server), &["execution", "delete", &id]).await;
        assert!(stdout(ok(&out)).contains(&id));
        let out = bora(Some(&server), &["execution", "get", &id]).await;
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("not found"), "{}", stderr(&out));
        server.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_task_is_rerun_with_a_fixed_env() {
    for server in servers().await {
        let dir = tempfile::tempdir().unwrap();
        upload(&server, dir.path()).await;
        let env_file = write(
            dir.path(),
            "env.yaml",
            "name: cli_env\ndescription: for the CLI test\nvariables:\n  broken: true\n",
        );
        ok(&bora(Some(&server), &["env", "create", &env_file]).await);
        let envs = json_of(ok(
            &bora(Some(&server), &["env", "list", "-o", "json"]).await
        ));
        assert_eq!(envs[0]["name"], "cli_env");
        let env = stdout(ok(&bora(Some(&server), &["env", "get", "cli_env"]).await));
        assert!(env.contains("\"broken\": true"), "{env}");

        let out = bora(
            Some(&server),
            &[
                "execution",
                "start",
                "cli_env",
                "--params",
                r#"{"env": "cli_env"}"#,
                "--wait",
                "-o",
                "json",
            ],
        )
        .await;
        assert_eq!(out.status.code(), Some(1));
        let id = json_of(&out)["id"].as_str().unwrap().to_owned();
        let tasks = json_of(ok(&bora(
            Some(&server),
            &["task", "list", &id, "-o", "json"],
        )
        .await));
        let check = tasks[0]["id"].as_str().unwrap().to_owned();
        assert_eq!(tasks[0]["state"], "ERROR");

        let out = bora(
            Some(&server),
            &["task", "rerun", &check, "--env", r#"{"broken": false}"#],
        )
        .await;
        let rerun = stdout(ok(&out));
        assert!(
            rerun.contains(&format!("{check} check ")) && rerun.contains(&id),
            "{rerun}"
        );
        let out = bora(Some(&server), &["execution", "watch", &id]).await;
        assert!(
            stderr(ok(&out)).contains("SUCCESS   check"),
            "{}",
            stderr(&out)
        );

        ok(&bora(Some(&server), &["env", "delete", "cli_env"]).await);
        let envs = json_of(ok(
            &bora(Some(&server), &["env", "list", "-o", "json"]).await
        ));
        assert_eq!(envs, json!([]));
        server.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workflows_actions_and_cron_triggers_are_managed() {
    for server in servers().await {
        let dir = tempfile::tempdir().unwrap();
        upload(&server, dir.path()).await;
        let bad = write(
            dir.path(),
            "bad.yaml",
            "version: '2.0'\nbroken:\n  tasks:\n    a:\n      action: std.echo\n      on-success: nowhere\n",
        );
        let good = write(dir.path(), "good.yaml", WORKFLOWS);
        let out = bora(Some(&server), &["workflow", "validate", &good, &bad]).await;
        assert_eq!(out.status.code(), Some(1));
        let text = stdout(&out);
        assert!(text.contains(&format!("{good}: valid")), "{text}");
        assert!(
            text.contains(&format!("{bad}: invalid")) && text.contains("nowhere"),
            "{text}"
        );

        let out = bora(Some(&server), &["workflow", "create", &good]).await;
        assert_eq!(out.status.code(), Some(1), "creating twice fails");
        assert!(
            stderr(&out).contains("good.yaml was not stored"),
            "{}",
            stderr(&out)
        );
        ok(&bora(Some(&server), &["workflow", "update", &good]).await);
        let def = stdout(ok(&bora(
            Some(&server),
            &["workflow", "get", "cli_slow", "--definition"],
        )
        .await));
        assert!(def.contains("std.sleep seconds=1"), "{def}");

        let actions = json_of(ok(
            &bora(Some(&server), &["action", "list", "-o", "json"]).await
        ));
        assert!(
            actions
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["name"] == "std.echo")
        );
        let echo = stdout(ok(
            &bora(Some(&server), &["action", "get", "std.echo"]).await
        ));
        assert!(echo.contains("output"), "{echo}");

        let out = bora(
            Some(&server),
            &[
                "cron",
                "create",
                "cli_nightly",
                "cli_ok",
                "--pattern",
                "0 3 * * *",
                "--input",
                r#"{"name": "Cron"}"#,
            ],
        )
        .await;
        assert!(stdout(ok(&out)).contains("0 3 * * *"));
        let triggers = json_of(ok(
            &bora(Some(&server), &["cron", "list", "-o", "json"]).await
        ));
        assert_eq!(triggers[0]["name"], "cli_nightly");
        let out = bora(Some(&server), &["workflow", "delete", "cli_ok"]).await;
        assert_eq!(
            out.status.code(),
            Some(1),
            "a workflow with a trigger stays"
        );
        ok(&bora(Some(&server), &["cron", "delete", "cli_nightly"]).await);
        ok(&bora(Some(&server), &["workflow", "delete", "cli_ok"]).await);
        let list = json_of(ok(&bora(
            Some(&server),
            &["workflow", "list", "-o", "json"],
        )
        .await));
        assert!(
            !list
                .as_array()
                .unwrap()
                .iter()
                .any(|w| w["name"] == "cli_ok")
        );
        server.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_server_is_one_clear_line() {
    let out = bora(None, &["workflow", "list", "--url", "http://127.0.0.1:9"]).await;
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("cannot reach the Bora server at http://127.0.0.1:9"),
        "{err}"
    );

    let out = bora(None, &["execution", "list", "--url", "ftp://example"]).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("invalid server URL"),
        "{}",
        stderr(&out)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn run_names_the_workflows_of_a_file_instead_of_picking_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "two.yaml", WORKFLOWS);
    let out = bora(None, &["run", &file]).await;
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for name in ["cli_ok", "cli_bad", "cli_slow", "cli_env"] {
        assert!(err.contains(name), "{err}");
    }
    assert!(err.contains("--workflow"), "{err}");
    let out = bora(None, &["run", &file, "--workflow", "cli_ok"]).await;
    assert_eq!(json_of(ok(&out)), json!({"greeting": "Hello, World!"}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn run_shows_an_async_action_as_waiting_and_gives_up_at_the_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "async.yaml",
        "version: '2.0'\nwait_for_it:\n  tasks:\n    approve:\n      action: std.async_noop\n",
    );
    let out = bora(None, &["run", &file, "--timeout", "1"]).await;
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("WAITING   approve: async action std.async_noop"),
        "{err}"
    );
    assert!(err.contains("PUT /v2/action_executions/"), "{err}");
    assert!(err.contains("gave up after --timeout 1s"), "{err}");
    assert!(err.contains("is still RUNNING"), "{err}");
}

/// Reads a server-sent event stream until `want` appears (at most 30 s).
async fn read_until(stream: &mut tokio::net::TcpStream, seen: &mut String, want: &str) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    let mut buf = [0u8; 4096];
    while !seen.contains(want) {
        let n = tokio::time::timeout_at(deadline, stream.read(&mut buf))
            .await
            .unwrap_or_else(|_| panic!("no {want} in: {seen}"))
            .expect("read the stream");
        assert!(n > 0, "the stream ended: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_event_stream_names_the_executions_that_were_stepped() {
    for server in servers().await {
        let dir = tempfile::tempdir().unwrap();
        upload(&server, dir.path()).await;
        let mut stream = tokio::net::TcpStream::connect(server.addr).await.unwrap();
        let head = format!(
            "GET /v2/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
            server.addr
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        let mut seen = String::new();
        read_until(&mut stream, &mut seen, "event: ready").await;
        assert!(seen.contains("text/event-stream"), "{seen}");
        let started = server
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "cli_ok"}),
            )
            .await
            .json();
        let id = started["id"].as_str().unwrap();
        read_until(&mut stream, &mut seen, id).await;
        assert!(seen.contains("event: changed"), "{seen}");
        drop(stream);
        server.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_graph_shows_the_definition_and_where_each_task_stands() {
    for server in servers().await {
        let dir = tempfile::tempdir().unwrap();
        upload(&server, dir.path()).await;
        let started = server
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "cli_bad"}),
            )
            .await
            .json();
        let id = started["id"].as_str().unwrap().to_owned();
        server.wait_done(&id).await;
        let graph = server
            .get(&format!("/v2/executions/{id}/graph"))
            .await
            .json();
        assert_eq!(graph["type"], "direct");
        assert_eq!(graph["state"], "ERROR");
        let names: Vec<&str> = graph["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|t| t["name"].as_str())
            .collect();
        assert_eq!(names, ["first", "boom"]);
        assert_eq!(graph["tasks"][1]["action"], "std.fail");
        assert_eq!(
            graph["transitions"],
            json!([{"from": "first", "to": "boom", "on": "on-success", "condition": null, "command": false}])
        );
        let runs = graph["task_executions"].as_array().unwrap();
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0]["state"], "SUCCESS");
        assert_eq!(runs[0]["next"], json!([{"to": "boom", "on": "on-success"}]));
        assert_eq!(runs[1]["state"], "ERROR");
        // Exact times: RFC 3339 with microseconds, finished after started.
        let started_at = runs[1]["started_at"].as_str().unwrap();
        let finished_at = runs[1]["finished_at"].as_str().unwrap();
        assert_eq!(
            started_at.len(),
            "2026-01-01T00:00:00.000000Z".len(),
            "{started_at}"
        );
        assert!(started_at <= finished_at);

        let missing = server.get("/v2/executions/nope/graph").await;
        assert_eq!(missing.status, 404);
        server.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_is_served_to_browsers_and_the_versions_to_clients() {
    for server in servers().await {
        let page = server
            .request("GET", "/", None, "text/html,application/xhtml+xml")
            .await;
        assert_eq!(page.status, 200);
        assert!(
            page.header("content-type")
                .unwrap()
                .starts_with("text/html")
        );
        assert!(page.body.contains("/ui/app.js"), "{}", page.body);
        let policy = page.header("content-security-policy").unwrap();
        assert!(policy.contains("connect-src 'self'"), "{policy}");
        let versions = server.get("/").await.json();
        assert_eq!(versions["versions"][0]["id"], "v2.0");
        for asset in ["/ui/app.js", "/ui/app.css", "/ui/icon.svg"] {
            let reply = server.get(asset).await;
            assert_eq!(reply.status, 200, "{asset}");
            assert!(!reply.body.is_empty());
        }
        server.stop().await;
    }
}

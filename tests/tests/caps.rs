//! A cap on every input, over HTTP, on SQLite (and PostgreSQL when
//! configured), with the default limits: each hostile request or workflow
//! gets its clear error, the server lives on, an ordinary execution still
//! finishes, and (for recursion and cancel) a restart on the same database
//! leaves nothing running.

use crate::api_support;

use std::time::{Duration, Instant};

use crate::api_support::{Reply, Server, servers};
use bora::bora_core::limits::EngineLimits;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const OK_WF: &str = "version: '2.0'
caps_ok:
  tasks:
    hello:
      action: std.echo output=\"fine\"
      publish:
        said: <% task().result %>
";

fn limits() -> EngineLimits {
    EngineLimits::default()
}

fn fault(reply: &Reply) -> String {
    let body = reply.json();
    assert_eq!(body["faultcode"], "Client", "{}", reply.body);
    body["faultstring"].as_str().unwrap().to_owned()
}

/// Every test: one server per backend, with an ordinary workflow uploaded.
async fn each(test: impl AsyncFn(Server) -> Server) {
    for server in servers().await {
        let reply = server.post_yaml("/v2/workflows", OK_WF).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let server = test(server).await;
        server.stop().await;
    }
}

async fn start(s: &Server, workflow: &str, input: Value) -> Value {
    let reply = s
        .send_json(
            "POST",
            "/v2/executions",
            &json!({"workflow_name": workflow, "input": input.to_string()}),
        )
        .await;
    assert_eq!(reply.status, 201, "{}: {}", s.name, reply.body);
    reply.json()
}

/// The server answers and an ordinary execution still succeeds.
async fn still_serving(s: &Server) {
    let ex = start(s, "caps_ok", json!({})).await;
    let done = s.wait_done(ex["id"].as_str().unwrap()).await;
    assert_eq!(done["state"], "SUCCESS", "{}: {done}", s.name);
}

async fn upload(s: &Server, yaml: &str) {
    let reply = s.post_yaml("/v2/workflows", yaml).await;
    assert_eq!(reply.status, 201, "{}: {}", s.name, reply.body);
}

/// The executions of the store, with their states.
async fn executions(s: &Server) -> Vec<Value> {
    let reply = s.get("/v2/executions?limit=1000").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["executions"].as_array().unwrap().clone()
}

fn count_in(list: &[Value], states: &[&str]) -> usize {
    list.iter()
        .filter(|e| states.contains(&e["state"].as_str().unwrap_or("")))
        .count()
}

/// Waits (up to `secs`) until no execution is RUNNING or IDLE.
async fn wait_quiet(s: &Server, secs: u64) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let list = executions(s).await;
        if count_in(&list, &["RUNNING", "IDLE"]) == 0 || Instant::now() > deadline {
            return list;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A request whose body may be refused before it is all sent: write
/// errors are ignored, the answer is read if there is one.
async fn raw_post(s: &Server, path: &str, ctype: &str, body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(s.addr).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: {ctype}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        s.addr,
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(body).await;
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw).await;
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, body.to_owned())
}

#[tokio::test]
async fn every_refused_request_gets_a_json_fault() {
    each(async |s: Server| {
        // Too large: 413 with a JSON body naming the limit.
        let big = vec![b' '; limits().max_request_bytes + 1];
        let (status, body) = raw_post(&s, "/v2/executions", "application/json", &big).await;
        assert_eq!(status, 413, "{}: {body}", s.name);
        let answer: Value = serde_json::from_str(&body).unwrap();
        assert!(
            answer["faultstring"].as_str().unwrap().contains(&format!(
                "{} bytes (max_request_bytes)",
                limits().max_request_bytes
            )),
            "{answer}"
        );
        // Not JSON, not an object, unknown route, wrong method: JSON too.
        let reply = s
            .request(
                "POST",
                "/v2/executions",
                Some(("application/json", "{nope")),
                "*/*",
            )
            .await;
        assert_eq!(reply.status, 400);
        assert_eq!(fault(&reply), "Request is not in valid JSON format");
        let reply = s.get("/v2/no_such_thing").await;
        assert_eq!(reply.status, 404);
        assert!(!fault(&reply).is_empty());
        let reply = s.request("PATCH", "/v2/workflows", None, "*/*").await;
        assert_eq!(reply.status, 405);
        assert!(!fault(&reply).is_empty());
        still_serving(&s).await;
        s
    })
    .await;
}

#[tokio::test]
async fn definitions_over_the_size_or_task_limits_are_refused() {
    each(async |s: Server| {
        let max = limits().max_definition_bytes;
        let mut yaml = String::from("version: '2.0'\n# ");
        yaml.push_str(&"x".repeat(max));
        yaml.push_str("\nhuge:\n  tasks:\n    t:\n      action: std.noop\n");
        let reply = s.post_yaml("/v2/workflows", &yaml).await;
        assert_eq!(reply.status, 400, "{}", s.name);
        let message = reply.json()["faultstring"].as_str().unwrap().to_owned();
        assert_eq!(
            message,
            format!(
                "The definition is {} bytes, over the limit of {max} bytes (max_definition_bytes)",
                yaml.len()
            )
        );

        let tasks = limits().max_tasks + 1;
        let mut yaml = String::from("version: '2.0'\nmany:\n  tasks:\n");
        for i in 0..tasks {
            yaml.push_str(&format!("    t{i}:\n      action: std.noop\n"));
        }
        let reply = s.post_yaml("/v2/workflows", &yaml).await;
        assert_eq!(reply.status, 400, "{}", s.name);
        let message = reply.json()["faultstring"].as_str().unwrap().to_owned();
        assert_eq!(
            message,
            format!(
                "Workflow 'many' has {tasks} tasks, over the limit of {} tasks (max_tasks)",
                limits().max_tasks
            )
        );
        let mut workbook =
            String::from("version: '2.0'\nname: wb\nworkflows:\n  many:\n    tasks:\n");
        for i in 0..tasks {
            workbook.push_str(&format!("      t{i}:\n        action: std.noop\n"));
        }
        let reply = s.post_yaml("/v2/workbooks", &workbook).await;
        assert_eq!(reply.status, 400, "{}: {}", s.name, reply.body);
        assert!(reply.body.contains("(max_tasks)"), "{}", reply.body);
        still_serving(&s).await;
        s
    })
    .await;
}

#[tokio::test]
async fn execution_input_over_the_limit_is_refused() {
    each(async |s: Server| {
        let max = limits().max_input_bytes;
        let text = "y".repeat(max);
        let reply = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "caps_ok", "input": {"big": text}}),
            )
            .await;
        assert_eq!(reply.status, 400, "{}: {}", s.name, reply.body);
        let message = fault(&reply);
        assert!(
            message.starts_with("The execution input is ")
                && message.ends_with(&format!("over the limit of {max} bytes (max_input_bytes)")),
            "{message}"
        );
        let reply = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "caps_ok", "params": {"env": {"big": text}}}),
            )
            .await;
        assert_eq!(reply.status, 400, "{}: {}", s.name, reply.body);
        assert!(fault(&reply).starts_with("The execution params is "));
        assert!(executions(&s).await.is_empty(), "nothing was started");
        still_serving(&s).await;
        s
    })
    .await;
}

const BIG_PUBLISH: &str = "version: '2.0'
caps_publish:
  input:
    - chunk
    - n
  tasks:
    gather:
      with-items: i in <% range(0, $.n) %>
      action: std.echo output=<% $.chunk %>
      publish:
        all: <% task().result %>
      on-success: after
    after:
      action: std.noop
";

#[tokio::test]
async fn a_published_value_over_the_limit_fails_its_task() {
    each(async |s: Server| {
        upload(&s, BIG_PUBLISH).await;
        // Each result is under the executor's 1 MiB; their list is not
        // under the published-value limit.
        let chunk = "z".repeat(1_000_000);
        let n = limits().max_published_bytes / 1_000_000 + 1;
        let ex = start(&s, "caps_publish", json!({"chunk": chunk, "n": n})).await;
        let id = ex["id"].as_str().unwrap();
        let done = s.wait_done(id).await;
        assert_eq!(done["state"], "ERROR", "{}", s.name);
        let tasks = s.get(&format!("/v2/executions/{id}/tasks")).await.json();
        let gather = &tasks["tasks"][0];
        assert_eq!(gather["name"], "gather");
        assert_eq!(gather["state"], "ERROR");
        let info = gather["state_info"].as_str().unwrap();
        assert!(
            info.contains("Published value 'all' of task 'gather' is ")
                && info.contains(&format!(
                    "over the limit of {} bytes (max_published_bytes)",
                    limits().max_published_bytes
                )),
            "{info}"
        );
        assert_eq!(tasks["tasks"].as_array().unwrap().len(), 1, "no task after");
        still_serving(&s).await;
        s
    })
    .await;
}

const MANY_ITEMS: &str = "version: '2.0'
caps_items:
  input:
    - n
  tasks:
    many:
      with-items: i in <% range(0, $.n) %>
      action: std.noop
";

#[tokio::test]
async fn with_items_over_the_limit_is_refused_up_front() {
    each(async |s: Server| {
        upload(&s, MANY_ITEMS).await;
        let n = limits().max_with_items + 1;
        let ex = start(&s, "caps_items", json!({"n": n})).await;
        let id = ex["id"].as_str().unwrap();
        let done = s.wait_done(id).await;
        assert_eq!(done["state"], "ERROR", "{}", s.name);
        let info = done["state_info"].as_str().unwrap();
        assert!(
            info.contains(&format!(
                "with-items of task 'many' has {n} items in 'i', over the limit of {} items (max_with_items)",
                limits().max_with_items
            )),
            "{info}"
        );
        let actions = s
            .get(&format!("/v2/action_executions?workflow_execution_id={id}"))
            .await
            .json();
        assert_eq!(actions["action_executions"], json!([]), "no item ran");
        still_serving(&s).await;
        s
    })
    .await;
}

const RECURSIVE: &str = "version: '2.0'
caps_rec:
  tasks:
    again:
      workflow: caps_rec
";

#[tokio::test]
async fn runaway_recursion_stops_at_the_depth_limit() {
    each(async |s: Server| {
        upload(&s, RECURSIVE).await;
        let ex = start(&s, "caps_rec", json!({})).await;
        let id = ex["id"].as_str().unwrap().to_owned();
        let list = wait_quiet(&s, 120).await;
        let depth = limits().max_depth as usize;
        assert_eq!(
            list.len(),
            depth + 1,
            "{}: the root and {depth} levels",
            s.name
        );
        assert_eq!(count_in(&list, &["ERROR"]), depth + 1);
        let root = s.get(&format!("/v2/executions/{id}")).await.json();
        let info = root["state_info"].as_str().unwrap();
        assert!(
            info.len() <= limits().max_message_bytes,
            "{} bytes",
            info.len()
        );
        assert_eq!(info.matches("(max_depth)").count(), 1, "{info}");
        // A restart finds nothing to resume and nothing running.
        let s = s.restart().await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let list = executions(&s).await;
        assert_eq!(list.len(), depth + 1);
        assert_eq!(count_in(&list, &["RUNNING", "IDLE"]), 0);
        still_serving(&s).await;
        s
    })
    .await;
}

const WAITING_TREE: &str = "version: '2.0'
caps_tree:
  input:
    - n: 0
  tasks:
    wait:
      action: std.async_noop
    branch:
      action: std.noop
      on-success:
        - left: <% $.n < 4 %>
        - right: <% $.n < 4 %>
    left:
      workflow: caps_tree
      input:
        n: <% $.n + 1 %>
    right:
      workflow: caps_tree
      input:
        n: <% $.n + 1 %>
";

#[tokio::test]
async fn cancelling_the_root_cancels_every_descendant_even_across_a_restart() {
    each(async |s: Server| {
        upload(&s, WAITING_TREE).await;
        // A binary tree of 31 executions, each waiting on an async action;
        // cancelled while it is still being built.
        let ex = start(&s, "caps_tree", json!({})).await;
        let id = ex["id"].as_str().unwrap().to_owned();
        let deadline = Instant::now() + Duration::from_secs(30);
        while executions(&s).await.len() < 6 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let reply = s
            .send_json(
                "PUT",
                &format!("/v2/executions/{id}"),
                &json!({"state": "CANCELLED"}),
            )
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let list = wait_quiet(&s, 60).await;
        assert_eq!(
            count_in(&list, &["RUNNING", "IDLE"]),
            0,
            "{}: {:?}",
            s.name,
            list.iter().map(|e| e["state"].clone()).collect::<Vec<_>>()
        );
        let before = list.len();
        assert!(before < 32, "{before}");
        let s = s.restart().await;
        let list = wait_quiet(&s, 60).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let after = executions(&s).await;
        assert_eq!(
            after.len(),
            list.len(),
            "no execution started after the restart"
        );
        assert_eq!(count_in(&after, &["RUNNING", "IDLE"]), 0);
        let tree: Vec<&Value> = after
            .iter()
            .filter(|e| e["workflow_name"] == "caps_tree")
            .collect();
        assert!(tree.iter().all(|e| e["state"] == "CANCELLED"), "{tree:?}");
        still_serving(&s).await;
        s
    })
    .await;
}

#[tokio::test]
async fn cancelling_a_grown_tree_reaches_every_level() {
    each(async |s: Server| {
        upload(&s, WAITING_TREE).await;
        let ex = start(&s, "caps_tree", json!({})).await;
        let id = ex["id"].as_str().unwrap().to_owned();
        // Let the whole tree (31 executions) start and wait.
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let list = executions(&s).await;
            if count_in(&list, &["RUNNING"]) == 31 || Instant::now() > deadline {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let reply = s
            .send_json(
                "PUT",
                &format!("/v2/executions/{id}"),
                &json!({"state": "CANCELLED"}),
            )
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let list = wait_quiet(&s, 60).await;
        let tree: Vec<&Value> = list
            .iter()
            .filter(|e| e["workflow_name"] == "caps_tree")
            .collect();
        assert_eq!(tree.len(), 31, "{}", s.name);
        assert!(tree.iter().all(|e| e["state"] == "CANCELLED"), "{tree:?}");
        still_serving(&s).await;
        s
    })
    .await;
}

#[tokio::test]
async fn nested_failure_messages_stay_bounded() {
    each(async |s: Server| {
        let mut yaml = String::from("version: '2.0'\n");
        for level in 0..16 {
            yaml.push_str(&format!(
                "caps_l{level}:\n  tasks:\n    t:\n      workflow: caps_l{}\n",
                level + 1
            ));
        }
        yaml.push_str(
            "caps_l16:\n  tasks:\n    s:\n      action: std.fail error_data=<% range(0, 100000).select('e').join('') %>\n",
        );
        upload(&s, &yaml).await;
        let ex = start(&s, "caps_l0", json!({})).await;
        let done = s.wait_done(ex["id"].as_str().unwrap()).await;
        assert_eq!(done["state"], "ERROR", "{}", s.name);
        let info = done["state_info"].as_str().unwrap();
        assert!(info.len() <= limits().max_message_bytes, "{} bytes", info.len());
        assert!(info.contains("(max_message_bytes)"), "a note says it was cut");
        still_serving(&s).await;
        s
    })
    .await;
}

#[tokio::test]
async fn nul_characters_are_refused_at_the_door_and_survive_inside() {
    each(async |s: Server| {
        let reply = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "caps_ok", "input": {"a": ["ok", "x\u{0}y"]}}),
            )
            .await;
        assert_eq!(reply.status, 400, "{}: {}", s.name, reply.body);
        assert_eq!(
            fault(&reply),
            "Invalid value for 'input.a.1': it contains a NUL character (\\u0000), which is not accepted"
        );
        // The same inside a JSON-in-JSON field, and in a plain string.
        let reply = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "caps_ok", "params": json!({"env": {"k": "\u{0}"}}).to_string()}),
            )
            .await;
        assert_eq!(reply.status, 400, "{}", reply.body);
        assert!(fault(&reply).contains("'params.env.k'"), "{}", reply.body);
        let reply = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "caps_ok", "description": "a\u{0}"}),
            )
            .await;
        assert_eq!(reply.status, 400);
        assert!(fault(&reply).contains("'description'"));
        let reply = s
            .send_json(
                "POST",
                "/v2/environments",
                &json!({"name": "env1", "variables": {"v": "\u{0}"}}),
            )
            .await;
        assert_eq!(reply.status, 400, "{}", reply.body);
        // Definitions: a NUL byte, or one made by a YAML escape.
        let reply = s
            .post_yaml("/v2/workflows", "version: '2.0'\nwf_nul:\n  tasks:\n    t:\n      action: std.echo output=\"a\0\"\n")
            .await;
        assert_eq!(reply.status, 400, "{}", reply.body);
        assert_eq!(
            reply.json()["faultstring"],
            "The definition contains a NUL character at line 5, column 33, which is not accepted."
        );
        let reply = s
            .post_yaml("/v2/workflows", "version: '2.0'\nwf_nul:\n  tasks:\n    t:\n      action: std.echo\n      input:\n        output: \"a\\0\"\n")
            .await;
        assert_eq!(reply.status, 400, "{}", reply.body);
        assert_eq!(
            reply.json()["faultstring"],
            "The definition makes a NUL character (\\u0000) in the value at line 7, column 17, which is not accepted."
        );
        // URLs.
        let reply = s.get("/v2/workflows/wf%00").await;
        assert_eq!(reply.status, 400, "{}", reply.body);
        assert!(fault(&reply).contains("NUL"));

        // Made inside the engine (Jinja can): results and published values
        // keep it, messages show U+FFFD, and no step fails for it.
        upload(
            &s,
            "version: '2.0'
caps_nul:
  tasks:
    make:
      action: std.echo output='{{ \"a\\x00b\" }}'
      publish:
        v: <% task().result %>
      on-success: boom
    boom:
      action: std.fail error_data='{{ \"bad\\x00\" }}'
",
        )
        .await;
        let ex = start(&s, "caps_nul", json!({})).await;
        let id = ex["id"].as_str().unwrap();
        let done = s.wait_done(id).await;
        assert_eq!(done["state"], "ERROR", "{}: {done}", s.name);
        let tasks = s.get(&format!("/v2/executions/{id}/tasks")).await.json();
        let make = &tasks["tasks"][0];
        assert_eq!(make["state"], "SUCCESS");
        assert_eq!(api_support::inner(&make["published"]), json!({"v": "a\u{0}b"}));
        let boom = &tasks["tasks"][1];
        assert_eq!(boom["state"], "ERROR");
        assert_eq!(boom["state_info"], "bad\u{FFFD}");
        still_serving(&s).await;
        s
    })
    .await;
}

/// A task routing to `n` branches, joined by one task when `join`.
fn fan_out(name: &str, n: usize, join: bool) -> String {
    let mut yaml = format!(
        "version: '2.0'\n{name}:\n  tasks:\n    root:\n      action: std.noop\n      on-success:\n"
    );
    for i in 0..n {
        yaml.push_str(&format!("        - b{i}\n"));
    }
    for i in 0..n {
        yaml.push_str(&format!("    b{i}:\n      action: std.echo output={i}\n"));
        if join {
            yaml.push_str(&format!(
                "      publish:\n        v{i}: <% task().result %>\n      on-success: [done]\n"
            ));
        }
    }
    if join {
        yaml.push_str("    done:\n      join: all\n      action: std.noop\n");
    }
    yaml
}

/// Fan-out figures (not a timed assertion): run with
/// `cargo test --release -p bora-tests --test caps -- --ignored --nocapture`.
#[tokio::test]
#[ignore = "prints fan-out timings; run by hand"]
async fn fan_out_figures() {
    each(async |s: Server| {
        for n in [1_000, 5_000, 20_000] {
            for join in [false, true] {
                let name = format!("fan_{n}_{join}");
                let started = Instant::now();
                upload(&s, &fan_out(&name, n, join)).await;
                let uploaded = started.elapsed();
                let ex = start(&s, &name, json!({})).await;
                let id = ex["id"].as_str().unwrap();
                let deadline = Instant::now() + Duration::from_secs(1200);
                let state = loop {
                    let ex = s.get(&format!("/v2/executions/{id}")).await.json();
                    let state = ex["state"].as_str().unwrap_or("").to_owned();
                    if !matches!(state.as_str(), "RUNNING" | "IDLE") || Instant::now() > deadline {
                        break state;
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                };
                assert_eq!(state, "SUCCESS");
                println!(
                    "{}: {n} branches{}: upload {:.2} s, run {:.2} s",
                    s.name,
                    if join { " + join" } else { "" },
                    uploaded.as_secs_f64(),
                    (started.elapsed() - uploaded).as_secs_f64()
                );
            }
        }
        s
    })
    .await;
}

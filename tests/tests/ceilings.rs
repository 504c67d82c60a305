//! The operator's ceilings over REST (`bora serve --max-fuel`,
//! `--max-memory`, `--max-action-timeout`, `--max-result-bytes`): uploads
//! and workflows asking for more are refused with a 400 naming the ceiling
//! and its flag, a task's `limits` evaluated above one fail the task, a
//! task's `timeout` above the timeout ceiling is cut to it for the call,
//! and a result above the cap names the flag that raises it.

use std::time::Duration;

use crate::api_support::{Server, inner, servers_with};
use bora::runtime::Ceilings;
use bora_tests::programs;
use serde_json::{Value, json};

// A loop burns 10^11 fuel in a dozen seconds here: far beyond the
// timeout ceiling.
const MAX_FUEL: u64 = 100_000_000_000;
const MAX_MEMORY: u64 = 128 << 20;
const MAX_TIMEOUT: Duration = Duration::from_secs(1);
const MAX_RESULT: usize = 200;

async fn each(test: impl AsyncFn(&Server)) {
    let servers = servers_with("bora_ceilings", |config| {
        config.runtime.ceilings = Ceilings {
            fuel: MAX_FUEL,
            memory: MAX_MEMORY,
            timeout: MAX_TIMEOUT,
        };
        config.executor.max_result_bytes = MAX_RESULT;
    })
    .await;
    for server in servers {
        test(&server).await;
        server.stop().await;
    }
}

/// Uploads a component: the status and the JSON body.
async fn upload(s: &Server, query: &str, wasm: &[u8]) -> (u16, Value) {
    let reply = s.upload_wasm(query, wasm).await;
    (reply.status, reply.json())
}

/// Runs workflow `name` (already created) with `input`: each task's state
/// and the results of its actions, by task name.
async fn run(s: &Server, name: &str, input: Value) -> Vec<(String, String, String)> {
    let started = s
        .send_json(
            "POST",
            "/v2/executions",
            &json!({"workflow_name": name, "input": input.to_string()}),
        )
        .await;
    assert_eq!(started.status, 201, "{}", started.body);
    let id = started.json()["id"].as_str().unwrap().to_owned();
    let ex = s.wait_done(&id).await;
    assert!(
        matches!(ex["state"].as_str(), Some("SUCCESS" | "ERROR")),
        "{ex}"
    );
    let tasks = s.get(&format!("/v2/executions/{id}/tasks")).await.json();
    let mut out = Vec::new();
    for task in tasks["tasks"].as_array().unwrap() {
        let task_id = task["id"].as_str().unwrap();
        let actions = s
            .get(&format!("/v2/tasks/{task_id}/action_executions"))
            .await
            .json();
        let mut results = Vec::new();
        for action in actions["action_executions"].as_array().unwrap() {
            let id = action["id"].as_str().unwrap();
            let one = s.get(&format!("/v2/action_executions/{id}")).await.json();
            results.push(inner(&one["output"])["result"].to_string());
        }
        out.push((
            task["name"].as_str().unwrap().to_owned(),
            task["state"].as_str().unwrap().to_owned(),
            results.join(" | "),
        ));
    }
    out.sort();
    out
}

#[tokio::test]
async fn an_upload_above_a_ceiling_is_refused_naming_it() {
    each(async |s: &Server| {
        for (query, names) in [
            (
                "name=t.greedy&fuel=18446744073709551615",
                "Invalid value of 'fuel': 18446744073709551615 is above the \
                 ceiling of 100000000000 (raise it with --max-fuel)",
            ),
            (
                "name=t.greedy&memory=1073741824",
                "Invalid value of 'memory': 1073741824 bytes is above the \
                 ceiling of 134217728 bytes (raise it with --max-memory)",
            ),
            (
                "name=t.greedy&timeout=100000000",
                "Invalid value of 'timeout': 100000000 s is above the \
                 ceiling of 1 s (raise it with --max-action-timeout)",
            ),
        ] {
            let (status, body) = upload(s, query, programs::ENDLESS_LOOP).await;
            assert_eq!(status, 400, "{}: {query}: {body}", s.name);
            assert_eq!(body["faultstring"], names, "{}: {query}", s.name);
        }
        // Nothing was stored.
        assert_eq!(s.get("/v2/actions/t.greedy").await.status, 404);
        let (status, body) = upload(
            s,
            "name=t.modest&fuel=100000000000&memory=134217728&timeout=1",
            programs::ENDLESS_LOOP,
        )
        .await;
        assert_eq!(status, 201, "{}: {body}", s.name);
    })
    .await;
}

#[tokio::test]
async fn a_workflow_with_literal_limits_above_a_ceiling_is_refused() {
    each(async |s: &Server| {
        let greedy = "---
version: '2.0'
greedy:
  tasks:
    modest:
      action: std.noop
    hungry:
      action: std.noop
      limits:
        fuel: 200000000000
";
        let refused = s.post_yaml("/v2/workflows", greedy).await;
        assert_eq!(refused.status, 400, "{}: {}", s.name, refused.body);
        assert_eq!(
            refused.json()["faultstring"],
            "Invalid task 'hungry' of workflow 'greedy': limits.fuel 200000000000 is above \
             the ceiling of 100000000000 (raise it with --max-fuel)"
        );
        assert_eq!(s.get("/v2/workflows/greedy").await.status, 404);

        // Task-defaults count for every task that does not set its own.
        let defaults = "---
version: '2.0'
roomy:
  task-defaults:
    limits:
      memory: 1073741824
  tasks:
    own:
      action: std.noop
      limits:
        memory: 1048576
    inherits:
      action: std.noop
";
        let refused = s.post_yaml("/v2/workflows", defaults).await;
        assert_eq!(refused.status, 400, "{}: {}", s.name, refused.body);
        let message = refused.json()["faultstring"].as_str().unwrap().to_owned();
        assert!(
            message.starts_with("Invalid task 'inherits' of workflow 'roomy': limits.memory"),
            "{message}"
        );
        assert!(message.contains("--max-memory"), "{message}");

        let workbook = "---
version: '2.0'
name: wb
workflows:
  inner:
    tasks:
      hungry:
        action: std.noop
        limits:
          fuel: 200000000000
";
        let refused = s
            .request(
                "POST",
                "/v2/workbooks",
                Some(("text/plain", workbook)),
                "*/*",
            )
            .await;
        assert_eq!(refused.status, 400, "{}: {}", s.name, refused.body);
        assert!(
            refused
                .body
                .contains("Invalid task 'hungry' of workflow 'wb.inner'"),
            "{}",
            refused.body
        );
        assert_eq!(s.get("/v2/workbooks/wb").await.status, 404);

        // Expressions are checked when evaluated; within the ceilings is fine.
        let fine = "---
version: '2.0'
fine:
  tasks:
    t:
      action: std.noop
      limits:
        fuel: 100000000000
        memory: <% 1 %>
";
        assert_eq!(s.post_yaml("/v2/workflows", fine).await.status, 201);
    })
    .await;
}

#[tokio::test]
async fn task_limits_evaluated_above_a_ceiling_fail_the_task() {
    each(async |s: &Server| {
        let yaml = "---
version: '2.0'
evaluated:
  input: [fuel]
  tasks:
    t:
      action: std.noop
      limits:
        fuel: <% $.fuel %>
";
        assert_eq!(s.post_yaml("/v2/workflows", yaml).await.status, 201);
        let tasks = run(s, "evaluated", json!({"fuel": 200_000_000_000u64})).await;
        let (_, state, result) = &tasks[0];
        assert_eq!(state, "ERROR", "{}: {tasks:?}", s.name);
        assert!(
            result.contains(
                "the call's fuel 200000000000 is above the ceiling of \
                 100000000000 (raise it with --max-fuel)"
            ),
            "{result}"
        );
        let tasks = run(s, "evaluated", json!({"fuel": 1_000_000})).await;
        assert_eq!(tasks[0].1, "SUCCESS", "{}: {tasks:?}", s.name);
    })
    .await;
}

#[tokio::test]
async fn a_task_timeout_above_the_ceiling_is_cut_to_it_for_the_call() {
    each(async |s: &Server| {
        let (status, body) =
            upload(s, "name=t.loop&fuel=100000000000", programs::ENDLESS_LOOP).await;
        assert_eq!(status, 201, "{body}");
        let yaml = "---
version: '2.0'
patient:
  tasks:
    t:
      action: t.loop
      timeout: 600
";
        assert_eq!(s.post_yaml("/v2/workflows", yaml).await.status, 201);
        let tasks = run(s, "patient", json!({})).await;
        let (_, state, result) = &tasks[0];
        assert_eq!(state, "ERROR", "{}: {tasks:?}", s.name);
        // The call's own deadline, not the task's 600 s timer.
        assert!(result.contains("the action timed out after 1s"), "{result}");
    })
    .await;
}

#[tokio::test]
async fn a_result_above_the_cap_names_the_flag_that_raises_it() {
    each(async |s: &Server| {
        let yaml = format!(
            "---
version: '2.0'
big:
  tasks:
    t:
      action: std.echo output='{}'
",
            "x".repeat(300)
        );
        assert_eq!(s.post_yaml("/v2/workflows", &yaml).await.status, 201);
        let tasks = run(s, "big", json!({})).await;
        let (_, state, result) = &tasks[0];
        assert_eq!(state, "ERROR", "{}: {tasks:?}", s.name);
        assert!(
            result.contains(
                "more than the limit of 200 bytes (raise it with bora serve --max-result-bytes)"
            ),
            "{result}"
        );
    })
    .await;
}

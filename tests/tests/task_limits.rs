//! Bora's `limits` task attribute end to end, over REST: a task's fuel,
//! memory and allowed hosts override the action's own (set at upload) and
//! the runtime's defaults, for standard and uploaded actions alike.

use crate::api_support::{Server, inner, servers, servers_with};
use crate::runtime_support::TestServer;
use bora_tests::programs;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicUsize, Ordering};

async fn each(test: impl AsyncFn(&Server)) {
    for server in servers().await {
        test(&server).await;
        server.stop().await;
    }
}

async fn upload(s: &Server, query: &str, wasm: &[u8]) {
    let reply = s.upload_wasm(query, wasm).await;
    assert_eq!(reply.status, 201, "upload {query}: {}", reply.body);
}

/// One finished task: its state and the error or result of its action.
#[derive(Debug)]
struct Done {
    state: String,
    outcome: String,
}

/// Creates the workflow, runs it with `input` and returns each task's
/// outcome by name (the execution's own state is not asserted: a workflow
/// with a failing task ends in ERROR).
async fn run(s: &Server, yaml: &str, name: &str, input: Value) -> Vec<(String, Done)> {
    let created = s.post_yaml("/v2/workflows", yaml).await;
    assert_eq!(created.status, 201, "{}", created.body);
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
        // The list leaves `output` out; each action is read on its own.
        let mut outcomes = Vec::new();
        for action in actions["action_executions"].as_array().unwrap() {
            let id = action["id"].as_str().unwrap();
            let one = s.get(&format!("/v2/action_executions/{id}")).await.json();
            outcomes.push(inner(&one["output"])["result"].to_string());
        }
        let outcome = outcomes.join(" | ");
        out.push((
            task["name"].as_str().unwrap().to_owned(),
            Done {
                state: task["state"].as_str().unwrap().to_owned(),
                outcome,
            },
        ));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn task<'a>(tasks: &'a [(String, Done)], name: &str) -> &'a Done {
    &tasks
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no task {name} in {tasks:?}"))
        .1
}

#[tokio::test]
async fn a_task_sets_fuel_and_memory_of_a_standard_action() {
    each(async |s: &Server| {
        let yaml = "---
version: '2.0'
std_limits:
  input: [tiny]
  tasks:
    plain:
      action: std.echo output='hi'
    starved:
      action: std.echo output='hi'
      limits:
        fuel: <% $.tiny %>
    cramped:
      action: std.echo output='hi'
      limits:
        memory: 65536
";
        let tasks = run(s, yaml, "std_limits", json!({"tiny": 1000})).await;
        let plain = task(&tasks, "plain");
        assert_eq!(plain.state, "SUCCESS", "{tasks:?}");
        assert_eq!(plain.outcome, "\"hi\"");
        let starved = task(&tasks, "starved");
        assert_eq!(starved.state, "ERROR", "{tasks:?}");
        assert!(
            starved
                .outcome
                .contains("the action ran out of fuel (budget 1000)"),
            "{tasks:?}"
        );
        let cramped = task(&tasks, "cramped");
        assert_eq!(cramped.state, "ERROR", "{tasks:?}");
        assert!(
            cramped.outcome.contains("memory limit of 65536 bytes"),
            "{tasks:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_task_overrides_the_fuel_set_at_upload() {
    each(async |s: &Server| {
        upload(s, "name=my.tight&fuel=1000", programs::PRINTS).await;
        upload(s, "name=my.loose", programs::PRINTS).await;
        let yaml = "---
version: '2.0'
uploaded_limits:
  tasks:
    as_uploaded:
      action: my.tight
    loosened:
      action: my.tight
      limits:
        fuel: 100000000
    loose:
      action: my.loose
    tightened:
      action: my.loose
      limits:
        fuel: 1000
";
        let tasks = run(s, yaml, "uploaded_limits", json!({})).await;
        for (name, ok) in [
            ("as_uploaded", false),
            ("loosened", true),
            ("loose", true),
            ("tightened", false),
        ] {
            let done = task(&tasks, name);
            if ok {
                assert_eq!(done.state, "SUCCESS", "{name}: {tasks:?}");
                assert!(done.outcome.contains("\"printed\":true"), "{tasks:?}");
            } else {
                assert_eq!(done.state, "ERROR", "{name}: {tasks:?}");
                assert!(
                    done.outcome
                        .contains("the action ran out of fuel (budget 1000)"),
                    "{name}: {tasks:?}"
                );
            }
        }
    })
    .await;
}

#[tokio::test]
async fn a_task_sets_the_hosts_an_action_may_reach() {
    let web = TestServer::start(200, "OK", r#"{"hello": "world"}"#);
    let backends = AtomicUsize::new(0);
    // The test server listens on loopback, which only the operator opens.
    let operator = |config: &mut bora::node::NodeConfig| {
        config.runtime.private_egress = vec!["127.0.0.1".into()];
    };
    for server in servers_with("bora_api", operator).await {
        let s = &server;
        backends.fetch_add(1, Ordering::Relaxed);
        upload(
            s,
            "name=my.fetch&allowed_hosts=127.0.0.1",
            programs::HTTP_FETCH,
        )
        .await;
        let yaml = "---
version: '2.0'
egress:
  input: [url]
  tasks:
    std_default:
      action: std.http url=<% $.url %>
    std_granted:
      action: std.http url=<% $.url %>
      limits:
        allowed-hosts: ['127.0.0.1']
    uploaded_default:
      action: my.fetch url=<% $.url %>
    uploaded_revoked:
      action: my.fetch url=<% $.url %>
      limits:
        allowed-hosts: []
";
        let tasks = run(s, yaml, "egress", json!({"url": web.url("/x")})).await;
        for (name, ok) in [
            // The runtime's default allows no host.
            ("std_default", false),
            ("std_granted", true),
            ("uploaded_default", true),
            ("uploaded_revoked", false),
        ] {
            let done = task(&tasks, name);
            if ok {
                assert_eq!(done.state, "SUCCESS", "{name}: {tasks:?}");
                assert!(done.outcome.contains("200"), "{name}: {tasks:?}");
            } else {
                assert_eq!(done.state, "ERROR", "{name}: {tasks:?}");
                assert!(
                    done.outcome.contains("network access denied"),
                    "{name}: {tasks:?}"
                );
            }
        }
        server.stop().await;
    }
    // Two allowed requests per backend reached the server, no denied one.
    assert_eq!(web.requests().len(), 2 * backends.load(Ordering::Relaxed));
}

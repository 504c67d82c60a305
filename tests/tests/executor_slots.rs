//! Endless loops in every executor slot, more of them than action threads:
//! the API still answers (actions never run on its threads) and another
//! execution's quick standard actions still complete (they have a lane of
//! their own, and the loops yield the action threads at every tick).

use std::time::Duration;

use crate::api_support::{Reply, Server, servers_with};
use bora_tests::programs;
use serde_json::json;

/// Executor slots of the test node (and as many quick-lane slots).
const SLOTS: usize = 3;
/// Bound on requests that should answer at once.
const PATIENCE: Duration = Duration::from_secs(30);

/// Uploads a component: the status and the body.
async fn upload(s: &Server, query: &str, wasm: &[u8]) -> (u16, String) {
    let reply = s.upload_wasm(query, wasm).await;
    (reply.status, reply.body)
}

/// A request that must be answered within [`PATIENCE`].
async fn promptly(what: &str, request: impl Future<Output = Reply>) -> Reply {
    tokio::time::timeout(PATIENCE, request)
        .await
        .unwrap_or_else(|_| panic!("{what}: no answer while the loops ran"))
}

async fn start(s: &Server, workflow: &str) -> String {
    let started = promptly(
        "POST /v2/executions",
        s.send_json(
            "POST",
            "/v2/executions",
            &json!({"workflow_name": workflow, "input": "{}"}),
        ),
    )
    .await;
    assert_eq!(started.status, 201, "{}", started.body);
    started.json()["id"].as_str().unwrap().to_owned()
}

async fn loops_leave_the_api_and_quick_actions_alone(s: &Server) {
    let (status, body) = upload(
        s,
        "name=test.loop&fuel=18446744073709551615&timeout=600",
        programs::ENDLESS_LOOP,
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let loops = format!(
        "---
version: '2.0'
loops:
  tasks:
    spin:
      with-items: i in <% range(0, {}) %>
      action: test.loop
",
        SLOTS + 1
    );
    assert_eq!(s.post_yaml("/v2/workflows", &loops).await.status, 201);
    let spinning = start(s, "loops").await;
    // Let the loops take every slot and every action thread.
    tokio::time::sleep(Duration::from_millis(500)).await;

    let listed = promptly("GET /v2/workflows", s.get("/v2/workflows")).await;
    assert_eq!(listed.status, 200, "{}", listed.body);
    let quick = "---
version: '2.0'
quick:
  output:
    said: <% $.said %>
  tasks:
    first:
      action: std.noop
      on-success: second
    second:
      action: std.echo output='still served'
      publish:
        said: <% task().result %>
      on-success: third
    third:
      action: std.noop
";
    let created = promptly("POST /v2/workflows", s.post_yaml("/v2/workflows", quick)).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = start(s, "quick").await;
    let done = s.wait_done(&id).await;
    assert_eq!(done["state"], "SUCCESS", "{}: {done}", s.name);
    assert!(done["output"].as_str().unwrap().contains("still served"));

    // The loops were running all along.
    let spun = s.get(&format!("/v2/executions/{spinning}")).await.json();
    assert_eq!(spun["state"], "RUNNING", "{spun}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn endless_loops_in_every_slot_leave_the_api_and_quick_actions_alone() {
    let servers = servers_with("bora_slots", |config| {
        config.executor.concurrency = SLOTS;
        // The loops are interrupted at once when the test server stops.
        config.executor.shutdown_grace = Duration::ZERO;
        config.runtime.action_threads = 2;
        // Loops that never run out of fuel (10^11 lasts seconds).
        config.runtime.ceilings.fuel = u64::MAX;
    })
    .await;
    for s in servers {
        loops_leave_the_api_and_quick_actions_alone(&s).await;
        s.stop().await;
    }
}

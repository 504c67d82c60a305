//! How executions start: a new execution stored with its first step, and
//! sub-workflows started inside their parent's step (see the scheduler's
//! `start` and `children` modules). The records must be exactly those of
//! the usual path: ids, links, states and results; children that have to
//! wait (for the executor or a timer) carry on as stored executions.
//! On SQLite, and on PostgreSQL when `BORA_TEST_POSTGRES_URL` is set.

use crate::api_support::{Server, servers, servers_with};
use serde_json::{Value, json};

async fn each(test: impl AsyncFn(&Server)) {
    for server in servers().await {
        test(&server).await;
        server.stop().await;
    }
}

const FAMILY: &str = "---
version: '2.0'
parent:
  input:
    - names: [a, b, c]
  output:
    greetings: <% $.greetings %>
  tasks:
    calls:
      with-items: name in <% $.names %>
      workflow: child
      input:
        name: <% $.name %>
      publish:
        greetings: <% task().result.select($.greeting) %>
child:
  input:
    - name
  output:
    greeting: <% $.greeting %>
  tasks:
    hello:
      action: std.echo output=\"hello <% $.name %>\"
      publish:
        greeting: <% task().result %>
";

async fn start(server: &Server, body: Value) -> Value {
    let reply = server.send_json("POST", "/v2/executions", &body).await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json()
}

async fn children_of(server: &Server, root: &str) -> Vec<Value> {
    let listed = server
        .get(&format!("/v2/executions?root_execution_id={root}"))
        .await
        .json();
    listed["executions"].as_array().unwrap().clone()
}

/// Children that finish at once are stored as the usual path stores them:
/// linked to the parent's task and root, in item order, with their
/// outputs reaching the parent.
#[tokio::test]
async fn quick_sub_workflows_keep_their_records() {
    each(async |server: &Server| {
        assert_eq!(server.post_yaml("/v2/workflows", FAMILY).await.status, 201);
        let started = start(server, json!({"workflow_name": "parent"})).await;
        let id = started["id"].as_str().unwrap().to_owned();
        let done = server.wait_done(&id).await;
        assert_eq!(done["state"], "SUCCESS", "{done}");
        let output: Value = serde_json::from_str(done["output"].as_str().unwrap()).unwrap();
        assert_eq!(
            output["greetings"],
            json!(["hello a", "hello b", "hello c"]),
            "{done}"
        );
        let tasks = server
            .get(&format!("/v2/executions/{id}/tasks"))
            .await
            .json();
        let task = &tasks["tasks"][0];
        assert_eq!(task["state"], "SUCCESS", "{tasks}");
        let children = children_of(server, &id).await;
        let children: Vec<&Value> = children.iter().filter(|c| c["id"] != id).collect();
        assert_eq!(children.len(), 3, "{children:?}");
        for child in &children {
            assert_eq!(child["state"], "SUCCESS", "{child}");
            assert_eq!(child["workflow_name"], "child");
            assert_eq!(child["task_execution_id"], task["id"], "{child}");
            assert_eq!(child["root_execution_id"], id.as_str(), "{child}");
            // Each child's own task and action are stored too.
            let child_id = child["id"].as_str().unwrap();
            let child_tasks = server
                .get(&format!("/v2/executions/{child_id}/tasks"))
                .await
                .json();
            assert_eq!(child_tasks["tasks"][0]["state"], "SUCCESS", "{child_tasks}");
            let actions = server
                .get(&format!(
                    "/v2/tasks/{}/action_executions",
                    child_tasks["tasks"][0]["id"].as_str().unwrap()
                ))
                .await
                .json();
            assert_eq!(
                actions["action_executions"].as_array().unwrap().len(),
                1,
                "{actions}"
            );
        }
    })
    .await;
}

/// A child that must wait (a timer here) is stored running and finishes
/// later like any execution; a child whose workflow does not exist fails
/// its parent's task with the reason, as before.
#[tokio::test]
async fn waiting_and_missing_sub_workflows() {
    each(async |server: &Server| {
        let yaml = "---
version: '2.0'
slow_parent:
  tasks:
    call:
      workflow: slow_child
slow_child:
  tasks:
    later:
      wait-before: 1
      action: std.noop
lost_parent:
  tasks:
    call:
      workflow: no_such_workflow
";
        assert_eq!(server.post_yaml("/v2/workflows", yaml).await.status, 201);
        let started = start(server, json!({"workflow_name": "slow_parent"})).await;
        let id = started["id"].as_str().unwrap().to_owned();
        assert_eq!(started["state"], "RUNNING", "{started}");
        let children = children_of(server, &id).await;
        let child = children.iter().find(|c| c["id"] != id.as_str()).unwrap();
        assert_eq!(child["state"], "RUNNING", "{child}");
        let done = server.wait_done(&id).await;
        assert_eq!(done["state"], "SUCCESS", "{done}");

        let started = start(server, json!({"workflow_name": "lost_parent"})).await;
        let id = started["id"].as_str().unwrap().to_owned();
        let done = server.wait_done(&id).await;
        assert_eq!(done["state"], "ERROR", "{done}");
        let info = done["state_info"].as_str().unwrap_or_default();
        assert!(info.contains("no_such_workflow"), "{done}");
    })
    .await;
}

/// Starts with the same client-chosen id sent at once make one execution:
/// one answer creates it, the others return it.
#[tokio::test]
async fn concurrent_starts_with_one_id_make_one_execution() {
    each(async |server: &Server| {
        assert_eq!(server.post_yaml("/v2/workflows", FAMILY).await.status, 201);
        let id = "0d6c7b52-8f0e-4a4e-9d51-3f1f2b6f6a11";
        let body = json!({"id": id, "workflow_name": "parent"});
        let post = || server.send_json("POST", "/v2/executions", &body);
        let (r1, r2, r3, r4, r5, r6) = tokio::join!(post(), post(), post(), post(), post(), post());
        let replies = [r1, r2, r3, r4, r5, r6];
        let created = replies.iter().filter(|r| r.status == 201).count();
        for reply in &replies {
            assert!(matches!(reply.status, 200 | 201), "{}", reply.body);
            assert_eq!(reply.json()["id"], id, "{}", reply.body);
        }
        assert_eq!(created, 1, "exactly one start creates it");
        let listed = server
            .get("/v2/executions?workflow_name=parent")
            .await
            .json();
        assert_eq!(
            listed["executions"].as_array().unwrap().len(),
            1,
            "{listed}"
        );
        assert_eq!(server.wait_done(id).await["state"], "SUCCESS");
    })
    .await;
}

const SAYINGS: &str = "---
version: '2.0'
one:
  output:
    said: one
  tasks:
    t:
      action: std.noop
two:
  output:
    said: two
  tasks:
    t:
      action: std.noop
";

/// What a start of `workflow` said (its `said` output), or the refusal.
async fn said(server: &Server, workflow: &str) -> Result<String, Value> {
    let reply = server
        .send_json(
            "POST",
            "/v2/executions",
            &json!({"workflow_name": workflow}),
        )
        .await;
    if reply.status != 201 {
        return Err(json!({"status": reply.status, "body": reply.body}));
    }
    let id = reply.json()["id"].as_str().unwrap().to_owned();
    let done = server.wait_done(&id).await;
    assert_eq!(done["state"], "SUCCESS", "{done}");
    let output: Value = serde_json::from_str(done["output"].as_str().unwrap()).unwrap();
    Ok(output["said"].as_str().unwrap_or_default().to_owned())
}

/// Changes the stored definitions as another node (or an operator) would:
/// behind this node's back.
async fn behind_the_nodes_back(server: &Server, sql: &str) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&server.url).await.expect("database");
    sqlx::query(sql).execute(&pool).await.expect(sql);
    pool.close().await;
}

/// A node keeps the definitions its starts used, but a start never runs a
/// definition that was changed or deleted since, by this node or behind
/// its back: each start runs the definition as stored at its commit. Both
/// ways a start is stored: with its first step, and the usual way (a node
/// that keeps no new work).
#[tokio::test]
async fn a_start_runs_its_definition_as_stored_now() {
    let mut all = servers().await;
    all.extend(
        servers_with("bora_starts_usual", |config| {
            config.scheduler.keep_below = 0
        })
        .await,
    );
    for server in all {
        let ok = |s: &str| Ok::<String, Value>(s.to_owned());
        assert_eq!(server.post_yaml("/v2/workflows", SAYINGS).await.status, 201);
        assert_eq!(said(&server, "one").await, ok("one"), "{}", server.name);
        assert_eq!(said(&server, "one").await, ok("one"), "{}", server.name);
        behind_the_nodes_back(
            &server,
            "UPDATE workflow_definitions SET spec_hash = \
             (SELECT spec_hash FROM workflow_definitions WHERE name = 'two') WHERE name = 'one'",
        )
        .await;
        assert_eq!(said(&server, "one").await, ok("two"), "{}", server.name);
        // Changed through this node.
        let three = SAYINGS.replace("said: one", "said: three");
        let reply = server
            .request("PUT", "/v2/workflows", Some(("text/plain", &three)), "*/*")
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(said(&server, "one").await, ok("three"), "{}", server.name);
        behind_the_nodes_back(
            &server,
            "DELETE FROM workflow_definitions WHERE name = 'one'",
        )
        .await;
        let refused = said(&server, "one")
            .await
            .expect_err("the workflow is gone");
        assert_eq!(refused["status"], 404, "{}: {refused}", server.name);
        // Other definitions are still started from memory or afresh alike.
        assert_eq!(said(&server, "two").await, ok("two"), "{}", server.name);
        // A start made again leaves nothing of its first attempt.
        let listed = server.get("/v2/executions?workflow_name=one").await.json();
        let states: Vec<&Value> = listed["executions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| &e["state"])
            .collect();
        assert_eq!(states, ["SUCCESS"; 4], "{}: {listed}", server.name);
        server.stop().await;
    }
}

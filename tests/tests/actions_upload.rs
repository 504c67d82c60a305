//! Uploaded wasm actions over REST: `POST /v2/actions` with a component
//! (`application/wasm` or `multipart/form-data`) and `?name=`, checked
//! against the `bora:action` world at upload; versions (a re-upload is used
//! by new calls while running ones finish on theirs, and a running task's
//! retries keep the version it started with); limits; listing with
//! the input signature from `describe()`; use from a workflow; and a second
//! node loading the component from the store by digest.

use std::time::{Duration, Instant};

use crate::api_support::{Reply, Server, inner, servers};
use bora::actions::{Actions, Call};
use bora::node::{Node, NodeConfig};
use bora_tests::programs;
use serde_json::{Value, json};

async fn upload(s: &Server, query: &str, wasm: &[u8]) -> Reply {
    s.upload_wasm(query, wasm).await
}

fn fault(reply: &Reply) -> String {
    reply.json()["faultstring"]
        .as_str()
        .unwrap_or_else(|| panic!("no faultstring: {}", reply.body))
        .to_owned()
}

async fn each(test: impl AsyncFn(&Server)) {
    for server in servers().await {
        test(&server).await;
        server.stop().await;
    }
}

/// Runs an action directly and returns the action execution.
async fn run_action(s: &Server, name: &str, input: Value) -> Value {
    let reply = s
        .send_json(
            "POST",
            "/v2/action_executions",
            &json!({"name": name, "input": input.to_string()}),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json()
}

/// Starts an action stored and run in the background; returns its id.
async fn start_action(s: &Server, name: &str) -> String {
    let reply = s
        .send_json(
            "POST",
            "/v2/action_executions",
            &json!({"name": name, "input": "{}", "params": {"save_result": true}}),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json()["id"].as_str().unwrap().to_owned()
}

async fn wait_action(s: &Server, id: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let got = s.get(&format!("/v2/action_executions/{id}")).await.json();
        if got["state"] != "RUNNING" || Instant::now() > deadline {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn upload_list_run_in_a_workflow_and_delete() {
    each(async |s: &Server| {
        let created = upload(s, "name=my.reader", programs::READ_HOST_FILE).await;
        assert_eq!(created.status, 201, "{}", created.body);
        let action = &created.json()["actions"][0];
        assert_eq!(action["name"], "my.reader");
        assert_eq!(action["version"], 1);
        assert_eq!(action["digest"].as_str().unwrap().len(), 64);
        assert_eq!(action["size"], programs::READ_HOST_FILE.len());
        // The input signature comes from describe().
        assert_eq!(action["input"], "path=\"/etc/passwd\"");

        let one = s.get("/v2/actions/my.reader").await;
        assert_eq!(one.status, 200, "{}", one.body);
        assert_eq!(one.json()["input"], "path=\"/etc/passwd\"");
        let list = s.get("/v2/actions?name=my.reader").await.json();
        assert_eq!(list["actions"].as_array().unwrap().len(), 1);

        let workflow = "---
version: '2.0'
reads:
  output:
    read: <% $.read %>
  tasks:
    r:
      action: my.reader path=\"/etc/hostname\"
      publish:
        read: <% task().result.read %>
";
        assert_eq!(s.post_yaml("/v2/workflows", workflow).await.status, 201);
        let started = s
            .send_json("POST", "/v2/executions", &json!({"workflow_name": "reads"}))
            .await;
        assert_eq!(started.status, 201, "{}", started.body);
        let ex = s.wait_done(started.json()["id"].as_str().unwrap()).await;
        assert_eq!(ex["state"], "SUCCESS", "{ex}");
        // The sandbox has no files: the action reports it could not read.
        assert_eq!(inner(&ex["output"]), json!({"read": false}));

        let wrong = s
            .send_json(
                "POST",
                "/v2/action_executions",
                &json!({"name": "my.reader", "input": "{\"nope\": 1}"}),
            )
            .await;
        assert_eq!(wrong.status, 400, "{}", wrong.body);
        assert!(
            fault(&wrong).starts_with("Invalid input [name=my.reader, class=wasm-component-"),
            "{}",
            wrong.body
        );
        assert!(
            fault(&wrong).ends_with("unexpected=['nope']]"),
            "{}",
            wrong.body
        );
        // An ad-hoc action over the uploaded one.
        let adhoc = "version: '2.0'\nread_motd:\n  base: my.reader\n  base-input:\n    \
                     path: /etc/motd\n  output: <% $.path %>\n";
        assert_eq!(s.post_yaml("/v2/actions", adhoc).await.status, 201);
        let ran = run_action(s, "read_motd", json!({})).await;
        assert_eq!(ran["state"], "SUCCESS", "{ran}");
        assert_eq!(inner(&ran["output"]), json!({"result": "/etc/motd"}));

        assert_eq!(s.delete("/v2/actions/my.reader").await.status, 204);
        assert_eq!(s.get("/v2/actions/my.reader").await.status, 404);
        let gone = s
            .send_json(
                "POST",
                "/v2/action_executions",
                &json!({"name": "my.reader", "input": "{}"}),
            )
            .await;
        assert_eq!(gone.status, 400, "{}", gone.body);
    })
    .await;
}

#[tokio::test]
async fn bad_uploads_are_refused_with_the_reason() {
    each(async |s: &Server| {
        let garbage = upload(s, "name=my.garbage", b"this is not wasm").await;
        assert_eq!(garbage.status, 400, "{}", garbage.body);
        assert!(
            fault(&garbage).contains("not a valid WebAssembly component"),
            "{}",
            garbage.body
        );
        let other = upload(s, "name=my.other", programs::OTHER_WORLD).await;
        assert_eq!(other.status, 400, "{}", other.body);
        let message = fault(&other);
        assert!(
            message.contains("does not implement the bora:action world"),
            "{message}"
        );
        assert!(
            message.contains("describe"),
            "names the missing export: {message}"
        );
        assert_eq!(s.get("/v2/actions/my.other").await.status, 404);

        let unnamed = upload(s, "", programs::PRINTS).await;
        assert_eq!(unnamed.status, 400, "{}", unnamed.body);
        assert!(fault(&unnamed).contains("?name="), "{}", unnamed.body);
        let std_name = upload(s, "name=std.echo", programs::PRINTS).await;
        assert_eq!(std_name.status, 409, "{}", std_name.body);
        let bad_limit = upload(s, "name=my.p&fuel=lots", programs::PRINTS).await;
        assert_eq!(bad_limit.status, 400, "{}", bad_limit.body);

        assert_eq!(
            s.post_yaml(
                "/v2/actions",
                "version: '2.0'\nmy.adhoc:\n  base: std.noop\n"
            )
            .await
            .status,
            201
        );
        let taken = upload(s, "name=my.adhoc", programs::PRINTS).await;
        assert_eq!(taken.status, 409, "{}", taken.body);
        let prints = upload(s, "name=my.prints", programs::PRINTS).await;
        assert_eq!(prints.status, 201);
        let shadow = s
            .post_yaml(
                "/v2/actions",
                "version: '2.0'\nmy.prints:\n  base: std.noop\n",
            )
            .await;
        assert_eq!(shadow.status, 409, "{}", shadow.body);
        // A workbook whose action would be named like an upload is refused
        // before anything of it is stored.
        assert_eq!(
            upload(s, "name=wbx.act", programs::PRINTS).await.status,
            201
        );
        let workbook = "version: '2.0'\nname: wbx\nactions:\n  act:\n    base: std.noop\n\
                        workflows:\n  wf:\n    tasks:\n      t:\n        action: act\n";
        let refused = s.post_yaml("/v2/workbooks", workbook).await;
        assert_eq!(refused.status, 409, "{}", refused.body);
        assert!(fault(&refused).contains("wbx.act"), "{}", refused.body);
        assert_eq!(s.get("/v2/workbooks/wbx").await.status, 404);
        assert_eq!(s.get("/v2/workflows/wbx.wf").await.status, 404);
    })
    .await;
}

#[tokio::test]
async fn multipart_upload_and_limits() {
    each(async |s: &Server| {
        let mut body = Vec::new();
        body.extend_from_slice(
            b"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; \
              filename=\"loop.wasm\"\r\nContent-Type: application/wasm\r\n\r\n",
        );
        body.extend_from_slice(programs::ENDLESS_LOOP);
        body.extend_from_slice(b"\r\n--b0undary--\r\n");
        let created = s
            .request_bytes(
                "POST",
                "/v2/actions?name=my.loop&fuel=2000000&allowed_hosts=a.example,b.example",
                "multipart/form-data; boundary=b0undary",
                &body,
                "*/*",
            )
            .await;
        assert_eq!(created.status, 201, "{}", created.body);
        let action = &created.json()["actions"][0];
        assert_eq!(
            action["limits"],
            json!({"fuel": 2000000, "allowed_hosts": ["a.example", "b.example"]})
        );
        // The upload's fuel budget stops the loop.
        let ran = run_action(s, "my.loop", json!({})).await;
        assert_eq!(ran["state"], "ERROR", "{ran}");
        assert_eq!(
            inner(&ran["output"]),
            json!({"result": "the action ran out of fuel (budget 2000000)"})
        );
    })
    .await;
}

#[tokio::test]
async fn a_warm_upload_runs_its_calls_in_the_instance_of_the_last_one() {
    each(async |s: &Server| {
        let count = async |name: &str| {
            let ran = run_action(s, name, json!({})).await;
            assert_eq!(ran["state"], "SUCCESS", "{ran}");
            inner(&ran["output"])["result"]["calls"].as_u64().unwrap()
        };
        let warm = upload(s, "name=my.warm&instances=warm", programs::COUNTER).await;
        assert_eq!(warm.status, 201, "{}", warm.body);
        assert_eq!(warm.json()["actions"][0]["limits"], json!({"warm": true}));
        let fresh = upload(s, "name=my.fresh", programs::COUNTER).await;
        assert_eq!(fresh.status, 201, "{}", fresh.body);
        for n in 1..=3 {
            assert_eq!(count("my.warm").await, n);
            assert_eq!(count("my.fresh").await, 1);
        }
        // An instance that could keep a connection is never kept: refused.
        let both = upload(
            s,
            "name=my.both&instances=warm&allowed_hosts=a.example",
            programs::COUNTER,
        )
        .await;
        assert_eq!(both.status, 400, "{}", both.body);
        assert!(fault(&both).contains("instances"), "{}", both.body);
    })
    .await;
}

#[tokio::test]
async fn a_reupload_is_used_by_new_calls_while_running_ones_finish() {
    each(async |s: &Server| {
        // Version 1 loops until its 3 s deadline (the fuel ceiling, 10^11,
        // lasts a dozen seconds).
        let v1 = upload(
            s,
            "name=my.evolving&timeout=3&fuel=100000000000",
            programs::ENDLESS_LOOP,
        )
        .await;
        assert_eq!(v1.status, 201, "{}", v1.body);
        let running = start_action(s, "my.evolving").await;
        // Let the call start on version 1 before version 2 arrives.
        tokio::time::sleep(Duration::from_millis(800)).await;
        let v2 = upload(s, "name=my.evolving", programs::PRINTS).await;
        assert_eq!(v2.status, 201, "{}", v2.body);
        assert_eq!(v2.json()["actions"][0]["version"], 2);
        assert_eq!(s.get("/v2/actions/my.evolving").await.json()["version"], 2);

        let new_call = run_action(s, "my.evolving", json!({})).await;
        assert_eq!(new_call["state"], "SUCCESS", "{new_call}");
        assert_eq!(
            inner(&new_call["output"]),
            json!({"result": {"printed": true, "action_name": "my.evolving"}})
        );
        let old_call = wait_action(s, &running).await;
        assert_eq!(old_call["state"], "ERROR", "{old_call}");
        assert_eq!(
            inner(&old_call["output"]),
            json!({"result": "the action timed out after 3s"})
        );
    })
    .await;
}

#[tokio::test]
async fn another_node_loads_the_component_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    two_nodes(format!(
        "sqlite://{}",
        dir.path().join("bora.sqlite").display()
    ))
    .await;
    if let Some(pg) = crate::pg::TempPostgres::create("bora_upload").await {
        two_nodes(pg.url.clone()).await;
    }
}

/// Two nodes on one database: b runs what a uploaded, loading it from the
/// store by digest.
async fn two_nodes(url: String) {
    let config = NodeConfig {
        database_url: url,
        ..Default::default()
    };
    let a = Node::start(config.clone()).await.unwrap();
    let on_a = Actions::new(a.store().clone(), a.runtime.clone());
    let uploaded = on_a
        .upload("my.shared", programs::PRINTS, Default::default())
        .await
        .unwrap();
    assert_eq!(uploaded.component.version, 1);

    let b = Node::start(config).await.unwrap();
    assert!(
        !b.runtime.list().iter().any(|k| k.starts_with("my.shared")),
        "not loaded on b yet"
    );
    let on_b = Actions::new(b.store().clone(), b.runtime.clone());
    let out = on_b
        .run(Call {
            name: "my.shared".into(),
            ..Call::default()
        })
        .await
        .unwrap();
    assert_eq!(
        out,
        Some(json!({"printed": true, "action_name": "my.shared"}))
    );
    // Loaded under one key per version (and project).
    let info = b.runtime.info("my.shared@1@<default-project>").unwrap();
    assert_eq!(info.component_hash, uploaded.component.digest);

    // A new version uploaded on a is what b runs next.
    on_a.upload(
        "my.shared",
        programs::ERROR_WITH_DETAILS,
        Default::default(),
    )
    .await
    .unwrap();
    let err = on_b
        .run(Call {
            name: "my.shared".into(),
            ..Call::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.error_value(), json!({"code": 42, "items": ["a", "b"]}));
    // The older version is unloaded once the newer one is in.
    assert!(b.runtime.info("my.shared@1@<default-project>").is_none());
    assert!(b.runtime.info("my.shared@2@<default-project>").is_some());
    a.shutdown().await;
    b.shutdown().await;
}

/// The action executions of the execution's only task, oldest first.
async fn task_actions(s: &Server, execution: &str) -> (String, Vec<Value>) {
    let tasks = s
        .get(&format!("/v2/executions/{execution}/tasks"))
        .await
        .json();
    let task = tasks["tasks"][0]["id"].as_str().unwrap().to_owned();
    let mut actions = Vec::new();
    let list = s
        .get(&format!("/v2/tasks/{task}/action_executions"))
        .await
        .json();
    for action in list["action_executions"].as_array().unwrap() {
        let id = action["id"].as_str().unwrap();
        actions.push(s.get(&format!("/v2/action_executions/{id}")).await.json());
    }
    actions.sort_by_key(|a| a["created_at"].as_str().unwrap_or_default().to_owned());
    (task, actions)
}

#[tokio::test]
async fn a_task_keeps_the_version_it_started_with_until_rerun() {
    each(async |s: &Server| {
        // Version 1 fails; version 2 succeeds.
        let v1 = upload(s, "name=my.pinned", programs::ERROR_WITH_DETAILS).await;
        assert_eq!(v1.status, 201, "{}", v1.body);
        let workflow = "---
version: '2.0'
pinned:
  tasks:
    t:
      action: my.pinned
      retry:
        count: 1
        delay: 3
";
        assert_eq!(s.post_yaml("/v2/workflows", workflow).await.status, 201);
        let started = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "pinned"}),
            )
            .await;
        assert_eq!(started.status, 201, "{}", started.body);
        let id = started.json()["id"].as_str().unwrap().to_owned();

        // Version 2 arrives after the first attempt failed, before the retry.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let (_, actions) = task_actions(s, &id).await;
            if actions.first().is_some_and(|a| a["state"] == "ERROR") {
                assert_eq!(actions.len(), 1, "the retry waits 3 s");
                break;
            }
            assert!(Instant::now() < deadline, "the first attempt never ended");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let v2 = upload(s, "name=my.pinned", programs::PRINTS).await;
        assert_eq!(v2.status, 201, "{}", v2.body);
        assert_eq!(v2.json()["actions"][0]["version"], 2);

        // The retry ran version 1 again.
        let ex = s.wait_done(&id).await;
        assert_eq!(ex["state"], "ERROR", "{ex}");
        let (task, actions) = task_actions(s, &id).await;
        assert_eq!(actions.len(), 2);
        for action in &actions {
            assert_eq!(action["state"], "ERROR", "{action}");
            assert_eq!(
                inner(&action["output"]),
                json!({"result": {"code": 42, "items": ["a", "b"]}})
            );
        }

        // A new task runs version 2.
        let again = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "pinned"}),
            )
            .await;
        let ex = s.wait_done(again.json()["id"].as_str().unwrap()).await;
        assert_eq!(ex["state"], "SUCCESS", "{ex}");

        // So does the failed task once rerun (it starts again).
        let rerun = s
            .send_json(
                "PUT",
                &format!("/v2/tasks/{task}"),
                &json!({"state": "RUNNING", "reset": true}),
            )
            .await;
        assert_eq!(rerun.status, 200, "{}", rerun.body);
        let deadline = Instant::now() + Duration::from_secs(30);
        let state = loop {
            let got = s.get(&format!("/v2/tasks/{task}")).await.json();
            let state = got["state"].as_str().unwrap_or_default().to_owned();
            if state == "SUCCESS" || Instant::now() > deadline {
                break state;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        assert_eq!(state, "SUCCESS");
        let (_, actions) = task_actions(s, &id).await;
        assert_eq!(actions.len(), 3);
        assert_eq!(
            inner(&actions[2]["output"]),
            json!({"result": {"printed": true, "action_name": "my.pinned"}})
        );
    })
    .await;
}

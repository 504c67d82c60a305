//! The control plane over HTTP: environments, cron trigger definitions,
//! completing asynchronous actions, execution reports and sub-execution
//! trees, on SQLite (and PostgreSQL when configured).

use crate::api_support;

use std::time::{Duration, Instant};

use crate::api_support::{Server, inner, servers};
use serde_json::{Value, json};

async fn each(test: impl AsyncFn(&Server)) {
    for server in servers().await {
        test(&server).await;
        server.stop().await;
    }
}

/// The fault string of a refusal, whatever its fault code.
fn fault_any(reply: &api_support::Reply) -> String {
    reply.json()["faultstring"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn fault(reply: &api_support::Reply) -> String {
    let body = reply.json();
    assert_eq!(body["faultcode"], "Client", "{}", reply.body);
    body["faultstring"].as_str().unwrap().to_owned()
}

const ENV_WF: &str = "version: '2.0'
env_wf:
  output:
    host: <% env().host %>
  tasks:
    show:
      action: std.echo output=<% env().port %>
      publish:
        port: <% task().result %>
";

const ASYNC_WF: &str = "version: '2.0'
async_wf:
  output:
    got: <% $.got %>
  tasks:
    wait:
      action: std.async_noop
      publish:
        got: <% task().result %>
";

const ASYNC_WORKBOOK: &str = "---
version: '2.0'

name: wb_async

actions:
  wrapped:
    base: std.async_noop
    output: (((<% $ %>)))

workflows:
  wf:
    output:
      got: <% $.got %>
    tasks:
      wait:
        action: wrapped
        publish:
          got: <% task().result %>
";

const PARENT: &str = "version: '2.0'
child_ok:
  tasks:
    c1:
      action: std.noop
child_bad:
  tasks:
    c2:
      action: std.fail error_data=\"deep\"
parent_wf:
  tasks:
    good:
      workflow: child_ok
      on-success: bad
    bad:
      workflow: child_bad
";

async fn start(s: &Server, workflow: &str, params: Value) -> Value {
    let reply = s
        .send_json(
            "POST",
            "/v2/executions",
            &json!({"workflow_name": workflow, "params": params.to_string()}),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json()
}

#[tokio::test]
async fn environments_crud_and_use_by_name() {
    each(async |s: &Server| {
        let created = s
            .send_json(
                "POST",
                "/v2/environments",
                &json!({"name": "dev", "description": "development",
                        "variables": json!({"host": "db.dev", "port": 5432}).to_string()}),
            )
            .await;
        assert_eq!(created.status, 201, "{}", created.body);
        let env = created.json();
        assert_eq!(env["name"], "dev");
        assert_eq!(env["description"], "development");
        assert_eq!(
            inner(&env["variables"]),
            json!({"host": "db.dev", "port": 5432})
        );
        assert_eq!(env["scope"], "private");
        assert_eq!(env["project_id"], "<default-project>");
        assert_eq!(env["created_at"].as_str().unwrap().len(), 19);
        assert!(env.get("updated_at").is_none(), "{env}");

        let dup = s
            .send_json("POST", "/v2/environments", &json!({"name": "dev"}))
            .await;
        assert_eq!(dup.status, 409, "{}", dup.body);
        let bad_key = s
            .send_json(
                "POST",
                "/v2/environments",
                &json!({"name": "x", "bogus": 1}),
            )
            .await;
        assert_eq!(bad_key.status, 400);
        assert_eq!(
            fault(&bad_key),
            "Please, check your environment definition. Only: ['name', 'description', \
             'variables'] are allowed as definition keys."
        );

        let one = s.get("/v2/environments/dev").await;
        assert_eq!(one.status, 200);
        assert!(one.json()["updated_at"].is_null());
        let list = s.get("/v2/environments?fields=name").await.json();
        assert_eq!(
            list["environments"],
            json!([{"id": env["id"], "name": "dev"}])
        );

        // Executions take the environment by name.
        assert_eq!(s.post_yaml("/v2/workflows", ENV_WF).await.status, 201);
        let ex = start(s, "env_wf", json!({"env": "dev"})).await;
        assert_eq!(
            inner(&ex["params"])["env"],
            json!({"host": "db.dev", "port": 5432})
        );
        let done = s.wait_done(ex["id"].as_str().unwrap()).await;
        assert_eq!(done["state"], "SUCCESS", "{done}");
        assert_eq!(inner(&done["output"]), json!({"host": "db.dev"}));
        // Expressions in an env see the env, unless `evaluate_env` is false.
        let ex2 = start(
            s,
            "env_wf",
            json!({"env": {"host": "<% env().base %>.dev", "base": "db", "port": 1}}),
        )
        .await;
        assert_eq!(inner(&ex2["params"])["env"]["host"], "db.dev");
        let done = s.wait_done(ex2["id"].as_str().unwrap()).await;
        assert_eq!(inner(&done["output"]), json!({"host": "db.dev"}));
        let raw = start(
            s,
            "env_wf",
            json!({"env": {"host": "<% env().base %>", "port": 1}, "evaluate_env": false}),
        )
        .await;
        assert_eq!(inner(&raw["params"])["env"]["host"], "<% env().base %>");
        let missing = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "env_wf", "params": {"env": "nope"}}),
            )
            .await;
        assert_eq!(missing.status, 400);
        assert_eq!(fault(&missing), "Environment is not found: nope");

        // PUT replaces what it names and keeps the rest.
        let updated = s
            .send_json(
                "PUT",
                "/v2/environments",
                &json!({"name": "dev", "variables": {"host": "db2"}, "scope": "public"}),
            )
            .await;
        assert_eq!(updated.status, 200, "{}", updated.body);
        let updated = updated.json();
        assert_eq!(inner(&updated["variables"]), json!({"host": "db2"}));
        assert_eq!(updated["description"], "development");
        assert_eq!(updated["scope"], "public");
        assert!(updated["updated_at"].is_string());
        let no_name = s
            .send_json("PUT", "/v2/environments", &json!({"variables": {}}))
            .await;
        assert_eq!(no_name.status, 400);
        assert_eq!(fault(&no_name), "Name of the environment is not provided.");
        let bad_scope = s
            .send_json(
                "PUT",
                "/v2/environments",
                &json!({"name": "dev", "scope": "galaxy"}),
            )
            .await;
        assert_eq!(bad_scope.status, 400);
        let unknown = s
            .send_json("PUT", "/v2/environments", &json!({"name": "nope"}))
            .await;
        assert_eq!(unknown.status, 404);
        assert_eq!(fault(&unknown), "Environment not found [name=nope]");

        assert_eq!(s.delete("/v2/environments/dev").await.status, 204);
        assert_eq!(s.get("/v2/environments/dev").await.status, 404);
        // The execution kept its copy.
        let again = s
            .get(&format!("/v2/executions/{}", ex["id"].as_str().unwrap()))
            .await;
        assert_eq!(inner(&again.json()["params"])["env"]["host"], "db.dev");
    })
    .await;
}

#[tokio::test]
async fn cron_trigger_definitions() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/workflows", ENV_WF).await.status, 201);
        let created = s
            .send_json(
                "POST",
                "/v2/cron_triggers",
                &json!({"name": "yearly", "workflow_name": "env_wf", "pattern": "0 0 1 1 *",
                        "remaining_executions": 2, "workflow_input": "{}",
                        "workflow_params": "{\"env\": {\"host\": \"h\"}}"}),
            )
            .await;
        assert_eq!(created.status, 201, "{}", created.body);
        let t = created.json();
        let keys: Vec<&String> = t.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "id",
                "name",
                "workflow_name",
                "workflow_id",
                "workflow_input",
                "workflow_params",
                "project_id",
                "scope",
                "pattern",
                "remaining_executions",
                "first_execution_time",
                "next_execution_time",
                "created_at"
            ]
        );
        assert_eq!(t["remaining_executions"], 2);
        assert!(t["first_execution_time"].is_null());
        let next = t["next_execution_time"].as_str().unwrap();
        assert!(next.ends_with("-01-01 00:00:00"), "{next}");
        assert_eq!(inner(&t["workflow_params"]), json!({"env": {"host": "h"}}));
        let wf = s.get("/v2/workflows/env_wf").await.json();
        assert_eq!(t["workflow_id"], wf["id"]);

        let one = s.get("/v2/cron_triggers/yearly").await;
        assert_eq!(one.status, 200);
        assert!(one.json()["updated_at"].is_null());
        let by_id = s
            .get(&format!("/v2/cron_triggers/{}", t["id"].as_str().unwrap()))
            .await;
        assert_eq!(by_id.json()["name"], "yearly");
        let list = s.get("/v2/cron_triggers").await.json();
        assert_eq!(list["cron_triggers"].as_array().unwrap().len(), 1);

        let refusals = [
            (
                json!({"name": "a", "workflow_name": "env_wf"}),
                "Pattern or first_execution_time must be specified.".to_owned(),
            ),
            (
                json!({"name": "a", "workflow_name": "env_wf", "pattern": "61 * * * *"}),
                "The specified pattern is not valid: 61 * * * *".to_owned(),
            ),
            (
                json!({"name": "a", "workflow_name": "env_wf",
                       "first_execution_time": "2020-01-01 00:00"}),
                "first_execution_time must be at least 1 minute in the future.".to_owned(),
            ),
            (
                json!({"name": "a", "workflow_name": "env_wf",
                       "first_execution_time": "2999-01-01 00:00", "remaining_executions": 3}),
                "Pattern must be provided if count is superior to 1.".to_owned(),
            ),
            (
                json!({"name": "a", "workflow_name": "env_wf",
                       "first_execution_time": "2999-01-01T00:00"}),
                "time data '2999-01-01T00:00' does not match format '%Y-%m-%d %H:%M'".to_owned(),
            ),
        ];
        for (body, message) in refusals {
            let reply = s.send_json("POST", "/v2/cron_triggers", &body).await;
            assert_eq!(reply.status, 400, "{body}: {}", reply.body);
            assert_eq!(fault(&reply), message, "{body}");
        }
        let bad_input = s
            .send_json(
                "POST",
                "/v2/cron_triggers",
                &json!({"name": "a", "workflow_name": "env_wf", "pattern": "* * * * *",
                        "workflow_input": {"surprise": 1}}),
            )
            .await;
        assert_eq!(bad_input.status, 400, "{}", bad_input.body);
        let unknown_wf = s
            .send_json(
                "POST",
                "/v2/cron_triggers",
                &json!({"name": "a", "workflow_name": "nope", "pattern": "* * * * *"}),
            )
            .await;
        assert_eq!(unknown_wf.status, 404, "{}", unknown_wf.body);
        let dup = s
            .send_json(
                "POST",
                "/v2/cron_triggers",
                &json!({"name": "yearly", "workflow_name": "env_wf", "pattern": "* * * * *"}),
            )
            .await;
        assert_eq!(dup.status, 409, "{}", dup.body);
        // Another name, but the same workflow, input, params and schedule
        // (params written in another key order): Mistral's second unique
        // key refuses it; other params make another trigger.
        let same = json!({"name": "yearly2", "workflow_name": "env_wf", "pattern": "0 0 1 1 *",
                          "remaining_executions": 2, "workflow_input": {},
                          "workflow_params": {"env": {"host": "h"}}});
        let twin = s.send_json("POST", "/v2/cron_triggers", &same).await;
        assert_eq!(twin.status, 409, "{}", twin.body);
        assert!(
            fault_any(&twin).starts_with("Duplicate entry for cron trigger yearly2:"),
            "{}",
            twin.body
        );
        let mut other = same.clone();
        other["workflow_params"] = json!({"env": {"host": "other"}});
        let created = s.send_json("POST", "/v2/cron_triggers", &other).await;
        assert_eq!(created.status, 201, "{}", created.body);
        assert_eq!(s.delete("/v2/cron_triggers/yearly2").await.status, 204);

        // A first time only: one run.
        let once = s
            .send_json(
                "POST",
                "/v2/cron_triggers",
                &json!({"name": "once", "workflow_name": "env_wf",
                        "first_execution_time": "2999-01-01 10:30"}),
            )
            .await
            .json();
        assert_eq!(once["remaining_executions"], 1);
        assert_eq!(once["first_execution_time"], "2999-01-01 10:30:00");
        assert_eq!(once["next_execution_time"], "2999-01-01 10:30:00");

        // A workflow that triggers start cannot go.
        let blocked = s.delete("/v2/workflows/env_wf").await;
        assert_eq!(blocked.status, 400, "{}", blocked.body);
        assert!(
            fault(&blocked).starts_with("Can't delete workflow that has cron triggers associated."),
            "{}",
            blocked.body
        );

        assert_eq!(s.delete("/v2/cron_triggers/yearly").await.status, 204);
        assert_eq!(s.get("/v2/cron_triggers/yearly").await.status, 404);
        assert_eq!(s.delete("/v2/cron_triggers/yearly").await.status, 404);
        assert_eq!(s.delete("/v2/cron_triggers/once").await.status, 204);
        assert_eq!(s.delete("/v2/workflows/env_wf").await.status, 204);
    })
    .await;
}

/// Waits until the execution's only task has a RUNNING action; its id.
async fn running_action(s: &Server, execution: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let tasks = s
            .get(&format!("/v2/executions/{execution}/tasks"))
            .await
            .json();
        if let Some(task) = tasks["tasks"].as_array().and_then(|t| t.first()) {
            let actions = s
                .get(&format!(
                    "/v2/tasks/{}/action_executions",
                    task["id"].as_str().unwrap()
                ))
                .await
                .json();
            if let Some(a) = actions["action_executions"]
                .as_array()
                .and_then(|a| a.first())
                && a["state"] == "RUNNING"
            {
                return a["id"].as_str().unwrap().to_owned();
            }
        }
        assert!(Instant::now() < deadline, "no running action");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn async_actions_are_completed_through_the_api() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/workflows", ASYNC_WF).await.status, 201);
        let ex = start(s, "async_wf", json!({})).await;
        let id = ex["id"].as_str().unwrap();
        let action = running_action(s, id).await;
        // Still waiting: nothing completes it but us.
        assert_eq!(
            s.get(&format!("/v2/executions/{id}")).await.json()["state"],
            "RUNNING"
        );

        let bogus = s
            .send_json(
                "PUT",
                &format!("/v2/action_executions/{action}"),
                &json!({"state": "BOGUS"}),
            )
            .await;
        assert_eq!(bogus.status, 400);
        assert_eq!(
            fault(&bogus),
            "Error. Expected one of ['SUCCESS', 'ERROR', 'CANCELLED', 'PAUSED', 'RUNNING'], \
             actual: BOGUS"
        );
        let done = s
            .send_json(
                "PUT",
                &format!("/v2/action_executions/{action}"),
                &json!({"state": "SUCCESS", "output": "{\"x\": 1}"}),
            )
            .await;
        assert_eq!(done.status, 200, "{}", done.body);
        let done = done.json();
        assert_eq!(done["state"], "SUCCESS");
        assert_eq!(inner(&done["output"]), json!({"result": {"x": 1}}));
        let finished = s.wait_done(id).await;
        assert_eq!(finished["state"], "SUCCESS", "{finished}");
        assert_eq!(inner(&finished["output"]), json!({"got": {"x": 1}}));
        // Only a running action can be completed.
        let again = s
            .send_json(
                "PUT",
                &format!("/v2/action_executions/{action}"),
                &json!({"state": "SUCCESS", "output": "{}"}),
            )
            .await;
        assert_eq!(again.status, 400, "{}", again.body);
        assert!(fault(&again).contains("not RUNNING"));

        // An error fails the task and the workflow.
        let ex = start(s, "async_wf", json!({})).await;
        let id = ex["id"].as_str().unwrap();
        let action = running_action(s, id).await;
        let failed = s
            .send_json(
                "PUT",
                &format!("/v2/action_executions/{action}"),
                &json!({"state": "ERROR", "output": "\"worker crashed\""}),
            )
            .await;
        assert_eq!(failed.status, 200, "{}", failed.body);
        assert_eq!(failed.json()["state"], "ERROR");
        let finished = s.wait_done(id).await;
        assert_eq!(finished["state"], "ERROR", "{finished}");
        assert!(
            finished["state_info"]
                .as_str()
                .unwrap()
                .contains("worker crashed"),
            "{finished}"
        );
        // An action run directly (no task) is completed in the store.
        let direct = s
            .send_json(
                "POST",
                "/v2/action_executions",
                &json!({"name": "std.async_noop"}),
            )
            .await;
        assert_eq!(direct.status, 201, "{}", direct.body);
        let direct = direct.json();
        assert_eq!(direct["state"], "RUNNING");
        let direct_id = direct["id"].as_str().unwrap();
        let completed = s
            .send_json(
                "PUT",
                &format!("/v2/action_executions/{direct_id}"),
                &json!({"state": "SUCCESS", "output": "{\"done\": true}"}),
            )
            .await;
        assert_eq!(completed.status, 200, "{}", completed.body);
        let got = s
            .get(&format!("/v2/action_executions/{direct_id}"))
            .await
            .json();
        assert_eq!(got["state"], "SUCCESS");
        assert_eq!(got["accepted"], true);
        assert_eq!(inner(&got["output"]), json!({"result": {"done": true}}));

        // An ad-hoc action over an async base applies its output then.
        let wb = s.post_yaml("/v2/workbooks", ASYNC_WORKBOOK).await;
        assert_eq!(wb.status, 201, "{}", wb.body);
        let ex = start(s, "wb_async.wf", json!({})).await;
        let id = ex["id"].as_str().unwrap();
        let action = running_action(s, id).await;
        let done = s
            .send_json(
                "PUT",
                &format!("/v2/action_executions/{action}"),
                &json!({"state": "SUCCESS", "output": "\"x\""}),
            )
            .await;
        assert_eq!(done.status, 200, "{}", done.body);
        assert_eq!(inner(&done.json()["output"]), json!({"result": "(((x)))"}));
        let finished = s.wait_done(id).await;
        assert_eq!(finished["state"], "SUCCESS", "{finished}");
        assert_eq!(inner(&finished["output"]), json!({"got": "(((x)))"}));

        assert_eq!(
            s.send_json(
                "PUT",
                "/v2/action_executions/nope",
                &json!({"state": "SUCCESS"})
            )
            .await
            .status,
            404
        );
    })
    .await;
}

#[tokio::test]
async fn reports_and_sub_execution_trees() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/workflows", PARENT).await.status, 201);
        let ex = start(s, "parent_wf", json!({})).await;
        let id = ex["id"].as_str().unwrap().to_owned();
        let done = s.wait_done(&id).await;
        assert_eq!(done["state"], "ERROR", "{done}");

        let full = s.get(&format!("/v2/executions/{id}/report")).await;
        assert_eq!(full.status, 200, "{}", full.body);
        let full = full.json();
        // parent: good, bad; child_ok: c1; child_bad: c2.
        assert_eq!(
            full["statistics"],
            json!({"total_tasks_count": 4, "running_tasks_count": 0, "success_tasks_count": 2,
                   "error_tasks_count": 2, "idle_tasks_count": 0, "paused_tasks_count": 0,
                   "estimated_time": 0})
        );
        let root = &full["root_workflow_execution"];
        assert_eq!(root["id"], id.as_str());
        assert_eq!(root["name"], "parent_wf");
        assert_eq!(root["state"], "ERROR");
        let tasks = root["task_executions"].as_array().unwrap();
        let names: Vec<&str> = tasks.iter().map(|t| t["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["good", "bad"]);
        let keys: Vec<&String> = tasks[0].as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "action_executions",
                "workflow_executions",
                "id",
                "name",
                "created_at",
                "updated_at",
                "state",
                "state_info"
            ]
        );
        let child = &tasks[1]["workflow_executions"][0];
        assert_eq!(child["name"], "child_bad");
        let c2 = &child["task_executions"][0];
        assert_eq!(c2["name"], "c2");
        assert_eq!(c2["state"], "ERROR");
        let action = &c2["action_executions"][0];
        assert_eq!(action["name"], "std.fail");
        assert_eq!(action["accepted"], true);
        assert_eq!(action["state"], "ERROR");
        let c2_id = c2["id"].as_str().unwrap();
        let action_id = action["id"].as_str().unwrap();
        let one = s
            .get(&format!("/v2/tasks/{c2_id}/action_executions/{action_id}"))
            .await;
        assert_eq!(one.status, 200, "{}", one.body);
        assert_eq!(one.json()["task_execution_id"], c2_id);
        assert!(one.json()["output"].is_string());
        let other_task = tasks[0]["id"].as_str().unwrap();
        assert_eq!(
            s.get(&format!(
                "/v2/tasks/{other_task}/action_executions/{action_id}"
            ))
            .await
            .status,
            404
        );

        // errors_only, whatever its value; and the depth limit.
        let errors = s
            .get(&format!(
                "/v2/executions/{id}/report?errors_only=false&max_depth=0"
            ))
            .await
            .json();
        assert_eq!(errors["statistics"]["total_tasks_count"], 1);
        assert_eq!(errors["statistics"]["error_tasks_count"], 1);
        let only = &errors["root_workflow_execution"]["task_executions"];
        assert_eq!(only.as_array().unwrap().len(), 1);
        assert_eq!(only[0]["name"], "bad");
        // Depth 0: the sub-workflow is listed without its tasks.
        let shallow = &only[0]["workflow_executions"][0];
        assert_eq!(shallow["name"], "child_bad");
        assert!(shallow.get("task_executions").is_none(), "{shallow}");
        let empty = s
            .get(&format!("/v2/executions/{id}/report?errors_only="))
            .await
            .json();
        assert_eq!(empty["statistics"]["total_tasks_count"], 4);
        let stats_only = s
            .get(&format!("/v2/executions/{id}/report?statistics_only=true"))
            .await
            .json();
        assert!(stats_only.get("root_workflow_execution").is_none());
        assert_eq!(s.get("/v2/executions/nope/report").await.status, 404);
        let bad_depth = s
            .get(&format!("/v2/executions/{id}/report?max_depth=deep"))
            .await;
        assert_eq!(bad_depth.status, 400);

        // Sub-executions: the execution and its descendants in pre-order.
        let tree = s
            .get(&format!("/v2/executions/{id}/executions"))
            .await
            .json();
        let names: Vec<&str> = tree["executions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["workflow_name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["parent_wf", "child_ok", "child_bad"]);
        assert!(tree["executions"][0].get("output").is_none());
        let errors = s
            .get(&format!(
                "/v2/executions/{id}/executions?errors_only=true&include_output=true"
            ))
            .await
            .json();
        let names: Vec<&str> = errors["executions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["workflow_name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["parent_wf", "child_bad"]);
        assert!(errors["executions"][0]["output"].is_string());
        // The CLI sends an empty `errors_only` by default: everything.
        let empty = s
            .get(&format!(
                "/v2/executions/{id}/executions?errors_only=&max_depth=-1"
            ))
            .await
            .json();
        assert_eq!(empty["executions"].as_array().unwrap().len(), 3);
        let depth0 = s
            .get(&format!("/v2/executions/{id}/executions?max_depth=0"))
            .await
            .json();
        assert_eq!(depth0["executions"].as_array().unwrap().len(), 1);
        let task_tree = s
            .get(&format!(
                "/v2/tasks/{}/executions",
                tasks[1]["id"].as_str().unwrap()
            ))
            .await
            .json();
        assert_eq!(task_tree["executions"][0]["workflow_name"], "child_bad");
    })
    .await;
}

const RERUN_WF: &str = "version: '2.0'
rerun_wf:
  output:
    after: <% $.after %>
  tasks:
    flaky:
      action: std.echo output=\"ran\"
      fail-on: <% env().fail %>
      on-success: after
      on-skip: after
    after:
      action: std.echo output=\"after\"
      publish:
        after: <% task().result %>
";

/// The id of the execution's task named `name`.
async fn task_id(s: &Server, execution: &str, name: &str) -> String {
    let tasks = s
        .get(&format!("/v2/executions/{execution}/tasks"))
        .await
        .json();
    tasks["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("no task {name}: {tasks}"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn failed_tasks_are_rerun_or_skipped() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/workflows", RERUN_WF).await.status, 201);
        let ex = start(s, "rerun_wf", json!({"env": {"fail": true}})).await;
        let id = ex["id"].as_str().unwrap().to_owned();
        assert_eq!(s.wait_done(&id).await["state"], "ERROR");
        let flaky = task_id(s, &id, "flaky").await;
        let path = format!("/v2/tasks/{flaky}");

        let refusals = [
            (
                json!({"state": "RUNNING"}),
                "Reset field is mandatory to rerun task.",
            ),
            (
                json!({"state": "RUNNING", "reset": false}),
                "Only with-items task has the option to not reset.",
            ),
            (
                json!({"state": "SUCCESS", "reset": true}),
                "Invalid task state. Only updating task to RUNNING or SKIPPED is supported.",
            ),
            (
                json!({"state": "RUNNING", "reset": true, "name": "other"}),
                "Task name does not match.",
            ),
            (
                json!({"state": "RUNNING", "reset": true, "workflow_name": "other"}),
                "Workflow name does not match.",
            ),
        ];
        for (body, message) in refusals {
            let reply = s.send_json("PUT", &path, &body).await;
            assert_eq!(reply.status, 400, "{body}: {}", reply.body);
            assert_eq!(fault(&reply), message, "{body}");
        }
        assert_eq!(
            s.send_json(
                "PUT",
                "/v2/tasks/nope",
                &json!({"state": "RUNNING", "reset": true})
            )
            .await
            .status,
            404
        );

        // Rerun with an env that lets it pass: the workflow goes on.
        let rerun = s
            .send_json(
                "PUT",
                &path,
                &json!({"id": flaky, "state": "RUNNING", "reset": true,
                        "env": json!({"fail": false}).to_string()}),
            )
            .await;
        assert_eq!(rerun.status, 200, "{}", rerun.body);
        assert_eq!(rerun.json()["id"], flaky.as_str());
        let done = s.wait_done(&id).await;
        assert_eq!(done["state"], "SUCCESS", "{done}");
        assert_eq!(inner(&done["output"]), json!({"after": "after"}));
        assert_eq!(inner(&done["params"])["env"], json!({"fail": false}));
        let flaky_task = s.get(&path).await.json();
        assert_eq!(flaky_task["state"], "SUCCESS");
        // Only a failed task can be rerun.
        let again = s
            .send_json("PUT", &path, &json!({"state": "RUNNING", "reset": true}))
            .await;
        assert_eq!(again.status, 400);
        assert_eq!(
            fault(&again),
            "The current task execution must be in ERROR for rerun. \
             Only updating task to rerun is supported."
        );

        // Skipping a failed task follows on-skip.
        let ex = start(s, "rerun_wf", json!({"env": {"fail": true}})).await;
        let id = ex["id"].as_str().unwrap().to_owned();
        assert_eq!(s.wait_done(&id).await["state"], "ERROR");
        let flaky = task_id(s, &id, "flaky").await;
        let skipped = s
            .send_json(
                "PUT",
                &format!("/v2/tasks/{flaky}"),
                &json!({"state": "SKIPPED"}),
            )
            .await;
        assert_eq!(skipped.status, 200, "{}", skipped.body);
        assert_eq!(skipped.json()["state"], "SKIPPED");
        let done = s.wait_done(&id).await;
        assert_eq!(done["state"], "SUCCESS", "{done}");
        assert_eq!(inner(&done["output"]), json!({"after": "after"}));
    })
    .await;
}

#[tokio::test]
async fn lists_filter_on_times() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/workflows", ENV_WF).await.status, 201);
        let ex = start(s, "env_wf", json!({"env": {"host": "h", "port": 1}})).await;
        let id = ex["id"].as_str().unwrap();
        let created = ex["created_at"].as_str().unwrap().to_owned();
        let ids = |reply: &api_support::Reply| -> Vec<String> {
            let body = reply.json();
            body["executions"]
                .as_array()
                .unwrap_or_else(|| panic!("{body}"))
                .iter()
                .map(|e| e["id"].as_str().unwrap().to_owned())
                .collect()
        };
        let query =
            |filter: &str| format!("/v2/executions?created_at={}", filter.replace(' ', "%20"));
        // A time copied from an answer names that whole second.
        assert_eq!(ids(&s.get(&query(&created)).await), [id]);
        assert_eq!(ids(&s.get(&query(&format!("gte:{created}"))).await), [id]);
        assert_eq!(ids(&s.get(&query(&format!("lte:{created}"))).await), [id]);
        assert!(ids(&s.get(&query(&format!("gt:{created}"))).await).is_empty());
        assert!(ids(&s.get(&query(&format!("lt:{created}"))).await).is_empty());
        assert_eq!(ids(&s.get(&query("gte:2000-01-01")).await), [id]);
        assert!(ids(&s.get(&query("gt:2999-01-01 00:00:00")).await).is_empty());
        let bad = s.get(&query("yesterday")).await;
        assert_eq!(bad.status, 400, "{}", bad.body);
        // Tasks too.
        let tasks = s
            .get(&format!(
                "/v2/tasks?workflow_execution_id={id}&created_at=gte:2000-01-01"
            ))
            .await
            .json();
        assert_eq!(tasks["tasks"].as_array().unwrap().len(), 1, "{tasks}");
    })
    .await;
}

//! Mistral's REST API v2 end to end: a node served over HTTP, driven the way
//! python-mistralclient and the conformance runner drive it, checking the
//! wire shapes of `../shared/mistral-reference/api-samples/`.

use crate::api_support;

use crate::api_support::{Server, inner, servers};
use serde_json::{Value, json};

const SAMPLE: &str = "---
version: '2.0'

sample_wf:
  description: api test
  tags: [demo]
  input:
    - names
    - greeting: Hello
  output:
    greetings: <% $.greetings %>
    last: <% $.last %>
  tasks:
    greet:
      with-items: n in <% $.names %>
      action: std.echo output=\"<% $.greeting %> <% $.n %>\"
      publish:
        greetings: <% task().result %>
      on-success: finish
    finish:
      action: std.echo output=\"done\"
      publish:
        last: <% task().result %>
";

const FAIL: &str = "version: '2.0'
sample_fail:
  tasks:
    boom:
      action: std.fail error_data=\"kaput\"
";

fn fault(reply: &api_support::Reply) -> String {
    let body = reply.json();
    assert_eq!(body["faultcode"], "Client", "{}", reply.body);
    assert!(body["debuginfo"].is_null());
    body["faultstring"].as_str().unwrap().to_owned()
}

async fn each(test: impl AsyncFn(&Server)) {
    for server in servers().await {
        test(&server).await;
        server.stop().await;
    }
}

/// `/health` answers while the process serves; `/ready` only while the
/// store answers with the schema this version knows (here: a migration
/// from a newer version appears, as when a newer node migrated the store).
#[tokio::test]
async fn health_and_readiness() {
    each(async |s: &Server| {
        let health = s.get("/health").await;
        assert_eq!(health.status, 200);
        assert_eq!(health.json()["status"], "ok");
        let ready = s.get("/ready").await;
        assert_eq!(ready.status, 200, "{}", ready.json());
        assert_eq!(
            ready.json(),
            json!({"status": "ready", "store": "reachable", "schema": "current"})
        );

        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&s.url).await.expect("database");
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
             VALUES (99999, 'from the future', TRUE, $1, 0)",
        )
        .bind(vec![0u8; 48])
        .execute(&pool)
        .await
        .expect("a newer migration recorded");
        pool.close().await;
        let ready = s.get("/ready").await;
        assert_eq!(ready.status, 503, "{}", ready.json());
        assert_eq!(ready.json()["status"], "not ready");
        assert!(
            ready.json()["schema"]
                .as_str()
                .is_some_and(|why| why.contains("newer")),
            "{}",
            ready.json()
        );
        // Still alive: only readiness depends on the store.
        assert_eq!(s.get("/health").await.status, 200);
    })
    .await;
}

#[tokio::test]
async fn root_lists_versions_and_v2_redirects() {
    each(async |s: &Server| {
        let root = s.get("/").await;
        assert_eq!(root.status, 200);
        let href = format!("http://{}/v2", s.addr);
        assert_eq!(
            root.json(),
            json!({"versions": [{"id": "v2.0", "status": "CURRENT",
                "links": [{"href": href, "target": "v2", "rel": "self"}]}]})
        );
        let v2 = s.get("/v2").await;
        assert_eq!(v2.status, 302);
        assert_eq!(v2.header("location"), Some(format!("{href}/").as_str()));
        assert_eq!(s.get("/v2/").await.json(), json!({ "uri": href }));
    })
    .await;
}

#[tokio::test]
async fn workflow_definitions_lifecycle() {
    each(async |s: &Server| {
        let created = s
            .post_yaml("/v2/workflows?scope=private&namespace=", SAMPLE)
            .await;
        assert_eq!(created.status, 201, "{}", created.body);
        let wf = &created.json()["workflows"][0];
        assert_eq!(wf["name"], "sample_wf");
        assert_eq!(wf["input"], "names, greeting=\"Hello\"");
        // An object in upload answers...
        assert_eq!(
            wf["interface"],
            json!({"input": ["names", {"greeting": "Hello"}], "output": ["greetings", "last"]})
        );
        assert_eq!(wf["tags"], json!(["demo"]));
        assert_eq!(wf["project_id"], "<default-project>");
        let created_at = wf["created_at"].as_str().unwrap();
        assert_eq!(created_at.len(), 19, "YYYY-MM-DD HH:MM:SS: {created_at}");
        assert!(wf.get("updated_at").is_none());
        let id = wf["id"].as_str().unwrap().to_owned();

        // ...a JSON string in GET answers.
        let one = s.get("/v2/workflows/sample_wf").await.json();
        assert_eq!(
            inner(&one["interface"]),
            json!({"input": ["names", {"greeting": "Hello"}], "output": ["greetings", "last"]})
        );
        assert!(one["updated_at"].is_null());
        assert_eq!(
            s.get(&format!("/v2/workflows/{id}")).await.json()["name"],
            "sample_wf"
        );
        let list = s.get("/v2/workflows").await.json();
        assert_eq!(list["workflows"].as_array().unwrap().len(), 1);
        assert!(list["workflows"][0]["interface"].is_string());
        let limited = s.get("/v2/workflows?fields=name").await.json();
        let keys: Vec<&String> = limited["workflows"][0]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(keys, ["id", "name"]);
        let bad_field = s.get("/v2/workflows?fields=nope").await;
        assert_eq!(bad_field.status, 400);

        let dup = s.post_yaml("/v2/workflows", SAMPLE).await;
        assert_eq!(dup.status, 409);
        let body = dup.json();
        assert!(
            body.get("faultcode").is_none(),
            "text endpoints: faultstring only"
        );
        assert!(body["faultstring"].as_str().unwrap().contains("sample_wf"));

        let bad = s
            .post_yaml("/v2/workflows", "version: '2.0'\nbad: [unclosed\n")
            .await;
        assert_eq!(bad.status, 400);
        assert!(bad.json()["faultstring"].is_string());

        let json_only = s
            .request(
                "POST",
                "/v2/workflows",
                Some(("text/plain", SAMPLE)),
                "application/json",
            )
            .await;
        assert_eq!(json_only.status, 406);
        assert_eq!(
            json_only.json(),
            json!({"code": 406, "title": "Not Acceptable", "description": null})
        );

        let updated = s
            .request("PUT", "/v2/workflows", Some(("text/plain", SAMPLE)), "*/*")
            .await;
        assert_eq!(updated.status, 200, "{}", updated.body);
        assert!(updated.json()["workflows"][0]["interface"].is_object());

        let missing = s.get("/v2/workflows/no_such_wf").await;
        assert_eq!(missing.status, 404);
        assert_eq!(
            fault(&missing),
            "Workflow not found [workflow_identifier=no_such_wf, namespace=]"
        );

        let deleted = s.delete("/v2/workflows/sample_wf").await;
        assert_eq!(deleted.status, 204);
        assert!(deleted.body.is_empty());
        assert_eq!(s.get("/v2/workflows/sample_wf").await.status, 404);
    })
    .await;
}

#[tokio::test]
async fn execution_runs_and_shows_tasks_results_and_actions() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/workflows", SAMPLE).await.status, 201);
        let started = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "sample_wf",
                        "input": "{\"names\": [\"a\", \"b\", \"c\"]}",
                        "params": "{\"env\": {\"k\": \"v\"}}",
                        "description": "api run"}),
            )
            .await;
        assert_eq!(started.status, 201, "{}", started.body);
        let ex = started.json();
        assert!(ex.get("published_global").is_none());
        assert_eq!(
            inner(&ex["input"]),
            json!({"names": ["a", "b", "c"], "greeting": "Hello"})
        );
        assert_eq!(
            inner(&ex["params"]),
            json!({"env": {"k": "v"}, "namespace": ""})
        );
        assert_eq!(ex["description"], "api run");
        let id = ex["id"].as_str().unwrap().to_owned();

        let done = s.wait_done(&id).await;
        assert_eq!(done["state"], "SUCCESS", "{done}");
        assert_eq!(
            inner(&done["output"]),
            json!({"greetings": ["Hello a", "Hello b", "Hello c"], "last": "done"})
        );
        assert_eq!(inner(&done["published_global"]), json!({}));

        let tasks = s.get(&format!("/v2/executions/{id}/tasks")).await.json();
        let tasks = tasks["tasks"].as_array().unwrap().clone();
        assert_eq!(tasks.len(), 2);
        let greet = tasks.iter().find(|t| t["name"] == "greet").unwrap();
        assert!(greet.get("result").is_none(), "lists drop result");
        assert_eq!(greet["type"], "ACTION");
        assert_eq!(greet["workflow_name"], "sample_wf");
        assert_eq!(greet["workflow_execution_id"], id.as_str());
        assert_eq!(
            inner(&greet["published"]),
            json!({"greetings": ["Hello a", "Hello b", "Hello c"]})
        );
        assert!(inner(&greet["runtime_context"]).get("with_items").is_some());
        let task_id = greet["id"].as_str().unwrap().to_owned();

        let task = s.get(&format!("/v2/tasks/{task_id}")).await.json();
        assert_eq!(
            inner(&task["result"]),
            json!(["Hello a", "Hello b", "Hello c"])
        );
        let filtered = s
            .get(&format!("/v2/tasks?workflow_execution_id={id}"))
            .await
            .json();
        assert_eq!(filtered["tasks"].as_array().unwrap().len(), 2);

        let actions = s
            .get(&format!(
                "/v2/action_executions?task_execution_id={task_id}"
            ))
            .await
            .json();
        let actions = actions["action_executions"].as_array().unwrap().clone();
        assert_eq!(actions.len(), 3);
        assert!(actions[0].get("output").is_none(), "lists drop output");
        let same = s
            .get(&format!("/v2/tasks/{task_id}/action_executions"))
            .await
            .json();
        assert_eq!(same["action_executions"].as_array().unwrap().len(), 3);
        let action_id = actions[0]["id"].as_str().unwrap();
        let action = s
            .get(&format!("/v2/action_executions/{action_id}"))
            .await
            .json();
        assert_eq!(action["name"], "std.echo");
        assert_eq!(action["state"], "SUCCESS");
        let output = inner(&action["output"]);
        assert!(output["result"].as_str().unwrap().starts_with("Hello "));

        let list = s.get("/v2/executions").await.json();
        let first = &list["executions"][0];
        assert!(first.get("output").is_none());
        let with_output = s.get("/v2/executions?include_output=true").await.json();
        assert!(with_output["executions"][0]["output"].is_string());

        let missing = s
            .get("/v2/tasks/00000000-0000-0000-0000-000000000000")
            .await;
        assert_eq!(missing.status, 404);
        fault(&missing);

        assert_eq!(s.delete(&format!("/v2/executions/{id}")).await.status, 204);
        let gone = s.get(&format!("/v2/executions/{id}")).await;
        assert_eq!(gone.status, 404);
        assert_eq!(
            fault(&gone),
            format!("WorkflowExecution not found [id={id}]")
        );
        assert_eq!(s.get(&format!("/v2/tasks/{task_id}")).await.status, 404);
    })
    .await;
}

#[tokio::test]
async fn start_errors_are_client_faults() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/workflows", SAMPLE).await.status, 201);
        let missing = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "sample_wf", "input": "{}"}),
            )
            .await;
        assert_eq!(missing.status, 400);
        assert!(fault(&missing).starts_with("Invalid input [name=sample_wf"));

        let bad_json = s
            .request(
                "POST",
                "/v2/executions",
                Some(("application/json", "{not json")),
                "*/*",
            )
            .await;
        assert_eq!(bad_json.status, 400);
        assert_eq!(fault(&bad_json), "Request is not in valid JSON format");

        let no_wf = s.send_json("POST", "/v2/executions", &json!({})).await;
        assert_eq!(no_wf.status, 400);
        let unknown = s
            .send_json("POST", "/v2/executions", &json!({"workflow_name": "nope"}))
            .await;
        assert_eq!(unknown.status, 404);
        fault(&unknown);

        // A plain object is accepted for input too.
        let object = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "sample_wf", "input": {"names": ["x"]}}),
            )
            .await;
        assert_eq!(object.status, 201, "{}", object.body);
        assert_eq!(
            inner(&object.json()["params"]),
            json!({"namespace": "", "env": {}})
        );
    })
    .await;
}

#[tokio::test]
async fn failed_execution_and_state_updates() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/workflows", FAIL).await.status, 201);
        let ex = s
            .send_json("POST", "/v2/executions", &json!({"workflow_name": "sample_fail"}))
            .await
            .json();
        let id = ex["id"].as_str().unwrap().to_owned();
        let done = s.wait_done(&id).await;
        assert_eq!(done["state"], "ERROR", "{done}");

        let path = format!("/v2/executions/{id}");
        let bogus = s.send_json("PUT", &path, &json!({"state": "BOGUS"})).await;
        assert_eq!(bogus.status, 400);
        assert_eq!(
            fault(&bogus),
            "Cannot change state to BOGUS. Allowed states are: 'RUNNING, PAUSED, SUCCESS, ERROR, CANCELLED"
        );
        let nothing = s.send_json("PUT", &path, &json!({})).await;
        assert_eq!(nothing.status, 400);
        let both = s
            .send_json("PUT", &path, &json!({"state": "PAUSED", "description": "x"}))
            .await;
        assert_eq!(both.status, 400);

        let described = s.send_json("PUT", &path, &json!({"description": "new"})).await;
        assert_eq!(described.status, 200, "{}", described.body);
        let body = described.json();
        assert_eq!(body["description"], "new");
        assert!(body.get("input").is_none(), "description updates answer a reduced object");
        assert_eq!(s.get(&path).await.json()["description"], "new");

        let tasks = s.get(&format!("{path}/tasks")).await.json();
        assert_eq!(tasks["tasks"][0]["state"], "ERROR");
        assert_eq!(s.get("/v2/executions/nope/tasks").await.status, 404);
    })
    .await;
}

#[tokio::test]
async fn lists_page_with_markers_and_filters() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/workflows", FAIL).await.status, 201);
        let mut ids = Vec::new();
        for _ in 0..3 {
            let ex = s
                .send_json(
                    "POST",
                    "/v2/executions",
                    &json!({"workflow_name": "sample_fail"}),
                )
                .await
                .json();
            ids.push(ex["id"].as_str().unwrap().to_owned());
        }
        for id in &ids {
            s.wait_done(id).await;
        }
        let mut seen = Vec::new();
        let mut path =
            "/v2/executions?limit=2&sort_keys=created_at,id&sort_dirs=asc,asc".to_owned();
        loop {
            let page = s.get(&path).await.json();
            for e in page["executions"].as_array().unwrap() {
                seen.push(e["id"].as_str().unwrap().to_owned());
            }
            match page.get("next").and_then(Value::as_str) {
                Some(next) => {
                    let prefix = format!("http://{}", s.addr);
                    assert!(next.starts_with(&prefix), "{next}");
                    path = next[prefix.len()..].to_owned();
                }
                None => break,
            }
            assert!(seen.len() <= 3);
        }
        let mut sorted = ids.clone();
        sorted.sort();
        let mut got = seen.clone();
        got.sort();
        assert_eq!(got, sorted, "every execution exactly once");

        let none = s.get("/v2/executions?workflow_name=other").await.json();
        assert!(none["executions"].as_array().unwrap().is_empty());
        let roots = s
            .get("/v2/executions?nulls=root_execution_id&state=ERROR")
            .await
            .json();
        assert_eq!(roots["executions"].as_array().unwrap().len(), 3);
        assert_eq!(s.get("/v2/executions?limit=0").await.status, 400);
        assert_eq!(s.get("/v2/executions?sort_dirs=up").await.status, 400);
    })
    .await;
}

#[tokio::test]
async fn actions_are_listed_and_run_directly() {
    each(async |s: &Server| {
        let echo = s.get("/v2/actions/std.echo").await.json();
        assert_eq!(echo["id"], "std.echo");
        assert_eq!(echo["input"], "output, delay=0");
        let list = s.get("/v2/actions").await.json();
        let names: Vec<&str> = list["actions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        assert!(names.contains(&"std.echo") && names.contains(&"std.noop"));
        assert_eq!(s.get("/v2/actions/std.nope").await.status, 404);

        let sync = s
            .send_json(
                "POST",
                "/v2/action_executions",
                &json!({"name": "std.echo", "input": "{\"output\": {\"x\": 1}}"}),
            )
            .await;
        assert_eq!(sync.status, 201, "{}", sync.body);
        let body = sync.json();
        assert!(body["id"].is_null() && body["created_at"].is_null());
        assert_eq!(body["state"], "SUCCESS");
        assert_eq!(body["output"], "{\"result\": {\"x\": 1}}");

        let saved = s
            .send_json(
                "POST",
                "/v2/action_executions",
                &json!({"name": "std.echo", "input": "{\"output\": \"saved\"}",
                        "params": "{\"save_result\": true}"}),
            )
            .await
            .json();
        assert_eq!(saved["state"], "RUNNING");
        let id = saved["id"].as_str().unwrap().to_owned();
        let mut state = String::new();
        for _ in 0..200 {
            let got = s.get(&format!("/v2/action_executions/{id}")).await.json();
            state = got["state"].as_str().unwrap().to_owned();
            if state == "SUCCESS" {
                assert_eq!(inner(&got["output"]), json!({"result": "saved"}));
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert_eq!(state, "SUCCESS");

        let bad = s
            .send_json(
                "POST",
                "/v2/action_executions",
                &json!({"name": "std.nope", "input": "{}"}),
            )
            .await;
        assert_eq!(bad.status, 400);
        assert_eq!(fault(&bad), "Failed to find action [action_name=std.nope]");
    })
    .await;
}

const ISSUE_12: &str = "version: '2.0'
gaps_wf:
  input:
    - maybe: null
  output:
    maybe: <% $.maybe %>
    big: <% $.big %>
    own: <% $.own %>
  tasks:
    slow:
      action: std.async_noop
    flaky:
      action: std.fail
      retry:
        count: 1
        delay: 0
      on-error: quick
    quick:
      action: std.noop
      publish:
        big: <% 1.0 * 10000000000000000 %>
        own: <% task().state %>
      on-success:
        - succeed
";

/// Issue 12's semantic points over HTTP, on each backend: an input
/// declared `- maybe: null` is optional (through the stored definition);
/// `task()` in its own publish shows SUCCESS; `succeed` cancels a sibling
/// still running; `runtime_context` shows Mistral's keys only, with
/// `retry_no` gone once retries end; floats are written as Python's
/// `json.dumps` writes them.
#[tokio::test]
async fn issue_12_semantics_over_http() {
    each(async |s: &Server| {
        let created = s.post_yaml("/v2/workflows", ISSUE_12).await;
        assert_eq!(created.status, 201, "{}", created.body);
        let started = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "gaps_wf"}),
            )
            .await;
        assert_eq!(started.status, 201, "{}", started.body);
        let ex = started.json();
        assert_eq!(inner(&ex["input"]), json!({"maybe": null}));
        let id = ex["id"].as_str().unwrap().to_owned();
        let done = s.wait_done(&id).await;
        assert_eq!(done["state"], "SUCCESS", "{done}");
        let output = done["output"].as_str().unwrap();
        // Python writes 1e16 as `1e+16` (serde_json would say `1e16`).
        assert!(output.contains("\"big\": 1e+16"), "{output}");
        assert_eq!(
            inner(&done["output"]),
            json!({"maybe": null, "big": 1e16, "own": "SUCCESS"})
        );

        let tasks = s.get(&format!("/v2/executions/{id}/tasks")).await.json();
        let tasks = tasks["tasks"].as_array().unwrap().clone();
        let task = |name: &str| tasks.iter().find(|t| t["name"] == name).unwrap().clone();
        let slow = task("slow");
        assert_eq!(slow["state"], "CANCELLED", "{slow}");
        assert_eq!(
            slow["state_info"],
            "Cancelled: the workflow ended in SUCCESS while the task was open"
        );
        let flaky = task("flaky");
        assert_eq!(flaky["state"], "ERROR");
        // Bora's bookkeeping stays out of the API; Mistral deleted
        // `retry_no` when the retries ended.
        assert_eq!(
            inner(&flaky["runtime_context"]),
            json!({"retry_task_policy": {}})
        );
        for t in &tasks {
            assert!(inner(&t["runtime_context"]).get("bora").is_none(), "{t}");
        }
    })
    .await;
}

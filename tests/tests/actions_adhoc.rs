//! Ad-hoc actions over REST: `/v2/actions` with YAML action lists, workbook
//! actions (`<workbook>.<action>`, called by short name inside the
//! workbook), nested ad-hoc actions, `env()` in `base-input`, `output`
//! transforms, wrong input, missing bases, and running one directly.

use crate::api_support;

use crate::api_support::{Server, inner, servers};
use serde_json::{Value, json};

const ACTIONS: &str = "---
version: '2.0'

greet_twice:
  description: Greets twice.
  tags: [demo]
  base: std.echo
  base-input:
    output: \"<% $.greeting %>, <% $.name %>\"
  input:
    - name
    - greeting: Hello
  output: \"<% $ %>! <% $ %>!\"

greet_env:
  base: greet_twice
  base-input:
    name: '{{ env().who }}'
  output:
    wrapped: <% $ %>

from_context:
  base: std.echo
  base-input:
    output: <% $.name %> from the workflow

broken_base:
  base: no.such.action
  input:
    - x
";

const WORKFLOW: &str = "---
version: '2.0'

uses_adhoc:
  input:
    - name
  output:
    twice: <% $.twice %>
    wrapped: <% $.wrapped %>
  tasks:
    twice:
      action: greet_twice name=<% $.name %>
      publish:
        twice: <% task().result %>
      on-success: env
    env:
      action: greet_env
      publish:
        wrapped: <% task().result %>

uses_context:
  input:
    - name
  output:
    said: <% $.said %>
  tasks:
    say:
      action: from_context
      publish:
        said: <% task().result %>

wrong_input:
  tasks:
    bad:
      action: greet_twice nme=\"typo\"

missing_base:
  tasks:
    bad:
      action: broken_base x=1
";

const WORKBOOK: &str = "---
version: '2.0'

name: wb_adhoc

actions:
  concat:
    base: std.echo
    base-input:
      output: \"<% $.a %>+<% $.b %>\"
    input:
      - a
      - b: \"B\"
  shout:
    base: wb_adhoc.concat
    base-input:
      a: '{{ _.word }}'
    input:
      - word
    output: <% $.toUpper() %>

workflows:
  main:
    output:
      result: <% $.result %>
    tasks:
      t:
        action: shout word=\"hi\"
        publish:
          result: <% task().result %>
";

fn fault(reply: &api_support::Reply) -> String {
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

async fn start(s: &Server, workflow: &str, input: Value, params: Value) -> Value {
    let started = s
        .send_json(
            "POST",
            "/v2/executions",
            &json!({"workflow_name": workflow, "input": input.to_string(),
                    "params": params.to_string()}),
        )
        .await;
    assert_eq!(started.status, 201, "{}", started.body);
    let id = started.json()["id"].as_str().unwrap().to_owned();
    s.wait_done(&id).await
}

async fn tasks_of(s: &Server, execution: &Value) -> Vec<Value> {
    let id = execution["id"].as_str().unwrap();
    s.get(&format!("/v2/executions/{id}/tasks")).await.json()["tasks"]
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test]
async fn adhoc_definitions_lifecycle() {
    each(async |s: &Server| {
        let created = s.post_yaml("/v2/actions", ACTIONS).await;
        assert_eq!(created.status, 201, "{}", created.body);
        let list = created.json()["actions"].as_array().unwrap().clone();
        assert_eq!(list.len(), 4);
        let greet = &list[0];
        assert_eq!(greet["name"], "greet_twice");
        assert_eq!(greet["input"], "name, greeting=\"Hello\"");
        assert_eq!(greet["description"], "Greets twice.");
        assert_eq!(greet["tags"], json!(["demo"]));
        assert_eq!(greet["scope"], "private");
        assert_eq!(greet["namespace"], "");
        assert_eq!(greet["is_system"], false);
        assert_eq!(greet["id"].as_str().unwrap().len(), 36, "a uuid");
        // Each action keeps its own part of the document.
        let definition = greet["definition"].as_str().unwrap();
        assert!(definition.contains("greet_twice:"), "{definition}");
        assert!(!definition.contains("greet_env:"), "{definition}");

        let one = s.get("/v2/actions/greet_env").await;
        assert_eq!(one.status, 200, "{}", one.body);
        assert_eq!(one.json()["input"], "");
        let by_id = s
            .get(&format!("/v2/actions/{}", greet["id"].as_str().unwrap()))
            .await;
        assert_eq!(by_id.json()["name"], "greet_twice");

        let all = s.get("/v2/actions").await.json();
        let names: Vec<&str> = all["actions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        for name in ["std.echo", "greet_twice", "greet_env", "broken_base"] {
            assert!(names.contains(&name), "{name} not in {names:?}");
        }
        let filtered = s.get("/v2/actions?name=greet_env&fields=name,input").await;
        assert_eq!(
            filtered.json()["actions"],
            json!([{"id": one.json()["id"], "name": "greet_env", "input": ""}])
        );

        // What `mistral action-list` asks for.
        let client = s
            .get(
                "/v2/actions?sort_keys=created_at&sort_dirs=asc&fields=id,name,is_system,\
                 input,description,tags,created_at,updated_at",
            )
            .await;
        assert_eq!(client.status, 200, "{}", client.body);
        let listed = client.json()["actions"].as_array().unwrap().clone();
        let greet_listed = listed.iter().find(|a| a["name"] == "greet_twice").unwrap();
        assert_eq!(greet_listed["tags"], json!(["demo"]));
        assert!(greet_listed.get("definition").is_none());
        let json_only = s
            .request(
                "POST",
                "/v2/actions",
                Some(("text/plain", ACTIONS)),
                "application/json",
            )
            .await;
        assert_eq!(json_only.status, 406);

        let dup = s.post_yaml("/v2/actions", ACTIONS).await;
        assert_eq!(dup.status, 409, "{}", dup.body);
        assert!(fault(&dup).contains("greet_twice"), "{}", dup.body);

        let changed = ACTIONS.replace("Greets twice.", "Greets two times.");
        let updated = s
            .request("PUT", "/v2/actions", Some(("text/plain", &changed)), "*/*")
            .await;
        assert_eq!(updated.status, 200, "{}", updated.body);
        let after = s.get("/v2/actions/greet_twice").await.json();
        assert_eq!(after["description"], "Greets two times.");
        assert_eq!(after["id"], greet["id"], "PUT keeps the id");
        assert!(after["updated_at"].is_string());

        // Namespaces keep same-named actions apart.
        let in_ns = s.post_yaml("/v2/actions?namespace=ns1", ACTIONS).await;
        assert_eq!(in_ns.status, 201, "{}", in_ns.body);
        let got = s.get("/v2/actions/greet_twice/ns1").await;
        assert_eq!(got.json()["namespace"], "ns1");
        assert_eq!(
            s.get("/v2/actions/greet_twice?namespace=ns2").await.status,
            404
        );

        let bad = s
            .post_yaml("/v2/actions", "version: '2.0'\nx:\n  input: [a]\n")
            .await;
        assert_eq!(bad.status, 400, "{}", bad.body);
        assert!(!fault(&bad).is_empty());
        let std_name = s
            .post_yaml(
                "/v2/actions",
                "version: '2.0'\nstd.echo:\n  base: std.noop\n",
            )
            .await;
        assert_eq!(std_name.status, 409, "{}", std_name.body);

        let system = s.delete("/v2/actions/std.echo").await;
        assert_eq!(system.status, 400);
        assert_eq!(
            fault(&system),
            "Attempt to delete a system action: std.echo"
        );
        assert_eq!(s.delete("/v2/actions/greet_env").await.status, 204);
        let gone = s.get("/v2/actions/greet_env").await;
        assert_eq!(gone.status, 404);
        assert_eq!(
            fault(&gone),
            "Action not found [name=greet_env, namespace=]"
        );
        assert_eq!(s.delete("/v2/actions/greet_env").await.status, 404);
        assert_eq!(
            s.delete("/v2/actions/greet_env?namespace=ns1").await.status,
            204
        );
    })
    .await;
}

#[tokio::test]
async fn workflows_call_adhoc_actions() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/actions", ACTIONS).await.status, 201);
        assert_eq!(s.post_yaml("/v2/workflows", WORKFLOW).await.status, 201);

        let ex = start(
            s,
            "uses_adhoc",
            json!({"name": "Ann"}),
            json!({"env": {"who": "Bob"}}),
        )
        .await;
        assert_eq!(ex["state"], "SUCCESS", "{ex}");
        assert_eq!(
            inner(&ex["output"]),
            json!({"twice": "Hello, Ann! Hello, Ann!",
                   "wrapped": {"wrapped": "Hello, Bob! Hello, Bob!"}})
        );
        // The action execution keeps the ad-hoc input as given.
        let tasks = tasks_of(s, &ex).await;
        let twice = tasks.iter().find(|t| t["name"] == "twice").unwrap();
        let actions = s
            .get(&format!(
                "/v2/action_executions?task_execution_id={}",
                twice["id"].as_str().unwrap()
            ))
            .await
            .json();
        assert_eq!(
            inner(&actions["action_executions"][0]["input"]),
            json!({"name": "Ann"})
        );

        // base-input sees the calling task's data behind the action input.
        let ex = start(s, "uses_context", json!({"name": "Eve"}), json!({})).await;
        assert_eq!(ex["state"], "SUCCESS", "{ex}");
        assert_eq!(
            inner(&ex["output"]),
            json!({"said": "Eve from the workflow"})
        );

        let ex = start(s, "wrong_input", json!({}), json!({})).await;
        assert_eq!(ex["state"], "ERROR", "{ex}");
        let info = ex["state_info"].as_str().unwrap();
        assert!(
            info.contains(
                "Invalid input [name=greet_twice, class=mistral.actions.adhoc.AdHocAction, \
                 missing=['name'], unexpected=['nme']]"
            ),
            "{info}"
        );

        let ex = start(s, "missing_base", json!({}), json!({})).await;
        assert_eq!(ex["state"], "ERROR", "{ex}");
        let info = ex["state_info"].as_str().unwrap();
        assert!(
            info.contains("Failed to find base action [action_name=no.such.action"),
            "{info}"
        );
    })
    .await;
}

#[tokio::test]
async fn workbook_actions_are_namespaced_and_nest() {
    each(async |s: &Server| {
        let created = s.post_yaml("/v2/workbooks", WORKBOOK).await;
        assert_eq!(created.status, 201, "{}", created.body);
        let concat = s.get("/v2/actions/wb_adhoc.concat").await;
        assert_eq!(concat.status, 200, "{}", concat.body);
        assert_eq!(concat.json()["input"], "a, b=\"B\"");
        let definition = concat.json()["definition"].as_str().unwrap().to_owned();
        assert!(
            definition.starts_with("---\nversion: '2.0'\n\nconcat:\n"),
            "{definition}"
        );
        assert_eq!(s.get("/v2/actions/concat").await.status, 404);

        let ex = start(s, "wb_adhoc.main", json!({}), json!({})).await;
        assert_eq!(ex["state"], "SUCCESS", "{ex}");
        assert_eq!(inner(&ex["output"]), json!({"result": "HI+B"}));

        // Updating the workbook replaces its actions.
        let changed = WORKBOOK.replace("toUpper()", "toLower()");
        let updated = s
            .request(
                "PUT",
                "/v2/workbooks",
                Some(("text/plain", &changed)),
                "*/*",
            )
            .await;
        assert_eq!(updated.status, 200, "{}", updated.body);
        let ex = start(s, "wb_adhoc.main", json!({}), json!({})).await;
        assert_eq!(inner(&ex["output"]), json!({"result": "hi+b"}));
    })
    .await;
}

/// Jinja's `_` in an `output` is the base action's result itself, here a
/// string (Mistral binds `_` to the data whatever its type).
#[tokio::test]
async fn jinja_output_over_a_string_result() {
    each(async |s: &Server| {
        let actions = "---
version: '2.0'
jinja_concat:
  base: std.echo
  base-input:
    output: '{{ _.a }}+{{ _.b }}'
  input:
    - a
    - b
  output:
    nested_concat: '{{ _ }}'
    upper: '{{ _ | upper }}'
";
        assert_eq!(s.post_yaml("/v2/actions", actions).await.status, 201);
        let workflow = "---
version: '2.0'
uses_jinja_concat:
  output:
    got: <% $.got %>
  tasks:
    t:
      action: jinja_concat a=\"x\" b=\"y\"
      publish:
        got: <% task().result %>
";
        assert_eq!(s.post_yaml("/v2/workflows", workflow).await.status, 201);
        let ex = start(s, "uses_jinja_concat", json!({}), json!({})).await;
        assert_eq!(ex["state"], "SUCCESS", "{ex}");
        assert_eq!(
            inner(&ex["output"]),
            json!({"got": {"nested_concat": "x+y", "upper": "X+Y"}})
        );
        let direct = s
            .send_json(
                "POST",
                "/v2/action_executions",
                &json!({"name": "jinja_concat", "input": "{\"a\": \"p\", \"b\": \"q\"}"}),
            )
            .await;
        assert_eq!(direct.status, 201, "{}", direct.body);
        assert_eq!(
            inner(&direct.json()["output"]),
            json!({"result": {"nested_concat": "p+q", "upper": "P+Q"}})
        );
    })
    .await;
}

#[tokio::test]
async fn adhoc_actions_run_directly() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/actions", ACTIONS).await.status, 201);
        let sync = s
            .send_json(
                "POST",
                "/v2/action_executions",
                &json!({"name": "greet_twice", "input": "{\"name\": \"Cy\", \"greeting\": \"Hi\"}"}),
            )
            .await;
        assert_eq!(sync.status, 201, "{}", sync.body);
        assert_eq!(
            inner(&sync.json()["output"]),
            json!({"result": "Hi, Cy! Hi, Cy!"})
        );
        let with_env = s
            .send_json(
                "POST",
                "/v2/action_executions",
                &json!({"name": "greet_env", "params": {"env": {"who": "Di"}}}),
            )
            .await;
        assert_eq!(with_env.status, 201, "{}", with_env.body);
        assert_eq!(
            inner(&with_env.json()["output"]),
            json!({"result": {"wrapped": "Hello, Di! Hello, Di!"}})
        );
        let bad = s
            .send_json(
                "POST",
                "/v2/action_executions",
                &json!({"name": "greet_twice", "input": "{}"}),
            )
            .await;
        assert_eq!(bad.status, 400, "{}", bad.body);
        assert_eq!(
            fault(&bad),
            "Invalid input [name=greet_twice, class=mistral.actions.adhoc.AdHocAction, \
             missing=['name']]"
        );
        let cycle = "version: '2.0'\nping:\n  base: pong\npong:\n  base: ping\n";
        assert_eq!(s.post_yaml("/v2/actions", cycle).await.status, 201);
        let looped = s
            .send_json("POST", "/v2/action_executions", &json!({"name": "ping"}))
            .await;
        assert_eq!(looped.status, 400, "{}", looped.body);
        assert_eq!(
            fault(&looped),
            "Found a cycle in an ad-hoc action chain [action_name=ping, \
             duplicate_action_name=ping]"
        );
    })
    .await;
}

const ASYNC_WORKBOOK: &str = "---
version: '2.0'

name: wb_async

actions:
  my_action:
    input:
      - my_param
    base: std.async_noop
    output: (((<% $ %>)))

workflows:
  wf:
    tasks:
      task1:
        action: my_action my_param=\"asdfasdf\"
";

/// An ad-hoc action over an asynchronous base stays RUNNING; when its
/// result is reported later, the `output` chain applies to it (errors pass
/// through unchanged).
#[tokio::test]
async fn async_adhoc_output_applies_when_completed() {
    use bora::actions::completed_result;
    use bora::bora_core::records::ActionResult;
    use bora::node::{Node, NodeConfig};
    use bora::service::StartRequest;

    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(NodeConfig {
        database_url: format!("sqlite://{}", dir.path().join("bora.sqlite").display()),
        ..Default::default()
    })
    .await
    .unwrap();
    node.service
        .put_workbook(ASYNC_WORKBOOK, "", "private", false)
        .await
        .unwrap();
    let ex = node
        .service
        .start_execution(StartRequest {
            workflow: "wb_async.wf".into(),
            ..StartRequest::default()
        })
        .await
        .unwrap();
    assert_eq!(ex.execution.state.as_str(), "RUNNING");
    let store = node.store();
    let snapshot = {
        let mut tx = store.begin().await.unwrap();
        tx.load_snapshot(&ex.execution.id).await.unwrap()
    };
    let action = &snapshot.actions[0];
    assert_eq!(action.name, "my_action");
    assert_eq!(action.state.as_str(), "RUNNING");

    let done = completed_result(store, action, ActionResult::Success(json!("x")))
        .await
        .unwrap();
    assert_eq!(done, ActionResult::Success(json!("(((x)))")));
    let failed = completed_result(store, action, ActionResult::Error(json!("e")))
        .await
        .unwrap();
    assert_eq!(failed, ActionResult::Error(json!("e")));
    node.shutdown().await;
}

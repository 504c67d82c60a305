//! Projects on a real `bora serve --auth tokens`: a token of one project
//! sees none of another project's objects, on every endpoint. The table of
//! expectations covers every operation of the OpenAPI document, so an
//! endpoint added without a line here fails the test. Public definitions
//! are readable and runnable by every project but changed only by their
//! own; an admin sees every project with `all_projects=true`. Uploaded
//! actions (wasm components) are a project's as ad-hoc ones are, and may
//! be public too. Names are per project: another project's name is free
//! (`project_names.rs` has the rest of that).

use crate::process_support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::process_support::{As, Server, free_port, new_token};
use bora_tests::programs;
use serde_json::{Value, json};

const WORKFLOWS: &str = "---
version: '2.0'
alpha_wf:
  tasks:
    greet:
      action: alpha_act
";

const PUBLIC: &str = "---
version: '2.0'
alpha_public:
  tasks:
    greet:
      action: std.echo output=shared
";

/// Beta's workflow naming alpha's private action and workflow.
const BORROWING: &str = "---
version: '2.0'
beta_wf:
  tasks:
    steal:
      action: alpha_act
    sub:
      workflow: alpha_wf
";

const WORKBOOK: &str = "---
version: '2.0'
name: alpha_wb
workflows:
  inner:
    tasks:
      t:
        action: std.noop
";

const ACTIONS: &str = "---
version: '2.0'
alpha_act:
  base: std.echo
  base-input:
    output: secret-of-alpha
";

/// Beta's workflow naming alpha's private and public uploads, and a name
/// nobody has.
const BORROWING_UPLOADS: &str = "---
version: '2.0'
beta_uploads:
  tasks:
    private:
      action: alpha_up say='private'
    unknown:
      action: nobody_has_this say='unknown'
    public:
      action: alpha_pub say='from-beta'
";

fn token(database: &str, project: &str, admin: bool) -> String {
    new_token(database, project, admin).1
}

/// What alpha made: the ids and names a route's parameters take.
struct Alpha {
    execution: String,
    task: String,
    action: String,
    adhoc_action_execution: String,
    event_trigger: String,
    workflow_id: String,
}

fn setup(alpha: &As) -> Alpha {
    alpha.made(alpha.yaml("POST", "/v2/actions", ACTIONS));
    alpha.made(alpha.yaml("POST", "/v2/actions?namespace=ns1", ACTIONS));
    let workflows = alpha.made(alpha.yaml("POST", "/v2/workflows", WORKFLOWS));
    let workflow_id = workflows["workflows"][0]["id"].as_str().unwrap().to_owned();
    alpha.made(alpha.yaml("POST", "/v2/workflows?scope=public", PUBLIC));
    alpha.made(alpha.yaml("POST", "/v2/workbooks", WORKBOOK));
    alpha.made(alpha.json(
        "POST",
        "/v2/environments",
        &json!({"name": "alpha_env", "variables": {"password": "alpha-only"}}),
    ));
    alpha.made(alpha.json(
        "POST",
        "/v2/cron_triggers",
        &json!({"name": "alpha_cron", "workflow_name": "alpha_wf", "pattern": "0 0 1 1 *"}),
    ));
    let trigger = alpha.made(alpha.json(
        "POST",
        "/v2/event_triggers",
        &json!({"name": "alpha_ev", "workflow_id": workflow_id, "exchange": "x",
                "topic": "t", "event": "e"}),
    ));
    let started = alpha.made(alpha.json(
        "POST",
        "/v2/executions",
        &json!({"workflow_name": "alpha_wf", "params": {"env": "alpha_env"}}),
    ));
    let execution = started["id"].as_str().unwrap().to_owned();
    let deadline = Instant::now() + Duration::from_secs(60);
    while alpha.get(&format!("/v2/executions/{execution}")).1["state"] != "SUCCESS" {
        assert!(
            Instant::now() < deadline,
            "alpha's execution did not finish"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let tasks = alpha.get(&format!("/v2/executions/{execution}/tasks")).1;
    assert_eq!(tasks["tasks"][0]["project_id"], "alpha", "{tasks}");
    let task = tasks["tasks"][0]["id"].as_str().unwrap().to_owned();
    let actions = alpha.get(&format!("/v2/tasks/{task}/action_executions")).1;
    assert_eq!(
        actions["action_executions"][0]["project_id"], "alpha",
        "{actions}"
    );
    let action = actions["action_executions"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let one = alpha.get(&format!("/v2/action_executions/{action}")).1;
    assert_eq!(one["project_id"], "alpha", "{one}");
    for (query, scope) in [
        ("name=alpha_up", "private"),
        ("name=alpha_pub&scope=public", "public"),
    ] {
        let uploaded = alpha.made(alpha.call(
            "POST",
            &format!("/v2/actions?{query}"),
            Some(("application/wasm", programs::PRINTS)),
        ));
        let version = &uploaded["actions"][0];
        assert_eq!(version["project_id"], "alpha", "{uploaded}");
        assert_eq!(version["scope"], scope, "{uploaded}");
        assert_eq!(version["compile_state"], "ready", "{uploaded}");
    }
    let adhoc = alpha.json(
        "POST",
        "/v2/action_executions",
        &json!({"name": "std.echo", "input": {"output": "alpha-ran-this"},
                "params": {"save_result": true, "run_sync": true}}),
    );
    assert!(matches!(adhoc.0, 200 | 201), "{}", adhoc.1);
    assert_eq!(adhoc.1["project_id"], "alpha", "{}", adhoc.1);
    Alpha {
        execution,
        task,
        action,
        adhoc_action_execution: adhoc.1["id"].as_str().unwrap().to_owned(),
        event_trigger: trigger["id"].as_str().unwrap().to_owned(),
        workflow_id,
    }
}

/// What beta meets on one operation.
enum Expect {
    /// Not about any project's object (health, validation, the webhook
    /// with its trigger's own token, ...).
    Open,
    /// Alpha's object at this path answers 404, as if it did not exist.
    Hidden(String),
    /// The list at this path shows beta none of alpha's: `field` of no
    /// item under `key` is `value` (alpha's list has it).
    Listed {
        path: String,
        key: &'static str,
        field: &'static str,
        value: String,
    },
    /// Beta's request naming alpha's objects gets `status`.
    Refused {
        path: String,
        body: Body,
        status: u16,
    },
    /// Beta's request naming alpha's names makes or changes beta's own
    /// (`status`): names are per project, alpha's stay as they are. The
    /// table runs in its order, so each POST comes before its PUT.
    Own {
        path: String,
        body: Body,
        status: u16,
    },
    /// Each of these, in order (an operation on several kinds of object:
    /// ad-hoc and uploaded actions).
    Each(Vec<Expect>),
}

enum Body {
    Json(Value),
    Yaml(&'static str),
    Wasm(&'static [u8]),
}

/// Every operation of the API document and what beta meets there.
fn table(a: &Alpha) -> BTreeMap<&'static str, Expect> {
    use Expect::{Each, Hidden, Listed, Open, Own, Refused};
    let e = &a.execution;
    let t = &a.task;
    let listed = |path: &str, key, field, value: &str| Listed {
        path: path.to_owned(),
        key,
        field,
        value: value.to_owned(),
    };
    let refused = |path: &str, body, status| Refused {
        path: path.to_owned(),
        body,
        status,
    };
    let own = |path: &str, body, status| Own {
        path: path.to_owned(),
        body,
        status,
    };
    BTreeMap::from([
        ("GET /health", Open),
        ("GET /ready", Open),
        ("GET /metrics", Open),
        ("GET /v2/", Open),
        ("GET /v2/openapi.json", Open),
        ("GET /v2/events", Open),
        ("POST /v2/events/{exchange}/{topic}", Open),
        ("POST /v2/workflows/validate", Open),
        ("POST /v2/workbooks/validate", Open),
        ("POST /v2/actions/validate", Open),
        (
            "GET /v2/workbooks",
            listed("/v2/workbooks", "workbooks", "name", "alpha_wb"),
        ),
        (
            "POST /v2/workbooks",
            own("/v2/workbooks", Body::Yaml(WORKBOOK), 201),
        ),
        (
            "PUT /v2/workbooks",
            own("/v2/workbooks", Body::Yaml(WORKBOOK), 200),
        ),
        (
            "GET /v2/workbooks/{name}",
            Hidden("/v2/workbooks/alpha_wb".into()),
        ),
        (
            "DELETE /v2/workbooks/{name}",
            Hidden("/v2/workbooks/alpha_wb".into()),
        ),
        (
            "GET /v2/workflows",
            listed("/v2/workflows", "workflows", "name", "alpha_wf"),
        ),
        (
            "POST /v2/workflows",
            own("/v2/workflows", Body::Yaml(WORKFLOWS), 201),
        ),
        (
            "PUT /v2/workflows",
            own("/v2/workflows", Body::Yaml(WORKFLOWS), 200),
        ),
        (
            "GET /v2/workflows/{id}",
            Hidden("/v2/workflows/alpha_wf".into()),
        ),
        (
            "DELETE /v2/workflows/{id}",
            Hidden(format!("/v2/workflows/{}", a.workflow_id)),
        ),
        (
            "GET /v2/executions",
            listed("/v2/executions", "executions", "id", e),
        ),
        (
            "POST /v2/executions",
            refused(
                "/v2/executions",
                Body::Json(json!({"workflow_name": "alpha_wf"})),
                404,
            ),
        ),
        (
            "GET /v2/executions/{id}",
            Hidden(format!("/v2/executions/{e}")),
        ),
        (
            "PUT /v2/executions/{id}",
            Hidden(format!("/v2/executions/{e}")),
        ),
        (
            "DELETE /v2/executions/{id}",
            Hidden(format!("/v2/executions/{e}")),
        ),
        (
            "GET /v2/executions/{id}/tasks",
            Hidden(format!("/v2/executions/{e}/tasks")),
        ),
        (
            "GET /v2/executions/{id}/report",
            Hidden(format!("/v2/executions/{e}/report")),
        ),
        (
            "GET /v2/executions/{id}/executions",
            Hidden(format!("/v2/executions/{e}/executions")),
        ),
        (
            "GET /v2/executions/{id}/graph",
            Hidden(format!("/v2/executions/{e}/graph")),
        ),
        ("GET /v2/tasks", listed("/v2/tasks", "tasks", "id", t)),
        ("GET /v2/tasks/{id}", Hidden(format!("/v2/tasks/{t}"))),
        ("PUT /v2/tasks/{id}", Hidden(format!("/v2/tasks/{t}"))),
        (
            "GET /v2/tasks/{id}/action_executions",
            Hidden(format!("/v2/tasks/{t}/action_executions")),
        ),
        (
            "GET /v2/tasks/{id}/action_executions/{action_id}",
            Hidden(format!("/v2/tasks/{t}/action_executions/{}", a.action)),
        ),
        (
            "GET /v2/tasks/{id}/executions",
            Hidden(format!("/v2/tasks/{t}/executions")),
        ),
        (
            "GET /v2/tasks/{id}/workflow_executions",
            Hidden(format!("/v2/tasks/{t}/workflow_executions")),
        ),
        (
            "GET /v2/action_executions",
            listed(
                "/v2/action_executions",
                "action_executions",
                "id",
                &a.adhoc_action_execution,
            ),
        ),
        (
            "POST /v2/action_executions",
            Each(vec![
                refused(
                    "/v2/action_executions",
                    Body::Json(json!({"name": "alpha_act", "params": {"run_sync": true}})),
                    400,
                ),
                refused(
                    "/v2/action_executions",
                    Body::Json(json!({"name": "alpha_up", "params": {"run_sync": true}})),
                    400,
                ),
            ]),
        ),
        (
            "GET /v2/action_executions/{id}",
            Hidden(format!("/v2/action_executions/{}", a.action)),
        ),
        (
            "PUT /v2/action_executions/{id}",
            Hidden(format!("/v2/action_executions/{}", a.action)),
        ),
        (
            "DELETE /v2/action_executions/{id}",
            Hidden(format!(
                "/v2/action_executions/{}",
                a.adhoc_action_execution
            )),
        ),
        (
            "GET /v2/action_executions/{id}/logs",
            Hidden(format!("/v2/action_executions/{}/logs", a.action)),
        ),
        (
            "GET /v2/environments",
            listed("/v2/environments", "environments", "name", "alpha_env"),
        ),
        (
            "POST /v2/environments",
            own(
                "/v2/environments",
                Body::Json(json!({"name": "alpha_env", "variables": {}})),
                201,
            ),
        ),
        (
            "PUT /v2/environments",
            own(
                "/v2/environments",
                Body::Json(json!({"name": "alpha_env", "variables": {"password": "x"}})),
                200,
            ),
        ),
        (
            "GET /v2/environments/{name}",
            Hidden("/v2/environments/alpha_env".into()),
        ),
        (
            "DELETE /v2/environments/{name}",
            Hidden("/v2/environments/alpha_env".into()),
        ),
        (
            "GET /v2/cron_triggers",
            listed("/v2/cron_triggers", "cron_triggers", "name", "alpha_cron"),
        ),
        (
            "POST /v2/cron_triggers",
            refused(
                "/v2/cron_triggers",
                Body::Json(json!({"name": "beta_cron", "workflow_name": "alpha_wf",
                                  "pattern": "0 0 1 1 *"})),
                404,
            ),
        ),
        (
            "GET /v2/cron_triggers/{name}",
            Hidden("/v2/cron_triggers/alpha_cron".into()),
        ),
        (
            "DELETE /v2/cron_triggers/{name}",
            Hidden("/v2/cron_triggers/alpha_cron".into()),
        ),
        (
            "GET /v2/event_triggers",
            listed("/v2/event_triggers", "event_triggers", "name", "alpha_ev"),
        ),
        (
            "POST /v2/event_triggers",
            refused(
                "/v2/event_triggers",
                Body::Json(json!({"name": "beta_ev", "workflow_id": a.workflow_id,
                                  "exchange": "x", "topic": "t2", "event": "e"})),
                404,
            ),
        ),
        (
            "GET /v2/event_triggers/{id}",
            Hidden(format!("/v2/event_triggers/{}", a.event_trigger)),
        ),
        (
            "PUT /v2/event_triggers/{id}",
            Hidden(format!("/v2/event_triggers/{}", a.event_trigger)),
        ),
        (
            "DELETE /v2/event_triggers/{id}",
            Hidden(format!("/v2/event_triggers/{}", a.event_trigger)),
        ),
        (
            "GET /v2/actions",
            Each(vec![
                listed("/v2/actions", "actions", "name", "alpha_act"),
                listed("/v2/actions", "actions", "name", "alpha_up"),
            ]),
        ),
        (
            "POST /v2/actions",
            Each(vec![
                own("/v2/actions", Body::Yaml(ACTIONS), 201),
                own(
                    "/v2/actions?name=alpha_up",
                    Body::Wasm(programs::PRINTS),
                    201,
                ),
            ]),
        ),
        (
            "PUT /v2/actions",
            Each(vec![
                own("/v2/actions", Body::Yaml(ACTIONS), 200),
                own(
                    "/v2/actions?name=alpha_up",
                    Body::Wasm(programs::PRINTS),
                    200,
                ),
            ]),
        ),
        (
            "GET /v2/actions/{name}",
            Each(vec![
                Hidden("/v2/actions/alpha_act".into()),
                Hidden("/v2/actions/alpha_up".into()),
            ]),
        ),
        (
            "DELETE /v2/actions/{name}",
            Each(vec![
                Hidden("/v2/actions/alpha_act".into()),
                Hidden("/v2/actions/alpha_up".into()),
            ]),
        ),
        (
            "GET /v2/actions/{name}/{namespace}",
            Hidden("/v2/actions/alpha_act/ns1".into()),
        ),
        (
            "DELETE /v2/actions/{name}/{namespace}",
            Hidden("/v2/actions/alpha_act/ns1".into()),
        ),
    ])
}

/// The operations of the served API document, as `METHOD /path`.
fn operations(port: u16) -> Vec<String> {
    let (_, doc) = process_support::request(port, "GET", "/v2/openapi.json", None);
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if ["get", "post", "put", "delete", "patch"].contains(&method.as_str()) {
                out.push(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    out
}

fn listed_values(answer: &Value, key: &str, field: &str) -> Vec<String> {
    answer[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key} in {answer}"))
        .iter()
        .filter_map(|item| item[field].as_str().map(str::to_owned))
        .collect()
}

/// What beta meets on one operation of the table.
fn check(op: &str, expect: &Expect, alpha: &As, beta: &As, admin: &As) {
    let method = op.split(' ').next().unwrap();
    let send = |path: &str, body: &Body| match body {
        Body::Json(body) => beta.json(method, path, body),
        Body::Yaml(text) => beta.yaml(method, path, text),
        Body::Wasm(bytes) => beta.call(method, path, Some(("application/wasm", bytes))),
    };
    match expect {
        Expect::Open => {}
        Expect::Each(all) => {
            for expect in all {
                check(op, expect, alpha, beta, admin);
            }
        }
        Expect::Hidden(path) => {
            let (status, body) = match method {
                "GET" | "DELETE" => beta.call(method, path, None),
                _ => beta.json(method, path, &json!({"state": "PAUSED"})),
            };
            assert_eq!(status, 404, "{op} as another project: {body}");
            assert!(
                body["faultstring"]
                    .as_str()
                    .is_some_and(|m| m.contains("not found")),
                "{op}: {body}"
            );
            if method == "GET" {
                assert_eq!(alpha.get(path).0, 200, "{op} as its own project");
            }
        }
        Expect::Listed {
            path,
            key,
            field,
            value,
        } => {
            let own = listed_values(&alpha.get(path).1, key, field);
            assert!(own.contains(value), "{op}: alpha's list {own:?}");
            let other = listed_values(&beta.get(path).1, key, field);
            assert!(!other.contains(value), "{op}: beta sees {value}: {other:?}");
            let all = format!("{path}?all_projects=true");
            let everything = listed_values(&admin.get(&all).1, key, field);
            assert!(everything.contains(value), "{op}: admin, all projects");
            assert_eq!(beta.get(&all).0, 403, "{op}: all_projects is for admins");
        }
        Expect::Refused { path, body, status } => {
            let answer = send(path, body);
            assert_eq!(answer.0, *status, "{op} as another project: {}", answer.1);
        }
        Expect::Own { path, body, status } => {
            let answer = send(path, body);
            assert_eq!(
                answer.0, *status,
                "{op} with another project's name: {}",
                answer.1
            );
            let text = answer.1.to_string();
            assert!(!text.contains(r#""project_id":"alpha""#), "{op}: {text}");
        }
    }
}

/// Public definitions, named environments and run-time names, before
/// beta holds names of its own like alpha's.
fn beta_borrows_nothing(alpha: &As, beta: &As, admin: &As, made: &Alpha) {
    // A public workflow: every project reads and runs it, only its own
    // project changes it; the run is the runner's.
    assert_eq!(beta.get("/v2/workflows/alpha_public").0, 200);
    let (status, body) = beta.call("DELETE", "/v2/workflows/alpha_public", None);
    assert_eq!(status, 403, "{body}");
    let started = beta.made(beta.json(
        "POST",
        "/v2/executions",
        &json!({"workflow_name": "alpha_public"}),
    ));
    assert_eq!(started["project_id"], "beta", "{started}");
    let id = started["id"].as_str().unwrap();
    assert_eq!(alpha.get(&format!("/v2/executions/{id}")).0, 404);
    // A named environment of another project is not there for beta.
    let (status, body) = beta.json(
        "POST",
        "/v2/executions",
        &json!({"workflow_name": "alpha_public", "params": {"env": "alpha_env"}}),
    );
    assert_eq!(status, 400, "{body}");
    // At run time too: beta's workflow cannot call alpha's private action
    // or workflow by name.
    beta.made(beta.yaml("POST", "/v2/workflows", BORROWING));
    let run = beta.made(beta.json(
        "POST",
        "/v2/executions",
        &json!({"workflow_name": "beta_wf"}),
    ));
    let id = run["id"].as_str().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let finished = loop {
        let now = beta.get(&format!("/v2/executions/{id}")).1;
        if now["state"] != "RUNNING" && now["state"] != "IDLE" {
            break now;
        }
        assert!(Instant::now() < deadline, "beta's execution did not finish");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(finished["state"], "ERROR", "{finished}");
    let tasks = beta.get(&format!("/v2/executions/{id}/tasks")).1;
    for task in tasks["tasks"].as_array().unwrap() {
        assert_eq!(task["state"], "ERROR", "{task}");
    }
    let everything = format!("{finished}{tasks}{}", beta.get("/v2/action_executions").1);
    assert!(!everything.contains("secret-of-alpha"), "{everything}");
    assert!(everything.contains("alpha_act"), "{everything}");

    assert_eq!(
        admin.get(&format!("/v2/executions/{}", made.execution)).0,
        404,
        "an admin sees other projects only when it asks"
    );
    assert_eq!(
        admin
            .get(&format!(
                "/v2/executions/{}?all_projects=true",
                made.execution
            ))
            .0,
        200
    );
}

/// The output of the (one) action execution of the task `name`, and the
/// action execution.
fn task_action(caller: &As, tasks: &Value, name: &str) -> (String, Value) {
    let task = tasks["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("no task {name}: {tasks}"));
    let id = task["id"].as_str().unwrap();
    let actions = caller.get(&format!("/v2/tasks/{id}/action_executions")).1;
    let listed = &actions["action_executions"][0];
    // Lists leave the output out.
    let action = caller
        .get(&format!(
            "/v2/action_executions/{}",
            listed["id"].as_str().unwrap()
        ))
        .1;
    let output = action["output"].as_str().unwrap_or_default().to_owned();
    (output, action)
}

/// Alpha's uploads: the private one is not there for beta, at run time
/// either (a call of it fails with the words of a name nobody has); the
/// public one beta reads and runs but cannot delete. What beta runs is
/// beta's.
fn uploads_public_and_private(alpha: &As, beta: &As, admin: &As) {
    let public = beta.get("/v2/actions/alpha_pub").1;
    assert_eq!(public["project_id"], "alpha", "{public}");
    assert_eq!(public["scope"], "public", "{public}");
    let names = listed_values(&beta.get("/v2/actions").1, "actions", "name");
    assert!(names.contains(&"alpha_pub".to_owned()), "{names:?}");
    assert!(!names.contains(&"alpha_up".to_owned()), "{names:?}");
    let all = admin.get("/v2/actions?all_projects=true").1;
    assert!(listed_values(&all, "actions", "name").contains(&"alpha_up".to_owned()));
    let (status, body) = beta.call("DELETE", "/v2/actions/alpha_pub", None);
    assert_eq!(status, 403, "{body}");
    assert_eq!(alpha.get("/v2/actions/alpha_pub").0, 200);

    // Run directly.
    let ran = beta.made(beta.json(
        "POST",
        "/v2/action_executions",
        &json!({"name": "alpha_pub", "input": {"say": "direct"},
                "params": {"save_result": true, "run_sync": true}}),
    ));
    assert_eq!(ran["project_id"], "beta", "{ran}");
    assert_eq!(ran["state"], "SUCCESS", "{ran}");
    assert!(ran["output"].as_str().unwrap().contains("direct"), "{ran}");
    let (status, body) = beta.json(
        "POST",
        "/v2/action_executions",
        &json!({"name": "alpha_up", "params": {"run_sync": true}}),
    );
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        body["faultstring"], "Failed to find action [action_name=alpha_up]",
        "{body}"
    );

    // From a workflow.
    beta.made(beta.yaml("POST", "/v2/workflows", BORROWING_UPLOADS));
    let run = beta.made(beta.json(
        "POST",
        "/v2/executions",
        &json!({"workflow_name": "beta_uploads"}),
    ));
    let id = run["id"].as_str().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while ["RUNNING", "IDLE"].contains(
        &beta.get(&format!("/v2/executions/{id}")).1["state"]
            .as_str()
            .unwrap_or(""),
    ) {
        assert!(Instant::now() < deadline, "beta's execution did not finish");
        std::thread::sleep(Duration::from_millis(100));
    }
    let tasks = beta.get(&format!("/v2/executions/{id}/tasks")).1;
    let (output, action) = task_action(beta, &tasks, "public");
    assert_eq!(action["state"], "SUCCESS", "{tasks} {action}");
    assert!(output.contains("from-beta"), "{action}");
    assert_eq!(action["project_id"], "beta", "{action}");
    let (private, action) = task_action(beta, &tasks, "private");
    assert_eq!(action["state"], "ERROR", "{action}");
    let (unknown, _) = task_action(beta, &tasks, "unknown");
    assert!(unknown.contains("Failed to find action"), "{unknown}");
    assert_eq!(
        private,
        unknown.replace("nobody_has_this", "alpha_up"),
        "another project's private upload is as unknown as a name nobody has"
    );
}

#[test]
fn a_project_sees_none_of_another_projects_objects_on_any_endpoint() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    let alpha_token = token(&database, "alpha", false);
    let beta_token = token(&database, "beta", false);
    let admin_token = token(&database, "ops", true);
    let server = Server::start(
        free_port(),
        &database,
        &["--auth", "tokens"],
        &dir.path().join("serve.log"),
    );
    let (alpha, beta, admin) = (
        As(server.port, &alpha_token),
        As(server.port, &beta_token),
        As(server.port, &admin_token),
    );
    let made = setup(&alpha);
    let table = table(&made);

    let missing: Vec<String> = operations(server.port)
        .into_iter()
        .filter(|op| !table.contains_key(op.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "operations without an isolation expectation (add them to table()): {missing:?}"
    );

    beta_borrows_nothing(&alpha, &beta, &admin, &made);
    uploads_public_and_private(&alpha, &beta, &admin);
    for (op, expect) in &table {
        check(op, expect, &alpha, &beta, &admin);
    }
    // Nothing of alpha's was changed or deleted on the way, though beta
    // now has names like alpha's.
    let env = alpha.get("/v2/environments/alpha_env").1;
    assert!(
        env["variables"].as_str().unwrap().contains("alpha-only"),
        "{env}"
    );
    assert_eq!(
        alpha.get(&format!("/v2/executions/{}", made.execution)).0,
        200
    );
    assert_eq!(alpha.get("/v2/workflows/alpha_wf").1["project_id"], "alpha");
    assert_eq!(beta.get("/v2/workflows/alpha_wf").1["project_id"], "beta");
    assert_eq!(alpha.get("/v2/actions/alpha_act").0, 200);
    let uploads = [
        alpha.get("/v2/actions/alpha_up").1,
        beta.get("/v2/actions/alpha_up").1,
    ];
    assert_eq!(
        uploads.map(|u| (u["project_id"].clone(), u["version"].clone())),
        [(json!("alpha"), json!(1)), (json!("beta"), json!(2))],
        "each project's own upload of the name, its versions counted apart"
    );
    assert_eq!(alpha.get("/v2/cron_triggers/alpha_cron").0, 200);
    assert_eq!(alpha.get("/v2/workbooks/alpha_wb").1["project_id"], "alpha");
}

//! `std.javascript` (alias `std.js`), Mistral's `JavaScriptAction` on Boa:
//! through the runtime (results, errors in Mistral's wording, the limits
//! that stop an endless script, the alias, the engine loaded on the first
//! call only and cached on disk) and through the API (a workflow that
//! calls it with `context: <% $ %>`, direct runs, the catalogue).

use crate::api_support;

use std::time::Duration;

use crate::api_support::{Server, inner, servers_with};
use crate::runtime_support::*;
use bora::runtime::{CacheOutcome, CallOverrides, FailureKind, Runtime, RuntimeConfig};
use serde_json::{Value, json};

fn script(script: &str, context: Value) -> Value {
    json!({"script": script, "context": context})
}

/// The message of a call that must fail with the action's own error.
async fn action_error(rt: &Runtime, name: &str, input: Value) -> String {
    match failure(rt, name, input, CallOverrides::default()).await {
        FailureKind::ActionError { message, details } => {
            assert_eq!(details, None, "{message}");
            message
        }
        other => panic!("{name}: expected the action's error, got {other:?}"),
    }
}

#[tokio::test]
async fn the_returned_value_is_the_result_as_json() {
    let rt = runtime().await;
    let cases = [
        ("return $.a + $.b", json!({"a": 1, "b": 2}), json!(3)),
        (
            "return {z: 1, a: [1, 'two', null], m: {y: true}}",
            Value::Null,
            json!({"z": 1, "a": [1, "two", null], "m": {"y": true}}),
        ),
        (
            "return $.items.map(function (i) { return i * 2 })",
            json!({"items": [1, 2, 3]}),
            json!([2, 4, 6]),
        ),
        ("return 'a' + \"b\" + $", json!("c"), json!("abc")),
        ("return null", Value::Null, Value::Null),
        // No return value: undefined, which Mistral returns as None.
        ("var x = 1;", Value::Null, Value::Null),
        ("return undefined", Value::Null, Value::Null),
        ("return $ === null", Value::Null, json!(true)),
        ("return 7 / 2", Value::Null, json!(3.5)),
    ];
    for (text, context, expected) in cases {
        let got = done(&rt, "std.javascript", script(text, context)).await;
        assert_eq!(got, expected, "{text}");
    }
    // Key order is kept both ways, as Mistral keeps dict order.
    let context = json!({"z": 1, "b": {"y": 2, "a": 3}, "m": [1]});
    let back = done(&rt, "std.javascript", script("return $", context.clone())).await;
    assert_eq!(back.to_string(), context.to_string());
    let made = done(
        &rt,
        "std.javascript",
        script("return {b: 1, a: 2}", Value::Null),
    )
    .await;
    assert_eq!(made.to_string(), r#"{"b":1,"a":2}"#);
    // The context defaults to null.
    let got = done(&rt, "std.javascript", json!({"script": "return $"})).await;
    assert_eq!(got, Value::Null);
}

#[tokio::test]
async fn std_js_is_the_same_action() {
    let rt = runtime().await;
    let got = done(
        &rt,
        "std.js",
        script("return $.a + $.b", json!({"a": 1, "b": 2})),
    )
    .await;
    assert_eq!(got, json!(3));
    assert_eq!(rt.describe("std.js"), rt.describe("std.javascript"));
    // One action, loaded once: the alias is not a second entry.
    let listed = rt.list();
    assert!(listed.iter().any(|n| n == "std.javascript"), "{listed:?}");
    assert!(!listed.iter().any(|n| n == "std.js"), "{listed:?}");
    let message = action_error(
        &rt,
        "std.js",
        script("throw new Error('boom')", Value::Null),
    )
    .await;
    assert_eq!(message, "JavaScriptAction failed: Error: boom");
}

#[tokio::test]
async fn javascript_errors_fail_in_mistral_wording() {
    let rt = runtime().await;
    let message = action_error(&rt, "std.javascript", script("return 1 +", Value::Null)).await;
    assert!(
        message.starts_with("JavaScriptAction failed: SyntaxError: "),
        "{message}"
    );
    let message = action_error(
        &rt,
        "std.javascript",
        script(
            "throw new TypeError('not ' + $.what)",
            json!({"what": "this"}),
        ),
    )
    .await;
    assert_eq!(message, "JavaScriptAction failed: TypeError: not this");
    let message = action_error(&rt, "std.javascript", script("return nope()", Value::Null)).await;
    assert!(
        message.starts_with("JavaScriptAction failed: ReferenceError: "),
        "{message}"
    );
    let message = action_error(&rt, "std.javascript", script("throw 'plain'", Value::Null)).await;
    assert_eq!(message, "JavaScriptAction failed: plain");
    assert_still_serves(&rt).await;
}

#[tokio::test]
async fn a_missing_script_is_mistral_invalid_input() {
    let rt = runtime().await;
    for name in ["std.javascript", "std.js"] {
        match failure(&rt, name, json!({"context": 1}), CallOverrides::default()).await {
            FailureKind::BadInput {
                message,
                missing,
                unexpected,
            } => {
                assert_eq!(
                    message,
                    format!(
                        "Invalid input [name={name}, \
                         class=mistral.actions.std_actions.JavaScriptAction, \
                         missing=['script']]"
                    )
                );
                assert_eq!(missing, vec!["script".to_owned()]);
                assert!(unexpected.is_empty());
            }
            other => panic!("{name}: unexpected failure {other:?}"),
        }
    }
}

#[tokio::test]
async fn an_endless_script_runs_out_of_fuel_or_time() {
    let rt = runtime().await;
    let endless = script("while (true) {}", Value::Null);
    let overrides = CallOverrides {
        fuel: Some(50_000_000),
        ..CallOverrides::default()
    };
    match failure(&rt, "std.javascript", endless.clone(), overrides).await {
        FailureKind::OutOfFuel { fuel } => assert_eq!(fuel, 50_000_000),
        other => panic!("unexpected failure {other:?}"),
    }
    // With fuel to spare, the deadline stops it.
    let overrides = CallOverrides {
        fuel: Some(90_000_000_000),
        timeout: Some(Duration::from_millis(300)),
        ..CallOverrides::default()
    };
    match failure(&rt, "std.javascript", endless, overrides).await {
        FailureKind::Timeout { timeout } => assert_eq!(timeout, Duration::from_millis(300)),
        other => panic!("unexpected failure {other:?}"),
    }
    assert_still_serves(&rt).await;
}

/// The engine is compiled on the first call, not when the runtime starts,
/// once however many calls race for it, and kept in the disk cache: a
/// second runtime on the same cache maps it instead of compiling it. What
/// the catalogue shows before that is what the component describes.
#[tokio::test]
async fn the_engine_loads_on_its_first_call_once_and_from_the_disk_cache() {
    let dir = tempfile::tempdir().unwrap();
    let config = || RuntimeConfig {
        cache_dir: Some(dir.path().to_path_buf()),
        ..test_config()
    };
    let rt = Runtime::new(config()).await.unwrap();
    assert!(rt.info("std.javascript").is_none(), "loaded at start");
    assert!(rt.list().iter().any(|n| n == "std.javascript"));
    let before = rt.describe("std.javascript").unwrap();
    assert_eq!(before.input_spec(), "script, context=null");
    let at_start = rt.compilations();

    let add = script("return $.a + $.b", json!({"a": 1, "b": 2}));
    let (one, two) = tokio::join!(
        done(&rt, "std.javascript", add.clone()),
        done(&rt, "std.js", add.clone())
    );
    assert_eq!((one, two), (json!(3), json!(3)));
    assert_eq!(rt.compilations(), at_start + 1, "compiled once");
    let info = rt.info("std.javascript").unwrap();
    assert_eq!(info.cache, CacheOutcome::Compiled);
    assert_eq!(info.descriptor, before);
    assert_eq!(rt.describe("std.js").unwrap(), before);

    let again = Runtime::new(config()).await.unwrap();
    assert_eq!(done(&again, "std.js", add).await, json!(3));
    assert_eq!(again.compilations(), 0);
    assert_eq!(
        again.info("std.javascript").unwrap().cache,
        CacheOutcome::Hit
    );
}

/// Without the standard actions (`bora action run` loads the one it runs)
/// nothing loads on its own.
#[tokio::test]
async fn a_runtime_without_std_actions_has_no_javascript() {
    let rt = Runtime::new(RuntimeConfig {
        load_std_actions: false,
        ..test_config()
    })
    .await
    .unwrap();
    assert!(rt.describe("std.javascript").is_none());
    assert!(rt.list().is_empty());
    match failure(
        &rt,
        "std.js",
        script("return 1", Value::Null),
        CallOverrides::default(),
    )
    .await
    {
        FailureKind::NotFound { name } => assert_eq!(name, "std.js"),
        other => panic!("unexpected failure {other:?}"),
    }
}

const WORKFLOW: &str = "version: '2.0'
js_wf:
  input:
    - a
    - b
  tasks:
    add:
      action: std.javascript
      input:
        script: |
          var keys = Object.keys($).filter(function (k) { return k === 'a' || k === 'b' });
          return {sum: $.a + $.b, keys: keys};
        context: <% $ %>
      publish:
        sum: <% task().result.sum %>
        keys: <% task().result.keys %>
      on-success: double
    double:
      action: std.js
      input:
        script: return $ * 2
        context: <% $.sum %>
      publish:
        doubled: <% task().result %>
  output:
    sum: <% $.sum %>
    keys: <% $.keys %>
    doubled: <% $.doubled %>
js_broken:
  tasks:
    throws:
      action: std.javascript script=\"throw new Error('broken on purpose')\"
";

fn fault(reply: &api_support::Reply) -> String {
    reply.json()["faultstring"]
        .as_str()
        .unwrap_or_else(|| panic!("no faultstring: {}", reply.body))
        .to_owned()
}

async fn start(s: &Server, workflow: &str, input: Value) -> Value {
    s.run_workflow(workflow, &input).await.1
}

#[tokio::test]
async fn workflows_and_direct_runs_call_it_by_either_name() {
    for server in servers_with("js_std", |_| {}).await {
        let s = &server;
        assert_eq!(s.post_yaml("/v2/workflows", WORKFLOW).await.status, 201);
        let done = start(s, "js_wf", json!({"a": 20, "b": 22})).await;
        assert_eq!(done["state"], "SUCCESS", "{done}");
        assert_eq!(
            inner(&done["output"]),
            json!({"sum": 42, "keys": ["a", "b"], "doubled": 84})
        );

        let broken = start(s, "js_broken", json!({})).await;
        assert_eq!(broken["state"], "ERROR", "{broken}");
        let id = broken["id"].as_str().unwrap();
        let tasks = s.get(&format!("/v2/executions/{id}/tasks")).await.json();
        let info = tasks["tasks"][0]["state_info"].as_str().unwrap_or_default();
        assert!(
            info.contains("JavaScriptAction failed: Error: broken on purpose"),
            "{tasks}"
        );

        for name in ["std.javascript", "std.js"] {
            let run = s
                .send_json(
                    "POST",
                    "/v2/action_executions",
                    &json!({"name": name,
                            "input": json!({"script": "return [$, typeof $]",
                                            "context": {"k": 1}}).to_string()}),
                )
                .await;
            assert_eq!(run.status, 201, "{}", run.body);
            let body = run.json();
            assert_eq!(body["state"], "SUCCESS", "{body}");
            assert_eq!(
                inner(&body["output"]),
                json!({"result": [{"k": 1}, "object"]})
            );
            let missing = s
                .send_json(
                    "POST",
                    "/v2/action_executions",
                    &json!({"name": name, "input": "{}"}),
                )
                .await;
            assert_eq!(missing.status, 400, "{}", missing.body);
            assert_eq!(
                fault(&missing),
                format!(
                    "Invalid input [name={name}, \
                     class=mistral.actions.std_actions.JavaScriptAction, missing=['script']]"
                )
            );
        }
        server.stop().await;
    }
}

/// Mistral lists the alias as an action of its own, with the same input.
#[tokio::test]
async fn the_catalogue_lists_both_names() {
    for server in servers_with("js_std", |_| {}).await {
        let s = &server;
        let list = s.get("/v2/actions").await.json();
        for name in ["std.javascript", "std.js"] {
            let entry = list["actions"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["name"] == name)
                .unwrap_or_else(|| panic!("{name} is not listed: {list}"))
                .clone();
            assert_eq!(entry["id"], name);
            assert_eq!(entry["input"], "script, context=null");
            let one = s.get(&format!("/v2/actions/{name}")).await;
            assert_eq!(one.status, 200, "{}", one.body);
            assert_eq!(one.json()["input"], "script, context=null");
        }
        let described = s.get("/v2/actions/std.js").await.json();
        assert!(
            described["description"]
                .as_str()
                .unwrap()
                .starts_with("Evaluates given JavaScript"),
            "{described}"
        );
        // Neither name can be taken by an ad-hoc action.
        let taken = s
            .post_yaml("/v2/actions", "version: '2.0'\nstd.js:\n  base: std.noop\n")
            .await;
        assert_eq!(taken.status, 409, "{}", taken.body);
        server.stop().await;
    }
}

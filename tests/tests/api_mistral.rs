//! The rest of Mistral's API as python-mistralclient 6.3 uses it: trailing
//! slashes, JSON faults on unknown routes and methods, the validate
//! endpoints, `task_name` on action executions, event triggers fed by the
//! webhook, and the notifier's webhooks (`params.notify`), on every backend.

use crate::api_support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::api_support::{Server, inner, servers, servers_with};
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

const WORKFLOWS: &str = "version: '2.0'
greet_wf:
  input:
    - name: World
  tasks:
    hello:
      action: std.echo output=\"Hello, <% $.name %>\"
      publish:
        event: <% execution().params.get(event_params) %>
";

const FAILING: &str = "version: '2.0'
failing_wf:
  tasks:
    first:
      action: std.noop
      on-success: boom
    boom:
      action: std.fail
";

async fn each(test: impl AsyncFn(&Server)) {
    for server in servers().await {
        test(&server).await;
        server.stop().await;
    }
}

fn fault(reply: &api_support::Reply) -> String {
    let body = reply.json();
    body["faultstring"]
        .as_str()
        .unwrap_or_else(|| panic!("no faultstring: {}", reply.body))
        .to_owned()
}

#[tokio::test]
async fn trailing_slashes_are_accepted_everywhere() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/workflows/", WORKFLOWS).await.status, 201);
        let listed = s.get("/v2/workflows/").await;
        assert_eq!(listed.status, 200, "{}", listed.body);
        assert_eq!(listed.json()["workflows"][0]["name"], "greet_wf");
        assert_eq!(
            s.get("/v2/workflows/greet_wf/").await.json()["name"],
            "greet_wf"
        );
        // What python-mistralclient sends for `action-get NAME` and
        // `action-delete NAME` without a namespace.
        let echo = s.get("/v2/actions/std.echo/").await;
        assert_eq!(echo.status, 200, "{}", echo.body);
        assert_eq!(echo.json()["name"], "std.echo");
        let adhoc = "version: '2.0'\nmy_echo:\n  base: std.echo\n  base-input:\n    output: hi\n";
        assert_eq!(s.post_yaml("/v2/actions", adhoc).await.status, 201);
        assert_eq!(s.get("/v2/actions/my_echo/").await.status, 200);
        assert_eq!(s.delete("/v2/actions/my_echo/").await.status, 204);
        assert_eq!(s.get("/v2/actions/my_echo").await.status, 404);
        // With a namespace segment, as the client sends it too.
        assert_eq!(
            s.post_yaml("/v2/actions?namespace=ns1", adhoc).await.status,
            201
        );
        assert_eq!(s.get("/v2/actions/my_echo/ns1/").await.status, 200);
        assert_eq!(s.delete("/v2/actions/my_echo/ns1").await.status, 204);
        assert_eq!(s.get("/v2/actions/my_echo/ns1").await.status, 404);
        // `/v2` still redirects to `/v2/`, as Mistral does.
        assert_eq!(s.get("/v2").await.status, 302);
        assert_eq!(s.get("/v2/").await.status, 200);
        let started = s
            .send_json(
                "POST",
                "/v2/executions/",
                &json!({"workflow_name": "greet_wf"}),
            )
            .await;
        assert_eq!(started.status, 201, "{}", started.body);
    })
    .await;
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_json_faults() {
    each(async |s: &Server| {
        let missing = s.get("/v2/no_such_thing").await;
        assert_eq!(missing.status, 404);
        assert!(
            missing
                .header("content-type")
                .unwrap()
                .starts_with("application/json")
        );
        assert_eq!(missing.json()["faultcode"], "Client");
        assert!(!fault(&missing).is_empty());

        let method = s.request("PATCH", "/v2/workflows", None, "*/*").await;
        assert_eq!(method.status, 405);
        assert!(
            method
                .header("content-type")
                .unwrap()
                .starts_with("application/json")
        );
        let message = fault(&method);
        assert!(
            message.contains("PATCH") && message.contains("/v2/workflows"),
            "{message}"
        );
        assert!(method.header("allow").unwrap().contains("GET"));
        // The same on the routes outside the trimmed ones.
        let root = s.request("DELETE", "/v2/", None, "*/*").await;
        assert_eq!(root.status, 405);
        assert!(fault(&root).contains("DELETE"));
    })
    .await;
}

#[tokio::test]
async fn validate_endpoints_answer_valid_or_the_error() {
    each(async |s: &Server| {
        let ok = s.post_yaml("/v2/workflows/validate", WORKFLOWS).await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert_eq!(ok.json(), json!({"valid": true}));
        let bad = s
            .post_yaml(
                "/v2/workflows/validate",
                "version: '2.0'\nw:\n  tasks:\n    a:\n      action: std.noop\n      on-success: nowhere\n",
            )
            .await;
        assert_eq!(bad.status, 200);
        assert_eq!(bad.json()["valid"], false);
        assert!(bad.json()["error"].as_str().unwrap().contains("nowhere"));
        // Nothing was stored.
        assert_eq!(s.get("/v2/workflows/w").await.status, 404);

        let workbook = "version: '2.0'\nname: wb\nworkflows:\n  inner:\n    tasks:\n      a:\n        action: std.noop\n";
        let ok = s.post_yaml("/v2/workbooks/validate", workbook).await;
        assert_eq!(ok.json(), json!({"valid": true}), "{}", ok.body);
        let bad = s
            .post_yaml("/v2/workbooks/validate", "version: '2.0'\nworkflows: 3\n")
            .await;
        assert_eq!(bad.status, 200);
        assert_eq!(bad.json()["valid"], false, "{}", bad.body);
        assert!(!bad.json()["error"].as_str().unwrap().is_empty());
        assert_eq!(s.get("/v2/workbooks/wb").await.status, 404);

        let action = "version: '2.0'\nshout:\n  base: std.echo\n  base-input:\n    output: HI\n";
        let ok = s.post_yaml("/v2/actions/validate/", action).await;
        assert_eq!(ok.json(), json!({"valid": true}), "{}", ok.body);
        let bad = s
            .post_yaml("/v2/actions/validate", "version: '2.0'\nshout:\n  base: [1]\n")
            .await;
        assert_eq!(bad.json()["valid"], false, "{}", bad.body);
        assert_eq!(s.get("/v2/actions/shout").await.status, 404);

        let broken = s
            .post_yaml("/v2/workflows/validate", "version: '2.0'\nbad: [unclosed\n")
            .await;
        assert_eq!(broken.status, 200);
        assert_eq!(broken.json()["valid"], false);
    })
    .await;
}

#[tokio::test]
async fn action_executions_name_their_task() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/workflows", WORKFLOWS).await.status, 201);
        let ex = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "greet_wf"}),
            )
            .await
            .json();
        let id = ex["id"].as_str().unwrap().to_owned();
        let done = s.wait_done(&id).await;
        assert_eq!(done["state"], "SUCCESS", "{done}");
        let list = s
            .get("/v2/action_executions?workflow_name=greet_wf")
            .await
            .json();
        let actions = list["action_executions"].as_array().unwrap();
        assert_eq!(actions.len(), 1, "{list}");
        assert_eq!(actions[0]["task_name"], "hello");
        assert_eq!(actions[0]["workflow_name"], "greet_wf");
        let one = s
            .get(&format!(
                "/v2/action_executions/{}",
                actions[0]["id"].as_str().unwrap()
            ))
            .await
            .json();
        assert_eq!(one["task_name"], "hello");
        let filtered = s.get("/v2/action_executions?task_name=hello").await.json();
        assert_eq!(filtered["action_executions"].as_array().unwrap().len(), 1);
        let none = s.get("/v2/action_executions?task_name=other").await.json();
        assert!(none["action_executions"].as_array().unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn event_trigger_starts_its_workflow_with_the_event() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/workflows", WORKFLOWS).await.status, 201);
        let missing = s
            .send_json(
                "POST",
                "/v2/event_triggers",
                &json!({"name": "t", "workflow_id": "greet_wf"}),
            )
            .await;
        assert_eq!(missing.status, 400);
        assert!(
            fault(&missing).contains("must be provided"),
            "{}",
            missing.body
        );

        let created = s
            .send_json(
                "POST",
                "/v2/event_triggers",
                &json!({"name": "on_order", "workflow_id": "greet_wf",
                        "exchange": "shop", "topic": "orders", "event": "order.created",
                        "workflow_input": "{\"name\": \"Ada\"}",
                        "workflow_params": "{\"env\": {\"k\": 1}}"}),
            )
            .await;
        assert_eq!(created.status, 201, "{}", created.body);
        let trigger = created.json();
        let token = trigger["token"].as_str().unwrap().to_owned();
        assert!(token.len() >= 32);
        let trigger_id = trigger["id"].as_str().unwrap().to_owned();
        assert_eq!(inner(&trigger["workflow_input"]), json!({"name": "Ada"}));

        // Shown once: never again.
        let got = s
            .get(&format!("/v2/event_triggers/{trigger_id}"))
            .await
            .json();
        assert!(got.get("token").is_none());
        assert_eq!(got["event"], "order.created");
        assert_eq!(
            s.get("/v2/event_triggers/on_order/").await.json()["id"],
            trigger_id.as_str()
        );
        let listed = s.get("/v2/event_triggers").await.json();
        assert_eq!(listed["event_triggers"].as_array().unwrap().len(), 1);
        let dup = s
            .send_json(
                "POST",
                "/v2/event_triggers",
                &json!({"name": "on_order", "workflow_id": "greet_wf",
                        "exchange": "x", "topic": "y", "event": "z"}),
            )
            .await;
        assert_eq!(dup.status, 409);

        let event = json!({"event_type": "order.created", "payload": {"order": 42}});
        let anonymous = s.send_json("POST", "/v2/events/shop/orders", &event).await;
        assert_eq!(anonymous.status, 401);
        fault(&anonymous);
        let wrong = s
            .send_json_with(
                "POST",
                "/v2/events/shop/orders",
                &event,
                &[("X-Event-Token", "not-a-token")],
            )
            .await;
        assert_eq!(wrong.status, 403);
        let elsewhere = s
            .send_json_with(
                "POST",
                "/v2/events/shop/refunds",
                &event,
                &[("X-Event-Token", &token)],
            )
            .await;
        assert_eq!(elsewhere.status, 403);
        let other_type = s
            .send_json_with(
                "POST",
                "/v2/events/shop/orders",
                &json!({"event_type": "order.deleted"}),
                &[("X-Event-Token", &token)],
            )
            .await;
        assert_eq!(other_type.status, 200, "{}", other_type.body);
        assert!(
            other_type.json()["executions"]
                .as_array()
                .unwrap()
                .is_empty()
        );

        let bearer = format!("Bearer {token}");
        let fired = s
            .send_json_with(
                "POST",
                "/v2/events/shop/orders",
                &event,
                &[("Authorization", &bearer)],
            )
            .await;
        assert_eq!(fired.status, 201, "{}", fired.body);
        let execution_id = fired.json()["executions"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let done = s.wait_done(&execution_id).await;
        assert_eq!(done["state"], "SUCCESS", "{done}");
        assert_eq!(inner(&done["input"]), json!({"name": "Ada"}));
        let params = inner(&done["params"]);
        assert_eq!(params["event_params"], event);
        assert_eq!(params["env"], json!({"k": 1}));
        let description: Value =
            serde_json::from_str(done["description"].as_str().unwrap()).unwrap();
        assert_eq!(description["triggered_by"]["type"], "event_trigger");
        assert_eq!(description["triggered_by"]["id"], trigger_id.as_str());
        // The workflow reads the event.
        let tasks = s
            .get(&format!("/v2/executions/{execution_id}/tasks"))
            .await
            .json();
        let task_id = tasks["tasks"][0]["id"].as_str().unwrap().to_owned();
        let task = s.get(&format!("/v2/tasks/{task_id}")).await.json();
        assert_eq!(inner(&task["published"])["event"], event);

        let renamed = s
            .send_json(
                "PUT",
                &format!("/v2/event_triggers/{trigger_id}"),
                &json!({"name": "orders_in"}),
            )
            .await;
        assert_eq!(renamed.status, 200, "{}", renamed.body);
        assert_eq!(renamed.json()["name"], "orders_in");
        let fixed = s
            .send_json(
                "PUT",
                &format!("/v2/event_triggers/{trigger_id}"),
                &json!({"topic": "other"}),
            )
            .await;
        assert_eq!(fixed.status, 400);
        assert!(fault(&fixed).contains("Can not update fields"));

        // The workflow cannot go while a trigger starts it.
        assert_eq!(s.delete("/v2/workflows/greet_wf").await.status, 400);
        assert_eq!(s.delete("/v2/event_triggers/orders_in").await.status, 204);
        assert_eq!(
            s.get(&format!("/v2/event_triggers/{trigger_id}"))
                .await
                .status,
            404
        );
        let gone = s
            .send_json_with(
                "POST",
                "/v2/events/shop/orders",
                &event,
                &[("X-Event-Token", &token)],
            )
            .await;
        assert_eq!(gone.status, 403);
    })
    .await;
}

/// One post the listener took: its JSON body and its `X-Hook-Token`.
type Received = (Value, Option<String>);

/// What the listener heard, and how many posts it refuses first.
#[derive(Clone, Default)]
struct Heard {
    events: Arc<Mutex<Vec<Received>>>,
    refuse: Arc<Mutex<usize>>,
}

async fn hear(
    State(heard): State<Heard>,
    headers: axum::http::HeaderMap,
    body: String,
) -> StatusCode {
    {
        let mut refuse = heard.refuse.lock().unwrap();
        if *refuse > 0 {
            *refuse -= 1;
            return StatusCode::SERVICE_UNAVAILABLE;
        }
    }
    let value: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    let token = headers
        .get("x-hook-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    heard.events.lock().unwrap().push((value, token));
    StatusCode::OK
}

async fn listener(refuse: usize) -> (String, Heard) {
    let heard = Heard::default();
    *heard.refuse.lock().unwrap() = refuse;
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(hear))
        .with_state(heard.clone());
    let socket = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = socket.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(socket, app).await;
    });
    (format!("http://{addr}/hook"), heard)
}

/// Waits until the listener heard `count` events (at most 20 s).
async fn heard_events(heard: &Heard, count: usize) -> Vec<Received> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let events = heard.events.lock().unwrap().clone();
        if events.len() >= count || Instant::now() > deadline {
            return events;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Runs `failing_wf` with these execution params until it fails; its id.
async fn run_failing_with(s: &Server, params: &Value) -> String {
    let started = s
        .send_json(
            "POST",
            "/v2/executions",
            &json!({"workflow_name": "failing_wf", "params": params.to_string()}),
        )
        .await;
    assert_eq!(started.status, 201, "{}", started.body);
    let id = started.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(s.wait_done(&id).await["state"], "ERROR");
    id
}

#[tokio::test]
async fn a_webhook_on_a_private_address_needs_the_operator() {
    each(async |s: &Server| {
        assert_eq!(s.post_yaml("/v2/workflows", FAILING).await.status, 201);
        let (url, heard) = listener(0).await;
        let params = json!({"notify": [{"type": "webhook", "url": url}]});
        run_failing_with(s, &params).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(
            heard.events.lock().unwrap().is_empty(),
            "a refused webhook was called"
        );
    })
    .await;
}

#[tokio::test]
async fn notify_webhooks_receive_workflow_and_task_events() {
    // The listeners are on loopback, which only the operator opens.
    let operator = |config: &mut bora::node::NodeConfig| {
        config.runtime.private_egress = vec!["127.0.0.1".into()];
    };
    for server in servers_with("bora_api", operator).await {
        let s = &server;
        assert_eq!(s.post_yaml("/v2/workflows", FAILING).await.status, 201);
        // The first post is refused: the notifier retries it.
        let (url, heard) = listener(1).await;
        let (filtered_url, filtered) = listener(0).await;
        let params = json!({"notify": [
            {"type": "webhook", "url": url, "headers": {"X-Hook-Token": "s3cret"}},
            {"type": "webhook", "url": filtered_url, "event_types": ["WORKFLOW_FAILED"]},
            {"type": "noop"},
        ]});
        let id = run_failing_with(s, &params).await;

        let expected = [
            ("WORKFLOW_LAUNCHED", None),
            ("TASK_LAUNCHED", Some("first")),
            ("TASK_SUCCEEDED", Some("first")),
            ("TASK_LAUNCHED", Some("boom")),
            ("TASK_FAILED", Some("boom")),
            ("WORKFLOW_FAILED", None),
        ];
        let events = heard_events(&heard, expected.len()).await;
        let mut seen: Vec<(String, Option<String>)> = events
            .iter()
            .map(|(e, token)| {
                assert_eq!(token.as_deref(), Some("s3cret"), "{e}");
                assert_eq!(e["workflow_name"], "failing_wf", "{e}");
                let task = e.get("workflow_execution_id").map(|_| {
                    assert_eq!(e["workflow_execution_id"], id.as_str());
                    e["name"].as_str().unwrap().to_owned()
                });
                if task.is_none() {
                    assert_eq!(e["id"], id.as_str());
                }
                (e["event"].as_str().unwrap().to_owned(), task)
            })
            .collect();
        let mut want: Vec<(String, Option<String>)> = expected
            .iter()
            .map(|(e, t)| ((*e).to_owned(), t.map(str::to_owned)))
            .collect();
        // Steps are posted in order, but a retried post may overtake.
        seen.sort();
        want.sort();
        assert_eq!(seen, want, "{events:?}");
        let failed = events
            .iter()
            .find(|(e, _)| e["event"] == "WORKFLOW_FAILED")
            .unwrap();
        assert_eq!(failed.0["state"], "ERROR");
        assert!(failed.0["state_info"].as_str().unwrap().contains("boom"));

        let only_failed = heard_events(&filtered, 1).await;
        assert_eq!(only_failed.len(), 1, "{only_failed:?}");
        assert_eq!(only_failed[0].0["event"], "WORKFLOW_FAILED");

        let bad = s
            .send_json(
                "POST",
                "/v2/executions",
                &json!({"workflow_name": "failing_wf",
                        "params": {"notify": [{"type": "webhook", "url": "ftp://x"}]}}),
            )
            .await;
        assert_eq!(bad.status, 400);
        assert!(fault(&bad).contains("notify"), "{}", bad.body);
        server.stop().await;
    }
}

//! `GET /v2/openapi.json`: the OpenAPI 3 document of the REST API,
//! generated from the handlers. Checked for its structure (every `$ref`
//! resolves, operation ids are unique, path parameters are declared) and
//! for covering every route clients use; the router is built from the same
//! annotations, and each described operation is called once to see that it
//! is served (never a 404 or 405 for a described route).

use std::collections::HashSet;

use crate::api_support::servers;
use serde_json::Value;

/// Every operation of the API (python-mistralclient's and Bora's own).
const OPERATIONS: &[(&str, &str)] = &[
    ("get", "/health"),
    ("get", "/ready"),
    ("get", "/metrics"),
    ("get", "/v2/action_executions/{id}/logs"),
    ("get", "/v2/"),
    ("get", "/v2/openapi.json"),
    ("get", "/v2/events"),
    ("post", "/v2/events/{exchange}/{topic}"),
    ("get", "/v2/workbooks"),
    ("post", "/v2/workbooks"),
    ("put", "/v2/workbooks"),
    ("get", "/v2/workbooks/{name}"),
    ("delete", "/v2/workbooks/{name}"),
    ("post", "/v2/workbooks/validate"),
    ("get", "/v2/workflows"),
    ("post", "/v2/workflows"),
    ("put", "/v2/workflows"),
    ("get", "/v2/workflows/{id}"),
    ("delete", "/v2/workflows/{id}"),
    ("post", "/v2/workflows/validate"),
    ("get", "/v2/actions"),
    ("post", "/v2/actions"),
    ("put", "/v2/actions"),
    ("get", "/v2/actions/{name}"),
    ("delete", "/v2/actions/{name}"),
    ("get", "/v2/actions/{name}/{namespace}"),
    ("delete", "/v2/actions/{name}/{namespace}"),
    ("post", "/v2/actions/validate"),
    ("get", "/v2/executions"),
    ("post", "/v2/executions"),
    ("get", "/v2/executions/{id}"),
    ("put", "/v2/executions/{id}"),
    ("delete", "/v2/executions/{id}"),
    ("get", "/v2/executions/{id}/tasks"),
    ("get", "/v2/executions/{id}/report"),
    ("get", "/v2/executions/{id}/executions"),
    ("get", "/v2/executions/{id}/graph"),
    ("get", "/v2/tasks"),
    ("get", "/v2/tasks/{id}"),
    ("put", "/v2/tasks/{id}"),
    ("get", "/v2/tasks/{id}/executions"),
    ("get", "/v2/tasks/{id}/action_executions"),
    ("get", "/v2/tasks/{id}/action_executions/{action_id}"),
    ("get", "/v2/tasks/{id}/workflow_executions"),
    ("get", "/v2/action_executions"),
    ("post", "/v2/action_executions"),
    ("get", "/v2/action_executions/{id}"),
    ("put", "/v2/action_executions/{id}"),
    ("delete", "/v2/action_executions/{id}"),
    ("get", "/v2/environments"),
    ("post", "/v2/environments"),
    ("put", "/v2/environments"),
    ("get", "/v2/environments/{name}"),
    ("delete", "/v2/environments/{name}"),
    ("get", "/v2/cron_triggers"),
    ("post", "/v2/cron_triggers"),
    ("get", "/v2/cron_triggers/{name}"),
    ("delete", "/v2/cron_triggers/{name}"),
    ("get", "/v2/event_triggers"),
    ("post", "/v2/event_triggers"),
    ("get", "/v2/event_triggers/{id}"),
    ("put", "/v2/event_triggers/{id}"),
    ("delete", "/v2/event_triggers/{id}"),
];

const METHODS: &[&str] = &["get", "put", "post", "delete", "patch", "head", "options"];

/// Every `$ref` in `value`.
fn refs<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                match (key.as_str(), inner) {
                    ("$ref", Value::String(target)) => out.push(target),
                    _ => refs(inner, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| refs(i, out)),
        _ => {}
    }
}

/// Resolves a local JSON pointer (`#/components/schemas/X`).
fn resolve<'a>(document: &'a Value, target: &str) -> Option<&'a Value> {
    document.pointer(target.strip_prefix('#')?)
}

#[tokio::test]
async fn openapi_document_describes_every_route() {
    for s in servers().await {
        let reply = s.get("/v2/openapi.json").await;
        assert_eq!(reply.status, 200);
        let document = reply.json();
        assert!(
            document["openapi"].as_str().unwrap().starts_with("3."),
            "{}",
            document["openapi"]
        );
        assert!(document["info"]["title"].is_string());
        let paths = document["paths"].as_object().unwrap();

        let mut described = HashSet::new();
        let mut ids = HashSet::new();
        for (path, item) in paths {
            for (method, operation) in item.as_object().unwrap() {
                if !METHODS.contains(&method.as_str()) {
                    continue;
                }
                described.insert((method.clone(), path.clone()));
                let id = operation["operationId"].as_str().unwrap();
                assert!(ids.insert(id.to_owned()), "operationId {id} twice");
                assert!(
                    operation["responses"]
                        .as_object()
                        .is_some_and(|r| !r.is_empty()),
                    "{method} {path} has no responses"
                );
                // Every `{param}` of the path is declared as a path parameter.
                let declared: Vec<&str> = operation["parameters"]
                    .as_array()
                    .map(|ps| {
                        ps.iter()
                            .filter(|p| p["in"] == "path")
                            .filter_map(|p| p["name"].as_str())
                            .collect()
                    })
                    .unwrap_or_default();
                for segment in path.split('/') {
                    if let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}'))
                    {
                        assert!(
                            declared.contains(&name),
                            "{method} {path}: {name} undeclared"
                        );
                    }
                }
            }
        }
        let expected: HashSet<(String, String)> = OPERATIONS
            .iter()
            .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
            .collect();
        let missing: Vec<_> = expected.difference(&described).collect();
        assert!(missing.is_empty(), "not described: {missing:?}");
        let unknown: Vec<_> = described.difference(&expected).collect();
        assert!(
            unknown.is_empty(),
            "described but not listed here: {unknown:?}"
        );

        let mut targets = Vec::new();
        refs(&document, &mut targets);
        assert!(!targets.is_empty());
        for target in targets {
            assert!(
                resolve(&document, target).is_some(),
                "$ref {target} does not resolve"
            );
        }

        // Each described operation is served: whatever the answer, it is
        // never "no such route" (404 with an empty id is the resource's
        // own "not found", told apart by its message) nor 405.
        for (method, path) in &described {
            if path == "/v2/events" {
                continue; // a stream that never ends
            }
            let concrete = path
                .replace("{exchange}", "ex")
                .replace("{topic}", "top")
                .replace('{', "x")
                .replace('}', "");
            let reply = s
                .request(&method.to_uppercase(), &concrete, None, "*/*")
                .await;
            assert_ne!(reply.status, 405, "{method} {concrete}: {}", reply.body);
            if reply.status == 404 {
                let message = reply.json()["faultstring"].as_str().unwrap().to_owned();
                assert_ne!(
                    message, "The resource could not be found.",
                    "{method} {concrete} is not routed"
                );
            }
            assert!(reply.status < 500, "{method} {concrete}: {}", reply.body);
        }
        s.stop().await;
    }
}

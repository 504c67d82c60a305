//! OpenTelemetry traces of `bora serve`: with `OTEL_EXPORTER_OTLP_ENDPOINT`
//! pointing at a collector in this process (OTLP/HTTP, protobuf, on
//! 127.0.0.1), an execution arrives as one trace whose id is the
//! execution's UUID, its tasks as spans under the execution's span, a
//! sub-workflow under the task that started it; the request spans too.
//! The batch exporter waits a minute between exports here, so the spans
//! arrive through the flush at SIGTERM.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::routing::post;
use opentelemetry_proto::tonic::collector::trace::v1::ExportTraceServiceRequest;
use opentelemetry_proto::tonic::common::v1::KeyValue;
use opentelemetry_proto::tonic::common::v1::any_value::Value as AnyValue;
use opentelemetry_proto::tonic::trace::v1::span::SpanKind;
use prost::Message;

use crate::process_support::{Server, create_workflows, free_port, get, start, wait_finished};

const WORKFLOWS: &str = "---
version: '2.0'
traced:
  tasks:
    first:
      action: std.echo output=1
      on-success: second
    second:
      workflow: traced_child
      on-success: third
    third:
      action: std.echo output=3
traced_child:
  tasks:
    inner:
      action: std.echo output=4
";

/// A span as the collector received it, with its service's name.
#[derive(Debug, Clone)]
struct Received {
    service: String,
    trace: String,
    span: String,
    parent: String,
    name: String,
    kind: i32,
    start: u64,
    end: u64,
    attributes: HashMap<String, String>,
}

fn text(attributes: &[KeyValue]) -> HashMap<String, String> {
    attributes
        .iter()
        .filter_map(|kv| {
            let value = match kv.value.as_ref()?.value.as_ref()? {
                AnyValue::StringValue(s) => s.clone(),
                AnyValue::IntValue(i) => i.to_string(),
                AnyValue::BoolValue(b) => b.to_string(),
                _ => return None,
            };
            Some((kv.key.clone(), value))
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

type Spans = Arc<Mutex<Vec<Received>>>;

/// `POST /v1/traces`: decodes the request and keeps its spans.
async fn collect(
    State(spans): State<Spans>,
    body: Bytes,
) -> (StatusCode, [(header::HeaderName, &'static str); 1], Vec<u8>) {
    let Ok(request) = ExportTraceServiceRequest::decode(body) else {
        return (
            StatusCode::BAD_REQUEST,
            [(header::CONTENT_TYPE, "text/plain")],
            b"not OTLP".to_vec(),
        );
    };
    let mut kept = spans.lock().unwrap();
    for resource_spans in request.resource_spans {
        let service = resource_spans
            .resource
            .map(|r| text(&r.attributes))
            .and_then(|mut a| a.remove("service.name"))
            .unwrap_or_default();
        for scope in resource_spans.scope_spans {
            for span in scope.spans {
                kept.push(Received {
                    service: service.clone(),
                    trace: hex(&span.trace_id),
                    span: hex(&span.span_id),
                    parent: hex(&span.parent_span_id),
                    name: span.name,
                    kind: span.kind,
                    start: span.start_time_unix_nano,
                    end: span.end_time_unix_nano,
                    attributes: text(&span.attributes),
                });
            }
        }
    }
    // An empty ExportTraceServiceResponse: everything accepted.
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/x-protobuf")],
        Vec::new(),
    )
}

fn one<'a>(spans: &'a [&Received], name: &str) -> &'a Received {
    let named: Vec<_> = spans.iter().filter(|s| s.name == name).collect();
    assert_eq!(named.len(), 1, "one span {name}: {spans:#?}");
    named[0]
}

#[test]
fn an_execution_is_one_trace_with_a_span_per_task() {
    let collector = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let spans: Spans = Arc::default();
    let app = Router::new()
        .route("/v1/traces", post(collect))
        .with_state(spans.clone());
    let listener = collector
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    collector.spawn(async move { axum::serve(listener, app).await });

    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    let server = Server::start_with_env(
        port,
        &database,
        &[],
        &[
            ("OTEL_EXPORTER_OTLP_ENDPOINT", &endpoint),
            // Nothing is exported before the flush at shutdown.
            ("OTEL_BSP_SCHEDULE_DELAY", "60000"),
        ],
        &dir.path().join("serve.log"),
    );
    create_workflows(port, WORKFLOWS);
    let ids = [start(port, "traced"), start(port, "traced")];
    let mut task_ids = HashMap::new();
    for id in &ids {
        let done = wait_finished(port, id);
        assert_eq!(
            done,
            "SUCCESS",
            "{}",
            get(port, &format!("/v2/executions/{id}"))
        );
        for task in get(port, &format!("/v2/executions/{id}/tasks"))["tasks"]
            .as_array()
            .unwrap()
        {
            task_ids.insert(
                task["id"].as_str().unwrap().to_owned(),
                task["name"].as_str().unwrap().to_owned(),
            );
        }
    }
    let (status, _) = server.terminate(Duration::from_secs(60));
    assert!(status.success(), "{status:?}");

    let received = spans.lock().unwrap().clone();
    let log = std::fs::read_to_string(dir.path().join("serve.log")).unwrap();
    assert!(!received.is_empty(), "nothing exported; log:\n{log}");
    assert!(
        received.iter().all(|s| s.service == "bora"),
        "{received:#?}"
    );
    for id in &ids {
        // The trace id is the execution's UUID.
        let trace = id.replace('-', "");
        let trace_spans: Vec<&Received> = received.iter().filter(|s| s.trace == trace).collect();
        let mut names: Vec<&str> = trace_spans.iter().map(|s| s.name.as_str()).collect();
        names.sort_unstable();
        assert_eq!(
            names,
            [
                "first",
                "inner",
                "second",
                "third",
                "traced",
                "traced_child"
            ],
            "{trace_spans:#?}"
        );

        let execution = one(&trace_spans, "traced");
        assert_eq!(execution.parent, "", "the execution's span is the root");
        assert_eq!(execution.attributes["bora.execution.id"], *id);
        assert_eq!(execution.attributes["bora.workflow.name"], "traced");
        assert_eq!(execution.attributes["bora.state"], "SUCCESS");
        for name in ["first", "second", "third"] {
            let task = one(&trace_spans, name);
            assert_eq!(
                task.parent, execution.span,
                "{name} hangs under the execution"
            );
            assert_eq!(task.attributes["bora.execution.id"], *id);
            assert_eq!(task.attributes["bora.workflow.name"], "traced");
            assert_eq!(task.attributes["bora.task.name"], name);
            assert_eq!(task.attributes["bora.state"], "SUCCESS");
            assert_eq!(
                task_ids
                    .get(&task.attributes["bora.task.id"])
                    .map(String::as_str),
                Some(name),
                "the task id is the API's"
            );
            assert!(
                execution.start <= task.start
                    && task.start <= task.end
                    && task.end <= execution.end,
                "{name} lies within the execution: {task:?} {execution:?}"
            );
        }
        let (first, third) = (one(&trace_spans, "first"), one(&trace_spans, "third"));
        assert!(first.end <= third.start, "first ran before third");

        // The sub-workflow: its execution under the task that started it,
        // its task under it, in the top-level execution's trace.
        let child = one(&trace_spans, "traced_child");
        assert_eq!(child.parent, one(&trace_spans, "second").span);
        assert_ne!(child.attributes["bora.execution.id"], *id);
        let inner = one(&trace_spans, "inner");
        assert_eq!(inner.parent, child.span);
        assert_eq!(
            inner.attributes["bora.execution.id"],
            child.attributes["bora.execution.id"]
        );
    }
    assert_ne!(ids[0], ids[1]);

    // The API's requests, as server spans named by route.
    let requests: Vec<&Received> = received
        .iter()
        .filter(|s| s.name == "POST /v2/executions")
        .collect();
    assert_eq!(requests.len(), 2, "{received:#?}");
    assert!(requests.iter().all(|s| s.kind == SpanKind::Server as i32
        && s.attributes.get("status").map(String::as_str) == Some("201")));
}

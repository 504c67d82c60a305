//! OpenTelemetry traces over OTLP/HTTP (protobuf), exported only when
//! `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`)
//! is set; otherwise nothing is installed and [`enabled`] is false, so the
//! engine gathers nothing for them.
//!
//! One workflow execution is one trace. Its steps run in many engine jobs,
//! possibly on several nodes, so no span stays open across them: a task's
//! span is emitted once the task is finished, with its recorded start and
//! end, and the execution's span once the execution is. The ids are derived
//! from the records' ids ([`trace_id`], [`span_id`]), so every node puts the
//! spans of one execution in the same trace under the same parents: tasks
//! under their execution, a sub-workflow's execution under the task that
//! started it, all in the trace of the top-level execution.
//!
//! The HTTP request spans (see [`super::http`]) are exported too, through
//! `tracing-opentelemetry`, each in a trace of its own.

use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bora_core::records::{TaskExecution, WorkflowExecution};
use bora_core::state::State;
use opentelemetry::trace::{
    Span as _, SpanContext, SpanId, Status, TraceContextExt, TraceFlags, TraceId, TraceState,
    Tracer as _, TracerProvider as _,
};
use opentelemetry::{Context, KeyValue};
use opentelemetry_otlp::{Protocol, WithExportConfig};
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::trace::{SdkTracer, SdkTracerProvider};
use sha2::{Digest, Sha256};
use tracing_subscriber::{Layer, Registry};

/// The service name when neither `OTEL_SERVICE_NAME` nor
/// `OTEL_RESOURCE_ATTRIBUTES` gives one.
pub const DEFAULT_SERVICE_NAME: &str = "bora";

/// How long the last export may take at shutdown.
const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(5);

static PROVIDER: OnceLock<SdkTracerProvider> = OnceLock::new();
static TRACER: OnceLock<SdkTracer> = OnceLock::new();

/// Why traces cannot be exported as configured.
#[derive(Debug, thiserror::Error)]
pub enum TraceSetupError {
    #[error("{variable}={value}: Bora exports traces over http/protobuf only")]
    Protocol {
        variable: &'static str,
        value: String,
    },
    #[error("{variable}={value}: expected an http:// or https:// URL")]
    Endpoint {
        variable: &'static str,
        value: String,
    },
    #[error("cannot set up the OTLP trace exporter: {0}")]
    Exporter(#[from] opentelemetry_otlp::ExporterBuildError),
}

/// The subscriber layer for the request spans, as a boxed layer of the
/// process's registry.
pub type OtelLayer = Box<dyn Layer<Registry> + Send + Sync>;

/// Whether spans are exported (the exporter was installed).
pub fn enabled() -> bool {
    TRACER.get().is_some()
}

const ENDPOINT_VARIABLES: [&str; 2] = [
    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
    "OTEL_EXPORTER_OTLP_ENDPOINT",
];

/// Whether an endpoint variable is set (non-empty): tracing is on.
fn configured() -> bool {
    ENDPOINT_VARIABLES
        .iter()
        .any(|name| std::env::var(name).is_ok_and(|v| !v.trim().is_empty()))
}

/// Refuses an endpoint that is no URL: the exporter would silently send
/// to its default (localhost:4318) instead.
fn check_endpoints() -> Result<(), TraceSetupError> {
    for variable in ENDPOINT_VARIABLES {
        let Ok(value) = std::env::var(variable) else {
            continue;
        };
        if !value.trim().is_empty() && !is_http_url(&value) {
            return Err(TraceSetupError::Endpoint { variable, value });
        }
    }
    Ok(())
}

fn is_http_url(value: &str) -> bool {
    value.parse::<http::Uri>().is_ok_and(|uri| {
        matches!(uri.scheme_str(), Some("http" | "https")) && uri.authority().is_some()
    })
}

/// Refuses another protocol than http/protobuf rather than sending
/// protobuf to a gRPC port without a word.
fn check_protocol() -> Result<(), TraceSetupError> {
    for variable in [
        "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
        "OTEL_EXPORTER_OTLP_PROTOCOL",
    ] {
        if let Ok(value) = std::env::var(variable)
            && !value.trim().is_empty()
        {
            if value.trim() == "http/protobuf" {
                return Ok(());
            }
            return Err(TraceSetupError::Protocol { variable, value });
        }
    }
    Ok(())
}

/// Installs the exporter when the standard variables ask for it, and
/// returns the layer that exports the request spans; `None` when tracing
/// is off (or was installed already).
///
/// The batch processor exports from a thread of its own, so neither the
/// engine nor the async runtime waits on the collector.
///
/// # Errors
/// [`TraceSetupError`] for a protocol other than http/protobuf, an
/// endpoint that is no http(s) URL, or a setting the exporter refuses.
pub fn install() -> Result<Option<OtelLayer>, TraceSetupError> {
    if !configured() || PROVIDER.get().is_some() {
        return Ok(None);
    }
    check_protocol()?;
    check_endpoints()?;
    // The endpoint, headers, timeout and compression come from the
    // standard variables, read by the exporter itself.
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .with_protocol(Protocol::HttpBinary)
        .build()?;
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(resource())
        .build();
    let tracer = provider.tracer("bora");
    if PROVIDER.set(provider).is_err() || TRACER.set(tracer.clone()).is_err() {
        return Ok(None);
    }
    let layer = tracing_opentelemetry::layer()
        .with_tracer(tracer)
        .with_filter(tracing_subscriber::filter::filter_fn(|meta| {
            meta.is_span() && meta.name() == "request" && meta.target().starts_with("bora")
        }));
    Ok(Some(Box::new(layer)))
}

/// The standard resource (`OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`),
/// named [`DEFAULT_SERVICE_NAME`] when they do not name the service.
fn resource() -> Resource {
    let resource = Resource::builder().build();
    let key = opentelemetry::Key::from_static_str("service.name");
    match resource.get(&key) {
        Some(name) if name.as_str() != "unknown_service" => resource,
        _ => Resource::builder()
            .with_service_name(DEFAULT_SERVICE_NAME)
            .build(),
    }
}

/// Exports what is queued and stops the exporter (at shutdown, outside
/// the async runtime: the export may block up to its timeout).
pub fn shutdown() {
    if let Some(provider) = PROVIDER.get()
        && let Err(err) = provider.shutdown_with_timeout(SHUTDOWN_TIMEOUT)
    {
        tracing::warn!(error = %err, "exporting the last spans failed");
    }
}

/// The trace of an execution tree, from its top-level execution's id: the
/// UUID's own 128 bits (so the trace is found by the execution id), or a
/// digest of an id that is no UUID.
pub fn trace_id(root_execution_id: &str) -> TraceId {
    match uuid::Uuid::parse_str(root_execution_id) {
        Ok(uuid) if !uuid.is_nil() => TraceId::from_bytes(*uuid.as_bytes()),
        _ => {
            let digest = Sha256::digest(root_execution_id.as_bytes());
            let mut bytes = [0u8; 16];
            bytes.copy_from_slice(&digest[..16]);
            TraceId::from_bytes(bytes)
        }
    }
}

/// The span of an execution or a task, from its id.
pub fn span_id(id: &str) -> SpanId {
    let digest = Sha256::digest(id.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    if bytes == [0; 8] {
        // The invalid span id; astronomically unlikely, still excluded.
        bytes[7] = 1;
    }
    SpanId::from_bytes(bytes)
}

/// A finished span, computed from the records alone.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanRecord {
    pub name: String,
    pub trace: TraceId,
    pub span: SpanId,
    pub parent: Option<SpanId>,
    /// UTC microseconds, as the records keep them.
    pub start: i64,
    pub end: i64,
    pub attributes: Vec<KeyValue>,
    /// The `state_info` of an ERROR.
    pub error: Option<String>,
}

fn root_of(exec: &WorkflowExecution) -> &str {
    exec.root_execution_id.as_deref().unwrap_or(&exec.id)
}

fn error_of(state: State, info: Option<&String>) -> Option<String> {
    (state == State::Error).then(|| info.cloned().unwrap_or_else(|| "ERROR".to_owned()))
}

impl SpanRecord {
    /// The span of a finished execution: from its creation to its last
    /// change, under the task that started it when it is a sub-workflow.
    pub fn execution(exec: &WorkflowExecution) -> Self {
        Self {
            name: exec.workflow_name.clone(),
            trace: trace_id(root_of(exec)),
            span: span_id(&exec.id),
            parent: exec.task_execution_id.as_deref().map(span_id),
            start: exec.created_at,
            end: exec.updated_at.unwrap_or(exec.created_at),
            attributes: vec![
                KeyValue::new("bora.execution.id", exec.id.clone()),
                KeyValue::new("bora.workflow.name", exec.workflow_name.clone()),
                KeyValue::new("bora.state", exec.state.as_str()),
            ],
            error: error_of(exec.state, exec.state_info.as_ref()),
        }
    }

    /// The span of a finished task of `exec`: from its start to its end.
    pub fn task(exec: &WorkflowExecution, task: &TaskExecution) -> Self {
        let start = task.started_at.unwrap_or(task.created_at);
        Self {
            name: task.name.clone(),
            trace: trace_id(root_of(exec)),
            span: span_id(&task.id),
            parent: Some(span_id(&exec.id)),
            start,
            end: task.finished_at.or(task.updated_at).unwrap_or(start),
            attributes: vec![
                KeyValue::new("bora.execution.id", exec.id.clone()),
                KeyValue::new("bora.workflow.name", exec.workflow_name.clone()),
                KeyValue::new("bora.task.id", task.id.clone()),
                KeyValue::new("bora.task.name", task.name.clone()),
                KeyValue::new("bora.state", task.state.as_str()),
            ],
            error: error_of(task.state, task.state_info.as_ref()),
        }
    }
}

fn system_time(micros: i64) -> SystemTime {
    UNIX_EPOCH + Duration::from_micros(u64::try_from(micros).unwrap_or(0))
}

/// Hands finished spans to the exporter's queue (never waits on it).
pub fn emit(spans: &[SpanRecord]) {
    let Some(tracer) = TRACER.get() else {
        return;
    };
    for record in spans {
        // A parent kept elsewhere (another step or node) is named by a
        // remote context; a root span gets the trace id directly.
        let parent = match record.parent {
            Some(parent) => Context::new().with_remote_span_context(SpanContext::new(
                record.trace,
                parent,
                TraceFlags::SAMPLED,
                true,
                TraceState::default(),
            )),
            None => Context::new(),
        };
        let mut builder = tracer
            .span_builder(record.name.clone())
            .with_trace_id(record.trace)
            .with_span_id(record.span)
            .with_start_time(system_time(record.start))
            .with_attributes(record.attributes.clone());
        if let Some(error) = &record.error {
            builder = builder.with_status(Status::error(error.clone()));
        }
        let mut span = builder.start_with_context(tracer, &parent);
        span.end_with_timestamp(system_time(record.end));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_trace_id_of_an_execution_is_its_uuid() {
        let id = "0b8f2d7e-3c1a-4f5e-9a6b-7c8d9e0f1a2b";
        assert_eq!(trace_id(id).to_string(), "0b8f2d7e3c1a4f5e9a6b7c8d9e0f1a2b");
        // Other ids still give a stable, valid trace.
        assert_eq!(trace_id("not-a-uuid"), trace_id("not-a-uuid"));
        assert_ne!(trace_id("not-a-uuid"), TraceId::INVALID);
        assert_ne!(span_id("a"), span_id("b"));
        assert_ne!(span_id(""), SpanId::INVALID);
    }

    #[test]
    fn endpoints_are_http_urls() {
        assert!(is_http_url("http://127.0.0.1:4318"));
        assert!(is_http_url("https://collector.example.com/otlp/v1/traces"));
        assert!(!is_http_url("::not a url"));
        assert!(!is_http_url("collector:4318"));
        assert!(!is_http_url("grpc://collector:4317"));
    }

    fn execution(id: &str) -> WorkflowExecution {
        serde_json::from_value(serde_json::json!({
            "id": id, "workflow_id": "w", "workflow_name": "wf", "workflow_namespace": "",
            "description": "", "tags": [], "params": {}, "input": {}, "output": {},
            "context": {}, "state": "SUCCESS", "state_info": null,
            "task_execution_id": null, "root_execution_id": null, "source_execution_id": null,
            "index": null, "backlog": [], "created_at": 10, "updated_at": 50,
        }))
        .unwrap()
    }

    #[test]
    fn tasks_hang_under_their_execution_and_sub_workflows_under_their_task() {
        let root = execution("0b8f2d7e-3c1a-4f5e-9a6b-7c8d9e0f1a2b");
        let span = SpanRecord::execution(&root);
        assert_eq!(span.trace, trace_id(&root.id));
        assert_eq!((span.parent, span.start, span.end), (None, 10, 50));
        assert_eq!(span.error, None);

        let mut child = execution("child");
        child.task_execution_id = Some("task-in-root".to_owned());
        child.root_execution_id = Some(root.id.clone());
        child.set_state(State::Error, Some("boom".to_owned()), 70);
        let span = SpanRecord::execution(&child);
        assert_eq!(span.trace, trace_id(&root.id));
        assert_eq!(span.parent, Some(span_id("task-in-root")));
        assert_eq!((span.end, span.error.as_deref()), (70, Some("boom")));
    }
}

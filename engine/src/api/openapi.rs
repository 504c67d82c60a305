//! The OpenAPI 3 description of the REST API, served at
//! `GET /v2/openapi.json`. The paths come from the handlers' `#[utoipa::path]`
//! annotations as the router registers them (see [`super::router`]), so a
//! route cannot be served without being described; the schemas below are
//! the wire shapes the handlers write (Mistral's, with JSON-in-JSON string
//! fields where Mistral has them). Fields a `fields=` selection can leave
//! out are optional.

use serde_json::Value;
use utoipa::{IntoParams, OpenApi, ToSchema};

/// The document's fixed parts; the router adds the paths.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Bora REST API",
        description = "OpenStack Mistral's REST API v2 (as python-mistralclient 6.3 uses it), \
                       plus Bora's extensions: the event stream, execution graphs, event \
                       trigger webhooks, uploaded WebAssembly actions, health and readiness."
    ),
    tags(
        (name = "workflows"), (name = "workbooks"), (name = "actions"),
        (name = "executions"), (name = "tasks"), (name = "action_executions"),
        (name = "environments"), (name = "cron_triggers"), (name = "event_triggers"),
        (name = "service")
    )
)]
pub struct ApiDoc;

/// Mistral's fault body (`faultcode` and `debuginfo` are absent on the
/// YAML endpoints).
#[derive(ToSchema)]
pub struct Fault {
    /// `Client` or `Server`.
    pub faultcode: Option<String>,
    pub faultstring: String,
    pub debuginfo: Option<String>,
}

/// The answer of the validate endpoints.
#[derive(ToSchema)]
pub struct Validation {
    pub valid: bool,
    /// Every problem, one per line (only when not valid).
    pub error: Option<String>,
}

/// A workflow definition.
#[derive(ToSchema)]
pub struct Workflow {
    pub id: Option<String>,
    pub name: Option<String>,
    pub namespace: Option<String>,
    /// Mistral's input string: `a, b="x"`.
    pub input: Option<String>,
    /// `{"input": [...], "output": [...]}`: an object in upload answers, a
    /// JSON string in GET answers.
    pub interface: Option<Value>,
    pub definition: Option<String>,
    pub checksum: Option<String>,
    pub tags: Option<Vec<String>>,
    pub scope: Option<String>,
    pub project_id: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

#[derive(ToSchema)]
pub struct WorkflowList {
    pub workflows: Vec<Workflow>,
    /// The next page, when a `limit` left some out.
    pub next: Option<String>,
}

#[derive(ToSchema)]
pub struct Workbook {
    pub id: Option<String>,
    pub name: Option<String>,
    pub namespace: Option<String>,
    pub definition: Option<String>,
    pub tags: Option<Vec<String>>,
    pub scope: Option<String>,
    pub project_id: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

#[derive(ToSchema)]
pub struct WorkbookList {
    pub workbooks: Vec<Workbook>,
    pub next: Option<String>,
}

/// A standard, ad-hoc or uploaded action. Uploaded ones add `version`,
/// `digest`, `size`, `limits` and `is_async`.
#[derive(ToSchema)]
pub struct Action {
    pub id: Option<String>,
    pub name: Option<String>,
    pub is_system: Option<bool>,
    pub input: Option<String>,
    pub description: Option<String>,
    pub tags: Option<Vec<String>>,
    pub definition: Option<String>,
    pub scope: Option<String>,
    pub project_id: Option<String>,
    pub namespace: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub version: Option<i64>,
    pub digest: Option<String>,
    pub size: Option<i64>,
    pub limits: Option<Value>,
    pub is_async: Option<bool>,
}

#[derive(ToSchema)]
pub struct ActionList {
    pub actions: Vec<Action>,
    pub next: Option<String>,
}

/// A workflow execution; `input`, `output`, `params` and
/// `published_global` are JSON documents in strings.
#[derive(ToSchema)]
pub struct Execution {
    pub id: Option<String>,
    pub workflow_id: Option<String>,
    pub workflow_name: Option<String>,
    pub workflow_namespace: Option<String>,
    pub description: Option<String>,
    pub tags: Option<Vec<String>>,
    pub params: Option<String>,
    pub task_execution_id: Option<String>,
    pub root_execution_id: Option<String>,
    pub source_execution_id: Option<String>,
    pub state: Option<String>,
    pub state_info: Option<String>,
    pub input: Option<String>,
    pub output: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub project_id: Option<String>,
    pub published_global: Option<String>,
}

#[derive(ToSchema)]
pub struct ExecutionList {
    pub executions: Vec<Execution>,
    pub next: Option<String>,
}

/// What `POST /v2/executions` takes. `input` and `params` may be JSON
/// objects or JSON documents in strings (python-mistralclient sends
/// strings).
#[derive(ToSchema)]
pub struct ExecutionCreate {
    pub workflow_id: Option<String>,
    pub workflow_name: Option<String>,
    pub workflow_namespace: Option<String>,
    pub input: Option<Value>,
    /// `env`, `task_name`, `evaluate_env`, `notify` (webhooks), ...
    pub params: Option<Value>,
    pub description: Option<String>,
    /// Choose the new execution's id; an existing one is returned as is.
    pub id: Option<String>,
    pub source_execution_id: Option<String>,
}

/// What `PUT /v2/executions/{id}` takes: a state (with `state_info`), or a
/// description, or `params.env`.
#[derive(ToSchema)]
pub struct ExecutionUpdate {
    pub state: Option<String>,
    pub state_info: Option<String>,
    pub description: Option<String>,
    pub params: Option<Value>,
}

/// A task execution; `result`, `published` and `runtime_context` are JSON
/// documents in strings.
#[derive(ToSchema)]
pub struct Task {
    pub id: Option<String>,
    pub name: Option<String>,
    pub r#type: Option<String>,
    pub workflow_name: Option<String>,
    pub workflow_namespace: Option<String>,
    pub workflow_id: Option<String>,
    pub workflow_execution_id: Option<String>,
    pub tags: Option<Vec<String>>,
    pub state: Option<String>,
    pub state_info: Option<String>,
    pub project_id: Option<String>,
    pub runtime_context: Option<String>,
    pub result: Option<String>,
    pub published: Option<String>,
    pub published_global: Option<String>,
    pub processed: Option<bool>,
    pub reset: Option<bool>,
    pub env: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub started_at: Option<String>,
    pub finished_at: Option<String>,
}

#[derive(ToSchema)]
pub struct TaskList {
    pub tasks: Vec<Task>,
    pub next: Option<String>,
}

/// What `PUT /v2/tasks/{id}` takes: `RUNNING` reruns a failed task,
/// `SKIPPED` skips it.
#[derive(ToSchema)]
pub struct TaskUpdate {
    pub state: String,
    pub reset: Option<bool>,
    pub env: Option<Value>,
}

/// An action execution; `input`, `output` and `params` are JSON documents
/// in strings.
#[derive(ToSchema)]
pub struct ActionExecution {
    pub id: Option<String>,
    pub name: Option<String>,
    pub workflow_name: Option<String>,
    pub workflow_namespace: Option<String>,
    pub task_name: Option<String>,
    pub task_execution_id: Option<String>,
    pub state: Option<String>,
    pub state_info: Option<String>,
    pub tags: Option<Vec<String>>,
    pub description: Option<String>,
    pub project_id: Option<String>,
    pub accepted: Option<bool>,
    pub input: Option<String>,
    pub output: Option<String>,
    pub params: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

#[derive(ToSchema)]
pub struct ActionExecutionList {
    pub action_executions: Vec<ActionExecution>,
    pub next: Option<String>,
}

/// What `POST /v2/action_executions` takes.
#[derive(ToSchema)]
pub struct ActionRun {
    pub name: String,
    pub input: Option<Value>,
    /// `run_sync`, `save_result`, `target`, `timeout`.
    pub params: Option<Value>,
    pub workflow_namespace: Option<String>,
    pub description: Option<String>,
}

/// What `PUT /v2/action_executions/{id}` takes: the result of an
/// asynchronous action.
#[derive(ToSchema)]
pub struct ActionComplete {
    pub state: String,
    pub output: Option<Value>,
}

#[derive(ToSchema)]
pub struct Environment {
    pub id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    /// A JSON document in a string.
    pub variables: Option<Value>,
    /// Bora: more variables, sealed at rest and shown as `***` among the
    /// `variables` (write-only; the server needs `--secret-key`).
    pub secrets: Option<Value>,
    pub scope: Option<String>,
    pub project_id: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

#[derive(ToSchema)]
pub struct EnvironmentList {
    pub environments: Vec<Environment>,
    pub next: Option<String>,
}

#[derive(ToSchema)]
pub struct CronTrigger {
    pub id: Option<String>,
    pub name: Option<String>,
    pub workflow_name: Option<String>,
    pub workflow_id: Option<String>,
    pub workflow_input: Option<Value>,
    pub workflow_params: Option<Value>,
    pub project_id: Option<String>,
    pub scope: Option<String>,
    pub pattern: Option<String>,
    pub remaining_executions: Option<i64>,
    pub first_execution_time: Option<String>,
    pub next_execution_time: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

#[derive(ToSchema)]
pub struct CronTriggerList {
    pub cron_triggers: Vec<CronTrigger>,
    pub next: Option<String>,
}

/// An event trigger; `token` only in the answer to its creation.
#[derive(ToSchema)]
pub struct EventTrigger {
    pub id: Option<String>,
    pub name: Option<String>,
    pub workflow_id: Option<String>,
    pub workflow_input: Option<Value>,
    pub workflow_params: Option<Value>,
    pub exchange: Option<String>,
    pub topic: Option<String>,
    pub event: Option<String>,
    pub scope: Option<String>,
    pub project_id: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub token: Option<String>,
}

#[derive(ToSchema)]
pub struct EventTriggerList {
    pub event_triggers: Vec<EventTrigger>,
    pub next: Option<String>,
}

/// What the event webhook did.
#[derive(ToSchema)]
pub struct EventDelivery {
    pub event_trigger_id: String,
    /// The started execution (`id`, `workflow_name`, `state`), or none.
    pub executions: Vec<Value>,
    pub message: Option<String>,
}

/// The paging, sorting and field selection of every list. Other query
/// parameters named after a field filter on it (`state=ERROR`,
/// `created_at=gte:2026-01-01 00:00:00`, `name=in:a,b`).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// The most items to return (at most 1000).
    pub limit: Option<i64>,
    /// The id of the last item of the previous page.
    pub marker: Option<String>,
    /// Comma-separated field names.
    pub sort_keys: Option<String>,
    /// `asc` or `desc` per sort key, comma-separated.
    pub sort_dirs: Option<String>,
    /// Comma-separated fields to return.
    pub fields: Option<String>,
}

/// The namespace of a definition (default `''`).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NamespaceQuery {
    pub namespace: Option<String>,
}

/// Where a YAML upload goes.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    pub namespace: Option<String>,
    /// `private` or `public`.
    pub scope: Option<String>,
}

/// The document as served, built once per router.
#[derive(Clone)]
pub struct Document(std::sync::Arc<String>);

impl Document {
    pub fn new(document: &utoipa::openapi::OpenApi) -> Self {
        // A document of plain maps and strings always serialises.
        Self(std::sync::Arc::new(
            document
                .to_pretty_json()
                .unwrap_or_else(|_| "{}".to_owned()),
        ))
    }
}

/// `GET /v2/openapi.json`: this document.
#[utoipa::path(get, operation_id = "openapi_document", path = "/v2/openapi.json", tag = "service",
    responses((status = 200, description = "The OpenAPI document of this API", body = Value)))]
pub async fn serve(
    axum::Extension(document): axum::Extension<Document>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        document.0.as_str().to_owned(),
    )
        .into_response()
}

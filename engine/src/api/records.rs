//! Mistral's wire shapes of the execution records: workflow executions,
//! task executions and action executions. Several resources show each of
//! them (an execution's tasks, a task's actions and sub-workflows), so they
//! live here rather than with one resource.

use bora_core::records::{ActionExecution, TaskExecution, WorkflowExecution};
use bora_store::queries::TaskOwner;
use serde_json::{Map, Value};

use super::wire::{jstr, jstr_map, opt_str, opt_time, time};

/// The fields of a workflow execution.
pub(super) const EXECUTION_FIELDS: &[&str] = &[
    "id",
    "workflow_id",
    "workflow_name",
    "workflow_namespace",
    "description",
    "tags",
    "params",
    "task_execution_id",
    "root_execution_id",
    "source_execution_id",
    "state",
    "state_info",
    "input",
    "output",
    "created_at",
    "updated_at",
    "project_id",
    "published_global",
];

/// Which of the big fields an answer carries.
#[derive(Clone, Copy)]
pub(super) struct Parts {
    /// `params` and `input`.
    pub data: bool,
    pub output: bool,
}

/// A workflow execution with the big fields `parts` asks for.
pub(super) fn execution_to_wire(e: &WorkflowExecution, parts: Parts) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), e.id.clone().into());
    m.insert("workflow_id".into(), e.workflow_id.clone().into());
    m.insert("workflow_name".into(), e.workflow_name.clone().into());
    m.insert(
        "workflow_namespace".into(),
        e.workflow_namespace.clone().into(),
    );
    m.insert("description".into(), e.description.clone().into());
    m.insert("tags".into(), e.tags.clone().into());
    if parts.data {
        m.insert("params".into(), jstr_map(&e.params));
    }
    m.insert(
        "task_execution_id".into(),
        opt_str(e.task_execution_id.as_deref()),
    );
    m.insert(
        "root_execution_id".into(),
        opt_str(e.root_execution_id.as_deref()),
    );
    if let Some(source) = &e.source_execution_id {
        m.insert("source_execution_id".into(), source.clone().into());
    }
    m.insert("state".into(), e.state.as_str().into());
    m.insert("state_info".into(), opt_str(e.state_info.as_deref()));
    if parts.data {
        m.insert("input".into(), jstr_map(&e.input));
    }
    if parts.output {
        m.insert("output".into(), jstr_map(&e.output));
    }
    m.insert("created_at".into(), time(e.created_at));
    m.insert("updated_at".into(), opt_time(e.updated_at));
    m.insert("project_id".into(), e.project_id.clone().into());
    m
}

/// Every field.
pub(super) const FULL: Parts = Parts {
    data: true,
    output: true,
};

/// The fields of a task execution.
pub(super) const TASK_FIELDS: &[&str] = &[
    "id",
    "name",
    "type",
    "workflow_name",
    "workflow_namespace",
    "workflow_id",
    "workflow_execution_id",
    "tags",
    "state",
    "state_info",
    "project_id",
    "runtime_context",
    "result",
    "published",
    "published_global",
    "processed",
    "created_at",
    "updated_at",
    "started_at",
    "finished_at",
];

/// A task execution under its workflow execution's names, with `result`
/// when given (lists leave it out).
pub(super) fn task_to_wire(
    t: &TaskExecution,
    owner: &TaskOwner,
    result: Option<&Value>,
) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), t.id.clone().into());
    m.insert("name".into(), t.name.clone().into());
    m.insert("type".into(), t.kind.as_str().into());
    m.insert("workflow_name".into(), owner.workflow_name.clone().into());
    m.insert(
        "workflow_namespace".into(),
        owner.workflow_namespace.clone().into(),
    );
    m.insert("workflow_id".into(), owner.workflow_id.clone().into());
    m.insert(
        "workflow_execution_id".into(),
        t.workflow_execution_id.clone().into(),
    );
    m.insert("tags".into(), t.tags.clone().into());
    m.insert("state".into(), t.state.as_str().into());
    m.insert("state_info".into(), opt_str(t.state_info.as_deref()));
    m.insert("project_id".into(), owner.project_id.clone().into());
    m.insert(
        "runtime_context".into(),
        jstr_map(&t.public_runtime_context()),
    );
    if let Some(result) = result {
        m.insert("result".into(), jstr(result));
    }
    m.insert("published".into(), jstr(&t.published_value()));
    m.insert("processed".into(), t.processed.into());
    m.insert("created_at".into(), time(t.created_at));
    m.insert("updated_at".into(), opt_time(t.updated_at));
    m.insert("started_at".into(), opt_time(t.started_at));
    m.insert("finished_at".into(), opt_time(t.finished_at));
    m
}

/// The fields of an action execution.
pub(super) const ACTION_FIELDS: &[&str] = &[
    "id",
    "workflow_name",
    "workflow_namespace",
    "task_name",
    "task_execution_id",
    "state",
    "state_info",
    "tags",
    "name",
    "description",
    "project_id",
    "accepted",
    "input",
    "output",
    "created_at",
    "updated_at",
    "params",
];

fn output_of(a: &ActionExecution) -> Value {
    match &a.result {
        Some(result) => jstr(&result.to_output()),
        None => Value::Null,
    }
}

/// An action execution, with `output` when asked.
pub(super) fn action_to_wire(a: &ActionExecution, output: bool) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), a.id.clone().into());
    m.insert("workflow_name".into(), opt_str(a.workflow_name.as_deref()));
    m.insert(
        "workflow_namespace".into(),
        a.workflow_namespace.clone().into(),
    );
    m.insert("task_name".into(), opt_str(a.task_name.as_deref()));
    m.insert(
        "task_execution_id".into(),
        opt_str(a.task_execution_id.as_deref()),
    );
    m.insert("state".into(), a.state.as_str().into());
    m.insert("state_info".into(), opt_str(a.state_info.as_deref()));
    m.insert("tags".into(), Value::Null);
    m.insert("name".into(), a.name.clone().into());
    m.insert("description".into(), a.description.clone().into());
    m.insert("project_id".into(), a.project_id.clone().into());
    m.insert("accepted".into(), a.accepted.into());
    m.insert("input".into(), jstr_map(&a.input));
    if output {
        m.insert("output".into(), output_of(a));
    }
    m.insert("created_at".into(), time(a.created_at));
    m.insert("updated_at".into(), opt_time(a.updated_at));
    m
}

//! The records of a running workflow: workflow executions, task executions
//! and action executions, as the store keeps them and the API shows them.
//!
//! Times are UTC microseconds since the Unix epoch ([`Timestamp`]); the core
//! never reads the clock, the shell passes the time of each step in (see
//! [`crate::env`]).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::state::State;
use crate::task_runtime::TaskRuntime;

/// UTC microseconds since the Unix epoch.
pub type Timestamp = i64;

/// One run of a workflow (Mistral's `WorkflowExecution`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkflowExecution {
    pub id: String,
    /// Id of the workflow definition version this execution runs.
    pub workflow_id: String,
    pub workflow_name: String,
    pub workflow_namespace: String,
    pub description: String,
    pub tags: Vec<String>,
    /// Start parameters: `env`, `namespace`, `task_name`, ... (always an object).
    pub params: Map<String, Value>,
    /// The input with defaults filled in.
    pub input: Map<String, Value>,
    /// The output; `{}` until the execution completes.
    pub output: Map<String, Value>,
    /// The workflow's global context: evaluated `vars` and values published
    /// with `global` (Mistral's `wf_ex.context`).
    pub context: Map<String, Value>,
    pub state: State,
    pub state_info: Option<String>,
    /// The parent's task execution when this is a sub-workflow.
    pub task_execution_id: Option<String>,
    /// The top-level execution of a tree of sub-workflows.
    pub root_execution_id: Option<String>,
    pub source_execution_id: Option<String>,
    /// Position of this sub-workflow in its parent's with-items.
    pub index: Option<u32>,
    /// Nesting level: 0 for a top-level execution, its parent's plus one
    /// for a sub-workflow (capped by `EngineLimits::max_depth`).
    #[serde(default)]
    pub depth: u32,
    /// The project it belongs to: its starter's (a sub-workflow: its
    /// parent's).
    #[serde(default)]
    pub project_id: String,
    /// Commands received while PAUSED, replayed on resume.
    pub backlog: Vec<Value>,
    pub created_at: Timestamp,
    pub updated_at: Option<Timestamp>,
}

/// What a task runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TaskKind {
    Action,
    Workflow,
}

impl WorkflowExecution {
    /// Moves the execution to `state` with `info` as its `state_info`,
    /// changed at `now`.
    pub fn set_state(&mut self, state: State, info: Option<String>, now: Timestamp) {
        self.state = state;
        self.state_info = info;
        self.updated_at = Some(now);
    }
}

impl TaskKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskKind::Action => "ACTION",
            TaskKind::Workflow => "WORKFLOW",
        }
    }
}

/// One run of a task inside a workflow execution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskExecution {
    pub id: String,
    pub workflow_execution_id: String,
    pub name: String,
    pub kind: TaskKind,
    pub state: State,
    pub state_info: Option<String>,
    /// Order of creation within the execution (1, 2, ...).
    pub seq: u64,
    /// Task executions whose completion led here: the inbound context is
    /// built from their outbound contexts instead of being copied.
    pub triggered_by: Vec<String>,
    /// What this task published into its branch (`publish`).
    pub published: Map<String, Value>,
    /// What this task published with `global`.
    pub published_global: Map<String, Value>,
    /// Policy and with-items bookkeeping (Mistral's `runtime_context`).
    pub runtime_context: TaskRuntime,
    /// The transitions taken on completion: `(task name, event)`.
    pub next_tasks: Vec<(String, String)>,
    /// True when an `on-error` clause handled this task's failure.
    pub error_handled: bool,
    /// True once the transitions after completion have been processed.
    pub processed: bool,
    pub tags: Vec<String>,
    pub created_at: Timestamp,
    pub updated_at: Option<Timestamp>,
    pub started_at: Option<Timestamp>,
    pub finished_at: Option<Timestamp>,
}

impl TaskExecution {
    /// Moves the task to `state` with `info` as its `state_info`, changed
    /// at `now`.
    pub fn set_state(&mut self, state: State, info: Option<String>, now: Timestamp) {
        self.state = state;
        self.state_info = info;
        self.updated_at = Some(now);
    }

    /// `runtime_context` as the REST API shows it (see
    /// [`TaskRuntime::public_view`](crate::task_runtime::TaskRuntime::public_view)).
    pub fn public_runtime_context(&self) -> Map<String, Value> {
        self.runtime_context.public_view(self.state.is_completed())
    }

    /// `published` as Mistral shows it: `null` when the task had a publish
    /// spec without `branch` (only `global` in an on-clause), else the map.
    pub fn published_value(&self) -> Value {
        if self.runtime_context.bora.published_null {
            Value::Null
        } else {
            Value::Object(self.published.clone())
        }
    }
}

/// The outcome of an action, as stored in `output`: `{"result": ...}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ActionResult {
    Success(Value),
    Error(Value),
    Cancelled,
}

impl ActionResult {
    /// Mistral's stored shape: `{"result": data}` on success, `{"result": error}` otherwise.
    pub fn to_output(&self) -> Value {
        let mut map = Map::new();
        match self {
            ActionResult::Success(data) | ActionResult::Error(data) => {
                map.insert("result".to_owned(), data.clone());
            }
            ActionResult::Cancelled => {
                map.insert("result".to_owned(), Value::Null);
            }
        }
        Value::Object(map)
    }

    pub fn state(&self) -> State {
        match self {
            ActionResult::Success(_) => State::Success,
            ActionResult::Error(_) => State::Error,
            ActionResult::Cancelled => State::Cancelled,
        }
    }
}

/// One call of an action (Mistral's `ActionExecution`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionExecution {
    pub id: String,
    pub name: String,
    pub task_execution_id: Option<String>,
    /// The name of that task (Mistral leaves it empty; the client shows it).
    #[serde(default)]
    pub task_name: Option<String>,
    pub workflow_execution_id: Option<String>,
    pub workflow_name: Option<String>,
    pub workflow_namespace: String,
    /// The project it belongs to: its execution's, or (run through the
    /// API without a workflow) its caller's.
    #[serde(default)]
    pub project_id: String,
    pub state: State,
    pub state_info: Option<String>,
    pub input: Map<String, Value>,
    /// `None` while running.
    pub result: Option<ActionResult>,
    /// False for attempts a retry or rerun superseded.
    pub accepted: bool,
    /// Position in the task's with-items (0 otherwise).
    pub index: u32,
    pub is_sync: bool,
    pub description: String,
    pub params: Map<String, Value>,
    pub created_at: Timestamp,
    pub updated_at: Option<Timestamp>,
}

impl ActionExecution {
    /// Moves the action to `state` with `info` as its `state_info`,
    /// changed at `now`.
    pub fn set_state(&mut self, state: State, info: Option<String>, now: Timestamp) {
        self.state = state;
        self.state_info = info;
        self.updated_at = Some(now);
    }
}

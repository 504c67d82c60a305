//! The step function's vocabulary: the events it applies, the commands it
//! returns for the shell, the timers it arms and the limits of an action call.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::records::{ActionResult, Timestamp, WorkflowExecution};
use crate::state::State;

/// Something that happened to an execution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// Start the execution (it was created IDLE).
    Start,
    /// An action finished (or an outside worker completed an async one).
    ActionCompleted {
        action_id: String,
        result: ActionResult,
    },
    /// The node running an action of a `safe-rerun` task stopped after the
    /// call began: that attempt ends in ERROR (it may or may not have had
    /// its effect) and a new action execution runs the call again, so every
    /// attempt is visible (Mistral reuses the record). The call's settings
    /// come from the lost job.
    ActionRerun {
        action_id: String,
        timeout: Option<u64>,
        limits: Option<CallLimits>,
        target: Option<String>,
    },
    /// A sub-workflow was paused, resumed or reached a terminal state; its
    /// record at that point.
    ChildChanged {
        child: Box<WorkflowExecution>,
    },
    /// A task's work could not even start (e.g. a sub-workflow's input does
    /// not match its declaration): the task fails with `message`.
    TaskFailed {
        task_id: String,
        message: String,
    },
    /// A timer armed by [`Command::Timer`] fired.
    Timer {
        task_id: String,
        timer: Timer,
        attempt: u64,
    },
    Pause,
    Resume,
    Cancel {
        message: Option<String>,
    },
    /// A transition held back while the execution was paused: `name`
    /// starts after `task_id` on resume (kept in the backlog, as Mistral
    /// keeps the commands that follow a `pause`; not sent by the shell).
    Transition {
        task_id: String,
        name: String,
    },
    /// Stop the execution in SUCCESS or ERROR (PUT state from the API, or
    /// a `succeed`/`fail` held back by a `pause`). Tasks still open are
    /// cancelled.
    Stop {
        state: State,
        message: Option<String>,
    },
    /// Skip a failed task (Mistral's `PUT /v2/tasks/{id}` with state
    /// SKIPPED): it completes SKIPPED with `publish-on-skip` and follows
    /// `on-skip` (or `on-success` when no `on-skip` entry matches).
    Skip {
        task_id: String,
    },
    /// Rerun a failed task (Mistral's `PUT /v2/tasks/{id}` with state
    /// RUNNING). `reset: false` keeps a with-items task's successful items
    /// and reruns only the failed ones; `env` is merged into the
    /// execution's environment. See [`check_rerun`](super::check_rerun) for what the API
    /// should refuse first.
    Rerun {
        task_id: String,
        reset: bool,
        env: Option<Map<String, Value>>,
    },
}

/// What a timer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Timer {
    /// `wait-before` elapsed: run the task.
    WaitBefore,
    /// `wait-after` elapsed: complete the task.
    WaitAfter,
    /// A `retry` delay elapsed: run the task again.
    Retry,
    /// `timeout` elapsed: fail the task if it is still running.
    Timeout,
    /// Re-check a partial join (`join: N`). Deferred to after the events at
    /// hand, so branches finishing together all feed the join's context, as
    /// Mistral's delayed join refresh does.
    JoinCheck,
}

/// A task's `limits` evaluated for one action call; `None` keeps the
/// action's own value (set at upload), else the runtime's default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallLimits {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fuel: Option<u64>,
    /// Bytes of linear memory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_hosts: Option<Vec<String>>,
}

/// Work for the shell, to carry out after the step's changes are stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    /// Run an action (its record exists, RUNNING).
    RunAction {
        action_id: String,
        task_id: String,
        execution_id: String,
        name: String,
        input: Map<String, Value>,
        /// Seconds, from the task's `timeout` policy.
        timeout: Option<u64>,
        /// `safe-rerun` (task, else task-defaults, else false): the action
        /// may run again when its executor died before reporting; without
        /// it Mistral fails the action instead of running it twice.
        #[serde(default)]
        safe_rerun: bool,
        /// The task's `limits` (Bora extension), evaluated for this call;
        /// they override the action's own limits key by key.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        limits: Option<CallLimits>,
        /// The task's `target` (Mistral's executor routing), evaluated: only
        /// executors of that name run the action.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target: Option<String>,
    },
    /// Create and start a sub-workflow execution for a task.
    StartChild {
        child_id: String,
        task_id: String,
        index: u32,
        workflow_name: String,
        namespace: String,
        input: Map<String, Value>,
        params: Map<String, Value>,
    },
    /// Cancel a running sub-workflow (cascade of a cancel).
    CancelChild { child_id: String },
    /// Pause a running sub-workflow (cascade of a pause).
    PauseChild { child_id: String },
    /// Resume a paused sub-workflow (cascade of a resume).
    ResumeChild { child_id: String },
    /// Deliver [`Event::Timer`] at `due_at`.
    Timer {
        task_id: String,
        timer: Timer,
        attempt: u64,
        due_at: Timestamp,
    },
    /// This sub-workflow was paused, resumed or finished: tell the parent.
    NotifyParent {
        parent_task_id: String,
        child_id: String,
    },
    /// The execution reached a terminal state: pending timers may go.
    Finished,
}

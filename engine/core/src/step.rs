//! The step function: one execution, a batch of events, the decisions.
//!
//! [`step`] applies events to an [`Execution`] in memory and returns the
//! [`Command`]s the shell must carry out once the changes are stored. It
//! follows Mistral's semantics (FEATURES.md §1.5-1.8): task and workflow
//! state machines, transitions with conditions and engine commands, joins,
//! with-items with concurrency, publish (branch and global), policies (retry,
//! wait-before, wait-after, timeout, pause-before, fail-on, concurrency) and
//! workflow completion rules.

use bora_expr::context::DataContext;
use bora_expr::functions::{py_repr, py_str};
use bora_lang::model::{
    BoolOrExpr, HostsOrExpr, IntOrExpr, ItemsSource, Join, Limits, OnClause, Task, TaskInput,
    TaskKind as SpecKind,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::dataflow::{Contexts, eval_data, eval_text, is_superseded, task_data, truthy};
use crate::execution::Execution;
use crate::join::Verdict;
use crate::limits::{BoundedText, bound_message, json_size, map_size};
use crate::records::{
    ActionExecution, ActionResult, TaskExecution, TaskKind, Timestamp, WorkflowExecution,
};
use crate::state::State;

const MICROS: i64 = 1_000_000;

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
    /// Stop the execution in SUCCESS or ERROR (PUT state from the API).
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
    /// execution's environment. See [`check_rerun`] for what the API
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

/// Applies `events` to `exec` at time `now`. `new_id` makes ids for new
/// records. Returns the commands to carry out after storing
/// `exec.changes`.
pub fn step(
    exec: &mut Execution,
    events: Vec<Event>,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> String,
) -> Vec<Command> {
    let mut stepper = Stepper {
        exec,
        now,
        new_id,
        commands: Vec::new(),
        ctx: Contexts::default(),
    };
    for event in events {
        stepper.handle(event);
    }
    stepper.check_completion();
    stepper.commands
}

/// A failure that is not an action's own: an expression that cannot be
/// evaluated, a bad policy value. Mistral fails the task and the workflow.
struct Structural(String);

struct Stepper<'a> {
    exec: &'a mut Execution,
    now: Timestamp,
    new_id: &'a mut dyn FnMut() -> String,
    commands: Vec<Command>,
    ctx: Contexts,
}

fn rc_u64(task: &TaskExecution, path: &[&str]) -> u64 {
    let mut value = task.runtime_context.get(path[0]);
    for key in &path[1..] {
        value = value.and_then(|v| v.get(key));
    }
    value.and_then(Value::as_u64).unwrap_or(0)
}

/// The attempt a timer belongs to: the rerun generation in the high bits,
/// the retry number in the low bits, so timers of an earlier run or retry
/// are ignored.
fn attempt_of(task: &TaskExecution) -> u64 {
    (rc_u64(task, &["bora", "run"]) << 32) | rc_u64(task, &["retry_task_policy", "retry_no"])
}

/// Items still to start of a with-items task: positions into `todo` when a
/// rerun kept some items, else indexes.
fn wi_total(task: &TaskExecution) -> u64 {
    match task
        .runtime_context
        .get("with_items")
        .and_then(|w| w.get("todo"))
        .and_then(Value::as_array)
    {
        Some(todo) => todo.len() as u64,
        None => rc_u64(task, &["with_items", "count"]),
    }
}

fn rc_flag(task: &TaskExecution, key: &str) -> bool {
    task.runtime_context
        .get("bora")
        .and_then(|b| b.get(key))
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

fn set_rc_flag(task: &mut TaskExecution, key: &str, value: Value) {
    let bora = task
        .runtime_context
        .entry("bora")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(map) = bora {
        map.insert(key.to_owned(), value);
    }
}

/// The task's superseded list (`runtime_context.bora.superseded`) with `ids`
/// added, each once.
fn superseded_with(task: &TaskExecution, ids: impl IntoIterator<Item = Value>) -> Value {
    let mut list = task
        .runtime_context
        .get("bora")
        .and_then(|b| b.get("superseded"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    // A set beside the list: a retried with-items of sub-workflows adds
    // every item's id at each retry.
    let mut seen: std::collections::HashSet<Value> = list.iter().cloned().collect();
    for id in ids {
        if seen.insert(id.clone()) {
            list.push(id);
        }
    }
    Value::Array(list)
}

fn policy_name(field: &str) -> &'static str {
    match field {
        "wait-before" => "WaitBeforePolicy",
        "wait-after" => "WaitAfterPolicy",
        "timeout" => "TimeoutPolicy",
        "concurrency" => "ConcurrencyPolicy",
        "retry" => "RetryPolicy",
        "pause-before" => "PauseBeforePolicy",
        _ => "FailOnPolicy",
    }
}

impl Stepper<'_> {
    fn id(&mut self) -> String {
        (self.new_id)()
    }

    fn wf_name(&self) -> String {
        self.exec.record.workflow_name.clone()
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Start => self.start(),
            Event::ActionCompleted { action_id, result } => {
                self.on_action_complete(&action_id, result)
            }
            Event::ChildChanged { child } => self.on_child_complete(*child),
            Event::TaskFailed { task_id, message } => {
                if self
                    .exec
                    .task(&task_id)
                    .is_some_and(|t| t.state == State::Running)
                {
                    self.complete_task(&task_id, State::Error, Some(message));
                }
            }
            Event::Timer {
                task_id,
                timer,
                attempt,
            } => self.on_timer(task_id, timer, attempt),
            Event::Pause => self.pause(None),
            Event::Resume => self.resume(),
            Event::Cancel { message } => self.cancel(message),
            Event::Stop { state, message } => self.stop(state, message),
            Event::Skip { task_id } => self.skip(&task_id),
            Event::Rerun {
                task_id,
                reset,
                env,
            } => self.rerun(&task_id, reset, env),
        }
    }

    // ----- workflow level -------------------------------------------------

    fn start(&mut self) {
        if self.exec.record.state != State::Idle {
            return;
        }
        let now = self.now;
        let record = self.exec.record_mut();
        record.state = State::Running;
        record.updated_at = Some(now);
        // vars: evaluated against the environment and the input.
        let vars = self.exec.plan.workflow.vars.clone();
        if !vars.is_empty() {
            let data = task_data(self.exec, None, Map::new(), &Default::default());
            match eval_data(self.exec, &Value::Object(vars), &data, None) {
                Ok(Value::Object(map)) => {
                    let size = map_size(&map);
                    let limit = self.exec.limits.max_context_bytes;
                    if size > limit {
                        let message = format!(
                            "The workflow's vars are {size} bytes, over the limit of {limit} bytes (max_context_bytes)"
                        );
                        self.complete_workflow(State::Error, Some(message));
                        return;
                    }
                    self.exec.record_mut().context.extend(map);
                }
                Ok(_) => {}
                Err(err) => {
                    self.complete_workflow(State::Error, Some(err.to_string()));
                    return;
                }
            }
        }
        if self.exec.plan.is_reverse() {
            if let Some(message) = self
                .exec
                .plan
                .reverse_target_error(&self.exec.record.params)
            {
                self.complete_workflow(State::Error, Some(message));
                return;
            }
            self.reverse_next();
            return;
        }
        let start: Vec<String> = self.exec.plan.start_tasks().to_vec();
        for name in start {
            let id = self.create_task(&name, Vec::new(), State::Idle);
            self.run_task(&id);
        }
    }

    /// Pauses the execution; `msg` (the `pause msg=...` engine command)
    /// becomes its state_info, as in Mistral.
    fn pause(&mut self, msg: Option<String>) {
        if self.exec.record.state != State::Running {
            return;
        }
        let now = self.now;
        let record = self.exec.record_mut();
        record.state = State::Paused;
        record.state_info = msg;
        record.updated_at = Some(now);
        // Sub-workflows pause first (cascade), and the parent hears of it.
        let running: Vec<String> = self
            .exec
            .children
            .iter()
            .filter(|c| c.state == State::Running)
            .map(|c| c.id.clone())
            .collect();
        for child_id in running {
            self.commands.push(Command::PauseChild { child_id });
        }
        self.notify_parent();
    }

    /// Tells the parent execution (if any) about this one's state.
    fn notify_parent(&mut self) {
        if let Some(parent_task_id) = self.exec.record.task_execution_id.clone() {
            self.commands.push(Command::NotifyParent {
                parent_task_id,
                child_id: self.exec.record.id.clone(),
            });
        }
    }

    fn resume(&mut self) {
        if self.exec.record.state != State::Paused {
            return;
        }
        let now = self.now;
        let record = self.exec.record_mut();
        record.state = State::Running;
        record.state_info = None;
        record.updated_at = Some(now);
        let backlog = std::mem::take(&mut record.backlog);
        // Tasks paused with their sub-workflows run again; the children
        // resume (cascade) and the parent hears of it.
        let paused: Vec<String> = self
            .exec
            .tasks
            .iter()
            .filter(|t| t.state == State::Paused)
            .map(|t| t.id.clone())
            .collect();
        for id in paused {
            if let Some(task) = self.exec.task_mut(&id) {
                task.state = State::Running;
                task.state_info = None;
                task.updated_at = Some(now);
            }
        }
        let children: Vec<String> = self
            .exec
            .children
            .iter()
            .filter(|c| c.state == State::Paused)
            .map(|c| c.id.clone())
            .collect();
        for child_id in children {
            self.commands.push(Command::ResumeChild { child_id });
        }
        self.notify_parent();
        // Tasks left IDLE while paused start now.
        let idle: Vec<String> = self
            .exec
            .tasks
            .iter()
            .filter(|t| t.state == State::Idle)
            .map(|t| t.id.clone())
            .collect();
        for id in idle {
            self.run_task(&id);
        }
        for raw in backlog {
            if let Ok(event) = serde_json::from_value::<Event>(raw) {
                self.handle(event);
            }
        }
    }

    fn cancel(&mut self, message: Option<String>) {
        if self.exec.record.state.is_terminal() {
            return;
        }
        let now = self.now;
        let open: Vec<String> = self
            .exec
            .tasks
            .iter()
            .filter(|t| !t.state.is_completed())
            .map(|t| t.id.clone())
            .collect();
        for id in &open {
            if let Some(task) = self.exec.task_mut(id) {
                task.state = State::Cancelled;
                task.finished_at = Some(now);
                task.updated_at = Some(now);
            }
            let running: Vec<String> = self
                .exec
                .actions_of(id)
                .filter(|a| !a.state.is_completed())
                .map(|a| a.id.clone())
                .collect();
            for action_id in running {
                if let Some(action) = self.exec.action_mut(&action_id) {
                    action.state = State::Cancelled;
                    action.result = Some(ActionResult::Cancelled);
                    action.updated_at = Some(now);
                }
            }
            let children: Vec<String> = self
                .exec
                .children_of(id)
                .filter(|c| !c.state.is_terminal())
                .map(|c| c.id.clone())
                .collect();
            for child_id in children {
                self.commands.push(Command::CancelChild { child_id });
            }
        }
        self.complete_workflow(State::Cancelled, message);
    }

    fn stop(&mut self, state: State, message: Option<String>) {
        if self.exec.record.state.is_terminal() {
            return;
        }
        match state {
            State::Cancelled => self.cancel(message),
            State::Success | State::Error => self.complete_workflow(state, message),
            _ => {}
        }
    }

    /// Puts a completed (ERROR or CANCELLED) execution back to RUNNING for
    /// a rerun or skip, and tells the parent so it reopens its task
    /// (Mistral's `_recursive_rerun`).
    fn reopen(&mut self) {
        // A task is about to run again: routes it closed may reopen.
        self.exec.joins.bump();
        if self.exec.record.state == State::Running {
            return;
        }
        let now = self.now;
        let record = self.exec.record_mut();
        record.state = State::Running;
        record.state_info = None;
        record.updated_at = Some(now);
        self.notify_parent();
    }

    /// Whether a skip or rerun may go ahead in the core (the API reports
    /// the reasons first, see [`check_rerun`]).
    fn may_rerun(&self, task_id: &str) -> bool {
        matches!(
            self.exec.record.state,
            State::Running | State::Error | State::Cancelled
        ) && self
            .exec
            .task(task_id)
            .is_some_and(|t| t.state == State::Error)
    }

    /// Clears a task's runtime context as Mistral's rerun does, keeping
    /// what Bora needs to ignore stale work: the run generation (bumped),
    /// superseded sub-workflows and the `published: null` marker.
    fn reset_runtime_context(&mut self, task_id: &str, superseded: Vec<Value>, keep: Vec<Value>) {
        let Some(task) = self.exec.task_mut(task_id) else {
            return;
        };
        let run = rc_u64(task, &["bora", "run"]) + 1;
        let published_null = rc_flag(task, "published_null");
        let all = superseded_with(task, superseded);
        task.runtime_context.clear();
        set_rc_flag(task, "run", json!(run));
        set_rc_flag(task, "superseded", all);
        if published_null {
            set_rc_flag(task, "published_null", Value::Bool(true));
        }
        if !keep.is_empty() {
            set_rc_flag(task, "keep_items", Value::Array(keep));
        }
    }

    fn skip(&mut self, task_id: &str) {
        if !self.may_rerun(task_id) {
            return;
        }
        self.reopen();
        self.reset_runtime_context(task_id, Vec::new(), Vec::new());
        let now = self.now;
        if let Some(task) = self.exec.task_mut(task_id) {
            task.state = State::Skipped;
            task.state_info = Some("Task was skipped.".into());
            task.processed = false;
            task.error_handled = false;
            task.finished_at = Some(now);
            task.updated_at = Some(now);
        }
        self.ctx.invalidate(task_id);
        // No after-completion policies: publish-on-skip, then on-skip.
        if let Err(error) = self.after_finish(task_id, State::Skipped, true) {
            self.fail_task(task_id, "Failed to handle action completion", error);
        }
    }

    fn rerun(&mut self, task_id: &str, reset: bool, env: Option<Map<String, Value>>) {
        if !self.may_rerun(task_id) {
            return;
        }
        if let Some(env) = env.filter(|e| !e.is_empty()) {
            let record = self.exec.record_mut();
            let slot = record
                .params
                .entry("env")
                .or_insert_with(|| Value::Object(Map::new()));
            if !slot.is_object() {
                *slot = Value::Object(Map::new());
            }
            merge_dicts(slot, &Value::Object(env));
        }
        self.reopen();
        // Results given up: every one with reset, else the failed ones.
        let mut keep = Vec::new();
        let actions: Vec<(String, bool, u32)> = self
            .exec
            .actions_of(task_id)
            .map(|a| {
                (
                    a.id.clone(),
                    a.accepted && a.state == State::Success,
                    a.index,
                )
            })
            .collect();
        for (id, succeeded, index) in actions {
            if succeeded && !reset {
                keep.push(json!(index));
            } else if let Some(action) = self.exec.action_mut(&id) {
                action.accepted = false;
            }
        }
        let mut superseded = Vec::new();
        let children: Vec<(String, bool, u32)> = self
            .exec
            .children_of(task_id)
            .map(|c| {
                (
                    c.id.clone(),
                    c.state == State::Success,
                    c.index.unwrap_or(0),
                )
            })
            .collect();
        for (id, succeeded, index) in children {
            if succeeded && !reset {
                keep.push(json!(index));
            } else {
                superseded.push(Value::String(id));
            }
        }
        self.reset_runtime_context(task_id, superseded, keep);
        let now = self.now;
        if let Some(task) = self.exec.task_mut(task_id) {
            task.state = State::Idle;
            task.state_info = None;
            task.processed = false;
            task.error_handled = false;
            task.started_at = Some(now);
            task.finished_at = None;
            task.updated_at = Some(now);
        }
        self.ctx.invalidate(task_id);
        // A join task checks its join again first (Mistral reruns it as a
        // waiting task).
        if self.spec(task_id).is_some_and(|spec| spec.join.is_some()) {
            if let Some(task) = self.exec.task_mut(task_id) {
                task.state = State::Waiting;
                task.state_info = Some("Task is waiting.".into());
            }
            self.check_join(task_id);
            return;
        }
        self.run_task(task_id);
    }

    /// Completes the workflow when no task is left to run.
    fn check_completion(&mut self) {
        if self.exec.record.state != State::Running {
            return;
        }
        // From the newest: an open task is most likely among them, so a
        // big execution is not scanned in full at every step.
        if self
            .exec
            .tasks
            .iter()
            .rev()
            .any(|t| !t.state.is_completed())
        {
            return;
        }
        // Mistral lists the tasks sorted by name.
        let mut cancelled: Vec<String> = self
            .exec
            .tasks
            .iter()
            .filter(|t| t.state == State::Cancelled)
            .map(|t| t.name.clone())
            .collect();
        cancelled.sort();
        if !cancelled.is_empty() {
            let info = format!("Cancelled tasks: {}", cancelled.join(", "));
            self.complete_workflow(State::Cancelled, Some(info));
            return;
        }
        let mut failed: Vec<&TaskExecution> = self
            .exec
            .tasks
            .iter()
            .filter(|t| t.state == State::Error && !t.error_handled)
            .collect();
        failed.sort_by(|a, b| a.name.cmp(&b.name));
        if failed.is_empty() {
            self.complete_workflow(State::Success, None);
            return;
        }
        let message = self.failure_message(&failed);
        self.complete_workflow(State::Error, Some(message));
    }

    /// Mistral's "Failure caused by error in tasks: ..." message, bounded
    /// by `max_message_bytes`. A failed sub-workflow's message is already
    /// the task's own `state_info`: its line shows only the first line, so
    /// nested failures do not double at every level.
    fn failure_message(&self, failed: &[&TaskExecution]) -> String {
        let names: Vec<&str> = failed.iter().map(|t| t.name.as_str()).collect();
        let mut message = BoundedText::new(self.exec.limits.max_message_bytes);
        message.push(&format!(
            "Failure caused by error in tasks: {}\n",
            names.join(", ")
        ));
        for task in failed {
            message.push(&format!(
                "\n  {} [task_ex_id={}] -> {}\n",
                task.name,
                task.id,
                task.state_info.as_deref().unwrap_or("None")
            ));
            // Every attempt in ERROR, numbered by position (Mistral's
            // `enumerate(t.action_executions)`), then failed sub-workflows.
            for (i, action) in self.exec.actions_of(&task.id).enumerate() {
                if let (State::Error, Some(ActionResult::Error(error))) =
                    (action.state, &action.result)
                {
                    message.push(&format!(
                        "    [action_ex_id={}, idx={i}]: {}\n",
                        action.id,
                        py_str(error)
                    ));
                }
            }
            let mut children: Vec<&WorkflowExecution> = self.exec.children_of(&task.id).collect();
            children.sort_by_key(|c| (c.created_at, c.index));
            for (i, child) in children.into_iter().enumerate() {
                if child.state == State::Error {
                    let result = child
                        .output
                        .get("result")
                        .cloned()
                        .unwrap_or_else(|| json!("Unknown"));
                    let text = py_str(&result);
                    let shown = if task.state_info.as_deref() == Some(text.as_str()) {
                        match text.split_once('\n') {
                            Some((first, _)) => format!("{first} ... (in full above)"),
                            None => "(as above)".to_owned(),
                        }
                    } else {
                        text
                    };
                    message.push(&format!("    [wf_ex_id={}, idx={i}]: {shown}\n", child.id));
                }
            }
        }
        message.finish()
    }

    fn complete_workflow(&mut self, state: State, info: Option<String>) {
        if self.exec.record.state.is_terminal() {
            return;
        }
        let max = self.exec.limits.max_message_bytes;
        let info = info.map(|message| bound_message(message, max));
        let (state, info, output) = match state {
            State::Success => match self.workflow_output() {
                Ok(output) => (State::Success, info, output),
                Err(message) => {
                    let message = bound_message(
                        format!(
                            "Failed to check and complete [wf_ex_id={}, wf_name={}]: {message}",
                            self.exec.record.id,
                            self.wf_name()
                        ),
                        max,
                    );
                    let output = self.error_output(&message);
                    (State::Error, Some(message), output)
                }
            },
            other => {
                let output = match &info {
                    Some(message) => self.error_output(message),
                    None => {
                        let mut out = Map::new();
                        out.insert("result".into(), Value::Null);
                        out
                    }
                };
                (other, info, output)
            }
        };
        let now = self.now;
        let record = self.exec.record_mut();
        record.state = state;
        record.state_info = info;
        record.output = output;
        record.updated_at = Some(now);
        self.commands.push(Command::Finished);
        self.notify_parent();
    }

    /// The output on SUCCESS: `output` evaluated against the final context,
    /// or the final context itself when `output` is empty or falsy.
    fn workflow_output(&mut self) -> Result<Map<String, Value>, String> {
        let final_ctx = self.ctx.final_context(self.exec);
        let spec = self.exec.plan.workflow.output.clone();
        if spec.is_empty() {
            return Ok(final_ctx);
        }
        let branch = crate::dataflow::BranchContext {
            values: final_ctx.clone(),
            versions: Default::default(),
        };
        let data = task_data(self.exec, None, Map::new(), &branch);
        match eval_data(self.exec, &Value::Object(spec), &data, None) {
            Ok(Value::Object(map)) if !map.is_empty() => Ok(map),
            Ok(_) => Ok(final_ctx),
            Err(err) => Err(err.to_string()),
        }
    }

    /// `{"result": message}` merged with `output-on-error`.
    fn error_output(&mut self, message: &str) -> Map<String, Value> {
        let mut out = Map::new();
        out.insert("result".into(), Value::String(message.to_owned()));
        let spec = self.exec.plan.workflow.output_on_error.clone();
        if spec.is_empty() {
            return out;
        }
        let final_ctx = self.ctx.final_context(self.exec);
        let branch = crate::dataflow::BranchContext {
            values: final_ctx,
            versions: Default::default(),
        };
        let data = task_data(self.exec, None, Map::new(), &branch);
        match eval_data(self.exec, &Value::Object(spec.clone()), &data, None) {
            Ok(Value::Object(map)) => out.extend(map),
            Ok(_) => {}
            Err(err) => {
                out.insert(
                    "result".into(),
                    Value::String(format!(
                        "Failed to evaluate expression in output-on-error! (output-on-error: '{}', exception: '{}')",
                        py_str(&Value::Object(spec)),
                        err
                    )),
                );
            }
        }
        out
    }

    // ----- tasks ------------------------------------------------------------

    fn create_task(&mut self, name: &str, triggered_by: Vec<String>, state: State) -> String {
        let id = self.id();
        let kind = match self.exec.plan.task(name).map(|t| &t.kind) {
            Some(SpecKind::Workflow(_)) => TaskKind::Workflow,
            _ => TaskKind::Action,
        };
        let tags = self
            .exec
            .plan
            .task(name)
            .map(|t| t.tags.clone())
            .unwrap_or_default();
        let task = TaskExecution {
            id: id.clone(),
            workflow_execution_id: self.exec.record.id.clone(),
            name: name.to_owned(),
            kind,
            state,
            state_info: (state == State::Waiting).then(|| "Task is waiting.".to_owned()),
            seq: self.exec.next_seq(),
            triggered_by,
            published: Map::new(),
            published_global: Map::new(),
            runtime_context: Map::new(),
            next_tasks: Vec::new(),
            error_handled: false,
            processed: false,
            tags,
            created_at: self.now,
            updated_at: None,
            started_at: None,
            finished_at: None,
        };
        self.exec.add_task(task);
        id
    }

    fn spec(&self, task_id: &str) -> Option<std::sync::Arc<Task>> {
        let name = &self.exec.task(task_id)?.name;
        self.exec.plan.task(name).cloned()
    }

    /// The data a task's expressions see (before it publishes).
    fn task_scope(&mut self, task_id: &str, extra: Map<String, Value>) -> DataContext {
        let inbound = self.ctx.inbound(self.exec, task_id);
        task_data(self.exec, self.exec.task(task_id), extra, &inbound)
    }

    fn eval_int(
        &mut self,
        task_id: &str,
        field: &str,
        value: &Option<IntOrExpr>,
    ) -> Result<u64, Structural> {
        match value {
            None => Ok(0),
            Some(IntOrExpr::Int(n)) => Ok(*n),
            Some(IntOrExpr::Expr(text)) => {
                let data = self.task_scope(task_id, Map::new());
                let value = eval_text(self.exec, text, &data, Some(task_id))
                    .map_err(|e| Structural(e.to_string()))?;
                match &value {
                    Value::Number(n) if n.is_u64() => Ok(n.as_u64().unwrap_or(0)),
                    Value::Number(n) if n.is_i64() => Err(Structural(format!(
                        "Invalid data type in {}: {} is less than the minimum of 0",
                        policy_name(field),
                        n
                    ))),
                    other => Err(Structural(format!(
                        "Invalid data type in {}: {} is not of type 'integer'",
                        policy_name(field),
                        py_repr(other)
                    ))),
                }
            }
        }
    }

    /// Evaluates a task's `limits` against the call's data (with-items
    /// variables included).
    fn eval_limits(
        &self,
        task_id: &str,
        limits: &Limits,
        data: &DataContext,
    ) -> Result<CallLimits, Structural> {
        let int = |key: &str, value: &Option<IntOrExpr>| -> Result<Option<u64>, Structural> {
            let text = match value {
                None => return Ok(None),
                Some(IntOrExpr::Int(n)) => return Ok(Some(*n)),
                Some(IntOrExpr::Expr(text)) => text,
            };
            let value = eval_text(self.exec, text, data, Some(task_id))
                .map_err(|e| Structural(e.to_string()))?;
            match &value {
                Value::Number(n) if n.is_u64() => Ok(n.as_u64()),
                Value::Number(n) if n.is_i64() => Err(Structural(format!(
                    "Invalid value of limits.{key}: {n} is less than the minimum of 0"
                ))),
                other => Err(Structural(format!(
                    "Invalid value of limits.{key}: {} is not of type 'integer'",
                    py_repr(other)
                ))),
            }
        };
        let fuel = int("fuel", &limits.fuel)?;
        let memory = int("memory", &limits.memory)?;
        let not_hosts = |v: &Value| {
            Structural(format!(
                "Invalid value of limits.allowed-hosts: {} is not a list of host strings",
                py_repr(v)
            ))
        };
        let allowed_hosts = match &limits.allowed_hosts {
            None => None,
            Some(HostsOrExpr::List(entries)) => {
                let mut hosts = Vec::with_capacity(entries.len());
                for entry in entries {
                    match eval_text(self.exec, entry, data, Some(task_id))
                        .map_err(|e| Structural(e.to_string()))?
                    {
                        Value::String(host) => hosts.push(host),
                        other => return Err(not_hosts(&other)),
                    }
                }
                Some(hosts)
            }
            Some(HostsOrExpr::Expr(text)) => {
                match eval_text(self.exec, text, data, Some(task_id))
                    .map_err(|e| Structural(e.to_string()))?
                {
                    // One host given as a string.
                    Value::String(host) => Some(vec![host]),
                    Value::Array(items) => Some(
                        items
                            .iter()
                            .map(|i| i.as_str().map(str::to_owned).ok_or_else(|| not_hosts(i)))
                            .collect::<Result<_, _>>()?,
                    ),
                    other => return Err(not_hosts(&other)),
                }
            }
        };
        Ok(CallLimits {
            fuel,
            memory,
            allowed_hosts,
        })
    }

    fn eval_bool(
        &mut self,
        task_id: &str,
        value: &Option<BoolOrExpr>,
        data: Option<&DataContext>,
    ) -> Result<bool, Structural> {
        match value {
            None => Ok(false),
            Some(BoolOrExpr::Bool(b)) => Ok(*b),
            Some(BoolOrExpr::Expr(text)) => {
                let data = match data {
                    Some(d) => d.clone(),
                    None => self.task_scope(task_id, Map::new()),
                };
                eval_text(self.exec, text, &data, Some(task_id))
                    .map(|v| truthy(&v))
                    .map_err(|e| Structural(e.to_string()))
            }
        }
    }

    /// Starts (or continues) a task: policies before, then its action(s) or
    /// sub-workflow(s). Leaves it IDLE while the workflow is paused.
    fn run_task(&mut self, task_id: &str) {
        if let Err(error) = self.try_run_task(task_id) {
            self.fail_task(task_id, "Failed to run task", error);
        }
    }

    fn try_run_task(&mut self, task_id: &str) -> Result<(), Structural> {
        if self.exec.record.state != State::Running {
            return Ok(());
        }
        let Some(spec) = self.spec(task_id) else {
            return Ok(());
        };
        let now = self.now;
        let Some(task) = self.exec.task(task_id) else {
            return Ok(());
        };
        if task.state.is_completed() {
            return Ok(());
        }
        // Mistral sets started_at when a task goes RUNNING from IDLE or
        // WAITING, before its policies may delay it.
        if matches!(task.state, State::Idle | State::Waiting)
            && let Some(task) = self.exec.task_mut(task_id)
        {
            task.started_at = Some(now);
        }
        let Some(task) = self.exec.task(task_id) else {
            return Ok(());
        };
        // pause-before: once; on resume the task runs without it.
        if !rc_flag(task, "pause_before_done") {
            let pause = self.eval_bool(task_id, &spec.policies.pause_before, None)?;
            if let Some(task) = self.exec.task_mut(task_id) {
                set_rc_flag(task, "pause_before_done", Value::Bool(true));
                if pause {
                    task.state = State::Idle;
                    task.state_info = Some("Set by 'pause-before' policy".into());
                    task.updated_at = Some(now);
                }
            }
            if pause {
                self.pause(None);
                return Ok(());
            }
        }
        // timeout: armed once, with wait-before (Mistral starts both in
        // the same `before_task_start`, so the wait counts).
        if self
            .exec
            .task(task_id)
            .is_some_and(|t| !rc_flag(t, "timeout_armed"))
        {
            let timeout = self.eval_int(task_id, "timeout", &spec.policies.timeout)?;
            if let Some(task) = self.exec.task_mut(task_id) {
                set_rc_flag(task, "timeout_armed", Value::Bool(true));
                if timeout > 0 {
                    set_rc_flag(task, "timeout", json!(timeout));
                }
            }
            if timeout > 0 {
                self.arm_timer(task_id, Timer::Timeout, timeout);
            }
        }
        let task = self
            .exec
            .task(task_id)
            .map(|t| rc_flag(t, "wait_before_done"));
        if task == Some(false) {
            let delay = self.eval_int(task_id, "wait-before", &spec.policies.wait_before)?;
            if let Some(task) = self.exec.task_mut(task_id) {
                set_rc_flag(task, "wait_before_done", Value::Bool(true));
                if delay > 0 {
                    task.state = State::Delayed;
                    task.state_info =
                        Some(format!("Delayed by 'wait-before' policy [delay={delay}]"));
                    task.updated_at = Some(now);
                }
            }
            if delay > 0 {
                self.arm_timer(task_id, Timer::WaitBefore, delay);
                return Ok(());
            }
        }
        let concurrency = self.eval_int(task_id, "concurrency", &spec.policies.concurrency)?;
        if let Some(task) = self.exec.task_mut(task_id) {
            task.state = State::Running;
            task.state_info = None;
            task.updated_at = Some(now);
            if task.started_at.is_none() {
                task.started_at = Some(now);
            }
            if concurrency > 0 {
                task.runtime_context
                    .insert("concurrency".into(), json!(concurrency));
            }
        }
        self.start_attempt(task_id, &spec, concurrency)
    }

    /// Runs the task's action(s) or sub-workflow(s) for one attempt.
    fn start_attempt(
        &mut self,
        task_id: &str,
        spec: &Task,
        concurrency: u64,
    ) -> Result<(), Structural> {
        if spec.with_items.is_empty() {
            return self.start_item(task_id, spec, 0, Map::new());
        }
        let items = self.with_items(task_id, spec)?;
        // Kept for this attempt: later items start from it instead of
        // evaluating the list again at every completion.
        let attempt = self.exec.task(task_id).map_or(0, attempt_of);
        let items = std::sync::Arc::new(items);
        self.exec
            .items
            .insert(task_id.to_owned(), (attempt, items.clone()));
        let count = items.len() as u64;
        // A rerun without reset keeps the items that succeeded.
        let kept: Vec<u64> = self
            .exec
            .task(task_id)
            .and_then(|t| t.runtime_context.get("bora"))
            .and_then(|b| b.get("keep_items"))
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(Value::as_u64)
                    .filter(|i| *i < count)
                    .collect()
            })
            .unwrap_or_default();
        let mut wi = json!({
            "count": count,
            "capacity": if concurrency > 0 { json!(concurrency) } else { Value::Null },
            "next": 0,
        });
        let mut total = count;
        if !kept.is_empty() {
            let todo: Vec<u64> = (0..count).filter(|i| !kept.contains(i)).collect();
            total = todo.len() as u64;
            wi["todo"] = json!(todo);
            wi["succeeded"] = json!(kept.len());
        }
        if let Some(task) = self.exec.task_mut(task_id) {
            task.runtime_context.insert("with_items".into(), wi);
        }
        if count == 0 || total == 0 {
            self.complete_task(task_id, State::Success, None);
            return Ok(());
        }
        let first = if concurrency > 0 {
            concurrency.min(total)
        } else {
            total
        };
        for _ in 0..first {
            self.start_next_item(task_id, spec, &items)?;
        }
        Ok(())
    }

    /// The with-items variables of every item, zipped.
    fn with_items(
        &mut self,
        task_id: &str,
        spec: &Task,
    ) -> Result<Vec<Map<String, Value>>, Structural> {
        let mut columns: Vec<(String, Vec<Value>)> = Vec::new();
        for item in &spec.with_items {
            let values = match &item.source {
                ItemsSource::List(list) => list.clone(),
                ItemsSource::Expr(text) => {
                    let data = self.task_scope(task_id, Map::new());
                    match eval_text(self.exec, text, &data, Some(task_id))
                        .map_err(|e| Structural(e.to_string()))?
                    {
                        Value::Array(list) => list,
                        other => {
                            return Err(Structural(format!(
                                "Wrong input format for: {}. List type is expected for each with-items argument, got: {}",
                                item.var,
                                py_repr(&other)
                            )));
                        }
                    }
                }
            };
            let limit = self.exec.limits.max_with_items;
            if values.len() > limit {
                return Err(Structural(format!(
                    "with-items of task '{}' has {} items in '{}', over the limit of {limit} items (max_with_items)",
                    spec.name,
                    values.len(),
                    item.var
                )));
            }
            columns.push((item.var.clone(), values));
        }
        let len = columns.first().map_or(0, |(_, v)| v.len());
        if columns.iter().any(|(_, v)| v.len() != len) {
            return Err(Structural(format!(
                "Wrong input format for: {:?}. All arrays must have the same length.",
                spec.with_items
                    .iter()
                    .map(|w| w.var.clone())
                    .collect::<Vec<_>>()
            )));
        }
        Ok((0..len)
            .map(|i| {
                columns
                    .iter()
                    .map(|(var, values)| (var.clone(), values[i].clone()))
                    .collect()
            })
            .collect())
    }

    fn start_next_item(
        &mut self,
        task_id: &str,
        spec: &Task,
        items: &[Map<String, Value>],
    ) -> Result<bool, Structural> {
        let Some(task) = self.exec.task(task_id) else {
            return Ok(false);
        };
        let next = rc_u64(task, &["with_items", "next"]);
        let index = match task
            .runtime_context
            .get("with_items")
            .and_then(|w| w.get("todo"))
            .and_then(Value::as_array)
        {
            Some(todo) => match todo.get(next as usize).and_then(Value::as_u64) {
                Some(index) => index,
                None => return Ok(false),
            },
            None => next,
        };
        let Some(item) = items.get(index as usize) else {
            return Ok(false);
        };
        if let Some(task) = self.exec.task_mut(task_id)
            && let Some(Value::Object(wi)) = task.runtime_context.get_mut("with_items")
        {
            wi.insert("next".into(), json!(next + 1));
        }
        self.start_item(task_id, spec, index as u32, item.clone())?;
        Ok(true)
    }

    /// Evaluates the input and starts one action or sub-workflow.
    fn start_item(
        &mut self,
        task_id: &str,
        spec: &Task,
        index: u32,
        extra: Map<String, Value>,
    ) -> Result<(), Structural> {
        let data = self.task_scope(task_id, extra);
        let mut input = match &spec.input {
            TaskInput::Dict(dict) => {
                match eval_data(
                    self.exec,
                    &Value::Object(dict.clone()),
                    &data,
                    Some(task_id),
                )
                .map_err(|e| Structural(e.to_string()))?
                {
                    Value::Object(map) => map,
                    _ => Map::new(),
                }
            }
            TaskInput::Expr(text) => {
                match eval_text(self.exec, text, &data, Some(task_id))
                    .map_err(|e| Structural(e.to_string()))?
                {
                    Value::Object(map) => map,
                    other => {
                        return Err(Structural(format!(
                            "Wrong dynamic input for task: {}. Dict type is expected. Actual type: {}. Actual value: {}",
                            spec.name,
                            python_type(&other),
                            py_str(&other)
                        )));
                    }
                }
            }
        };
        let timeout = self
            .exec
            .task(task_id)
            .and_then(|t| t.runtime_context.get("bora"))
            .and_then(|b| b.get("timeout"))
            .and_then(Value::as_u64);
        match &spec.kind {
            SpecKind::Action(name) => {
                let name = match eval_text(self.exec, name, &data, Some(task_id))
                    .map_err(|e| Structural(e.to_string()))?
                {
                    Value::String(s) => s,
                    other => py_str(&other),
                };
                // Default action input from the environment (`__actions`).
                if let Some(Value::Object(defaults)) =
                    self.exec.env().get("__actions").and_then(|a| a.get(&name))
                {
                    for (key, value) in defaults {
                        input.entry(key.clone()).or_insert_with(|| value.clone());
                    }
                }
                let action_id = self.id();
                let record = &self.exec.record;
                let action = ActionExecution {
                    id: action_id.clone(),
                    name: name.clone(),
                    task_execution_id: Some(task_id.to_owned()),
                    workflow_execution_id: Some(record.id.clone()),
                    workflow_name: Some(record.workflow_name.clone()),
                    workflow_namespace: record.workflow_namespace.clone(),
                    state: State::Running,
                    state_info: None,
                    input: input.clone(),
                    result: None,
                    accepted: false,
                    index,
                    is_sync: true,
                    description: String::new(),
                    params: Map::new(),
                    created_at: self.now,
                    updated_at: None,
                };
                let execution_id = record.id.clone();
                self.exec.add_action(action);
                let safe_rerun = self.eval_bool(task_id, &spec.safe_rerun, Some(&data))?;
                let limits = match &spec.limits {
                    Some(limits) => Some(self.eval_limits(task_id, limits, &data)?),
                    None => None,
                };
                let target = match &spec.target {
                    Some(text) => match eval_text(self.exec, text, &data, Some(task_id))
                        .map_err(|e| Structural(e.to_string()))?
                    {
                        Value::Null => None,
                        Value::String(s) if s.is_empty() => None,
                        Value::String(s) => Some(s),
                        other => Some(py_str(&other)),
                    },
                    None => None,
                };
                self.commands.push(Command::RunAction {
                    action_id,
                    task_id: task_id.to_owned(),
                    execution_id,
                    name,
                    input,
                    timeout,
                    safe_rerun,
                    limits,
                    target,
                });
            }
            SpecKind::Workflow(name) => {
                let name = match eval_text(self.exec, name, &data, Some(task_id))
                    .map_err(|e| Structural(e.to_string()))?
                {
                    Value::String(s) => s,
                    other => py_str(&other),
                };
                let depth = self.exec.record.depth;
                if depth >= self.exec.limits.max_depth {
                    return Err(Structural(format!(
                        "Sub-workflow '{name}' would run at depth {}, deeper than the limit of {} (max_depth)",
                        u64::from(depth) + 1,
                        self.exec.limits.max_depth
                    )));
                }
                let child_id = self.id();
                let record = &self.exec.record;
                // Listed at once (IDLE until it reports), so a cancel of this
                // execution reaches it even before it starts.
                let child = WorkflowExecution {
                    id: child_id.clone(),
                    workflow_id: String::new(),
                    workflow_name: name.clone(),
                    workflow_namespace: record.workflow_namespace.clone(),
                    description: String::new(),
                    tags: Vec::new(),
                    params: Map::new(),
                    input: Map::new(),
                    output: Map::new(),
                    context: Map::new(),
                    state: State::Idle,
                    state_info: None,
                    task_execution_id: Some(task_id.to_owned()),
                    root_execution_id: Some(
                        record
                            .root_execution_id
                            .clone()
                            .unwrap_or_else(|| record.id.clone()),
                    ),
                    source_execution_id: None,
                    index: Some(index),
                    depth: record.depth + 1,
                    backlog: Vec::new(),
                    created_at: self.now,
                    updated_at: None,
                };
                self.exec.set_child(child);
                let mut params = Map::new();
                params.insert("env".into(), self.exec.env());
                self.commands.push(Command::StartChild {
                    child_id,
                    task_id: task_id.to_owned(),
                    index,
                    workflow_name: name,
                    namespace: self.exec.record.workflow_namespace.clone(),
                    input,
                    params,
                });
            }
        }
        Ok(())
    }

    fn arm_timer(&mut self, task_id: &str, timer: Timer, seconds: u64) {
        let attempt = self.exec.task(task_id).map_or(0, attempt_of);
        let delay = i64::try_from(seconds).unwrap_or(i64::MAX / MICROS);
        self.commands.push(Command::Timer {
            task_id: task_id.to_owned(),
            timer,
            attempt,
            due_at: self.now.saturating_add(delay.saturating_mul(MICROS)),
        });
    }

    fn on_timer(&mut self, task_id: String, timer: Timer, attempt: u64) {
        match self.exec.record.state {
            State::Running => {}
            State::Paused => {
                // Replayed on resume.
                if let Ok(event) = serde_json::to_value(Event::Timer {
                    task_id,
                    timer,
                    attempt,
                }) {
                    self.exec.record_mut().backlog.push(event);
                }
                return;
            }
            _ => return,
        }
        let Some(task) = self.exec.task(&task_id) else {
            return;
        };
        // A timer of an earlier attempt is stale; the timeout covers every
        // retry of one run (Mistral arms it once, before the first start).
        let current = attempt_of(task);
        let stale = match timer {
            Timer::Timeout => current >> 32 != attempt >> 32,
            _ => current != attempt,
        };
        if stale {
            return;
        }
        let state = task.state;
        match timer {
            Timer::WaitBefore if state == State::Delayed => self.run_task(&task_id),
            Timer::Retry if matches!(state, State::Delayed | State::Waiting) => {
                self.retry_now(&task_id)
            }
            Timer::WaitAfter if state == State::Delayed => {
                let pending = task
                    .runtime_context
                    .get("bora")
                    .and_then(|b| b.get("pending"))
                    .cloned()
                    .unwrap_or(Value::Null);
                let state = pending
                    .get("state")
                    .and_then(Value::as_str)
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(State::Success);
                let info = pending
                    .get("info")
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                // Mistral completes the task again: fail-on and retry
                // come after the wait.
                self.complete_task(&task_id, state, info);
            }
            Timer::JoinCheck if state == State::Waiting => {
                if let Some(task) = self.exec.task_mut(&task_id) {
                    set_rc_flag(task, "join_check_armed", Value::Bool(false));
                }
                self.evaluate_join(&task_id);
            }
            Timer::Timeout if !state.is_completed() && state != State::Idle => {
                let seconds = task
                    .runtime_context
                    .get("bora")
                    .and_then(|b| b.get("timeout"))
                    .and_then(Value::as_u64)
                    .unwrap_or(0);
                // What still runs belongs to the timed-out attempt.
                self.supersede_running(&task_id);
                self.complete_task(
                    &task_id,
                    State::Error,
                    Some(format!("Task timed out [timeout(s)={seconds}].")),
                );
            }
            _ => {}
        }
    }

    fn on_action_complete(&mut self, action_id: &str, result: ActionResult) {
        let now = self.now;
        let Some(action) = self.exec.action(action_id) else {
            return;
        };
        if action.state.is_completed() {
            return; // delivered twice (e.g. after a crash): already applied
        }
        let task_id = action.task_execution_id.clone();
        // An action of an attempt given up (timeout) no longer counts.
        let task_running = task_id
            .as_deref()
            .and_then(|id| self.exec.task(id))
            .is_some_and(|t| t.state == State::Running && !is_superseded(t, action_id));
        let max = self.exec.limits.max_message_bytes;
        let error = match &result {
            ActionResult::Error(error) => Some(bound_message(py_str(error), max)),
            _ => None,
        };
        if let Some(action) = self.exec.action_mut(action_id) {
            action.state = result.state();
            action.state_info = error.clone();
            action.result = Some(result.clone());
            action.accepted = task_running;
            action.updated_at = Some(now);
        }
        let Some(task_id) = task_id else {
            return;
        };
        if !task_running || !self.count_result(&task_id, &result) {
            return;
        }
        self.on_item_complete(&task_id, result.state(), error);
    }

    /// Adds a result's size to its task's total; past `max_result_bytes`
    /// the task (and the workflow) fail at once. Returns whether the task
    /// goes on.
    fn count_result(&mut self, task_id: &str, result: &ActionResult) -> bool {
        let size = match result {
            ActionResult::Success(value) | ActionResult::Error(value) => json_size(value),
            ActionResult::Cancelled => 0,
        };
        let limit = self.exec.limits.max_result_bytes;
        let Some(task) = self.exec.task_mut(task_id) else {
            return false;
        };
        let total = rc_u64(task, &["bora", "result_bytes"]).saturating_add(size as u64);
        set_rc_flag(task, "result_bytes", json!(total));
        if total <= limit as u64 {
            return true;
        }
        let message = format!(
            "Action results of task '{}' reached {total} bytes, over the limit of {limit} bytes (max_result_bytes)",
            task.name
        );
        self.supersede_running(task_id);
        self.fail_structural(task_id, message);
        false
    }

    fn on_child_complete(&mut self, child: WorkflowExecution) {
        let Some(task_id) = child.task_execution_id.clone() else {
            return;
        };
        match child.state {
            State::Paused => {
                // A paused sub-workflow pauses its task and this workflow.
                let now = self.now;
                self.exec.set_child(child);
                if let Some(task) = self.exec.task_mut(&task_id)
                    && task.state == State::Running
                {
                    task.state = State::Paused;
                    task.updated_at = Some(now);
                }
                self.pause(None);
                return;
            }
            State::Running => {
                let was_error = self
                    .exec
                    .children
                    .iter()
                    .any(|c| c.id == child.id && c.state == State::Error);
                self.exec.set_child(child);
                if self.exec.record.state == State::Paused {
                    self.resume();
                } else if was_error {
                    self.reopen_for_child(&task_id);
                }
                return;
            }
            _ => {}
        }
        if self
            .exec
            .children_of(&task_id)
            .any(|c| c.id == child.id && c.state.is_terminal())
        {
            return; // already applied
        }
        let state = match child.state {
            State::Success => State::Success,
            State::Cancelled => State::Cancelled,
            _ => State::Error,
        };
        let info = match state {
            State::Success => None,
            _ => Some(
                child
                    .state_info
                    .clone()
                    .unwrap_or_else(|| format!("Failed subworkflow [execution_id={}]", child.id)),
            ),
        };
        let superseded = self
            .exec
            .task(&task_id)
            .is_some_and(|t| is_superseded(t, &child.id));
        self.exec.set_child(child);
        let running = self
            .exec
            .task(&task_id)
            .is_some_and(|t| t.state == State::Running);
        if running && !superseded {
            self.on_item_complete(&task_id, state, info);
        }
    }

    /// A failed sub-workflow is being rerun: its task (and this execution)
    /// run again and wait for it (Mistral's `mark_task_running`).
    fn reopen_for_child(&mut self, task_id: &str) {
        if !self
            .exec
            .task(task_id)
            .is_some_and(|t| t.state == State::Error)
        {
            return;
        }
        self.reopen();
        let now = self.now;
        if let Some(task) = self.exec.task_mut(task_id) {
            task.state = State::Running;
            task.state_info = None;
            task.processed = false;
            task.error_handled = false;
            task.finished_at = None;
            task.updated_at = Some(now);
            // The item counted as failed is running again.
            if let Some(Value::Object(wi)) = task.runtime_context.get_mut("with_items") {
                let failed = wi.get("failed").and_then(Value::as_u64).unwrap_or(0);
                wi.insert("failed".into(), json!(failed.saturating_sub(1)));
            }
        }
        self.ctx.invalidate(task_id);
    }

    /// One action or sub-workflow of a running task finished.
    fn on_item_complete(&mut self, task_id: &str, state: State, info: Option<String>) {
        let Some(task) = self.exec.task(task_id) else {
            return;
        };
        if !task.runtime_context.contains_key("with_items") {
            self.complete_task(task_id, state, info);
            return;
        }
        let count = rc_u64(task, &["with_items", "count"]);
        // Count completions on the task itself: scanning the items on every
        // completion would make a big with-items quadratic.
        let counter = match state {
            State::Error => "failed",
            State::Cancelled => "cancelled",
            _ => "succeeded",
        };
        let mut finished = 0;
        let mut failed = 0;
        let mut cancelled = 0;
        if let Some(task) = self.exec.task_mut(task_id)
            && let Some(Value::Object(wi)) = task.runtime_context.get_mut("with_items")
        {
            let bump = wi.get(counter).and_then(Value::as_u64).unwrap_or(0) + 1;
            wi.insert(counter.into(), json!(bump));
            let get = |k: &str| wi.get(k).and_then(Value::as_u64).unwrap_or(0);
            failed = get("failed");
            cancelled = get("cancelled");
            finished = get("succeeded") + failed + cancelled;
        }
        // Start the next item if the concurrency cap allows.
        if let Some(spec) = self.spec(task_id) {
            let (next, total) = self.exec.task(task_id).map_or((count, count), |t| {
                (rc_u64(t, &["with_items", "next"]), wi_total(t))
            });
            if next < total {
                let attempt = self.exec.task(task_id).map_or(0, attempt_of);
                let cached = self
                    .exec
                    .items
                    .get(task_id)
                    .filter(|(at, _)| *at == attempt)
                    .map(|(_, items)| items.clone());
                let items = match cached {
                    Some(items) => Ok(items),
                    None => self.with_items(task_id, &spec).map(|items| {
                        let items = std::sync::Arc::new(items);
                        self.exec
                            .items
                            .insert(task_id.to_owned(), (attempt, items.clone()));
                        items
                    }),
                };
                let started = items.and_then(|items| self.start_next_item(task_id, &spec, &items));
                if let Err(error) = started {
                    self.fail_task(task_id, "Failed to run task", error);
                    return;
                }
            }
        }
        if finished < count {
            return;
        }
        self.exec.items.remove(task_id);
        let (state, info) = if cancelled > 0 {
            (
                State::Cancelled,
                Some("One or more actions was cancelled.".to_owned()),
            )
        } else if failed > 0 {
            (
                State::Error,
                Some("One or more actions had failed.".to_owned()),
            )
        } else {
            (State::Success, None)
        };
        self.complete_task(task_id, state, info);
    }

    /// All of a task's work is done: policies after completion, then finish.
    fn complete_task(&mut self, task_id: &str, state: State, info: Option<String>) {
        if let Err(error) = self.try_complete_task(task_id, state, info) {
            self.fail_task(task_id, "Failed to complete task", error);
        }
    }

    fn try_complete_task(
        &mut self,
        task_id: &str,
        mut state: State,
        mut info: Option<String>,
    ) -> Result<(), Structural> {
        let Some(spec) = self.spec(task_id) else {
            return Ok(());
        };
        // wait-after comes first, once per run (Mistral's policy order and
        // its `skip` flag): the task is completed again when it elapses,
        // and fail-on and retry apply then.
        let waited = self
            .exec
            .task(task_id)
            .is_some_and(|t| rc_flag(t, "wait_after_done"));
        if !waited {
            let delay = self.eval_int(task_id, "wait-after", &spec.policies.wait_after)?;
            if delay > 0 {
                self.publish(task_id, &spec, state)?;
                let now = self.now;
                if let Some(task) = self.exec.task_mut(task_id) {
                    set_rc_flag(task, "wait_after_done", Value::Bool(true));
                    set_rc_flag(
                        task,
                        "pending",
                        json!({"state": state.as_str(), "info": info}),
                    );
                    task.state = State::Delayed;
                    task.state_info =
                        Some(format!("Delayed by 'wait-after' policy [delay={delay}]"));
                    task.updated_at = Some(now);
                }
                self.arm_timer(task_id, Timer::WaitAfter, delay);
                return Ok(());
            }
        }
        // fail-on: a successful task fails when the condition holds.
        if state == State::Success && spec.policies.fail_on.is_some() {
            // fail-on sees the inbound context; `task()` gives the result.
            let data = self.task_scope(task_id, Map::new());
            if self.eval_bool(task_id, &spec.policies.fail_on, Some(&data))? {
                state = State::Error;
                info = Some("Failed by 'fail-on' policy".into());
            }
        }
        // Publish now: retry conditions and wait-after see what the task
        // published (Mistral publishes before the after-completion policies).
        self.publish(task_id, &spec, state)?;
        // retry
        if let Some(retry) = &spec.policies.retry
            && matches!(state, State::Success | State::Error)
        {
            let count = self.eval_int(task_id, "retry", &Some(retry.count.clone()))?;
            let delay = self.eval_int(task_id, "retry", &Some(retry.delay.clone()))?;
            let retry_no = self
                .exec
                .task(task_id)
                .map_or(0, |t| rc_u64(t, &["retry_task_policy", "retry_no"]));
            let outbound = self.ctx.outbound(self.exec, task_id);
            let data = task_data(self.exec, self.exec.task(task_id), Map::new(), &outbound);
            let check =
                |me: &mut Self, cond: &Option<String>| -> Result<Option<bool>, Structural> {
                    match cond {
                        None => Ok(None),
                        Some(text) => eval_text(me.exec, text, &data, Some(task_id))
                            .map(|v| Some(truthy(&v)))
                            .map_err(|e| Structural(e.to_string())),
                    }
                };
            let break_on = check(self, &retry.break_on)?;
            let continue_on = check(self, &retry.continue_on)?;
            let remain = retry_no < count;
            let stop_continue =
                (state == State::Success && continue_on.is_none()) || continue_on == Some(false);
            let break_triggered = state == State::Error && break_on == Some(true);
            if remain && !break_triggered && !stop_continue {
                let delay = self.backoff_delay(task_id, retry, delay, retry_no)?;
                self.schedule_retry(task_id, retry_no + 1, delay);
                return Ok(());
            }
        }
        self.finish_task(task_id, state, info, false);
        Ok(())
    }

    /// Bora's extension: exponential backoff with an optional cap and jitter.
    /// Jitter is derived from the task id and attempt, so the core stays
    /// deterministic.
    fn backoff_delay(
        &mut self,
        task_id: &str,
        retry: &bora_lang::model::Retry,
        delay: u64,
        retry_no: u64,
    ) -> Result<u64, Structural> {
        use bora_lang::model::Backoff;
        let exponential = match &retry.backoff {
            Some(Backoff::Exponential) => true,
            Some(Backoff::Expr(text)) => {
                let data = self.task_scope(task_id, Map::new());
                let v = eval_text(self.exec, text, &data, Some(task_id))
                    .map_err(|e| Structural(e.to_string()))?;
                v.as_str() == Some("exponential")
            }
            _ => false,
        };
        let mut wait = if exponential {
            delay.saturating_mul(1u64 << retry_no.min(32))
        } else {
            delay
        };
        if retry.max_delay.is_some() {
            let cap = self.eval_int(task_id, "retry", &retry.max_delay)?;
            wait = wait.min(cap);
        }
        if self.eval_bool(task_id, &retry.jitter, None)? && wait > 0 {
            let seed = task_id
                .bytes()
                .fold(retry_no.wrapping_mul(0x9E37_79B9), |h, b| {
                    h.rotate_left(5) ^ u64::from(b)
                });
            wait = seed % (wait + 1);
        }
        Ok(wait)
    }

    /// Marks the task's running actions and sub-workflows as given up: their
    /// results, when they come, are recorded but not accepted.
    fn supersede_running(&mut self, task_id: &str) {
        let mut ids: Vec<Value> = self
            .exec
            .actions_of(task_id)
            .filter(|a| !a.state.is_completed())
            .map(|a| Value::String(a.id.clone()))
            .collect();
        ids.extend(
            self.exec
                .children_of(task_id)
                .filter(|c| !c.state.is_completed())
                .map(|c| Value::String(c.id.clone())),
        );
        if ids.is_empty() {
            return;
        }
        if let Some(task) = self.exec.task_mut(task_id) {
            let list = superseded_with(task, ids);
            set_rc_flag(task, "superseded", list);
        }
    }

    fn schedule_retry(&mut self, task_id: &str, retry_no: u64, delay: u64) {
        let now = self.now;
        self.supersede_running(task_id);
        let current: Vec<String> = self
            .exec
            .actions_of(task_id)
            .filter(|a| a.accepted)
            .map(|a| a.id.clone())
            .collect();
        for id in current {
            if let Some(action) = self.exec.action_mut(&id) {
                action.accepted = false;
            }
        }
        let join = self.spec(task_id).is_some_and(|spec| spec.join.is_some());
        let children: Vec<Value> = self
            .exec
            .children_of(task_id)
            .map(|c| Value::String(c.id.clone()))
            .collect();
        if let Some(task) = self.exec.task_mut(task_id) {
            task.runtime_context
                .insert("retry_task_policy".into(), json!({"retry_no": retry_no}));
            let superseded = superseded_with(task, children);
            set_rc_flag(task, "superseded", superseded);
            set_rc_flag(task, "keep_items", Value::Array(Vec::new()));
            set_rc_flag(task, "result_bytes", json!(0));
            if let Some(Value::Object(wi)) = task.runtime_context.get_mut("with_items") {
                for key in ["next", "succeeded", "failed", "cancelled"] {
                    wi.insert(key.into(), json!(0));
                }
                wi.remove("todo");
            }
            // A join task waits in WAITING (Mistral re-checks its join).
            task.state = if join { State::Waiting } else { State::Delayed };
            task.state_info = Some(format!("Delayed by 'retry' policy [delay={delay}]"));
            task.updated_at = Some(now);
        }
        self.arm_timer(task_id, Timer::Retry, delay);
    }

    fn retry_now(&mut self, task_id: &str) {
        let now = self.now;
        let Some(spec) = self.spec(task_id) else {
            return;
        };
        let concurrency = self
            .exec
            .task(task_id)
            .map_or(0, |t| rc_u64(t, &["concurrency"]));
        if let Some(task) = self.exec.task_mut(task_id) {
            task.state = State::Running;
            task.state_info = None;
            task.updated_at = Some(now);
        }
        if let Err(error) = self.start_attempt(task_id, &spec, concurrency) {
            self.fail_task(task_id, "Failed to run task", error);
        }
    }

    /// Puts the task in its final state, publishes (unless done already),
    /// follows transitions.
    fn finish_task(&mut self, task_id: &str, state: State, info: Option<String>, publish: bool) {
        let now = self.now;
        let max = self.exec.limits.max_message_bytes;
        let info = info.map(|message| bound_message(message, max));
        if let Some(task) = self.exec.task_mut(task_id) {
            if task.state.is_completed() {
                return;
            }
            task.state = state;
            task.state_info = if state == State::Success { None } else { info };
            task.finished_at = Some(now);
            task.updated_at = Some(now);
        }
        if let Err(error) = self.after_finish(task_id, state, publish) {
            self.fail_task(task_id, "Failed to handle action completion", error);
        }
    }

    fn after_finish(
        &mut self,
        task_id: &str,
        state: State,
        publish: bool,
    ) -> Result<(), Structural> {
        let Some(spec) = self.spec(task_id) else {
            return Ok(());
        };
        if publish {
            self.publish(task_id, &spec, state)?;
        }
        if state == State::Cancelled {
            if let Some(task) = self.exec.task_mut(task_id) {
                task.processed = true;
            }
            self.exec.joins.bump();
            return Ok(());
        }
        let next = self.find_next(task_id, &spec, state)?;
        let error_handled = state == State::Error && next.iter().any(|n| n.event == "on-error");
        let names: Vec<(String, String)> = next
            .iter()
            .filter(|n| n.command.is_none())
            .map(|n| (n.name.clone(), n.event.to_owned()))
            .collect();
        // A transition not taken may leave a join's inbound task unreachable.
        let taken: std::collections::HashSet<&str> =
            names.iter().map(|(name, _)| name.as_str()).collect();
        if self
            .exec
            .plan
            .outbound(&spec.name)
            .iter()
            .any(|target| !taken.contains(target.as_str()))
        {
            self.exec.joins.bump();
        }
        if let Some(task) = self.exec.task_mut(task_id) {
            task.next_tasks = names;
            task.error_handled = error_handled;
            task.processed = true;
        }
        // keep-result: false drops the action output once published.
        let keep = self.eval_bool(task_id, &Some(spec.keep_result.clone()), None)?;
        if !keep {
            let ids: Vec<String> = self
                .exec
                .actions_of(task_id)
                .map(|a| a.id.clone())
                .collect();
            for id in ids {
                if let Some(action) = self.exec.action_mut(&id)
                    && let Some(ActionResult::Success(_)) = action.result
                {
                    action.result = Some(ActionResult::Success(Value::Object(Map::new())));
                }
            }
        }
        self.follow(task_id, next);
        self.refresh_joins();
        if self.exec.plan.is_reverse() {
            self.reverse_next();
        }
        Ok(())
    }

    /// Reverse workflows: starts every task the target needs that has not
    /// run yet and whose `requires` all succeeded; its context comes from
    /// those required tasks.
    fn reverse_next(&mut self) {
        if self.exec.record.state.is_terminal() {
            return;
        }
        let Some(target) = self
            .exec
            .record
            .params
            .get("task_name")
            .and_then(Value::as_str)
            .map(str::to_owned)
        else {
            return;
        };
        let plan = self.exec.plan.clone();
        for name in plan.reverse_order(&target) {
            if self.exec.last_task_named(&name).is_some() {
                continue;
            }
            let Some(spec) = plan.task(&name) else {
                continue;
            };
            let mut parents = Vec::new();
            let satisfied = spec.requires.iter().all(|required| {
                match self
                    .exec
                    .tasks
                    .iter()
                    .find(|t| &t.name == required && t.state == State::Success)
                {
                    Some(t) => {
                        parents.push(t.id.clone());
                        true
                    }
                    None => false,
                }
            });
            if satisfied {
                let id = self.create_task(&name, parents, State::Idle);
                self.run_task(&id);
            }
        }
    }

    /// Publishes as Mistral's `get_publish` + `publish_variables`: the
    /// state's `publish*` dict as branch, then `on-complete`'s publish, then
    /// the state's on-clause publish on top. Without any publish spec
    /// `published` stays `{}`; a spec without branch values gives `null`.
    fn publish(&mut self, task_id: &str, spec: &Task, state: State) -> Result<(), Structural> {
        let (base, clause) = match state {
            State::Success => (&spec.publish, &spec.on_success),
            State::Error => (&spec.publish_on_error, &spec.on_error),
            State::Skipped => (&spec.publish_on_skip, &spec.on_skip),
            _ => return Ok(()),
        };
        let mut found = !base.is_empty();
        let mut has_branch = !base.is_empty();
        let mut branch = base.clone();
        let mut global = Map::new();
        for clause in [&spec.on_complete, clause].into_iter().flatten() {
            if let Some(publish) = &clause.publish {
                found = true;
                has_branch |= !publish.branch.is_empty();
                branch.extend(publish.branch.clone());
                global.extend(publish.global.clone());
            }
        }
        if !found {
            return Ok(());
        }
        let data = self.task_scope(task_id, Map::new());
        let published = match eval_data(self.exec, &Value::Object(branch), &data, Some(task_id))
            .map_err(|e| Structural(e.to_string()))?
        {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        let global = match eval_data(self.exec, &Value::Object(global), &data, Some(task_id))
            .map_err(|e| Structural(e.to_string()))?
        {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        let limits = self.exec.limits;
        for (key, value) in published.iter().chain(&global) {
            let size = json_size(value);
            if size > limits.max_published_bytes {
                return Err(Structural(format!(
                    "Published value '{key}' of task '{}' is {size} bytes, over the limit of {} bytes (max_published_bytes)",
                    spec.name, limits.max_published_bytes
                )));
            }
        }
        if !published.is_empty() {
            // What the task passes on: its inbound context with these keys
            // set (measured before anything is stored).
            let inbound = self.ctx.inbound(self.exec, task_id);
            let entry = |key: &String, value: &Value| key.len() + 4 + json_size(value);
            let mut size = map_size(&inbound.values);
            for (key, value) in &published {
                size += entry(key, value);
                if let Some(old) = inbound.values.get(key) {
                    size = size.saturating_sub(entry(key, old));
                }
            }
            if size > limits.max_context_bytes {
                return Err(Structural(format!(
                    "The context after task '{}' would be {size} bytes, over the limit of {} bytes (max_context_bytes)",
                    spec.name, limits.max_context_bytes
                )));
            }
        }
        if !global.is_empty() {
            let record = self.exec.record_mut();
            let mut previous = Vec::with_capacity(global.len());
            for (key, value) in &global {
                previous.push((
                    key.clone(),
                    record.context.insert(key.clone(), value.clone()),
                ));
            }
            let size = map_size(&record.context);
            if size > limits.max_context_bytes {
                // Put the global context back as it was.
                for (key, old) in previous {
                    match old {
                        Some(old) => record.context.insert(key, old),
                        None => record.context.remove(&key),
                    };
                }
                return Err(Structural(format!(
                    "The global context would be {size} bytes after task '{}' published, over the limit of {} bytes (max_context_bytes)",
                    spec.name, limits.max_context_bytes
                )));
            }
        }
        if let Some(task) = self.exec.task_mut(task_id) {
            task.published = published;
            task.published_global = global;
            if !has_branch {
                set_rc_flag(task, "published_null", Value::Bool(true));
            }
        }
        self.ctx.invalidate(task_id);
        Ok(())
    }

    /// The transitions a finished task takes, in Mistral's order.
    fn find_next(
        &mut self,
        task_id: &str,
        spec: &Task,
        state: State,
    ) -> Result<Vec<Next>, Structural> {
        let clauses: Vec<(&Option<OnClause>, &'static str)> = match state {
            State::Success => vec![
                (&spec.on_success, "on-success"),
                (&spec.on_complete, "on-complete"),
            ],
            State::Error => vec![
                (&spec.on_error, "on-error"),
                (&spec.on_complete, "on-complete"),
            ],
            State::Skipped => vec![(&spec.on_skip, "on-skip")],
            _ => vec![],
        };
        let outbound = self.ctx.outbound(self.exec, task_id);
        let data = task_data(self.exec, self.exec.task(task_id), Map::new(), &outbound);
        let mut next = Vec::new();
        for (clause, event) in clauses {
            let Some(clause) = clause else { continue };
            for tr in &clause.next {
                if let Some(cond) = &tr.condition {
                    let value = eval_text(self.exec, cond, &data, Some(task_id))
                        .map_err(|e| Structural(e.to_string()))?;
                    if !truthy(&value) {
                        continue;
                    }
                }
                let command = tr.command().map(str::to_owned);
                let msg = match (&command, tr.params.get("msg")) {
                    (Some(_), Some(msg)) => Some(
                        match eval_data(self.exec, msg, &data, Some(task_id))
                            .map_err(|e| Structural(e.to_string()))?
                        {
                            Value::String(s) => s,
                            other => py_str(&other),
                        },
                    ),
                    _ => None,
                };
                next.push(Next {
                    name: tr.name.clone(),
                    event,
                    command,
                    msg,
                });
            }
        }
        if state == State::Skipped && next.is_empty() {
            return self.find_next(task_id, spec, State::Success);
        }
        Ok(next)
    }

    /// Starts the next tasks and carries out engine commands, with
    /// Mistral's ordering rules: `noop` is dropped; anything after the
    /// first `fail` or `succeed` is dropped; after a `pause` the rest waits
    /// (tasks in IDLE, `fail`/`succeed` in the backlog) for resume.
    fn follow(&mut self, task_id: &str, next: Vec<Next>) {
        let mut todo: Vec<Next> = Vec::new();
        for n in next {
            match n.command.as_deref() {
                Some("noop") => continue,
                // Nothing after the first `fail`/`succeed` runs (after a
                // `pause` too: Mistral's backlog is rearranged the same way
                // on resume).
                Some("fail") | Some("succeed") => {
                    todo.push(n);
                    break;
                }
                _ => todo.push(n),
            }
        }
        for n in todo {
            let stop = match n.command.as_deref() {
                Some("fail") => Some(State::Error),
                Some("succeed") => Some(State::Success),
                _ => None,
            };
            match (n.command.as_deref(), stop) {
                // After a `pause`, Mistral keeps the rest of the commands
                // in the backlog and runs them on resume.
                (_, Some(state)) if self.exec.record.state == State::Paused => {
                    if let Ok(event) = serde_json::to_value(Event::Stop {
                        state,
                        message: n.msg,
                    }) {
                        self.exec.record_mut().backlog.push(event);
                    }
                }
                (_, Some(state)) => self.complete_workflow(state, n.msg),
                (Some("pause"), _) => self.pause(n.msg),
                _ => self.schedule_next(&n.name, task_id),
            }
        }
    }

    /// A transition to `name` from `parent_id`.
    fn schedule_next(&mut self, name: &str, parent_id: &str) {
        if self.exec.record.state.is_terminal() {
            return;
        }
        let Some(spec) = self.exec.plan.task(name).cloned() else {
            return;
        };
        if spec.join.is_none() {
            let id = self.create_task(name, vec![parent_id.to_owned()], State::Idle);
            self.run_task(&id);
            return;
        }
        // A join: one execution collects its inbound tasks.
        let existing = self
            .exec
            .last_task_named(name)
            .map(|t| (t.id.clone(), t.state));
        match existing {
            // Its triggers are set when it fires (the inbound tasks that
            // routed here); collecting them one by one would rewrite an
            // ever longer row for every branch of a big fan-in.
            Some((id, State::Waiting)) => self.check_join(&id),
            // Already fired: a partial join triggers once.
            Some(_) => {}
            None => {
                let id = self.create_task(name, vec![parent_id.to_owned()], State::Waiting);
                self.check_join(&id);
            }
        }
    }

    /// Re-checks every waiting join (an inbound task may have completed
    /// without routing to it). Only the last task of a join's name can be
    /// waiting (see [`Self::schedule_next`]).
    fn refresh_joins(&mut self) {
        let plan = self.exec.plan.clone();
        for name in plan.joins() {
            let waiting = self
                .exec
                .last_task_named(name)
                .filter(|t| t.state == State::Waiting)
                .map(|t| t.id.clone());
            if let Some(id) = waiting {
                self.check_join(&id);
            }
        }
    }

    /// Evaluates a `join: all` now; defers a `join: N` (see [`Timer::JoinCheck`]).
    fn check_join(&mut self, task_id: &str) {
        let Some(task) = self.exec.task(task_id) else {
            return;
        };
        let partial = matches!(
            self.exec.plan.task(&task.name).and_then(|t| t.join),
            Some(Join::Count(_))
        );
        if !partial {
            self.evaluate_join(task_id);
            return;
        }
        if rc_flag(task, "join_check_armed") {
            return;
        }
        if let Some(task) = self.exec.task_mut(task_id) {
            set_rc_flag(task, "join_check_armed", Value::Bool(true));
        }
        self.arm_timer(task_id, Timer::JoinCheck, 0);
    }

    fn evaluate_join(&mut self, task_id: &str) {
        let Some(task) = self.exec.task(task_id) else {
            return;
        };
        if task.state != State::Waiting {
            self.exec.joins.forget(task_id);
            return;
        }
        let name = task.name.clone();
        let Some(join) = self.exec.plan.task(&name).and_then(|t| t.join) else {
            return;
        };
        let now = self.now;
        let quoted = |names: &[String]| {
            names
                .iter()
                .map(|f| format!("'{f}'"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match crate::join::evaluate(self.exec, task_id, &name, join) {
            Verdict::Fire { routed } => {
                if let Some(task) = self.exec.task_mut(task_id) {
                    task.triggered_by = routed;
                    task.state = State::Idle;
                    task.state_info = None;
                    task.updated_at = Some(now);
                }
                self.ctx.invalidate(task_id);
                self.run_task(task_id);
            }
            Verdict::Fail { routed, failed } => {
                let info = format!("Failed by tasks: [{}]", quoted(&failed));
                if let Some(task) = self.exec.task_mut(task_id) {
                    task.triggered_by = routed;
                }
                self.finish_task(task_id, State::Error, Some(info), true);
            }
            Verdict::Blocked { first, more } => {
                let mut info = format!("Blocked by tasks: [{}]", quoted(&first));
                if more > 0 {
                    info.push_str(&format!(" and {more} more"));
                }
                // Unchanged most of the time: then the row is not rewritten.
                if self
                    .exec
                    .task(task_id)
                    .is_some_and(|t| t.state_info.as_deref() != Some(info.as_str()))
                    && let Some(task) = self.exec.task_mut(task_id)
                {
                    task.state_info = Some(info);
                }
            }
        }
    }

    /// A structural failure while `what` (Mistral's wording, e.g. "Failed to
    /// run task"), with the workflow and task named.
    fn fail_task(&mut self, task_id: &str, what: &str, Structural(message): Structural) {
        let task = self
            .exec
            .task(task_id)
            .map(|t| t.name.clone())
            .unwrap_or_default();
        let message = format!(
            "{what} [error={message}, wf={}, task={task}]",
            self.wf_name()
        );
        self.fail_structural(task_id, message);
    }

    /// A failure of the workflow's own making (bad expression, bad policy
    /// value): the task and the whole workflow fail with the message.
    fn fail_structural(&mut self, task_id: &str, message: String) {
        let now = self.now;
        self.exec.joins.bump();
        let message = bound_message(message, self.exec.limits.max_message_bytes);
        if let Some(task) = self.exec.task_mut(task_id) {
            task.state = State::Error;
            task.state_info = Some(message.clone());
            task.processed = true;
            task.finished_at = Some(now);
            task.updated_at = Some(now);
        }
        if !self.exec.record.state.is_terminal() {
            let record = self.exec.record_mut();
            record.state = State::Running;
            self.complete_workflow(State::Error, Some(message));
        }
    }
}

/// A transition chosen on completion.
struct Next {
    name: String,
    event: &'static str,
    command: Option<String>,
    msg: Option<String>,
}

/// Mistral's `utils.merge_dicts`: nested dicts merge, other values of
/// `right` replace those of `left`.
fn merge_dicts(left: &mut Value, right: &Value) {
    if let (Value::Object(l), Value::Object(r)) = (&mut *left, right) {
        for (key, value) in r {
            match l.get_mut(key) {
                Some(existing) if existing.is_object() && value.is_object() => {
                    merge_dicts(existing, value)
                }
                _ => {
                    l.insert(key.clone(), value.clone());
                }
            }
        }
    }
}

/// Why Mistral refuses a task update (`PUT /v2/tasks/{id}`) for a skip
/// (`skip: true`) or a rerun (`reset` as given, `None` when absent), with
/// its wording; `Ok` when [`Event::Skip`] / [`Event::Rerun`] may be sent.
/// `env` says whether the request carries an environment update.
pub fn check_rerun(
    exec: &Execution,
    task_id: &str,
    skip: bool,
    reset: Option<bool>,
    env: bool,
) -> Result<(), String> {
    let Some(task) = exec.task(task_id) else {
        return Err(format!("Task execution not found [id={task_id}]"));
    };
    if task.state != State::Error {
        return Err("The current task execution must be in ERROR for rerun. \
             Only updating task to rerun is supported."
            .into());
    }
    if !skip {
        let Some(reset) = reset else {
            return Err("Reset field is mandatory to rerun task.".into());
        };
        let with_items = exec
            .plan
            .task(&task.name)
            .is_some_and(|t| !t.with_items.is_empty());
        if !with_items && !reset {
            return Err("Only with-items task has the option to not reset.".into());
        }
    }
    let state = exec.record.state;
    if env && !matches!(state, State::Idle | State::Paused | State::Error) {
        return Err(
            "Updating env to workflow execution is only permitted if it is in \
             IDLE, PAUSED, or ERROR state."
                .into(),
        );
    }
    if !state.can_transition_to(State::Running) {
        return Err(format!(
            "Can't change workflow execution state from {state} to RUNNING. \
             [workflow={}, execution_id={}]",
            exec.record.workflow_name, exec.record.id
        ));
    }
    Ok(())
}

fn python_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

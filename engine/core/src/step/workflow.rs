//! The workflow's own life: start, pause, resume, cancel, stop, and
//! completion (the final state, its message and the output).

use bora_expr::functions::py_str;
use serde_json::{Map, Value, json};

use crate::dataflow::{eval_data, task_data};
use crate::limits::{BoundedText, bound_message, map_size};
use crate::records::{ActionResult, TaskExecution, WorkflowExecution};
use crate::state::State;

use super::types::{Command, Event};
use super::{Stepper, Structural};

impl Stepper<'_> {
    pub(super) fn start(&mut self) {
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
    pub(super) fn pause(&mut self, msg: Option<String>) {
        if self.exec.record.state != State::Running {
            return;
        }
        let now = self.now;
        self.exec.record_mut().set_state(State::Paused, msg, now);
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
    pub(super) fn notify_parent(&mut self) {
        if let Some(parent_task_id) = self.exec.record.task_execution_id.clone() {
            self.commands.push(Command::NotifyParent {
                parent_task_id,
                child_id: self.exec.record.id.clone(),
            });
        }
    }

    pub(super) fn resume(&mut self) {
        if self.exec.record.state != State::Paused {
            return;
        }
        // Read the backlog before anything changes: an entry this version
        // cannot read fails the execution, naming it, instead of being lost.
        let backlog = match decode_backlog(&self.exec.record.backlog) {
            Ok(events) => events,
            Err(error) => {
                let message = format!(
                    "Failed to resume [wf_ex_id={}, wf_name={}]: {error}",
                    self.exec.record.id,
                    self.wf_name()
                );
                self.complete_workflow(State::Error, Some(message));
                return;
            }
        };
        let now = self.now;
        let record = self.exec.record_mut();
        record.set_state(State::Running, None, now);
        record.backlog.clear();
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
                task.set_state(State::Running, None, now);
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
        for event in backlog {
            // A `pause` in the backlog pauses again: what follows it waits
            // for the next resume, as in Mistral.
            if self.exec.record.state == State::Paused {
                self.backlog(event);
            } else {
                self.handle(event);
            }
        }
    }

    pub(super) fn cancel(&mut self, message: Option<String>) {
        if self.exec.record.state.is_terminal() {
            return;
        }
        self.cancel_open_tasks(None);
        self.complete_workflow(State::Cancelled, message);
    }

    /// Cancels every task not completed yet, their running actions, and
    /// (through commands) their sub-workflows. `info`, when given, becomes
    /// the tasks' `state_info`.
    pub(super) fn cancel_open_tasks(&mut self, info: Option<&str>) {
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
                if let Some(info) = info {
                    task.state_info = Some(info.to_owned());
                }
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
    }

    /// Ends the execution in `state` (`succeed`/`fail` engine commands, or
    /// the API). Bora's choice where Mistral leaves them running forever:
    /// tasks still open are cancelled, so a finished workflow has no
    /// running task (see the language notes in `engine/lang/README.md`).
    pub(super) fn stop(&mut self, state: State, message: Option<String>) {
        if self.exec.record.state.is_terminal() {
            return;
        }
        match state {
            State::Cancelled => self.cancel(message),
            State::Success | State::Error => {
                let info = format!(
                    "Cancelled: the workflow ended in {} while the task was open",
                    state.as_str()
                );
                self.cancel_open_tasks(Some(&info));
                self.complete_workflow(state, message);
            }
            _ => {}
        }
    }

    /// Completes the workflow when no task is left to run.
    pub(super) fn check_completion(&mut self) {
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
    pub(super) fn failure_message(&self, failed: &[&TaskExecution]) -> String {
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

    pub(super) fn complete_workflow(&mut self, state: State, info: Option<String>) {
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
        record.set_state(state, info, now);
        record.output = output;
        self.commands.push(Command::Finished);
        self.notify_parent();
    }

    /// The output on SUCCESS: `output` evaluated against the final context,
    /// or the final context itself when `output` is empty or falsy.
    pub(super) fn workflow_output(&mut self) -> Result<Map<String, Value>, String> {
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
    pub(super) fn error_output(&mut self, message: &str) -> Map<String, Value> {
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

    /// A structural failure while `what` (Mistral's wording, e.g. "Failed to
    /// run task"), with the workflow and task named.
    pub(super) fn fail_task(&mut self, task_id: &str, what: &str, Structural(message): Structural) {
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
    pub(super) fn fail_structural(&mut self, task_id: &str, message: String) {
        let now = self.now;
        self.exec.joins.bump();
        let message = bound_message(message, self.exec.limits.max_message_bytes);
        if let Some(task) = self.exec.task_mut(task_id) {
            task.set_state(State::Error, Some(message.clone()), now);
            task.processed = true;
            task.finished_at = Some(now);
        }
        if !self.exec.record.state.is_terminal() {
            let record = self.exec.record_mut();
            record.state = State::Running;
            self.complete_workflow(State::Error, Some(message));
        }
    }
}

/// An entry of an execution's backlog that does not decode as an [`Event`].
#[derive(Debug, thiserror::Error)]
#[error("malformed event #{index} in the backlog ({source}): {event}")]
pub(super) struct MalformedEvent {
    /// Position in the backlog, from 0.
    index: usize,
    /// The entry as stored, cut to [`SHOWN_EVENT_BYTES`].
    event: String,
    source: serde_json::Error,
}

/// How much of a malformed backlog entry a message shows.
const SHOWN_EVENT_BYTES: usize = 500;

/// The backlog's events, in order; the first entry that does not decode
/// is an error.
fn decode_backlog(backlog: &[Value]) -> Result<Vec<Event>, MalformedEvent> {
    backlog
        .iter()
        .enumerate()
        .map(|(index, raw)| {
            serde_json::from_value::<Event>(raw.clone()).map_err(|source| MalformedEvent {
                index,
                event: bound_message(raw.to_string(), SHOWN_EVENT_BYTES),
                source,
            })
        })
        .collect()
}

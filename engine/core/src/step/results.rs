//! Results coming in: action completions, sub-workflow changes, the result
//! size cap, and publishing (branch and global).

use bora_expr::functions::py_str;
use bora_lang::model::Task;
use serde_json::{Map, Value};

use crate::dataflow::eval_data;
use crate::limits::{bound_message, json_size, map_size};
use crate::records::{ActionResult, WorkflowExecution};
use crate::state::State;

use super::{CallLimits, Command, Stepper, Structural};

impl Stepper<'_> {
    pub(super) fn on_action_complete(&mut self, action_id: &str, result: ActionResult) {
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
            .is_some_and(|t| {
                t.state == State::Running && !t.runtime_context.is_superseded(action_id)
            });
        let max = self.exec.limits.max_message_bytes;
        let error = match &result {
            ActionResult::Error(error) => Some(bound_message(py_str(error), max)),
            _ => None,
        };
        if let Some(action) = self.exec.action_mut(action_id) {
            action.set_state(result.state(), error.clone(), now);
            action.result = Some(result.clone());
            action.accepted = task_running;
        }
        let Some(task_id) = task_id else {
            return;
        };
        if !task_running || !self.count_result(&task_id, &result) {
            return;
        }
        self.on_item_complete(&task_id, result.state(), error);
    }

    /// See [`Event::ActionRerun`](super::Event::ActionRerun).
    pub(super) fn on_action_rerun(
        &mut self,
        action_id: &str,
        timeout: Option<u64>,
        limits: Option<CallLimits>,
        target: Option<String>,
    ) {
        let now = self.now;
        let Some(lost) = self.exec.action(action_id).cloned() else {
            return;
        };
        if lost.state.is_completed() {
            return; // delivered twice: already applied
        }
        let task_id = lost.task_execution_id.clone();
        let task_running = task_id
            .as_deref()
            .and_then(|id| self.exec.task(id))
            .is_some_and(|t| {
                t.state == State::Running && !t.runtime_context.is_superseded(action_id)
            });
        let again_id = task_running.then(|| self.id());
        let message = match &again_id {
            Some(id) => format!(
                "The node running this action stopped before it finished; it runs again \
                 as action execution {id} (safe-rerun: true)."
            ),
            None => "The node running this action stopped before it finished.".to_owned(),
        };
        if let Some(action) = self.exec.action_mut(action_id) {
            action.set_state(State::Error, Some(message.clone()), now);
            action.result = Some(ActionResult::Error(Value::String(message)));
            action.accepted = false;
        }
        let (Some(task_id), Some(again_id)) = (task_id, again_id) else {
            return;
        };
        let mut again = lost;
        again.id = again_id.clone();
        again.state = State::Running;
        again.state_info = None;
        again.result = None;
        again.accepted = false;
        again.created_at = now;
        again.updated_at = None;
        let (name, input) = (again.name.clone(), again.input.clone());
        self.exec.add_action(again);
        self.commands.push(Command::RunAction {
            action_id: again_id,
            task_id,
            execution_id: self.exec.record.id.clone(),
            name,
            input,
            timeout,
            safe_rerun: true,
            limits,
            target,
        });
    }

    /// Adds a result's size to its task's total; past `max_result_bytes`
    /// the task (and the workflow) fail at once. Returns whether the task
    /// goes on.
    pub(super) fn count_result(&mut self, task_id: &str, result: &ActionResult) -> bool {
        let size = match result {
            ActionResult::Success(value) | ActionResult::Error(value) => json_size(value),
            ActionResult::Cancelled => 0,
        };
        let limit = self.exec.limits.max_result_bytes;
        let Some(task) = self.exec.task_mut(task_id) else {
            return false;
        };
        let bora = &mut task.runtime_context.bora;
        let total = bora.result_bytes.unwrap_or(0).saturating_add(size as u64);
        bora.result_bytes = Some(total);
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

    pub(super) fn on_child_complete(&mut self, child: WorkflowExecution) {
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
            .is_some_and(|t| t.runtime_context.is_superseded(&child.id));
        self.exec.set_child(child);
        let running = self
            .exec
            .task(&task_id)
            .is_some_and(|t| t.state == State::Running);
        if running && !superseded {
            self.on_item_complete(&task_id, state, info);
        }
    }

    /// Publishes as Mistral's `get_publish` + `publish_variables`: the
    /// state's `publish*` dict as branch, then `on-complete`'s publish, then
    /// the state's on-clause publish on top. Without any publish spec
    /// `published` stays `{}`; a spec without branch values gives `null`.
    pub(super) fn publish(
        &mut self,
        task_id: &str,
        spec: &Task,
        state: State,
    ) -> Result<(), Structural> {
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
        // `task()` shows the state the task completes in, as in Mistral,
        // which sets it before publishing.
        self.exec.publishing = Some((task_id.to_owned(), state));
        let published = eval_data(self.exec, &Value::Object(branch), &data, Some(task_id));
        let global = eval_data(self.exec, &Value::Object(global), &data, Some(task_id));
        self.exec.publishing = None;
        let published = match published.map_err(|e| Structural(e.to_string()))? {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        let global = match global.map_err(|e| Structural(e.to_string()))? {
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
                task.runtime_context.bora.published_null = true;
            }
        }
        self.ctx.invalidate(task_id);
        Ok(())
    }
}

//! Skipping and rerunning a failed task (Mistral's `PUT /v2/tasks/{id}`),
//! and reopening a completed execution for it.

use serde_json::{Map, Value};

use crate::execution::Execution;
use crate::state::State;
use crate::task_runtime::Bookkeeping;

use super::Stepper;

impl Stepper<'_> {
    /// Puts a completed (ERROR or CANCELLED) execution back to RUNNING for
    /// a rerun or skip, and tells the parent so it reopens its task
    /// (Mistral's `_recursive_rerun`).
    pub(super) fn reopen(&mut self) {
        // A task is about to run again: routes it closed may reopen.
        self.exec.joins.bump();
        if self.exec.record.state == State::Running {
            return;
        }
        let now = self.now;
        self.exec.record_mut().set_state(State::Running, None, now);
        self.notify_parent();
    }

    /// Whether a skip or rerun may go ahead in the core (the API reports
    /// the reasons first, see [`check_rerun`]).
    pub(super) fn may_rerun(&self, task_id: &str) -> bool {
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
    pub(super) fn reset_runtime_context(
        &mut self,
        task_id: &str,
        superseded: Vec<String>,
        keep: Vec<u64>,
    ) {
        let Some(task) = self.exec.task_mut(task_id) else {
            return;
        };
        let old = std::mem::take(&mut task.runtime_context).bora;
        let mut bora = Bookkeeping {
            run: Some(old.run.unwrap_or(0) + 1),
            superseded: old.superseded,
            published_null: old.published_null,
            keep_items: (!keep.is_empty()).then_some(keep),
            ..Bookkeeping::default()
        };
        bora.supersede(superseded);
        task.runtime_context.bora = bora;
    }

    pub(super) fn skip(&mut self, task_id: &str) {
        if !self.may_rerun(task_id) {
            return;
        }
        self.reopen();
        self.reset_runtime_context(task_id, Vec::new(), Vec::new());
        let now = self.now;
        if let Some(task) = self.exec.task_mut(task_id) {
            task.set_state(State::Skipped, Some("Task was skipped.".into()), now);
            task.processed = false;
            task.error_handled = false;
            task.finished_at = Some(now);
        }
        self.ctx.invalidate(task_id);
        // No after-completion policies: publish-on-skip, then on-skip.
        if let Err(error) = self.after_finish(task_id, State::Skipped, true) {
            self.fail_task(task_id, "Failed to handle action completion", error);
        }
    }

    pub(super) fn rerun(&mut self, task_id: &str, reset: bool, env: Option<Map<String, Value>>) {
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
            bora_expr::python::merge_dicts(slot, &Value::Object(env));
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
                keep.push(u64::from(index));
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
                keep.push(u64::from(index));
            } else {
                superseded.push(id);
            }
        }
        self.reset_runtime_context(task_id, superseded, keep);
        let now = self.now;
        if let Some(task) = self.exec.task_mut(task_id) {
            task.set_state(State::Idle, None, now);
            task.processed = false;
            task.error_handled = false;
            task.started_at = Some(now);
            task.finished_at = None;
        }
        self.ctx.invalidate(task_id);
        // A join task checks its join again first (Mistral reruns it as a
        // waiting task).
        if self.spec(task_id).is_some_and(|spec| spec.join.is_some()) {
            if let Some(task) = self.exec.task_mut(task_id) {
                task.set_state(State::Waiting, Some("Task is waiting.".into()), now);
            }
            self.check_join(task_id);
            return;
        }
        self.run_task(task_id);
    }

    /// A failed sub-workflow is being rerun: its task (and this execution)
    /// run again and wait for it (Mistral's `mark_task_running`).
    pub(super) fn reopen_for_child(&mut self, task_id: &str) {
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
            task.set_state(State::Running, None, now);
            task.processed = false;
            task.error_handled = false;
            task.finished_at = None;
            // The item counted as failed is running again.
            if let Some(wi) = &mut task.runtime_context.with_items {
                wi.failed = Some(wi.failed().saturating_sub(1));
            }
        }
        self.ctx.invalidate(task_id);
    }
}

/// Why Mistral refuses a task update (`PUT /v2/tasks/{id}`) for a skip
/// (`skip: true`) or a rerun (`reset` as given, `None` when absent), with
/// its wording; `Ok` when [`Event::Skip`](super::Event::Skip) /
/// [`Event::Rerun`](super::Event::Rerun) may be sent.
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

//! What follows a finished task: its transitions (on-success, on-error,
//! on-complete, on-skip), engine commands, joins and reverse workflows.

use bora_expr::functions::py_str;
use bora_lang::model::{Join, OnClause, Task};
use serde_json::{Map, Value};

use crate::dataflow::{eval_data, eval_text, task_data, truthy};
use crate::join::Verdict;
use crate::limits::bound_message;
use crate::records::ActionResult;
use crate::state::State;

use super::types::{Event, Timer};
use super::{Stepper, Structural};

impl Stepper<'_> {
    /// Puts the task in its final state, publishes (unless done already),
    /// follows transitions.
    pub(super) fn finish_task(
        &mut self,
        task_id: &str,
        state: State,
        info: Option<String>,
        publish: bool,
    ) {
        let now = self.now;
        let max = self.exec.limits.max_message_bytes;
        let info = info.map(|message| bound_message(message, max));
        if let Some(task) = self.exec.task_mut(task_id) {
            if task.state.is_completed() {
                return;
            }
            let info = if state == State::Success { None } else { info };
            task.set_state(state, info, now);
            task.finished_at = Some(now);
        }
        if let Err(error) = self.after_finish(task_id, state, publish) {
            self.fail_task(task_id, "Failed to handle action completion", error);
        }
    }

    pub(super) fn after_finish(
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
    pub(super) fn reverse_next(&mut self) {
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

    /// The transitions a finished task takes, in Mistral's order.
    pub(super) fn find_next(
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
    /// first `fail` or `succeed` is dropped; while the execution is paused
    /// (after a `pause`) the rest waits in the backlog for resume, so the
    /// tasks that follow a `pause` are created only then. `fail` and
    /// `succeed` cancel the tasks still open (see [`Self::stop`]).
    pub(super) fn follow(&mut self, task_id: &str, next: Vec<Next>) {
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
            // While paused (after a `pause`), Mistral keeps the rest of
            // the commands in the backlog and runs them on resume.
            let paused = self.exec.record.state == State::Paused;
            match n.command.as_deref() {
                Some(command @ ("fail" | "succeed")) => {
                    let state = if command == "fail" {
                        State::Error
                    } else {
                        State::Success
                    };
                    if paused {
                        self.backlog(Event::Stop {
                            state,
                            message: n.msg,
                        });
                    } else {
                        self.stop(state, n.msg);
                    }
                }
                Some("pause") if paused => self.backlog(Event::Pause),
                Some("pause") => self.pause(n.msg),
                _ => self.transition(task_id, n.name),
            }
        }
    }

    /// Starts `name` after `task_id`, or keeps the transition in the
    /// backlog while the execution is paused.
    pub(super) fn transition(&mut self, task_id: &str, name: String) {
        if self.exec.record.state == State::Paused {
            self.backlog(Event::Transition {
                task_id: task_id.to_owned(),
                name,
            });
        } else {
            self.schedule_next(&name, task_id);
        }
    }

    /// Keeps `event` for when the execution resumes.
    pub(super) fn backlog(&mut self, event: Event) {
        if let Ok(event) = serde_json::to_value(event) {
            self.exec.record_mut().backlog.push(event);
        }
    }

    /// A transition to `name` from `parent_id`.
    pub(super) fn schedule_next(&mut self, name: &str, parent_id: &str) {
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
    pub(super) fn refresh_joins(&mut self) {
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
    pub(super) fn check_join(&mut self, task_id: &str) {
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
        if task.runtime_context.bora.join_check_armed == Some(true) {
            return;
        }
        if let Some(task) = self.exec.task_mut(task_id) {
            task.runtime_context.bora.join_check_armed = Some(true);
        }
        self.arm_timer(task_id, Timer::JoinCheck, 0);
    }

    pub(super) fn evaluate_join(&mut self, task_id: &str) {
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
                    task.set_state(State::Idle, None, now);
                }
                self.ctx.invalidate(task_id);
                self.run_task(task_id);
            }
            Verdict::Fail { routed, failed } => {
                let info = format!("Failed by tasks: [{}]", quoted(&failed));
                if let Some(task) = self.exec.task_mut(task_id) {
                    task.triggered_by = routed;
                }
                self.ctx.invalidate(task_id);
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
}

/// A transition chosen on completion.
pub(super) struct Next {
    name: String,
    event: &'static str,
    command: Option<String>,
    msg: Option<String>,
}

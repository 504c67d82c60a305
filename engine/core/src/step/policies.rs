//! Task policies and the timers that drive them: before the start
//! (pause-before, timeout, wait-before) and after completion (wait-after,
//! fail-on, retry with backoff); timers fired, stale ones ignored.

use bora_lang::model::{Retry, Task};
use serde_json::Map;

use crate::dataflow::{eval_text, task_data, truthy};
use crate::state::State;
use crate::task_runtime::Pending;

use super::types::{Command, Event, Timer};
use super::{Stepper, Structural};

pub(super) const MICROS: i64 = 1_000_000;

impl Stepper<'_> {
    /// The policies before a task starts, each once per run: pause-before,
    /// timeout (armed) and wait-before. False when the task must wait (the
    /// workflow paused, or a wait-before timer is armed).
    pub(super) fn before_start(&mut self, task_id: &str, spec: &Task) -> Result<bool, Structural> {
        let now = self.now;
        let Some(task) = self.exec.task(task_id) else {
            return Ok(false);
        };
        // pause-before: once; on resume the task runs without it.
        if !task.runtime_context.bora.pause_before_done {
            let pause = self.eval_bool(task_id, &spec.policies.pause_before, None)?;
            if let Some(task) = self.exec.task_mut(task_id) {
                task.runtime_context.bora.pause_before_done = true;
                if pause {
                    task.set_state(
                        State::Idle,
                        Some("Set by 'pause-before' policy".into()),
                        now,
                    );
                }
            }
            if pause {
                self.pause(None);
                return Ok(false);
            }
        }
        // timeout: armed once, with wait-before (Mistral starts both in
        // the same `before_task_start`, so the wait counts).
        if self
            .exec
            .task(task_id)
            .is_some_and(|t| !t.runtime_context.bora.timeout_armed)
        {
            let timeout = self.eval_int(task_id, "timeout", &spec.policies.timeout)?;
            if let Some(task) = self.exec.task_mut(task_id) {
                task.runtime_context.bora.timeout_armed = true;
                if timeout > 0 {
                    task.runtime_context.bora.timeout = Some(timeout);
                }
            }
            if timeout > 0 {
                self.arm_timer(task_id, Timer::Timeout, timeout);
            }
        }
        if self
            .exec
            .task(task_id)
            .is_some_and(|t| !t.runtime_context.bora.wait_before_done)
        {
            let delay = self.eval_int(task_id, "wait-before", &spec.policies.wait_before)?;
            if let Some(task) = self.exec.task_mut(task_id) {
                task.runtime_context.bora.wait_before_done = true;
                if delay > 0 {
                    let info = format!("Delayed by 'wait-before' policy [delay={delay}]");
                    task.set_state(State::Delayed, Some(info), now);
                }
            }
            if delay > 0 {
                self.arm_timer(task_id, Timer::WaitBefore, delay);
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub(super) fn arm_timer(&mut self, task_id: &str, timer: Timer, seconds: u64) {
        let attempt = self
            .exec
            .task(task_id)
            .map_or(0, |t| t.runtime_context.attempt());
        let delay = i64::try_from(seconds).unwrap_or(i64::MAX / MICROS);
        self.commands.push(Command::Timer {
            task_id: task_id.to_owned(),
            timer,
            attempt,
            due_at: self.now.saturating_add(delay.saturating_mul(MICROS)),
        });
    }

    pub(super) fn on_timer(&mut self, task_id: String, timer: Timer, attempt: u64) {
        match self.exec.record.state {
            State::Running => {}
            State::Paused => {
                // Replayed on resume.
                self.backlog(Event::Timer {
                    task_id,
                    timer,
                    attempt,
                });
                return;
            }
            _ => return,
        }
        let Some(task) = self.exec.task(&task_id) else {
            return;
        };
        // A timer of an earlier attempt is stale; the timeout covers every
        // retry of one run (Mistral arms it once, before the first start).
        let current = task.runtime_context.attempt();
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
                let (state, info) = match &task.runtime_context.bora.pending {
                    Some(pending) => (pending.state, pending.info.clone()),
                    None => (State::Success, None),
                };
                // Mistral completes the task again: fail-on and retry
                // come after the wait.
                self.complete_task(&task_id, state, info);
            }
            Timer::JoinCheck if state == State::Waiting => {
                if let Some(task) = self.exec.task_mut(&task_id) {
                    task.runtime_context.bora.join_check_armed = Some(false);
                }
                self.evaluate_join(&task_id);
            }
            Timer::Timeout if !state.is_completed() && state != State::Idle => {
                let seconds = task.runtime_context.bora.timeout.unwrap_or(0);
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

    /// All of a task's work is done: policies after completion, then finish.
    pub(super) fn complete_task(&mut self, task_id: &str, state: State, info: Option<String>) {
        if let Err(error) = self.try_complete_task(task_id, state, info) {
            self.fail_task(task_id, "Failed to complete task", error);
        }
    }

    pub(super) fn try_complete_task(
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
            .is_some_and(|t| t.runtime_context.bora.wait_after_done);
        if !waited {
            let delay = self.eval_int(task_id, "wait-after", &spec.policies.wait_after)?;
            if delay > 0 {
                self.publish(task_id, &spec, state)?;
                let now = self.now;
                if let Some(task) = self.exec.task_mut(task_id) {
                    task.runtime_context.bora.wait_after_done = true;
                    task.runtime_context.bora.pending = Some(Pending { state, info });
                    let info = format!("Delayed by 'wait-after' policy [delay={delay}]");
                    task.set_state(State::Delayed, Some(info), now);
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
        if let Some(retry) = &spec.policies.retry
            && matches!(state, State::Success | State::Error)
            && self.retry(task_id, retry, state)?
        {
            return Ok(());
        }
        self.finish_task(task_id, state, info, false);
        Ok(())
    }

    /// The retry policy on a task completed in `state` (SUCCESS or ERROR):
    /// schedules the next attempt and returns true, unless the retries are
    /// used up, `break-on` holds on an error, or `continue-on` does not hold
    /// (or is absent) on a success.
    fn retry(&mut self, task_id: &str, retry: &Retry, state: State) -> Result<bool, Structural> {
        let count = self.eval_int(task_id, "retry", &Some(retry.count.clone()))?;
        let delay = self.eval_int(task_id, "retry", &Some(retry.delay.clone()))?;
        let retry_no = self
            .exec
            .task(task_id)
            .map_or(0, |t| t.runtime_context.retry_no());
        let outbound = self.ctx.outbound(self.exec, task_id);
        let data = task_data(self.exec, self.exec.task(task_id), Map::new(), &outbound);
        let check = |me: &mut Self, cond: &Option<String>| -> Result<Option<bool>, Structural> {
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
            return Ok(true);
        }
        Ok(false)
    }

    /// Bora's extension: exponential backoff with an optional cap and jitter.
    /// Jitter is derived from the task id and attempt, so the core stays
    /// deterministic.
    pub(super) fn backoff_delay(
        &mut self,
        task_id: &str,
        retry: &Retry,
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
    pub(super) fn supersede_running(&mut self, task_id: &str) {
        let mut ids: Vec<String> = self
            .exec
            .actions_of(task_id)
            .filter(|a| !a.state.is_completed())
            .map(|a| a.id.clone())
            .collect();
        ids.extend(
            self.exec
                .children_of(task_id)
                .filter(|c| !c.state.is_completed())
                .map(|c| c.id.clone()),
        );
        if ids.is_empty() {
            return;
        }
        if let Some(task) = self.exec.task_mut(task_id) {
            task.runtime_context.bora.supersede(ids);
        }
    }

    pub(super) fn schedule_retry(&mut self, task_id: &str, retry_no: u64, delay: u64) {
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
        let children: Vec<String> = self
            .exec
            .children_of(task_id)
            .map(|c| c.id.clone())
            .collect();
        if let Some(task) = self.exec.task_mut(task_id) {
            let rc = &mut task.runtime_context;
            rc.retry_task_policy.get_or_insert_default().retry_no = retry_no;
            rc.bora.supersede(children);
            rc.bora.keep_items = Some(Vec::new());
            rc.bora.result_bytes = Some(0);
            if let Some(wi) = &mut rc.with_items {
                // The counters are written as 0, not dropped.
                wi.next = 0;
                wi.succeeded = Some(0);
                wi.failed = Some(0);
                wi.cancelled = Some(0);
                wi.todo = None;
            }
            // A join task waits in WAITING (Mistral re-checks its join).
            let state = if join { State::Waiting } else { State::Delayed };
            let info = format!("Delayed by 'retry' policy [delay={delay}]");
            task.set_state(state, Some(info), now);
        }
        self.arm_timer(task_id, Timer::Retry, delay);
    }

    pub(super) fn retry_now(&mut self, task_id: &str) {
        let now = self.now;
        let Some(spec) = self.spec(task_id) else {
            return;
        };
        let concurrency = self
            .exec
            .task(task_id)
            .and_then(|t| t.runtime_context.concurrency)
            .unwrap_or(0);
        if let Some(task) = self.exec.task_mut(task_id) {
            task.set_state(State::Running, None, now);
        }
        if let Err(error) = self.start_attempt(task_id, &spec, concurrency) {
            self.fail_task(task_id, "Failed to run task", error);
        }
    }
}

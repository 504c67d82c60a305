//! The step function: one execution, a batch of events, the decisions.
//!
//! [`step`] applies events to an [`Execution`] in memory and returns the
//! [`Command`]s the shell must carry out once the changes are stored. It
//! follows Mistral's semantics (FEATURES.md §1.5-1.8): task and workflow
//! state machines, transitions with conditions and engine commands, joins,
//! with-items with concurrency, publish (branch and global), policies (retry,
//! wait-before, wait-after, timeout, pause-before, fail-on, concurrency) and
//! workflow completion rules.
//!
//! # Layout
//!
//! One `Stepper` holds the execution and the step's outputs; its methods
//! are spread over the submodules by concern:
//!
//! - `types`: events, commands, timers, call limits.
//! - `workflow`: start, pause, resume, cancel, stop, completion.
//! - `launch`: creating tasks and starting their actions or sub-workflows.
//! - `eval`: evaluating a task's fields (policies, limits, flags).
//! - `with_items`: items, concurrency, counting completions.
//! - `policies`: pause-before, timeout, wait-before, wait-after, fail-on,
//!   retry, and the timers behind them.
//! - `results`: action and sub-workflow results, the size cap, publish.
//! - `transitions`: on-success/error/complete/skip, engine commands,
//!   joins, reverse workflows.
//! - `rerun`: skipping and rerunning failed tasks.

mod eval;
mod launch;
mod policies;
mod rerun;
mod results;
mod transitions;
mod types;
mod with_items;
mod workflow;

use crate::dataflow::Contexts;
use crate::env::Env;
use crate::execution::Execution;
use crate::records::Timestamp;
use crate::state::State;

pub use rerun::check_rerun;
pub use types::{CallLimits, Command, Event, Timer};

/// Applies `events` to `exec` at the time `env.now()`, with ids for new
/// records from `env.new_id()`. Returns the commands to carry out after
/// storing `exec.changes`.
///
/// Deterministic: the same execution, events and env (clock and id
/// sequence) give the same commands and changes.
pub fn step(exec: &mut Execution, events: Vec<Event>, env: &mut dyn Env) -> Vec<Command> {
    exec.expr_env = crate::dataflow::ExprEnv::new(env.now(), env.random_u64());
    let ctx = std::mem::take(&mut exec.contexts);
    let mut stepper = Stepper {
        exec,
        now: env.now(),
        env,
        commands: Vec::new(),
        ctx,
    };
    for event in events {
        stepper.handle(event);
    }
    stepper.check_completion();
    stepper.exec.contexts = stepper.ctx;
    stepper.commands
}

/// A failure that is not an action's own: an expression that cannot be
/// evaluated, a bad policy value. Mistral fails the task and the workflow.
struct Structural(String);

struct Stepper<'a> {
    exec: &'a mut Execution,
    /// The step's time, read once from `env`.
    now: Timestamp,
    env: &'a mut dyn Env,
    commands: Vec<Command>,
    ctx: Contexts,
}

impl Stepper<'_> {
    fn id(&mut self) -> String {
        self.env.new_id()
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
            Event::ActionRerun {
                action_id,
                timeout,
                limits,
                target,
            } => self.on_action_rerun(&action_id, timeout, limits, target),
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
            Event::Transition { task_id, name } => self.transition(&task_id, name),
            Event::Stop { state, message } => self.stop(state, message),
            Event::Skip { task_id } => self.skip(&task_id),
            Event::Rerun {
                task_id,
                reset,
                env,
            } => self.rerun(&task_id, reset, env),
        }
    }
}

//! Quick standard actions run inside the step that asks for them.
//!
//! `std.noop`, `std.echo` and `std.fail` have no side effects and take tens
//! of microseconds, while a job, a claim, a hand-off and a second commit
//! for each cost far more than the call. When this node is an executor too,
//! the scheduler runs them right after the core decides on them and gives
//! their results back to the core before anything is stored, so the step
//! commits the tasks already finished. That is exactly what an executor
//! reporting at once would cause: the same action executions, results,
//! transitions and policies (a retry with a delay still waits for its timer).
//! A crash before the commit loses nothing: the step runs again, and with it
//! these calls, which is harmless for actions without side effects.
//!
//! Bounded per step ([`MAX_INLINE`] calls, [`INLINE_TIME`]): what is left
//! goes to the executor as usual, so a with-items of a million noops cannot
//! hold one step, and other executions get their turn.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bora_core::execution::Execution;
use bora_core::records::ActionResult;
use bora_core::step::{Command, Event};

use super::apply::{ActionJob, StepFailure};
use super::children::{Child, Lookups, news_for_parent};
use super::{Scheduler, lock};
use crate::clock::now_micros;
use crate::runtime::std_actions;

/// What an inline call returns: the action's result, or `None` when it did
/// not finish (the node is stopping); the action then gets a job as usual.
pub type InlineCall = Pin<Box<dyn Future<Output = Option<ActionResult>> + Send>>;

/// Runs one quick standard action on this node (the executor provides it).
pub type InlineRunner = Arc<dyn Fn(ActionJob) -> InlineCall + Send + Sync>;

/// Calls one step makes at most before leaving the rest to the executor.
const MAX_INLINE: usize = 16_384;

/// Time one step spends on inline calls at most (the core's own time
/// included), so a long fan-out of noops does not delay its group commit.
const INLINE_TIME: Duration = Duration::from_millis(250);

/// Whether the scheduler may run `command` itself.
fn inlinable(command: &Command) -> bool {
    matches!(
        command,
        Command::RunAction { name, target: None, .. } if std_actions::runs_inline(name)
    )
}

impl Scheduler {
    /// Lets the scheduler run quick standard actions through `runner` (set
    /// by a node with both the engine and the executor role); `None` stops
    /// it (at shutdown, which also drops the executor handle it holds).
    pub fn set_inline(&self, runner: Option<InlineRunner>) {
        *lock(&self.inner.inline) = runner;
    }

    /// Whether steps may run quick actions (this node is an executor too).
    pub(super) fn inlines(&self) -> bool {
        lock(&self.inner.inline).is_some()
    }

    /// Runs the quick actions among `commands` and steps `exec` with their
    /// results, round after round while new ones come up (a chain of noops)
    /// and the step's bounds allow; starts sub-workflows here too (see
    /// [`super::children`]) and steps `exec` with what they report. Returns
    /// the execution, the commands left to store, and the children started;
    /// `now` becomes the time of the last round.
    pub(super) async fn run_inline(
        &self,
        mut exec: Execution,
        mut commands: Vec<Command>,
        now: &mut i64,
    ) -> Result<(Execution, Vec<Command>, Vec<Child>), StepFailure> {
        let mut children = Vec::new();
        let Some(runner) = lock(&self.inner.inline).clone() else {
            return Ok((exec, commands, children));
        };
        let mut bounds = Bounds {
            started: Instant::now(),
            left: MAX_INLINE,
        };
        let mut lookups = Lookups::default();
        loop {
            (exec, commands) = self
                .quick_rounds(&runner, exec, commands, &mut bounds, now)
                .await?;
            let (starts, rest): (Vec<Command>, Vec<Command>) = commands
                .into_iter()
                .partition(|c| matches!(c, Command::StartChild { .. }));
            commands = rest;
            let mut events = Vec::new();
            for start in starts {
                if !bounds.open() {
                    commands.push(start);
                    continue;
                }
                bounds.left -= 1;
                match self.start_in_step(&exec, start, &mut lookups, *now).await? {
                    Err(start) => commands.push(start),
                    Ok(child) => {
                        let (child_exec, child_commands) = self
                            .quick_rounds(&runner, child.exec, child.commands, &mut bounds, now)
                            .await?;
                        let mut child = Child {
                            exec: child_exec,
                            commands: child_commands,
                            ..child
                        };
                        events.extend(news_for_parent(&mut child));
                        children.push(child);
                    }
                }
            }
            if events.is_empty() {
                break;
            }
            *now = now_micros();
            let (next, more) = self.run_core(exec, events, *now).await?;
            exec = next;
            commands.extend(more);
        }
        Ok((exec, commands, children))
    }

    /// Runs the quick actions among `commands` and steps `exec` with their
    /// results, round after round, within `bounds`.
    async fn quick_rounds(
        &self,
        runner: &InlineRunner,
        mut exec: Execution,
        mut commands: Vec<Command>,
        bounds: &mut Bounds,
        now: &mut i64,
    ) -> Result<(Execution, Vec<Command>), StepFailure> {
        while bounds.open() {
            let mut quick = Vec::new();
            let mut rest = Vec::with_capacity(commands.len());
            for command in commands {
                if quick.len() < bounds.left && inlinable(&command) {
                    quick.push(command);
                } else {
                    rest.push(command);
                }
            }
            commands = rest;
            if quick.is_empty() {
                break;
            }
            bounds.left -= quick.len();
            let mut events = Vec::with_capacity(quick.len());
            // No yields here: a step with inline work has a blocking thread
            // of its own (see `Scheduler::on_core_thread`).
            for command in quick {
                let Some(job) = ActionJob::from_run(&exec, command.clone()) else {
                    commands.push(command);
                    continue;
                };
                match runner(job).await {
                    Some(result) => {
                        if let Command::RunAction { action_id, .. } = command {
                            events.push(Event::ActionCompleted { action_id, result });
                        }
                    }
                    None => commands.push(command),
                }
            }
            if events.is_empty() {
                break;
            }
            *now = now_micros();
            let (next, more) = self.run_core(exec, events, *now).await?;
            exec = next;
            commands.extend(more);
        }
        Ok((exec, commands))
    }
}

/// What one step may still spend on work done in the step.
struct Bounds {
    started: Instant,
    /// Calls (and children started) left.
    left: usize,
}

impl Bounds {
    fn open(&self) -> bool {
        self.left > 0 && self.started.elapsed() < INLINE_TIME
    }
}
